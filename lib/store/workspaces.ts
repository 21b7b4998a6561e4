// Opening, creating, restoring and backing up workspaces on this device.
// Each workspace's Y.Doc persists in its own IndexedDB database through y-indexeddb; open
// extension pages keep each other live over a BroadcastChannel carrying Yjs updates
// (y-indexeddb alone does not sync two pages of the same extension).
import * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { DEFAULT_DIRECTIONS, workspaceSchema, type Workspace } from '../model/records.ts';
import { newId, schoolYearSchema } from '../model/primitives.ts';
import { issuesOf, StoreError, ValidationError } from './errors.ts';
import { t } from './messages.ts';
import { db, type DeadlineRow } from './db.ts';
import type { PrefetchedCache } from './prefetch.ts';
import { Repository, type Snapshot, type ValidatedRecords } from './repository.ts';
import { initWorkspaceDoc, readWorkspaceRaw } from './workspace-doc.ts';
import { defaultQuartersFor } from './quarters.ts';
import { readBackup, writeBackup, attachmentRefs } from './backup.ts';
import { buildExampleDoc } from './example.ts';
import { getAttachmentBytes } from './attachments.ts';
import { safeFileNamePart } from '../files/file-name.ts';
import { PREVIEW_MIN_RECORDS, previewSize } from './cache-head.ts';
import {
  PreviewRepository,
  readCacheHead,
  readValidatedRecords,
  startSnapshotCache,
  writeCache,
} from './snapshot-cache.ts';

const docName = (workspaceId: string) => `svodka-ws-${workspaceId}`;

/**
 * y-indexeddb with its doc loaded. While the stored updates are applied its own update
 * listener is detached: with a listener present Yjs re-encodes the whole loaded state as one
 * update event (which y-indexeddb then ignores as its own) — for a large register that is
 * ~20 MB encoded for nothing. No edit can happen meanwhile: the doc is not handed out yet.
 */
async function loadPersisted(name: string, doc: Y.Doc): Promise<IndexeddbPersistence> {
  const persistence = new IndexeddbPersistence(name, doc);
  const listener = persistence._storeUpdate;
  doc.off('update', listener);
  try {
    await persistence.whenSynced;
  } finally {
    doc.on('update', listener);
  }
  return persistence;
}

export interface WorkspaceHandle {
  repo: Repository;
  close(): void;
  /** True for the read-only handle over the cached snapshot shown while the doc loads. */
  preview?: boolean;
  /** A preview's cached records, for openWorkspace to reuse instead of reading them again. */
  validated?: ValidatedRecords | null | Promise<ValidatedRecords | null>;
}

export { PREVIEW_MIN_RECORDS } from './cache-head.ts';

/** The cached snapshot as a read-only handle, or null when there is no usable cache. */
export async function openWorkspacePreview(
  workspaceId: string,
  opts: { actor: string; minRecords?: number; prefetched?: Promise<PrefetchedCache | null> },
): Promise<WorkspaceHandle | null> {
  const head = await readCacheHead(workspaceId, opts.prefetched);
  if (!head) return null;
  const snapshot = head.snapshot;
  // A small register loads from its doc in well under a second: no stale preview for it.
  if (previewSize(snapshot) < (opts.minRecords ?? PREVIEW_MIN_RECORDS)) return null;
  const repo = new PreviewRepository(snapshot, opts.actor);
  // The evidence follows the first paint (see readCacheHead); so do the identities the doc's
  // load reuses. Should that part be unreadable, the preview keeps saying the evidence is
  // loading until the doc replaces it.
  const validated = head.rest().then((rest) => {
    if (rest) repo.complete(rest.snapshot);
    return rest?.validated ?? null;
  });
  return { repo, preview: true, validated, close: () => repo.destroy() };
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  schoolYear: string;
}

export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  const rows = await db().workspaces.orderBy('openedAt').reverse().toArray();
  return rows.map(({ id, name, schoolYear }) => ({ id, name, schoolYear }));
}

export async function getActiveWorkspaceId(): Promise<string | null> {
  const row = await db().settings.get('activeWorkspaceId');
  const id = typeof row?.value === 'string' ? row.value : null;
  if (id && (await db().workspaces.get(id))) return id;
  return (await listWorkspaces())[0]?.id ?? null;
}

export async function setActiveWorkspaceId(id: string): Promise<void> {
  await db().settings.put({ key: 'activeWorkspaceId', value: id });
}

export async function persistNewDoc(doc: Y.Doc, workspace: Workspace): Promise<void> {
  // y-indexeddb writes the doc's whole state when it opens (its first sync stores what the doc
  // already holds), so no second encode is needed; closing waits for that write to commit.
  const persistence = new IndexeddbPersistence(docName(workspace.id), doc);
  await persistence.whenSynced;
  await persistence.destroy();
  const now = new Date().toISOString();
  await db().workspaces.put({
    id: workspace.id,
    name: workspace.name,
    schoolYear: workspace.schoolYear,
    createdAt: workspace.createdAt,
    openedAt: now,
  });
  await setActiveWorkspaceId(workspace.id);
}

export interface NewWorkspaceInput {
  name: string;
  kind: Workspace['kind'];
  municipality: string;
  schoolYear: string;
}

export async function createWorkspace(input: NewWorkspaceInput): Promise<string> {
  const candidate = {
    id: newId(),
    name: input.name.trim(),
    kind: input.kind,
    municipality: input.municipality.trim(),
    schoolYear: input.schoolYear.trim(),
    quarters: schoolYearSchema.safeParse(input.schoolYear.trim()).success
      ? defaultQuartersFor(input.schoolYear.trim())
      : [],
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: new Date().toISOString(),
  };
  const parsed = workspaceSchema.safeParse(candidate);
  if (!parsed.success) throw new ValidationError(t('workspaceNotCreated'), issuesOf(parsed.error));
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, parsed.data);
  await persistNewDoc(doc, parsed.data);
  return parsed.data.id;
}

export async function loadExampleWorkspace(now = new Date()): Promise<string> {
  const doc = buildExampleDoc(now);
  const workspace = workspaceSchema.parse(readWorkspaceRaw(doc));
  await persistNewDoc(doc, workspace);
  return workspace.id;
}

/** The deadline projection the background reads; written only for rows that changed. */
function deadlineRows(workspaceId: string, snapshot: Snapshot): DeadlineRow[] {
  return snapshot.activities.map((a) => ({
    key: `${workspaceId}/${a.id}`,
    workspaceId,
    activityId: a.id,
    title: a.title.slice(0, 300),
    status: a.status,
    periodKind: a.period.parsed?.kind ?? 'unknown',
    start: a.period.parsed?.start ?? null,
    end: a.period.parsed?.end ?? null,
    every: a.period.parsed?.every ?? null,
  }));
}

function startProjection(workspaceId: string, repo: Repository): () => void {
  const written = new Map<string, string>();
  let primed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const project = async () => {
    timer = null;
    if (stopped) return;
    if (!primed) {
      // First run: compare with what an earlier session stored, so reopening a large register
      // rewrites only the rows that changed meanwhile (and drops rows of deleted records).
      primed = true;
      const stored = await db().deadlines.where('workspaceId').equals(workspaceId).toArray();
      for (const row of stored) written.set(row.key, JSON.stringify(row));
      if (stopped) return;
    }
    const rows = deadlineRows(workspaceId, repo.snapshot());
    const changed = rows.filter((r) => written.get(r.key) !== JSON.stringify(r));
    const live = new Set(rows.map((r) => r.key));
    const gone = [...written.keys()].filter((k) => !live.has(k));
    if (changed.length === 0 && gone.length === 0) return;
    await db().transaction('rw', db().deadlines, async () => {
      if (changed.length) await db().deadlines.bulkPut(changed);
      if (gone.length) await db().deadlines.bulkDelete(gone);
    });
    for (const r of changed) written.set(r.key, JSON.stringify(r));
    for (const k of gone) written.delete(k);
  };
  const schedule = () => {
    timer ??= setTimeout(() => void project(), 300);
  };
  const off = repo.subscribe(schedule);
  schedule();
  return () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
  };
}

type PeerMessage =
  { type: 'update'; update: Uint8Array } | { type: 'hello'; stateVector: Uint8Array };

/** Relays Yjs updates between open pages of this workspace. */
function startPeerSync(workspaceId: string, doc: Y.Doc): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(docName(workspaceId));
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== channel) channel.postMessage({ type: 'update', update } satisfies PeerMessage);
  };
  channel.onmessage = (event: MessageEvent<PeerMessage>) => {
    const message = event.data;
    try {
      if (message?.type === 'update' && message.update instanceof Uint8Array)
        Y.applyUpdate(doc, message.update, channel);
      else if (message?.type === 'hello' && message.stateVector instanceof Uint8Array)
        channel.postMessage({
          type: 'update',
          update: Y.encodeStateAsUpdate(doc, message.stateVector),
        } satisfies PeerMessage);
    } catch {
      // A malformed update from another page is ignored; the persisted doc is the fallback.
    }
  };
  doc.on('update', onUpdate);
  // A page that opens late asks the others for anything not yet persisted.
  channel.postMessage({
    type: 'hello',
    stateVector: Y.encodeStateVector(doc),
  } satisfies PeerMessage);
  return () => {
    doc.off('update', onUpdate);
    channel.close();
  };
}

export async function openWorkspace(
  workspaceId: string,
  opts: {
    actor: string;
    /** Cached validated records (or a promise of them) instead of reading the cache here. */
    validated?: ValidatedRecords | null | Promise<ValidatedRecords | null>;
    /**
     * The caller has just read this workspace's row (the entry script's prefetch): the doc's
     * load need not wait for Dexie to open to check it again.
     */
    verified?: boolean;
  },
): Promise<WorkspaceHandle> {
  // Checked first: y-indexeddb would create an empty database for an unknown workspace.
  if (!opts.verified && !(await db().workspaces.get(workspaceId)))
    throw new StoreError(t('workspaceNotOnDevice'));
  const doc = new Y.Doc();
  const t0 = performance.now();
  // The cached validated records are read while y-indexeddb loads the doc.
  const [persistence, validated] = await Promise.all([
    loadPersisted(docName(workspaceId), doc),
    opts.validated !== undefined
      ? opts.validated
      : readValidatedRecords(workspaceId).catch(() => null),
  ]);
  const t1 = performance.now();
  if (!readWorkspaceRaw(doc)) {
    await persistence.destroy();
    throw new StoreError(t('workspaceDataMissing'));
  }
  const repo = new Repository(doc, { actor: opts.actor, validated: validated ?? undefined });
  repo.snapshot();
  // Where the load goes, for `npm run bench` (entries of the page's performance timeline).
  performance.measure('svodka:load:indexeddb', { start: t0, end: t1 });
  performance.measure('svodka:load:snapshot', { start: t1 });
  const stopPeers = startPeerSync(workspaceId, doc);
  const stopProjection = startProjection(workspaceId, repo);
  const stopCache = startSnapshotCache(workspaceId, repo);
  void db().workspaces.update(workspaceId, {
    openedAt: new Date().toISOString(),
    name: repo.snapshot().workspace.name,
  });
  return {
    repo,
    close() {
      stopProjection();
      stopCache();
      stopPeers();
      repo.destroy();
      void persistence.destroy();
    },
  };
}

/**
 * The backup of a workspace. Pass the page's live repository when it has one: opening the doc
 * again would cost a full load of a large register.
 */
export async function exportBackupBytes(
  workspaceId: string,
  live?: Repository,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const usable =
    live && !(live instanceof PreviewRepository) && live.snapshot().workspace.id === workspaceId;
  const handle = usable ? null : await openWorkspace(workspaceId, { actor: 'backup' });
  const repo = usable ? live : handle!.repo;
  try {
    const snapshot = repo.snapshot();
    const attachments = new Map<string, Uint8Array>();
    for (const ref of attachmentRefs(snapshot)) {
      const bytes = await getAttachmentBytes(ref.hash);
      if (bytes) attachments.set(ref.hash, bytes);
    }
    const bytes = writeBackup({ doc: repo.doc, attachments, snapshot });
    const date = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
    const safeName = safeFileNamePart(snapshot.workspace.name);
    return { bytes, fileName: `Сводка_${safeName}_${date}.svodka` };
  } finally {
    handle?.close();
  }
}

export async function exportBackupFile(workspaceId: string, live?: Repository): Promise<Blob> {
  const { bytes } = await exportBackupBytes(workspaceId, live);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/**
 * Restores a backup as the workspace it came from (replacing this device's copy of it).
 * The file is checked completely first; on any problem nothing on the device changes.
 */
export async function restoreBackupBytes(bytes: Uint8Array): Promise<{ workspaceId: string }> {
  const contents = await readBackup(bytes);
  const workspace = contents.snapshot.workspace;
  for (const [hash, data] of contents.attachments) {
    const ref = contents.manifest.attachments.find((a) => a.hash === hash)!;
    if (!(await db().attachments.get(hash)))
      await db().attachments.put({ ...ref, bytes: data, createdAt: new Date().toISOString() });
  }
  await clearDocument(docName(workspace.id));
  await persistNewDoc(contents.doc, workspace);
  // Its records were just checked: with them cached, the first open after a restore is as fast
  // as any other instead of checking 30,000 records again (~1 s in a page). Derived data: should
  // the write fail, that open is only slower.
  await writeCache(workspace.id, { snapshot: contents.snapshot, ...contents.cache }).catch(
    () => {},
  );
  return { workspaceId: workspace.id };
}

export async function restoreBackupFile(file: Blob): Promise<{ workspaceId: string }> {
  return restoreBackupBytes(new Uint8Array(await file.arrayBuffer()));
}
