// Import of a roadmap or a report: drop a file (or paste a table), review what was read, untick
// what is not yours, import in one transaction, undo the whole import with one click.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Pipeline from './pipeline.ts';
import type { ColumnMapping, RawTable } from '../../lib/importers/types.ts';
import type { ImportPreview } from '../../lib/importers/preview.ts';
import type { ImportReceipt, Repository, Snapshot } from '../../lib/store/index.ts';
import { useSnapshot } from '../common/workspace.ts';
import { countOf, errorMessage } from '../common/format.ts';
import { PreviewView } from './PreviewView.tsx';
import { countsOf, summaryText, type PlanCounts } from './model.ts';
import { t } from './messages.ts';
import './import.css';

type PipelineModule = typeof Pipeline;

let pipeline: Promise<PipelineModule> | null = null;
/** One load per page; a failed load (an updated extension, say) is retried next time. */
function loadPipeline(): Promise<PipelineModule> {
  pipeline ??= import('./pipeline.ts').catch((error: unknown) => {
    pipeline = null;
    throw error;
  });
  return pipeline;
}

/** Lets the browser paint the progress bar between the stages of a long read. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** ImportError messages already say that nothing was changed; anything else must say it too. */
function failureMessage(error: unknown, what: string): string {
  if (error instanceof Error && error.name === 'ImportError') return error.message;
  return t('failure', { what, message: errorMessage(error) });
}

export interface Loaded {
  name: string;
  tables: RawTable[];
  mapping: Record<number, ColumnMapping>;
  preview: ImportPreview;
  /** Keys of rows the user unticked; new rows (after a mapping change) start ticked. */
  excluded: ReadonlySet<string>;
  mappingError: string | null;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; stage: string; progress: number }
  | ({ kind: 'preview' } & Loaded);

interface LastImport {
  name: string;
  receipt: ImportReceipt;
  counts: PlanCounts;
  undone: boolean;
}

/** The last import per workspace survives leaving the import page, so it can still be undone. */
const lastImports = new WeakMap<Repository, LastImport>();

export function ImportPanel(props: { repo: Repository; onDone?: () => void }) {
  const view = useSnapshot(props.repo);
  if (!view.ok)
    return (
      <div className="notice error" role="alert">
        {view.message}
      </div>
    );
  return <ImportScreen repo={props.repo} snapshot={view.snapshot} onDone={props.onDone} />;
}

function ImportScreen(props: {
  repo: Repository;
  snapshot: Snapshot;
  onDone?: (() => void) | undefined;
}) {
  const { repo, snapshot } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [last, setLastState] = useState<LastImport | null>(() => lastImports.get(repo) ?? null);
  const [engine, setEngine] = useState<PipelineModule | null>(null);
  // A newer file supersedes a read still in progress.
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const setLast = (next: LastImport | null) => {
    if (next) lastImports.set(repo, next);
    else lastImports.delete(repo);
    setLastState(next);
  };

  const context = useCallback(
    (mapping: Record<number, ColumnMapping>) => ({
      schoolYear: snapshot.workspace.schoolYear,
      quarters: snapshot.workspace.quarters,
      mapping,
    }),
    [snapshot.workspace.schoolYear, snapshot.workspace.quarters],
  );

  type Step = (stage: string, progress: number) => Promise<void>;

  async function read(
    name: string,
    getTables: (p: PipelineModule, step: Step) => Promise<RawTable[]>,
  ) {
    const mine = ++generation.current;
    const stale = () => generation.current !== mine;
    // Shows the stage, then yields so the bar paints before the next synchronous stretch.
    const step: Step = async (stage, progress) => {
      if (!stale()) setPhase({ kind: 'reading', name, stage, progress });
      await nextTask();
    };
    setError(null);
    try {
      await step(t('stagePreparing'), 5);
      const p = await loadPipeline();
      if (stale()) return;
      setEngine(p);
      const tables = await getTables(p, step);
      if (stale()) return;
      await step(t('stageRecognising'), 80);
      if (stale()) return;
      const preview = p.buildPreview(tables, context({}));
      await step(t('stagePreview'), 95);
      if (stale()) return;
      setPhase({
        kind: 'preview',
        name,
        tables,
        mapping: {},
        preview,
        excluded: new Set(),
        mappingError: null,
      });
    } catch (e) {
      if (stale()) return;
      setError({
        title: t('notImported', { name }),
        message: failureMessage(e, t('readFailed')),
      });
      setPhase({ kind: 'idle' });
    }
  }

  function readFile(file: File) {
    void read(file.name, async (p, step) => {
      // Refused before reading: a 2 GB file must not be loaded into memory to be measured.
      if (file.size > p.MAX_FILE_BYTES)
        throw p.refuse(
          t('tooLarge', {
            name: file.name,
            size: Math.round(file.size / 1024 / 1024),
            max: p.MAX_FILE_BYTES / 1024 / 1024,
          }),
        );
      await step(t('stageReadingDisk'), 15);
      const bytes = new Uint8Array(await file.arrayBuffer());
      await step(t('stageUnpacking'), 35);
      return p.readImportFile(bytes, file.name);
    });
  }

  function readPasted(text: string) {
    void read(t('pastedTable'), async (p, step) => {
      await step(t('stageReadingPasted'), 35);
      return p.readPastedTable(text);
    });
  }

  function remap(table: number, column: number, field: ColumnMapping[number]) {
    if (phase.kind !== 'preview' || !engine) return;
    const mapping = { ...phase.mapping, [table]: { ...phase.mapping[table], [column]: field } };
    try {
      const preview = engine.buildPreview(phase.tables, context(mapping));
      setPhase({ ...phase, mapping, preview, mappingError: null });
    } catch (e) {
      // Keep the last good preview: the user can set the column back.
      setPhase({
        ...phase,
        mapping,
        mappingError: failureMessage(e, t('rebuildFailed')),
      });
    }
  }

  const exclude = useCallback(
    (update: (excluded: ReadonlySet<string>) => ReadonlySet<string>) =>
      setPhase((p) => (p.kind === 'preview' ? { ...p, excluded: update(p.excluded) } : p)),
    [],
  );

  const preview = phase.kind === 'preview' ? phase : null;
  const plan = useMemo(() => {
    if (!preview || !engine) return null;
    const included = new Set(
      preview.preview.rows.filter((r) => !preview.excluded.has(r.key)).map((r) => r.key),
    );
    // The timestamp only matters when the plan is written; apply() plans again with the real one.
    return engine.planImport(preview.preview, included, snapshot, snapshot.workspace.createdAt, '');
  }, [preview, engine, snapshot]);

  function apply() {
    if (phase.kind !== 'preview' || !engine) return;
    const included = new Set(
      phase.preview.rows.filter((r) => !phase.excluded.has(r.key)).map((r) => r.key),
    );
    try {
      const fresh = engine.planImport(
        phase.preview,
        included,
        repo.snapshot(),
        new Date().toISOString(),
        repo.actor,
      );
      if (fresh.activities.length === 0) return;
      const receipt = repo.applyImport(fresh);
      setLast({ name: phase.name, receipt, counts: countsOf(fresh), undone: false });
      setError(null);
      setPhase({ kind: 'idle' });
    } catch (e) {
      setError({
        title: t('notImported', { name: phase.name }),
        message: failureMessage(e, t('writeFailed')),
      });
    }
  }

  function undo() {
    if (!last || last.undone) return;
    try {
      repo.undoImport(last.receipt);
      setLast({ ...last, undone: true });
      setError(null);
    } catch (e) {
      setError({
        title: t('undoFailed'),
        message: t('undoFailedMessage', { message: errorMessage(e) }),
      });
    }
  }

  return (
    <section className="stack import-panel" aria-label={t('importLabel')}>
      <div className="row">
        <h2>{t('heading')}</h2>
        <span className="spacer" />
        <span className="muted small">
          {t('inRegister', { count: countOf('activities', snapshot.activities.length) })}
        </span>
      </div>

      {last && (
        <div className={`notice ${last.undone ? 'undo' : 'ok'} row`} role="status">
          <span className="grow" data-testid="import-banner">
            {t(last.undone ? 'undoneBanner' : 'importedBanner', {
              summary: summaryText(last.counts),
            })}
            <span className="muted"> · {t('quoted', { name: last.name })}</span>
          </span>
          {!last.undone && (
            <button type="button" onClick={undo}>
              {t('undo')}
            </button>
          )}
          {!last.undone && props.onDone && (
            <button type="button" className="primary" onClick={props.onDone}>
              {t('openRegister')}
            </button>
          )}
          <button type="button" className="link" onClick={() => setLast(null)}>
            {t('hide')}
          </button>
        </div>
      )}

      {error && (
        <div className="notice error stack tight" role="alert" data-testid="import-error">
          <strong>{error.title}</strong>
          <span>{error.message}</span>
        </div>
      )}

      {phase.kind === 'idle' && <Sources onFile={readFile} onPaste={readPasted} />}

      {phase.kind === 'reading' && (
        <div className="card stack import-progress" role="status" aria-live="polite">
          <strong>{t('quoted', { name: phase.name })}</strong>
          <progress max={100} value={phase.progress} aria-label={t('readingFile')} />
          <span className="muted">{phase.stage}</span>
        </div>
      )}

      {phase.kind === 'preview' && plan && (
        <PreviewView
          loaded={phase}
          plan={plan}
          existingKeys={existingKeys(snapshot)}
          onRemap={remap}
          onExclude={exclude}
          onImport={apply}
          onCancel={() => {
            generation.current++;
            setPhase({ kind: 'idle' });
          }}
        />
      )}
    </section>
  );
}

const keysCache = new WeakMap<Snapshot, Set<string>>();
function existingKeys(snapshot: Snapshot): Set<string> {
  let keys = keysCache.get(snapshot);
  if (!keys) {
    keys = new Set(snapshot.activities.flatMap((a) => (a.source ? [a.source.importKey] : [])));
    keysCache.set(snapshot, keys);
  }
  return keys;
}

function Sources(props: { onFile: (file: File) => void; onPaste: (text: string) => void }) {
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const input = useRef<HTMLInputElement>(null);

  return (
    <div className="stack">
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) props.onFile(file);
        }}
      >
        <strong className="drop-title">{t('dropTitle')}</strong>
        <span className="muted">{t('dropHint')}</span>
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          {t('chooseFile')}
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          aria-label={t('fileLabel')}
          accept=".docx,.xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again reads it again.
            e.target.value = '';
            if (file) props.onFile(file);
          }}
        />
        <span className="muted small">{t('dropNote')}</span>
      </div>

      <div className="card stack paste-area">
        <label htmlFor="import-paste">
          <strong>{t('pasteTitle')}</strong> <span className="muted small">{t('pasteHint')}</span>
        </label>
        <textarea
          id="import-paste"
          rows={4}
          value={pasted}
          placeholder={t('pastePlaceholder')}
          onChange={(e) => setPasted(e.target.value)}
        />
        <div className="row">
          <button
            type="button"
            disabled={pasted.trim() === ''}
            onClick={() => props.onPaste(pasted)}
          >
            {t('parsePasted')}
          </button>
        </div>
      </div>
    </div>
  );
}
