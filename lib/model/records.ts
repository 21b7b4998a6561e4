// The register's records. zod schemas are the single definition; types are inferred.
// Links between activities and evidence are records of their own (see `linkSchema`) so that
// two teammates linking at once both win, and neither side holds a copy of the other's list.
import { z } from 'zod';
import { parsedPeriodSchema } from './period.ts';
import {
  contentHashSchema,
  idSchema,
  isoDateSchema,
  schoolYearSchema,
  timestampSchema,
} from './primitives.ts';
import { t } from './messages.ts';
import { ACTIVITY_STATUSES, EVIDENCE_KINDS } from './vocabulary.ts';

const text = (max: number) => z.string().max(max, { error: () => t('tooLong', max) });

export const DEFAULT_DIRECTIONS = [
  'Исследовательская деятельность',
  'Проектная деятельность',
  'Консультационная деятельность',
  'Информационная деятельность',
  'Мониторинговая деятельность',
  'Организационная деятельность',
] as const;

export const quarterSchema = z
  .object({
    name: text(40).min(1),
    start: isoDateSchema,
    end: isoDateSchema,
  })
  .refine((q) => q.start <= q.end, { error: () => t('quarterEndsBeforeStart') });

export const organisationKindSchema = z.enum(['school', 'authority', 'centre', 'other']);

export const workspaceSchema = z.object({
  id: idSchema,
  /** The organisation whose register this is: «МБОУ СОШ № 12» or «УО администрации МО Славянский район». */
  name: text(300).min(1, { error: () => t('enterOrganisationName') }),
  kind: organisationKindSchema,
  municipality: text(200),
  schoolYear: schoolYearSchema,
  /** Four quarters; editable because schools shift holidays. */
  quarters: z
    .array(quarterSchema)
    .length(4)
    .refine((qs) => qs.every((q, i) => i === 0 || qs[i - 1]!.end < q.start), {
      error: () => t('quartersOrder'),
    }),
  directions: z.array(text(200).min(1)).min(1),
  createdAt: timestampSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;

const recordBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Who made the last change (a person's display name or a device label). */
  updatedBy: text(200).optional(),
};

export const organisationSchema = z.object({
  ...recordBase,
  name: text(300).min(1, { error: () => t('enterOrganisationName') }),
  /** School number as written: «12», «4». */
  number: text(20).nullable(),
  kind: organisationKindSchema,
  /** A school with low educational results (ШНОР). */
  shnor: z.boolean(),
  /** The mentor school of a ШНОР, if assigned. */
  mentorOrgId: idSchema.nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const personSchema = z.object({
  ...recordBase,
  /** «И.В. Ещенко» or a full name. */
  name: text(200).min(1, { error: () => t('enterPersonName') }),
  position: text(400),
  orgId: idSchema.nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

export const activityLevelSchema = z.enum(['municipal', 'school']);
export type ActivityLevel = z.infer<typeof activityLevelSchema>;

export const participationSchema = z.object({
  orgId: idSchema.nullable(),
  /** As written: «педагоги ШНОР», «54 педагога из 22 школ». */
  label: text(300),
  count: z.number().int().nonnegative().nullable(),
});
export type Participation = z.infer<typeof participationSchema>;

export const activitySchema = z.object({
  ...recordBase,
  /** As numbered in the source («1.», «2.3»); numbering restarts per section in real documents. */
  number: text(20),
  title: text(4000).min(1, { error: () => t('describeActivity') }),
  direction: text(200),
  level: activityLevelSchema.nullable(),
  /** The period as written plus its parsed form (null until parsed or when unparseable). */
  period: z.object({ raw: text(300), parsed: parsedPeriodSchema.nullable() }),
  place: text(300),
  responsibleIds: z.array(idSchema),
  participants: z.array(participationSchema),
  status: activityStatusSchema,
  report: text(20000),
  tags: z.array(text(60).min(1)),
  /** Where an imported record came from, so a re-import does not duplicate it. */
  source: z.object({ importKey: text(200), row: z.number().int().nonnegative() }).nullable(),
});
export type Activity = z.infer<typeof activitySchema>;

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const attachmentRefSchema = z.object({
  hash: contentHashSchema,
  name: text(300).min(1),
  type: text(200),
  size: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_ATTACHMENT_BYTES, { error: () => t('fileTooLarge') }),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const evidenceSchema = z.object({
  ...recordBase,
  kind: evidenceKindSchema,
  /** «УО», «МКУО КМЦ», «управление образования администрации …». */
  issuer: text(300),
  date: isoDateSchema.nullable(),
  number: text(60),
  title: text(2000),
  url: z.union([
    z.literal(''),
    z
      .string()
      .url({ error: () => t('badUrl') })
      .max(4000),
  ]),
  attachments: z.array(attachmentRefSchema),
  note: text(20000),
  /** For captured pages: when, and the SHA-256 of the page text at capture. */
  capturedAt: timestampSchema.nullable(),
  contentHash: contentHashSchema.nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const linkSchema = z.object({
  id: idSchema,
  activityId: idSchema,
  evidenceId: idSchema,
  createdAt: timestampSchema,
});
export type Link = z.infer<typeof linkSchema>;

export function linkId(activityId: string, evidenceId: string): string {
  return `${activityId}~${evidenceId}`;
}
