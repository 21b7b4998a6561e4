import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  ChecklistImportError,
  applyProposals,
  builtinTemplates,
  importTemplateXlsx,
  parseTemplateJson,
  type Template,
} from '../../../lib/checklist/index.ts';
import { sha256Hex } from '../../../lib/files/hash.ts';
import { notAChecklist, shuffledForm, toBytes } from './workbooks.ts';

const fixturePath = fileURLToPath(
  new URL('../../fixtures/monitoring-korenovsky-2021.xlsx', import.meta.url),
);
const fixture = new Uint8Array(readFileSync(fixturePath));
const NAME = 'monitoring-korenovsky-2021.xlsx';

const count = (t: Template, pred: (i: Template['indicators'][number]) => boolean) =>
  t.indicators.filter(pred).length;
const byId = (t: Template, id: string) => t.indicators.find((i) => i.id === id)!;

describe('importTemplateXlsx on the Korenovsky 2021 form (seed 004)', () => {
  it('reads its sections, indicators, groups, aggregates and not-applicable cells', async () => {
    const { template: t } = await importTemplateXlsx(fixture, NAME);
    expect(t.headerRow).toBe(5);
    expect(t.columns).toEqual({ number: 'A', text: 'B', score: 'C', count: 'D', note: null });
    expect(t.title).toBe('Мониторинг результативности системы методической помощи ШНОР');
    expect(t.sections.map((s) => s.row)).toEqual([6, 20, 38, 70]);
    expect(t.indicators).toHaveLength(89);
    expect(count(t, (i) => i.kind === 'presence')).toBe(58);
    expect(count(t, (i) => i.kind === 'count')).toBe(5);
    expect(count(t, (i) => i.kind === 'group')).toBe(13);
    expect(count(t, (i) => i.kind === 'aggregate')).toBe(13);
    expect(count(t, (i) => i.parent !== null && i.kind !== 'aggregate')).toBe(47);
    expect(t.indicators.reduce((n, i) => n + i.notApplicable.length, 0)).toBe(52);
    expect(t.source).toEqual({
      fileName: NAME,
      sheetName: 'Мониторинг',
      workbookHash: await sha256Hex(fixture),
    });
  });

  it('remembers the cell of every answer for write-back', async () => {
    const { template: t } = await importTemplateXlsx(fixture, NAME);
    expect(byId(t, 'r7')).toMatchObject({
      number: '1',
      kind: 'presence',
      max: 1,
      cells: { value: 'C7' },
      notApplicable: ['D7'],
    });
    expect(byId(t, 'r14')).toMatchObject({
      number: '8',
      kind: 'count',
      cells: { value: 'D14' },
      notApplicable: ['C14'],
    });
    expect(byId(t, 'r18').text).toMatch(/^Численность участников/);
    expect(byId(t, 'r22')).toMatchObject({ kind: 'group', max: 2, cells: {} });
    expect(byId(t, 'r23')).toMatchObject({
      parent: 'r22',
      kind: 'presence',
      cells: { value: 'C23' },
    });
    expect(byId(t, 'r25')).toMatchObject({
      kind: 'aggregate',
      parent: 'r22',
      max: 2,
      cells: { value: 'C25' },
    });
    expect(byId(t, 'r63')).toMatchObject({ kind: 'aggregate', parent: 'r55', max: 8 });
    expect(byId(t, 'r98')).toMatchObject({
      kind: 'aggregate',
      parent: 'r94',
      max: 3,
      cells: { value: 'C98' },
    });
    // The signature under the table is not an indicator.
    expect(t.indicators.some((i) => i.text.startsWith('Начальник'))).toBe(false);
  });

  it('says what is messy: the broken header, the repeated МНЦ section, run-together sub-items', async () => {
    const { proposals, warnings } = await importTemplateXlsx(fixture, NAME);
    expect(
      warnings.some((w) => w.includes('«Количество нные показатели»') && w.includes('испорч')),
    ).toBe(true);
    // The form itself declares «от 0 до 2» over three sub-items: reported, not corrected.
    expect(warnings.filter((w) => w.includes('Доступность наставнической помощи'))).toHaveLength(2);
    expect(proposals.map((p) => p.id)).toEqual([
      'split:r41',
      'split:r62',
      'split:r65',
      'merge:s38',
    ]);
    const merge = proposals.find((p) => p.kind === 'merge-duplicate-section')!;
    expect(merge).toMatchObject({ sectionId: 's38', intoSectionId: 's20' });
    expect(merge.message).toContain('повторяется (строки 20 и 38)');
    expect(proposals.find((p) => p.id === 'split:r62')!.parts).toEqual([
      'улучшение общего психологического климата в ОО',
      'улучшение информационного обеспечения ОО.',
    ]);
  });

  it('applies only the accepted fixes', async () => {
    const { template } = await importTemplateXlsx(fixture, NAME);
    const split = applyProposals(template, ['split:r62']);
    expect(split.sections).toHaveLength(4);
    expect(count(split, (i) => i.parent === 'r55' && i.kind !== 'aggregate')).toBe(8);
    expect(byId(split, 'r62a')).toMatchObject({ sharedCell: true, cells: { value: 'C62' } });
    expect(byId(split, 'r62b')).toMatchObject({
      sharedCell: true,
      cells: { value: 'C62' },
      text: 'улучшение информационного обеспечения ОО.',
    });

    const all = applyProposals(template, ['split:r41', 'split:r62', 'split:r65', 'merge:s38']);
    expect(all.sections.map((s) => s.id)).toEqual(['s6', 's20', 's70']);
    expect(all.indicators).toHaveLength(75);
    const mnc = all.indicators.filter((i) => i.section === 's20' && i.parent === null);
    expect(mnc.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    // The kept version writes its answer into the duplicate's cell too.
    expect(byId(all, 'r21').cells).toEqual({ value: 'C21', copies: ['C39'] });
    expect(byId(all, 'r25').cells).toEqual({ value: 'C25', copies: ['C42'] });
    expect(count(all, (i) => i.parent === 'r64' && i.kind !== 'aggregate')).toBe(5);
    expect(template.indicators).toHaveLength(89); // the input is not mutated
    await expect(
      Promise.resolve().then(() => applyProposals(template, ['merge:s6'])),
    ).rejects.toThrow(ChecklistImportError);
  });

  it('the built-in library holds the same form, fixed, with a rule for every answerable indicator', async () => {
    const { template, proposals } = await importTemplateXlsx(fixture, NAME);
    const fixed = applyProposals(
      template,
      proposals.map((p) => p.id),
    );
    const [builtin] = builtinTemplates();
    expect(builtin!.source.workbookHash).toBe(template.source.workbookHash);
    const shape = (t: Template) =>
      t.indicators.map(
        ({ id, number, text, kind, section, parent, max, cells, notApplicable, sharedCell }) => ({
          id,
          number,
          text,
          kind,
          section,
          parent,
          max,
          cells,
          notApplicable,
          sharedCell,
        }),
      );
    expect(shape(builtin!)).toEqual(shape(fixed));
    const answerable = builtin!.indicators.filter((i) => ['presence', 'count'].includes(i.kind));
    expect(answerable.filter((i) => i.rule === undefined).map((i) => i.id)).toEqual([]);
  });
});

describe('importTemplateXlsx on layouts it has never seen', () => {
  it('finds the columns in another order, the header under a letterhead, «х»/«x»/«—» marks and grey fills', async () => {
    const {
      template: t,
      proposals,
      warnings,
    } = await importTemplateXlsx(await shuffledForm(), 'rmo.xlsx');
    expect(t.source.sheetName).toBe('Форма');
    expect(t.title).toBe('Мониторинг работы РМО');
    expect(t.headerRow).toBe(4);
    expect(t.columns).toEqual({ number: 'C', text: 'B', score: 'E', count: 'A', note: 'D' });
    expect(t.sections.map((s) => s.title)).toEqual(['Работа районных методических объединений']);
    expect(byId(t, 'r6')).toMatchObject({
      number: '1',
      kind: 'presence',
      cells: { value: 'E6', note: 'D6' },
      notApplicable: ['A6'],
    });
    expect(byId(t, 'r7')).toMatchObject({
      number: '2',
      kind: 'count',
      cells: { value: 'A7' },
      notApplicable: ['E7'],
    });
    // A yellow highlight is an answer cell, not a grey «do not fill».
    expect(byId(t, 'r8')).toMatchObject({
      kind: 'presence',
      cells: { value: 'E8' },
      notApplicable: ['A8'],
    });
    expect(byId(t, 'r9').kind).toBe('group');
    expect(byId(t, 'r10')).toMatchObject({
      parent: 'r9',
      text: 'наличие наставника у молодого педагога',
      notApplicable: ['A10'],
    });
    expect(byId(t, 'r12')).toMatchObject({
      kind: 'aggregate',
      parent: 'r9',
      max: 3,
      cells: { value: 'E12' },
    });
    expect(proposals.map((p) => p.id)).toEqual(['split:r11']);
    expect(warnings).toEqual([]);
    const fixed = applyProposals(t, ['split:r11']);
    expect(
      fixed.indicators.filter((i) => i.parent === 'r9' && i.kind === 'presence').map((i) => i.text),
    ).toEqual([
      'наличие наставника у молодого педагога',
      'посещение уроков молодого педагога',
      'проведение мастер-классов',
    ]);
  });

  it('refuses a workbook that is not a checklist, in Russian, naming the file', async () => {
    const error = await importTemplateXlsx(await notAChecklist(), 'реестр.xlsx').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChecklistImportError);
    expect((error as Error).message).toMatch(
      /В книге «реестр\.xlsx» не найдено формы мониторинга.*Ничего не изменено\./,
    );
  });

  it('refuses corrupt, password-protected and empty files', async () => {
    const good = await toBytes(new ExcelJS.Workbook());
    const broken = good.slice(0, Math.floor(good.length / 2));
    await expect(importTemplateXlsx(broken, 'битый.xlsx')).rejects.toThrow(
      /«битый\.xlsx» повреждён/,
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(importTemplateXlsx(ole, 'с паролем.xlsx')).rejects.toThrow(/защищён паролем/);
    await expect(importTemplateXlsx(new Uint8Array(), 'пусто.xlsx')).rejects.toThrow(/пуст/);
    await expect(
      importTemplateXlsx(new TextEncoder().encode('№;Показатель'), 'a.xlsx'),
    ).rejects.toThrow(/не является книгой Excel/);
  });

  it('reads a form whose only mark is a hatched fill, with the header on row 1 and no number column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['Критерий', 'Оценка', 'Значение']);
    ws.addRow(['1. Наличие приказа о ВСОКО', '', '']);
    ws.getCell('C2').fill = { type: 'pattern', pattern: 'lightTrellis' };
    ws.addRow(['2. Численность педагогов, прошедших КПК', '', '']);
    ws.getCell('B3').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 0, tint: -0.25 } as Partial<ExcelJS.Color>,
    };
    const { template: t } = await importTemplateXlsx(await toBytes(wb), 'vsoko.xlsx');
    expect(
      t.indicators.map((i) => [i.number, i.text, i.kind, i.cells.value, i.notApplicable]),
    ).toEqual([
      ['1', 'Наличие приказа о ВСОКО', 'presence', 'B2', ['C2']],
      ['2', 'Численность педагогов, прошедших КПК', 'count', 'C3', ['B3']],
    ]);
  });
});

describe('parseTemplateJson', () => {
  it('takes back what the importer produced and refuses a template that fails its schema', async () => {
    const { template } = await importTemplateXlsx(fixture, NAME);
    expect(parseTemplateJson(JSON.stringify(template))).toEqual(template);
    const bad = {
      ...template,
      indicators: [{ ...template.indicators[0], cells: { value: 'седьмая' } }],
    };
    expect(() => parseTemplateJson(JSON.stringify(bad), 'мой.json')).toThrow(
      /«мой\.json» не похож на шаблон мониторинга: Адрес ячейки пишется как C7 \(поле indicators\.0\.cells\.value\)\. Ничего не изменено\./,
    );
    expect(() => parseTemplateJson('{', 'x.json')).toThrow(ChecklistImportError);
  });
});
