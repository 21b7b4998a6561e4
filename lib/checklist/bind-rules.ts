// Rules travel with the indicator, not the workbook: an imported form's indicators are bound to
// the rules of the indicators they mean, whichever form those came from (the built-in library,
// the workspace's learned rules), by the one matcher (indicator-match.ts). A binding is kept on
// the indicator, shown («правило показателя «…» формы «…», сходство 0,93») and can be undone.
// A near-tie between two rules binds neither: the indicator says so and waits for the user.
import { IndicatorMatcher, type MatchOutcome, type MatcherSettings } from './indicator-match.ts';
import type { Indicator, IndicatorBinding, IndicatorKind, Template } from './schema.ts';

/** A rule to bind: where it comes from and the indicator it was written for. */
export interface RuleCandidate {
  rule: unknown;
  kind: IndicatorKind;
  text: string;
  context: string[];
  source: IndicatorBinding['source'];
  /** The form (or «правила команды») it belongs to. */
  sourceTitle: string;
  /** The indicator's id in its source. */
  sourceId: string;
}

export interface BindingReport {
  bound: number;
  /** Indicators two rules fit almost equally: bound to neither. */
  ambiguous: { indicatorId: string; candidates: string[] }[];
}

const FAMILY: Partial<Record<IndicatorKind, string>> = {
  presence: 'presence',
  count: 'amount',
  number: 'amount',
  percent: 'amount',
};

/** The section title and the group's text: what tells apart equal sub-items of two groups. */
function contextOf(t: Template, ind: Indicator): string[] {
  const section = t.sections.find((s) => s.id === ind.section)?.title ?? '';
  const group = ind.parent ? (t.indicators.find((i) => i.id === ind.parent)?.text ?? '') : '';
  return [section, group];
}

/** Every answerable indicator of these templates that carries a rule, as a candidate. */
export function libraryCandidates(templates: readonly Template[]): RuleCandidate[] {
  const out: RuleCandidate[] = [];
  for (const t of templates)
    for (const ind of t.indicators)
      if (ind.rule !== undefined && FAMILY[ind.kind])
        out.push({
          rule: ind.rule,
          kind: ind.kind,
          text: ind.text,
          context: contextOf(t, ind),
          source: 'library',
          sourceTitle: t.title,
          sourceId: ind.id,
        });
  return out;
}

/**
 * The template with rules bound to its indicators. An indicator that already has a rule, or
 * whose binding the user undid, is left as it is; nothing else of the template changes.
 */
export function bindRules(
  template: Template,
  candidates: readonly RuleCandidate[],
  settings: Partial<MatcherSettings> = {},
): { template: Template; report: BindingReport } {
  const matcher = new IndicatorMatcher(
    candidates.map((c, i) => ({ key: i, ...c })),
    settings,
  );
  const report: BindingReport = { bound: 0, ambiguous: [] };
  const indicators = template.indicators.map((ind): Indicator => {
    const family = FAMILY[ind.kind];
    if (!family || ind.rule !== undefined || ind.binding) return ind;
    // The team's own rules first: a rule someone here taught wins over the library's.
    const query = { text: ind.text, context: contextOf(template, ind) };
    const fits = (k: number) => FAMILY[candidates[k]!.kind] === family;
    const own: MatchOutcome<number> = matcher.match(
      query,
      (k) => fits(k) && candidates[k]!.source === 'workspace',
    );
    const outcome: MatchOutcome<number> = own.status === 'match' ? own : matcher.match(query, fits);
    if (outcome.status === 'ambiguous') {
      // The same rule reached twice (a form listing an indicator in two sections) is no tie.
      const rules = new Set(outcome.keys.map((k) => JSON.stringify(candidates[k]!.rule)));
      if (rules.size > 1) {
        report.ambiguous.push({
          indicatorId: ind.id,
          candidates: outcome.keys.map((k) => candidates[k]!.text),
        });
        return ind;
      }
    }
    if (outcome.status === 'none') return ind;
    const key = outcome.status === 'match' ? outcome.key : outcome.keys[0]!;
    const c = candidates[key]!;
    report.bound++;
    return {
      ...ind,
      rule: c.rule,
      binding: {
        source: c.source,
        sourceTitle: c.sourceTitle.slice(0, 1000),
        sourceId: c.sourceId,
        sourceText: c.text.slice(0, 4000),
        similarity: Math.round(outcome.score * 100) / 100,
      },
    };
  });
  return { template: { ...template, indicators }, report };
}

/** Undoes one binding: the indicator goes back to being answered from its wording or by hand. */
export function unbindRule(template: Template, indicatorId: string): Template {
  return {
    ...template,
    indicators: template.indicators.map((ind) => {
      if (ind.id !== indicatorId || !ind.binding) return ind;
      const { rule: _rule, binding, ...rest } = ind;
      return { ...rest, binding: { ...binding, undone: true } };
    }),
  };
}
