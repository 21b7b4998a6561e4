// Where a monitoring form keeps what: the header row (or two rows, with merged cells over
// sub-headers), and each column's role found by the header's meaning. Authorities name the same
// column «Баллы», «Оценка», «Значение показателя», «Да/Нет», «Отметка о выполнении»; the unit
// column «Ед. изм.»; the notes «Источник», «Подтверждающий документ». When the header names no
// answer column, the body does: list validations and not-applicable marks sit in answer cells.
import type ExcelJS from 'exceljs';

export type Role = 'number' | 'text' | 'score' | 'count' | 'value' | 'note' | 'unit';
/** Roles whose cells receive answers. */
export const ANSWER_ROLES = ['score', 'count', 'value'] as const;
export type AnswerRole = (typeof ANSWER_ROLES)[number];

const HEADER_SCAN_ROWS = 40;

/**
 * Which header words name which column. The order matters: «Количество … показатели» is a count,
 * «Значение показателя» a value, «Наименование показателя» the indicator's text.
 */
const HEADER_WORDS: [Role, RegExp][] = [
  ['number', /^\s*№|п\s*\/\s*п|^\s*(?:номер|код|шифр)(?![а-яё])/i],
  ['unit', /ед\.?\s*изм|единиц[аы]?\s+измерен|^\s*ед\.?\s*$/i],
  [
    'note',
    /примечан|источник|комментар|подтвержд|ссылк|обоснован|пояснени|реквизит|документ|ответствен/i,
  ],
  [
    'score',
    /балл|наличие\s*[-–—(]?\s*1|оценка|да\s*\/\s*нет|отметк|выполнен|\(\s*1\s*\/\s*0\s*\)/i,
  ],
  ['count', /количеств|численност|кол-во/i],
  ['value', /значени|факт|ответ|результат\s*$|^\s*данные/i],
  ['text', /наименован|показател|параметр|критери|содержани|индикатор|вопрос|требовани|позици/i],
];

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined
      ? cellText(value.result as ExcelJS.CellValue)
      : '';
  if ('hyperlink' in value) {
    const t = (value as { text?: unknown }).text;
    return typeof t === 'string' ? t : '';
  }
  return '';
}

export const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

const isSlave = (cell: ExcelJS.Cell): boolean =>
  cell.isMerged && cell.master.address !== cell.address;

export interface FormHeader {
  /** The header's first row. */
  row: number;
  /** Its last row: the same as `row`, or the row of sub-headers under merged cells. */
  lastRow: number;
  cols: Partial<Record<Role, number>>;
  labels: Partial<Record<Role, string>>;
  /** The value column was found by its content (validations, marks), not by a header word. */
  foundByContent?: boolean;
}

/**
 * The role whose word comes first in the label: «Значение (кол-во, %, ссылка, дата)» is a value
 * column that also holds links, not a notes column; on a tie the order of HEADER_WORDS decides.
 */
function roleOf(label: string): Role | null {
  if (!label || label.length > 300) return null;
  let best: { role: Role; at: number } | null = null;
  for (const [role, re] of HEADER_WORDS) {
    const m = re.exec(label);
    if (m && (!best || m.index < best.at)) best = { role, at: m.index };
  }
  return best?.role ?? null;
}

/** «1 2 3 4 5»: the row that numbers the columns under the header. */
function isColumnNumbering(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  return filled.length >= 3 && filled.every((t, i) => t === String(i + 1));
}

function rowTexts(sheet: ExcelJS.Worksheet, r: number, width: number): string[] {
  const row = sheet.getRow(r);
  const out: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    out.push(isSlave(cell) ? '' : clean(cellText(cell.value)));
  }
  return out;
}

/**
 * Roles of one header, from one row or two. With two rows a column's sub-header (the lower row)
 * says more than the merged title above it: «Значение» over «Балл» | «Количество».
 */
function rolesOf(
  sheet: ExcelJS.Worksheet,
  r: number,
  rows: 1 | 2,
  width: number,
): Pick<FormHeader, 'cols' | 'labels'> {
  const cols: Partial<Record<Role, number>> = {};
  const labels: Partial<Record<Role, string>> = {};
  const upper = sheet.getRow(r);
  const lower = rows === 2 ? sheet.getRow(r + 1) : null;
  for (let c = 1; c <= width; c++) {
    const top = upper.getCell(c);
    // A slave of a merged title is read only under a second row, as that title's fallback.
    const topText = isSlave(top)
      ? lower && Number(top.master.row) === r
        ? clean(cellText(top.master.value))
        : ''
      : clean(cellText(top.value));
    const bottom = lower?.getCell(c);
    const bottomText = bottom && !isSlave(bottom) ? clean(cellText(bottom.value)) : '';
    for (const label of [bottomText, topText]) {
      const role = roleOf(label);
      if (!role) continue;
      if (cols[role] === undefined) {
        cols[role] = c;
        labels[role] = label;
      }
      break;
    }
  }
  return { cols, labels };
}

const hasAnswer = (cols: Partial<Record<Role, number>>): boolean =>
  ANSWER_ROLES.some((r) => cols[r] !== undefined);

/** The header: the first row (or pair of rows) naming the indicator's text and an answer column. */
export function findHeader(sheet: ExcelJS.Worksheet): FormHeader | null {
  const width = Math.min(sheet.columnCount, 40);
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const one = rolesOf(sheet, r, 1, width);
    if (one.cols.text === undefined && one.cols.number === undefined) continue;
    const next = rowTexts(sheet, r + 1, width);
    // Sub-headers under this row: words that name roles and no indicator text yet.
    const nextRoles = next
      .filter((t) => t.length <= 40)
      .map(roleOf)
      .filter((x) => x !== null);
    const numberCol = one.cols.number;
    const nextIsBody = numberCol !== undefined && /^\d/.test(next[numberCol - 1] ?? '');
    const twoRows = nextRoles.length > 0 && !nextIsBody && !isColumnNumbering(next);
    const found = twoRows ? rolesOf(sheet, r, 2, width) : one;
    if (found.cols.text === undefined) continue;
    if (hasAnswer(found.cols)) return { row: r, lastRow: twoRows ? r + 1 : r, ...found };
    // The text is named but no answer column: the body may show it (validations, marks).
    const byContent = answerColumnByContent(sheet, r + (twoRows ? 2 : 1), width, found.cols);
    if (byContent !== null)
      return {
        row: r,
        lastRow: twoRows ? r + 1 : r,
        cols: { ...found.cols, value: byContent },
        labels: { ...found.labels, value: columnLetter(byContent) },
        foundByContent: true,
      };
  }
  return null;
}

/** Marks that say «this cell is not to be filled». «х» is Cyrillic, «x» Latin: forms use both. */
export const NA_MARKS = new Set([
  '*',
  'х',
  'x',
  '×',
  '—',
  '–',
  '-',
  'н/п',
  'н/а',
  'n/a',
  'не заполняется',
  'не заполнять',
]);

/** The list a cell's validation offers, or null. */
export function validationList(cell: ExcelJS.Cell): string[] | null {
  const v = cell.dataValidation;
  if (!v || v.type !== 'list' || !v.formulae?.length) return null;
  const f = String(v.formulae[0]);
  if (!f.startsWith('"')) return [];
  return f
    .replace(/^"|"$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A column of the body that holds list validations or not-applicable marks in several rows. */
function answerColumnByContent(
  sheet: ExcelJS.Worksheet,
  from: number,
  width: number,
  taken: Partial<Record<Role, number>>,
): number | null {
  const used = new Set(Object.values(taken));
  let best: { col: number; hits: number } | null = null;
  const last = Math.min(sheet.rowCount, from + 300);
  for (let c = 1; c <= width; c++) {
    if (used.has(c)) continue;
    let hits = 0;
    for (let r = from; r <= last; r++) {
      const cell = sheet.getRow(r).getCell(c);
      if (validationList(cell) !== null) hits++;
      else if (NA_MARKS.has(clean(cellText(cell.value)).toLowerCase())) hits++;
    }
    if (hits >= 2 && (!best || hits > best.hits)) best = { col: c, hits };
  }
  return best?.col ?? null;
}
