// «Напоминать о сроках» in the real popup page. The test build holds the `notifications`
// permission from install (launch.ts, grantNotifications), because a headless browser cannot
// answer Chrome's permission prompt; the refusal is the browser's answer replaced in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestExtension, launchWith, type Launched } from './launch.ts';

describe('Напоминать о сроках', () => {
  let ext: Launched;
  let popup: Page;

  beforeAll(async () => {
    ext = await launchWith(await buildTestExtension({ grantNotifications: true }));
    await ext.driver.evaluate(() => window.driver!.createWorkspace('МБОУ СОШ № 12'));
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openPopup(): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.getByTestId('workspace-name').waitFor();
    return page;
  }
  const toggle = (page: Page) => page.getByRole('checkbox', { name: 'Напоминать о сроках' });
  const setting = () => ext.driver.evaluate(() => window.driver!.notifySetting());

  it('is off until the user turns it on, and is reached with Tab', async () => {
    popup = await openPopup();
    await expect.poll(() => toggle(popup).isEnabled()).toBe(true);
    expect(await toggle(popup).isChecked()).toBe(false);

    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await toggle(popup).evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
  });

  it('Space turns it on: the background remembers it, and the popup shows it next time', async () => {
    await popup.keyboard.press('Space');
    await expect.poll(() => toggle(popup).isChecked()).toBe(true);
    expect(await popup.getByTestId('notify-notice').innerText()).toContain('Напоминания включены');
    await expect.poll(setting).toBe(true);

    await popup.close();
    popup = await openPopup();
    await expect.poll(() => toggle(popup).isChecked()).toBe(true);
  });

  it('turning it off sends enabled:false and stays off', async () => {
    await toggle(popup).click();
    await expect.poll(() => toggle(popup).isChecked()).toBe(false);
    await expect.poll(setting).toBe(false);
    expect(await popup.getByTestId('notify-notice').innerText()).toBe('Напоминания выключены.');
  });

  it('a refused permission says so in Russian and leaves the toggle off', async () => {
    await popup.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { permissions: { request: unknown } } })
        .chrome;
      api.permissions.request = () => Promise.resolve(false);
    });
    await toggle(popup).click();
    const notice = popup.getByTestId('notify-notice');
    await expect
      .poll(() => notice.innerText())
      .toBe('Браузер не разрешил уведомления — напоминания не включены, ничего не изменено.');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await toggle(popup).isChecked()).toBe(false);
    expect(await setting()).toBe(false);
  });
});
