// Files the importer must refuse, each with a Russian message saying what was wrong.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  buildPreview,
  readImportFile,
  readPastedTable,
} from '../../../lib/importers/index.ts';
import { buildDocx, buildDocxParagraphs } from './build.ts';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).toContain('Ничего не импортировано');
    return message;
  }
  throw new Error('the file was accepted');
}

const validDocx = (): Promise<Uint8Array> =>
  buildDocx([
    ['№', 'Мероприятие', 'Срок'],
    ['1.', 'Семинар', 'март'],
  ]);

/** Rewrites the uncompressed size declared for every entry in the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe('refused files', () => {
  it('a corrupt zip', async () => {
    const bytes = await validDocx();
    const broken = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(await refusal(readImportFile(broken, 'отчёт.docx'))).toMatch(/повреждён/);
  });

  it('a zip bomb: 20 MB of zeros in a few KB', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(readImportFile(bomb, 'бомба.docx'))).toMatch(/zip-бомб/);
  });

  it('a zip declaring 300 MB per entry, refused before inflating', async () => {
    const crafted = declareSize(await validDocx(), 300 * 1024 * 1024);
    expect(await refusal(readImportFile(crafted, 'большой.docx'))).toMatch(
      /zip-бомб|слишком велик/,
    );
  });

  it('a text file renamed .docx', async () => {
    const bytes = new TextEncoder().encode('Это просто текст, а не документ Word');
    expect(await refusal(readImportFile(bytes, 'план.docx'))).toMatch(/изменили расширение/);
  });

  it('an OLE file (.doc/.xls or password-protected)', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(readImportFile(bytes, 'план.xlsx'))).toMatch(
      /защищён паролем или сохранён в старом формате \(\.doc\/\.xls\)/,
    );
  });

  it('an empty document', async () => {
    const bytes = await buildDocxParagraphs([]);
    expect(await refusal(readImportFile(bytes, 'пустой.docx'))).toMatch(/пуст/);
  });

  it('a document with no table', async () => {
    const bytes = await buildDocxParagraphs(['Приказ № 877', 'О проведении мероприятий']);
    expect(await refusal(readImportFile(bytes, 'приказ.docx'))).toMatch(/нет таблицы/);
  });

  it('a file over 50 MB', async () => {
    const bytes = new Uint8Array(51 * 1024 * 1024);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(readImportFile(bytes, 'огромный.xlsx'))).toMatch(/слишком велик.*50 МБ/);
  });

  it('a table with no recognisable header', async () => {
    const tables = readPastedTable('a\tb\tc\n1\t2\t3\n');
    expect(
      await refusal(
        Promise.resolve().then(() => buildPreview(tables, { schoolYear: '2020-2021' })),
      ),
    ).toMatch(/строка заголовков/);
  });
});
