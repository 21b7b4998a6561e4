import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n/index.ts';
import { readImportFile } from '../../../lib/importers/read.ts';
import { ImportError } from '../../../lib/importers/errors.ts';
import { Repository, StoreError } from '../../../lib/store/index.ts';
import { readBackup } from '../../../lib/store/backup.ts';
import { collectionMap, encodeRecord } from '../../../lib/store/workspace-doc.ts';
import { packsMap } from '../../../lib/store/doc-records.ts';
import { newWorkspaceDoc } from './fixtures.ts';

const missingRecord = () => {
  const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина' });
  try {
    repo.patch<{ id: string; title: string }>('activities', 'no-such-id', { title: 'x' });
  } catch (error) {
    return error;
  } finally {
    repo.destroy();
  }
  return null;
};

const emptyImport = () =>
  readImportFile(new Uint8Array(0), 'план.docx').then(
    () => null,
    (error: unknown) => error,
  );

describe('core messages follow the interface language', () => {
  afterEach(() => setLocale('ru'));

  it('are Russian by default', async () => {
    const store = missingRecord();
    expect(store).toBeInstanceOf(StoreError);
    expect((store as Error).message).toBe('Запись не найдена: возможно, её удалили.');
    const refusal = await emptyImport();
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as Error).message).toBe(
      'Файл «план.docx» пуст. Ничего не импортировано, реестр не изменён.',
    );
    await expect(readBackup(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      'Это не резервная копия Сводки (файл другого вида или повреждён). Ничего не изменено.',
    );
  });

  it('are English after setLocale("en"), computed when raised', async () => {
    setLocale('en');
    const store = missingRecord();
    expect(store).toBeInstanceOf(StoreError);
    expect((store as Error).message).toBe('Record not found: it may have been deleted.');
    const refusal = await emptyImport();
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as Error).message).toBe(
      'The file “план.docx” is empty. Nothing was imported, the register is unchanged.',
    );
    await expect(readBackup(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      'This is not a Svodka backup (the file is of another kind or damaged). Nothing was changed.',
    );
  });

  it('say why a stored record cannot be read, in the language of the moment', () => {
    const doc = newWorkspaceDoc();
    doc.transact(() => {
      collectionMap(doc, 'activities').set('bytes', new Uint8Array([0xff, 0xfe, 0x00]));
      collectionMap(doc, 'activities').set('number', 42);
      collectionMap(doc, 'activities').set('array', encodeRecord([1, 2, 3]));
      packsMap(doc, 'evidence').set('broken-pack', {
        ids: ['e-1'],
        body: new Uint8Array([1, 2, 3]),
      });
    });
    const messages = () => {
      const repo = new Repository(doc, { actor: 'Ирина' });
      const out = Object.fromEntries(repo.snapshot().broken.map((b) => [b.id, b.message]));
      repo.destroy();
      return out;
    };
    expect(messages()).toEqual({
      bytes: 'запись повреждена (не читается как JSON)',
      number: 'запись повреждена (неизвестный формат)',
      array: 'запись повреждена (не объект)',
      'e-1': 'пакет записей повреждён (не распаковывается)',
    });
    setLocale('en');
    expect(messages()).toEqual({
      bytes: 'the record is damaged (it does not read as JSON)',
      number: 'the record is damaged (unknown format)',
      array: 'the record is damaged (it is not an object)',
      'e-1': 'a pack of records is damaged (it does not unpack)',
    });
  });
});
