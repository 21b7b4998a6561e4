// The register's closed lists, as plain tuples: records.ts builds its zod enums from them, and
// a page's first paint lists them in its filters without loading zod (see ActivitiesTab).
export const ACTIVITY_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'postponed',
  'cancelled',
] as const;

export const EVIDENCE_KINDS = [
  'order',
  'letter',
  'directive',
  'certificate',
  'protocol',
  'plan',
  'programme',
  'report',
  'web_page',
  'file',
  'photo',
  'other',
] as const;
