// Seeded convergence fuzz in the style of Yjs's own tests: five clients make random edits to
// register-shaped maps while going offline, coming back, and living through a server restart.
// At the end every client and a fresh one hold identical content, no edit is missing, edits the
// server acknowledged were on disk at the restart, and every client came back within a bound.
// SVODKA_FUZZ_SEEDS=1000 runs more seeds.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { openDatabase } from '../../../server/db.ts';
import { SqliteDocumentStore } from '../../../server/store.ts';
import { client, content, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';

// The issue asks for hundreds of seeds in the normal run: 200 take about a minute and a half on
// 2 cores. For a longer run: SVODKA_FUZZ_SEEDS=1000.
const SEEDS = Number(process.env.SVODKA_FUZZ_SEEDS ?? 200);
const CLIENTS = 5;
const STEPS = 30;
const RECONNECT_BOUND_MS = 8000;
const FIELDS = ['title', 'date', 'place', 'status'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An edit that must survive: a unique key written once and never overwritten. */
interface Tracked {
  client: number;
  path: [string, string, string] | [string, string, string, string];
  value: string;
  acked: boolean;
}

function read(doc: Y.Doc, path: Tracked['path']): unknown {
  let node: unknown = doc.getMap(path[0]);
  for (const key of path.slice(1)) node = node instanceof Y.Map ? node.get(key) : undefined;
  return node;
}

async function runSeed(seed: number): Promise<void> {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tmp = tempDir();
  let started: Started = await startServer(tmp.dir, { debounceMs: 50 });
  const { token } = await started.server.access.createWorkspace('ws', { days: 1 });
  const port = started.server.port;
  const url = started.server.url;
  const clients: SyncConnection[] = [];
  const tracked: Tracked[] = [];
  const restartAt = 5 + Math.floor(rand() * (STEPS - 10));
  try {
    for (let i = 0; i < CLIENTS; i++) clients.push(client(url, token, 'ws'));
    await Promise.all(clients.map((c) => c.whenSynced(RECONNECT_BOUND_MS)));
    let counter = 0;
    for (let step = 0; step < STEPS; step++) {
      const i = Math.floor(rand() * CLIENTS);
      const c = clients[i]!;
      const doc = c.doc;
      const activities = doc.getMap<Y.Map<unknown>>('activities');
      const fillings = doc.getMap<Y.Map<unknown>>('fillings');
      const r = rand();
      const value = `v${seed}-${i}-${counter++}`;
      if (r < 0.2) {
        const id = `a-${i}-${counter}`;
        doc.transact(() => {
          const rec = new Y.Map<unknown>();
          rec.set('created', value);
          rec.set(pick(FIELDS), value);
          activities.set(id, rec);
        });
        tracked.push({ client: i, path: ['activities', id, 'created'], value, acked: false });
      } else if (r < 0.45 && activities.size > 0) {
        const rec = activities.get(pick([...activities.keys()]))!;
        if (rand() < 0.2) rec.delete(pick(FIELDS));
        else rec.set(pick(FIELDS), value);
      } else if (r < 0.55) {
        const id = `f-${i}-${counter}`;
        doc.transact(() => {
          const f = new Y.Map<unknown>();
          f.set('answers', new Y.Map<unknown>());
          fillings.set(id, f);
        });
      } else if (r < 0.75 && fillings.size > 0) {
        const fid = pick([...fillings.keys()]);
        const answers = fillings.get(fid)!.get('answers') as Y.Map<unknown>;
        const key = `q-${i}-${counter}`;
        answers.set(key, value);
        tracked.push({ client: i, path: ['fillings', fid, 'answers', key], value, acked: false });
      } else if (r < 0.88) {
        if (c.status === 'offline' && c.denied === null) c.goOnline();
        else c.goOffline();
      } else {
        await new Promise((res) => setTimeout(res, Math.floor(rand() * 20)));
      }
      for (const t of tracked)
        if (!t.acked && clients[t.client]!.status === 'synced') t.acked = true;

      if (step === restartAt) {
        const ackedAtStop = tracked.filter((t) => t.acked);
        await started.server.stop();
        // Durability: everything acknowledged is in the store the restarted server will read.
        const db = openDatabase(tmp.dir);
        const store = new SqliteDocumentStore(db, 'inspector');
        const onDisk = new Y.Doc();
        const state = await store.load('ws');
        if (state) Y.applyUpdate(onDisk, state);
        db.close();
        for (const t of ackedAtStop)
          expect(read(onDisk, t.path), `seed ${seed} acked ${t.path.join('/')}`).toBe(t.value);
        started = await startServer(tmp.dir, { port, debounceMs: 50 });
      }
    }
    // Liveness: everyone comes back online within the bound.
    for (const c of clients) c.goOnline();
    const t0 = Date.now();
    await Promise.all(
      clients.map((c, i) =>
        waitFor(
          () => c.status === 'synced',
          RECONNECT_BOUND_MS,
          `seed ${seed}: client ${i} reconnect (${c.status})`,
        ),
      ),
    );
    expect(Date.now() - t0).toBeLessThan(RECONNECT_BOUND_MS);
    const fresh = client(url, token, 'ws');
    clients.push(fresh);
    await fresh.whenSynced(RECONNECT_BOUND_MS);
    const expected = JSON.stringify(content(fresh.doc));
    await waitFor(
      () => clients.every((c) => JSON.stringify(content(c.doc)) === expected),
      RECONNECT_BOUND_MS,
      `seed ${seed}: convergence`,
    ).catch((e: Error) => {
      const diffs = clients.map(
        (c, i) =>
          `${i}:${c.status}:${JSON.stringify(content(c.doc)) === expected}:${JSON.stringify(content(c.doc)).length}`,
      );
      throw new Error(
        `${e.message} ${diffs.join(' ')} expected=${expected.length} restartAt=${restartAt}`,
      );
    });
    for (const t of tracked)
      expect(read(fresh.doc, t.path), `seed ${seed} ${t.path.join('/')}`).toBe(t.value);
  } finally {
    for (const c of clients) c.destroy();
    await started.server.stop();
    tmp.remove();
  }
}

describe('convergence fuzz (seeded)', () => {
  it(
    `${SEEDS} seeds: clients converge, nothing is lost, everyone reconnects`,
    { timeout: 600_000 },
    async () => {
      for (let seed = 1; seed <= SEEDS; seed++) await runSeed(seed);
    },
  );
});
