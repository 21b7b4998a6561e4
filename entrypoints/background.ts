// Thin by design: routes validated messages, opens pages, runs the deadline alarm and the
// context menu. Holds no document state (MV3 stops the worker after 30 s idle; the workspace
// lives in the extension pages, which also finish captures and store queued pairings).
import { browser } from 'wxt/browser';
import {
  dashboardPath,
  parseMessage,
  type Message,
  type MessageResponse,
} from '../lib/messages.ts';
import { queuePairings, PAIRINGS_QUEUE_KEY } from '../lib/toolbar-messages.ts';
import { localIsoDate } from '../lib/deadlines/index.ts';
import { t as deadlineTexts } from '../lib/deadlines/messages.ts';
import { isLocale, locale, LOCALE_STORAGE_KEY, setLocale } from '../lib/i18n/index.ts';
import { NOTIFY_SETTING, refreshBadge, registerDeadlines } from '../lib/deadlines/background.ts';
import { db } from '../lib/store/db.ts';
import { PENDING_CAPTURE_KEY, type PendingCapture } from '../lib/capture/page.ts';
import { pendingCaptureSchema } from '../lib/capture/page.ts';

const CAPTURE_MENU = 'svodka-capture';

async function openDashboard(route: Message & { type: 'open-dashboard' }): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const [existing] = await browser.tabs.query({ url: base + '*' });
  const url = browser.runtime.getURL(dashboardPath(route.route));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url });
    if (existing.windowId !== undefined)
      await browser.windows.update(existing.windowId, { focused: true });
  } else await browser.tabs.create({ url });
}

async function handle(message: Message): Promise<void> {
  switch (message.type) {
    case 'open-dashboard':
      return openDashboard(message);
    case 'open-side-panel':
      return browser.sidePanel.open({ windowId: message.windowId });
    case 'workspace-changed':
    case 'deadlines-refresh':
      await refreshBadge(browser, localIsoDate(new Date()));
      return;
    case 'autofill-pairings-confirmed': {
      // An extension page writes these into the workspace (the worker holds no Y.Doc).
      const stored = await browser.storage.local.get(PAIRINGS_QUEUE_KEY);
      await browser.storage.local.set({
        [PAIRINGS_QUEUE_KEY]: queuePairings(stored[PAIRINGS_QUEUE_KEY], message),
      });
      return;
    }
    case 'deadlines-notifications': {
      // The popup asked for the permission in the user's click; only remember the outcome here.
      const granted =
        message.enabled && (await browser.permissions.contains({ permissions: ['notifications'] }));
      await db().settings.put({ key: NOTIFY_SETTING, value: granted });
      return;
    }
  }
}

type MenuInfo = {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
  selectionText?: string;
};
type MenuTab = { id?: number; windowId?: number; title?: string; url?: string } | undefined;

/** «Сохранить в Svodka как подтверждение»: keep what was clicked, then open the capture page. */
async function captureFromMenu(info: MenuInfo, tab: MenuTab): Promise<void> {
  const candidate: PendingCapture = {
    pageUrl: info.pageUrl ?? tab?.url ?? '',
    pageTitle: (tab?.title ?? '').slice(0, 2000),
    linkUrl: info.linkUrl ?? null,
    selection: (info.selectionText ?? '').slice(0, 20_000),
    tabId: tab?.id ?? null,
    windowId: tab?.windowId ?? null,
    at: new Date().toISOString(),
  };
  const pending = pendingCaptureSchema.safeParse(candidate);
  if (!pending.success) return; // not a web page (chrome://, file://): nothing to save
  await browser.storage.session.set({ [PENDING_CAPTURE_KEY]: pending.data });
  await browser.windows.create({
    url: browser.runtime.getURL('/capture.html'),
    type: 'popup',
    width: 440,
    height: 720,
  });
}

export default defineBackground(() => {
  // The toolbar icon opens the popup; the side panel opens from the popup's button.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  // lib/deadlines types the few calls it makes loosely (string permission names).
  registerDeadlines(browser as unknown as Parameters<typeof registerDeadlines>[0]);

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_MENU,
      title: deadlineTexts('captureMenu'),
      contexts: ['selection', 'link'],
    });
  });
  // The interface language chosen in a page: the menu, the tooltip and reminders follow it.
  const applyLocale = (value: unknown) => {
    if (!isLocale(value) || value === locale()) return;
    setLocale(value);
    void browser.contextMenus
      .update(CAPTURE_MENU, { title: deadlineTexts('captureMenu') })
      .catch(() => {});
    void refreshBadge(
      browser as unknown as Parameters<typeof refreshBadge>[0],
      localIsoDate(new Date()),
    ).catch(() => {});
  };
  void browser.storage.local
    .get(LOCALE_STORAGE_KEY)
    .then((stored) => applyLocale(stored[LOCALE_STORAGE_KEY]))
    .catch(() => {});
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && LOCALE_STORAGE_KEY in changes)
      applyLocale(changes[LOCALE_STORAGE_KEY]!.newValue);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CAPTURE_MENU) void captureFromMenu(info, tab).catch(() => {});
  });

  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = parseMessage(raw);
    if (!message) {
      sendResponse({ ok: false, error: 'Неизвестное сообщение' } satisfies MessageResponse);
      return false;
    }
    handle(message).then(
      () => sendResponse({ ok: true } satisfies MessageResponse),
      (error: unknown) =>
        sendResponse({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies MessageResponse),
    );
    return true; // keeps the channel open for the async answer
  });
});
