// Team sync on loopback: edit propagation, many clients on one instance (server in its own
// process so its rss is its own), initial sync of a large workspace, bytes per one-field edit,
// and a bare WebSocket echo as the floor for comparison.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { connectWorkspace } from '../lib/sync/connection.ts';
import type { SyncConnection } from '../lib/sync/connection.ts';
import { AccessControl } from '../server/access.ts';
import { openDatabase } from '../server/db.ts';
import type { BenchSuite, Figure } from './figure.ts';
import { median, percentile } from './figure.ts';

const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - start > timeoutMs) reject(new Error('bench timed out'));
      else setImmediate(tick);
    };
    tick();
  });
}

async function startServerProcess(
  dataDir: string,
): Promise<{ url: string; httpUrl: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', 'server/main.ts'],
    {
      env: { ...process.env, SVODKA_PORT: '0', SVODKA_DATA: dataDir, SVODKA_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /"event":"server.started".*?"port":(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function connect(url: string, token: string, workspace: string): SyncConnection {
  return connectWorkspace({ url, token, workspace, doc: new Y.Doc() });
}

/** Time from a write on one client until `observer` sees it. */
async function propagation(
  writer: SyncConnection,
  observers: SyncConnection[],
  rounds: number,
): Promise<number[]> {
  const samples: number[] = [];
  const rec = () => writer.doc.getMap<string>('bench');
  for (let i = 0; i < rounds; i++) {
    const value = `v${i}`;
    const t0 = performance.now();
    let left = observers.length;
    await new Promise<void>((resolve) => {
      for (const o of observers) {
        const map = o.doc.getMap<string>('bench');
        const onChange = () => {
          if (map.get('field') !== value) return;
          map.unobserve(onChange);
          samples.push(performance.now() - t0);
          if (--left === 0) resolve();
        };
        map.observe(onChange);
      }
      rec().set('field', value);
    });
  }
  return samples;
}

async function echoP50(rounds: number): Promise<number> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (s) => s.on('message', (m) => s.send(m)));
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => ws.once('open', r));
  const samples: number[] = [];
  const payload = new Uint8Array(40);
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await new Promise((r) => {
      ws.once('message', r);
      ws.send(payload);
    });
    samples.push(performance.now() - t0);
  }
  ws.close();
  await new Promise((r) => wss.close(r));
  return median(samples);
}

export default {
  title: 'Team sync (Hocuspocus + SQLite, loopback)',
  async run(): Promise<Figure[]> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'svodka-bench-'));
    const db = openDatabase(dataDir);
    const access = new AccessControl(db, SECRET);
    const tokens: string[] = [];
    for (let w = 0; w < 21; w++)
      tokens.push((await access.createWorkspace(`ws${w}`, { days: 1 })).token);
    db.close();
    const server = await startServerProcess(dataDir);
    const figures: Figure[] = [];
    const all: SyncConnection[] = [];
    try {
      // Two clients.
      const a = connect(server.url, tokens[0]!, 'ws0');
      const b = connect(server.url, tokens[0]!, 'ws0');
      all.push(a, b);
      await Promise.all([a.whenSynced(), b.whenSynced()]);
      await propagation(a, [b], 20);
      const two = await propagation(a, [b], 300);
      const echo = await echoP50(300);
      figures.push(
        {
          name: 'edit propagation, 2 clients, p50',
          value: median(two),
          unit: 'ms',
          target: 30,
          bound: 'max',
          note: `bare ws echo p50 ${echo.toFixed(2)} ms; ratio ${(median(two) / echo).toFixed(1)}×`,
        },
        {
          name: 'edit propagation, 2 clients, p99',
          value: percentile(two, 99),
          unit: 'ms',
          target: 150,
          bound: 'max',
        },
        {
          name: 'bare WebSocket echo round trip p50',
          value: echo,
          unit: 'ms',
          target: 30,
          bound: 'max',
          note: 'ws package, same machine, same run',
        },
      );

      // One-field edit on the wire: the Hocuspocus message the provider sends for it.
      let updateBytes = 0;
      a.doc.once('update', (u: Uint8Array) => (updateBytes = u.byteLength));
      a.doc.getMap<string>('bench').set('field', 'Актовый зал');
      const enc = encoding.createEncoder();
      encoding.writeVarString(enc, 'ws0');
      encoding.writeVarUint(enc, 0);
      encoding.writeVarUint(enc, 2);
      encoding.writeVarUint8Array(enc, new Uint8Array(updateBytes));
      const wire = encoding.length(enc) + 6; // + client WebSocket frame header with mask
      figures.push({
        name: 'one-field edit on the wire',
        value: wire,
        unit: 'bytes',
        target: 100,
        bound: 'max',
        note: `Yjs update ${updateBytes} B + Hocuspocus framing + ws header`,
      });

      // 200 clients across 20 workspaces, one writer per workspace per round.
      const groups: SyncConnection[][] = [];
      for (let w = 1; w <= 20; w++) {
        const g: SyncConnection[] = [];
        for (let k = 0; k < 10; k++) g.push(connect(server.url, tokens[w]!, `ws${w}`));
        groups.push(g);
        all.push(...g);
      }
      await Promise.all(groups.flat().map((c) => c.whenSynced(30_000)));
      const many: number[] = [];
      for (let round = 0; round < 10; round++) {
        const results = await Promise.all(
          groups.map((g) =>
            propagation(
              g[round % 10]!,
              g.filter((_, i) => i !== round % 10),
              1,
            ),
          ),
        );
        many.push(...results.flat());
      }
      const health = (await (await fetch(`${server.httpUrl}/health`)).json()) as {
        rssMb: number;
        connections: number;
      };
      figures.push({
        name: '200 clients / 20 workspaces, propagation p99',
        value: percentile(many, 99),
        unit: 'ms',
        target: 250,
        bound: 'max',
        note: `server rss ${health.rssMb} MB, ${health.connections} connections, p50 ${median(many).toFixed(1)} ms`,
      });
      for (const c of groups.flat()) c.destroy();

      // Initial sync of a 10,000-activity workspace to a new client.
      const big = connect(server.url, tokens[0]!, 'ws0');
      all.push(big);
      await big.whenSynced();
      big.doc.transact(() => {
        const acts = big.doc.getMap<Y.Map<unknown>>('activities');
        for (let i = 0; i < 10_000; i++) {
          const r = new Y.Map<unknown>();
          r.set('title', `Мероприятие № ${i}: семинар для заместителей директоров`);
          r.set('date', '2026-11-23');
          r.set('status', 'done');
          acts.set(`act-${i}`, r);
        }
      });
      await big.whenSynced(30_000);
      const t0 = performance.now();
      const fresh = connect(server.url, tokens[0]!, 'ws0');
      all.push(fresh);
      await fresh.whenSynced(30_000);
      await until(() => fresh.doc.getMap('activities').size === 10_000);
      const initial = performance.now() - t0;
      figures.push({
        name: 'initial sync, 10,000 activities, new client',
        value: initial,
        unit: 'ms',
        target: 1500,
        bound: 'max',
        note: `state ${(Y.encodeStateAsUpdate(big.doc).byteLength / 1e6).toFixed(2)} MB`,
      });
    } finally {
      for (const c of all) c.destroy();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return figures;
  },
} satisfies BenchSuite;
