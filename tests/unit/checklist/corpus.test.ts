// The corpus of monitoring forms (tests/corpus), built into real workbooks, read, bound and
// completed from the example register: the targets, asserted as they are (no margin),
// where the tuning part meets them. The bench «checklist-corpus» prints every figure beside its
// target, the missed ones too.
import { describe, expect, it } from 'vitest';
import { measureCorpus, share, type Tally } from '../../corpus/measure.ts';

const pct = (t: Tally): number => share(t) * 100;

describe('the corpus of monitoring forms', () => {
  it('tuning part: structure, sections, bindings and values meet the targets', async () => {
    const f = await measureCorpus('tuning');
    expect(f.forms).toBeGreaterThanOrEqual(25);
    // A failure lists the tuning part's misses, so the reviewer sees which rows.
    const misses = f.misses.join('\n');
    expect(pct(f.structure), misses).toBeGreaterThanOrEqual(98);
    expect(pct(f.sections), misses).toBeGreaterThanOrEqual(95);
    expect(pct(f.binding), misses).toBeGreaterThanOrEqual(95);
    expect(pct(f.wrongBindings), misses).toBeLessThanOrEqual(1);
    expect(pct(f.valuesRelaid), misses).toBeGreaterThanOrEqual(95);
    expect(pct(f.valuesReworded), misses).toBeGreaterThanOrEqual(90);
    expect(pct(f.unknownWrong), misses).toBeLessThanOrEqual(5);
    // Every figure is measured on something: an empty tally would pass any bound.
    for (const t of [
      f.structure,
      f.sections,
      f.binding,
      f.wrongBindings,
      f.valuesRelaid,
      f.valuesReworded,
      f.unknownWrong,
    ])
      expect(t.of).toBeGreaterThan(50);
    // Not asserted: right values for unknown indicators (target ≥ 80 %), below target on the
    // tuning part; the bench prints it beside its target.
  }, 60_000);

  it('held-out part: never a wrong binding or a wrong value (the precision guards)', async () => {
    // Measured, never studied: only the figures are read here, never the misses, and only the
    // precision guards are asserted (the rest is the bench's, so the held-out part never becomes
    // something the code is tuned to pass). What must hold on any form is that nothing is bound
    // to a wrong rule and no wrong value is proposed.
    const f = await measureCorpus('held-out');
    expect(f.wrongBindings.of).toBeGreaterThan(0);
    expect(f.unknownWrong.of).toBeGreaterThan(0);
    expect(pct(f.wrongBindings)).toBeLessThanOrEqual(1);
    expect(pct(f.unknownWrong)).toBeLessThanOrEqual(5);
  }, 60_000);
});
