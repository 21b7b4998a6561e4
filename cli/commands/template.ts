// `npm run cli -- template <form.xlsx> [--out template.json] [--accept all|id,id]`: the
// monitoring form read as a template, printed as JSON (sections, indicators with their answer
// cells, warnings and proposed fixes). --out saves the whole template; --accept applies fixes.
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from '../io.ts';
import { parseArgs } from '../io.ts';
import {
  ChecklistImportError,
  applyProposals,
  importTemplateXlsx,
} from '../../lib/checklist/index.ts';

const USAGE =
  'Использование: npm run cli -- template <форма.xlsx> [--out шаблон.json] [--accept all|id,id]';

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args, ['--out', '--accept']);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [file, extra] = parsed.positional;
  if (!file || extra !== undefined) {
    io.err(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    io.err(`Не удалось прочитать файл «${file}»: проверьте путь. Ничего не изменено.`);
    return 1;
  }
  try {
    const imported = await importTemplateXlsx(bytes, file.split(/[\\/]/).pop() ?? file);
    const accept = parsed.options['--accept'];
    const ids =
      accept === 'all'
        ? imported.proposals.map((p) => p.id)
        : accept
          ? accept.split(',').map((s) => s.trim())
          : [];
    const template = ids.length ? applyProposals(imported.template, ids) : imported.template;
    const out = parsed.options['--out'];
    if (out) await writeFile(out, JSON.stringify(template, null, 2) + '\n');
    io.out(
      JSON.stringify(
        {
          title: template.title,
          sections: template.sections.map((s) => ({ id: s.id, title: s.title, row: s.row })),
          indicators: template.indicators.map((i) => ({
            id: i.id,
            number: i.number,
            text: i.text,
            kind: i.kind,
            section: i.section,
            parent: i.parent,
            max: i.max,
            cells: i.cells,
            ...(i.notApplicable.length ? { notApplicable: i.notApplicable } : {}),
          })),
          proposals: imported.proposals
            .filter((p) => !ids.includes(p.id))
            .map((p) => ({ id: p.id, kind: p.kind, message: p.message })),
          warnings: imported.warnings,
        },
        null,
        2,
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof ChecklistImportError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
