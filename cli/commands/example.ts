// `npm run cli -- example --out <file>`: writes the example workspace as a backup file.
import { parseArgs, type CliIo } from '../io.ts';
import { saveBackupFile } from '../backup-file.ts';
import { buildExampleDoc, EXAMPLE_SCHOOL_YEAR } from '../../lib/store/example.ts';
import { parsePeriod } from '../../lib/periods/index.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { options } = parseArgs(args, ['--out']);
  const out = options['--out'];
  if (!out) {
    io.err('Использование: npm run cli -- example --out <файл>');
    return 2;
  }
  const doc = buildExampleDoc(new Date(), (raw) =>
    parsePeriod(raw, { schoolYear: EXAMPLE_SCHOOL_YEAR }),
  );
  saveBackupFile(out, { doc, attachments: new Map() });
  io.out(`Пример записан: ${out}`);
  return 0;
}
