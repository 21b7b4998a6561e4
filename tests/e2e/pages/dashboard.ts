// Page object: the register (dashboard.html).
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../harness.ts';

export interface ActivityInput {
  number?: string;
  title: string;
  direction?: string;
  period?: string;
  start?: string;
  end?: string;
}

export interface EvidenceInput {
  kind?: string;
  issuer?: string;
  date?: string;
  number?: string;
  title?: string;
}

export class DashboardPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession, route = 'activities'): Promise<DashboardPage> {
    const page = await session.context.newPage();
    await page.goto(session.url(`dashboard.html#${route}`));
    await page.getByTestId('workspace-name').waitFor();
    return new DashboardPage(page);
  }

  async tab(name: 'Мероприятия' | 'Подтверждения' | 'Люди' | 'Организации' | 'Резервная копия') {
    await this.page
      .getByRole('navigation', { name: 'Разделы реестра' })
      .getByRole('link', { name })
      .click();
  }

  /** Rows of the visible register list. */
  get rows(): Locator {
    return this.page.locator('.register-row');
  }

  get resultCount(): Locator {
    return this.page.getByTestId('result-count');
  }

  async search(query: string) {
    await this.page.getByRole('searchbox').first().fill(query);
  }

  async startActivity() {
    await this.tab('Мероприятия');
    await this.page.getByRole('link', { name: 'Новое мероприятие' }).click();
    await this.page.getByRole('heading', { name: 'Новое мероприятие' }).waitFor();
  }

  async fillActivity(input: ActivityInput) {
    const form = this.page.getByRole('form', { name: 'Мероприятие' });
    if (input.number !== undefined) await form.getByLabel('№', { exact: true }).fill(input.number);
    await form.getByLabel('Содержание работы').fill(input.title);
    if (input.direction) await form.getByLabel('Направление').selectOption(input.direction);
    if (input.period) await form.getByLabel('Сроки (как в документе)').fill(input.period);
    if (input.start) await form.getByLabel('Начало').fill(input.start);
    if (input.end) await form.getByLabel('Окончание').fill(input.end);
  }

  /** Creates an activity and waits on its own page; returns its id. */
  async createActivity(input: ActivityInput): Promise<string> {
    await this.startActivity();
    await this.fillActivity(input);
    await this.page.getByRole('button', { name: 'Создать мероприятие' }).click();
    await this.page.getByRole('button', { name: 'Удалить мероприятие' }).waitFor();
    return decodeURIComponent(new URL(this.page.url()).hash).replace('#activity/', '');
  }

  async createEvidence(input: EvidenceInput): Promise<string> {
    await this.tab('Подтверждения');
    await this.page.getByRole('link', { name: 'Новое подтверждение' }).click();
    const form = this.page.getByRole('form', { name: 'Подтверждение' });
    if (input.kind) await form.getByLabel('Вид документа').selectOption({ label: input.kind });
    if (input.issuer) await form.getByLabel('Кем издан').fill(input.issuer);
    if (input.date) await form.getByLabel('Дата').fill(input.date);
    if (input.number) await form.getByLabel('Номер').fill(input.number);
    if (input.title) await form.getByLabel('Название').fill(input.title);
    await this.page.getByRole('button', { name: 'Создать подтверждение' }).click();
    await this.page.getByRole('button', { name: 'Удалить подтверждение' }).waitFor();
    return decodeURIComponent(new URL(this.page.url()).hash).replace('#evidence-item/', '');
  }

  /** On an open record's page: finds the other side in the picker and links it. */
  async linkFromPicker(query: string, label: RegExp | string) {
    await this.page.getByPlaceholder(/Поиск/).last().fill(query);
    const candidates = this.page.getByRole('list', { name: 'Можно связать' });
    await candidates
      .getByRole('listitem')
      .filter({ hasText: label })
      .getByRole('button', { name: /Связать/ })
      .click();
    await this.page.getByRole('list', { name: 'Связанные записи' }).getByText(label).waitFor();
  }

  async openActivity(title: string) {
    await this.tab('Мероприятия');
    await this.rows.filter({ hasText: title }).first().click();
    await this.page.getByRole('button', { name: 'Удалить мероприятие' }).waitFor();
  }
}
