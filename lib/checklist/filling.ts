// The review loop over a filling: proposals come in, the user confirms, overrides (with a
// comment) or rejects each; a later auto-completion never overwrites what the user decided.
import type { AutoResult } from './auto.ts';
import { ANSWERABLE, isManual } from './auto.ts';
import { t } from './messages.ts';
import { ruleSchema, describeNeed } from './rules.ts';
import type { Answer, Filling, Indicator, Template } from './schema.ts';

/** Stored in answers as their author: part of the record, so Russian whatever the interface. */
export const AUTO_ACTOR = 'автозаполнение';

/** Stores proposals as answers where the user has not decided yet; decided answers are kept. */
export function mergeProposals(
  filling: Filling,
  results: AutoResult[],
  actor: string,
  now: string,
): Filling {
  const answers: Record<string, Answer> = { ...filling.answers };
  let changed = false;
  for (const r of results) {
    const current = answers[r.indicatorId];
    if (isManual(current)) continue;
    const next: Answer = {
      value: r.value,
      status: 'proposed',
      comment: '',
      by: actor,
      at: now,
      evidenceIds: r.evidence.map((e) => e.id),
      activityIds: r.activities.map((a) => a.id),
    };
    if (current && sameAnswer(current, next)) continue;
    answers[r.indicatorId] = next;
    changed = true;
  }
  return changed ? { ...filling, answers, updatedAt: now } : filling;
}

function sameAnswer(a: Answer, b: Answer): boolean {
  return (
    a.value === b.value &&
    a.evidenceIds.join() === b.evidenceIds.join() &&
    a.activityIds.join() === b.activityIds.join()
  );
}

function decide(filling: Filling, key: string, answer: Answer): Filling {
  return { ...filling, answers: { ...filling.answers, [key]: answer }, updatedAt: answer.at };
}

/** The user accepts the proposal (or the value as it stands). */
export function confirmAnswer(filling: Filling, key: string, actor: string, now: string): Filling {
  const a = filling.answers[key];
  if (!a) throw new Error(t('nothingToConfirm', key));
  return decide(filling, key, { ...a, status: 'confirmed', by: actor, at: now });
}

/** The user sets a value of their own; a comment says why. */
export function overrideAnswer(
  filling: Filling,
  key: string,
  value: number | string | null,
  comment: string,
  actor: string,
  now: string,
  evidenceIds?: string[],
): Filling {
  const a = filling.answers[key];
  return decide(filling, key, {
    value,
    status: 'overridden',
    comment,
    by: actor,
    at: now,
    evidenceIds: evidenceIds ?? a?.evidenceIds ?? [],
    activityIds: a?.activityIds ?? [],
  });
}

export function rejectAnswer(
  filling: Filling,
  key: string,
  comment: string,
  actor: string,
  now: string,
): Filling {
  const a = filling.answers[key];
  return decide(filling, key, {
    value: null,
    status: 'rejected',
    comment,
    by: actor,
    at: now,
    evidenceIds: [],
    activityIds: a?.activityIds ?? [],
  });
}

export interface ProgressCounts {
  total: number;
  filled: number;
  confirmed: number;
  missingEvidence: number;
}

export interface Progress extends ProgressCounts {
  sections: ({ sectionId: string; title: string } & ProgressCounts)[];
}

function currentValue(ind: Indicator, filling: Filling, byId: Map<string, AutoResult>) {
  const a = filling.answers[ind.id];
  const r = byId.get(ind.id);
  if (a && a.status !== 'proposed')
    return {
      value: a.value,
      decided: a.status !== 'rejected',
      evidence: a.evidenceIds.length,
      answer: a,
      result: r,
    };
  return {
    value: a?.value ?? r?.value ?? null,
    decided: false,
    evidence: a?.evidenceIds.length ?? r?.evidence.length ?? 0,
    answer: a,
    result: r,
  };
}

/** Filled / confirmed / lacking evidence, per section and overall (aggregates are derived, not counted). */
export function progress(template: Template, filling: Filling, results: AutoResult[]): Progress {
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  const sections = template.sections.map((s) => ({
    sectionId: s.id,
    title: s.title,
    total: 0,
    filled: 0,
    confirmed: 0,
    missingEvidence: 0,
  }));
  const bySection = new Map(sections.map((s) => [s.sectionId, s]));
  for (const ind of template.indicators) {
    if (!ANSWERABLE.has(ind.kind)) continue;
    const s = bySection.get(ind.section);
    if (!s) continue;
    const v = currentValue(ind, filling, byId);
    s.total++;
    if (v.value !== null && v.value !== '') s.filled++;
    if (v.decided) s.confirmed++;
    if (v.evidence === 0 && !(ind.kind === 'text' && v.decided)) s.missingEvidence++;
  }
  const sum = (k: keyof ProgressCounts) => sections.reduce((n, s) => n + s[k], 0);
  return {
    total: sum('total'),
    filled: sum('filled'),
    confirmed: sum('confirmed'),
    missingEvidence: sum('missingEvidence'),
    sections,
  };
}

export interface MissingItem {
  indicatorId: string;
  number: string;
  text: string;
  sectionId: string;
  /** What is missing, in the interface language. */
  reason: string;
  /** What evidence would close it, in the interface language. */
  need: string;
}

/** «Что ещё нужно»: each unanswered or unproven indicator and the evidence that would close it. */
export function whatIsMissing(
  template: Template,
  filling: Filling,
  results: AutoResult[],
): MissingItem[] {
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  const out: MissingItem[] = [];
  const parents = new Map(template.indicators.map((i) => [i.id, i]));
  for (const ind of template.indicators) {
    if (!ANSWERABLE.has(ind.kind)) continue;
    const v = currentValue(ind, filling, byId);
    const parsed = ind.rule === undefined ? null : ruleSchema.safeParse(ind.rule);
    const need = parsed?.success
      ? describeNeed(parsed.data)
      : parsed
        ? t('needFixRule')
        : v.result && v.result.evidence.length + v.result.activities.length > 0
          ? t(
              'needChoose',
              v.result.evidence
                .map((e) => `«${e.title}»`)
                .slice(0, 3)
                .join(', ') ||
                v.result.activities
                  .map((a) => `«${a.title}»`)
                  .slice(0, 3)
                  .join(', '),
            )
          : t('needAttach');
    // A flag, not the warning's text: the warnings are in whichever language the run used.
    const outside = (v.result?.outsidePeriod ?? 0) > 0;
    let reason: string | null = null;
    if (v.value === null || v.value === '')
      reason = t(v.answer?.status === 'rejected' ? 'reasonRejected' : 'reasonEmpty');
    else if (ind.kind === 'presence' && v.value === 0)
      reason = t(outside ? 'reasonOnlyOutside' : 'reasonNoProof');
    else if (v.evidence === 0 && ind.kind !== 'text') reason = t('reasonUnproven');
    else if (v.result?.disagreement) reason = t('reasonDisagrees');
    if (!reason) continue;
    const parent = ind.parent ? parents.get(ind.parent) : undefined;
    out.push({
      indicatorId: ind.id,
      number: ind.number || (parent ? `${parent.number}.–` : ''),
      text: ind.text,
      sectionId: ind.section,
      reason,
      need,
    });
  }
  return out;
}

export function newFilling(
  template: Template,
  init: {
    id: string;
    title?: string;
    period: { start: string; end: string };
    deadline?: string | null;
  },
  now: string,
): Filling {
  return {
    id: init.id,
    templateId: template.id,
    title: init.title ?? template.title,
    period: init.period,
    deadline: init.deadline ?? null,
    subjects: {},
    answers: {},
    createdAt: now,
    updatedAt: now,
  };
}

/** Replaces the subjects assessed in a group (three mentors, five tutors). */
export function setSubjects(
  filling: Filling,
  groupId: string,
  subjects: { id: string; name: string }[],
  now: string,
): Filling {
  return { ...filling, subjects: { ...filling.subjects, [groupId]: subjects }, updatedAt: now };
}
