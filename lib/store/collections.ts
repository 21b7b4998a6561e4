// Which record collections a workspace's Y.Doc holds, and the schema each record must pass.
// Templates and fillings (lib/checklist) register here as they are shared records too.
import type { z } from 'zod';
import {
  activitySchema,
  evidenceSchema,
  linkSchema,
  organisationSchema,
  personSchema,
} from '../model/records.ts';

export const registerCollections = {
  activities: activitySchema,
  evidence: evidenceSchema,
  people: personSchema,
  organisations: organisationSchema,
  links: linkSchema,
} as const;

export type RegisterCollection = keyof typeof registerCollections;

const extra = new Map<string, z.ZodType<{ id: string }>>();

/** Lets a feature (checklists) add a shared collection without the store depending on it. */
export function registerCollection(name: string, schema: z.ZodType<{ id: string }>): void {
  if (name in registerCollections) throw new Error(`collection ${name} is built in`);
  extra.set(name, schema);
}

export function schemaOf(name: string): z.ZodType<{ id: string }> | undefined {
  return (
    (registerCollections as Record<string, z.ZodType<{ id: string }>>)[name] ?? extra.get(name)
  );
}

export function collectionNames(): string[] {
  return [...Object.keys(registerCollections), ...extra.keys()];
}

export const COLLECTION_LABELS: Record<string, string> = {
  activities: 'мероприятие',
  evidence: 'подтверждение',
  people: 'человек',
  organisations: 'организация',
  links: 'связь',
  templates: 'шаблон мониторинга',
  fillings: 'мониторинг',
};
