// Monitoring checklists: templates imported from the authority's .xlsx or built in, fillings
// auto-completed from the register with justifications, the review loop and progress.
export * from './schema.ts';
export { ChecklistImportError } from './errors.ts';
export { importTemplateXlsx, isNotApplicableFill, type TemplateImport } from './import-xlsx.ts';
export { applyProposals, detectProposals, splitRunTogether, type Proposal } from './proposals.ts';
export {
  ruleSchema,
  matchSchema,
  orgFilterSchema,
  describeNeed,
  type Rule,
  type Match,
  type OrgFilter,
} from './rules.ts';
export type { RegisterData } from './register-index.ts';
export { autoComplete, DOMAIN_ABBREVIATIONS, type AutoResult, type AutoOptions } from './auto.ts';
export {
  AUTO_ACTOR,
  confirmAnswer,
  mergeProposals,
  newFilling,
  overrideAnswer,
  progress,
  rejectAnswer,
  setSubjects,
  whatIsMissing,
  type MissingItem,
  type Progress,
} from './filling.ts';
export { builtinTemplates } from './library/index.ts';
export { parseTemplateJson } from './template-json.ts';
export { fillJson } from './cli-fill.ts';
export { bindByMeaning, recogniseForm, ruleCandidates, type RecognisedForm } from './recognise.ts';
export { bindRules, unbindRule, libraryCandidates, type RuleCandidate } from './bind-rules.ts';
export { IndicatorMatcher, indicatorSimilarity, SAME_INDICATOR } from './indicator-match.ts';
