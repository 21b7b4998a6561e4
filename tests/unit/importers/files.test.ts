// The same seed rows written as real .docx and .xlsx files import to the same activities.
import { describe, expect, it } from 'vitest';
import { buildPreview, readImportFile, type ImportPreview } from '../../../lib/importers/index.ts';
import { buildDocx, buildXlsx, seedPreview, seedTables } from './build.ts';

const essence = (p: ImportPreview) =>
  p.rows.map((r) => ({
    number: r.number,
    title: r.title,
    direction: r.direction,
    level: r.level,
    period: r.period.raw,
    place: r.place,
    responsible: r.responsible.people.map((x) => x.name),
    report: r.report,
    status: r.status,
    refs: r.refs.length,
  }));

const ctx = { schoolYear: '2020-2021' };

describe.each(['000_eaebad773a01309e', '002_bad5b6982bec67cd'])('seed %s as files', (seed) => {
  const pasted = seedPreview(seed);
  const rows = seedTables(seed)[0]!.rows;

  it('a .docx with repeated header rows, split rows and merged section rows gives the same rows', async () => {
    const bytes = await buildDocx(rows, ['Приложение к приказу', 'Отчёт о выполнении']);
    const tables = await readImportFile(bytes, 'Отчёт.docx');
    expect(tables.map((t) => t.source)).toEqual(['docx']);
    const preview = buildPreview(tables, ctx);
    expect(essence(preview)).toEqual(essence(pasted));
  });

  it('an .xlsx with the columns in another order and the header on row 3 gives the same rows', async () => {
    const width = rows[0]!.length;
    const order = [...Array(width).keys()].reverse();
    const bytes = await buildXlsx(rows, order);
    const tables = await readImportFile(bytes, 'Дорожная карта.xlsx');
    expect(tables[0]!.source).toBe('xlsx');
    const preview = buildPreview(tables, ctx);
    expect(preview.tables[0]!.headerRow).toBe(2);
    expect(essence(preview)).toEqual(essence(pasted));
  });
});

describe('csv', () => {
  it('reads semicolon CSV in Windows-1251 with quoted multi-line cells', async () => {
    const text =
      '№;Мероприятие;Срок;Ответственный\r\n' +
      '1.;"Семинар для ШНОР;\r\nвторая строка";февраль 2021;И.В. Ещенко - начальник отдела\r\n';
    const bytes = Uint8Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 128) return code;
      if (ch === '№') return 0xb9;
      return code - 0x410 + 0xc0; // А..я in Windows-1251
    });
    const preview = buildPreview(await readImportFile(bytes, 'plan.csv'), ctx);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]!.title).toBe('Семинар для ШНОР;\nвторая строка');
    expect(preview.rows[0]!.period.raw).toBe('февраль 2021');
  });

  it('reads comma CSV in UTF-8 with a BOM', async () => {
    const text =
      '\ufeffНомер,Содержание работы,Сроки,Место проведения\n1,"Круглый стол, ""500+""",март,УО\n';
    const preview = buildPreview(
      await readImportFile(new TextEncoder().encode(text), 'a.csv'),
      ctx,
    );
    expect(preview.rows.map((r) => [r.number, r.title, r.place])).toEqual([
      ['1', 'Круглый стол, "500+"', 'УО'],
    ]);
  });
});

describe('pasted from Excel', () => {
  it('keeps tabs and newlines inside quoted cells', async () => {
    const { readPastedTable } = await import('../../../lib/importers/index.ts');
    const text = '№\tМероприятие\tСрок\n1\t"Первая строка\nвторая\tс табуляцией"\tмай 2021\n';
    const preview = buildPreview(readPastedTable(text), ctx);
    expect(preview.rows[0]!.title).toBe('Первая строка\nвторая с табуляцией');
  });

  it('lets the user map an unrecognised column', async () => {
    const { readPastedTable } = await import('../../../lib/importers/index.ts');
    const text =
      '№\tМероприятие\tСрок\tКто отвечает\n1\tСеминар\tмай 2021\tО.В. Плесецкая - директор\n';
    const tables = readPastedTable(text);
    const auto = buildPreview(tables, ctx);
    expect(auto.tables[0]!.columns[3]).toEqual({ index: 3, header: 'Кто отвечает', field: null });
    const mapped = buildPreview(tables, { ...ctx, mapping: { 0: { 3: 'responsible' } } });
    expect(mapped.rows[0]!.responsible.people.map((p) => p.name)).toEqual(['О.В. Плесецкая']);
  });
});

describe('docx vertical merges', () => {
  it('a responsible cell merged down over two activities belongs to both', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } =
      await import('docx');
    const c = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
      new TableCell({
        children: [new Paragraph(text)],
        ...(merge ? { verticalMerge: merge } : {}),
      });
    const table = new Table({
      rows: [
        new TableRow({ children: [c('№'), c('Мероприятие'), c('Ответственный')] }),
        new TableRow({
          children: [
            c('1.'),
            c('Семинар'),
            c('О.В. Плесецкая - директор МКУО КМЦ', VerticalMergeType.RESTART),
          ],
        }),
        new TableRow({ children: [c('2.'), c('Вебинар'), c('', VerticalMergeType.CONTINUE)] }),
      ],
    });
    const bytes = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })),
    );
    const preview = buildPreview(await readImportFile(bytes, 'м.docx'), ctx);
    expect(
      preview.rows.map((r) => [r.number, r.title, r.responsible.people.map((p) => p.name)]),
    ).toEqual([
      ['1.', 'Семинар', ['О.В. Плесецкая']],
      ['2.', 'Вебинар', ['О.В. Плесецкая']],
    ]);
  });
});
