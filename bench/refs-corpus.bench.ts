// The document-reference reader on the reference corpus (tests/corpus/refs, #19): field-exact
// precision and recall (kind, number and date all right) on the tuning part and, separately, on
// the held-out part that is measured here and never tuned on; issuer and title accuracy for
// information; and throughput over the whole corpus.
import type { BenchSuite, Figure } from './figure.ts';
import { extractRefs } from '../lib/refs/index.ts';
import { loadPart, measureCorpus, share, type RefFigures } from '../tests/corpus/refs/measure.ts';

function partFigures(part: string, f: RefFigures): Figure[] {
  const pct = (t: { right: number; of: number }) => Math.round(share(t) * 1000) / 10;
  return [
    {
      name: `${part}: precision, field-exact (kind, number, date)`,
      value: pct(f.precision),
      unit: '%',
      target: 98,
      bound: 'min',
      note: `${f.precision.right} of ${f.precision.of} found, ${f.texts} texts`,
    },
    {
      name: `${part}: recall, field-exact`,
      value: pct(f.recall),
      unit: '%',
      target: 95,
      bound: 'min',
      note: `${f.recall.right} of ${f.recall.of} expected`,
    },
    {
      name: `${part}: issuer in the nominative as expected (information)`,
      value: pct(f.issuer),
      unit: '%',
      target: 0,
      bound: 'min',
      note: `${f.issuer.right} of ${f.issuer.of} right references`,
    },
    {
      name: `${part}: title as expected (information)`,
      value: pct(f.title),
      unit: '%',
      target: 0,
      bound: 'min',
      note: `${f.title.right} of ${f.title.of} right references`,
    },
  ];
}

export default {
  title: 'Document references on the reference corpus (tests/corpus/refs)',
  async run(): Promise<Figure[]> {
    const { tuning, heldOut } = measureCorpus();
    const figures = partFigures('tuning', tuning);
    if (heldOut) figures.push(...partFigures('held-out', heldOut));
    else console.log('  held-out: missing (tests/corpus/refs/held-out.json)');

    const texts = [...(loadPart('tuning') ?? []), ...(loadPart('held-out') ?? [])].map(
      (e) => e.text,
    );
    for (let i = 0; i < 5; i++) texts.forEach((t) => extractRefs(t));
    const rounds = 20;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) texts.forEach((t) => extractRefs(t));
    const seconds = (performance.now() - start) / 1000;
    figures.push({
      name: 'throughput over the whole corpus',
      value: Math.round((texts.length * rounds) / seconds),
      unit: 'texts/s',
      target: 50,
      bound: 'min',
      note: `${texts.length} texts`,
    });
    return figures;
  },
} satisfies BenchSuite;
