// A filling kept auto-completed while it is open: the engine re-runs (debounced) whenever the
// register or the answers change, and new proposals are stored — decided answers never are.
import { useEffect, useMemo, useRef, useState } from 'react';
import { autoComplete, type AutoResult } from '../../lib/checklist/auto.ts';
import type { Filling, Template } from '../../lib/checklist/schema.ts';
import { refreshProposals, registerData, templateOf } from '../../lib/monitoring-actions.ts';
import { FillingStore } from '../../lib/store/fillings.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { errorMessage } from '../common/format.ts';
import { t } from './messages.ts';

/**
 * Debounce before re-running the engine (~50–120 ms on 10k activities): short enough that one
 * edit shows within the 200 ms the issue allows, long enough that a burst (an import, a
 * teammate's sync) runs it once.
 */
export const RERUN_DELAY_MS = 40;

export function useFilling(
  repo: Repository,
  snapshot: Snapshot,
  fillingId: string,
): { filling: Filling | null; template: Template | null } {
  // The snapshot object changes on every write; the joined filling is rebuilt only then.
  return useMemo(() => {
    const filling = new FillingStore(repo).get(fillingId);
    return { filling, template: filling ? templateOf(snapshot, filling.templateId) : null };
  }, [repo, snapshot, fillingId]);
}

export function useAutoResults(
  repo: Repository,
  snapshot: Snapshot,
  template: Template | null,
  filling: Filling | null,
  /** False in a read-only preview: results are shown, nothing is stored. */
  writable: boolean,
): { results: AutoResult[] | null; error: string | null } {
  const [results, setResults] = useState<AutoResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef(true);
  const data = useMemo(
    () => registerData(snapshot),
    // Only the register's own arrays matter; answers arrive through `filling`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      snapshot.activities,
      snapshot.evidence,
      snapshot.links,
      snapshot.organisations,
      snapshot.people,
    ],
  );

  useEffect(() => {
    if (!template || !filling) return;
    const run = () => {
      const now = new Date().toISOString();
      try {
        if (writable && !repo.readOnlyReason) {
          const { results } = refreshProposals(repo, template, filling, data, now);
          setResults(results);
        } else setResults(autoComplete(template, filling, data, { today: now.slice(0, 10) }));
        setError(null);
      } catch (e) {
        setError(t('autoFailed', { message: errorMessage(e) }));
      }
    };
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, RERUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [repo, template, filling, data, writable]);

  return { results, error };
}
