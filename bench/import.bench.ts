// Import of roadmaps: a generated 500-row roadmap as .docx and .xlsx (read + preview + plan),
// and the seeds' tables (rows, parsed periods, document references found).
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import {
  buildPreview,
  planImport,
  readImportFile,
  readPastedTable,
  type ImportPreview,
} from '../lib/importers/index.ts';
import { median, timeMs, type BenchSuite, type Figure } from './figure.ts';

const HEADER = [
  '№',
  'Мероприятия (форма)',
  'Срок исполнения',
  'Ответственный (ФИО, должность)',
  'Отчет о выполнении',
];
const MONTHS = [
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
];
const PEOPLE = [
  'И.Б. Лукашова, заместитель начальника УОН',
  'В.Г. Церекидзе, директор СЦРО',
  'Э.В. Вольская, главный специалист УОН',
];

/** 500 activity rows in 10 directions of 50, numbering restarting in each. */
function roadmapRows(): string[][] {
  const rows: string[][] = [HEADER];
  for (let d = 0; d < 10; d++) {
    rows.push([`Направление ${d + 1}: методическая деятельность`, '', '', '', '']);
    for (let i = 1; i <= 50; i++) {
      const n = d * 50 + i;
      rows.push([
        `${i}.`,
        `Семинар для педагогов ШНОР № ${n} по вопросам повышения качества образования (приказ)`,
        `${MONTHS[n % MONTHS.length]} ${n % MONTHS.length < 4 ? 2020 : 2021}`,
        PEOPLE[n % PEOPLE.length]!,
        `Проведён семинар, приказ УО от ${String((n % 28) + 1).padStart(2, '0')}.03.2021 № ${100 + n}, участвовали МБОУ СОШ № ${(n % 40) + 1}`,
      ]);
    }
  }
  return rows;
}

async function roadmapDocx(rows: string[][]): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i === 0,
          children:
            row.slice(1).every((c) => c === '') && i > 0
              ? [new TableCell({ children: [new Paragraph(row[0]!)], columnSpan: row.length })]
              : row.map((c) => new TableCell({ children: [new Paragraph(c)] })),
        }),
    ),
  });
  const doc = new Document({ sections: [{ children: [new Paragraph('Дорожная карта'), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function roadmapXlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('План');
  rows.forEach((row, r) => {
    if (r > 0 && row.slice(1).every((c) => c === '')) {
      sheet.getCell(r + 1, 1).value = row[0]!;
      sheet.mergeCells(r + 1, 1, r + 1, row.length);
    } else row.forEach((c, i) => (sheet.getCell(r + 1, i + 1).value = c));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CTX = { schoolYear: '2020-2021' };
const EMPTY = { activities: [], evidence: [], people: [], organisations: [] };
const NOW = '2021-06-10T09:00:00.000Z';

async function importOnce(bytes: Uint8Array, name: string): Promise<number> {
  const preview = buildPreview(await readImportFile(bytes, name), CTX);
  const plan = planImport(preview, new Set(preview.rows.map((r) => r.key)), EMPTY, NOW, 'bench');
  return plan.activities.length;
}

async function timeImport(bytes: Uint8Array, name: string): Promise<{ ms: number; rows: number }> {
  let rows = 0;
  await importOnce(bytes, name); // warm-up: module and stemmer caches
  const times: number[] = [];
  for (let i = 0; i < 5; i++)
    times.push(await timeMs(async () => (rows = await importOnce(bytes, name))));
  return { ms: median(times), rows };
}

function seedPreview(file: string): ImportPreview {
  const text = readFileSync(
    new URL(`../tests/fixtures/seeds/${file}.txt`, import.meta.url),
    'utf8',
  );
  return buildPreview(readPastedTable(text, file), CTX);
}

function seedFigures(label: string, file: string, rows: number, refs: number): Figure[] {
  const preview = seedPreview(file);
  const distinctRefs = new Set(
    preview.rows.flatMap((r) => r.refs.map((x) => `${x.kind}|${x.date}|${x.number}`)),
  );
  return [
    {
      name: `${label}: activities imported`,
      value: preview.rows.length,
      unit: 'rows',
      target: rows,
      bound: 'min',
    },
    {
      name: `${label}: periods parsed (not unknown)`,
      value: preview.rows.filter((r) => r.period.parsed.kind !== 'unknown').length,
      unit: 'rows',
      target: rows,
      bound: 'min',
    },
    {
      name: `${label}: distinct document references found`,
      value: distinctRefs.size,
      unit: 'refs',
      target: refs,
      bound: 'min',
    },
  ];
}

export default {
  title: 'Import of roadmaps and reports',
  async run(): Promise<Figure[]> {
    const rows = roadmapRows();
    const docx = await timeImport(await roadmapDocx(rows), 'roadmap-500.docx');
    const xlsx = await timeImport(await roadmapXlsx(rows), 'roadmap-500.xlsx');
    return [
      {
        name: '500-row .docx: read + preview + plan',
        value: docx.ms,
        unit: 'ms',
        target: 1000,
        bound: 'max',
        note: `${docx.rows} activities`,
      },
      {
        name: '500-row .xlsx: read + preview + plan',
        value: xlsx.ms,
        unit: 'ms',
        target: 1000,
        bound: 'max',
        note: `${xlsx.rows} activities`,
      },
      // Seed 000: 20 numbered rows in 6 directions, 17 distinct documents cited in the reports.
      ...seedFigures('seed 000', '000_eaebad773a01309e', 20, 17),
      // Seed 002: 35 roadmap rows; it cites no documents (expected output forms only).
      ...seedFigures('seed 002', '002_bad5b6982bec67cd', 35, 0),
    ];
  },
} satisfies BenchSuite;
