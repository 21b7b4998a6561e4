// Real .docx and .xlsx files built from table rows, so the readers meet what Word and Excel write.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import {
  buildPreview,
  readPastedTable,
  type ImportPreview,
  type RawTable,
} from '../../../lib/importers/index.ts';

export const seedPath = (name: string): string =>
  new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url).pathname;

const isSection = (row: string[]): boolean =>
  row[0]!.trim() !== '' && row.slice(1).every((c) => c.trim() === '') && !/^\d/.test(row[0]!);

function cell(text: string, columnSpan?: number): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    children: lines.map((line) => new Paragraph(line)),
    ...(columnSpan ? { columnSpan } : {}),
  });
}

/** One Word table: the first row is the header (repeated on each page), section rows span all columns. */
export async function buildDocx(rows: string[][], before: string[] = []): Promise<Uint8Array> {
  const width = rows[0]!.length;
  const table = new Table({
    rows: rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: isSection(row) ? [cell(row[0]!, width)] : row.map((c) => cell(c)),
        }),
    ),
  });
  const doc = new Document({
    sections: [{ children: [...before.map((p) => new Paragraph(p)), table] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function buildDocxParagraphs(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A workbook whose columns stand in `order` (indices into the source rows), with a merged title
 * on row 1, an empty row 2 and the header on row 3; section rows are merged across the sheet.
 */
export async function buildXlsx(rows: string[][], order: number[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.getCell(1, 1).value = 'Дорожная карта мероприятий';
  sheet.mergeCells(1, 1, 1, order.length);
  let r = 3;
  for (const row of rows) {
    if (isSection(row) && r > 3) {
      sheet.getCell(r, 1).value = row[0]!;
      sheet.mergeCells(r, 1, r, order.length);
    } else order.forEach((from, c) => (sheet.getCell(r, c + 1).value = row[from] ?? ''));
    r++;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const seedText = (name: string): string => readFileSync(seedPath(name), 'utf8');

export const seedTables = (name: string): RawTable[] =>
  readPastedTable(seedText(name), `${name}.txt`);

export function seedPreview(name: string): ImportPreview {
  return buildPreview(seedTables(name), { schoolYear: '2020-2021' });
}
