// The sync server: Hocuspocus + SQLite or PostgreSQL store + signed-token access + attachments + health.
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
import { openPostgres } from './store-postgres.ts';
import type { DocumentStore } from './store.ts';
import { INVALID_UPDATE_CODE, Refusal } from './refusal.ts';
import { inspectFrame } from './validate.ts';
import { PresenceClaims } from './presence.ts';

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
  health(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

interface Ctx {
  memberId: string;
  role: Role;
  workspace: string;
}

const VERSION = '0.1.0';

const INVITE_PAGE = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Сводка: приглашение</title>
<body style="font:16px system-ui;max-width:36em;margin:3em auto;line-height:1.5">
<h1>Приглашение в команду «Сводки»</h1>
<p>Откройте расширение «Сводка» → раздел «Команда» → «Присоединиться по приглашению» и вставьте
туда ссылку из адресной строки целиком. Код приглашения не передаётся на сервер при открытии этой
страницы.</p></body></html>`;

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
  const log = options.log ?? createLogger();
  const instanceId = options.instanceId ?? randomUUID();
  const startedAt = Date.now();
  // PostgreSQL when configured (scale-out: documents, members and revocations shared by every
  // instance); otherwise the SQLite file in the data folder.
  const pgBackend = config.databaseUrl ? await openPostgres(config.databaseUrl, instanceId) : null;
  const db = pgBackend ? null : openDatabase(config.dataDir);
  const store: DocumentStore & { kind: string } = pgBackend
    ? pgBackend.documents
    : new SqliteDocumentStore(db!, instanceId);
  store.onQuarantine = (workspace, ids) =>
    log('document.quarantined', { workspace, rows: ids.length, ids });
  const access = new AccessControl(pgBackend ? pgBackend.access : db!, config.secret);
  const live = new Map<string, Set<Connection>>();
  const presence = new PresenceClaims();
  /** Who authenticated on a socket (keyed by its upgrade request), per workspace: for the log. */
  const members = new WeakMap<object, Map<string, string>>();
  const blobs = createBlobHandler({
    dataDir: config.dataDir,
    maxBytes: config.maxBlobBytes,
    access,
    log,
  });
  let redis: RedisLink | null = null;
  if (config.redisUrl) redis = await createRedisLink({ url: config.redisUrl, instanceId, log });

  /** `role-changed` closes too: the client reconnects and is authorised under the new role. */
  function disconnectMember(memberId: string, reason = 'revoked'): number {
    const conns = live.get(memberId);
    if (!conns) return 0;
    const code = reason === 'revoked' ? 4403 : 4409;
    let n = 0;
    for (const c of [...conns]) {
      c.close({ code, reason });
      c.webSocket.close(code, reason);
      n++;
    }
    live.delete(memberId);
    if (n) log('member.disconnected', { member: memberId, connections: n, reason });
    return n;
  }

  async function health(): Promise<Record<string, unknown>> {
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
      // Log rows set aside because they did not decode: `npm run server -- quarantine`.
      quarantined: (await store.quarantined()).length,
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
    const memberId = parts[3];
    try {
      const grant = await access.authorize(bearer(req), workspace);
      const isOwner = grant.member.role === 'owner';
      const readBody = async (): Promise<Record<string, unknown>> => {
        let raw = '';
        for await (const chunk of req) {
          raw += String(chunk);
          if (raw.length > 4096) throw new AccessDenied('bad-request');
        }
        const body: unknown = JSON.parse(raw || '{}');
        if (!body || typeof body !== 'object') throw new AccessDenied('bad-request');
        return body as Record<string, unknown>;
      };
      if (req.method === 'GET' && parts.length === 3) {
        // Every member sees who is in the team and in which role (no tokens here).
        send(200, { members: await access.members(workspace), me: grant.member });
      } else if (req.method === 'POST' && parts.length === 3) {
        if (!isOwner) throw new AccessDenied('not-owner');
        const body = await readBody();
        const role = body.role as Role;
        if (!roles.includes(role) || role === 'owner') throw new AccessDenied('bad-role');
        const issued = await access.invite(workspace, role, {
          days: Number(body.days ?? 7),
          label: String(body.label ?? '').slice(0, 200),
        });
        log('member.invited', { workspace, member: issued.member.id, role, by: grant.member.id });
        send(201, issued);
      } else if (req.method === 'PATCH' && parts.length === 4 && memberId) {
        if (!isOwner) throw new AccessDenied('not-owner');
        const role = (await readBody()).role as Role;
        const ok = await access.setRole(workspace, memberId, role);
        if (ok) {
          log('member.role', { workspace, member: memberId, role, by: grant.member.id });
          disconnectMember(memberId, 'role-changed');
        }
        send(ok ? 200 : 404, { changed: ok });
      } else if (req.method === 'DELETE' && parts.length === 4 && memberId) {
        // The owner revokes anyone else; any member may leave (revoke themselves).
        const self = memberId === grant.member.id;
        if (!isOwner && !self) throw new AccessDenied('not-owner');
        if (isOwner && self) throw new AccessDenied('owner-cannot-leave');
        const ok = await access.revoke(workspace, memberId);
        if (ok) {
          log('member.revoked', { workspace, member: memberId, by: grant.member.id });
          disconnectMember(memberId);
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
    async onAuthenticate({ token, documentName, connectionConfig, socketId, request }) {
      try {
        const grant = await access.authorize(token, documentName);
        const mine = members.get(request) ?? new Map<string, string>();
        members.set(request, mine.set(documentName, grant.member.id));
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
        throw new Refusal(reason);
      }
    },
    async connected({ connection, context }) {
      const ctx = context as Ctx;
      // A revocation may have landed while this connection was authenticating.
      const member = await access.member(ctx.memberId);
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
    async beforeHandleAwareness({ states, connection, documentName }) {
      // Updates relayed through Redis come without a connection: their instance filtered them.
      if (!connection) return;
      const own = presence.own(connection.webSocket, documentName);
      for (const id of [...states.keys()]) if (id !== own) states.delete(id);
    },
    async onLoadDocument({ documentName }) {
      let state: Uint8Array | null;
      try {
        state = await store.load(documentName);
      } catch (error) {
        // Told to the client as what it is; Hocuspocus would otherwise say «permission-denied».
        log('document.load_failed', { workspace: documentName, error: (error as Error).message });
        throw new Refusal('load-failed');
      }
      log('document.loaded', { workspace: documentName, bytes: state?.byteLength ?? 0 });
      return state ?? undefined;
    },
    async beforeSync({ connection, documentName, type, payload }) {
      // Asynchronous stores (PostgreSQL) log a client's update here: Hocuspocus awaits this
      // hook before applying the update and acknowledging it. Sync step 1 (type 0) carries a
      // state vector, viewers' writes are refused anyway, and [0, 0] is an empty update.
      if (!store.appendAsync || type === 0 || connection.readOnly || payload.byteLength <= 2)
        return;
      await store.appendAsync(documentName, payload);
    },
    async afterLoadDocument({ document, documentName }) {
      // Logged before the sender is acknowledged: the update event fires inside applyUpdate,
      // and Hocuspocus sends the SyncStatus ack only after it returns.
      if (store.append)
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
      // The extension's pages call from their own origin with a bearer token (no cookies), so
      // any origin may ask; the token is what authorises.
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Access-Control-Expose-Headers', 'X-Blob-Received, X-Blob-Complete');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Content-Range',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        return Promise.reject();
      }
      if (request.method === 'GET' && url.pathname === '/invite') {
        // An invite link is /invite#<token>: the fragment never reaches this server or its logs.
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(INVITE_PAGE);
        return Promise.reject();
      }
      if (request.method === 'GET' && url.pathname === '/health') {
        const text = JSON.stringify(await health());
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
  // Every frame is decoded before Hocuspocus handles it: one that does not decode is never
  // logged, applied or acknowledged, and closes its socket with one JSON log line.
  const hocuspocus = server.hocuspocus;
  const handleConnection = hocuspocus.handleConnection.bind(hocuspocus);
  hocuspocus.handleConnection = (websocket, request, context) => {
    const client = handleConnection(websocket, request, context);
    const handleMessage = client.handleMessage;
    let refused = false;
    client.handleMessage = (data: Uint8Array) => {
      if (refused) return;
      const frame = inspectFrame(data);
      if (!frame.problem) {
        if (frame.presenceOf.length)
          presence.claim(websocket, frame.workspace, frame.presenceOf, (id) =>
            Boolean(hocuspocus.documents.get(frame.workspace)?.awareness.getStates().has(id)),
          );
        return handleMessage(data);
      }
      refused = true;
      log('update.refused', {
        workspace: frame.workspace,
        member: members.get(request)?.get(frame.workspace),
        reason: frame.problem,
        bytes: data.byteLength,
      });
      websocket.close(INVALID_UPDATE_CODE, 'invalid-update');
    };
    const handleClose = client.handleClose.bind(client);
    client.handleClose = (event) => {
      presence.release(websocket);
      handleClose(event);
    };
    return client;
  };
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await server.listen();
  const port = server.address.port;

  // Revocations and role changes made by the CLI or another instance reach live sockets here.
  let lastPoll = Date.now();
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    const now = Date.now();
    access
      .changedSince(lastPoll - 2 * config.revokePollMs)
      .then(
        async (changed) => {
          for (const { id, revoked } of changed) {
            if (!live.has(id)) continue;
            if (revoked) disconnectMember(id);
            else {
              // Re-roled: only sockets still holding the old role need a fresh authorisation.
              const member = await access.member(id);
              const stale = [...(live.get(id) ?? [])].some(
                (c) => (c.context as Ctx).role !== member?.role,
              );
              if (stale) disconnectMember(id, 'role-changed');
            }
          }
          lastPoll = now;
        },
        (error: Error) => log('access.poll_failed', { error: error.message }),
      )
      .finally(() => {
        polling = false;
      });
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
      db?.close();
      await pgBackend?.close();
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
