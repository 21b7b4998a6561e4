// Import of roadmaps and reports from .docx / .xlsx / .csv / pasted tables into activities.
export { ImportError } from './errors.ts';
export type { ColumnMapping, Field, RawTable, TableSource } from './types.ts';
export { fieldSchema } from './types.ts';
export { readImportFile } from './read.ts';
export { readPastedTable, readCsv } from './delimited.ts';
export { readDocx } from './docx.ts';
export { readXlsx } from './xlsx.ts';
export { detectColumns, findHeader, type Column } from './columns.ts';
export {
  buildPreview,
  type ImportPreview,
  type PreviewContext,
  type PreviewRow,
  type PreviewTable,
} from './preview.ts';
export { planImport, type ExistingRecords, type ImportPlan } from './plan.ts';
export { MAX_FILE_BYTES, MAX_RATIO, MAX_UNZIPPED_BYTES } from './zip.ts';
