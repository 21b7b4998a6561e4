// A register past the preview threshold (3,000 activities) in Chromium with the built extension:
// the dashboard draws its list from the cached snapshot (the glimpse, decoded from the entry
// script's prefetch while the store's code loads), read-only, then swaps in the live doc, where
// edits work and reach the cache the next open is drawn from.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  eventually,
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  type ExtensionSession,
} from './harness.ts';
import { DashboardPage } from './pages/dashboard.ts';
import { activityRecord } from '../unit/store/fixtures.ts';

const ACTIVITIES = 3000;

interface SeedStore {
  createWorkspace(input: object): Promise<string>;
  openWorkspace(
    id: string,
    opts: { actor: string },
  ): Promise<{
    repo: {
      putMany(records: { collection: string; record: object }[]): void;
      snapshot(): { activities: unknown[] };
    };
    close(): void;
  }>;
}

/** Creates the register through the page's own store (exposed with ?bench=1). */
async function seed(page: Page): Promise<void> {
  await page.waitForFunction(() => '__svodkaStore' in window);
  const records = Array.from({ length: ACTIVITIES }, (_, i) => ({
    collection: 'activities',
    record: activityRecord({ id: `a${i}`, number: String(i + 1), title: `Семинар № ${i + 1}` }),
  }));
  await page.evaluate(async (records) => {
    const count = records.length;
    const store = (window as unknown as { __svodkaStore: SeedStore }).__svodkaStore;
    const id = await store.createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    const handle = await store.openWorkspace(id, { actor: 'e2e' });
    handle.repo.putMany(records);
    // Until a fresh open from IndexedDB sees every record; closing writes the snapshot cache.
    for (let tries = 0; tries < 30; tries++) {
      await new Promise((r) => setTimeout(r, 500));
      const probe = await store.openWorkspace(id, { actor: 'e2e' });
      const seen = probe.repo.snapshot().activities.length;
      probe.close();
      if (seen === count) break;
    }
    handle.close();
    await new Promise((r) => setTimeout(r, 1000));
  }, records);
}

const marks = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      performance
        .getEntriesByName(n)
        .map((m) => ({ at: m.startTime, detail: (m as PerformanceMark).detail as unknown })),
    name,
  );

/** Which of the store's big libraries a bundle holds, by a text each one carries. */
const LIBRARIES = { zod: /ZodError/, Dexie: /\bDexie\b/, Yjs: /Yjs was already imported/ };
const librariesIn = (code: string) =>
  Object.entries(LIBRARIES)
    .filter(([, marker]) => marker.test(code))
    .map(([name]) => name);

describe('a large register in Chromium', () => {
  const profile = freshProfileDir();
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension(profile);
    const page = await session.context.newPage();
    await page.goto(session.url('dashboard.html?bench=1'));
    await seed(page);
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
    removeProfileDir(profile);
  });

  it('is drawn from its cached snapshot, read-only, before its doc has loaded; then it is editable', async () => {
    const dashboard = await DashboardPage.open(session);
    const { page } = dashboard;
    await eventually(async () =>
      expect(await dashboard.resultCount.innerText()).toBe('3000 мероприятий'),
    );
    // The page's classic script started the read before its modules ran; the row was decoded
    // for the glimpse, and the list drawn before the doc opened.
    const [started] = await marks(page, 'svodka:prefetch:start');
    const [modules] = await marks(page, 'svodka:dashboard:start');
    expect(started!.at).toBeLessThan(modules!.at);
    expect(await marks(page, 'svodka:workspace:glimpse')).toHaveLength(1);
    const [first] = await marks(page, 'svodka:activities:rendered');
    expect(first?.detail).toBe(ACTIVITIES);
    await page.waitForFunction(() => performance.getEntriesByName('svodka:workspace:opened')[0]);
    const [opened] = await marks(page, 'svodka:workspace:opened');
    expect(first!.at).toBeLessThan(opened!.at);
    // Live: the read-only notice goes, the switcher lists the workspace, edits work.
    await eventually(async () => expect(await page.getByTestId('preview-notice').count()).toBe(0));
    expect(await page.locator('select.switcher').isDisabled()).toBe(false);
    expect(await page.locator('select.switcher').innerText()).toContain(
      'МБОУ СОШ № 12 (2020-2021)',
    );
    await dashboard.createActivity({ title: 'Анализ результатов ВПР по математике' });
    await dashboard.tab('Мероприятия');
    await eventually(async () =>
      expect(await dashboard.resultCount.innerText()).toBe('3001 мероприятие'),
    );
    // The cache follows a few seconds after a change.
    await page.waitForTimeout(4000);
    await page.close();
  });

  it('opens again drawn from a cache that holds the edit', async () => {
    const dashboard = await DashboardPage.open(session);
    const [first] = await marks(dashboard.page, 'svodka:activities:rendered');
    expect(first?.detail).toBe(ACTIVITIES + 1);
    await dashboard.search('ВПР');
    await eventually(async () =>
      expect(await dashboard.rows.first().innerText()).toContain('ВПР по математике'),
    );
    await dashboard.page.close();
  });

  it('loads neither zod, Dexie nor Yjs before the list is drawn', () => {
    // The dashboard's first module and what it imports statically, then the mount chunk it
    // imports first and its static imports: the code the glimpse is drawn with.
    const read = (file: string) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(read('dashboard.html'))![1]!;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of read(file).matchAll(
        /(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g,
      ))
        visit(path.posix.join(path.posix.dirname(file), spec!));
    };
    visit(entry);
    const mount = /import\(["'`]\.\/(mount-[^"'`]+\.js)["'`]\)/.exec(read(entry))?.[1];
    expect(mount).toMatch(/^mount-[\w-]+\.js$/);
    visit(path.posix.join(path.posix.dirname(entry), mount!));
    const code = [...seen].map(read).join('\n');
    expect(code).toContain('svodka:workspace:glimpse');
    expect(librariesIn(code)).toEqual([]);
    // …which the page does load later: the check looks for what is there.
    const all = readdirSync(path.join(EXTENSION_DIR, 'chunks'))
      .map((f) => read(`chunks/${f}`))
      .join('\n');
    expect(librariesIn(all)).toEqual(['zod', 'Dexie', 'Yjs']);
  });
});
