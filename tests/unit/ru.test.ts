import { describe, expect, it } from 'vitest';
import { plural } from '../../lib/ru/plural.ts';
import { formatRuDate, parseRuDate } from '../../lib/ru/date.ts';
import { stem, stems } from '../../lib/ru/stem.ts';

describe('Russian plural agreement', () => {
  it.each([
    [1, '1 школа'],
    [2, '2 школы'],
    [5, '5 школ'],
    [11, '11 школ'],
    [21, '21 школа'],
    [22, '22 школы'],
    [111, '111 школ'],
  ])('%i → %s', (n, expected) => {
    expect(plural(n, ['школа', 'школы', 'школ'])).toBe(expected);
  });
  it('agrees «54 педагога из 22 школ»', () => {
    expect(`${plural(54, ['педагог', 'педагога', 'педагогов'])}`).toBe('54 педагога');
  });
});

describe('Russian dates', () => {
  it('formats ISO as ДД.ММ.ГГГГ', () => {
    expect(formatRuDate('2021-05-14')).toBe('14.05.2021');
    expect(formatRuDate(null)).toBe('');
  });
  it('parses ДД.ММ.ГГГГ and refuses impossible dates', () => {
    expect(parseRuDate('14.05.2021')).toBe('2021-05-14');
    expect(parseRuDate('31.02.2021')).toBeNull();
    expect(parseRuDate('май')).toBeNull();
  });
});

describe('Russian stemming', () => {
  it('folds word forms together', () => {
    expect(stem('мониторингов')).toBe(stem('мониторинг'));
    expect(stem('результатов')).toBe(stem('результаты'));
  });
  it('keeps abbreviations whole and case-insensitive', () => {
    expect(stems('ВПР ШНОР')).toEqual(['впр', 'шнор']);
  });
});
