// Autofill on a generated 100-question monitoring form in headless Chromium with the test build
// of the extension (tests/e2e/toolbar/launch.ts), plus matching accuracy on the four test pages.
// Discovery, matching and filling are timed inside the page (tests/e2e/toolbar/bench-entry.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { median, type BenchSuite, type Figure } from './figure.ts';
import { ROOT, buildTestExtension, launchWith, serveForms } from '../tests/e2e/toolbar/launch.ts';
import { FILLING } from '../tests/unit/autofill/fixtures.ts';
import type { IndicatorInput } from '../lib/autofill/types.ts';
import type { AutofillStart } from '../lib/toolbar-messages.ts';

const QUESTIONS = 100;
const TOPICS = [
  'Наличие раздела по сопровождению ШНОР на сайте',
  'Количество педагогов, прошедших курсы повышения квалификации',
  'Ответственный за работу со школами с низкими результатами',
  'Дата утверждения программы перехода в эффективный режим',
  'Проведение методических семинаров для учителей математики',
  'Уровень реализации антирисковой программы',
];

type Kind = 'text' | 'number' | 'radio' | 'checkbox' | 'select' | 'date';
const KINDS: Kind[] = ['text', 'number', 'radio', 'checkbox', 'select', 'date'];

function question(i: number): { label: string; kind: Kind; indicator: IndicatorInput } {
  const kind = KINDS[i % KINDS.length]!;
  const text = `${TOPICS[i % TOPICS.length]} (блок ${Math.floor(i / 6) + 1})`;
  const n = i + 1;
  const value: IndicatorInput['value'] =
    kind === 'number'
      ? i
      : kind === 'radio' || kind === 'checkbox'
        ? true
        : kind === 'date'
          ? '15.02.2021'
          : kind === 'select'
            ? 'Высокий'
            : `Иванова И. И. ${n}`;
  return {
    label: `${n}. ${text}`,
    kind,
    indicator: {
      indicatorId: `q${n}`,
      number: `${n}.`,
      text,
      kind:
        kind === 'radio' || kind === 'checkbox'
          ? 'presence'
          : kind === 'number'
            ? 'count'
            : kind === 'date'
              ? 'date'
              : 'text',
      value,
    },
  };
}

function formPage(): string {
  const rows = Array.from({ length: QUESTIONS }, (_, i) => {
    const { label, kind } = question(i);
    const id = `q${i + 1}`;
    switch (kind) {
      case 'radio':
        return `<fieldset><legend>${label}</legend><label><input type="radio" name="${id}" value="Да"> Да</label><label><input type="radio" name="${id}" value="Нет"> Нет</label></fieldset>`;
      case 'checkbox':
        return `<p><label><input type="checkbox" name="${id}"> ${label}</label></p>`;
      case 'select':
        return `<p><label for="${id}">${label}</label><select id="${id}" name="${id}"><option value="">—</option><option>Низкий</option><option>Средний</option><option>Высокий</option></select></p>`;
      default:
        return `<p><label for="${id}">${label}</label><input id="${id}" name="${id}" type="${kind}"></p>`;
    }
  });
  return `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Мониторинг ШНОР</title><form>${rows.join('\n')}<button>Отправить</button></form></html>`;
}

/** Expected pairs of the test pages (the same as tests/e2e/toolbar/autofill.test.ts). */
const EXPECTED: Record<string, Record<string, string | null>> = {
  'plain.html': {
    'Наличие плана работы со ШНОР': 'i1',
    'Кол-во педагогов, прошедших КПК': 'i2',
    'Ответственный за работу с ШНОР (ФИО)': 'i3',
    'Дата утверждения дорожной карты': 'i4',
    'Информация размещена на официальном сайте школы': 'i5',
    'Уровень реализации программы': 'i6',
    'Комментарий проверяющего': null,
  },
  'react.html': {
    '1. Наличие плана работы со школами с низкими результатами': 'i1',
    '2. Количество педагогов, прошедших повышение квалификации': 'i2',
    'Ответственный за работу со ШНОР': 'i3',
    '4. Дата утверждения дорожной карты': 'i4',
    '5. Информация размещена на официальном сайте ОО': 'i5',
    '6. Уровень реализации программы': 'i6',
    '7. Количество методических семинаров': 'i7',
  },
  'gforms.html': {
    '1. Наличие плана работы с ШНОР': 'i1',
    '2. Количество педагогов, прошедших курсы повышения квалификации': 'i2',
    '3. Ответственный за работу со школами с низкими образовательными результатами': 'i3',
    '5. Размещение информации на официальном сайте ОО': 'i5',
    '7. Число проведённых методических семинаров': 'i7',
    '9. Ваш адрес электронной почты': null,
  },
  'iframe.html': {
    '2 Количество педагогов, прошедших КПК': 'i2',
    '3 Ответственный за работу с ШНОР': 'i3',
    '7 Число методических семинаров': 'i7',
  },
};

export default {
  title: 'Autofill in the page (100-question form, 4 test pages)',
  async run(): Promise<Figure[]> {
    const entry = await esbuild({
      entryPoints: [path.join(ROOT, 'tests/e2e/toolbar/bench-entry.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      logLevel: 'error',
    });
    const script = entry.outputFiles[0]!.text;
    const html = formPage();
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const formUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/monitoring.html`;
    const site = await serveForms();
    const ext = await launchWith(await buildTestExtension());
    try {
      const indicators = Array.from({ length: QUESTIONS }, (_, i) => question(i).indicator);
      const runs: {
        discoverMatchMs: number;
        fillMs: number;
        correct: number;
        fields: number;
        filled: number;
      }[] = [];
      for (let r = 0; r < 5; r++) {
        const page = await ext.context.newPage();
        await page.goto(formUrl);
        await page.addScriptTag({ content: script });
        runs.push(
          await page.evaluate(
            (list) =>
              (
                window as unknown as { __autofillBench: (l: unknown) => Promise<never> }
              ).__autofillBench(list),
            indicators,
          ),
        );
        await page.close();
      }
      // The extension's own path once: injected script, matching and the overlay.
      const page = await ext.context.newPage();
      await page.goto(formUrl);
      const started = await ext.driver.evaluate(async ([u, p]) => window.driver!.start(u, p), [
        formUrl,
        { fillingTitle: 'Бенчмарк', indicators, remembered: [] } as AutofillStart,
      ] as const);
      await page.close();

      let right = 0;
      let all = 0;
      const perPage: string[] = [];
      for (const [name, expected] of Object.entries(EXPECTED)) {
        const p = await ext.context.newPage();
        const url = `${site.base}/forms/${name}`;
        await p.goto(url);
        if (name === 'react.html') await p.waitForFunction(() => '__reactState' in window);
        if (name === 'iframe.html') await p.frames()[1]?.waitForLoadState();
        await ext.driver.evaluate(async ([u, f]) => window.driver!.start(u, f), [
          url,
          {
            fillingTitle: 'Мониторинг ШНОР, 2021',
            indicators: FILLING,
            remembered: [],
          } as AutofillStart,
        ] as const);
        const state = await ext.driver.evaluate(async (u) => window.driver!.call(u, 'state'), url);
        const rows = state?.rows ?? [];
        const ok = rows.filter((row) => (expected[row.fieldLabel] ?? null) === row.indicatorId);
        for (const row of rows)
          if ((expected[row.fieldLabel] ?? null) !== row.indicatorId)
            console.log(
              `  ${name}: «${row.fieldLabel}» → ${row.indicatorId}, ожидалось ${expected[row.fieldLabel] ?? null}`,
            );
        right += ok.length;
        all += Math.max(rows.length, Object.keys(expected).length);
        perPage.push(`${name} ${ok.length}/${rows.length}`);
        await p.close();
      }

      const last = runs[runs.length - 1]!;
      return [
        {
          name: `discovery + matching, ${QUESTIONS} questions (median of ${runs.length})`,
          value: median(runs.map((r) => r.discoverMatchMs)),
          unit: 'ms',
          target: 100,
          bound: 'max',
          note: `${last.fields} fields, ${last.correct} paired correctly; via extension: ${started.proposed}/${started.fields} proposed`,
        },
        {
          name: `filling all pairs, ${QUESTIONS} questions (median of ${runs.length})`,
          value: median(runs.map((r) => r.fillMs)),
          unit: 'ms',
          target: 500,
          bound: 'max',
          note: `${last.filled} filled (includes the 60 ms settle check)`,
        },
        {
          name: 'matching accuracy on the 4 test pages',
          value: all ? Math.round((1000 * right) / all) / 10 : 0,
          unit: '%',
          target: 95,
          bound: 'min',
          note: perPage.join(', '),
        },
      ];
    } finally {
      await ext.close();
      await site.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  },
} satisfies BenchSuite;
