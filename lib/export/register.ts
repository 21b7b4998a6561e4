// What the built-in reports read: the register as the store's snapshot holds it, narrowed by the
// filters the user picked in the export dialog.
import type {
  Activity,
  ActivityStatus,
  Evidence,
  Link,
  Organisation,
  ParsedPeriod,
  Person,
  Workspace,
} from '../model/index.ts';
import { overlaps } from '../periods/index.ts';
import { formatRef } from '../refs/index.ts';
import { formatRuDate } from '../ru/date.ts';

export interface RegisterData {
  workspace: Workspace;
  activities: readonly Activity[];
  evidence: readonly Evidence[];
  links: readonly Link[];
  people: readonly Person[];
  organisations: readonly Organisation[];
}

export interface ReportFilters {
  /** ISO dates, inclusive. */
  period?: { from: string; to: string };
  directions?: readonly string[];
  statuses?: readonly ActivityStatus[];
}

function isDated(p: ParsedPeriod): boolean {
  if (p.kind === 'event' || p.kind === 'plan' || p.kind === 'unknown') return false;
  return p.start !== null || p.end !== null;
}

/**
 * Whether an activity falls in the filters. An activity whose period could not be parsed
 * («по плану ЦОКО») is kept: dropping it silently would lose work the user did.
 */
export function matchesFilters(activity: Activity, filters: ReportFilters): boolean {
  if (filters.directions && !filters.directions.includes(activity.direction)) return false;
  if (filters.statuses && !filters.statuses.includes(activity.status)) return false;
  const period = filters.period;
  const parsed = activity.period.parsed;
  if (period && parsed && isDated(parsed)) return overlaps(parsed, period.from, period.to);
  return true;
}

/** Directions in the workspace's order, then any others met in the activities (in order met). */
export function orderedDirections(workspace: Workspace, activities: readonly Activity[]): string[] {
  const order = [...workspace.directions];
  for (const a of activities) if (!order.includes(a.direction)) order.push(a.direction);
  return order;
}

/** Sort key for «1.», «2.3», «10»: numeric parts compared as numbers. */
function numberKey(n: string): number[] {
  return (n.match(/\d+/g) ?? []).map(Number);
}

export function compareActivityNumbers(a: Activity, b: Activity): number {
  const ka = numberKey(a.number);
  const kb = numberKey(b.number);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Fast lookups over the register, built once per export. */
export class RegisterIndex {
  readonly people: Map<string, Person>;
  readonly organisations: Map<string, Organisation>;
  readonly evidence: Map<string, Evidence>;
  private readonly evidenceOf = new Map<string, Evidence[]>();

  constructor(readonly data: RegisterData) {
    this.people = new Map(data.people.map((p) => [p.id, p]));
    this.organisations = new Map(data.organisations.map((o) => [o.id, o]));
    this.evidence = new Map(data.evidence.map((e) => [e.id, e]));
    for (const link of data.links) {
      const ev = this.evidence.get(link.evidenceId);
      if (!ev) continue;
      const list = this.evidenceOf.get(link.activityId);
      if (list) {
        if (!list.includes(ev)) list.push(ev);
      } else this.evidenceOf.set(link.activityId, [ev]);
    }
    // Oldest document first, as reports cite them.
    for (const list of this.evidenceOf.values())
      list.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  }

  linkedEvidence(activityId: string): Evidence[] {
    return this.evidenceOf.get(activityId) ?? [];
  }

  /** «И.В. Ещенко - начальник отдела …», one person per line. */
  responsibleText(activity: Activity, separator = ' - '): string {
    return activity.responsibleIds
      .map((id) => this.people.get(id))
      .filter((p): p is Person => p !== undefined)
      .map((p) => (p.position.trim() ? `${p.name}${separator}${p.position.trim()}` : p.name))
      .join('\n');
  }
}

/** The customary citation of one piece of evidence, with the page address for web pages. */
export function citeEvidence(evidence: Evidence): string {
  const ref = formatRef(evidence);
  return evidence.url ? `${ref} (${evidence.url})` : ref;
}

/**
 * True when the report text already cites the document (its number and date appear), so the
 * export does not repeat it.
 */
export function alreadyCited(report: string, evidence: Evidence): boolean {
  if (!evidence.number.trim() || !evidence.date) return false;
  return report.includes(evidence.number.trim()) && report.includes(formatRuDate(evidence.date));
}
