import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  openWorkspace,
  openWorkspacePreview,
  previewReadOnly,
  readCache,
  schemaFingerprint,
  writeCache,
} from '../../../lib/store/index.ts';
import type { Activity } from '../../../lib/model/index.ts';
import { db } from '../../../lib/store/db.ts';

describe('snapshot cache for first paint', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  it('shows the last snapshot read-only before the doc loads, and refuses writes in Russian', async () => {
    const id = await createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: '',
      schoolYear: '2020-2021',
    });
    expect(await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 0 })).toBeNull();
    const live = await openWorkspace(id, { actor: 'Ирина' });
    live.repo.createActivity({ title: 'Анализ результатов ВПР' });
    live.close(); // writes the cache on close

    await new Promise((r) => setTimeout(r, 50));
    // A one-activity register is small: it opens straight from its doc.
    expect(await openWorkspacePreview(id, { actor: 'Ирина' })).toBeNull();
    const preview = await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 });
    expect(preview?.preview).toBe(true);
    expect(preview!.repo.snapshot().activities.map((a) => a.title)).toEqual([
      'Анализ результатов ВПР',
    ]);
    expect(() => preview!.repo.createActivity({ title: 'ещё одно' })).toThrow(previewReadOnly());
    preview!.close();
  });

  it('ignores a malformed cache row instead of showing it', async () => {
    const id = await createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: '',
      schoolYear: '2020-2021',
    });
    await db().snapshotCache.put({
      workspaceId: id,
      savedAt: new Date().toISOString(),
      snapshot: { activities: 'нет' },
    });
    expect(await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 0 })).toBeNull();
  });
});

describe('validated records from the cache', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  async function registerWithCache() {
    const id = await createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: '',
      schoolYear: '2020-2021',
    });
    const live = await openWorkspace(id, { actor: 'Ирина' });
    const first = live.repo.createActivity({ title: 'Анализ результатов ВПР' });
    const second = live.repo.createActivity({ title: 'Семинар для учителей ШНОР' });
    live.repo.updateActivity(second.id, { status: 'done' });
    live.close(); // writes the cache with the records' identities
    await new Promise((r) => setTimeout(r, 50));
    const row = (await db().snapshotCache.get(id))!;
    const cache = (await readCache(id))!;
    return { id, first, second, row, cache: { ...cache.validated! } };
  }

  it('takes an unchanged record as cached, and reads a changed one again from the doc', async () => {
    const { id, first, second, row, cache } = await registerWithCache();
    expect(row.schemas).toBe(schemaFingerprint());
    // A teammate's edit reaches the doc while the cache still holds the old snapshot.
    const other = await openWorkspace(id, { actor: 'Олег', validated: null });
    other.repo.updateActivity(second.id, { report: 'Приняли участие 54 педагога' });
    other.close();
    await new Promise((r) => setTimeout(r, 50));
    // The cache is put back as it was; its copy of the first record is marked so we can tell
    // where a record came from.
    const snapshot = cache.snapshot;
    const marked = {
      ...snapshot,
      activities: snapshot.activities.map((a) =>
        a.id === first.id ? { ...a, title: 'взято из кэша' } : a,
      ),
    };
    await writeCache(id, { snapshot: marked, identities: cache.identities });
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    const byId = new Map(reopened.repo.snapshot().activities.map((a) => [a.id, a]));
    expect(byId.get(first.id)!.title).toBe('взято из кэша');
    expect(byId.get(second.id)).toMatchObject({
      status: 'done',
      report: 'Приняли участие 54 педагога',
    });
    reopened.close();
  });

  it('validates everything again when the schemas changed since the cache was written', async () => {
    const { id, first, cache } = await registerWithCache();
    const snapshot = cache.snapshot;
    await writeCache(id, {
      schemas: 'an older version',
      identities: cache.identities,
      snapshot: {
        ...snapshot,
        activities: snapshot.activities.map((a) => ({ ...a, title: 'взято из кэша' })),
      },
    });
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    expect(reopened.repo.get<Activity>('activities', first.id)!.title).toBe(
      'Анализ результатов ВПР',
    );
    reopened.close();
  });

  it('does not rewrite an up-to-date cache when the register is reopened unchanged', async () => {
    const { id, row } = await registerWithCache();
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    expect(reopened.repo.matchesCache()).toBe(true);
    reopened.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await db().snapshotCache.get(id))!.savedAt).toBe(row.savedAt);
    // After a change it is written again, with the new record.
    const edited = await openWorkspace(id, { actor: 'Ирина' });
    edited.repo.createActivity({ title: 'Круглый стол' });
    expect(edited.repo.matchesCache()).toBe(false);
    edited.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await readCache(id))!.snapshot.activities).toHaveLength(3);
  });
});
