// Shared test harness: a real sync server in-process on 127.0.0.1:0 with its data in a temp
// folder, and real Hocuspocus clients from lib/sync.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { connectWorkspace } from '../../../lib/sync/connection.ts';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { createSyncServer } from '../../../server/app.ts';
import type { SyncServer, SyncServerOptions } from '../../../server/app.ts';

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'svodka-sync-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Started {
  server: SyncServer;
  logs: string[];
}

export async function startServer(
  dataDir: string,
  extra: Partial<SyncServerOptions> = {},
): Promise<Started> {
  const logs: string[] = [];
  const server = await createSyncServer({
    dataDir,
    secret: SECRET,
    port: 0,
    host: '127.0.0.1',
    debounceMs: 200,
    revokePollMs: 200,
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    ...extra,
  });
  return { server, logs };
}

export function client(
  url: string,
  token: string,
  workspace: string,
  doc = new Y.Doc(),
): SyncConnection {
  return connectWorkspace({ url, token, doc, workspace, minDelayMs: 50, maxDelayMs: 500 });
}

export async function waitFor(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, sorted(obj[k])]),
  );
}

/** Register-shaped content of a doc, as plain JSON with sorted keys (Y.Map order is local). */
export function content(doc: Y.Doc): unknown {
  return sorted({
    activities: doc.getMap('activities').toJSON(),
    fillings: doc.getMap('fillings').toJSON(),
  });
}

export function setActivityField(doc: Y.Doc, id: string, field: string, value: unknown): void {
  doc.transact(() => {
    const activities = doc.getMap<Y.Map<unknown>>('activities');
    let rec = activities.get(id);
    if (!rec) {
      rec = new Y.Map();
      activities.set(id, rec);
    }
    rec.set(field, value);
  });
}
