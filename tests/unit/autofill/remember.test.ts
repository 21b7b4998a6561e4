import { describe, expect, it } from 'vitest';
import { Repository } from '../../../lib/store/index.ts';
import { pairingsForOrigin, rememberPairings } from '../../../lib/autofill/remember.ts';
import { newWorkspaceDoc } from '../store/fixtures.ts';

const pair = (fieldKey: string, indicatorId: string) => ({
  fieldKey,
  indicatorId,
  indicatorNumber: indicatorId.slice(1),
  indicatorText: `Показатель ${indicatorId}`,
});

describe('remembered web-form pairings', () => {
  it('stores one shared record per form and merges later confirmations field by field', () => {
    const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина' });
    const base = {
      type: 'autofill-pairings-confirmed' as const,
      origin: 'https://forms.kuban.ru',
      formKey: '/m#abc',
    };
    rememberPairings(repo, [
      { ...base, pairs: [pair('q1', 'i1'), pair('q2', 'i2')], at: '2021-06-01T10:00:00.000Z' },
    ]);
    rememberPairings(repo, [
      { ...base, pairs: [pair('q2', 'i5')], at: '2021-06-02T10:00:00.000Z' },
    ]);
    const [stored] = pairingsForOrigin(repo, 'https://forms.kuban.ru');
    expect(stored?.pairs.map((p) => [p.fieldKey, p.indicatorId])).toEqual([
      ['q1', 'i1'],
      ['q2', 'i5'],
    ]);
    expect(stored?.createdAt).toBe('2021-06-01T10:00:00.000Z');
    expect(pairingsForOrigin(repo, 'https://other.example')).toEqual([]);
  });
});
