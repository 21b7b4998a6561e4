import { beforeEach, describe, expect, it } from 'vitest';
import { db, type DeadlineRow } from '../../lib/store/db.ts';
import { computeDeadlines } from '../../lib/deadlines/index.ts';
import { readPopupData, setActiveWorkspace } from '../../components/popup/popup-data.ts';

const row = (workspaceId: string, n: number, status: string, end: string): DeadlineRow => ({
  key: `${workspaceId}/a${n}`,
  workspaceId,
  activityId: `a${n}`,
  title: `Мероприятие ${n}`,
  status,
  periodKind: 'deadline',
  start: null,
  end,
  every: null,
});

const STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'];
const ROWS = [
  ...Array.from({ length: 40 }, (_, i) =>
    row('w1', i, STATUSES[i % 5]!, `2021-05-${String((i % 28) + 1).padStart(2, '0')}`),
  ),
  ...Array.from({ length: 12 }, (_, i) => row('w2', i, STATUSES[i % 5]!, '2021-06-03')),
];

// The popup reads only the rows that can be due; what it shows must equal the rule over all rows.
describe('the popup’s first data', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
    const at = '2021-01-01T00:00:00.000Z';
    await db().workspaces.bulkPut([
      { id: 'w1', name: 'МБОУ СОШ № 12', schoolYear: '2020-2021', createdAt: at, openedAt: at },
      {
        id: 'w2',
        name: 'УО Славянский район',
        schoolYear: '2020-2021',
        createdAt: at,
        openedAt: at,
      },
    ]);
    await db().deadlines.bulkPut(ROWS);
    await setActiveWorkspace('w1');
  });

  it('lists the same deadlines as the badge’s rule over every row, and counts the active one’s', async () => {
    const data = await readPopupData('2021-06-01');
    expect(data.workspace?.id).toBe('w1');
    expect(data.deadlines).toEqual(computeDeadlines(ROWS, '2021-06-01'));
    expect(data.deadlines.overdue.length).toBeGreaterThan(0);
    expect(data.deadlines.dueSoon.map((i) => i.workspaceId)).toContain('w2');
    expect(data.activities).toBe(40);
    expect(data.done).toBe(8);
    expect(data.names).toEqual({ w1: 'МБОУ СОШ № 12', w2: 'УО Славянский район' });
  });

  it('counts nothing and lists nothing on a first run', async () => {
    await db().delete({ disableAutoOpen: false });
    const data = await readPopupData('2021-06-01');
    expect(data).toMatchObject({ workspace: null, activities: 0, done: 0 });
    expect(data.deadlines).toEqual({ overdue: [], dueSoon: [] });
  });
});
