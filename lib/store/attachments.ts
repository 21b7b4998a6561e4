// Attachments are stored once per content (SHA-256), however many records refer to them.
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../model/records.ts';
import { sha256Hex } from '../files/hash.ts';
import { StoreError } from './errors.ts';
import { t } from './messages.ts';
import { db } from './db.ts';

const ALLOWED = [
  /^application\/pdf$/,
  /^application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)$/,
  /^application\/(msword|vnd\.ms-excel)$/,
  /^image\/(png|jpeg|gif|webp)$/,
];
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export function attachmentType(name: string, declared: string): string | null {
  const type = declared || BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''] || '';
  return ALLOWED.some((re) => re.test(type)) ? type : null;
}

export async function putAttachmentBytes(
  bytes: Uint8Array,
  name: string,
  declaredType: string,
): Promise<AttachmentRef> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new StoreError(t('attachmentTooLarge', name));
  if (bytes.length === 0) throw new StoreError(t('attachmentEmpty', name));
  const type = attachmentType(name, declaredType);
  if (!type) throw new StoreError(t('attachmentWrongType', name));
  const hash = await sha256Hex(bytes);
  const ref: AttachmentRef = { hash, name: name.slice(0, 300), type, size: bytes.length };
  if (!(await db().attachments.get(hash)))
    await db().attachments.put({ ...ref, bytes, createdAt: new Date().toISOString() });
  return ref;
}

export async function putAttachment(file: Blob, name: string): Promise<AttachmentRef> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new StoreError(t('attachmentTooLarge', name));
  return putAttachmentBytes(new Uint8Array(await file.arrayBuffer()), name, file.type);
}

export async function getAttachmentBytes(hash: string): Promise<Uint8Array | null> {
  return (await db().attachments.get(hash))?.bytes ?? null;
}

export async function getAttachment(hash: string): Promise<Blob | null> {
  const row = await db().attachments.get(hash);
  return row ? new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: row.type }) : null;
}
