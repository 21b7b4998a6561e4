// `npm run cli -- import <file> --into <backup-file> [--school-year 2020-2021]`: imports a roadmap
// or report (.docx, .xlsx, .csv, or a .txt holding a pasted tab-separated table) into a
// workspace backup, creating it when absent; prints a JSON summary of what was added.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { parseArgs, type CliIo } from '../io.ts';
import { loadBackupFile, saveBackupFile } from '../backup-file.ts';
import {
  buildPreview,
  planImport,
  readImportFile,
  readPastedTable,
  ImportError,
  MAX_FILE_BYTES,
} from '../../lib/importers/index.ts';
import { Repository } from '../../lib/store/repository.ts';
import { initWorkspaceDoc } from '../../lib/store/workspace-doc.ts';
import { DEFAULT_DIRECTIONS, workspaceSchema } from '../../lib/model/records.ts';
import { defaultQuarters } from '../../lib/periods/index.ts';
import { newId } from '../../lib/model/primitives.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['--into', '--school-year', '--name']);
  const [file] = positional;
  const into = options['--into'];
  if (!file || !into || positional.length !== 1) {
    io.err(
      'Использование: npm run cli -- import <файл> --into <резервная копия> [--school-year 2020-2021]',
    );
    return 2;
  }
  if (!existsSync(file)) throw new ImportError(`Файл не найден: ${file}`);
  if (statSync(file).size > MAX_FILE_BYTES)
    throw new ImportError('Файл больше 50 МБ — такой файл не импортируется. Реестр не изменён.');
  const bytes = new Uint8Array(readFileSync(file));
  const tables = /\.(txt|tsv)$/i.test(file)
    ? readPastedTable(new TextDecoder().decode(bytes), path.basename(file))
    : await readImportFile(bytes, path.basename(file));

  let doc: Y.Doc;
  let attachments = new Map<string, Uint8Array>();
  if (existsSync(into)) {
    const backup = await loadBackupFile(into);
    doc = backup.doc;
    attachments = backup.attachments;
  } else {
    const schoolYear = options['--school-year'] ?? '2020-2021';
    doc = new Y.Doc();
    initWorkspaceDoc(
      doc,
      workspaceSchema.parse({
        id: newId(),
        name: options['--name'] ?? path.basename(into).replace(/\.[^.]+$/, ''),
        kind: 'school',
        municipality: '',
        schoolYear,
        quarters: defaultQuarters(schoolYear),
        directions: [...DEFAULT_DIRECTIONS],
        createdAt: new Date().toISOString(),
      }),
    );
  }
  const repo = new Repository(doc, { actor: 'командная строка' });
  const snapshot = repo.snapshot();
  const preview = buildPreview(tables, {
    schoolYear: options['--school-year'] ?? snapshot.workspace.schoolYear,
    quarters: snapshot.workspace.quarters,
  });
  const plan = planImport(
    preview,
    new Set(preview.rows.map((r) => r.key)),
    snapshot,
    new Date().toISOString(),
    'командная строка',
  );
  repo.applyImport(plan);
  saveBackupFile(into, { doc, attachments });
  io.out(
    JSON.stringify(
      {
        file: path.basename(file),
        into,
        rows: preview.rows.length,
        added: {
          activities: plan.activities.length,
          evidence: plan.evidence.length,
          people: plan.people.length,
          organisations: plan.organisations.length,
          links: plan.links.length,
        },
        skipped: plan.skipped.length,
        warnings: preview.warnings,
      },
      null,
      2,
    ),
  );
  return 0;
}
