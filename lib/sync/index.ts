export { connectWorkspace } from './connection.ts';
export type {
  ConnectOptions,
  PeerPresence,
  Presence,
  SyncConnection,
  SyncStatus,
} from './connection.ts';
export { BlobError, blobClient, sha256Hex, tokenWorkspace } from './blobs.ts';
export type { BlobClient } from './blobs.ts';
