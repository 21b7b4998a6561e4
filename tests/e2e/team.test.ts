// Team sync in real Chromium: a sync server in-process on 127.0.0.1, two separate browser
// profiles with the extension. The owner connects a workspace and invites an editor, who joins
// by the link; edits cross over; both edit while the server is down and see the merged result
// when it is back; a hostile client's malformed record is listed, not crashing the register;
// demoted to viewer, the teammate's page is read-only and a forced write reaches no one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { connectWorkspace } from '../../lib/sync/connection.ts';
import { createSyncServer } from '../../server/app.ts';
import type { SyncServer } from '../../server/app.ts';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  screenshot,
  type ExtensionSession,
  eventually,
} from './harness.ts';
import { DashboardPage } from './pages/dashboard.ts';

const SECRET = 'e2e-team-secret-0123456789abcdef0123456789';

async function syncText(page: Page): Promise<string> {
  return (await page.getByTestId('sync-status').first().innerText()).trim();
}

async function rowTitles(page: Page): Promise<string> {
  if (!page.url().endsWith('#activities'))
    await page.goto(page.url().replace(/#.*$/, '') + '#activities');
  await page.locator('.register-row').first().waitFor();
  return (await page.locator('.register-row').allInnerTexts()).join('\n');
}

/** Waits until the register shows (or, with `absent`, still lacks) these titles. */
async function expectRows(page: Page, present: string[], absent: string[] = []): Promise<void> {
  await eventually(async () => {
    const rows = await rowTitles(page);
    for (const t of present) expect(rows).toContain(t);
    for (const t of absent) expect(rows).not.toContain(t);
  });
}

describe('team sync in Chromium', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'svodka-e2e-sync-'));
  const profiles = [freshProfileDir(), freshProfileDir()];
  let server: SyncServer;
  let port = 0;
  let owner: ExtensionSession;
  let teammate: ExtensionSession;
  let ownerPage: Page;
  let matePage: Page;
  let workspaceId = '';
  let ownerToken = '';

  const start = async () => {
    server = await createSyncServer({
      dataDir,
      secret: SECRET,
      host: '127.0.0.1',
      port,
      debounceMs: 200,
      revokePollMs: 300,
      log: () => {},
    });
    port = server.port;
  };

  beforeAll(async () => {
    await start();
    owner = await launchExtension(profiles[0]);
    teammate = await launchExtension(profiles[1]);
  });

  afterAll(async () => {
    await owner?.close();
    await teammate?.close();
    await server?.stop();
    for (const p of profiles) removeProfileDir(p);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the owner connects a new workspace to the server and invites an editor', async () => {
    ownerPage = await owner.context.newPage();
    await ownerPage.goto(owner.url('dashboard.html'));
    const setup = ownerPage.getByRole('form', { name: 'Новое рабочее пространство' });
    await setup.getByLabel('Название школы или организации').fill('МБОУ СОШ № 5');
    await setup.getByRole('button', { name: 'Создать рабочее пространство' }).click();
    await ownerPage.getByTestId('workspace-name').waitFor();
    const dash = new DashboardPage(ownerPage);
    await dash.createActivity({ title: 'Анализ результатов ВПР по математике' });

    await ownerPage.getByRole('link', { name: 'Команда', exact: true }).click();
    workspaceId = await ownerPage.getByTestId('workspace-id').inputValue();
    // The operator's step: the workspace exists on the server, its owner's code goes to the owner.
    ownerToken = (await server.access.createWorkspace(workspaceId, { days: 30 })).token;
    const join = ownerPage.getByRole('form', { name: 'Присоединиться по приглашению' });
    await join.getByLabel('Код или ссылка').fill(ownerToken);
    await join.getByLabel('Адрес сервера').fill(server.httpUrl);
    await join.getByLabel('Ваше имя для коллег').fill('Завуч Мария');
    await join.getByRole('button', { name: 'Присоединиться' }).click();
    await eventually(async () => expect(await syncText(ownerPage)).toBe('синхронизировано'));

    const invite = ownerPage.getByRole('form', { name: 'Пригласить' });
    await invite.getByLabel('Кого').fill('Ирина Петровна');
    await invite.getByLabel('Роль').selectOption('editor');
    await invite.getByLabel('Дней').fill('7');
    await invite.getByRole('button', { name: 'Создать приглашение' }).click();
    await ownerPage.getByTestId('invite-issued').waitFor();
    const link = await ownerPage.locator('#invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.httpUrl}/invite#`));
    await eventually(async () =>
      expect(await ownerPage.getByTestId('team-members').innerText()).toContain('Ирина Петровна'),
    );

    // A fresh device: joins from the first-run screen by the link alone.
    matePage = await teammate.context.newPage();
    await matePage.goto(teammate.url('dashboard.html'));
    const mateJoin = matePage.getByRole('form', { name: 'Присоединиться по приглашению' });
    await mateJoin.getByLabel('Код или ссылка').fill(link);
    await mateJoin.getByLabel('Ваше имя для коллег').fill('Ирина');
    await mateJoin.getByRole('button', { name: 'Присоединиться' }).click();
    await eventually(async () =>
      expect(await matePage.getByTestId('workspace-name').innerText()).toBe('МБОУ СОШ № 5'),
    );
    await eventually(async () => expect(await syncText(matePage)).toBe('синхронизировано'));
    await expectRows(matePage, ['Анализ результатов ВПР по математике']);
    // Presence: each sees the other in the header.
    await eventually(async () =>
      expect(await ownerPage.getByTestId('sync-peers').innerText()).toContain('Ирина'),
    );
  });

  it('an edit in one profile appears in the other', async () => {
    await new DashboardPage(matePage).createActivity({ title: 'Педсовет по итогам четверти' });
    await expectRows(ownerPage, ['Педсовет по итогам четверти']);
  });

  it('both edit while the server is down; both see the merged result when it is back', async () => {
    await server.stop();
    await eventually(async () => expect(await syncText(ownerPage)).toMatch(/^нет связи/));
    await eventually(async () => expect(await syncText(matePage)).toMatch(/^нет связи/));
    await new DashboardPage(ownerPage).createActivity({ title: 'Без связи: приказ о ВПР' });
    await new DashboardPage(matePage).createActivity({ title: 'Без связи: справка по итогам' });
    await eventually(async () =>
      expect(await syncText(ownerPage)).toMatch(/изменения ждут отправки \(\d+\)/),
    );
    await start();
    for (const page of [ownerPage, matePage]) {
      await eventually(async () => expect(await syncText(page)).toBe('синхронизировано'), 20_000);
      await expectRows(page, ['Без связи: приказ о ВПР', 'Без связи: справка по итогам']);
    }
  });

  it('a malformed record from a hostile client is listed for repair, the register keeps working', async () => {
    const hostile = connectWorkspace({
      url: server.url,
      token: ownerToken,
      doc: new Y.Doc(),
      workspace: workspaceId,
      minDelayMs: 50,
    });
    try {
      await hostile.whenSynced();
      hostile.doc.transact(() => {
        const bad = new Y.Map<unknown>();
        bad.set('title', { nested: 'объект вместо текста' });
        bad.set('status', 'взломано');
        hostile.doc.getMap('activities').set('hostile-1', bad);
      });
      await hostile.whenSynced();
    } finally {
      hostile.destroy();
    }
    const broken = matePage.getByRole('region', { name: 'Требуют исправления' });
    await eventually(async () => expect(await broken.textContent()).toContain('hostile-1'));
    expect(await broken.innerText()).toContain('1 запись не проходят проверку');
    await expectRows(matePage, ['Педсовет по итогам четверти']);
  });

  it('a teammate demoted to viewer cannot change anything', async () => {
    await ownerPage.getByRole('link', { name: 'Команда', exact: true }).click();
    await ownerPage.getByLabel('Роль: Ирина Петровна').selectOption('viewer');
    await eventually(async () => expect(await syncText(matePage)).toBe('только просмотр'));

    const mate = new DashboardPage(matePage);
    await mate.tab('Мероприятия');
    await mate.rows.filter({ hasText: 'Педсовет по итогам четверти' }).first().click();
    const form = matePage.getByRole('form', { name: 'Мероприятие' });
    const title = form.getByLabel('Содержание работы');
    await title.waitFor();
    expect(await title.isDisabled()).toBe(true);
    expect(await matePage.getByRole('button', { name: 'Сохранить' }).isDisabled()).toBe(true);

    // Forced: lift the lock in the page and save anyway — it stays on that device.
    await matePage.evaluate(() =>
      document.querySelectorAll('fieldset[disabled]').forEach((f) => f.removeAttribute('disabled')),
    );
    await title.fill('Подменено наблюдателем');
    await matePage.getByRole('button', { name: 'Сохранить' }).click();
    await new Promise((r) => setTimeout(r, 1500));
    await expectRows(ownerPage, ['Педсовет по итогам четверти'], ['Подменено наблюдателем']);

    await ownerPage.goto(ownerPage.url().replace(/#.*$/, '#team'));
    await ownerPage.getByTestId('team-members').waitFor();
    await eventually(async () =>
      expect(await ownerPage.getByTestId('team-online').innerText()).toContain('Ирина'),
    );
    await screenshot(ownerPage, 'team');
  });
});
