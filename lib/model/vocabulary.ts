// The register's closed lists, as plain tuples: records.ts builds its zod enums from them, and
// a page's first paint lists them in its filters without loading zod (see ActivitiesTab).
export const ACTIVITY_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'postponed',
  'cancelled',
] as const;

// #19: acts are cited with their own word (постановление and решение had been filed as
// распоряжение, which a reader of an official report spots at once). Stored values never change
// meaning, so records saved before keep their kind; the order is the order of the pickers.
export const EVIDENCE_KINDS = [
  'order',
  'directive',
  'resolution',
  'decision',
  'decree',
  'federal_law',
  'law',
  'letter',
  'protocol',
  'agreement',
  'contract',
  'certificate',
  'act',
  'regulation',
  'plan',
  'programme',
  'report',
  'web_page',
  'file',
  'photo',
  'other',
] as const;
