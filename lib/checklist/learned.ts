// Learned rules: when a user confirms or corrects a value and picks the evidence (or activities)
// behind it, the rule that reproduces that value from the register is stored in the workspace
// (a shared record, so the whole team gets it), against the indicator's wording. The next form
// that carries this indicator, next year's or another authority's, is bound to it by the same
// matcher as the library's rules, and completed the same way.
import { z } from 'zod';
import { idSchema, timestampSchema } from '../model/primitives.ts';
import type { RuleCandidate } from './bind-rules.ts';
import { stem, words } from '../ru/stem.ts';
import type { RegisterData } from './register-index.ts';
import { indexRegister, phraseStems } from './register-index.ts';
import { evaluateRule, ruleSchema, type Period, type Rule } from './rules.ts';
import { indicatorKindSchema, type Indicator, type Template } from './schema.ts';
import { t } from './messages.ts';

export const learnedRuleSchema = z.object({
  id: idSchema,
  /** The indicator's wording the rule was learned on, and where it sat (section, group). */
  indicatorText: z.string().min(1).max(4000),
  context: z.array(z.string().max(2000)).max(2),
  kind: indicatorKindSchema,
  rule: ruleSchema,
  /** The form and the value it was learned from, for the list of rules. */
  templateTitle: z.string().min(1).max(1000),
  value: z.union([z.number(), z.string().max(200), z.null()]),
  by: z.string().max(200),
  at: timestampSchema,
});
export type LearnedRule = z.infer<typeof learnedRuleSchema>;

/** The team's rules as candidates for binding (before the library's: they are the team's own). */
export function learnedCandidates(rules: readonly LearnedRule[]): RuleCandidate[] {
  return rules.map((r) => ({
    rule: r.rule,
    kind: r.kind,
    text: r.indicatorText,
    context: r.context,
    source: 'workspace',
    sourceTitle: t('teamRules'),
    sourceId: r.id,
  }));
}

/**
 * A record's words, rarest in the register first: what tells it apart next year too. Written
 * as the record writes them; the rule language stems them as the register's index does.
 */
function distinctive(texts: string[], all: string[][]): string[][] {
  const df = new Map<string, number>();
  for (const stems of all) for (const s of new Set(stems)) df.set(s, (df.get(s) ?? 0) + 1);
  return texts.map((text) => {
    const seen = new Set<string>();
    const out: { word: string; df: number }[] = [];
    for (const word of words(text)) {
      if (word.length < 4 || /^\d+$/.test(word)) continue;
      const s = stem(word);
      if (seen.has(s)) continue;
      seen.add(s);
      out.push({ word, df: df.get(s) ?? 0 });
    }
    return out
      .sort((a, b) => a.df - b.df)
      .slice(0, 3)
      .map((w) => w.word);
  });
}

/** A phrase of the rule language: all its words, in any word form. */
const phrase = (ws: string[]): string => ws.join(' ');

export type LearnOutcome =
  { ok: true; rule: Rule; value: number | null } | { ok: false; reason: string };

/**
 * The rule that reproduces `value` for `ind` from the picked records, or why there is none.
 * Presence: evidence of the picked kinds whose titles say what the picked ones say. Counts: the
 * picked activities' organisations, participants or number, found again by their words.
 */
export function learnRule(
  ind: Indicator,
  value: number | string | null,
  picked: { evidenceIds: string[]; activityIds: string[] },
  data: RegisterData,
  period: Period,
): LearnOutcome {
  const ix = indexRegister(data);
  const evidence = picked.evidenceIds
    .map((id) => ix.evidenceById.get(id))
    .filter((i): i is number => i !== undefined);
  const activities = picked.activityIds
    .map((id) => ix.activityById.get(id))
    .filter((i): i is number => i !== undefined);
  const allWords = [
    ...data.evidence.map((e) => phraseStems(e.title)),
    ...data.activities.map((a) => phraseStems(a.title)),
  ];
  let rule: Rule;
  if (ind.kind === 'presence') {
    if (evidence.length === 0) return { ok: false, reason: t('learnNeedsEvidence') };
    const words = distinctive(
      evidence.map((e) => data.evidence[e]!.title),
      allWords,
    ).filter((w) => w.length > 0);
    if (words.length === 0) return { ok: false, reason: t('learnNoWords') };
    rule = {
      type: 'presence',
      evidenceKinds: [...new Set(evidence.map((e) => data.evidence[e]!.kind))],
      match: { anyStems: words.map(phrase) },
      viaActivities: false,
    };
  } else if (ind.kind === 'count' || ind.kind === 'number') {
    if (activities.length === 0) return { ok: false, reason: t('learnNeedsActivities') };
    const words = distinctive(
      activities.map((a) => data.activities[a]!.title),
      allWords,
    ).filter((w) => w.length > 0);
    if (words.length === 0) return { ok: false, reason: t('learnNoWords') };
    const activityMatch = { anyStems: words.map(phrase) };
    const text = ind.text.toLowerCase();
    rule = /мероприят/.test(text.slice(0, 40))
      ? { type: 'count-activities', activityMatch }
      : /(педагог|участник|человек|учител|работник)/.test(text.slice(0, 60))
        ? { type: 'sum-participants', activityMatch }
        : {
            type: 'count-orgs',
            activityMatch,
            ...(/шнор|низкими/.test(text.slice(0, 60)) ? { filter: { shnor: true } } : {}),
          };
  } else return { ok: false, reason: t('learnKind') };
  const parsed = ruleSchema.safeParse(rule);
  if (!parsed.success) return { ok: false, reason: t('learnNoWords') };
  // Only a rule that gives the user's value again is worth keeping.
  const outcome = evaluateRule(parsed.data, ix, period, undefined);
  const want = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
  if (outcome.value !== want)
    return { ok: false, reason: t('learnDiffers', String(outcome.value), String(value)) };
  return { ok: true, rule: parsed.data, value: outcome.value };
}

/** The learned rule record for an indicator of a template. */
export function learnedRecord(
  template: Template,
  ind: Indicator,
  rule: Rule,
  value: number | string | null,
  id: string,
  by: string,
  at: string,
): LearnedRule {
  const section = template.sections.find((s) => s.id === ind.section)?.title ?? '';
  const group = ind.parent
    ? (template.indicators.find((i) => i.id === ind.parent)?.text ?? '')
    : '';
  return learnedRuleSchema.parse({
    id,
    indicatorText: ind.text.slice(0, 4000),
    context: [section.slice(0, 2000), group.slice(0, 2000)],
    kind: ind.kind,
    rule,
    templateTitle: template.title.slice(0, 1000),
    value: typeof value === 'string' ? value.slice(0, 200) : value,
    by: by.slice(0, 200),
    at,
  });
}
