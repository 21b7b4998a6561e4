// A test build of the extension for the toolbar features. The production manifest asks for no
// host access (activeTab only); activeTab cannot be granted headlessly, so this build — and only
// this build, in a temp folder — adds `scripting` and host access to 127.0.0.1, plus a driver
// page that plays the popup's part (calls the same functions the popup will call).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../harness.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PAGES = path.join(ROOT, 'tests/e2e/pages/forms');

export interface TestBuildOptions {
  /**
   * Lists `notifications` as a required permission in the temp copy: Chrome then holds it from
   * install, so the popup's permissions.request resolves true without a prompt (a headless
   * browser cannot answer the prompt). The production manifest keeps it optional.
   */
  grantNotifications?: boolean;
}

export async function buildTestExtension(options: TestBuildOptions = {}): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'svodka-toolbar-ext-'));
  const { build } = await import('wxt');
  // Vitest sets NODE_ENV=test, which makes Vite emit development JSX against production React.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, outDir: out, logLevel: 'warn' } as never);
  } finally {
    process.env.NODE_ENV = previous;
  }
  const dir = path.join(out, 'chrome-mv3');
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & {
    permissions?: string[];
  };
  // Test-only grants (see the report): what activeTab would grant on a real click.
  manifest.permissions = [
    ...new Set([
      ...(manifest.permissions ?? []),
      'scripting',
      'alarms',
      ...(options.grantNotifications ? ['notifications'] : []),
    ]),
  ];
  if (options.grantNotifications && Array.isArray(manifest.optional_permissions))
    manifest.optional_permissions = (manifest.optional_permissions as string[]).filter(
      (p) => p !== 'notifications',
    );
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await esbuild({
    entryPoints: [path.join(ROOT, 'tests/e2e/toolbar/driver.ts')],
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'toolbar-driver.js'),
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.MANIFEST_VERSION': '3' },
    logLevel: 'error',
  });
  writeFileSync(
    path.join(dir, 'toolbar-driver.html'),
    '<!doctype html><meta charset="utf-8"><title>driver</title><script type="module" src="/toolbar-driver.js"></script>',
  );
  return dir;
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  driver: Page;
  close(): Promise<void>;
}

export async function launchWith(dir: string): Promise<Launched> {
  const profile = mkdtempSync(path.join(tmpdir(), 'svodka-toolbar-profile-'));
  const { context, extensionId } = await launchChromium(profile, dir, [
    `--disable-extensions-except=${dir}`,
  ]);
  const driver = await context.newPage();
  await driver.goto(`chrome-extension://${extensionId}/toolbar-driver.html`);
  await driver.waitForFunction(() => 'driver' in window);
  return {
    context,
    extensionId,
    driver,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const bundles = new Map<string, Promise<Uint8Array>>();
function bundleApp(entry: string): Promise<Uint8Array> {
  let js = bundles.get(entry);
  if (!js) {
    js = esbuild({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      logLevel: 'error',
    }).then((r) => r.outputFiles[0]!.contents);
    bundles.set(entry, js);
  }
  return js;
}

/** Serves tests/e2e/pages/forms (and the React page's bundle) on 127.0.0.1, port 0. */
export async function serveForms(): Promise<{
  base: string;
  port: number;
  close(): Promise<void>;
}> {
  const react = await esbuild({
    entryPoints: [path.join(PAGES, 'react-app.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const reactJs = react.outputFiles[0]!.contents;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/forms/react-app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(reactJs);
    }
    // /forms/<name>.html and the corpus's /forms/corpus/<part>/<name>.html, never outside PAGES.
    const file = path.resolve(PAGES, decodeURIComponent(url.pathname).replace(/^\/forms\//, ''));
    const inside = url.pathname.startsWith('/forms/') && file.startsWith(PAGES + path.sep);
    if (inside && file.endsWith('.html')) {
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(body);
      } catch {
        /* falls through to 404 */
      }
    }
    if (inside && file.endsWith('.app.js')) {
      // A corpus page's React or Vue app, bundled on request.
      void bundleApp(file.replace(/\.js$/, '.tsx')).then(
        (js) => {
          res.writeHead(200, { 'content-type': 'text/javascript' });
          res.end(js);
        },
        () => {
          res.writeHead(404);
          res.end();
        },
      );
      return;
    }
    if (url.pathname === '/gone') {
      res.writeHead(404);
      return res.end('нет');
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function copyScreenshot(from: string, name: string): void {
  copyFileSync(from, path.join(ROOT, 'artefacts/screenshots', name));
}
