// How a parsed period reads back in the interface language («Понято как …»). The period's own
// text stays as written (it is the user's record); dates stay ДД.ММ.ГГГГ in both languages.
import { defineMessages, pluralEn } from '../i18n/index.ts';
import { plural } from '../ru/plural.ts';
import type { Recurrence } from '../model/period.ts';

const EACH_RU: Record<Recurrence, string> = {
  month: 'каждый месяц',
  quarter: 'каждую четверть',
  'half-year': 'каждое полугодие',
  year: 'каждый год',
};
const PER_RU: Record<Recurrence, string> = {
  month: 'в месяц',
  quarter: 'в четверть',
  'half-year': 'в полугодие',
  year: 'в год',
};
const EN_UNIT: Record<Recurrence, string> = {
  month: 'month',
  quarter: 'term',
  'half-year': 'half-year',
  year: 'year',
};

export const t = defineMessages({
  ru: {
    undated: '{text} (год не указан)',
    from: 'с {date}',
    until: 'до {date}',
    each: (every: Recurrence) => EACH_RU[every],
    times: (n: number, every: Recurrence) =>
      `${plural(n, ['раз', 'раза', 'раз'])} ${PER_RU[every]}`,
    regularly: 'регулярно: {text}',
    onEvent: 'по событию: {text}',
    asPlanned: 'по плану: {text}',
    unknown: 'не распознано',
  },
  en: {
    undated: '{text} (year not given)',
    from: 'from {date}',
    until: 'by {date}',
    each: (every: Recurrence) => `every ${EN_UNIT[every]}`,
    times: (n: number, every: Recurrence) =>
      `${pluralEn(n, ['time', 'times'])} a ${EN_UNIT[every]}`,
    regularly: 'regularly: {text}',
    onEvent: 'on an event: {text}',
    asPlanned: 'as planned: {text}',
    unknown: 'not recognised',
  },
});
