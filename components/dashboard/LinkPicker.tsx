// Linking evidence ↔ activities: the current links, and a searchable list to add more.
import { useMemo, useState } from 'react';
import { evidenceKindLabel, type Activity, type Evidence } from '../../lib/model/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { t } from './records-messages.ts';

const SHOWN = 20;

export function evidenceLabel(e: Evidence): string {
  const head = [
    evidenceKindLabel(e.kind),
    e.issuer,
    e.date ? t('dated', { date: formatRuDate(e.date) }) : '',
    e.number ? t('numbered', { number: e.number }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return e.title ? t('evidenceTitled', { head, title: e.title }) : head;
}

export function activityLabel(a: Activity): string {
  return a.number ? `${a.number} ${a.title}` : a.title;
}

export function LinkPicker(props: {
  side: 'activity' | 'evidence';
  ownerId: string;
  linkedIds: string[];
}) {
  const { repo, snapshot, derived, search } = useDashboard();
  const { side, ownerId, linkedIds } = props;
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const linked = useMemo(() => new Set(linkedIds), [linkedIds]);

  const hits = useMemo(() => search.search(snapshot, query), [search, snapshot, query]);
  const candidates = useMemo(() => {
    const pool: { id: string; label: string }[] = [];
    if (side === 'activity') {
      for (const e of derived.sortedEvidence) {
        if (linked.has(e.id) || (hits && !hits.evidenceIds.has(e.id))) continue;
        pool.push({ id: e.id, label: evidenceLabel(e) });
        if (pool.length >= SHOWN) break;
      }
    } else {
      for (const a of derived.sortedActivities) {
        if (linked.has(a.id) || (hits && !hits.activityIds.has(a.id))) continue;
        pool.push({ id: a.id, label: activityLabel(a) });
        if (pool.length >= SHOWN) break;
      }
    }
    return pool;
  }, [hits, side, derived, linked]);

  const pair = (otherId: string): [string, string] =>
    side === 'activity' ? [ownerId, otherId] : [otherId, ownerId];

  function link(otherId: string) {
    setError(null);
    try {
      repo.link(...pair(otherId));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  function unlink(otherId: string) {
    setError(null);
    try {
      repo.unlink(...pair(otherId));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const labelOf = (id: string) => {
    if (side === 'activity') {
      const e = derived.evidenceById.get(id);
      return e ? evidenceLabel(e) : id;
    }
    const a = derived.activityById.get(id);
    return a ? activityLabel(a) : id;
  };
  const hrefOf = (id: string) => (side === 'activity' ? `#evidence-item/${id}` : `#activity/${id}`);

  return (
    <div className="stack link-picker">
      {linkedIds.length === 0 ? (
        <p className="muted">{side === 'activity' ? t('noEvidenceYet') : t('evidenceNotLinked')}</p>
      ) : (
        <ul className="linked" aria-label={t('linkedRecords')}>
          {linkedIds.map((id) => (
            <li key={id} className="row">
              <a href={hrefOf(id)} className="grow">
                {labelOf(id)}
              </a>
              <button type="button" className="link" onClick={() => unlink(id)}>
                {t('unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`pick-${ownerId}`}>
          {side === 'activity' ? t('linkEvidence') : t('linkActivity')}
        </label>
        <input
          id={`pick-${ownerId}`}
          type="search"
          placeholder={
            side === 'activity' ? t('searchEvidencePlaceholder') : t('searchActivityPlaceholder')
          }
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {candidates.length === 0 ? (
        <p className="muted small">
          {hits?.notice
            ? hits.notice
            : query
              ? t('nothingFound')
              : side === 'activity'
                ? t('nothingToLinkEvidence')
                : t('nothingToLinkActivity')}
        </p>
      ) : (
        <ul className="candidates" aria-label={t('canLink')}>
          {candidates.map((c) => (
            <li key={c.id} className="row">
              <span className="grow">{c.label}</span>
              <button
                type="button"
                onClick={() => link(c.id)}
                aria-label={t('linkLabel', { label: c.label })}
              >
                {t('link')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
