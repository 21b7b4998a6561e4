// Every text that leaves Svodka for a spreadsheet passes through `safeCellValue`: one place that
// neutralises formula injection (CWE-1236). exceljs writes a string such as '=HYPERLINK(…)' as a
// plain string cell, but a user who re-edits the cell, or copies the sheet to CSV, turns it into a
// live formula. Following the OWASP "CSV Injection" guidance we prefix such text with a visible
// apostrophe ('), the character Excel itself uses to mean "this is text": the value survives any
// later CSV round-trip or re-typing as inert text. (An invisible quotePrefix style would be lost
// the moment the value is copied elsewhere, and exceljs cannot write it anyway.)
import type ExcelJS from 'exceljs';

/** First characters that spreadsheet programs read as the start of a formula or a DDE call. */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export type SafeCellValue = string | number | boolean | Date | null;

/** True when text would be taken for a formula by Excel, LibreOffice or a CSV reader. */
export function isDangerousText(text: string): boolean {
  return text.length > 0 && DANGEROUS_FIRST.has(text[0]!);
}

/**
 * Text made inert: «'=HYPERLINK(…)». Harmless text is returned unchanged. A list item written
 * with a hyphen («- наличие у наставника…», as the authority's forms do) gets an en dash
 * instead of an apostrophe: equally inert, and it reads the same in a report.
 */
export function neutraliseText(text: string): string {
  // A lone «+» or «-» is a mark (a «+/–» list's answer), not the start of a formula.
  if (text === '+' || text === '-') return text;
  if (/^-[ \u00a0]/.test(text)) return `–${text.slice(1)}`;
  return isDangerousText(text) ? `'${text}` : text;
}

/**
 * The value to put in a cell. Numbers stay numbers (−5 is a number, «-5» typed as text is
 * neutralised like any other text that starts with a minus); booleans and valid dates stay as
 * they are; anything else becomes inert text or an empty cell.
 */
export function safeCellValue(v: unknown): SafeCellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  // An empty text is an empty cell: Excel shows no difference, and «пустая» checks then work.
  if (typeof v === 'string') return v === '' ? null : neutraliseText(v);
  if (typeof v === 'bigint') return neutraliseText(v.toString());
  if (Array.isArray(v)) return neutraliseText(v.map((x) => String(x)).join(', '));
  // Objects (formula objects, rich text …) are never passed through: a caller that needs a
  // formula writes it deliberately with `setFormula`.
  return null;
}

/** Writes a value through `safeCellValue`; the cell keeps its style. */
export function setCell(cell: ExcelJS.Cell, value: unknown): void {
  cell.value = safeCellValue(value);
}

/**
 * Writes a formula that Svodka composed itself (never user text), with its computed result cached
 * so viewers that do not recalculate still show the number.
 */
export function setFormula(cell: ExcelJS.Cell, formula: string, result: number | null): void {
  cell.value = result === null ? { formula } : { formula, result };
}
