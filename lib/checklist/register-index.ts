// A one-pass index of the register for auto-completion: stems → record positions, links both
// ways, dates. Built once per register snapshot (cached by array identity) so a 100-indicator
// checklist over tens of thousands of records is answered by set lookups, not rescans.
import type { Activity, Evidence, Link, Organisation, Person } from '../model/index.ts';
import { stem, words } from '../ru/stem.ts';

export interface RegisterData {
  activities: Activity[];
  evidence: Evidence[];
  links: Link[];
  organisations: Organisation[];
  people: Person[];
}

export interface RegisterIndex {
  data: RegisterData;
  evidencePostings: Map<string, number[]>;
  activityPostings: Map<string, number[]>;
  /** Evidence date: the document's own date, else the day it was captured. */
  evidenceDate: (string | null)[];
  evidenceById: Map<string, number>;
  activityById: Map<string, number>;
  orgById: Map<string, Organisation>;
  /** Activity position → evidence positions linked to it, and back. */
  evidenceOfActivity: number[][];
  activitiesOfEvidence: number[][];
  /** Organisations that are some ШНОР's mentor (школы-лидеры). */
  mentorOrgIds: Set<string>;
  /** Per reporting period: each evidence's place in it (see `periodMarks`). */
  periods: Map<string, Uint8Array>;
  /** Per reporting period and day: each activity's place in it (see `activityMarks`). */
  activityPeriods: Map<string, Uint8Array>;
}

/**
 * The days an activity's period covers: a deadline or a single month is both ends; null when
 * its period could not be read («по плану ЦОКО»).
 */
export function activitySpan(act: Activity): { from: string; to: string } | null {
  const p = act.period.parsed;
  const from = p?.start ?? p?.end ?? null;
  const to = p?.end ?? p?.start ?? null;
  return from !== null && to !== null ? { from, to } : null;
}

/** The activity's period meets the reporting period. */
export function overlapsPeriod(act: Activity, period: { start: string; end: string }): boolean {
  const span = activitySpan(act);
  return span !== null && span.from <= period.end && span.to >= period.start;
}

export const INSIDE = 1;
export const OUTSIDE = 2;
export const UNDATED = 3;

/** Each evidence marked INSIDE / OUTSIDE / UNDATED for the period; computed once per period. */
export function periodMarks(ix: RegisterIndex, p: { start: string; end: string }): Uint8Array {
  const key = `${p.start}/${p.end}`;
  let marks = ix.periods.get(key);
  if (!marks) {
    marks = new Uint8Array(ix.evidenceDate.length);
    ix.evidenceDate.forEach((d, i) => {
      marks![i] = d === null ? UNDATED : d >= p.start && d <= p.end ? INSIDE : OUTSIDE;
    });
    ix.periods.set(key, marks);
  }
  return marks;
}

/** The activity was cancelled or postponed: it never counts. */
export const DROPPED = 1;
/** Its period meets the reporting period and has begun by `today`. */
export const HELD = 2;
/** Neither: it counts only through evidence dated inside the period. */
export const ELSEWHERE = 3;

/**
 * Each activity marked DROPPED / HELD / ELSEWHERE for the period as of `today`, computed once per
 * period: every rule over activities reads it instead of parsing periods again.
 */
export function activityMarks(
  ix: RegisterIndex,
  p: { start: string; end: string },
  today: string | undefined,
): Uint8Array {
  const key = `${p.start}/${p.end}/${today ?? ''}`;
  let marks = ix.activityPeriods.get(key);
  if (!marks) {
    marks = new Uint8Array(ix.data.activities.length);
    ix.data.activities.forEach((act, i) => {
      if (act.status === 'cancelled' || act.status === 'postponed') {
        marks![i] = DROPPED;
        return;
      }
      const span = activitySpan(act);
      const overlaps = span !== null && span.from <= p.end && span.to >= p.start;
      const future = today !== undefined && span !== null && span.from > today;
      marks![i] = overlaps && !future ? HELD : ELSEWHERE;
    });
    ix.activityPeriods.set(key, marks);
  }
  return marks;
}

const DIGITS = /^\d+$/;

/**
 * Stems of each record version, kept across index rebuilds: when a teammate's edit produces a new
 * register snapshot, only the changed records are stemmed again.
 */
const evidenceStems = new Map<string, { text: string; stems: string[] }>();
const activityStems = new Map<string, { text: string; stems: string[] }>();
const MAX_CACHED_RECORDS = 100_000;

function stemsOf(
  cache: Map<string, { text: string; stems: string[] }>,
  id: string,
  text: string,
): string[] {
  const cached = cache.get(id);
  // The text is compared too, so a record edited without a new timestamp is never stale.
  if (cached && cached.text === text) return cached.stems;
  // An array, not a Set: a record has a dozen words, and the register tens of thousands of records.
  const stems: string[] = [];
  for (const w of words(text)) {
    // Numbers (№ 736, years) never decide an indicator, and stemming each unique one is costly.
    if (w.length < 2 || DIGITS.test(w)) continue;
    const s = stem(w);
    if (!stems.includes(s)) stems.push(s);
  }
  if (cache.size >= MAX_CACHED_RECORDS) cache.clear();
  cache.set(id, { text, stems });
  return stems;
}

function addPostings(postings: Map<string, number[]>, stems: string[], position: number): void {
  for (const s of stems) {
    const list = postings.get(s);
    if (list) list.push(position);
    else postings.set(s, [position]);
  }
}

const cache = new WeakMap<object, RegisterIndex>();

export function indexRegister(data: RegisterData): RegisterIndex {
  const cached = cache.get(data.evidence);
  if (
    cached &&
    cached.data.activities === data.activities &&
    cached.data.links === data.links &&
    cached.data.organisations === data.organisations
  )
    return cached;
  const evidencePostings = new Map<string, number[]>();
  const activityPostings = new Map<string, number[]>();
  const evidenceById = new Map<string, number>();
  const activityById = new Map<string, number>();
  const evidenceDate: (string | null)[] = [];
  data.evidence.forEach((e, i) => {
    evidenceById.set(e.id, i);
    evidenceDate.push(e.date ?? (e.capturedAt ? e.capturedAt.slice(0, 10) : null));
    addPostings(
      evidencePostings,
      stemsOf(evidenceStems, e.id, `${e.title} ${e.issuer} ${e.note}`),
      i,
    );
  });
  data.activities.forEach((a, i) => {
    activityById.set(a.id, i);
    addPostings(
      activityPostings,
      stemsOf(
        activityStems,
        a.id,
        `${a.title} ${a.direction} ${a.report} ${a.tags.join(' ')} ${a.participants.map((p) => p.label).join(' ')}`,
      ),
      i,
    );
  });
  const evidenceOfActivity: number[][] = data.activities.map(() => []);
  const activitiesOfEvidence: number[][] = data.evidence.map(() => []);
  for (const l of data.links) {
    const a = activityById.get(l.activityId);
    const e = evidenceById.get(l.evidenceId);
    if (a === undefined || e === undefined) continue;
    evidenceOfActivity[a]!.push(e);
    activitiesOfEvidence[e]!.push(a);
  }
  const orgById = new Map(data.organisations.map((o) => [o.id, o]));
  const mentorOrgIds = new Set<string>();
  for (const o of data.organisations) if (o.shnor && o.mentorOrgId) mentorOrgIds.add(o.mentorOrgId);
  const index: RegisterIndex = {
    data,
    evidencePostings,
    activityPostings,
    evidenceDate,
    evidenceById,
    activityById,
    orgById,
    evidenceOfActivity,
    activitiesOfEvidence,
    mentorOrgIds,
    periods: new Map(),
    activityPeriods: new Map(),
  };
  cache.set(data.evidence, index);
  return index;
}

/** Stems of a phrase as the index keys them (abbreviations keep their identity). */
export function phraseStems(phrase: string): string[] {
  return words(phrase).map(stem);
}

export function intersectSorted(a: readonly number[], b: readonly number[]): readonly number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

export function unionSorted(
  lists: readonly (readonly number[])[],
  size: number,
): readonly number[] {
  if (lists.length === 1) return lists[0]!;
  const mark = new Uint8Array(size);
  let n = 0;
  for (const l of lists)
    for (const x of l)
      if (!mark[x]) {
        mark[x] = 1;
        n++;
      }
  const out = new Array<number>(n);
  let k = 0;
  for (let i = 0; i < size && k < n; i++) if (mark[i]) out[k++] = i;
  return out;
}
