// Shared exceljs plumbing for the exports: bytes in and out, and the house table style of the
// built-in reports (thin borders, wrapped text, Times New Roman as municipal papers use).
import ExcelJS from 'exceljs';
import { setCell } from './safe-cell.ts';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  await workbook.xlsx.load(buffer as ArrayBuffer);
  return workbook;
}

/**
 * exceljs writes `useFirstPageNumber="1"` whenever a first page number is known, and it reads
 * one (1) into every sheet: a loaded form would come back numbering its pages from 1 instead of
 * continuing. Forget the number where the file did not ask for it.
 */
function keepPageNumbering(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets)
    if (
      sheet.pageSetup &&
      !(sheet.pageSetup as { useFirstPageNumber?: boolean }).useFirstPageNumber
    )
      delete (sheet.pageSetup as Partial<ExcelJS.PageSetup>).firstPageNumber;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  keepPageNumbering(workbook);
  // Node gives a Buffer, the browser an ArrayBuffer: both become a plain Uint8Array.
  const out: unknown = await workbook.xlsx.writeBuffer();
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return new Uint8Array(out as ArrayBuffer);
}

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const REPORT_FONT: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 12 };

/** A new workbook with the report's metadata (no personal data beyond the organisation). */
export function newReportWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Сводка';
  workbook.created = now;
  workbook.modified = now;
  return workbook;
}

/**
 * A landscape A4 sheet whose header rows repeat on every printed page and that fits the page
 * width, as the authority prints it.
 */
export function reportSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  widths: readonly number[],
  orientation: 'landscape' | 'portrait' = 'landscape',
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Страница &P из &N' },
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

/** Styles one table cell: font, border, wrapping. */
export function styleTableCell(
  cell: ExcelJS.Cell,
  options: { bold?: boolean; center?: boolean } = {},
): void {
  cell.font = { ...REPORT_FONT, bold: options.bold ?? false };
  cell.border = THIN_BORDER;
  cell.alignment = {
    wrapText: true,
    vertical: options.center ? 'middle' : 'top',
    horizontal: options.center ? 'center' : 'left',
  };
}

/** A title line merged across the table's width, centred. */
export function addTitleRow(
  sheet: ExcelJS.Worksheet,
  text: string,
  columns: number,
  bold: boolean,
): ExcelJS.Row {
  const row = sheet.addRow([]);
  setCell(row.getCell(1), text);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = { ...REPORT_FONT, bold, size: bold ? 14 : 12 };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return row;
}

/**
 * Row height that shows every line of wrapped text: exceljs cannot measure text, and Excel does
 * not re-fit rows of a generated file, so we estimate (≈ 1.15 characters per unit of width).
 */
export function fitRowHeight(
  row: ExcelJS.Row,
  widths: readonly number[],
  lineHeight = 15.75,
): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const width = widths[col - 1];
    if (!width || cell.isMerged) return;
    const text = typeof cell.value === 'string' ? cell.value : String(cell.value ?? '');
    const perLine = Math.max(1, Math.floor(width * 1.15));
    let n = 0;
    for (const part of text.split('\n')) n += Math.max(1, Math.ceil(part.length / perLine));
    lines = Math.max(lines, n);
  });
  row.height = Math.min(409, lines * lineHeight);
}
