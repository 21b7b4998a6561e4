// Document persistence behind one interface, so SQLite (default) and PostgreSQL (store-postgres.ts)
// are interchangeable. Every accepted client update is appended to a log synchronously before
// the server acknowledges it; the debounced Hocuspocus store then compacts the log into a
// snapshot. So an acknowledged edit survives even a crash between debounced stores.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import { transaction } from './db.ts';
import { decodesAsUpdate } from './validate.ts';

/** A log row set aside because it did not decode (see `npm run server -- quarantine`). */
export interface QuarantinedRow {
  /** Its id in the update log. */
  id: number;
  workspace: string;
  /** The instance that appended it. */
  instance: string;
  bytes: number;
  quarantinedAt: number;
}

/** The stored snapshot itself does not decode: nothing to set aside without losing the workspace. */
export class CorruptSnapshot extends Error {}

export interface DocumentStore {
  load(name: string): Promise<Uint8Array | null>;
  store(name: string, state: Uint8Array): Promise<void>;
  /** Durable append of one accepted update (synchronous where the backend allows). */
  append?(name: string, update: Uint8Array): void;
  /** Durable append for asynchronous backends; awaited before the update is applied and acked. */
  appendAsync?(name: string, update: Uint8Array): Promise<void>;
  /** Told which log rows of a workspace were just set aside. */
  onQuarantine?: (name: string, ids: number[]) => void;
  /** Quarantined rows, of one workspace or all. */
  quarantined(name?: string): Promise<QuarantinedRow[]>;
  close(): Promise<void>;
}

interface Known {
  /** Snapshot version this process last read or wrote; another writer bumps it. */
  version: number;
  /** Highest log row this process appended (all of them are inside its in-memory document). */
  maxOwnLogId: number;
}

export class SqliteDocumentStore implements DocumentStore {
  readonly kind = 'sqlite';
  onQuarantine?: (name: string, ids: number[]) => void;
  private readonly db: DatabaseSync;
  private readonly instance: string;
  private readonly ownsDb: boolean;
  private readonly known = new Map<string, Known>();
  private readonly q: {
    snapshot: StatementSync;
    log: StatementSync;
    append: StatementSync;
    upsert: StatementSync;
    deleteOwn: StatementSync;
    quarantine: StatementSync;
    unlog: StatementSync;
  };

  constructor(db: DatabaseSync, instance: string, ownsDb = false) {
    this.db = db;
    this.instance = instance;
    this.ownsDb = ownsDb;
    this.q = {
      snapshot: db.prepare('SELECT state, version FROM documents WHERE name = ?'),
      log: db.prepare('SELECT id, update_bytes FROM document_updates WHERE name = ? ORDER BY id'),
      quarantine: db.prepare(
        `INSERT OR IGNORE INTO document_quarantine (id, name, instance, update_bytes, quarantined_at)
         SELECT id, name, instance, update_bytes, ? FROM document_updates WHERE id = ?`,
      ),
      unlog: db.prepare('DELETE FROM document_updates WHERE id = ?'),
      append: db.prepare(
        'INSERT INTO document_updates (name, instance, update_bytes) VALUES (?, ?, ?)',
      ),
      upsert: db.prepare(
        `INSERT INTO documents (name, state, version, writer, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET state = excluded.state, version = excluded.version,
           writer = excluded.writer, updated_at = excluded.updated_at`,
      ),
      deleteOwn: db.prepare(
        'DELETE FROM document_updates WHERE name = ? AND instance = ? AND id <= ?',
      ),
    };
  }

  async load(name: string): Promise<Uint8Array | null> {
    const snap = this.q.snapshot.get(name) as { state: Uint8Array; version: number } | undefined;
    const rows = this.q.log.all(name) as { id: number; update_bytes: Uint8Array }[];
    const prev = this.known.get(name);
    this.known.set(name, { version: snap?.version ?? 0, maxOwnLogId: prev?.maxOwnLogId ?? 0 });
    const { good, bad } = sortRows(rows.map((r) => ({ id: r.id, bytes: r.update_bytes })));
    if (bad.length)
      transaction(this.db, () => {
        const now = Date.now();
        for (const id of bad) {
          this.q.quarantine.run(now, id);
          this.q.unlog.run(id);
        }
      });
    if (bad.length) this.onQuarantine?.(name, bad);
    return mergeStored(snap?.state ?? null, good);
  }

  async quarantined(name?: string): Promise<QuarantinedRow[]> {
    const rows = this.db
      .prepare(
        `SELECT id, name, instance, length(update_bytes) AS bytes, quarantined_at
         FROM document_quarantine ${name === undefined ? '' : 'WHERE name = ?'} ORDER BY id`,
      )
      .all(...(name === undefined ? [] : [name])) as {
      id: number;
      name: string;
      instance: string;
      bytes: number;
      quarantined_at: number;
    }[];
    return rows.map(toQuarantined);
  }

  append(name: string, update: Uint8Array): void {
    const result = this.q.append.run(name, this.instance, update);
    const known = this.known.get(name) ?? { version: 0, maxOwnLogId: 0 };
    known.maxOwnLogId = Math.max(known.maxOwnLogId, Number(result.lastInsertRowid));
    this.known.set(name, known);
  }

  async store(name: string, state: Uint8Array): Promise<void> {
    const known = this.known.get(name) ?? { version: 0, maxOwnLogId: 0 };
    const upTo = known.maxOwnLogId;
    transaction(this.db, () => {
      const snap = this.q.snapshot.get(name) as { state: Uint8Array; version: number } | undefined;
      // Another process wrote since we looked: its snapshot may hold edits we have not seen yet.
      const merged =
        snap && snap.version !== known.version ? Y.mergeUpdates([snap.state, state]) : state;
      const version = (snap?.version ?? 0) + 1;
      this.q.upsert.run(name, merged, version, this.instance, Date.now());
      this.q.deleteOwn.run(name, this.instance, upTo);
      known.version = version;
    });
    this.known.set(name, known);
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.isOpen) this.db.close();
  }
}

/** Splits log rows into those that decode and the ids of those to set aside. */
export function sortRows(rows: { id: number; bytes: Uint8Array }[]): {
  good: Uint8Array[];
  bad: number[];
} {
  const good: Uint8Array[] = [];
  const bad: number[] = [];
  for (const r of rows) {
    if (decodesAsUpdate(r.bytes)) good.push(r.bytes);
    else bad.push(r.id);
  }
  return { good, bad };
}

/** Snapshot + decodable log rows → one update (null for a workspace never written). */
export function mergeStored(snapshot: Uint8Array | null, log: Uint8Array[]): Uint8Array | null {
  if (snapshot && !decodesAsUpdate(snapshot)) throw new CorruptSnapshot('snapshot does not decode');
  const parts = [...(snapshot ? [snapshot] : []), ...log];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

export function toQuarantined(r: {
  id: number | string;
  name: string;
  instance: string;
  bytes: number | string;
  quarantined_at: number | string;
}): QuarantinedRow {
  return {
    id: Number(r.id),
    workspace: r.name,
    instance: r.instance,
    bytes: Number(r.bytes),
    quarantinedAt: Number(r.quarantined_at),
  };
}
