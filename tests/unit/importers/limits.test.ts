// Import limits (issue #16, point 8): a book past the row cap or the cell estimate is refused
// with a Russian message before exceljs reads it, so a browser tab never runs out of memory.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError, readImportFile } from '../../../lib/importers/index.ts';
import {
  MAX_IMPORT_ROWS as MAX_SHEET_ROWS,
  MAX_SHEET_CELLS,
} from '../../../lib/importers/limits.ts';

/** Writes a book row by row with exceljs' streaming writer (never the whole sheet in memory). */
async function bigBook(rows: number, columns: number): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = writer.addWorksheet('Мероприятия');
  sheet
    .addRow(['№', 'Мероприятие', 'Срок', ...Array.from({ length: columns - 3 }, (_, i) => `к${i}`)])
    .commit();
  for (let r = 1; r <= rows; r++)
    sheet
      .addRow([r, `Семинар ${r % 50}`, 'март', ...Array.from({ length: columns - 3 }, () => r % 7)])
      .commit();
  sheet.commit();
  await writer.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('import limits', () => {
  it(`refuses a book with more than ${MAX_SHEET_ROWS} rows before exceljs loads it`, async () => {
    const bytes = await bigBook(MAX_SHEET_ROWS + 1, 3);
    const load = vi.spyOn(
      Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => void },
      'load',
    );
    const message = await refusal(readImportFile(bytes, 'план.xlsx'));
    expect(message).toContain('Книга «план.xlsx» слишком велика для импорта');
    expect(message).toContain('Ничего не импортировано');
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses a book past the cell estimate though its rows are under the cap', async () => {
    const columns = 60;
    const rows = Math.ceil(MAX_SHEET_CELLS / columns) + 10;
    expect(rows).toBeLessThan(MAX_SHEET_ROWS);
    const message = await refusal(readImportFile(await bigBook(rows, columns), 'отчёт.xlsx'));
    expect(message).toContain('слишком велика');
  });

  it(`refuses a .csv with more than ${MAX_SHEET_ROWS} rows`, async () => {
    const text = [
      '№;Мероприятие;Срок',
      ...Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => `${i};Семинар;март`),
    ].join('\n');
    const message = await refusal(readImportFile(new TextEncoder().encode(text), 'план.csv'));
    expect(message).toContain('Файл «план.csv» слишком велик для импорта');
  });

  it('reads a book just under the row cap', async () => {
    const tables = await readImportFile(await bigBook(MAX_SHEET_ROWS - 1, 3), 'план.xlsx');
    expect(tables[0]!.rows).toHaveLength(MAX_SHEET_ROWS);
  }, 60_000);
});
