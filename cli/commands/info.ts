// `npm run cli -- info <backup-file>`: counts per record kind as JSON.
import { parseArgs, type CliIo } from '../io.ts';
import { loadBackupFile } from '../backup-file.ts';
import { countsOf } from '../../lib/store/backup.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(args, []);
  if (positional.length !== 1) {
    io.err('Использование: npm run cli -- info <файл резервной копии>');
    return 2;
  }
  const backup = await loadBackupFile(positional[0]!);
  const { workspace } = backup.snapshot;
  io.out(
    JSON.stringify(
      {
        workspace: { id: workspace.id, name: workspace.name, schoolYear: workspace.schoolYear },
        exportedAt: backup.manifest.exportedAt,
        counts: { ...countsOf(backup.snapshot), attachments: backup.attachments.size },
      },
      null,
      2,
    ),
  );
  return 0;
}
