// Monitoring checklists as data. A template is the authority's form (sections, indicators,
// groups with their aggregate rows, the cells answers go back into); a filling is one team's
// answers to it for one reporting period. Both are shared records in the workspace's Y.Doc.
// Answers are a flat map keyed by indicator (and subject), so two teammates editing different
// indicators touch different keys and merge without conflict.
import { z } from 'zod';
import { t } from '../model/messages.ts';
import { idSchema, isoDateSchema, timestampSchema } from '../model/primitives.ts';

const text = (max: number) => z.string().max(max, { error: () => t('tooLong', max) });

/** An A1-style address in the source sheet: «C7», «AA120». */
export const cellAddressSchema = z
  .string()
  .regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, { error: () => t('cellAddressFormat') });

export const indicatorKindSchema = z.enum([
  'presence',
  'count',
  'number',
  /** «Доля …, %»: a percentage, 0…100. */
  'percent',
  'text',
  /** «Дата …»: an ISO date. */
  'date',
  'group',
  'aggregate',
]);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/** Kinds a user answers; groups are headings and aggregates are computed. */
export const ANSWERABLE_KINDS: ReadonlySet<IndicatorKind> = new Set(
  indicatorKindSchema.exclude(['group', 'aggregate']).options,
);

/**
 * How an aggregate row is computed: first over the group's children for each assessed subject
 * (each mentor, tutor, school), then across the subjects. «Средний балл по показателю (от 0 до N)»
 * is `{ perSubject: 'sum', acrossSubjects: 'mean' }`: with one subject it is simply the sum.
 */
export const aggregateSchema = z.object({
  perSubject: z.enum(['sum', 'mean', 'min', 'max']),
  acrossSubjects: z.enum(['sum', 'mean', 'min', 'max']),
  digits: z.number().int().min(0).max(4),
  /**
   * The indicators it is computed from when they are not a group's items: «Итого по разделу»
   * (the section's answers), «Средний балл по показателям 3.1–3.3».
   */
  over: z.array(z.string().min(1).max(64)).max(2000).optional(),
});
export type Aggregate = z.infer<typeof aggregateSchema>;

export const indicatorCellsSchema = z.object({
  /** Where the indicator's answer goes (the score column for presence, the count column for counts). */
  value: cellAddressSchema.optional(),
  /** A second open answer cell of the row (a count beside a score). */
  count: cellAddressSchema.optional(),
  /** The notes / sources column of the row, where a justification can be written. */
  note: cellAddressSchema.optional(),
  /** Cells of a merged duplicate that receive the same answer, so the returned form agrees with itself. */
  copies: z.array(cellAddressSchema).optional(),
  /** The words the form's list offers for yes and no («Да»/«Нет», «+»/«–»): written instead of 1/0. */
  choices: z.object({ yes: z.string().min(1).max(40), no: z.string().min(1).max(40) }).optional(),
});
export type IndicatorCells = z.infer<typeof indicatorCellsSchema>;

/** Where an indicator's rule came from, when it was bound by meaning (bind-rules.ts). */
export const indicatorBindingSchema = z.object({
  source: z.enum(['library', 'workspace']),
  /** The form the rule was written for, or the team's rules. */
  sourceTitle: text(1000),
  sourceId: z.string().min(1).max(200),
  /** The wording of the indicator the rule was written for. */
  sourceText: text(4000),
  similarity: z.number().min(0).max(1),
  /** The user undid it: the indicator is not bound again. */
  undone: z.boolean().optional(),
});
export type IndicatorBinding = z.infer<typeof indicatorBindingSchema>;

export const indicatorSchema = z.object({
  id: z.string().min(1).max(64),
  /** As numbered in the form: «1», «2.3»; '' for sub-items and aggregate rows. */
  number: text(20),
  text: text(4000).min(1),
  kind: indicatorKindSchema,
  /** Section id. */
  section: z.string().min(1).max(64),
  /** The group this sub-item or aggregate belongs to. */
  parent: z.string().min(1).max(64).nullable(),
  /** Declared maximum («от 0 до 5»), 1 for presence, null when none. */
  max: z.number().nonnegative().nullable(),
  cells: indicatorCellsSchema,
  /** Cells of this row marked not applicable (`*`, «х», «—», hatched or grey): they stay empty. */
  notApplicable: z.array(cellAddressSchema),
  /** Parts of a row that held several sub-items: they share one cell, which receives their sum. */
  sharedCell: z.boolean().optional(),
  aggregate: aggregateSchema.optional(),
  /**
   * The auto-completion rule (see rules.ts). Kept unparsed here on purpose: a malformed rule must
   * not make the whole template unreadable; autoComplete parses it and falls back to manual.
   */
  rule: z.unknown().optional(),
  binding: indicatorBindingSchema.optional(),
  /** The sheet row it came from, null for hand-made indicators. */
  row: z.number().int().positive().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const sectionSchema = z.object({
  id: z.string().min(1).max(64),
  title: text(2000).min(1),
  row: z.number().int().positive().nullable(),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateSourceSchema = z.object({
  fileName: text(300).min(1),
  sheetName: text(100).min(1),
  /** SHA-256 of the original workbook, so the export writes back into exactly that file. */
  workbookHash: z.string().regex(/^[0-9a-f]{64}$/, { error: () => t('badWorkbookHash') }),
});
export type TemplateSource = z.infer<typeof templateSourceSchema>;

export const templateSchema = z
  .object({
    id: idSchema,
    title: text(1000).min(1, { error: () => t('enterMonitoringTitle') }),
    source: templateSourceSchema,
    /** Column letters found in the header, for the record («B» indicator text, «C» score …). */
    columns: z.object({
      number: z.string().max(3).nullable(),
      text: z.string().min(1).max(3),
      score: z.string().max(3).nullable(),
      count: z.string().max(3).nullable(),
      note: z.string().max(3).nullable(),
      /** One «Значение» column for answers of every kind. */
      value: z.string().max(3).nullable().optional(),
      /** «Ед. изм.»: read for each indicator's kind. */
      unit: z.string().max(3).nullable().optional(),
    }),
    headerRow: z.number().int().positive(),
    sections: z.array(sectionSchema),
    indicators: z.array(indicatorSchema).max(2000),
    /** What the user corrected in the form as read (corrections.ts), kept with the template. */
    corrections: z
      .array(
        z.object({
          indicatorId: z.string().min(1).max(64),
          kind: indicatorKindSchema.optional(),
          cell: cellAddressSchema.optional(),
          section: z.string().min(1).max(64).optional(),
        }),
      )
      .max(2000)
      .optional(),
  })
  .superRefine((template, ctx) => {
    const ids = new Set<string>();
    const sections = new Set(template.sections.map((s) => s.id));
    for (const ind of template.indicators) {
      if (ids.has(ind.id))
        ctx.addIssue({ code: 'custom', message: t('indicatorRepeated', ind.id) });
      ids.add(ind.id);
      if (!sections.has(ind.section))
        ctx.addIssue({ code: 'custom', message: t('indicatorWithoutSection', ind.id) });
    }
    for (const ind of template.indicators)
      if (ind.parent !== null && !ids.has(ind.parent))
        ctx.addIssue({
          code: 'custom',
          message: t('indicatorWithoutGroup', ind.id, ind.parent),
        });
  });
export type Template = z.infer<typeof templateSchema>;

export const answerStatusSchema = z.enum(['proposed', 'confirmed', 'overridden', 'rejected']);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

export const answerSchema = z.object({
  value: z.union([z.number(), text(20000), z.null()]),
  status: answerStatusSchema,
  comment: text(4000),
  /** Who: a person's display name or «автозаполнение». */
  by: text(200),
  at: timestampSchema,
  evidenceIds: z.array(idSchema).max(500),
  activityIds: z.array(idSchema).max(2000),
});
export type Answer = z.infer<typeof answerSchema>;

/** Someone assessed within a group: a mentor, a tutor, a school. */
export const subjectSchema = z.object({
  id: idSchema,
  name: text(300).min(1, { error: () => t('enterSubjectName') }),
});
export type Subject = z.infer<typeof subjectSchema>;

export const reportingPeriodSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((p) => p.start <= p.end, { error: () => t('periodStartsAfterEnd') });
export type ReportingPeriod = z.infer<typeof reportingPeriodSchema>;

export const fillingSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  title: text(1000).min(1, { error: () => t('enterTitle') }),
  period: reportingPeriodSchema,
  deadline: isoDateSchema.nullable(),
  /** Per group id: the subjects assessed in it (empty or absent: the group is answered once). */
  subjects: z.record(z.string(), z.array(subjectSchema).max(200)),
  /** Keyed by `answerKey(indicatorId, subjectId?)`. */
  answers: z.record(z.string(), answerSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Filling = z.infer<typeof fillingSchema>;

/** The answers map key: the indicator alone, or the indicator for one subject of its group. */
export function answerKey(indicatorId: string, subjectId?: string): string {
  return subjectId ? `${indicatorId}::${subjectId}` : indicatorId;
}
