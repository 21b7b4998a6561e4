// Journeys 3 and 5 in a real Chromium: with the example register loaded, the Korenovsky form
// (seed 004 as an .xlsx) is dropped into the side panel's «Новый мониторинг»; the structure,
// warnings and fixes are shown; once created, every indicator has a proposal with its
// justification; one is confirmed, one overridden with a comment; the export writes the
// authority's own workbook, checked cell by cell; the dashboard lists the monitoring and its
// «Отчёты» tab drafts the analysis, edited and exported as .docx.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProposals, importTemplateXlsx } from '../../lib/checklist/index.ts';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  ROOT,
  screenshot,
  SCREENSHOT_DIR,
  type ExtensionSession,
  eventually,
} from './harness.ts';
import { PopupPage } from './pages/popup.ts';
import { SidePanelPage } from './pages/sidepanel.ts';
import { DashboardPage } from './pages/dashboard.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/monitoring-korenovsky-2021.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// What the example register (imported from seeds 000 and 002) proves: the municipal visits to
// assess the ШНОР administrations (order № 736); what it cannot: the section on the site.
const PROVEN = /^Наличие муниципальных мероприятий по оценке уровня сформированности/;
const VISITS_ORDER = /О результатах методических выездов в ШНОР/;
const HELPED = /^Количество ШНОР, которым была оказана адресная методическая помощь$/;
const SITE_SECTION = /^Наличие раздела по сопровождению ШНОР на официальном сайте УО$/;

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

async function sheetsOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('monitoring: from the authority’s .xlsx to the filled form', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;
  let panel: Page;
  const source = readFileSync(FIXTURE);

  const indicator = (name: RegExp) => panel.getByRole('article', { name });

  beforeAll(async () => {
    session = await launchExtension(profile);
    const popup = await PopupPage.open(session);
    await popup.page.getByRole('button', { name: 'Загрузить пример' }).click();
    await popup.workspaceName.waitFor();
    await popup.page.close();
    panel = (await SidePanelPage.open(session)).page;
  });

  afterAll(async () => {
    await session?.close();
    removeProfileDir(profile);
  });

  it('reads the dropped form: structure, warnings and the fixes it proposes', async () => {
    await panel.getByRole('tab', { name: 'Мониторинги' }).click();
    // The example's own monitoring (seed 004, completed by the rules) opens first.
    await panel.getByTestId('filling-title').waitFor();
    expect(await panel.getByTestId('filling-title').innerText()).toMatch(/\(пример\)$/);
    await panel.getByRole('button', { name: '← Все мониторинги' }).click();
    await panel.getByRole('button', { name: 'Новый мониторинг' }).click();
    await panel
      .getByLabel('Файл формы мониторинга')
      .setInputFiles({ name: 'Мониторинг ШНОР.xlsx', mimeType: XLSX, buffer: source });
    const structure = panel.getByTestId('structure');
    await structure.waitFor();
    // Four sections as the file has them (МНЦ twice) until the fix is accepted.
    expect(await panel.getByTestId('proposal').count()).toBe(4);
    expect(await panel.getByText('Раздел повторяется дважды — объединить').count()).toBe(1);
    expect(await panel.getByText('В строке два подпункта — разделить').count()).toBe(3);
    expect(await panel.getByRole('region', { name: 'Предупреждения' }).innerText()).toContain(
      '«Количество нные показатели»',
    );
    expect(await panel.getByText('Форма узнана').isVisible()).toBe(true);
    expect(await structure.innerText()).toMatch(/Найдено: 3 раздела, 55 показателей/);
    expect(await structure.innerText()).toMatch(/\d+ (ячейка|ячейки|ячеек) «не заполняется»/);

    // Unticking the merge brings the repeated section back; ticking it again merges.
    const merge = panel
      .getByTestId('proposal')
      .filter({ hasText: 'Раздел повторяется дважды' })
      .getByRole('checkbox');
    await merge.uncheck();
    await eventually(async () => expect(await structure.innerText()).toMatch(/Найдено: 4 раздела/));
    await merge.check();
    await eventually(async () => expect(await structure.innerText()).toMatch(/Найдено: 3 раздела/));
    for (const box of await panel.getByTestId('proposal').getByRole('checkbox').all())
      expect(await box.isChecked()).toBe(true);

    expect(await panel.getByLabel('Отчётный период: с').inputValue()).toBe('01.09.2020');
    expect(await panel.getByLabel('по', { exact: true }).inputValue()).toBe('31.08.2021');
    await panel.getByLabel('Название').fill('Мониторинг ШНОР');
    await panel.getByLabel('Срок сдачи').fill('11.06.2021');
    await structure.scrollIntoViewIfNeeded();
    await structure.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(panel, 'monitoring-new');
  });

  it('creates the filling and proposes values with their justification at once', async () => {
    await panel.getByRole('button', { name: 'Создать мониторинг' }).click();
    await panel.getByTestId('filling-title').waitFor();
    expect(await panel.getByTestId('filling-title').innerText()).toBe('Мониторинг ШНОР');

    const proven = indicator(PROVEN);
    await eventually(async () => expect(await proven.getByTestId('value').innerText()).toBe('1'));
    expect(await proven.getByTestId('answer-status').innerText()).toBe('предложено');
    const page = proven.getByRole('link', { name: VISITS_ORDER });
    expect(await page.getAttribute('href')).toMatch(/dashboard\.html#evidence-item\/.+/);

    const helped = indicator(HELPED);
    expect(await helped.getByTestId('value').innerText()).toBe('13');
    await helped.getByText('Посчитано: 13 школ').click();
    expect(await helped.getByRole('listitem').count()).toBe(13);
    // The schools as the report names them («Школа № 7», «МБОУ СОШ № 12»).
    expect(await helped.getByRole('listitem').first().innerText()).toMatch(/№ \d+$/);
    expect(await helped.getByRole('link', { name: VISITS_ORDER }).count()).toBe(1);

    // Progress and «Что ещё нужно» come from the same answers.
    expect(await panel.getByTestId('filling-progress').innerText()).toMatch(
      /^Заполнено \d+ из 55 · подтверждено 0 · без подтверждений \d+$/,
    );
    await panel.getByRole('button', { name: /^Что ещё нужно \(\d+\)$/ }).click();
    const missing = panel.getByRole('region', { name: 'Что ещё нужно' });
    expect(await missing.getByRole('listitem').count()).toBeGreaterThan(5);
    expect(await missing.innerText()).toContain('Нет подтверждения за отчётный период');
    await panel.getByRole('button', { name: /^Что ещё нужно/ }).click();
  });

  it('confirms one value, overrides another with a comment, and keeps the history', async () => {
    const proven = indicator(PROVEN);
    await proven.getByRole('button', { name: 'Подтвердить' }).click();
    await eventually(async () =>
      expect(await proven.getByTestId('answer-status').innerText()).toBe('подтверждено'),
    );

    const assessment = indicator(SITE_SECTION);
    expect(await assessment.getByTestId('value').innerText()).toBe('0');
    await assessment.getByRole('button', { name: 'Изменить' }).click();
    await assessment.getByLabel('Значение', { exact: true }).selectOption('1');
    await assessment.getByLabel('Комментарий').fill('Раздел на сайте УО открыт в сентябре 2020');
    await assessment.getByRole('button', { name: 'Сохранить значение' }).click();
    await eventually(async () =>
      expect(await assessment.getByTestId('answer-status').innerText()).toBe('изменено вручную'),
    );
    expect(await assessment.getByTestId('value').innerText()).toBe('1');
    expect(await assessment.innerText()).toContain('Раздел на сайте УО открыт в сентябре 2020');
    // The automatic re-run leaves the manual value alone and says it disagrees.
    await assessment.getByTestId('disagreement').waitFor();
    expect(await assessment.getByTestId('value').innerText()).toBe('1');

    await assessment.getByRole('button', { name: 'История ответа' }).click();
    const history = assessment.getByRole('list', { name: 'История ответа' });
    expect(await history.getByRole('listitem').count()).toBe(2);
    expect(await history.getByRole('listitem').last().innerText()).toContain('изменено вручную');

    expect(await panel.getByTestId('filling-progress').innerText()).toContain('подтверждено 2');
    await panel.getByTestId('filling-title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(panel, 'monitoring-filling');
  });

  it('assesses a group per mentor: «+ наставник», a score each, the mean shown', async () => {
    const group = panel
      .getByTestId('group')
      .filter({ hasText: 'Качество кадрового состава муниципального наставнического центра' });
    for (const name of ['Иванова И.И.', 'Петров П.П.']) {
      await group.getByRole('button', { name: '+ наставник' }).click();
      await group.getByLabel('Имя: наставник').fill(name);
      await group.getByRole('button', { name: 'Добавить' }).click();
      await group.getByText(name, { exact: true }).first().waitFor();
    }
    const other = group.getByRole('article', { name: /^успешность функционирования/ });
    // The sub-item nobody scored per mentor counts with its shared value (none: «—»).
    const sharedText = await other.getByTestId('value').innerText();
    const shared = sharedText === '—' ? 0 : Number(sharedText.replace(',', '.'));
    await group
      .getByRole('combobox', { name: /^Иванова И\.И\.: наличие у наставника/ })
      .selectOption('1');
    await group
      .getByRole('combobox', { name: /^Петров П\.П\.: наличие у наставника/ })
      .selectOption('0');
    const aggregate = group.getByTestId('aggregate');
    await eventually(async () =>
      expect(await aggregate.innerText()).toContain(
        `Иванова И.И.: ${1 + shared} · Петров П.П.: ${shared}`,
      ),
    );
    await eventually(async () =>
      expect(await aggregate.locator('.mon-value').innerText()).toBe(
        String(0.5 + shared).replace('.', ','),
      ),
    );
  });

  it("exports the authority's own workbook: values in their cells, layout untouched", async () => {
    await panel.getByRole('button', { name: 'Экспорт', exact: true }).click();
    const exportPanel = panel.getByRole('region', { name: 'Экспорт мониторинга' });
    await exportPanel.getByTestId('export-issues').waitFor();
    expect(await exportPanel.innerText()).toMatch(/Без подтверждений: \d+|Не заполнено: \d+/);
    expect(await exportPanel.innerText()).toMatch(/Расходится с реестром: \d+/);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      exportPanel.getByRole('button', { name: 'Выгрузить всё равно' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Мониторинг ШНОР_Управление образования МО Славянский район \(пример\)_\d{2}\.\d{2}\.\d{4}\.xlsx$/,
    );
    await exportPanel.getByText(/сохранён: форма управления образования/).waitFor();

    const out = await sheetsOf(await bytesOf(download));
    const original = await sheetsOf(source);
    const sheet = out.getWorksheet('Мониторинг')!;
    const before = original.getWorksheet('Мониторинг')!;
    expect(sheet.getCell('C7').value).toBe(1); // confirmed: the visits that assessed the teams
    expect(sheet.getCell('C11').value).toBe(1); // overridden from 0: the section on the site
    expect(sheet.getCell('D17').value).toBe(13); // schools helped
    expect(sheet.getCell('C8').value).toBe(0);
    expect(out.getWorksheet('Источники')).toBeDefined();

    // Layout: the same merges, widths and every cell outside the answer cells as it was.
    expect([...sheet.model.merges].sort()).toEqual([...before.model.merges].sort());
    for (let c = 1; c <= before.columnCount; c++)
      expect(sheet.getColumn(c).width).toBe(before.getColumn(c).width);
    const imported = await importTemplateXlsx(new Uint8Array(source), 'f.xlsx');
    const template = applyProposals(
      imported.template,
      imported.proposals.map((p) => p.id),
    );
    const answerCells = new Set(
      template.indicators.flatMap((i) =>
        [i.cells.value, i.cells.count, i.cells.note, ...(i.cells.copies ?? [])].filter(Boolean),
      ),
    );
    let compared = 0;
    before.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (answerCells.has(cell.address)) return;
        compared++;
        expect(sheet.getCell(cell.address).value, cell.address).toEqual(cell.value);
        expect(sheet.getCell(cell.address).style.fill, cell.address).toEqual(cell.style.fill);
      }),
    );
    expect(compared).toBeGreaterThan(100);
    // Not-applicable cells stay as the authority left them.
    for (const address of template.indicators.flatMap((i) => i.notApplicable))
      expect(sheet.getCell(address).value, address).toEqual(before.getCell(address).value);
  });

  it('lists the monitoring with its deadline and progress in the dashboard', async () => {
    const dashboard = await DashboardPage.open(session, 'monitorings');
    const item = dashboard.page
      .getByTestId('monitoring-item')
      .filter({ hasText: 'Мониторинг ШНОР' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Мониторинг ШНОР');
    expect(await item.innerText()).toContain('подтверждено 2');
    expect(await item.innerText()).toContain('срок прошёл 11.06.2021');
    await item.getByRole('link').click();
    await dashboard.page.getByTestId('filling-title').waitFor();
    const proven = dashboard.page.getByRole('article', { name: PROVEN });
    expect(await proven.getByTestId('answer-status').innerText()).toBe('подтверждено');
    // In the dashboard a justification opens the record in place.
    await proven.getByRole('link', { name: VISITS_ORDER }).click();
    await dashboard.page.getByRole('button', { name: 'Удалить подтверждение' }).waitFor();
    await dashboard.page.close();
  });

  it('drafts the analytical note, takes the edits into the .docx, exports the reports', async () => {
    const dashboard = await DashboardPage.open(session, 'reports');
    const page = dashboard.page;
    await page.getByRole('button', { name: 'Составить черновик' }).click();
    const text = page.getByLabel('Текст справки (можно править)');
    await text.waitFor();
    const draft = await text.inputValue();
    expect(draft).toContain('В рамках направления');
    expect(draft).toContain('13 школ');
    await text.fill(`${draft.trimEnd()}\nДобавлено методистом вручную.\n`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reports.png'), fullPage: true });

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Выгрузить .docx' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^Аналитическая справка_.+\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(await bytesOf(docx)))['word/document.xml']!);
    expect(xml).toContain('Добавлено методистом вручную.');
    expect(xml).toContain('В рамках направления');

    // Only the done activities of one direction.
    for (const box of await page
      .getByRole('group', { name: 'Статусы' })
      .getByRole('checkbox')
      .all())
      await box.uncheck();
    await page.getByRole('group', { name: 'Статусы' }).getByLabel('выполнено').check();
    const report = page.getByRole('region', { name: 'Отчёт о выполнении программы мероприятий' });
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Выгрузить .xlsx' }).click(),
    ]);
    const sheet = (await sheetsOf(await bytesOf(xlsx))).worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? ''))));
    const all = texts.join('\n');
    expect(all).toContain('Оказание методической помощи ШНОР');
    expect(all).not.toContain('Выявление профессиональных управленческих дефицитов');
    await page.close();
  });
});
