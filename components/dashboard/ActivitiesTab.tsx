// The activity register: filters, full-text search and a windowed list.
import { useLayoutEffect, useMemo, useState } from 'react';
import {
  EVIDENCE_KIND_LABELS,
  STATUS_LABELS,
  type Activity,
  type ActivityStatus,
} from '../../lib/model/index.ts';
import { plural } from '../../lib/ru/plural.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { ACTIVITY_FORMS } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { RegisterResults, ResetFilters } from './RegisterResults.tsx';
import { EMPTY_ACTIVITY_FILTER, filterActivities, type ActivityFilter } from './derive.ts';

export function periodText(activity: Activity): string {
  const p = activity.period.parsed;
  if (activity.period.raw) return activity.period.raw;
  if (p?.start && p.end && p.start !== p.end)
    return `${formatRuDate(p.start)}–${formatRuDate(p.end)}`;
  if (p?.end) return `до ${formatRuDate(p.end)}`;
  return '';
}

export function ActivitiesTab() {
  const { snapshot, derived, search } = useDashboard();
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
    <section className="stack" aria-label="Мероприятия">
      <div className="toolbar row">
        <input
          type="search"
          className="search"
          placeholder="Поиск: ВПР, мониторинг, приказ…"
          aria-label="Поиск мероприятий"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="spacer" />
        <a className="button primary" href="#activity/new">
          Новое мероприятие
        </a>
      </div>
      <div className="filters row" role="group" aria-label="Фильтры">
        <select
          aria-label="Направление"
          value={filter.direction}
          onChange={(e) => set('direction', e.target.value)}
        >
          <option value="">Все направления</option>
          {derived.directions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select
          aria-label="Статус"
          value={filter.status}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">Любой статус</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="row inline-label">
          с
          <input
            type="date"
            aria-label="Период с"
            value={filter.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="row inline-label">
          по
          <input
            type="date"
            aria-label="Период по"
            value={filter.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <select
          aria-label="Ответственный"
          value={filter.responsibleId}
          onChange={(e) => set('responsibleId', e.target.value)}
        >
          <option value="">Все ответственные</option>
          {snapshot.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Вид подтверждения"
          value={filter.evidenceKind}
          onChange={(e) => set('evidenceKind', e.target.value)}
        >
          <option value="">Любые подтверждения</option>
          {Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
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
        forms={ACTIVITY_FORMS}
        label="Список мероприятий"
        emptyText="Мероприятий пока нет. Добавьте первое или загрузите их через «Импорт»."
        renderRow={(a) => <ActivityRow activity={a} />}
      />
    </section>
  );
}

function ActivityRow({ activity }: { activity: Activity }) {
  const { derived } = useDashboard();
  const evidenceCount = derived.evidenceIdsByActivity.get(activity.id)?.length ?? 0;
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
          {evidenceCount > 0
            ? plural(evidenceCount, ['подтверждение', 'подтверждения', 'подтверждений'])
            : 'нет подтверждений'}
        </span>
      </span>
    </a>
  );
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
