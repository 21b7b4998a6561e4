// Real PostgreSQL 15 and Redis for the scale-out tests, started on 127.0.0.1 and free ports with
// their data in temp folders, and stopped at the end. PostgreSQL refuses to run as root, so as
// root its tools run through `runuser -u postgres --` on a folder that user owns.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const REDIS = '/usr/bin/redis-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Service> {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: run scripts/system-packages.sh`);
  const dir = mkdtempSync(path.join(tmpdir(), 'svodka-redis-'));
  const port = await freePort();
  const proc: ChildProcess = spawn(
    REDIS,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', cwd: dir },
  );
  await waitForPort(port, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** util-linux's runuser lives in sbin, which a minimal PATH (a CI runner's) may leave out. */
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

export async function startPostgres(): Promise<Service> {
  if (!existsSync(path.join(PG_BIN, 'initdb')))
    throw new Error(`${PG_BIN}/initdb is missing: run scripts/system-packages.sh`);
  const root = mkdtempSync(path.join(tmpdir(), 'svodka-pg-'));
  const data = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync(RUNUSER, ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(PG_BIN, bin), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(root, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  await waitForPort(port, 'postgres');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
