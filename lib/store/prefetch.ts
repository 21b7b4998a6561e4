// A page's first read, before Dexie, the store and React have loaded: the active workspace's
// snapshot-cache row, fetched with the bare IndexedDB API by a module small enough to run
// almost as soon as the page does, so IndexedDB works while the rest of the page's code loads.
// A prefetch only: the store checks the row (readCache) as strictly as one it read itself, and
// when the prefetch finds nothing or fails the store reads on its own and reports any error.
import { DB_NAME, SETTINGS_TABLE, SNAPSHOT_CACHE_TABLE, WORKSPACES_TABLE } from './db-names.ts';

export interface PrefetchedCache {
  /** The active workspace, as getActiveWorkspaceId() names it when its setting is in order. */
  workspaceId: string;
  row: unknown;
}

export function prefetchSnapshotCache(): Promise<PrefetchedCache | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME);
    } catch {
      return resolve(null);
    }
    // No database yet (first run): create nothing, Dexie will create it with its versions.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const idb = request.result;
      // Never hold up Dexie upgrading the database after an update of the extension.
      idb.onversionchange = () => idb.close();
      const done = (value: PrefetchedCache | null) => {
        idb.close();
        resolve(value);
      };
      const tables = [SETTINGS_TABLE, WORKSPACES_TABLE, SNAPSHOT_CACHE_TABLE];
      if (!tables.every((name) => idb.objectStoreNames.contains(name))) return done(null);
      try {
        const tx = idb.transaction(tables, 'readonly');
        tx.onabort = () => done(null);
        const active = tx.objectStore(SETTINGS_TABLE).get('activeWorkspaceId');
        active.onsuccess = () => {
          const id = (active.result as { value?: unknown } | undefined)?.value;
          if (typeof id !== 'string') return done(null);
          // As getActiveWorkspaceId: the setting counts only for a workspace that exists (the
          // fallback to the last opened one is left to it).
          const exists = tx.objectStore(WORKSPACES_TABLE).getKey(id);
          const row = tx.objectStore(SNAPSHOT_CACHE_TABLE).get(id);
          row.onsuccess = () => {
            performance.mark('svodka:prefetch:read');
            done(
              exists.result !== undefined && row.result
                ? { workspaceId: id, row: row.result }
                : null,
            );
          };
        };
      } catch {
        done(null);
      }
    };
  });
}

/** Where the page's classic script leaves its prefetch for the page's modules. */
const EARLY = '__svodkaPrefetch';

/**
 * Starts the prefetch from a classic script in the page's <head> (entrypoints/
 * dashboard-prefetch.ts), which runs while the page is parsed: ~30 ms before the page's first
 * module on this machine, with IndexedDB on the critical path of the first paint.
 */
export function startEarlyPrefetch(): void {
  performance.mark('svodka:prefetch:start');
  (globalThis as Record<string, unknown>)[EARLY] = prefetchSnapshotCache();
}

/** The classic script's prefetch, taken once; a prefetch of its own when there is none. */
export function takeEarlyPrefetch(): Promise<PrefetchedCache | null> {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[EARLY];
  delete scope[EARLY];
  return early instanceof Promise
    ? (early as Promise<PrefetchedCache | null>)
    : prefetchSnapshotCache();
}
