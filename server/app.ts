// The sync server: Hocuspocus + SQLite store + signed-token access + attachments + health.
// `createSyncServer` is what `npm run server` and the integration tests both start.
import { Server } from '@hocuspocus/server';
import type { Connection, Extension } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import { AccessControl, AccessDenied, roles } from './access.ts';
import type { Role } from './access.ts';
import { bearer, createBlobHandler } from './blobs.ts';
import type { ServerConfig } from './config.ts';
import { defaults } from './config.ts';
import { openDatabase } from './db.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { createRedisLink } from './redis-link.ts';
import type { RedisLink } from './redis-link.ts';
import { SqliteDocumentStore } from './store.ts';
import type { DocumentStore } from './store.ts';

export interface SyncServerOptions extends Partial<ServerConfig> {
  dataDir: string;
  secret: string;
  log?: Logger;
  /** Names this process in the shared store and on the Redis link. */
  instanceId?: string;
}

export interface SyncServer {
  port: number;
  /** ws://host:port — what clients connect to. */
  url: string;
  /** http://host:port — blobs, health. */
  httpUrl: string;
  access: AccessControl;
  store: DocumentStore;
  instanceId: string;
  /** Closes the member's live connections now (revocation is also polled from the database). */
  disconnectMember(memberId: string): number;
  health(): Record<string, unknown>;
  stop(): Promise<void>;
}

interface Ctx {
  memberId: string;
  role: Role;
  workspace: string;
}

const VERSION = '0.1.0';

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const config: ServerConfig = {
    port: options.port ?? defaults.port,
    host: options.host ?? defaults.host,
    dataDir: options.dataDir,
    secret: options.secret,
    databaseUrl: options.databaseUrl ?? null,
    redisUrl: options.redisUrl ?? null,
    maxMessageBytes: options.maxMessageBytes ?? defaults.maxMessageBytes,
    maxBlobBytes: options.maxBlobBytes ?? defaults.maxBlobBytes,
    debounceMs: options.debounceMs ?? defaults.debounceMs,
    revokePollMs: options.revokePollMs ?? defaults.revokePollMs,
  };
  if (config.databaseUrl) {
    throw new Error(
      'Хранилище PostgreSQL требует пакет "pg", он не установлен; сервер не запущен. / ' +
        'The PostgreSQL store needs the "pg" package, which is not installed; server not started.',
    );
  }
  const log = options.log ?? createLogger();
  const instanceId = options.instanceId ?? randomUUID();
  const startedAt = Date.now();
  const db = openDatabase(config.dataDir);
  const store = new SqliteDocumentStore(db, instanceId);
  const access = new AccessControl(db, config.secret);
  const live = new Map<string, Set<Connection>>();
  const blobs = createBlobHandler({
    dataDir: config.dataDir,
    maxBytes: config.maxBlobBytes,
    access,
    log,
  });
  let redis: RedisLink | null = null;
  if (config.redisUrl) redis = await createRedisLink({ url: config.redisUrl, instanceId, log });

  function disconnectMember(memberId: string): number {
    const conns = live.get(memberId);
    if (!conns) return 0;
    let n = 0;
    for (const c of [...conns]) {
      c.close({ code: 4403, reason: 'revoked' });
      c.webSocket.close(4403, 'revoked');
      n++;
    }
    live.delete(memberId);
    if (n) log('member.disconnected', { member: memberId, connections: n });
    return n;
  }

  function health(): Record<string, unknown> {
    return {
      ok: true,
      version: VERSION,
      instance: instanceId,
      store: store.kind,
      redis: redis ? redis.status() : 'off',
      documents: server.hocuspocus.getDocumentsCount(),
      connections: server.hocuspocus.getConnectionsCount(),
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    };
  }

  async function ownerApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    // /workspaces/<ws>/members [GET, POST {role, days, label}] and /workspaces/<ws>/members/<id> [DELETE]
    const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean);
    if (parts[0] !== 'workspaces' || parts[2] !== 'members' || !parts[1]) return false;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const workspace = parts[1];
    try {
      const grant = await access.authorize(bearer(req), workspace);
      if (grant.member.role !== 'owner') throw new AccessDenied('not-owner');
      if (req.method === 'GET' && parts.length === 3) {
        send(200, { members: access.members(workspace) });
      } else if (req.method === 'POST' && parts.length === 3) {
        let raw = '';
        for await (const chunk of req) {
          raw += String(chunk);
          if (raw.length > 4096) throw new AccessDenied('bad-request');
        }
        const body = JSON.parse(raw || '{}') as { role?: string; days?: number; label?: string };
        const role = body.role as Role;
        if (!roles.includes(role) || role === 'owner') throw new AccessDenied('bad-role');
        const issued = await access.invite(workspace, role, {
          days: Number(body.days ?? 7),
          label: String(body.label ?? ''),
        });
        log('member.invited', { workspace, member: issued.member.id, role, by: grant.member.id });
        send(201, issued);
      } else if (req.method === 'DELETE' && parts.length === 4 && parts[3]) {
        const ok = access.revoke(workspace, parts[3]);
        if (ok) {
          log('member.revoked', { workspace, member: parts[3], by: grant.member.id });
          disconnectMember(parts[3]);
        }
        send(ok ? 200 : 404, { revoked: ok });
      } else send(405, { error: 'method' });
    } catch (error) {
      const reason = error instanceof AccessDenied ? error.reason : 'bad-request';
      send(reason === 'bad-request' || reason.startsWith('bad-') ? 400 : 403, { error: reason });
    }
    return true;
  }

  const persistence: Extension = {
    extensionName: 'svodka',
    async onAuthenticate({ token, documentName, connectionConfig, socketId }) {
      try {
        const grant = await access.authorize(token, documentName);
        connectionConfig.readOnly = grant.readOnly;
        log('auth.ok', {
          workspace: documentName,
          member: grant.member.id,
          role: grant.member.role,
          socket: socketId,
        });
        const ctx: Ctx = {
          memberId: grant.member.id,
          role: grant.member.role,
          workspace: documentName,
        };
        return ctx;
      } catch (error) {
        const reason = error instanceof AccessDenied ? error.reason : 'bad-token';
        log('auth.denied', { workspace: documentName, reason, socket: socketId });
        throw new AccessDenied(reason);
      }
    },
    async connected({ connection, context }) {
      const ctx = context as Ctx;
      // A revocation may have landed while this connection was authenticating.
      const member = access.member(ctx.memberId);
      if (!member || member.revokedAt !== null) {
        connection.close({ code: 4403, reason: 'revoked' });
        connection.webSocket.close(4403, 'revoked');
        return;
      }
      let set = live.get(ctx.memberId);
      if (!set) live.set(ctx.memberId, (set = new Set()));
      set.add(connection);
      connection.onClose(() => {
        live.get(ctx.memberId)?.delete(connection);
      });
    },
    async onDisconnect({ documentName, context, clientsCount }) {
      const ctx = context as Partial<Ctx>;
      log('client.disconnected', {
        workspace: documentName,
        member: ctx.memberId,
        clients: clientsCount,
      });
    },
    async onLoadDocument({ documentName }) {
      const state = await store.load(documentName);
      log('document.loaded', { workspace: documentName, bytes: state?.byteLength ?? 0 });
      return state ?? undefined;
    },
    async afterLoadDocument({ document, documentName }) {
      // Logged before the sender is acknowledged: the update event fires inside applyUpdate,
      // and Hocuspocus sends the SyncStatus ack only after it returns.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        const source = (origin as { source?: string } | null)?.source;
        if (source === 'redis') return;
        store.append?.(documentName, update);
      });
      redis?.attach(document);
    },
    async onStoreDocument({ documentName, document }) {
      await store.store(documentName, Y.encodeStateAsUpdate(document));
      log('document.stored', { workspace: documentName });
    },
    async afterUnloadDocument({ documentName }) {
      redis?.detach(documentName);
    },
    async onRequest({ request, response }) {
      const url = new URL(request.url ?? '/', 'http://x');
      if (request.method === 'GET' && url.pathname === '/health') {
        const text = JSON.stringify(health());
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(text);
        return Promise.reject();
      }
      if ((await blobs(request, response)) || (await ownerApi(request, response))) {
        return Promise.reject();
      }
      response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: 'not-found' }));
      return Promise.reject();
    },
  };

  const server = new Server({
    name: instanceId,
    port: config.port,
    address: config.host,
    quiet: true,
    stopOnSignals: false,
    debounce: config.debounceMs,
    maxDebounce: Math.max(config.debounceMs * 5, 1000),
    websocketOptions: { maxPayload: config.maxMessageBytes },
    extensions: [persistence],
  });
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await server.listen();
  const port = server.address.port;

  let lastPoll = Date.now();
  const poll = setInterval(() => {
    const now = Date.now();
    for (const { id } of access.revokedSince(lastPoll - 2 * config.revokePollMs))
      disconnectMember(id);
    lastPoll = now;
  }, config.revokePollMs);
  poll.unref();

  let stopping: Promise<void> | null = null;
  async function stop(): Promise<void> {
    stopping ??= (async () => {
      clearInterval(poll);
      // destroy() closes document connections and flushes debounced stores; a hung store must
      // not hang shutdown (the update log already holds every acknowledged edit).
      await Promise.race([server.destroy(), new Promise((r) => setTimeout(r, 10_000).unref())]);
      for (const s of sockets) s.destroy();
      await redis?.close();
      await store.close();
      db.close();
      log('server.stopped', { instance: instanceId });
    })();
    return stopping;
  }

  log('server.started', {
    instance: instanceId,
    host: config.host,
    port,
    store: store.kind,
    redis: Boolean(redis),
  });
  return {
    port,
    url: `ws://${config.host}:${port}`,
    httpUrl: `http://${config.host}:${port}`,
    access,
    store,
    instanceId,
    disconnectMember,
    health,
    stop,
  };
}
