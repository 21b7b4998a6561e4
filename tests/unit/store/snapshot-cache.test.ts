import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  openWorkspace,
  openWorkspacePreview,
  PREVIEW_READ_ONLY,
} from '../../../lib/store/index.ts';
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
    expect(() => preview!.repo.createActivity({ title: 'ещё одно' })).toThrow(PREVIEW_READ_ONLY);
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
