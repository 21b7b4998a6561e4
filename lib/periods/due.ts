// When a period falls due as of a given day (for the overdue badge), and whether it meets a window.
import type { ParsedPeriod } from '../model/period.ts';
import { daysInMonth, isoOf, schoolYearOf } from './calendar.ts';
import type { PeriodContext } from './parse.ts';
import { quartersOf, resolveContext } from './parse.ts';

function occurrenceEnd(
  every: NonNullable<ParsedPeriod['every']>,
  day: string,
  ctx?: PeriodContext,
): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (every === 'month') return isoOf(y, m, daysInMonth(y, m));
  const first = Number(schoolYearOf(day).slice(0, 4));
  if (every === 'year') return isoOf(first + 1, 8, 31);
  const c = resolveContext(ctx);
  const ends = (f: number): string[] => {
    const q = quartersOf(f, c);
    return every === 'quarter' ? q.map((x) => x.end) : [q[1]!.end, q[3]!.end];
  };
  // The current occurrence, or in a holiday the next one (after May: the next school year's first).
  return ends(first).find((end) => end >= day) ?? ends(first + 1)[0]!;
}

/**
 * The day by which the activity should be done as of `today`: the end of a date, range or
 * deadline; for a recurrence the end of the current (or, in holidays, the next) month, quarter,
 * half-year or school year, never past the recurrence's own end. Null for events, plans, unknown.
 */
export function dueDate(p: ParsedPeriod, today: string, ctx?: PeriodContext): string | null {
  switch (p.kind) {
    case 'date':
    case 'range':
    case 'deadline':
      return p.end;
    case 'recurring': {
      if (!p.every) return p.end;
      if (p.end && today > p.end) return p.end;
      const day = p.start && today < p.start ? p.start : today;
      const end = occurrenceEnd(p.every, day, ctx);
      return p.end && end > p.end ? p.end : end;
    }
    default:
      return null;
  }
}

/**
 * Whether the period meets the window [from, to] (inclusive ISO dates). A deadline counts by its
 * day only: «до 15.12.2020» belongs to December 2020, not to every window before it. Periods
 * without dates (events, plans, unknown, undated) meet no window.
 */
export function overlaps(p: ParsedPeriod, from: string, to: string): boolean {
  if (p.kind === 'deadline') return p.end !== null && p.end >= from && p.end <= to;
  if (p.kind === 'event' || p.kind === 'plan' || p.kind === 'unknown') return false;
  if (p.start === null && p.end === null) return false;
  return (p.start === null || p.start <= to) && (p.end === null || p.end >= from);
}
