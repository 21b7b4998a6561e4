// Page object: the side panel, opened as chrome-extension://ID/sidepanel.html in a tab.
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../harness.ts';

export class SidePanelPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<SidePanelPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 760 });
    await page.goto(session.url('sidepanel.html'));
    await page.getByRole('searchbox', { name: 'Поиск мероприятий' }).waitFor();
    return new SidePanelPage(page);
  }

  async search(query: string) {
    await this.page.getByRole('searchbox', { name: 'Поиск мероприятий' }).fill(query);
  }

  row(title: string | RegExp): Locator {
    return this.page.locator('.sp-row').filter({ hasText: title });
  }

  get resultCount(): Locator {
    return this.page.getByTestId('result-count');
  }
}
