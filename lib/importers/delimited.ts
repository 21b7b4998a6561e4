// CSV files and text pasted from Word or Excel (tab-separated). Excel quotes a cell that holds a
// newline, a tab or a quote; Word does not quote at all, so a quote opens a quoted cell only when
// a matching close is followed by a delimiter or the end of the line.
import { refuse } from './errors.ts';
import { MAX_IMPORT_ROWS } from './limits.ts';
import { t } from './messages.ts';
import type { RawTable } from './types.ts';

export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  let field = '';
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      const close = findQuotedEnd(text, i + 1, delimiter);
      if (close >= 0) {
        field = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    if (ch === delimiter) {
      endField();
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Index of the closing quote of a quoted cell opened before `from`, or -1 if it is not one. */
function findQuotedEnd(text: string, from: number, delimiter: string): number {
  let j = from;
  while (j < text.length) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    if (text[q + 1] === '"') {
      j = q + 2;
      continue;
    }
    const next = text[q + 1];
    if (next === undefined || next === delimiter || next === '\n' || next === '\r') return q;
    return -1;
  }
  return -1;
}

const isBlank = (row: string[]): boolean => row.every((cell) => cell.trim() === '');

function padRows(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) =>
    r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r,
  );
}

/** Decodes file bytes: UTF-8 (with or without BOM), else Windows-1251 (Excel's «CSV» in Russia). */
export function decodeText(bytes: Uint8Array): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1251').decode(body);
  }
}

/** Picks the delimiter of a CSV text from its first lines: ';' (Russian Excel), ',' or tab. */
export function detectDelimiter(text: string): string {
  const head = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10)
    .join('\n');
  let best = ';';
  let bestCount = 0;
  for (const d of [';', ',', '\t']) {
    const rows = parseDelimited(head, d);
    const count = rows.reduce((sum, r) => sum + r.length - 1, 0);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function readCsv(bytes: Uint8Array, fileName: string): RawTable[] {
  // Line feeds counted on the bytes, before decoding: a quoted cell's own line breaks count too,
  // which only errs towards refusing a file already near the cap.
  let lines = 0;
  for (let i = 0; i < bytes.length && lines <= MAX_IMPORT_ROWS; i++) if (bytes[i] === 0x0a) lines++;
  if (lines > MAX_IMPORT_ROWS) throw refuse(t('csvTooBig', fileName, MAX_IMPORT_ROWS));
  const text = decodeText(bytes);
  if (text.trim() === '') throw refuse(t('fileEmpty', fileName));
  const rows = parseDelimited(text, detectDelimiter(text)).filter((r) => !isBlank(r));
  return [{ rows: padRows(rows), source: 'csv', name: fileName }];
}

/** How many lines of plain text between two table lines still belong to the table (section titles). */
const MAX_TEXT_LINES_INSIDE = 2;

/**
 * Text pasted from Word or Excel, or a whole document saved as text. Table lines hold tabs; a
 * line without tabs between table lines is a section row («Уровень образовательной организации»);
 * longer runs of plain text separate two tables. Text before and after the tables is dropped.
 * The default name stays Russian in every locale: it is part of each row's import key.
 */
export function readPastedTable(text: string, name = 'Вставленная таблица'): RawTable[] {
  if (text.trim() === '') throw refuse(t('pasteEmpty'));
  const records = parseDelimited(text.replace(/^\ufeff/, ''), '\t').filter((r) => !isBlank(r));
  const tables: string[][][] = [];
  let current: string[][] = [];
  let pending: string[][] = [];
  for (const record of records) {
    if (record.length > 1) {
      if (current.length > 0 && pending.length <= MAX_TEXT_LINES_INSIDE) current.push(...pending);
      else if (current.length > 0) {
        tables.push(current);
        current = [];
      }
      pending = [];
      current.push(record);
    } else if (current.length > 0) pending.push(record);
  }
  if (current.length > 0) tables.push(current);
  if (tables.length === 0) throw refuse(t('pasteNoTable'));
  return tables.map((rows) => ({ rows: padRows(rows), source: 'paste' as const, name }));
}
