import { z } from 'zod';

export const tableSourceSchema = z.enum(['docx', 'xlsx', 'csv', 'paste']);
export type TableSource = z.infer<typeof tableSourceSchema>;

/**
 * One table as read from a file: cells as text (paragraphs joined by '\n'), every row as wide as
 * the grid. `name` is the file name (plus the sheet for workbooks): it is part of each row's
 * import key, so it must not depend on where the table sits in the document.
 */
export interface RawTable {
  rows: string[][];
  source: TableSource;
  name: string;
  /** Cells that continue a vertical merge from the row above (docx vMerge); absent elsewhere. */
  continued?: boolean[][];
  /** Cells covered by a horizontal merge with the cell on their left (docx gridSpan, xlsx merges). */
  merged?: boolean[][];
}

export const fieldSchema = z.enum([
  'number',
  'title',
  'period',
  'place',
  'responsible',
  'report',
  'participants',
  'status',
  'ignore',
]);
export type Field = z.infer<typeof fieldSchema>;

/** User override of the detected columns of one table: column index → field (null = unmapped). */
export type ColumnMapping = Record<number, Field | null>;
