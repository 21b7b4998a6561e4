// What every section of the register needs, passed down once.
import { createContext, useContext } from 'react';
import type { DeletedBundle, Repository, Snapshot } from '../../lib/store/index.ts';
import type { SearchCache } from '../common/search.ts';
import type { StoreApi } from '../common/workspace.ts';
import type { Derived } from './derive.ts';

export interface DashboardContextValue {
  store: StoreApi;
  workspaceId: string;
  repo: Repository;
  snapshot: Snapshot;
  derived: Derived;
  search: SearchCache;
  navigate: (route: string) => void;
  /** Remembers a delete so that «Отменить удаление» can put it back. */
  deleted: (bundle: DeletedBundle, label: string) => void;
  /** Re-reads the active workspace (after a restore or a switch). */
  reload: () => void;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('DashboardContext is missing');
  return value;
}
