// Test-only extension page (bundled into the test build by launch.ts): plays the popup's part
// by calling the same exported functions the popup will call, against a test tab.
import { browser } from 'wxt/browser';
import {
  callAutofill,
  startAutofill,
  type ScriptingApi,
} from '../../../components/toolbar/autofill-inject.ts';
import type { AutofillApi } from '../../../components/toolbar/autofill-api.ts';
import { refreshBadge } from '../../../lib/deadlines/background.ts';
import { db, type DeadlineRow } from '../../../lib/store/db.ts';
import { createWorkspace, setActiveWorkspaceId } from '../../../lib/store/workspaces.ts';
import { NOTIFY_SETTING } from '../../../lib/deadlines/background.ts';
import {
  parseToolbarMessage,
  type AutofillStart,
  type ToolbarMessage,
} from '../../../lib/toolbar-messages.ts';

const api = browser as unknown as ScriptingApi;
const received: ToolbarMessage[] = [];
browser.runtime.onMessage.addListener((raw: unknown) => {
  const message = parseToolbarMessage(raw);
  if (message) received.push(message);
  return undefined;
});

async function tabId(prefix: string): Promise<number> {
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((t) => t.url?.startsWith(prefix));
  if (tab?.id === undefined) throw new Error(`no tab ${prefix}`);
  return tab.id;
}

const driver = {
  received: () => received,
  start: async (url: string, payload: AutofillStart) =>
    startAutofill(api, await tabId(url), payload),
  call: async <K extends keyof AutofillApi>(
    url: string,
    method: K,
    ...args: Parameters<AutofillApi[K]>
  ) => callAutofill(api, await tabId(url), method, ...args),
  /** A workspace for the popup's home view; returns its id. */
  async createWorkspace(name: string) {
    const id = await createWorkspace({
      name,
      kind: 'school',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    await setActiveWorkspaceId(id);
    return id;
  },
  /** What the background remembered for deadline notifications (undefined: never set). */
  async notifySetting() {
    return (await db().settings.get(NOTIFY_SETTING))?.value;
  },
  hasNotifications: () => browser.permissions.contains({ permissions: ['notifications'] }),
  async seedDeadlines(rows: DeadlineRow[]) {
    await db().deadlines.clear();
    await db().deadlines.bulkPut(rows);
  },
  async refreshBadge(today: string) {
    const d = await refreshBadge(browser as never, today);
    return {
      text: await browser.action.getBadgeText({}),
      title: await browser.action.getTitle({}),
      overdue: d.overdue.map((i) => i.title),
      dueSoon: d.dueSoon.map((i) => i.title),
    };
  },
};

declare global {
  interface Window {
    driver?: typeof driver;
  }
}
window.driver = driver;
