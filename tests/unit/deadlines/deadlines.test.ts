import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  badgeText,
  badgeTitle,
  computeDeadlines,
  describeDue,
} from '../../../lib/deadlines/index.ts';
import { refreshBadge } from '../../../lib/deadlines/background.ts';

const row = (
  activityId: string,
  title: string,
  over: Partial<{
    status: string;
    periodKind: string;
    start: string | null;
    end: string | null;
    every: string | null;
  }>,
) => ({
  workspaceId: 'w',
  activityId,
  title,
  status: 'planned',
  periodKind: 'deadline',
  start: null,
  end: null,
  every: null,
  ...over,
});

const ROWS = [
  row('a', 'Анализ ВПР', { end: '2021-05-20' }),
  row('b', 'План работы с ШНОР', { periodKind: 'range', start: '2021-05-01', end: '2021-05-31' }),
  row('c', 'Сделано', { end: '2021-05-01', status: 'done' }),
  row('d', 'Перенесено', { end: '2021-05-01', status: 'postponed' }),
  row('e', 'Осенью', { periodKind: 'date', start: '2021-10-01', end: '2021-10-01' }),
  row('f', 'По плану МТКП', { periodKind: 'plan' }),
  row('g', 'Ежемесячно', {
    periodKind: 'recurring',
    every: 'month',
    start: '2021-01-01',
    end: '2021-12-31',
  }),
];

describe('computeDeadlines', () => {
  it('splits overdue and due within 7 days, ignoring finished, postponed and undated work', () => {
    const d = computeDeadlines(ROWS, '2021-05-25');
    expect(d.overdue.map((i) => [i.title, i.days])).toEqual([['Анализ ВПР', -5]]);
    expect(d.dueSoon.map((i) => [i.title, i.due])).toEqual([
      ['Ежемесячно', '2021-05-31'],
      ['План работы с ШНОР', '2021-05-31'],
    ]);
    expect(badgeText(d)).toBe('3');
    expect(badgeTitle(d)).toBe(
      'Сводка — просрочено: 1 мероприятие; срок в ближайшие 7 дней: 2 мероприятия',
    );
    expect(describeDue(d.overdue[0]!)).toBe('просрочено на 5 дней');
  });

  it('lists the earliest due first, and one day’s items by title in Russian order', () => {
    const d = computeDeadlines(
      [
        row('x', 'Ярмарка проектов', { end: '2021-05-10' }),
        row('y', 'Ёлка', { end: '2021-05-20' }),
        row('z', 'Анализ ВПР', { end: '2021-05-20' }),
        row('w', 'Ещё один отчёт', { end: '2021-05-20' }),
        row('v', 'Zoom-совещание', { end: '2021-05-20' }),
      ],
      '2021-06-01',
    );
    expect(d.overdue.map((i) => i.title)).toEqual([
      'Ярмарка проектов',
      'Анализ ВПР',
      'Ёлка', // Ё sorts as Е: «ел…» before «ещ…»
      'Ещё один отчёт',
      'Zoom-совещание', // Cyrillic before Latin
    ]);
  });

  it('shows no badge when nothing is due', () => {
    expect(badgeText(computeDeadlines(ROWS, '2021-01-02'))).toBe('');
  });
});

describe('refreshBadge', () => {
  beforeEach(() => fakeBrowser.reset());
  it('writes the count and the tooltip to the toolbar badge', async () => {
    await refreshBadge(fakeBrowser as never, '2021-05-25', async () => ROWS);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toContain('просрочено: 1 мероприятие');
  });
});
