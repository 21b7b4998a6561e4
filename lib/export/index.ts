// Exports: the authority's own form filled in place, and the reports built from the register.
// Pure: bytes in, bytes out; runs in Node and in an extension page.
export {
  isDangerousText,
  neutraliseText,
  safeCellValue,
  setCell,
  setFormula,
} from './safe-cell.ts';
export type { SafeCellValue } from './safe-cell.ts';
export { exportFileName } from './file-name.ts';
export { ExportError } from './errors.ts';
export { fillWorkbook, SOURCES_SHEET, type FillOptions } from './fill-workbook.ts';
export {
  preExportCheck,
  type PreExportIssue,
  type PreExportIssueKind,
} from './pre-export-check.ts';
export { formRows, type AutoResultLike, type FormRow, type ResultsLike } from './form-model.ts';
export type { RegisterData, ReportFilters } from './register.ts';
export { exportExecutionReport, type ReportOptions } from './execution-report.ts';
export { exportRoadmap } from './roadmap.ts';
export { exportMonitoringReport, type MonitoringReportOptions } from './monitoring-report.ts';
export {
  analysisDraftSchema,
  analysisToText,
  draftAnalysis,
  type AnalysisDraft,
} from './analysis.ts';
export { exportAnalysisDocx } from './analysis-docx.ts';
