// What the popup paints first, read straight from Dexie (the workspaces list and the deadline
// projection): no Y.Doc, no Yjs, no search index — those load on demand after first paint.
import { db, type WorkspaceRow } from '../../lib/store/db.ts';
import { computeDeadlines, needsReminder, type Deadlines } from '../../lib/deadlines/index.ts';
import { activityStatusSchema } from '../../lib/model/records.ts';

const REMINDED = activityStatusSchema.options.filter(needsReminder);

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

/**
 * Only the projection rows that can be due are read (the index on workspace + status): at report
 * time most activities are done, and reading all 10,000 rows of a large register was most of the
 * popup's wait. The counts come from the same index without reading rows.
 */
export async function readPopupData(today: string): Promise<PopupData> {
  const [workspace, all] = await Promise.all([activeWorkspaceRow(), db().workspaces.toArray()]);
  const byStatus = db().deadlines.where('[workspaceId+status]');
  const due = all.flatMap((w) => REMINDED.map((status) => [w.id, status]));
  const [rows, activities, done] = await Promise.all([
    due.length ? byStatus.anyOf(due).toArray() : Promise.resolve([]),
    workspace ? db().deadlines.where('workspaceId').equals(workspace.id).count() : 0,
    workspace ? byStatus.equals([workspace.id, 'done']).count() : 0,
  ]);
  return {
    workspace,
    names: Object.fromEntries(all.map((w) => [w.id, w.name])),
    activities,
    done,
    deadlines: computeDeadlines(rows, today),
  };
}

export async function setActiveWorkspace(id: string): Promise<void> {
  await db().settings.put({ key: 'activeWorkspaceId', value: id });
}
