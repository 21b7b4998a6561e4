// What to look at before sending the form: indicators left empty, values that nothing backs,
// and answers that disagree with what auto-completion finds in the register. Nothing here
// blocks the export; the user decides.
import type { Filling, Template } from '../checklist/schema.ts';
import {
  formRows,
  isAnswerable,
  type FormRow,
  type FormValue,
  type ResultsLike,
} from './form-model.ts';

export type PreExportIssueKind = 'empty' | 'no-evidence' | 'disagrees';

export interface PreExportIssue {
  indicatorId: string;
  kind: PreExportIssueKind;
  /** Russian, complete: which indicator and what is wrong. */
  message: string;
}

function label(row: FormRow, rows: ReadonlyMap<string, FormRow>): string {
  const parent = row.indicator.parent ? rows.get(row.indicator.parent) : undefined;
  const title = row.title.length > 90 ? `${row.title.slice(0, 89)}…` : row.title;
  const section = row.sectionTitle ? ` (раздел «${row.sectionTitle}»)` : '';
  const prefix = row.number
    ? `${row.number}. `
    : parent?.number
      ? `${parent.number}, подпункт `
      : '';
  return `${prefix}«${title}»${section}`;
}

function show(v: FormValue): string {
  if (v === null) return 'пусто';
  return typeof v === 'number' ? String(v).replace('.', ',') : `«${v}»`;
}

/** A presence score of 0 is a claim of absence: it needs no document. */
function needsEvidence(row: FormRow): boolean {
  if (row.value === null) return false;
  if (row.kind === 'text') return false;
  return !(typeof row.value === 'number' && row.value === 0);
}

export function preExportCheck(
  template: Template,
  filling: Filling,
  results?: ResultsLike,
): PreExportIssue[] {
  const rows = formRows(template, filling, results);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues: PreExportIssue[] = [];
  for (const row of rows) {
    if (!isAnswerable(row.indicator)) continue;
    const name = label(row, byId);
    if (row.value === null) {
      issues.push({
        indicatorId: row.id,
        kind: 'empty',
        message:
          row.proposed !== null
            ? `Показатель ${name} не заполнен; автозаполнение предлагает ${show(row.proposed)}.`
            : `Показатель ${name} не заполнен.`,
      });
      continue;
    }
    if (needsEvidence(row) && row.evidenceIds.length === 0)
      issues.push({
        indicatorId: row.id,
        kind: 'no-evidence',
        message: `Значение ${show(row.value)} показателя ${name} не подкреплено ни одним документом.`,
      });
    const differs =
      row.disagrees ||
      (row.proposed !== null && row.proposed !== row.value && !sameNumber(row.proposed, row.value));
    if (differs)
      issues.push({
        indicatorId: row.id,
        kind: 'disagrees',
        message: `Значение ${show(row.value)} показателя ${name} расходится с автозаполнением по реестру (${show(row.proposed)}).`,
      });
  }
  return issues;
}

function sameNumber(a: FormValue, b: FormValue): boolean {
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9;
}
