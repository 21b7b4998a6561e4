// The report on execution of a programme of activities, in the layout of seed 000 (Slavyansky
// district, order № 877, appendix): title lines, a header row repeated on every printed page,
// one merged section row per direction, numbering restarting in each section, and a last
// column that reports what was done and cites the documents behind it.
import type ExcelJS from 'exceljs';
import type { Activity } from '../model/index.ts';
import { STATUS_LABELS } from '../model/index.ts';
import { formatRuDate } from '../ru/date.ts';
import {
  alreadyCited,
  citeEvidence,
  compareActivityNumbers,
  matchesFilters,
  orderedDirections,
  RegisterIndex,
  type RegisterData,
  type ReportFilters,
} from './register.ts';
import { setCell } from './safe-cell.ts';
import {
  addTitleRow,
  fitRowHeight,
  newReportWorkbook,
  reportSheet,
  styleTableCell,
  workbookBytes,
} from './xlsx.ts';

export const EXECUTION_HEADERS = [
  '№',
  'Содержание работы',
  'сроки',
  'Место проведения',
  'Ответственный, привлеченные специалисты',
  'Отчет о выполнении мероприятий/источники',
] as const;

const WIDTHS = [6, 48, 16, 18, 32, 60] as const;

export interface ReportOptions {
  /** Time of the export (title line «по состоянию на …»); defaults to now. */
  now?: Date;
  /** First title line; defaults to the report's customary name. */
  title?: string;
  /** Second title line; defaults to one built from the workspace and the period. */
  subtitle?: string;
}

export interface DirectionSection {
  direction: string;
  activities: Activity[];
}

/** Activities that pass the filters, grouped by direction in the workspace's order. */
/** The heading of activities recorded without a direction. */
export const NO_DIRECTION = 'Мероприятия без направления';

export function sectionsByDirection(
  data: RegisterData,
  filters: ReportFilters,
): DirectionSection[] {
  const chosen = data.activities.filter((a) => matchesFilters(a, filters));
  return orderedDirections(data.workspace, chosen)
    .map((direction) => ({
      // A roadmap imported without directions (seed 002 has levels, not directions) still
      // gets a heading the reader understands, and the analysis text a section of its own.
      direction: direction.trim() || NO_DIRECTION,
      activities: chosen.filter((a) => a.direction === direction).sort(compareActivityNumbers),
    }))
    .filter((s) => s.activities.length > 0);
}

/** «(с 01.02.2021 по 30.06.2021)» or the school year when no period was chosen. */
export function periodLine(data: RegisterData, filters: ReportFilters): string {
  if (filters.period)
    return `(с ${formatRuDate(filters.period.from)} по ${formatRuDate(filters.period.to)})`;
  return `(${data.workspace.schoolYear} учебный год)`;
}

/** The last column: the report text, then the linked documents not already cited in it. */
export function reportText(activity: Activity, index: RegisterIndex): string {
  const report = activity.report.trim();
  const citations = index
    .linkedEvidence(activity.id)
    .filter((e) => !alreadyCited(report, e))
    .map(citeEvidence);
  const status = STATUS_LABELS[activity.status];
  const body = report || status.charAt(0).toUpperCase() + status.slice(1);
  return citations.length ? `${body}\nИсточники: ${citations.join('; ')}` : body;
}

export async function exportExecutionReport(
  data: RegisterData,
  filters: ReportFilters = {},
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const workbook = newReportWorkbook(now);
  const sheet = reportSheet(workbook, 'Отчет', WIDTHS);
  const columns = WIDTHS.length;
  const index = new RegisterIndex(data);

  addTitleRow(sheet, options.title ?? 'Отчет', columns, true);
  addTitleRow(
    sheet,
    options.subtitle ?? `по выполнению программы мероприятий: ${data.workspace.name}`,
    columns,
    false,
  );
  addTitleRow(sheet, periodLine(data, filters), columns, false);
  sheet.addRow([]);

  const header = sheet.addRow([]);
  EXECUTION_HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    setCell(cell, h);
    styleTableCell(cell, { bold: true, center: true });
  });
  header.height = 48;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];

  for (const section of sectionsByDirection(data, filters)) {
    const row = sheet.addRow([]);
    setCell(row.getCell(1), section.direction);
    for (let c = 1; c <= columns; c++) styleTableCell(row.getCell(c), { bold: true });
    sheet.mergeCells(row.number, 1, row.number, columns);
    section.activities.forEach((activity, i) => {
      const r = sheet.addRow([]);
      const values: unknown[] = [
        `${i + 1}.`,
        activity.title,
        activity.period.raw,
        activity.place,
        index.responsibleText(activity, ' - '),
        reportText(activity, index),
      ];
      values.forEach((v, c) => {
        const cell: ExcelJS.Cell = r.getCell(c + 1);
        setCell(cell, v);
        styleTableCell(cell, { center: c === 0 });
      });
      fitRowHeight(r, WIDTHS);
    });
  }
  return workbookBytes(workbook);
}
