// Zip containers (.docx, .xlsx) are checked from their central directory BEFORE anything is
// inflated: a zip bomb declares its sizes there, and a 1 KB entry that claims 300 MB is refused
// without allocating a byte of it. The reading lives in lib/files/zip.ts; this file supplies the
// importers' limits and their refusals (lib/importers/messages.ts).
import { unzipSync } from 'fflate';
import {
  checkZipSizes as checkDeclaredSizes,
  listZip as listZipDirectory,
  type ZipEntryInfo,
  type ZipSizeLimits,
} from '../files/zip.ts';
import { refuse } from './errors.ts';
import { t } from './messages.ts';

export type { ZipEntryInfo };

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_RATIO = 100;
/** Tiny entries compress very well (a few KB of repeated markup); the ratio matters above this. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Looser than lib/files/zip.ts isZip on purpose: any «PK» record (empty, spanned) goes on to listZip. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2]! <= 0x07;
}

const corrupt = (): Error => refuse(t('officeCorrupt'));

const IMPORT_LIMITS: ZipSizeLimits = {
  maxTotalBytes: MAX_UNZIPPED_BYTES,
  maxRatio: MAX_RATIO,
  ratioFloorBytes: RATIO_FLOOR_BYTES,
  tooCompressed: (entry, ratio) => refuse(t('zipBomb', entry.name, Math.round(ratio), MAX_RATIO)),
  tooLarge: (total) =>
    refuse(
      t('unzippedTooLarge', Math.round(total / 1024 / 1024), MAX_UNZIPPED_BYTES / 1024 / 1024),
    ),
};

/** Reads the central directory; throws ImportError when the archive is broken. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  return listZipDirectory(bytes, corrupt);
}

/** Refuses (ImportError) archives whose declared sizes are those of a zip bomb. */
export function checkZipSizes(entries: ZipEntryInfo[]): void {
  checkDeclaredSizes(entries, IMPORT_LIMITS);
}

/** Lists, checks and inflates only the named entries (sizes bounded by the checked directory). */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Record<string, Uint8Array> {
  checkZipSizes(listZip(bytes));
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw corrupt();
  }
}
