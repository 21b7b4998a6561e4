// Zip containers (.docx, .xlsx) are checked from their central directory BEFORE anything is
// inflated: a zip bomb declares its sizes there, and a 1 KB entry that claims 300 MB is refused
// without allocating a byte of it.
import { unzipSync } from 'fflate';
import { refuse } from './errors.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_RATIO = 100;
/** Tiny entries compress very well (a few KB of repeated markup); the ratio matters above this. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 4294967296;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2]! <= 0x07;
}

const corrupt = (): Error =>
  refuse('Файл повреждён: не удалось прочитать его как архив Office (.docx/.xlsx).');

/** Reads the central directory; throws ImportError when the archive is broken. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
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
export function checkZipSizes(entries: ZipEntryInfo[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO)
      throw refuse(
        `Файл похож на «zip-бомбу»: часть «${entry.name}» распаковывается в ${Math.round(ratio)} раз больше своего размера (допустимо до ${MAX_RATIO}).`,
      );
  }
  if (total > MAX_UNZIPPED_BYTES)
    throw refuse(
      `Файл слишком велик в распакованном виде: ${Math.round(total / 1024 / 1024)} МБ (допустимо до ${MAX_UNZIPPED_BYTES / 1024 / 1024} МБ).`,
    );
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
