// Journeys 1 and 2 in a real Chromium with the built extension: first day from the popup, the
// register in the dashboard, the side panel beside it, and data that survives a restart.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  screenshot,
  type ExtensionSession,
  eventually as waitUntil,
} from './harness.ts';
import { PopupPage } from './pages/popup.ts';
import { DashboardPage } from './pages/dashboard.ts';
import { SidePanelPage } from './pages/sidepanel.ts';

/** This journey's live updates are expected within 5 s. */
const eventually = (check: () => Promise<void>, timeoutMs = 5000) => waitUntil(check, timeoutMs);

const VPR = 'Анализ результатов ВПР по математике в 5-8 классах';
const MONITORING = 'Мониторинг официальных сайтов ШНОР';
const ORDER_TITLE = 'О результатах ВПР в 2021 году';

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).allInnerTexts()).join('\n');
}

describe('Сводка in Chromium', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;
  let dashboard: DashboardPage;
  let activityId = '';

  beforeAll(async () => {
    session = await launchExtension(profile);
  });

  afterAll(async () => {
    await session?.close();
    removeProfileDir(profile);
  });

  it('creates a workspace from the popup, which greets in Russian', async () => {
    const popup = await PopupPage.open(session);
    // No workspace yet: the two ways in.
    await popup.page.getByRole('button', { name: 'Загрузить пример' }).waitFor();
    expect(
      await popup.page.getByRole('button', { name: 'Создать рабочее пространство' }).isVisible(),
    ).toBe(true);
    await popup.createWorkspace({
      name: 'МБОУ СОШ № 12',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    expect(await popup.workspaceName.innerText()).toBe('МБОУ СОШ № 12');
    expect(await popup.counts.innerText()).toContain('0 мероприятий');
    expect(await popup.page.getByRole('button', { name: 'Открыть реестр' }).isVisible()).toBe(true);
    await screenshot(popup.page, 'popup');

    // «Открыть реестр» opens the dashboard in a tab.
    const opened = session.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Открыть реестр' }).click();
    const tab = await opened;
    await tab.getByTestId('workspace-name').waitFor();
    expect(tab.url()).toContain('/dashboard.html');
    await tab.close();
    await popup.page.close();
  });

  it('shows a Russian validation message beside the field and saves nothing', async () => {
    dashboard = await DashboardPage.open(session);
    await dashboard.startActivity();
    await dashboard.page.getByRole('button', { name: 'Создать мероприятие' }).click();
    const error = dashboard.page.locator('.field-error').first();
    await error.waitFor();
    expect(await error.innerText()).toBe('Опишите мероприятие');
    expect(await dashboard.page.getByLabel('Содержание работы').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await screenshot(dashboard.page, 'activity-form');
    await dashboard.tab('Мероприятия');
    expect(await dashboard.resultCount.innerText()).toBe('0 мероприятий');
  });

  it('creates an activity and an evidence record, links them, and finds them by word forms', async () => {
    activityId = await dashboard.createActivity({
      number: '1.',
      title: VPR,
      direction: 'Мониторинговая деятельность',
      period: 'май 2021',
      start: '01.05.2021',
      end: '31.05.2021',
    });
    await dashboard.createActivity({ number: '2.', title: MONITORING, period: 'в течение года' });
    await dashboard.createEvidence({
      kind: 'приказ',
      issuer: 'УО',
      date: '14.05.2021',
      number: '736',
      title: ORDER_TITLE,
    });
    await dashboard.linkFromPicker('ВПР', VPR);

    await dashboard.tab('Мероприятия');
    expect(await dashboard.rows.count()).toBe(2);
    await dashboard.search('ВПР');
    await eventually(async () => expect(await dashboard.rows.count()).toBe(1));
    expect(await dashboard.rows.first().innerText()).toContain(VPR);
    expect(await dashboard.rows.first().innerText()).toContain('1 подтверждение');
    await dashboard.search('мониторингов');
    // «Мониторинговая деятельность» (the VPR row's direction) matches too: same stem.
    await eventually(async () =>
      expect(await text(dashboard.page, '.register-row')).toContain(MONITORING),
    );
    await dashboard.search('');
    await screenshot(dashboard.page, 'dashboard-activities');

    // Filters: the evidence kind and the period narrow the list.
    await dashboard.page.getByLabel('Вид подтверждения').selectOption({ label: 'приказ' });
    await eventually(async () => expect(await dashboard.rows.count()).toBe(1));
    await dashboard.page.getByLabel('Вид подтверждения').selectOption('');
    await dashboard.page.getByLabel('Период с').fill('01.09.2021');
    await eventually(async () => expect(await dashboard.rows.count()).toBe(0));
    await dashboard.page.getByRole('button', { name: 'Сбросить' }).click();

    await dashboard.tab('Подтверждения');
    expect(await text(dashboard.page, '.register-row')).toContain(ORDER_TITLE);
    expect(await text(dashboard.page, '.register-row')).toContain('1 мероприятие');
    await screenshot(dashboard.page, 'dashboard-evidence');
  });

  it('shows dashboard edits live in the side panel, and side panel edits in the dashboard', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.search('ВПР');
    await panel.row(VPR).waitFor();
    expect(await panel.row(VPR).innerText()).toContain('запланировано');

    // Edit in the dashboard: the panel follows without a reload.
    await dashboard.openActivity(VPR);
    await dashboard.page.getByLabel('Статус').selectOption({ label: 'выполняется' });
    await dashboard.page.getByRole('button', { name: 'Сохранить' }).click();
    await eventually(
      async () => expect(await panel.row(VPR).innerText()).toContain('выполняется'),
      1000,
    );

    // Mark done and write a report in the panel: the dashboard follows.
    await panel
      .row(VPR)
      .getByRole('button', { name: /Отметить выполненным/ })
      .click();
    await panel
      .row(VPR)
      .getByRole('button', { name: new RegExp(VPR.slice(0, 20)) })
      .click();
    await panel.page.getByLabel('Отчёт о выполнении').fill('Проведён анализ, приказ УО № 736.');
    await panel.page.getByRole('button', { name: 'Сохранить отчёт' }).click();
    await dashboard.page.reload();
    await dashboard.page.getByLabel('Статус').waitFor();
    expect(await dashboard.page.getByLabel('Статус').inputValue()).toBe('done');
    expect(await dashboard.page.getByLabel('Отчёт о выполнении / источники').inputValue()).toBe(
      'Проведён анализ, приказ УО № 736.',
    );
    await panel.page.getByRole('button', { name: '← Все мероприятия' }).click();
    await panel.search('');
    await screenshot(panel.page, 'sidepanel');
    await panel.page.close();
  });

  it('deletes an activity and brings it back with «Отменить удаление», links included', async () => {
    await dashboard.openActivity(VPR);
    await dashboard.page.getByRole('button', { name: 'Удалить мероприятие' }).click();
    await dashboard.page.getByText(/удалено/).waitFor();
    expect(await dashboard.rows.filter({ hasText: VPR }).count()).toBe(0);
    await dashboard.page.getByRole('button', { name: 'Отменить удаление' }).click();
    await dashboard.rows.filter({ hasText: VPR }).waitFor();
    expect(await dashboard.rows.filter({ hasText: VPR }).innerText()).toContain('1 подтверждение');
  });

  it('refuses a corrupt backup with a Russian message and changes nothing', async () => {
    await dashboard.tab('Резервная копия');
    const bad = path.join(profile, 'испорченная копия.svodka');
    writeFileSync(bad, 'PK\u0003\u0004 это не архив');
    await dashboard.page.getByLabel('Файл резервной копии').setInputFiles(bad);
    const alert = dashboard.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Ничего не изменено/);
    await dashboard.tab('Мероприятия');
    expect(await dashboard.rows.count()).toBe(2);
  });

  it('keeps everything after the browser is closed and opened again on the same profile', async () => {
    await session.close();
    session = await launchExtension(profile);
    dashboard = await DashboardPage.open(session);
    expect(await dashboard.page.getByTestId('workspace-name').innerText()).toBe('МБОУ СОШ № 12');
    await dashboard.rows.first().waitFor();
    const rows = await text(dashboard.page, '.register-row');
    expect(rows).toContain(VPR);
    expect(rows).toContain(MONITORING);
    await dashboard.page.goto(session.url(`dashboard.html#activity/${activityId}`));
    const linked = dashboard.page.getByRole('list', { name: 'Связанные записи' });
    await linked.waitFor();
    expect(await linked.innerText()).toContain('№ 736');
  });
});
