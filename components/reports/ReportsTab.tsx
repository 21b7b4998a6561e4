// The dashboard's «Отчёты»: the report on execution (seed 000's layout), the roadmap (seed 002)
// and the analytical note (seed 003's style) drafted from the register, edited here and
// exported as .docx. The export library (exceljs, docx) loads only when a report is asked for.
import { DateInput } from '../common/DateInput.tsx';
import { useMemo, useState } from 'react';
import type { AnalysisDraft } from '../../lib/export/analysis.ts';
import type { RegisterData, ReportFilters } from '../../lib/export/register.ts';
import { exportFileName } from '../../lib/export/file-name.ts';
import { downloadBytes, XLSX_TYPE } from '../../lib/monitoring-actions.ts';
import { STATUS_LABELS, statusLabel, type ActivityStatus } from '../../lib/model/index.ts';
import { schoolYearBounds } from '../../lib/periods/calendar.ts';
import { toIsoDate } from '../../lib/ru/date.ts';
import type { Snapshot } from '../../lib/store/repository.ts';
import { useDashboard } from '../dashboard/context.ts';
import { errorMessage } from '../common/format.ts';
import { textToDraft } from './text-draft.ts';
import { t } from './messages.ts';
import '../monitoring/monitoring.css';
import './reports.css';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const STATUSES = Object.keys(STATUS_LABELS) as ActivityStatus[];

type Message = { ok: boolean; text: string } | null;

function dataOf(snapshot: Snapshot): RegisterData {
  return {
    workspace: snapshot.workspace,
    activities: snapshot.activities,
    evidence: snapshot.evidence,
    links: snapshot.links,
    people: snapshot.people,
    organisations: snapshot.organisations,
  };
}

export function ReportsTab() {
  const { snapshot } = useDashboard();
  return <Reports snapshot={snapshot} />;
}

export function Reports({ snapshot }: { snapshot: Snapshot }) {
  const ws = snapshot.workspace;
  const year = useMemo(() => {
    try {
      return schoolYearBounds(ws.schoolYear);
    } catch {
      return { start: '', end: '' };
    }
  }, [ws.schoolYear]);
  const directions = useMemo(() => {
    const all = [...ws.directions];
    for (const a of snapshot.activities)
      if (a.direction && !all.includes(a.direction)) all.push(a.direction);
    return all;
  }, [ws.directions, snapshot.activities]);
  const [from, setFrom] = useState(year.start);
  const [to, setTo] = useState(year.end);
  const [chosenDirections, setChosenDirections] = useState<Set<string>>(() => new Set(directions));
  const [statuses, setStatuses] = useState<Set<ActivityStatus>>(() => new Set(STATUSES));
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [draft, setDraft] = useState<{ text: string; directions: string[] } | null>(null);

  const filters = (): ReportFilters => {
    const f: ReportFilters = {};
    if (from && to) f.period = { from, to };
    if (chosenDirections.size < directions.length) f.directions = [...chosenDirections];
    if (statuses.size < STATUSES.length) f.statuses = [...statuses];
    return f;
  };
  const periodError = from && to && from > to ? t('periodError') : null;

  async function run(
    label: string,
    make: () => Promise<{ name: string; bytes: Uint8Array; type: string }>,
  ) {
    setBusy(label);
    setMessage(null);
    try {
      const out = await make();
      await downloadBytes(out.name, out.bytes, out.type);
      setMessage({ ok: true, text: t('saved', { name: out.name }) });
    } catch (e) {
      setMessage({ ok: false, text: t('exportFailed', { message: errorMessage(e) }) });
    } finally {
      setBusy(null);
    }
  }
  const today = toIsoDate(new Date());
  // The files are Russian documents for the education authority: their names stay Russian.
  const name = (title: string, ext = 'xlsx') => exportFileName(title, ws.name, today, ext);

  const execution = () =>
    run('execution', async () => {
      const { exportExecutionReport } = await import('../../lib/export/execution-report.ts');
      return {
        name: name('Отчёт о выполнении программы мероприятий'),
        bytes: await exportExecutionReport(dataOf(snapshot), filters()),
        type: XLSX_TYPE,
      };
    });
  const roadmap = () =>
    run('roadmap', async () => {
      const { exportRoadmap } = await import('../../lib/export/roadmap.ts');
      return {
        name: name('Дорожная карта'),
        bytes: await exportRoadmap(dataOf(snapshot), filters()),
        type: XLSX_TYPE,
      };
    });
  async function makeDraft() {
    setBusy('draft');
    setMessage(null);
    try {
      const { draftAnalysis, analysisToText } = await import('../../lib/export/analysis.ts');
      const d: AnalysisDraft = draftAnalysis(dataOf(snapshot), filters());
      setDraft({ text: analysisToText(d), directions: d.sections.map((s) => s.direction) });
    } catch (e) {
      setMessage({ ok: false, text: t('draftFailed', { message: errorMessage(e) }) });
    } finally {
      setBusy(null);
    }
  }
  const docx = () =>
    run('docx', async () => {
      const { exportAnalysisDocx } = await import('../../lib/export/analysis-docx.ts');
      return {
        name: name('Аналитическая справка', 'docx'),
        bytes: await exportAnalysisDocx(textToDraft(draft!.text, draft!.directions)),
        type: DOCX_TYPE,
      };
    });
  async function copy() {
    setMessage(null);
    try {
      await navigator.clipboard.writeText(draft!.text);
      setMessage({ ok: true, text: t('copied') });
    } catch (e) {
      setMessage({ ok: false, text: t('copyFailed', { message: errorMessage(e) }) });
    }
  }

  const toggle = <T,>(set: Set<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <section className="reports stack" aria-label={t('reports')}>
      <section className="card stack" aria-label={t('filters')}>
        <h2>{t('heading')}</h2>
        <div className="row reports-period">
          <div className="field">
            <label htmlFor="rep-from">{t('periodFrom')}</label>
            <DateInput
              id="rep-from"

              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="rep-to">{t('periodTo')}</label>
            <DateInput id="rep-to" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          {periodError && <span className="field-error">{periodError}</span>}
        </div>
        <fieldset className="reports-checks">
          <legend>{t('directions')}</legend>
          {directions.map((d) => (
            <label key={d} className="rep-check">
              <input
                type="checkbox"
                checked={chosenDirections.has(d)}
                onChange={(e) => setChosenDirections(toggle(chosenDirections, d, e.target.checked))}
              />
              {d}
            </label>
          ))}
        </fieldset>
        <fieldset className="reports-checks">
          <legend>{t('statuses')}</legend>
          {STATUSES.map((s) => (
            <label key={s} className="rep-check">
              <input
                type="checkbox"
                checked={statuses.has(s)}
                onChange={(e) => setStatuses(toggle(statuses, s, e.target.checked))}
              />
              {statusLabel(s)}
            </label>
          ))}
        </fieldset>
      </section>
      {message && (
        <div
          className={`notice ${message.ok ? 'ok' : 'error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </div>
      )}
      <div className="reports-grid">
        <section className="card stack" aria-label={t('execution')}>
          <h3>{t('execution')}</h3>
          <p className="muted small">{t('executionHint')}</p>
          <button
            type="button"
            className="primary"
            disabled={!!busy || !!periodError}
            onClick={() => void execution()}
          >
            {busy === 'execution' ? t('preparing') : t('exportXlsx')}
          </button>
        </section>
        <section className="card stack" aria-label={t('roadmap')}>
          <h3>{t('roadmap')}</h3>
          <p className="muted small">{t('roadmapHint')}</p>
          <button
            type="button"
            className="primary"
            disabled={!!busy || !!periodError}
            onClick={() => void roadmap()}
          >
            {busy === 'roadmap' ? t('preparing') : t('exportXlsx')}
          </button>
        </section>
        <section className="card stack" aria-label={t('analysis')}>
          <h3>{t('analysis')}</h3>
          <p className="muted small">{t('analysisHint')}</p>
          <button
            type="button"
            className="primary"
            disabled={!!busy || !!periodError}
            onClick={() => void makeDraft()}
          >
            {busy === 'draft' ? t('drafting') : draft ? t('redraft') : t('draft')}
          </button>
        </section>
      </div>
      {draft && (
        <section className="card stack" aria-label={t('draftLabel')}>
          <label htmlFor="rep-draft" className="reports-draft-label">
            {t('draftText')}
          </label>
          <textarea
            id="rep-draft"
            className="reports-draft"
            rows={18}
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          <div className="row">
            <button type="button" className="primary" disabled={!!busy} onClick={() => void docx()}>
              {busy === 'docx' ? t('preparing') : t('exportDocx')}
            </button>
            <button type="button" onClick={() => void copy()}>
              {t('copy')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
