// Opening the active workspace from an extension page, and reading its snapshot live.
// The store module is passed in as a loader so the popup can fetch it lazily (fast first paint)
// while the dashboard and side panel import it up front.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as StoreModule from '../../lib/store/index.ts';
import type { Repository, Snapshot, WorkspaceHandle } from '../../lib/store/index.ts';
import { ACTOR, errorMessage } from './format.ts';
import { bindTeamSync } from '../team/useSync.ts';
import type { PrefetchedCache } from '../../lib/store/prefetch.ts';
import type { Glimpse, GlimpseWatch } from '../../lib/store/cache-head.ts';

export type StoreApi = typeof StoreModule;
export type StoreLoader = () => Promise<StoreApi>;

export type WorkspaceState =
  | { status: 'loading' }
  /**
   * A large register's cached snapshot, read from the entry script's prefetch before the
   * store's code has loaded: drawn read-only until the store's preview or the doc replaces it.
   */
  | { status: 'glimpse'; workspaceId: string; snapshot: Snapshot }
  | { status: 'none'; store: StoreApi }
  | { status: 'ready'; store: StoreApi; workspaceId: string; handle: WorkspaceHandle }
  | { status: 'error'; message: string; store: StoreApi | null };

/** Resolves once the page has painted what was rendered before (at most ~50 ms later). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A timer posted from a frame callback runs after that frame is painted; a hidden page
    // gets no frames, hence the fallback.
    const fallback = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** Opens the active workspace; `reload()` re-reads which one is active (after create/restore). */
export function useActiveWorkspace(
  load: StoreLoader,
  /** Paint a large register from its cached snapshot first (pages that remount on the swap). */
  options: {
    preview?: boolean;
    /** The cache row the entry script started reading (lib/store/prefetch.ts). */
    prefetched?: Promise<PrefetchedCache | null>;
    /**
     * That row decoded (lib/store/cache-head.ts): drawn read-only at once, before the store's
     * code (zod, Dexie, Yjs: about half of the page's) has loaded.
     */
    glimpse?: GlimpseWatch;
  } = {},
): {
  state: WorkspaceState;
  reload: () => void;
} {
  const glimpsed = (g: Glimpse): WorkspaceState => ({ status: 'glimpse', ...g });
  const [state, setState] = useState<WorkspaceState>(() =>
    options.glimpse?.current ? glimpsed(options.glimpse.current) : { status: 'loading' },
  );
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const prefetchRef = useRef(options.prefetched);
  const glimpseRef = useRef(options.glimpse);

  useEffect(() => {
    let cancelled = false;
    let handle: WorkspaceHandle | null = null;
    let store: StoreApi | null = null;
    let stopSync: (() => void) | null = null;
    // The entry script's prefetch serves the first open only; reload() reads afresh.
    const prefetched = prefetchRef.current;
    prefetchRef.current = undefined;
    const glimpse = glimpseRef.current;
    glimpseRef.current = undefined;
    let live = false;
    let shown: string | null = null;
    // A glimpse decoded after the first render is drawn when it comes.
    void glimpse?.ready.then((g) => {
      if (g && !cancelled && !live && shown === null)
        setState((s) => (s.status === 'loading' ? glimpsed(g) : s));
    });
    (async () => {
      store = await load();
      const api = store;
      performance.mark('svodka:store:loaded');
      const choosing = api.getActiveWorkspaceId();
      const previewOf = (id: string) =>
        api.openWorkspacePreview(id, { actor: ACTOR, prefetched }).catch(() => null);
      const show = (previewing: Promise<WorkspaceHandle | null>, id: string) =>
        void previewing.then((preview) => {
          if (!preview || cancelled || live || shown !== id) return;
          performance.mark('svodka:workspace:preview');
          setState({ status: 'ready', store: api, workspaceId: id, handle: preview });
        });
      // A large register paints from its cached snapshot (read-only) while its doc loads; the
      // doc takes the cached validated records the preview has read.
      const opening = (id: string, previewing: Promise<WorkspaceHandle | null>, verified = false) =>
        api.openWorkspace(id, {
          actor: ACTOR,
          validated: options.preview ? previewing.then((p) => p?.validated ?? null) : undefined,
          verified,
        });
      // The prefetch names the active workspace as Dexie would: its preview is shown and its
      // doc starts loading without waiting for Dexie to open. Should Dexie name another one
      // (switched in another tab meanwhile), both are dropped.
      const early = options.preview ? await prefetched?.catch(() => null) : null;
      const earlyPreview = early ? previewOf(early.workspaceId) : null;
      if (early && earlyPreview) show(earlyPreview, (shown = early.workspaceId));
      // Should the store refuse the row the glimpse was drawn from, the glimpse goes too.
      void earlyPreview?.then((preview) => {
        if (!preview && !cancelled && !live)
          setState((s) => (s.status === 'glimpse' ? { status: 'loading' } : s));
      });
      // The doc starts loading once the preview (if any) has painted: decoding it on the main
      // thread meanwhile delayed the first paint of the list by ~0.1 s.
      const earlyOpen =
        early && earlyPreview
          ? earlyPreview
              .then((preview) => (preview ? afterPaint() : undefined))
              .then(() => opening(early.workspaceId, earlyPreview, true))
          : null;
      const dropEarly = () => {
        void earlyPreview?.then((p) => p?.close());
        earlyOpen?.then((h) => h.close()).catch(() => {});
      };
      const id = await choosing.catch((error: unknown) => {
        dropEarly();
        throw error;
      });
      performance.mark('svodka:workspace:chosen');
      const usable = earlyPreview !== null && early?.workspaceId === id;
      if (earlyPreview && !usable) {
        shown = null;
        dropEarly();
        if (!cancelled) setState({ status: 'loading' });
      }
      if (cancelled) return void (usable && dropEarly());
      if (!id) return setState({ status: 'none', store });
      const previewing = usable
        ? earlyPreview
        : options.preview
          ? previewOf(id)
          : Promise.resolve(null);
      if (!usable) show(previewing, (shown = id));
      handle = await (usable && earlyOpen ? earlyOpen : opening(id, previewing));
      live = true;
      void previewing.then((preview) => preview?.close());
      if (cancelled) return handle.close();
      performance.mark('svodka:workspace:opened');
      // Pairings the background queued while no page had the workspace open.
      void import('../toolbar/drain-pairings.ts').then(({ drainPairingsQueue }) =>
        drainPairingsQueue(handle!.repo).catch(() => 0),
      );
      stopSync = bindTeamSync(id, handle);
      setState({ status: 'ready', store, workspaceId: id, handle });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', message: errorMessage(error), store });
    });
    return () => {
      cancelled = true;
      stopSync?.();
      handle?.close();
    };
  }, [load, generation, options.preview]);

  return { state, reload };
}

export type SnapshotState = { ok: true; snapshot: Snapshot } | { ok: false; message: string };

/** Keeps one state object per snapshot so useSyncExternalStore sees a stable value between changes. */
class SnapshotReader {
  private last: SnapshotState | null = null;
  constructor(private readonly repo: Repository) {}

  subscribe = (listener: () => void) => this.repo.subscribe(listener);

  read = (): SnapshotState => {
    try {
      const snapshot = this.repo.snapshot();
      if (!this.last?.ok || this.last.snapshot !== snapshot) this.last = { ok: true, snapshot };
    } catch (error) {
      const message = errorMessage(error);
      if (this.last?.ok !== false || this.last.message !== message)
        this.last = { ok: false, message };
    }
    return this.last;
  };
}

const noRepository = {
  subscribe: () => () => {},
  read: () => null,
};

/**
 * The repository's current snapshot; re-renders on every change, local or from another page.
 * Null without a repository (the dashboard's glimpse, drawn before the store has loaded).
 */
export function useSnapshot(repo: Repository): SnapshotState;
export function useSnapshot(repo: Repository | null): SnapshotState | null;
export function useSnapshot(repo: Repository | null): SnapshotState | null {
  const reader = useMemo(() => (repo ? new SnapshotReader(repo) : noRepository), [repo]);
  // The same read serves a render to a string (tests draw the glimpse without a DOM).
  return useSyncExternalStore(reader.subscribe, reader.read, reader.read);
}
