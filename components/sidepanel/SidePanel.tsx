// The side panel: the register beside any web page — find an activity, mark it done, write the
// report. Edits made in a dashboard tab arrive live through the store's subscription.
import { useMemo, useState } from 'react';
import * as store from '../../lib/store/index.ts';
import type { Activity, ActivityStatus } from '../../lib/model/index.ts';
import { STATUS_LABELS } from '../../lib/model/index.ts';
import type { Repository, Snapshot } from '../../lib/store/index.ts';
import { plural } from '../../lib/ru/plural.ts';
import { useActiveWorkspace, useSnapshot, type StoreLoader } from '../common/workspace.ts';
import { useSearchCache } from '../common/search.ts';
import { VirtualList } from '../common/VirtualList.tsx';
import { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';
import { ACTIVITY_FORMS, errorMessage } from '../common/format.ts';
import { browser } from 'wxt/browser';
import { SyncStatus } from '../team/SyncStatus.tsx';
import { Monitorings } from '../monitoring/MonitoringList.tsx';

const loadStore: StoreLoader = () => Promise.resolve(store);
const collator = new Intl.Collator('ru', { numeric: true });

export function SidePanel() {
  const { state, reload } = useActiveWorkspace(loadStore);
  if (state.status === 'loading') return <p className="muted pad">Открываем реестр…</p>;
  if (state.status === 'error')
    return (
      <div className="notice error pad" role="alert">
        Не удалось открыть рабочее пространство: {state.message}
      </div>
    );
  if (state.status === 'none')
    return (
      <main className="sidepanel stack">
        <h1>Сводка</h1>
        <p>Создайте рабочее пространство, чтобы вести реестр мероприятий.</p>
        <WorkspaceSetup store={state.store} onReady={reload} compact />
      </main>
    );
  return <Panel key={state.workspaceId} repo={state.handle.repo} />;
}

function Panel({ repo }: { repo: Repository }) {
  const view = useSnapshot(repo);
  if (!view.ok)
    return (
      <div className="notice error pad" role="alert">
        {view.message}
      </div>
    );
  return <PanelView repo={repo} snapshot={view.snapshot} />;
}

function PanelView({ repo, snapshot }: { repo: Repository; snapshot: Snapshot }) {
  const search = useSearchCache(snapshot);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Monitorings open with `#monitorings` (the popup's «Мониторинг» link) or the switch below.
  const [view, setView] = useState<'activities' | 'monitorings'>(() =>
    window.location.hash === '#monitorings' ? 'monitorings' : 'activities',
  );

  const sorted = useMemo(
    () =>
      [...snapshot.activities].sort(
        (a, b) => collator.compare(a.number, b.number) || collator.compare(a.title, b.title),
      ),
    [snapshot],
  );
  const items = useMemo(() => {
    const hits = search.search(snapshot, query);
    return hits ? sorted.filter((a) => hits.activityIds.has(a.id)) : sorted;
  }, [search, snapshot, query, sorted]);
  const evidenceCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const l of snapshot.links) counts.set(l.activityId, (counts.get(l.activityId) ?? 0) + 1);
    return counts;
  }, [snapshot]);

  const selected = selectedId ? snapshot.activities.find((a) => a.id === selectedId) : undefined;

  function setStatus(activity: Activity, status: ActivityStatus) {
    setError(null);
    try {
      repo.updateActivity(activity.id, { status });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <main className="sidepanel">
      <header className="row sp-head">
        <div className="grow">
          <div className="brand">Сводка</div>
          <div className="ws-name" title={snapshot.workspace.name}>
            {snapshot.workspace.name}
          </div>
        </div>
        <SyncStatus workspaceId={snapshot.workspace.id} compact />
        <a
          className="button small"
          href={browser.runtime.getURL('/dashboard.html')}
          target="_blank"
          rel="noreferrer"
        >
          Реестр
        </a>
      </header>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="sp-views" role="tablist" aria-label="Вид">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'activities'}
          onClick={() => setView('activities')}
        >
          Мероприятия
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'monitorings'}
          onClick={() => setView('monitorings')}
        >
          Мониторинги
        </button>
      </div>
      {view === 'monitorings' ? (
        <div className="sp-monitorings">
          <Monitorings
            repo={repo}
            snapshot={snapshot}
            recordHref={(route) => `${browser.runtime.getURL('/dashboard.html')}#${route}`}
          />
        </div>
      ) : selected ? (
        <ActivityDetail
          key={selected.id}
          activity={selected}
          evidence={evidenceCount.get(selected.id) ?? 0}
          repo={repo}
          onBack={() => setSelectedId(null)}
          setStatus={setStatus}
        />
      ) : (
        <>
          <input
            type="search"
            className="sp-search"
            placeholder="Найти мероприятие: ВПР, мониторинг…"
            aria-label="Поиск мероприятий"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="muted small" data-testid="result-count">
            {query.trim()
              ? `Найдено: ${plural(items.length, ACTIVITY_FORMS)}`
              : plural(items.length, ACTIVITY_FORMS)}
          </p>
          <VirtualList
            items={items}
            rowHeight={66}
            label="Мероприятия"
            className="sp-list"
            getKey={(a) => a.id}
            renderRow={(a) => (
              <div className="sp-row" data-id={a.id}>
                <button type="button" className="sp-title" onClick={() => setSelectedId(a.id)}>
                  {a.number ? `${a.number} ` : ''}
                  {a.title}
                </button>
                <div className="row sp-meta">
                  <span className={`badge status-${a.status}`}>{STATUS_LABELS[a.status]}</span>
                  <span className="muted small">
                    {evidenceCount.get(a.id)
                      ? plural(evidenceCount.get(a.id)!, ['подтв.', 'подтв.', 'подтв.'])
                      : ''}
                  </span>
                  <span className="spacer" />
                  {a.status !== 'done' && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => setStatus(a, 'done')}
                      aria-label={`Отметить выполненным: ${a.title}`}
                    >
                      ✓ Выполнено
                    </button>
                  )}
                </div>
              </div>
            )}
            empty={
              <p className="empty muted">
                {snapshot.activities.length === 0
                  ? 'Мероприятий пока нет: добавьте их в реестре.'
                  : 'Ничего не найдено.'}
              </p>
            }
          />
        </>
      )}
    </main>
  );
}

function ActivityDetail(props: {
  activity: Activity;
  evidence: number;
  repo: Repository;
  onBack: () => void;
  setStatus: (a: Activity, s: ActivityStatus) => void;
}) {
  const { activity, repo } = props;
  const [report, setReport] = useState(activity.report);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = report !== activity.report;

  // A teammate's or another tab's edit of the report shows up unless one is typing here.
  const [lastSeen, setLastSeen] = useState(activity.report);
  if (activity.report !== lastSeen) {
    setLastSeen(activity.report);
    if (report === lastSeen) setReport(activity.report);
  }

  function save() {
    setError(null);
    try {
      repo.updateActivity(activity.id, { report });
      setSaved('Отчёт сохранён.');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="stack sp-detail" aria-label="Мероприятие">
      <button type="button" className="link" onClick={props.onBack}>
        ← Все мероприятия
      </button>
      <h2>
        {activity.number ? `${activity.number} ` : ''}
        {activity.title}
      </h2>
      <p className="muted small">
        {[activity.direction, activity.period.raw].filter(Boolean).join(' · ')}
        {props.evidence > 0
          ? ` · ${plural(props.evidence, ['подтверждение', 'подтверждения', 'подтверждений'])}`
          : ''}
      </p>
      <div className="field">
        <label htmlFor="sp-status">Статус</label>
        <select
          id="sp-status"
          value={activity.status}
          onChange={(e) => props.setStatus(activity, e.target.value as ActivityStatus)}
        >
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sp-report">Отчёт о выполнении</label>
        <textarea
          id="sp-report"
          rows={6}
          value={report}
          onChange={(e) => {
            setReport(e.target.value);
            setSaved(null);
          }}
          placeholder="Что сделано, кто участвовал, какие документы подтверждают"
        />
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={save} disabled={!dirty}>
          Сохранить отчёт
        </button>
        {saved && !dirty && (
          <span className="muted small" role="status">
            {saved}
          </span>
        )}
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
