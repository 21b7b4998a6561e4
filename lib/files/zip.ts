// Opening zip containers (.docx, .xlsx, backups) without trusting them: sizes are checked
// from the central directory before anything is inflated, so a zip bomb is refused cheaply.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { defineMessages } from '../i18n/index.ts';

const t = defineMessages({
  ru: {
    notZip: 'Файл не является архивом Office/ZIP или повреждён.',
    tooManyFiles: 'В архиве слишком много файлов — похоже на «zip-бомбу».',
    tooLarge: 'Распакованный архив слишком велик — похоже на «zip-бомбу». Файл не открыт.',
    tooCompressed: 'Архив сжат подозрительно сильно — похоже на «zip-бомбу». Файл не открыт.',
    corrupt: 'Архив повреждён или обрезан: его не удалось распаковать.',
  },
  en: {
    notZip: 'The file is not an Office/ZIP archive, or it is damaged.',
    tooManyFiles: 'The archive holds too many files — it looks like a “zip bomb”.',
    tooLarge:
      'The unpacked archive is too large — it looks like a “zip bomb”. The file was not opened.',
    tooCompressed:
      'The archive is suspiciously highly compressed — it looks like a “zip bomb”. The file was not opened.',
    corrupt: 'The archive is damaged or truncated: it could not be unpacked.',
  },
});

export interface ZipLimits {
  /** Total uncompressed bytes allowed across all entries. */
  maxTotalBytes: number;
  /** Largest allowed ratio of uncompressed to compressed size for one entry. */
  maxRatio: number;
  maxEntries: number;
}

/** Why an archive was refused; the message is in the interface language, so callers test this. */
export type UnsafeZipReason = 'notZip' | 'tooManyFiles' | 'tooLarge' | 'tooCompressed' | 'corrupt';

export class UnsafeZipError extends Error {
  readonly reason: UnsafeZipReason;
  constructor(reason: UnsafeZipReason) {
    super(t(reason));
    this.name = 'UnsafeZipError';
    this.reason = reason;
  }
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** The OLE compound-file signature: encrypted (password-protected) Office files and old .doc/.xls. */
export function isOleCompound(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/**
 * Unzips the entries `wanted` accepts, refusing archives whose declared sizes exceed the limits.
 * Throws UnsafeZipError (with its reason) for bombs and corrupt archives.
 */
export function safeUnzip(
  bytes: Uint8Array,
  limits: ZipLimits,
  wanted: (name: string) => boolean = () => true,
): Record<string, Uint8Array> {
  if (!isZip(bytes)) throw new UnsafeZipError('notZip');
  let total = 0;
  let entries = 0;
  const check = (file: UnzipFileInfo): boolean => {
    entries++;
    if (entries > limits.maxEntries) throw new UnsafeZipError('tooManyFiles');
    if (!wanted(file.name)) return false;
    total += file.originalSize;
    if (total > limits.maxTotalBytes) throw new UnsafeZipError('tooLarge');
    if (
      file.size > 0 &&
      file.originalSize / file.size > limits.maxRatio &&
      file.originalSize > 1_000_000
    )
      throw new UnsafeZipError('tooCompressed');
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: check });
  } catch (error) {
    if (error instanceof UnsafeZipError) throw error;
    throw new UnsafeZipError('corrupt');
  }
  // Declared sizes can lie; the inflated size is what counts.
  const actual = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (actual > limits.maxTotalBytes) throw new UnsafeZipError('tooLarge');
  return files;
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Declared-size limits for checkZipSizes, with the caller's own refusals. */
export interface ZipSizeLimits {
  /** Total declared uncompressed bytes allowed across all entries. */
  maxTotalBytes: number;
  /** Largest allowed ratio of uncompressed to compressed size for one entry. */
  maxRatio: number;
  /** Tiny entries compress very well; the ratio is checked only above this many bytes. */
  ratioFloorBytes: number;
  tooCompressed: (entry: ZipEntryInfo, ratio: number) => Error;
  tooLarge: (totalBytes: number) => Error;
}

const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 4294967296;

/**
 * Reads the central directory without inflating anything. When the archive is broken it throws
 * `corrupt()`, so each caller keeps its own error type and message.
 */
export function listZip(bytes: Uint8Array, corrupt: () => Error): ZipEntryInfo[] {
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  let zip64 = false;
  if (eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 <= bytes.length && u32(bytes, z) === 0x06064b50) {
      zip64 = true;
      count = u64(bytes, z + 32);
      offset = u64(bytes, z + 48);
    }
  }
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== 0x02014b50) throw corrupt();
    let compressedSize = u32(bytes, offset + 20);
    let uncompressedSize = u32(bytes, offset + 24);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    if (offset + 46 + nameLength + extraLength > bytes.length) throw corrupt();
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (zip64 || compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      // Zip64 extra field (id 1): the real sizes, uncompressed first, each present only if masked.
      let e = offset + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const size = u16(bytes, e + 2);
        if (id === 1) {
          let p = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(bytes, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff) compressedSize = u64(bytes, p);
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses archives whose declared sizes are those of a zip bomb. */
export function checkZipSizes(entries: ZipEntryInfo[], limits: ZipSizeLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
      throw limits.tooCompressed(entry, ratio);
  }
  if (total > limits.maxTotalBytes) throw limits.tooLarge(total);
}
