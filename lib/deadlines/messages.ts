// The background's own texts (toolbar tooltip, reminder, context menu), in both languages.
import { defineMessages, pluralEn } from '../i18n/index.ts';
import { plural } from '../ru/plural.ts';

const ACTIVITY = ['мероприятие', 'мероприятия', 'мероприятий'] as const;

export const t = defineMessages({
  ru: {
    nothingDue: 'Сводка: просроченных сроков нет',
    overdue: (n: number) => `просрочено: ${plural(n, ACTIVITY)}`,
    dueSoon: (n: number) => `срок в ближайшие 7 дней: ${plural(n, ACTIVITY)}`,
    badge: 'Сводка — {parts}',
    notificationTitle: 'Сводка: сроки',
    captureMenu: 'Сохранить в Svodka как подтверждение',
  },
  en: {
    nothingDue: 'Svodka: nothing overdue',
    overdue: (n: number) => `overdue: ${pluralEn(n, ['activity', 'activities'])}`,
    dueSoon: (n: number) => `due within 7 days: ${pluralEn(n, ['activity', 'activities'])}`,
    badge: 'Svodka — {parts}',
    notificationTitle: 'Svodka: deadlines',
    captureMenu: 'Save to Svodka as evidence',
  },
});
