import { describe, expect, it } from 'vitest';
import { modulesAfterShell } from '../../vite/first-paint-html.ts';

// As Vite emits the popup's page: module script and preloads in <head>, the shell in <body>.
const BUILT = `<!DOCTYPE html>
<html lang="ru">
  <head>
    <meta charset="utf-8">
    <title>Сводка</title>
    <script type="module" crossorigin src="/chunks/popup-B.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/i18n-B.js">
    <link rel="modulepreload" crossorigin href="/chunks/jsx-runtime-j.js">
    <link rel="stylesheet" crossorigin href="/assets/theme.css">
  </head>
  <body>
    <div id="root"></div>
    <script src="/popup-shell.js"></script>
  </body>
</html>`;

describe('modulesAfterShell', () => {
  it('moves the module script after the shell script and drops the preloads', () => {
    expect(modulesAfterShell(BUILT)).toBe(`<!DOCTYPE html>
<html lang="ru">
  <head>
    <meta charset="utf-8">
    <title>Сводка</title>
    <link rel="stylesheet" crossorigin href="/assets/theme.css">
  </head>
  <body>
    <div id="root"></div>
    <script src="/popup-shell.js"></script>
    <script type="module" crossorigin src="/chunks/popup-B.js"></script>
  </body>
</html>`);
  });

  it('keeps the stylesheets, and leaves a page without module scripts as it is', () => {
    const plain = BUILT.replace(/\s*<script type="module".*<\/script>/, '');
    expect(modulesAfterShell(plain)).toBe(plain);
    expect(modulesAfterShell(BUILT)).toContain('/assets/theme.css');
  });
});
