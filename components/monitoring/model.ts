// Display helpers for monitorings (pure, no DOM): labels, values, what a row of the form shows.
import type { AutoResult } from '../../lib/checklist/auto.ts';
import type {
  Answer,
  AnswerStatus,
  Filling,
  Indicator,
  Template,
} from '../../lib/checklist/schema.ts';
import { answerKey } from '../../lib/checklist/schema.ts';
import { plural } from '../../lib/ru/plural.ts';

export const ANSWER_STATUS_LABELS: Record<AnswerStatus, string> = {
  proposed: 'предложено',
  confirmed: 'подтверждено',
  overridden: 'изменено вручную',
  rejected: 'отклонено',
};

export const KIND_LABELS: Record<Indicator['kind'], string> = {
  presence: 'наличие (1/0)',
  count: 'количество',
  number: 'число',
  text: 'текст',
  group: 'группа',
  aggregate: 'средний балл',
};

export const ANSWERABLE = new Set<Indicator['kind']>(['presence', 'count', 'number', 'text']);

export const INDICATOR_FORMS = ['показатель', 'показателя', 'показателей'] as const;
export const SCHOOL_FORMS = ['школа', 'школы', 'школ'] as const;

/** «1», «0,75», «—» for nothing. */
export function formatValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'number' ? String(v).replace('.', ',') : v;
}

/** What the user typed into a value field, as the answer's value. */
export function parseValueInput(kind: Indicator['kind'], text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  if (kind === 'text') return t;
  const n = Number(t.replace(',', '.').replace(/\s+/g, ''));
  return Number.isFinite(n) ? n : t;
}

/** A value-field error in Russian, or null. */
export function valueError(ind: Indicator, value: number | string | null): string | null {
  if (value === null || ind.kind === 'text') return null;
  if (typeof value !== 'number') return 'Введите число.';
  if (value < 0) return 'Значение не может быть отрицательным.';
  if (ind.kind === 'presence' && value !== 0 && value !== 1)
    return 'Наличие оценивается 1 (есть) или 0 (нет).';
  if (ind.kind === 'count' && !Number.isInteger(value)) return 'Количество — целое число.';
  if (ind.max !== null && value > ind.max) return `Не больше ${formatValue(ind.max)}.`;
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

/** «наставник» for a group about mentors, «тьютор» for tutors; who is assessed in the group. */
export function subjectNoun(group: Indicator): string {
  const t = group.text.toLowerCase();
  if (t.includes('наставни')) return 'наставник';
  if (t.includes('тьютор')) return 'тьютор';
  if (/\bшкол|\bоо\b|организац/.test(t)) return 'школа';
  return 'участник';
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
  return c >= 0.8 ? 'высокая' : c >= 0.5 ? 'средняя' : c > 0 ? 'низкая' : 'нет данных';
}

export function countPhrase(n: number): string {
  return plural(n, INDICATOR_FORMS);
}
