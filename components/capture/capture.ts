// The browser side of a capture: read the tab (activeTab + scripting on the user's click),
// take a screenshot of its visible part, and save the evidence record with one repository call.
import {
  PAGE_TEXT_LIMIT,
  evidenceInput,
  pageTextHash,
  parsePageSnapshot,
  pngFromDataUrl,
  screenshotName,
  type CaptureDraft,
  type FetchedPage,
  type PageSnapshot,
} from '../../lib/capture/index.ts';
import type { Evidence } from '../../lib/model/index.ts';
import type { AttachmentRef } from '../../lib/model/records.ts';
import { readPage } from './read-page.ts';
import { t } from './messages.ts';

/** The part of the extension API a capture uses (pass `browser` from wxt/browser). */
export interface CaptureApi {
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      func: (...args: never[]) => unknown;
      args?: unknown[];
    }): Promise<{ result?: unknown }[]>;
  };
  tabs: {
    captureVisibleTab(windowId: number, options: { format: 'png' }): Promise<string>;
  };
}

export interface CapturedPage {
  page: PageSnapshot;
  contentHash: string;
  /** PNG of the visible part, or null with the reason in `screenshotProblem`. */
  png: Uint8Array | null;
  screenshotProblem: string | null;
}

export class CaptureError extends Error {}

export async function captureTab(
  api: CaptureApi,
  tab: { id: number; windowId: number | null },
): Promise<CapturedPage> {
  let raw: unknown;
  try {
    const [first] = await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: readPage as unknown as (...args: never[]) => unknown,
      args: [PAGE_TEXT_LIMIT],
    });
    raw = first?.result;
  } catch (error) {
    throw new CaptureError(
      t('cannotSave', { message: error instanceof Error ? error.message : String(error) }),
    );
  }
  const page = parsePageSnapshot(raw);
  if (!page) throw new CaptureError(t('notWebPage'));
  const contentHash = await pageTextHash(page.text);
  let png: Uint8Array | null = null;
  let screenshotProblem: string | null = null;
  if (tab.windowId === null) screenshotProblem = t('noWindow');
  else
    try {
      png = pngFromDataUrl(await api.tabs.captureVisibleTab(tab.windowId, { format: 'png' }));
      if (!png) screenshotProblem = t('notPng');
    } catch (error) {
      screenshotProblem = t('noScreenshot', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  return { page, contentHash, png, screenshotProblem };
}

/** What saving needs from the store (lib/store, loaded on demand by the page). */
export interface CaptureStore {
  putAttachmentBytes(bytes: Uint8Array, name: string, type: string): Promise<AttachmentRef>;
  repo: {
    createEvidence(input: Partial<Evidence>): Evidence;
    link(activityId: string, evidenceId: string): unknown;
  };
}

export async function saveCapture(
  store: CaptureStore,
  draft: CaptureDraft,
  facts: {
    capturedAt: Date;
    contentHash: string | null;
    png: Uint8Array | null;
    activityId: string | null;
  },
): Promise<Evidence> {
  const attachments: AttachmentRef[] = [];
  if (facts.png)
    attachments.push(
      await store.putAttachmentBytes(facts.png, screenshotName(facts.capturedAt), 'image/png'),
    );
  const input = evidenceInput(draft, {
    capturedAt: facts.capturedAt,
    contentHash: facts.contentHash,
    attachments,
  });
  const evidence = store.repo.createEvidence(input);
  if (facts.activityId) store.repo.link(facts.activityId, evidence.id);
  return evidence;
}

/** For the saved-pages check: the page as the server gives it now, without cookies. */
export async function fetchPage(url: string): Promise<FetchedPage> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  return { status: response.status, body: response.ok ? await response.text() : '' };
}

export function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return readPage(PAGE_TEXT_LIMIT, doc).text;
}
