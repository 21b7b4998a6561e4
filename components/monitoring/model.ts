// Display helpers for monitorings (pure, no DOM): labels, values, what a row of the form shows.
import type { AutoResult } from '../../lib/checklist/auto.ts';
import type {
  Answer,
  AnswerStatus,
  Filling,
  Indicator,
  Template,
} from '../../lib/checklist/schema.ts';
import { ANSWERABLE_KINDS, answerKey } from '../../lib/checklist/schema.ts';
import { t } from './messages.ts';

const ANSWER_STATUS_KEYS = {
  proposed: 'answerProposed',
  confirmed: 'answerConfirmed',
  overridden: 'answerOverridden',
  rejected: 'answerRejected',
} as const satisfies Record<AnswerStatus, string>;

const KIND_KEYS = {
  presence: 'kindPresence',
  count: 'kindCount',
  number: 'kindNumber',
  percent: 'kindPercent',
  text: 'kindText',
  date: 'kindDate',
  group: 'kindGroup',
  aggregate: 'kindAggregate',
} as const satisfies Record<Indicator['kind'], string>;

/** «предложено», «подтверждено»… in the interface language. */
export function answerStatusLabel(status: AnswerStatus): string {
  return t(ANSWER_STATUS_KEYS[status]);
}

/** «наличие (1/0)», «количество»… in the interface language. */
export function kindLabel(kind: Indicator['kind']): string {
  return t(KIND_KEYS[kind]);
}

export const ANSWERABLE: ReadonlySet<Indicator['kind']> = ANSWERABLE_KINDS;

/** «1», «0,75», «—» for nothing. */
export function formatValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return String(v).replace('.', ',');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : v;
}

/** What the user typed into a value field, as the answer's value. */
export function parseValueInput(kind: Indicator['kind'], text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (kind === 'text') return trimmed;
  if (kind === 'date') {
    // Typed as ДД.ММ.ГГГГ whatever the browser's locale; kept as an ISO date.
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
    return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : trimmed;
  }
  const n = Number(trimmed.replace(/\s*%$/, '').replace(',', '.').replace(/\s+/g, ''));
  return Number.isFinite(n) ? n : trimmed;
}

/** A value-field error in the interface language, or null. */
export function valueError(ind: Indicator, value: number | string | null): string | null {
  if (value === null || ind.kind === 'text') return null;
  if (ind.kind === 'date')
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('errorDate');
  if (typeof value !== 'number') return t('errorNotNumber');
  if (value < 0) return t('errorNegative');
  if (ind.kind === 'presence' && value !== 0 && value !== 1) return t('errorPresence');
  if (ind.kind === 'count' && !Number.isInteger(value)) return t('errorCountInteger');
  if (ind.kind === 'percent' && value > 100) return t('errorPercent');
  if (ind.max !== null && value > ind.max) return t('errorMax', { max: formatValue(ind.max) });
  return null;
}

/** What the row shows now: a decision the user made wins over the latest proposal. */
export function shownValue(
  answer: Answer | undefined,
  result: AutoResult | undefined,
): number | string | null {
  if (answer && answer.status !== 'proposed') return answer.value;
  return result?.value ?? answer?.value ?? null;
}

/**
 * «наставник» for a group about mentors, «тьютор» for tutors; who is assessed in the group (in
 * the interface language; the group's text is the authority's, in Russian).
 */
export function subjectNoun(group: Indicator): string {
  const text = group.text.toLowerCase();
  if (text.includes('наставни')) return t('subjectMentor');
  if (text.includes('тьютор')) return t('subjectTutor');
  if (/\bшкол|\bоо\b|организац/.test(text)) return t('subjectSchool');
  return t('subjectParticipant');
}

/** «2.», «2, подпункт» for a sub-item. */
export function indicatorLabel(ind: Indicator, template: Template): string {
  if (ind.number) return ind.number;
  const parent = ind.parent ? template.indicators.find((i) => i.id === ind.parent) : undefined;
  return parent?.number ? `${parent.number} ·` : '·';
}

/** The sum (or the group's per-subject rule) of one subject's scores, for the table's last row. */
export function subjectScore(
  template: Template,
  filling: Filling,
  groupId: string,
  subjectId: string,
  fallback: (indicatorId: string) => number | string | null,
): number | null {
  const items = template.indicators.filter((i) => i.parent === groupId && ANSWERABLE.has(i.kind));
  const agg = template.indicators.find((i) => i.parent === groupId && i.kind === 'aggregate');
  const values: number[] = [];
  for (const item of items) {
    const a = filling.answers[answerKey(item.id, subjectId)];
    const v = a && a.status !== 'rejected' ? a.value : fallback(item.id);
    if (typeof v === 'number') values.push(v);
  }
  if (!values.length) return null;
  const how = agg?.aggregate?.perSubject ?? 'sum';
  const r =
    how === 'sum'
      ? values.reduce((a, b) => a + b, 0)
      : how === 'mean'
        ? values.reduce((a, b) => a + b, 0) / values.length
        : how === 'min'
          ? Math.min(...values)
          : Math.max(...values);
  return Math.round(r * 100) / 100;
}

/** «14.09.2020 10:30» in local time. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function confidenceLabel(c: number): string {
  return t(
    c >= 0.8
      ? 'confidenceHigh'
      : c >= 0.5
        ? 'confidenceMedium'
        : c > 0
          ? 'confidenceLow'
          : 'confidenceNone',
  );
}

/** «3 показателя» / «3 indicators». */
export function countPhrase(n: number): string {
  return t('indicators', n);
}
