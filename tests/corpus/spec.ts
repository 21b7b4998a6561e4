// The monitoring-form corpus: forms in the layouts authorities send, written as data (one JSON
// spec per form) and built into real .xlsx workbooks with exceljs. Each spec says what a careful
// reader would find in the form (indicators, their kind, answer cell and section) and what the
// example register should answer, so the template reader, the matcher and the auto-completion
// are measured on forms no rule was written against. `tuning/` is what the code may be tuned on;
// `held-out/` is measured and reported separately, never tuned on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { indicatorKindSchema } from '../../lib/checklist/schema.ts';

const cellSchema = z.union([z.string(), z.number(), z.null()]);
const address = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);
const range = z.string().regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);

const sheetSpecSchema = z
  .object({
    name: z.string().min(1).max(31),
    state: z.enum(['visible', 'hidden']).optional(),
    /** Row 1 first; in each row, column A first. */
    rows: z.array(z.array(cellSchema)),
    merges: z.array(range).optional(),
    /** List validations (a drop-down of allowed answers). */
    validations: z.array(z.object({ range, list: z.array(z.string()).min(1) })).optional(),
    /** Rows written in bold (section titles usually are). */
    bold: z.array(z.number().int().positive()).optional(),
    /** Cells greyed out: not to be filled. */
    grey: z.array(address).optional(),
    widths: z.array(z.number()).optional(),
  })
  .strict();

/** The kinds an expected indicator can have: the template's, but a group is no indicator. */
const expectedKindSchema = indicatorKindSchema.exclude(['group']);

const expectedIndicatorSchema = z
  .object({
    row: z.number().int().positive(),
    /** The code as the form writes it («1.2», «А.1», «II.», ''). */
    code: z.string(),
    kind: expectedKindSchema,
    /** Where the answer goes. */
    cell: address,
    /** The title of the section (or group heading) the indicator sits under, as written. */
    section: z.string().min(1),
    /** The seed-004 indicator (library id, e.g. «r7») this one is the same as, or null. */
    same: z.string().nullable(),
    /**
     * For indicators no rule knows (same: null): the value the example register supports for
     * the 2020-2021 school year, or null when it supports none (then proposing any value is wrong).
     */
    value: z.union([z.number(), z.null()]).optional(),
    /** Why that value: the records it rests on, for the reviewer. */
    why: z.string().optional(),
  })
  .strict();

export const corpusSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    category: z.enum([
      'relaid-seed004',
      'reworded-seed004',
      'school-checklist',
      'single-value-column',
      'two-row-header',
      'several-sheets',
      'unknown-form',
    ]),
    description: z.string(),
    fileName: z.string().regex(/\.xlsx$/),
    sheets: z.array(sheetSpecSchema).min(1),
    expected: z
      .object({
        sheet: z.string(),
        sections: z.array(z.object({ row: z.number().int().positive(), title: z.string() })),
        indicators: z.array(expectedIndicatorSchema).min(1),
      })
      .strict(),
  })
  .strict();
export type CorpusSpec = z.infer<typeof corpusSpecSchema>;
export type ExpectedIndicator = CorpusSpec['expected']['indicators'][number];

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };

export async function buildWorkbook(spec: CorpusSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((v, c) => {
        if (v !== null && v !== '') row.getCell(c + 1).value = v;
      });
      row.getCell(1).alignment = { wrapText: true };
    });
    for (const r of s.bold ?? []) ws.getRow(r).font = { bold: true };
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const a of s.grey ?? []) ws.getCell(a).fill = GREY;
    for (const v of s.validations ?? []) {
      const formula = `"${v.list.join(',')}"`;
      const [from, to] = v.range.split(':') as [string, string | undefined];
      const start = ws.getCell(from);
      const end = ws.getCell(to ?? from);
      for (let r = Number(start.row); r <= Number(end.row); r++)
        for (let c = Number(start.col); c <= Number(end.col); c++)
          ws.getCell(r, c).dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [formula],
          };
    }
    s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadCorpus(part: 'tuning' | 'held-out'): CorpusSpec[] {
  const dir = path.join(here, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = corpusSpecSchema.safeParse(
        JSON.parse(readFileSync(path.join(dir, f), 'utf8')),
      );
      if (!parsed.success)
        throw new Error(`${part}/${f}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      return parsed.data;
    });
}
