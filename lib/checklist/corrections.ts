// The user's corrections of a form as read: an indicator's kind, its answer cell, its section.
// Applied to the template itself (so the export writes where the user said) and listed in it,
// so the team sees what was corrected by hand and a re-import of the same file can offer them.
import { cellAddressSchema, type Indicator, type IndicatorKind, type Template } from './schema.ts';
import { templateSchema } from './schema.ts';
import { refuseChecklist } from './errors.ts';
import { t } from './messages.ts';

export interface Correction {
  indicatorId: string;
  kind?: IndicatorKind;
  /** A1 address of the answer cell on the form's sheet. */
  cell?: string;
  section?: string;
}

/** The template with the corrections applied in order; refuses one that does not fit the form. */
export function applyCorrections(template: Template, corrections: readonly Correction[]): Template {
  if (corrections.length === 0) return template;
  const byId = new Map(template.indicators.map((i) => [i.id, { ...i }]));
  const sections = new Set(template.sections.map((s) => s.id));
  for (const c of corrections) {
    const ind = byId.get(c.indicatorId);
    if (!ind) throw refuseChecklist(t('correctionUnknown', c.indicatorId));
    if (c.kind !== undefined) correctKind(ind, c.kind);
    if (c.cell !== undefined) {
      const cell = c.cell.trim().toUpperCase();
      if (!cellAddressSchema.safeParse(cell).success)
        throw refuseChecklist(t('correctionBadCell', c.cell));
      ind.cells = { ...ind.cells, value: cell };
      ind.notApplicable = ind.notApplicable.filter((a) => a !== cell);
    }
    if (c.section !== undefined) {
      if (!sections.has(c.section)) throw refuseChecklist(t('correctionUnknown', c.section));
      ind.section = c.section;
    }
  }
  const normalised = corrections.map((c) =>
    c.cell === undefined ? c : { ...c, cell: c.cell.trim().toUpperCase() },
  );
  const merged = mergeCorrections(template.corrections ?? [], normalised);
  return templateSchema.parse({
    ...template,
    indicators: template.indicators.map((i) => byId.get(i.id)!),
    corrections: merged,
  });
}

function correctKind(ind: Indicator, kind: IndicatorKind): void {
  if (kind === 'group' || ind.kind === 'group')
    throw refuseChecklist(t('correctionGroup', ind.number || ind.text.slice(0, 40)));
  ind.kind = kind;
  ind.max = kind === 'presence' ? 1 : kind === 'aggregate' ? ind.max : null;
  // A rule bound for another kind of answer no longer fits it.
  if (ind.binding) {
    delete ind.rule;
    delete ind.binding;
  }
}

/** One entry per indicator and field: the latest value wins. */
function mergeCorrections(
  earlier: readonly Correction[],
  later: readonly Correction[],
): Correction[] {
  const out = new Map<string, Correction>();
  for (const c of [...earlier, ...later])
    out.set(c.indicatorId, { ...out.get(c.indicatorId), ...c });
  return [...out.values()];
}
