/* global console, process */
// Static sanity check of the tuning corpus pages (plain Node, no dependencies):
//   node tests/e2e/pages/forms/corpus/tuning/check-pages.mjs
// For each <name>.html (not *.inner.html) it reads the page, its <name>.inner.html when an iframe
// loads it and its <name>.app.tsx when the page loads <name>.app.js, and checks that
// - the page names an indicator set in <meta name="svodka-indicators">;
// - every data-key is unique on the page and carries a data-expect;
// - every data-expect is an indicatorId of that set or 'none';
// - 'none' fields and fields of null-valued indicators carry no data-expect-value, the others do,
//   and the value agrees with the indicator (Да/Нет-like text or true/false, digits, text, date);
// - the page has 5–14 fields, at least 2 of them 'none';
// - the page defines __formState and __submitted and loads nothing from the network.
// Convention it relies on: data-key comes before data-expect / data-expect-value on each control.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = dirname(here);

const sets = {};
for (const name of ['indicators', 'school']) {
  const list = JSON.parse(readFileSync(join(corpus, `${name}.json`), 'utf8'));
  sets[name] = new Map(list.map((i) => [i.indicatorId, i]));
}

const ATTR = (name) => new RegExp(`${name}['"]?\\s*[=:]\\s*\\{?\\s*(["'])(.*?)\\1`, 'g');
const KEY_RE = ATTR('data-key');
const EXPECT_RE = ATTR('data-expect(?![-\\w])');
const VALUE_RE = ATTR('data-expect-value');

function fieldsOf(text, file) {
  const keys = [...text.matchAll(KEY_RE)];
  const fields = keys.map((m, i) => {
    const end = i + 1 < keys.length ? keys[i + 1].index : text.length;
    const seg = text.slice(m.index, end);
    const exp = [...seg.matchAll(EXPECT_RE)][0];
    const val = [...seg.matchAll(VALUE_RE)][0];
    return { file, key: m[2], expect: exp ? exp[2] : undefined, value: val ? val[2] : undefined };
  });
  const expects = [...text.matchAll(EXPECT_RE)].length;
  return { fields, expects };
}

const YES = /^(да|имеется|есть|true)(?!\p{L})/iu;
const NO = /^(нет|отсутствует|false)(?!\p{L})/iu;

function valueProblem(ind, v) {
  switch (ind.kind) {
    case 'presence': {
      const on = ind.value === true || ind.value === 1;
      return (on ? YES : NO).test(v) ? null : `expected a ${on ? 'yes' : 'no'}-like value`;
    }
    case 'count':
    case 'percent':
    case 'aggregate':
      return v === String(ind.value) ? null : `expected '${ind.value}'`;
    case 'text': // a select's option text may differ in case only
      return v.toLowerCase() === String(ind.value).toLowerCase() ? null : `expected '${ind.value}'`;
    case 'date': {
      const [d, m, y] = String(ind.value).split('.');
      return v === ind.value || v === `${y}-${m}-${d}` ? null : `expected a form of ${ind.value}`;
    }
    default:
      return null;
  }
}

let failures = 0;
const rows = [];
const pages = readdirSync(here)
  .filter((f) => f.endsWith('.html') && !f.endsWith('.inner.html'))
  .sort();

for (const file of pages) {
  const name = file.replace(/\.html$/, '');
  const errors = [];
  const html = readFileSync(join(here, file), 'utf8');
  const setName = /<meta\s+name="svodka-indicators"\s+content="([^"]+)"/.exec(html)?.[1];
  const set = setName ? sets[setName] : undefined;
  if (!set) errors.push(`no known indicator set named in <meta name="svodka-indicators">`);

  const sources = [[file, html]];
  for (const m of html.matchAll(/<iframe[^>]*\ssrc="([^"]+)"/g)) {
    const inner = m[1];
    if (/^[a-z]+:|^\/\//i.test(inner)) errors.push(`iframe src is not relative: ${inner}`);
    else if (!existsSync(join(here, inner))) errors.push(`iframe document missing: ${inner}`);
    else sources.push([inner, readFileSync(join(here, inner), 'utf8')]);
  }
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    const src = m[1];
    if (src !== `${name}.app.js`) errors.push(`unexpected script src: ${src}`);
    const tsx = join(here, `${name}.app.tsx`);
    if (!existsSync(tsx)) errors.push(`missing ${name}.app.tsx`);
    else sources.push([`${name}.app.tsx`, readFileSync(tsx, 'utf8')]);
  }

  const all = [];
  for (const [f, text] of sources) {
    const { fields, expects } = fieldsOf(text, f);
    if (expects !== fields.length)
      errors.push(`${f}: ${expects} data-expect for ${fields.length} data-key`);
    all.push(...fields);
    if (
      /\b(?:src|href)\s*=\s*["'](?:https?:)?\/\//i.test(text) ||
      /url\(\s*["']?https?:/i.test(text)
    )
      errors.push(`${f}: loads an external resource`);
  }
  const joined = sources.map(([, t]) => t).join('\n');
  if (!joined.includes('__formState')) errors.push('no __formState');
  if (!joined.includes('__submitted')) errors.push('no __submitted');

  const seen = new Set();
  for (const fld of all) {
    const at = `${fld.file} [${fld.key}]`;
    if (seen.has(fld.key)) errors.push(`${at}: duplicate data-key`);
    seen.add(fld.key);
    if (!fld.expect) {
      errors.push(`${at}: no data-expect`);
      continue;
    }
    if (fld.expect === 'none') {
      if (fld.value !== undefined) errors.push(`${at}: 'none' field with data-expect-value`);
      continue;
    }
    const ind = set?.get(fld.expect);
    if (!ind) {
      errors.push(`${at}: ${fld.expect} is not in set ${setName}`);
      continue;
    }
    if (ind.value === null || ind.value === undefined) {
      if (fld.value !== undefined) errors.push(`${at}: ${ind.indicatorId} has no value`);
    } else if (fld.value === undefined) {
      errors.push(`${at}: missing data-expect-value for ${ind.indicatorId}`);
    } else {
      const p = valueProblem(ind, fld.value);
      if (p) errors.push(`${at}: '${fld.value}' for ${ind.indicatorId} (${ind.kind}): ${p}`);
    }
  }
  const none = all.filter((f) => f.expect === 'none').length;
  if (all.length < 5 || all.length > 14) errors.push(`${all.length} fields (want 5–14)`);
  if (none < 2) errors.push(`${none} 'none' fields (want at least 2)`);

  rows.push(
    `${file.padEnd(28)} set=${String(setName).padEnd(11)} fields=${all.length} none=${none}`,
  );
  for (const e of errors) rows.push(`  ✗ ${e}`);
  failures += errors.length;
}

console.log(rows.join('\n'));
if (failures) {
  console.log(`\n${failures} problem(s)`);
  process.exit(1);
}
console.log(`\n${pages.length} pages OK`);
