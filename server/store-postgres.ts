// PostgreSQL backend (`SVODKA_DATABASE_URL`): documents, their update log, workspaces and members
// in one database, so several instances behind a load balancer (linked through Redis) agree on
// content, members, roles and revocations. Same layout and the same compaction rules as the
// SQLite store: every accepted update is INSERTed before the client is acknowledged (the server
// awaits `appendAsync` in Hocuspocus' beforeSync hook), the debounced store folds the log into a
// snapshot under a per-document advisory lock.
import pg from 'pg';
import * as Y from 'yjs';
import { toMember } from './access.ts';
import type { AccessStore, Member, MemberRow, Role } from './access.ts';
import { mergeStored, sortRows, toQuarantined } from './store.ts';
import type { DocumentStore, QuarantinedRow } from './store.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS svodka_documents (
    name TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    version BIGINT NOT NULL,
    writer TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS svodka_document_updates (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    instance TEXT NOT NULL,
    update_bytes BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS svodka_document_updates_name ON svodka_document_updates(name, id);
  -- Log rows that did not decode when their workspace was loaded, set aside for the operator.
  CREATE TABLE IF NOT EXISTS svodka_document_quarantine (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    instance TEXT NOT NULL,
    update_bytes BYTEA NOT NULL,
    quarantined_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS svodka_workspaces (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS svodka_members (
    id TEXT PRIMARY KEY,
    workspace TEXT NOT NULL REFERENCES svodka_workspaces(id),
    role TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    changed_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS svodka_members_workspace ON svodka_members(workspace);
  CREATE INDEX IF NOT EXISTS svodka_members_changed ON svodka_members(changed_at);
`;

/** Arbitrary constant: serialises schema creation when several instances start at once. */
const SCHEMA_LOCK = 7_215_431;

export interface PostgresBackend {
  pool: pg.Pool;
  documents: PostgresDocumentStore;
  access: PostgresAccessStore;
  close(): Promise<void>;
}

/** Connects, creates the tables if needed, and returns both stores over one pool. */
export async function openPostgres(url: string, instance: string): Promise<PostgresBackend> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw error;
  });
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  let closed = false;
  return {
    pool,
    documents: new PostgresDocumentStore(pool, instance),
    access: new PostgresAccessStore(pool),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

interface Known {
  version: number;
  maxOwnLogId: number;
}

export class PostgresDocumentStore implements DocumentStore {
  readonly kind = 'postgres';
  onQuarantine?: (name: string, ids: number[]) => void;
  private readonly known = new Map<string, Known>();
  private readonly pool: pg.Pool;
  private readonly instance: string;

  constructor(pool: pg.Pool, instance: string) {
    this.pool = pool;
    this.instance = instance;
  }

  async load(name: string): Promise<Uint8Array | null> {
    const client = await this.pool.connect();
    try {
      // One snapshot of both tables: a concurrent compaction cannot make us miss rows.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await client.query<{ state: Buffer; version: string }>(
        'SELECT state, version FROM svodka_documents WHERE name = $1',
        [name],
      );
      const log = await client.query<{ id: string; update_bytes: Buffer }>(
        'SELECT id, update_bytes FROM svodka_document_updates WHERE name = $1 ORDER BY id',
        [name],
      );
      await client.query('COMMIT');
      const row = snap.rows[0];
      const prev = this.known.get(name);
      this.known.set(name, {
        version: row ? Number(row.version) : 0,
        maxOwnLogId: prev?.maxOwnLogId ?? 0,
      });
      const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      const { good, bad } = sortRows(
        log.rows.map((r) => ({ id: Number(r.id), bytes: bytes(r.update_bytes) })),
      );
      if (bad.length) {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO svodka_document_quarantine (id, name, instance, update_bytes, quarantined_at)
           SELECT id, name, instance, update_bytes, $2 FROM svodka_document_updates
           WHERE id = ANY($1::bigint[]) ON CONFLICT (id) DO NOTHING`,
          [bad, Date.now()],
        );
        await client.query('DELETE FROM svodka_document_updates WHERE id = ANY($1::bigint[])', [
          bad,
        ]);
        await client.query('COMMIT');
        this.onQuarantine?.(name, bad);
      }
      return mergeStored(row ? bytes(row.state) : null, good);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async quarantined(name?: string): Promise<QuarantinedRow[]> {
    const r = await this.pool.query<{
      id: string;
      name: string;
      instance: string;
      bytes: number;
      quarantined_at: string;
    }>(
      `SELECT id, name, instance, octet_length(update_bytes) AS bytes, quarantined_at
       FROM svodka_document_quarantine WHERE $1::text IS NULL OR name = $1 ORDER BY id`,
      [name ?? null],
    );
    return r.rows.map(toQuarantined);
  }

  async appendAsync(name: string, update: Uint8Array): Promise<void> {
    const result = await this.pool.query<{ id: string }>(
      'INSERT INTO svodka_document_updates (name, instance, update_bytes) VALUES ($1, $2, $3) RETURNING id',
      [name, this.instance, Buffer.from(update.buffer, update.byteOffset, update.byteLength)],
    );
    const known = this.known.get(name) ?? { version: 0, maxOwnLogId: 0 };
    known.maxOwnLogId = Math.max(known.maxOwnLogId, Number(result.rows[0]!.id));
    this.known.set(name, known);
  }

  async store(name: string, state: Uint8Array): Promise<void> {
    const known = this.known.get(name) ?? { version: 0, maxOwnLogId: 0 };
    const upTo = known.maxOwnLogId;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      const snap = await client.query<{ state: Buffer; version: string }>(
        'SELECT state, version FROM svodka_documents WHERE name = $1',
        [name],
      );
      const row = snap.rows[0];
      // Another instance wrote since we looked: its snapshot may hold edits we have not seen.
      const merged =
        row && Number(row.version) !== known.version
          ? Y.mergeUpdates([new Uint8Array(row.state), state])
          : state;
      const version = (row ? Number(row.version) : 0) + 1;
      await client.query(
        `INSERT INTO svodka_documents (name, state, version, writer, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version,
           writer = EXCLUDED.writer, updated_at = EXCLUDED.updated_at`,
        [name, Buffer.from(merged), version, this.instance, Date.now()],
      );
      await client.query(
        'DELETE FROM svodka_document_updates WHERE name = $1 AND instance = $2 AND id <= $3',
        [name, this.instance, upTo],
      );
      await client.query('COMMIT');
      known.version = version;
      this.known.set(name, known);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** The pool is shared with the access store; PostgresBackend.close() ends it. */
  async close(): Promise<void> {}
}

export class PostgresAccessStore implements AccessStore {
  private readonly pool: pg.Pool;
  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async workspaceExists(id: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM svodka_workspaces WHERE id = $1', [id]);
    return (r.rowCount ?? 0) > 0;
  }

  async insertWorkspace(id: string, createdAt: number): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO svodka_workspaces (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
      [id, createdAt],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async insertMember(m: Member): Promise<void> {
    await this.pool.query(
      `INSERT INTO svodka_members (id, workspace, role, label, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [m.id, m.workspace, m.role, m.label, m.createdAt, m.expiresAt],
    );
  }

  async members(workspace: string): Promise<Member[]> {
    const r = await this.pool.query<MemberRow>(
      'SELECT * FROM svodka_members WHERE workspace = $1 ORDER BY created_at, id',
      [workspace],
    );
    return r.rows.map(toMember);
  }

  async member(id: string): Promise<Member | null> {
    const r = await this.pool.query<MemberRow>('SELECT * FROM svodka_members WHERE id = $1', [id]);
    return r.rows[0] ? toMember(r.rows[0]) : null;
  }

  async revoke(workspace: string, memberId: string, now: number): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE svodka_members SET revoked_at = $1, changed_at = $1
       WHERE id = $2 AND workspace = $3 AND revoked_at IS NULL`,
      [now, memberId, workspace],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async setRole(workspace: string, memberId: string, role: Role, now: number): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE svodka_members SET role = $1, changed_at = $2
       WHERE id = $3 AND workspace = $4 AND revoked_at IS NULL AND role <> 'owner'`,
      [role, now, memberId, workspace],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async changedSince(since: number): Promise<{ id: string; revoked: boolean }[]> {
    const r = await this.pool.query<{ id: string; revoked_at: string | null }>(
      'SELECT id, revoked_at FROM svodka_members WHERE changed_at >= $1',
      [since],
    );
    return r.rows.map((row) => ({ id: row.id, revoked: row.revoked_at !== null }));
  }
}
