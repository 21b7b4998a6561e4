// Page object: the toolbar popup (opened as a tab: same page, same code).
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../harness.ts';

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 360, height: 560 });
    await page.goto(session.url('popup.html'));
    await page.getByRole('heading', { name: 'Здравствуйте!' }).waitFor();
    return new PopupPage(page);
  }

  get workspaceName(): Locator {
    return this.page.getByTestId('workspace-name');
  }

  get counts(): Locator {
    return this.page.getByTestId('workspace-counts');
  }

  async createWorkspace(input: { name: string; municipality: string; schoolYear: string }) {
    await this.page.getByLabel('Название школы или организации').fill(input.name);
    await this.page.getByLabel('Муниципалитет').fill(input.municipality);
    await this.page.getByLabel('Учебный год').fill(input.schoolYear);
    await this.page.getByRole('button', { name: 'Создать рабочее пространство' }).click();
    await this.workspaceName.waitFor();
  }
}

/** A fresh browser with the extension and one workspace made from the popup (then closed). */
export async function launchWithWorkspace(
  launch: () => Promise<ExtensionSession>,
  workspace: { name: string; municipality: string; schoolYear: string },
): Promise<ExtensionSession> {
  const session = await launch();
  const popup = await PopupPage.open(session);
  await popup.createWorkspace(workspace);
  await popup.page.close();
  return session;
}
