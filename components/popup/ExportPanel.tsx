// «Экспорт» from the popup: the pre-export check first (what is empty, what nothing backs), then
// the authority's own workbook with the answers written in. exceljs loads only on «Выгрузить».
import { useEffect, useState } from 'react';
import type { Evidence } from '../../lib/model/index.ts';
import type { PreExportIssue } from '../../lib/export/pre-export-check.ts';
import type { ActiveFilling } from './filling.ts';
import { t } from './messages.ts';

export function ExportPanel(props: {
  active: ActiveFilling;
  evidence: readonly Evidence[];
  organisation: string;
  today: string;
  readBytes(hash: string): Promise<Uint8Array | null>;
  onClose(): void;
}) {
  const { active } = props;
  const [issues, setIssues] = useState<PreExportIssue[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void import('../../lib/export/pre-export-check.ts').then(({ preExportCheck }) => {
      if (!cancelled) setIssues(preExportCheck(active.template, active.filling));
    });
    return () => {
      cancelled = true;
    };
  }, [active]);

  async function download() {
    setBusy(true);
    setMessage(null);
    try {
      const [{ fillWorkbook }, { exportFileName }] = await Promise.all([
        import('../../lib/export/fill-workbook.ts'),
        import('../../lib/export/file-name.ts'),
      ]);
      const source = await props.readBytes(active.template.source.workbookHash);
      const bytes = await fillWorkbook(
        source ?? new Uint8Array(),
        active.template,
        active.filling,
        undefined,
        {
          sourcesSheet: true,
          aggregatesAsFormulas: false,
          organisation: props.organisation,
          evidenceById: new Map(props.evidence.map((e) => [e.id, e])),
        },
      );
      const name = exportFileName(active.filling.title, props.organisation, props.today);
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ ok: true, text: t('exported', { name }) });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const empty = issues?.filter((i) => i.kind === 'empty').length ?? 0;
  const unproven = issues?.filter((i) => i.kind === 'no-evidence').length ?? 0;
  const disagree = issues?.filter((i) => i.kind === 'disagrees').length ?? 0;
  return (
    <section className="stack" aria-label={t('exportLabel')}>
      <h2>{t('exportTitle', { title: active.filling.title })}</h2>
      {issues === null ? (
        <p className="muted">{t('checkingForm')}</p>
      ) : issues.length === 0 ? (
        <p className="notice ok">{t('allFilled')}</p>
      ) : (
        <div className="notice warn small" data-testid="export-issues">
          <ul className="plain">
            {empty > 0 && <li>{t('issueEmpty', { count: empty })}</li>}
            {unproven > 0 && <li>{t('issueUnproven', { count: unproven })}</li>}
            {disagree > 0 && <li>{t('issueDisagree', { count: disagree })}</li>}
          </ul>
          {t('exportAnyway')}
        </div>
      )}
      {message && (
        <div
          className={`notice ${message.ok ? 'ok' : 'error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={download}
          disabled={busy || issues === null}
        >
          {busy ? t('preparingFile') : t('download')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
