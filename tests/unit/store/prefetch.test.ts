import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  openWorkspace,
  openWorkspacePreview,
  readCache,
} from '../../../lib/store/index.ts';
import { db, DB_NAME } from '../../../lib/store/db.ts';
import {
  prefetchSnapshotCache,
  startEarlyPrefetch,
  takeEarlyPrefetch,
} from '../../../lib/store/prefetch.ts';

async function registerWithCache(name: string) {
  const id = await createWorkspace({
    name,
    kind: 'school',
    municipality: '',
    schoolYear: '2020-2021',
  });
  const live = await openWorkspace(id, { actor: 'Ирина' });
  live.repo.createActivity({ title: `Анализ результатов ВПР (${name})` });
  live.close(); // writes the cache
  await new Promise((r) => setTimeout(r, 50));
  return id;
}

describe('the dashboard entry script’s prefetch of the cached snapshot', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
  });

  it('reads the active workspace’s cache row as Dexie wrote it', async () => {
    await registerWithCache('МБОУ СОШ № 7');
    const active = await registerWithCache('МБОУ СОШ № 12'); // created last: the active one
    const prefetched = await prefetchSnapshotCache();
    expect(prefetched?.workspaceId).toBe(active);
    expect(prefetched?.row).toEqual(await db().snapshotCache.get(active));
    // The preview takes the prefetched row.
    const preview = await openWorkspacePreview(active, {
      actor: 'Ирина',
      minRecords: 1,
      prefetched: Promise.resolve(prefetched),
    });
    expect(preview!.repo.snapshot().activities.map((a) => a.title)).toEqual([
      'Анализ результатов ВПР (МБОУ СОШ № 12)',
    ]);
    preview!.close();
  });

  it('on a first run finds nothing and creates no database behind Dexie’s back', async () => {
    expect(await prefetchSnapshotCache()).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(DB_NAME);
    // Dexie then creates the database with all its versions.
    await registerWithCache('МБОУ СОШ № 12');
    expect(db().verno).toBeGreaterThanOrEqual(3);
  });

  it('a row prefetched for another workspace is not used; a malformed one is not shown', async () => {
    const first = await registerWithCache('МБОУ СОШ № 7');
    const second = await registerWithCache('МБОУ СОШ № 12');
    const other = await prefetchSnapshotCache(); // the second workspace's row
    expect(other?.workspaceId).toBe(second);
    const cache = await readCache(first, Promise.resolve(other));
    expect(cache!.snapshot.workspace.id).toBe(first);
    const malformed = { workspaceId: first, row: { snapshot: { activities: 'нет' } } };
    expect(await readCache(first, Promise.resolve(malformed))).toBeNull();
  });

  it('names no workspace when the setting points at one that is gone (Dexie falls back)', async () => {
    const id = await registerWithCache('МБОУ СОШ № 12');
    expect((await prefetchSnapshotCache())?.workspaceId).toBe(id);
    await db().workspaces.delete(id);
    expect(await prefetchSnapshotCache()).toBeNull();
  });

  it('does not keep Dexie from upgrading the database', async () => {
    await registerWithCache('МБОУ СОШ № 12');
    db().close({ disableAutoOpen: false });
    const prefetching = prefetchSnapshotCache();
    // An open at a higher version (an update of the extension) goes through.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1000);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      setTimeout(() => reject(new Error('the upgrade is blocked by the prefetch')), 3000);
    });
    upgraded.close();
    await prefetching;
  });

  it('hands the classic script’s read to the page’s modules once, then reads afresh', async () => {
    const id = await registerWithCache('МБОУ СОШ № 12');
    startEarlyPrefetch();
    const started = (globalThis as Record<string, unknown>).__svodkaPrefetch;
    const taken = takeEarlyPrefetch();
    expect(taken).toBe(started);
    const again = takeEarlyPrefetch();
    expect(again).not.toBe(started);
    expect((await taken)?.workspaceId).toBe(id);
    expect((await again)?.workspaceId).toBe(id);
  });
});
