// Switch between workspaces kept in this browser (one per organisation and school year).
import { useEffect, useState } from 'react';
import { useDashboard } from './context.ts';
import { t } from './records-messages.ts';

export function WorkspaceSwitcher({ onCreate }: { onCreate: () => void }) {
  const { store, workspaceId, reload } = useDashboard();
  const [list, setList] = useState<{ id: string; name: string; schoolYear: string }[]>([]);
  useEffect(() => {
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
      onChange={async (e) => {
        if (e.target.value === '+') return onCreate();
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
