// The dashboard's glimpse: the cache row decoded without zod, Dexie or Yjs, and shared with the
// store's own reading of the same row.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  PREVIEW_MIN_RECORDS,
  readCacheHead,
  writeCache,
  type Snapshot,
} from '../../../lib/store/index.ts';
import { decodeCacheHead, glimpseOf, watchGlimpse } from '../../../lib/store/cache-head.ts';
import { db } from '../../../lib/store/db.ts';
import { prefetchSnapshotCache } from '../../../lib/store/prefetch.ts';
import { activityRecord, workspaceRecord } from './fixtures.ts';

beforeEach(async () => {
  await db().delete();
  await db().open();
});

/** A register with `count` activities whose snapshot cache is written, and its row prefetched. */
async function cachedRegister(count: number) {
  const id = await createWorkspace({
    name: 'МБОУ СОШ № 12',
    kind: 'school',
    municipality: 'Славянский район',
    schoolYear: '2020-2021',
  });
  const { createdAt } = (await db().workspaces.get(id))!;
  const snapshot: Snapshot = {
    workspace: workspaceRecord({ id, createdAt, directions: ['Организационная деятельность'] }),
    activities: Array.from({ length: count }, (_, i) =>
      activityRecord({ id: `a${i}`, number: String(i + 1), title: `Семинар № ${i + 1}` }),
    ),
    evidence: [],
    people: [],
    organisations: [],
    links: [],
    broken: [],
    extra: {},
  };
  await writeCache(id, { snapshot, identities: {} });
  const prefetched = await prefetchSnapshotCache();
  expect(prefetched?.workspaceId).toBe(id);
  return { id, prefetched: prefetched! };
}

describe('the glimpse of a cached register', () => {
  it('decodes a large register’s row into the activity list, evidence still to come', async () => {
    const { id, prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS);
    const glimpse = glimpseOf(prefetched);
    expect(glimpse?.workspaceId).toBe(id);
    expect(glimpse?.snapshot.workspace.name).toBe('МБОУ СОШ № 12');
    expect(glimpse?.snapshot.activities).toHaveLength(PREVIEW_MIN_RECORDS);
    expect(glimpse?.snapshot.activities[41]?.title).toBe('Семинар № 42');
    expect(glimpse?.snapshot.evidencePending).toBe(0);
    expect(glimpse?.snapshot.links).toEqual([]);
    expect(glimpse?.snapshot.evidenceCounts?.get('a41')).toBe(0);
  });

  it('leaves a small register to its doc', async () => {
    const { prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS - 1);
    expect(glimpseOf(prefetched)).toBeNull();
    expect(glimpseOf(null)).toBeNull();
  });

  it('is decoded once: the store’s preview of the same row shows the very same snapshot', async () => {
    const { id, prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS);
    const glimpse = glimpseOf(prefetched);
    const head = await readCacheHead(id, Promise.resolve(prefetched));
    expect(head?.snapshot).toBe(glimpse?.snapshot);
  });

  it('refuses rows it cannot draw, and one for another workspace', async () => {
    const { id, prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS);
    const row = prefetched.row as Record<string, unknown> & { snapshot: Record<string, unknown> };
    expect(decodeCacheHead(row, 'another-workspace')).toBeNull();
    expect(decodeCacheHead({ ...row, evidenceCount: -1 }, id)).toBeNull();
    expect(decodeCacheHead({ ...row, evidenceCount: undefined }, id)).toBeNull();
    expect(
      decodeCacheHead({ ...row, snapshot: { ...row.snapshot, people: 'нет' } }, id),
    ).toBeNull();
    const workspace = row.snapshot.workspace as Record<string, unknown>;
    const nameless = { ...workspace, name: undefined };
    expect(
      decodeCacheHead({ ...row, snapshot: { ...row.snapshot, workspace: nameless } }, id),
    ).toBeNull();
    expect(decodeCacheHead('не строка кэша', id)).toBeNull();
    expect(decodeCacheHead(null, id)).toBeNull();
  });

  it('is drawn, but the store refuses a workspace that fails its schema (the glimpse is then withdrawn)', async () => {
    const { id, prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS);
    const row = prefetched.row as Record<string, unknown> & { snapshot: Record<string, unknown> };
    const workspace = row.snapshot.workspace as Record<string, unknown>;
    const odd = {
      ...row,
      snapshot: { ...row.snapshot, workspace: { ...workspace, kind: 'цирк' } },
    };
    expect(glimpseOf({ workspaceId: id, row: odd })).not.toBeNull();
    expect(await readCacheHead(id, Promise.resolve({ workspaceId: id, row: odd }))).toBeNull();
  });
});

describe('watchGlimpse', () => {
  it('holds the glimpse once the prefetch is read, for the first render to take synchronously', async () => {
    const { id, prefetched } = await cachedRegister(PREVIEW_MIN_RECORDS);
    let read!: (value: typeof prefetched) => void;
    const watch = watchGlimpse(new Promise((resolve) => (read = resolve)));
    expect(watch.current).toBeNull();
    read(prefetched);
    expect((await watch.ready)?.workspaceId).toBe(id);
    expect(watch.current?.snapshot.activities).toHaveLength(PREVIEW_MIN_RECORDS);
  });

  it('a failed prefetch gives no glimpse and no error', async () => {
    const watch = watchGlimpse(Promise.reject(new Error('IndexedDB закрыта')));
    expect(await watch.ready).toBeNull();
    expect(watch.current).toBeNull();
  });
});
