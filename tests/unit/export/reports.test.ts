import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXECUTION_HEADERS, exportExecutionReport } from '../../../lib/export/execution-report.ts';
import { exportRoadmap, ROADMAP_HEADERS } from '../../../lib/export/roadmap.ts';
import { activity, person, slavyanskyRegister, workspace } from './register-fixture.ts';
import type { RegisterData } from '../../../lib/export/register.ts';

const NOW = new Date('2021-06-04T10:00:00Z');

async function open(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function rowTexts(sheet: ExcelJS.Worksheet, columns: number): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(
      Array.from({ length: columns }, (_, c) => {
        const cell = row.getCell(c + 1);
        // A merged range reports its master's value in every cell; show it once, as Excel does.
        if (cell.isMerged && cell.master.address !== cell.address) return '';
        const v = cell.value;
        return v === null || v === undefined ? '' : String(v);
      }),
    );
  }
  return rows;
}

function headerRow(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === '№') return r;
  throw new Error('no header row');
}

describe('exportExecutionReport (seed 000 layout)', () => {
  it('groups by direction with merged section rows and numbering restarting per direction', async () => {
    const sheet = await open(await exportExecutionReport(slavyanskyRegister(), {}, { now: NOW }));
    const h = headerRow(sheet);
    expect(rowTexts(sheet, 6)[h - 1]).toEqual([...EXECUTION_HEADERS]);
    const rows = rowTexts(sheet, 6).slice(h);
    expect(rows.map((r) => r[0])).toEqual([
      'Исследовательская деятельность',
      '1.',
      '2.',
      '3.',
      'Проектная деятельность',
      '1.',
      '2.',
    ]);
    // Activities sorted by their own numbers within the direction: «2.» before «3.».
    expect(rows[2]![1]).toBe('Оценка предметных компетенций педагогических работников в ШНОР');
    expect(rows[3]![1]).toBe('Проведение ежегодных мониторингов состояния школ');
    // Section rows are merged across all six columns.
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toContain(`A${h + 1}:F${h + 1}`);
    expect(merges).toContain(`A${h + 5}:F${h + 5}`);
    // Responsible with position, period and place as written.
    expect(rows[1]).toEqual([
      '1.',
      'Выявление профессиональных управленческих дефицитов администраций ШНОР',
      'Февраль-март',
      'УО',
      'И.В. Ещенко - начальник отдела учебной и организационно-кадровой работы УО',
      'Запланировано на 2021-2022 учебный год',
    ]);
    expect(rows[2]![4]).toBe('О.В. Плесецкая - директор МКУО КМЦ\nИ.Н. Хняч - директор МКУО ЦОКО');
  });

  it('cites linked evidence in the customary form, without repeating what the report already cites', async () => {
    const sheet = await open(await exportExecutionReport(slavyanskyRegister(), {}, { now: NOW }));
    const rows = rowTexts(sheet, 6).slice(headerRow(sheet));
    expect(rows[5]![5]).toBe(
      'Проведены методические выезды в 13 ШНОР\nИсточники: приказ УО от 14.05.2021 № 736 ' +
        '«О результатах методических выездов в ШНОР в 2020-2021 учебном году»',
    );
    // The monitoring row already names order № 118 of 13.01.2021: no second citation.
    expect(rows[3]![5]).toBe('Ежегодный мониторинг состояния школ (приказ УО от 13.01.2021 № 118)');
    expect(rows[2]![5]).toContain(
      'письмо МКУО КМЦ от 20.05.2021 № 320 (https://kmc.example.ru/docs/320)',
    );
  });

  it('exports a formula-looking title as inert text', async () => {
    const sheet = await open(await exportExecutionReport(slavyanskyRegister(), {}, { now: NOW }));
    const rows = rowTexts(sheet, 6).slice(headerRow(sheet));
    const r = headerRow(sheet) + 7;
    expect(sheet.getCell(r, 2).type).toBe(ExcelJS.ValueType.String);
    expect(rows[6]![1]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[6]![3]).toBe(`'@SUM(A1)`);
    expect(rows[6]![5]).toBe(`'-5`);
    for (let c = 1; c <= 6; c++) expect(sheet.getCell(r, c).formula).toBeFalsy();
  });

  it('has borders, wrapped text, widths, landscape print setup and a repeated header row', async () => {
    const sheet = await open(await exportExecutionReport(slavyanskyRegister(), {}, { now: NOW }));
    const h = headerRow(sheet);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe(`${h}:${h}`);
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 48, 16, 18, 32, 60]);
    const cell = sheet.getCell(h + 2, 6);
    expect(cell.alignment.wrapText).toBe(true);
    expect(cell.border.top?.style).toBe('thin');
    expect(cell.border.right?.style).toBe('thin');
    expect(sheet.getCell(h, 2).font.bold).toBe(true);
    expect(sheet.getCell(1, 1).value).toBe('Отчет');
    expect(String(sheet.getCell(2, 1).value)).toContain(workspace.name);
  });

  it('applies direction, status and period filters', async () => {
    const data = slavyanskyRegister();
    const byDirection = await open(
      await exportExecutionReport(data, { directions: ['Проектная деятельность'] }, { now: NOW }),
    );
    const rows1 = rowTexts(byDirection, 6).slice(headerRow(byDirection));
    expect(rows1.map((r) => r[0])).toEqual(['Проектная деятельность', '1.', '2.']);

    const doneInMay = await open(
      await exportExecutionReport(
        data,
        { statuses: ['done'], period: { from: '2021-05-01', to: '2021-05-31' } },
        { now: NOW },
      ),
    );
    const rows2 = rowTexts(doneInMay, 6).slice(headerRow(doneInMay));
    // a1 is postponed, b2 cancelled; a2 and b1 have no parsed period and are kept.
    expect(rows2.map((r) => r[1])).toEqual([
      '',
      'Оценка предметных компетенций педагогических работников в ШНОР',
      'Проведение ежегодных мониторингов состояния школ',
      '',
      'Проведение методических выездов в ШНОР',
    ]);
    expect(String(doneInMay.getCell(3, 1).value)).toBe('(с 01.05.2021 по 31.05.2021)');
  });
});

describe('exportRoadmap (seed 002 layout)', () => {
  function roadmapRegister(): RegisterData {
    const base = slavyanskyRegister();
    const people = [
      person('p-luk', 'И.Б. Лукашова', 'заместитель начальника УОН'),
      person('p-cer', 'В.Г. Церекидзе', 'директор СЦРО'),
    ];
    const activities = [
      activity({
        id: 'm2',
        number: '2.',
        level: 'municipal',
        title: 'Издание приказа об организации тьюторского консультационного пункта (приказ)',
        period: { raw: 'февраль 2021', parsed: null },
        responsibleIds: ['p-luk', 'p-cer'],
        status: 'planned',
      }),
      activity({
        id: 'm1',
        number: '1.',
        level: 'municipal',
        title: 'Издание приказа о создании муниципального сообщества тьюторов (приказ)',
        period: { raw: 'февраль 2021', parsed: null },
        responsibleIds: ['p-luk'],
        status: 'planned',
      }),
      activity({
        id: 's1',
        number: '21.',
        level: 'school',
        title: 'Подготовка социального паспорта школы (социальный паспорт)',
        period: { raw: 'декабрь 2020', parsed: null },
        responsibleIds: [],
        status: 'planned',
      }),
    ];
    return { ...base, people, activities, links: [] };
  }

  it('lays out levels as merged sections with one running numbering', async () => {
    const sheet = await open(await exportRoadmap(roadmapRegister(), {}, { now: NOW }));
    const h = headerRow(sheet);
    const rows = rowTexts(sheet, 4);
    expect(rows[h - 1]).toEqual([...ROADMAP_HEADERS]);
    expect(rows.slice(h)).toEqual([
      ['Муниципальный уровень', '', '', ''],
      [
        '1.',
        'Издание приказа о создании муниципального сообщества тьюторов (приказ)',
        'февраль 2021',
        'И.Б. Лукашова, заместитель начальника УОН',
      ],
      [
        '2.',
        'Издание приказа об организации тьюторского консультационного пункта (приказ)',
        'февраль 2021',
        'И.Б. Лукашова, заместитель начальника УОН\nВ.Г. Церекидзе, директор СЦРО',
      ],
      ['Уровень образовательной организации', '', '', ''],
      ['3.', 'Подготовка социального паспорта школы (социальный паспорт)', 'декабрь 2020', ''],
    ]);
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toContain(`A${h + 1}:D${h + 1}`);
    expect(merges).toContain(`A${h + 4}:D${h + 4}`);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${h}:${h}`);
    expect(sheet.getCell(h + 2, 2).border.left?.style).toBe('thin');
  });
});
