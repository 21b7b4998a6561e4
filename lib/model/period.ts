import { z } from 'zod';
import { isoDateSchema } from './primitives.ts';

/** The parsed form of a period written in Russian («февраль-апрель 2021», «не реже одного в четверть»). */
export const periodKindSchema = z.enum([
  'date',
  'range',
  'deadline',
  'recurring',
  'event',
  'plan',
  'unknown',
]);
export type PeriodKind = z.infer<typeof periodKindSchema>;

export const recurrenceSchema = z.enum(['month', 'quarter', 'half-year', 'year']);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const parsedPeriodSchema = z.object({
  raw: z.string(),
  kind: periodKindSchema,
  /** First day, or null (a deadline has only an end). */
  start: isoDateSchema.nullable(),
  /** Last day (inclusive), or null. */
  end: isoDateSchema.nullable(),
  every: recurrenceSchema.nullable(),
  /** How many times per `every` (or per the whole range for «2 раза в год»), null when not stated. */
  times: z.number().int().positive().nullable(),
});
export type ParsedPeriod = z.infer<typeof parsedPeriodSchema>;
