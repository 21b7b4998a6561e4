// The autofill overlay's strings and the session's messages, in Russian and English (lib/i18n).
// The overlay runs inside a website's page, whose localStorage is not ours: the locale comes in
// the start payload (autofillStartSchema.locale) and the session sets it before rendering.
// Values written INTO the website's form (yes/no as «Да»/«Нет») are not here: they stay Russian.
import { defineMessages } from '../../lib/i18n/index.ts';

export const t = defineMessages({
  ru: {
    // Injecting (the popup's side)
    cannotRun: 'Сводка не может работать на этой странице ({message}). Ничего не изменено.',
    noAnswer: 'Страница не ответила — ничего не изменено.',

    // The session
    badPayload: 'Данные мониторинга повреждены — страница не изменена.',
    unlabeledField: '(поле без подписи)',
    blockedFrame:
      'Форма в рамке с другого сайта ({source}) недоступна для чтения: заполните её вручную.',
    fieldsInBlockedFrame:
      'Поля формы находятся в рамке с другого сайта — Сводка не может их прочитать. Ничего не изменено.',
    noFields: 'На странице нет полей формы — ничего не изменено.',
    found: 'Найдено полей: {fields}, сопоставлено: {pairs}. Проверьте пары и нажмите «Заполнить».',
    notRemembered: 'Пары не запомнены: расширение недоступно.',
    noNewFields: 'На этой странице нет новых полей — ничего не изменено.',
    fromProfile: 'из вашего профиля',
    personalNoProfile: 'о вас, не о показателе: заполните профиль в «Настройках» или впишите сами',

    // The overlay
    dialog: 'Сводка: заполнение формы',
    heading: 'Сводка · заполнение формы',
    close: 'Закрыть',
    source: 'Источник: {title}',
    indicator: 'Показатель',
    doNotFill: '— не заполнять —',
    value: 'Значение',
    confidence: 'Уверенность сопоставления',
    remembered: 'запомнено',
    filled:
      'Заполнено полей: {count}. Сводка ничего не отправляет — проверьте форму и отправьте её сами.',
    undone: 'Заполнение отменено: прежние значения возвращены.',
    notRestored: 'Не удалось вернуть:',
    notFilled: 'Не заполнено (страница не изменена в этих полях):',
    problem: '«{label}»: {reason}',
    fill: 'Заполнить ({count})',
    undo: 'Отменить заполнение',
    continueOnPage: 'Продолжить на этой странице',
    unsure: 'Не отмечено',

    // Kinds of form controls
    controlText: 'текст',
    controlNumber: 'число',
    controlDate: 'дата',
    controlRadio: 'выбор',
    controlCheckbox: 'флажок',
    controlSelect: 'список',
  },
  en: {
    cannotRun: 'Svodka cannot work on this page ({message}). Nothing was changed.',
    noAnswer: 'The page did not respond — nothing was changed.',

    badPayload: 'The monitoring data is damaged — the page was not changed.',
    unlabeledField: '(unlabelled field)',
    blockedFrame:
      'The form in a frame from another site ({source}) cannot be read: fill it in by hand.',
    fieldsInBlockedFrame:
      'The form fields are in a frame from another site — Svodka cannot read them. Nothing was changed.',
    noFields: 'There are no form fields on this page — nothing was changed.',
    found: 'Fields found: {fields}, matched: {pairs}. Check the pairs and press «Fill».',
    notRemembered: 'The pairs were not remembered: the extension is unavailable.',
    noNewFields: 'There are no new fields on this page — nothing was changed.',
    fromProfile: 'from your profile',
    personalNoProfile: 'about you, not an indicator: fill in the profile in «Settings» or type it',

    dialog: 'Svodka: filling in the form',
    heading: 'Svodka · filling in the form',
    close: 'Close',
    source: 'Source: {title}',
    indicator: 'Indicator',
    doNotFill: '— do not fill —',
    value: 'Value',
    confidence: 'Match confidence',
    remembered: 'remembered',
    filled:
      'Fields filled: {count}. Svodka submits nothing — check the form and submit it yourself.',
    undone: 'Filling undone: the previous values are back.',
    notRestored: 'Could not restore:',
    notFilled: 'Not filled (the page was not changed in these fields):',
    problem: '«{label}»: {reason}',
    fill: 'Fill ({count})',
    undo: 'Undo filling',
    continueOnPage: 'Continue on this page',
    unsure: 'Not ticked',

    controlText: 'text',
    controlNumber: 'number',
    controlDate: 'date',
    controlRadio: 'choice',
    controlCheckbox: 'checkbox',
    controlSelect: 'list',
  },
});
