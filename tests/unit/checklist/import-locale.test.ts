// The form importer's refusals and layout warnings follow the interface language at the moment
// they are raised; the user's file, sheet and row texts stay as written (quoted “” in English,
// «» in Russian). Russian stays the default (import.test.ts asserts the Russian texts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, type Locale } from '../../../lib/i18n/index.ts';
import {
  ChecklistImportError,
  builtinTemplates,
  importTemplateXlsx,
  parseTemplateJson,
} from '../../../lib/checklist/index.ts';
import { notAChecklist, toBytes } from './workbooks.ts';

const NOTHING_EN = 'Nothing was changed.';

/** Exactly this refusal, raised as a ChecklistImportError. */
async function refused(run: () => unknown, message: string): Promise<void> {
  await expect(Promise.resolve().then(run)).rejects.toStrictEqual(
    new ChecklistImportError(message),
  );
}

/**
 * A protected sheet whose indicators start before any section, with a group whose average row
 * declares no maximum and a group with no average row at all.
 */
async function messyForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Мониторинг');
  ws.addRow(['№', 'Показатель', 'Балл']);
  ws.addRow([1, 'Наличие плана работы', '']);
  ws.addRow([2, 'Работа с молодыми педагогами', '']);
  ws.addRow(['', '- наличие наставника', '']);
  ws.addRow(['', '- посещение уроков', '']);
  ws.addRow(['', 'Средний балл по показателю', '']);
  ws.addRow([3, 'Методические мероприятия', '']);
  ws.addRow(['', '- семинары', '']);
  await ws.protect('', {});
  return toBytes(wb);
}

const fixture = (): Uint8Array =>
  new Uint8Array(
    readFileSync(
      fileURLToPath(new URL('../../fixtures/monitoring-korenovsky-2021.xlsx', import.meta.url)),
    ),
  );

async function warningsIn(locale: Locale, bytes: Uint8Array): Promise<string[]> {
  setLocale(locale);
  return (await importTemplateXlsx(bytes, 'мониторинг.xlsx')).warnings;
}

afterEach(() => setLocale('ru'));

describe('form importer refusals in English', () => {
  it('an empty file, a file that is not an .xlsx and a workbook that is not a form', async () => {
    setLocale('en');
    await refused(
      () => importTemplateXlsx(new Uint8Array(), 'пусто.xlsx'),
      `The file “пусто.xlsx” is empty. ${NOTHING_EN}`,
    );
    await refused(
      () => importTemplateXlsx(new TextEncoder().encode('№;Показатель'), 'форма.xlsx'),
      `The file “форма.xlsx” is not an Excel workbook (.xlsx). ${NOTHING_EN}`,
    );
    const register = await notAChecklist();
    await refused(
      () => importTemplateXlsx(register, 'реестр.xlsx'),
      `No monitoring form was found in the workbook “реестр.xlsx”: there is no header row with an indicator name and a score or count column. ${NOTHING_EN}`,
    );
  });

  it('a password-protected (or old .xls) file and a damaged one', async () => {
    setLocale('en');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await refused(
      () => importTemplateXlsx(ole, 'с паролем.xlsx'),
      `The file “с паролем.xlsx” is password-protected or saved in the old .xls format: open it in Excel, remove the password and save it as .xlsx. ${NOTHING_EN}`,
    );
    const good = await toBytes(new ExcelJS.Workbook());
    const broken = good.slice(0, Math.floor(good.length / 2));
    await refused(
      () => importTemplateXlsx(broken, 'битый.xlsx'),
      `The file “битый.xlsx” is damaged: the Excel workbook could not be read. ${NOTHING_EN}`,
    );
  });

  it('a template file that is not JSON, and a JSON file that is not a template', async () => {
    setLocale('en');
    await refused(
      () => parseTemplateJson('{', 'шаблон РМО.json'),
      `The file “шаблон РМО.json” is not JSON: the template was not read. ${NOTHING_EN}`,
    );
    const template = builtinTemplates()[0]!;
    const bad = {
      ...template,
      indicators: [{ ...template.indicators[0], cells: { value: 'седьмая' } }],
    };
    await refused(
      () => parseTemplateJson(JSON.stringify(bad), 'мой.json'),
      `The file “мой.json” does not look like a monitoring template: Write the cell address as C7 (field indicators.0.cells.value). ${NOTHING_EN}`,
    );
  });

  it('switches back to the same Russian text', async () => {
    setLocale('en');
    await refused(
      () => parseTemplateJson('{', 'x.json'),
      `The file “x.json” is not JSON: the template was not read. ${NOTHING_EN}`,
    );
    setLocale('ru');
    await refused(
      () => importTemplateXlsx(new Uint8Array(), 'пусто.xlsx'),
      'Файл «пусто.xlsx» пуст. Ничего не изменено.',
    );
    await refused(
      () => parseTemplateJson('{', 'x.json'),
      'Файл «x.json» не является JSON: шаблон не прочитан. Ничего не изменено.',
    );
  });
});

describe('form importer layout warnings', () => {
  it('follow the interface language, with the sheet name and row texts quoted as they are', async () => {
    const bytes = await messyForm();
    expect(await warningsIn('en', bytes)).toEqual([
      'The sheet “Мониторинг” is protected: the answers will be written on export, but Excel may not let you edit them.',
      'The indicators before the first section are gathered into a section “Мониторинг”.',
      'Row 6: “Средний балл по показателю” does not give a maximum (“от 0 до N”, from 0 to N).',
      'The group “3. Методические мероприятия” (row 7) has no average score row.',
    ]);
    // Russian, the default, is what it always was.
    expect(await warningsIn('ru', bytes)).toEqual([
      'Лист «Мониторинг» защищён: при выгрузке ответы будут записаны, но Excel может не дать их править.',
      'Показатели до первого раздела собраны в раздел «Мониторинг».',
      'Строка 6: в «Средний балл по показателю» не указан максимум («от 0 до N»).',
      'Группа «3. Методические мероприятия» (строка 7) без строки среднего балла.',
    ]);
  });

  it('name the column role of a garbled header and a group that does not add up, in English', async () => {
    expect(await warningsIn('en', fixture())).toEqual([
      'The header of column D “Количество нные показатели” looks garbled (the word “нные”); the column is taken as the count.',
      'The group “3. Доступность наставнической помощи” (row 26) has 3 sub-items, but its declared maximum is 2: check the form.',
      'The group “3. Доступность наставнической помощи” (row 43) has 3 sub-items, but its declared maximum is 2: check the form.',
    ]);
  });
});
