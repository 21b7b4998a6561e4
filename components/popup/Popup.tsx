// The toolbar popup's body. The shell (PopupShell.tsx) paints at once; this module's first view
// comes from Dexie alone (workspace, deadline projection); the workspace's Y.Doc and everything
// built on it load right after with import(), and the actions use them.
import {
  cloneElement,
  useCallback,
  useEffect,
  useState,
  type MouseEvent,
  type ReactElement,
} from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type DashboardRoute, type Message } from '../../lib/messages.ts';
import { localIsoDate, type DeadlineItem } from '../../lib/deadlines/index.ts';
import type { WorkspaceHandle } from '../../lib/store/index.ts';
import { countOf, errorMessage } from '../common/format.ts';
import { t } from './messages.ts';
import { readPopupData, setActiveWorkspace, type PopupData } from './popup-data.ts';
import { OpeningLine } from './PopupShell.tsx';
import type { DocView } from './lazy.ts';
import { DeadlineNotifications, type PermissionsApi } from './DeadlineNotifications.tsx';

type Lazy = typeof import('./lazy.ts');
const loadLazy = () => import('./lazy.ts');

const send = (message: Message) =>
  sendMessage((m) => browser.runtime.sendMessage(m) as Promise<unknown>, message);

/** The tab the actions work on: the active one, or `?tabId=` when the popup runs as a page. */
async function targetTab(): Promise<{ id: number; windowId: number | null; url: string | null }> {
  const override = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    override > 0
      ? await browser.tabs.get(override)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) throw new Error(t('noTab'));
  return { id: tab.id, windowId: tab.windowId ?? null, url: tab.url ?? null };
}

/** Everything below the popup's header; loaded by the shell (PopupShell.tsx) after first paint. */
export function PopupBody() {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let cancelled = false;
    readPopupData(localIsoDate(new Date())).then(
      (d) => {
        if (cancelled) return;
        setData(d);
        performance.mark('svodka:popup:data');
      },
      (e: unknown) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);

  return (
    <>
      {error && (
        <div className="notice error" role="alert">
          {t('openFailed', { message: error })}
        </div>
      )}
      {!data && !error && <OpeningLine />}
      {data && !data.workspace && <FirstRun onReady={reload} />}
      {data?.workspace && <Home key={data.workspace.id} data={data} reload={reload} />}
    </>
  );
}

function FirstRun({ onReady }: { onReady: () => void }) {
  const [lazy, setLazy] = useState<Lazy | null>(null);
  useEffect(() => {
    void loadLazy().then(setLazy);
  }, []);
  return (
    <>
      <p>{t('intro')}</p>
      {lazy ? (
        <lazy.WorkspaceSetup store={lazy.store} onReady={onReady} compact />
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
    </>
  );
}

type DocState =
  | { status: 'loading' }
  | { status: 'ready'; lazy: Lazy; handle: WorkspaceHandle; view: DocView }
  | { status: 'error'; message: string };

type Mode = 'home' | 'capture' | 'export';

/** Opens the workspace's doc after first paint and keeps its view live. */
function useDoc(workspaceId: string): DocState {
  const [state, setState] = useState<DocState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let handle: WorkspaceHandle | null = null;
    let off = () => {};
    // After the browser has painted the Dexie view: the doc never delays first paint.
    const timer = setTimeout(() => {
      (async () => {
        const lazy = await loadLazy();
        handle = await lazy.openActive(workspaceId);
        if (cancelled) return handle.close();
        const h = handle;
        const refresh = () => {
          try {
            setState({
              status: 'ready',
              lazy,
              handle: h,
              view: lazy.readDoc(h.repo, localIsoDate(new Date())),
            });
          } catch (e) {
            setState({ status: 'error', message: errorMessage(e) });
          }
        };
        off = h.repo.subscribe(refresh);
        refresh();
        performance.mark('svodka:popup:ready');
      })().catch((e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(e) });
      });
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      off();
      handle?.close();
    };
  }, [workspaceId]);
  return state;
}

function Home({ data, reload }: { data: PopupData; reload: () => void }) {
  const workspace = data.workspace!;
  const doc = useDoc(workspace.id);
  const today = localIsoDate(new Date());
  const [mode, setMode] = useState<Mode>('home');
  const [tab, setTab] = useState<{ id: number; windowId: number | null } | null>(null);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Known up front: sidePanel.open must run inside the click, without awaiting anything first.
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id ?? null),
      () => setWindowId(null),
    );
  }, []);

  const open = useCallback((route?: DashboardRoute) => {
    setNotice(null);
    send({ type: 'open-dashboard', route }).catch((e: unknown) =>
      setNotice({ ok: false, text: errorMessage(e) }),
    );
  }, []);

  const openItem = (event: MouseEvent, item: DeadlineItem) => {
    event.preventDefault();
    // An item of another workspace opens that workspace.
    const switching =
      item.workspaceId !== workspace.id ? setActiveWorkspace(item.workspaceId) : Promise.resolve();
    void switching.then(() => open(`activity/${item.activityId}`));
  };

  const openSidePanel = () => {
    setNotice(null);
    if (windowId === null) return setNotice({ ok: false, text: t('noWindow') });
    browser.sidePanel
      .open({ windowId })
      .catch((e: unknown) =>
        setNotice({ ok: false, text: t('sidePanelFailed', { message: errorMessage(e) }) }),
      );
  };

  const ready = doc.status === 'ready' ? doc : null;
  const active = ready?.view.active ?? null;
  const readOnly = ready?.view.readOnly ?? null;
  const noFilling = ready && !active ? t('noActiveMonitoring') : null;

  async function startCapture() {
    setNotice(null);
    try {
      setTab(await targetTab());
      setMode('capture');
    } catch (e) {
      setNotice({ ok: false, text: errorMessage(e) });
    }
  }

  async function startFill() {
    if (!ready || !active) return;
    setNotice(null);
    setBusy(true);
    try {
      const target = await targetTab();
      const result = await ready.lazy.autofill(
        browser as unknown as Parameters<Lazy['autofill']>[0],
        target,
        ready.view,
        active,
      );
      setNotice({ ok: result.ok, text: result.message });
    } catch (e) {
      setNotice({ ok: false, text: t('nothingChanged', { message: errorMessage(e) }) });
    } finally {
      setBusy(false);
    }
  }

  if (mode === 'capture' && ready && tab)
    return (
      <section className="stack" aria-label={t('savingPage')}>
        <h2>{t('savePage')}</h2>
        <ready.lazy.CaptureView
          api={browser as unknown as Parameters<typeof ready.lazy.CaptureView>[0]['api']}
          tab={tab}
          pending={null}
          store={{
            putAttachmentBytes: ready.lazy.store.putAttachmentBytes,
            repo: ready.handle.repo,
          }}
          activities={ready.view.activities}
          onOpenEvidence={(id) => open(`evidence-item/${id}`)}
          onClose={() => {
            setMode('home');
            reload();
          }}
        />
      </section>
    );
  if (mode === 'export' && ready && active)
    return (
      <ready.lazy.ExportPanel
        active={active}
        evidence={ready.view.evidence}
        organisation={workspace.name}
        today={today}
        readBytes={ready.lazy.store.getAttachmentBytes}
        onClose={() => setMode('home')}
      />
    );

  const { overdue, dueSoon } = data.deadlines;
  const activities = ready ? ready.view.activities.length : data.activities;
  const captureDisabled = doc.status !== 'ready' || readOnly !== null;

  return (
    <>
      <section className="card stack" aria-label={t('workspace')}>
        <div>
          <h2 data-testid="workspace-name">{workspace.name}</h2>
          {workspace.schoolYear && (
            <p className="muted small">{t('schoolYear', workspace.schoolYear)}</p>
          )}
        </div>
        <ul className="counts" data-testid="workspace-counts">
          <li>{countOf('activities', activities)}</li>
          {ready && <li>{countOf('evidence', ready.view.evidence.length)}</li>}
          <li>{t('doneCount', { count: data.done })}</li>
        </ul>
        {ready && active && (
          <p className="filling" data-testid="filling-progress">
            {ready.view.fillingLine}
          </p>
        )}
      </section>

      <section className="deadlines stack" aria-label={t('deadlines')} data-testid="deadlines">
        {overdue.length + dueSoon.length === 0 ? (
          <p className="muted small">{t('noDeadlines')}</p>
        ) : (
          <>
            <p className="deadline-summary">
              {overdue.length > 0 && (
                <span className="overdue" data-testid="overdue-count">
                  {t('overdue', { count: overdue.length })}
                </span>
              )}
              {dueSoon.length > 0 && (
                <span className="soon" data-testid="due-soon-count">
                  {t('dueSoon', { count: dueSoon.length })}
                </span>
              )}
            </p>
            <ul className="deadline-list">
              {[...overdue, ...dueSoon].slice(0, 6).map((item) => (
                <li key={`${item.workspaceId}/${item.activityId}`}>
                  <a
                    href={browser.runtime.getURL(`/dashboard.html#activity/${item.activityId}`)}
                    onClick={(e) => openItem(e, item)}
                  >
                    {item.title}
                  </a>
                  <span className={item.days < 0 ? 'due overdue' : 'due'}>
                    {t('due', item)}
                    {item.workspaceId !== workspace.id &&
                      ` · ${data.names[item.workspaceId] ?? ''}`}
                  </span>
                </li>
              ))}
            </ul>
            {overdue.length + dueSoon.length > 6 && (
              <button type="button" className="link small" onClick={() => open('activities')}>
                {t('allDeadlines')}
              </button>
            )}
          </>
        )}
        <DeadlineNotifications api={browser as unknown as PermissionsApi} send={send} />
      </section>

      <div className="stack actions" aria-label={t('actions')}>
        <button
          type="button"
          className="primary"
          onClick={startCapture}
          disabled={captureDisabled}
          title={readOnly ?? undefined}
        >
          {t('savePage')}
        </button>
        <ActionWithReason reason={noFilling} id="fill-reason">
          <button type="button" onClick={startFill} disabled={!active || busy}>
            {busy ? t('openingForm') : t('fillForm')}
          </button>
        </ActionWithReason>
        <ActionWithReason reason={noFilling} id="export-reason">
          <button type="button" onClick={() => setMode('export')} disabled={!active}>
            {t('export')}
          </button>
        </ActionWithReason>
        {doc.status === 'loading' && <p className="muted small">{t('loadingWorkspace')}</p>}
        {doc.status === 'error' && (
          <div className="notice error small" role="alert">
            {doc.message}
          </div>
        )}
      </div>

      {notice && (
        <div
          className={`notice ${notice.ok ? 'ok' : 'error'}`}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="popup-notice"
        >
          {notice.text}
        </div>
      )}

      <div className="row secondary">
        <button type="button" onClick={() => open()}>
          {t('openRegister')}
        </button>
        <button type="button" onClick={openSidePanel}>
          {t('openSidePanel')}
        </button>
      </div>
      {ready && <ready.lazy.LinkCheck api={browser} evidence={ready.view.evidence} />}
    </>
  );
}

/** A button with the reason it is disabled, shown below it and read by screen readers. */
function ActionWithReason(props: {
  reason: string | null;
  id: string;
  children: ReactElement<{ 'aria-describedby'?: string; title?: string }>;
}) {
  const button = cloneElement(props.children, {
    'aria-describedby': props.reason ? props.id : undefined,
    title: props.reason ?? undefined,
  });
  return (
    <div className="action">
      {button}
      {props.reason && (
        <span className="muted small reason" id={props.id}>
          {props.reason}
        </span>
      )}
    </div>
  );
}
