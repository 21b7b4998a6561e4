// The filled monitoring form as a new workbook, in the layout of seed 004 (Korenovsky district's
// form), for when the user has no workbook from the authority to write into: № п/п ·
// Наименование оцениваемого параметра · Баллы · Количественные показатели, sections as merged
// rows, scores in the third column and counts in the fourth.
import type { Filling, Template } from '../checklist/schema.ts';
import { formRows, type FormRow, type ResultsLike } from './form-model.ts';
import { setCell } from './safe-cell.ts';
import {
  addTitleRow,
  fitRowHeight,
  newReportWorkbook,
  reportSheet,
  styleTableCell,
  workbookBytes,
} from './xlsx.ts';

export const MONITORING_HEADERS = [
  '№ п/п',
  'Наименование оцениваемого параметра (показателя результативности)',
  'Баллы (наличие-1, отсутствие -0)',
  'Количественные показатели',
] as const;

const WIDTHS = [7, 80, 18, 18] as const;

export interface MonitoringReportOptions {
  organisation?: string;
  now?: Date;
}

function numberCell(number: string): string | number {
  // The form numbers its rows as numbers (1, 2 …); «2.3» stays text.
  return /^\d+$/.test(number) ? Number(number) : number;
}

function answerColumn(row: FormRow): 3 | 4 {
  return row.kind === 'count' ? 4 : 3;
}

export async function exportMonitoringReport(
  template: Template,
  filling: Filling,
  results?: ResultsLike,
  options: MonitoringReportOptions = {},
): Promise<Uint8Array> {
  const workbook = newReportWorkbook(options.now ?? new Date());
  const sheet = reportSheet(workbook, 'Мониторинг', WIDTHS, 'portrait');
  const columns = WIDTHS.length;
  addTitleRow(sheet, template.title, columns, true);
  if (options.organisation) addTitleRow(sheet, options.organisation, columns, false);
  addTitleRow(sheet, filling.title, columns, false);
  sheet.addRow([]);

  const header = sheet.addRow([]);
  MONITORING_HEADERS.forEach((h, i) => {
    setCell(header.getCell(i + 1), h);
    styleTableCell(header.getCell(i + 1), { bold: true, center: true });
  });
  header.height = 45;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];

  const rows = formRows(template, filling, results);
  for (const section of template.sections) {
    const inSection = rows.filter((r) => r.sectionId === section.id);
    if (inSection.length === 0) continue;
    const s = sheet.addRow([]);
    setCell(s.getCell(1), section.title);
    for (let c = 1; c <= columns; c++) styleTableCell(s.getCell(c), { bold: true, center: true });
    sheet.mergeCells(s.number, 1, s.number, columns);
    for (const row of inSection) {
      const r = sheet.addRow([]);
      setCell(r.getCell(1), row.number ? numberCell(row.number) : null);
      setCell(r.getCell(2), row.title);
      if (row.kind !== 'group') setCell(r.getCell(answerColumn(row)), row.value);
      for (let c = 1; c <= columns; c++)
        styleTableCell(r.getCell(c), {
          center: c !== 2,
          bold: row.kind === 'aggregate' && c === 2,
        });
      fitRowHeight(r, WIDTHS, 15);
    }
  }
  return workbookBytes(workbook);
}
