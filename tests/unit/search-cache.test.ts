import { describe, expect, it } from 'vitest';
import { Repository } from '../../lib/store/index.ts';
import { loadSearchEngine, SearchCache } from '../../components/common/search.ts';
import { setLocale } from '../../lib/i18n/index.ts';
import { newWorkspaceDoc } from './store/fixtures.ts';

// The pages load the search engine after their first render: until it is there a query says
// so instead of showing an empty or unfiltered list as if it were the answer.
describe('the page’s search cache around the lazily loaded engine', () => {
  const repo = new Repository(newWorkspaceDoc(), { actor: 't' });
  const vpr = repo.createActivity({ title: 'Анализ результатов ВПР по математике' });
  repo.createActivity({ title: 'Семинар для учителей' });
  const snapshot = repo.snapshot();

  it('while the engine loads, a query gets a notice and no hits', () => {
    const hits = new SearchCache({ status: 'loading' }).search(snapshot, 'анализу');
    expect(hits).toEqual({
      activityIds: new Set(),
      evidenceIds: new Set(),
      notice: 'Поиск загружается…',
    });
    setLocale('en');
    expect(new SearchCache({ status: 'loading' }).search(snapshot, 'впр')!.notice).toBe(
      'Search is loading…',
    );
    setLocale('ru');
    // No query: the whole list, engine or not.
    expect(new SearchCache({ status: 'loading' }).search(snapshot, '  ')).toBeNull();
  });

  it('if the engine failed to load, says so with the reason', () => {
    const failed = new SearchCache({ status: 'failed', message: 'нет файла' });
    expect(failed.search(snapshot, 'впр')!.notice).toBe(
      'Поиск не загрузился: нет файла. Перезагрузите страницу.',
    );
  });

  it('once loaded, finds by Russian word forms', async () => {
    await loadSearchEngine();
    const hits = new SearchCache().search(snapshot, 'анализу результата');
    expect(hits).toEqual({ activityIds: new Set([vpr.id]), evidenceIds: new Set(), notice: null });
  });
});
