// Test build for capture and the popup's actions. It starts from the toolbar tests' build
// (tests/e2e/toolbar/launch.ts: a temp copy with `scripting` and host access to 127.0.0.1,
// since activeTab cannot be granted headlessly) and adds, in that temp copy only:
// - host access to <all_urls>: chrome.tabs.captureVisibleTab accepts activeTab or <all_urls>
//   and nothing narrower;
// - a driver page that seeds and reads the store the way extension pages do.
import { writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, buildTestExtension, launchWith, type Launched } from './toolbar/launch.ts';
import { eventually as pollUntil } from './harness.ts';

/** The capture tests wait up to 8 s (a screenshot and a hash are taken first). */
export const eventually = (check: () => Promise<void>, timeoutMs = 8000) =>
  pollUntil(check, timeoutMs, 100);

const DRIVER = `
import { browser } from 'wxt/browser';
import * as store from './lib/store/index.ts';
import { refreshBadge } from './lib/deadlines/background.ts';
import { builtinTemplates } from './lib/checklist/library/index.ts';
import { newFilling } from './lib/checklist/filling.ts';

async function withWorkspace(fn) {
  const id = await store.getActiveWorkspaceId();
  if (!id) throw new Error('no workspace');
  const h = await store.openWorkspace(id, { actor: 'Тест' });
  try {
    return await fn(h.repo, id);
  } finally {
    // Let the deadline projection (debounced 300 ms) write before closing.
    await new Promise((r) => setTimeout(r, 700));
    h.close();
  }
}

window.captureDriver = {
  async createWorkspace(name) {
    const id = await store.createWorkspace({ name, kind: 'school', municipality: 'Славянский район', schoolYear: '2020-2021' });
    await store.setActiveWorkspaceId(id);
    return id;
  },
  addActivities(list) {
    return withWorkspace((repo) =>
      list.map((a) =>
        repo.createActivity({
          title: a.title,
          number: a.number ?? '',
          status: a.status ?? 'planned',
          period: a.end
            ? { raw: 'до ' + a.end, parsed: { raw: 'до ' + a.end, kind: 'deadline', start: null, end: a.end, every: null, times: null } }
            : { raw: '', parsed: null },
        }).id,
      ),
    );
  },
  addFilling({ title, deadline, answered }) {
    return withWorkspace((repo) => {
      const template = builtinTemplates()[0];
      const now = new Date().toISOString();
      const filling = newFilling(template, { id: 'filling-1', title, period: { start: '2020-09-01', end: '2021-05-31' }, deadline }, now);
      const answerable = template.indicators.filter((i) => ['presence', 'count', 'number', 'text'].includes(i.kind));
      for (const ind of answerable.slice(0, answered))
        filling.answers[ind.id] = { value: 1, status: 'confirmed', comment: '', by: 'Тест', at: now, evidenceIds: [], activityIds: [] };
      repo.doc.transact(() => {
        store.collectionMap(repo.doc, 'templates').set(template.id, store.recordToYMap(template));
        store.collectionMap(repo.doc, 'fillings').set(filling.id, store.recordToYMap(filling));
      });
      return { total: answerable.length };
    });
  },
  read() {
    return withWorkspace((repo) => {
      const s = repo.snapshot();
      return { evidence: s.evidence, links: s.links, activities: s.activities.map((a) => ({ id: a.id, title: a.title })) };
    });
  },
  async attachmentHead(hash) {
    const blob = await store.getAttachment(hash);
    return blob ? { type: blob.type, head: Array.from(new Uint8Array(await blob.arrayBuffer()).slice(0, 8)) } : null;
  },
  async badge(today) {
    const d = await refreshBadge(browser, today);
    return { text: await browser.action.getBadgeText({}), overdue: d.overdue.length, dueSoon: d.dueSoon.length };
  },
  setPendingCapture(pending) {
    return browser.storage.session.set({ 'svodka.pendingCapture': pending });
  },
  async tabId(prefix) {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.url && t.url.startsWith(prefix))?.id ?? null;
  },
  async openPopupWindow(tabId) {
    await browser.windows.create({ url: browser.runtime.getURL('/popup.html?tabId=' + tabId), type: 'popup', width: 380, height: 720 });
  },
};
`;

export async function buildCaptureExtension(): Promise<string> {
  const dir = await buildTestExtension();
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await esbuild({
    stdin: { contents: DRIVER, resolveDir: ROOT, loader: 'ts', sourcefile: 'capture-driver.ts' },
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'capture-driver.js'),
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.MANIFEST_VERSION': '3' },
    logLevel: 'error',
  });
  writeFileSync(
    path.join(dir, 'capture-driver.html'),
    '<!doctype html><meta charset="utf-8"><title>capture driver</title><script type="module" src="/capture-driver.js"></script>',
  );
  return dir;
}

export interface CaptureSession extends Launched {
  store: Page;
}

export async function launchCapture(dir: string): Promise<CaptureSession> {
  const launched = await launchWith(dir);
  const store = await launched.context.newPage();
  await store.goto(`chrome-extension://${launched.extensionId}/capture-driver.html`);
  await store.waitForFunction(() => 'captureDriver' in window);
  return { ...launched, store };
}

/** Opens the popup in its own window, aimed at the tab whose URL starts with `prefix`. */
export async function openPopupFor(session: CaptureSession, prefix: string): Promise<Page> {
  const tabId = await session.store.evaluate(
    (p) =>
      (
        window as unknown as { captureDriver: { tabId(p: string): Promise<number | null> } }
      ).captureDriver.tabId(p),
    prefix,
  );
  if (tabId === null) throw new Error(`no tab ${prefix}`);
  const opened = session.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  await session.store.evaluate(
    (id) =>
      (
        window as unknown as { captureDriver: { openPopupWindow(id: number): Promise<void> } }
      ).captureDriver.openPopupWindow(id),
    tabId,
  );
  const popup = await opened;
  await popup.getByRole('heading', { name: 'Здравствуйте!' }).waitFor();
  return popup;
}

/** Calls a driver method in the store page. */
export function driver<T>(session: CaptureSession, method: string, ...args: unknown[]): Promise<T> {
  return session.store.evaluate(
    ([m, a]) =>
      (
        window as unknown as {
          captureDriver: Record<string, (...x: unknown[]) => Promise<unknown>>;
        }
      ).captureDriver[m as string]!(...(a as unknown[])),
    [method, args] as const,
  ) as Promise<T>;
}

/** A tiny site on 127.0.0.1 whose pages the test can change or remove. */
export async function serveSite(
  pages: Map<string, string>,
): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Страница не найдена');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type { BrowserContext };
