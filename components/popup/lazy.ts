// Everything the popup needs only after first paint or on a click: the store (Yjs, search),
// the capture UI and autofill. Loaded with import() so the popup's own script stays small.
import * as store from '../../lib/store/index.ts';
import type { Repository, WorkspaceHandle } from '../../lib/store/index.ts';
import type { Evidence } from '../../lib/model/index.ts';
import { formPairingSchema } from '../../lib/autofill/types.ts';
import { locale } from '../../lib/i18n/index.ts';
import type { AutofillStartResult } from '../../lib/toolbar-messages.ts';
import { startAutofill, type ScriptingApi } from '../toolbar/autofill-inject.ts';
import { readAutofillProfile } from '../settings/autofill-profile.ts';
import type { ActivityOption } from '../capture/CaptureForm.tsx';
import { ACTOR } from '../common/format.ts';
import { activeFilling, autofillIndicators, fillingLine, type ActiveFilling } from './filling.ts';

export { store };
export { CaptureView } from '../capture/CaptureView.tsx';
export { LinkCheck } from '../capture/LinkCheck.tsx';
export { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';

export interface DocView {
  repo: Repository;
  activities: ActivityOption[];
  evidence: Evidence[];
  active: ActiveFilling | null;
  /** «Мониторинг ШНОР: 41 из 44, срок завтра». */
  fillingLine: string | null;
  readOnly: string | null;
}

function rawRecords(repo: Repository, name: string): unknown[] {
  return repo.rawRecords(name);
}

export function readDoc(repo: Repository, today: string): DocView {
  const snapshot = repo.snapshot();
  // Read straight from the doc and parsed here, whether or not the checklist feature has
  // registered its collections in this page.
  const active = activeFilling(rawRecords(repo, 'fillings'), rawRecords(repo, 'templates'));
  return {
    repo,
    activities: snapshot.activities.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    evidence: snapshot.evidence,
    active,
    fillingLine: active ? fillingLine(active, today) : null,
    readOnly: repo.readOnlyReason,
  };
}

export function openActive(workspaceId: string): Promise<WorkspaceHandle> {
  return store.openWorkspace(workspaceId, { actor: ACTOR });
}

/** «Заполнить форму на этой странице» with the active filling and the team's remembered pairs. */
export async function autofill(
  api: ScriptingApi,
  tab: { id: number; url: string | null },
  view: DocView,
  active: ActiveFilling,
): Promise<AutofillStartResult> {
  const origin = tab.url && URL.canParse(tab.url) ? new URL(tab.url).origin : null;
  const remembered = rawRecords(view.repo, 'formPairings')
    .map((raw) => formPairingSchema.safeParse(raw))
    .flatMap((r) => (r.success && (!origin || r.data.origin === origin) ? [r.data] : []))
    .slice(0, 500)
    .map(({ formKey, pairs }) => ({ formKey, pairs }));
  return startAutofill(api, tab.id, {
    fillingTitle: active.filling.title.slice(0, 300),
    // Only answered indicators: there is nothing to fill from the others, and chrome's
    // executeScript drops `null` properties from args, which the page's schema then refuses.
    indicators: autofillIndicators(active).filter((i) => i.value !== null),
    remembered,
    locale: locale(),
    profile: await readAutofillProfile(),
  });
}
export { ExportPanel } from './ExportPanel.tsx';
