// The popup's side of «Заполнить форму на этой странице»: inject the unlisted script into the
// current tab (activeTab + scripting grant this on the user's click), then start the session
// with the filling's indicators. The popup may close right after: the overlay lives in the page.
import type { AutofillApi } from './autofill-api.ts';
import {
  autofillStartResultSchema,
  autofillStartSchema,
  type AutofillStart,
  type AutofillStartResult,
} from '../../lib/toolbar-messages.ts';
import { t } from './messages.ts';

/** The part of chrome.scripting we use; pass `browser` from wxt/browser. */
export interface ScriptingApi {
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files?: string[];
      func?: (...args: never[]) => unknown;
      args?: unknown[];
    }): Promise<{ result?: unknown }[]>;
  };
}

export const AUTOFILL_SCRIPT = '/autofill-page.js';

export async function startAutofill(
  api: ScriptingApi,
  tabId: number,
  input: AutofillStart,
): Promise<AutofillStartResult> {
  const payload = autofillStartSchema.parse(input);
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [AUTOFILL_SCRIPT] });
    const [first] = await api.scripting.executeScript({
      target: { tabId },
      // As JSON text: Chrome drops null values from executeScript's structured args, and the
      // page validates the parsed payload with its schema anyway.
      func: ((p: string) => window.__svodkaAutofill?.start(JSON.parse(p)) ?? null) as (
        ...args: never[]
      ) => unknown,
      args: [JSON.stringify(payload)],
    });
    const parsed = autofillStartResultSchema.safeParse(first?.result);
    if (parsed.success) return parsed.data;
  } catch (error) {
    return {
      ok: false,
      message: t('cannotRun', {
        message: error instanceof Error ? error.message : String(error),
      }),
      fields: 0,
      proposed: 0,
      origin: '',
      formKey: '',
    };
  }
  return {
    ok: false,
    message: t('noAnswer'),
    fields: 0,
    proposed: 0,
    origin: '',
    formKey: '',
  };
}

/** Calls a method of the page's session (used by tests and by a future «Отменить» in the popup). */
export async function callAutofill<K extends keyof AutofillApi>(
  api: ScriptingApi,
  tabId: number,
  method: K,
  ...args: Parameters<AutofillApi[K]>
): Promise<Awaited<ReturnType<AutofillApi[K]>> | null> {
  const [first] = await api.scripting.executeScript({
    target: { tabId },
    func: (async (m: string, a: unknown[]) => {
      const fn = (
        window.__svodkaAutofill as unknown as
          Record<string, (...x: unknown[]) => unknown> | undefined
      )?.[m];
      return fn ? await fn(...a) : null;
    }) as (...args: never[]) => unknown,
    args: [method, args],
  });
  return (first?.result ?? null) as Awaited<ReturnType<AutofillApi[K]>> | null;
}
