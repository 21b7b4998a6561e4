// Lookups derived once per snapshot so that list rows and filters do no per-row heavy work.
import type { Activity, Evidence, EvidenceKind, Person } from '../../lib/model/index.ts';
import type { Snapshot } from '../../lib/store/index.ts';

export interface Derived {
  activityById: Map<string, Activity>;
  evidenceById: Map<string, Evidence>;
  personById: Map<string, Person>;
  evidenceIdsByActivity: Map<string, string[]>;
  activityIdsByEvidence: Map<string, string[]>;
  kindsByActivity: Map<string, Set<EvidenceKind>>;
  /** Activities in register order: by number as written («1.», «2.3»), then title. */
  sortedActivities: Activity[];
  /** Evidence, newest document date first. */
  sortedEvidence: Evidence[];
  directions: string[];
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

export function derive(snapshot: Snapshot): Derived {
  const activityById = new Map(snapshot.activities.map((a) => [a.id, a]));
  const evidenceById = new Map(snapshot.evidence.map((e) => [e.id, e]));
  const personById = new Map(snapshot.people.map((p) => [p.id, p]));
  const evidenceIdsByActivity = new Map<string, string[]>();
  const activityIdsByEvidence = new Map<string, string[]>();
  const kindsByActivity = new Map<string, Set<EvidenceKind>>();
  for (const link of snapshot.links) {
    const evidence = evidenceById.get(link.evidenceId);
    if (!evidence || !activityById.has(link.activityId)) continue;
    push(evidenceIdsByActivity, link.activityId, link.evidenceId);
    push(activityIdsByEvidence, link.evidenceId, link.activityId);
    let kinds = kindsByActivity.get(link.activityId);
    if (!kinds) kindsByActivity.set(link.activityId, (kinds = new Set()));
    kinds.add(evidence.kind);
  }
  const sortedActivities = [...snapshot.activities].sort(
    (a, b) =>
      collator.compare(a.number, b.number) ||
      collator.compare(a.title, b.title) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const sortedEvidence = [...snapshot.evidence].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt),
  );
  const directions = [...snapshot.workspace.directions];
  const known = new Set(directions);
  for (const a of snapshot.activities)
    if (a.direction && !known.has(a.direction)) {
      known.add(a.direction);
      directions.push(a.direction);
    }
  return {
    activityById,
    evidenceById,
    personById,
    evidenceIdsByActivity,
    activityIdsByEvidence,
    kindsByActivity,
    sortedActivities,
    sortedEvidence,
    directions,
  };
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface ActivityFilter {
  direction: string;
  status: string;
  from: string;
  to: string;
  responsibleId: string;
  evidenceKind: string;
}

export const EMPTY_ACTIVITY_FILTER: ActivityFilter = {
  direction: '',
  status: '',
  from: '',
  to: '',
  responsibleId: '',
  evidenceKind: '',
};

/** Whether an activity's period overlaps [from, to]; an unparsed period matches only no range. */
export function periodOverlaps(activity: Activity, from: string, to: string): boolean {
  if (!from && !to) return true;
  const parsed = activity.period.parsed;
  if (!parsed) return false;
  const start = parsed.start ?? parsed.end;
  const end = parsed.end ?? parsed.start;
  if (!start || !end) return false;
  if (from && end < from) return false;
  if (to && start > to) return false;
  return true;
}

export function filterActivities(
  derived: Derived,
  filter: ActivityFilter,
  hits: Set<string> | null,
): Activity[] {
  const { direction, status, from, to, responsibleId, evidenceKind } = filter;
  return derived.sortedActivities.filter(
    (a) =>
      (!hits || hits.has(a.id)) &&
      (!direction || a.direction === direction) &&
      (!status || a.status === status) &&
      (!responsibleId || a.responsibleIds.includes(responsibleId)) &&
      (!evidenceKind || derived.kindsByActivity.get(a.id)?.has(evidenceKind as EvidenceKind)) &&
      periodOverlaps(a, from, to),
  );
}

export interface EvidenceFilter {
  kind: string;
  from: string;
  to: string;
}

export const EMPTY_EVIDENCE_FILTER: EvidenceFilter = { kind: '', from: '', to: '' };

export function filterEvidence(
  derived: Derived,
  filter: EvidenceFilter,
  hits: Set<string> | null,
): Evidence[] {
  const { kind, from, to } = filter;
  return derived.sortedEvidence.filter(
    (e) =>
      (!hits || hits.has(e.id)) &&
      (!kind || e.kind === kind) &&
      (!from || (e.date !== null && e.date >= from)) &&
      (!to || (e.date !== null && e.date <= to)),
  );
}
