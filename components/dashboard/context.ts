// What every section of the register needs, passed down once.
import { createContext, useContext } from 'react';
import type { DeletedBundle, Repository, Snapshot } from '../../lib/store/index.ts';
import type { SearchCache } from '../common/search.ts';
import type { StoreApi } from '../common/workspace.ts';
import type { Derived } from './derive.ts';

/**
 * What a list shows. It is there from the dashboard's first paint, which comes before the
 * store's code has loaded (see useActiveWorkspace's glimpse); sections that read only this
 * can render then.
 */
export interface RegisterViewValue {
  snapshot: Snapshot;
  derived: Derived;
  search: SearchCache;
}

export interface DashboardContextValue extends RegisterViewValue {
  store: StoreApi;
  workspaceId: string;
  repo: Repository;
  navigate: (route: string) => void;
  /** Remembers a delete so that «Отменить удаление» can put it back. */
  deleted: (bundle: DeletedBundle, label: string) => void;
  /** Re-reads the active workspace (after a restore or a switch). */
  reload: () => void;
}

export const RegisterViewContext = createContext<RegisterViewValue | null>(null);
export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useRegisterView(): RegisterViewValue {
  const value = useContext(RegisterViewContext);
  if (!value) throw new Error('RegisterViewContext is missing');
  return value;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('DashboardContext is missing');
  return value;
}
