// «Язык интерфейса · Interface language»: labelled in both languages so that either reader
// finds it. The choice is this device's; the page reloads in the chosen language.
import { LOCALES, LOCALE_NAMES, locale, isLocale } from '../../lib/i18n/index.ts';
import { Field } from './Field.tsx';
import { saveLocale } from './locale.ts';

export function LanguageSwitch() {
  return (
    <div className="card stack">
      <Field label="Язык интерфейса · Interface language">
        <select
          data-testid="interface-language"
          value={locale()}
          onChange={(e) => {
            if (!isLocale(e.target.value)) return;
            saveLocale(e.target.value);
            window.location.reload();
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
