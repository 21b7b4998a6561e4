// One indicator of a filling: the value shown (a decision wins over the latest proposal), its
// justification with links into the register, warnings, and the review actions.
import { useState } from 'react';
import { disagreementWarning, type AutoResult } from '../../lib/checklist/auto.ts';
import type { Answer, Indicator, Template } from '../../lib/checklist/schema.ts';
import type { AnswerEvent } from '../../lib/store/fillings.ts';
import type { Organisation } from '../../lib/model/index.ts';
import {
  answerStatusLabel,
  confidenceLabel,
  formatMoment,
  formatValue,
  indicatorLabel,
  parseValueInput,
  shownValue,
  valueError,
} from './model.ts';
import { t } from './messages.ts';

export interface RowActions {
  confirm(key: string): void;
  override(key: string, value: number | string | null, comment: string): void;
  reject(key: string): void;
  acceptRegister(key: string, result: AutoResult): void;
  history(key: string): AnswerEvent[];
  /** Stores the rule that reproduces the value from the picked records; the reason if none. */
  learn(
    key: string,
    value: number | string | null,
    picked: { evidenceIds: string[]; activityIds: string[] },
  ): string | null;
}

export function IndicatorRow(props: {
  template: Template;
  indicator: Indicator;
  answer: Answer | undefined;
  result: AutoResult | undefined;
  orgById: ReadonlyMap<string, Organisation>;
  recordHref: (route: string) => string;
  linkTarget?: string;
  readOnly: boolean;
  actions: RowActions;
  /** Extra content under the row (per-subject scores of a group). */
  children?: React.ReactNode;
}) {
  const { indicator: ind, answer, result, actions } = props;
  const key = ind.id;
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [teaching, setTeaching] = useState(false);
  const value = shownValue(answer, result);
  const status = answer?.status ?? 'proposed';
  const textId = `ind-text-${ind.id}`;
  const evidence = result?.evidence ?? [];
  const activities = result?.activities ?? [];
  const manualEvidence =
    answer && answer.status !== 'proposed'
      ? answer.evidenceIds.filter((id) => !evidence.some((e) => e.id === id))
      : [];
  const orgIds = result?.orgIds ?? [];
  // The disagreement is shown on its own line: its warning is not repeated (in either language).
  const warnings = (result?.warnings ?? []).filter(
    (w) => !result?.disagreement || w !== disagreementWarning(result.disagreement),
  );
  const link = (route: string, text: string) => (
    <a href={props.recordHref(route)} target={props.linkTarget} rel="noreferrer">
      {text}
    </a>
  );

  return (
    <article
      className={`mon-ind status-${status}`}
      id={`ind-${ind.id}`}
      aria-labelledby={textId}
      data-testid="indicator"
      data-indicator={ind.id}
    >
      <div className="mon-ind-head">
        <span className="mon-num">{indicatorLabel(ind, props.template)}</span>
        <p className="mon-text" id={textId}>
          {ind.text}
        </p>
      </div>
      <div className="row mon-value-line">
        <span className="mon-value" data-testid="value" title={t('value')}>
          {formatValue(value)}
        </span>
        <span className={`badge answer-${status}`} data-testid="answer-status">
          {answerStatusLabel(status)}
        </span>
        {result && status === 'proposed' && (
          <span
            className="muted small"
            title={t('confidenceTitle', { percent: Math.round(result.confidence * 100) })}
          >
            {t('confidence', { label: confidenceLabel(result.confidence) })}
          </span>
        )}
        <span className="spacer" />
        {!props.readOnly && (
          <span className="row mon-actions">
            {status !== 'confirmed' && value !== null && (
              <button type="button" className="small" onClick={() => actions.confirm(key)}>
                {t('confirm')}
              </button>
            )}
            <button type="button" className="small" onClick={() => setEditing((e) => !e)}>
              {t('change')}
            </button>
            {status !== 'rejected' && (
              <button type="button" className="small" onClick={() => actions.reject(key)}>
                {t('reject')}
              </button>
            )}
          </span>
        )}
      </div>

      {(evidence.length > 0 || activities.length > 0 || manualEvidence.length > 0) && (
        <div className="mon-why small">
          {evidence.length > 0 && (
            <div>
              <span className="muted">{t('evidenceLabel')}</span>
              {evidence.map((e, i) => (
                <span key={e.id}>
                  {i > 0 && '; '}
                  {link(`evidence-item/${e.id}`, e.title || t('untitled'))}
                </span>
              ))}
            </div>
          )}
          {manualEvidence.length > 0 && (
            <div>
              <span className="muted">{t('manualEvidence')}</span>
              {manualEvidence.map((id, i) => (
                <span key={id}>
                  {i > 0 && '; '}
                  {link(`evidence-item/${id}`, t('evidenceItem'))}
                </span>
              ))}
            </div>
          )}
          {activities.length > 0 && (
            <div>
              <span className="muted">{t('activitiesLabel')}</span>
              {activities.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && '; '}
                  {link(`activity/${a.id}`, a.title)}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
      {orgIds.length > 0 && (
        <details className="mon-orgs small">
          <summary>{t('countedSchools', orgIds.length)}</summary>
          <ul>
            {orgIds.map((id) => (
              <li key={id}>{props.orgById.get(id)?.name ?? t('organisationDeleted')}</li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <ul className="mon-warnings small">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {result?.disagreement && (
        <div className="notice warn small row" role="status" data-testid="disagreement">
          <span className="grow">
            {t('disagreement', {
              proposed: formatValue(result.disagreement.proposed),
              manual: formatValue(result.disagreement.manual),
            })}
          </span>
          {!props.readOnly && (
            <button
              type="button"
              className="small"
              onClick={() => actions.acceptRegister(key, result)}
            >
              {t('accept', { value: formatValue(result.disagreement.proposed) })}
            </button>
          )}
        </div>
      )}
      {answer && answer.status !== 'proposed' && (
        <p className="muted small mon-by">
          {answerStatusLabel(answer.status)}: {answer.by}, {formatMoment(answer.at)}
          {answer.comment ? ` — «${answer.comment}»` : ''}
        </p>
      )}
      {editing && (
        <EditForm
          indicator={ind}
          initial={value}
          initialComment={answer?.status === 'overridden' ? answer.comment : ''}
          onCancel={() => setEditing(false)}
          onSave={(v, comment) => {
            actions.override(key, v, comment);
            setEditing(false);
          }}
        />
      )}
      {props.children}
      {!props.readOnly &&
        answer &&
        (answer.status === 'confirmed' || answer.status === 'overridden') &&
        (ind.kind === 'presence' || ind.kind === 'count' || ind.kind === 'number') &&
        (teaching ? (
          <TeachForm
            value={answer.value}
            evidence={[
              ...evidence,
              ...manualEvidence.map((id) => ({ id, title: t('evidenceItem') })),
            ]}
            activities={activities}
            onLearn={(picked) => actions.learn(key, answer.value, picked)}
            onClose={() => setTeaching(false)}
          />
        ) : (
          <button type="button" className="link small" onClick={() => setTeaching(true)}>
            {t('teachRule')}
          </button>
        ))}
      <button
        type="button"
        className="link small mon-history-toggle"
        onClick={() => setShowHistory((s) => !s)}
      >
        {showHistory ? t('hideHistory') : t('answerHistory')}
      </button>
      {showHistory && <History events={actions.history(key)} />}
    </article>
  );
}

/**
 * «Запомнить как правило команды»: the user ticks the records the value rests on; the rule that
 * gives the same value from them is stored for every later form with this indicator.
 */
function TeachForm(props: {
  value: number | string | null;
  evidence: { id: string; title: string }[];
  activities: { id: string; title: string }[];
  onLearn(picked: { evidenceIds: string[]; activityIds: string[] }): string | null;
  onClose(): void;
}) {
  const [evidenceIds, setEvidenceIds] = useState(() => props.evidence.map((e) => e.id));
  const [activityIds, setActivityIds] = useState(() => props.activities.map((a) => a.id));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  return (
    <fieldset className="card stack small mon-teach" data-testid="teach-rule">
      <legend>{t('teachTitle', { value: formatValue(props.value) })}</legend>
      {props.evidence.length + props.activities.length === 0 && (
        <p className="muted">{t('teachNothing')}</p>
      )}
      {props.evidence.map((e) => (
        <label key={e.id} className="row">
          <input
            type="checkbox"
            checked={evidenceIds.includes(e.id)}
            onChange={(ev) => setEvidenceIds((l) => toggle(l, e.id, ev.target.checked))}
          />
          <span>{e.title || t('untitled')}</span>
        </label>
      ))}
      {props.activities.map((a) => (
        <label key={a.id} className="row">
          <input
            type="checkbox"
            checked={activityIds.includes(a.id)}
            onChange={(ev) => setActivityIds((l) => toggle(l, a.id, ev.target.checked))}
          />
          <span>{a.title}</span>
        </label>
      ))}
      {outcome && (
        <p className={outcome.ok ? 'notice ok' : 'notice warn'} role="status">
          {outcome.text}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="small primary"
          onClick={() => {
            const reason = props.onLearn({ evidenceIds, activityIds });
            setOutcome(reason ? { ok: false, text: reason } : { ok: true, text: t('taught') });
          }}
        >
          {t('teachSave')}
        </button>
        <button type="button" className="small" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}

function EditForm(props: {
  indicator: Indicator;
  initial: number | string | null;
  initialComment: string;
  onCancel(): void;
  onSave(value: number | string | null, comment: string): void;
}) {
  const ind = props.indicator;
  const [text, setText] = useState(props.initial === null ? '' : String(props.initial));
  const [comment, setComment] = useState(props.initialComment);
  const [error, setError] = useState<string | null>(null);
  const base = `edit-${ind.id}`;
  function save() {
    const v = parseValueInput(ind.kind, text);
    const problem = valueError(ind, v);
    if (problem) return setError(problem);
    props.onSave(v, comment.trim());
  }
  return (
    <form
      className="mon-edit stack"
      aria-label={t('changeValue')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor={`${base}-value`}>{t('value')}</label>
          {ind.kind === 'presence' ? (
            <select id={`${base}-value`} value={text} onChange={(e) => setText(e.target.value)}>
              <option value="">{t('notSet')}</option>
              <option value="1">{t('presenceYes')}</option>
              <option value="0">{t('presenceNo')}</option>
            </select>
          ) : ind.kind === 'text' ? (
            <textarea
              id={`${base}-value`}
              rows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          ) : (
            <input
              id={`${base}-value`}
              inputMode="decimal"
              value={text}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
            />
          )}
        </div>
        <div className="field grow">
          <label htmlFor={`${base}-comment`}>{t('comment')}</label>
          <input
            id={`${base}-comment`}
            value={comment}
            placeholder={t('commentPlaceholder')}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <div className="row">
        <button type="submit" className="primary small">
          {t('saveValue')}
        </button>
        <button type="button" className="small" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function History({ events }: { events: AnswerEvent[] }) {
  if (!events.length) return <p className="muted small">{t('noChanges')}</p>;
  return (
    <ol className="mon-history small" aria-label={t('answerHistory')}>
      {events.map((e) => (
        <li key={e.id}>
          {formatMoment(e.at)} · {e.by}: {formatValue(e.value)} ({answerStatusLabel(e.status)})
          {e.comment ? ` — «${e.comment}»` : ''}
        </li>
      ))}
    </ol>
  );
}
