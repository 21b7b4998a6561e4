// Evidence: orders, letters, certificates … with search and filters, windowed like activities.
import { useMemo, useState } from 'react';
import { EVIDENCE_KIND_LABELS, type Evidence } from '../../lib/model/index.ts';
import { plural } from '../../lib/ru/plural.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { EVIDENCE_FORMS } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { RegisterResults, ResetFilters } from './RegisterResults.tsx';
import { EMPTY_EVIDENCE_FILTER, filterEvidence, type EvidenceFilter } from './derive.ts';

export function EvidenceTab() {
  const { snapshot, derived, search } = useDashboard();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<EvidenceFilter>(EMPTY_EVIDENCE_FILTER);
  const set = <K extends keyof EvidenceFilter>(key: K, value: EvidenceFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const hits = useMemo(() => search.search(snapshot, query), [search, snapshot, query]);
  const items = useMemo(
    () => filterEvidence(derived, filter, hits?.evidenceIds ?? null),
    [derived, filter, hits],
  );
  const filtered = query.trim() !== '' || Object.values(filter).some(Boolean);

  return (
    <section className="stack" aria-label="Подтверждения">
      <div className="toolbar row">
        <input
          type="search"
          className="search"
          placeholder="Поиск: номер, издатель, тема…"
          aria-label="Поиск подтверждений"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="spacer" />
        <a className="button primary" href="#evidence-item/new">
          Новое подтверждение
        </a>
      </div>
      <div className="filters row" role="group" aria-label="Фильтры">
        <select
          aria-label="Вид документа"
          value={filter.kind}
          onChange={(e) => set('kind', e.target.value)}
        >
          <option value="">Все виды</option>
          {Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="row inline-label">
          с
          <input
            type="date"
            aria-label="Дата с"
            value={filter.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="row inline-label">
          по
          <input
            type="date"
            aria-label="Дата по"
            value={filter.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <ResetFilters
          shown={filtered}
          onReset={() => {
            setQuery('');
            setFilter(EMPTY_EVIDENCE_FILTER);
          }}
        />
      </div>
      <RegisterResults
        items={items}
        total={snapshot.evidence.length}
        filtered={filtered}
        forms={EVIDENCE_FORMS}
        label="Список подтверждений"
        emptyText="Подтверждений пока нет: добавьте приказ, письмо или справку."
        renderRow={(e) => <EvidenceRow evidence={e} />}
      />
    </section>
  );
}

function EvidenceRow({ evidence: e }: { evidence: Evidence }) {
  const { derived } = useDashboard();
  const activities = derived.activityIdsByEvidence.get(e.id)?.length ?? 0;
  const head = [
    e.issuer,
    e.date ? `от ${formatRuDate(e.date)}` : '',
    e.number ? `№ ${e.number}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <a className="register-row" href={`#evidence-item/${e.id}`} data-id={e.id}>
      <span className="num">
        <span className="badge">{EVIDENCE_KIND_LABELS[e.kind]}</span>
      </span>
      <span className="main">
        <span className="title">{e.title || head || 'Без названия'}</span>
        <span className="meta muted small">
          {[
            e.title ? head : '',
            e.attachments.length ? plural(e.attachments.length, ['файл', 'файла', 'файлов']) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <span className="side muted small">
        {activities > 0
          ? plural(activities, ['мероприятие', 'мероприятия', 'мероприятий'])
          : 'не связано'}
      </span>
    </a>
  );
}
