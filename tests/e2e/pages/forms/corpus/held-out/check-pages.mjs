// Sanity check of the held-out pages: node check-pages.mjs
// - each <name>.html names its indicator set in <meta name="svodka-indicators">;
// - every data-expect is an id of that set or 'none'; data-keys are unique on the page
//   (the page, its <name>.app.tsx and its <name>.inner.html taken together);
// - 5–14 fields, at least 2 of them 'none';
// - data-expect-value: absent on 'none' fields and on indicators whose value is null, present
//   otherwise, and consistent with the indicator's kind and value.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..');

/** Opening tags that carry data-key, with their attributes (handles JSX braces and quotes). */
function taggedElements(src) {
  const text = src.replace(/<!--[\s\S]*?-->/g, '');
  const out = [];
  const re = /data-key\s*=/g;
  let m;
  while ((m = re.exec(text))) {
    // the tag's start: the nearest '<' followed by a tag name before the attribute
    let start = m.index;
    while (start > 0 && !(text[start] === '<' && /[A-Za-z]/.test(text[start + 1] || ''))) start--;
    // the tag's end: the first '>' outside quotes and braces
    let depth = 0;
    let quote = '';
    let end = start + 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const tag = text.slice(start, end + 1);
    const name = /^<([A-Za-z][\w-]*)/.exec(tag)[1];
    const attrs = {};
    // only literal attribute values; JSX expressions are skipped
    const are = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{[^}]*\}))?/g;
    let a;
    const body = tag.slice(name.length + 1, -1);
    while ((a = are.exec(body))) {
      if (a[2] !== undefined || a[3] !== undefined) attrs[a[1]] = a[2] ?? a[3];
      else if (!(a[1] in attrs)) attrs[a[1]] = attrs[a[1]] ?? null;
    }
    out.push({ tag: name, attrs, raw: tag });
    re.lastIndex = end;
  }
  return out;
}

function expectedForms(ind) {
  const v = ind.value;
  switch (ind.kind) {
    case 'presence':
      return null; // page-specific wording, checked separately
    case 'count':
    case 'aggregate':
    case 'percent':
      return [String(v)];
    case 'date': {
      const [d, mo, y] = String(v).split('.');
      return [String(v), `${y}-${mo}-${d}`];
    }
    default:
      return [String(v)];
  }
}

const YES = /^(да|true|имеется|есть|заключ[её]н|выполнено|yes)$/i;
const NO = /^(нет|false|отсутствует|не заключ[её]н|не выполнено|no)$/i;

let failures = 0;
const fail = (page, msg) => {
  failures++;
  console.log(`  FAIL ${page}: ${msg}`);
};

const pages = readdirSync(here)
  .filter((f) => f.endsWith('.html') && !f.endsWith('.inner.html'))
  .sort();

for (const page of pages) {
  const base = page.slice(0, -'.html'.length);
  const html = readFileSync(join(here, page), 'utf8');
  const meta = /<meta\s+name="svodka-indicators"\s+content="([^"]+)"/.exec(html);
  if (!meta) {
    fail(page, 'no <meta name="svodka-indicators">');
    continue;
  }
  const setFile = join(corpus, `${meta[1]}.json`);
  if (!existsSync(setFile)) {
    fail(page, `unknown indicator set ${meta[1]}`);
    continue;
  }
  const set = new Map(JSON.parse(readFileSync(setFile, 'utf8')).map((i) => [i.indicatorId, i]));

  const sources = [[page, html]];
  for (const extra of [`${base}.app.tsx`, `${base}.inner.html`]) {
    if (existsSync(join(here, extra))) sources.push([extra, readFileSync(join(here, extra), 'utf8')]);
  }
  if (/src="[^"]*\.app\.js"/.test(html) && !existsSync(join(here, `${base}.app.tsx`))) {
    fail(page, `loads an .app.js but ${base}.app.tsx is missing`);
  }
  const iframeSrc = /<iframe[^>]*\ssrc="([^"]+)"/.exec(html);
  if (iframeSrc && iframeSrc[1] !== `${base}.inner.html`) fail(page, `iframe src ${iframeSrc[1]} is not ${base}.inner.html`);
  if (/https?:\/\//.test(sources.map((s) => s[1]).join('\n').replace(/<!--[\s\S]*?-->/g, ''))) {
    fail(page, 'references an absolute URL (no network allowed)');
  }
  if (!sources.some(([, s]) => /__formState\s*=/.test(s))) fail(page, 'no window.__formState');
  if (!sources.some(([, s]) => /__submitted\s*=\s*false/.test(s))) fail(page, 'window.__submitted not initialised to false');

  const fields = [];
  for (const [file, src] of sources) for (const el of taggedElements(src)) fields.push({ ...el, file });

  const seen = new Set();
  let none = 0;
  for (const f of fields) {
    const key = f.attrs['data-key'];
    const exp = f.attrs['data-expect'];
    const val = f.attrs['data-expect-value'];
    const where = `${f.file} <${f.tag} data-key="${key}">`;
    if (!key) fail(page, `${where}: data-key is not a literal`);
    if (seen.has(key)) fail(page, `duplicate data-key ${key}`);
    seen.add(key);
    if (exp === undefined || exp === null) {
      fail(page, `${where}: no data-expect`);
      continue;
    }
    if (exp === 'none') {
      none++;
      if (val !== undefined) fail(page, `${where}: 'none' field has data-expect-value`);
      continue;
    }
    const ind = set.get(exp);
    if (!ind) {
      fail(page, `${where}: data-expect="${exp}" is not in ${meta[1]}.json`);
      continue;
    }
    if (ind.value === null) {
      if (val !== undefined) fail(page, `${where}: ${exp} has no value but data-expect-value is set`);
      continue;
    }
    if (val === undefined || val === null) {
      fail(page, `${where}: ${exp} has a value but no data-expect-value`);
      continue;
    }
    if (ind.kind === 'presence') {
      const truthy = ind.value === 1 || ind.value === true;
      if (!(truthy ? YES : NO).test(val.trim())) fail(page, `${where}: ${exp}=${ind.value} but expects "${val}"`);
    } else {
      const forms = expectedForms(ind);
      if (forms && !forms.includes(val)) fail(page, `${where}: ${exp}=${ind.value} but expects "${val}"`);
    }
  }
  if (fields.length < 5 || fields.length > 14) fail(page, `${fields.length} fields (want 5–14)`);
  if (none < 2) fail(page, `only ${none} 'none' fields (want ≥ 2)`);
  console.log(`${page} [${meta[1]}]: ${fields.length} fields, ${none} none, ${fields.length - none} indicator`);
}

if (failures) {
  console.log(`${failures} problem(s)`);
  process.exit(1);
}
console.log(`${pages.length} pages OK`);
