// What the form exports read from a template, its filling and the auto-completion results,
// reduced to one flat list of rows with final values. Only this file knows the checklist's
// shapes, so the exports follow lib/checklist through one adapter.
import type { Aggregate, Filling, Indicator, Template } from '../checklist/schema.ts';
import { answerKey } from '../checklist/schema.ts';

/**
 * The part of lib/checklist's `AutoResult` the exports read. `autoComplete`'s array is accepted
 * as is; a record or Map by indicator id also works (the UI may hold results either way).
 */
export interface AutoResultLike {
  indicatorId?: string;
  value?: number | string | boolean | null;
  evidence?: readonly { id: string; title?: string }[] | null;
  activities?: readonly unknown[] | null;
  disagreement?: { manual: number | string | null; proposed: number | string | null };
}

export type ResultsLike =
  | Readonly<Record<string, AutoResultLike | undefined>>
  | ReadonlyMap<string, AutoResultLike>
  | readonly AutoResultLike[];

export type FormValue = number | string | null;

export interface FormRow {
  indicator: Indicator;
  id: string;
  number: string;
  title: string;
  sectionId: string;
  sectionTitle: string;
  kind: Indicator['kind'];
  /** For an aggregate row: how it is computed, and the items it is computed from. */
  aggregate: Aggregate | null;
  items: string[];
  /** Final value: the answer (combined across subjects), or the aggregate computed from items. */
  value: FormValue;
  /** Whether someone answered (a value, or an explicit empty answer). */
  answered: boolean;
  statuses: string[];
  /** What auto-completion proposed, null when it had no opinion. */
  proposed: FormValue;
  /** Auto-completion's own verdict that a confirmed answer and the register disagree. */
  disagrees: boolean;
  evidenceIds: string[];
  activityIds: string[];
  comment: string;
}

function resultOf(results: ResultsLike | undefined, id: string): AutoResultLike | undefined {
  if (!results) return undefined;
  if (Array.isArray(results))
    return (results as readonly AutoResultLike[]).find((r) => r.indicatorId === id);
  if (results instanceof Map) return results.get(id);
  return (results as Readonly<Record<string, AutoResultLike | undefined>>)[id];
}

function scalar(v: unknown): FormValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  return null;
}

type Fn = Aggregate['perSubject'];

export function combine(fn: Fn, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  switch (fn) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Indicators that carry an answer of their own (not headings, not computed rows). */
export function isAnswerable(ind: Indicator): boolean {
  return ind.kind !== 'group' && ind.kind !== 'aggregate';
}

export function formRows(template: Template, filling: Filling, results?: ResultsLike): FormRow[] {
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  const aggregateOfGroup = new Map<string, Aggregate>();
  for (const ind of template.indicators)
    if (ind.kind === 'aggregate' && ind.parent && ind.aggregate)
      aggregateOfGroup.set(ind.parent, ind.aggregate);
  const subjectsOf = (ind: Indicator) => (ind.parent ? (filling.subjects[ind.parent] ?? []) : []);

  /** Numeric answers per subject ('' for the group answered once). */
  const perSubject = new Map<string, Map<string, number>>();
  const rows = template.indicators.map((ind): FormRow => {
    const subjects = subjectsOf(ind);
    const keys = subjects.length ? subjects.map((s) => answerKey(ind.id, s.id)) : [ind.id];
    const answers = keys.map((k) => filling.answers[k]);
    const numbers = new Map<string, number>();
    answers.forEach((a, i) => {
      const v = scalar(a?.value);
      if (typeof v === 'number') numbers.set(subjects[i]?.id ?? '', v);
    });
    perSubject.set(ind.id, numbers);
    let value: FormValue;
    if (subjects.length) {
      const across = ind.parent
        ? (aggregateOfGroup.get(ind.parent)?.acrossSubjects ?? 'mean')
        : 'mean';
      value = combine(across, [...numbers.values()]);
    } else value = scalar(answers[0]?.value);
    const result = resultOf(results, ind.id);
    const evidenceIds = [...new Set(answers.flatMap((a) => a?.evidenceIds ?? []))];
    return {
      indicator: ind,
      id: ind.id,
      number: ind.number,
      title: ind.text,
      sectionId: ind.section,
      sectionTitle: sections.get(ind.section) ?? '',
      kind: ind.kind,
      aggregate:
        ind.kind === 'aggregate'
          ? (ind.aggregate ?? { perSubject: 'sum', acrossSubjects: 'mean', digits: 2 })
          : null,
      items: [],
      value,
      answered: answers.some((a) => a !== undefined && a.status !== 'rejected'),
      statuses: answers.flatMap((a) => (a ? [a.status] : [])),
      proposed: scalar(result?.value),
      disagrees: result?.disagreement !== undefined,
      // The user's own choice of evidence wins; otherwise what auto-completion found.
      evidenceIds: evidenceIds.length ? evidenceIds : (result?.evidence ?? []).map((e) => e.id),
      activityIds: [...new Set(answers.flatMap((a) => a?.activityIds ?? []))],
      comment: answers
        .map((a) => a?.comment.trim() ?? '')
        .filter(Boolean)
        .join('; '),
    };
  });

  // Aggregates: per subject over the group's items, then across subjects, rounded as declared.
  for (const row of rows) {
    if (!row.aggregate) continue;
    const group = row.indicator.parent;
    const over = row.aggregate.over ? new Set(row.aggregate.over) : null;
    const items = rows.filter((r) =>
      over
        ? over.has(r.id) && isAnswerable(r.indicator)
        : r.indicator.parent === group && group !== null && isAnswerable(r.indicator),
    );
    row.items = items.map((r) => r.id);
    const subjects = group ? (filling.subjects[group] ?? []) : [];
    const subjectIds = subjects.length ? subjects.map((s) => s.id) : [''];
    const perSubjectValues = subjectIds
      .map((sid) =>
        combine(
          row.aggregate!.perSubject,
          items.flatMap((it) => {
            const v = perSubject.get(it.id)?.get(sid);
            return v === undefined ? [] : [v];
          }),
        ),
      )
      .filter((v): v is number => v !== null);
    row.value = round(
      combine(row.aggregate.acrossSubjects, perSubjectValues),
      row.aggregate.digits,
    );
  }
  return rows;
}
