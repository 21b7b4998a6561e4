// The autofill overlay runs in a website's page and cannot read the user's language choice: it
// comes in the start payload, validated, and the session sets it before anything is shown.
import { afterEach, describe, expect, it } from 'vitest';
import { autofillStartSchema } from '../../../lib/toolbar-messages.ts';
import { locale, setLocale } from '../../../lib/i18n/index.ts';
import { t as fillReason } from '../../../lib/autofill/messages.ts';
import { t as overlayText } from '../../../components/toolbar/messages.ts';
import { AutofillSession } from '../../../components/toolbar/autofill-session.ts';
import { valueForField } from '../../../lib/autofill/values.ts';
import { frameLabel } from '../../../lib/autofill/discover.ts';

const payload = { fillingTitle: 'Мониторинг сайтов ШНОР, 2021', indicators: [], remembered: [] };

/** A page without any form field: enough for discoverFields and the session's messages. */
const emptyPage = {
  querySelectorAll: () => [],
  location: { origin: 'https://forms.example.ru', pathname: '/f' },
} as unknown as Document;

afterEach(() => setLocale('ru'));

describe('the autofill start payload carries the interface language', () => {
  it('accepts ru, en or no locale, and refuses any other', () => {
    expect(autofillStartSchema.safeParse({ ...payload, locale: 'en' }).success).toBe(true);
    expect(autofillStartSchema.safeParse({ ...payload, locale: 'ru' }).success).toBe(true);
    expect(autofillStartSchema.safeParse(payload).success).toBe(true);
    expect(autofillStartSchema.safeParse({ ...payload, locale: 'de' }).success).toBe(false);
    expect(autofillStartSchema.safeParse({ ...payload, locale: 1 }).success).toBe(false);
  });

  it('still refuses a malformed payload as before', () => {
    const strict = autofillStartSchema.safeParse({ ...payload, fillingTitle: 5 });
    expect(strict.success).toBe(false);
  });
});

describe('messages follow the locale', () => {
  it('gives fill reasons in English after setLocale("en") and Russian after setLocale("ru")', () => {
    setLocale('en');
    expect(fillReason('choiceRefused', 'Да')).toBe('the page did not let «Да» be chosen');
    expect(fillReason('checkboxRefused')).toBe('the page did not let the checkbox change');
    setLocale('ru');
    expect(fillReason('choiceRefused', 'Да')).toBe('страница не дала выбрать «Да»');
    expect(fillReason('checkboxRefused')).toBe('страница не дала изменить флажок');
  });

  it('says why a value does not fit a field in the interface language; the value stays as is', () => {
    const field = {
      control: 'number',
      options: [],
    } as unknown as Parameters<typeof valueForField>[0];
    expect(valueForField(field, 'ДА')).toEqual({
      ok: false,
      reason: 'в поле можно ввести только число, а значение «ДА»',
    });
    setLocale('en');
    expect(valueForField(field, 'ДА')).toEqual({
      ok: false,
      reason: 'the field takes only a number, and the value is «ДА»',
    });
    expect(valueForField(field, null)).toEqual({
      ok: false,
      reason: 'the monitoring has no value for this indicator',
    });
  });

  it('keeps the overlay in Russian by default', () => {
    expect(overlayText('filled', { count: 3 })).toBe(
      'Заполнено полей: 3. Сводка ничего не отправляет — проверьте форму и отправьте её сами.',
    );
    expect(overlayText('found', { fields: 4, pairs: 2 })).toBe(
      'Найдено полей: 4, сопоставлено: 2. Проверьте пары и нажмите «Заполнить».',
    );
  });

  it('sets the locale from the payload before producing the result message', () => {
    const english = new AutofillSession(emptyPage, async () => undefined).start({
      ...payload,
      locale: 'en',
    });
    expect(locale()).toBe('en');
    expect(english.message).toBe('There are no form fields on this page — nothing was changed.');

    const russian = new AutofillSession(emptyPage, async () => undefined).start(payload);
    expect(locale()).toBe('ru');
    expect(russian.message).toBe('На странице нет полей формы — ничего не изменено.');
  });

  it('refuses a payload with an unknown locale, in Russian, without changing the language', () => {
    const result = new AutofillSession(emptyPage, async () => undefined).start({
      ...payload,
      locale: 'de',
    });
    expect(result.ok).toBe(false);
    expect(result.message).toBe('Данные мониторинга повреждены — страница не изменена.');
    expect(locale()).toBe('ru');
  });
});

describe('frame names as shown', () => {
  it('read "frame N" in English (the Russian name stays in the remembered field keys)', () => {
    const name = 'рамка 2 › рамка 5';
    expect(frameLabel(name)).toBe('рамка 2 › рамка 5');
    setLocale('en');
    expect(frameLabel(name)).toBe('frame 2 › frame 5');
  });
});
