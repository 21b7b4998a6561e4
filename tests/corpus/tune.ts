// `npx tsx tests/corpus/tune.ts`: searches the matcher's settings on the tuning part of the
// corpus only (never the held-out part), scoring right bindings and punishing wrong ones ten
// times: a wrong rule writes a wrong value, a missing one only asks the user.
import { bindRules, libraryCandidates } from '../../lib/checklist/bind-rules.ts';
import { importTemplateXlsx } from '../../lib/checklist/import-xlsx.ts';
import { MATCHER, type MatcherSettings } from '../../lib/checklist/indicator-match.ts';
import { builtinTemplates } from '../../lib/checklist/library/index.ts';
import { buildWorkbook, loadCorpus } from './spec.ts';

const candidates = libraryCandidates(builtinTemplates());
const forms = await Promise.all(
  loadCorpus('tuning').map(async (spec) => ({
    spec,
    template: (await importTemplateXlsx(await buildWorkbook(spec), spec.fileName)).template,
  })),
);

function evaluate(settings: Partial<MatcherSettings>): {
  right: number;
  wrong: number;
  of: number;
} {
  let right = 0;
  let wrong = 0;
  let of = 0;
  for (const { spec, template } of forms) {
    const bound = bindRules(template, candidates, settings).template;
    for (const e of spec.expected.indicators) {
      if (e.kind === 'aggregate') continue;
      const got = bound.indicators.find((i) => i.id === `r${e.row}`)?.binding?.sourceId ?? null;
      if (e.same) of++;
      if (got !== null && got === e.same) right++;
      else if (got !== null) wrong++;
    }
  }
  return { right, wrong, of };
}

const grid = {
  threshold: [0.55, 0.6, 0.65],
  margin: [0.03, 0.06],
  contextWeight: [0.15, 0.25, 0.35],
  contextDecides: [0.1, 0.2],
  headWeight: [0.25, 0.5, 1],
  explanation: [0.1, 0.2, 0.35],
};
const results: { s: MatcherSettings; right: number; wrong: number; of: number }[] = [];
for (const threshold of grid.threshold)
  for (const margin of grid.margin)
    for (const contextWeight of grid.contextWeight)
      for (const contextDecides of grid.contextDecides)
        for (const headWeight of grid.headWeight)
          for (const explanation of grid.explanation) {
            const s = { threshold, margin, contextWeight, contextDecides, headWeight, explanation };
            results.push({ s, ...evaluate(s) });
          }
results.sort((a, b) => b.right - 10 * b.wrong - (a.right - 10 * a.wrong));
console.log('current', MATCHER, evaluate(MATCHER));
for (const r of results.slice(0, 15)) console.log(JSON.stringify(r.s), r.right, r.wrong, r.of);
