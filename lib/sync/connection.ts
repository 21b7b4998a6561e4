// Client side of team sync: one Y.Doc per workspace kept in step with the server through
// Hocuspocus. Wraps the provider so the UI sees three plain states and a count of local edits
// the server has not yet acknowledged, plus presence ("who is looking at which filling").
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import type * as Y from 'yjs';

export type SyncStatus = 'synced' | 'pending' | 'offline';

export interface Presence {
  name: string;
  fillingId?: string;
  indicatorId?: string;
}

export interface PeerPresence extends Presence {
  clientId: number;
}

export interface ConnectOptions {
  /** ws:// or wss:// address of the sync server. */
  url: string;
  /** Invite/member token; sent in the Hocuspocus auth message, never in the URL. */
  token: string;
  /** Workspace document; its guid is irrelevant, the workspace id is `workspace` (or doc.guid). */
  doc: Y.Doc;
  /** Workspace id = document name on the server. Defaults to doc.guid. */
  workspace?: string;
  /** For runtimes without a global WebSocket. */
  WebSocketPolyfill?: unknown;
  /** Reconnection backoff bounds, ms. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface SyncConnection {
  readonly doc: Y.Doc;
  readonly workspace: string;
  readonly status: SyncStatus;
  /** Local updates sent but not yet acknowledged by the server. */
  readonly pendingCount: number;
  /** Set when the server refused the token (reason code such as 'revoked', 'token-expired'). */
  readonly denied: string | null;
  /** True when the server accepted us as a viewer: local edits will not be shared. */
  readonly readOnly: boolean;
  onStatus(cb: (status: SyncStatus) => void): () => void;
  onDenied(cb: (reason: string) => void): () => void;
  setPresence(presence: Presence | null): void;
  onPresence(cb: (peers: PeerPresence[]) => void): () => void;
  /** Resolves when the status is 'synced' (rejects after timeoutMs or when denied). */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Deliberately go offline (edits keep accumulating locally). */
  goOffline(): void;
  /** Come back online after goOffline(). */
  goOnline(): void;
  destroy(): void;
}

/** How long the socket may sit disconnected, while we want it up, before we kick it ourselves. */
const WATCHDOG_MS = 500;
const STUCK_AFTER_MS = 2000;

export function connectWorkspace(options: ConnectOptions): SyncConnection {
  const workspace = options.workspace ?? options.doc.guid;
  const statusListeners = new Set<(s: SyncStatus) => void>();
  const deniedListeners = new Set<(r: string) => void>();
  const presenceListeners = new Set<(p: PeerPresence[]) => void>();
  let status: SyncStatus = 'offline';
  let denied: string | null = null;
  let wantOnline = true;
  let destroyed = false;
  let downSince = Date.now();

  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: options.WebSocketPolyfill,
    delay: options.minDelayMs ?? 200,
    minDelay: options.minDelayMs ?? 200,
    maxDelay: options.maxDelayMs ?? 5000,
    factor: 2,
    jitter: true,
    maxAttempts: 0,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: workspace,
    document: options.doc,
    token: options.token,
  });
  // The provider only manages the socket it created itself; we created ours, so attach.
  provider.attach();

  function compute(): SyncStatus {
    if (
      socket.status !== WebSocketStatus.Connected ||
      !provider.isAuthenticated ||
      !provider.isSynced
    )
      return 'offline';
    return provider.unsyncedChanges > 0 ? 'pending' : 'synced';
  }

  function refresh(): void {
    const next = destroyed ? 'offline' : compute();
    if (next === 'offline' && status !== 'offline') downSince = Date.now();
    if (next === status) return;
    status = next;
    for (const cb of statusListeners) cb(status);
  }

  function peers(): PeerPresence[] {
    const out: PeerPresence[] = [];
    const awareness = provider.awareness;
    if (!awareness) return out;
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === options.doc.clientID) continue;
      const p = (state as { presence?: Presence }).presence;
      if (p && typeof p.name === 'string') out.push({ ...p, clientId });
    }
    return out;
  }

  provider.on('status', refresh);
  provider.on('synced', refresh);
  provider.on('unsyncedChanges', refresh);
  provider.on('authenticated', () => {
    denied = null;
    refresh();
  });
  provider.on('disconnect', refresh);
  provider.on('close', refresh);
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    denied = reason;
    refresh();
    for (const cb of deniedListeners) cb(reason);
  });
  provider.on('awarenessChange', () => {
    const list = peers();
    for (const cb of presenceListeners) cb(list);
  });

  // Liveness: the provider can stay 'disconnected' after a disconnect/connect cycle or a server
  // restart with no retry running. If we want to be online and are not, start a fresh attempt.
  const watchdog = setInterval(() => {
    refresh();
    if (!wantOnline || destroyed || denied) return;
    if (socket.status === WebSocketStatus.Connected) return;
    if (Date.now() - downSince > STUCK_AFTER_MS) {
      downSince = Date.now();
      void socket.connect();
    }
  }, WATCHDOG_MS);

  return {
    doc: options.doc,
    workspace,
    get status() {
      return status;
    },
    get pendingCount() {
      return provider.unsyncedChanges;
    },
    get denied() {
      return denied;
    },
    get readOnly() {
      return provider.authorizedScope === 'readonly';
    },
    onStatus(cb) {
      statusListeners.add(cb);
      return () => statusListeners.delete(cb);
    },
    onDenied(cb) {
      deniedListeners.add(cb);
      return () => deniedListeners.delete(cb);
    },
    setPresence(presence) {
      provider.setAwarenessField('presence', presence);
    },
    onPresence(cb) {
      presenceListeners.add(cb);
      return () => presenceListeners.delete(cb);
    },
    whenSynced(timeoutMs = 10_000) {
      if (status === 'synced') return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          offStatus();
          offDenied();
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(
          () => done(new Error(`not synced within ${timeoutMs} ms (status ${status})`)),
          timeoutMs,
        );
        const offStatus = this.onStatus((s) => s === 'synced' && done());
        const offDenied = this.onDenied((r) => done(new Error(`denied: ${r}`)));
      });
    },
    goOffline() {
      wantOnline = false;
      socket.disconnect();
      refresh();
    },
    goOnline() {
      wantOnline = true;
      downSince = Date.now();
      void socket.connect();
    },
    destroy() {
      destroyed = true;
      clearInterval(watchdog);
      provider.destroy();
      socket.destroy();
      refresh();
      statusListeners.clear();
      deniedListeners.clear();
      presenceListeners.clear();
    },
  };
}
