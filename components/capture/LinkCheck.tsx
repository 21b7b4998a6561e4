// «Проверить сохранённые страницы»: asks for access to just the saved pages' sites (on this
// click: the browser shows its own prompt), fetches each page and compares its text's hash.
import { useMemo, useState } from 'react';
import {
  checkPages,
  checkTargets,
  originPatterns,
  summarize,
  type CheckResult,
} from '../../lib/capture/index.ts';
import type { Evidence } from '../../lib/model/index.ts';
import { fetchPage, textOfHtml } from './capture.ts';
import { t } from './messages.ts';

export interface PermissionsApi {
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
}

export function LinkCheck(props: { api: PermissionsApi; evidence: readonly Evidence[] }) {
  const targets = useMemo(() => checkTargets(props.evidence), [props.evidence]);
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function run() {
    setMessage(null);
    if (targets.length === 0) return setMessage(t('noSavedPages'));
    // Requested first, synchronously in the click: later the user gesture would be gone.
    const asked = props.api.permissions.request({ origins: originPatterns(targets) });
    setBusy(true);
    asked
      .then(async (granted) => {
        if (!granted) {
          setMessage(t('noSiteAccess'));
          return;
        }
        setResults(await checkPages(targets, { fetchPage, textOf: textOfHtml }));
      })
      .catch((e: unknown) =>
        setMessage(t('checkFailed', { message: e instanceof Error ? e.message : String(e) })),
      )
      .finally(() => setBusy(false));
  }

  return (
    <section className="link-check stack" aria-label={t('checkLabel')}>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? t('checking') : t('checkPages')}
      </button>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      {results && (
        <div className="stack" data-testid="link-check-results">
          <p className="small" role="status">
            {summarize(results)}
          </p>
          <ul className="link-check-list">
            {results.map((r) => (
              <li key={r.evidenceId} className={`verdict-${r.verdict}`}>
                <span className="grow" title={r.url}>
                  {r.title}
                </span>
                <span className="verdict">{r.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
