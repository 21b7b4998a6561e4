// The heavy half of the import, loaded with import() on first use: the readers pull in fflate,
// @xmldom/xmldom and exceljs, which the dashboard should not pay for until a file is dropped.
export { readImportFile } from '../../lib/importers/read.ts';
export { readPastedTable } from '../../lib/importers/delimited.ts';
export { buildPreview } from '../../lib/importers/preview.ts';
export { planImport } from '../../lib/importers/plan.ts';
export { refuse } from '../../lib/importers/errors.ts';
export { MAX_FILE_BYTES } from '../../lib/importers/zip.ts';
