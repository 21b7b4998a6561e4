// «Резервная копия»: the whole workspace (records, history, attached files) to one file and back.
import { useState, type ChangeEvent } from 'react';
import { errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { t } from './records-messages.ts';

export function BackupTab() {
  const { store, workspaceId, reload, repo } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);

  async function exportNow() {
    setBusy(true);
    setMessage(null);
    try {
      const { bytes, fileName: name } = await store.exportBackupBytes(workspaceId, repo);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
      if (download) URL.revokeObjectURL(download.url);
      const url = URL.createObjectURL(blob);
      setDownload({ url, name });
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setMessage({ kind: 'ok', text: t('backupSaved') });
    } catch (e) {
      setMessage({ kind: 'error', text: t('backupFailed', { message: errorMessage(e) }) });
    } finally {
      setBusy(false);
    }
  }

  async function restore(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await store.restoreBackupFile(file);
      await store.setActiveWorkspaceId(result.workspaceId);
      setMessage({ kind: 'ok', text: t('restoredFrom', { name: file.name }) });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack backup" aria-label={t('backup')}>
      <div className="card stack">
        <h2>{t('saveBackup')}</h2>
        <p className="muted">{t('backupIntro')}</p>
        <div className="row">
          <button type="button" className="primary" onClick={exportNow} disabled={busy}>
            {t('saveBackupToFile')}
          </button>
          {download && (
            <a href={download.url} download={download.name} className="small">
              {download.name}
            </a>
          )}
        </div>
      </div>
      <div className="card stack">
        <h2>{t('restoreFromBackup')}</h2>
        <p className="muted">{t('restoreIntro')}</p>
        <div className="row">
          <label className="button file-button">
            {t('chooseBackupFile')}
            <input
              type="file"
              className="visually-hidden"
              aria-label={t('backupFile')}
              accept=".svodka,.zip,application/zip"
              onChange={restore}
              disabled={busy}
            />
          </label>
        </div>
      </div>
      {busy && <p className="muted">{t('wait')}</p>}
      {message && (
        <div
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      )}
    </section>
  );
}
