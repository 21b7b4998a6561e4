import { describe, expect, it } from 'vitest';
import { Repository } from '../../../lib/store/index.ts';
import { createSearchIndex } from '../../../lib/store/search.ts';
import { newWorkspaceDoc } from './fixtures.ts';

describe('search with Russian word forms', () => {
  const repo = new Repository(newWorkspaceDoc(), { actor: 't' });
  const vpr = repo.createActivity({ title: 'Анализ результатов ВПР по математике' });
  const mon = repo.createActivity({ title: 'Проведение ежегодных мониторингов состояния школ' });
  const ev = repo.createEvidence({
    kind: 'order',
    issuer: 'УО',
    number: '736',
    title: 'О результатах методических выездов',
  });
  const index = createSearchIndex(repo.snapshot());

  it('finds «анализ результатов ВПР» by «ВПР»', () => {
    expect(index.search('ВПР').activityIds).toEqual([vpr.id]);
  });
  it('finds across word forms', () => {
    expect(index.search('мониторинг').activityIds).toEqual([mon.id]);
    expect(index.search('результат').activityIds).toEqual([vpr.id]);
    expect(index.search('результат').evidenceIds).toEqual([ev.id]);
  });
  it('finds evidence by kind word and number', () => {
    expect(index.search('приказ 736').evidenceIds).toEqual([ev.id]);
  });
  it('follows updates', () => {
    repo.updateActivity(vpr.id, { title: 'Анализ итогов диагностики' });
    index.update(repo.snapshot().activities, repo.snapshot().evidence);
    expect(index.search('ВПР').activityIds).toEqual([]);
    expect(index.search('диагностика').activityIds).toEqual([vpr.id]);
  });
});
