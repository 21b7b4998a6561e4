// How much one import may hold (issue #16): a 100,000-row book took 767 MB to read in the CLI,
// which a browser tab does not have. Files past these are refused before they are parsed.
export const MAX_IMPORT_ROWS = 20_000;
/** The memory estimate for books: exceljs keeps an object per cell, roughly 0.3–0.5 KB each. */
export const MAX_SHEET_CELLS = 600_000;
