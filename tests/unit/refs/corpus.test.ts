// The reference reader on the tuning part of the reference corpus (tests/corpus/refs, #19).
// The held-out part is measured by `npm run bench -- refs-corpus` only: never asserted here,
// never tuned on.
import { describe, expect, it } from 'vitest';
import { loadPart, measureRefs, share } from '../../corpus/refs/measure.ts';

describe('reference corpus, tuning part', () => {
  const tuning = loadPart('tuning')!;

  it('holds at least 100 texts in the shapes of federal, regional, municipal and school papers', () => {
    expect(tuning.length).toBeGreaterThanOrEqual(100);
  });

  it('field-exact precision ≥ 98 % and recall ≥ 95 % (kind, number and date all right)', () => {
    const f = measureRefs(tuning, true);
    const misses = f.misses.filter((m) => / (?:missed|extra) /.test(m)).join('\n');
    expect(share(f.precision), misses).toBeGreaterThanOrEqual(0.98);
    expect(share(f.recall), misses).toBeGreaterThanOrEqual(0.95);
  });
});
