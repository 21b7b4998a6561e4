// What `npm run cli -- fill` prints: each indicator's proposed value, its justification (record
// ids and titles) and confidence, with progress and «что ещё нужно». A form the library knows
// (same workbook hash) is completed with the library's structure and rules; any other form gets
// the rules of the indicators it shares by meaning (recognise.ts), and the rest from wording.
import { autoComplete } from './auto.ts';
import { newFilling, progress, whatIsMissing } from './filling.ts';
import { recogniseForm } from './recognise.ts';
import type { Proposal } from './proposals.ts';
import type { RegisterData } from './register-index.ts';
import type { Template } from './schema.ts';
import { reportingPeriodSchema } from './schema.ts';
import { parseTemplateJson } from './template-json.ts';
import { refuseChecklist } from './errors.ts';

export async function fillJson(
  formOrTemplateBytes: Uint8Array,
  fileName: string,
  data: RegisterData,
  period: { start: string; end: string },
  opts: { today?: string; now?: string } = {},
) {
  const p = reportingPeriodSchema.safeParse(period);
  if (!p.success)
    throw refuseChecklist(`Неверный отчётный период: ${p.error.issues[0]?.message ?? ''}.`);
  let template: Template;
  let warnings: string[] = [];
  let proposals: Proposal[] = [];
  if (/\.json$/i.test(fileName)) {
    template = parseTemplateJson(new TextDecoder().decode(formOrTemplateBytes), fileName);
  } else {
    const recognised = await recogniseForm(formOrTemplateBytes, fileName);
    template = recognised.template;
    warnings = recognised.warnings;
    proposals = recognised.proposals;
  }
  const now = opts.now ?? `${opts.today ?? p.data.end}T00:00:00.000Z`;
  const filling = newFilling(template, { id: `fill-${template.id}`, period: p.data }, now);
  const results = autoComplete(template, filling, data, opts.today ? { today: opts.today } : {});
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  return {
    template: { id: template.id, title: template.title, source: template.source },
    period: p.data,
    indicators: template.indicators
      .filter((i) => byId.has(i.id))
      .map((i) => {
        const r = byId.get(i.id)!;
        return {
          id: i.id,
          number: i.number,
          text: i.text,
          section: sections.get(i.section) ?? '',
          kind: i.kind,
          cell: i.cells.value ?? null,
          value: r.value,
          confidence: Math.round(r.confidence * 100) / 100,
          basis: r.basis,
          ...(i.binding && !i.binding.undone
            ? {
                binding: {
                  form: i.binding.sourceTitle,
                  indicator: i.binding.sourceText,
                  similarity: i.binding.similarity,
                },
              }
            : {}),
          justification: {
            evidence: r.evidence,
            activities: r.activities,
            ...(r.orgIds ? { orgIds: r.orgIds } : {}),
          },
          warnings: r.warnings,
        };
      }),
    progress: progress(template, filling, results),
    missing: whatIsMissing(template, filling, results),
    proposals: proposals.map((x) => ({ id: x.id, message: x.message })),
    warnings,
  };
}
