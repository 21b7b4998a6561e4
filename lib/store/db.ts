// The local Dexie database: what is derived from the workspaces' Y.Docs (the list of
// workspaces, the deadline projection the background reads for the badge) or local by nature
// (attachment bytes, settings). Versions are only ever appended; each has a migration test.
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from './db-names.ts';

export interface WorkspaceRow {
  id: string;
  name: string;
  schoolYear: string;
  createdAt: string;
  /** v2: when this device last opened it (sorts the switcher). */
  openedAt: string;
}

export interface AttachmentRow {
  hash: string;
  name: string;
  type: string;
  size: number;
  /** Bytes, not a Blob: structured-clonable everywhere (extension pages, Node tests). */
  bytes: Uint8Array;
  createdAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** v2: one row per activity, enough for the background's overdue badge without the Y.Doc. */
export interface DeadlineRow {
  key: string; // workspaceId + '/' + activityId
  workspaceId: string;
  activityId: string;
  title: string;
  status: string;
  periodKind: string;
  start: string | null;
  end: string | null;
  every: string | null;
}

/** v3: the last validated snapshot of a workspace, so a page can paint before the Y.Doc loads. */
export interface SnapshotCacheRow {
  workspaceId: string;
  savedAt: string;
  /** The Snapshot as the repository last produced it (derived data: the Y.Doc stays the truth). */
  snapshot: unknown;
  /** What each valid record was read from (Repository.identities), to skip re-validating it. */
  identities?: unknown;
  /** The record schemas the snapshot was validated with (schemaFingerprint). */
  schemas?: string;
  /**
   * Since the split cache: the row under the workspace's id holds the snapshot without its
   * evidence (`evidenceCount` says how many there are); the row under `<id>/tail` holds the
   * evidence and the identities. Both are written in one transaction with the same `savedAt`.
   */
  part?: 'head' | 'tail';
  evidenceCount?: number;
  /**
   * In the head row, since the links moved to the tail: per activity, in the order of the
   * head's activities, how many evidence records it links to (the rows' counts at first paint).
   */
  evidenceCounts?: Uint32Array;
  /** In the head row: the state of the doc the snapshot is of (Repository.docState). */
  docState?: Uint8Array;
}

export type SvodkaDb = Dexie & {
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  attachments: EntityTable<AttachmentRow, 'hash'>;
  settings: EntityTable<SettingRow, 'key'>;
  deadlines: EntityTable<DeadlineRow, 'key'>;
  snapshotCache: EntityTable<SnapshotCacheRow, 'workspaceId'>;
};

export { DB_NAME } from './db-names.ts';

/** Declares every version in order. Never edit a past version: append a new one. */
export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    workspaces: 'id, name',
    attachments: 'hash',
    settings: 'key',
  });
  db.version(2)
    .stores({
      workspaces: 'id, name, openedAt',
      deadlines: 'key, workspaceId, [workspaceId+status]',
    })
    .upgrade(async (tx) => {
      await tx
        .table('workspaces')
        .toCollection()
        .modify((row: Partial<WorkspaceRow>) => {
          row.openedAt ??= row.createdAt ?? new Date(0).toISOString();
          row.schoolYear ??= '';
        });
    });
  // v3 only adds a table; rows appear the first time a workspace is opened.
  db.version(3).stores({ snapshotCache: 'workspaceId' });
}

export function openDb(name = DB_NAME): SvodkaDb {
  const db = new Dexie(name) as SvodkaDb;
  declareVersions(db);
  return db;
}

let shared: SvodkaDb | null = null;
export function db(): SvodkaDb {
  shared ??= openDb();
  return shared;
}
