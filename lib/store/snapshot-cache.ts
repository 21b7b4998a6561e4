// First paint without waiting for the Y.Doc, and no second validation. Reading a large
// workspace's records from its Y.Doc means decoding and schema-checking each of them (10,000
// activities + 20,000 evidence + their links: ~0.6 s in Node, more in a page); reading the
// stored snapshot is a structured clone of two rows. Pages show the cached snapshot at
// once, read-only, and swap in the live repository when the doc has loaded. The cache is derived
// data: it is rewritten from the live repository, never edited, and ignored when malformed.
// It also records the doc's Yjs state (Repository.docState) it was taken from: a doc loaded in
// that very state takes the cached records whole; one that moved on (a teammate's edits synced
// since) reuses them record by record through their identities, and the cache is rewritten.
import * as Y from 'yjs';
import { z } from 'zod';
import { workspaceSchema } from '../model/records.ts';
import { db } from './db.ts';
import type { PrefetchedCache } from './prefetch.ts';
import {
  Repository,
  type RecordIdentities,
  type Snapshot,
  type ValidatedRecords,
} from './repository.ts';
import { registerCollections } from './collections.ts';
import {
  asRow,
  decodeCacheHead,
  evidenceCountsOf,
  HEAD_LISTS,
  TAIL_LISTS,
  withColumns,
  withRecords,
  type CacheRow,
} from './cache-head.ts';
import { t } from './messages.ts';

/** Why a preview repository refuses writes, in the interface language of the moment. */
export function previewReadOnly(): string {
  return t('previewReadOnly');
}

/** A repository over a cached snapshot: reads work, every write is refused with previewReadOnly(). */
export class PreviewRepository extends Repository {
  private cachedSnapshot: Snapshot;
  constructor(snapshot: Snapshot, actor: string) {
    super(new Y.Doc(), { actor });
    this.cachedSnapshot = snapshot;
  }
  /** The rest of the cache has been read: the preview shows the whole snapshot. */
  complete(snapshot: Snapshot): void {
    this.cachedSnapshot = snapshot;
    this.changed();
  }
  override snapshot(): Snapshot {
    return this.cachedSnapshot;
  }
  override get readOnlyReason(): string | null {
    return previewReadOnly();
  }
  override get<T extends { id: string }>(collection: string, id: string): T | null {
    const s = this.cachedSnapshot as unknown as Record<string, { id: string }[] | undefined>;
    const list = s[collection] ?? this.cachedSnapshot.extra[collection] ?? [];
    return (list.find((r) => r.id === id) as T | undefined) ?? null;
  }
}

let fingerprint: string | null = null;

/**
 * What Repository.snapshot() derives beyond validating records (today: links whose ends are
 * gone are hidden). A cache taken in the doc's exact state is used whole, so a version that
 * derives differently must not take an older version's snapshot: bump this when it changes.
 */
const SNAPSHOT_RULES = 1;

/**
 * A short hash of every record schema (and SNAPSHOT_RULES). Cached records count as validated
 * only under the same schemas: after an update that changes a schema, every record is
 * validated again.
 */
export function schemaFingerprint(): string {
  if (fingerprint) return fingerprint;
  const start = performance.now();
  let text = `rules ${SNAPSHOT_RULES};`;
  for (const [name, schema] of Object.entries(registerCollections))
    text += name + JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  // FNV-1a, 32 bits, twice with different seeds: enough to tell schema revisions apart.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  fingerprint = `${fnv(2166136261)}${fnv(0x9747b28c)}-${text.length}`;
  performance.measure('svodka:schema-fingerprint', { start });
  return fingerprint;
}

function looksLikeIdentities(value: unknown): value is RecordIdentities {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((x) => typeof x === 'string'),
    )
  );
}

/**
 * The identities as stored: one JSON text (50,000 short strings cost IndexedDB more to clone
 * than one long one, and a doc loaded in the cache's exact state never needs them), or the
 * object itself (rows written before). Parsed on first use; unreadable ones count as none.
 */
function storedIdentities(value: unknown): (() => RecordIdentities | null) | null {
  if (looksLikeIdentities(value)) return () => value;
  if (typeof value !== 'string') return null;
  let parsed: RecordIdentities | null | undefined;
  return () => {
    if (parsed !== undefined) return parsed;
    try {
      const json: unknown = JSON.parse(value);
      return (parsed = looksLikeIdentities(json) ? json : null);
    } catch {
      return (parsed = null);
    }
  };
}

/**
 * The cached snapshot with the identities of its records, when it was validated with the
 * schemas this version has — the repository then skips records that did not change.
 */
export async function readValidatedRecords(workspaceId: string): Promise<ValidatedRecords | null> {
  return (await readCache(workspaceId))?.validated ?? null;
}

/** The key of the row that holds a workspace's cached evidence and identities. */
export const tailKey = (workspaceId: string) => `${workspaceId}/tail`;

/** What the first paint needs, and the rest to read after it. */
export interface CacheHead {
  /** The snapshot; without its evidence when `evidencePending` is set. */
  snapshot: Snapshot;
  /** The whole snapshot with its identities (valid under this version's schemas), or null. */
  rest: () => Promise<{ snapshot: Snapshot; validated: ValidatedRecords | null } | null>;
}

/**
 * The first part of the cache. A large register's 20,000 evidence records are most of what
 * IndexedDB has to clone; the activity list's first paint is read without them and they follow.
 */
export async function readCacheHead(
  workspaceId: string,
  /** The row as the page's entry script prefetched it (lib/store/prefetch.ts), if it did. */
  prefetched?: Promise<PrefetchedCache | null>,
  /** Read the rest at once too (for the doc's load, which needs everything). */
  whole = false,
): Promise<CacheHead | null> {
  const tailing = whole
    ? db()
        .snapshotCache.get(tailKey(workspaceId))
        .catch(() => undefined)
    : null;
  const early = await prefetched?.catch(() => null);
  const reading =
    early?.workspaceId === workspaceId
      ? Promise.resolve(early.row)
      : db().snapshotCache.get(workspaceId);
  const decoded = decodeCacheHead(await reading, workspaceId);
  // The light decode checks the shape; the store holds the workspace to its schema too.
  if (!decoded || !workspaceSchema.safeParse(decoded.stored.workspace).success) return null;
  const { row: head, stored: snapshot, shown, linksInTail } = decoded;
  const docState = head.docState instanceof Uint8Array ? head.docState : null;
  const validatedBy = (row: CacheRow, full: Snapshot): ValidatedRecords | null => {
    // After the first paint: the fingerprint takes a few tens of milliseconds the first time.
    const identities =
      row.schemas === schemaFingerprint() ? storedIdentities(row.identities) : null;
    return identities ? { snapshot: full, identities, docState } : null;
  };
  // A row written before the split holds everything.
  if (head.part !== 'head') {
    const whole = { snapshot, validated: validatedBy(head, snapshot) };
    return { snapshot, rest: () => Promise.resolve(whole) };
  }
  const count = shown.evidencePending;
  let rest: ReturnType<CacheHead['rest']> | null = null;
  const readRest = async () => {
    const tail = asRow(await (tailing ?? db().snapshotCache.get(tailKey(workspaceId))));
    // Both parts come from one write, or neither counts (checked before rebuilding records).
    if (!tail || tail.part !== 'tail' || tail.savedAt !== head.savedAt) return null;
    // A tail written before the links moved there holds the evidence only.
    const part = withRecords(tail.snapshot, linksInTail ? TAIL_LISTS : ['evidence']);
    const evidence = part?.evidence;
    // (A malformed list makes withRecords refuse the whole part.)
    if (!Array.isArray(evidence) || evidence.length !== count) return null;
    const full: Snapshot = {
      ...snapshot,
      evidence: evidence as Snapshot['evidence'],
      ...(linksInTail ? { links: part!.links as Snapshot['links'] } : {}),
    };
    return { snapshot: full, validated: validatedBy({ ...tail, schemas: head.schemas }, full) };
  };
  return {
    snapshot: shown,
    rest: () => (rest ??= readRest().catch(() => null)),
  };
}

/** The cached snapshot, and — when valid under this version's schemas — its record identities. */
export async function readCache(
  workspaceId: string,
  prefetched?: Promise<PrefetchedCache | null>,
): Promise<{ snapshot: Snapshot; validated: ValidatedRecords | null } | null> {
  const head = await readCacheHead(workspaceId, prefetched, true);
  return head ? head.rest() : null;
}

/** Writes the cache of a workspace (derived data: it is only ever rewritten whole). */
export function writeCache(
  workspaceId: string,
  cache: {
    snapshot: Snapshot;
    identities: RecordIdentities;
    schemas?: string;
    /** The state of the doc the snapshot is of (Repository.docState). */
    docState?: Uint8Array;
  },
): Promise<unknown> {
  const savedAt = new Date().toISOString();
  const schemas = cache.schemas ?? schemaFingerprint();
  const { evidence, links, ...rest } = cache.snapshot;
  return db().snapshotCache.bulkPut([
    {
      workspaceId,
      savedAt,
      schemas,
      part: 'head',
      snapshot: withColumns({ ...rest, evidence: [] }, HEAD_LISTS),
      evidenceCount: evidence.length,
      evidenceCounts: evidenceCountsOf(rest.activities, links),
      ...(cache.docState ? { docState: cache.docState } : {}),
    },
    {
      workspaceId: tailKey(workspaceId),
      savedAt,
      part: 'tail',
      snapshot: withColumns({ evidence, links }, TAIL_LISTS),
      identities: JSON.stringify(cache.identities),
    },
  ]);
}

/** Keeps the cache in step with a live repository: a few seconds after changes, and on stop. */
export function startSnapshotCache(
  workspaceId: string,
  repo: Repository,
  delayMs = 3000,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Opened over an up-to-date cache: nothing to write until something changes (writing a
  // large register's snapshot costs the page a few hundred milliseconds).
  let dirty = !repo.matchesCache();
  const write = () => {
    timer = null;
    if (!dirty) return;
    dirty = false;
    void writeCache(workspaceId, {
      snapshot: repo.snapshot(),
      identities: repo.identities(),
      docState: repo.docState(),
    }).catch(() => {
      dirty = true; // storage full or closing: the doc is still the truth; try again later
    });
  };
  const off = repo.subscribe(() => {
    dirty = true;
    timer ??= setTimeout(write, delayMs);
  });
  if (dirty) timer = setTimeout(write, 500);
  return () => {
    off();
    if (timer) clearTimeout(timer);
    write();
  };
}
