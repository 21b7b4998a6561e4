// `npm run cli -- example --out <file>`: writes the example workspace as a backup file.
import { parseArgs, type CliIo } from '../io.ts';
import { saveBackupFile } from '../backup-file.ts';
import { buildExampleDoc } from '../../lib/store/example.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { options } = parseArgs(args, ['--out']);
  const out = options['--out'];
  if (!out) {
    io.err('Использование: npm run cli -- example --out <файл>');
    return 2;
  }
  const doc = buildExampleDoc(new Date());
  saveBackupFile(out, { doc, attachments: new Map() });
  io.out(`Пример записан: ${out}`);
  return 0;
}
