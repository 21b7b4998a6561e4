// The interface language. Russian is the product's language and the default everywhere; English
// is a second locale a user picks in «Настройки» (it is not taken from the browser: the people
// Svodka is for often use browsers set to English by an IT department, and their documents,
// forms and colleagues are Russian). Pure: pages choose the locale before their first render.
//
// Each area of the interface keeps its strings in its own catalog, defined next to it:
//   const t = defineMessages({
//     ru: { save: 'Сохранить', found: (n: number) => `Найдено: ${plural(n, FORMS)}` },
//     en: { save: 'Save', found: (n: number) => `Found: ${pluralEn(n, ['record', 'records'])}` },
//   });
//   t('save'); t('found', 3); t('greeting', { name }) for a '{name}' placeholder.
// TypeScript checks that the English catalog has every key of the Russian one, with the same
// parameters.

export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];
export const LOCALE_NAMES: Record<Locale, string> = { ru: 'Русский', en: 'English' };

/** Where pages (localStorage) and the background (extension storage) keep the choice. */
export const LOCALE_STORAGE_KEY = 'svodka:locale';

let current: Locale = 'ru';

export function locale(): Locale {
  return current;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en';
}

const listeners = new Set<(next: Locale) => void>();

/** Sets the interface language of this page (call before the first render). */
export function setLocale(next: Locale): void {
  current = next;
  for (const listener of listeners) listener(next);
}

/** For modules that keep locale-dependent state of their own (zod's default messages). */
export function onLocaleChange(listener: (next: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Params = Record<string, string | number>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- message functions take any parameters
type Message = string | ((...args: any[]) => string);
type Catalog = Record<string, Message>;
type ArgsOf<M> = M extends (...args: infer A) => string ? A : [params?: Params];

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A catalog of one area's strings in both languages; returns its translate function. */
export function defineMessages<R extends Catalog>(catalogs: {
  ru: R;
  en: { [K in keyof R]: R[K] extends string ? string : R[K] };
}): <K extends keyof R & string>(key: K, ...args: ArgsOf<R[K]>) => string {
  return (key, ...args) => {
    const message = (current === 'en' ? catalogs.en[key] : undefined) ?? catalogs.ru[key];
    if (typeof message === 'function') return message(...args);
    return interpolate(message as string, args[0] as Params | undefined);
  };
}

/** A value by language, for tables (labels of statuses, kinds…). */
export function byLocale<T>(values: Record<Locale, T>): T {
  return values[current];
}

const enRules = new Intl.PluralRules('en');

/** English agreement: pluralEn(1, ['school', 'schools']) → «1 school». */
export function pluralEn(n: number, forms: readonly [one: string, other: string]): string {
  return `${n} ${enRules.select(n) === 'one' ? forms[0] : forms[1]}`;
}
