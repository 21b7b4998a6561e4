// Dispatch on what the bytes are (zip + [Content_Types].xml), then on the extension.
import { unzipSync } from 'fflate';
import { decodeText, readCsv, readPastedTable } from './delimited.ts';
import { readDocx } from './docx.ts';
import { refuse } from './errors.ts';
import { t } from './messages.ts';
import type { RawTable } from './types.ts';
import { readXlsx } from './xlsx.ts';
import { MAX_FILE_BYTES, checkZipSizes, isZip, listZip } from './zip.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function extension(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Which Office format a zip holds, from [Content_Types].xml (or its part names as a fallback). */
function officeKind(bytes: Uint8Array): 'docx' | 'xlsx' | null {
  const entries = listZip(bytes);
  checkZipSizes(entries);
  let types = '';
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === '[Content_Types].xml' });
    const xml = files['[Content_Types].xml'];
    if (xml) types = new TextDecoder().decode(xml);
  } catch {
    throw refuse(t('officeCorrupt'));
  }
  if (types.includes('wordprocessingml') || entries.some((e) => e.name === 'word/document.xml'))
    return 'docx';
  if (types.includes('spreadsheetml') || entries.some((e) => e.name === 'xl/workbook.xml'))
    return 'xlsx';
  return null;
}

export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  if (bytes.length > MAX_FILE_BYTES)
    throw refuse(
      t(
        'fileTooLarge',
        fileName,
        Math.round(bytes.length / 1024 / 1024),
        MAX_FILE_BYTES / 1024 / 1024,
      ),
    );
  if (bytes.length === 0) throw refuse(t('fileEmpty', fileName));
  if (OLE.every((b, i) => bytes[i] === b)) throw refuse(t('fileProtected', fileName));
  const ext = extension(fileName);
  if (isZip(bytes)) {
    const kind = officeKind(bytes);
    if (kind === 'docx') return readDocx(bytes, fileName);
    if (kind === 'xlsx') return readXlsx(bytes, fileName);
    throw refuse(t('notOfficeArchive', fileName));
  }
  if (ext === 'docx' || ext === 'xlsx' || ext === 'docm' || ext === 'xlsm')
    throw refuse(t('misnamed', fileName, ext === 'docx' || ext === 'docm'));
  if (ext === 'csv') return readCsv(bytes, fileName);
  if (ext === 'txt' || ext === 'tsv' || ext === '') {
    const text = decodeText(bytes);
    if (text.includes('\t')) return readPastedTable(text, fileName);
    return readCsv(bytes, fileName);
  }
  throw refuse(t('unsupportedFormat', fileName));
}
