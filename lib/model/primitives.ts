import { z } from 'zod';
import { onLocaleChange } from '../i18n/index.ts';
import { t } from './messages.ts';

// Every validation message a user can see is in the interface language (Russian unless the
// user chose English), including zod's own defaults. Our own messages are error functions,
// evaluated at parse time (see messages.ts).
z.config(z.locales.ru());
onLocaleChange((next) => z.config(next === 'en' ? z.locales.en() : z.locales.ru()));

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Calendar date as written in ISO form, YYYY-MM-DD (no time zone: school documents carry none). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => t('dateFormat') })
  .refine(isRealDate, { error: () => t('notACalendarDate') });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Moment as ISO-8601 with time, e.g. 2021-05-14T09:30:00.000Z. */
export const timestampSchema = z
  .string()
  .datetime({ offset: true, error: () => t('badTimestamp') });

export const idSchema = z
  .string()
  .min(1, { error: () => t('emptyId') })
  .max(128);

/** SHA-256 hex of an attachment's bytes: attachments are content-addressed. */
export const contentHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: () => t('badContentHash') });

/** «2020-2021»: the school year runs 1 September – 31 August. */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, { error: () => t('schoolYearFormat') })
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, {
    error: () => t('schoolYearConsecutive'),
  });

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
