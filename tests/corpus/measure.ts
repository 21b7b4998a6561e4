// Measures the template reader, the rule binding and the auto-completion on the corpus: every
// spec is built into a real workbook, imported as a user would import it, bound to the library's
// rules, and completed from the example register for the 2020-2021 school year. Figures are
// shares of the expected indicators; the details name every miss so a reviewer can check them.
import { bindRules, libraryCandidates } from '../../lib/checklist/bind-rules.ts';
import { autoComplete, type AutoResult } from '../../lib/checklist/auto.ts';
import { newFilling } from '../../lib/checklist/filling.ts';
import { importTemplateXlsx } from '../../lib/checklist/import-xlsx.ts';
import { builtinTemplates } from '../../lib/checklist/library/index.ts';
import type { RegisterData } from '../../lib/checklist/register-index.ts';
import type { Template } from '../../lib/checklist/schema.ts';
import {
  activitySchema,
  evidenceSchema,
  linkSchema,
  organisationSchema,
  personSchema,
} from '../../lib/model/index.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkbook, loadCorpus, type CorpusSpec } from './spec.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PERIOD = { start: '2020-09-01', end: '2021-08-31' };
const NOW = '2021-09-01T00:00:00.000Z';

/**
 * The register the corpus's expected values were written from: the example workspace of
 * 2020-2021 as it was when the corpus was written, frozen here so that the example can grow
 * without moving the corpus's ground truth. Parsed by the model's own schemas.
 */
export function corpusRegister(): RegisterData {
  const raw = JSON.parse(readFileSync(path.join(here, 'register.json'), 'utf8')) as Record<
    string,
    unknown[]
  >;
  const all = <T>(list: unknown[] | undefined, schema: { parse(x: unknown): T }): T[] =>
    (list ?? []).map((x) => schema.parse(x));
  return {
    activities: all(raw.activities, activitySchema),
    evidence: all(raw.evidence, evidenceSchema),
    links: all(raw.links, linkSchema),
    organisations: all(raw.organisations, organisationSchema),
    people: all(raw.people, personSchema),
  };
}

export interface Tally {
  right: number;
  of: number;
}
const share = (t: Tally): number => (t.of === 0 ? 1 : t.right / t.of);

export interface CorpusFigures {
  forms: number;
  /** Indicators found with the right kind and answer cell. */
  structure: Tally;
  /** Indicators placed in the right section, and expected section rows read as sections. */
  sections: Tally;
  /** Known indicators (same: seed-004 id) bound to their own rule. */
  binding: Tally;
  /** Bindings to a wrong rule, of all indicators. */
  wrongBindings: Tally;
  /** The same value as seed 004's own form, by category. */
  valuesRelaid: Tally;
  valuesReworded: Tally;
  /** Indicators no rule knows: right values of the answerable ones; wrong values of all. */
  unknownRight: Tally;
  unknownWrong: Tally;
  misses: string[];
}

/** A title compared without its code («1.», «А.», «II.») or spacing. */
const norm = (s: string): string =>
  s
    .replace(/^\s*(?:[0-9IVXLC]{1,6}|[А-ЯЁA-Z])(?:\.\d{1,3})*[.)]\s*/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Values compared as the form would hold them. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Seed 004's own form, completed by the library from the same register. */
function referenceValues(data: RegisterData): Map<string, AutoResult> {
  const lib = builtinTemplates()[0]!;
  const filling = newFilling(lib, { id: 'ref', period: PERIOD }, NOW);
  return new Map(
    autoComplete(lib, filling, data, { today: PERIOD.end }).map((r) => [r.indicatorId, r]),
  );
}

export async function completeForm(
  spec: CorpusSpec,
  data: RegisterData,
): Promise<{ template: Template; results: Map<string, AutoResult> }> {
  const { template: read } = await importTemplateXlsx(await buildWorkbook(spec), spec.fileName);
  const { template } = bindRules(read, libraryCandidates(builtinTemplates()));
  const filling = newFilling(template, { id: 'corpus', period: PERIOD }, NOW);
  const results = autoComplete(template, filling, data, { today: PERIOD.end });
  return { template, results: new Map(results.map((r) => [r.indicatorId, r])) };
}

export async function measureCorpus(
  part: 'tuning' | 'held-out',
  data: RegisterData = corpusRegister(),
): Promise<CorpusFigures> {
  const specs = loadCorpus(part);
  const ref = referenceValues(data);
  const f: CorpusFigures = {
    forms: specs.length,
    structure: { right: 0, of: 0 },
    sections: { right: 0, of: 0 },
    binding: { right: 0, of: 0 },
    wrongBindings: { right: 0, of: 0 },
    valuesRelaid: { right: 0, of: 0 },
    valuesReworded: { right: 0, of: 0 },
    unknownRight: { right: 0, of: 0 },
    unknownWrong: { right: 0, of: 0 },
    misses: [],
  };
  for (const spec of specs) {
    let template: Template;
    let results: Map<string, AutoResult>;
    try {
      ({ template, results } = await completeForm(spec, data));
    } catch (error) {
      f.misses.push(`${spec.id}: not read: ${(error as Error).message}`);
      f.structure.of += spec.expected.indicators.length;
      f.sections.of += spec.expected.indicators.length;
      continue;
    }
    const miss = (what: string) => f.misses.push(`${spec.id}: ${what}`);
    const sections = new Map(template.sections.map((s) => [s.id, s]));
    for (const s of spec.expected.sections) {
      f.sections.of++;
      const found = template.sections.find((x) => x.row === s.row);
      if (found) f.sections.right++;
      else miss(`section row ${s.row} «${s.title.slice(0, 40)}» not read as a section`);
    }
    for (const e of spec.expected.indicators) {
      const ind = template.indicators.find((i) => i.row === e.row && i.id === `r${e.row}`);
      f.structure.of++;
      if (ind && ind.kind === e.kind && ind.cells.value === e.cell) f.structure.right++;
      else
        miss(
          `row ${e.row}: expected ${e.kind} at ${e.cell}, read ${ind ? `${ind.kind} at ${ind.cells.value ?? '—'}` : 'nothing'}`,
        );
      f.sections.of++;
      const section = ind ? sections.get(ind.section) : undefined;
      if (section && norm(section.title).startsWith(norm(e.section).slice(0, 60)))
        f.sections.right++;
      else
        miss(
          `row ${e.row}: section «${section?.title.slice(0, 40) ?? '—'}», expected «${e.section.slice(0, 40)}»`,
        );
      if (e.kind === 'aggregate') {
        if (e.same) {
          const tally = spec.category === 'reworded-seed004' ? f.valuesReworded : f.valuesRelaid;
          tally.of++;
          const got = results.get(`r${e.row}`)?.value ?? null;
          const want = ref.get(e.same)?.value ?? null;
          if (sameValue(got, want)) tally.right++;
          else miss(`row ${e.row} (aggregate ${e.same}): value ${got}, seed 004 gives ${want}`);
        }
        continue;
      }
      const bound = ind?.binding && !ind.binding.undone ? ind.binding.sourceId : null;
      f.wrongBindings.of++;
      if (bound !== null && bound !== e.same) {
        f.wrongBindings.right++;
        miss(`row ${e.row}: bound to ${bound}, expected ${e.same ?? 'none'}`);
      }
      const got = results.get(`r${e.row}`)?.value ?? null;
      if (e.same) {
        f.binding.of++;
        if (bound === e.same) f.binding.right++;
        else if (bound === null) miss(`row ${e.row}: not bound, expected ${e.same}`);
        const tally = spec.category === 'reworded-seed004' ? f.valuesReworded : f.valuesRelaid;
        tally.of++;
        const want = ref.get(e.same)?.value ?? null;
        if (sameValue(got, want)) tally.right++;
        else miss(`row ${e.row} (${e.same}): value ${got}, seed 004 gives ${want}`);
      } else if (e.value !== undefined) {
        f.unknownWrong.of++;
        if (e.value !== null) f.unknownRight.of++;
        if (got === null) {
          if (e.value !== null) miss(`row ${e.row}: no value, expected ${e.value}`);
        } else if (sameValue(got, e.value)) f.unknownRight.right++;
        else {
          f.unknownWrong.right++;
          miss(`row ${e.row}: value ${got}, expected ${e.value ?? 'none'}`);
        }
      }
    }
  }
  return f;
}

export function describeFigures(f: CorpusFigures): Record<string, string> {
  const pct = (t: Tally) => `${(share(t) * 100).toFixed(1)} % (${t.right}/${t.of})`;
  return {
    structure: pct(f.structure),
    sections: pct(f.sections),
    binding: pct(f.binding),
    wrongBindings: pct(f.wrongBindings),
    valuesRelaid: pct(f.valuesRelaid),
    valuesReworded: pct(f.valuesReworded),
    unknownRight: pct(f.unknownRight),
    unknownWrong: pct(f.unknownWrong),
  };
}

export { share };
