// Lists of records as columns, for the snapshot cache. IndexedDB clones a few long arrays of
// values much faster than thousands of small objects: for 20,000 links ~20 ms + ~6 ms to
// rebuild the objects, against ~40 ms for the objects themselves (measured in Chromium). A
// column with few distinct plain values (a kind, a status, an import's timestamp) is stored as
// a dictionary and one small integer per record: one string in memory instead of thousands.

type Plain = string | number | boolean | null | undefined;

/** A column of few distinct plain values: `dict[codes[i]]` is record i's value. */
export interface CodedColumn {
  dict: Plain[];
  codes: Uint16Array;
}

/** Records that all have the same fields, in the same order: one column of values per field. */
export interface Columns {
  fields: string[];
  values: (unknown[] | CodedColumn)[];
  length: number;
}

const isPlain = (v: unknown): v is Plain => v === null || typeof v !== 'object';

/** The column as a dictionary when at most a quarter of its values are distinct plain values. */
function coded(column: unknown[]): unknown[] | CodedColumn {
  const limit = Math.min(0xffff, column.length / 4);
  const index = new Map<Plain, number>();
  const codes = new Uint16Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (!isPlain(value) || typeof value === 'function' || Object.is(value, -0)) return column;
    let code = index.get(value);
    if (code === undefined) {
      if (index.size >= limit) return column;
      index.set(value, (code = index.size));
    }
    codes[i] = code;
  }
  return { dict: [...index.keys()], codes };
}

/** The list as columns when every record has the same fields in the same order; else as is. */
export function toColumns<T extends object>(list: readonly T[]): Columns | readonly T[] {
  const first = list[0];
  if (!first) return list;
  const fields = Object.keys(first);
  if (fields.includes('__proto__')) return list; // would not come back as a field
  const values = fields.map(() => new Array<unknown>(list.length));
  for (let i = 0; i < list.length; i++) {
    const record = list[i] as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length !== fields.length) return list;
    for (let j = 0; j < fields.length; j++) {
      if (keys[j] !== fields[j]) return list;
      values[j]![i] = record[fields[j]!];
    }
  }
  return { fields, values: values.map(coded), length: list.length };
}

function isCoded(value: unknown, length: number): value is CodedColumn {
  if (!value || typeof value !== 'object') return false;
  const c = value as Partial<CodedColumn>;
  if (!Array.isArray(c.dict) || !c.dict.every(isPlain)) return false;
  if (!(c.codes instanceof Uint16Array) || c.codes.length !== length) return false;
  for (const code of c.codes) if (code >= c.dict.length) return false;
  return true;
}

function isColumns(value: unknown): value is Columns {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const c = value as Partial<Columns>;
  const length = c.length;
  return (
    Array.isArray(c.fields) &&
    c.fields.every((f) => typeof f === 'string' && f !== '__proto__') &&
    Array.isArray(c.values) &&
    c.values.length === c.fields.length &&
    typeof length === 'number' &&
    c.values.every((column) =>
      Array.isArray(column) ? column.length === length : isCoded(column, length),
    )
  );
}

/** The records back from toColumns (a plain array passes through); null when malformed. */
export function fromColumns(value: unknown): object[] | null {
  if (Array.isArray(value)) return value as object[];
  if (!isColumns(value)) return null;
  const { fields, length } = value;
  // A coded column decoded once into a plain one: the records then share its few strings.
  const values = value.values.map((column) => {
    if (Array.isArray(column)) return column;
    const { dict, codes } = column;
    const plain = new Array<Plain>(length);
    for (let i = 0; i < length; i++) plain[i] = dict[codes[i]!];
    return plain;
  });
  const out = new Array<object>(length);
  for (let i = 0; i < length; i++) {
    const record: Record<string, unknown> = {};
    for (let j = 0; j < fields.length; j++) record[fields[j]!] = values[j]![i];
    out[i] = record;
  }
  return out;
}
