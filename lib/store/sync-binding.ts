// Team sync for an open workspace: binds its Y.Doc (already persisted locally by y-indexeddb, so
// offline edits are never lost) to the sync server through lib/sync, and exposes one observable
// state for the UI — status, count of local changes the server has not acknowledged, read-only
// (viewer), refusal, teammates online — plus attachment upload (resumable) after the records
// sync, and download of a teammate's file on demand.
// Settings are local to this device (Dexie `settings`, key `sync:<workspaceId>`); the token
// lives only there and in the auth message/Authorization header, never in a URL or a log.
import * as Y from 'yjs';
import { workspaceSchema, type AttachmentRef } from '../model/records.ts';
import { connectWorkspace } from '../sync/connection.ts';
import type { PeerPresence, SyncConnection, SyncStatus } from '../sync/connection.ts';
import { blobClient, BlobError, tokenWorkspace } from '../sync/blobs.ts';
import type { BlobClient } from '../sync/blobs.ts';

export type { PeerPresence, SyncStatus } from '../sync/connection.ts';
import { getAttachmentBytes, putAttachmentBytes } from './attachments.ts';
import { db } from './db.ts';
import { StoreError } from './errors.ts';
import { t } from './messages.ts';
import type { Repository } from './repository.ts';
import { readWorkspaceRaw } from './workspace-doc.ts';
import { persistNewDoc, setActiveWorkspaceId } from './workspaces.ts';

export type MemberRole = 'owner' | 'editor' | 'viewer';

export interface SyncSettings {
  /** http(s):// address of the sync server (ws(s):// accepted too). */
  serverUrl: string;
  token: string;
  /** How teammates see this person online. */
  memberName: string;
}

export interface SyncState {
  configured: boolean;
  serverUrl: string;
  memberName: string;
  status: SyncStatus;
  /** Local changes not yet acknowledged by the server. */
  pendingCount: number;
  /** Viewer: the UI does not offer editing, and the server refuses writes anyway. */
  readOnly: boolean;
  role: MemberRole | null;
  /** Server refusal code: 'revoked', 'token-expired', 'unknown-member', … */
  denied: string | null;
  peers: PeerPresence[];
  /** Attachments of this device waiting to reach the server. */
  uploadsPending: number;
  uploadError: string | null;
}

export interface Focus {
  fillingId?: string;
  indicatorId?: string;
}

export interface SyncBinding {
  readonly workspaceId: string;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /** What this person is looking at (shown to teammates). */
  setFocus(focus: Focus | null): void;
  /** Re-reads the settings (after join/leave) and reconnects. */
  reconfigure(): Promise<void>;
  /** Fetches a teammate's attachment from the server into this device's store. */
  downloadAttachment(ref: AttachmentRef): Promise<void>;
  /** Members and who am I, through the server's HTTP API. */
  api(): TeamApi | null;
  stop(): void;
}

export interface TeamMember {
  id: string;
  role: MemberRole;
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface TeamApi {
  members(): Promise<{ members: TeamMember[]; me: TeamMember }>;
  invite(input: {
    role: 'editor' | 'viewer';
    days: number;
    label: string;
  }): Promise<{ member: TeamMember; token: string }>;
  setRole(memberId: string, role: 'editor' | 'viewer'): Promise<void>;
  revoke(memberId: string): Promise<void>;
}

const settingsKey = (workspaceId: string) => `sync:${workspaceId}`;
const uploadedKey = (workspaceId: string) => `sync-uploaded:${workspaceId}`;
const CHANNEL = 'svodka-sync-settings';

/** The server's refusal codes and their messages (lib/store/messages.ts). */
const DENIED_MESSAGES = {
  revoked: 'deniedRevoked',
  'token-expired': 'deniedTokenExpired',
  'unknown-member': 'deniedUnknownMember',
  'unknown-workspace': 'deniedUnknownWorkspace',
  'wrong-workspace': 'deniedWrongWorkspace',
  'bad-token': 'deniedBadToken',
  'not-owner': 'deniedNotOwner',
  'owner-cannot-leave': 'deniedOwnerCannotLeave',
  'bad-role': 'deniedBadRole',
  'bad-days': 'deniedBadDays',
  // The server failed to load the workspace (server/app.ts onLoadDocument, issue #16).
  'load-failed': 'deniedLoadFailed',
} as const;

/** The message for a server's refusal code, in the interface language. */
export function deniedMessage(code: string): string {
  const key = Object.hasOwn(DENIED_MESSAGES, code)
    ? DENIED_MESSAGES[code as keyof typeof DENIED_MESSAGES]
    : undefined;
  return key ? t(key) : t('deniedOther', code);
}

function tokenClaim(token: string, claim: string): unknown {
  const part = token.split('.')[1] ?? '';
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return (
      JSON.parse(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='))) as Record<string, unknown>
    )[claim];
  } catch {
    return undefined;
  }
}

/** Role written into the token when it was issued (the server's member table may differ now). */
export function tokenRole(token: string): MemberRole | null {
  const r = tokenClaim(token, 'role');
  return r === 'owner' || r === 'editor' || r === 'viewer' ? r : null;
}

/** http(s)://host:port without a trailing slash, or null when it is not a server address. */
export function normaliseServerUrl(raw: string): string | null {
  const text = raw.trim().replace(/^ws(s?):\/\//i, 'http$1://');
  if (!text) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * An invite is the bare code (a token) or a link `<server>/invite#<code>`: the code rides in the
 * fragment, which browsers never send to a server, and the link's origin is the server address.
 */
export function parseInvite(
  input: string,
  serverUrl = '',
): { token: string; serverUrl: string | null; workspace: string } | null {
  const text = input.trim();
  let token = text;
  let server = normaliseServerUrl(serverUrl);
  const hash = text.indexOf('#');
  if (hash >= 0 && /^[a-z]+:\/\//i.test(text)) {
    token = decodeURIComponent(text.slice(hash + 1)).replace(/^(token|invite)=/, '');
    server = normaliseServerUrl(text.slice(0, hash)) ?? server;
  }
  if (!JWT.test(token)) return null;
  const workspace = tokenWorkspace(token);
  if (!workspace) return null;
  return { token, serverUrl: server, workspace };
}

export function inviteLink(serverUrl: string, token: string): string {
  return `${normaliseServerUrl(serverUrl) ?? serverUrl}/invite#${token}`;
}

export async function readSyncSettings(workspaceId: string): Promise<SyncSettings | null> {
  const row = await db().settings.get(settingsKey(workspaceId));
  const v = row?.value as Partial<SyncSettings> | undefined;
  if (!v || typeof v.serverUrl !== 'string' || typeof v.token !== 'string') return null;
  return { serverUrl: v.serverUrl, token: v.token, memberName: String(v.memberName ?? '') };
}

function announce(workspaceId: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage({ workspaceId });
  ch.close();
}

export async function saveSyncSettings(workspaceId: string, settings: SyncSettings): Promise<void> {
  await db().settings.put({ key: settingsKey(workspaceId), value: { ...settings } });
  announce(workspaceId);
  await registry.get(workspaceId)?.reconfigure();
}

export async function clearSyncSettings(workspaceId: string): Promise<void> {
  await db().settings.delete(settingsKey(workspaceId));
  await db().settings.delete(uploadedKey(workspaceId));
  announce(workspaceId);
  await registry.get(workspaceId)?.reconfigure();
}

function wsUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/i, 'ws');
}

async function request<T>(
  serverUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new StoreError(t('syncUnreachable'));
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new StoreError(deniedMessage(json.error ?? String(res.status)));
  return json as T;
}

export function teamApi(serverUrl: string, token: string): TeamApi {
  const ws = encodeURIComponent(tokenWorkspace(token));
  const base = `/workspaces/${ws}/members`;
  return {
    members: () => request(serverUrl, token, 'GET', base),
    invite: (input) => request(serverUrl, token, 'POST', base, input),
    async setRole(memberId, role) {
      await request(serverUrl, token, 'PATCH', `${base}/${encodeURIComponent(memberId)}`, {
        role,
      });
    },
    async revoke(memberId) {
      await request(serverUrl, token, 'DELETE', `${base}/${encodeURIComponent(memberId)}`);
    },
  };
}

export interface BindingDeps {
  /** For runtimes without a global WebSocket. */
  WebSocketPolyfill?: unknown;
  minDelayMs?: number;
  maxDelayMs?: number;
}

const registry = new Map<string, SyncBinding>();
const registryListeners = new Set<() => void>();

/** The binding of an open workspace in this page, if any. */
export function syncBindingFor(workspaceId: string): SyncBinding | null {
  return registry.get(workspaceId) ?? null;
}

export function onSyncBindings(listener: () => void): () => void {
  registryListeners.add(listener);
  return () => registryListeners.delete(listener);
}

const OFF: SyncState = {
  configured: false,
  serverUrl: '',
  memberName: '',
  status: 'offline',
  pendingCount: 0,
  readOnly: false,
  role: null,
  denied: null,
  peers: [],
  uploadsPending: 0,
  uploadError: null,
};

/** Starts syncing an open workspace (a no-op until it is connected to a server). */
export function startSyncBinding(
  workspaceId: string,
  repo: Repository,
  deps: BindingDeps = {},
): SyncBinding {
  registry.get(workspaceId)?.stop();
  const listeners = new Set<() => void>();
  let state: SyncState = OFF;
  let conn: SyncConnection | null = null;
  let settings: SyncSettings | null = null;
  let blobs: BlobClient | null = null;
  let focus: Focus | null = null;
  let stopped = false;
  let generation = 0;
  let offConn: (() => void)[] = [];
  let uploaded = new Set<string>();
  let uploading = false;
  let uploadTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setInterval> | null = null;

  function set(patch: Partial<SyncState>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }

  function fromConnection(): void {
    if (!conn) return;
    // While offline, keep what the server last said; online, its answer wins over the token's.
    const online = conn.status !== 'offline';
    let role = state.role;
    if (online) role = conn.readOnly ? 'viewer' : role === 'viewer' ? 'editor' : role;
    set({
      status: conn.status,
      pendingCount: conn.pendingCount,
      denied: conn.denied,
      readOnly: online ? conn.readOnly : state.readOnly,
      role,
    });
  }

  function publishPresence(): void {
    if (!conn || !settings) return;
    conn.setPresence({ name: settings.memberName || 'Участник', ...(focus ?? {}) });
  }

  function attachmentRefs(): AttachmentRef[] {
    const seen = new Map<string, AttachmentRef>();
    try {
      for (const e of repo.snapshot().evidence)
        for (const a of e.attachments) if (!seen.has(a.hash)) seen.set(a.hash, a);
    } catch {
      // A damaged workspace record: nothing to upload until it is fixed.
    }
    return [...seen.values()];
  }

  function scheduleUploads(delay = 300): void {
    if (uploadTimer || stopped) return;
    uploadTimer = setTimeout(() => {
      uploadTimer = null;
      void pumpUploads();
    }, delay);
  }

  /** Uploads this device's attachment bytes once the records that name them are on the server. */
  async function pumpUploads(): Promise<void> {
    const client = blobs;
    const gen = generation;
    if (!client || !conn || conn.readOnly || conn.status !== 'synced' || uploading) return;
    uploading = true;
    try {
      const todo: { ref: AttachmentRef; bytes: Uint8Array }[] = [];
      for (const ref of attachmentRefs()) {
        if (uploaded.has(ref.hash)) continue;
        const bytes = await getAttachmentBytes(ref.hash);
        if (bytes) todo.push({ ref, bytes });
      }
      set({ uploadsPending: todo.length });
      for (const { ref, bytes } of todo) {
        if (gen !== generation || stopped) return;
        await client.upload(ref.hash, bytes);
        uploaded.add(ref.hash);
        await db().settings.put({ key: uploadedKey(workspaceId), value: [...uploaded] });
        set({ uploadsPending: state.uploadsPending - 1, uploadError: null });
      }
      set({ uploadError: null });
    } catch (error) {
      const code = error instanceof BlobError ? error.code : '';
      set({
        uploadError: code === 'too-large' ? t('uploadTooLarge') : t('uploadPending'),
      });
    } finally {
      uploading = false;
    }
  }

  function disconnect(): void {
    for (const off of offConn) off();
    offConn = [];
    conn?.destroy();
    conn = null;
    blobs = null;
    if (retryTimer) clearInterval(retryTimer);
    retryTimer = null;
  }

  async function reconfigure(): Promise<void> {
    const gen = ++generation;
    const next = await readSyncSettings(workspaceId);
    const stored = (await db().settings.get(uploadedKey(workspaceId)))?.value;
    if (gen !== generation || stopped) return;
    disconnect();
    settings = next;
    uploaded = new Set(Array.isArray(stored) ? stored.filter((h) => typeof h === 'string') : []);
    if (!next) {
      state = OFF;
      for (const l of listeners) l();
      return;
    }
    const role = tokenRole(next.token);
    state = {
      ...OFF,
      configured: true,
      serverUrl: next.serverUrl,
      memberName: next.memberName,
      role,
      readOnly: role === 'viewer',
    };
    const serverWorkspace = tokenWorkspace(next.token) || workspaceId;
    conn = connectWorkspace({
      url: wsUrl(next.serverUrl),
      token: next.token,
      doc: repo.doc,
      workspace: serverWorkspace,
      WebSocketPolyfill: deps.WebSocketPolyfill,
      minDelayMs: deps.minDelayMs,
      maxDelayMs: deps.maxDelayMs,
    });
    blobs = blobClient(next.serverUrl, next.token, serverWorkspace);
    const c = conn;
    // pendingCount moves without a status change: poll it cheaply while connected.
    const tick = setInterval(fromConnection, 250);
    offConn.push(
      c.onStatus((s) => {
        fromConnection();
        if (s === 'synced') {
          publishPresence();
          scheduleUploads(50);
        }
      }),
      c.onDenied(() => fromConnection()),
      c.onPresence((peers) => set({ peers })),
      () => clearInterval(tick),
    );
    retryTimer = setInterval(() => state.uploadError && scheduleUploads(0), 15_000);
    publishPresence();
    for (const l of listeners) l();
  }

  const offRepo = repo.subscribe(() => scheduleUploads());
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ workspaceId?: string }>) => {
      if (e.data?.workspaceId === workspaceId) void reconfigure();
    };
  }

  const binding: SyncBinding = {
    workspaceId,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFocus(next) {
      focus = next;
      publishPresence();
    },
    reconfigure,
    async downloadAttachment(ref) {
      if (!blobs) throw new StoreError(t('notConnected'));
      let bytes: Uint8Array;
      try {
        bytes = await blobs.download(ref.hash);
      } catch (error) {
        throw new StoreError(
          error instanceof BlobError && error.status === 404
            ? t('fileNotOnServer', ref.name)
            : t('downloadFailed', ref.name),
        );
      }
      const stored = await putAttachmentBytes(bytes, ref.name, ref.type);
      if (stored.hash !== ref.hash) throw new StoreError(t('downloadCorrupt', ref.name));
    },
    api() {
      return settings ? teamApi(settings.serverUrl, settings.token) : null;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      generation++;
      offRepo();
      channel?.close();
      if (uploadTimer) clearTimeout(uploadTimer);
      disconnect();
      listeners.clear();
      if (registry.get(workspaceId) === binding) {
        registry.delete(workspaceId);
        for (const l of registryListeners) l();
      }
    },
  };
  registry.set(workspaceId, binding);
  for (const l of registryListeners) l();
  void reconfigure();
  return binding;
}

/**
 * Applies an invite on this device. If the workspace it names is here (e.g. the owner connecting
 * the workspace they created), it is connected; otherwise it is fetched from the server and
 * created locally from the doc's own workspace record. Nothing changes on any failure.
 */
export async function joinByInvite(
  input: { code: string; serverUrl: string; memberName: string },
  deps: BindingDeps & { timeoutMs?: number } = {},
): Promise<{ workspaceId: string; created: boolean }> {
  const invite = parseInvite(input.code, input.serverUrl);
  if (!invite) throw new StoreError(t('inviteNotRecognised'));
  if (!invite.serverUrl) throw new StoreError(t('serverAddressRequired'));
  const settings: SyncSettings = {
    serverUrl: invite.serverUrl,
    token: invite.token,
    memberName: input.memberName.trim().slice(0, 100),
  };
  if (await db().workspaces.get(invite.workspace)) {
    await saveSyncSettings(invite.workspace, settings);
    await setActiveWorkspaceId(invite.workspace);
    return { workspaceId: invite.workspace, created: false };
  }
  const doc = new Y.Doc();
  const conn = connectWorkspace({
    url: wsUrl(invite.serverUrl),
    token: invite.token,
    doc,
    workspace: invite.workspace,
    WebSocketPolyfill: deps.WebSocketPolyfill,
    minDelayMs: deps.minDelayMs,
    maxDelayMs: deps.maxDelayMs,
  });
  try {
    try {
      await conn.whenSynced(deps.timeoutMs ?? 15_000);
    } catch {
      throw new StoreError(
        conn.denied ? t('withNothingChanged', deniedMessage(conn.denied)) : t('syncNoResponse'),
      );
    }
    const parsed = workspaceSchema.safeParse(readWorkspaceRaw(doc));
    if (!parsed.success || parsed.data.id !== invite.workspace)
      throw new StoreError(t('serverHasNoData'));
    conn.destroy();
    await persistNewDoc(doc, parsed.data);
    await saveSyncSettings(invite.workspace, settings);
    return { workspaceId: invite.workspace, created: true };
  } finally {
    conn.destroy();
  }
}
