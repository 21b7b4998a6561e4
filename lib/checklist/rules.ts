// Auto-completion rules are data, one per indicator, validated here: a rule says which evidence
// or activities of the register answer the indicator, never how to compute it in code.
import { z } from 'zod';
import { evidenceKindLabel, evidenceKindSchema, organisationKindSchema } from '../model/index.ts';
import type { EvidenceKind } from '../model/index.ts';
import { formatRuDate } from '../ru/date.ts';
import { t } from './messages.ts';
import type { RegisterIndex } from './register-index.ts';
import {
  activityMarks,
  DROPPED,
  HELD,
  INSIDE,
  OUTSIDE,
  intersectSorted,
  periodMarks,
  phraseStems,
  unionSorted,
} from './register-index.ts';

const phrases = z.array(z.string().min(1).max(200)).max(100);

/**
 * Text a record must contain. `anyStems`: at least one phrase (a phrase of several words needs all
 * of them, in any word form; «a|b» offers alternatives); `allStems`: every phrase; `abbreviations`:
 * at least one (ШНОР, МНЦ). The groups combine with AND.
 */
export const matchSchema = z
  .object({
    anyStems: phrases.optional(),
    allStems: phrases.optional(),
    abbreviations: z
      // A function: looked up when a rule is checked, so it follows the language at that moment.
      .array(z.string().regex(/^[А-ЯЁA-Z]{2,8}$/, { error: () => t('abbreviationCaps') }))
      .max(30)
      .optional(),
  })
  .strict();
export type Match = z.infer<typeof matchSchema>;

export const orgFilterSchema = z
  .object({
    shnor: z.boolean().optional(),
    kind: organisationKindSchema.optional(),
    /** The organisation mentors some ШНОР (школа-лидер). */
    mentorOfShnor: z.boolean().optional(),
    /** The ШНОР has a mentor school assigned. */
    hasMentor: z.boolean().optional(),
  })
  .strict();
export type OrgFilter = z.infer<typeof orgFilterSchema>;

const activityScope = {
  activityMatch: matchSchema.optional(),
  directions: z.array(z.string().min(1).max(200)).max(20).optional(),
  /** Count an activity only if evidence of these kinds, dated in the period, is linked to it. */
  requireEvidenceKinds: z.array(evidenceKindSchema).min(1).optional(),
};

export const ruleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('presence'),
      evidenceKinds: z.array(evidenceKindSchema).min(1).optional(),
      match: matchSchema,
      directions: z.array(z.string().min(1).max(200)).max(20).optional(),
      /** Also take evidence linked to matching activities (default true). */
      viaActivities: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('count-orgs'),
      filter: orgFilterSchema.optional(),
      /** 'participants' (default): organisations that took part in matching activities. */
      from: z.enum(['participants', 'organisations']).optional(),
      ...activityScope,
    })
    .strict(),
  z
    .object({
      type: z.literal('sum-participants'),
      filter: orgFilterSchema.optional(),
      ...activityScope,
    })
    .strict(),
  z.object({ type: z.literal('count-activities'), ...activityScope }).strict(),
  /** The register cannot know it (results of ВПР, a tutor's category): the user answers. */
  z.object({ type: z.literal('manual'), hint: z.string().min(1).max(1000) }).strict(),
]);
export type Rule = z.infer<typeof ruleSchema>;

export interface Period {
  start: string;
  end: string;
}

export interface RuleOutcome {
  value: number | null;
  confidence: number;
  evidence: number[];
  activities: number[];
  orgIds?: string[];
  warnings: string[];
  /** Matching evidence dated outside the period (presence). */
  outsidePeriod?: number;
}

const MAX_LISTED = 20;
const MAX_FLAGGED = 5;

/** Record positions matching `m` in the postings (ascending), or null when `m` places no constraint. */
export function matchPositions(
  m: Match | undefined,
  postings: Map<string, number[]>,
  size: number,
): readonly number[] | null {
  if (!m) return null;
  // The same match over the same register gives the same records: a form that repeats an
  // indicator (seed 004 lists its МНЦ section twice), or binds one rule to several rows, and
  // every re-run on an unchanged snapshot look them up once.
  let memo = matchMemo.get(postings);
  if (!memo) matchMemo.set(postings, (memo = new Map()));
  const key = JSON.stringify(m);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = computeMatch(m, postings, size);
  memo.set(key, found);
  return found;
}

const matchMemo = new WeakMap<Map<string, number[]>, Map<string, readonly number[] | null>>();

function computeMatch(
  m: Match,
  postings: Map<string, number[]>,
  size: number,
): readonly number[] | null {
  // «тьютор|тьюторский»: alternatives; the words of one alternative must all be present.
  const alternative = (p: string): readonly number[] => {
    const stems = phraseStems(p);
    if (stems.length === 0) return [];
    let acc: readonly number[] = postings.get(stems[0]!) ?? [];
    for (const s of stems.slice(1)) acc = intersectSorted(acc, postings.get(s) ?? []);
    return acc;
  };
  const phrase = (p: string) => unionSorted(p.split('|').map(alternative), size);
  const constraints: (readonly number[])[] = [];
  if (m.abbreviations?.length) constraints.push(unionSorted(m.abbreviations.map(phrase), size));
  if (m.anyStems?.length) constraints.push(unionSorted(m.anyStems.map(phrase), size));
  for (const p of m.allStems ?? []) constraints.push(phrase(p));
  if (constraints.length === 0) return null;
  constraints.sort((x, y) => x.length - y.length);
  let acc = constraints[0]!;
  for (const c of constraints.slice(1)) acc = intersectSorted(acc, c);
  return acc;
}

const norm = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').trim();

function describeEvidence(ix: RegisterIndex, e: number): string {
  const ev = ix.data.evidence[e]!;
  const date = ix.evidenceDate[e];
  const title = (ev.title || ev.url || ev.number || ev.id).slice(0, 120);
  return t('evidenceRef', title, evidenceKindLabel(ev.kind), date ? formatRuDate(date) : null);
}

function flagOutside(ix: RegisterIndex, outside: number[], undated: number[], p: Period): string[] {
  const out: string[] = [];
  const range = `${formatRuDate(p.start)}–${formatRuDate(p.end)}`;
  for (const e of outside.slice(0, MAX_FLAGGED))
    out.push(t('outsidePeriod', describeEvidence(ix, e), range));
  if (outside.length > MAX_FLAGGED) out.push(t('moreOutside', outside.length - MAX_FLAGGED));
  for (const e of undated.slice(0, MAX_FLAGGED)) out.push(t('undated', describeEvidence(ix, e)));
  return out;
}

interface ActivityScope {
  activityMatch?: Match;
  directions?: string[];
  requireEvidenceKinds?: EvidenceKind[];
}

/** Activities of the period that fit the scope, with their in-period evidence. */
function scopedActivities(
  ix: RegisterIndex,
  scope: ActivityScope,
  p: Period,
  today: string | undefined,
): { activities: number[]; evidence: number[]; skipped: string[] } {
  const positions = matchPositions(
    scope.activityMatch,
    ix.activityPostings,
    ix.data.activities.length,
  );
  const total = positions ? positions.length : ix.data.activities.length;
  const directions = scope.directions?.map(norm);
  const kinds = scope.requireEvidenceKinds ? new Set(scope.requireEvidenceKinds) : null;
  const marks = periodMarks(ix, p);
  const held = activityMarks(ix, p, today);
  const activities: number[] = [];
  const evidence: number[] = [];
  let noProof = 0;
  for (let k = 0; k < total; k++) {
    const a = positions ? positions[k]! : k;
    const mark = held[a]!;
    if (mark === DROPPED) continue;
    if (directions) {
      const direction = norm(ix.data.activities[a]!.direction);
      if (!directions.some((d) => direction.startsWith(d))) continue;
    }
    const linked = ix.evidenceOfActivity[a]!;
    let linkedInside = 0;
    let proof = 0;
    for (const e of linked)
      if (marks[e] === INSIDE) {
        linkedInside++;
        if (!kinds || kinds.has(ix.data.evidence[e]!.kind)) proof++;
      }
    if (mark !== HELD && linkedInside === 0) continue;
    if (kinds && proof === 0) {
      noProof++;
      continue;
    }
    activities.push(a);
    if (evidence.length < MAX_LISTED)
      for (const e of linked)
        if (marks[e] === INSIDE && (!kinds || kinds.has(ix.data.evidence[e]!.kind)))
          evidence.push(e);
  }
  const skipped: string[] = [];
  if (noProof > 0)
    skipped.push(t('noProof', noProof, [...kinds!].map((k) => evidenceKindLabel(k)).join(', ')));
  return { activities, evidence: [...new Set(evidence)].slice(0, MAX_LISTED), skipped };
}

function orgPasses(ix: RegisterIndex, orgId: string, f: OrgFilter | undefined): boolean {
  if (!f) return true;
  const o = ix.orgById.get(orgId);
  if (!o) return false;
  if (f.shnor !== undefined && o.shnor !== f.shnor) return false;
  if (f.kind !== undefined && o.kind !== f.kind) return false;
  if (f.mentorOfShnor !== undefined && ix.mentorOrgIds.has(o.id) !== f.mentorOfShnor) return false;
  if (f.hasMentor !== undefined && (o.mentorOrgId !== null) !== f.hasMentor) return false;
  return true;
}

export function evaluateRule(
  rule: Rule,
  ix: RegisterIndex,
  p: Period,
  today: string | undefined,
): RuleOutcome {
  switch (rule.type) {
    case 'manual':
      return {
        value: null,
        confidence: 0,
        evidence: [],
        activities: [],
        warnings: [t('manual', rule.hint)],
      };
    case 'presence': {
      const kinds = rule.evidenceKinds ? new Set(rule.evidenceKinds) : null;
      const size = ix.data.evidence.length;
      const marks = periodMarks(ix, p);
      // 1: reached through an activity, 2: the evidence's own text matches.
      const seen = new Uint8Array(size);
      const inside: number[] = [];
      const outside: number[] = [];
      const undated: number[] = [];
      let directInside = 0;
      const consider = (e: number, how: 1 | 2) => {
        if (seen[e]) {
          if (how === 2 && seen[e] === 1 && marks[e] === INSIDE) directInside++;
          seen[e] = Math.max(seen[e]!, how);
          return;
        }
        seen[e] = how;
        if (kinds && !kinds.has(ix.data.evidence[e]!.kind)) return;
        if (marks[e] === INSIDE) {
          inside.push(e);
          if (how === 2) directInside++;
        } else if (marks[e] === OUTSIDE) outside.push(e);
        else undated.push(e);
      };
      for (const e of matchPositions(rule.match, ix.evidencePostings, size) ?? []) consider(e, 2);
      const acts: number[] = [];
      if (rule.viaActivities !== false)
        for (const a of scopedActivitiesAny(ix, rule.match, rule.directions)) {
          let used = false;
          for (const e of ix.evidenceOfActivity[a]!) {
            consider(e, 1);
            if (marks[e] === INSIDE && (!kinds || kinds.has(ix.data.evidence[e]!.kind)))
              used = true;
          }
          if (used && acts.length < MAX_LISTED) acts.push(a);
        }
      const listed = inside
        .sort((x, y) =>
          ix.evidenceDate[x]! < ix.evidenceDate[y]!
            ? -1
            : ix.evidenceDate[x]! > ix.evidenceDate[y]!
              ? 1
              : x - y,
        )
        .slice(0, MAX_LISTED);
      const warnings = flagOutside(ix, outside, undated, p);
      if (today !== undefined) {
        const future = inside.filter((e) => ix.evidenceDate[e]! > today);
        for (const e of future.slice(0, MAX_FLAGGED))
          warnings.push(t('futureDated', describeEvidence(ix, e)));
      }
      const confidence =
        inside.length === 0
          ? outside.length > 0
            ? 0.5
            : 0.6
          : directInside >= 2
            ? 0.9
            : directInside === 1
              ? 0.8
              : 0.7;
      return {
        value: inside.length > 0 ? 1 : 0,
        confidence,
        evidence: listed,
        activities: acts,
        warnings,
        ...(outside.length > 0 ? { outsidePeriod: outside.length } : {}),
      };
    }
    case 'count-orgs': {
      if (rule.from === 'organisations') {
        const orgIds = ix.data.organisations
          .filter((o) => orgPasses(ix, o.id, rule.filter))
          .map((o) => o.id);
        return {
          value: orgIds.length,
          confidence: 0.75,
          evidence: [],
          activities: [],
          orgIds,
          warnings: [],
        };
      }
      const scope = scopedActivities(ix, rule, p, today);
      const orgIds = new Set<string>();
      const contributing: number[] = [];
      for (const a of scope.activities) {
        let any = false;
        for (const part of ix.data.activities[a]!.participants)
          if (part.orgId && orgPasses(ix, part.orgId, rule.filter)) {
            orgIds.add(part.orgId);
            any = true;
          }
        if (any) contributing.push(a);
      }
      const marks = periodMarks(ix, p);
      const proven = contributing.every((a) =>
        ix.evidenceOfActivity[a]!.some((e) => marks[e] === INSIDE),
      );
      return {
        value: orgIds.size,
        confidence: orgIds.size === 0 ? 0.5 : proven ? 0.8 : 0.65,
        evidence: evidenceOf(ix, contributing, p),
        activities: contributing,
        orgIds: [...orgIds],
        warnings: scope.skipped,
      };
    }
    case 'sum-participants': {
      const scope = scopedActivities(ix, rule, p, today);
      let sum = 0;
      let unknown = 0;
      const contributing: number[] = [];
      for (const a of scope.activities) {
        let any = false;
        for (const part of ix.data.activities[a]!.participants) {
          if (rule.filter && !(part.orgId && orgPasses(ix, part.orgId, rule.filter))) continue;
          if (part.count === null) unknown++;
          else {
            sum += part.count;
            any = true;
          }
        }
        if (any) contributing.push(a);
      }
      const warnings = [...scope.skipped];
      if (unknown > 0) warnings.push(t('countUnknown', unknown));
      return {
        value: sum,
        confidence: contributing.length === 0 ? 0.5 : unknown > 0 ? 0.6 : 0.75,
        evidence: evidenceOf(ix, contributing, p),
        activities: contributing,
        warnings,
      };
    }
    case 'count-activities': {
      const scope = scopedActivities(ix, rule, p, today);
      return {
        value: scope.activities.length,
        confidence: scope.activities.length === 0 ? 0.5 : 0.75,
        evidence: scope.evidence.slice(0, MAX_LISTED),
        activities: scope.activities,
        warnings: scope.skipped,
      };
    }
  }
}

function scopedActivitiesAny(
  ix: RegisterIndex,
  m: Match,
  directions: string[] | undefined,
): readonly number[] {
  const positions = matchPositions(m, ix.activityPostings, ix.data.activities.length) ?? [];
  if (!directions) return positions;
  const dirs = directions.map(norm);
  return positions.filter((a) =>
    dirs.some((d) => norm(ix.data.activities[a]!.direction).startsWith(d)),
  );
}

/** The evidence of the period linked to these activities, the first few, each once. */
export function evidenceOf(ix: RegisterIndex, activities: number[], p: Period): number[] {
  const out = new Set<number>();
  const marks = periodMarks(ix, p);
  for (const a of activities) {
    for (const e of ix.evidenceOfActivity[a]!) if (marks[e] === INSIDE) out.add(e);
    if (out.size >= MAX_LISTED) break;
  }
  return [...out].slice(0, MAX_LISTED);
}

/** What evidence would close a rule's indicator, in the interface language, for «что ещё нужно». */
export function describeNeed(rule: Rule): string {
  const words = (m: Match | undefined): string => {
    const all = [
      ...(m?.abbreviations ?? []),
      ...(m?.anyStems ?? []).slice(0, 4),
      ...(m?.allStems ?? []),
    ];
    return all.length ? t('withWords', all.map((w) => `«${w}»`).join(', ')) : '';
  };
  const kinds = (k: EvidenceKind[] | undefined): string =>
    k?.length ? t('kindsOr', k.map(evidenceKindLabel)) : t('anyKind');
  switch (rule.type) {
    case 'presence':
      return t('needEvidence', kinds(rule.evidenceKinds), words(rule.match));
    case 'count-orgs':
      return rule.from === 'organisations'
        ? t('needOrganisations')
        : t(
            'needParticipants',
            words(rule.activityMatch),
            rule.requireEvidenceKinds ? kinds(rule.requireEvidenceKinds) : null,
          );
    case 'sum-participants':
      return t('needCounts', words(rule.activityMatch));
    case 'count-activities':
      return t('needActivities', words(rule.activityMatch));
    case 'manual':
      return rule.hint;
  }
}
