// The template reader on small forms in the layouts authorities send, each built here with
// exceljs: what the user sees in the preview (kinds, answer cells, sections, groups, totals).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  ChecklistImportError,
  importTemplateXlsx,
  type Indicator,
  type Template,
} from '../../../lib/checklist/index.ts';
import { toBytes } from './workbooks.ts';

const read = async (wb: ExcelJS.Workbook, name = 'форма.xlsx'): Promise<Template> =>
  (await importTemplateXlsx(await toBytes(wb), name)).template;
const byRow = (t: Template, row: number): Indicator => {
  const found = t.indicators.find((i) => i.row === row);
  if (!found) throw new Error(`no indicator on row ${row}`);
  return found;
};
const sectionOf = (t: Template, row: number): string =>
  t.sections.find((s) => s.id === byRow(t, row).section)!.title;

describe('a single «Значение» column with a «Ед. изм.» column', () => {
  async function form(): Promise<Template> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Форма');
    ws.addRow(['Мониторинг деятельности муниципальной методической службы']);
    ws.addRow([]);
    ws.addRow(['№ п/п', 'Наименование показателя', 'Ед. изм.', 'Значение', 'Примечание']);
    ws.addRow(['1', '2', '3', '4', '5']);
    ws.addRow(['1.', 'Организация методической работы']);
    ws.getRow(5).font = { bold: true };
    ws.addRow(['1.1', 'Наличие плана работы РМО на учебный год', 'да/нет']);
    ws.addRow(['1.2', 'Количество педагогов, прошедших курсы повышения квалификации', 'чел.']);
    ws.addRow(['1.3', 'Доля ШНОР, охваченных адресной помощью', '%']);
    ws.addRow(['1.4', 'Дата утверждения плана работы РМО', 'дата']);
    ws.addRow(['1.5', 'Ссылка на страницу РМО на сайте управления образования', '']);
    // The unit alone says the kind when the wording does not.
    ws.addRow(['1.6', 'Педагоги, посетившие стажировочные площадки', 'чел.']);
    ws.addRow(['1.7', 'Охват педагогов ШНОР курсами повышения квалификации', '%']);
    return read(wb);
  }

  it('reads each indicator’s kind from its wording and its unit, its answer in «Значение»', async () => {
    const t = await form();
    expect(t.columns).toMatchObject({ number: 'A', text: 'B', value: 'D', unit: 'C', note: 'E' });
    expect(t.headerRow).toBe(3);
    expect(t.indicators.map((i) => [i.number, i.kind, i.cells.value])).toEqual([
      ['1.1', 'presence', 'D6'],
      ['1.2', 'count', 'D7'],
      ['1.3', 'percent', 'D8'],
      ['1.4', 'date', 'D9'],
      ['1.5', 'text', 'D10'],
      ['1.6', 'count', 'D11'],
      ['1.7', 'percent', 'D12'],
    ]);
    expect(byRow(t, 6).cells.note).toBe('E6');
  });

  it('skips the «1 2 3 4 5» row that numbers the columns', async () => {
    const t = await form();
    expect(t.indicators.some((i) => i.row === 4)).toBe(false);
    expect(t.sections.map((s) => [s.row, s.title])).toEqual([
      [5, 'Организация методической работы'],
    ]);
  });
});

describe('a two-row header and the codes forms use', () => {
  it('reads «Балл» and «Количество» under a merged «Значение показателя», with «I.»/«II.» sections', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Показатель', 'Значение показателя', null, 'Примечание'];
    ws.getRow(2).values = [null, null, 'Балл', 'Количество', null];
    ws.mergeCells('C1:D1');
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('E1:E2');
    ws.getRow(3).values = ['I.', 'Организационное обеспечение'];
    ws.getRow(4).values = ['1.', 'Наличие приказа о назначении наставников', '', 'х'];
    ws.getRow(5).values = ['2.', 'Количество ШНОР, получивших адресную помощь', 'х', ''];
    ws.getRow(6).values = ['II.', 'Методическая помощь'];
    ws.getRow(7).values = ['1.', 'Проведение семинаров для управленческих команд ШНОР', '', 'х'];
    ws.getRow(8).values = ['2.', 'Численность участников семинаров', 'х', ''];
    const t = await read(wb);
    expect(t.headerRow).toBe(1);
    expect(t.columns).toMatchObject({ number: 'A', text: 'B', score: 'C', count: 'D', note: 'E' });
    expect(t.sections.map((s) => s.title)).toEqual([
      'Организационное обеспечение',
      'Методическая помощь',
    ]);
    expect(
      t.indicators.map((i) => [i.row, i.number, i.kind, i.cells.value, i.notApplicable]),
    ).toEqual([
      [4, '1', 'presence', 'C4', ['D4']],
      [5, '2', 'count', 'D5', ['C5']],
      [7, '1', 'presence', 'C7', ['D7']],
      [8, '2', 'count', 'D8', ['C8']],
    ]);
    expect(sectionOf(t, 8)).toBe('Методическая помощь');
  });

  it('reads «А.1» codes under «А» sections', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Критерий', 'Балл'];
    ws.getRow(2).values = ['А', 'Управление'];
    ws.getRow(3).values = ['А.1', 'Наличие программы развития'];
    ws.getRow(4).values = ['А.2', 'Наличие положения о ВСОКО'];
    ws.getRow(5).values = ['Б', 'Кадры'];
    ws.getRow(6).values = ['Б.1', 'Наличие наставников у молодых педагогов'];
    const t = await read(wb);
    expect(t.sections.map((s) => [s.row, s.title])).toEqual([
      [2, 'Управление'],
      [5, 'Кадры'],
    ]);
    expect(t.indicators.map((i) => [i.number, i.kind, i.cells.value])).toEqual([
      ['А.1', 'presence', 'C3'],
      ['А.2', 'presence', 'C4'],
      ['Б.1', 'presence', 'C6'],
    ]);
    expect(sectionOf(t, 6)).toBe('Кадры');
  });

  it('reads «1)» indicators and «а)» items of a group closed by its average', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Критерий', 'Балл'];
    ws.getRow(2).values = [null, 'Работа с педагогами'];
    ws.getRow(2).font = { bold: true };
    ws.getRow(3).values = ['1)', 'Наличие плана работы ШМО'];
    ws.getRow(4).values = ['2)', 'Проведение открытых уроков'];
    ws.getRow(5).values = ['3.', 'Участие педагогов в мероприятиях:'];
    ws.getRow(6).values = ['а)', 'семинарах РМО'];
    ws.getRow(7).values = ['б)', 'конкурсах профессионального мастерства'];
    ws.getRow(8).values = [null, 'Средний балл по показателю (от 0 до 2)'];
    const t = await read(wb);
    expect(t.sections.map((s) => s.title)).toEqual(['Работа с педагогами']);
    expect(
      t.indicators.map((i) => [i.row, i.number, i.kind, i.parent, i.cells.value ?? null]),
    ).toEqual([
      [3, '1', 'presence', null, 'C3'],
      [4, '2', 'presence', null, 'C4'],
      [5, '3', 'group', null, null],
      [6, 'а', 'presence', 'r5', 'C6'],
      [7, 'б', 'presence', 'r5', 'C7'],
      [8, '', 'aggregate', 'r5', 'C8'],
    ]);
    expect(byRow(t, 5).max).toBe(2);
  });
});

describe('answer lists, sheets and totals', () => {
  it('reads a «Да/Нет» list as a presence answered with the list’s own words', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Показатель', 'Отметка о выполнении'];
    ws.getRow(2).values = ['1', 'Утвержден план мероприятий по повышению качества образования'];
    ws.getRow(3).values = ['2', 'Назначен ответственный за сопровождение ШНОР'];
    ws.getRow(4).values = ['3', 'Количество ШНОР в муниципалитете'];
    for (const a of ['C2', 'C3'])
      ws.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Да,Нет"'] };
    const t = await read(wb);
    expect(byRow(t, 2)).toMatchObject({
      kind: 'presence',
      max: 1,
      cells: { value: 'C2', choices: { yes: 'Да', no: 'Нет' } },
    });
    expect(byRow(t, 3).cells.choices).toEqual({ yes: 'Да', no: 'Нет' });
    // Without the list the row says what it asks: a count, written as a number.
    expect(byRow(t, 4).kind).toBe('count');
    expect(byRow(t, 4).cells.choices).toBeUndefined();
  });

  it('finds the form on a later sheet after an instruction, and ignores a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const about = wb.addWorksheet('Инструкция');
    about.getCell('A1').value = 'Инструкция по заполнению формы';
    about.getCell('A2').value = 'Заполните лист «Форма»: в столбце «Балл» поставьте 1 или 0.';
    // A hidden old version with more indicators: not the form the user is asked to fill.
    const hidden = wb.addWorksheet('Старая форма', { state: 'hidden' });
    hidden.addRow(['№', 'Показатель', 'Балл']);
    for (let i = 1; i <= 8; i++) hidden.addRow([String(i), `Наличие документа № ${i}`, '']);
    const ws = wb.addWorksheet('Форма');
    ws.addRow(['№', 'Показатель', 'Балл']);
    ws.addRow(['1', 'Наличие плана работы МНЦ', '']);
    ws.addRow(['2', 'Наличие приказа о назначении наставников', '']);
    ws.addRow(['3', 'Проведение заседаний сообщества наставников', '']);
    const t = await read(wb);
    expect(t.source.sheetName).toBe('Форма');
    expect(t.indicators.map((i) => i.text)).toEqual([
      'Наличие плана работы МНЦ',
      'Наличие приказа о назначении наставников',
      'Проведение заседаний сообщества наставников',
    ]);
  });

  it('reads «Итого по разделу» as the total of its own section', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Показатель', 'Балл'];
    ws.getRow(2).values = ['Раздел 1. Наставничество'];
    ws.getRow(3).values = ['1.1', 'Наличие плана работы МНЦ'];
    ws.getRow(4).values = ['1.2', 'Наличие приказа о назначении наставников'];
    ws.getRow(5).values = [null, 'Итого по разделу 1'];
    ws.getRow(6).values = ['Раздел 2. Тьюторы'];
    ws.getRow(7).values = ['2.1', 'Наличие плана работы МТКП'];
    ws.getRow(8).values = ['2.2', 'Наличие приказа о назначении тьюторов'];
    ws.getRow(9).values = ['2.3', 'Проведение заседаний тьюторского сообщества'];
    ws.getRow(10).values = [null, 'Итого по разделу 2'];
    const t = await read(wb);
    expect(t.sections.map((s) => s.title)).toEqual([
      'Раздел 1. Наставничество',
      'Раздел 2. Тьюторы',
    ]);
    expect(byRow(t, 5)).toMatchObject({
      kind: 'aggregate',
      parent: null,
      max: 2,
      cells: { value: 'C5' },
      aggregate: { over: ['r3', 'r4'] },
    });
    expect(byRow(t, 10)).toMatchObject({
      kind: 'aggregate',
      max: 3,
      cells: { value: 'C10' },
      aggregate: { over: ['r7', 'r8', 'r9'] },
    });
  });

  it('reads «в том числе» / «из них» rows as breakdowns answered like the indicator above', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.getRow(1).values = ['№', 'Показатель', 'Балл', 'Количество'];
    ws.getRow(2).values = ['Раздел 1. Кадры'];
    ws.getRow(3).values = ['1.1', 'Наличие плана повышения квалификации', '', 'х'];
    ws.getRow(4).values = ['1.2', 'Количество педагогов, прошедших КПК', 'х', ''];
    ws.getRow(5).values = [null, 'в том числе по программам из федерального реестра', 'х', ''];
    ws.getRow(6).values = [null, 'из них молодых специалистов', 'х', ''];
    ws.getRow(7).values = ['1.3', 'Наличие наставников у молодых специалистов', '', 'х'];
    const t = await read(wb);
    expect(t.indicators.map((i) => [i.row, i.number, i.kind, i.parent, i.cells.value])).toEqual([
      [3, '1.1', 'presence', null, 'C3'],
      [4, '1.2', 'count', null, 'D4'],
      [5, '', 'count', null, 'D5'],
      [6, '', 'count', null, 'D6'],
      [7, '1.3', 'presence', null, 'C7'],
    ]);
    // The indicator above stays an indicator, not a group heading.
    expect(byRow(t, 4).kind).not.toBe('group');
  });

  it('refuses a workbook that holds no form, in Russian, naming the file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Контакты');
    ws.addRow(['ФИО', 'Должность', 'Телефон']);
    ws.addRow(['Иванов И.И.', 'директор', '8-861-42-4-11-11']);
    const error = await importTemplateXlsx(await toBytes(wb), 'контакты.xlsx').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChecklistImportError);
    expect((error as Error).message).toMatch(
      /^В книге «контакты\.xlsx» не найдено формы мониторинга.*Ничего не изменено\.$/,
    );
  });
});
