import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { client, content, setActivityField, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const tmp = tempDir();
  let started = await startServer(tmp.dir);
  const { token } = await started.server.access.createWorkspace('school5', { days: 30 });
  const clients: SyncConnection[] = [];
  const ref = { started };
  cleanups.push(async () => {
    for (const c of clients) c.destroy();
    await ref.started.server.stop();
    tmp.remove();
  });
  return {
    tmp,
    token,
    ref,
    connect(doc = new Y.Doc()) {
      const c = client(ref.started.server.url, token, 'school5', doc);
      clients.push(c);
      return c;
    },
    async restart(): Promise<Started> {
      const port = ref.started.server.port;
      await ref.started.server.stop();
      started = await startServer(tmp.dir, { port });
      ref.started = started;
      return started;
    },
  };
}

describe('team sync through a real server', () => {
  it('two clients converge and report synced with nothing pending', async () => {
    const s = await setup();
    const a = s.connect();
    const b = s.connect();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    setActivityField(a.doc, 'act-1', 'title', 'Педсовет');
    setActivityField(b.doc, 'act-2', 'title', 'Родительское собрание');
    await waitFor(
      () => a.doc.getMap('activities').size === 2 && b.doc.getMap('activities').size === 2,
      5000,
      `convergence a=${JSON.stringify(content(a.doc))} b=${JSON.stringify(content(b.doc))}`,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message} now a=${JSON.stringify(content(a.doc))} b=${JSON.stringify(content(b.doc))} ${a.status} ${b.status}`,
      );
    });
    await a.whenSynced();
    expect(a.pendingCount).toBe(0);
    expect(content(b.doc)).toEqual({
      activities: { 'act-1': { title: 'Педсовет' }, 'act-2': { title: 'Родительское собрание' } },
      fillings: {},
    });
  });

  it('an offline client keeps editing and its edits merge on reconnect', async () => {
    const s = await setup();
    const a = s.connect();
    const b = s.connect();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    // Records are created by one client (unique ids); concurrent edits then touch their fields.
    setActivityField(a.doc, 'act-1', 'title', 'Совещание');
    await waitFor(() => b.doc.getMap('activities').has('act-1'));
    b.goOffline();
    await waitFor(() => b.status === 'offline');
    setActivityField(b.doc, 'act-1', 'place', 'Актовый зал');
    setActivityField(a.doc, 'act-1', 'title', 'Педсовет');
    await a.whenSynced();
    expect(b.doc.getMap('activities').toJSON()).toEqual({
      'act-1': { title: 'Совещание', place: 'Актовый зал' },
    });
    b.goOnline();
    await b.whenSynced();
    await waitFor(() => JSON.stringify(content(a.doc)) === JSON.stringify(content(b.doc)));
    expect(a.doc.getMap('activities').toJSON()).toEqual({
      'act-1': { title: 'Педсовет', place: 'Актовый зал' },
    });
  });

  it('a server restart loses nothing: a fresh client sees every acknowledged edit', async () => {
    const s = await setup();
    const a = s.connect();
    await a.whenSynced();
    for (let i = 0; i < 20; i++) setActivityField(a.doc, `act-${i}`, 'title', `Мероприятие ${i}`);
    await a.whenSynced();
    expect(a.pendingCount).toBe(0);
    await s.restart();
    await waitFor(() => a.status === 'synced', 10_000, 'reconnect after restart');
    const fresh = s.connect();
    await fresh.whenSynced();
    expect(fresh.doc.getMap('activities').size).toBe(20);
    expect(content(fresh.doc)).toEqual(content(a.doc));
  });

  it('health reports JSON and presence travels between clients', async () => {
    const s = await setup();
    const res = await fetch(`${s.ref.started.server.httpUrl}/health`);
    const body = (await res.json()) as { ok: boolean; store: string };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, store: 'sqlite' });
    const a = s.connect();
    const b = s.connect();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const seen: string[] = [];
    b.onPresence((peers) => peers.forEach((p) => seen.push(`${p.name}:${p.fillingId ?? ''}`)));
    a.setPresence({ name: 'Ирина Петровна', fillingId: 'f-1' });
    await waitFor(() => seen.includes('Ирина Петровна:f-1'));
  });
});
