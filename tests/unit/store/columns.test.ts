import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../lib/store/columns.ts';

describe('record lists as columns (snapshot cache)', () => {
  const activities = [
    {
      id: 'a1',
      title: 'Анализ результатов ВПР',
      period: { raw: 'сентябрь', parsed: null },
      tags: ['ВПР'],
      level: null,
      note: undefined,
    },
    {
      id: 'a2',
      title: 'Семинар для учителей ШНОР',
      period: { raw: 'в течение года', parsed: { kind: 'range' } },
      tags: [],
      level: 'municipal',
      note: undefined,
    },
  ];

  it('stores one array per field and gives back equal records, nested values included', () => {
    const columns = toColumns(activities);
    expect(Array.isArray(columns)).toBe(false);
    expect(columns).toMatchObject({
      fields: ['id', 'title', 'period', 'tags', 'level', 'note'],
      length: 2,
    });
    const back = fromColumns(structuredClone(columns));
    expect(back).toEqual(activities);
    expect(back!.map((r) => Object.keys(r))).toEqual(activities.map((r) => Object.keys(r)));
  });

  it('keeps a list whose records differ in their fields (or their order) as it is', () => {
    const mixed = [
      { id: 'a', title: 'x' },
      { title: 'y', id: 'b' },
    ];
    expect(toColumns(mixed)).toBe(mixed);
    const optional = [{ id: 'a' }, { id: 'b', note: 'есть' }];
    expect(toColumns(optional)).toBe(optional);
    expect(toColumns([])).toEqual([]);
    expect(fromColumns(mixed)).toBe(mixed);
  });

  it('refuses malformed columns instead of inventing records', () => {
    expect(fromColumns({ fields: ['id'], values: [['a', 'b']], length: 3 })).toBeNull();
    expect(fromColumns({ fields: ['id', 'title'], values: [['a']], length: 1 })).toBeNull();
    expect(fromColumns({ fields: [1], values: [['a']], length: 1 })).toBeNull();
    expect(fromColumns('нет')).toBeNull();
    expect(fromColumns(undefined)).toBeNull();
  });

  it('never turns a "__proto__" field into a prototype', () => {
    const hostile = [JSON.parse('{"id":"a","__proto__":{"polluted":true}}') as object];
    const stored = toColumns(hostile);
    expect(stored).toBe(hostile);
    const forged = { fields: ['__proto__'], values: [[{ polluted: true }]], length: 1 };
    expect(fromColumns(forged)).toBeNull();
  });
});
