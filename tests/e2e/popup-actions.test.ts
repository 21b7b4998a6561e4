// Journey 5 from the toolbar: the popup shows the monitoring's progress and deadline, what is
// overdue (the same count as the badge), and its three actions work from the keyboard.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildCaptureExtension,
  driver,
  eventually,
  launchCapture,
  openPopupFor,
  serveSite,
  type CaptureSession,
} from './capture-harness.ts';
import { ROOT, screenshot } from './harness.ts';

/** The local calendar day, `days` from now, as the popup and the badge compute «today». */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describe('popup actions', () => {
  let site: Awaited<ReturnType<typeof serveSite>>;
  let session: CaptureSession;
  let popup: Page;
  let total = 0;
  let ids: string[] = [];

  beforeAll(async () => {
    const form = readFileSync(path.join(ROOT, 'tests/e2e/pages/forms/plain.html'), 'utf8');
    site = await serveSite(new Map([['/forms/plain.html', form]]));
    session = await launchCapture(await buildCaptureExtension());
    await driver(session, 'createWorkspace', 'МБОУ СОШ № 12');
    ids = await driver<string[]>(session, 'addActivities', [
      { number: '1.', title: 'Анализ результатов ВПР по математике', end: localDay(-20) },
      { number: '2.', title: 'Семинар для учителей ШНОР', end: localDay(-3) },
      { number: '3.', title: 'Заседание РМО учителей математики', end: localDay(3) },
      { number: '4.', title: 'Мониторинг сайтов ШНОР', end: localDay(-40), status: 'done' },
      { number: '5.', title: 'Методические визиты в школы', end: localDay(60) },
    ]);
    ({ total } = await driver<{ total: number }>(session, 'addFilling', {
      title: 'Мониторинг ШНОР',
      deadline: localDay(1),
      answered: 3,
    }));
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('shows the monitoring line and the overdue count the badge shows', async () => {
    const badge = await driver<{ text: string; overdue: number; dueSoon: number }>(
      session,
      'badge',
      localDay(0),
    );
    expect(badge).toEqual({ text: '3', overdue: 2, dueSoon: 1 });

    const tab = await session.context.newPage();
    await tab.goto(`${site.base}/forms/plain.html`);
    await tab.bringToFront();
    popup = await openPopupFor(session, `${site.base}/forms/`);

    expect(await popup.getByTestId('overdue-count').innerText()).toBe(
      `Просрочено: ${badge.overdue}`,
    );
    expect(await popup.getByTestId('due-soon-count').innerText()).toBe(
      `В ближайшие 7 дней: ${badge.dueSoon}`,
    );
    const listed = await popup.getByTestId('deadlines').getByRole('link').allInnerTexts();
    expect(listed).toEqual([
      'Анализ результатов ВПР по математике',
      'Семинар для учителей ШНОР',
      'Заседание РМО учителей математики',
    ]);
    await popup.getByTestId('filling-progress').waitFor();
    expect(await popup.getByTestId('filling-progress').innerText()).toBe(
      `Мониторинг ШНОР: 3 из ${total}, срок завтра`,
    );
    // A figure for the report (not asserted): when the popup painted, had its data, had the doc.
    const marks = await popup.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)} ms`),
    );
    console.info(`popup timings: ${marks.join(', ')}`);
    await popup.setViewportSize({ width: 380, height: 720 });
    await screenshot(popup, 'popup-actions');
  });

  it('reaches every action with Tab, in order, and opens an overdue activity by its link', async () => {
    const seen: string[] = [];
    await popup.locator('body').focus();
    for (let i = 0; i < 12; i++) {
      await popup.keyboard.press('Tab');
      seen.push(await popup.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    const at = (label: string) => seen.indexOf(label);
    expect(at('Анализ результатов ВПР по математике')).toBeGreaterThanOrEqual(0);
    expect(at('Сохранить страницу как подтверждение')).toBeGreaterThan(
      at('Заседание РМО учителей математики'),
    );
    expect(at('Заполнить форму на этой странице')).toBe(
      at('Сохранить страницу как подтверждение') + 1,
    );
    expect(at('Экспорт')).toBe(at('Заполнить форму на этой странице') + 1);

    const opened = session.context.waitForEvent('page', (p) => p.url().includes('/dashboard.html'));
    await popup.getByRole('link', { name: 'Семинар для учителей ШНОР' }).focus();
    await popup.keyboard.press('Enter');
    const dashboard = await opened;
    expect(dashboard.url()).toContain(`/dashboard.html#activity/${ids[1]}`);
    await dashboard.close();
  });

  it('starts autofill on the current page with the active monitoring', async () => {
    await popup.getByRole('button', { name: 'Заполнить форму на этой странице' }).click();
    const notice = popup.getByTestId('popup-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Найдено полей: \d+, сопоставлено: \d+/);
    expect(await notice.getAttribute('role')).toBe('status');
  });

  it('opens the export check with Enter and reports an honest problem', async () => {
    await popup.getByRole('button', { name: 'Экспорт' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Экспорт: Мониторинг ШНОР' }).waitFor();
    await popup.getByTestId('export-issues').waitFor();
    expect(await popup.getByTestId('export-issues').innerText()).toContain(
      `не заполнено: ${total - 3}`,
    );
    // The authority's workbook was never imported into this workspace: nothing is produced.
    await popup.getByRole('button', { name: 'Выгрузить .xlsx' }).click();
    await eventually(async () =>
      expect(await popup.getByRole('alert').innerText()).toContain('не найден'),
    );
  });
});
