// Reading the snapshot cache's rows into records, with no zod, Dexie or Yjs: the dashboard
// paints its first list from the prefetched row (lib/store/prefetch.ts) with this module and
// React alone, while the store's code (about half of the page's) is still loading. The store
// reads the same row through readCacheHead, which adds the schema check of the workspace; a
// row is decoded once per page whoever asks first (the records are shared, never mutated).
import { fromColumns, toColumns } from './columns.ts';
import type { SnapshotCacheRow } from './db.ts';
import type { Snapshot } from './repository.ts';

export type CacheRow = Partial<SnapshotCacheRow>;

/** Registers smaller than this open straight from their doc (fast enough, and never stale). */
export const PREVIEW_MIN_RECORDS = 3000;

/**
 * The record lists of each part of the cache, stored as columns. The links (20,000 in a large
 * register) go with the evidence: the first paint needs only how many each activity has, which
 * the head keeps as one number per activity (`evidenceCounts`). Heads written before kept the
 * links themselves, and are still read.
 */
export const HEAD_LISTS = ['activities', 'people', 'organisations'] as const;
export const TAIL_LISTS = ['evidence', 'links'] as const;

/** Per activity, in order, how many of the links point to it (the head's `evidenceCounts`). */
export function evidenceCountsOf(
  activities: readonly { id: string }[],
  links: readonly { activityId: string }[],
): Uint32Array {
  const index = new Map(activities.map((a, i) => [a.id, i]));
  const counts = new Uint32Array(activities.length);
  for (const link of links) {
    const i = index.get(link.activityId);
    if (i !== undefined) counts[i]! += 1;
  }
  return counts;
}

export function asRow(value: unknown): CacheRow | null {
  return value && typeof value === 'object' ? (value as CacheRow) : null;
}

export function withColumns(
  part: Record<string, unknown>,
  lists: readonly string[],
): Record<string, unknown> {
  const out = { ...part };
  for (const name of lists) out[name] = toColumns(part[name] as object[]);
  return out;
}

/** The part with its lists as arrays again; null when one of them is malformed. */
export function withRecords(
  part: unknown,
  lists: readonly string[],
): Record<string, unknown> | null {
  if (!part || typeof part !== 'object') return null;
  const out: Record<string, unknown> = { ...part };
  for (const name of lists) {
    const records = fromColumns(out[name]);
    if (!records) return null;
    out[name] = records;
  }
  return out;
}

const isText = (value: unknown) => typeof value === 'string';

/**
 * The shape a snapshot needs to be drawn: the workspace fields the header and filters read,
 * and every list. The store checks the workspace against its schema on top (readCacheHead).
 */
function hasSnapshotShape(value: unknown, workspaceId: string): value is Snapshot {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  const w = s.workspace as Record<string, unknown> | null | undefined;
  return (
    typeof w === 'object' &&
    w !== null &&
    w.id === workspaceId &&
    isText(w.name) &&
    isText(w.schoolYear) &&
    isText(w.municipality) &&
    Array.isArray(w.directions) &&
    w.directions.every(isText) &&
    ['activities', 'evidence', 'people', 'organisations', 'links', 'broken'].every((k) =>
      Array.isArray(s[k]),
    ) &&
    typeof s.extra === 'object' &&
    s.extra !== null
  );
}

export interface DecodedHead {
  row: CacheRow;
  /** The head as stored: a split row's evidence (and links) are empty here (the tail holds them). */
  stored: Snapshot;
  /** What to show first: a split row's snapshot says how much evidence is still being read. */
  shown: Snapshot;
  /** Whether the links are in the tail (heads written since the links moved there). */
  linksInTail: boolean;
}

const decoded = new WeakMap<object, DecodedHead | null>();

/** A head row (or a whole row written before the split) read into records; null if unusable. */
export function decodeCacheHead(value: unknown, workspaceId: string): DecodedHead | null {
  const row = asRow(value);
  if (!row) return null;
  const known = decoded.get(row);
  if (known !== undefined) return known?.stored.workspace.id === workspaceId ? known : null;
  const result = decode(row, workspaceId);
  decoded.set(row, result);
  return result;
}

function decode(row: CacheRow, workspaceId: string): DecodedHead | null {
  // Kept as values (lists as columns, see columns.ts): structured-cloning them out of IndexedDB
  // measured faster than parsing the same records from JSON text (~140 vs ~230 ms for 10,000
  // activities + 20,000 evidence).
  const part = row.snapshot as Record<string, unknown> | null | undefined;
  const linksInTail =
    row.part === 'head' && !!part && typeof part === 'object' && !('links' in part);
  const stored = withRecords(part, linksInTail ? HEAD_LISTS : [...HEAD_LISTS, 'links']);
  if (stored && linksInTail) stored.links = [];
  if (!hasSnapshotShape(stored, workspaceId)) return null;
  if (row.part !== 'head') return { row, stored, shown: stored, linksInTail };
  const count = row.evidenceCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  const shown: Snapshot = { ...stored, evidence: [], evidencePending: count };
  if (linksInTail) {
    const counts = row.evidenceCounts;
    if (!(counts instanceof Uint32Array) || counts.length !== stored.activities.length) return null;
    shown.evidenceCounts = new Map(stored.activities.map((a, i) => [a.id, counts[i]!]));
  }
  return { row, stored, shown, linksInTail };
}

/** How many records a snapshot's preview would show (evidence still being read included). */
export function previewSize(snapshot: Snapshot): number {
  return snapshot.activities.length + (snapshot.evidencePending ?? snapshot.evidence.length);
}

/** What the dashboard draws before its store has loaded: a large register's cached snapshot. */
export interface Glimpse {
  workspaceId: string;
  snapshot: Snapshot;
}

/** The glimpse of a prefetched row; null for a small register (it opens from its doc). */
export function glimpseOf(early: { workspaceId: string; row: unknown } | null): Glimpse | null {
  const head = early && decodeCacheHead(early.row, early.workspaceId);
  if (!early || !head || previewSize(head.shown) < PREVIEW_MIN_RECORDS) return null;
  return { workspaceId: early.workspaceId, snapshot: head.shown };
}

/**
 * A prefetch's glimpse, decoded as soon as the row is read (while the page's code still
 * loads) and readable synchronously from then on: when it is there by the page's first
 * render, that render draws the list at once.
 */
export interface GlimpseWatch {
  current: Glimpse | null;
  ready: Promise<Glimpse | null>;
}

export function watchGlimpse(
  prefetched: Promise<{ workspaceId: string; row: unknown } | null>,
): GlimpseWatch {
  const watch: GlimpseWatch = {
    current: null,
    ready: prefetched
      .then((early) => {
        watch.current = glimpseOf(early);
        if (watch.current) performance.mark('svodka:workspace:glimpse');
        return watch.current;
      })
      .catch(() => null),
  };
  return watch;
}
