// The popup's shell: its header and «Открываем ваш реестр…», from React and a few strings only,
// rendered over the same markup public/popup-shell.js put in place while the page was parsed.
// The body (Popup.tsx: Dexie, zod, the deadline rules) is fetched right after; loading it
// before the first render kept the popup blank for ~200 ms.
import { useEffect, useLayoutEffect, useState, type ComponentType } from 'react';
import { defineMessages } from '../../lib/i18n/index.ts';
import { errorMessage } from '../common/format.ts';

/** Also rendered before any module loads, by public/popup-shell.js: the same markup and texts. */
export const shellMessages = {
  ru: {
    brand: 'Сводка',
    hello: 'Здравствуйте!',
    opening: 'Открываем ваш реестр…',
    loadFailed: 'Не удалось загрузить окно Сводки: {message}. Закройте и откройте его снова.',
  },
  en: {
    brand: 'Svodka',
    hello: 'Hello!',
    opening: 'Opening your register…',
    loadFailed: 'Svodka’s window did not load: {message}. Close it and open it again.',
  },
};
const t = defineMessages(shellMessages);

export function OpeningLine() {
  return <p className="muted">{t('opening')}</p>;
}

type BodyModule = { PopupBody: ComponentType };

export function PopupShell({ load }: { load: () => Promise<BodyModule> }) {
  const [loaded, setLoaded] = useState<BodyModule | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLayoutEffect(() => {
    performance.mark('svodka:popup:react'); // the first paint came earlier, from the shell script
  }, []);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (m) => !cancelled && setLoaded(m),
      (e: unknown) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [load]);

  return (
    <main className="popup stack">
      <header>
        <div className="brand">{t('brand')}</div>
        <h1>{t('hello')}</h1>
      </header>
      {error && (
        <div className="notice error" role="alert">
          {t('loadFailed', { message: error })}
        </div>
      )}
      {loaded ? <loaded.PopupBody /> : !error && <OpeningLine />}
    </main>
  );
}
