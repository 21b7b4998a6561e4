// Which activities are overdue or due within a week, from the store's `deadlines` projection
// (no Y.Doc needed: the background reads it). Pure: `today` is a parameter.
import { t } from './messages.ts';
import { periodKindSchema, recurrenceSchema, type ParsedPeriod } from '../model/period.ts';
import { dueDate, type PeriodContext } from '../periods/index.ts';
import { plural } from '../ru/plural.ts';
import { compareIsoDates } from '../ru/date.ts';
import type { DeadlineRow } from '../store/db.ts';

export const DUE_SOON_DAYS = 7;

/** Statuses that need no reminder: the work is finished, dropped or moved to next year. */
const QUIET = new Set(['done', 'cancelled', 'postponed']);

/** Whether an activity in this status can be overdue or due soon (the rest are never listed). */
export function needsReminder(status: string): boolean {
  return !QUIET.has(status);
}

export interface DeadlineItem {
  workspaceId: string;
  activityId: string;
  title: string;
  /** ISO date the activity falls due. */
  due: string;
  /** Days from today to due: negative when overdue. */
  days: number;
}

export interface Deadlines {
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
}

type Row = Omit<DeadlineRow, 'key'>;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86_400_000);
}

/** The local calendar day of a moment as YYYY-MM-DD (reminders follow the user's own day). */
export function localIsoDate(moment: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${p(moment.getMonth() + 1)}-${p(moment.getDate())}`;
}

function parsedOf(row: Row): ParsedPeriod | null {
  const kind = periodKindSchema.safeParse(row.periodKind);
  if (!kind.success) return null;
  const every = row.every === null ? null : recurrenceSchema.safeParse(row.every);
  if (every && !every.success) return null;
  return {
    raw: '',
    kind: kind.data,
    start: row.start,
    end: row.end,
    every: every ? every.data : null,
    times: null,
  };
}

// One collator for every comparison: localeCompare(…, 'ru') looks the locale up on each call,
// which made sorting a large register's 10,000 overdue items take ~0.5 s in the popup.
const titleCollator = new Intl.Collator('ru');
/** Earliest due first, then by title. */
const byDue = (a: DeadlineItem, b: DeadlineItem) =>
  compareIsoDates(a.due, b.due) || titleCollator.compare(a.title, b.title);

export function computeDeadlines(
  rows: readonly Row[],
  today: string,
  ctx?: PeriodContext,
): Deadlines {
  const overdue: DeadlineItem[] = [];
  const dueSoon: DeadlineItem[] = [];
  const t = dayNumber(today);
  for (const row of rows) {
    if (!needsReminder(row.status)) continue;
    const parsed = parsedOf(row);
    if (!parsed) continue;
    const due = dueDate(parsed, today, ctx);
    if (!due) continue;
    const days = dayNumber(due) - t;
    const item = {
      workspaceId: row.workspaceId,
      activityId: row.activityId,
      title: row.title,
      due,
      days,
    };
    if (days < 0) overdue.push(item);
    else if (days <= DUE_SOON_DAYS) dueSoon.push(item);
  }
  return { overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

/** The toolbar badge: how many need attention ('' when none, «99+» past 99). */
export function badgeText(d: Deadlines): string {
  const n = d.overdue.length + d.dueSoon.length;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

/** Red when something is overdue, amber when only due soon. */
export function badgeColor(d: Deadlines): string {
  return d.overdue.length > 0 ? '#c62828' : '#ef8f00';
}

/** The badge's tooltip, in the interface language. */
export function badgeTitle(d: Deadlines): string {
  if (d.overdue.length + d.dueSoon.length === 0) return t('nothingDue');
  const parts: string[] = [];
  if (d.overdue.length) parts.push(t('overdue', d.overdue.length));
  if (d.dueSoon.length) parts.push(t('dueSoon', d.dueSoon.length));
  return t('badge', { parts: parts.join('; ') });
}

/** «просрочено на 3 дня», «сегодня», «через 2 дня» — for the popup list. */
export function describeDue(item: DeadlineItem): string {
  const DAY: readonly [string, string, string] = ['день', 'дня', 'дней'];
  if (item.days < 0) return `просрочено на ${plural(-item.days, DAY)}`;
  if (item.days === 0) return 'срок сегодня';
  if (item.days === 1) return 'срок завтра';
  return `через ${plural(item.days, DAY)}`;
}
