// The whole capture: read the page (or take what the context menu handed over), propose, let the
// user correct, save, confirm. Shared by the popup and the capture page.
import { useEffect, useState } from 'react';
import { captureDraft, type CaptureDraft, type PendingCapture } from '../../lib/capture/index.ts';
import type { Evidence } from '../../lib/model/index.ts';
import { CaptureForm, type ActivityOption } from './CaptureForm.tsx';
import { captureTab, saveCapture, type CaptureApi, type CaptureStore } from './capture.ts';
import { t } from './messages.ts';

type State =
  | { step: 'reading' }
  | {
      step: 'form';
      initial: CaptureDraft;
      recognised: string | null;
      contentHash: string | null;
      png: Uint8Array | null;
      problem: string | null;
      capturedAt: Date;
    }
  | { step: 'saved'; evidence: Evidence; activity: ActivityOption | null }
  | { step: 'failed'; message: string };

export interface CaptureViewProps {
  api: CaptureApi;
  /** The tab to read; null when only the context menu's data is available. */
  tab: { id: number; windowId: number | null } | null;
  /** From the context menu: a link to save, or a selection on a page. */
  pending: PendingCapture | null;
  store: CaptureStore;
  activities: readonly ActivityOption[];
  onOpenEvidence(evidenceId: string): void;
  onClose(): void;
}

function fromPending(pending: PendingCapture): {
  url: string;
  title: string;
  selection: string;
  text: string;
} {
  const url = pending.linkUrl ?? pending.pageUrl;
  const title = pending.linkUrl
    ? pending.selection || decodeURIComponent(new URL(url).pathname.split('/').pop() || url)
    : pending.pageTitle;
  return { url, title, selection: pending.selection, text: pending.selection };
}

export function CaptureView(props: CaptureViewProps) {
  const [state, setState] = useState<State>({ step: 'reading' });
  const { api, tab, pending } = props;

  useEffect(() => {
    let cancelled = false;
    const capturedAt = new Date();
    (async (): Promise<State> => {
      // A right-clicked link is saved by its address: its text is not on this page.
      if (pending?.linkUrl || !tab) {
        if (!pending) return { step: 'failed', message: t('noTab') };
        const { draft, recognised } = captureDraft(fromPending(pending));
        return {
          step: 'form',
          initial: draft,
          recognised,
          contentHash: null,
          png: null,
          problem: null,
          capturedAt,
        };
      }
      try {
        const captured = await captureTab(api, tab);
        const page =
          pending?.selection && !captured.page.selection
            ? { ...captured.page, selection: pending.selection }
            : captured.page;
        const { draft, recognised } = captureDraft(page);
        return {
          step: 'form',
          initial: draft,
          recognised,
          contentHash: captured.contentHash,
          png: captured.png,
          problem: captured.screenshotProblem,
          capturedAt,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!pending) return { step: 'failed', message };
        // The page could not be read again (closed, navigated): keep what the menu gave.
        const { draft, recognised } = captureDraft(fromPending(pending));
        return {
          step: 'form',
          initial: draft,
          recognised,
          contentHash: null,
          png: null,
          problem: message,
          capturedAt,
        };
      }
    })().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [api, tab, pending]);

  if (state.step === 'reading') return <p className="muted">{t('reading')}</p>;
  if (state.step === 'failed')
    return (
      <div className="stack">
        <div className="notice error" role="alert">
          {state.message}
        </div>
        <div className="row">
          <button type="button" onClick={props.onClose}>
            {t('back')}
          </button>
        </div>
      </div>
    );
  if (state.step === 'saved')
    return (
      <div className="stack" data-testid="capture-saved">
        <div className="notice ok" role="status">
          {t('saved', state.evidence.title, state.activity ? state.activity.title : null)}
        </div>
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() => props.onOpenEvidence(state.evidence.id)}
          >
            {t('openInRegister')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('done')}
          </button>
        </div>
      </div>
    );
  const form = state;
  return (
    <CaptureForm
      initial={form.initial}
      recognised={form.recognised}
      screenshot={form.png ? { bytes: form.png } : null}
      screenshotProblem={form.problem}
      activities={props.activities}
      onCancel={props.onClose}
      onSave={async (draft, { activityId, withScreenshot }) => {
        const evidence = await saveCapture(props.store, draft, {
          capturedAt: form.capturedAt,
          contentHash: form.contentHash,
          png: withScreenshot ? form.png : null,
          activityId,
        });
        setState({
          step: 'saved',
          evidence,
          activity: props.activities.find((a) => a.id === activityId) ?? null,
        });
      }}
    />
  );
}
