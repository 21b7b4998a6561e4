// The authority's own .xlsx form → a Template. Layouts vary from district to district and from
// year to year, so nothing here assumes a column letter, a row or a numbering: the header (one
// row or two) is found by its words (form-layout.ts), the form's sheet is the one that reads as
// the most indicators, and every row below is read by what it holds. A row with an answer cell
// is an indicator (its kind from wording, header, unit and validation: indicator-kind.ts); a row
// with none is a section or a group heading; «- …» rows are a group's sub-items and «Средний
// балл по показателю (от 0 до N)» its aggregate. What is messy in the source (a repeated
// section, two sub-items run together in one row) is reported as proposals the user accepts or
// not; every decision is listed so the preview can show it and the user correct it.
import ExcelJS from 'exceljs';
import { sha256Hex } from '../files/hash.ts';
import { ChecklistImportError, refuseChecklist } from './errors.ts';
import {
  cellText,
  clean,
  columnLetter,
  findHeader,
  isColumnNumbering,
  isSlave,
  NA_MARKS,
  validationList,
  type AnswerRole,
  type FormHeader,
  type Role,
} from './form-layout.ts';
import { COUNT_WORDING, indicatorKind, yesNoChoices } from './indicator-kind.ts';
import { t as msg } from './import-messages.ts';
import { detectProposals, type Proposal } from './proposals.ts';
import type { Indicator, IndicatorKind, Section, Template } from './schema.ts';
import { templateSchema } from './schema.ts';

export { columnLetter, type Role };

export interface TemplateImport {
  template: Template;
  proposals: Proposal[];
  /** What looked odd and how it was read, in the interface language. */
  warnings: string[];
}

const MAX_BYTES = 20 * 1024 * 1024;

const AGGREGATE =
  /(средн\S*\s+(?:балл|значени)\S*\s+по\s+(?:показател|критери|групп|разделу)|средн\S*\s+балл\s*\(|^\s*итого|итоговый\s+балл|сумма\s+баллов|^\s*средн\S*\s+балл\S*\s*$)/i;
/** An aggregate of a whole section («Итого по разделу 2», «Сумма баллов по разделу»). */
const SECTION_TOTAL = /по\s+(?:разделу|направлению|блоку)/i;
const WHOLE_FORM = /выполнено\s+показателей|всего\s+по\s+форме|по\s+всем\s+разделам|^\s*всего\b/i;
/** «по показателям 3.1–3.3»: an aggregate over a range of codes. */
const CODE_RANGE = /(\d{1,3}(?:\.\d{1,3})*)\s*[-–—]\s*(\d{1,3}(?:\.\d{1,3})*)/;
/** «в том числе …», «из них …»: a breakdown of the indicator above, not a group's item. */
const BREAKDOWN = /^\s*(?:в\s+том\s+числе|в\s+т\.\s?ч\.|из\s+них)/i;
const DECLARED_MAX =
  /(?:от\s*0\s*до\s*(\d+(?:[.,]\d+)?))|(?:\(\s*0\s*[-–—]\s*(\d+)\s*\))|(?:максимум\s*(\d+))/i;
const SUB_ITEM = /^\s*[-–—•]\s*/;
/**
 * A code as forms write it, alone in its cell: «1», «1.», «1.2», «2.2.1», «А.1», «А1», «I.»,
 * «1)», «а)».
 */
const CODE =
  /^\s*(\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[А-ЯЁA-Z](?:\.?\d{1,3})(?:\.\d{1,3})*|[А-ЯЁA-Zа-яё])[.)]?\s*$/;
/** The same, opening the indicator's text: it must end with «.» or «)» or hold a dot inside. */
const CODE_PREFIX =
  /^\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)])|[IVXLC]{1,6}(?=[.)])|[А-ЯЁ]\.\d{1,3}(?:\.\d{1,3})*|[А-ЯЁа-яё](?=\)))[.)]?\s+(?=\S)/;
const SECTION_WORDING = /^\s*(раздел|блок|направление)\s+([0-9IVXLC]+|[А-ЯЁ])(?![а-яё])/i;
const FOOTER =
  /^\s*(начальник|руководитель|директор|заведующ|исполнитель|подпись|м\.\s?п\.|ответственн\S*\s+за\s+заполнение|дата\s+заполнения\s*[:_])/i;

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

/** A header word that no Russian word starts like («нные») means the header was cut or garbled. */
function brokenHeaderWord(label: string): string | null {
  for (const w of label.match(/[А-Яа-яЁё]+/g) ?? [])
    if (/^(нн|ъ|ь|ы)/i.test(w) && w.length > 1) return w;
  return null;
}

interface AnswerCell {
  role: AnswerRole;
  address: string;
  text: string;
  na: boolean;
  /** The cell's list validation, if any. */
  list: string[] | null;
}

interface RowCells {
  r: number;
  code: string;
  text: string;
  answers: AnswerCell[];
  unit: string;
  note: string | undefined;
  /** A merged range starting in this row spans two or more columns. */
  mergedAcross: boolean;
  bold: boolean;
  /** Text found outside the text column (a section title written in column A). */
  otherText: string;
  /** Every filled cell is a column number: the «1 2 3 4» row under a header. */
  numbering: boolean;
  /** «а)», «1)»: a code that numbers sub-items under an indicator. */
  subCode: boolean;
  /** A section title starting here in the sections column (merged down over its rows). */
  sectionTitle: string;
  /**
   * A group's name starting here in the first of two text columns, merged down over its items
   * («Качество кадрового состава» beside «наличие у наставника стажа…»), and whether this row
   * sits under one started above.
   */
  groupTitle: string;
  inGroup: boolean;
  /** The row repeats the header (a form that restates it in every section). */
  repeatsHeader: boolean;
}

function readRow(sheet: ExcelJS.Worksheet, r: number, h: FormHeader): RowCells {
  const row = sheet.getRow(r);
  const answers: AnswerCell[] = [];
  let mergedAcross = false;
  for (let c = 1; c <= sheet.columnCount; c++) {
    const cell = row.getCell(c);
    if (!isSlave(cell)) continue;
    if (Number(cell.master.row) === r && c !== Number(cell.master.col)) mergedAcross = true;
  }
  for (const role of ['score', 'count', 'value'] as const) {
    const col = h.cols[role];
    if (col === undefined) continue;
    const cell = row.getCell(col);
    // Covered by a merge from another column (a section title across the table): no answer here.
    if (isSlave(cell) && Number(cell.master.row) === r) continue;
    const t = isSlave(cell) ? '' : clean(cellText(cell.value));
    const na = NA_MARKS.has(t.toLowerCase()) || isNotApplicableFill(cell.fill);
    answers.push({ role, address: cell.address, text: t, na, list: validationList(cell) });
  }
  const textCell = row.getCell(h.cols.text!);
  const textIsSlave = isSlave(textCell);
  let text = clean(cellText(textIsSlave ? textCell.master.value : textCell.value));
  if (textIsSlave && Number(textCell.master.row) !== r) text = '';
  // Two text columns: a group's name merged down the first, the item's own words in the second.
  let groupTitle = '';
  let inGroup = false;
  const alt = h.textAlt !== undefined ? row.getCell(h.textAlt) : null;
  const altText = alt && !isSlave(alt) ? clean(cellText(alt.value)) : '';
  if (altText) {
    const down = textCell.isMerged && Number(textCell.master.col) === h.cols.text;
    if (down && !textIsSlave) groupTitle = text;
    if (down || !text) {
      inGroup = down && textIsSlave;
      text = altText;
    }
  }
  let bold = Boolean((textIsSlave ? textCell.master : textCell).font?.bold);
  const roleCols = new Set(Object.values(h.cols));
  let otherText = '';
  const filled: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const cell = row.getCell(c);
    const t = isSlave(cell) ? '' : clean(cellText(cell.value));
    if (t) filled.push(t);
    if (roleCols.has(c)) continue;
    if (t && !otherText) otherText = t;
  }
  let code = '';
  let subCode = false;
  if (h.cols.number !== undefined) {
    const cell = row.getCell(h.cols.number);
    const t = isSlave(cell) ? '' : clean(cellText(cell.value));
    const m = CODE.exec(t);
    if (m) {
      code = m[1]!;
      subCode = /\)\s*$/.test(t) || /^[а-яё]$/.test(code);
    } else if (t && !text) {
      text = t; // a section title written in the number column and merged across
      bold = bold || Boolean(cell.font?.bold);
    } else if (t && textIsSlave && Number(textCell.master.row) === r) {
      text = clean(cellText(textCell.master.value));
    }
  }
  if (!code) {
    const m = CODE_PREFIX.exec(text);
    if (m) {
      code = m[1]!;
      subCode = /\)\s*$/.test(m[0]) || /^[а-яё]$/.test(code);
      text = text.slice(m[0].length);
    }
  }
  const sectionCell = h.cols.section !== undefined ? row.getCell(h.cols.section) : null;
  const sectionTitle =
    sectionCell && !isSlave(sectionCell) ? clean(cellText(sectionCell.value)) : '';
  const labels = new Set(Object.values(h.labels).map((l) => l.toLowerCase()));
  const repeatsHeader = filled.filter((t) => labels.has(t.toLowerCase())).length >= 2;
  const unitCol = h.cols.unit;
  const noteCell = h.cols.note !== undefined ? row.getCell(h.cols.note) : undefined;
  return {
    r,
    code,
    text,
    answers,
    unit: unitCol !== undefined ? clean(cellText(row.getCell(unitCol).value)) : '',
    note: noteCell?.address,
    mergedAcross,
    bold,
    otherText,
    numbering:
      (filled.length >= 2 && filled.every((t, i) => t === String(i + 1))) ||
      isColumnNumbering(filled),
    subCode,
    sectionTitle,
    groupTitle,
    inGroup,
    repeatsHeader,
  };
}

function sheetTitle(sheet: ExcelJS.Worksheet, headerRow: number, fallback: string): string {
  let best = '';
  for (let r = 1; r < headerRow; r++) {
    sheet.getRow(r).eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const t = clean(cellText(cell.value));
      if (t.length > best.length && !/^(приложение|утвержд)/i.test(t)) best = t;
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

interface FormRead {
  sheet: ExcelJS.Worksheet;
  header: FormHeader;
  sections: Section[];
  indicators: Indicator[];
  warnings: string[];
}

export async function importTemplateXlsx(
  bytes: Uint8Array,
  fileName: string,
): Promise<TemplateImport> {
  const workbook = await loadWorkbook(bytes, fileName);
  // Every visible sheet with a header is read; the form is the one with the most indicators
  // (an instruction sheet, a list of schools or a hidden reference sheet reads as none).
  let best: FormRead | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const header = findHeader(sheet);
    if (!header) continue;
    const read = readForm(sheet, header);
    if (!best || answerableCount(read) > answerableCount(best)) best = read;
  }
  if (!best || best.indicators.length === 0) throw isNotChecklist(fileName);
  const { sheet, header, sections, indicators } = best;
  const warnings: string[] = [];
  const letter = (role: Role) =>
    header.cols[role] !== undefined ? columnLetter(header.cols[role]) : null;
  for (const role of ['score', 'count', 'value', 'note', 'text'] as const) {
    const label = header.labels[role];
    const word = label && !header.foundByContent ? brokenHeaderWord(label) : null;
    if (label && word) warnings.push(msg('brokenHeader', letter(role), label, word, role));
  }
  if (header.foundByContent) warnings.push(msg('answerColumnByContent', letter('value')));
  const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } })
    .sheetProtection;
  if (protection?.sheet) warnings.push(msg('sheetProtected', sheet.name));
  warnings.push(...best.warnings);

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
      ...(header.cols.value !== undefined ? { value: letter('value') } : {}),
      ...(header.cols.unit !== undefined ? { unit: letter('unit') } : {}),
    },
    headerRow: header.row,
    sections,
    indicators,
  });
  const proposals = detectProposals(template);
  warnings.push(...groupSizeWarnings(template, proposals));
  return { template, proposals, warnings };
}

const answerableCount = (read: FormRead): number =>
  read.indicators.filter((i) => i.kind !== 'group').length;

/** «1» heads «1.1», «А» heads «А.1», «II» heads «II.1». */
const heads = (code: string, next: string): boolean =>
  next.length > code.length && next.startsWith(code) && /^[.]?\d/.test(next.slice(code.length));

function readForm(sheet: ExcelJS.Worksheet, header: FormHeader): FormRead {
  const warnings: string[] = [];
  const rows: RowCells[] = [];
  for (let r = header.lastRow + 1; r <= sheet.rowCount; r++) {
    const row = readRow(sheet, r, header);
    if (row.numbering || row.repeatsHeader) continue;
    if (!row.text && !row.code) continue;
    if (!row.code && FOOTER.test(row.text)) break;
    // A signature line: a name written where answers go means the table has ended.
    const answerText = row.answers.filter((a) => a.text && !a.na).map((a) => a.text);
    if (
      !row.code &&
      !row.mergedAcross &&
      answerText.some((t) => /[А-Яа-яЁё]{2,}/.test(t) && !/^\d/.test(t) && !/^(да|нет)$/i.test(t))
    )
      break;
    rows.push(row);
  }

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
  /** How deep the code of the current section's heading is; null for an uncoded title. */
  let sectionDepth: number | null = null;
  /** Indicators numbered «1)», «а)»: they own no sub-items of that style. */
  const subCoded = new Set<Indicator>();
  const newSection = (row: RowCells, title: string) => {
    // «I.», «А.» sit above arabic codes; «1.» above «1.1».
    sectionDepth =
      row.code && !row.subCode
        ? /^(?:[IVXLC]{1,6}|[А-ЯЁ])$/.test(row.code)
          ? 0
          : row.code.split('.').length
        : null;
    section = { id: `s${row.r}`, title, row: row.r };
    sections.push(section);
    group = null;
    lastNumbered = null;
    previous = null;
  };
  const indicator = (row: RowCells, parent: Indicator | null): Indicator => {
    const cells = rowCells(row);
    return {
      id: `r${row.r}`,
      number: row.code,
      text: (row.text || row.otherText || `Показатель ${row.code}`).replace(/\s*;\s*$/, ''),
      kind: cells.kind,
      section: ensureSection(row.r).id,
      parent: parent?.id ?? null,
      max: cells.kind === 'presence' ? 1 : null,
      cells: cells.cells,
      notApplicable: cells.notApplicable,
      row: row.r,
    };
  };
  /** The row heads a group: its items and aggregate follow. */
  const openGroup = (row: RowCells): void => {
    const g = indicator(row, null);
    toGroup(g);
    indicators.push(g);
    group = g;
    lastNumbered = g;
    previous = g;
  };
  /** The next coded row, for «does this code head the ones below?». */
  const nextCode = (i: number): string => {
    for (let k = i + 1; k < rows.length; k++) if (rows[k]!.code) return rows[k]!.code;
    return '';
  };

  /** The group named in the first text column, while its merge runs down. */
  let columnGroup: Indicator | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.sectionTitle) newSection(row, row.sectionTitle);
    if (row.groupTitle) {
      const g: Indicator = {
        id: `g${row.r}`,
        number: '',
        text: row.groupTitle,
        kind: 'group',
        section: ensureSection(row.r).id,
        parent: null,
        max: null,
        cells: {},
        notApplicable: [],
        row: row.r,
      };
      indicators.push(g);
      columnGroup = g;
    } else if (!row.inGroup) columnGroup = null;
    if (columnGroup) {
      // Every row beside the merged name is one of its items (or its aggregate).
      group = columnGroup;
      lastNumbered = columnGroup;
    }
    const open = row.answers.filter((a) => !a.na);
    const hasMarks = row.answers.some((a) => a.na);
    const validated = open.some((a) => a.list !== null);

    if (SECTION_WORDING.test(row.text) && !validated) {
      newSection(row, row.code ? `${row.code}. ${row.text}` : row.text);
      continue;
    }
    if (AGGREGATE.test(row.text) && (!row.code || CODE_RANGE.test(row.text))) {
      const m = DECLARED_MAX.exec(row.text);
      let max = m ? Number((m[1] ?? m[2] ?? m[3])!.replace(',', '.')) : null;
      const over = aggregateScope(row, indicators, section, group !== null);
      const owner: Indicator | null = over ? null : (group ?? lastNumbered);
      if (over && max === null && over.length > 0 && over.every((i) => i.kind === 'presence'))
        max = over.length;
      const sec = ensureSection(row.r);
      if (!owner && !over) warnings.push(msg('aggregateWithoutGroup', row.r, row.text));
      if (max === null) warnings.push(msg('aggregateWithoutMax', row.r, row.text));
      const value = open[0];
      const agg: Indicator = {
        id: `r${row.r}`,
        number: '',
        text: row.text,
        kind: 'aggregate',
        section: sec.id,
        parent: owner?.id ?? null,
        max,
        cells: value ? { value: value.address } : {},
        notApplicable: row.answers.filter((a) => a.na).map((a) => a.address),
        aggregate: {
          perSubject: 'sum',
          acrossSubjects: 'mean',
          digits: 2,
          ...(over ? { over: over.map((i) => i.id) } : {}),
        },
        row: row.r,
      };
      if (owner && owner.kind !== 'group') toGroup(owner);
      if (owner && max !== null) owner.max = max;
      indicators.push(agg);
      group = null;
      lastNumbered = null;
      previous = agg;
      continue;
    }
    const subOwner: Indicator | null = group ?? lastNumbered;
    if (BREAKDOWN.test(row.text) && subOwner && subOwner.kind !== 'group' && subOwner.cells.value) {
      // «в том числе по программам …» under «Количество педагогов …»: the same kind of
      // answer in the same column, an indicator of its own.
      const ind = indicator(row, null);
      const column = subOwner.cells.value.replace(/\d+$/, '');
      const cell = `${column}${row.r}`;
      if (!ind.notApplicable.includes(cell)) {
        ind.kind = subOwner.kind;
        ind.max = subOwner.max;
        ind.cells = { ...ind.cells, value: cell };
        delete ind.cells.count;
      }
      indicators.push(ind);
      previous = ind;
      continue;
    }
    const lettered = row.subCode && subOwner !== null && !subCoded.has(subOwner);
    if ((SUB_ITEM.test(row.text) && !row.code) || lettered) {
      const owner: Indicator | null = subOwner;
      if (owner && owner.kind !== 'group') toGroup(owner);
      if (!owner) warnings.push(msg('subItemWithoutIndicator', row.r, row.text.slice(0, 60)));
      const ind = indicator({ ...row, text: row.text.replace(SUB_ITEM, '') }, owner);
      if (owner) group = owner;
      indicators.push(ind);
      previous = ind;
      continue;
    }
    if (row.code) {
      // A code that heads the codes below it («2» over «2.1», «А» over «А.1») is a heading,
      // unless the row itself takes an answer (a validation, a value already written).
      const headsNext = heads(row.code, nextCode(i));
      const takesAnswer = validated || open.some((a) => a.text !== '');
      if (headsNext && !takesAnswer && !row.mergedAcross && closedByAggregate(rows, i)) {
        // «2. Доступность помощи» over «2.1 …», «2.2 …» and «Средний балл (от 0 до 2)»: a group.
        openGroup(row);
        continue;
      }
      // «I.», «II.», «А.» over arabic codes: a section, numbered the way sections are.
      const sectionCode = /^(?:[IVXLC]{1,6}|[А-ЯЁ])$/.test(row.code) && !row.subCode;
      if (sectionCode && !takesAnswer && !/^(?:[IVXLC]{1,6}|[А-ЯЁ])$/.test(nextCode(i))) {
        newSection(row, row.text || row.otherText || row.code);
        continue;
      }
      const depth = row.code.split('.').length;
      const underSection = section !== null && (sectionDepth === null || depth > sectionDepth);
      if (headsNext && !takesAnswer && !row.mergedAcross && underSection) {
        // «2. Кадровый состав» over «2.1», «2.2» inside a titled section: a group heading.
        openGroup(row);
        continue;
      }
      if ((headsNext && !takesAnswer) || (row.mergedAcross && open.length === 0)) {
        newSection(row, row.text || row.otherText || row.code);
        continue;
      }
      const owner =
        columnGroup ??
        (group !== null && group.number && heads(group.number, row.code) ? group : null);
      const ind = indicator(row, owner);
      if (row.subCode) subCoded.add(ind);
      if (owner) {
        indicators.push(ind);
        previous = ind;
        continue;
      }
      if (open.length === 0) warnings.push(msg('allNotApplicable', row.r, row.code));
      indicators.push(ind);
      lastNumbered = ind;
      group = null;
      previous = ind;
      continue;
    }
    // Unnumbered text: a continuation of the previous line, an unnumbered indicator, or a section.
    if (
      previous &&
      /^[а-яё]/.test(row.text) &&
      !hasMarks &&
      !validated &&
      !row.mergedAcross &&
      !open.some((a) => a.text !== '')
    ) {
      previous.text = `${previous.text} ${row.text}`;
      warnings.push(msg('continuation', row.r, row.text.slice(0, 40), previous.row));
      continue;
    }
    if ((hasMarks || validated) && !row.mergedAcross && open.length > 0) {
      const ind = indicator(row, null);
      indicators.push(ind);
      lastNumbered = ind;
      group = null;
      previous = ind;
      continue;
    }
    const next = rows[i + 1];
    if (next && !next.code && SUB_ITEM.test(next.text) && !row.mergedAcross && section !== null) {
      // «Качество кадрового состава» with «- …» rows under it: an unnumbered group heading.
      openGroup(row);
      continue;
    }
    if (!row.mergedAcross && !row.bold)
      warnings.push(msg('takenAsSection', row.r, row.text.slice(0, 60)));
    newSection(row, row.text);
  }
  return { sheet, header, sections, indicators, warnings };
}

/**
 * What an aggregate that is not a group's adds up: a range of codes («по показателям 3.1–3.3»)
 * or the whole section («Итого по разделу 2»). Null for a group's aggregate.
 */
function aggregateScope(
  row: RowCells,
  indicators: Indicator[],
  section: Section | null,
  inGroup: boolean,
): Indicator[] | null {
  const answerable = (i: Indicator) => i.kind !== 'group' && i.kind !== 'aggregate';
  // A total of scores adds the scores (1/0), not the counts that sit among them.
  const scores = (list: Indicator[]) => {
    const all = list.filter(answerable);
    const presence = all.filter((i) => i.kind === 'presence');
    return presence.length > 0 ? presence : all;
  };
  // «Итого выполнено показателей», «Всего по форме»: the whole form.
  if (WHOLE_FORM.test(row.text)) return scores(indicators);
  const inSection = indicators.filter((i) => section !== null && i.section === section.id);
  const range = CODE_RANGE.exec(row.text);
  if (range) {
    const from = inSection.findIndex((i) => i.number === range[1]);
    const to = inSection.findIndex((i) => i.number === range[2]);
    if (from >= 0 && to >= from) return inSection.slice(from, to + 1).filter(answerable);
  }
  // Not closing a group (no «- …» items above it): the section's answers.
  if (SECTION_TOTAL.test(row.text) || row.code || !inGroup) return scores(inSection);
  return null;
}

/** The rows under a coded heading end with an aggregate row: the heading is a group's. */
function closedByAggregate(rows: RowCells[], i: number): boolean {
  const code = rows[i]!.code;
  const child = new RegExp(`^${code.replace(/\./g, '\\.')}\\.?\\d{1,3}$`);
  for (let k = i + 1; k < rows.length; k++) {
    const r = rows[k]!;
    // Only direct children that head nothing themselves: an aggregate after «2.2.1», «2.2.2»
    // closes «2.2», not «2».
    if (r.code && child.test(r.code) && !heads(r.code, rows[k + 1]?.code ?? '')) continue;
    return !r.code && AGGREGATE.test(r.text);
  }
  return false;
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
} {
  const notApplicable = row.answers.filter((a) => a.na).map((a) => a.address);
  const open = row.answers.filter((a) => !a.na);
  const note = row.note ? { note: row.note } : {};
  const of = (role: AnswerRole) => open.find((a) => a.role === role);
  const counted = COUNT_WORDING.test(row.text);
  // A count goes to the count column; anything else to the score or value column first.
  const chosen =
    (counted ? of('count') : undefined) ?? of('score') ?? of('value') ?? of('count') ?? null;
  if (!chosen) return { kind: 'presence', cells: { ...note }, notApplicable };
  const { kind } = indicatorKind({
    text: row.text,
    column: chosen.role,
    unit: row.unit,
    list: chosen.list,
  });
  const second = chosen.role === 'score' ? of('count') : undefined;
  const choices = kind === 'presence' ? yesNoChoices(chosen.list) : null;
  return {
    kind,
    cells: {
      value: chosen.address,
      ...(choices && !(choices.yes === '1' && choices.no === '0') ? { choices } : {}),
      ...(second && kind === 'presence' ? { count: second.address } : {}),
      ...note,
    },
    notApplicable,
  };
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
