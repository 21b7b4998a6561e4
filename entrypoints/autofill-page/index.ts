// Injected on the user's click only (chrome.scripting.executeScript from the popup); never
// declared as a content script. Installs one session per page; a second injection reuses it.
import { browser } from 'wxt/browser';
import { AutofillSession } from '../../components/toolbar/autofill-session.ts';
import { mountOverlay, type MountedOverlay } from '../../components/toolbar/AutofillOverlay.tsx';
import type { AutofillApi } from '../../components/toolbar/autofill-api.ts';

export default defineUnlistedScript(() => {
  if (window.__svodkaAutofill) return;
  let session: AutofillSession | null = null;
  let overlay: MountedOverlay | null = null;
  const api: AutofillApi = {
    start(payload) {
      overlay?.unmount();
      session = new AutofillSession(document, (message) => browser.runtime.sendMessage(message));
      const result = session.start(payload);
      overlay = mountOverlay(document, session);
      return result;
    },
    state: () => session?.state ?? null,
    setRow: (key, patch) => session?.setRow(key, patch),
    fill: async () => (session ? session.fill() : { filled: 0, problems: [] }),
    undo: async () => (session ? session.undo() : []),
    continueOnPage: () =>
      session
        ? session.continueOnPage()
        : { ok: false, message: '', fields: 0, proposed: 0, origin: '', formKey: '' },
    fieldAttribute: (name) => session?.fieldAttribute(name) ?? {},
    buttonCenter: (action) => overlay?.buttonCenter(action) ?? null,
    overlayText: () => overlay?.text() ?? '',
  };
  window.__svodkaAutofill = api;
});
