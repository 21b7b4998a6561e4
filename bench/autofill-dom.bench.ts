// Autofill on a generated 100-question monitoring form in headless Chromium with the test build
// of the extension (tests/e2e/toolbar/launch.ts), plus the web-form corpus's figures, tuned and
// held-out (tests/e2e/toolbar/web-form-corpus.ts).
// Discovery, matching and filling are timed inside the page (tests/e2e/toolbar/bench-entry.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { median, type BenchSuite, type Figure } from './figure.ts';
import { ROOT, buildTestExtension, launchWith, serveForms } from '../tests/e2e/toolbar/launch.ts';
import { measureCorpus } from '../tests/e2e/toolbar/web-form-corpus.ts';
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

export default {
  title: 'Autofill in the page (100-question form; web-form corpus, tuned and held-out)',
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

      // The corpus: tuned pages, then held-out pages nobody tuned on (tests/e2e/pages/forms/corpus).
      const corpus = {
        tuning: await measureCorpus(ext, site.base, 'tuning'),
        'held-out': await measureCorpus(ext, site.base, 'held-out'),
      };
      // What went wrong is printed for the tuning pages only: reading the held-out misses is
      // how a held-out part stops being held out.
      for (const r of corpus.tuning.results)
        for (const line of [...r.wrong, ...r.missed, ...r.notLanded, ...r.changed])
          console.log(`  ${r.page}: ${line}`);
      const corpusFigures = Object.entries(corpus).flatMap(([part, c]): Figure[] => [
        {
          name: `${part}: pairing precision (ticked pairs right)`,
          value: c.precision,
          unit: '%',
          target: 99,
          bound: 'min',
          note: `${c.totals.right}/${c.totals.ticked} over ${c.pages} pages`,
        },
        {
          name: `${part}: pairing recall (asked indicators ticked right)`,
          value: c.recall,
          unit: '%',
          target: 90,
          bound: 'min',
          note: `${c.totals.right}/${c.totals.expected}`,
        },
        {
          name: `${part}: values landed in the page's own state`,
          value: c.landed,
          unit: '%',
          target: 99,
          bound: 'min',
          note: `${c.totals.landedN}/${c.totals.filled} filled pairs`,
        },
        {
          name: `${part}: must-stay-empty fields left as they were`,
          value: c.stayed,
          unit: '%',
          target: 100,
          bound: 'min',
          note: `${c.totals.stayedN}/${c.totals.mustStay}; submitted: ${c.results.filter((r) => r.submitted).length}`,
        },
      ]);

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
        ...corpusFigures,
      ];
    } finally {
      await ext.close();
      await site.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  },
} satisfies BenchSuite;
