// Answers written back in the form's own terms: a «Да/Нет» or «+/–» list gets its own words, a
// date answer a date cell, a section's «Итого» the sum of its scores; nothing else moves.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importTemplateXlsx } from '../../../lib/checklist/import-xlsx.ts';
import { newFilling, overrideAnswer } from '../../../lib/checklist/filling.ts';
import { fillWorkbook } from '../../../lib/export/fill-workbook.ts';

const NOW = '2021-06-01T09:00:00.000Z';

async function schoolForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Самопроверка');
  ws.getRow(2).values = ['Код', 'Критерий', 'Отметка', 'Значение', 'Примечание'];
  ws.getRow(3).values = ['Раздел 1. Документы'];
  ws.mergeCells('A3:E3');
  ws.getRow(4).values = ['1.1', 'Утверждено положение о ВСОКО'];
  ws.getRow(5).values = ['1.2', 'Проведен анализ результатов ВПР'];
  ws.getRow(6).values = ['1.3', 'Дата утверждения плана работы', '—'];
  ws.getRow(7).values = ['', 'Итого по разделу 1'];
  for (const a of ['C4', 'C5'])
    ws.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"+,–"'] };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('answers written back in the form’s own terms', () => {
  it('«+/–» for presence, a date cell for a date, the section total over its scores', async () => {
    const bytes = await schoolForm();
    const { template } = await importTemplateXlsx(bytes, 'самопроверка.xlsx');
    const byRow = (r: number) => template.indicators.find((i) => i.row === r)!;
    expect(byRow(4)).toMatchObject({
      kind: 'presence',
      cells: { value: 'C4', choices: { yes: '+', no: '–' } },
    });
    expect(byRow(6)).toMatchObject({ kind: 'date', cells: { value: 'D6' } });
    expect(byRow(7).kind).toBe('aggregate');
    expect(byRow(7).aggregate?.over).toEqual(['r4', 'r5']);

    let filling = newFilling(
      template,
      { id: 'f', period: { start: '2020-09-01', end: '2021-08-31' } },
      NOW,
    );
    filling = overrideAnswer(filling, 'r4', 1, '', 'Завуч', NOW);
    filling = overrideAnswer(filling, 'r5', 0, '', 'Завуч', NOW);
    filling = overrideAnswer(filling, 'r6', '2021-01-26', '', 'Завуч', NOW);
    const out = await fillWorkbook(bytes, template, filling, undefined, {
      sourcesSheet: false,
      aggregatesAsFormulas: false,
      organisation: 'МБОУ СОШ № 21',
      evidenceById: new Map(),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Самопроверка')!;
    expect(sheet.getCell('C4').value).toBe('+');
    expect(sheet.getCell('C5').value).toBe('–');
    expect(sheet.getCell('D6').value).toEqual(new Date('2021-01-26T00:00:00Z'));
    expect(sheet.getCell('C6').value).toBe('—'); // the form's «not applicable» mark stays
    expect(sheet.getCell('C7').value).toBe(1); // one «+» of two
  });
});
