// Dates as document citations write them: «14.05.2021», «01.06. 2021», «14.05.21», «30.08.2021г.»,
// «26 января 2021 года», «от «26» января 2021 г.», and the odd spacing of filled-in blanks:
// «от «29 » 08. 2012г» (#19).
import { parseRuDate } from '../ru/date.ts';
import { MONTHS_GENITIVE } from '../ru/months.ts';

// Re-exported: callers of lib/refs took the table from here before it moved to lib/ru.
export { MONTHS_GENITIVE };

const OPEN = '[«"“„]';
const CLOSE = '[»"”“]';

/**
 * Source of a date (with its optional «года»/«г.»/«гг.» tail). Groups: d, m, y (digits, the
 * day possibly quoted), or wd, wm, wy (the month in words). A year followed by «-2021» or «/22»
 * is a school year, not a date.
 */
export const DATE_SOURCE =
  String.raw`(?:(?:${OPEN}[ \t]?)?(?<d>\d{1,2})(?:[ \t]?${CLOSE}[ \t]?\.?|[ \t]?\.)[ \t]?(?<m>\d{1,2})[ \t]?\.[ \t]?(?<y>\d{4}|\d{2})(?!\d|\.\d|[-–/]\d)` +
  String.raw`|(?:${OPEN}[ \t]?)?(?<wd>\d{1,2})(?:[ \t]?${CLOSE})?[ \t]*(?<wm>${MONTHS_GENITIVE.join('|')})[ \t]+(?<wy>\d{4})(?!\d|[-–/]\d))` +
  String.raw`(?:[ \t]*(?:года|гг\.?|г\.|г(?![\p{L}])))?`;

/** The ISO date of a DATE_SOURCE match's groups, or null when the calendar has no such day. */
export function isoFromGroups(groups: Record<string, string | undefined>): string | null {
  let d: string | undefined;
  let m: string | undefined;
  let y: string | undefined;
  if (groups.d !== undefined) {
    d = groups.d;
    m = groups.m;
    y = groups.y;
  } else if (groups.wd !== undefined && groups.wm !== undefined) {
    d = groups.wd;
    const month = groups.wm.toLowerCase();
    m = String(MONTHS_GENITIVE.findIndex((name) => name === month) + 1);
    y = groups.wy;
  }
  if (d === undefined || m === undefined || y === undefined) return null;
  // Two-digit years in school papers are this century («14.05.21»).
  const year = y.length === 2 ? `20${y}` : y;
  return parseRuDate(`${d.padStart(2, '0')}.${m.padStart(2, '0')}.${year}`);
}
