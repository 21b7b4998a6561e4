// The authority's own .xlsx form → a Template. Layouts vary from district to district, so
// nothing here assumes a column letter or a row: the header row is found by its words, then
// every row below is read as a section, a numbered indicator, a «- …» sub-item or an aggregate
// («Средний балл по показателю (от 0 до N)»). What is messy in the source (a repeated section,
// two sub-items run together in one row) is reported as proposals the user accepts or not.
import ExcelJS from 'exceljs';
import { sha256Hex } from '../files/hash.ts';
import { ChecklistImportError, refuseChecklist } from './errors.ts';
import { t as msg } from './import-messages.ts';
import { detectProposals, type Proposal } from './proposals.ts';
import type { Indicator, IndicatorKind, Section, Template } from './schema.ts';
import { templateSchema } from './schema.ts';

export interface TemplateImport {
  template: Template;
  proposals: Proposal[];
  /** What looked odd and how it was read, in the interface language. */
  warnings: string[];
}

const MAX_BYTES = 20 * 1024 * 1024;
const HEADER_SCAN_ROWS = 40;

/** Marks that say «this cell is not to be filled». «х» is Cyrillic, «x» Latin: forms use both. */
const NA_MARKS = new Set([
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
]);
const AGGREGATE = /(средн\S*\s+балл|итого|итоговый\s+балл|сумма\s+баллов)/i;
const DECLARED_MAX =
  /(?:от\s*0\s*до\s*(\d+(?:[.,]\d+)?))|(?:\(\s*0\s*[-–—]\s*(\d+)\s*\))|(?:максимум\s*(\d+))/i;
const SUB_ITEM = /^\s*[-–—•]\s*/;
const NUMBER = /^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]?\s*$/;
const NUMBER_PREFIX = /^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(?=\S)/;
const FOOTER = /^\s*(начальник|руководитель|директор|заведующ|исполнитель|подпись|м\.\s?п\.)/i;
const COUNT_LIKE = /^\s*(количеств|численност|число\b|кол-во)/i;

export type Role = 'number' | 'text' | 'score' | 'count' | 'note';

/** Which header words name which column. Order matters: «Количество … показатели» is a count. */
const HEADER_WORDS: [Role, RegExp][] = [
  ['number', /^\s*№|п\s*\/\s*п|^\s*номер\b/i],
  ['score', /балл|наличие\s*[-–—(]?\s*1|оценка/i],
  ['count', /количеств|численност|кол-во|значени/i],
  ['note', /примечан|источник|комментар|подтвержд|ссылк|обоснован/i],
  ['text', /наименован|показател|параметр|критери|содержани|индикатор/i],
];

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellText(value: ExcelJS.CellValue): string {
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

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Grey or hatched fill: the form's way of greying out a cell that is not to be filled. */
export function isNotApplicableFill(fill: ExcelJS.Fill | undefined): boolean {
  if (!fill || fill.type !== 'pattern') return false;
  if (fill.pattern === 'none') return false;
  if (fill.pattern !== 'solid') return true; // lightGray, gray125, trellis, hatching…
  const color = fill.fgColor as
    { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined;
  if (!color) return false;
  if (color.argb) {
    const hex = color.argb.slice(-6);
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
    const spread = Math.max(r, g, b) - Math.min(r, g, b);
    return spread <= 24 && r >= 0x40 && r <= 0xf2;
  }
  if (color.theme !== undefined) {
    const tint = color.tint ?? 0;
    if (color.theme === 0) return tint < -0.04;
    if (color.theme === 1) return tint > 0.25;
    return color.theme === 2;
  }
  if (color.indexed !== undefined) return [22, 23, 55].includes(color.indexed);
  return false;
}

interface HeaderFound {
  row: number;
  cols: Partial<Record<Role, number>>;
  labels: Partial<Record<Role, string>>;
}

function findHeader(sheet: ExcelJS.Worksheet): HeaderFound | null {
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const cols: Partial<Record<Role, number>> = {};
    const labels: Partial<Record<Role, string>> = {};
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const t = clean(cellText(cell.value));
      if (!t || t.length > 300) continue;
      for (const [role, re] of HEADER_WORDS) {
        if (re.test(t)) {
          if (cols[role] === undefined) {
            cols[role] = c;
            labels[role] = t;
          }
          break;
        }
      }
    }
    if (cols.text !== undefined && (cols.score !== undefined || cols.count !== undefined))
      return { row: r, cols, labels };
  }
  return null;
}

/** A header word that no Russian word starts like («нные») means the header was cut or garbled. */
function brokenHeaderWord(label: string): string | null {
  for (const w of label.match(/[А-Яа-яЁё]+/g) ?? [])
    if (/^(нн|ъ|ь|ы)/i.test(w) && w.length > 1) return w;
  return null;
}

interface RowCells {
  r: number;
  number: string;
  text: string;
  score: { address: string; text: string; na: boolean } | null;
  count: { address: string; text: string; na: boolean } | null;
  note: string | undefined;
  /** A merged range starting in this row spans two or more columns. */
  mergedAcross: boolean;
  bold: boolean;
  /** Text found outside the text column (a section title written in column A). */
  otherText: string;
}

function readRow(sheet: ExcelJS.Worksheet, r: number, h: HeaderFound): RowCells {
  const row = sheet.getRow(r);
  const answer = (col: number | undefined) => {
    if (col === undefined) return null;
    const cell = row.getCell(col);
    const isSlave = cell.isMerged && cell.master.address !== cell.address;
    const t = isSlave ? '' : clean(cellText(cell.value));
    const na = NA_MARKS.has(t.toLowerCase()) || isNotApplicableFill(cell.fill);
    return { address: cell.address, text: t, na };
  };
  let mergedAcross = false;
  let otherText = '';
  for (let c = 1; c <= sheet.columnCount; c++) {
    const cell = row.getCell(c);
    if (!cell.isMerged) continue;
    if (cell.master.address === cell.address) continue;
    if (Number(cell.master.row) === r && c !== Number(cell.master.col)) mergedAcross = true;
  }
  const textCell = row.getCell(h.cols.text!);
  const textIsSlave = textCell.isMerged && textCell.master.address !== textCell.address;
  let text = clean(cellText(textIsSlave ? textCell.master.value : textCell.value));
  if (textIsSlave && Number(textCell.master.row) !== r) text = '';
  let bold = Boolean((textIsSlave ? textCell.master : textCell).font?.bold);
  for (let c = 1; c <= sheet.columnCount; c++) {
    if (c === h.cols.text || c === h.cols.number) continue;
    if (c === h.cols.score || c === h.cols.count || c === h.cols.note) continue;
    const t = clean(cellText(row.getCell(c).value));
    if (t && !otherText) otherText = t;
  }
  let number = '';
  if (h.cols.number !== undefined) {
    const cell = row.getCell(h.cols.number);
    const isSlave = cell.isMerged && cell.master.address !== cell.address;
    const t = isSlave ? '' : clean(cellText(cell.value));
    if (NUMBER.test(t)) number = NUMBER.exec(t)![1]!;
    else if (t && !text) {
      text = t; // a section title written in the number column and merged across
      bold = bold || Boolean(cell.font?.bold);
    }
  }
  if (!number) {
    const m = NUMBER_PREFIX.exec(text);
    if (m) {
      number = m[1]!;
      text = text.slice(m[0].length);
    }
  }
  const noteCell = h.cols.note !== undefined ? row.getCell(h.cols.note) : undefined;
  return {
    r,
    number,
    text,
    score: answer(h.cols.score),
    count: answer(h.cols.count),
    note: noteCell?.address,
    mergedAcross,
    bold,
    otherText,
  };
}

function sheetTitle(sheet: ExcelJS.Worksheet, headerRow: number, fallback: string): string {
  let best = '';
  for (let r = 1; r < headerRow; r++) {
    sheet.getRow(r).eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const t = clean(cellText(cell.value));
      if (t.length > best.length && !/^приложение/i.test(t)) best = t;
    });
  }
  return (best || fallback).slice(0, 1000);
}

function isNotChecklist(fileName: string): ChecklistImportError {
  return refuseChecklist(msg('notChecklist', fileName));
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw refuseChecklist(msg('fileEmpty', fileName));
  if (bytes.length > MAX_BYTES) throw refuseChecklist(msg('fileTooLarge', fileName));
  // An encrypted (password-protected) .xlsx is an OLE compound file, not a zip.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw refuseChecklist(msg('fileProtected', fileName));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw refuseChecklist(msg('notXlsx', fileName));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw refuseChecklist(msg('xlsxUnreadable', fileName));
  }
  return workbook;
}

export async function importTemplateXlsx(
  bytes: Uint8Array,
  fileName: string,
): Promise<TemplateImport> {
  const workbook = await loadWorkbook(bytes, fileName);
  let sheet: ExcelJS.Worksheet | undefined;
  let header: HeaderFound | null = null;
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    header = findHeader(ws);
    if (header) {
      sheet = ws;
      break;
    }
  }
  if (!sheet || !header) throw isNotChecklist(fileName);
  const warnings: string[] = [];
  const letter = (role: Role) =>
    header.cols[role] !== undefined ? columnLetter(header.cols[role]) : null;
  for (const role of ['score', 'count', 'note', 'text'] as const) {
    const label = header.labels[role];
    const word = label ? brokenHeaderWord(label) : null;
    if (label && word) warnings.push(msg('brokenHeader', letter(role), label, word, role));
  }
  const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } })
    .sheetProtection;
  if (protection?.sheet) warnings.push(msg('sheetProtected', sheet.name));

  const sections: Section[] = [];
  const indicators: Indicator[] = [];
  let section: Section | null = null;
  let group: Indicator | null = null;
  let lastNumbered: Indicator | null = null;
  let previous: Indicator | null = null;
  const ensureSection = (r: number): Section => {
    if (!section) {
      section = { id: `s${r}`, title: sheet.name, row: null };
      sections.push(section);
      warnings.push(msg('beforeFirstSection', sheet.name));
    }
    return section;
  };

  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = readRow(sheet, r, header);
    const answerText = [row.score, row.count]
      .filter((a) => a && a.text && !a.na)
      .map((a) => a!.text);
    if (!row.text && !row.number) continue;
    if (!row.number && FOOTER.test(row.text)) break;
    // A signature line: a name written where answers go means the table has ended.
    if (
      !row.number &&
      !row.mergedAcross &&
      answerText.some((t) => /[А-Яа-яЁё]{2,}/.test(t) && !/^\d/.test(t))
    )
      break;
    const hasMarks = Boolean(row.score?.na || row.count?.na);
    const cells = rowCells(row);

    if (AGGREGATE.test(row.text) && !row.number) {
      const m = DECLARED_MAX.exec(row.text);
      const max = m ? Number((m[1] ?? m[2] ?? m[3])!.replace(',', '.')) : null;
      const owner: Indicator | null = group ?? lastNumbered;
      const sec = ensureSection(r);
      if (!owner) warnings.push(msg('aggregateWithoutGroup', r, row.text));
      if (max === null) warnings.push(msg('aggregateWithoutMax', r, row.text));
      const agg: Indicator = {
        id: `r${r}`,
        number: '',
        text: row.text,
        kind: 'aggregate',
        section: sec.id,
        parent: owner?.id ?? null,
        max,
        cells: aggregateCells(row),
        notApplicable: cells.notApplicable,
        aggregate: { perSubject: 'sum', acrossSubjects: 'mean', digits: 2 },
        row: r,
      };
      if (owner && owner.kind !== 'group') toGroup(owner);
      if (owner && max !== null) owner.max = max;
      indicators.push(agg);
      group = null;
      lastNumbered = null;
      previous = agg;
      continue;
    }
    if (SUB_ITEM.test(row.text) && !row.number) {
      const sec = ensureSection(r);
      const owner: Indicator | null = group ?? lastNumbered;
      if (owner && owner.kind !== 'group') toGroup(owner);
      if (!owner) warnings.push(msg('subItemWithoutIndicator', r, row.text.slice(0, 60)));
      const ind: Indicator = {
        id: `r${r}`,
        number: '',
        text: row.text.replace(SUB_ITEM, '').replace(/\s*;\s*$/, ''),
        kind: cells.kind,
        section: sec.id,
        parent: owner?.id ?? null,
        max: cells.kind === 'presence' ? 1 : null,
        cells: cells.cells,
        notApplicable: cells.notApplicable,
        row: r,
      };
      if (owner) group = owner;
      indicators.push(ind);
      previous = ind;
      continue;
    }
    if (row.number) {
      const sec = ensureSection(r);
      const ind: Indicator = {
        id: `r${r}`,
        number: row.number,
        text: row.text || row.otherText || `Показатель ${row.number}`,
        kind: cells.kind,
        section: sec.id,
        parent: null,
        max: cells.kind === 'presence' ? 1 : null,
        cells: cells.cells,
        notApplicable: cells.notApplicable,
        row: r,
      };
      if (!cells.open) warnings.push(msg('allNotApplicable', r, row.number));
      indicators.push(ind);
      lastNumbered = ind;
      group = null;
      previous = ind;
      continue;
    }
    // Unnumbered text: a continuation of the previous line, an unnumbered indicator, or a section.
    if (previous && /^[а-яё]/.test(row.text) && !hasMarks && !row.mergedAcross) {
      previous.text = `${previous.text} ${row.text}`;
      warnings.push(msg('continuation', r, row.text.slice(0, 40), previous.row));
      continue;
    }
    if (hasMarks && !row.mergedAcross) {
      const sec = ensureSection(r);
      const ind: Indicator = {
        id: `r${r}`,
        number: '',
        text: row.text,
        kind: cells.kind,
        section: sec.id,
        parent: null,
        max: cells.kind === 'presence' ? 1 : null,
        cells: cells.cells,
        notApplicable: cells.notApplicable,
        row: r,
      };
      indicators.push(ind);
      lastNumbered = ind;
      group = null;
      previous = ind;
      continue;
    }
    if (!row.mergedAcross && !row.bold)
      warnings.push(msg('takenAsSection', r, row.text.slice(0, 60)));
    section = { id: `s${r}`, title: row.text, row: r };
    sections.push(section);
    group = null;
    lastNumbered = null;
    previous = null;
  }
  if (indicators.length === 0) throw isNotChecklist(fileName);

  for (const g of indicators.filter((i) => i.kind === 'group')) {
    if (!indicators.some((i) => i.parent === g.id && i.kind === 'aggregate'))
      warnings.push(msg('groupWithoutAverage', groupName(g), g.row));
  }
  const hash = await sha256Hex(bytes);
  const template = templateSchema.parse({
    id: `tpl-${hash.slice(0, 16)}`,
    title: sheetTitle(sheet, header.row, fileName.replace(/\.xlsx$/i, '')),
    source: {
      fileName: fileName.slice(0, 300) || 'форма.xlsx',
      sheetName: sheet.name,
      workbookHash: hash,
    },
    columns: {
      number: letter('number'),
      text: letter('text')!,
      score: letter('score'),
      count: letter('count'),
      note: letter('note'),
    },
    headerRow: header.row,
    sections,
    indicators,
  });
  const proposals = detectProposals(template);
  warnings.push(...groupSizeWarnings(template, proposals));
  return { template, proposals, warnings };
}

/** How a warning names a group: its number and the start of its text. */
const groupName = (g: Indicator): string => `${g.number}. ${g.text.slice(0, 60)}`;

function toGroup(ind: Indicator): void {
  ind.kind = 'group';
  ind.cells = {};
  ind.max = null;
}

function rowCells(row: RowCells): {
  kind: IndicatorKind;
  cells: Indicator['cells'];
  notApplicable: string[];
  open: boolean;
} {
  const notApplicable = [row.score, row.count].filter((a) => a?.na).map((a) => a!.address);
  const scoreOpen = row.score !== null && !row.score.na;
  const countOpen = row.count !== null && !row.count.na;
  const note = row.note ? { note: row.note } : {};
  const countKind: IndicatorKind = COUNT_LIKE.test(row.text) ? 'count' : 'number';
  if (countOpen && (!scoreOpen || COUNT_LIKE.test(row.text)))
    return {
      kind: countKind,
      cells: { value: row.count!.address, ...note },
      notApplicable,
      open: true,
    };
  if (scoreOpen)
    return {
      kind: 'presence',
      cells: {
        value: row.score!.address,
        ...(countOpen ? { count: row.count!.address } : {}),
        ...note,
      },
      notApplicable,
      open: true,
    };
  return { kind: 'presence', cells: { ...note }, notApplicable, open: false };
}

function aggregateCells(row: RowCells): Indicator['cells'] {
  if (row.score && !row.score.na) return { value: row.score.address };
  if (row.count && !row.count.na) return { value: row.count.address };
  return {};
}

/** A group whose rows do not add up to its declared maximum, where no proposal explains why. */
function groupSizeWarnings(t: Template, proposals: Proposal[]): string[] {
  const out: string[] = [];
  for (const g of t.indicators) {
    if (g.kind !== 'group' || g.max === null) continue;
    const items = t.indicators.filter((i) => i.parent === g.id && i.kind !== 'aggregate');
    const splits = proposals.filter(
      (p) => p.kind === 'split-run-together' && items.some((i) => i.id === p.indicatorId),
    );
    const after = items.length + splits.reduce((n, p) => n + (p.parts?.length ?? 1) - 1, 0);
    if (after !== g.max) out.push(msg('groupSize', groupName(g), g.row, after, g.max));
  }
  return out;
}

export { ChecklistImportError };
