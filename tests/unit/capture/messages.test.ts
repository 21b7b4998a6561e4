// Messages between contexts are parsed at both ends: malformed ones are refused, never handled.
import { describe, expect, it, vi } from 'vitest';
import { dashboardPath, parseMessage, sendMessage, type Message } from '../../../lib/messages.ts';
import {
  parseToolbarMessage,
  queuePairings,
  readPairingsQueue,
  type PairingsConfirmed,
} from '../../../lib/toolbar-messages.ts';

const confirmed: PairingsConfirmed = {
  type: 'autofill-pairings-confirmed',
  origin: 'https://forms.example.ru',
  formKey: '/f#abc',
  pairs: [{ fieldKey: 'q1', indicatorId: 'i1', indicatorNumber: '1', indicatorText: 'Наличие' }],
  at: '2021-06-10T08:00:00.000Z',
};

describe('one protocol for pages, the background and the toolbar features', () => {
  it('accepts every kind of message it defines, toolbar ones included', () => {
    const good: Message[] = [
      { type: 'open-dashboard' },
      { type: 'open-dashboard', route: 'evidence' },
      { type: 'open-dashboard', route: 'activity/abc-123' },
      { type: 'open-side-panel', windowId: 3 },
      { type: 'workspace-changed', workspaceId: 'w1' },
      { type: 'deadlines-refresh' },
      { type: 'deadlines-notifications', enabled: true },
      confirmed,
    ];
    for (const m of good) expect(parseMessage(m)).toEqual(m);
    expect(parseToolbarMessage(confirmed)).toEqual(confirmed);
  });

  it('refuses malformed and foreign messages', () => {
    const bad: unknown[] = [
      null,
      'open-dashboard',
      {},
      { type: 'delete-everything' },
      { type: 'open-dashboard', route: 'javascript:alert(1)' },
      { type: 'open-dashboard', route: 'activity/../../etc' },
      { type: 'open-side-panel', windowId: '3' },
      { type: 'workspace-changed', workspaceId: '' },
      { type: 'deadlines-notifications', enabled: 'yes' },
      { ...confirmed, at: 'вчера' },
      { ...confirmed, pairs: [{ fieldKey: '', indicatorId: 'i1' }] },
    ];
    for (const raw of bad) expect(parseMessage(raw)).toBeNull();
  });

  it('checks an outgoing message before sending and reads the answer through its schema', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    await sendMessage(send, { type: 'deadlines-refresh' });
    expect(send).toHaveBeenCalledWith({ type: 'deadlines-refresh' });

    await expect(
      sendMessage(send, { type: 'open-side-panel', windowId: 1.5 } as Message),
    ).rejects.toThrow();
    expect(send).toHaveBeenCalledTimes(1);

    await expect(
      sendMessage(async () => ({ ok: false, error: 'Вкладка закрыта' }), {
        type: 'deadlines-refresh',
      }),
    ).rejects.toThrow('Вкладка закрыта');
    await expect(sendMessage(async () => 'ok', { type: 'deadlines-refresh' })).rejects.toThrow(
      'Фоновая часть расширения не ответила.',
    );
  });

  it('builds dashboard paths for sections and records', () => {
    expect(dashboardPath()).toBe('/dashboard.html');
    expect(dashboardPath('activity/a1')).toBe('/dashboard.html#activity/a1');
  });
});

describe('queued pairings', () => {
  it('keeps one entry per form (the newest) and drops anything malformed found in storage', () => {
    const older = { ...confirmed, at: '2021-06-01T08:00:00.000Z' };
    const other = { ...confirmed, formKey: '/g#def' };
    const stored = [older, other, { type: 'autofill-pairings-confirmed' }, 'junk'];
    const queue = queuePairings(stored, confirmed);
    expect(queue).toEqual([other, confirmed]);
    expect(readPairingsQueue('not a list')).toEqual([]);
  });
});
