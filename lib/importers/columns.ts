// Columns are recognised by what their header means, not where they stand: «Срок исполнения»,
// «сроки», «Сроки (исполнения)» are one field whatever the column order. Stems absorb word
// forms; a one-letter slip («Отвественный») is tolerated.
import { stems } from '../ru/stem.ts';
import type { ColumnMapping, Field } from './types.ts';

export interface Column {
  index: number;
  header: string;
  field: Field | null;
}

const PHRASES: Record<Exclude<Field, 'ignore'>, string[]> = {
  number: ['номер'],
  title: ['мероприятия', 'содержание', 'наименование', 'тема', 'вид работы'],
  period: ['срок', 'дата', 'период', 'время проведения', 'когда'],
  place: ['место'],
  responsible: ['ответственный', 'исполнитель', 'ФИО', 'координатор'],
  report: ['отчет', 'отметка о выполнении', 'выполнение', 'результат', 'источники', 'итоги'],
  participants: ['участники', 'аудитория', 'охват', 'категория'],
  status: ['статус', 'состояние'],
};

const PHRASE_STEMS: [Exclude<Field, 'ignore'>, string[]][] = Object.entries(PHRASES).flatMap(
  ([field, phrases]) =>
    phrases.map((p): [Exclude<Field, 'ignore'>, string[]] => [
      field as Exclude<Field, 'ignore'>,
      stems(p).filter((s) => s.length > 1),
    ]),
);

const NUMBER_HEADER = /^\s*(№|n|#|no\.?)\s*(п\s*\/\s*п\.?)?\s*$|^\s*п\s*\/\s*п\.?\s*$/i;
export const NUMBER_LIKE = /^\s*(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,5}\.)\s*$/;

function distanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return a.length >= 5 && b.length >= 5 && distanceAtMostOne(a, b);
}

/** Best field for one header text with its score (0 = not recognised). */
export function classifyHeader(header: string): { field: Field | null; score: number } {
  if (NUMBER_HEADER.test(header)) return { field: 'number', score: 2 };
  const own = stems(header).filter((s) => s.length > 1);
  if (own.length === 0) return { field: null, score: 0 };
  let best: { field: Field | null; score: number } = { field: null, score: 0 };
  for (const [field, phrase] of PHRASE_STEMS) {
    if (phrase.length === 0 || !phrase.every((p) => own.some((o) => similar(o, p)))) continue;
    // The first word says what the column is: «Отчет о выполнении мероприятий» is a report.
    const score = 1 + (similar(own[0]!, phrase[0]!) ? 0.5 : 0) + phrase.length * 0.01;
    if (score > best.score) best = { field, score };
  }
  return best;
}

/** Assigns fields to one header row: each field at most once, the best-scoring header wins it. */
export function detectColumns(header: string[]): Column[] {
  const scored = header.map((h, index) => ({ index, header: h, ...classifyHeader(h) }));
  const columns: Column[] = header.map((h, index) => ({ index, header: h, field: null }));
  const order = [...scored].filter((s) => s.field).sort((a, b) => b.score - a.score);
  const taken = new Set<Field>();
  for (const s of order) {
    if (taken.has(s.field!) || columns[s.index]!.field !== null) continue;
    taken.add(s.field!);
    columns[s.index]!.field = s.field;
  }
  return columns;
}

function recognised(columns: Column[]): number {
  return columns.filter((c) => c.field !== null).length;
}

/**
 * Finds the header row among the first rows of a table (titles and empty rows may precede it).
 * A header needs a title column and one more recognised column.
 */
export function findHeader(rows: string[][]): { row: number; columns: Column[] } | null {
  let best: { row: number; columns: Column[] } | null = null;
  for (let r = 0; r < Math.min(rows.length, 8); r++) {
    const columns = detectColumns(rows[r]!);
    const hasTitle = columns.some((c) => c.field === 'title');
    if (!hasTitle || recognised(columns) < 2) continue;
    if (!best || recognised(columns) > recognised(best.columns)) best = { row: r, columns };
  }
  if (!best) return null;
  addNumberColumn(best.columns, rows.slice(best.row + 1));
  return best;
}

/** «№» headers are sometimes empty (seed 002): a blank-headed column holding «1.», «2.» … is the number. */
function addNumberColumn(columns: Column[], body: string[][]): void {
  if (columns.some((c) => c.field === 'number')) return;
  for (const column of columns) {
    if (column.field !== null || column.header.trim() !== '') continue;
    const filled = body.map((r) => (r[column.index] ?? '').trim()).filter((c) => c !== '');
    const numeric = filled.filter((c) => NUMBER_LIKE.test(c)).length;
    if (numeric > 0 && numeric >= filled.length / 2) {
      column.field = 'number';
      return;
    }
  }
}

export function applyMapping(columns: Column[], mapping: ColumnMapping | undefined): Column[] {
  if (!mapping) return columns;
  return columns.map((c) =>
    Object.prototype.hasOwnProperty.call(mapping, c.index)
      ? { ...c, field: mapping[c.index] ?? null }
      : c,
  );
}
