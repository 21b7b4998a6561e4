import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsedPeriodSchema } from '../../../lib/model/period.ts';
import { parsePeriod } from '../../../lib/periods/index.ts';
import { seed000, seed002, seedSchoolYear } from './seed-periods.ts';

/** The third column of the numbered rows of a seed's tab-separated table («сроки», «Срок исполнения»). */
function periodColumn(file: string): string[] {
  const text = readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8');
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length >= 4 && /^\d+\.$/.test(cells[0]!.trim()) && cells[2]!.trim())
      found.add(cells[2]!.trim());
  }
  return [...found].sort();
}

describe('seed period strings', () => {
  it('the fixture lists every distinct period of seed 000 and seed 002, no more', () => {
    expect(Object.keys(seed000).sort()).toEqual(periodColumn('000_eaebad773a01309e.txt'));
    expect(Object.keys(seed002).sort()).toEqual(periodColumn('002_bad5b6982bec67cd.txt'));
  });

  const ctx = { schoolYear: seedSchoolYear };
  describe.each([
    ['000', seed000],
    ['002', seed002],
  ])('seed %s', (_name, table) => {
    it.each(Object.entries(table))('«%s»', (raw, expected) => {
      const parsed = parsePeriod(raw, ctx);
      expect(parsed).toEqual({ raw, ...expected });
      expect(parsedPeriodSchema.safeParse(parsed).success).toBe(true);
    });
  });

  it('every seed period is read as something other than «не распознано»', () => {
    const all = [...Object.keys(seed000), ...Object.keys(seed002)];
    expect(all.filter((raw) => parsePeriod(raw, ctx).kind === 'unknown')).toEqual([]);
  });
});
