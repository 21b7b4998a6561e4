// Where a monitoring form keeps what: the header row (or two rows, with merged cells over
// sub-headers), and each column's role found by the header's meaning. Authorities name the same
// column «Баллы», «Оценка», «Значение показателя», «Да/Нет», «Отметка о выполнении»; the unit
// column «Ед. изм.»; the notes «Источник», «Подтверждающий документ». When the header names no
// answer column, the body does: list validations and not-applicable marks sit in answer cells.
import type ExcelJS from 'exceljs';

export type Role =
  | 'number'
  | 'text'
  | 'score'
  | 'count'
  | 'value'
  | 'note'
  | 'unit'
  | 'other'
  /** A column of section titles merged down over their indicators. */
  | 'section';
/** Roles whose cells receive answers. */
/** The «А | Б | 1 | 2» or «1 | 2 | 3» row that numbers the columns under a header. */
export function isColumnNumbering(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 3) return false;
  if (filled.every((t, i) => t === String(i + 1))) return true;
  // Statistical forms letter the text columns and number the value columns: «А Б 1 2».
  const letters = filled.filter((t) => /^[А-ЯЁ]$/.test(t)).length;
  return letters >= 1 && filled.every((t) => /^(?:[А-ЯЁ]|\d{1,2})$/.test(t));
}

export const ANSWER_ROLES = ['score', 'count', 'value'] as const;
export type AnswerRole = (typeof ANSWER_ROLES)[number];

const HEADER_SCAN_ROWS = 40;

/**
 * Which header words name which column. The order matters: «Количество … показатели» is a count,
 * «Значение показателя» a value, «Наименование показателя» the indicator's text.
 */
const HEADER_WORDS: [Role, RegExp][] = [
  ['number', /^\s*№|п\s*\/\s*п|^\s*(?:номер|код|шифр)(?![а-яё])/i],
  ['section', /^\s*(?:раздел|направлени[ея]|блок)\s*$/i],
  ['unit', /ед\.?\s*изм|единиц[аы]?\s+измерен|^\s*ед\.?\s*$/i],
  // Columns that are not answers though they speak of scores: the maximum, the authority's own
  // assessment beside the school's, the form of submission.
  [
    'other',
    /максимальн|^\s*макс\.|^\s*максимум|оценка\s+(?:муниципалитета|управления|уо(?![а-яё])|эксперт)|заполняется\s+(?:уо|управлением|муниципалитетом)|форма\s+предоставлени|^\s*срок/i,
  ],
  [
    'note',
    /примечан|источник|комментар|подтвержд|ссылк|обоснован|пояснени|реквизит|документ|ответствен/i,
  ],
  [
    'score',
    /самооценк|балл|наличие\s*[-–—(]?\s*1|оценка|да\s*\/\s*нет|отметк|выполнен|\(\s*1\s*\/\s*0\s*\)/i,
  ],
  ['count', /количеств|численност|кол-во/i],
  ['value', /значени|факт|ответ|результат\s*$|^\s*данные|^\s*всего|^\s*единиц/i],
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

/** Covered by a merge whose value sits in another cell. */
export const isSlave = (cell: ExcelJS.Cell): boolean =>
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
  /** A second text column («Критерий» | «Показатель»): the item's words when the first names a group. */
  textAlt?: number;
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
): Pick<FormHeader, 'cols' | 'labels' | 'textAlt'> {
  const cols: Partial<Record<Role, number>> = {};
  const labels: Partial<Record<Role, string>> = {};
  /** Columns under one merged answer title, with the year their sub-header names. */
  const periods: Partial<Record<Role, { c: number; year: number }[]>> = {};
  let textAlt: number | undefined;
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
      if (label === topText && bottomText && ANSWER_ROLES.includes(role as AnswerRole))
        (periods[role] ??= []).push({ c, year: lastYear(bottomText) });
      if (cols[role] === undefined) {
        cols[role] = c;
        labels[role] = label;
      } else if (role === 'text' && textAlt === undefined) textAlt = c;
      break;
    }
  }
  // «Значение показателя» over «за 2019-2020» | «за 2020-2021 учебный год»: the answer goes
  // into the latest period's column; the earlier one is last year's, already filled.
  for (const [role, list] of Object.entries(periods) as [Role, { c: number; year: number }[]][])
    if (list.length > 1 && list.some((x) => x.year > 0)) {
      const latest = list.reduce((a, b) => (b.year > a.year ? b : a));
      cols[role] = latest.c;
    }
  return { cols, labels, ...(textAlt !== undefined ? { textAlt } : {}) };
}

/** The last year a label names («за 2020-2021 учебный год» → 2021), 0 when none. */
function lastYear(label: string): number {
  const years = label.match(/(?:19|20)\d{2}/g);
  return years ? Math.max(...years.map(Number)) : 0;
}

const hasAnswer = (cols: Partial<Record<Role, number>>): boolean =>
  ANSWER_ROLES.some((r) => cols[r] !== undefined);

/** The header: the first row (or pair of rows) naming the indicator's text and an answer column. */
export function findHeader(sheet: ExcelJS.Worksheet): FormHeader | null {
  const width = Math.min(sheet.columnCount, 40);
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  const candidates: (Pick<FormHeader, 'cols' | 'labels' | 'row' | 'lastRow' | 'textAlt'> & {
    filled: number;
  })[] = [];
  for (let r = 1; r <= last; r++) {
    const one = rolesOf(sheet, r, 1, width);
    if (one.cols.text === undefined && one.cols.number === undefined) continue;
    const texts = rowTexts(sheet, r, width);
    const next = rowTexts(sheet, r + 1, width);
    // Sub-headers under this row: words that name roles, or the periods under a merged
    // «Значение», and no indicator text yet.
    const nextRoles = next
      .filter((t) => t.length <= 40)
      .map(roleOf)
      .filter((x) => x !== null);
    const nextPeriods = next.filter((t) => t.length <= 40 && lastYear(t) > 0).length;
    const numberCol = one.cols.number;
    const nextIsBody = numberCol !== undefined && /^\d/.test(next[numberCol - 1] ?? '');
    const twoRows =
      (nextRoles.length > 0 || nextPeriods >= 2) && !nextIsBody && !isColumnNumbering(next);
    const found = twoRows ? rolesOf(sheet, r, 2, width) : one;
    if (found.cols.text === undefined) continue;
    const header = { row: r, lastRow: twoRows ? r + 1 : r, ...found };
    if (hasAnswer(found.cols)) return header;
    candidates.push({ ...header, filled: texts.filter(Boolean).length });
  }
  // No header names an answer column: the body may show it (validations, marks), under a
  // header of several cells (a title merged across the table names nothing).
  for (const h of candidates) {
    if (h.filled < 2) continue;
    const byContent = answerColumnByContent(sheet, h.lastRow + 1, width, h.cols);
    if (byContent !== null)
      return {
        ...h,
        cols: { ...h.cols, value: byContent },
        labels: { ...h.labels, value: columnLetter(byContent) },
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
