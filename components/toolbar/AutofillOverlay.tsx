// The in-page review list: field → indicator → value, with confidence; untick or change any pair,
// then fill; one click undoes. Rendered inside a closed shadow root so the page's CSS and
// scripts cannot reach it.
import { useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { AutofillSession } from './autofill-session.ts';
import { t } from './messages.ts';

/** The kind of a form control, in the interface language (called at render time). */
function controlLabels(): Record<string, string> {
  return {
    text: t('controlText'),
    textarea: t('controlText'),
    number: t('controlNumber'),
    date: t('controlDate'),
    radio: t('controlRadio'),
    checkbox: t('controlCheckbox'),
    select: t('controlSelect'),
  };
}

export function AutofillOverlay({ session }: { session: AutofillSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  if (state.phase === 'closed') return null;
  const ticked = state.rows.filter((r) => r.checked && r.indicatorId).length;
  const controls = controlLabels();
  return (
    <section className="panel" role="dialog" aria-label={t('dialog')}>
      <header>
        <strong>{t('heading')}</strong>
        <button
          type="button"
          data-action="close"
          aria-label={t('close')}
          onClick={() => session.close()}
        >
          ×
        </button>
      </header>
      {state.title && <p className="muted">{t('source', { title: state.title })}</p>}
      {state.notices.map((n) => (
        <p key={n} className="notice" data-role="notice">
          {n}
        </p>
      ))}
      {state.rows.length > 0 && (
        <ol className="rows">
          {state.rows.map((row) => (
            <li key={row.fieldKey} data-field={row.fieldKey}>
              <label className="pick">
                <input
                  type="checkbox"
                  checked={row.checked}
                  disabled={!row.indicatorId || state.phase === 'filled'}
                  onChange={(e) => session.setRow(row.fieldKey, { checked: e.target.checked })}
                />
                <span className="field">
                  {row.fieldLabel}
                  <small>
                    {' '}
                    ({controls[row.control] ?? row.control}
                    {row.frame ? `, ${row.frame}` : ''})
                  </small>
                </span>
              </label>
              <select
                aria-label={t('indicator')}
                value={row.indicatorId ?? ''}
                disabled={state.phase === 'filled'}
                onChange={(e) =>
                  session.setRow(row.fieldKey, { indicatorId: e.target.value || null })
                }
              >
                <option value="">{t('doNotFill')}</option>
                {state.indicators.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label.slice(0, 90)}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('value')}
                value={row.value}
                disabled={!row.indicatorId || state.phase === 'filled'}
                onChange={(e) => session.setRow(row.fieldKey, { value: e.target.value })}
              />
              <span className="confidence" title={t('confidence')}>
                {row.indicatorId
                  ? row.remembered
                    ? t('remembered')
                    : `${Math.round(row.confidence * 100)}%`
                  : ''}
              </span>
              {(row.reason || (row.personal && !row.indicatorId)) && (
                <small className="reason" data-role="reason">
                  {row.reason ? `${t('unsure')}: ${row.reason}` : row.indicatorLabel}
                </small>
              )}
            </li>
          ))}
        </ol>
      )}
      {state.phase === 'filled' && (
        <p className="ok" data-role="summary">
          {t('filled', { count: state.filled })}
        </p>
      )}
      {state.phase === 'undone' && state.problems.length === 0 && (
        <p className="ok" data-role="summary">
          {t('undone')}
        </p>
      )}
      {state.problems.length > 0 && (
        <div className="problems" data-role="problems">
          <p>{state.phase === 'undone' ? t('notRestored') : t('notFilled')}</p>
          <ul>
            {state.problems.map((p) => (
              <li key={p.fieldKey}>{t('problem', { label: p.label, reason: p.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      <footer>
        {state.phase !== 'filled' && state.rows.length > 0 && (
          <button
            type="button"
            data-action="fill"
            className="primary"
            disabled={ticked === 0 || state.phase === 'filling'}
            onClick={() => void session.fill()}
          >
            {t('fill', { count: ticked })}
          </button>
        )}
        {state.phase === 'filled' && (
          <button type="button" data-action="continue" onClick={() => session.continueOnPage()}>
            {t('continueOnPage')}
          </button>
        )}
        {state.phase === 'filled' && (
          <button type="button" data-action="undo" onClick={() => void session.undo()}>
            {t('undo')}
          </button>
        )}
      </footer>
    </section>
  );
}

const STYLE = `
:host { all: initial; }
.panel { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 440px; max-height: 80vh;
  display: flex; flex-direction: column; overflow: hidden; background: #fff; color: #1d2433; border: 1px solid #c9d1e0; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18); font: 13px/1.4 system-ui, sans-serif; padding: 10px 12px; }
header { display: flex; justify-content: space-between; align-items: center; }
header button { border: 0; background: none; font-size: 18px; cursor: pointer; }
.muted { color: #5b6578; margin: 4px 0; }
.notice { background: #fff6e0; padding: 6px 8px; border-radius: 6px; }
.rows { list-style: none; padding: 0; margin: 8px 0; overflow-y: auto; flex: 1 1 auto; min-height: 0; }
.rows li { display: grid; grid-template-columns: 1fr 1fr 70px 60px; gap: 4px; align-items: center;
  border-top: 1px solid #eef1f6; padding: 4px 0; }
.reason { grid-column: 1 / -1; color: #8a5a00; }
.pick { display: flex; gap: 4px; align-items: flex-start; }
.field small { color: #5b6578; }
select, input { font: inherit; min-width: 0; }
.confidence { color: #5b6578; text-align: right; }
.problems { background: #fdecec; padding: 6px 8px; border-radius: 6px; }
.ok { background: #e8f6ec; padding: 6px 8px; border-radius: 6px; }
footer { display: flex; gap: 8px; justify-content: flex-end; flex: 0 0 auto; padding-top: 8px;
  border-top: 1px solid #eef1f6; background: #fff; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2456c9; outline-offset: 1px; }
footer button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #9aa6bd; background: #f4f6fa; cursor: pointer; }
footer .primary { background: #2456c9; color: #fff; border-color: #2456c9; }
`;

export interface MountedOverlay {
  /** Where a button is on screen (for a real click in end-to-end tests). */
  buttonCenter(action: string): { x: number; y: number } | null;
  text(): string;
  unmount(): void;
}

export function mountOverlay(doc: Document, session: AutofillSession): MountedOverlay {
  const host = doc.createElement('svodka-autofill');
  doc.documentElement.appendChild(host);
  // Closed: the page can neither style nor script the overlay.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const container = doc.createElement('div');
  shadow.append(style, container);
  const root: Root = createRoot(container);
  root.render(<AutofillOverlay session={session} />);
  return {
    buttonCenter(action) {
      const el = shadow.querySelector(`[data-action="${action}"]`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    text: () => container.textContent ?? '',
    unmount() {
      root.unmount();
      host.remove();
    },
  };
}
