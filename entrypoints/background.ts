// Thin by design: routes validated messages and opens pages. Holds no document state
// (MV3 stops the worker after 30 s idle; the workspace lives in the extension pages).
import { browser } from 'wxt/browser';
import {
  dashboardPath,
  parseMessage,
  type Message,
  type MessageResponse,
} from '../lib/messages.ts';

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
      // Badges (overdue counts) come with the reminders feature; nothing to hold here.
      return;
  }
}

export default defineBackground(() => {
  // The toolbar icon opens the popup; the side panel opens from the popup's button.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});

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
