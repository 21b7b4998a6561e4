// The Y.Doc layout (lib/store/workspace-doc.ts): layout 2 keeps a record as one Yjs item and its
// later edits field by field; docs written in layout 1 (one Y.Map per record) still open and merge.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_SCHEMA_VERSION,
  Repository,
  UNSET_FIELD,
  collectionMap,
  deletedMap,
  docSchemaVersion,
  encodeRecord,
  fieldEditsMap,
  fieldKey,
  metaMap,
  packsMap,
  readBackup,
  recordToYMap,
  withFieldEdits,
  writeBackup,
} from '../../../lib/store/index.ts';
import { activityRecord, newWorkspaceDoc } from './fixtures.ts';

const clock = () => new Date('2021-02-01T10:00:00.000Z');
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const itemCount = (doc: Y.Doc) => {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
};

/** A register as Svodka wrote it before layout 2: schema version 1, one Y.Map per record. */
function layoutOneDoc(): Y.Doc {
  const doc = newWorkspaceDoc();
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', 1);
    const at = '2020-10-01T09:00:00.000Z';
    collectionMap(doc, 'activities').set(
      'act-1',
      recordToYMap(activityRecord({ level: 'municipal' })),
    );
    collectionMap(doc, 'evidence').set(
      'ev-1',
      recordToYMap({
        id: 'ev-1',
        createdAt: at,
        updatedAt: at,
        kind: 'order',
        issuer: 'УО',
        date: '2020-09-28',
        number: '736',
        title: 'О проведении семинара',
        url: '',
        attachments: [],
        note: '',
        capturedAt: null,
        contentHash: null,
      }),
    );
    collectionMap(doc, 'links').set(
      'act-1~ev-1',
      recordToYMap({ id: 'act-1~ev-1', activityId: 'act-1', evidenceId: 'ev-1', createdAt: at }),
    );
  });
  return doc;
}

describe('Y.Doc layout 2', () => {
  it('keeps one Yjs item per record, so a large register stays small to load', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const before = itemCount(doc);
    doc.transact(() => {
      for (let i = 0; i < 500; i++) repo.createActivity({ title: `Семинар № ${i}` });
    });
    // Layout 1 spent one item per field (~15 per activity).
    expect(itemCount(doc) - before).toBe(500);
    expect(collectionMap(doc, 'activities').values().next().value).toBeInstanceOf(Uint8Array);
    expect(repo.snapshot().activities).toHaveLength(500);
  });

  it('writes an edit field by field, and a later full write drops the older field edits', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const act = repo.createActivity({ title: 'Семинар', place: 'УО' });
    repo.updateActivity(act.id, { status: 'done' });
    const edits = fieldEditsMap(doc, 'activities');
    expect(edits.get(fieldKey(act.id, 'status'))).toBe('done');
    expect(edits.has(fieldKey(act.id, 'place'))).toBe(false);
    // A fresh reader of the same bytes sees the edit applied over the stored record.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(new Repository(copy, { actor: 'Олег' }).get('activities', act.id)).toMatchObject({
      title: 'Семинар',
      status: 'done',
      place: 'УО',
    });
    repo.put('activities', { ...repo.get('activities', act.id)!, title: 'Семинар (заменён)' });
    expect([...edits.keys()].filter((k) => k.startsWith(act.id))).toEqual([]);
    expect(repo.snapshot().activities[0]).toMatchObject({
      title: 'Семинар (заменён)',
      status: 'done',
    });
  });

  it('an edit made offline to a record a teammate deleted meanwhile does not bring it back', () => {
    const docA = newWorkspaceDoc();
    const docB = new Y.Doc();
    const a = new Repository(docA, { actor: 'Ирина', clock });
    const act = a.createActivity({ title: 'Выезд в школу № 5' });
    sync(docA, docB);
    const b = new Repository(docB, { actor: 'Олег', clock });
    const bundle = a.deleteActivity(act.id);
    b.updateActivity(act.id, { report: 'Проведён выезд' });
    sync(docA, docB);
    for (const repo of [a, b]) {
      expect(repo.snapshot().activities).toEqual([]);
      expect(repo.snapshot().broken).toEqual([]);
    }
    // Undo of the delete puts back the record as it was deleted.
    a.restoreDeleted(bundle);
    sync(docA, docB);
    expect(b.snapshot().activities[0]).toMatchObject({ title: 'Выезд в школу № 5', report: '' });
  });

  it('shows unreadable stored records as needing repair and keeps the rest', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    repo.createActivity({ title: 'Целое мероприятие' });
    doc.transact(() => {
      collectionMap(doc, 'activities').set('bytes', new Uint8Array([0xff, 0xfe, 0x00]));
      collectionMap(doc, 'activities').set('number', 42);
      collectionMap(doc, 'activities').set('array', encodeRecord([1, 2, 3]));
    });
    const snap = repo.snapshot();
    expect(snap.activities.map((x) => x.title)).toEqual(['Целое мероприятие']);
    expect(snap.broken.map((b) => b.id).sort()).toEqual(['array', 'bytes', 'number']);
    expect(snap.broken.every((b) => /повреждена/.test(b.message))).toBe(true);
    // A broken record can still be deleted.
    repo.remove('activities', 'bytes');
    expect(
      repo
        .snapshot()
        .broken.map((b) => b.id)
        .sort(),
    ).toEqual(['array', 'number']);
  });

  it('applies a field removal marker', () => {
    const edits = new Map<string, unknown>([
      ['updatedBy', UNSET_FIELD],
      ['title', 'Новое'],
    ]);
    expect(withFieldEdits({ id: 'x', title: 'Старое', updatedBy: 'Ирина' }, edits)).toEqual({
      id: 'x',
      title: 'Новое',
    });
  });
});

describe('packed records (written together: an import, a restore)', () => {
  const activity = (i: number) =>
    activityRecord({
      id: `act-${i}`,
      createdAt: '2021-01-10T09:00:00.000Z',
      updatedAt: '2021-01-10T09:00:00.000Z',
      number: String(i + 1),
      title: `Заседание РМО № ${i + 1}`,
      period: { raw: 'январь 2021', parsed: null },
      place: 'УО',
    });
  const importOf = (n: number) => ({
    activities: Array.from({ length: n }, (_, i) => activity(i)),
    evidence: [],
    people: [],
    organisations: [],
    links: [],
  });

  it('keeps 2,500 imported activities in 3 Yjs items, each readable, editable and deletable', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const before = itemCount(doc);
    repo.applyImport(importOf(2500));
    expect(itemCount(doc) - before).toBe(3);
    expect(packsMap(doc, 'activities').size).toBe(3);
    expect(repo.snapshot().activities).toHaveLength(2500);
    repo.updateActivity('act-7', { status: 'done' });
    expect(repo.get('activities', 'act-7')).toMatchObject({
      title: 'Заседание РМО № 8',
      status: 'done',
    });
    const bundle = repo.deleteActivity('act-8');
    expect(deletedMap(doc, 'activities').get('act-8')).toBe(true);
    expect(repo.get('activities', 'act-8')).toBeNull();
    expect(repo.snapshot().activities).toHaveLength(2499);
    repo.restoreDeleted(bundle);
    expect(repo.get('activities', 'act-8')).toMatchObject({ title: 'Заседание РМО № 9' });
    // A full write of a packed record wins over its packed copy.
    repo.put('activities', { ...activity(9), title: 'Заменено' });
    expect(repo.get('activities', 'act-9')).toMatchObject({ title: 'Заменено' });
    // A fresh reader of the same bytes sees all of it.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const other = new Repository(copy, { actor: 'Олег' });
    expect(other.snapshot().activities).toHaveLength(2500);
    expect(other.get('activities', 'act-7')).toMatchObject({ status: 'done' });
    expect(other.get('activities', 'act-9')).toMatchObject({ title: 'Заменено' });
  });

  it('undoes a packed import completely', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const receipt = repo.applyImport(importOf(300));
    expect(repo.snapshot().activities).toHaveLength(300);
    repo.undoImport(receipt);
    expect(repo.snapshot().activities).toHaveLength(0);
    expect(repo.snapshot().broken).toHaveLength(0);
    // Nothing of it is left in the doc: no pack, no deletion marks.
    expect(packsMap(doc, 'activities').size).toBe(0);
    expect(deletedMap(doc, 'activities').size).toBe(0);
  });

  it('merges a teammate editing a packed record with a delete and an edit made apart', () => {
    const docA = newWorkspaceDoc();
    const a = new Repository(docA, { actor: 'Ирина', clock });
    a.applyImport(importOf(250));
    const docB = new Y.Doc();
    sync(docA, docB);
    const b = new Repository(docB, { actor: 'Олег', clock });
    a.updateActivity('act-1', { status: 'done' });
    b.updateActivity('act-1', { report: 'Приняли участие 54 педагога' });
    a.deleteActivity('act-2');
    b.updateActivity('act-3', { place: 'МБОУ СОШ № 5' });
    sync(docA, docB);
    for (const repo of [a, b]) {
      expect(repo.get('activities', 'act-1')).toMatchObject({
        status: 'done',
        report: 'Приняли участие 54 педагога',
      });
      expect(repo.get('activities', 'act-2')).toBeNull();
      expect(repo.get('activities', 'act-3')).toMatchObject({ place: 'МБОУ СОШ № 5' });
      expect(repo.snapshot().activities).toHaveLength(249);
    }
  });

  it('lists the records of a damaged pack as needing repair instead of dropping them', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    repo.createActivity({ title: 'Целое мероприятие' });
    doc.transact(() =>
      packsMap(doc, 'activities').set('broken-pack', {
        ids: ['x-1', 'x-2'],
        body: new Uint8Array([1, 2, 3]),
      }),
    );
    const snap = repo.snapshot();
    expect(snap.activities.map((x) => x.title)).toEqual(['Целое мероприятие']);
    expect(snap.broken.map((x) => x.id).sort()).toEqual(['x-1', 'x-2']);
    expect(snap.broken[0]!.message).toMatch(/пакет записей повреждён/);
  });
});

describe('a layout-1 doc (Svodka before layout 2)', () => {
  it('opens with every record, edits in place and marks the doc as layout 2', () => {
    const doc = layoutOneDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const snap = repo.snapshot();
    expect(snap.activities.map((a) => a.title)).toEqual(['Методический семинар для учителей ШНОР']);
    expect(snap.evidence.map((e) => e.number)).toEqual(['736']);
    expect(snap.links).toHaveLength(1);
    expect(repo.readOnlyReason).toBeNull();
    repo.updateActivity('act-1', { status: 'done' });
    const stored = collectionMap(doc, 'activities').get('act-1');
    expect(stored).toBeInstanceOf(Y.Map);
    expect((stored as Y.Map<unknown>).get('status')).toBe('done');
    expect(docSchemaVersion(doc)).toBe(DOC_SCHEMA_VERSION);
    // New records are written in layout 2 beside the old ones.
    repo.createActivity({ title: 'Новое мероприятие' });
    expect(repo.snapshot().activities).toHaveLength(2);
  });

  it('merges a layout-1 record edited by two teammates in different fields', () => {
    const docA = layoutOneDoc();
    const docB = new Y.Doc();
    sync(docA, docB);
    const a = new Repository(docA, { actor: 'Ирина', clock });
    const b = new Repository(docB, { actor: 'Олег', clock });
    a.updateActivity('act-1', { status: 'done' });
    b.updateActivity('act-1', { report: 'Приняли участие 54 педагога' });
    sync(docA, docB);
    for (const repo of [a, b])
      expect(repo.get('activities', 'act-1')).toMatchObject({
        status: 'done',
        report: 'Приняли участие 54 педагога',
      });
  });

  it('never takes a layout-1 record from the cache (it changes inside its own Y.Map)', () => {
    const doc = layoutOneDoc();
    const first = new Repository(doc, { actor: 'Ирина', clock });
    const identities = first.identities();
    const cache = { snapshot: first.snapshot(), identities: () => identities };
    // A teammate on an older version edits the record in place.
    doc.transact(() =>
      (collectionMap(doc, 'activities').get('act-1') as Y.Map<unknown>).set('status', 'done'),
    );
    const reopened = new Repository(doc, { actor: 'Ирина', clock, validated: cache });
    expect(reopened.get('activities', 'act-1')).toMatchObject({ status: 'done' });
  });

  it('a layout-1 backup restores losslessly', async () => {
    const doc = layoutOneDoc();
    const bytes = writeBackup({ doc, attachments: new Map() });
    const restored = await readBackup(bytes);
    expect(restored.manifest.docSchemaVersion).toBe(1);
    expect(restored.snapshot.activities.map((a) => a.id)).toEqual(['act-1']);
    expect(restored.snapshot.links).toHaveLength(1);
  });
});
