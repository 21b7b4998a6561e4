// The readers' refusals and the plan's skip reasons follow the interface language at the moment
// they are raised; names from the user’s files stay as written (quoted “” in English, «» in Russian).
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n/index.ts';
import {
  ImportError,
  buildPreview,
  planImport,
  readImportFile,
  readPastedTable,
} from '../../../lib/importers/index.ts';
import { buildDocxParagraphs } from './build.ts';

const NOTHING_EN = 'Nothing was imported, the register is unchanged.';
const NOTHING_RU = 'Ничего не импортировано, реестр не изменён.';

async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the input was accepted');
}

const WORD_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A zip that says it is a Word document, with the given parts. */
const wordZip = (parts: Record<string, string>): Uint8Array =>
  zipSync({
    '[Content_Types].xml': strToU8(WORD_TYPES),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])),
  });

async function emptyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Лист1');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const table = '№\tМероприятие\tСрок\n1.\tСеминар\tмарт\n2.\t\tапрель\n';
const NOW = '2021-06-10T09:00:00.000Z';
const empty = { activities: [], evidence: [], people: [], organisations: [] };

afterEach(() => setLocale('ru'));

describe('reader refusals in English', () => {
  it('a .docx without its main document part', async () => {
    setLocale('en');
    const bytes = wordZip({});
    expect(await refusal(() => readImportFile(bytes, 'отчёт.docx'))).toBe(
      `The file “отчёт.docx” is damaged: the main text of the Word document is missing. ${NOTHING_EN}`,
    );
  });

  it('a .docx whose document has no body', async () => {
    setLocale('en');
    const bytes = wordZip({
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    expect(await refusal(() => readImportFile(bytes, 'отчёт.docx'))).toBe(
      `The file “отчёт.docx” is damaged: the text of the Word document cannot be read. ${NOTHING_EN}`,
    );
  });

  it('an empty .docx and a .docx without a table', async () => {
    setLocale('en');
    const blank = await buildDocxParagraphs([]);
    expect(await refusal(() => readImportFile(blank, 'пустой.docx'))).toBe(
      `The document “пустой.docx” is empty. ${NOTHING_EN}`,
    );
    const text = await buildDocxParagraphs(['Приказ № 877']);
    expect(await refusal(() => readImportFile(text, 'приказ.docx'))).toBe(
      `There is no table in the document “приказ.docx”. The import reads activities from tables (№, мероприятие, срок, ответственный…). ${NOTHING_EN}`,
    );
  });

  it('a .xlsx whose only sheet is empty', async () => {
    setLocale('en');
    const bytes = await emptyWorkbook();
    expect(await refusal(() => readImportFile(bytes, 'план.xlsx'))).toBe(
      `The workbook “план.xlsx” has no filled-in sheets. ${NOTHING_EN}`,
    );
  });

  it('a blank .csv and pasted text without a table', async () => {
    setLocale('en');
    const blank = new TextEncoder().encode(' \n\n');
    expect(await refusal(() => readImportFile(blank, 'план.csv'))).toBe(
      `The file “план.csv” is empty. ${NOTHING_EN}`,
    );
    expect(await refusal(() => readPastedTable('  '))).toBe(
      `The pasted text is empty. ${NOTHING_EN}`,
    );
    expect(await refusal(() => readPastedTable('Просто текст без табуляции'))).toBe(
      `There is no table in the pasted text: copy the table rows from Word or Excel (columns are separated by tabs). ${NOTHING_EN}`,
    );
  });

  it('switches back: the same refusal in Russian after setLocale("ru")', async () => {
    setLocale('en');
    const bytes = await emptyWorkbook();
    await refusal(() => readImportFile(bytes, 'план.xlsx'));
    setLocale('ru');
    expect(await refusal(() => readImportFile(bytes, 'план.xlsx'))).toBe(
      `В книге «план.xlsx» нет заполненных листов. ${NOTHING_RU}`,
    );
  });
});

describe('plan skip reasons follow the locale', () => {
  const preview = buildPreview(readPastedTable(table), { schoolYear: '2020-2021' });
  const [seminar, untitled] = preview.rows;

  it('gives the reasons in English', () => {
    setLocale('en');
    const first = planImport(preview, new Set([seminar!.key, untitled!.key]), empty, NOW, '');
    expect(first.skipped).toEqual([
      { key: untitled!.key, reason: 'The row has no activity title.' },
    ]);
    const second = planImport(preview, new Set([seminar!.key]), first, NOW, '');
    expect(second.skipped).toEqual([
      { key: seminar!.key, reason: 'Already imported: “Семинар”.' },
      { key: untitled!.key, reason: 'The row was not selected for import.' },
    ]);
  });

  it('keeps the Russian reasons by default', () => {
    const first = planImport(preview, new Set([seminar!.key, untitled!.key]), empty, NOW, '');
    expect(first.skipped[0]!.reason).toBe('В строке нет названия мероприятия.');
    const second = planImport(preview, new Set([seminar!.key]), first, NOW, '');
    expect(second.skipped.map((s) => s.reason)).toEqual([
      'Уже импортировано: «Семинар».',
      'Строка не выбрана для импорта.',
    ]);
  });
});
