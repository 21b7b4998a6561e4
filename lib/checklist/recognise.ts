// A monitoring form as the user brings it → the template to fill: the built-in library's own,
// fixed structure when it is byte for byte a workbook the library knows; otherwise the form as
// read, with every rule the library (and the workspace's learned rules) holds for the same
// indicators bound by meaning. Used by the CLI and by «Новый мониторинг» alike.
import { bindRules, libraryCandidates, type RuleCandidate } from './bind-rules.ts';
import { importTemplateXlsx } from './import-xlsx.ts';
import { builtinTemplates } from './library/index.ts';
import { t } from './messages.ts';
import type { Proposal } from './proposals.ts';
import type { Template } from './schema.ts';

export interface RecognisedForm {
  template: Template;
  /** The library's form this file is, byte for byte, if any. */
  known: Template | null;
  proposals: Proposal[];
  warnings: string[];
}

/** The library's rules as candidates: read once, the library does not change while running. */
let library: RuleCandidate[] | null = null;

/** The library's and the workspace's rules, as candidates for binding. */
export function ruleCandidates(extra: readonly RuleCandidate[] = []): RuleCandidate[] {
  library ??= libraryCandidates(builtinTemplates());
  return [...extra, ...library];
}

/** Binds rules by meaning and says which indicators two rules fit almost equally. */
export function bindByMeaning(
  template: Template,
  extra: readonly RuleCandidate[] = [],
): { template: Template; warnings: string[] } {
  const { template: bound, report } = bindRules(template, ruleCandidates(extra));
  const warnings = report.ambiguous.map((a) => {
    const ind = bound.indicators.find((i) => i.id === a.indicatorId)!;
    return t('bindingAmbiguous', ind.number || String(ind.row ?? ''), ind.text, a.candidates);
  });
  return { template: bound, warnings };
}

export async function recogniseForm(
  bytes: Uint8Array,
  fileName: string,
  extra: readonly RuleCandidate[] = [],
): Promise<RecognisedForm> {
  const imported = await importTemplateXlsx(bytes, fileName);
  const known =
    builtinTemplates().find(
      (b) => b.source.workbookHash === imported.template.source.workbookHash,
    ) ?? null;
  if (known)
    return { template: known, known, proposals: [], warnings: [t('formKnown', known.title)] };
  const { template, warnings } = bindByMeaning(imported.template, extra);
  return {
    template,
    known: null,
    proposals: imported.proposals,
    warnings: [...imported.warnings, ...warnings],
  };
}
