// .xlsx sheets → RawTable, one per non-empty sheet. A merged range keeps its value in the
// master (top-left) cell only, so a merged section row reads as one non-empty cell.
import ExcelJS from 'exceljs';
import { refuse } from './errors.ts';
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

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  checkZipSizes(listZip(bytes));
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
