// Names shared by the Dexie schema (db.ts) and the bare-IndexedDB prefetch (prefetch.ts).
export const DB_NAME = 'svodka';
export const SETTINGS_TABLE = 'settings';
export const SNAPSHOT_CACHE_TABLE = 'snapshotCache';
export const WORKSPACES_TABLE = 'workspaces';
