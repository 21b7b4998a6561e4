// Workspace settings in Chromium: quarter boundaries are editable and deadlines written in
// quarters («до четвертой четверти») are read again by them; bad boundaries are refused in Russian.
// The interface language: Russian by default; English chosen here applies to the dashboard, the
// side panel and the popup (each page reads it at start), and switches back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  screenshot,
  type ExtensionSession,
  eventually,
} from './harness.ts';
import { launchWithWorkspace } from './pages/popup.ts';

describe('workspace settings', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithWorkspace(() => launchExtension(profile), {
      name: 'МБОУ СОШ № 12',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
  });

  afterAll(async () => {
    await session?.close();
    removeProfileDir(profile);
  });

  it('moves the fourth quarter and re-reads «до четвертой четверти» by it', async () => {
    const page = await session.open('dashboard.html#activity/new');
    await page.getByLabel('Содержание работы').fill('Корректировка антирисковых программ');
    await page.getByLabel('Сроки (как в документе)').fill('до четвертой четверти');
    // The text is read as it is typed, and its dates fill the date fields.
    await page.getByText('Понято как: до 31.03.2021').waitFor();
    expect(await page.locator('input[name="end"]').inputValue()).toBe('31.03.2021');
    await page.getByRole('button', { name: 'Создать мероприятие' }).click();
    await page.waitForURL(/#activit/);

    await page.goto(session.url('dashboard.html#settings'));
    await page.getByRole('heading', { name: 'Четверти' }).waitFor();
    const fourthStart = page.locator('input[placeholder="ДД.ММ.ГГГГ"]').nth(6);
    expect(await fourthStart.inputValue()).toBe('01.04.2021');

    // A quarter that starts before the third ends is refused, and nothing is saved.
    await fourthStart.fill('01.03.2021');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByText('Четверти должны идти по порядку и не пересекаться').waitFor();

    await fourthStart.fill('06.04.2021');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByRole('status').getByText('Сохранено.').waitFor();
    await page.getByRole('button', { name: 'Пересчитать сроки по четвертям' }).click();
    await page.getByText('Сроки пересчитаны: 1 мероприятие изменено.').waitFor();
    await page.goto(session.url('dashboard.html#activities'));
    await page.getByText('Корректировка антирисковых программ').first().click();
    await page.getByLabel('Сроки (как в документе)').waitFor();
    expect(await page.locator('input[name="end"]').inputValue()).toBe('05.04.2021');
    // The re-reading is in the activity's history: who, when, what.
    await page.getByRole('button', { name: 'История изменений' }).click();
    const history = page.getByRole('region', { name: 'История изменений' });
    await history.locator('li').first().waitFor();
    await history
      .getByText(
        'сроки: «до четвертой четверти · 31.03.2021» → «до четвертой четверти · 05.04.2021»',
      )
      .waitFor();

    await page.goto(session.url('dashboard.html#settings'));
    await screenshot(page, 'dashboard-settings');

    await page.reload();
    await page.getByRole('heading', { name: 'Четверти' }).waitFor();
    expect(await page.locator('input[placeholder="ДД.ММ.ГГГГ"]').nth(6).inputValue()).toBe(
      '06.04.2021',
    );
  });

  it('switches the interface to English on every page, and back to Russian', async () => {
    const page = await session.open('dashboard.html#settings');
    const language = page.getByLabel('Язык интерфейса · Interface language');
    expect(await language.inputValue()).toBe('ru');
    await page.getByRole('link', { name: 'Мероприятия' }).waitFor();
    await Promise.all([page.waitForEvent('load'), language.selectOption('en')]);
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Activities' }).click();
    await page
      .getByTestId('result-count')
      .getByText(/^\d+ activit(y|ies)$/)
      .waitFor();
    await screenshot(page, 'dashboard-english');

    // Record data stays as written; the interface around it is English.
    await page.goto(session.url('dashboard.html#activity/new'));
    await page.getByRole('button', { name: 'Create activity' }).waitFor();

    // The background follows too: the toolbar tooltip (deadlines) is English.
    const worker = session.context.serviceWorkers()[0]!;
    type ActionApi = { chrome: { action: { getTitle(details: object): Promise<string> } } };
    const tooltip = () =>
      worker.evaluate(() => (globalThis as unknown as ActionApi).chrome.action.getTitle({}));
    await eventually(async () => expect(await tooltip()).toMatch(/^Svodka/));

    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html'));
    await panel.getByRole('searchbox', { name: 'Search activities' }).waitFor();
    await panel.close();

    const popup = await session.context.newPage();
    // The popup's first paint comes from public/popup-shell.js, before React (and before any
    // module): record what it put on the page, to see it in English under the real CSP.
    await popup.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const shell = document.querySelector('#root main');
        if (!shell) return;
        (window as unknown as { firstShell: string }).firstShell = shell.textContent ?? '';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await popup.goto(session.url('popup.html'));
    await popup.getByRole('button', { name: 'Open the register' }).waitFor();
    expect(
      await popup.evaluate(() => ({
        text: (window as unknown as { firstShell?: string }).firstShell,
        shellFirst:
          performance.getEntriesByName('svodka:popup:first-render')[0]!.startTime <
          performance.getEntriesByName('svodka:popup:react')[0]!.startTime,
      })),
    ).toEqual({ text: 'SvodkaHello!Opening your register…', shellFirst: true });
    expect(await popup.getByTestId('workspace-name').innerText()).toBe('МБОУ СОШ № 12');
    await popup.close();

    // Back to Russian: the same controls, in Russian again.
    await page.goto(session.url('dashboard.html#settings'));
    await Promise.all([
      page.waitForEvent('load'),
      page.getByLabel('Язык интерфейса · Interface language').selectOption('ru'),
    ]);
    await page.getByRole('button', { name: 'Сохранить настройки' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await eventually(async () => expect(await tooltip()).toMatch(/^Сводка/));
    await page.close();
  });
});
