// One search index per page, kept in step with the snapshot: built in idle time after a change
// so that the next keystroke only queries (MiniSearch + Russian stemming, see lib/store/search).
import { useEffect, useMemo } from 'react';
import { createSearchIndex, type Snapshot } from '../../lib/store/index.ts';

type SearchIndex = ReturnType<typeof createSearchIndex>;

export interface SearchHits {
  activityIds: Set<string>;
  evidenceIds: Set<string>;
}

export class SearchCache {
  private index: SearchIndex | null = null;
  private indexed: Snapshot | null = null;

  ensure(snapshot: Snapshot): SearchIndex {
    if (!this.index) this.index = createSearchIndex(snapshot);
    else if (this.indexed !== snapshot) this.index.update(snapshot.activities, snapshot.evidence);
    this.indexed = snapshot;
    return this.index;
  }

  search(snapshot: Snapshot, query: string): SearchHits | null {
    if (!query.trim()) return null;
    const result = this.ensure(snapshot).search(query);
    return { activityIds: new Set(result.activityIds), evidenceIds: new Set(result.evidenceIds) };
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
 */
export function useSearchCache(
  snapshot: Snapshot,
  options: { prebuild?: boolean } = {},
): SearchCache {
  const cache = useMemo(() => new SearchCache(), []);
  const prebuild = options.prebuild ?? true;
  useEffect(
    () => (prebuild ? idle(() => cache.ensure(snapshot)) : undefined),
    [cache, snapshot, prebuild],
  );
  return cache;
}
