// Two server instances linked by a real redis-server (started here on a free port, data in a
// temp folder) and sharing one store: clients on different instances converge, and restarting
// either instance loses nothing.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { encodeCommand, parseValue, RespConnection } from '../../../server/resp.ts';
import { client, content, setActivityField, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';

const REDIS = '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let redis: ChildProcess | null = null;
let redisUrl = '';
const redisDir = tempDir();

beforeAll(async () => {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: run scripts/system-packages.sh`);
  const port = await freePort();
  redis = spawn(
    REDIS,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      redisDir.dir,
    ],
    { stdio: 'ignore' },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  const start = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() - start > 5000) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(() => {
  redis?.kill('SIGTERM');
  redisDir.remove();
});

describe('RESP client', () => {
  it('round-trips binary payloads and waits for split frames', async () => {
    const payload = Buffer.from([0, 13, 10, 36, 42, 255]);
    const frame = encodeCommand(['PUBLISH', 'ch', payload]);
    expect(parseValue(frame.subarray(0, frame.length - 3), 0)).toBeNull();
    const parsed = parseValue(frame, 0)!;
    expect(parsed.next).toBe(frame.length);
    expect((parsed.value as Buffer[])[2]).toEqual(payload);

    const received: Buffer[] = [];
    const sub = new RespConnection({ url: redisUrl, onMessage: (_c, d) => received.push(d) });
    const pub = new RespConnection({ url: redisUrl });
    await Promise.all([sub.connect(), pub.connect()]);
    await sub.subscribe('t');
    expect(await pub.publish('t', payload)).toBe(1);
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual(payload);
    sub.close();
    pub.close();
  });
});

describe('two instances linked by Redis', () => {
  it('clients on different instances converge; restarting either loses nothing', async () => {
    const data = tempDir();
    let a: Started = await startServer(data.dir, { redisUrl, instanceId: 'instance-a' });
    let b: Started = await startServer(data.dir, { redisUrl, instanceId: 'instance-b' });
    const { token } = await a.server.access.createWorkspace('school5', { days: 1 });
    const clients: SyncConnection[] = [];
    const on = (s: Started) => {
      const c = client(s.server.url, token, 'school5');
      clients.push(c);
      return c;
    };
    try {
      const ca = on(a);
      const cb = on(b);
      await Promise.all([ca.whenSynced(), cb.whenSynced()]);
      setActivityField(ca.doc, 'act-a', 'title', 'С сервера А');
      setActivityField(cb.doc, 'act-b', 'title', 'С сервера Б');
      await waitFor(
        () => ca.doc.getMap('activities').size === 2 && cb.doc.getMap('activities').size === 2,
        5000,
        'cross-instance',
      );
      expect(content(ca.doc)).toEqual(content(cb.doc));
      cb.setPresence({ name: 'Методист', fillingId: 'f-1' });
      const names: string[] = [];
      ca.onPresence((peers) => peers.forEach((p) => names.push(p.name)));
      await waitFor(() => names.includes('Методист'), 5000, 'presence across instances');

      // Restart A while B's client keeps editing.
      const portA = a.server.port;
      await a.server.stop();
      setActivityField(cb.doc, 'act-b2', 'title', 'Пока А перезапускается');
      await cb.whenSynced();
      a = await startServer(data.dir, { redisUrl, instanceId: 'instance-a2', port: portA });
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
      b = await startServer(data.dir, { redisUrl, instanceId: 'instance-b2', port: portB });
      await waitFor(
        () => cb.status === 'synced' && cb.doc.getMap('activities').has('act-a2'),
        10_000,
        'B back',
      );

      const freshA = on(a);
      const freshB = on(b);
      await Promise.all([freshA.whenSynced(), freshB.whenSynced()]);
      for (const c of [ca, cb, freshB]) expect(content(c.doc)).toEqual(content(freshA.doc));
      expect(freshA.doc.getMap('activities').size).toBe(4);
      expect(await b.server.health()).toMatchObject({ redis: 'connected' });
    } finally {
      for (const c of clients) c.destroy();
      await a.server.stop();
      await b.server.stop();
      data.remove();
    }
  });
});
