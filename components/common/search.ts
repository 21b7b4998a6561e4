// One search index per page, kept in step with the snapshot: built in idle time after a change
// so that the next keystroke only queries (MiniSearch + Russian stemming, see lib/store/search).
// The engine is the largest code a register page has (the Snowball stemmers alone are ~315 KB),
// so pages load it right after their first render instead of before it.
import { useEffect, useMemo, useState } from 'react';
import type { Snapshot } from '../../lib/store/index.ts';
import type * as SearchEngine from '../../lib/store/search.ts';
import { errorMessage } from './format.ts';
import { t } from './messages.ts';

type SearchIndex = ReturnType<typeof SearchEngine.createSearchIndex>;

let engine: typeof SearchEngine | null = null;
let loading: Promise<typeof SearchEngine> | null = null;

/** Loads the engine once per page (pages call it through useSearchCache). */
export function loadSearchEngine(): Promise<typeof SearchEngine> {
  loading ??= import('../../lib/store/search.ts').then((m) => (engine = m));
  return loading;
}

export interface SearchHits {
  activityIds: Set<string>;
  evidenceIds: Set<string>;
  /** Set while there are no results yet to show: why, in the interface language. */
  notice: string | null;
}

type EngineState =
  { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

export class SearchCache {
  private index: SearchIndex | null = null;
  private indexed: Snapshot | null = null;
  constructor(private readonly state: EngineState = { status: 'ready' }) {}

  ensure(snapshot: Snapshot): SearchIndex | null {
    if (!engine) return null;
    if (!this.index) this.index = engine.createSearchIndex(snapshot);
    else if (this.indexed !== snapshot) this.index.update(snapshot.activities, snapshot.evidence);
    this.indexed = snapshot;
    return this.index;
  }

  search(snapshot: Snapshot, query: string): SearchHits | null {
    if (!query.trim()) return null;
    const index = this.ensure(snapshot);
    if (!index) {
      const notice =
        this.state.status === 'failed'
          ? t('searchFailed', { message: this.state.message })
          : t('searchLoading');
      return { activityIds: new Set(), evidenceIds: new Set(), notice };
    }
    const result = index.search(query);
    return {
      activityIds: new Set(result.activityIds),
      evidenceIds: new Set(result.evidenceIds),
      notice: null,
    };
  }
}

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
};

/**
 * A search cache for this page whose index is refreshed in idle time after each change.
 * `prebuild: false` (a read-only preview while the register loads) leaves the index to the
 * first keystroke: built in idle time it would hold up the load it waits for by a second.
 * The cache is replaced once the engine has loaded, so memoised results are recomputed.
 */
export function useSearchCache(
  snapshot: Snapshot,
  options: { prebuild?: boolean } = {},
): SearchCache {
  const [state, setState] = useState<EngineState>(() =>
    engine ? { status: 'ready' } : { status: 'loading' },
  );
  useEffect(() => {
    if (state.status !== 'loading') return;
    let cancelled = false;
    loadSearchEngine().then(
      () => !cancelled && setState({ status: 'ready' }),
      (e: unknown) => !cancelled && setState({ status: 'failed', message: errorMessage(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [state.status]);
  const cache = useMemo(() => new SearchCache(state), [state]);
  const prebuild = (options.prebuild ?? true) && state.status === 'ready';
  useEffect(
    () => (prebuild ? idle(() => cache.ensure(snapshot)) : undefined),
    [cache, snapshot, prebuild],
  );
  return cache;
}
