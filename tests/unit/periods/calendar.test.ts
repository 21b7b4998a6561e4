import { describe, expect, it } from 'vitest';
import { defaultQuarters, schoolYearBounds, schoolYearOf } from '../../../lib/periods/index.ts';

describe('school calendar', () => {
  it('the school year runs 1 September – 31 August', () => {
    expect(schoolYearBounds('2020-2021')).toEqual({ start: '2020-09-01', end: '2021-08-31' });
    expect(schoolYearBounds('2023/2024')).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });

  it('refuses a malformed school year with a Russian message', () => {
    expect(() => schoolYearBounds('2020-2022')).toThrow(/Учебный год/);
    expect(() => defaultQuarters('весна')).toThrow(/Учебный год/);
  });

  it.each([
    ['2021-03-15', '2020-2021'],
    ['2021-08-31', '2020-2021'],
    ['2021-09-01', '2021-2022'],
    ['2020-12-31', '2020-2021'],
  ])('%s belongs to %s', (day, year) => {
    expect(schoolYearOf(day)).toBe(year);
  });

  it('default quarters follow the usual Russian calendar with holidays between them', () => {
    expect(defaultQuarters('2020-2021')).toEqual([
      { name: 'I четверть', start: '2020-09-01', end: '2020-10-27' },
      { name: 'II четверть', start: '2020-11-05', end: '2020-12-28' },
      { name: 'III четверть', start: '2021-01-09', end: '2021-03-23' },
      { name: 'IV четверть', start: '2021-04-01', end: '2021-05-31' },
    ]);
  });
});
