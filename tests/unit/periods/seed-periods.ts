// Every distinct period string of seed 000 (column «сроки») and seed 002 (column «Срок исполнения»),
// copied by hand from tests/fixtures/seeds/, with the reading a deputy head would give it in the
// 2020-2021 school year (both documents belong to it: 000 reports on February–June 2021, 002 plans
// December 2020 – August 2021). Default quarters: I 01.09–27.10, II 05.11–28.12, III 09.01–23.03,
// IV 01.04–31.05.
import type { ParsedPeriod } from '../../../lib/model/period.ts';

export type Expected = Omit<ParsedPeriod, 'raw'>;

const schoolYear = { start: '2020-09-01', end: '2021-08-31' };

function range(start: string, end: string): Expected {
  return { kind: 'range', start, end, every: null, times: null };
}
function recurring(every: Expected['every'], times: number): Expected {
  return { kind: 'recurring', ...schoolYear, every, times };
}
const plan: Expected = { kind: 'plan', start: null, end: null, every: null, times: null };
const event: Expected = { kind: 'event', start: null, end: null, every: null, times: null };

export const seedSchoolYear = '2020-2021';

/** Seed 000 (Slavyansky report on execution), column «сроки». */
export const seed000: Record<string, Expected> = {
  'Февраль-март': range('2021-02-01', '2021-03-31'),
  'Июль-август': range('2021-07-01', '2021-08-31'),
  'В течение года': range(schoolYear.start, schoolYear.end),
  'После каждой четверти и учебный год': recurring('quarter', 1),
  'По плану ЦОКО': plan,
  'По плану УО': plan,
  '2 раза в год': recurring('year', 2),
  // The beginning of the school year: its first month.
  'В начале учебного года': range('2020-09-01', '2020-09-30'),
  март: range('2021-03-01', '2021-03-31'),
  // The dates are known (the whole year); the separate plan only says when exactly inside it.
  'В течение года По отдельному плану': range(schoolYear.start, schoolYear.end),
};

/** Seed 002 (Sochi roadmap), column «Срок исполнения». */
export const seed002: Record<string, Expected> = {
  'февраль 2021': range('2021-02-01', '2021-02-28'),
  'февраль-апрель 2021': range('2021-02-01', '2021-04-30'),
  'январь 2021': range('2021-01-01', '2021-01-31'),
  'август 2021': range('2021-08-01', '2021-08-31'),
  'не реже одного в четверть': recurring('quarter', 1),
  'не реже одной в полугодие': recurring('half-year', 1),
  'не реже одного в полугодие': recurring('half-year', 1),
  'в течение года': range(schoolYear.start, schoolYear.end),
  'по плану работы': plan,
  'декабрь 2020': range('2020-12-01', '2020-12-31'),
  'до 15 декабря 2020': {
    kind: 'deadline',
    start: null,
    end: '2020-12-15',
    every: null,
    times: null,
  },
  'в конце четверти': recurring('quarter', 1),
  // The day before the fourth quarter starts (01.04.2021).
  'до четвертой четверти': {
    kind: 'deadline',
    start: null,
    end: '2021-03-31',
    every: null,
    times: null,
  },
  'после проведения оценочной процедуры': event,
  'по плану работы МТКП': plan,
  'по плану работы МНЦ': plan,
  'по плану работы ИРО КК, СЦРО': plan,
};
