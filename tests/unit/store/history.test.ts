import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Repository } from '../../../lib/store/index.ts';
import { newWorkspaceDoc } from './fixtures.ts';
import type { Activity } from '../../../lib/model/index.ts';

function team() {
  const docA = newWorkspaceDoc();
  let t = Date.parse('2021-05-01T09:00:00.000Z');
  const clock = () => new Date((t += 60_000));
  const irina = new Repository(docA, { actor: 'Ирина', clock });
  const activity = irina.createActivity({ title: 'Методический семинар', place: 'УО' });
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const oleg = new Repository(docB, { actor: 'Олег', clock });
  const sync = () => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { irina, oleg, sync, id: activity.id };
}

describe('record history', () => {
  it('says who changed what and when', () => {
    const { irina, id } = team();
    irina.updateActivity(id, { status: 'done', report: 'Проведён семинар' });
    irina.updateActivity(id, { report: 'Проведён семинар для 54 педагогов' });
    const history = irina.history('activities', id);
    expect(history.map((e) => [e.by, e.action, e.changes])).toEqual([
      ['Ирина', 'update', { status: 'done', report: 'Проведён семинар' }],
      ['Ирина', 'update', { report: 'Проведён семинар для 54 педагогов' }],
    ]);
    expect(history[1]!.previous).toEqual({ report: 'Проведён семинар' });
    const bundle = irina.deleteActivity(id);
    irina.restoreDeleted(bundle);
    expect(irina.history('activities', id).map((e) => e.action)).toEqual([
      'update',
      'update',
      'delete',
      'restore',
    ]);
  });

  it('shows both values when two teammates changed the same field while apart, until one is picked', () => {
    const { irina, oleg, sync, id } = team();
    irina.updateActivity(id, { place: 'МКУО КМЦ' });
    oleg.updateActivity(id, { place: 'МБОУ СОШ № 12' });
    sync();
    for (const repo of [irina, oleg]) {
      const [conflict] = repo.conflicts('activities', id);
      expect(conflict?.field).toBe('place');
      expect(conflict?.candidates.map((c) => [c.value, c.by])).toEqual([
        ['МКУО КМЦ', 'Ирина'],
        ['МБОУ СОШ № 12', 'Олег'],
      ]);
    }
    // Ирина keeps Олег's value (whichever the merge happened to keep): settled for everyone.
    irina.settleConflict('activities', id, 'place', 'МБОУ СОШ № 12');
    sync();
    expect(oleg.conflicts('activities', id)).toEqual([]);
    expect(oleg.get<Activity>('activities', id)?.place).toBe('МБОУ СОШ № 12');
    // A later edit of the field by anyone also counts as settled.
    oleg.updateActivity(id, { place: 'МБОУ СОШ № 12 (актовый зал)' });
    sync();
    expect(irina.conflicts('activities', id)).toEqual([]);
  });

  it('merges edits of different fields made apart without any conflict', () => {
    const { irina, oleg, sync, id } = team();
    irina.updateActivity(id, { status: 'done' });
    oleg.updateActivity(id, { report: 'Отчёт Олега' });
    sync();
    expect(irina.conflicts('activities', id)).toEqual([]);
    expect(irina.get<Activity>('activities', id)).toMatchObject({
      status: 'done',
      report: 'Отчёт Олега',
    });
  });
});
