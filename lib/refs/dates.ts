// Dates as document citations write them: «14.05.2021», «01.06. 2021», «14.05.21»,
// «26 января 2021 года», «от «26» января 2021 г.».
import { parseRuDate } from '../ru/date.ts';
import { MONTHS_GENITIVE } from '../ru/months.ts';

// Re-exported: callers of lib/refs took the table from here before it moved to lib/ru.
export { MONTHS_GENITIVE };

/** Source of a date (with its optional «года»/«г.» tail); groups: d, m, y or wd, wm, wy. */
export const DATE_SOURCE =
  String.raw`(?:(?<d>\d{1,2})\.(?<m>\d{1,2})\.\s?(?<y>\d{4}|\d{2})(?![\d.])` +
  String.raw`|[«"]?(?<wd>\d{1,2})[»"]?\s+(?<wm>${MONTHS_GENITIVE.join('|')})\s+(?<wy>\d{4})(?!\d))` +
  String.raw`(?:\s*(?:года|г\.|г(?![\p{L}])))?`;

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
