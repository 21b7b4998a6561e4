// Journey 1 in a real Chromium: Ирина drops the .docx of the Sochi roadmap (seed 002) on the
// import screen, sees 35 rows in two levels with their deadlines and people, unticks the
// municipal level, imports, finds her school's activities in the register, undoes, and learns
// that importing the same file again adds nothing; a broken file changes nothing.
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  screenshot,
  type ExtensionSession,
  eventually,
} from './harness.ts';
import { launchWithWorkspace } from './pages/popup.ts';
import { DashboardPage } from './pages/dashboard.ts';
import { buildDocx, seedTables } from '../unit/importers/build.ts';

const SEED = '002_bad5b6982bec67cd';
const FILE = 'Приказ № 76 Дорожная карта.docx';
const MUNICIPAL = 'Муниципальный уровень';
const SCHOOL = 'Уровень образовательной организации';
const MUNICIPAL_TITLE = 'Издание приказа о создании муниципального сообщества тьюторов';
const SCHOOL_TITLE = 'Подготовка социального паспорта школы';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('import of a roadmap .docx in the dashboard', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;
  let page: Page;
  let docx: Buffer;

  const chooseFile = async (name: string, bytes: Buffer) => {
    await page
      .getByLabel('Файл для импорта')
      .setInputFiles({ name, mimeType: DOCX, buffer: bytes });
  };
  const previewRows = () => page.getByTestId('import-row');
  const section = (name: string) => page.getByRole('region', { name, exact: true });
  const activityCount = async (): Promise<string> => {
    const dashboard = new DashboardPage(page);
    await dashboard.tab('Мероприятия');
    await dashboard.search('');
    return dashboard.resultCount.innerText();
  };
  const openImport = async () => {
    await page.getByRole('link', { name: 'Импорт', exact: true }).click();
    await page.getByTestId('drop-zone').or(page.getByTestId('import-banner')).first().waitFor();
  };

  beforeAll(async () => {
    docx = Buffer.from(await buildDocx(seedTables(SEED)[0]!.rows, ['Приложение к приказу']));
    session = await launchWithWorkspace(() => launchExtension(profile), {
      name: 'МБОУ СОШ № 12',
      municipality: 'г. Сочи',
      schoolYear: '2020-2021',
    });
    page = (await DashboardPage.open(session, 'import')).page;
  });

  afterAll(async () => {
    await session?.close();
    removeProfileDir(profile);
  });

  it('shows a drop zone, a file button and a paste area on an empty register', async () => {
    await page.getByText('Перетащите файл .docx, .xlsx или .csv').waitFor();
    expect(await page.getByRole('button', { name: 'Выбрать файл…' }).isVisible()).toBe(true);
    expect(await page.getByLabel(/Вставить таблицу/).isVisible()).toBe(true);
  });

  it('previews 35 rows in two levels with deadlines, people and columns, writing nothing', async () => {
    await chooseFile(FILE, docx);
    await eventually(async () => expect(await previewRows().count()).toBe(35));
    expect(await page.getByTestId('preview-found').innerText()).toContain(
      'Найдено 35 мероприятий в 2 разделах',
    );
    expect(await section(MUNICIPAL).getByTestId('import-row').count()).toBe(20);
    expect(await section(SCHOOL).getByTestId('import-row').count()).toBe(15);

    // Deadlines already read: «февраль 2021» and «не реже одного в четверть».
    const first = previewRows().first();
    expect(await first.innerText()).toContain('01.02.2021–28.02.2021');
    expect(await first.innerText()).toContain('И.Б. Лукашова');
    const row10 = previewRows().filter({
      has: page.getByRole('checkbox', { name: 'Импортировать строку 10.' }),
    });
    expect(await row10.innerText()).toContain('каждую четверть');

    // The columns as understood, one select each.
    const selects = page.getByTestId('column-map').locator('select');
    expect(await selects.evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual([
      'number',
      'title',
      'period',
      'responsible',
    ]);
    expect(await page.getByTestId('import-summary').innerText()).toContain(
      'Будет добавлено: 35 мероприятий',
    );
    await screenshot(page, 'import-preview');
    // Nothing is written before «Импортировать».
    expect(await page.getByText('0 мероприятий в реестре').isVisible()).toBe(true);
  });

  it('rebuilds the preview when a column is mapped differently', async () => {
    const responsible = page.getByTestId('column-map').nth(3).locator('select');
    await responsible.selectOption('ignore');
    await eventually(async () =>
      expect(await previewRows().first().innerText()).not.toContain('И.Б. Лукашова'),
    );
    await responsible.selectOption('responsible');
    await eventually(async () =>
      expect(await previewRows().first().innerText()).toContain('И.Б. Лукашова'),
    );
  });

  it('unticks the municipal level in one click and imports the school level only', async () => {
    await section(MUNICIPAL).getByRole('button', { name: 'Снять все в разделе' }).click();
    const summary = page.getByTestId('import-summary');
    await eventually(async () =>
      expect(await summary.innerText()).toContain('Выбрано 15 строк из 35'),
    );
    expect(await summary.innerText()).toContain('Будет добавлено: 15 мероприятий');
    expect(await section(MUNICIPAL).getByRole('checkbox', { checked: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    const banner = page.getByTestId('import-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/^Импортировано: 15 мероприятий/);
    expect(await page.getByText('15 мероприятий в реестре').isVisible()).toBe(true);
    await screenshot(page, 'import-done');

    expect(await activityCount()).toBe('15 мероприятий');
    const dashboard = new DashboardPage(page);
    await dashboard.search('социального паспорта');
    await eventually(async () =>
      expect(await dashboard.rows.first().innerText()).toContain(SCHOOL_TITLE),
    );
    await dashboard.search('сообщества тьюторов');
    await eventually(async () => expect(await dashboard.rows.count()).toBe(0));
  });

  it('undoes the whole import from the banner, even after leaving the import page', async () => {
    await openImport();
    await page.getByRole('button', { name: 'Отменить импорт' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('import-banner').innerText()).toMatch(/^Импорт отменён/),
    );
    expect(await activityCount()).toBe('0 мероприятий');
  });

  it('imports everything once; the same file again adds nothing and says so', async () => {
    await openImport();
    await chooseFile(FILE, docx);
    await eventually(async () => expect(await previewRows().count()).toBe(35));
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByTestId('import-banner').innerText()).toMatch(
        /^Импортировано: 35 мероприятий/,
      ),
    );

    for (let attempt = 0; attempt < 2; attempt++) {
      await chooseFile(FILE, docx);
      await eventually(async () => expect(await previewRows().count()).toBe(35));
      const summary = page.getByTestId('import-summary');
      expect(await summary.innerText()).toContain('Все строки уже есть в реестре');
      expect(
        await page.getByRole('button', { name: 'Импортировать', exact: true }).isDisabled(),
      ).toBe(true);
      expect(await previewRows().filter({ hasText: 'уже в реестре' }).count()).toBe(35);
      await page.getByRole('button', { name: 'Отмена' }).click();
    }
    expect(await activityCount()).toBe('35 мероприятий');
    expect(await new DashboardPage(page).rows.filter({ hasText: MUNICIPAL_TITLE }).count()).toBe(1);
  });

  it('refuses a corrupt .docx with a Russian message and changes nothing', async () => {
    await openImport();
    await chooseFile('Повреждённый.docx', docx.subarray(0, Math.floor(docx.length / 2)));
    const alert = page.getByTestId('import-error');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/повреждён/);
    expect(await alert.innerText()).toContain('Ничего не импортировано, реестр не изменён.');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await previewRows().count()).toBe(0);
    expect(await activityCount()).toBe('35 мероприятий');
  });

  it('refuses a password-protected file and one over 50 MB before reading it', async () => {
    await openImport();
    const alert = page.getByTestId('import-error');
    const ole = Buffer.alloc(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await chooseFile('С паролем.docx', ole);
    await eventually(async () => expect(await alert.innerText()).toMatch(/защищён паролем/));

    // Playwright passes files over 50 MB by path; a sparse file costs no disk.
    const huge = path.join(profile, 'Огромный.docx');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    await page.getByLabel('Файл для импорта').setInputFiles(huge);
    await eventually(async () =>
      expect(await alert.innerText()).toMatch(/слишком велик: 51 МБ \(допустимо до 50 МБ\)/),
    );
    expect(await alert.innerText()).toContain('Ничего не импортировано, реестр не изменён.');
    expect(await activityCount()).toBe('35 мероприятий');
  });
});
