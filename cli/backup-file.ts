// Reading and writing backup files for CLI commands: the same format the extension exports.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  readBackup,
  writeBackup,
  MAX_BACKUP_BYTES,
  type BackupContents,
} from '../lib/store/backup.ts';
import { StoreError } from '../lib/store/errors.ts';

export async function loadBackupFile(path: string): Promise<BackupContents> {
  if (!existsSync(path)) throw new StoreError(`Файл не найден: ${path}`);
  if (statSync(path).size > MAX_BACKUP_BYTES)
    throw new StoreError(
      'Файл резервной копии больше 1024 МБ — такой файл не принимается. Ничего не изменено.',
    );
  return readBackup(new Uint8Array(readFileSync(path)));
}

export function saveBackupFile(
  path: string,
  contents: Pick<BackupContents, 'doc' | 'attachments'>,
): void {
  writeFileSync(path, writeBackup({ doc: contents.doc, attachments: contents.attachments }));
}
