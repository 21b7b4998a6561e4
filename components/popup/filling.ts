// The popup's view of monitorings: which filling is active, how far along it is, and the list
// autofill fills a web form from. Pure (records come in raw from the Y.Doc and are parsed here).
import {
  ANSWERABLE_KINDS,
  fillingSchema,
  templateSchema,
  type Filling,
  type Template,
} from '../../lib/checklist/schema.ts';
import type { IndicatorInput, IndicatorValue } from '../../lib/autofill/types.ts';
import { t } from './messages.ts';

export interface ActiveFilling {
  filling: Filling;
  template: Template;
}

const ANSWERABLE: ReadonlySet<string> = ANSWERABLE_KINDS;

/** The most recently updated filling whose template is present (invalid records are skipped). */
export function activeFilling(
  fillingsRaw: readonly unknown[],
  templatesRaw: readonly unknown[],
): ActiveFilling | null {
  const templates = new Map<string, Template>();
  for (const raw of templatesRaw) {
    const parsed = templateSchema.safeParse(raw);
    if (parsed.success) templates.set(parsed.data.id, parsed.data);
  }
  let best: ActiveFilling | null = null;
  for (const raw of fillingsRaw) {
    const f = fillingSchema.safeParse(raw);
    if (!f.success) continue;
    const template = templates.get(f.data.templateId);
    if (!template) continue;
    if (!best || f.data.updatedAt > best.filling.updatedAt) best = { filling: f.data, template };
  }
  return best;
}

function answered(filling: Filling, indicatorId: string): boolean {
  const has = (key: string) => {
    const a = filling.answers[key];
    return !!a && a.status !== 'rejected' && a.value !== null && a.value !== '';
  };
  if (has(indicatorId)) return true;
  // Indicators of a group with subjects are answered per subject: all of them must be.
  const prefix = `${indicatorId}::`;
  const keys = Object.keys(filling.answers).filter((k) => k.startsWith(prefix));
  return keys.length > 0 && keys.every(has);
}

export function fillingProgress({ template, filling }: ActiveFilling): {
  filled: number;
  total: number;
} {
  let filled = 0;
  let total = 0;
  for (const ind of template.indicators) {
    if (!ANSWERABLE.has(ind.kind)) continue;
    total++;
    if (answered(filling, ind.id)) filled++;
  }
  return { filled, total };
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86_400_000);
}

/** «срок завтра», «срок сегодня», «срок через 5 дней», «срок прошёл 11.06.2021». */
export function deadlinePhrase(deadline: string | null, today: string): string | null {
  if (!deadline) return null;
  const days = dayNumber(deadline) - dayNumber(today);
  if (days < 0) return t('duePassed', deadline);
  if (days === 0) return t('dueToday');
  if (days === 1) return t('dueTomorrow');
  if (days <= 7) return t('dueInDays', days);
  return t('dueOn', deadline);
}

/** «Мониторинг ШНОР: 41 из 44, срок завтра». */
export function fillingLine(active: ActiveFilling, today: string): string {
  const { filled, total } = fillingProgress(active);
  const due = deadlinePhrase(active.filling.deadline, today);
  const line = t('fillingLine', { title: active.filling.title, filled, total });
  return due ? `${line}, ${due}` : line;
}

function valueOf(filling: Filling, indicatorId: string): IndicatorValue {
  const a = filling.answers[indicatorId];
  if (!a || a.status === 'rejected') return null;
  return a.value;
}

/** What autofill matches page fields against: each indicator with the filling's answer. */
export function autofillIndicators({ template, filling }: ActiveFilling): IndicatorInput[] {
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  const texts = new Map(template.indicators.map((i) => [i.id, i.text]));
  return template.indicators
    .filter((ind) => ind.kind !== 'group')
    .map((ind) => {
      // Where it sits: two forms' «наличие информационной площадки» differ only by section.
      const context = [sections.get(ind.section), ind.parent ? texts.get(ind.parent) : undefined]
        .filter((c): c is string => !!c)
        .map((c) => c.slice(0, 1000));
      return {
        indicatorId: ind.id,
        number: ind.number,
        text: ind.text.slice(0, 4000),
        kind: ind.kind,
        value: valueOf(filling, ind.id),
        ...(context.length ? { context } : {}),
      };
    });
}
