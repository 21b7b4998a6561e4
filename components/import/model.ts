// What the import screen shows, computed without the DOM: the rows grouped the way the document
// groups them (level, then direction), the summary of a plan, and the column fields — in the
// interface language (components/import/messages.ts).
import { levelLabel, type ActivityLevel } from '../../lib/model/index.ts';
import type { Field } from '../../lib/importers/types.ts';
import type { PreviewRow } from '../../lib/importers/preview.ts';
import { formatRef } from '../../lib/refs/citation.ts';
import type { DocumentRef } from '../../lib/refs/documents.ts';
import type { ImportPlan } from '../../lib/importers/plan.ts';
import { countOf } from '../common/format.ts';
import { t } from './messages.ts';

/** The fields a column can be mapped to, in the order a roadmap's columns usually stand. */
const FIELD_KEYS = {
  number: 'fieldNumber',
  title: 'fieldTitle',
  period: 'fieldPeriod',
  place: 'fieldPlace',
  responsible: 'fieldResponsible',
  participants: 'fieldParticipants',
  report: 'fieldReport',
  status: 'fieldStatus',
  ignore: 'fieldIgnore',
} as const satisfies Record<Field, string>;

export const FIELDS = Object.keys(FIELD_KEYS) as Field[];

export function fieldLabel(field: Field): string {
  return t(FIELD_KEYS[field]);
}

export interface DirectionGroup {
  key: string;
  /** '' when the document has no direction rows inside this level. */
  direction: string;
  rows: PreviewRow[];
}

export interface LevelGroup {
  key: string;
  level: ActivityLevel | null;
  directions: DirectionGroup[];
  rows: PreviewRow[];
}

/** Rows by level, then by direction, in the order they first appear in the document. */
export function groupRows(rows: readonly PreviewRow[]): LevelGroup[] {
  const levels = new Map<string, LevelGroup>();
  for (const row of rows) {
    const levelKey = row.level ?? '';
    let level = levels.get(levelKey);
    if (!level) {
      level = { key: `level:${levelKey}`, level: row.level, directions: [], rows: [] };
      levels.set(levelKey, level);
    }
    level.rows.push(row);
    let direction = level.directions.find((d) => d.direction === row.direction);
    if (!direction) {
      direction = { key: `${level.key}|${row.direction}`, direction: row.direction, rows: [] };
      level.directions.push(direction);
    }
    direction.rows.push(row);
  }
  return [...levels.values()];
}

export function levelTitle(level: ActivityLevel | null): string {
  return level ? levelLabel(level) : '';
}

/** Sections a user sees: the levels, or the directions when the document has no levels. */
export function sectionCount(groups: readonly LevelGroup[]): number {
  return groups.reduce(
    (n, g) => n + (g.level ? 1 : g.directions.filter((d) => d.direction).length),
    0,
  );
}

export interface PlanCounts {
  activities: number;
  people: number;
  organisations: number;
  evidence: number;
}

/** «в 1 разделе», «в 2 разделах». */
export function inSections(n: number): string {
  return t('inSections', n);
}

export function countsOf(plan: ImportPlan): PlanCounts {
  return {
    activities: plan.activities.length,
    people: plan.people.length,
    organisations: plan.organisations.length,
    evidence: plan.evidence.length,
  };
}

/** «35 мероприятий, 10 человек, 2 организации, 0 документов». */
export function summaryText(c: PlanCounts): string {
  return [
    countOf('activities', c.activities),
    countOf('people', c.people),
    countOf('organisations', c.organisations),
    t('documents', c.evidence),
  ].join(', ');
}

const MISSING = {
  kind: 'refMissingKind',
  date: 'refMissingDate',
  number: 'refMissingNumber',
} as const;

/**
 * The citation as the exports will print it (lib/refs/citation.ts). An incomplete one (#19: no
 * kind or no date) says so and what is missing, for the user to complete it.
 */
export function refLabel(ref: DocumentRef): string {
  const citation = formatRef(ref);
  if (!ref.incomplete) return citation;
  const missing = ref.missing
    .filter((f) => f !== 'number' || ref.missing.length === 1)
    .map((f) => t(MISSING[f]))
    .join(', ');
  return t('refIncomplete', { citation, missing });
}
