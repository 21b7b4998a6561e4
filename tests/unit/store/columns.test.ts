import { describe, expect, it } from 'vitest';
import {
  fromColumns,
  toColumns,
  type CodedColumn,
  type Columns,
} from '../../../lib/store/columns.ts';

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

  it('stores a column of few distinct values as a dictionary, and reads it back', () => {
    const evidence = Array.from({ length: 12 }, (_, i) => ({
      id: `e${i}`,
      kind: i % 3 ? 'order' : 'letter',
      date: i % 2 ? null : '2021-03-01',
      attachments: [],
      note: '',
    }));
    const columns = toColumns(evidence) as Columns;
    const byField = Object.fromEntries(columns.fields.map((f, i) => [f, columns.values[i]]));
    expect(Array.isArray(byField.id)).toBe(true); // every value distinct
    expect(Array.isArray(byField.attachments)).toBe(true); // objects are never shared
    expect(byField.kind).toMatchObject({ dict: ['letter', 'order'] });
    expect((byField.kind as CodedColumn).codes).toBeInstanceOf(Uint16Array);
    expect(byField.date).toMatchObject({ dict: ['2021-03-01', null] });
    expect(fromColumns(structuredClone(columns))).toEqual(evidence);
  });

  it('refuses a dictionary whose codes point outside it', () => {
    const columns = toColumns(
      Array.from({ length: 8 }, (_, i) => ({ id: `e${i}`, kind: 'order' })),
    ) as Columns;
    const kind = columns.values[1] as CodedColumn;
    expect(fromColumns(columns)).toHaveLength(8);
    kind.codes[3] = 5;
    expect(fromColumns(columns)).toBeNull();
    columns.values[1] = { dict: ['order'], codes: [0, 0, 0, 0, 0, 0, 0, 0] } as never;
    expect(fromColumns(columns)).toBeNull();
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
