import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n/index.ts';
import { describePeriod, dueDate, overlaps, parsePeriod } from '../../../lib/periods/index.ts';

const ctx = { schoolYear: '2020-2021' };
const p = (raw: string) => parsePeriod(raw, ctx);

describe('describePeriod', () => {
  it.each([
    ['февраль 2021', '01.02.2021–28.02.2021'],
    ['до 15 декабря 2020', 'до 15.12.2020'],
    ['15.03.2021', '15.03.2021'],
    ['не реже одного в четверть', 'каждую четверть'],
    ['не реже одной в полугодие', 'каждое полугодие'],
    ['ежемесячно', 'каждый месяц'],
    ['ежегодно', 'каждый год'],
    ['2 раза в год', '2 раза в год'],
    ['5 раз в год', '5 раз в год'],
    ['после проведения оценочной процедуры', 'по событию: после проведения оценочной процедуры'],
    ['По плану ЦОКО', 'по плану ЦОКО'],
    ['абракадабра', 'не распознано'],
  ])('«%s» → «%s»', (raw, text) => {
    expect(describePeriod(p(raw))).toBe(text);
  });

  it('says when the year is missing instead of inventing dates', () => {
    expect(describePeriod(parsePeriod('Февраль-март'))).toBe('февраль-март (год не указан)');
  });

  describe('in the English interface (the period’s own words stay as written)', () => {
    afterEach(() => setLocale('ru'));
    it.each([
      ['февраль 2021', '01.02.2021–28.02.2021'],
      ['до 15 декабря 2020', 'by 15.12.2020'],
      ['не реже одного в четверть', 'every term'],
      ['2 раза в год', '2 times a year'],
      ['1 раз в месяц', 'every month'],
      ['после проведения оценочной процедуры', 'on an event: после проведения оценочной процедуры'],
      ['абракадабра', 'not recognised'],
    ])('«%s» → «%s»', (raw, text) => {
      setLocale('en');
      expect(describePeriod(p(raw))).toBe(text);
    });
    it('the missing year too', () => {
      setLocale('en');
      expect(describePeriod(parsePeriod('Февраль-март'))).toBe('февраль-март (year not given)');
    });
  });
});

describe('dueDate', () => {
  it('is the end of a date, range or deadline', () => {
    expect(dueDate(p('февраль-апрель 2021'), '2021-01-10')).toBe('2021-04-30');
    expect(dueDate(p('до 15 декабря 2020'), '2021-01-10')).toBe('2020-12-15');
    expect(dueDate(p('15.03.2021'), '2021-01-10')).toBe('2021-03-15');
  });

  it('is the end of the current quarter for a quarterly activity', () => {
    const quarterly = p('не реже одного в четверть');
    expect(dueDate(quarterly, '2020-10-01', ctx)).toBe('2020-10-27');
    expect(dueDate(quarterly, '2021-02-15', ctx)).toBe('2021-03-23');
    // In the spring holidays the next quarter is the one to be done.
    expect(dueDate(quarterly, '2021-03-26', ctx)).toBe('2021-05-31');
  });

  it('follows the workspace quarters when given', () => {
    const quarters = [
      { start: '2020-09-01', end: '2020-10-30' },
      { start: '2020-11-09', end: '2020-12-29' },
      { start: '2021-01-11', end: '2021-03-19' },
      { start: '2021-03-29', end: '2021-05-31' },
    ];
    expect(dueDate(p('в конце четверти'), '2020-10-05', { ...ctx, quarters })).toBe('2020-10-30');
  });

  it('is the end of the month, half-year or school year for those recurrences', () => {
    expect(dueDate(p('ежемесячно'), '2021-02-10')).toBe('2021-02-28');
    expect(dueDate(p('не реже одной в полугодие'), '2020-10-01')).toBe('2020-12-28');
    expect(dueDate(p('не реже одной в полугодие'), '2021-02-01')).toBe('2021-05-31');
    expect(dueDate(p('2 раза в год'), '2021-02-01')).toBe('2021-08-31');
  });

  it('never runs past the recurrence’s own span, nor starts before it', () => {
    expect(dueDate(p('ежемесячно'), '2021-10-10')).toBe('2021-08-31');
    expect(dueDate(p('ежемесячно в течение 2021 года'), '2020-10-10')).toBe('2021-01-31');
  });

  it('is null for events, plans and what could not be read', () => {
    expect(dueDate(p('после проведения оценочной процедуры'), '2021-01-10')).toBeNull();
    expect(dueDate(p('по плану работы МНЦ'), '2021-01-10')).toBeNull();
    expect(dueDate(p('абракадабра'), '2021-01-10')).toBeNull();
  });
});

describe('overlaps', () => {
  it('meets windows that share a day with the period', () => {
    expect(overlaps(p('февраль-апрель 2021'), '2021-04-30', '2021-06-30')).toBe(true);
    expect(overlaps(p('февраль-апрель 2021'), '2021-05-01', '2021-06-30')).toBe(false);
    expect(overlaps(p('в течение года'), '2021-02-01', '2021-06-30')).toBe(true);
    expect(overlaps(p('ежемесячно'), '2021-09-01', '2021-12-31')).toBe(false);
  });

  it('counts a deadline by its day', () => {
    const d = p('до 15 декабря 2020');
    expect(overlaps(d, '2020-12-01', '2020-12-31')).toBe(true);
    expect(overlaps(d, '2020-09-01', '2020-11-30')).toBe(false);
    expect(overlaps(d, '2021-02-01', '2021-06-30')).toBe(false);
  });

  it('never matches periods without dates', () => {
    expect(overlaps(p('по плану УО'), '2000-01-01', '2100-01-01')).toBe(false);
    expect(overlaps(parsePeriod('Февраль-март'), '2000-01-01', '2100-01-01')).toBe(false);
  });
});
