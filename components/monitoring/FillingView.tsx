// The filling screen: sections with progress, every indicator with its proposal and
// justification, the review actions, groups assessed per subject, «Что ещё нужно», teammates'
// conflicting changes, and the export. The side panel's main screen; also a dashboard route.
import { useMemo, useState } from 'react';
import type { AutoResult } from '../../lib/checklist/auto.ts';
import {
  confirmAnswer,
  overrideAnswer,
  progress,
  rejectAnswer,
  setSubjects,
  whatIsMissing,
} from '../../lib/checklist/filling.ts';
import {
  answerKey,
  type Filling,
  type Indicator,
  type Template,
} from '../../lib/checklist/schema.ts';
import { newId } from '../../lib/model/primitives.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { FillingStore, type AnswerConflict } from '../../lib/store/fillings.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { errorMessage } from '../common/format.ts';
import { useSyncState, useTeamFocus } from '../team/useSync.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { IndicatorRow, type RowActions } from './IndicatorRow.tsx';
import { learnedRecord, learnRule } from '../../lib/checklist/learned.ts';
import { registerData } from '../../lib/monitoring-actions.ts';
import {
  ANSWERABLE,
  formatMoment,
  formatValue,
  shownValue,
  subjectNoun,
  subjectScore,
} from './model.ts';
import { useAutoResults, useFilling } from './useMonitoring.ts';
import { t } from './messages.ts';
import './monitoring.css';

export interface FillingViewProps {
  repo: Repository;
  snapshot: Snapshot;
  fillingId: string;
  /** Address of a register record: «#evidence-item/<id>» in the dashboard, a new tab elsewhere. */
  recordHref: (route: string) => string;
  linkTarget?: string;
  onBack?: () => void;
  readOnly?: boolean;
  wide?: boolean;
}

export function FillingView(props: FillingViewProps) {
  const { filling, template } = useFilling(props.repo, props.snapshot, props.fillingId);
  if (!filling || !template)
    return (
      <div className="notice error" role="alert">
        {filling ? t('templateNotFound') : t('fillingNotFound')}
        {props.onBack && (
          <button type="button" className="link" onClick={props.onBack}>
            {t('toList')}
          </button>
        )}
      </div>
    );
  return <Loaded {...props} filling={filling} template={template} />;
}

function Loaded(props: FillingViewProps & { filling: Filling; template: Template }) {
  const { repo, snapshot, filling, template } = props;
  // A viewer (team role) sees the form but neither decides nor stores proposals.
  const sync = useSyncState(snapshot.workspace.id);
  const viewer = Boolean(sync?.configured && sync.readOnly);
  const readOnly = !!props.readOnly || viewer || repo.readOnlyReason !== null;
  useTeamFocus(snapshot.workspace.id, { fillingId: filling.id });
  const { results, error: autoError } = useAutoResults(
    repo,
    snapshot,
    template,
    filling,
    !readOnly,
  );
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<'none' | 'missing' | 'export'>('none');
  const store = useMemo(() => new FillingStore(repo), [repo]);
  const byId = useMemo(() => new Map((results ?? []).map((r) => [r.indicatorId, r])), [results]);
  const orgById = useMemo(
    () => new Map(snapshot.organisations.map((o) => [o.id, o])),
    [snapshot.organisations],
  );
  const prog = useMemo(
    () => progress(template, filling, results ?? []),
    [template, filling, results],
  );
  const missing = useMemo(
    () => (results ? whatIsMissing(template, filling, results) : []),
    [template, filling, results],
  );
  // Two proposals that differ are not a decision anyone made: only conflicts of people count.
  const conflicts = useMemo(
    () =>
      store.conflicts(filling.id).filter((c) => c.candidates.some((e) => e.status !== 'proposed')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, filling, snapshot],
  );

  function act(change: (f: Filling, now: string) => Filling) {
    setError(null);
    try {
      store.save(change(filling, new Date().toISOString()));
    } catch (e) {
      setError(t('notSaved', { message: errorMessage(e) }));
    }
  }
  const actor = repo.actor;
  const actions: RowActions = {
    confirm: (key) =>
      act((f, now) =>
        f.answers[key]
          ? confirmAnswer(f, key, actor, now)
          : confirmAnswer(
              overrideAnswer(f, key, byId.get(key)?.value ?? null, '', actor, now),
              key,
              actor,
              now,
            ),
      ),
    override: (key, value, comment) =>
      act((f, now) => overrideAnswer(f, key, value, comment, actor, now)),
    reject: (key) => act((f, now) => rejectAnswer(f, key, '', actor, now)),
    acceptRegister: (key, r) =>
      act((f, now) =>
        confirmAnswer(
          overrideAnswer(
            f,
            key,
            r.value,
            'Принято значение по реестру',
            actor,
            now,
            r.evidence.map((e) => e.id),
          ),
          key,
          actor,
          now,
        ),
      ),
    history: (key) => store.history(filling.id, key),
    learn: (key, value, picked) => {
      const ind = template.indicators.find((i) => i.id === key);
      if (!ind) return t('learnFailed');
      try {
        const outcome = learnRule(ind, value, picked, registerData(snapshot), filling.period);
        if (!outcome.ok) return outcome.reason;
        repo.put(
          'learnedRules',
          learnedRecord(
            template,
            ind,
            outcome.rule,
            value,
            newId(),
            actor,
            new Date().toISOString(),
          ),
        );
        return null;
      } catch (e) {
        return errorMessage(e);
      }
    },
  };

  function resolve(c: AnswerConflict, eventId: string) {
    setError(null);
    try {
      store.resolve(c, eventId, actor, new Date().toISOString());
    } catch (e) {
      setError(t('notSaved', { message: errorMessage(e) }));
    }
  }

  const bySection = useMemo(() => {
    const m = new Map<string, Indicator[]>();
    for (const ind of template.indicators)
      if (ind.parent === null) m.set(ind.section, [...(m.get(ind.section) ?? []), ind]);
    return m;
  }, [template]);
  const children = useMemo(() => {
    const m = new Map<string, Indicator[]>();
    for (const ind of template.indicators)
      if (ind.parent !== null) m.set(ind.parent, [...(m.get(ind.parent) ?? []), ind]);
    return m;
  }, [template]);
  const indicatorText = (key: string) => {
    const [id] = key.split('::');
    const ind = template.indicators.find((i) => i.id === id);
    return ind ? `${ind.number ? `${ind.number}. ` : ''}${ind.text}` : key;
  };

  const row = (ind: Indicator, extra?: React.ReactNode) => (
    <IndicatorRow
      key={ind.id}
      template={template}
      indicator={ind}
      answer={filling.answers[ind.id]}
      result={byId.get(ind.id)}
      orgById={orgById}
      recordHref={props.recordHref}
      linkTarget={props.linkTarget}
      readOnly={readOnly}
      actions={actions}
    >
      {extra}
    </IndicatorRow>
  );

  const pct = prog.total ? Math.round((prog.filled / prog.total) * 100) : 0;
  return (
    <section
      className={`mon-filling stack ${props.wide ? 'wide' : ''}`}
      aria-label={t('monitoring')}
    >
      {props.onBack && (
        <button type="button" className="link mon-back" onClick={props.onBack}>
          {t('allMonitorings')}
        </button>
      )}
      <header className="mon-head stack">
        <h2 data-testid="filling-title">{filling.title}</h2>
        <p className="muted small">
          {t('period', {
            start: formatRuDate(filling.period.start),
            end: formatRuDate(filling.period.end),
          })}
          {filling.deadline ? t('dueBy', { date: formatRuDate(filling.deadline) }) : ''}
        </p>
        <div className="mon-progress" aria-hidden="true">
          <span style={{ width: `${pct}%` }} />
        </div>
        <p className="small" data-testid="filling-progress">
          {t('fillingProgress', {
            filled: prog.filled,
            total: prog.total,
            confirmed: prog.confirmed,
            missing: prog.missingEvidence,
          })}
        </p>
        <div className="row">
          <button
            type="button"
            className={panel === 'export' ? 'primary' : 'primary'}
            onClick={() => setPanel(panel === 'export' ? 'none' : 'export')}
            aria-expanded={panel === 'export'}
          >
            {t('export')}
          </button>
          <button
            type="button"
            onClick={() => setPanel(panel === 'missing' ? 'none' : 'missing')}
            aria-expanded={panel === 'missing'}
          >
            {t('whatIsMissing')}
            {results ? ` (${missing.length})` : ''}
          </button>
        </div>
      </header>
      {readOnly && (
        <div className="notice small" role="status">
          {repo.readOnlyReason ?? (viewer ? t('viewerNotice') : t('viewOnly'))}
        </div>
      )}
      {(error || autoError) && (
        <div className="notice error" role="alert">
          {error ?? autoError}
        </div>
      )}
      {results === null && <p className="muted">{t('autoFilling')}</p>}

      {conflicts.length > 0 && (
        <section className="notice warn stack" aria-label={t('conflictsLabel')}>
          <h3>{t('conflictsTitle')}</h3>
          {conflicts.map((c) => (
            <div key={c.key} className="mon-conflict stack" data-testid="conflict">
              <strong className="small">{indicatorText(c.key)}</strong>
              {c.candidates.map((e) => (
                <div key={e.id} className="row small">
                  <span className="mon-value">{formatValue(e.value)}</span>
                  <span className="grow">
                    {e.by}, {formatMoment(e.at)}
                    {e.comment ? ` — «${e.comment}»` : ''}
                  </span>
                  {!readOnly && (
                    <button type="button" className="small" onClick={() => resolve(c, e.id)}>
                      {t('keepValue', { value: formatValue(e.value) })}
                    </button>
                  )}
                </div>
              ))}
            </div>
          ))}
        </section>
      )}

      {panel === 'export' && (
        <ExportPanel
          repo={repo}
          snapshot={snapshot}
          template={template}
          filling={filling}
          results={results}
          onClose={() => setPanel('none')}
        />
      )}
      {panel === 'missing' && (
        <section className="card stack mon-missing" aria-label={t('whatIsMissing')}>
          <h3>{t('whatIsMissing')}</h3>
          {missing.length === 0 ? (
            <p className="muted">{t('allFilled')}</p>
          ) : (
            <ul>
              {missing.map((m) => (
                <li key={m.indicatorId}>
                  <a href={`#ind-${m.indicatorId}`} onClick={(e) => scrollTo(e, m.indicatorId)}>
                    {m.number ? `${m.number}. ` : ''}
                    {m.text.length > 120 ? `${m.text.slice(0, 119)}…` : m.text}
                  </a>
                  <div className="small">{m.reason}</div>
                  <div className="small muted">{m.need}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {template.sections.map((s) => {
        const sp = prog.sections.find((x) => x.sectionId === s.id);
        const top = bySection.get(s.id) ?? [];
        return (
          <section key={s.id} className="mon-section stack" aria-label={s.title}>
            <div className="mon-section-head">
              <h3>{s.title}</h3>
              {sp && (
                <span className="muted small">
                  {t('sectionProgress', {
                    filled: sp.filled,
                    total: sp.total,
                    confirmed: sp.confirmed,
                    missing: sp.missingEvidence,
                  })}
                </span>
              )}
            </div>
            {top.map((ind) =>
              ind.kind === 'group' ? (
                <GroupBlock
                  key={ind.id}
                  group={ind}
                  items={children.get(ind.id) ?? []}
                  template={template}
                  filling={filling}
                  byId={byId}
                  readOnly={readOnly}
                  row={row}
                  act={act}
                  actor={actor}
                />
              ) : (
                row(ind)
              ),
            )}
          </section>
        );
      })}
    </section>
  );
}

function scrollTo(e: React.MouseEvent, indicatorId: string) {
  // Hash links would change the dashboard's route; scroll instead.
  e.preventDefault();
  document
    .getElementById(`ind-${indicatorId}`)
    ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

function GroupBlock(props: {
  group: Indicator;
  items: Indicator[];
  template: Template;
  filling: Filling;
  byId: ReadonlyMap<string, AutoResult>;
  readOnly: boolean;
  row: (ind: Indicator, extra?: React.ReactNode) => React.ReactNode;
  act: (change: (f: Filling, now: string) => Filling) => void;
  actor: string;
}) {
  const { group, filling, template, byId } = props;
  const subjects = filling.subjects[group.id] ?? [];
  const noun = subjectNoun(group);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const answerable = props.items.filter((i) => ANSWERABLE.has(i.kind));
  const aggregates = props.items.filter((i) => i.kind === 'aggregate');
  const fallback = (id: string) => shownValue(filling.answers[id], byId.get(id));

  function addSubject() {
    const n = name.trim();
    if (!n) return;
    props.act((f, now) => setSubjects(f, group.id, [...subjects, { id: newId(), name: n }], now));
    setName('');
    setAdding(false);
  }
  function removeSubject(id: string) {
    props.act((f, now) =>
      setSubjects(
        f,
        group.id,
        subjects.filter((s) => s.id !== id),
        now,
      ),
    );
  }
  function setScore(itemId: string, subjectId: string, text: string, kind: Indicator['kind']) {
    const v = text.trim() === '' ? null : Number(text.replace(',', '.'));
    if (v !== null && !Number.isFinite(v)) return;
    props.act((f, now) => overrideAnswer(f, answerKey(itemId, subjectId), v, '', props.actor, now));
    void kind;
  }

  const perSubject = (item: Indicator) =>
    subjects.length > 0 ? (
      <div className="mon-subjects small" aria-label={t('scoresEach', { noun })}>
        {subjects.map((s) => {
          const a = filling.answers[answerKey(item.id, s.id)];
          const v = a && a.status !== 'rejected' ? a.value : null;
          const label = `${s.name}: ${item.text.slice(0, 60)}`;
          return (
            <label key={s.id} className="row mon-subject-score">
              <span className="grow">{s.name}</span>
              {item.kind === 'presence' ? (
                <select
                  aria-label={label}
                  disabled={props.readOnly}
                  value={v === null ? '' : String(v)}
                  onChange={(e) => setScore(item.id, s.id, e.target.value, item.kind)}
                >
                  <option value="">
                    {t('sameAsAll', { value: formatValue(fallback(item.id)) })}
                  </option>
                  <option value="1">1</option>
                  <option value="0">0</option>
                </select>
              ) : (
                <input
                  aria-label={label}
                  className="mon-score-input"
                  inputMode="decimal"
                  disabled={props.readOnly}
                  defaultValue={v === null ? '' : String(v)}
                  onBlur={(e) => setScore(item.id, s.id, e.target.value, item.kind)}
                />
              )}
            </label>
          );
        })}
      </div>
    ) : null;

  return (
    <div className="mon-group stack" data-testid="group" aria-label={group.text}>
      <div className="mon-ind-head">
        <span className="mon-num">{group.number}</span>
        <p className="mon-text">
          <strong>{group.text}</strong>
          {group.max !== null && (
            <span className="muted">{t('scoreRange', { max: group.max })}</span>
          )}
        </p>
      </div>
      <div className="row small mon-subject-list">
        <span className="muted">{t('assessed')}</span>
        {subjects.length === 0 && <span className="muted">{t('allTogether')}</span>}
        {subjects.map((s) => (
          <span key={s.id} className="chip">
            {s.name}
            {!props.readOnly && (
              <button
                type="button"
                className="chip-x"
                aria-label={t('removeSubject', { name: s.name })}
                onClick={() => removeSubject(s.id)}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {!props.readOnly &&
          (adding ? (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                addSubject();
              }}
            >
              <input
                autoFocus
                aria-label={t('subjectName', { noun })}
                placeholder={t('subjectPlaceholder')}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <button type="submit" className="small primary">
                {t('add')}
              </button>
              <button type="button" className="small" onClick={() => setAdding(false)}>
                {t('cancel')}
              </button>
            </form>
          ) : (
            <button type="button" className="small" onClick={() => setAdding(true)}>
              + {noun}
            </button>
          ))}
      </div>
      {answerable.map((item) => props.row(item, perSubject(item)))}
      {aggregates.map((agg) => {
        const r = byId.get(agg.id);
        return (
          <div key={agg.id} className="mon-aggregate row" data-testid="aggregate">
            <span className="grow small">{agg.text}</span>
            {subjects.length > 0 && (
              <span className="small muted">
                {subjects
                  .map(
                    (s) =>
                      `${s.name}: ${formatValue(subjectScore(template, filling, group.id, s.id, fallback))}`,
                  )
                  .join(' · ')}
              </span>
            )}
            <span className="mon-value" title={t('calculated')}>
              {formatValue(r?.value ?? null)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
