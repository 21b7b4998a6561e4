// Checks corpus specs as their author writes them: `npx tsx tests/corpus/check.ts <spec.json>…`
// parses each, builds its workbook into /tmp, and checks that every expected indicator's row has
// text and its answer cell lies in the table. `--register` prints the corpus's register (tests/corpus/register.json,
// what the expected values must be derived from) as readable text.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusRegister } from './measure.ts';
import { buildWorkbook, corpusSpecSchema } from './spec.ts';

async function checkSpec(file: string): Promise<boolean> {
  const parsed = corpusSpecSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.log(`✗ ${file}: ${JSON.stringify(parsed.error.issues.slice(0, 5), null, 1)}`);
    return false;
  }
  const spec = parsed.data;
  const sheet = spec.sheets.find((s) => s.name === spec.expected.sheet);
  const problems: string[] = [];
  if (!sheet) problems.push(`no sheet «${spec.expected.sheet}»`);
  for (const ind of spec.expected.indicators) {
    const row = sheet?.rows[ind.row - 1];
    if (!row || !row.some((c) => typeof c === 'string' && c.trim().length > 3))
      problems.push(`row ${ind.row}: no indicator text there`);
    const m = /^([A-Z]+)(\d+)$/.exec(ind.cell)!;
    if (Number(m[2]) !== ind.row)
      problems.push(`row ${ind.row}: answer cell ${ind.cell} on another row`);
    if (ind.same === null && ind.kind !== 'aggregate' && ind.value === undefined)
      problems.push(`row ${ind.row}: same is null but no expected value (use null for «none»)`);
  }
  for (const s of spec.expected.sections) {
    const row = sheet?.rows[s.row - 1];
    if (!row?.some((c) => typeof c === 'string' && c.includes(s.title.slice(0, 20))))
      problems.push(`section row ${s.row}: «${s.title.slice(0, 30)}» not found there`);
  }
  const out = path.join('/tmp', spec.fileName);
  writeFileSync(out, await buildWorkbook(spec));
  if (problems.length) console.log(`✗ ${file}:\n  ${problems.join('\n  ')}`);
  else
    console.log(
      `✓ ${file}: ${spec.expected.indicators.length} indicators, ${spec.expected.sections.length} sections → ${out}`,
    );
  return problems.length === 0;
}

function printRegister(): void {
  const snap = corpusRegister();
  const orgs = new Map(snap.organisations.map((o) => [o.id, o]));
  console.log('# Organisations');
  for (const o of snap.organisations)
    console.log(
      `- ${o.name}${o.shnor ? ' [ШНОР]' : ''}${o.mentorOrgId ? ` (наставник: ${orgs.get(o.mentorOrgId)?.name})` : ''}`,
    );
  console.log('\n# Evidence (kind, date, number, title)');
  const evById = new Map(snap.evidence.map((e) => [e.id, e]));
  for (const e of snap.evidence)
    console.log(
      `- ${e.kind} ${e.date ?? 'без даты'} № ${e.number || '—'} ${e.issuer}: ${e.title}${e.url ? ` ${e.url}` : ''}`,
    );
  console.log('\n# Activities (status, period, direction, title; participants; linked evidence)');
  for (const a of snap.activities) {
    const p = a.period.parsed
      ? `${a.period.parsed.start ?? ''}..${a.period.parsed.end ?? ''}`
      : 'без срока';
    console.log(`- [${a.status}] ${a.period.raw} (${p}) · ${a.direction} · ${a.title}`);
    for (const part of a.participants)
      console.log(
        `    участник: ${part.orgId ? orgs.get(part.orgId)?.name : (part.label ?? '—')} × ${part.count ?? '?'}`,
      );
    for (const l of snap.links.filter((x) => x.activityId === a.id))
      console.log(`    подтверждение: ${evById.get(l.evidenceId)?.title}`);
  }
}

const args = process.argv.slice(2);
if (args.includes('--register')) printRegister();
else {
  let ok = true;
  for (const f of args) ok = (await checkSpec(f)) && ok;
  process.exit(ok ? 0 : 1);
}
