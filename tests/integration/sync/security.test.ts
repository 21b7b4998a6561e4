import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { client, setActivityField, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';

const DAY = 86_400_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function seeded(extra: Parameters<typeof startServer>[1] = {}) {
  const tmp = tempDir();
  const started: Started = await startServer(tmp.dir, extra);
  const { server } = started;
  const owner = await server.access.createWorkspace('school5', { days: 30 });
  await server.access.createWorkspace('school7', { days: 30 });
  const clients: SyncConnection[] = [];
  cleanups.push(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
    tmp.remove();
  });
  const connect = (token: string, workspace = 'school5') => {
    const c = client(server.url, token, workspace);
    clients.push(c);
    return c;
  };
  const ownerClient = connect(owner.token);
  await ownerClient.whenSynced();
  setActivityField(ownerClient.doc, 'act-1', 'title', 'Секретный педсовет');
  ownerClient.setPresence({ name: 'Владелец' });
  await ownerClient.whenSynced();
  return { ...started, owner, ownerClient, connect };
}

async function expectRefused(c: SyncConnection, reason: string) {
  await waitFor(() => c.denied !== null, 5000, `denial ${reason}`);
  expect(c.denied).toBe(reason);
  // Give a leak every chance to arrive before we look.
  await new Promise((r) => setTimeout(r, 300));
  expect(c.status).toBe('offline');
  expect(c.doc.getMap('activities').size).toBe(0);
  // Not a single update of the workspace reached the refused client.
  expect(Y.encodeStateVector(c.doc)).toEqual(new Uint8Array([0]));
}

describe('the server refuses strangers and enforces roles', () => {
  it('refuses no token, a forged token, an expired token and another workspace’s token', async () => {
    const s = await seeded();
    const forged = await new SignJWT({ ws: 'school5', role: 'owner' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('svodka')
      .setSubject(s.owner.member.id)
      .setExpirationTime('1d')
      .sign(new TextEncoder().encode('not-the-server-secret-at-all-000000'));
    const expired = await s.server.access.invite('school5', 'editor', {
      days: 1,
      now: Date.now() - 2 * DAY,
    });
    const other = await s.server.access.invite('school7', 'editor', { days: 1 });
    const cases: [string, string][] = [
      ['', 'no-token'],
      [forged, 'bad-token'],
      [expired.token, 'token-expired'],
      [other.token, 'wrong-workspace'],
      ['garbage.not.jwt', 'bad-token'],
    ];
    await Promise.all(cases.map(([token, reason]) => expectRefused(s.connect(token), reason)));
    // Tokens never reach the logs.
    const all = s.logs.join('\n');
    for (const t of [s.owner.token, forged, expired.token, other.token])
      expect(all).not.toContain(t);
    expect(all).toContain('"reason":"wrong-workspace"');
  });

  it('a viewer sees edits but its own writes never reach anyone', async () => {
    const s = await seeded();
    const viewer = await s.server.access.invite('school5', 'viewer', { days: 7 });
    const v = s.connect(viewer.token);
    await waitFor(() => v.doc.getMap('activities').has('act-1'), 5000, 'viewer initial sync');
    expect(v.readOnly).toBe(true);
    setActivityField(v.doc, 'act-1', 'title', 'Подмена зрителем');
    setActivityField(s.ownerClient.doc, 'act-2', 'title', 'Новое мероприятие');
    await waitFor(() => v.doc.getMap('activities').has('act-2'), 5000, 'viewer receives');
    await new Promise((r) => setTimeout(r, 300));
    const fresh = s.connect(s.owner.token);
    await fresh.whenSynced();
    expect(
      (s.ownerClient.doc.getMap('activities').get('act-1') as Y.Map<unknown>).get('title'),
    ).toBe('Секретный педсовет');
    expect((fresh.doc.getMap('activities').get('act-1') as Y.Map<unknown>).get('title')).toBe(
      'Секретный педсовет',
    );
    expect(v.pendingCount).toBeGreaterThan(0);
  });

  it('revoking a member from the member table disconnects them within seconds and keeps them out', async () => {
    const s = await seeded();
    const editor = await s.server.access.invite('school5', 'editor', { days: 7 });
    const e = s.connect(editor.token);
    await e.whenSynced();
    // The operator CLI writes only to the database; the server notices by polling.
    expect(await s.server.access.revoke('school5', editor.member.id)).toBe(true);
    const t0 = Date.now();
    await waitFor(() => e.denied === 'revoked', 5000, 'revocation');
    expect(Date.now() - t0).toBeLessThan(5000);
    setActivityField(e.doc, 'act-1', 'title', 'После отзыва');
    await new Promise((r) => setTimeout(r, 500));
    expect(
      (s.ownerClient.doc.getMap('activities').get('act-1') as Y.Map<unknown>).get('title'),
    ).toBe('Секретный педсовет');
  });

  it('an oversized message is refused and never applied', async () => {
    const s = await seeded({ maxMessageBytes: 64 * 1024 });
    const editor = await s.server.access.invite('school5', 'editor', { days: 7 });
    const e = s.connect(editor.token);
    await e.whenSynced();
    setActivityField(e.doc, 'act-big', 'notes', 'ж'.repeat(100_000));
    await waitFor(() => e.status === 'offline', 5000, 'socket closed by server');
    await new Promise((r) => setTimeout(r, 500));
    expect(s.ownerClient.doc.getMap('activities').has('act-big')).toBe(false);
    const fresh = s.connect(s.owner.token);
    await fresh.whenSynced();
    expect(fresh.doc.getMap('activities').has('act-big')).toBe(false);
  });
});
