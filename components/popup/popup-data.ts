// What the popup paints first, read straight from Dexie (the workspaces list and the deadline
// projection): no Y.Doc, no Yjs, no search index — those load on demand after first paint.
import { db, type DeadlineRow, type WorkspaceRow } from '../../lib/store/db.ts';
import { computeDeadlines, type Deadlines } from '../../lib/deadlines/index.ts';

export interface PopupData {
  workspace: WorkspaceRow | null;
  /** Names of all workspaces on this device (deadline items of another one say which). */
  names: Record<string, string>;
  activities: number;
  done: number;
  /** Over every workspace's projection: the same rows and rule as the toolbar badge. */
  deadlines: Deadlines;
}

export async function activeWorkspaceRow(): Promise<WorkspaceRow | null> {
  const [setting, rows] = await Promise.all([
    db().settings.get('activeWorkspaceId'),
    db().workspaces.orderBy('openedAt').reverse().toArray(),
  ]);
  const id = typeof setting?.value === 'string' ? setting.value : null;
  return rows.find((r) => r.id === id) ?? rows[0] ?? null;
}

export async function readPopupData(today: string): Promise<PopupData> {
  const [workspace, all, rows] = await Promise.all([
    activeWorkspaceRow(),
    db().workspaces.toArray(),
    db().deadlines.toArray(),
  ]);
  const mine: DeadlineRow[] = workspace ? rows.filter((r) => r.workspaceId === workspace.id) : [];
  return {
    workspace,
    names: Object.fromEntries(all.map((w) => [w.id, w.name])),
    activities: mine.length,
    done: mine.filter((r) => r.status === 'done').length,
    deadlines: computeDeadlines(rows, today),
  };
}

export async function setActiveWorkspace(id: string): Promise<void> {
  await db().settings.put({ key: 'activeWorkspaceId', value: id });
}
