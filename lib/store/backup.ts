// The backup file: one versioned zip holding the workspace's Y.Doc state (the truth, with its
// merge history so a restored workspace can still sync), a manifest with the counts, and the
// attachments' bytes by content hash. It is also what the command-line tool reads.
import { strToU8, strFromU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import { z } from 'zod';
import { attachmentRefSchema, type AttachmentRef } from '../model/records.ts';
import { contentHashSchema, timestampSchema } from '../model/primitives.ts';
import { safeUnzip, UnsafeZipError } from '../files/zip.ts';
import { sha256Hex } from '../files/hash.ts';
import { Repository, type RecordIdentities, type Snapshot } from './repository.ts';
import { StoreError } from './errors.ts';
import { t } from './messages.ts';
import { DOC_SCHEMA_VERSION, docSchemaVersion } from './workspace-doc.ts';

export const BACKUP_FORMAT = 'svodka-backup';
export const BACKUP_VERSION = 1;
/** Largest backup accepted: records are small; attachments are ≤ 25 MB each. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  exportedAt: timestampSchema,
  workspaceId: z.string().min(1),
  workspaceName: z.string(),
  docSchemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  attachments: z.array(attachmentRefSchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export interface BackupInput {
  doc: Y.Doc;
  /** Bytes of every attachment the records refer to, by hash; missing ones are listed in the result. */
  attachments: Map<string, Uint8Array>;
  now?: Date;
  /** The doc's current snapshot, when the caller already has it (saves validating every record again). */
  snapshot?: Snapshot;
}

export interface BackupContents {
  manifest: BackupManifest;
  doc: Y.Doc;
  snapshot: Snapshot;
  /** What the snapshot cache takes besides the snapshot, so a restored register opens fast. */
  cache: { identities: RecordIdentities; docState: Uint8Array };
  attachments: Map<string, Uint8Array>;
}

export function countsOf(snapshot: Snapshot): Record<string, number> {
  const counts: Record<string, number> = {
    activities: snapshot.activities.length,
    evidence: snapshot.evidence.length,
    people: snapshot.people.length,
    organisations: snapshot.organisations.length,
    links: snapshot.links.length,
  };
  for (const [name, list] of Object.entries(snapshot.extra)) counts[name] = list.length;
  if (snapshot.broken.length) counts.needsRepair = snapshot.broken.length;
  return counts;
}

/** Every attachment the workspace's evidence refers to (deduplicated by hash). */
export function attachmentRefs(snapshot: Snapshot): AttachmentRef[] {
  const byHash = new Map<string, AttachmentRef>();
  for (const e of snapshot.evidence) for (const a of e.attachments) byHash.set(a.hash, a);
  return [...byHash.values()];
}

export function writeBackup(input: BackupInput): Uint8Array {
  const repo = input.snapshot ? null : new Repository(input.doc, { actor: 'backup' });
  try {
    const snapshot = input.snapshot ?? repo!.snapshot();
    const refs = attachmentRefs(snapshot).filter((a) => input.attachments.has(a.hash));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: (input.now ?? new Date()).toISOString(),
      workspaceId: snapshot.workspace.id,
      workspaceName: snapshot.workspace.name,
      docSchemaVersion: docSchemaVersion(input.doc) ?? DOC_SCHEMA_VERSION,
      counts: countsOf(snapshot),
      attachments: refs,
    };
    const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
      'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
      // The records live in the Yjs state (with their merge history); the manifest counts them.
      'doc.yjs': Y.encodeStateAsUpdate(input.doc),
    };
    // Attachments are PDFs, images, Office files: already compressed, so stored as is.
    for (const ref of refs)
      files[`attachments/${ref.hash}`] = [input.attachments.get(ref.hash)!, { level: 0 }];
    // Level 1: a 20 MB register state compresses to ~6 MB either way, three times faster.
    return zipSync(files, { level: 1 });
  } finally {
    repo?.destroy();
  }
}

/** Parses and checks a backup completely before anything uses it; throws StoreError (lib/store/messages). */
export async function readBackup(
  bytes: Uint8Array,
  limits: { maxBytes?: number } = {},
): Promise<BackupContents> {
  if (bytes.length === 0) throw new StoreError(t('backupEmpty'));
  const maxBytes = limits.maxBytes ?? MAX_BACKUP_BYTES;
  if (bytes.length > maxBytes)
    throw new StoreError(t('backupTooLarge', Math.round(maxBytes / 1024 / 1024)));
  let files: Record<string, Uint8Array>;
  try {
    files = safeUnzip(bytes, {
      maxTotalBytes: 2 * MAX_BACKUP_BYTES,
      maxRatio: 1000,
      maxEntries: 100_000,
    });
  } catch (error) {
    if (error instanceof UnsafeZipError && error.reason !== 'notZip')
      throw new StoreError(t('withNothingChanged', error.message));
    throw new StoreError(t('notABackup'));
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new StoreError(t('notABackup'));
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new StoreError(t('notABackup'));
  }
  const head = z
    .object({ format: z.literal(BACKUP_FORMAT), version: z.number() })
    .safeParse(manifestJson);
  if (!head.success) throw new StoreError(t('notABackup'));
  if (head.data.version > BACKUP_VERSION) throw new StoreError(t('backupNewer'));
  const manifest = backupManifestSchema.safeParse(manifestJson);
  if (!manifest.success) throw new StoreError(t('backupManifestDamaged'));
  if (manifest.data.docSchemaVersion > DOC_SCHEMA_VERSION) throw new StoreError(t('backupNewer'));
  const docBytes = files['doc.yjs'];
  if (!docBytes) throw new StoreError(t('backupNoData'));
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, docBytes);
  } catch {
    throw new StoreError(t('backupDataDamaged'));
  }
  let snapshot: Snapshot;
  let cache: BackupContents['cache'];
  const repo = new Repository(doc, { actor: 'restore' });
  try {
    snapshot = repo.snapshot();
    cache = { identities: repo.identities(), docState: repo.docState() };
  } catch {
    throw new StoreError(t('backupDataDamaged'));
  } finally {
    repo.destroy();
  }
  if (snapshot.workspace.id !== manifest.data.workspaceId)
    throw new StoreError(t('backupInconsistent'));
  const attachments = new Map<string, Uint8Array>();
  for (const ref of manifest.data.attachments) {
    const data = files[`attachments/${ref.hash}`];
    if (
      !data ||
      contentHashSchema.safeParse(ref.hash).success === false ||
      (await sha256Hex(data)) !== ref.hash
    )
      throw new StoreError(t('backupAttachmentDamaged', ref.name));
    attachments.set(ref.hash, data);
  }
  return { manifest: manifest.data, doc, snapshot, cache, attachments };
}
