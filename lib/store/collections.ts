// Which record collections a workspace's Y.Doc holds, and the schema each record must pass.
// Templates, fillings and form pairings are shared records too.
import type { z } from 'zod';
import {
  activitySchema,
  evidenceSchema,
  linkSchema,
  organisationSchema,
  personSchema,
} from '../model/records.ts';
import { templateSchema } from '../checklist/schema.ts';
import { learnedRuleSchema } from '../checklist/learned.ts';
import { formPairingSchema } from '../autofill/types.ts';
import { recordEventSchema } from './history.ts';
import { answerEventSchema, answerRecordSchema, fillingHeaderSchema } from './fillings.ts';

export const registerCollections = {
  activities: activitySchema,
  evidence: evidenceSchema,
  people: personSchema,
  organisations: organisationSchema,
  links: linkSchema,
  /** Monitoring forms as data (lib/checklist). */
  templates: templateSchema,
  /** A filling's header; its answers and their history are records of their own (fillings.ts). */
  fillings: fillingHeaderSchema,
  answers: answerRecordSchema,
  answerEvents: answerEventSchema,
  /** Rules the team taught by confirming a value with its evidence (lib/checklist/learned.ts). */
  learnedRules: learnedRuleSchema,
  /** Confirmed web-form field ↔ indicator pairings, shared with the team (lib/autofill). */
  formPairings: formPairingSchema,
  /** Who changed which register record, what and when (history.ts). */
  recordEvents: recordEventSchema,
} as const;

export type RegisterCollection = keyof typeof registerCollections;

export function schemaOf(name: string): z.ZodType<{ id: string }> | undefined {
  return (registerCollections as Record<string, z.ZodType<{ id: string }>>)[name];
}

export function collectionNames(): string[] {
  return Object.keys(registerCollections);
}

export const COLLECTION_LABELS: Record<string, string> = {
  activities: 'мероприятие',
  evidence: 'подтверждение',
  people: 'человек',
  organisations: 'организация',
  links: 'связь',
  templates: 'шаблон мониторинга',
  fillings: 'мониторинг',
  answers: 'ответ мониторинга',
  answerEvents: 'история ответа',
  formPairings: 'сопоставление полей формы',
  learnedRules: 'правило показателя',
  recordEvents: 'история записи',
};
