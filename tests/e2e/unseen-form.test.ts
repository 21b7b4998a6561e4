// Journeys 3 and 5 on a form nobody here wrote rules for: another authority's layout (a header
// over two rows, «н/п» marks, its own numbering and wording, МНЦ and МТКП indicators mixed with
// ones seed 004 never had), built from the corpus. In real Chromium with the example register:
// the form is read, its indicators shown with the rules bound by meaning, one binding undone
// and one kind corrected; once created, bound indicators and indicators known only by their
// wording have values with their justification; a value is taught as a team rule, which
// «Настройки» lists; the export writes the authority's own workbook, checked cell by cell.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplateXlsx } from '../../lib/checklist/index.ts';
import { buildWorkbook, loadCorpus } from '../corpus/spec.ts';
import {
  eventually,
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  screenshot,
  type ExtensionSession,
} from './harness.ts';
import { DashboardPage } from './pages/dashboard.ts';
import { PopupPage } from './pages/popup.ts';
import { SidePanelPage } from './pages/sidepanel.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const spec = loadCorpus('tuning').find((s) => s.id === 'two-row-header-a')!;
const HELPED = /^Количество ШНОР, которым оказана адресная методическая помощь$/;
const VISIT_DAY = /^Проведение единого дня посещения стажировочных площадок$/;

describe('monitoring: a form in an unseen layout, from import to export', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;
  let panel: Page;
  let source: Buffer;
  const indicator = (name: RegExp) => panel.getByRole('article', { name });

  beforeAll(async () => {
    source = Buffer.from(await buildWorkbook(spec));
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

  it('reads the form, shows each rule bound by meaning, takes a correction and an undo', async () => {
    await panel.getByRole('tab', { name: 'Мониторинги' }).click();
    // The example's own monitoring opens first; the list has «Новый мониторинг».
    await panel.getByTestId('filling-title').waitFor();
    await panel.getByRole('button', { name: '← Все мониторинги' }).click();
    await panel.getByRole('button', { name: 'Новый мониторинг' }).click();
    await panel
      .getByLabel('Файл формы мониторинга')
      .setInputFiles({ name: spec.fileName, mimeType: XLSX, buffer: source });
    const structure = panel.getByTestId('structure');
    await structure.waitFor();
    expect(await panel.getByText('Форма узнана').count()).toBe(0);
    expect(await structure.innerText()).toMatch(
      /^Найдено: 4 раздела, 29 показателей, 1 группа с подпунктами/,
    );

    const review = panel.getByTestId('template-review');
    expect(await review.locator('summary').innerText()).toMatch(
      /Как прочитана форма.*правило найдено по смыслу у \d+/,
    );
    await review.locator('summary').click();
    const helped = review.locator('[data-indicator="r36"]');
    expect(await helped.getByTestId('binding').innerText()).toMatch(
      /^правило показателя «Количество ШНОР, которым была оказана адресная методическая помощь» формы «Мониторинг результативности системы методической помощи ШНОР.*», сходство 0,\d+\./,
    );
    expect(await helped.getByLabel('Ячейка ответа показателя 4.1').inputValue()).toBe('D36');

    // «Реализация сетевого взаимодействия…» was bound to a seed-004 sub-item: undo it.
    const network = review.locator('[data-indicator="r23"]');
    await network.getByRole('button', { name: 'Отменить привязку правила показателя 2.7' }).click();
    await eventually(async () => expect(await network.innerText()).toContain('привязка отменена'));
    // «Количество наставников МНЦ» read as a count; the user says it is a number.
    await review.getByLabel('Тип ответа показателя 1.4').selectOption('number');
    await eventually(async () =>
      expect(await review.getByLabel('Тип ответа показателя 1.4').inputValue()).toBe('number'),
    );
    await screenshot(panel, 'monitoring-unseen-review');
    await panel.getByLabel('Название').fill('Мониторинг МНЦ и МТКП');
  });

  it('creates the filling: bound rules and the wording propose values with their records', async () => {
    await panel.getByRole('button', { name: 'Создать мониторинг' }).click();
    await panel.getByTestId('filling-title').waitFor();

    const helped = indicator(HELPED);
    await eventually(async () => expect(await helped.getByTestId('value').innerText()).toBe('13'));
    expect(
      await helped.getByRole('link', { name: /О результатах методических выездов в ШНОР/ }).count(),
    ).toBe(1);

    // No rule knows this one: the wording finds the orders of the open day the register holds.
    const teachers = indicator(VISIT_DAY);
    expect(await teachers.getByTestId('value').innerText()).toBe('1');
    expect(await teachers.innerText()).toContain('значение предложено по формулировке');
    expect(
      await teachers
        .getByRole('link', { name: /О проведении мероприятия «День открытых дверей»/ })
        .count(),
    ).toBe(1);

    // Confirmed and taught: the rule is kept for the team.
    await teachers.getByRole('button', { name: 'Подтвердить' }).click();
    await eventually(async () =>
      expect(await teachers.getByTestId('answer-status').innerText()).toBe('подтверждено'),
    );
    await teachers.getByRole('button', { name: 'Запомнить как правило команды' }).click();
    const teach = teachers.getByTestId('teach-rule');
    await teach.getByRole('button', { name: 'Запомнить правило' }).click();
    await teach.getByText('Правило запомнено').waitFor();

    const dashboard = await DashboardPage.open(session, 'settings');
    const rules = dashboard.page.getByTestId('learned-rules');
    await rules.getByTestId('learned-rule').first().waitFor();
    expect(await rules.innerText()).toContain(
      'Проведение единого дня посещения стажировочных площадок',
    );
    expect(await rules.innerText()).toContain('выучено на форме «');
    await dashboard.page.close();
  });

  it("exports the authority's own workbook with the values in its cells", async () => {
    await panel.getByRole('button', { name: 'Экспорт', exact: true }).click();
    const exportPanel = panel.getByRole('region', { name: 'Экспорт мониторинга' });
    await exportPanel.getByTestId('export-issues').waitFor();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      exportPanel.getByRole('button', { name: 'Выгрузить всё равно' }).click(),
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(source as unknown as ArrayBuffer);
    const sheet = out.getWorksheet(spec.expected.sheet)!;
    const original = before.getWorksheet(spec.expected.sheet)!;
    expect(sheet.getCell('D36').value).toBe(13);
    expect(sheet.getCell('C20').value).toBe(1);
    // Not-applicable marks and the two-row header stay as the authority wrote them.
    expect(sheet.getCell('C36').value).toBe('н/п');
    expect(sheet.getCell('C5').value).toBe(original.getCell('C5').value);
    expect([...sheet.model.merges].sort()).toEqual([...original.model.merges].sort());
    // Every cell that is not an answer or a notes cell is unchanged.
    const { template } = await importTemplateXlsx(new Uint8Array(source), spec.fileName);
    const answers = new Set(
      template.indicators.flatMap((i) => [i.cells.value, i.cells.count, i.cells.note]),
    );
    let compared = 0;
    original.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (answers.has(cell.address)) return;
        compared++;
        expect(sheet.getCell(cell.address).value, cell.address).toEqual(cell.value);
      }),
    );
    expect(compared).toBeGreaterThan(100);
  });
});
