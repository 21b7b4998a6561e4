// «Новый мониторинг»: the authority's .xlsx dropped (or the built-in form picked), its detected
// structure, the importer's warnings and proposed fixes (each accepted or not), then title,
// period and deadline. «Создать» stores the workbook, the template and an auto-completed filling.
import { DateInput } from '../common/DateInput.tsx';
import { useMemo, useState } from 'react';
import { builtinTemplates } from '../../lib/checklist/library/index.ts';
import { applyProposals, type Proposal } from '../../lib/checklist/proposals.ts';
import { unbindRule } from '../../lib/checklist/bind-rules.ts';
import { applyCorrections, type Correction } from '../../lib/checklist/corrections.ts';
import { TemplateReview } from './TemplateReview.tsx';
import type { Template } from '../../lib/checklist/schema.ts';
import {
  createMonitoring,
  defaultPeriod,
  learnedRulesOf,
  withRules,
} from '../../lib/monitoring-actions.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { errorMessage } from '../common/format.ts';
import { ANSWERABLE } from './model.ts';
import { t } from './messages.ts';
import './monitoring.css';

interface Source {
  template: Template;
  proposals: Proposal[];
  warnings: string[];
  workbook: { bytes: Uint8Array; fileName: string } | null;
}

const MAX_BYTES = 20 * 1024 * 1024;

export function NewMonitoring(props: {
  repo: Repository;
  snapshot: Snapshot;
  onCreated(fillingId: string): void;
  onCancel(): void;
}) {
  const [source, setSource] = useState<Source | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [undone, setUndone] = useState<Set<string>>(new Set());
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const period0 = useMemo(() => {
    try {
      return defaultPeriod(props.snapshot.workspace);
    } catch {
      return { start: '', end: '' };
    }
  }, [props.snapshot.workspace]);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(period0.start);
  const [end, setEnd] = useState(period0.end);
  const [deadline, setDeadline] = useState('');
  const [creating, setCreating] = useState(false);
  const builtin = useMemo(() => builtinTemplates(), []);

  async function readFile(file: File) {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) return setError(t('notXlsx', { file: file.name }));
    if (file.size > MAX_BYTES) return setError(t('tooLarge', { file: file.name }));
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { importTemplateXlsx } = await import('../../lib/checklist/import-xlsx.ts');
      const imported = await importTemplateXlsx(bytes, file.name);
      choose({ ...imported, workbook: { bytes, fileName: file.name } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setReading(false);
    }
  }

  function choose(s: Source) {
    setSource(s);
    setAccepted(new Set(s.proposals.map((p) => p.id)));
    setCorrections([]);
    setUndone(new Set());
    setTitle(s.template.title);
  }

  const applied = useMemo(() => {
    if (!source) return null;
    let template = source.template;
    try {
      template = applyProposals(source.template, [...accepted]);
      return { template: applyCorrections(template, corrections), error: null };
    } catch (e) {
      return { template, error: errorMessage(e) };
    }
  }, [source, accepted, corrections]);
  const learned = useMemo(() => learnedRulesOf(props.snapshot), [props.snapshot]);
  const recognised = useMemo(() => {
    if (!applied) return null;
    const r = withRules(applied.template, learned);
    // Bindings the user undid stay undone (and are not made again on the next change).
    return { ...r, template: [...undone].reduce(unbindRule, r.template) };
  }, [applied, learned, undone]);

  async function create() {
    if (!recognised || !source) return;
    setError(null);
    if (!start || !end || start > end) return setError(t('badPeriod'));
    setCreating(true);
    try {
      const filling = await createMonitoring(props.repo, {
        template: recognised.template,
        ...(source.workbook ? { workbook: source.workbook } : {}),
        title: title.trim() || recognised.template.title,
        period: { start, end },
        deadline: deadline || null,
        actor: props.repo.actor,
        now: new Date().toISOString(),
      });
      props.onCreated(filling.id);
    } catch (e) {
      setError(t('notCreated', { message: errorMessage(e) }));
      setCreating(false);
    }
  }

  return (
    <section className="mon-new stack" aria-label={t('newMonitoring')}>
      <div className="row">
        <h2 className="grow">{t('newMonitoring')}</h2>
        <button type="button" className="link" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
      {!source && (
        <>
          <div
            className={`mon-drop ${dragging ? 'dragging' : ''}`}
            data-testid="monitoring-drop"
            onDragEnter={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              const f = e.dataTransfer.files[0];
              if (f) void readFile(f);
            }}
          >
            <strong>{t('dropFile')}</strong>
            <span className="muted small">{t('dropFrom')}</span>
            <label className="button primary">
              {t('chooseFile')}
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="visually-hidden"
                aria-label={t('formFile')}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void readFile(f);
                  e.target.value = '';
                }}
              />
            </label>
            {reading && <span className="muted">{t('readingForm')}</span>}
          </div>
          <div className="stack">
            <span className="muted small">{t('orBuiltin')}</span>
            {builtin.map((tpl) => (
              <button
                key={tpl.id}
                type="button"
                className="mon-builtin"
                onClick={() =>
                  choose({ template: tpl, proposals: [], warnings: [], workbook: null })
                }
              >
                {tpl.title}
              </button>
            ))}
          </div>
        </>
      )}
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      {source && applied && recognised && (
        <>
          <p className="small">
            {source.workbook ? (
              <>
                {t('fileAndSheet', {
                  file: source.workbook.fileName,
                  sheet: applied.template.source.sheetName,
                })}{' '}
                <button type="button" className="link" onClick={() => setSource(null)}>
                  {t('chooseAnotherFile')}
                </button>
              </>
            ) : (
              <>
                {t('builtinForm')}{' '}
                <button type="button" className="link" onClick={() => setSource(null)}>
                  {t('chooseAnotherForm')}
                </button>
              </>
            )}
          </p>
          {recognised.known && source.workbook && (
            <div className="notice ok small" role="status">
              {t('formRecognised', { title: recognised.known.title })}
            </div>
          )}
          <Structure template={applied.template} />
          <TemplateReview
            template={recognised.template}
            onCorrect={(c) => setCorrections((list) => [...list, c])}
            onUndoBinding={(id) => setUndone((s) => new Set(s).add(id))}
          />
          {recognised.warnings.length > 0 && (
            <section className="notice warn stack small" aria-label={t('bindingWarnings')}>
              <ul>
                {recognised.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          {source.warnings.length > 0 && (
            <section className="notice warn stack small" aria-label={t('warnings')}>
              <strong>{t('warningsTitle')}</strong>
              <ul>
                {source.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          {source.proposals.length > 0 && (
            <section className="card stack" aria-label={t('proposals')}>
              <strong>{t('proposals')}</strong>
              {source.proposals.map((p) => (
                <label key={p.id} className="mon-proposal small" data-testid="proposal">
                  <input
                    type="checkbox"
                    checked={accepted.has(p.id)}
                    onChange={(e) => {
                      const next = new Set(accepted);
                      if (e.target.checked) next.add(p.id);
                      else next.delete(p.id);
                      setAccepted(next);
                    }}
                  />
                  <span>
                    <b>
                      {p.kind === 'merge-duplicate-section' ? t('mergeSection') : t('splitRow')}
                    </b>
                    <br />
                    {p.message}
                  </span>
                </label>
              ))}
              {applied.error && <span className="field-error">{applied.error}</span>}
            </section>
          )}
          <div className="mon-form-grid">
            <div className="field wide">
              <label htmlFor="mon-title">{t('title')}</label>
              <input id="mon-title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="mon-start">{t('periodFrom')}</label>
              <DateInput
                id="mon-start"

                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="mon-end">{t('periodTo')}</label>
              <DateInput
                id="mon-end"

                value={end}
                onChange={(e) => setEnd(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="mon-deadline">{t('deadline')}</label>
              <DateInput
                id="mon-deadline"

                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </div>
          </div>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={creating || !!applied.error}
              onClick={() => void create()}
            >
              {creating ? t('creating') : t('create')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Structure({ template }: { template: Template }) {
  const answerable = template.indicators.filter((i) => ANSWERABLE.has(i.kind));
  const na = template.indicators.reduce((n, i) => n + i.notApplicable.length, 0);
  const groups = template.indicators.filter((i) => i.kind === 'group').length;
  return (
    <section className="card stack" aria-label={t('structure')} data-testid="structure">
      <strong>
        {t('structureFound', template.sections.length, answerable.length)}
        {groups ? t('structureGroups', groups) : ''}
        {na ? t('structureNotApplicable', na) : ''}
      </strong>
      <ol className="mon-structure small">
        {template.sections.map((s) => {
          const inside = answerable.filter((i) => i.section === s.id);
          const counts = {
            presence: inside.filter((i) => i.kind === 'presence').length,
            count: inside.filter((i) => i.kind === 'count' || i.kind === 'number').length,
            text: inside.filter((i) => i.kind === 'text').length,
          };
          return (
            <li key={s.id}>
              {s.title}
              {s.row ? <span className="muted">{t('sheetRow', { row: s.row })}</span> : null}
              <div className="muted">
                {t('sectionKinds', inside.length, counts.presence, counts.count)}
                {counts.text ? t('sectionTexts', { count: counts.text }) : ''}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
