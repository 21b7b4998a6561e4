// All monitorings of the workspace with their deadlines and progress, and the way to a new one.
// `Monitorings` is the side panel's self-contained screen (list → filling / new, in state).
import { useMemo, useState } from 'react';
import { progress } from '../../lib/checklist/filling.ts';
import type { Filling, Template } from '../../lib/checklist/schema.ts';
import { templatesOf } from '../../lib/monitoring-actions.ts';
import { formatRuDate, toIsoDate } from '../../lib/ru/date.ts';
import { FillingStore } from '../../lib/store/fillings.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { FillingView } from './FillingView.tsx';
import { NewMonitoring } from './NewMonitoring.tsx';
import { t } from './messages.ts';
import './monitoring.css';

export interface MonitoringSummary {
  filling: Filling;
  template: Template | null;
  filled: number;
  confirmed: number;
  total: number;
}

/** Fillings newest deadline first (undated last), with progress from their stored answers. */
export function summarise(repo: Repository, snapshot: Snapshot): MonitoringSummary[] {
  const templates = new Map(templatesOf(snapshot).map((tpl) => [tpl.id, tpl]));
  return new FillingStore(repo)
    .list()
    .map((filling) => {
      const template = templates.get(filling.templateId) ?? null;
      const p = template ? progress(template, filling, []) : null;
      return {
        filling,
        template,
        filled: p?.filled ?? 0,
        confirmed: p?.confirmed ?? 0,
        total: p?.total ?? 0,
      };
    })
    .sort(
      (a, b) =>
        (a.filling.deadline ?? '9999').localeCompare(b.filling.deadline ?? '9999') ||
        b.filling.updatedAt.localeCompare(a.filling.updatedAt),
    );
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function deadlineText(deadline: string | null, today: string): string {
  if (!deadline) return t('noDeadline');
  const days = dayNumber(deadline) - dayNumber(today);
  if (days < 0) return t('deadlinePassed', { date: formatRuDate(deadline) });
  if (days === 0) return t('dueToday');
  if (days === 1) return t('dueTomorrow');
  return t('dueOn', { date: formatRuDate(deadline) });
}

export function MonitoringList(props: {
  repo: Repository;
  snapshot: Snapshot;
  hrefFor?: (fillingId: string) => string;
  onOpen?: (fillingId: string) => void;
  onNew: () => void;
  readOnly?: boolean;
}) {
  const items = useMemo(() => summarise(props.repo, props.snapshot), [props.repo, props.snapshot]);
  const today = toIsoDate(new Date());
  return (
    <section className="mon-list stack" aria-label={t('monitorings')}>
      <div className="row">
        <h2 className="grow">{t('monitorings')}</h2>
        {!props.readOnly && (
          <button type="button" className="primary" onClick={props.onNew}>
            {t('newMonitoring')}
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted empty">{t('noMonitorings')}</p>
      ) : (
        <ul className="mon-items">
          {items.map((m) => {
            const pct = m.total ? Math.round((m.filled / m.total) * 100) : 0;
            const late = m.filling.deadline !== null && m.filling.deadline < today;
            const title = (
              <>
                <span className="mon-item-title">{m.filling.title}</span>
                <span className="row small">
                  <span data-testid="monitoring-progress">
                    {t('filledOf', { filled: m.filled, total: m.total })}
                  </span>
                  <span className="muted">{t('confirmedCount', { confirmed: m.confirmed })}</span>
                  <span className={late ? 'late' : 'muted'}>
                    · {deadlineText(m.filling.deadline, today)}
                  </span>
                </span>
                <span className="mon-progress" aria-hidden="true">
                  <span style={{ width: `${pct}%` }} />
                </span>
              </>
            );
            return (
              <li key={m.filling.id} data-testid="monitoring-item">
                {props.hrefFor ? (
                  <a className="mon-item" href={props.hrefFor(m.filling.id)}>
                    {title}
                  </a>
                ) : (
                  <button
                    type="button"
                    className="mon-item"
                    onClick={() => props.onOpen?.(m.filling.id)}
                  >
                    {title}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The side panel's monitoring screen: a filling is its main view once one exists. */
export function Monitorings(props: {
  repo: Repository;
  snapshot: Snapshot;
  recordHref: (route: string) => string;
}) {
  const [view, setView] = useState<
    { kind: 'list' } | { kind: 'new' } | { kind: 'filling'; id: string }
  >(() => {
    const first = summarise(props.repo, props.snapshot)[0];
    return first ? { kind: 'filling', id: first.filling.id } : { kind: 'list' };
  });
  const readOnly = props.repo.readOnlyReason !== null;
  if (view.kind === 'new')
    return (
      <NewMonitoring
        repo={props.repo}
        snapshot={props.snapshot}
        onCreated={(id) => setView({ kind: 'filling', id })}
        onCancel={() => setView({ kind: 'list' })}
      />
    );
  if (view.kind === 'filling')
    return (
      <FillingView
        key={view.id}
        repo={props.repo}
        snapshot={props.snapshot}
        fillingId={view.id}
        recordHref={props.recordHref}
        linkTarget="_blank"
        onBack={() => setView({ kind: 'list' })}
      />
    );
  return (
    <MonitoringList
      repo={props.repo}
      snapshot={props.snapshot}
      onOpen={(id) => setView({ kind: 'filling', id })}
      onNew={() => setView({ kind: 'new' })}
      readOnly={readOnly}
    />
  );
}
