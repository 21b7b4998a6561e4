// Monitoring forms the importer has never seen, built with exceljs: other column orders, a
// header below a letterhead, «х» marks, grey fills, sheets that are not checklists.
import ExcelJS from 'exceljs';

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

/**
 * Columns: A «Количество», B «Показатель», C «№», D «Источник», E «Балл»; header on row 4 under a
 * letterhead; a section written in the number column and merged; an «х» mark, a grey N/A cell, a
 * yellow (answer) highlight, and a group with its aggregate.
 */
export async function shuffledForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Пояснения').getCell('A1').value =
    'Инструкция по заполнению: заполните лист «Форма».';
  const ws = wb.addWorksheet('Форма');
  ws.getCell('A1').value = 'Приложение 2 к приказу УО';
  ws.getCell('B2').value = 'Мониторинг работы РМО';
  ws.getRow(4).values = ['Количество', 'Показатель', '№', 'Источник (ссылка)', 'Балл (0/1)'];
  ws.mergeCells('A5:E5');
  ws.getCell('A5').value = 'Работа районных методических объединений';
  ws.getRow(6).values = ['х', 'Наличие плана работы РМО на учебный год', 1, '', ''];
  ws.getRow(7).values = ['', 'Количество школ, участвующих в заседаниях РМО', 2, '', ''];
  ws.getCell('E7').fill = GREY;
  ws.getRow(8).values = ['', 'Проведение открытых уроков', 3, '', ''];
  ws.getCell('E8').fill = YELLOW;
  ws.getCell('A8').value = 'x';
  ws.getRow(9).values = ['', 'Работа с молодыми педагогами', 4, '', ''];
  ws.getRow(10).values = ['—', '- наличие наставника у молодого педагога', null, '', ''];
  ws.getRow(11).values = [
    '—',
    '- посещение уроков молодого педагога; - проведение мастер-классов',
    null,
    '',
    '',
  ];
  ws.getRow(12).values = ['', 'Итого баллов (0-3)', null, '', ''];
  return toBytes(wb);
}

/** A register export: a table, but no indicators or scores. */
export async function notAChecklist(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Реестр');
  ws.addRow(['Дата', 'Организация', 'Сумма']);
  ws.addRow(['01.02.2021', 'МБОУ СОШ № 1', 1200]);
  ws.addRow(['02.02.2021', 'МБОУ СОШ № 2', 900]);
  return toBytes(wb);
}
