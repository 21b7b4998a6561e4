// Rules travel with the indicator: a form the library has never seen gets the rules of the
// indicators it means (bind-rules.ts, recognise.ts), shown, undoable, and kept apart from what
// the user corrects by hand (corrections.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  autoComplete,
  bindRules,
  builtinTemplates,
  ChecklistImportError,
  importTemplateXlsx,
  libraryCandidates,
  newFilling,
  recogniseForm,
  unbindRule,
  type AutoResult,
  type Indicator,
  type Template,
} from '../../../lib/checklist/index.ts';
import { applyCorrections } from '../../../lib/checklist/corrections.ts';
import { corpusRegister } from '../../corpus/measure.ts';
import { toBytes } from './workbooks.ts';

const PERIOD = { start: '2020-09-01', end: '2021-08-31' };
const NOW = '2021-09-01T00:00:00.000Z';
const fixturePath = fileURLToPath(
  new URL('../../fixtures/monitoring-korenovsky-2021.xlsx', import.meta.url),
);
const fixture = new Uint8Array(readFileSync(fixturePath));
const seed004 = (): Template => builtinTemplates()[0]!;
const candidates = () => libraryCandidates(builtinTemplates());
const byId = (t: Template, id: string): Indicator => t.indicators.find((i) => i.id === id)!;

function complete(t: Template): Map<string, AutoResult> {
  const results = autoComplete(
    t,
    newFilling(t, { id: 'f', period: PERIOD }, NOW),
    corpusRegister(),
    {
      today: PERIOD.end,
    },
  );
  return new Map(results.map((r) => [r.indicatorId, r]));
}

/** A district's own form: two of seed 004's indicators in other words, and two it does not have. */
async function rewordedForm(): Promise<Template> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Форма');
  ws.getRow(1).values = ['№', 'Показатель', 'Балл', 'Количество'];
  ws.getRow(2).values = ['1.', 'Методическое сопровождение ШНОР'];
  ws.getRow(3).values = [
    '1.1',
    'Наличие раздела о сопровождении школ с низкими образовательными результатами на официальном сайте управления образования',
    '',
    'х',
  ];
  ws.getRow(4).values = [
    '1.2',
    'Число школ с низкими образовательными результатами, которым оказана адресная методическая помощь',
    'х',
    '',
  ];
  ws.getRow(5).values = ['1.3', 'Наличие бассейна в здании управления', '', 'х'];
  // Seed 004's presence indicator r11 asked as a count: no presence rule may answer it.
  ws.getRow(6).values = [
    '1.4',
    'Количество разделов по сопровождению ШНОР на официальном сайте УО',
    'х',
    '',
  ];
  ws.getRow(7).values = ['2.', 'Работа тьюторов'];
  ws.getRow(8).values = ['2.1', 'Наличие плана работы МТКП', '', 'х'];
  return (await importTemplateXlsx(await toBytes(wb), 'форма-района.xlsx')).template;
}

describe('bindRules', () => {
  it('binds a reworded seed-004 indicator to its rule, says where it came from, and answers it as seed 004 does', async () => {
    const { template, report } = bindRules(await rewordedForm(), candidates());
    const section = byId(template, 'r3');
    expect(section.rule).toEqual(byId(seed004(), 'r11').rule);
    expect(section.binding).toMatchObject({
      source: 'library',
      sourceTitle: seed004().title,
      sourceId: 'r11',
      sourceText: 'Наличие раздела по сопровождению ШНОР на официальном сайте УО',
    });
    expect(section.binding!.similarity).toBeGreaterThanOrEqual(0.55);
    expect(section.binding!.similarity).toBeLessThanOrEqual(1);
    expect(byId(template, 'r4').binding).toMatchObject({ sourceId: 'r17' });
    expect(report.bound).toBe(2);

    const own = complete(seed004());
    const here = complete(template);
    expect(here.get('r3')).toMatchObject({ basis: 'rule', value: own.get('r11')!.value });
    expect(here.get('r4')).toMatchObject({ basis: 'rule', value: own.get('r17')!.value });
    expect(here.get('r4')!.value).toBe(13);
  });

  it('does not bind an indicator seed 004 does not have, nor a count to a presence rule', async () => {
    const { template } = bindRules(await rewordedForm(), candidates());
    expect(byId(template, 'r5')).not.toHaveProperty('binding');
    expect(byId(template, 'r5')).not.toHaveProperty('rule');
    const asCount = byId(template, 'r6');
    expect(asCount.kind).toBe('count');
    expect(asCount.binding?.sourceId).not.toBe('r11');
    if (asCount.binding) {
      const source = byId(seed004(), asCount.binding.sourceId);
      expect(source.kind).toBe('count');
    }
  });

  it('unbindRule leaves the binding marked undone and no rule; binding again does not bring it back', async () => {
    const { template } = bindRules(await rewordedForm(), candidates());
    const undone = unbindRule(template, 'r3');
    const ind = byId(undone, 'r3');
    expect(ind.rule).toBeUndefined();
    expect(ind.binding).toMatchObject({ sourceId: 'r11', undone: true });
    // Other bindings stay.
    expect(byId(undone, 'r4').binding?.sourceId).toBe('r17');

    const again = bindRules(undone, candidates());
    expect(again.report.bound).toBe(0);
    expect(byId(again.template, 'r3').rule).toBeUndefined();
    expect(byId(again.template, 'r3').binding?.undone).toBe(true);
    // Answered from its wording or by hand now, not by the rule.
    expect(complete(again.template).get('r3')!.basis).not.toBe('rule');
  });
});

describe('recogniseForm', () => {
  it('returns the library’s own template for the Korenovsky form itself', async () => {
    const recognised = await recogniseForm(fixture, 'monitoring-korenovsky-2021.xlsx');
    expect(recognised.known).not.toBeNull();
    expect(recognised.known!.id).toBe(seed004().id);
    expect(recognised.template).toEqual(seed004());
    expect(recognised.warnings.join(' ')).toMatch(/Форма узнана/);
  });

  it('binds the rules of a re-laid-out copy (columns reordered, «х» marks)', async () => {
    // The same form, as another district would send it: text first, then the number, the count
    // and the score; «х» instead of «*» and grey fills.
    const source = new ExcelJS.Workbook();
    await source.xlsx.load(fixture.slice().buffer);
    const from = source.getWorksheet('Мониторинг')!;
    const text = (v: ExcelJS.CellValue): string =>
      v === null || v === undefined
        ? ''
        : typeof v === 'object' && 'richText' in v
          ? v.richText.map((r) => r.text).join('')
          : String(v);
    const notApplicable = (c: ExcelJS.Cell) =>
      text(c.value) === '*' || (c.fill?.type === 'pattern' && c.fill.pattern !== 'none');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Форма');
    ws.getCell('A2').value = 'Мониторинг результативности системы методической помощи ШНОР';
    ws.getRow(5).values = ['Наименование показателя', '№', 'Количество', 'Баллы (1/0)'];
    for (let r = 6; r < 100; r++) {
      const [number, title, score, count] = [1, 2, 3, 4].map((c) => from.getCell(r, c));
      if (number!.isMerged && count!.isMerged) {
        ws.getCell(r, 1).value = text(number!.master.value);
        ws.mergeCells(r, 1, r, 4);
        continue;
      }
      if (!text(title!.value) && !text(number!.value)) continue;
      ws.getCell(r, 1).value = text(title!.value);
      if (text(number!.value)) ws.getCell(r, 2).value = text(number!.value);
      if (notApplicable(score!)) ws.getCell(r, 4).value = 'х';
      if (notApplicable(count!)) ws.getCell(r, 3).value = 'х';
    }
    const recognised = await recogniseForm(await toBytes(wb), 'мониторинг-шнор.xlsx');
    expect(recognised.known).toBeNull();
    const t = recognised.template;
    expect(t.columns).toMatchObject({ text: 'A', number: 'B', count: 'C', score: 'D' });
    // Rows 7–37 (the first two sections) are seed 004's own rows: each bound to its own rule.
    const answerable = t.indicators.filter(
      (i) => i.row !== null && i.row <= 37 && (i.kind === 'presence' || i.kind === 'count'),
    );
    expect(answerable).toHaveLength(24);
    for (const ind of answerable) {
      expect(ind.binding, ind.id).toMatchObject({ source: 'library', sourceId: ind.id });
      expect(ind.rule).toEqual(byId(seed004(), ind.id).rule);
    }
    expect(byId(t, 'r11')).toMatchObject({ cells: { value: 'D11' }, notApplicable: ['C11'] });
    expect(byId(t, 'r14')).toMatchObject({
      kind: 'count',
      cells: { value: 'C14' },
      notApplicable: ['D14'],
    });
  });
});

describe('applyCorrections', () => {
  it('changes kind, cell and section, records them, and drops a binding the new kind no longer fits', async () => {
    const { template } = bindRules(await rewordedForm(), candidates());
    expect(byId(template, 'r3').binding).toBeDefined();
    const corrected = applyCorrections(template, [
      { indicatorId: 'r3', kind: 'count' },
      { indicatorId: 'r5', cell: 'D5' },
      { indicatorId: 'r8', section: 's2' },
    ]);
    expect(byId(corrected, 'r3')).toMatchObject({ kind: 'count', max: null });
    expect(byId(corrected, 'r3')).not.toHaveProperty('binding');
    expect(byId(corrected, 'r3')).not.toHaveProperty('rule');
    // The cell marked «х» becomes the answer cell: it is no longer not-applicable.
    expect(byId(corrected, 'r5')).toMatchObject({ cells: { value: 'D5' }, notApplicable: [] });
    expect(byId(corrected, 'r8').section).toBe('s2');
    expect(corrected.corrections).toEqual([
      { indicatorId: 'r3', kind: 'count' },
      { indicatorId: 'r5', cell: 'D5' },
      { indicatorId: 'r8', section: 's2' },
    ]);
    // A binding of an indicator whose kind did not change stays.
    expect(byId(corrected, 'r4').binding?.sourceId).toBe('r17');
    // The input is not changed.
    expect(byId(template, 'r3').kind).toBe('presence');
  });

  it('refuses a cell that is not an address, in Russian, and changes nothing', async () => {
    const template = await rewordedForm();
    const error = (() => {
      try {
        applyCorrections(template, [{ indicatorId: 'r5', cell: 'седьмая' }]);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ChecklistImportError);
    expect((error as Error).message).toBe(
      '«седьмая» — не адрес ячейки (нужно вроде C7): исправление не применено. Ничего не изменено.',
    );
    expect(byId(template, 'r5').cells.value).toBe('C5');
  });
});
