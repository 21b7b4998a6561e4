import { beforeEach, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import {
  createWorkspace,
  exportBackupBytes,
  getActiveWorkspaceId,
  listWorkspaces,
  loadExampleWorkspace,
  openWorkspace,
  putAttachmentBytes,
  readCache,
  restoreBackupBytes,
  ValidationError,
  getAttachmentBytes,
} from '../../../lib/store/index.ts';
import { db } from '../../../lib/store/db.ts';

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('workspaces on this device (IndexedDB)', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  it('creates a workspace that survives reopening', async () => {
    const id = await createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    expect(await getActiveWorkspaceId()).toBe(id);
    const first = await openWorkspace(id, { actor: 'Ирина' });
    first.repo.createActivity({ title: 'Анализ результатов ВПР' });
    await settle();
    first.close();
    const again = await openWorkspace(id, { actor: 'Ирина' });
    expect(again.repo.snapshot().activities.map((a) => a.title)).toEqual([
      'Анализ результатов ВПР',
    ]);
    expect(again.repo.snapshot().workspace.quarters).toHaveLength(4);
    again.close();
  });

  it('refuses a workspace without a name, in Russian, creating nothing', async () => {
    await expect(
      createWorkspace({ name: ' ', kind: 'school', municipality: '', schoolYear: '2020-2021' }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createWorkspace({ name: 'Школа', kind: 'school', municipality: '', schoolYear: '2020-2022' }),
    ).rejects.toThrow(/подряд/);
    expect(await listWorkspaces()).toEqual([]);
  });

  it('keeps two open pages live with each other', async () => {
    const id = await createWorkspace({
      name: 'МБОУ СОШ № 12',
      kind: 'school',
      municipality: '',
      schoolYear: '2020-2021',
    });
    const dashboard = await openWorkspace(id, { actor: 'Ирина' });
    const sidepanel = await openWorkspace(id, { actor: 'Ирина' });
    const seen = new Promise<void>((resolve) => {
      const off = sidepanel.repo.subscribe(() => {
        if (sidepanel.repo.snapshot().activities.length === 1) {
          off();
          resolve();
        }
      });
    });
    dashboard.repo.createActivity({ title: 'Методический семинар' });
    await seen;
    expect(sidepanel.repo.snapshot().activities[0]!.title).toBe('Методический семинар');
    dashboard.close();
    sidepanel.close();
  });

  it('projects deadlines for the background badge', async () => {
    const id = await loadExampleWorkspace(new Date('2021-03-01T00:00:00Z'));
    const handle = await openWorkspace(id, { actor: 'Ирина' });
    await settle(500);
    const rows = await db().deadlines.where('workspaceId').equals(id).toArray();
    expect(rows).toHaveLength(handle.repo.snapshot().activities.length);
    expect(
      rows.find((r) => r.title.startsWith('Внесение изменений в Положение о внутренней')),
    ).toMatchObject({
      periodKind: 'deadline',
      end: '2020-12-15',
    });
    handle.close();
  });

  it('backs up and restores a workspace with its attachments; a bad file changes nothing', async () => {
    const id = await loadExampleWorkspace();
    const handle = await openWorkspace(id, { actor: 'Ирина' });
    const ref = await putAttachmentBytes(strToU8('%PDF-1.4 скан'), 'скан.pdf', '');
    const ev = handle.repo.snapshot().evidence[0]!;
    handle.repo.updateEvidence(ev.id, { attachments: [ref] });
    const before = handle.repo.snapshot();
    await settle();
    handle.close();
    const { bytes, fileName } = await exportBackupBytes(id);
    expect(fileName).toMatch(/^Сводка_.*\.svodka$/);

    await expect(restoreBackupBytes(strToU8('мусор'))).rejects.toThrow(/не резервная копия/);
    await db().attachments.clear();
    await restoreBackupBytes(bytes);
    const restored = await openWorkspace(id, { actor: 'Ирина' });
    expect(restored.repo.snapshot().activities).toEqual(before.activities);
    expect(restored.repo.snapshot().evidence).toEqual(before.evidence);
    expect(await getAttachmentBytes(ref.hash)).toEqual(strToU8('%PDF-1.4 скан'));
    restored.close();
  });

  it('a restored register opens from its snapshot cache, without checking its records again', async () => {
    const id = await loadExampleWorkspace();
    const original = await openWorkspace(id, { actor: 'Ирина' });
    const activities = original.repo.snapshot().activities;
    original.close();
    const { bytes } = await exportBackupBytes(id);
    // As on another device: nothing cached for this register.
    await db().snapshotCache.clear();
    await restoreBackupBytes(bytes);
    expect((await readCache(id))?.validated).not.toBeNull();
    const restored = await openWorkspace(id, { actor: 'Ирина' });
    expect(restored.repo.matchesCache()).toBe(true);
    expect(restored.repo.snapshot().activities).toEqual(activities);
    restored.close();
  });

  it('refuses attachments over 25 MB and of foreign types', async () => {
    await expect(
      putAttachmentBytes(new Uint8Array(25 * 1024 * 1024 + 1), 'big.pdf', 'application/pdf'),
    ).rejects.toThrow(/больше 25 МБ/);
    await expect(
      putAttachmentBytes(strToU8('MZ'), 'virus.exe', 'application/x-msdownload'),
    ).rejects.toThrow(/принимаются PDF/);
    expect(await db().attachments.count()).toBe(0);
  });
});
