// Autofill in real Chromium with the extension loaded, on local test pages: a plain form, a
// React-controlled form, a Google-Forms-like page, a form in a same-origin iframe, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FILLING } from '../../unit/autofill/fixtures.ts';
import { buildTestExtension, launchWith, serveForms, type Launched } from './launch.ts';
import type { AutofillStart } from '../../../lib/toolbar-messages.ts';

const payload: AutofillStart = {
  fillingTitle: 'Мониторинг ШНОР, 2021',
  indicators: FILLING,
  remembered: [],
};

describe('Заполнить форму на этой странице', () => {
  let ext: Launched;
  let site: Awaited<ReturnType<typeof serveForms>>;
  const accuracy: Record<string, string> = {};

  beforeAll(async () => {
    const dir = await buildTestExtension();
    site = await serveForms();
    ext = await launchWith(dir);
  });
  afterAll(async () => {
    console.log('matching accuracy (correct pairs / fields):', accuracy);
    await ext?.close();
    await site?.close();
  });

  async function open(name: string): Promise<{ page: Page; url: string }> {
    const page = await ext.context.newPage();
    const url = `${site.base}/forms/${name}`;
    await page.goto(url);
    return { page, url };
  }
  const d = () => ext.driver;

  async function pairsOf(url: string): Promise<Record<string, string | null>> {
    const state = await d().evaluate(async (u) => window.driver!.call(u, 'state'), url);
    return Object.fromEntries(state!.rows.map((r) => [r.fieldLabel, r.indicatorId]));
  }

  function score(
    name: string,
    pairs: Record<string, string | null>,
    expected: Record<string, string | null>,
  ): void {
    const keys = Object.keys(pairs);
    const right = keys.filter((k) => pairs[k] === (expected[k] ?? null)).length;
    accuracy[name] = `${right}/${keys.length}`;
  }

  it('fills a plain HTML form, through the overlay, and one click undoes it', async () => {
    const { page, url } = await open('plain.html');
    const started = await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [
      url,
      payload,
    ] as const);
    expect(started.ok).toBe(true);
    expect(started.fields).toBe(7);
    const pairs = await pairsOf(url);
    const expected = {
      'Наличие плана работы со ШНОР': 'i1',
      'Кол-во педагогов, прошедших КПК': 'i2',
      'Ответственный за работу с ШНОР (ФИО)': 'i3',
      'Дата утверждения дорожной карты': 'i4',
      'Информация размещена на официальном сайте школы': 'i5',
      'Уровень реализации программы': 'i6',
      'Комментарий проверяющего': null,
    };
    score('plain', pairs, expected);
    expect(pairs).toEqual(expected);

    // A real click on the overlay's «Заполнить» button (closed shadow root: located by the script).
    const at = await d().evaluate(async (u) => window.driver!.call(u, 'buttonCenter', 'fill'), url);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction(
      () => (document.getElementById('teachers') as HTMLInputElement).value === '12',
    );
    await page.waitForTimeout(150);
    const values = await page.evaluate(() => ({
      plan: (document.querySelector('input[name=plan]:checked') as HTMLInputElement | null)?.value,
      teachers: (document.getElementById('teachers') as HTMLInputElement).value,
      resp: (document.getElementById('resp') as HTMLInputElement).value,
      date: (document.getElementById('roadmap') as HTMLInputElement).value,
      site: (document.querySelector('input[name=site]') as HTMLInputElement).checked,
      level: (document.getElementById('level') as HTMLSelectElement).selectedOptions[0]
        ?.textContent,
      comment: (document.getElementById('comment') as HTMLTextAreaElement).value,
      submitted: (window as { __submitted?: boolean }).__submitted ?? false,
    }));
    expect(values).toEqual({
      plan: 'yes',
      teachers: '12',
      resp: 'Иванова И. И.',
      date: '2021-02-15',
      site: true,
      level: 'Высокий',
      comment: '',
      submitted: false,
    });
    const text = await d().evaluate(async (u) => window.driver!.call(u, 'overlayText'), url);
    expect(text).toContain('Заполнено полей: 6');
    await page.screenshot({ path: 'artefacts/screenshots/toolbar-autofill-plain.png' });

    // Pairs the user confirmed are sent to be remembered for this form.
    const sent = await d().evaluate(() => window.driver!.received());
    const confirmed = sent.find((m) => m.type === 'autofill-pairings-confirmed');
    expect(
      confirmed && 'pairs' in confirmed ? confirmed.pairs.map((p) => p.indicatorId).sort() : [],
    ).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);

    const undo = await d().evaluate(
      async (u) => window.driver!.call(u, 'buttonCenter', 'undo'),
      url,
    );
    await page.mouse.click(undo!.x, undo!.y);
    await page.waitForFunction(
      () => (document.getElementById('teachers') as HTMLInputElement).value === '',
    );
    const restored = await page.evaluate(() => ({
      plan:
        (document.querySelector('input[name=plan]:checked') as HTMLInputElement | null)?.value ??
        null,
      resp: (document.getElementById('resp') as HTMLInputElement).value,
      site: (document.querySelector('input[name=site]') as HTMLInputElement).checked,
      level: (document.getElementById('level') as HTMLSelectElement).value,
      date: (document.getElementById('roadmap') as HTMLInputElement).value,
    }));
    expect(restored).toEqual({
      plan: null,
      resp: 'старое значение',
      site: false,
      level: '',
      date: '',
    });
    await page.close();
  });

  it('fills a React form so that React state changes, and undo restores the state', async () => {
    const { page, url } = await open('react.html');
    await page.waitForFunction(() => '__reactState' in window);
    await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [url, payload] as const);
    const pairs = await pairsOf(url);
    score('react', pairs, {
      '1. Наличие плана работы со школами с низкими результатами': 'i1',
      '2. Количество педагогов, прошедших повышение квалификации': 'i2',
      'Ответственный за работу со ШНОР': 'i3',
      '4. Дата утверждения дорожной карты': 'i4',
      '5. Информация размещена на официальном сайте ОО': 'i5',
      '6. Уровень реализации программы': 'i6',
      '7. Количество методических семинаров': 'i7',
    });
    const result = await d().evaluate(async (u) => window.driver!.call(u, 'fill'), url);
    expect(result?.problems).toEqual([]);
    const state = await page.evaluate(() => (window as { __reactState?: unknown }).__reactState);
    expect(state).toEqual({
      plan: 'наличие',
      teachers: '12',
      responsible: 'Иванова И. И.',
      date: '2021-02-15',
      site: true,
      level: 'high',
      seminars: '4',
    });
    await d().evaluate(async (u) => window.driver!.call(u, 'undo'), url);
    await page.waitForTimeout(50);
    const after = await page.evaluate(
      () => (window as { __reactState?: Record<string, unknown> }).__reactState,
    );
    expect(after).toMatchObject({
      teachers: '',
      responsible: '',
      date: '',
      site: false,
      level: 'low',
      seminars: '',
    });
    await page.close();
  });

  it('fills a Google-Forms-like page by clicking its ARIA radios and checkboxes', async () => {
    const { page, url } = await open('gforms.html');
    await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [url, payload] as const);
    const pairs = await pairsOf(url);
    const expected = {
      '1. Наличие плана работы с ШНОР': 'i1',
      '2. Количество педагогов, прошедших курсы повышения квалификации': 'i2',
      '3. Ответственный за работу со школами с низкими образовательными результатами': 'i3',
      '5. Размещение информации на официальном сайте ОО': 'i5',
      '6. Уровень реализации программы': 'i6',
      '7. Число проведённых методических семинаров': 'i7',
      '9. Ваш адрес электронной почты': null,
    };
    score('google-forms', pairs, expected);
    expect(pairs).toEqual(expected);
    const result = await d().evaluate(async (u) => window.driver!.call(u, 'fill'), url);
    expect(result?.filled).toBe(6);
    const g = await page.evaluate(() => (window as { __gState?: unknown }).__gState);
    expect(g).toEqual({
      plan: 'Да',
      level: 'Высокий',
      site: true,
      texts: { 'entry.1002': '12', 'entry.1003': 'Иванова И. И.', 'entry.1007': '4' },
    });
    const notRestored = await d().evaluate(async (u) => window.driver!.call(u, 'undo'), url);
    expect(notRestored).toEqual([]);
    // Back to exactly what was there: «Нет» chosen, and nothing chosen for the level (through
    // the page's own «Очистить выбор», as Google Forms offers it).
    const back = await page.evaluate(
      () => (window as { __gState?: { plan: string; level: string; site: boolean } }).__gState,
    );
    expect(back).toMatchObject({ plan: 'Нет', level: '', site: false });
    await page.close();
  });

  it('fills a field about the person only from the profile set in «Настройки»', async () => {
    const { page, url } = await open('gforms.html');
    await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [
      url,
      { ...payload, profile: { email: 'zam@school7.ru' } },
    ] as const);
    const state = await d().evaluate(async (u) => window.driver!.call(u, 'state'), url);
    const email = state!.rows.find((r) => r.fieldLabel === '9. Ваш адрес электронной почты')!;
    expect(email).toMatchObject({ indicatorId: null, personal: 'email', checked: true });
    await d().evaluate(async (u) => window.driver!.call(u, 'fill'), url);
    const value = await page.evaluate(
      () => (document.querySelector('input[type=email]') as HTMLInputElement).value,
    );
    expect(value).toBe('zam@school7.ru');
    await page.close();
  });

  it('fills a table of inputs inside a same-origin iframe', async () => {
    const { page, url } = await open('iframe.html');
    await page.frames()[1]?.waitForLoadState();
    const started = await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [
      url,
      payload,
    ] as const);
    expect(started.fields).toBe(3);
    const pairs = await pairsOf(url);
    score('iframe-table', pairs, {
      '2 Количество педагогов, прошедших КПК': 'i2',
      '3 Ответственный за работу с ШНОР': 'i3',
      '7 Число методических семинаров': 'i7',
    });
    await d().evaluate(async (u) => window.driver!.call(u, 'fill'), url);
    const inner = page.frames().find((f) => f.url().includes('iframe-inner'))!;
    const values = await inner.evaluate(() =>
      Array.from(document.querySelectorAll('input'), (i) => i.value),
    );
    expect(values).toEqual(['12', 'Иванова И. И.', '4']);
    await page.close();
  });

  it('says why when there is no form, or the form is in another site’s frame', async () => {
    const none = await open('noform.html');
    const r1 = await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [
      none.url,
      payload,
    ] as const);
    expect(r1).toMatchObject({ ok: false, fields: 0 });
    expect(r1.message).toContain('нет полей формы');
    await none.page.close();

    const cross = await open('cross.html');
    await cross.page.waitForTimeout(200);
    const r2 = await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [
      cross.url,
      payload,
    ] as const);
    expect(r2.ok).toBe(false);
    expect(r2.message).toContain('рамке с другого сайта');
    await cross.page.close();
  });

  it('reports fields that reject the value or are rewritten by the page, and submits nothing', async () => {
    const { page, url } = await open('tricky.html');
    await d().evaluate(async ([u, p]) => window.driver!.start(u, p), [url, payload] as const);
    // A select without the value: paired by meaning, left unticked with the reason, not filled.
    const review = await d().evaluate(async (u) => window.driver!.call(u, 'state'), url);
    const level = review!.rows.find((r) => r.fieldLabel === 'Уровень реализации программы')!;
    expect(level).toMatchObject({ indicatorId: 'i6', checked: false });
    expect(level.reason).toContain('нет «Высокий»');
    // The number field labelled «Ответственный…» will not take a name: tick that pair anyway.
    await d().evaluate(
      async (u) => window.driver!.call(u, 'setRow', 'id:a', { indicatorId: 'i3', checked: true }),
      url,
    );
    const result = await d().evaluate(async (u) => window.driver!.call(u, 'fill'), url);
    const reasons = Object.fromEntries(result!.problems.map((p) => [p.label, p.reason]));
    expect(reasons['Ответственный за работу с ШНОР']).toContain('только число');
    expect(reasons['Число проведённых методических семинаров']).toContain(
      'страница заменила значение на «0»',
    );
    expect(result!.filled).toBe(1);
    expect(
      await page.evaluate(() => (document.getElementById('d') as HTMLInputElement).value),
    ).toBe('12');
    expect(
      await page.evaluate(() => (window as { __submitted?: boolean }).__submitted ?? false),
    ).toBe(false);
    const text = await d().evaluate(async (u) => window.driver!.call(u, 'overlayText'), url);
    expect(text).toContain('Не заполнено');
    await page.screenshot({ path: 'artefacts/screenshots/toolbar-autofill-problems.png' });
    await page.close();
  });

  it('shows the count of overdue and due-soon activities on the toolbar badge (time injected)', async () => {
    const row = (id: string, title: string, end: string, status = 'planned') => ({
      key: `w/${id}`,
      workspaceId: 'w',
      activityId: id,
      title,
      status,
      periodKind: 'deadline',
      start: null,
      end,
      every: null,
    });
    await d().evaluate(
      async (rows) => window.driver!.seedDeadlines(rows),
      [
        row('a', 'Анализ ВПР', '2021-05-20'),
        row('b', 'План работы с ШНОР', '2021-05-28'),
        row('c', 'Сделано', '2021-05-01', 'done'),
        row('e', 'Осенью', '2021-10-01'),
      ],
    );
    const badge = await d().evaluate(async () => window.driver!.refreshBadge('2021-05-25'));
    expect(badge).toMatchObject({
      text: '2',
      overdue: ['Анализ ВПР'],
      dueSoon: ['План работы с ШНОР'],
    });
    expect(badge.title).toContain('просрочено: 1 мероприятие');
  });
});
