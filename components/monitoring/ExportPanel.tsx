// «Экспорт»: the pre-export check (what is empty, unproven, disagreeing), then the authority's
// own workbook with the answers written in, downloaded under its customary name. Nothing in
// the filling changes, whether the export succeeds or not.
import { useEffect, useMemo, useState } from 'react';
import type { AutoResult } from '../../lib/checklist/auto.ts';
import type { Filling, Template } from '../../lib/checklist/schema.ts';
import { preExportCheck, type PreExportIssueKind } from '../../lib/export/pre-export-check.ts';
import { downloadBytes, exportFilling, XLSX_TYPE } from '../../lib/monitoring-actions.ts';
import { toIsoDate } from '../../lib/ru/date.ts';
import { getAttachmentBytes, putAttachmentBytes } from '../../lib/store/attachments.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { sha256Hex } from '../../lib/files/hash.ts';
import { errorMessage } from '../common/format.ts';
import { t } from './messages.ts';

// Kinds of issues with their captions' message keys (translated at render).
const GROUPS = [
  ['empty', 'issuesEmpty'],
  ['no-evidence', 'issuesNoEvidence'],
  ['disagrees', 'issuesDisagrees'],
] as const satisfies readonly (readonly [PreExportIssueKind, string])[];

export function ExportPanel(props: {
  repo: Repository;
  snapshot: Snapshot;
  template: Template;
  filling: Filling;
  results: AutoResult[] | null;
  onClose(): void;
}) {
  const { template, filling, results } = props;
  const issues = useMemo(
    () => preExportCheck(template, filling, results ?? undefined),
    [template, filling, results],
  );
  const [sourcesSheet, setSourcesSheet] = useState(true);
  const [formulas, setFormulas] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [hasWorkbook, setHasWorkbook] = useState<boolean | null>(null);
  const builtin = template.id.startsWith('builtin-');

  useEffect(() => {
    let live = true;
    void getAttachmentBytes(template.source.workbookHash).then((b) => live && setHasWorkbook(!!b));
    return () => {
      live = false;
    };
  }, [template.source.workbookHash]);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const out = await exportFilling(props.repo, filling.id, {
        sourcesSheet,
        aggregatesAsFormulas: formulas,
        today: toIsoDate(new Date()),
        ...(results ? { results } : {}),
      });
      await downloadBytes(out.fileName, out.bytes, XLSX_TYPE);
      setMessage({
        ok: true,
        text: t(out.kind === 'form' ? 'savedForm' : 'savedOwn', { file: out.fileName }),
      });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  async function attach(file: File) {
    setMessage(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if ((await sha256Hex(bytes)) !== template.source.workbookHash)
        throw new Error(t('wrongWorkbook', { file: file.name }));
      await putAttachmentBytes(bytes, file.name, XLSX_TYPE);
      setHasWorkbook(true);
      setMessage({ ok: true, text: t('workbookAttached', { file: file.name }) });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }

  return (
    <section className="card stack mon-export" aria-label={t('exportLabel')}>
      <div className="row">
        <h3 className="grow">{t('export')}</h3>
        <button type="button" className="link small" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      {issues.length === 0 ? (
        <p className="notice ok small">{t('allFilled')}</p>
      ) : (
        <div className="stack" data-testid="export-issues">
          <p className="small">{t('checkBeforeSending')}</p>
          {GROUPS.map(([kind, label]) => {
            const list = issues.filter((i) => i.kind === kind);
            if (!list.length) return null;
            return (
              <details key={kind} className="small">
                <summary>
                  {t(label)}: {list.length}
                </summary>
                <ul>
                  {list.map((i) => (
                    <li key={i.indicatorId + kind}>{i.message}</li>
                  ))}
                </ul>
              </details>
            );
          })}
        </div>
      )}
      {builtin && hasWorkbook === false && (
        <div className="notice small stack">
          <span>{t('noWorkbook')}</span>
          <input
            type="file"
            accept=".xlsx"
            aria-label={t('workbookForExport')}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void attach(f);
              e.target.value = '';
            }}
          />
        </div>
      )}
      <label className="row small">
        <input
          type="checkbox"
          checked={sourcesSheet}
          onChange={(e) => setSourcesSheet(e.target.checked)}
        />
        {t('sourcesSheet')}
      </label>
      <label className="row small">
        <input type="checkbox" checked={formulas} onChange={(e) => setFormulas(e.target.checked)} />
        {t('formulas')}
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
          {busy ? t('preparing') : issues.length ? t('downloadAnyway') : t('download')}
        </button>
      </div>
      {message && (
        <div
          className={`notice small ${message.ok ? 'ok' : 'error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </div>
      )}
    </section>
  );
}
