// Small display helpers shared by the pages (pure, no DOM).
import { plural } from '../../lib/ru/plural.ts';

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

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
