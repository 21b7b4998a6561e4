// React access to the sync binding of the open workspace (lib/store/sync-binding.ts), loaded
// lazily so the popup's first paint does not carry the sync client.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as SyncModule from '../../lib/store/sync-binding.ts';
import type { Focus, SyncBinding, SyncState } from '../../lib/store/sync-binding.ts';
import type { WorkspaceHandle } from '../../lib/store/index.ts';

export type SyncApi = typeof SyncModule;

let loaded: Promise<SyncApi> | null = null;
export function loadSync(): Promise<SyncApi> {
  loaded ??= import('../../lib/store/sync-binding.ts');
  return loaded;
}

/** Starts team sync for an opened workspace; returns the stop function (safe before loading). */
export function bindTeamSync(workspaceId: string, handle: WorkspaceHandle): () => void {
  let stop: (() => void) | null = null;
  let cancelled = false;
  void loadSync().then((m) => {
    if (cancelled) return;
    const binding = m.startSyncBinding(workspaceId, handle.repo);
    stop = () => binding.stop();
  });
  return () => {
    cancelled = true;
    stop?.();
  };
}

/** The sync module once loaded (null before). */
export function useSyncModule(): SyncApi | null {
  const [mod, setMod] = useState<SyncApi | null>(null);
  useEffect(() => {
    let live = true;
    void loadSync().then((m) => live && setMod(() => m));
    return () => {
      live = false;
    };
  }, []);
  return mod;
}

const none = () => () => {};
const nothing = () => null;

/** The binding of this workspace in this page, following it as it starts and stops. */
export function useSyncBinding(workspaceId: string): SyncBinding | null {
  const mod = useSyncModule();
  const read = mod ? () => mod.syncBindingFor(workspaceId) : nothing;
  // The same read serves a render to a string (tests draw the dashboard without a DOM).
  return useSyncExternalStore(mod ? mod.onSyncBindings : none, read, read);
}

/** Live sync state of the workspace, or null while sync is not loaded. */
export function useSyncState(workspaceId: string): SyncState | null {
  const binding = useSyncBinding(workspaceId);
  const read = binding ? binding.getState : nothing;
  return useSyncExternalStore(binding ? binding.subscribe : none, read, read);
}

/** Tells teammates which filling/indicator this person is on while the calling view is shown. */
export function useTeamFocus(workspaceId: string, focus: Focus | null): void {
  const binding = useSyncBinding(workspaceId);
  const key = JSON.stringify(focus);
  useEffect(() => {
    if (!binding) return;
    binding.setFocus(JSON.parse(key) as Focus | null);
    return () => binding.setFocus(null);
  }, [binding, key]);
}
