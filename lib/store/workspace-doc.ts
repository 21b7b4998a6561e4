// The layout of a workspace's Y.Doc — the source of truth for shared records.
//   meta: Y.Map { schemaVersion: number, workspace: Y.Map<field, value> }
//   <collection>: Y.Map<recordId, Uint8Array>   the record as created (UTF-8 JSON), one Yjs item
//   <collection>:fields: Y.Map<"recordId␟field", value>   fields edited since it was created
// Layout 2 keeps one Yjs item per record instead of one per field: a register of 10,000
// activities and 20,000 evidence records is ~40,000 items instead of ~520,000, and the record
// bytes are not decoded while the doc loads (a Uint8Array item is a view into the update), so
// the doc opens in a fraction of the time. Field-level merge is kept: an edit writes only the
// fields it changes, each under its own key, so two teammates editing different fields of the
// same activity both keep their change. Layout 1 records (one nested Y.Map per record, written
// by Svodka before layout 2 or by a teammate's older version) are still read, and edited in
// place, field by field.
import * as Y from 'yjs';
import { workspaceSchema, type Workspace } from '../model/records.ts';
import { t } from './messages.ts';

/** Bumped when the layout above changes; a doc from a newer version is opened read-only. */
export const DOC_SCHEMA_VERSION = 2;

/** Separates the record id from the field name in a field-edit key (ids never contain it). */
export const FIELD_KEY_SEPARATOR = '\u001f';

/** Stands for «this field was removed» in the field-edit map (Yjs cannot store undefined). */
export const UNSET_FIELD = Object.freeze({ 'svodka:unset': true });

export function isUnset(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)['svodka:unset'] === true
  );
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** Record id → the record as stored (layout 2: Uint8Array; layout 1: Y.Map; anything else is broken). */
export function collectionMap(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap(name);
}

/** "recordId␟field" → the field's value since its last edit (or UNSET_FIELD). */
export function fieldEditsMap(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap(`${name}:fields`);
}

export function fieldKey(recordId: string, field: string): string {
  return `${recordId}${FIELD_KEY_SEPARATOR}${field}`;
}

export function splitFieldKey(key: string): { recordId: string; field: string } | null {
  const at = key.indexOf(FIELD_KEY_SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return { recordId: key.slice(0, at), field: key.slice(at + 1) };
}

export function docSchemaVersion(doc: Y.Doc): number | null {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' ? v : null;
}

export function initWorkspaceDoc(doc: Y.Doc, workspace: Workspace): void {
  const parsed = workspaceSchema.parse(workspace);
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION);
    const fields = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(parsed)) fields.set(k, v);
    meta.set('workspace', fields);
  }, 'init');
}

export function readWorkspaceRaw(doc: Y.Doc): Record<string, unknown> | null {
  const fields = metaMap(doc).get('workspace');
  return fields instanceof Y.Map ? (fields.toJSON() as Record<string, unknown>) : null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A record as one Yjs item: UTF-8 JSON bytes (undefined fields are left out). */
export function encodeRecord(record: object): Uint8Array {
  return encoder.encode(JSON.stringify(record));
}

/**
 * A stored record as a plain object, or a Russian reason it cannot be read. Plain objects are
 * accepted too (a teammate's client may write them); they are validated like the rest.
 */
export function decodeStored(
  value: unknown,
): { ok: true; raw: Record<string, unknown> } | { ok: false; message: string } {
  if (value instanceof Uint8Array) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(value));
    } catch {
      return { ok: false, message: t('recordNotJson') };
    }
    return isPlainObject(parsed)
      ? { ok: true, raw: parsed }
      : { ok: false, message: t('recordNotObject') };
  }
  if (value instanceof Y.Map) return { ok: true, raw: value.toJSON() as Record<string, unknown> };
  if (isPlainObject(value)) return { ok: true, raw: { ...value } };
  return { ok: false, message: t('recordUnknownFormat') };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a record's field edits (layout 2) over its stored form. */
export function withFieldEdits(
  raw: Record<string, unknown>,
  edits: ReadonlyMap<string, unknown> | undefined,
): Record<string, unknown> {
  if (!edits || edits.size === 0) return raw;
  const out = { ...raw };
  for (const [field, value] of edits) {
    if (isUnset(value)) delete out[field];
    else out[field] = value;
  }
  return out;
}

/** Layout 1's form of a record: kept for tests and tools that build old docs. */
export function recordToYMap(record: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(record)) if (v !== undefined) map.set(k, v);
  return map;
}
