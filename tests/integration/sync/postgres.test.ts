// Scale-out on a real PostgreSQL 15 + Redis: two server instances with separate data folders
// (so nothing can come from a shared SQLite file) agree on content, members, roles and
// revocations; an acknowledged edit is in PostgreSQL before the snapshot is written; restarting
// either instance loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { openPostgres } from '../../../server/store-postgres.ts';
import * as Y from 'yjs';
import { client, content, setActivityField, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';
import { startPostgres, startRedis } from './services.ts';
import type { Service } from './services.ts';

let postgres: Service | null = null;
let redis: Service | null = null;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

async function http(
  base: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('two instances on PostgreSQL + Redis', () => {
  it('converge, agree on members and revocations, and lose nothing across restarts', async () => {
    const dataA = tempDir();
    const dataB = tempDir();
    const opts = (id: string) => ({
      redisUrl: redis!.url,
      databaseUrl: postgres!.url,
      instanceId: id,
      // Long debounce: what survives below survives because of the update log, not a snapshot.
      debounceMs: 30_000,
    });
    let a: Started = await startServer(dataA.dir, opts('pg-a'));
    let b: Started = await startServer(dataB.dir, opts('pg-b'));
    const clients: SyncConnection[] = [];
    const on = (s: Started, token: string) => {
      const c = client(s.server.url, token, 'school5');
      clients.push(c);
      return c;
    };
    try {
      expect(await a.server.health()).toMatchObject({ store: 'postgres', redis: 'connected' });
      const owner = await a.server.access.createWorkspace('school5', { days: 1 });
      // Members issued through instance B are known to instance A.
      const invited = await http(
        b.server.httpUrl,
        owner.token,
        'POST',
        '/workspaces/school5/members',
        {
          role: 'viewer',
          days: 7,
          label: 'Ирина',
        },
      );
      expect(invited.status).toBe(201);
      const editorToken = invited.json.token as string;
      const editorId = (invited.json.member as { id: string }).id;
      const listed = await http(
        a.server.httpUrl,
        editorToken,
        'GET',
        '/workspaces/school5/members',
      );
      expect(listed.status).toBe(200);
      expect((listed.json.members as { label: string; role: string }[]).map((m) => m.role)).toEqual(
        ['owner', 'viewer'],
      );

      const ca = on(a, owner.token);
      const cb = on(b, editorToken);
      await Promise.all([ca.whenSynced(), cb.whenSynced()]);
      expect(cb.readOnly).toBe(true);
      // Promote on A: B notices through PostgreSQL and re-authorises the live connection.
      const promoted = await http(
        a.server.httpUrl,
        owner.token,
        'PATCH',
        `/workspaces/school5/members/${editorId}`,
        {
          role: 'editor',
        },
      );
      expect(promoted.status).toBe(200);
      await waitFor(() => cb.status === 'synced' && !cb.readOnly, 8000, 'promotion reaches B');

      setActivityField(ca.doc, 'act-a', 'title', 'С сервера А');
      setActivityField(cb.doc, 'act-b', 'title', 'С сервера Б');
      await waitFor(
        () => ca.doc.getMap('activities').size === 2 && cb.doc.getMap('activities').size === 2,
        5000,
        'cross-instance',
      );
      expect(content(ca.doc)).toEqual(content(cb.doc));
      await Promise.all([ca.whenSynced(), cb.whenSynced()]);

      // Acknowledged means in PostgreSQL, though no snapshot has been written (30 s debounce).
      const probe = await openPostgres(postgres!.url, 'probe');
      try {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await probe.documents.load('school5'))!);
        expect(stored.getMap('activities').size).toBe(2);
      } finally {
        await probe.close();
      }

      // Restart A while B's client keeps editing.
      const portA = a.server.port;
      await a.server.stop();
      setActivityField(cb.doc, 'act-b2', 'title', 'Пока А перезапускается');
      await cb.whenSynced();
      a = await startServer(dataA.dir, { ...opts('pg-a2'), port: portA });
      await waitFor(
        () => ca.status === 'synced' && ca.doc.getMap('activities').has('act-b2'),
        10_000,
        'A back',
      );

      // Restart B.
      const portB = b.server.port;
      await b.server.stop();
      setActivityField(ca.doc, 'act-a2', 'title', 'Пока Б перезапускается');
      await ca.whenSynced();
      b = await startServer(dataB.dir, { ...opts('pg-b2'), port: portB });
      await waitFor(
        () => cb.status === 'synced' && cb.doc.getMap('activities').has('act-a2'),
        10_000,
        'B back',
      );

      const freshA = on(a, owner.token);
      const freshB = on(b, editorToken);
      await Promise.all([freshA.whenSynced(), freshB.whenSynced()]);
      for (const c of [ca, cb, freshB]) expect(content(c.doc)).toEqual(content(freshA.doc));
      expect(freshA.doc.getMap('activities').size).toBe(4);

      // Revoked through A: the member's live connection on B is closed and stays out.
      const revoked = await http(
        a.server.httpUrl,
        owner.token,
        'DELETE',
        `/workspaces/school5/members/${editorId}`,
      );
      expect(revoked.status).toBe(200);
      await waitFor(
        () => cb.denied === 'revoked' && freshB.denied === 'revoked',
        8000,
        'revocation on B',
      );
      const again = on(b, editorToken);
      await waitFor(() => again.denied !== null, 5000, 'refused on B');
      expect(again.denied).toBe('revoked');
      expect(again.doc.getMap('activities').size).toBe(0);
    } finally {
      for (const c of clients) c.destroy();
      await a.server.stop();
      await b.server.stop();
      dataA.remove();
      dataB.remove();
    }
  });
});
