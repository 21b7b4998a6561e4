// The capture page opened by the context menu («Сохранить в Svodka как подтверждение»): takes
// the pending capture the background kept in storage.session and finishes it with the same form
// as the popup. This page holds the Y.Doc; the background never does.
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  PENDING_CAPTURE_KEY,
  parsePendingCapture,
  type PendingCapture,
} from '../../lib/capture/page.ts';
import { sendMessage } from '../../lib/messages.ts';
import { useActiveWorkspace, useSnapshot, type StoreLoader } from '../common/workspace.ts';
import type { WorkspaceHandle } from '../../lib/store/index.ts';
import { CaptureView } from './CaptureView.tsx';
import type { CaptureApi } from './capture.ts';
import { t } from './messages.ts';

const loadStore: StoreLoader = () => import('../../lib/store/index.ts');

export function CapturePage() {
  const { state } = useActiveWorkspace(loadStore);
  const [pending, setPending] = useState<PendingCapture | null | 'none'>(null);

  useEffect(() => {
    browser.storage.session.get(PENDING_CAPTURE_KEY).then(
      (stored) => setPending(parsePendingCapture(stored[PENDING_CAPTURE_KEY]) ?? 'none'),
      () => setPending('none'),
    );
  }, []);

  let body;
  if (pending === 'none')
    body = (
      <div className="notice error" role="alert">
        {t('nothingToSave')}
      </div>
    );
  else if (state.status === 'error')
    body = (
      <div className="notice error" role="alert">
        {t('openFailed', { message: state.message })}
      </div>
    );
  else if (state.status === 'none')
    body = (
      <div className="notice error" role="alert">
        {t('createWorkspaceFirst')}
      </div>
    );
  else if (state.status !== 'ready' || pending === null)
    body = <p className="muted">{t('loading')}</p>;
  else body = <Finish handle={state.handle} store={state.store} pending={pending} />;

  return (
    <main className="popup capture-page stack">
      <header>
        <div className="brand">{t('brand')}</div>
        <h1>{t('saveEvidence')}</h1>
      </header>
      {body}
    </main>
  );
}

function Finish(props: {
  handle: WorkspaceHandle;
  store: {
    putAttachmentBytes: (
      b: Uint8Array,
      n: string,
      t: string,
    ) => Promise<import('../../lib/model/records.ts').AttachmentRef>;
  };
  pending: PendingCapture;
}) {
  const view = useSnapshot(props.handle.repo);
  const activities = useMemo(
    () =>
      view.ok
        ? view.snapshot.activities.map((a) => ({ id: a.id, number: a.number, title: a.title }))
        : [],
    [view],
  );
  const tab = useMemo(
    () =>
      props.pending.tabId !== null
        ? { id: props.pending.tabId, windowId: props.pending.windowId }
        : null,
    [props.pending],
  );
  const done = () => {
    void browser.storage.session.remove(PENDING_CAPTURE_KEY).finally(() => window.close());
  };
  if (!view.ok)
    return (
      <div className="notice error" role="alert">
        {view.message}
      </div>
    );
  return (
    <CaptureView
      api={browser as unknown as CaptureApi}
      tab={tab}
      pending={props.pending}
      store={{ putAttachmentBytes: props.store.putAttachmentBytes, repo: props.handle.repo }}
      activities={activities}
      onOpenEvidence={(id) => {
        void sendMessage((m) => browser.runtime.sendMessage(m) as Promise<unknown>, {
          type: 'open-dashboard',
          route: `evidence-item/${id}`,
        }).finally(done);
      }}
      onClose={done}
    />
  );
}
