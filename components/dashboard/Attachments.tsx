// Files attached to an evidence record: stored once by content hash, downloadable from here.
import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../lib/model/index.ts';
import { formatSize } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { t } from './register-messages.ts';

export function AttachmentLink({ file }: { file: AttachmentRef }) {
  const { store } = useDashboard();
  const [url, setUrl] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    store.getAttachment(file.hash).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) return setMissing(true);
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => !cancelled && setMissing(true),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [store, file.hash]);
  return (
    <span className="attachment row">
      {url ? (
        <a href={url} download={file.name}>
          {file.name}
        </a>
      ) : (
        <span>{file.name}</span>
      )}
      <span className="muted small">{formatSize(file.size)}</span>
      {missing && <span className="field-error">{t('fileMissing')}</span>}
    </span>
  );
}
