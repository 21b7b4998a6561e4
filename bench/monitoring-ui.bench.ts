// Monitoring in a real Chromium with the built extension: the example register, the Korenovsky
// form dropped into the side panel (as tests/e2e/monitoring.test.ts does), then
// 1) a register edit written in the dashboard tab until the side panel's filling shows it, and
// 2) «Выгрузить» until the browser starts the download.
// No marks inside components: times come from the pages' clocks (performance.timeOrigin + now(),
// comparable across extension pages) and a MutationObserver in the side panel.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { median, type BenchSuite, type Figure } from './figure.ts';
import {
  freshProfileDir,
  launchExtension,
  removeProfileDir,
  ROOT,
  type ExtensionSession,
} from '../tests/e2e/harness.ts';
import { SidePanelPage } from '../tests/e2e/pages/sidepanel.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/monitoring-korenovsky-2021.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SITE_SECTION = 'Наличие раздела по сопровождению ШНОР на официальном сайте УО';
const EVIDENCE_TITLE = 'Раздел сопровождения ШНОР на сайте';
/** The example activity the site page is already linked to. */
const ACTIVITY_PREFIX = 'Информирование администраций ШНОР о сроках';
const EDITS = 5;
const EXPORTS = 3;

interface BenchRepo {
  snapshot(): { activities: { id: string; title: string }[] };
  createEvidence(input: Record<string, unknown>): { id: string };
  link(activityId: string, evidenceId: string): unknown;
  deleteEvidence(id: string): unknown;
}
interface BenchStore {
  loadExampleWorkspace(): Promise<string>;
  setActiveWorkspaceId(id: string): Promise<void>;
  openWorkspace(id: string, opts: { actor: string }): Promise<{ repo: BenchRepo; close(): void }>;
}
type BenchWindow = Window & {
  __svodkaStore: BenchStore;
  __benchRepo?: BenchRepo;
  __benchSeen?: Promise<{ at: number; where: string }>;
};

async function loadExample(session: ExtensionSession): Promise<{ page: Page; id: string }> {
  const page = await session.context.newPage();
  await page.goto(session.url('dashboard.html?bench=1'));
  await page.waitForFunction(() => '__svodkaStore' in window);
  const id = await page.evaluate(async () => {
    const store = (window as unknown as BenchWindow).__svodkaStore;
    const id = await store.loadExampleWorkspace();
    await store.setActiveWorkspaceId(id);
    return id;
  });
  await page.reload();
  await page.getByTestId('workspace-name').waitFor();
  return { page, id };
}

/** The side panel steps of tests/e2e/monitoring.test.ts: drop the form, create the filling. */
async function createMonitoring(session: ExtensionSession): Promise<Page> {
  const panel = (await SidePanelPage.open(session)).page;
  await panel.getByRole('tab', { name: 'Мониторинги' }).click();
  await panel.getByRole('button', { name: 'Новый мониторинг' }).click();
  await panel.getByLabel('Файл формы мониторинга').setInputFiles({
    name: 'Мониторинг ШНОР.xlsx',
    mimeType: XLSX,
    buffer: readFileSync(FIXTURE),
  });
  await panel.getByTestId('structure').waitFor();
  await panel.getByLabel('Название').fill('Мониторинг ШНОР');
  await panel.getByLabel('Срок сдачи').fill('2021-06-11');
  await panel.getByRole('button', { name: 'Создать мониторинг' }).click();
  await panel.getByTestId('filling-title').waitFor();
  const site = panel.getByRole('article', { name: SITE_SECTION, exact: true });
  await site.getByTestId('value').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
  return panel;
}

/** Arms an observer in the side panel: resolves when a justification link titled `title` appears (or goes). */
async function armObserver(panel: Page, title: string, appear: boolean): Promise<void> {
  await panel.evaluate(
    ({ title, appear, site }) => {
      const w = window as unknown as BenchWindow;
      w.__benchSeen = new Promise((resolve) => {
        // Inline, not a named helper: tsx would wrap a named function in __name(), absent here.
        const observer = new MutationObserver(() => {
          let where: string | null = null;
          for (const a of document.querySelectorAll<HTMLAnchorElement>(
            'article[data-testid=indicator] a',
          ))
            if (a.textContent === title) {
              const text = a.closest('article')?.querySelector('.mon-text')?.textContent ?? '';
              where = text === site ? 'the site indicator' : `«${text.slice(0, 40)}…»`;
              break;
            }
          if ((where !== null) !== appear) return;
          const at = performance.timeOrigin + performance.now();
          observer.disconnect();
          resolve({ at, where: where ?? '' });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    { title, appear, site: SITE_SECTION },
  );
}

async function seen(panel: Page): Promise<{ at: number; where: string }> {
  return panel.evaluate(
    () =>
      Promise.race([
        (window as unknown as BenchWindow).__benchSeen!,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the side panel did not change within 10 s')), 10_000),
        ),
      ]),
    undefined,
  );
}

async function registerEdits(panel: Page, dashboard: Page, workspaceId: string) {
  await dashboard.evaluate(async (id) => {
    const w = window as unknown as BenchWindow;
    w.__benchRepo = (await w.__svodkaStore.openWorkspace(id, { actor: 'bench' })).repo;
  }, workspaceId);
  const times: number[] = [];
  let where = '';
  for (let i = 0; i < EDITS; i++) {
    await armObserver(panel, EVIDENCE_TITLE, true);
    const { at, evidenceId } = await dashboard.evaluate(
      ({ title, prefix }) => {
        const repo = (window as unknown as BenchWindow).__benchRepo!;
        const activity = repo.snapshot().activities.find((a) => a.title.startsWith(prefix))!;
        const at = performance.timeOrigin + performance.now();
        const evidence = repo.createEvidence({
          kind: 'web_page',
          issuer: 'УО',
          date: '2021-03-15',
          title,
          url: 'https://example.org/shnor-razdel',
        });
        repo.link(activity.id, evidence.id);
        return { at, evidenceId: evidence.id };
      },
      { title: EVIDENCE_TITLE, prefix: ACTIVITY_PREFIX },
    );
    const shown = await seen(panel);
    times.push(shown.at - at);
    where = shown.where;
    // Back to the starting register (unmeasured) so every edit is the same change.
    await armObserver(panel, EVIDENCE_TITLE, false);
    await dashboard.evaluate((id) => {
      (window as unknown as BenchWindow).__benchRepo!.deleteEvidence(id);
    }, evidenceId);
    await seen(panel);
    await panel.waitForTimeout(300);
  }
  return { times, where };
}

async function exports(panel: Page) {
  await panel.getByRole('button', { name: 'Экспорт', exact: true }).click();
  const region = panel.getByRole('region', { name: 'Экспорт мониторинга' });
  const button = region.getByRole('button', { name: /^Выгрузить/ });
  await button.waitFor();
  const times: number[] = [];
  let size = 0;
  let name = '';
  for (let i = 0; i < EXPORTS; i++) {
    const t0 = performance.now();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      button.evaluate((b: HTMLButtonElement) => b.click()),
    ]);
    times.push(performance.now() - t0);
    size = statSync(await download.path()).size;
    name = download.suggestedFilename();
    await region.getByRole('status').waitFor();
    await button.filter({ hasNotText: 'Готовим' }).waitFor();
  }
  return { times, size, name };
}

export default {
  title: 'Monitoring UI in Chromium (example register, Korenovsky form)',
  async run(): Promise<Figure[]> {
    const profile = freshProfileDir();
    const session = await launchExtension(profile);
    try {
      const { page: dashboard, id } = await loadExample(session);
      const panel = await createMonitoring(session);
      // Let the first proposals settle before timing edits.
      await panel.waitForTimeout(1000);
      const edits = await registerEdits(panel, dashboard, id);
      const out = await exports(panel);
      return [
        {
          name: 'side panel updated after a register edit (dashboard write → side panel DOM)',
          value: median(edits.times),
          unit: 'ms',
          target: 200,
          bound: 'max',
          note: `median of ${EDITS}; all ${edits.times.map((t) => t.toFixed(0)).join(', ')} ms; new web_page evidence shown in ${edits.where}; includes the side panel’s re-run debounce (RERUN_DELAY_MS)`,
        },
        {
          name: 'export: click «Выгрузить» → download starts',
          value: median(out.times),
          unit: 'ms',
          target: 1000,
          bound: 'max',
          note: `median of ${EXPORTS}; all ${out.times.map((t) => t.toFixed(0)).join(', ')} ms; «${out.name}», ${(out.size / 1024).toFixed(1)} KB`,
        },
      ];
    } finally {
      await session.close();
      removeProfileDir(profile);
    }
  },
} satisfies BenchSuite;
