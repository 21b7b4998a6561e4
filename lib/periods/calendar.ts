// Calendar arithmetic on ISO dates (YYYY-MM-DD) and the Russian school calendar.
// Pure string/number work in UTC: periods carry no time zone, and this runs in Node and the browser.

export interface Quarter {
  name: string;
  start: string;
  end: string;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    y >= 1000 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

export function isoOf(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + days * 86_400_000;
  const date = new Date(t);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Accepts «2020-2021» (also «2020/2021», «2020–21»); returns the first calendar year or null. */
export function schoolYearStart(schoolYear: string): number | null {
  const m = /^\s*(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})\s*$/.exec(schoolYear);
  if (!m) return null;
  const first = Number(m[1]);
  const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
  return second === first + 1 ? first : null;
}

function requireSchoolYear(schoolYear: string): number {
  const first = schoolYearStart(schoolYear);
  if (first === null)
    throw new Error(`Учебный год «${schoolYear}» записан неверно: нужно, например, 2020-2021`);
  return first;
}

/** The school year runs 1 September – 31 August. Throws a Russian message on a malformed year. */
export function schoolYearBounds(schoolYear: string): { start: string; end: string } {
  const first = requireSchoolYear(schoolYear);
  return { start: isoOf(first, 9, 1), end: isoOf(first + 1, 8, 31) };
}

/** «2021-03-15» → «2020-2021»; «2021-09-01» → «2021-2022». */
export function schoolYearOf(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const first = m >= 9 ? y : y - 1;
  return `${first}-${first + 1}`;
}

/**
 * The usual Russian four-quarter calendar, as an approximation until a workspace sets its own
 * (regions and schools move holidays every year, hence PeriodContext.quarters):
 * I 01.09–27.10, autumn holidays, II 05.11–28.12, winter holidays, III 09.01–23.03,
 * spring holidays, IV 01.04–31.05, then summer.
 */
export function defaultQuarters(schoolYear: string): Quarter[] {
  const y = requireSchoolYear(schoolYear);
  return [
    { name: 'I четверть', start: isoOf(y, 9, 1), end: isoOf(y, 10, 27) },
    { name: 'II четверть', start: isoOf(y, 11, 5), end: isoOf(y, 12, 28) },
    { name: 'III четверть', start: isoOf(y + 1, 1, 9), end: isoOf(y + 1, 3, 23) },
    { name: 'IV четверть', start: isoOf(y + 1, 4, 1), end: isoOf(y + 1, 5, 31) },
  ];
}
