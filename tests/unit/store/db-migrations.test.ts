import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb } from '../../../lib/store/db.ts';

// Each Dexie version gets a fixture of the data the previous version held.
describe('Dexie migrations', () => {
  it('v1 → v2 → v3 keeps workspaces, attachments and settings and backfills openedAt', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ workspaces: 'id, name', attachments: 'hash', settings: 'key' });
    await v1.table('workspaces').put({
      id: 'w1',
      name: 'МБОУ СОШ № 12',
      schoolYear: '2020-2021',
      createdAt: '2020-09-01T00:00:00.000Z',
    });
    await v1.table('attachments').put({
      hash: 'a'.repeat(64),
      name: 'приказ.pdf',
      type: 'application/pdf',
      size: 3,
      bytes: new Uint8Array([1, 2, 3]),
      createdAt: '2021-01-01T00:00:00.000Z',
    });
    await v1.table('settings').put({ key: 'activeWorkspaceId', value: 'w1' });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.workspaces.get('w1')).toMatchObject({
      name: 'МБОУ СОШ № 12',
      openedAt: '2020-09-01T00:00:00.000Z',
    });
    expect((await db.attachments.get('a'.repeat(64)))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect((await db.settings.get('activeWorkspaceId'))?.value).toBe('w1');
    expect(await db.workspaces.orderBy('openedAt').keys()).toEqual(['2020-09-01T00:00:00.000Z']);
    expect(await db.deadlines.count()).toBe(0);
    // v3 adds the snapshot cache, empty until a workspace is opened.
    expect(await db.snapshotCache.count()).toBe(0);
    db.close();
  });
});
