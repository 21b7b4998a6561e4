// «История изменений» of a register record, and the fields two teammates changed apart:
// both values with who and when, and a button to keep either.
import { useState } from 'react';
import type { FieldConflict, RecordEvent } from '../../lib/store/index.ts';
import {
  STATUS_LABELS,
  EVIDENCE_KIND_LABELS,
  statusLabel,
  evidenceKindLabel,
} from '../../lib/model/labels.ts';
import { errorMessage } from '../common/format.ts';
import { describePeriod } from '../../lib/periods/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import type { Activity, ActivityStatus, EvidenceKind } from '../../lib/model/index.ts';
import { useDashboard } from './context.ts';
import { t } from './records-messages.ts';

/** A field's name in the interface language (the record's own key when it has none). */
function fieldName(field: string): string {
  const names: Record<string, string> = {
    number: t('fieldNumber'),
    title: t('fieldTitle'),
    direction: t('fieldDirection'),
    level: t('fieldLevel'),
    period: t('fieldPeriod'),
    place: t('fieldPlace'),
    responsibleIds: t('fieldResponsible'),
    participants: t('fieldParticipants'),
    status: t('fieldStatus'),
    report: t('fieldReport'),
    tags: t('fieldTags'),
    kind: t('fieldKind'),
    issuer: t('fieldIssuer'),
    date: t('fieldDate'),
    url: t('fieldUrl'),
    attachments: t('fieldAttachments'),
    note: t('fieldNote'),
    name: t('fieldName'),
    position: t('fieldPosition'),
    shnor: t('fieldShnor'),
  };
  return names[field] ?? field;
}

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string')
    return Object.hasOwn(STATUS_LABELS, value) ? statusLabel(value as ActivityStatus) : value;
  if (field === 'kind' && typeof value === 'string')
    return Object.hasOwn(EVIDENCE_KIND_LABELS, value)
      ? evidenceKindLabel(value as EvidenceKind)
      : value;
  if (field === 'period' && typeof value === 'object') {
    const period = value as Activity['period'];
    if (!period.parsed) return period.raw;
    const dates = [period.parsed.start, period.parsed.end].filter(Boolean).map(formatRuDate);
    return `${period.raw} · ${dates.length ? dates.join('–') : describePeriod(period.parsed)}`;
  }
  if (Array.isArray(value)) return t('pieces', value.length);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

function describe(e: RecordEvent): string {
  if (e.action === 'delete') return t('deletedRecord');
  if (e.action === 'restore') return t('restoredRecord');
  return Object.keys(e.changes)
    .map((f) =>
      t('fieldChange', {
        field: fieldName(f),
        from: show(f, e.previous[f]),
        to: show(f, e.changes[f]),
      }),
    )
    .join('; ');
}

export function RecordHistory(props: { collection: 'activities' | 'evidence'; recordId: string }) {
  const { repo } = useDashboard();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const conflicts: FieldConflict[] = repo.conflicts(props.collection, props.recordId);
  const history = open ? repo.history(props.collection, props.recordId) : [];

  function keep(field: string, value: unknown) {
    setError(null);
    try {
      repo.settleConflict(props.collection, props.recordId, field, value);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card stack" aria-label={t('history')}>
      {conflicts.map((c) => (
        <div key={c.field} className="notice stack" role="alert" data-testid="record-conflict">
          <strong>{t('conflict', { field: fieldName(c.field) })}</strong>
          {c.candidates.map((cand) => (
            <div className="row" key={cand.eventId}>
              <span>
                {t('candidate', {
                  value: show(c.field, cand.value),
                  by: cand.by,
                  at: when(cand.at),
                })}
              </span>
              <span className="spacer" />
              <button type="button" onClick={() => keep(c.field, cand.value)}>
                {t('keepThis')}
              </button>
            </div>
          ))}
        </div>
      ))}
      {error && <span className="field-error">{error}</span>}
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('hideHistory') : t('history')}
      </button>
      {open &&
        (history.length === 0 ? (
          <p className="muted small">{t('noChanges')}</p>
        ) : (
          <ol className="stack small">
            {history.map((e) => (
              <li key={e.id}>
                <span className="muted">
                  {when(e.at)}, {e.by}:
                </span>{' '}
                {describe(e)}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
