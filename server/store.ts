// Document persistence behind one interface, so SQLite (default) and PostgreSQL (store-postgres.ts)
// are interchangeable. Every accepted client update is appended to a log synchronously before
// the server acknowledges it; the debounced Hocuspocus store then compacts the log into a
// snapshot. So an acknowledged edit survives even a crash between debounced stores.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import { transaction } from './db.ts';

export interface DocumentStore {
  load(name: string): Promise<Uint8Array | null>;
  store(name: string, state: Uint8Array): Promise<void>;
  /** Durable append of one accepted update (synchronous where the backend allows). */
  append?(name: string, update: Uint8Array): void;
  /** Durable append for asynchronous backends; awaited before the update is applied and acked. */
  appendAsync?(name: string, update: Uint8Array): Promise<void>;
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
  };

  constructor(db: DatabaseSync, instance: string, ownsDb = false) {
    this.db = db;
    this.instance = instance;
    this.ownsDb = ownsDb;
    this.q = {
      snapshot: db.prepare('SELECT state, version FROM documents WHERE name = ?'),
      log: db.prepare('SELECT update_bytes FROM document_updates WHERE name = ? ORDER BY id'),
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
    const log = (this.q.log.all(name) as { update_bytes: Uint8Array }[]).map((r) => r.update_bytes);
    const prev = this.known.get(name);
    this.known.set(name, { version: snap?.version ?? 0, maxOwnLogId: prev?.maxOwnLogId ?? 0 });
    const parts = [...(snap ? [snap.state] : []), ...log];
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
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
