// Opening zip containers (.docx, .xlsx, backups) without trusting them: sizes are checked
// from the central directory before anything is inflated, so a zip bomb is refused cheaply.
import { unzipSync, type UnzipFileInfo } from 'fflate';

export interface ZipLimits {
  /** Total uncompressed bytes allowed across all entries. */
  maxTotalBytes: number;
  /** Largest allowed ratio of uncompressed to compressed size for one entry. */
  maxRatio: number;
  maxEntries: number;
}

export class UnsafeZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeZipError';
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
 * Throws UnsafeZipError (Russian message) for bombs and corrupt archives.
 */
export function safeUnzip(
  bytes: Uint8Array,
  limits: ZipLimits,
  wanted: (name: string) => boolean = () => true,
): Record<string, Uint8Array> {
  if (!isZip(bytes)) throw new UnsafeZipError('Файл не является архивом Office/ZIP или повреждён.');
  let total = 0;
  let entries = 0;
  const check = (file: UnzipFileInfo): boolean => {
    entries++;
    if (entries > limits.maxEntries)
      throw new UnsafeZipError('В архиве слишком много файлов — похоже на «zip-бомбу».');
    if (!wanted(file.name)) return false;
    total += file.originalSize;
    if (total > limits.maxTotalBytes)
      throw new UnsafeZipError(
        'Распакованный архив слишком велик — похоже на «zip-бомбу». Файл не открыт.',
      );
    if (
      file.size > 0 &&
      file.originalSize / file.size > limits.maxRatio &&
      file.originalSize > 1_000_000
    )
      throw new UnsafeZipError(
        'Архив сжат подозрительно сильно — похоже на «zip-бомбу». Файл не открыт.',
      );
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: check });
  } catch (error) {
    if (error instanceof UnsafeZipError) throw error;
    throw new UnsafeZipError('Архив повреждён или обрезан: его не удалось распаковать.');
  }
  // Declared sizes can lie; the inflated size is what counts.
  const actual = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (actual > limits.maxTotalBytes)
    throw new UnsafeZipError(
      'Распакованный архив слишком велик — похоже на «zip-бомбу». Файл не открыт.',
    );
  return files;
}
