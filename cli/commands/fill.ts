// `npm run cli -- fill <form.xlsx|template.json> --workspace <backup> --period 2020-2021
//   [--json] [--out <filled.xlsx>] [--sources] [--formulas]`
// --json prints each indicator's proposed value, justification and confidence; --out writes
// the authority's own workbook with the values in its cells (layout untouched).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type CliIo } from '../io.ts';
import { loadBackupFile } from '../backup-file.ts';
import {
  autoComplete,
  ChecklistImportError,
  fillJson,
  mergeProposals,
  newFilling,
  recogniseForm,
} from '../../lib/checklist/index.ts';
import { fillWorkbook, preExportCheck } from '../../lib/export/index.ts';
import { schoolYearBounds } from '../../lib/periods/index.ts';

const USAGE =
  'Использование: npm run cli -- fill <форма.xlsx|шаблон.json> --workspace <резервная копия> --period 2020-2021 [--json] [--out <заполненная.xlsx>] [--sources] [--formulas]';

/** «2020-2021» (a school year) or «2021-01-01..2021-06-11». */
export function parsePeriodArg(text: string): { start: string; end: string } {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) return { start: range[1]!, end: range[2]! };
  return schoolYearBounds(text);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options, switches } = parseArgs(
    args,
    ['--workspace', '--period', '--out'],
    ['--json', '--sources', '--formulas'],
  );
  const [form] = positional;
  const workspace = options['--workspace'];
  if (
    !form ||
    positional.length !== 1 ||
    !workspace ||
    (!switches.has('--json') && !options['--out'])
  ) {
    io.err(USAGE);
    return 2;
  }
  if (!existsSync(form))
    throw new ChecklistImportError(`Файл формы не найден: ${form}. Ничего не изменено.`);
  const bytes = new Uint8Array(readFileSync(form));
  const { snapshot } = await loadBackupFile(workspace);
  const period = parsePeriodArg(options['--period'] ?? snapshot.workspace.schoolYear);
  const today = new Date().toISOString().slice(0, 10);

  if (switches.has('--json')) {
    io.out(
      JSON.stringify(
        await fillJson(bytes, path.basename(form), snapshot, period, { today }),
        null,
        2,
      ),
    );
  }
  const out = options['--out'];
  if (out) {
    if (/\.json$/i.test(form))
      throw new ChecklistImportError(
        'Для --out нужна сама форма .xlsx, а не шаблон .json. Ничего не записано.',
      );
    const { template } = await recogniseForm(bytes, path.basename(form));
    const now = new Date().toISOString();
    const blank = newFilling(template, { id: `fill-${template.id}`, period }, now);
    const results = autoComplete(template, blank, snapshot, { today });
    const filling = mergeProposals(blank, results, 'командная строка', now);
    for (const issue of preExportCheck(template, filling, results))
      io.err(`Внимание: ${issue.message}`);
    const filled = await fillWorkbook(bytes, template, filling, results, {
      sourcesSheet: switches.has('--sources'),
      aggregatesAsFormulas: switches.has('--formulas'),
      organisation: snapshot.workspace.name,
      evidenceById: new Map(snapshot.evidence.map((e) => [e.id, e])),
    });
    writeFileSync(out, filled);
    if (!switches.has('--json')) io.out(`Заполненная форма записана: ${out}`);
  }
  return 0;
}
