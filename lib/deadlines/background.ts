// The background's part of deadlines: the badge, a daily chrome.alarms check and optional
// notifications. Browser APIs are parameters (pass `browser` from wxt/browser; fakeBrowser in
// tests); time is injected.
import { t } from './messages.ts';
import { db, type DeadlineRow } from '../store/db.ts';
import {
  badgeColor,
  badgeText,
  badgeTitle,
  computeDeadlines,
  localIsoDate,
  type Deadlines,
} from './index.ts';

export const DEADLINES_ALARM = 'svodka-deadlines';
/** Settings row (Dexie `settings`) that says the user turned notifications on. */
export const NOTIFY_SETTING = 'deadlines.notifications';

export interface BadgeApi {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
}

export interface AlarmsApi {
  alarms: {
    create(name: string, info: { periodInMinutes?: number; when?: number }): unknown;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
}

export interface NotificationsApi {
  notifications?: {
    create(
      id: string,
      options: { type: 'basic'; iconUrl: string; title: string; message: string },
    ): unknown;
  };
  permissions: {
    contains(p: { permissions: string[] }): Promise<boolean>;
    request(p: { permissions: string[] }): Promise<boolean>;
  };
}

export type ReadRows = () => Promise<Omit<DeadlineRow, 'key'>[]>;
const readProjection: ReadRows = () => db().deadlines.toArray();

/** Recomputes and shows the badge; returns what it showed (for the popup and tests). */
export async function refreshBadge(
  api: BadgeApi,
  today: string,
  readRows: ReadRows = readProjection,
): Promise<Deadlines> {
  const deadlines = computeDeadlines(await readRows(), today);
  await api.action.setBadgeText({ text: badgeText(deadlines) });
  await api.action.setBadgeBackgroundColor({ color: badgeColor(deadlines) });
  await api.action.setTitle({ title: badgeTitle(deadlines) });
  return deadlines;
}

/**
 * Wires the daily check: the alarm survives the service worker's restarts; the badge is
 * refreshed at once and every day. Notifications only when the user enabled them.
 */
export function registerDeadlines(
  api: BadgeApi & AlarmsApi & NotificationsApi,
  clock: () => Date = () => new Date(),
  readRows: ReadRows = readProjection,
  notificationsEnabled: () => Promise<boolean> = async () =>
    (await db().settings.get(NOTIFY_SETTING))?.value === true,
): void {
  api.alarms.create(DEADLINES_ALARM, { periodInMinutes: 24 * 60, when: clock().getTime() + 1000 });
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DEADLINES_ALARM) return;
    void (async () => {
      const deadlines = await refreshBadge(api, localIsoDate(clock()), readRows);
      if (deadlines.overdue.length + deadlines.dueSoon.length === 0) return;
      if (!(await notificationsEnabled())) return;
      if (
        !api.notifications ||
        !(await api.permissions.contains({ permissions: ['notifications'] }))
      )
        return;
      api.notifications.create(DEADLINES_ALARM, {
        type: 'basic',
        iconUrl: '/icon/128.png',
        title: t('notificationTitle'),
        message: badgeTitle(deadlines).replace(/^(Сводка|Svodka) — /, ''),
      });
    })();
  });
  void refreshBadge(api, localIsoDate(clock()), readRows).catch(() => {});
}

/** From the popup, on the user's click: asks for the optional permission, then remembers. */
export async function enableDeadlineNotifications(api: NotificationsApi): Promise<boolean> {
  const granted = await api.permissions.request({ permissions: ['notifications'] });
  await db().settings.put({ key: NOTIFY_SETTING, value: granted });
  return granted;
}
