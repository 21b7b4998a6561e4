// public/popup-shell.js paints the popup before any module loads; React then renders
// PopupShell over it. The two must show the same thing, in either interface language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupShell, shellMessages } from '../../components/popup/PopupShell.tsx';
import { setLocale } from '../../lib/i18n/index.ts';

const SCRIPT = readFileSync(path.join(__dirname, '../../public/popup-shell.js'), 'utf8');

/** Just enough of a DOM for the script; serialises what it built. */
class FakeElement {
  className = '';
  textContent = '';
  children: FakeElement[] = [];
  constructor(readonly tag: string) {}
  append(...nodes: FakeElement[]) {
    this.children.push(...nodes);
  }
  replaceChildren(...nodes: FakeElement[]) {
    this.children = nodes;
  }
  get outerHTML(): string {
    const cls = this.className ? ` class="${this.className}"` : '';
    return `<${this.tag}${cls}>${this.textContent}${this.children.map((c) => c.outerHTML).join('')}</${this.tag}>`;
  }
}

function runShell(stored: string | null) {
  const root = new FakeElement('div');
  const marks: string[] = [];
  const html = { lang: 'ru' };
  runInNewContext(SCRIPT, {
    document: {
      documentElement: html,
      createElement: (tag: string) => new FakeElement(tag),
      getElementById: (id: string) => (id === 'root' ? root : null),
    },
    localStorage: { getItem: (key: string) => (key === 'svodka:locale' ? stored : null) },
    performance: { mark: (name: string) => marks.push(name) },
  });
  return { html: root.children.map((c) => c.outerHTML).join(''), lang: html.lang, marks };
}

const react = () =>
  renderToStaticMarkup(createElement(PopupShell, { load: () => new Promise<never>(() => {}) }));

describe('the popup shell painted before the modules load', () => {
  afterEach(() => setLocale('ru'));

  it('shows what PopupShell renders, in Russian by default, and marks the first render', () => {
    const shell = runShell(null);
    expect(shell.html).toBe(react());
    expect(shell.html).toContain(shellMessages.ru.opening);
    expect(shell.lang).toBe('ru');
    expect(shell.marks).toEqual(['svodka:popup:first-render']);
  });

  it('speaks English when English is the chosen language', () => {
    setLocale('en');
    const shell = runShell('en');
    expect(shell.html).toBe(react());
    expect(shell.html).toContain(shellMessages.en.hello);
    expect(shell.lang).toBe('en');
  });

  it('falls back to Russian when storage is blocked', () => {
    const root = new FakeElement('div');
    runInNewContext(SCRIPT, {
      document: {
        documentElement: {},
        createElement: (tag: string) => new FakeElement(tag),
        getElementById: () => root,
      },
      localStorage: {
        getItem: () => {
          throw new Error('blocked');
        },
      },
      performance: { mark: () => {} },
    });
    expect(root.children[0]!.outerHTML).toBe(react());
  });
});
