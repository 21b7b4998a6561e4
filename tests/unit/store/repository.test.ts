import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Repository, ValidationError, fieldEditsMap, fieldKey } from '../../../lib/store/index.ts';
import { newWorkspaceDoc } from './fixtures.ts';
import { DEFAULT_DIRECTIONS } from '../../../lib/model/index.ts';

const clock = () => new Date('2021-03-01T10:00:00.000Z');

describe('Repository', () => {
  it('creates an activity with defaults and shows it in the snapshot', () => {
    const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина', clock });
    const a = repo.createActivity({
      title: 'Анализ результатов ВПР',
      direction: DEFAULT_DIRECTIONS[0],
    });
    const snap = repo.snapshot();
    expect(snap.activities).toHaveLength(1);
    expect(snap.activities[0]).toMatchObject({
      id: a.id,
      title: 'Анализ результатов ВПР',
      status: 'planned',
      updatedBy: 'Ирина',
    });
    expect(snap.workspace.name).toBe('МБОУ СОШ № 12');
  });

  it('refuses an invalid record with Russian messages and writes nothing', () => {
    const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина', clock });
    expect(() => repo.createActivity({ title: '' })).toThrow(ValidationError);
    let issues: ValidationError['issues'] = [];
    try {
      repo.createEvidence({ url: 'не адрес', date: '2021-02-31' });
    } catch (e) {
      issues = (e as ValidationError).issues;
    }
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['url', 'date']));
    expect(issues.find((i) => i.path === 'date')?.message).toMatch(/календаре/);
    expect(issues.every((i) => /[а-яё]/i.test(i.message))).toBe(true);
    expect(repo.snapshot().activities).toHaveLength(0);
    expect(repo.snapshot().evidence).toHaveLength(0);
  });

  it('links evidence to an activity; deleting the activity removes links; undo restores both', () => {
    const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина', clock });
    const a = repo.createActivity({ title: 'Методические выезды в ШНОР' });
    const e = repo.createEvidence({
      kind: 'order',
      issuer: 'УО',
      date: '2021-05-14',
      number: '736',
      title: 'О результатах методических выездов',
    });
    repo.link(a.id, e.id);
    repo.link(a.id, e.id); // idempotent
    expect(repo.snapshot().links).toHaveLength(1);
    const bundle = repo.deleteActivity(a.id);
    expect(repo.snapshot().activities).toHaveLength(0);
    expect(repo.snapshot().links).toHaveLength(0);
    repo.restoreDeleted(bundle);
    expect(repo.snapshot().activities.map((x) => x.title)).toEqual(['Методические выезды в ШНОР']);
    expect(repo.snapshot().links).toEqual([
      expect.objectContaining({ activityId: a.id, evidenceId: e.id }),
    ]);
  });

  it('keeps a record that fails its schema as needing repair, and lets a patch repair it', () => {
    const doc = newWorkspaceDoc();
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    const good = repo.createActivity({ title: 'Хорошее' });
    // A teammate's buggy client writes a status that does not exist.
    doc.transact(() => fieldEditsMap(doc, 'activities').set(fieldKey(good.id, 'status'), 'почти'));
    const snap = repo.snapshot();
    expect(snap.activities).toHaveLength(0);
    expect(snap.broken).toEqual([
      expect.objectContaining({ collection: 'activities', id: good.id }),
    ]);
    expect(snap.broken[0]!.message).toMatch(/status/);
    repo.updateActivity(good.id, { status: 'done' });
    expect(repo.snapshot().broken).toHaveLength(0);
    expect(repo.snapshot().activities[0]!.status).toBe('done');
  });

  it('merges two teammates editing different fields of the same activity', () => {
    const docA = newWorkspaceDoc();
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const a = new Repository(docA, { actor: 'Ирина', clock });
    const b = new Repository(docB, { actor: 'Олег', clock });
    const act = a.createActivity({ title: 'Семинар' });
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    a.updateActivity(act.id, { status: 'done' });
    b.updateActivity(act.id, { report: 'Проведён семинар для 54 педагогов' });
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    for (const repo of [a, b]) {
      expect(repo.snapshot().activities[0]).toMatchObject({
        status: 'done',
        report: 'Проведён семинар для 54 педагогов',
      });
    }
  });

  it('notifies subscribers of remote changes and refreshes only what changed', () => {
    const docA = newWorkspaceDoc();
    const repo = new Repository(docA, { actor: 'Ирина', clock });
    const first = repo.createActivity({ title: 'Первое' });
    const before = repo.snapshot();
    let calls = 0;
    repo.subscribe(() => calls++);
    const other = new Repository(docA, { actor: 'Олег', clock });
    other.updateActivity(first.id, { title: 'Первое (изменено)' });
    expect(calls).toBeGreaterThan(0);
    const after = repo.snapshot();
    expect(after).not.toBe(before);
    expect(after.activities[0]!.title).toBe('Первое (изменено)');
  });

  it('refuses writes to a doc written by a newer version, but still reads it', () => {
    const doc = newWorkspaceDoc();
    doc.getMap('meta').set('schemaVersion', 99);
    const repo = new Repository(doc, { actor: 'Ирина', clock });
    expect(repo.readOnlyReason).toMatch(/более новой версией/);
    expect(() => repo.createActivity({ title: 'x' })).toThrow(/более новой версией/);
    expect(repo.snapshot().workspace.name).toBe('МБОУ СОШ № 12');
  });
});
