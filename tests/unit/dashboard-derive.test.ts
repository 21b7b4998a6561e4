import { describe, expect, it } from 'vitest';
import { Repository } from '../../lib/store/index.ts';
import { derive } from '../../components/dashboard/derive.ts';
import { newWorkspaceDoc } from './store/fixtures.ts';

// The dashboard's lookups, built on first use: each must say the same whatever was asked first.
describe('the register’s derived lookups', () => {
  const repo = new Repository(newWorkspaceDoc(), { actor: 't' });
  const seminar = repo.createActivity({ number: '2', title: 'Семинар', direction: 'Сетевое' });
  const analysis = repo.createActivity({ number: '1.10', title: 'Анализ ВПР' });
  const first = repo.createActivity({ number: '1.2', title: 'Выезд в школу' });
  const order = repo.createEvidence({ kind: 'order', title: 'Приказ', date: '2021-03-01' });
  const letter = repo.createEvidence({ kind: 'letter', title: 'Письмо', date: '2021-04-15' });
  const undated = repo.createEvidence({ kind: 'certificate', title: 'Справка' });
  repo.link(seminar.id, order.id);
  repo.link(seminar.id, letter.id);
  repo.link(analysis.id, order.id);
  const snapshot = repo.snapshot();

  it('orders activities by number as written, evidence newest first (undated last)', () => {
    const d = derive(snapshot);
    expect(d.sortedActivities.map((a) => a.number)).toEqual(['1.2', '1.10', '2']);
    expect(d.sortedEvidence.map((e) => e.id)).toEqual([letter.id, order.id, undated.id]);
  });

  it('links both ways, with the kinds of each activity’s evidence, in any order of asking', () => {
    const kindsFirst = derive(snapshot);
    expect(kindsFirst.kindsByActivity.get(seminar.id)).toEqual(new Set(['order', 'letter']));
    expect(kindsFirst.activityIdsByEvidence.get(order.id)).toEqual([seminar.id, analysis.id]);
    const countsFirst = derive(snapshot);
    expect(countsFirst.evidenceIdsByActivity.get(seminar.id)).toEqual([order.id, letter.id]);
    expect(countsFirst.evidenceIdsByActivity.get(first.id)).toBeUndefined();
    expect(countsFirst.kindsByActivity.get(analysis.id)).toEqual(new Set(['order']));
    expect(countsFirst.directions).toContain('Сетевое');
  });

  it('counts no link whose evidence is missing from the snapshot', () => {
    const d = derive({
      ...snapshot,
      evidence: snapshot.evidence.filter((e) => e.id !== letter.id),
    });
    expect(d.evidenceIdsByActivity.get(seminar.id)).toEqual([order.id]);
    expect(d.activityIdsByEvidence.get(letter.id)).toBeUndefined();
  });

  it('while a preview’s evidence is still being read, counts links and knows no kinds yet', () => {
    const d = derive({ ...snapshot, evidence: [], evidencePending: 3 });
    expect(d.evidenceIdsByActivity.get(seminar.id)).toEqual([order.id, letter.id]);
    expect(d.kindsByActivity.get(seminar.id)).toEqual(new Set());
    expect(d.sortedEvidence).toEqual([]);
    expect(d.evidenceCount(seminar.id)).toBe(2);
  });

  it('takes the counts the cache kept when the links are still being read too', () => {
    const evidenceCounts = new Map([[seminar.id, 5]]);
    const d = derive({ ...snapshot, evidence: [], links: [], evidencePending: 5, evidenceCounts });
    expect(d.evidenceCount(seminar.id)).toBe(5);
    expect(d.evidenceCount('нет-такого')).toBe(0);
    expect(d.evidenceIdsByActivity.get(seminar.id)).toBeUndefined();
  });
});
