// Journey 2 in a real Chromium: on the school site's page that publishes an order, the user
// clicks «Сохранить страницу как подтверждение» in the popup, checks the proposed requisites,
// links the activity and saves; later «Проверить сохранённые страницы» notices the page changed.
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
import { screenshot } from './harness.ts';

const ORDER_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Итоги ВПР | МБОУ СОШ № 12</title></head>
<body><h1>Новости школы</h1>
<p>Опубликован Приказ управления образования от 14.05.2021 № 736 «О результатах всероссийских проверочных работ в 2021 году».</p>
<p>С приказом ознакомлены учителя-предметники.</p>
<script>document.body.dataset.ready = '1'</script>
</body></html>`;

interface Stored {
  evidence: {
    id: string;
    kind: string;
    title: string;
    url: string;
    date: string | null;
    number: string;
    issuer: string;
    contentHash: string | null;
    capturedAt: string | null;
    attachments: { hash: string; type: string; name: string }[];
  }[];
  links: { activityId: string; evidenceId: string }[];
  activities: { id: string; title: string }[];
}

describe('capture of a web page as evidence', () => {
  const pages = new Map<string, string>([['/news/736', ORDER_PAGE]]);
  let site: Awaited<ReturnType<typeof serveSite>>;
  let session: CaptureSession;
  let popup: Page;

  beforeAll(async () => {
    site = await serveSite(pages);
    session = await launchCapture(await buildCaptureExtension());
    await driver(session, 'createWorkspace', 'МБОУ СОШ № 12');
    await driver(session, 'addActivities', [
      { number: '1.', title: 'Анализ результатов ВПР по математике', end: '2021-05-31' },
      { number: '2.', title: 'Семинар для учителей ШНОР', end: '2021-03-15' },
    ]);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('proposes the order’s date and number and saves it with a screenshot, linked', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${site.base}/news/736`);
    await tab.locator('body[data-ready="1"]').waitFor();
    await tab.bringToFront();

    popup = await openPopupFor(session, `${site.base}/news/`);
    // No monitoring yet: autofill and export say why they are off.
    await popup.getByText('Нет активного мониторинга').first().waitFor();
    expect(
      await popup.getByRole('button', { name: 'Заполнить форму на этой странице' }).isDisabled(),
    ).toBe(true);

    const save = popup.getByRole('button', { name: 'Сохранить страницу как подтверждение' });
    await eventually(async () => expect(await save.isEnabled()).toBe(true));
    await save.click();

    await popup.getByTestId('capture-recognised').waitFor();
    expect((await popup.getByTestId('capture-recognised').innerText()).replace(/\s+/g, ' ')).toBe(
      'На странице найден приказ от 14.05.2021 № 736',
    );
    expect(await popup.getByLabel('Дата документа').inputValue()).toBe('14.05.2021');
    expect(await popup.getByLabel('Номер').inputValue()).toBe('736');
    expect(await popup.getByLabel('Вид документа').inputValue()).toBe('order');
    expect(await popup.getByLabel('Название').inputValue()).toContain(
      'О результатах всероссийских',
    );

    await popup.getByLabel('Найти мероприятие').fill('ВПР');
    await popup.getByRole('radio', { name: /Анализ результатов ВПР/ }).check();
    expect(await popup.getByText(/Приложить снимок экрана \(PNG/).isVisible()).toBe(true);
    await popup.setViewportSize({ width: 380, height: 860 });
    await screenshot(popup, 'capture-form');

    await popup.getByRole('button', { name: 'Сохранить подтверждение' }).click();
    await popup.getByTestId('capture-saved').waitFor();
    expect(await popup.getByTestId('capture-saved').innerText()).toContain(
      'связано с мероприятием «Анализ результатов ВПР по математике»',
    );

    const stored = await driver<Stored>(session, 'read');
    expect(stored.evidence).toHaveLength(1);
    const evidence = stored.evidence[0]!;
    expect(evidence).toMatchObject({
      kind: 'order',
      date: '2021-05-14',
      number: '736',
      url: `${site.base}/news/736`,
    });
    expect(evidence.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(evidence.capturedAt).not.toBeNull();
    expect(evidence.attachments).toHaveLength(1);
    expect(evidence.attachments[0]!.type).toBe('image/png');
    const png = await driver<{ type: string; head: number[] } | null>(
      session,
      'attachmentHead',
      evidence.attachments[0]!.hash,
    );
    expect(png).toEqual({
      type: 'image/png',
      head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    });
    const vpr = stored.activities.find((a) => a.title.includes('ВПР'))!;
    expect(stored.links).toEqual([
      expect.objectContaining({ activityId: vpr.id, evidenceId: evidence.id }),
    ]);
  });

  it('checks saved pages: unchanged, then changed, then gone', async () => {
    await popup.getByRole('button', { name: 'Готово' }).click();
    const check = popup.getByRole('button', { name: 'Проверить сохранённые страницы' });
    await check.waitFor();

    await check.click();
    await popup.getByTestId('link-check-results').waitFor();
    expect(await popup.getByTestId('link-check-results').innerText()).toContain('без изменений');

    pages.set('/news/736', ORDER_PAGE.replace('№ 736', '№ 737'));
    await check.click();
    await eventually(async () =>
      expect(await popup.getByTestId('link-check-results').innerText()).toContain('изменилась'),
    );

    pages.delete('/news/736');
    await check.click();
    await eventually(async () =>
      expect(await popup.getByTestId('link-check-results').innerText()).toContain(
        'недоступна (404)',
      ),
    );
  });

  it('finishes a context-menu capture of a link on the capture page', async () => {
    await driver(session, 'setPendingCapture', {
      pageUrl: `${site.base}/news/`,
      pageTitle: 'Новости | МБОУ СОШ № 12',
      linkUrl: `${site.base}/files/plan-shnor.pdf`,
      selection: 'План работы с ШНОР на 2020-2021 учебный год',
      tabId: null,
      windowId: null,
      at: new Date().toISOString(),
    });
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/capture.html`);
    await page.getByRole('heading', { name: 'Сохранить подтверждение' }).waitFor();
    await page.getByLabel('Название').waitFor();
    expect(await page.getByLabel('Название').inputValue()).toBe(
      'План работы с ШНОР на 2020-2021 учебный год',
    );
    await page.getByLabel('Вид документа').selectOption('plan');
    await page.getByLabel('Найти мероприятие').fill('семинар');
    await page.getByRole('radio', { name: /Семинар для учителей ШНОР/ }).check();
    await page.getByRole('button', { name: 'Сохранить подтверждение' }).click();
    await page.getByTestId('capture-saved').waitFor();

    const stored = await driver<Stored>(session, 'read');
    const plan = stored.evidence.find((e) => e.url === `${site.base}/files/plan-shnor.pdf`);
    expect(plan).toMatchObject({ kind: 'plan', contentHash: null, attachments: [] });
    const seminar = stored.activities.find((a) => a.title.startsWith('Семинар'))!;
    expect(stored.links).toContainEqual(
      expect.objectContaining({ activityId: seminar.id, evidenceId: plan!.id }),
    );
  });
});
