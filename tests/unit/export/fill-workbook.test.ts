import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../../lib/export/errors.ts';
import { cellList, fillWorkbook, type FillOptions } from '../../../lib/export/fill-workbook.ts';
import type { Template } from '../../../lib/checklist/schema.ts';
import type { Evidence } from '../../../lib/model/index.ts';
import { evidence } from './register-fixture.ts';
import {
  ANSWER_CELLS,
  EXPECTED_VALUES,
  fixtureBytes,
  korenovskyFilling,
  korenovskyTemplate,
} from './korenovsky-template.ts';

const filling = korenovskyFilling();

const evidenceList: Evidence[] = [
  evidence({
    id: 'e-736',
    kind: 'order',
    issuer: 'УО',
    date: '2021-05-14',
    number: '736',
    title: 'О результатах методических выездов в ШНОР',
    attachments: [
      {
        hash: 'a'.repeat(64),
        name: 'prikaz-736.pdf',
        type: 'application/pdf',
        size: 1000,
      },
    ],
  }),
  evidence({
    id: 'e-320',
    kind: 'letter',
    issuer: 'МКУО КМЦ',
    date: '2021-05-20',
    number: '320',
    title: '=cmd|"/c calc"!A1',
  }),
  evidence({
    id: 'e-site',
    kind: 'web_page',
    issuer: '',
    title: 'Раздел ШНОР на сайте УО',
    url: 'https://uo.example.ru/shnor',
  }),
];

const options = (over: Partial<FillOptions> = {}): FillOptions => ({
  sourcesSheet: false,
  aggregatesAsFormulas: false,
  organisation: 'МКУ «ИМЦ системы образования МО Кореновский район»',
  evidenceById: new Map(evidenceList.map((e) => [e.id, e])),
  ...over,
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

/**
 * The authority's form with the features a real one may carry, added to the fixture: a second
 * sheet, list validation on the score column, header/footer text and a print area.
 */
async function richVariant(): Promise<Uint8Array> {
  const wb = await load(fixtureBytes());
  const ws = wb.getWorksheet('Мониторинг')!;
  for (let r = 7; r <= 13; r++)
    ws.getCell(`C${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"0,1"'],
      showErrorMessage: true,
      error: 'Введите 0 или 1',
    };
  ws.headerFooter = { oddHeader: '&CМониторинг ШНОР', oddFooter: '&RСтраница &P' };
  ws.pageSetup.printArea = 'A1:D100';
  ws.pageSetup.orientation = 'landscape';
  ws.getRow(7).height = 42;
  const other = wb.addWorksheet('Справочник');
  other.getCell('A1').value = 'Код';
  other.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  other.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
  other.getColumn(1).width = 33;
  other.mergeCells('A4:C4');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function styleOf(cell: ExcelJS.Cell): unknown {
  return JSON.parse(
    JSON.stringify({
      font: cell.font ?? null,
      fill: cell.fill ?? null,
      border: cell.border ?? null,
      alignment: cell.alignment ?? null,
      numFmt: cell.numFmt ?? null,
      protection: cell.protection ?? null,
    }),
  );
}

/** Every cell outside `changed` keeps its value, style and validation; every sheet its layout. */
function expectSameExcept(before: ExcelJS.Workbook, after: ExcelJS.Workbook, changed: string[]) {
  for (const src of before.worksheets) {
    const out = after.getWorksheet(src.name)!;
    expect(out, `лист ${src.name}`).toBeDefined();
    const rows = Math.max(src.rowCount, out.rowCount);
    const cols = Math.max(src.columnCount, out.columnCount);
    let compared = 0;
    for (let r = 1; r <= rows; r++) {
      expect(out.getRow(r).height, `высота строки ${r}`).toEqual(src.getRow(r).height);
      for (let c = 1; c <= cols; c++) {
        const a = src.getCell(r, c);
        const b = out.getCell(r, c);
        const where = `${src.name}!${a.address}`;
        expect(styleOf(b), where).toEqual(styleOf(a));
        expect(JSON.stringify(b.dataValidation ?? null), where).toBe(
          JSON.stringify(a.dataValidation ?? null),
        );
        if (src.name === 'Мониторинг' && changed.includes(a.address)) continue;
        expect(JSON.stringify(b.value), where).toBe(JSON.stringify(a.value));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(out.model.merges, src.name).toEqual(src.model.merges);
    expect(
      out.columns.map((c) => c.width),
      src.name,
    ).toEqual(src.columns.map((c) => c.width));
    expect(out.views, src.name).toEqual(src.views);
    expect(out.pageSetup, src.name).toEqual(src.pageSetup);
    expect(out.headerFooter, src.name).toEqual(src.headerFooter);
    expect(out.state, src.name).toEqual(src.state);
  }
}

describe('fillWorkbook on the Korenovsky form', () => {
  let source: Uint8Array;
  let template: Template;
  beforeAll(async () => {
    source = await richVariant();
    template = await korenovskyTemplate(source);
  });

  it('writes the answers as numbers and leaves every other cell and setting as it was', async () => {
    const out = await fillWorkbook(source, template, filling, undefined, options());
    const before = await load(source);
    const after = await load(out);
    expect(after.worksheets.map((w) => w.name)).toEqual(['Мониторинг', 'Справочник']);
    expectSameExcept(before, after, ANSWER_CELLS);
    const ws = after.getWorksheet('Мониторинг')!;
    const got = Object.fromEntries(ANSWER_CELLS.map((a) => [a, ws.getCell(a).value]));
    expect(got).toEqual(EXPECTED_VALUES);
    for (const a of ANSWER_CELLS) expect(ws.getCell(a).type, a).toBe(ExcelJS.ValueType.Number);
    // The form's «*» marks and texts around the answers are untouched.
    expect(ws.getCell('D7').value).toBe('*');
    expect(ws.getCell('C14').value).toBe('*');
    expect(ws.getCell('C9').value).toBeNull();
  });

  it('keeps the plain fixture identical outside the answer cells too', async () => {
    const plain = fixtureBytes();
    const out = await fillWorkbook(
      plain,
      await korenovskyTemplate(plain),
      filling,
      undefined,
      options(),
    );
    expectSameExcept(await load(plain), await load(out), ANSWER_CELLS);
  });

  it('writes aggregates as formulas over the item cells with the result cached, when asked', async () => {
    const out = await fillWorkbook(
      source,
      template,
      filling,
      undefined,
      options({ aggregatesAsFormulas: true }),
    );
    const ws = (await load(out)).getWorksheet('Мониторинг')!;
    expect(ws.getCell('C25').value).toEqual({ formula: 'ROUND(SUM(C23:C24),2)', result: 1 });
    expect(ws.getCell('C37').value).toEqual({ formula: 'ROUND(SUM(C32:C36),2)', result: 3 });
    expectSameExcept(await load(source), await load(out), ANSWER_CELLS);
  });

  it("adds a «Источники» sheet with each value's evidence: kind, number, date, title, URL", async () => {
    const out = await fillWorkbook(
      source,
      template,
      filling,
      undefined,
      options({ sourcesSheet: true }),
    );
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Мониторинг', 'Справочник', 'Источники']);
    expectSameExcept(await load(source), wb, ANSWER_CELLS);
    const ws = wb.getWorksheet('Источники')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe(
      'Источники сведений: МКУ «ИМЦ системы образования МО Кореновский район»',
    );
    expect(rows[1]).toEqual([
      '№',
      'Показатель',
      'Значение',
      'Вид документа',
      'Номер',
      'Дата',
      'Название',
      'Адрес (URL)',
    ]);
    const body = rows.slice(2).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7]]);
    expect(body).toEqual([
      [
        '1',
        1,
        'приказ',
        '736',
        '14.05.2021',
        'О результатах методических выездов в ШНОР',
        undefined,
      ],
      ['2', 0, 'нет подтверждений', undefined, undefined, undefined, undefined],
      [
        '5',
        1,
        'страница сайта',
        undefined,
        undefined,
        'Раздел ШНОР на сайте УО',
        'https://uo.example.ru/shnor',
      ],
      [
        '8',
        17,
        'приказ',
        '736',
        '14.05.2021',
        'О результатах методических выездов в ШНОР',
        undefined,
      ],
      ['8', 17, 'письмо', '320', '20.05.2021', `'=cmd|"/c calc"!A1`, undefined],
      ['9', 9, 'нет подтверждений', undefined, undefined, undefined, undefined],
      ['2', 1, 'письмо', '320', '20.05.2021', `'=cmd|"/c calc"!A1`, undefined],
      ['2', 0, 'нет подтверждений', undefined, undefined, undefined, undefined],
      // Group 4 answered for two mentors: the mean per item.
      ...[1, 0.5, 0, 1, 0.5].map((v) => [
        '4',
        v,
        'нет подтверждений',
        undefined,
        undefined,
        undefined,
        undefined,
      ]),
    ]);
    // Metadata only: no attachment is packed into the workbook.
    const entries = Object.keys(unzipSync(out));
    expect(entries.some((e) => /media|embeddings|\.pdf$/i.test(e))).toBe(false);
  });

  it('refuses, in Russian, a workbook that is not the one the template was made from', async () => {
    // The user edited the form in Excel after importing it: one byte differs.
    const tampered = new Uint8Array(source);
    const at = tampered.length - 30;
    tampered[at] = tampered[at]! ^ 0xff;
    await expect(fillWorkbook(tampered, template, filling, undefined, options())).rejects.toThrow(
      'Файл «monitoring-korenovsky-2021.xlsx» отличается от того, из которого была создана форма: ответы могли бы попасть не в те ячейки. Загрузите тот же файл, что импортировали, или импортируйте форму заново. Ничего не выгружено.',
    );
    await expect(
      fillWorkbook(new Uint8Array(), template, filling, undefined, options()),
    ).rejects.toThrow(/не найден.*Ничего не выгружено/);
    await expect(
      fillWorkbook(tampered, template, filling, undefined, options()),
    ).rejects.toBeInstanceOf(ExportError);
  });

  it('refuses a template pointing at a sheet the workbook lacks', async () => {
    const t = { ...template, source: { ...template.source!, sheetName: 'Лист1' } };
    await expect(fillWorkbook(source, t, filling, undefined, options())).rejects.toThrow(
      'В файле формы нет листа «Лист1». Импортируйте форму заново. Ничего не выгружено.',
    );
  });
});

describe('cellList', () => {
  it('makes a range of a run down one column and a list otherwise', () => {
    expect(cellList(['C23', 'C24', 'C25'])).toBe('C23:C25');
    expect(cellList(['C23', 'C25'])).toBe('C23,C25');
    expect(cellList(['C23', 'D24'])).toBe('C23,D24');
  });
});

describe('fillWorkbook with the template lib/checklist imports from the same file', () => {
  it('fills every answer cell of the imported Korenovsky form and nothing else', async () => {
    const { importTemplateXlsx } = await import('../../../lib/checklist/import-xlsx.ts');
    const bytes = fixtureBytes();
    const { template } = await importTemplateXlsx(bytes, 'monitoring-korenovsky-2021.xlsx');
    const base = korenovskyFilling();
    const answers: typeof base.answers = {};
    for (const ind of template.indicators)
      if (ind.kind === 'presence' || ind.kind === 'count' || ind.kind === 'number')
        answers[ind.id] = {
          ...base.answers.i1!,
          value: ind.kind === 'presence' ? 1 : 7,
        };
    const out = await fillWorkbook(
      bytes,
      template,
      { ...base, templateId: template.id, subjects: {}, answers },
      undefined,
      options({ aggregatesAsFormulas: true }),
    );
    const written = template.indicators.flatMap((i) => (i.cells.value ? [i.cells.value] : []));
    expect(written.length).toBeGreaterThan(40);
    const after = await load(out);
    expectSameExcept(await load(bytes), after, written);
    const ws = after.getWorksheet('Мониторинг')!;
    expect(ws.getCell('C7').value).toBe(1);
    expect(ws.getCell('D14').value).toBe(7);
    expect(ws.getCell('C37').value).toEqual({ formula: 'ROUND(SUM(C32:C36),2)', result: 5 });
  });
});
