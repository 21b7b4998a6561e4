// The extension in headless Chromium with a large generated workspace (10,000 activities,
// 20,000 evidence records), seeded through the dashboard's own store (exposed with ?bench=1).
// Times come from performance marks and clocks inside the pages.
import type { Page } from 'playwright-core';
import { median, type BenchSuite, type Figure } from './figure.ts';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  type ExtensionSession,
} from '../tests/e2e/harness.ts';

const ACTIVITIES = 10_000;
const EVIDENCE = 20_000;
/**
 * Page loads per first-render figure. Run to run, this shared two-core machine varies by about
 * ±20 %; a median over more loads moves less between runs.
 */
const LOADS = 9;
/**
 * Pause after closing one measured page before opening the next. Extension pages share one
 * renderer: right after a close, the closed dashboard's teardown (its 18 MB doc) runs in the
 * next page's time. Without the pause about one load in five took 0.8–1.8 s; a user does not
 * reopen the register within a second of closing it.
 */
const SETTLE_MS = 2500;

interface BenchStore {
  createWorkspace(input: {
    name: string;
    kind: string;
    municipality: string;
    schoolYear: string;
  }): Promise<string>;
  openWorkspace(
    id: string,
    opts: { actor: string },
  ): Promise<{
    repo: {
      putMany(records: { collection: string; record: { id: string } }[]): void;
      snapshot(): { activities: unknown[] };
    };
    close(): void;
  }>;
  openWorkspacePreview(
    id: string,
    opts: { actor: string },
  ): Promise<{
    repo: { snapshot(): unknown };
    validated?: Promise<unknown> | unknown;
    close(): void;
  } | null>;
  setActiveWorkspaceId(id: string): Promise<void>;
  exportBackupFile(id: string, live?: unknown): Promise<Blob>;
  restoreBackupFile(file: Blob): Promise<{ workspaceId: string }>;
}
type BenchWindow = Window & { __svodkaStore: BenchStore };

export async function seed(page: Page): Promise<string> {
  return page.evaluate(
    async ({ activities, evidence }) => {
      const store = (window as unknown as BenchWindow).__svodkaStore;
      const id = await store.createWorkspace({
        name: 'УО МО Бенчмарк район',
        kind: 'authority',
        municipality: 'Бенчмарк район',
        schoolYear: '2020-2021',
      });
      const handle = await store.openWorkspace(id, { actor: 'bench' });
      const now = new Date('2021-01-15T10:00:00.000Z').toISOString();
      const topics = [
        'анализ результатов ВПР',
        'мониторинг официальных сайтов ШНОР',
        'семинар для учителей математики',
        'методический выезд в школу',
        'заседание РМО учителей русского языка',
        'консультация по антирисковым программам',
        'диагностика профессиональных дефицитов педагогов',
        'совещание с руководителями ОО',
      ];
      const directions = [
        'Исследовательская деятельность',
        'Проектная деятельность',
        'Консультационная деятельность',
        'Информационная деятельность',
        'Мониторинговая деятельность',
        'Организационная деятельность',
      ];
      const statuses = ['planned', 'in_progress', 'done', 'postponed'];
      const kinds = ['order', 'letter', 'certificate', 'protocol', 'plan', 'report'];
      const records: { collection: string; record: { id: string } & Record<string, unknown> }[] =
        [];
      const activityIds: string[] = [];
      for (let i = 0; i < activities; i++) {
        const month = (i % 12) + 1;
        const start = `2021-${String(month).padStart(2, '0')}-01`;
        const end = `2021-${String(month).padStart(2, '0')}-28`;
        // Short ids keep link ids (activity~evidence) compact.
        const aid = `a${i.toString(36)}`;
        activityIds.push(aid);
        records.push({
          collection: 'activities',
          record: {
            id: aid,
            createdAt: now,
            updatedAt: now,
            number: `${Math.floor(i / 50) + 1}.${(i % 50) + 1}`,
            title: `${topics[i % topics.length]} № ${i + 1} в школе № ${(i % 40) + 1}`,
            direction: directions[i % directions.length],
            level: i % 2 ? 'school' : 'municipal',
            period: {
              raw: `месяц ${month}`,
              parsed: {
                raw: `месяц ${month}`,
                kind: 'range',
                start,
                end,
                every: null,
                times: null,
              },
            },
            place: `МБОУ СОШ № ${(i % 40) + 1}`,
            responsibleIds: [],
            participants: [],
            status: statuses[i % statuses.length],
            report: i % 3 ? '' : 'Проведено, справка размещена на сайте.',
            tags: [],
            source: null,
          },
        });
      }
      for (let i = 0; i < evidence; i++) {
        const eid = `e${i.toString(36)}`;
        records.push({
          collection: 'evidence',
          record: {
            id: eid,
            createdAt: now,
            updatedAt: now,
            kind: kinds[i % kinds.length],
            issuer: i % 2 ? 'УО' : 'МКУО КМЦ',
            date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            number: String(100 + i),
            title: `О ${topics[i % topics.length]} (${i + 1})`,
            url: '',
            attachments: [],
            note: '',
            capturedAt: null,
            contentHash: null,
          },
        });
        const activityId = activityIds[i % activityIds.length]!;
        records.push({
          collection: 'links',
          record: { id: `${activityId}~${eid}`, activityId, evidenceId: eid, createdAt: now },
        });
      }
      for (let i = 0; i < records.length; i += 5000)
        handle.repo.putMany(records.slice(i, i + 5000));
      // Keep the handle open until a fresh open from IndexedDB sees every record.
      let persisted = 0;
      for (let waited = 0; waited < 60_000; waited += 1000) {
        await new Promise((r) => setTimeout(r, 1000));
        const probe = await store.openWorkspace(id, { actor: 'bench' });
        persisted = probe.repo.snapshot().activities.length;
        probe.close();
        if (persisted === activities) break;
      }
      handle.close();
      if (persisted !== activities)
        throw new Error(`only ${persisted} of ${activities} activities reached IndexedDB`);
      await store.setActiveWorkspaceId(id);
      return id;
    },
    { activities: ACTIVITIES, evidence: EVIDENCE },
  );
}

/** Time from navigation start to a performance mark (or paint entry) in the page. */
async function markTime(page: Page, name: string, timeoutMs = 30_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
    timeout: timeoutMs,
  });
  return page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
}

/** The popup's first render (its shell), its first paint, and when its data is shown. */
async function popupFirstRender(
  session: ExtensionSession,
  runs: number,
): Promise<{ first: number[]; paint: number[]; data: number[] }> {
  const first: number[] = [];
  const paint: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.context.newPage();
    await page.goto(session.url('popup.html'));
    first.push(await markTime(page, 'svodka:popup:first-render'));
    paint.push(await markTime(page, 'first-contentful-paint'));
    data.push(await markTime(page, 'svodka:popup:data'));
    await page.close();
  }
  return { first, paint, data };
}

async function searchKeystrokes(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate((qs) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      setter.call(input, q);
      // React flushes a discrete input event synchronously: when dispatch returns the list is updated.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.querySelector('[data-testid=result-count]')!.textContent;
      times.push(performance.now() - t0);
    }
    return times;
  }, queries);
}

export default {
  title: 'Extension pages in Chromium (10 000 activities, 20 000 evidence)',
  async run(): Promise<Figure[]> {
    const profile = freshProfileDir();
    const session = await launchExtension(profile);
    try {
      const popupEmpty = await popupFirstRender(session, 5);

      const seedPage = await session.context.newPage();
      await seedPage.goto(session.url('dashboard.html?bench=1'));
      await seedPage.waitForFunction(() => '__svodkaStore' in window);
      const workspaceId = await seed(seedPage);
      await seedPage.close();

      // Dashboard first render of the list, fresh page each time (workspace read from IndexedDB).
      // The first visit writes the snapshot cache; the measured visits paint from it.
      const warm = await session.context.newPage();
      await warm.goto(session.url('dashboard.html?bench=1#activities'));
      await markTime(warm, 'svodka:workspace:opened');
      await warm.waitForTimeout(4000);
      await warm.close();
      const firstRender: number[] = [];
      const listOnly: number[] = [];
      const editable: number[] = [];
      let marks = '';
      let page: Page | null = null;
      for (let i = 0; i < LOADS; i++) {
        await page?.close();
        if (page) await new Promise((r) => setTimeout(r, SETTLE_MS));
        page = await session.context.newPage();
        await page.goto(session.url('dashboard.html?bench=1#activities'));
        const rendered = await markTime(page, 'svodka:activities:rendered');
        firstRender.push(rendered);
        // What the list was first drawn from: the glimpse (before the store's code loaded), the
        // store's preview of the cache, or the doc.
        const shown = await page.evaluate(() =>
          ['svodka:workspace:glimpse', 'svodka:workspace:preview', 'svodka:workspace:opened'].find(
            (n) => performance.getEntriesByName(n).length > 0,
          )!,
        );
        listOnly.push(rendered - (await markTime(page, shown)));
        editable.push(await markTime(page, 'svodka:workspace:opened'));
        marks = await page.evaluate(() =>
          [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')]
            .filter((m) => m.name.startsWith('svodka:'))
            .map((m) =>
              m.entryType === 'measure'
                ? `${m.name.slice(7)} ${m.startTime.toFixed(0)}+${m.duration.toFixed(0)}`
                : `${m.name.slice(7)} ${m.startTime.toFixed(0)}`,
            )
            .join(', '),
        );
      }
      page = page!;
      const listed = await page.evaluate(
        () => document.querySelector('[data-testid=result-count]')?.textContent ?? '',
      );

      // Workspace load from IndexedDB, in the page: the cached snapshot (what the user sees
      // first, read-only) and the Y.Doc itself (when edits become possible).
      const { previews, previewsWhole, loads, phases } = await page.evaluate(async (id) => {
        const store = (window as unknown as BenchWindow).__svodkaStore;
        const previews: number[] = [];
        const previewsWhole: number[] = [];
        const loads: number[] = [];
        for (let i = 0; i < 5; i++) {
          let t0 = performance.now();
          const preview = await store.openWorkspacePreview(id, { actor: 'bench' });
          preview?.repo.snapshot();
          previews.push(preview ? performance.now() - t0 : NaN);
          // The evidence follows the activities (the second part of the cache).
          await preview?.validated;
          previewsWhole.push(preview ? performance.now() - t0 : NaN);
          preview?.close();
          t0 = performance.now();
          const handle = await store.openWorkspace(id, { actor: 'bench' });
          handle.repo.snapshot();
          loads.push(performance.now() - t0);
          handle.close();
        }
        const phases = ['svodka:load:indexeddb', 'svodka:load:snapshot']
          .map((n) => {
            const all = performance.getEntriesByName(n);
            return `${n.slice(12)} ${all.at(-1)?.duration.toFixed(0) ?? '?'} ms`;
          })
          .join(', ');
        return { previews, previewsWhole, loads, phases };
      }, workspaceId);

      // Search: let the idle-time index build finish, then type.
      await page.waitForTimeout(3000);
      const keystrokes = await searchKeystrokes(page, [
        'в',
        'вп',
        'впр',
        'мониторинг',
        'мониторингов',
        'семинар',
        'семинар матем',
        'школе',
        'диагностика',
        '',
      ]);

      const backup = await page.evaluate(async (id) => {
        const store = (window as unknown as BenchWindow).__svodkaStore;
        // As in the dashboard: the page already has the workspace open.
        const handle = await store.openWorkspace(id, { actor: 'bench' });
        const t0 = performance.now();
        const blob = await store.exportBackupFile(id, handle.repo);
        handle.close();
        const t1 = performance.now();
        await store.restoreBackupFile(blob);
        const t2 = performance.now();
        return { exportMs: t1 - t0, restoreMs: t2 - t1, size: blob.size };
      }, workspaceId);

      // Extension pages share one renderer process: measure the popup with the register closed.
      await page.close();
      await new Promise((r) => setTimeout(r, 1000));
      const popupFull = await popupFirstRender(session, LOADS);

      return [
        {
          name: 'dashboard list first render (navigation → list, from the cached snapshot)',
          value: median(firstRender),
          unit: 'ms',
          target: 500,
          bound: 'max',
          note: `median of ${LOADS}, each ${SETTLE_MS / 1000} s after the previous page closed; ${listed}; of which list render after its data was read ${median(listOnly).toFixed(0)} ms; marks (ms): ${marks}`,
        },
        {
          name: 'dashboard list drawn once its data is read',
          value: median(listOnly),
          unit: 'ms',
          target: 500,
          bound: 'max',
          note: 'from the cached snapshot decoded (or the doc opened) to the list drawn, waiting for the page code included',
        },
        {
          name: 'search keystroke → updated results',
          value: median(keystrokes),
          unit: 'ms',
          target: 50,
          bound: 'max',
          note: `median of ${keystrokes.length}; worst ${Math.max(...keystrokes).toFixed(1)} ms`,
        },
        {
          name: 'workspace load from IndexedDB: cached snapshot, shown read-only',
          value: median(previews),
          unit: 'ms',
          target: 300,
          bound: 'max',
          note: `median of 5; what the user sees first: the activities, with evidence still being read; whole snapshot with evidence ${median(previewsWhole).toFixed(0)} ms`,
        },
        {
          name: 'workspace load from IndexedDB: Y.Doc ready for edits',
          value: median(loads),
          unit: 'ms',
          target: 300,
          bound: 'max',
          note: `median of 5; last load: ${phases}; in the dashboard, editable after ${median(editable).toFixed(0)} ms from navigation`,
        },
        {
          name: 'backup export + restore',
          value: backup.exportMs + backup.restoreMs,
          unit: 'ms',
          target: 3000,
          bound: 'max',
          note: `export ${backup.exportMs.toFixed(0)} ms, restore ${backup.restoreMs.toFixed(0)} ms, ${(backup.size / 1024 / 1024).toFixed(1)} MB`,
        },
        {
          name: 'popup first render (with the large workspace)',
          value: median(popupFull.first),
          unit: 'ms',
          target: 150,
          bound: 'max',
          note: `median of ${LOADS}; its shell, put in place as the page is parsed; first contentful paint ${median(popupFull.paint).toFixed(0)} ms; its data (workspace, deadlines) shown after ${median(popupFull.data).toFixed(0)} ms; empty profile ${median(popupEmpty.first).toFixed(0)} ms`,
        },
      ];
    } finally {
      await session.close();
      removeProfileDir(profile);
    }
  },
} satisfies BenchSuite;
