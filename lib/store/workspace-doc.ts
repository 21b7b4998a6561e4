// The layout of a workspace's Y.Doc — the source of truth for shared records.
//   meta: Y.Map { schemaVersion: number, workspace: Y.Map<field, value> }
//   <collection>: Y.Map<recordId, Y.Map<field, JSON value>>
// One nested Y.Map per record so that two teammates editing different fields of the same
// activity both keep their change (field-level merge), and deletes are per record.
import * as Y from 'yjs';
import { workspaceSchema, type Workspace } from '../model/records.ts';

/** Bumped when the layout above changes; a doc from a newer version is opened read-only. */
export const DOC_SCHEMA_VERSION = 1;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function collectionMap(doc: Y.Doc, name: string): Y.Map<Y.Map<unknown>> {
  return doc.getMap(name);
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

export function recordToYMap(record: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(record)) if (v !== undefined) map.set(k, v);
  return map;
}
