// One SQLite file (node:sqlite, no native build) holds documents, the update log, workspaces and
// members. WAL + busy_timeout let several server processes on one machine share the file.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'svodka.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      version INTEGER NOT NULL,
      writer TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS document_updates (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      instance TEXT NOT NULL,
      update_bytes BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates(name, id);
    -- Log rows that did not decode when their workspace was loaded, set aside for the operator.
    CREATE TABLE IF NOT EXISTS document_quarantine (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      instance TEXT NOT NULL,
      update_bytes BLOB NOT NULL,
      quarantined_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS workspaces (
      id TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS members (
      id TEXT PRIMARY KEY,
      workspace TEXT NOT NULL,
      role TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS members_workspace ON members(workspace);
  `);
  // Added after the first release: when a member was last revoked or re-roled (polled by every
  // instance so live sockets follow the table).
  const columns = db.prepare('PRAGMA table_info(members)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'changed_at')) {
    try {
      db.exec('ALTER TABLE members ADD COLUMN changed_at INTEGER');
    } catch {
      // Another process added it between our look and our ALTER.
    }
  }
  return db;
}

/** Runs fn inside BEGIN IMMEDIATE so concurrent processes serialise on the write lock. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
