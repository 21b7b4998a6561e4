// Lookups derived once per snapshot so that list rows and filters do no per-row heavy work.
import type { Activity, Evidence, EvidenceKind, Person } from '../../lib/model/index.ts';
import type { Snapshot } from '../../lib/store/index.ts';
import { compareIsoDates } from '../../lib/ru/date.ts';

export interface Derived {
  activityById: Map<string, Activity>;
  evidenceById: Map<string, Evidence>;
  personById: Map<string, Person>;
  evidenceIdsByActivity: Map<string, string[]>;
  /** How many evidence records an activity links to (known before the links themselves are). */
  evidenceCount(activityId: string): number;
  activityIdsByEvidence: Map<string, string[]>;
  kindsByActivity: Map<string, Set<EvidenceKind>>;
  /** Activities in register order: by number as written («1.», «2.3»), then title. */
  sortedActivities: Activity[];
  /** Evidence, newest document date first. */
  sortedEvidence: Evidence[];
  directions: string[];
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * Each lookup is built on first use: the activity list's first paint needs the activities in
 * order and their evidence counts, not the evidence sorted or indexed by activity (~25 ms of a
 * 10,000-activity register's first render).
 */
class LazyDerived implements Derived {
  constructor(private readonly snapshot: Snapshot) {}

  private cached = new Map<keyof Derived, unknown>();
  private once<K extends keyof Derived>(key: K, build: () => Derived[K]): Derived[K] {
    if (!this.cached.has(key)) this.cached.set(key, build());
    return this.cached.get(key) as Derived[K];
  }

  get activityById() {
    return this.once('activityById', () => new Map(this.snapshot.activities.map((a) => [a.id, a])));
  }
  get evidenceById() {
    return this.once('evidenceById', () => new Map(this.snapshot.evidence.map((e) => [e.id, e])));
  }
  get personById() {
    return this.once('personById', () => new Map(this.snapshot.people.map((p) => [p.id, p])));
  }
  /** Links grouped by one end; only links whose two ends exist (a dangling one counts nowhere). */
  private linksBy(from: 'activityId' | 'evidenceId'): Map<string, string[]> {
    const to = from === 'activityId' ? 'evidenceId' : 'activityId';
    const map = new Map<string, string[]>();
    const { activityById, evidenceById } = this;
    // A preview whose evidence is still being read: its links were checked when it was cached.
    const pending = this.snapshot.evidencePending !== undefined;
    for (const link of this.snapshot.links)
      if ((pending || evidenceById.has(link.evidenceId)) && activityById.has(link.activityId))
        push(map, link[from], link[to]);
    return map;
  }
  get evidenceIdsByActivity() {
    return this.once('evidenceIdsByActivity', () => this.linksBy('activityId'));
  }
  evidenceCount(activityId: string): number {
    const counts = this.snapshot.evidenceCounts;
    if (counts) return counts.get(activityId) ?? 0;
    return this.evidenceIdsByActivity.get(activityId)?.length ?? 0;
  }
  get activityIdsByEvidence() {
    return this.once('activityIdsByEvidence', () => this.linksBy('evidenceId'));
  }
  get kindsByActivity() {
    return this.once('kindsByActivity', () => {
      const map = new Map<string, Set<EvidenceKind>>();
      const { evidenceById } = this;
      for (const [activityId, evidenceIds] of this.evidenceIdsByActivity)
        map.set(activityId, new Set(evidenceIds.flatMap((id) => evidenceById.get(id)?.kind ?? [])));
      return map;
    });
  }
  get sortedActivities() {
    return this.once('sortedActivities', () =>
      [...this.snapshot.activities].sort(
        (a, b) =>
          collator.compare(a.number, b.number) ||
          collator.compare(a.title, b.title) ||
          a.createdAt.localeCompare(b.createdAt),
      ),
    );
  }
  get sortedEvidence() {
    return this.once('sortedEvidence', () =>
      [...this.snapshot.evidence].sort(
        (a, b) =>
          compareIsoDates(b.date ?? '', a.date ?? '') || compareIsoDates(b.createdAt, a.createdAt),
      ),
    );
  }
  get directions() {
    return this.once('directions', () => {
      const directions = [...this.snapshot.workspace.directions];
      const known = new Set(directions);
      for (const a of this.snapshot.activities)
        if (a.direction && !known.has(a.direction)) {
          known.add(a.direction);
          directions.push(a.direction);
        }
      return directions;
    });
  }
}

export function derive(snapshot: Snapshot): Derived {
  return new LazyDerived(snapshot);
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
