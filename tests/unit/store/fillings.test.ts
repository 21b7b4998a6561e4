import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FillingStore, Repository } from '../../../lib/store/index.ts';
import type { Answer, Filling } from '../../../lib/checklist/schema.ts';
import { newWorkspaceDoc } from './fixtures.ts';

const filling: Filling = {
  id: 'f1',
  templateId: 't1',
  title: 'Мониторинг результативности методической помощи ШНОР',
  period: { start: '2020-09-01', end: '2021-06-11' },
  deadline: '2021-06-11',
  subjects: {},
  answers: {},
  createdAt: '2021-06-01T09:00:00.000Z',
  updatedAt: '2021-06-01T09:00:00.000Z',
};

const answer = (value: number, by: string, at: string): Answer => ({
  value,
  status: 'overridden',
  comment: '',
  by,
  at,
  evidenceIds: [],
  activityIds: [],
});

function twoTeammates() {
  const docA = newWorkspaceDoc();
  const docB = new Y.Doc();
  const irina = new FillingStore(new Repository(docA, { actor: 'Ирина' }));
  irina.save({ ...filling, answers: { i8: answer(5, 'Ирина', '2021-06-02T10:00:00.000Z') } });
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const oleg = new FillingStore(new Repository(docB, { actor: 'Олег' }));
  const sync = () => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { irina, oleg, sync };
}

describe('fillings shared by a team', () => {
  it('round-trips a filling with its answers', () => {
    const { irina } = twoTeammates();
    expect(irina.get('f1')?.answers.i8?.value).toBe(5);
    expect(irina.list()).toHaveLength(1);
  });

  it('merges answers to different indicators made while apart, with no conflict', () => {
    const { irina, oleg, sync } = twoTeammates();
    irina.save({
      ...irina.get('f1')!,
      answers: { ...irina.get('f1')!.answers, i9: answer(1, 'Ирина', '2021-06-03T10:00:00.000Z') },
    });
    oleg.save({
      ...oleg.get('f1')!,
      answers: { ...oleg.get('f1')!.answers, i10: answer(13, 'Олег', '2021-06-03T11:00:00.000Z') },
    });
    sync();
    for (const store of [irina, oleg]) {
      const answers = store.get('f1')!.answers;
      expect([answers.i8?.value, answers.i9?.value, answers.i10?.value]).toEqual([5, 1, 13]);
      expect(store.conflicts('f1')).toEqual([]);
    }
  });

  it('shows both changes of the same answer made while apart, who and when, until one is picked', () => {
    const { irina, oleg, sync } = twoTeammates();
    irina.save({
      ...irina.get('f1')!,
      answers: { i8: answer(7, 'Ирина', '2021-06-03T10:00:00.000Z') },
    });
    oleg.save({
      ...oleg.get('f1')!,
      answers: { i8: answer(13, 'Олег', '2021-06-03T11:00:00.000Z') },
    });
    sync();
    for (const store of [irina, oleg]) {
      const [conflict] = store.conflicts('f1');
      expect(conflict?.key).toBe('i8');
      expect(conflict?.candidates.map((c) => [c.value, c.by, c.at])).toEqual([
        [7, 'Ирина', '2021-06-03T10:00:00.000Z'],
        [13, 'Олег', '2021-06-03T11:00:00.000Z'],
      ]);
    }
    const [conflict] = irina.conflicts('f1');
    irina.resolve(conflict!, conflict!.candidates[0]!.id, 'Ирина', '2021-06-04T08:00:00.000Z');
    sync();
    expect(oleg.conflicts('f1')).toEqual([]);
    expect(oleg.get('f1')!.answers.i8?.value).toBe(7);
    expect(oleg.history('f1', 'i8').map((e) => e.value)).toEqual([5, 7, 13, 7]);
  });

  it('refuses an invalid filling and writes nothing', () => {
    const { irina } = twoTeammates();
    expect(() =>
      irina.save({ ...filling, id: 'f2', period: { start: '2021-06-01', end: '2020-09-01' } }),
    ).toThrow(/позже/);
    expect(irina.list()).toHaveLength(1);
  });
});
