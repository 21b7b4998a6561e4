// Server settings from env and --flags (flags win). The secret is generated once and kept in the
// data folder (mode 0600) so tokens survive restarts.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSecret } from './access.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  secret: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Largest WebSocket message the server accepts, bytes. */
  maxMessageBytes: number;
  /** Largest attachment, bytes. */
  maxBlobBytes: number;
  /** Hocuspocus store debounce, ms. */
  debounceMs: number;
  /** How often the member table is polled for revocations, ms. */
  revokePollMs: number;
}

export const defaults = {
  port: 1234,
  host: '127.0.0.1',
  dataDir: './data',
  maxMessageBytes: 16 * 1024 * 1024,
  maxBlobBytes: 25 * 1024 * 1024,
  debounceMs: 2000,
  revokePollMs: 1000,
};

/** Reads `--name value` / `--name=value` pairs. */
export function flagValues(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) out.set(a.slice(2), argv[++i]!);
    else out.set(a.slice(2), 'true');
  }
  return out;
}

export function loadOrCreateSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generateSecret();
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function resolveConfig(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
  const flags = flagValues(argv);
  const pick = (flag: string, name: string): string | undefined => flags.get(flag) ?? env[name];
  const num = (flag: string, name: string, fallback: number): number => {
    const raw = pick(flag, name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name}: ожидалось целое число / integer expected, got "${raw}"`);
    return n;
  };
  const dataDir = path.resolve(pick('data', 'SVODKA_DATA') ?? defaults.dataDir);
  return {
    port: num('port', 'SVODKA_PORT', defaults.port),
    host: pick('host', 'SVODKA_HOST') ?? defaults.host,
    dataDir,
    secret: pick('secret', 'SVODKA_SECRET') || loadOrCreateSecret(dataDir),
    databaseUrl: pick('database-url', 'SVODKA_DATABASE_URL') || null,
    redisUrl: pick('redis-url', 'SVODKA_REDIS_URL') || null,
    maxMessageBytes: num('max-message', 'SVODKA_MAX_MESSAGE_BYTES', defaults.maxMessageBytes),
    maxBlobBytes: num('max-blob', 'SVODKA_MAX_BLOB_BYTES', defaults.maxBlobBytes),
    debounceMs: num('debounce', 'SVODKA_DEBOUNCE_MS', defaults.debounceMs),
    revokePollMs: num('revoke-poll', 'SVODKA_REVOKE_POLL_MS', defaults.revokePollMs),
  };
}
