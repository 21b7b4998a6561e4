// Small display helpers shared by the pages (pure, no DOM).
import { plural } from '../../lib/ru/plural.ts';
import { locale, pluralEn } from '../../lib/i18n/index.ts';

export const ACTOR = 'Этот браузер';

/** «1,2 МБ», «350 КБ», «12 байт». */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, ['байт', 'байта', 'байт']);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** The school year that is running on `today`: it starts on 1 September. */
export function currentSchoolYear(today: Date): string {
  const y = today.getFullYear();
  const start = today.getMonth() >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export const ACTIVITY_FORMS = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
export const EVIDENCE_FORMS = ['подтверждение', 'подтверждения', 'подтверждений'] as const;
export const PEOPLE_FORMS = ['человек', 'человека', 'человек'] as const;
export const ORG_FORMS = ['организация', 'организации', 'организаций'] as const;

const NOUNS = {
  activities: { ru: ACTIVITY_FORMS, en: ['activity', 'activities'] },
  evidence: { ru: EVIDENCE_FORMS, en: ['evidence record', 'evidence records'] },
  people: { ru: PEOPLE_FORMS, en: ['person', 'people'] },
  organisations: { ru: ORG_FORMS, en: ['organisation', 'organisations'] },
} as const;

/** «3 мероприятия» / «3 activities», in the interface language. */
export function countOf(noun: keyof typeof NOUNS, n: number): string {
  const forms = NOUNS[noun];
  return locale() === 'en' ? pluralEn(n, forms.en) : plural(n, forms.ru);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
