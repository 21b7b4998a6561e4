import { beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  openWorkspace,
  openWorkspacePreview,
  fieldEditsMap,
  fieldKey,
  previewReadOnly,
  readCache,
  Repository,
  schemaFingerprint,
  tailKey,
  writeCache,
} from '../../../lib/store/index.ts';
import type { Activity, Evidence } from '../../../lib/model/index.ts';
import { fromColumns, type Columns } from '../../../lib/store/columns.ts';
import { db } from '../../../lib/store/db.ts';
import { setLocale } from '../../../lib/i18n/index.ts';

// Every test starts from an empty database.
beforeEach(async () => {
  await db().delete();
  await db().open();
});

describe('snapshot cache for first paint', () => {
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
    await writeCache(id, { snapshot: marked, identities: cache.identities()! });
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
      identities: cache.identities()!,
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

  /** The cache as written, with its copy of `recordId` marked so we can tell where it came from. */
  async function markCachedActivity(id: string, recordId: string, docState?: Uint8Array) {
    const cache = (await readCache(id))!.validated!;
    await writeCache(id, {
      snapshot: {
        ...cache.snapshot,
        activities: cache.snapshot.activities.map((a) =>
          a.id === recordId ? { ...a, title: 'взято из кэша' } : a,
        ),
      },
      identities: cache.identities()!,
      docState: docState ?? cache.docState!,
    });
  }

  it('takes the whole cached snapshot when the doc is loaded in the state it was taken from', async () => {
    const { id, first, second } = await registerWithCache();
    await markCachedActivity(id, first.id);
    // Exact: the record identities are not even needed.
    const tail = (await db().snapshotCache.get(tailKey(id)))!;
    await db().snapshotCache.put({ ...tail, identities: 'не JSON' });
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    expect(reopened.repo.matchesCache()).toBe(true);
    const titles = reopened.repo.snapshot().activities.map((a) => a.title);
    expect(titles.sort()).toEqual(['Семинар для учителей ШНОР', 'взято из кэша']);
    // An edit arriving now (a teammate's, before anything here read the records one by one) is
    // read from the doc; the records it did not touch stay as cached.
    const teammate = new Repository(reopened.repo.doc, { actor: 'Олег' });
    teammate.updateActivity(second.id, { report: 'Справка размещена на сайте' });
    teammate.destroy();
    const byId = new Map(reopened.repo.snapshot().activities.map((a) => [a.id, a]));
    expect(byId.get(second.id)).toMatchObject({ report: 'Справка размещена на сайте' });
    expect(byId.get(first.id)!.title).toBe('взято из кэша');
    expect(reopened.repo.get<Activity>('activities', first.id)!.title).toBe('взято из кэша');
    expect(reopened.repo.matchesCache()).toBe(false);
    reopened.close();
  });

  it('does not trust a cache taken from another state of the doc: changed records are read again', async () => {
    const { id, first, second } = await registerWithCache();
    const before = (await readCache(id))!.validated!.docState!;
    const other = await openWorkspace(id, { actor: 'Олег', validated: null });
    other.repo.updateActivity(second.id, { report: 'Приняли участие 54 педагога' });
    other.close();
    await new Promise((r) => setTimeout(r, 50));
    // The cache is put back as it was before the teammate's edit.
    await markCachedActivity(id, first.id, before);
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    expect(reopened.repo.matchesCache()).toBe(false); // so it is written again, exact
    const byId = new Map(reopened.repo.snapshot().activities.map((a) => [a.id, a]));
    expect(byId.get(first.id)!.title).toBe('взято из кэша'); // unchanged: matched by identity
    expect(byId.get(second.id)).toMatchObject({ report: 'Приняли участие 54 педагога' });
    reopened.close();
  });

  it('words a record needing repair in the interface language of the moment, cache or not', async () => {
    const { id, second } = await registerWithCache();
    const live = await openWorkspace(id, { actor: 'Ирина' });
    // A teammate's buggy client writes a status that does not exist.
    live.repo.doc.transact(() =>
      fieldEditsMap(live.repo.doc, 'activities').set(fieldKey(second.id, 'status'), 'почти'),
    );
    expect(live.repo.snapshot().broken[0]!.message).toMatch(/^status: Неверн/);
    live.close(); // the cache now lists it, worded in Russian
    await new Promise((r) => setTimeout(r, 50));
    setLocale('en');
    try {
      const reopened = await openWorkspace(id, { actor: 'Ирина' });
      expect(reopened.repo.matchesCache()).toBe(true);
      const [broken] = reopened.repo.snapshot().broken;
      expect(broken).toMatchObject({ collection: 'activities', id: second.id });
      expect(broken!.message).toMatch(/^status: Invalid/);
      reopened.close();
    } finally {
      setLocale('ru');
    }
  });

  it('shows a link the cached snapshot hid once its missing end arrives', async () => {
    const { id, first } = await registerWithCache();
    const live = await openWorkspace(id, { actor: 'Ирина' });
    // A teammate linked evidence that another teammate deleted meanwhile: the link is hidden.
    const now = new Date().toISOString();
    live.repo.put('links', {
      id: `${first.id}~ev-later`,
      activityId: first.id,
      evidenceId: 'ev-later',
      createdAt: now,
    });
    live.close();
    await new Promise((r) => setTimeout(r, 50));
    const reopened = await openWorkspace(id, { actor: 'Ирина' });
    expect(reopened.repo.matchesCache()).toBe(true);
    expect(reopened.repo.snapshot().links).toEqual([]);
    reopened.repo.put('evidence', {
      id: 'ev-later',
      kind: 'order',
      issuer: 'УО',
      date: null,
      number: '',
      title: 'О проведении ВПР',
      url: '',
      attachments: [],
      note: '',
      capturedAt: null,
      contentHash: null,
      createdAt: now,
      updatedAt: now,
    });
    expect(reopened.repo.snapshot().links.map((l) => l.evidenceId)).toEqual(['ev-later']);
    reopened.close();
  });
});

describe('the cache in two parts: the activities first, the evidence after', () => {
  async function registerWithEvidence() {
    const id = await createWorkspace({
      name: 'УО МО Славянский район',
      kind: 'authority',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    const live = await openWorkspace(id, { actor: 'Ирина' });
    const activity = live.repo.createActivity({ title: 'Анализ результатов ВПР' });
    const order = live.repo.createEvidence({ kind: 'order', title: 'О проведении ВПР' });
    const letter = live.repo.createEvidence({ kind: 'letter', title: 'Об итогах ВПР' });
    live.repo.link(activity.id, order.id);
    live.close(); // writes the cache
    await new Promise((r) => setTimeout(r, 50));
    return { id, activity, order, letter };
  }

  it('keeps the evidence and the identities out of the row read for the first paint', async () => {
    const { id } = await registerWithEvidence();
    const head = (await db().snapshotCache.get(id))!;
    const tail = (await db().snapshotCache.get(tailKey(id)))!;
    expect(head).toMatchObject({ part: 'head', evidenceCount: 2 });
    expect((head.snapshot as { evidence: unknown[] }).evidence).toEqual([]);
    expect(head.identities).toBeUndefined();
    expect(tail).toMatchObject({ part: 'tail', savedAt: head.savedAt });
    // The lists are stored as columns (columns.ts); they read back as the records.
    const evidence = (tail.snapshot as { evidence: Columns }).evidence;
    expect(evidence.fields).toContain('title');
    expect(
      fromColumns(evidence)!
        .map((e) => (e as Evidence).title)
        .sort(),
    ).toEqual(['О проведении ВПР', 'Об итогах ВПР']);
    // The links go with the evidence; the head keeps how many each activity has.
    expect(head.snapshot).not.toHaveProperty('links');
    expect([...head.evidenceCounts!]).toEqual([1]);
    const links = fromColumns((tail.snapshot as { links: Columns }).links)!;
    expect(links).toHaveLength(1);
  });

  it('shows each activity’s evidence count before the links are read, then the links', async () => {
    const { id, activity, order } = await registerWithEvidence();
    const preview = (await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 }))!;
    const first = preview.repo.snapshot();
    expect(first.links).toEqual([]);
    expect(first.evidenceCounts?.get(activity.id)).toBe(1);
    await preview.validated;
    const whole = preview.repo.snapshot();
    expect(whole.links.map((l) => [l.activityId, l.evidenceId])).toEqual([[activity.id, order.id]]);
    expect(whole.evidenceCounts).toBeUndefined();
    preview.close();
  });

  it('still reads a cache written before the links moved to its second part', async () => {
    const { id, activity, order } = await registerWithEvidence();
    const head = (await db().snapshotCache.get(id))!;
    const tail = (await db().snapshotCache.get(tailKey(id)))!;
    const { links, ...evidenceOnly } = tail.snapshot as Record<string, unknown>;
    const { evidenceCounts: _, ...oldHead } = head;
    await db().snapshotCache.bulkPut([
      { ...oldHead, snapshot: { ...(head.snapshot as object), links } },
      { ...tail, snapshot: evidenceOnly },
    ]);
    const preview = (await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 }))!;
    expect(preview.repo.snapshot().links.map((l) => l.evidenceId)).toEqual([order.id]);
    const validated = await preview.validated;
    expect(validated?.snapshot.links.map((l) => l.activityId)).toEqual([activity.id]);
    expect(validated?.snapshot.evidence).toHaveLength(2);
    preview.close();
    // The doc opens in the cache's exact state, taking it whole.
    const live = await openWorkspace(id, { actor: 'Ирина' });
    expect(live.repo.matchesCache()).toBe(true);
    expect(live.repo.snapshot().links.map((l) => l.evidenceId)).toEqual([order.id]);
    live.close();
  });

  it('refuses a head whose evidence counts do not match its activities', async () => {
    const { id } = await registerWithEvidence();
    const head = (await db().snapshotCache.get(id))!;
    await db().snapshotCache.put({ ...head, evidenceCounts: new Uint32Array([1, 2]) });
    expect(await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 })).toBeNull();
  });

  it('paints the activities with the evidence pending, then the whole snapshot', async () => {
    const { id, activity, order, letter } = await registerWithEvidence();
    const preview = (await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 }))!;
    const first = preview.repo.snapshot();
    expect(first.activities.map((a) => a.id)).toEqual([activity.id]);
    expect(first.evidence).toEqual([]);
    expect(first.evidencePending).toBe(2);
    let notified = 0;
    preview.repo.subscribe(() => notified++);
    const validated = await preview.validated;
    const whole = preview.repo.snapshot();
    expect(notified).toBe(1);
    expect(whole.evidencePending).toBeUndefined();
    expect(whole.evidence.map((e) => e.id).sort()).toEqual([order.id, letter.id].sort());
    expect(validated).toMatchObject({ snapshot: whole });
    preview.close();
  });

  it('does not mix parts of two writes: the evidence stays pending, the doc is read afresh', async () => {
    const { id, order } = await registerWithEvidence();
    const tail = (await db().snapshotCache.get(tailKey(id)))!;
    await db().snapshotCache.put({ ...tail, savedAt: '2000-01-01T00:00:00.000Z' });
    const preview = (await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 }))!;
    expect(await preview.validated).toBeNull();
    expect(preview.repo.snapshot().evidencePending).toBe(2);
    preview.close();
    expect(await readCache(id)).toBeNull();
    const live = await openWorkspace(id, { actor: 'Ирина' });
    expect(live.repo.snapshot().evidence.map((e) => e.id)).toContain(order.id);
    live.close();
  });

  it('still reads a cache row written before the split, whole', async () => {
    const { id, activity } = await registerWithEvidence();
    const cache = (await readCache(id))!;
    await db().snapshotCache.delete(tailKey(id));
    await db().snapshotCache.put({
      workspaceId: id,
      savedAt: new Date().toISOString(),
      snapshot: cache.snapshot,
      identities: cache.validated!.identities(),
      schemas: schemaFingerprint(),
    });
    const preview = (await openWorkspacePreview(id, { actor: 'Ирина', minRecords: 1 }))!;
    expect(preview.repo.snapshot().evidence).toHaveLength(2);
    expect(preview.repo.snapshot().evidencePending).toBeUndefined();
    expect((await preview.validated)!.snapshot.activities[0]!.id).toBe(activity.id);
    preview.close();
  });
});
