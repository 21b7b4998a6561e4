// Launches Debian's Chromium with the built extension loaded (see /work/shared/platform.md):
// persistent context on a profile folder, headless, extensions allowed, network kept quiet.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const SCREENSHOT_DIR = path.join(ROOT, 'artefacts/screenshots');
const CHROMIUM = process.env.SVODKA_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** chrome-extension://ID/<page> */
  url(page: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  open(page: string): Promise<Page>;
  close(): Promise<void>;
}

export function freshProfileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'svodka-e2e-'));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The flags every e2e Chromium starts with: the extension loaded (plus `extra`), network quiet. */
export function chromiumArgs(extensionDir: string, extra: readonly string[] = []): string[] {
  const args = [
    `--load-extension=${extensionDir}`,
    ...extra,
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=ru',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** Headless Chromium on `profileDir` with the extension in `extensionDir`, once its worker runs. */
export async function launchChromium(
  profileDir: string,
  extensionDir: string,
  extraArgs: readonly string[] = [],
): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extensionDir, extraArgs),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 860 },
    // File names are Russian: under a bare C locale (a minimal CI environment) Chromium cannot
    // encode them and saves downloads as «download».
    env: { ...process.env, LANG: process.env.LANG || 'C.UTF-8' },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

export async function launchExtension(
  profileDir: string = freshProfileDir(),
): Promise<ExtensionSession> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const { context, extensionId } = await launchChromium(profileDir, EXTENSION_DIR);
  const url = (page: string) => `chrome-extension://${extensionId}/${page.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    profileDir,
    url,
    async open(page) {
      const tab = await context.newPage();
      await tab.goto(url(page));
      return tab;
    },
    close: () => context.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Playwright's own expect is not available here: poll a condition like a user waiting. */
export async function eventually(
  check: () => Promise<void>,
  timeoutMs = 10_000,
  pollMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
