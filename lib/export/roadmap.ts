// The roadmap (Дорожная карта) in the layout of seed 002 (Sochi, order № 76, appendix 1):
// sections by level — «Муниципальный уровень», «Уровень образовательной организации» — and one
// numbering running through the whole table, as the original does (21. follows 20.).
import type { Activity, ActivityLevel } from '../model/index.ts';
import { LEVEL_LABELS } from '../model/index.ts';
import { periodLine, type ReportOptions } from './execution-report.ts';
import {
  compareActivityNumbers,
  matchesFilters,
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

export const ROADMAP_HEADERS = [
  '№',
  'Мероприятия (форма)',
  'Срок исполнения',
  'Ответственный (ФИО, должность)',
] as const;

const WIDTHS = [6, 70, 24, 50] as const;
const NO_LEVEL = 'Уровень не указан';

export interface LevelSection {
  label: string;
  activities: Activity[];
}

export function sectionsByLevel(data: RegisterData, filters: ReportFilters): LevelSection[] {
  const chosen = data.activities.filter((a) => matchesFilters(a, filters));
  const levels: (ActivityLevel | null)[] = ['municipal', 'school', null];
  return levels
    .map((level) => ({
      label: level ? LEVEL_LABELS[level] : NO_LEVEL,
      activities: chosen.filter((a) => a.level === level).sort(compareActivityNumbers),
    }))
    .filter((s) => s.activities.length > 0);
}

export async function exportRoadmap(
  data: RegisterData,
  filters: ReportFilters = {},
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const workbook = newReportWorkbook(options.now ?? new Date());
  const sheet = reportSheet(workbook, 'Дорожная карта', WIDTHS);
  const columns = WIDTHS.length;
  const index = new RegisterIndex(data);

  addTitleRow(sheet, options.title ?? 'Дорожная карта', columns, true);
  addTitleRow(sheet, options.subtitle ?? data.workspace.name, columns, false);
  addTitleRow(sheet, periodLine(data, filters), columns, false);
  sheet.addRow([]);

  const header = sheet.addRow([]);
  ROADMAP_HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    setCell(cell, h);
    styleTableCell(cell, { bold: true, center: true });
  });
  header.height = 32;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];

  let n = 0;
  for (const section of sectionsByLevel(data, filters)) {
    const row = sheet.addRow([]);
    setCell(row.getCell(1), section.label);
    for (let c = 1; c <= columns; c++) styleTableCell(row.getCell(c), { bold: true });
    sheet.mergeCells(row.number, 1, row.number, columns);
    for (const activity of section.activities) {
      const r = sheet.addRow([]);
      const values = [
        `${++n}.`,
        activity.title,
        activity.period.raw,
        index.responsibleText(activity, ', '),
      ];
      values.forEach((v, c) => {
        const cell = r.getCell(c + 1);
        setCell(cell, v);
        styleTableCell(cell, { center: c === 0 });
      });
      fitRowHeight(r, WIDTHS);
    }
  }
  return workbookBytes(workbook);
}
