// «История изменений» of a register record, and the fields two teammates changed apart:
// both values with who and when, and a button to keep either.
import { useState } from 'react';
import type { FieldConflict, RecordEvent } from '../../lib/store/index.ts';
import { STATUS_LABELS, EVIDENCE_KIND_LABELS } from '../../lib/model/labels.ts';
import { errorMessage } from '../common/format.ts';
import { describePeriod } from '../../lib/periods/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import type { Activity } from '../../lib/model/index.ts';
import { useDashboard } from './context.ts';

const FIELD_NAMES: Record<string, string> = {
  number: '№',
  title: 'содержание',
  direction: 'направление',
  level: 'уровень',
  period: 'сроки',
  place: 'место',
  responsibleIds: 'ответственные',
  participants: 'участники',
  status: 'статус',
  report: 'отчёт',
  tags: 'метки',
  kind: 'вид',
  issuer: 'кем издан',
  date: 'дата',
  url: 'адрес',
  attachments: 'вложения',
  note: 'примечание',
  name: 'название',
  position: 'должность',
  shnor: 'ШНОР',
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string')
    return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  if (field === 'kind' && typeof value === 'string')
    return EVIDENCE_KIND_LABELS[value as keyof typeof EVIDENCE_KIND_LABELS] ?? value;
  if (field === 'period' && typeof value === 'object') {
    const period = value as Activity['period'];
    if (!period.parsed) return period.raw;
    const dates = [period.parsed.start, period.parsed.end].filter(Boolean).map(formatRuDate);
    return `${period.raw} · ${dates.length ? dates.join('–') : describePeriod(period.parsed)}`;
  }
  if (Array.isArray(value)) return `${value.length} шт.`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

function describe(e: RecordEvent): string {
  if (e.action === 'delete') return 'удалил(а) запись';
  if (e.action === 'restore') return 'вернул(а) удалённую запись';
  return Object.keys(e.changes)
    .map((f) => `${FIELD_NAMES[f] ?? f}: «${show(f, e.previous[f])}» → «${show(f, e.changes[f])}»`)
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
    <section className="card stack" aria-label="История изменений">
      {conflicts.map((c) => (
        <div key={c.field} className="notice stack" role="alert" data-testid="record-conflict">
          <strong>
            Поле «{FIELD_NAMES[c.field] ?? c.field}» изменили двое, пока были не на связи. Какое
            значение оставить?
          </strong>
          {c.candidates.map((cand) => (
            <div className="row" key={cand.eventId}>
              <span>
                «{show(c.field, cand.value)}» — {cand.by}, {when(cand.at)}
              </span>
              <span className="spacer" />
              <button type="button" onClick={() => keep(c.field, cand.value)}>
                Оставить это
              </button>
            </div>
          ))}
        </div>
      ))}
      {error && <span className="field-error">{error}</span>}
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? 'Скрыть историю изменений' : 'История изменений'}
      </button>
      {open &&
        (history.length === 0 ? (
          <p className="muted small">Изменений после создания не было.</p>
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
