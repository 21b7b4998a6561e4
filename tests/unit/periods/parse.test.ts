import { describe, expect, it } from 'vitest';
import { parsedPeriodSchema } from '../../../lib/model/period.ts';
import type { ParsedPeriod } from '../../../lib/model/period.ts';
import { parsePeriod } from '../../../lib/periods/index.ts';
import type { PeriodContext } from '../../../lib/periods/index.ts';

type Row = [raw: string, kind: ParsedPeriod['kind'], start: string | null, end: string | null];
const ctx: PeriodContext = { schoolYear: '2020-2021' };
const SY: [string, string] = ['2020-09-01', '2021-08-31'];

function check(raw: string, context: PeriodContext = ctx): ParsedPeriod {
  const p = parsePeriod(raw, context);
  expect(parsedPeriodSchema.safeParse(p).success).toBe(true);
  expect(p.raw).toBe(raw);
  return p;
}

describe('the issue’s examples (school year 2020-2021)', () => {
  it.each<Row>([
    ['февраль 2021', 'range', '2021-02-01', '2021-02-28'],
    ['Февраль-март', 'range', '2021-02-01', '2021-03-31'],
    ['Февраль–март', 'range', '2021-02-01', '2021-03-31'],
    ['до 15 декабря 2020', 'deadline', null, '2020-12-15'],
    ['до четвертой четверти', 'deadline', null, '2021-03-31'],
    ['15.03.2021', 'date', '2021-03-15', '2021-03-15'],
    ['1 сентября 2021 г.', 'date', '2021-09-01', '2021-09-01'],
    ['с 1 по 11 мая 2021 года', 'range', '2021-05-01', '2021-05-11'],
    ['IV квартал 2021', 'range', '2021-10-01', '2021-12-31'],
    ['I полугодие 2021 года', 'range', '2021-01-01', '2021-06-30'],
    ['в течение 2021 года', 'range', '2021-01-01', '2021-12-31'],
    ['в течение года', 'range', ...SY],
    ['после проведения оценочной процедуры', 'event', null, null],
    ['по плану работы МТКП', 'plan', null, null],
    ['абракадабра', 'unknown', null, null],
  ])('«%s» → %s %s…%s', (raw, kind, start, end) => {
    const p = check(raw);
    expect({ kind: p.kind, start: p.start, end: p.end }).toEqual({ kind, start, end });
    expect(p.every).toBeNull();
    expect(p.times).toBeNull();
  });

  it.each<[string, ParsedPeriod['every'], number]>([
    ['не реже одного в четверть', 'quarter', 1],
    ['не реже одной в полугодие', 'half-year', 1],
    ['2 раза в год', 'year', 2],
    ['ежемесячно', 'month', 1],
    ['ежеквартально', 'quarter', 1],
    ['в конце четверти', 'quarter', 1],
    ['после каждой четверти', 'quarter', 1],
    ['не реже двух раз в месяц', 'month', 2],
    ['дважды в год', 'year', 2],
    ['5 раз в год', 'year', 5],
    ['ежегодно', 'year', 1],
    ['по итогам каждого полугодия', 'half-year', 1],
  ])('«%s» recurs every %s, %i time(s), over the school year', (raw, every, times) => {
    const p = check(raw);
    expect(p).toMatchObject({ kind: 'recurring', every, times, start: SY[0], end: SY[1] });
  });

  it('a recurrence inside a named span takes that span', () => {
    expect(check('ежемесячно в течение 2021 года')).toMatchObject({
      kind: 'recurring',
      every: 'month',
      start: '2021-01-01',
      end: '2021-12-31',
    });
  });

  it('weekly work is recurring without a unit the schema knows', () => {
    expect(check('еженедельно')).toMatchObject({ kind: 'recurring', every: null, times: null });
  });
});

describe('spelling variants', () => {
  it.each<Row>([
    ['февраль-апрель 2021', 'range', '2021-02-01', '2021-04-30'],
    ['февраль — апрель 2021 г.', 'range', '2021-02-01', '2021-04-30'],
    ['Февраль - Апрель 2021 года', 'range', '2021-02-01', '2021-04-30'],
    ['февраль‐апрель 2021г', 'range', '2021-02-01', '2021-04-30'],
    ['  ФЕВРАЛЬ   2021  ', 'range', '2021-02-01', '2021-02-28'],
    ['в феврале 2021 года', 'range', '2021-02-01', '2021-02-28'],
    ['фев. 2021', 'range', '2021-02-01', '2021-02-28'],
    ['мaрт 2021', 'range', '2021-03-01', '2021-03-31'], // Latin «a» inside a Russian word
    ['(февраль-июнь 2021 года)', 'range', '2021-02-01', '2021-06-30'],
    ['До 15 декабря 2020 г.', 'deadline', null, '2020-12-15'],
    ['до 15.12.2020', 'deadline', null, '2020-12-15'],
    ['не позднее 15.12.20', 'deadline', null, '2020-12-15'],
    ['к 1 сентября 2021 года', 'deadline', null, '2021-09-01'],
    ['до начала четвёртой четверти', 'deadline', null, '2021-03-31'],
    ['до IV четверти', 'deadline', null, '2021-03-31'],
    ['до конца 2021 года', 'deadline', null, '2021-12-31'],
    ['до конца учебного года', 'deadline', null, '2021-08-31'],
    ['до декабря 2020', 'deadline', null, '2020-11-30'],
    ['не позднее декабря 2020', 'deadline', null, '2020-12-31'],
    ['15.03.2021 г.', 'date', '2021-03-15', '2021-03-15'],
    ['1-го сентября 2021 года', 'date', '2021-09-01', '2021-09-01'],
    ['1 сентября', 'date', '2020-09-01', '2020-09-01'],
    ['1–11 мая 2021', 'range', '2021-05-01', '2021-05-11'],
    ['с 25 апреля по 11 мая 2021', 'range', '2021-04-25', '2021-05-11'],
    ['с 01.03.2021 по 15.03.2021', 'range', '2021-03-01', '2021-03-15'],
    ['декабрь 2020 – январь 2021', 'range', '2020-12-01', '2021-01-31'],
    ['ноябрь-январь', 'range', '2020-11-01', '2021-01-31'],
    ['август-сентябрь', 'range', '2021-08-01', '2021-09-30'],
    ['IV квартал 2021 г.', 'range', '2021-10-01', '2021-12-31'],
    ['в IV квартале 2021 года', 'range', '2021-10-01', '2021-12-31'],
    ['ІV квартал 2021', 'range', '2021-10-01', '2021-12-31'], // Cyrillic «І» + Latin «V»
    ['Ⅳ квартал 2021', 'range', '2021-10-01', '2021-12-31'], // Unicode Roman numeral
    ['4 квартал 2021', 'range', '2021-10-01', '2021-12-31'],
    ['четвертый квартал 2021 года', 'range', '2021-10-01', '2021-12-31'],
    ['І полугодие 2021 года', 'range', '2021-01-01', '2021-06-30'],
    ['2 полугодие 2020', 'range', '2020-07-01', '2020-12-31'],
    ['II полугодие 2020-2021 учебного года', 'range', '2021-01-09', '2021-05-31'],
    ['III четверть', 'range', '2021-01-09', '2021-03-23'],
    ['3-я четверть', 'range', '2021-01-09', '2021-03-23'],
    ['первая четверть', 'range', '2020-09-01', '2020-10-27'],
    ['I-II четверть', 'range', '2020-09-01', '2020-12-28'],
    ['2020-2021 учебный год', 'range', ...SY],
    ['в течение учебного года', 'range', ...SY],
    ['В течение 2021-2022 учебного года', 'range', '2021-09-01', '2022-08-31'],
    ['в конце учебного года', 'range', '2021-05-01', '2021-05-31'],
    ['в течение года, по графику', 'range', ...SY],
    ['по отдельному плану', 'plan', null, null],
    ['согласно графику', 'plan', null, null],
    ['по мере необходимости', 'event', null, null],
    ['по запросу ОО', 'event', null, null],
    ['до проведения педсовета', 'event', null, null],
  ])('«%s» → %s %s…%s', (raw, kind, start, end) => {
    const p = check(raw);
    expect({ kind: p.kind, start: p.start, end: p.end }).toEqual({ kind, start, end });
  });
});

describe('leap years and impossible dates', () => {
  it.each<Row>([
    ['29 февраля 2020', 'date', '2020-02-29', '2020-02-29'],
    ['29.02.2024', 'date', '2024-02-29', '2024-02-29'],
    ['февраль 2024', 'range', '2024-02-01', '2024-02-29'],
    ['февраль 2100', 'range', '2100-02-01', '2100-02-28'],
    ['февраль 2000', 'range', '2000-02-01', '2000-02-29'],
    ['31 февраля 2021', 'unknown', null, null],
    ['29 февраля 2021', 'unknown', null, null],
    ['29.02.2021', 'unknown', null, null],
    ['31.04.2021', 'unknown', null, null],
    ['до 31 февраля 2021', 'unknown', null, null],
    ['с 11 по 1 мая 2021', 'unknown', null, null],
    ['V четверть', 'unknown', null, null],
    ['III полугодие 2021', 'unknown', null, null],
    ['0 раз в год', 'unknown', null, null],
    ['', 'unknown', null, null],
    ['   ', 'unknown', null, null],
  ])('«%s» → %s', (raw, kind, start, end) => {
    const p = check(raw);
    expect({ kind: p.kind, start: p.start, end: p.end }).toEqual({ kind, start, end });
  });
});

describe('without a school year', () => {
  it('keeps what the text states and leaves unknown dates null', () => {
    expect(check('февраль 2021', {})).toMatchObject({
      kind: 'range',
      start: '2021-02-01',
      end: '2021-02-28',
    });
    expect(check('Февраль-март', {})).toMatchObject({ kind: 'range', start: null, end: null });
    expect(check('в течение года', {})).toMatchObject({ kind: 'range', start: null, end: null });
    expect(check('до четвертой четверти', {})).toMatchObject({ kind: 'deadline', end: null });
    expect(check('не реже одного в четверть', {})).toMatchObject({
      kind: 'recurring',
      every: 'quarter',
      times: 1,
      start: null,
      end: null,
    });
    expect(parsePeriod('31 февраля').kind).toBe('unknown');
  });

  it('takes the school year from the workspace’s quarters when only they are given', () => {
    const quarters = [
      { start: '2021-09-01', end: '2021-10-24' },
      { start: '2021-11-03', end: '2021-12-26' },
      { start: '2022-01-10', end: '2022-03-20' },
      { start: '2022-03-28', end: '2022-05-31' },
    ];
    expect(check('до четвертой четверти', { quarters })).toMatchObject({
      kind: 'deadline',
      end: '2022-03-27',
    });
    expect(check('март', { quarters })).toMatchObject({ start: '2022-03-01' });
  });
});

describe('workspace quarters', () => {
  it('quarter boundaries follow PeriodContext.quarters', () => {
    const quarters = [
      { start: '2020-09-01', end: '2020-10-30' },
      { start: '2020-11-09', end: '2020-12-29' },
      { start: '2021-01-11', end: '2021-03-19' },
      { start: '2021-03-29', end: '2021-05-31' },
    ];
    const c = { schoolYear: '2020-2021', quarters };
    expect(parsePeriod('до четвертой четверти', c).end).toBe('2021-03-28');
    expect(parsePeriod('III четверть', c)).toMatchObject({
      start: '2021-01-11',
      end: '2021-03-19',
    });
    // Quarters of another school year do not leak into this one.
    expect(parsePeriod('III четверть 2022', c)).toMatchObject({
      start: '2022-01-09',
      end: '2022-03-23',
    });
  });

  it('reads a period followed by the plan it follows', () => {
    expect(check('февраль 2021 (по плану МНЦ)')).toMatchObject({
      kind: 'range',
      start: '2021-02-01',
    });
    expect(check('В течение года\nПо отдельному плану')).toMatchObject({
      kind: 'range',
      start: SY[0],
    });
  });

  it('does not take a long text for a period', () => {
    expect(parsePeriod('февраль 2021 '.repeat(40), ctx).kind).toBe('unknown');
  });

  it('never throws on malformed context', () => {
    const bad = { schoolYear: 'прошлый', quarters: [{ start: 'x', end: 'y' }] };
    expect(parsePeriod('февраль 2021', bad).kind).toBe('range');
    expect(parsePeriod('март', bad)).toMatchObject({ kind: 'range', start: null });
  });
});
