// Issue #16, "safe from a poisoned update": what a client sends is decoded before it is logged
// or acknowledged; stored rows that do not decode are set aside instead of locking everyone
// out; a failed load says so; a member's presence describes only its own client id. Each case
// runs against the embedded SQLite store and a real PostgreSQL 15.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { deniedMessage } from '../../../lib/store/sync-binding.ts';
import type { PeerPresence, SyncConnection } from '../../../lib/sync/connection.ts';
import { runCli } from '../../../server/cli.ts';
import { openDatabase } from '../../../server/db.ts';
import { openPostgres } from '../../../server/store-postgres.ts';
import { SqliteDocumentStore } from '../../../server/store.ts';
import type { DocumentStore } from '../../../server/store.ts';
import {
  SECRET,
  client,
  content,
  setActivityField,
  startServer,
  tempDir,
  waitFor,
} from './harness.ts';
import type { Started } from './harness.ts';
import { rawClient } from './raw-client.ts';
import { startPostgres } from './services.ts';
import type { Service } from './services.ts';

/** Not a Yjs update: Yjs throws "Unexpected end of array" on it. */
const GARBAGE = Uint8Array.from([5, 200, 13, 7, 99, 1, 2, 3, 250, 250]);

let postgres: Service | null = null;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
});

function events(started: Started, event: string): Record<string, unknown>[] {
  return started.logs
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.event === event);
}

describe.each([
  { store: 'SQLite', pg: false },
  { store: 'PostgreSQL', pg: true },
])('$store store', ({ pg }) => {
  async function setup() {
    const tmp = tempDir();
    // A long debounce: what is stored below is in the update log, not in a snapshot.
    const opts = { databaseUrl: pg ? postgres!.url : undefined, debounceMs: 30_000 };
    const started = { current: await startServer(tmp.dir, opts) };
    // PostgreSQL is shared by the file's tests: every test has its own workspace.
    const workspace = `ws-${randomUUID().slice(0, 8)}`;
    const owner = await started.current.server.access.createWorkspace(workspace, { days: 1 });
    const clients: SyncConnection[] = [];
    cleanups.push(async () => {
      for (const c of clients) c.destroy();
      await started.current.server.stop();
      tmp.remove();
    });
    const connect = (token: string) => {
      const c = client(started.current.server.url, token, workspace);
      clients.push(c);
      return c;
    };
    const restart = async () => {
      await started.current.server.stop();
      started.current = await startServer(tmp.dir, opts);
    };
    /** The store as another process (the attacker's row, a damaged disk) sees it. */
    const direct = async <T>(fn: (store: DocumentStore) => Promise<T>): Promise<T> => {
      if (pg) {
        const backend = await openPostgres(postgres!.url, 'direct');
        try {
          return await fn(backend.documents);
        } finally {
          await backend.close();
        }
      }
      const store = new SqliteDocumentStore(openDatabase(tmp.dir), 'direct', true);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    };
    const cli = async (argv: string[]) => {
      const out: string[] = [];
      const env = { SVODKA_SECRET: SECRET, SVODKA_DATABASE_URL: pg ? postgres!.url : '' };
      const code = await runCli(
        [...argv, '--data', tmp.dir],
        env,
        (s) => out.push(s),
        () => {},
      );
      return { code, lines: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
    };
    return { started, workspace, owner, connect, restart, direct, cli };
  }

  it('refuses an update that does not decode: no acknowledgement, nothing stored, one JSON log line, the workspace still opens', async () => {
    const s = await setup();
    const stderr = vi.spyOn(console, 'error');
    const editor = await s.started.current.server.access.invite(s.workspace, 'editor', { days: 1 });
    const raw = rawClient(s.started.current.server.url, s.workspace, editor.token);
    expect(await raw.auth).toBe('authenticated');
    const good = new Y.Doc();
    setActivityField(good, 'act-1', 'title', 'Педсовет');
    raw.sendUpdate(Y.encodeStateAsUpdate(good));
    await waitFor(() => raw.acks === 1, 5000, 'the good update acknowledged');

    raw.sendUpdate(GARBAGE);
    expect(await raw.closed).toEqual({ code: 4400, reason: 'invalid-update' });
    expect(raw.acks).toBe(1);
    const refused = events(s.started.current, 'update.refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      workspace: s.workspace,
      member: editor.member.id,
      reason: 'undecodable',
    });
    expect(stderr).not.toHaveBeenCalled();

    // Loaded again from the log alone: the good update is there, nothing had to be set aside.
    await s.restart();
    const fresh = s.connect(s.owner.token);
    await fresh.whenSynced();
    expect(content(fresh.doc)).toEqual(content(good));
    expect(await s.started.current.server.store.quarantined(s.workspace)).toEqual([]);
  });

  it('refuses an awareness update that does not decode, with one JSON log line and no stack trace', async () => {
    const s = await setup();
    const stderr = vi.spyOn(console, 'error');
    const viewer = await s.started.current.server.access.invite(s.workspace, 'viewer', { days: 1 });
    const raw = rawClient(s.started.current.server.url, s.workspace, viewer.token);
    expect(await raw.auth).toBe('authenticated');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 4242);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '{"presence": не json');
    raw.sendAwareness(encoding.toUint8Array(e));
    expect(await raw.closed).toEqual({ code: 4400, reason: 'invalid-update' });
    expect(events(s.started.current, 'update.refused')).toMatchObject([
      { reason: 'undecodable', member: viewer.member.id },
    ]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('sets aside a stored log row that does not decode, opens the workspace, and counts the row in /health and the CLI', async () => {
    const s = await setup();
    const owner = s.connect(s.owner.token);
    await owner.whenSynced();
    setActivityField(owner.doc, 'act-1', 'title', 'Педсовет');
    await owner.whenSynced();
    owner.destroy();
    await s.started.current.server.stop();
    // Today's poisoned row: written to the log before anything checked it.
    await s.direct((store) =>
      store.appendAsync
        ? store.appendAsync(s.workspace, GARBAGE)
        : (store.append!(s.workspace, GARBAGE), Promise.resolve()),
    );
    await s.restart();
    const before = Number((await s.started.current.server.health()).quarantined);

    const fresh = s.connect(s.owner.token);
    await fresh.whenSynced();
    expect(content(fresh.doc)).toEqual(content(owner.doc));
    expect(events(s.started.current, 'document.quarantined')).toMatchObject([
      { workspace: s.workspace, rows: 1 },
    ]);
    const health = await fetch(`${s.started.current.server.httpUrl}/health`);
    expect(((await health.json()) as { quarantined: number }).quarantined).toBe(before + 1);
    const listed = await s.cli(['quarantine', '--workspace', s.workspace]);
    expect(listed.code).toBe(0);
    expect(listed.lines).toMatchObject([
      { workspace: s.workspace, instance: 'direct', bytes: GARBAGE.byteLength },
      { workspace: s.workspace, quarantined: 1 },
    ]);
  });

  it('tells clients a failed load is a failed load, not a refused permission', async () => {
    const s = await setup();
    const stderr = vi.spyOn(console, 'error');
    // A snapshot that does not decode cannot be set aside without losing the workspace.
    await s.direct((store) => store.store(s.workspace, GARBAGE));
    const c = s.connect(s.owner.token);
    await waitFor(() => c.denied !== null, 5000, 'refusal');
    expect(c.denied).toBe('load-failed');
    // The team panel says what happened, not the generic «Сервер отказал (load-failed)».
    expect(deniedMessage('load-failed')).not.toContain('load-failed');
    expect(events(s.started.current, 'document.load_failed')).toHaveLength(1);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('presence under read-only', () => {
  it('a viewer cannot publish presence under the owner’s client id; its own presence still goes through', async () => {
    const tmp = tempDir();
    const started = await startServer(tmp.dir);
    const { server } = started;
    const owner = await server.access.createWorkspace('school5', { days: 1 });
    const editor = await server.access.invite('school5', 'editor', { days: 1 });
    const viewer = await server.access.invite('school5', 'viewer', { days: 1 });
    const o = client(server.url, owner.token, 'school5');
    const watcher = client(server.url, editor.token, 'school5');
    const raw = rawClient(server.url, 'school5', viewer.token);
    cleanups.push(async () => {
      o.destroy();
      watcher.destroy();
      raw.close();
      await server.stop();
      tmp.remove();
    });
    let seen: PeerPresence[] = [];
    watcher.onPresence((p) => (seen = p));
    await Promise.all([o.whenSynced(), watcher.whenSynced()]);
    o.setPresence({ name: 'Владелец' });
    const ownerId = o.doc.clientID;
    await waitFor(() => seen.some((p) => p.clientId === ownerId), 5000, 'owner presence');
    expect(await raw.auth).toBe('authenticated');

    // The forger's clock runs far ahead, so an unfiltered update would replace the owner's state.
    const forged = new Y.Doc();
    forged.clientID = ownerId;
    const forgedAwareness = new Awareness(forged);
    for (let i = 0; i < 50; i++) forgedAwareness.setLocalState({ presence: { name: 'Подмена' } });
    const mine = new Y.Doc();
    const myAwareness = new Awareness(mine);
    myAwareness.setLocalState({ presence: { name: 'Зритель' } });
    cleanups.push(() => {
      forgedAwareness.destroy();
      myAwareness.destroy();
    });
    raw.sendAwareness(encodeAwarenessUpdate(forgedAwareness, [ownerId]));
    raw.sendAwareness(encodeAwarenessUpdate(myAwareness, [mine.clientID]));
    raw.sendAwareness(encodeAwarenessUpdate(forgedAwareness, [ownerId]));
    await waitFor(() => seen.some((p) => p.name === 'Зритель'), 5000, 'viewer presence');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.find((p) => p.clientId === ownerId)?.name).toBe('Владелец');
    expect(seen.map((p) => p.name).sort()).toEqual(['Владелец', 'Зритель']);
  });
});
