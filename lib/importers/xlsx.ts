// .xlsx sheets → RawTable, one per non-empty sheet. A merged range keeps its value in the
// master (top-left) cell only, so a merged section row reads as one non-empty cell.
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { refuse } from './errors.ts';
import { MAX_IMPORT_ROWS, MAX_SHEET_CELLS } from './limits.ts';
import { t } from './messages.ts';
import type { RawTable } from './types.ts';
import { checkZipSizes, listZip } from './zip.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A cell's value as the user sees it written (dates as ДД.ММ.ГГГГ, rich text flattened). */
export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date)
    return `${pad2(value.getUTCDate())}.${pad2(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined
      ? cellValueText(value.result as ExcelJS.CellValue)
      : '';
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return value.hyperlink;
  }
  if ('error' in value) return '';
  return '';
}

const CHUNK = 64 * 1024;
const isDelimiter = (b: number) =>
  b === 0x20 || b === 0x3e || b === 0x2f || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Counts the rows and cells of every sheet by inflating its XML in chunks and stops as soon as
 * a limit is passed, before exceljs builds the whole book in memory. Throws ImportError.
 */
export function checkSheetSizes(bytes: Uint8Array, fileName: string): void {
  let over = false as boolean;
  const unzip = new Unzip((file) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(file.name)) return;
    let rows = 0;
    let cells = 0;
    // The last four bytes seen, to find «<row» and «<c» split across chunks.
    let window = 0;
    file.ondata = (error, chunk) => {
      if (error || over) return;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (isDelimiter(b)) {
          if (window === 0x3c726f77) rows++;
          else if ((window & 0xffff) === 0x3c63) cells++;
        }
        window = ((window << 8) | b) >>> 0;
      }
      if (rows > MAX_IMPORT_ROWS || cells > MAX_SHEET_CELLS) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !over; at += CHUNK)
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch {
    throw refuse(t('xlsxUnreadable', fileName));
  }
  if (over) throw refuse(t('xlsxTooBig', fileName, MAX_IMPORT_ROWS, MAX_SHEET_CELLS));
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  checkZipSizes(listZip(bytes));
  checkSheetSizes(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw refuse(t('xlsxUnreadable', fileName));
  }
  const tables: RawTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    const merged: boolean[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      const covered: boolean[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const isSlave = cell.isMerged && cell.master.address !== cell.address;
        cells.push(isSlave ? '' : cellValueText(cell.value));
        covered.push(isSlave && Number(cell.master.row) === r);
      }
      rows.push(cells);
      merged.push(covered);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) {
      rows.pop();
      merged.pop();
    }
    if (rows.some((r) => r.some((c) => c.trim() !== '')))
      tables.push({ rows, merged, source: 'xlsx', name: `${fileName}: ${sheet.name}` });
  });
  if (tables.length === 0) throw refuse(t('xlsxNoSheets', fileName));
  return tables;
}
