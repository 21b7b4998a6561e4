// Switch between workspaces kept in this browser (one per organisation and school year).
import { useEffect, useState } from 'react';
import type { StoreApi } from '../common/workspace.ts';
import { t } from './records-messages.ts';

export function WorkspaceSwitcher(props: {
  /** Null while the store's code loads (the first paint): the switcher waits, disabled. */
  store: StoreApi | null;
  workspaceId: string;
  reload: () => void;
  onCreate: () => void;
}) {
  const { store, workspaceId, reload, onCreate } = props;
  const [list, setList] = useState<{ id: string; name: string; schoolYear: string }[]>([]);
  useEffect(() => {
    if (!store) return;
    let live = true;
    store.listWorkspaces().then(
      (l) => live && setList(l),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [store, workspaceId]);

  return (
    <select
      className="switcher"
      aria-label={t('workspace')}
      value={workspaceId}
      disabled={!store}
      onChange={async (e) => {
        if (e.target.value === '+') return onCreate();
        if (!store) return;
        await store.setActiveWorkspaceId(e.target.value);
        reload();
      }}
    >
      {list.length === 0 && <option value={workspaceId}>{t('currentWorkspace')}</option>}
      {list.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name} ({w.schoolYear})
        </option>
      ))}
      <option value="+">{t('newWorkspace')}</option>
    </select>
  );
}
