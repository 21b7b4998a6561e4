// The injected script's surface on `window` (isolated world only: the page cannot see it).
// The popup calls `start` through chrome.scripting.executeScript({ func, args }).
import type { FillProblem } from '../../lib/autofill/fill.ts';
import type { AutofillStartResult } from '../../lib/toolbar-messages.ts';
import type { OverlayRow, SessionState } from './autofill-session.ts';

export interface AutofillApi {
  start(payload: unknown): AutofillStartResult;
  state(): SessionState | null;
  setRow(
    fieldKey: string,
    patch: Partial<Pick<OverlayRow, 'checked' | 'value' | 'indicatorId'>>,
  ): void;
  fill(): Promise<{ filled: number; problems: FillProblem[] }>;
  undo(): Promise<FillProblem[]>;
  /** The next page of a multi-page form: pair the fields that appeared. */
  continueOnPage(): AutofillStartResult;
  /** Each field's attribute `name` on its control or around it (tests name their fields so). */
  fieldAttribute(name: string): Record<string, string | null>;
  buttonCenter(action: string): { x: number; y: number } | null;
  overlayText(): string;
}

declare global {
  interface Window {
    __svodkaAutofill?: AutofillApi;
  }
}
