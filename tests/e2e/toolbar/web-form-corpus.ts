// Measures «Заполнить форму на этой странице» on the web-form corpus (tests/e2e/pages/forms/corpus,
// see its README): each page in real Chromium with the test build of the extension, the pairs
// the overlay ticks compared with the page's own data-expect marks, the values read back from the
// page's own state (__formState), fields that must stay as they were checked before and after.
// Used by the e2e test (tuning pages, targets asserted) and by `npm run bench` (both parts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { IndicatorInput } from '../../../lib/autofill/types.ts';
import type { AutofillStart } from '../../../lib/toolbar-messages.ts';
import { ROOT, type Launched } from './launch.ts';

export const CORPUS = path.join(ROOT, 'tests/e2e/pages/forms/corpus');
export type Part = 'tuning' | 'held-out';

const SETS: Record<string, IndicatorInput[]> = {
  indicators: JSON.parse(readFileSync(path.join(CORPUS, 'indicators.json'), 'utf8')),
  school: JSON.parse(readFileSync(path.join(CORPUS, 'school.json'), 'utf8')),
};

export function corpusPages(part: Part): string[] {
  return readdirSync(path.join(CORPUS, part))
    .filter((f) => f.endsWith('.html') && !f.endsWith('.inner.html'))
    .sort();
}

/** Every element's data-key → data-expect, through open shadow roots and same-origin frames. */
const MARKS_SCRIPT = `(() => {
  const out = {};
  const walk = (root) => {
    root.querySelectorAll('[data-key]').forEach((el) => {
      out[el.getAttribute('data-key')] = el.getAttribute('data-expect') || '';
    });
    root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
    root.querySelectorAll('iframe').forEach((f) => {
      try { if (f.contentDocument) walk(f.contentDocument); } catch (e) { /* another site */ }
    });
  };
  walk(document);
  return out;
})()`;

export interface PageResult {
  page: string;
  fields: number;
  /** Fields that carry an indicator of the payload (what a perfect pairing ticks). */
  expected: number;
  ticked: number;
  right: number;
  /** Ticked pairs with the wrong indicator, or on a field that asks none: label → what. */
  wrong: string[];
  /** Expected pairs that were not ticked: label → why. */
  missed: string[];
  filled: number;
  landed: number;
  notLanded: string[];
  mustStay: number;
  stayed: number;
  changed: string[];
  submitted: boolean;
  /** Fields the page did not mark (a discovery the page's author did not foresee). */
  unmarked: string[];
  /** Every proposed pair (ticked or not), for calibrating the thresholds on the tuning pages. */
  proposals: { confidence: number; right: boolean; ticked: boolean; what: string }[];
}

interface Row {
  confidence: number;
  fieldKey: string;
  fieldLabel: string;
  indicatorId: string | null;
  checked: boolean;
  reason: string | null;
  earlier?: boolean;
}

async function state(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    (window as { __formState?: () => Record<string, string> }).__formState!(),
  );
}

export async function measurePage(
  ext: Launched,
  base: string,
  part: Part,
  name: string,
): Promise<PageResult> {
  const html = readFileSync(path.join(CORPUS, part, name), 'utf8');
  const set = /<meta\s+name="svodka-indicators"\s+content="(\w+)"/.exec(html)?.[1] ?? 'indicators';
  const indicators = SETS[set]!;
  // As the popup sends them: only the answered indicators.
  const payload: AutofillStart = {
    fillingTitle: `Корпус: ${name}`,
    indicators: indicators.filter((i) => i.value !== null),
    remembered: [],
  };
  const inPayload = new Set(payload.indicators.map((i) => i.indicatorId));
  const page = await ext.context.newPage();
  const url = `${base}/forms/corpus/${part}/${name}`;
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForFunction(
    () => typeof (window as { __formState?: unknown }).__formState === 'function',
  );
  const d = ext.driver;
  const call = <T>(method: string, ...args: unknown[]) =>
    d.evaluate(
      async ([u, m, a]) =>
        (window.driver!.call as (...x: unknown[]) => Promise<unknown>)(u, m, ...(a as unknown[])),
      [url, method, args] as const,
    ) as Promise<T>;

  const before = await state(page);
  await d.evaluate(async ([u, p]) => window.driver!.start(u, p), [url, payload] as const);

  const result: PageResult = {
    page: `${part}/${name}`,
    fields: 0,
    expected: 0,
    ticked: 0,
    right: 0,
    wrong: [],
    missed: [],
    filled: 0,
    landed: 0,
    notLanded: [],
    mustStay: 0,
    stayed: 0,
    changed: [],
    submitted: false,
    unmarked: [],
    proposals: [],
  };
  const seen = new Set<string>();
  const expectValue: Record<string, string> = {};
  const ticks: { key: string; dataKey: string; indicatorId: string }[] = [];

  const review = async () => {
    const s = (await call<{ rows: Row[] }>('state'))!;
    const expect = (await call<Record<string, string | null>>('fieldAttribute', 'data-expect'))!;
    const keys = (await call<Record<string, string | null>>('fieldAttribute', 'data-key'))!;
    const values = (await call<Record<string, string | null>>(
      'fieldAttribute',
      'data-expect-value',
    ))!;
    for (const row of s.rows) {
      if (row.earlier || seen.has(row.fieldKey)) continue;
      seen.add(row.fieldKey);
      result.fields++;
      const mark = expect[row.fieldKey] ?? null;
      const dataKey = keys[row.fieldKey] ?? row.fieldKey;
      if (mark === null) result.unmarked.push(row.fieldLabel);
      const want = mark && mark !== 'none' && inPayload.has(mark) ? mark : null;
      if (want) result.expected++;
      if (values[row.fieldKey] != null) expectValue[dataKey] = values[row.fieldKey]!;
      if (row.indicatorId)
        result.proposals.push({
          confidence: row.confidence,
          right: row.indicatorId === want,
          ticked: row.checked,
          what: `${row.fieldLabel} → ${row.indicatorId} (ждали ${want ?? 'ничего'})`,
        });
      const got = row.checked && row.indicatorId ? row.indicatorId : null;
      if (got) {
        result.ticked++;
        if (got === want) {
          result.right++;
          ticks.push({ key: row.fieldKey, dataKey, indicatorId: got });
        } else result.wrong.push(`${row.fieldLabel} → ${got} (ждали ${want ?? 'ничего'})`);
      } else if (want)
        result.missed.push(
          `${row.fieldLabel} (${want}): ${row.indicatorId ? `предложено ${row.indicatorId} без отметки — ${row.reason ?? ''}` : 'нет пары'}`,
        );
    }
  };

  await review();
  await call('fill');
  // A wizard: the next page, then the same session goes on there.
  if (await page.locator('[data-next]').count()) {
    await page.locator('[data-next]').first().click();
    await page.waitForTimeout(100);
    await call('continueOnPage');
    await review();
    await call('fill');
  }
  await page.waitForTimeout(100);
  const after = await state(page);
  // As text: tsx (the bench's loader) would wrap a named inner function in a helper the page lacks.
  const marks = (await page.evaluate(MARKS_SCRIPT)) as Record<string, string>;
  for (const [dataKey, mark] of Object.entries(marks)) {
    if (mark !== 'none') continue;
    result.mustStay++;
    if ((before[dataKey] ?? '') === (after[dataKey] ?? '')) result.stayed++;
    else result.changed.push(`${dataKey}: «${before[dataKey]}» → «${after[dataKey]}»`);
  }
  for (const t of ticks) {
    const want = expectValue[t.dataKey];
    if (want === undefined) continue;
    result.filled++;
    if ((after[t.dataKey] ?? '') === want) result.landed++;
    else result.notLanded.push(`${t.dataKey}: «${after[t.dataKey]}», ждали «${want}»`);
  }
  result.submitted = await page.evaluate(
    () => (window as { __submitted?: boolean }).__submitted === true,
  );
  await page.close();
  return result;
}

export interface CorpusFigures {
  pages: number;
  precision: number;
  recall: number;
  landed: number;
  stayed: number;
  totals: {
    ticked: number;
    right: number;
    expected: number;
    filled: number;
    landedN: number;
    mustStay: number;
    stayedN: number;
  };
  results: PageResult[];
}

export async function measureCorpus(
  ext: Launched,
  base: string,
  part: Part,
): Promise<CorpusFigures> {
  const results: PageResult[] = [];
  for (const name of corpusPages(part)) results.push(await measurePage(ext, base, part, name));
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const totals = {
    ticked: sum((r) => r.ticked),
    right: sum((r) => r.right),
    expected: sum((r) => r.expected),
    filled: sum((r) => r.filled),
    landedN: sum((r) => r.landed),
    mustStay: sum((r) => r.mustStay),
    stayedN: sum((r) => r.stayed),
  };
  const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
  return {
    pages: results.length,
    precision: pct(totals.right, totals.ticked),
    recall: pct(totals.right, totals.expected),
    landed: pct(totals.landedN, totals.filled),
    stayed: pct(totals.stayedN, totals.mustStay),
    totals,
    results,
  };
}
