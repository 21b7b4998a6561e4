// The interface language chosen on this device, kept in the extension's localStorage so every
// page reads it synchronously before its first render (no flash of the other language).
import { browser } from 'wxt/browser';
import { isLocale, LOCALE_STORAGE_KEY, setLocale, type Locale } from '../../lib/i18n/index.ts';

const KEY = LOCALE_STORAGE_KEY;

export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return isLocale(value) ? value : 'ru';
  } catch {
    return 'ru'; // storage blocked: the default language
  }
}

/** Called first thing by each page's entry script. */
export function applyStoredLocale(): Locale {
  const value = storedLocale();
  setLocale(value);
  if (typeof document !== 'undefined') document.documentElement.lang = value;
  return value;
}

/**
 * Saves the choice; the caller reloads its page (other pages take it when next opened). The
 * background has no localStorage: it reads the copy in the extension's storage.
 */
export function saveLocale(value: Locale): void {
  globalThis.localStorage?.setItem(KEY, value);
  setLocale(value);
  void browser.storage?.local.set({ [LOCALE_STORAGE_KEY]: value }).catch(() => {});
}
