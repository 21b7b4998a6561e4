// «Напоминать о сроках»: an opt-in for the daily deadline notification. The `notifications`
// permission is optional, and Chrome grants optional permissions only inside a user gesture, so
// permissions.request is the first call of the change handler (no await before it).
import { useEffect, useState, type ChangeEvent } from 'react';
import { db } from '../../lib/store/db.ts';
import { NOTIFY_SETTING } from '../../lib/deadlines/background.ts';
import type { Message } from '../../lib/messages.ts';
import { errorMessage } from '../common/format.ts';
import { t } from './messages.ts';

export interface PermissionsApi {
  permissions: {
    contains(p: { permissions: string[] }): Promise<boolean>;
    request(p: { permissions: string[] }): Promise<boolean>;
  };
}

const NOTIFICATIONS = { permissions: ['notifications'] };

/** On only when the browser holds the permission and the user has not turned reminders off. */
async function readEnabled(api: PermissionsApi): Promise<boolean> {
  const [granted, setting] = await Promise.all([
    api.permissions.contains(NOTIFICATIONS),
    db().settings.get(NOTIFY_SETTING),
  ]);
  return granted && setting?.value === true;
}

export function DeadlineNotifications(props: {
  api: PermissionsApi;
  send: (message: Message) => Promise<void>;
}) {
  const { api, send } = props;
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    readEnabled(api).then(
      (on) => !cancelled && setEnabled(on),
      () => !cancelled && setEnabled(false),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const wanted = event.target.checked;
    // Must stay synchronous up to here: the request needs the click's user gesture.
    const asked = wanted ? api.permissions.request(NOTIFICATIONS) : Promise.resolve(true);
    setNotice(null);
    setBusy(true);
    void (async () => {
      try {
        if (wanted && !(await asked)) {
          setEnabled(false);
          setNotice({
            ok: false,
            text: t('notifyDenied'),
          });
          return;
        }
        await send({ type: 'deadlines-notifications', enabled: wanted });
        setEnabled(wanted);
        setNotice({
          ok: true,
          text: wanted ? t('notifyOn') : t('notifyOff'),
        });
      } catch (e) {
        setNotice({
          ok: false,
          text: t('notifySaveFailed', { message: errorMessage(e) }),
        });
      } finally {
        setBusy(false);
      }
    })();
  }

  return (
    <div className="notify stack" data-testid="deadline-notifications">
      <label className="row notify-toggle">
        <input
          type="checkbox"
          checked={enabled === true}
          disabled={enabled === null || busy}
          onChange={onChange}
          aria-describedby="notify-hint"
        />
        {t('notifyToggle')}
      </label>
      <span className="muted small" id="notify-hint">
        {t('notifyHint')}
      </span>
      {notice && (
        <div
          className={`notice small ${notice.ok ? 'ok' : 'error'}`}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="notify-notice"
        >
          {notice.text}
        </div>
      )}
    </div>
  );
}
