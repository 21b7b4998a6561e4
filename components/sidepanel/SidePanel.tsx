// The side panel: the register beside any web page — find an activity, mark it done, write the
// report. Edits made in a dashboard tab arrive live through the store's subscription.
import { useMemo, useState } from 'react';
import * as store from '../../lib/store/index.ts';
import type { Activity, ActivityStatus } from '../../lib/model/index.ts';
import { activityStatusSchema, statusLabel } from '../../lib/model/index.ts';
import { t } from './messages.ts';
import type { Repository, Snapshot } from '../../lib/store/index.ts';
import { useActiveWorkspace, useSnapshot, type StoreLoader } from '../common/workspace.ts';
import { useSearchCache } from '../common/search.ts';
import { VirtualList } from '../common/VirtualList.tsx';
import { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';
import { countOf, errorMessage } from '../common/format.ts';
import { browser } from 'wxt/browser';
import { SyncStatus } from '../team/SyncStatus.tsx';
import { Monitorings } from '../monitoring/MonitoringList.tsx';

const loadStore: StoreLoader = () => Promise.resolve(store);
const collator = new Intl.Collator('ru', { numeric: true });

export function SidePanel() {
  const { state, reload } = useActiveWorkspace(loadStore);
  // (No glimpse here: the side panel opens without a prefetched cache.)
  if (state.status === 'loading' || state.status === 'glimpse')
    return <p className="muted pad">{t('opening')}</p>;
  if (state.status === 'error')
    return (
      <div className="notice error pad" role="alert">
        {t('openFailed', { message: state.message })}
      </div>
    );
  if (state.status === 'none')
    return (
      <main className="sidepanel stack">
        <h1>{t('brand')}</h1>
        <p>{t('createWorkspace')}</p>
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
  const hits = useMemo(() => search.search(snapshot, query), [search, snapshot, query]);
  const items = useMemo(
    () => (hits ? sorted.filter((a) => hits.activityIds.has(a.id)) : sorted),
    [hits, sorted],
  );
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
          <div className="brand">{t('brand')}</div>
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
          {t('register')}
        </a>
      </header>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="sp-views" role="tablist" aria-label={t('view')}>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'activities'}
          onClick={() => setView('activities')}
        >
          {t('activities')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'monitorings'}
          onClick={() => setView('monitorings')}
        >
          {t('monitorings')}
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
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p className="muted small" data-testid="result-count">
            {hits?.notice ??
              (query.trim()
                ? t('found', { count: countOf('activities', items.length) })
                : countOf('activities', items.length))}
          </p>
          <VirtualList
            items={items}
            rowHeight={66}
            label={t('activities')}
            className="sp-list"
            getKey={(a) => a.id}
            renderRow={(a) => (
              <div className="sp-row" data-id={a.id}>
                <button type="button" className="sp-title" onClick={() => setSelectedId(a.id)}>
                  {a.number ? `${a.number} ` : ''}
                  {a.title}
                </button>
                <div className="row sp-meta">
                  <span className={`badge status-${a.status}`}>{statusLabel(a.status)}</span>
                  <span className="muted small">
                    {evidenceCount.get(a.id)
                      ? `${evidenceCount.get(a.id)!} ${t('evidenceShort')}`
                      : ''}
                  </span>
                  <span className="spacer" />
                  {a.status !== 'done' && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => setStatus(a, 'done')}
                      aria-label={t('markDoneLabel', { title: a.title })}
                    >
                      {t('markDone')}
                    </button>
                  )}
                </div>
              </div>
            )}
            empty={
              <p className="empty muted">
                {snapshot.activities.length === 0 ? t('noActivities') : t('nothingFound')}
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
      setSaved(t('reportSaved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="stack sp-detail" aria-label={t('activity')}>
      <button type="button" className="link" onClick={props.onBack}>
        {t('back')}
      </button>
      <h2>
        {activity.number ? `${activity.number} ` : ''}
        {activity.title}
      </h2>
      <p className="muted small">
        {[activity.direction, activity.period.raw].filter(Boolean).join(' · ')}
        {props.evidence > 0 ? ` · ${countOf('evidence', props.evidence)}` : ''}
      </p>
      <div className="field">
        <label htmlFor="sp-status">{t('status')}</label>
        <select
          id="sp-status"
          value={activity.status}
          onChange={(e) => props.setStatus(activity, e.target.value as ActivityStatus)}
        >
          {activityStatusSchema.options.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sp-report">{t('report')}</label>
        <textarea
          id="sp-report"
          rows={6}
          value={report}
          onChange={(e) => {
            setReport(e.target.value);
            setSaved(null);
          }}
          placeholder={t('reportPlaceholder')}
        />
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={save} disabled={!dirty}>
          {t('saveReport')}
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
