// The toolbar popup: must paint at once, so the store (Yjs, Dexie) is loaded after first render.
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Snapshot } from '../../lib/store/index.ts';
import type { Message, MessageResponse } from '../../lib/messages.ts';
import { plural } from '../../lib/ru/plural.ts';
import { toIsoDate, formatSchoolYear } from '../../lib/ru/date.ts';
import { useActiveWorkspace, useSnapshot, type StoreLoader } from '../common/workspace.ts';
import { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';
import { ACTIVITY_FORMS, EVIDENCE_FORMS, errorMessage } from '../common/format.ts';
import type { WorkspaceHandle } from '../../lib/store/index.ts';

const loadStore: StoreLoader = () => import('../../lib/store/index.ts');

async function send(message: Message): Promise<void> {
  const answer = (await browser.runtime.sendMessage(message)) as MessageResponse | undefined;
  if (answer && !answer.ok) throw new Error(answer.error);
}

export function Popup() {
  const { state, reload } = useActiveWorkspace(loadStore);

  useLayoutEffect(() => {
    performance.mark('svodka:popup:first-render');
  }, []);

  return (
    <main className="popup stack">
      <header>
        <div className="brand">Сводка</div>
        <h1>Здравствуйте!</h1>
      </header>
      {state.status === 'loading' && <p className="muted">Открываем ваш реестр…</p>}
      {state.status === 'error' && (
        <div className="notice error" role="alert">
          Не удалось открыть рабочее пространство: {state.message}
        </div>
      )}
      {state.status === 'none' && (
        <>
          <p>
            Сводка хранит мероприятия и подтверждения вашей организации и помогает заполнять
            мониторинги. Начните с рабочего пространства или посмотрите пример.
          </p>
          <WorkspaceSetup store={state.store} onReady={reload} compact />
        </>
      )}
      {state.status === 'ready' && <WorkspaceSummary handle={state.handle} />}
    </main>
  );
}

function overdueCount(snapshot: Snapshot, today: string): number {
  let n = 0;
  for (const a of snapshot.activities) {
    const end = a.period.parsed?.end;
    if (end && end < today && (a.status === 'planned' || a.status === 'in_progress')) n++;
  }
  return n;
}

function WorkspaceSummary({ handle }: { handle: WorkspaceHandle }) {
  const view = useSnapshot(handle.repo);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    performance.mark('svodka:popup:ready');
    // Known up front: sidePanel.open must run inside the click, without awaiting anything first.
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id ?? null),
      () => setWindowId(null),
    );
  }, []);

  const openDashboard = useCallback(() => {
    setError(null);
    send({ type: 'open-dashboard' }).catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const openSidePanel = useCallback(() => {
    setError(null);
    if (windowId === null) return setError('Не удалось определить окно браузера.');
    browser.sidePanel
      .open({ windowId })
      .catch((e: unknown) => setError(`Боковая панель не открылась: ${errorMessage(e)}`));
  }, [windowId]);

  if (!view.ok)
    return (
      <div className="notice error" role="alert">
        {view.message}
      </div>
    );
  const { snapshot } = view;
  const overdue = overdueCount(snapshot, toIsoDate(new Date()));
  const done = snapshot.activities.filter((a) => a.status === 'done').length;

  return (
    <>
      <section className="card stack" aria-label="Рабочее пространство">
        <div>
          <h2 data-testid="workspace-name">{snapshot.workspace.name}</h2>
          <p className="muted small">{formatSchoolYear(snapshot.workspace.schoolYear)}</p>
        </div>
        <ul className="counts" data-testid="workspace-counts">
          <li>{plural(snapshot.activities.length, ACTIVITY_FORMS)}</li>
          <li>{plural(snapshot.evidence.length, EVIDENCE_FORMS)}</li>
          <li>выполнено: {done}</li>
          {overdue > 0 && <li className="overdue">просрочено: {overdue}</li>}
        </ul>
      </section>
      <div className="stack actions">
        <button type="button" className="primary" onClick={openDashboard}>
          Открыть реестр
        </button>
        <button type="button" onClick={openSidePanel}>
          Открыть боковую панель
        </button>
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
