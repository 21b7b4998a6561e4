// Measures the document-reference reader (lib/refs) on the reference corpus: tuning.json, written
// to tune on, and held-out.json, written by another hand and never tuned on (#19). A reference is
// right (field-exact) when its kind, number and date are all right; precision is right / found,
// recall is right / expected. Issuer and title accuracy are reported for information. Only the
// tuning part's misses are ever listed: the held-out texts are not to be read.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { extractRefs, CITATION_WORD, type DocumentRef } from '../../../lib/refs/index.ts';
import type { EvidenceKind } from '../../../lib/model/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const KIND_WORDS = [
  'приказ',
  'распоряжение',
  'постановление',
  'решение',
  'указ',
  'федеральный закон',
  'закон',
  'письмо',
  'протокол',
  'соглашение',
  'договор',
  'справка',
  'акт',
  'положение',
  'план',
  'программа',
] as const;

export const corpusEntrySchema = z.object({
  text: z.string(),
  expected: z.array(
    z.object({
      kind: z.enum(KIND_WORDS),
      number: z.string(),
      date: z.string().nullable(),
      issuer: z.string().nullable(),
      title: z.string().nullable(),
    }),
  ),
});
export type CorpusEntry = z.infer<typeof corpusEntrySchema>;
type Expected = CorpusEntry['expected'][number];

/** The corpus's kind word → the evidence kind whose citation word it is. */
const KIND_OF_WORD = new Map<string, EvidenceKind>(
  (Object.entries(CITATION_WORD) as Array<[EvidenceKind, string]>).map(([k, w]) => [
    w.toLowerCase(),
    k,
  ]),
);

export type Part = 'tuning' | 'held-out';

/** A part of the corpus, or null when its file is not there (the held-out part comes later). */
export function loadPart(part: Part): CorpusEntry[] | null {
  const file = path.join(here, `${part}.json`);
  if (!existsSync(file)) return null;
  return z.array(corpusEntrySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Tally {
  right: number;
  of: number;
}
export const share = (t: Tally): number => (t.of === 0 ? 1 : t.right / t.of);

export interface RefFigures {
  texts: number;
  /** Right references of those found. */
  precision: Tally;
  /** Right references of those expected. */
  recall: Tally;
  /** Of the right references: the issuer (nominative) and the title as expected. */
  issuer: Tally;
  title: Tally;
  /** Tuning part only: what went wrong, to read. */
  misses: string[];
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[«»"“”„]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function fieldExact(found: DocumentRef, want: Expected): boolean {
  return (
    found.kind === KIND_OF_WORD.get(want.kind) &&
    found.number.trim() === want.number.trim() &&
    found.date === want.date
  );
}

export function measureRefs(entries: readonly CorpusEntry[], listMisses: boolean): RefFigures {
  const tally = (): Tally => ({ right: 0, of: 0 });
  const f: RefFigures = {
    texts: entries.length,
    ...{ precision: tally(), recall: tally(), issuer: tally(), title: tally() },
    misses: [],
  };
  entries.forEach((entry, i) => {
    const found = extractRefs(entry.text);
    const used = new Set<number>();
    f.precision.of += found.length;
    f.recall.of += entry.expected.length;
    for (const want of entry.expected) {
      const at = found.findIndex((r, j) => !used.has(j) && fieldExact(r, want));
      if (at < 0) {
        if (listMisses)
          f.misses.push(`#${i} missed ${want.kind} ${want.number} ${want.date ?? '—'}`);
        continue;
      }
      used.add(at);
      f.precision.right++;
      f.recall.right++;
      const ref = found[at]!;
      f.issuer.of++;
      if (norm(ref.issuer) === norm(want.issuer)) f.issuer.right++;
      else if (listMisses) f.misses.push(`#${i} issuer «${ref.issuer}» ≠ «${want.issuer ?? ''}»`);
      f.title.of++;
      if (norm(ref.title) === norm(want.title)) f.title.right++;
      else if (listMisses) f.misses.push(`#${i} title «${ref.title}» ≠ «${want.title ?? ''}»`);
    }
    if (listMisses)
      found.forEach((r, j) => {
        if (!used.has(j))
          f.misses.push(`#${i} extra ${r.kind} ${r.number} ${r.date ?? '—'} «${r.raw}»`);
      });
  });
  return f;
}

/** Both parts; the held-out one is null when its file is missing. */
export function measureCorpus(): { tuning: RefFigures; heldOut: RefFigures | null } {
  const tuning = loadPart('tuning');
  if (!tuning) throw new Error('tests/corpus/refs/tuning.json missing');
  const heldOut = loadPart('held-out');
  return {
    tuning: measureRefs(tuning, true),
    heldOut: heldOut ? measureRefs(heldOut, false) : null,
  };
}
