// Write-back of a filled monitoring form into the very workbook the authority sent (the bytes
// the user imported), not a re-creation: only the answer cells change, so styles, merges,
// widths, frozen panes, print settings, validation and other sheets stay as the authority made
// them. The workbook's SHA-256 must match the one recorded at import, because the template's
// cell addresses are only valid for that exact file.
import type ExcelJS from 'exceljs';
import type { Evidence } from '../model/index.ts';
import { EVIDENCE_KIND_LABELS } from '../model/index.ts';
import { sha256Hex } from '../files/hash.ts';
import { formatRuDate } from '../ru/date.ts';
import { ExportError } from './errors.ts';
import type { Filling, Template } from '../checklist/schema.ts';
import { formRows, type FormRow, type FormValue, type ResultsLike } from './form-model.ts';
import { citeEvidence } from './register.ts';
import { setCell, setFormula } from './safe-cell.ts';
import { loadWorkbook, styleTableCell, workbookBytes } from './xlsx.ts';

export interface FillOptions {
  /** Add a sheet «Источники» listing the evidence behind every value. */
  sourcesSheet: boolean;
  /** Write «Средний балл» rows as AVERAGE/SUM formulas (with the result cached) instead of numbers. */
  aggregatesAsFormulas: boolean;
  organisation: string;
  evidenceById: ReadonlyMap<string, Evidence>;
}

export const SOURCES_SHEET = 'Источники';

const ADDRESS = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

function splitAddress(address: string): { col: string; row: number } | null {
  const m = ADDRESS.exec(address.trim().toUpperCase());
  return m ? { col: m[1]!, row: Number(m[2]) } : null;
}

/** «C23:C24» when the cells are one run down a column, else «C23,C25». */
export function cellList(addresses: readonly string[]): string {
  const parts = addresses.map(splitAddress);
  if (parts.length > 1 && parts.every((p) => p && p.col === parts[0]!.col)) {
    const rows = parts.map((p) => p!.row);
    if (rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1))
      return `${parts[0]!.col}${rows[0]}:${parts[0]!.col}${rows[rows.length - 1]}`;
  }
  return addresses.join(',');
}

async function checkSameWorkbook(bytes: Uint8Array, template: Template): Promise<void> {
  const source = template.source;
  if (bytes.byteLength === 0)
    throw new ExportError(
      `Исходный файл формы «${source.fileName}» не найден. Загрузите файл, полученный от управления образования, заново. Ничего не выгружено.`,
    );
  const hash = await sha256Hex(bytes);
  if (hash !== source.workbookHash)
    throw new ExportError(
      `Файл «${source.fileName}» отличается от того, из которого была создана форма: ответы могли бы попасть не в те ячейки. Загрузите тот же файл, что импортировали, или импортируйте форму заново. Ничего не выгружено.`,
    );
}

function evidenceRows(row: FormRow, evidenceById: ReadonlyMap<string, Evidence>): Evidence[] {
  return row.evidenceIds
    .map((id) => evidenceById.get(id))
    .filter((e): e is Evidence => e !== undefined);
}

function uniqueSheetName(workbook: ExcelJS.Workbook, base: string): string {
  if (!workbook.getWorksheet(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!workbook.getWorksheet(name)) return name;
  }
}

const SOURCE_HEADERS = [
  '№',
  'Показатель',
  'Значение',
  'Вид документа',
  'Номер',
  'Дата',
  'Название',
  'Адрес (URL)',
] as const;
const SOURCE_WIDTHS = [8, 60, 12, 16, 14, 12, 60, 40] as const;

/** Only metadata of evidence is listed: attachments' contents never leave the register. */
function addSourcesSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly FormRow[],
  options: FillOptions,
): void {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, SOURCES_SHEET), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = SOURCE_WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow([]);
  setCell(title.getCell(1), `Источники сведений: ${options.organisation}`);
  title.getCell(1).font = { bold: true, size: 12 };
  sheet.mergeCells(title.number, 1, title.number, SOURCE_HEADERS.length);
  sheet.addRow([]);
  const header = sheet.addRow([]);
  SOURCE_HEADERS.forEach((h, i) => {
    setCell(header.getCell(i + 1), h);
    styleTableCell(header.getCell(i + 1), { bold: true, center: true });
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  const numberOf = new Map(rows.map((r) => [r.id, r.number]));
  for (const row of rows) {
    if (row.kind === 'group' || row.aggregate) continue;
    const value = row.value;
    // Sub-items carry no number of their own: show their group's («2» for «- наличие стажа…»).
    const number = row.number || numberOf.get(row.indicator.parent ?? '') || '';
    const evidence = evidenceRows(row, options.evidenceById);
    const lines: unknown[][] = evidence.length
      ? evidence.map((e) => [
          number,
          row.title,
          value,
          EVIDENCE_KIND_LABELS[e.kind],
          e.number,
          formatRuDate(e.date),
          e.title,
          e.url,
        ])
      : [[number, row.title, value, 'нет подтверждений', '', '', '', '']];
    for (const line of lines) {
      const r = sheet.addRow([]);
      line.forEach((v, c) => {
        setCell(r.getCell(c + 1), v);
        styleTableCell(r.getCell(c + 1), { center: c === 0 || c === 2 });
      });
    }
  }
}

const EXCEL_FN = { sum: 'SUM', mean: 'AVERAGE', min: 'MIN', max: 'MAX' } as const;

/** «Обоснование» for the row's note cell: the comment, then the documents behind the value. */
function justification(row: FormRow, evidenceById: ReadonlyMap<string, Evidence>): string {
  const cites = evidenceRows(row, evidenceById).map(citeEvidence);
  return [row.comment, cites.join('; ')].filter(Boolean).join('. ');
}

export async function fillWorkbook(
  workbookBytesIn: Uint8Array,
  template: Template,
  filling: Filling,
  results: ResultsLike | undefined,
  options: FillOptions,
): Promise<Uint8Array> {
  await checkSameWorkbook(workbookBytesIn, template);
  const workbook = await loadWorkbook(workbookBytesIn);
  const sheetName = template.source.sheetName;
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet)
    throw new ExportError(
      `В файле формы нет листа «${sheetName}». Импортируйте форму заново. Ничего не выгружено.`,
    );

  const rows = formRows(template, filling, results);
  const byId = new Map(rows.map((r) => [r.id, r]));
  /** Address → value; parts of a row that share one cell add up. */
  const values = new Map<string, FormValue | Date>();
  const formulas = new Map<string, { formula: string; result: number | null }>();
  const notes = new Map<string, string>();
  for (const row of rows) {
    const cells = row.indicator.cells;
    const target = cells.value;
    if (!target || row.kind === 'group') continue;
    const targets = [target, ...(cells.copies ?? [])];
    if (row.aggregate) {
      const items = [
        ...new Set(
          row.items
            .map((id) => byId.get(id)?.indicator.cells.value)
            .filter((a): a is string => !!a),
        ),
      ];
      const result = typeof row.value === 'number' ? row.value : null;
      if (options.aggregatesAsFormulas && items.length > 0) {
        const inner = `${EXCEL_FN[row.aggregate.perSubject]}(${cellList(items)})`;
        const formula = `ROUND(${inner},${row.aggregate.digits})`;
        for (const t of targets) formulas.set(t, { formula, result });
      } else if (result !== null) for (const t of targets) values.set(t, result);
      continue;
    }
    // The form's own words for yes and no («+»/«–», «Да»/«Нет»), where its list asks for them.
    const choices = cells.choices;
    if (choices && row.kind === 'presence' && (row.value === 1 || row.value === 0)) {
      for (const t of targets) values.set(t, row.value === 1 ? choices.yes : choices.no);
    } else if (
      row.kind === 'date' &&
      typeof row.value === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(row.value)
    ) {
      // A date answer is a date cell (the form's own date format shows it), not a text.
      for (const t of targets) values.set(t, new Date(`${row.value}T00:00:00Z`));
    } else if (row.value !== null) {
      for (const t of targets) {
        const before = values.get(t);
        values.set(
          t,
          row.indicator.sharedCell && typeof before === 'number' && typeof row.value === 'number'
            ? before + row.value
            : row.value,
        );
      }
    }
    if (cells.note) {
      const text = justification(row, options.evidenceById);
      if (text)
        notes.set(cells.note, notes.has(cells.note) ? `${notes.get(cells.note)}; ${text}` : text);
    }
  }

  // Cells the form marks as not applicable («*», hatched) stay as the authority left them.
  const notApplicable = new Set(template.indicators.flatMap((i) => i.notApplicable));
  for (const [address, value] of values)
    if (!notApplicable.has(address)) setCell(sheet.getCell(address), value);
  for (const [address, f] of formulas)
    if (!notApplicable.has(address)) setFormula(sheet.getCell(address), f.formula, f.result);
  for (const [address, text] of notes)
    if (!notApplicable.has(address)) setCell(sheet.getCell(address), text);

  if (options.sourcesSheet) addSourcesSheet(workbook, rows, options);
  return workbookBytes(workbook);
}
