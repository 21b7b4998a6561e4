// Auto-completion: every answerable indicator gets a proposed value, the evidence and activities
// it rests on, and a confidence. Rules are data (rules.ts); an indicator without a rule gets
// ranked candidates from text matching and no value; aggregates are computed from their items.
// Nothing here writes: mergeProposals (filling.ts) decides what may be stored.
import { stem, words } from '../ru/stem.ts';
import type { RegisterData, RegisterIndex } from './register-index.ts';
import { INSIDE, indexRegister, periodMarks } from './register-index.ts';
import { t } from './messages.ts';
import { evaluateRule, ruleSchema, type RuleOutcome } from './rules.ts';
import { proposeFromWording, type WordingOutcome } from './wording.ts';

const HOW = {
  presence: 'howPresence',
  organisations: 'howOrganisations',
  activities: 'howActivities',
  participants: 'howParticipants',
  share: 'howShare',
} as const satisfies Record<WordingOutcome['how'], string>;
import type { Answer, Filling, Indicator, Template } from './schema.ts';
import { ANSWERABLE_KINDS, answerKey } from './schema.ts';

export interface AutoResult {
  indicatorId: string;
  value: number | string | null;
  confidence: number;
  evidence: { id: string; title: string }[];
  activities: { id: string; title: string }[];
  /** For counts of organisations: the ones counted (drill-down). */
  orgIds?: string[];
  /** In the interface language at the time of the run. */
  warnings: string[];
  /** Matching evidence dated outside the reporting period, not counted (presence rules). */
  outsidePeriod?: number;
  /** A confirmed or overridden answer the register now disagrees with. */
  disagreement?: { manual: number | string | null; proposed: number | string | null };
  /** Where the value came from. */
  basis: 'rule' | 'wording' | 'text-match' | 'aggregate' | 'manual';
}

export interface AutoOptions {
  /** ISO date; evidence dated after it is flagged, activities not started by then are not counted. */
  today?: string;
}

/** The domain's abbreviations: matched as whole words, weighted above ordinary words. */
export const DOMAIN_ABBREVIATIONS = [
  'ШНОР',
  'ШССУ',
  'МНЦ',
  'МТКП',
  'ТКП',
  'РМО',
  'ШМО',
  'ВПР',
  'ГИА',
  'ЕГЭ',
  'ОГЭ',
  'КДР',
  'ВСОКО',
  'МСОКО',
  'ИОМ',
  'КПК',
  'ОО',
  'УО',
  'УОН',
  'ИМЦ',
  'КМЦ',
  'ЦОКО',
  'СЦРО',
  'ТМС',
];
const ABBREVIATION_SET = new Set(DOMAIN_ABBREVIATIONS);

/** Words too common in these forms to tell one indicator from another. */
const STOP = new Set(
  [
    'наличие',
    'наличия',
    'количество',
    'численность',
    'который',
    'которых',
    'которым',
    'размещенной',
    'размещенных',
    'размещена',
    'официальном',
    'сайте',
    'разделе',
    'информация',
    'том',
    'числе',
    'для',
    'при',
    'или',
    'других',
    'др',
    'это',
    'как',
    'так',
    'его',
    'их',
    'этих',
    'всех',
    'все',
  ].map(stem),
);

const MAX_CANDIDATES = 5;
const COMMON_SHARE = 0.2;

export const ANSWERABLE: ReadonlySet<Indicator['kind']> = ANSWERABLE_KINDS;

function queryTerms(text: string): { term: string; weight: number }[] {
  const out = new Map<string, number>();
  for (const w of words(text)) {
    if (ABBREVIATION_SET.has(w)) out.set(stem(w), 2);
    else if (w.length >= 4 && !/^\d+$/.test(w)) {
      const s = stem(w);
      if (!STOP.has(s) && !out.has(s)) out.set(s, 1);
    }
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/** Records sharing the indicator's rarer words, best first: a proposal of evidence, not a value. */
function rankByText(
  terms: { term: string; weight: number }[],
  postings: Map<string, number[]>,
  size: number,
  keep: (i: number) => boolean,
): number[] {
  // One scratch buffer for every call (cleared through `touched` below): a form of hundreds of
  // indicators over tens of thousands of records would otherwise allocate megabytes each time.
  if (scratch.length < size) scratch = new Float64Array(size);
  const scores = scratch;
  const touched: number[] = [];
  let total = 0;
  for (const { term, weight } of terms) {
    const list = postings.get(term);
    const df = list?.length ?? 0;
    const idf = Math.log(1 + size / (1 + df)) * weight;
    total += idf;
    if (!list || (df > size * COMMON_SHARE && df > 50)) continue;
    for (const i of list) {
      if (scores[i] === 0) touched.push(i);
      scores[i]! += idf;
    }
  }
  if (total === 0) {
    for (const i of touched) scores[i] = 0;
    return [];
  }
  // Keep the best few without sorting every touched record.
  const best: number[] = [];
  for (const i of touched) {
    const s = scores[i]!;
    if (s / total < 0.25) continue;
    if (best.length === MAX_CANDIDATES && s <= scores[best[best.length - 1]!]!) continue;
    if (!keep(i)) continue;
    let at = best.length;
    while (
      at > 0 &&
      (scores[best[at - 1]!]! < s || (scores[best[at - 1]!]! === s && best[at - 1]! > i))
    )
      at--;
    best.splice(at, 0, i);
    if (best.length > MAX_CANDIDATES) best.pop();
  }
  for (const i of touched) scores[i] = 0;
  return best;
}

let scratch = new Float64Array(0);

function textMatch(
  ind: Indicator,
  ix: RegisterIndex,
  period: { start: string; end: string },
): RuleOutcome {
  const terms = queryTerms(ind.text);
  const marks = periodMarks(ix, period);
  const inside = (e: number) => marks[e] === INSIDE;
  const evidence = rankByText(terms, ix.evidencePostings, ix.data.evidence.length, inside);
  const activities = rankByText(terms, ix.activityPostings, ix.data.activities.length, () => true);
  const found = evidence.length + activities.length;
  return {
    value: null,
    confidence: found === 0 ? 0 : 0.2,
    evidence,
    activities,
    warnings: [t(found === 0 ? 'noRuleNoMatches' : 'noRuleCandidates')],
  };
}

function numeric(v: number | string | null | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(?:[.,]\d+)?\s*$/.test(v))
    return Number(v.replace(',', '.'));
  return null;
}

function combine(values: number[], how: 'sum' | 'mean' | 'min' | 'max'): number {
  if (how === 'sum') return values.reduce((a, b) => a + b, 0);
  if (how === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  return how === 'min' ? Math.min(...values) : Math.max(...values);
}

/** A stored answer that the user made (not a pending proposal). */
export function isManual(a: Answer | undefined): a is Answer {
  return a !== undefined && a.status !== 'proposed';
}

export function autoComplete(
  template: Template,
  filling: Filling,
  data: RegisterData,
  opts: AutoOptions = {},
): AutoResult[] {
  const ix = indexRegister(data);
  const byId = new Map<string, AutoResult>();
  const results: AutoResult[] = [];
  const toRefs = (o: RuleOutcome) => ({
    evidence: o.evidence.map((e) => ({
      id: ix.data.evidence[e]!.id,
      title: ix.data.evidence[e]!.title,
    })),
    activities: o.activities.map((a) => ({
      id: ix.data.activities[a]!.id,
      title: ix.data.activities[a]!.title,
    })),
  });
  for (const ind of template.indicators) {
    if (!ANSWERABLE.has(ind.kind)) continue;
    let outcome: RuleOutcome;
    let basis: AutoResult['basis'];
    if (ind.rule === undefined) {
      const worded = proposeFromWording(ind, ix, filling.period);
      if (worded) {
        outcome = {
          value: worded.value,
          confidence: worded.confidence,
          evidence: worded.evidence,
          activities: worded.activities,
          ...(worded.orgIds ? { orgIds: worded.orgIds } : {}),
          warnings: [t('fromWording', t(HOW[worded.how]), worded.matched, worded.missing)],
        };
        basis = 'wording';
      } else {
        outcome = textMatch(ind, ix, filling.period);
        basis = 'text-match';
      }
    } else {
      const parsed = ruleSchema.safeParse(ind.rule);
      if (!parsed.success) {
        outcome = {
          value: null,
          confidence: 0,
          evidence: [],
          activities: [],
          warnings: [
            t(
              'ruleMalformed',
              ind.number || ind.id,
              parsed.error.issues[0]?.message ?? t('badFormat'),
            ),
          ],
        };
        basis = 'manual';
      } else {
        try {
          outcome = evaluateRule(parsed.data, ix, filling.period, opts.today);
          basis = parsed.data.type === 'manual' ? 'manual' : 'rule';
        } catch (error) {
          outcome = {
            value: null,
            confidence: 0,
            evidence: [],
            activities: [],
            warnings: [
              t(
                'ruleFailed',
                ind.number || ind.id,
                error instanceof Error ? error.message : String(error),
              ),
            ],
          };
          basis = 'manual';
        }
      }
    }
    const result: AutoResult = {
      indicatorId: ind.id,
      value: outcome.value,
      confidence: outcome.confidence,
      ...toRefs(outcome),
      ...(outcome.orgIds ? { orgIds: outcome.orgIds } : {}),
      ...(outcome.outsidePeriod ? { outsidePeriod: outcome.outsidePeriod } : {}),
      warnings: outcome.warnings,
      basis,
    };
    flagDisagreement(result, filling.answers[ind.id]);
    byId.set(ind.id, result);
    results.push(result);
  }
  for (const agg of template.indicators) {
    if (agg.kind !== 'aggregate') continue;
    const result = aggregateResult(template, filling, agg, byId);
    flagDisagreement(result, filling.answers[agg.id]);
    results.push(result);
  }
  return results;
}

function flagDisagreement(result: AutoResult, answer: Answer | undefined): void {
  if (!isManual(answer) || answer.status === 'rejected' || result.value === null) return;
  const same =
    numeric(answer.value) !== null
      ? numeric(answer.value) === numeric(result.value)
      : answer.value === result.value;
  if (same) return;
  result.disagreement = { manual: answer.value, proposed: result.value };
  result.warnings.push(disagreementWarning(result.disagreement));
}

/**
 * The warning a disagreement adds to `warnings`: the interface shows the disagreement on its own
 * and leaves this one out by comparing with it (the text depends on the language).
 */
export function disagreementWarning(d: NonNullable<AutoResult['disagreement']>): string {
  return t('disagreement', String(d.manual), String(d.proposed));
}

function aggregateResult(
  template: Template,
  filling: Filling,
  agg: Indicator,
  byId: Map<string, AutoResult>,
): AutoResult {
  const how = agg.aggregate ?? { perSubject: 'sum', acrossSubjects: 'mean', digits: 2 };
  const over = agg.aggregate?.over ? new Set(agg.aggregate.over) : null;
  const children = template.indicators.filter((i) =>
    over
      ? over.has(i.id) && ANSWERABLE.has(i.kind)
      : i.parent === agg.parent && i.id !== agg.id && ANSWERABLE.has(i.kind),
  );
  const subjects = (agg.parent ? filling.subjects[agg.parent] : undefined) ?? [];
  const current = (
    id: string,
    subjectId?: string,
  ): { value: number | null; confidence: number } => {
    const a = filling.answers[answerKey(id, subjectId)];
    if (a && a.status !== 'rejected' && a.status !== 'proposed')
      return { value: numeric(a.value), confidence: 1 };
    if (subjectId) return current(id);
    if (a && a.status === 'proposed' && numeric(a.value) !== null) {
      const r = byId.get(id);
      return { value: numeric(r?.value ?? a.value), confidence: r?.confidence ?? 0.5 };
    }
    const r = byId.get(id);
    return { value: numeric(r?.value), confidence: r?.confidence ?? 0 };
  };
  const warnings: string[] = [];
  let missing = 0;
  let confidence = 1;
  const perSubject: number[] = [];
  for (const subject of subjects.length ? subjects.map((s) => s.id) : [undefined]) {
    const values: number[] = [];
    for (const c of children) {
      const v = current(c.id, subject);
      confidence = Math.min(confidence, v.confidence);
      if (v.value === null) missing++;
      else values.push(v.value);
    }
    if (values.length > 0) perSubject.push(combine(values, how.perSubject));
  }
  const factor = 10 ** how.digits;
  const value = perSubject.length
    ? Math.round(combine(perSubject, how.acrossSubjects) * factor) / factor
    : null;
  if (missing > 0) warnings.push(t('itemsMissing', missing));
  if (value !== null && agg.max !== null && value > agg.max)
    warnings.push(t('aboveMax', value, agg.max));
  const evidence = new Map<string, string>();
  const activities = new Map<string, string>();
  for (const c of children) {
    const r = byId.get(c.id);
    for (const e of r?.evidence ?? []) evidence.set(e.id, e.title);
    for (const a of r?.activities ?? []) activities.set(a.id, a.title);
  }
  return {
    indicatorId: agg.id,
    value,
    confidence: value === null ? 0 : confidence,
    evidence: [...evidence].slice(0, 40).map(([id, title]) => ({ id, title })),
    activities: [...activities].slice(0, 40).map(([id, title]) => ({ id, title })),
    warnings,
    basis: 'aggregate',
  };
}
