// The activity register: filters, full-text search and a windowed list.
import { DateInput } from '../common/DateInput.tsx';
import { useLayoutEffect, useMemo, useState } from 'react';
// Light imports only: this tab is the dashboard's first paint, before zod and the store load.
import type { Activity, ActivityStatus } from '../../lib/model/index.ts';
import { evidenceKindLabel, statusLabel } from '../../lib/model/labels.ts';
import { ACTIVITY_STATUSES, EVIDENCE_KINDS } from '../../lib/model/vocabulary.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { countOf } from '../common/format.ts';
import { useRegisterView } from './context.ts';
import { RegisterResults, ResetFilters } from './RegisterResults.tsx';
import { EMPTY_ACTIVITY_FILTER, filterActivities, type ActivityFilter } from './derive.ts';
import { t } from './register-messages.ts';

export function periodText(activity: Activity): string {
  const p = activity.period.parsed;
  if (activity.period.raw) return activity.period.raw;
  if (p?.start && p.end && p.start !== p.end)
    return `${formatRuDate(p.start)}–${formatRuDate(p.end)}`;
  if (p?.end) return t('until', { date: formatRuDate(p.end) });
  return '';
}

export function ActivitiesTab() {
  const { snapshot, derived, search } = useRegisterView();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ActivityFilter>(EMPTY_ACTIVITY_FILTER);
  const set = <K extends keyof ActivityFilter>(key: K, value: ActivityFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));

  const hits = useMemo(() => search.search(snapshot, query), [search, snapshot, query]);
  const items = useMemo(
    () => filterActivities(derived, filter, hits?.activityIds ?? null),
    [derived, filter, hits],
  );
  const filtered = query.trim() !== '' || Object.values(filter).some(Boolean);

  useLayoutEffect(() => {
    performance.mark('svodka:activities:rendered', { detail: items.length });
  }, [items]);

  return (
    <section className="stack" aria-label={t('activities')}>
      <div className="toolbar row">
        <input
          type="search"
          className="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="spacer" />
        <a className="button primary" href="#activity/new">
          {t('newActivity')}
        </a>
      </div>
      <div className="filters row" role="group" aria-label={t('filters')}>
        <select
          aria-label={t('direction')}
          value={filter.direction}
          onChange={(e) => set('direction', e.target.value)}
        >
          <option value="">{t('allDirections')}</option>
          {derived.directions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select
          aria-label={t('status')}
          value={filter.status}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">{t('anyStatus')}</option>
          {ACTIVITY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
        <label className="row inline-label">
          {t('from')}
          <DateInput
            aria-label={t('periodFrom')}
            value={filter.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="row inline-label">
          {t('to')}
          <DateInput
            aria-label={t('periodTo')}
            value={filter.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <select
          aria-label={t('responsible')}
          value={filter.responsibleId}
          onChange={(e) => set('responsibleId', e.target.value)}
        >
          <option value="">{t('allResponsible')}</option>
          {snapshot.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('evidenceKind')}
          value={filter.evidenceKind}
          onChange={(e) => set('evidenceKind', e.target.value)}
        >
          <option value="">{t('anyEvidence')}</option>
          {EVIDENCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {evidenceKindLabel(value)}
            </option>
          ))}
        </select>
        <ResetFilters
          shown={filtered}
          onReset={() => {
            setQuery('');
            setFilter(EMPTY_ACTIVITY_FILTER);
          }}
        />
      </div>
      <RegisterResults
        items={items}
        total={snapshot.activities.length}
        filtered={filtered}
        forms="activities"
        label={t('activityList')}
        emptyText={t('noActivities')}
        notice={
          hits?.notice ??
          (filter.evidenceKind && snapshot.evidencePending !== undefined
            ? t('evidenceLoading')
            : null)
        }
        renderRow={(a) => <ActivityRow activity={a} />}
      />
    </section>
  );
}

function ActivityRow({ activity }: { activity: Activity }) {
  const { derived } = useRegisterView();
  const evidenceCount = derived.evidenceCount(activity.id);
  const responsible = activity.responsibleIds
    .map((id) => derived.personById.get(id)?.name)
    .filter(Boolean)
    .join(', ');
  return (
    <a className="register-row" href={`#activity/${activity.id}`} data-id={activity.id}>
      <span className="num">{activity.number}</span>
      <span className="main">
        <span className="title">{activity.title}</span>
        <span className="meta muted small">
          {[activity.direction, periodText(activity), responsible].filter(Boolean).join(' · ')}
        </span>
      </span>
      <span className="side">
        <StatusBadge status={activity.status} />
        <span className="muted small">
          {evidenceCount > 0 ? countOf('evidence', evidenceCount) : t('noEvidence')}
        </span>
      </span>
    </a>
  );
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>;
}
