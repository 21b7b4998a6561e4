// Evidence: orders, letters, certificates … with search and filters, windowed like activities.
import { DateInput } from '../common/DateInput.tsx';
import { useMemo, useState } from 'react';
import {
  EVIDENCE_KIND_LABELS,
  evidenceKindLabel,
  type Evidence,
  type EvidenceKind,
} from '../../lib/model/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { countOf } from '../common/format.ts';
import { t } from './records-messages.ts';
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
    <section className="stack" aria-label={t('evidenceSection')}>
      <div className="toolbar row">
        <input
          type="search"
          className="search"
          placeholder={t('evidenceSearchPlaceholder')}
          aria-label={t('evidenceSearchLabel')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="spacer" />
        <a className="button primary" href="#evidence-item/new">
          {t('newEvidence')}
        </a>
      </div>
      <div className="filters row" role="group" aria-label={t('filters')}>
        <select
          aria-label={t('documentKind')}
          value={filter.kind}
          onChange={(e) => set('kind', e.target.value)}
        >
          <option value="">{t('allKinds')}</option>
          {(Object.keys(EVIDENCE_KIND_LABELS) as EvidenceKind[]).map((value) => (
            <option key={value} value={value}>
              {evidenceKindLabel(value)}
            </option>
          ))}
        </select>
        <label className="row inline-label">
          {t('from')}
          <DateInput
            aria-label={t('dateFrom')}
            value={filter.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="row inline-label">
          {t('to')}
          <DateInput
            aria-label={t('dateTo')}
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
        forms="evidence"
        label={t('evidenceList')}
        emptyText={t('evidenceEmpty')}
        notice={hits?.notice}
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
    e.date ? t('dated', { date: formatRuDate(e.date) }) : '',
    e.number ? t('numbered', { number: e.number }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <a className="register-row" href={`#evidence-item/${e.id}`} data-id={e.id}>
      <span className="num">
        <span className="badge">{evidenceKindLabel(e.kind)}</span>
      </span>
      <span className="main">
        <span className="title">{e.title || head || t('untitled')}</span>
        <span className="meta muted small">
          {[e.title ? head : '', e.attachments.length ? t('files', e.attachments.length) : '']
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <span className="side muted small">
        {activities > 0 ? countOf('activities', activities) : t('notLinked')}
      </span>
    </a>
  );
}
