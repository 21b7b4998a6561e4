// Dispatch on what the bytes are (zip + [Content_Types].xml), then on the extension.
import { unzipSync } from 'fflate';
import { decodeText, readCsv, readPastedTable } from './delimited.ts';
import { readDocx } from './docx.ts';
import { refuse } from './errors.ts';
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
    throw refuse('Файл повреждён: не удалось прочитать его как архив Office (.docx/.xlsx).');
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
      `Файл «${fileName}» слишком велик: ${Math.round(bytes.length / 1024 / 1024)} МБ (допустимо до ${MAX_FILE_BYTES / 1024 / 1024} МБ).`,
    );
  if (bytes.length === 0) throw refuse(`Файл «${fileName}» пуст.`);
  if (OLE.every((b, i) => bytes[i] === b))
    throw refuse(
      `Файл «${fileName}» защищён паролем или сохранён в старом формате (.doc/.xls). Снимите пароль или сохраните его как .docx или .xlsx и загрузите снова.`,
    );
  const ext = extension(fileName);
  if (isZip(bytes)) {
    const kind = officeKind(bytes);
    if (kind === 'docx') return readDocx(bytes, fileName);
    if (kind === 'xlsx') return readXlsx(bytes, fileName);
    throw refuse(
      `Файл «${fileName}» — архив, но не документ Word (.docx) и не книга Excel (.xlsx).`,
    );
  }
  if (ext === 'docx' || ext === 'xlsx' || ext === 'docm' || ext === 'xlsm')
    throw refuse(
      `Файл «${fileName}» назван как ${ext === 'docx' || ext === 'docm' ? 'документ Word' : 'книга Excel'}, но внутри не документ Office: возможно, у него изменили расширение или он повреждён.`,
    );
  if (ext === 'csv') return readCsv(bytes, fileName);
  if (ext === 'txt' || ext === 'tsv' || ext === '') {
    const text = decodeText(bytes);
    if (text.includes('\t')) return readPastedTable(text, fileName);
    return readCsv(bytes, fileName);
  }
  throw refuse(
    `Формат файла «${fileName}» не поддерживается. Загрузите .docx, .xlsx или .csv либо вставьте таблицу из буфера обмена.`,
  );
}
