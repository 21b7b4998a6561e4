// How records are kept in a workspace's Y.Doc (layout 2; see workspace-doc.ts for the keys).
// Everything that knows the layout lives here; the repository sees records by collection and id.
//
//   <collection>           record id → the record (UTF-8 JSON bytes), written one at a time
//   <collection>:packs     pack id → { ids, body }: records written together (an import, a
//                          restore), deflated into one Yjs item; a pack is never changed
//   <collection>:deleted   record id → true: a packed record that was deleted
//   <collection>:fields    "record id␟field" → value: fields edited since the record was written
//
// A record lives if it is stored on its own, or sits in a pack and is not marked deleted; its
// own entry, when present, wins over its packed copy (a later full write). Field edits apply
// over either. Each piece is a separate Yjs key, so concurrent edits of different fields,
// a delete and an edit, or an undo of a delete all merge without losing a teammate's change.
import * as Y from 'yjs';
import { deflateSync, inflateSync } from 'fflate';
import { t } from './messages.ts';
import {
  collectionMap,
  decodeStored,
  encodeRecord,
  fieldEditsMap,
  fieldKey,
  splitFieldKey,
  UNSET_FIELD,
  withFieldEdits,
} from './workspace-doc.ts';

/** Writes of at least this many records of one collection go into packs. */
export const PACK_MIN_RECORDS = 200;
/** Records per pack: small enough that one pack decodes in a few milliseconds. */
export const PACK_SIZE = 1000;

export type StoredRead =
  { ok: true; raw: Record<string, unknown> } | { ok: false; message: string; stored: unknown };

export function packsMap(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap(`${name}:packs`);
}

export function deletedMap(doc: Y.Doc, name: string): Y.Map<unknown> {
  return doc.getMap(`${name}:deleted`);
}

/** Yjs keeps the item behind each map key in `_map`; its id (client, clock) never changes. */
function itemIdOf(map: Y.Map<unknown>, key: string): string | null {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  return item && !item.deleted ? `${item.id.client}:${item.id.clock}` : null;
}

function packIds(value: unknown): string[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const { ids, body } = value as { ids?: unknown; body?: unknown };
  if (!Array.isArray(ids) || !(body instanceof Uint8Array)) return null;
  return ids.every((id) => typeof id === 'string') ? (ids as string[]) : null;
}

const textDecoder = new TextDecoder('utf-8', { fatal: true });

interface CollectionState {
  own: Y.Map<unknown>;
  fields: Y.Map<unknown>;
  packs: Y.Map<unknown>;
  deleted: Y.Map<unknown>;
  /** record id → field → value */
  edits: Map<string, Map<string, unknown>>;
  /** record id → pack key holding it (the greatest key when several do) */
  packOf: Map<string, string>;
  /** pack key → its decoded records (filled on first read), or the reason it cannot be read */
  decoded: Map<string, Map<string, unknown> | string>;
  /** pack key → the identity of its Yjs item (packs never change, so it is computed once) */
  packItem: Map<string, string | null>;
}

export class DocRecords {
  private readonly state = new Map<string, CollectionState>();
  private readonly teardown: (() => void)[] = [];

  constructor(
    readonly doc: Y.Doc,
    collections: readonly string[],
    /** Told which records changed (after each transaction, local or remote). */
    private readonly onChange: (collection: string, ids: Iterable<string>) => void,
  ) {
    for (const name of collections) this.watch(name);
  }

  destroy(): void {
    for (const off of this.teardown) off();
  }

  private collection(name: string): CollectionState {
    let s = this.state.get(name);
    if (!s)
      this.state.set(
        name,
        (s = {
          own: collectionMap(this.doc, name),
          fields: fieldEditsMap(this.doc, name),
          packs: packsMap(this.doc, name),
          deleted: deletedMap(this.doc, name),
          edits: new Map(),
          packOf: new Map(),
          decoded: new Map(),
          packItem: new Map(),
        }),
      );
    return s;
  }

  private watch(name: string): void {
    const s = this.collection(name);
    const { own, fields: edits, packs, deleted } = s;
    const onOwn = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const ids: string[] = [];
      for (const event of events) {
        if (event.target === own) ids.push(...event.keys.keys());
        else if (typeof event.path[0] === 'string') ids.push(event.path[0]); // layout-1 Y.Map
      }
      this.onChange(name, ids);
    };
    own.observeDeep(onOwn);
    this.teardown.push(() => own.unobserveDeep(onOwn));

    for (const [key, value] of edits.entries()) this.indexFieldEdit(name, key, value);
    const onEdits = (event: Y.YMapEvent<unknown>) => {
      const ids = new Set<string>();
      for (const key of event.keysChanged) {
        const parts = this.indexFieldEdit(name, key, edits.get(key));
        if (parts) ids.add(parts.recordId);
      }
      this.onChange(name, ids);
    };
    edits.observe(onEdits);
    this.teardown.push(() => edits.unobserve(onEdits));

    this.indexPacks(name);
    const onPacks = (event: Y.YMapEvent<unknown>) => {
      const before = new Map(s.packOf);
      this.indexPacks(name);
      const ids = new Set<string>();
      for (const key of event.keysChanged) {
        s.decoded.delete(key);
        s.packItem.delete(key);
      }
      for (const [id, pack] of before) if (s.packOf.get(id) !== pack) ids.add(id);
      for (const [id, pack] of s.packOf) if (before.get(id) !== pack) ids.add(id);
      this.onChange(name, ids);
    };
    packs.observe(onPacks);
    this.teardown.push(() => packs.unobserve(onPacks));

    const onDeleted = (event: Y.YMapEvent<unknown>) => this.onChange(name, event.keysChanged);
    deleted.observe(onDeleted);
    this.teardown.push(() => deleted.unobserve(onDeleted));
  }

  private indexPacks(name: string): void {
    const s = this.collection(name);
    s.packOf.clear();
    for (const [key, value] of s.packs.entries()) {
      for (const id of packIds(value) ?? []) {
        const other = s.packOf.get(id);
        if (other === undefined || key > other) s.packOf.set(id, key);
      }
    }
  }

  private indexFieldEdit(
    collection: string,
    key: string,
    value: unknown,
  ): { recordId: string; field: string } | null {
    const parts = splitFieldKey(key);
    if (!parts) return null;
    const index = this.collection(collection).edits;
    let fields = index.get(parts.recordId);
    if (value === undefined) {
      fields?.delete(parts.field);
      if (fields?.size === 0) index.delete(parts.recordId);
    } else {
      if (!fields) index.set(parts.recordId, (fields = new Map()));
      fields.set(parts.field, value);
    }
    return parts;
  }

  /** Every live record id of a collection. */
  *ids(collection: string): Generator<string> {
    const s = this.collection(collection);
    yield* s.own.keys();
    for (const id of s.packOf.keys()) if (!s.own.has(id) && !s.deleted.has(id)) yield id;
  }

  has(collection: string, id: string): boolean {
    const s = this.collection(collection);
    return s.own.has(id) || (s.packOf.has(id) && !s.deleted.has(id));
  }

  /** A live record as a plain object with its field edits applied; undefined when absent. */
  read(collection: string, id: string): StoredRead | undefined {
    const s = this.collection(collection);
    let stored = s.own.get(id);
    if (stored === undefined) {
      const pack = s.packOf.get(id);
      if (pack === undefined || s.deleted.has(id)) return undefined;
      const records = this.decodePack(collection, pack);
      if (typeof records === 'string') return { ok: false, message: records, stored: null };
      stored = records.get(id);
    }
    // Bytes, a packed object or a layout-1 Y.Map: one reader for all.
    const read = decodeStored(stored);
    if (!read.ok) return { ok: false, message: read.message, stored };
    // Layout 1 keeps its edits inside the record's own Y.Map: nothing to apply over it.
    if (stored instanceof Y.Map) return read;
    return { ok: true, raw: withFieldEdits(read.raw, s.edits.get(id)) };
  }

  private decodePack(collection: string, key: string): Map<string, unknown> | string {
    const s = this.collection(collection);
    const cached = s.decoded.get(key);
    if (cached !== undefined) return cached;
    let result: Map<string, unknown> | string;
    try {
      const value = s.packs.get(key) as { ids: string[]; body: Uint8Array };
      const records: unknown = JSON.parse(textDecoder.decode(inflateSync(value.body)));
      if (!Array.isArray(records) || records.length !== value.ids.length) throw new Error();
      result = new Map(value.ids.map((id, i) => [id, records[i]]));
    } catch {
      result = t('packUnreadable');
    }
    s.decoded.set(key, result);
    return result;
  }

  /**
   * What a record is made of, as a stable string: the Yjs items holding it and its field
   * edits. Equal identities mean equal content (Yjs items are immutable), so a record
   * validated under this identity needs no second validation.
   */
  identity(collection: string, id: string): string | null {
    const s = this.collection(collection);
    // A layout-1 record changes inside its Y.Map without a new item of its own: no identity,
    // so it is always read and validated afresh.
    if (s.own.get(id) instanceof Y.Map) return null;
    const ownItem = itemIdOf(s.own, id);
    let base: string;
    if (ownItem) base = `s${ownItem}`;
    else {
      const pack = s.packOf.get(id);
      if (pack === undefined) return null;
      let packItem = s.packItem.get(pack);
      if (packItem === undefined) s.packItem.set(pack, (packItem = itemIdOf(s.packs, pack)));
      if (!packItem || s.deleted.has(id)) return null;
      base = `p${packItem}`;
    }
    const fields = s.edits.get(id);
    if (!fields || fields.size === 0) return base;
    const edits = s.fields;
    const parts = [...fields.keys()]
      .sort()
      .map((f) => `${f}@${itemIdOf(edits, fieldKey(id, f)) ?? ''}`);
    return `${base}|${parts.join('|')}`;
  }

  /** Writes whole records (in the caller's transaction), dropping their older field edits. */
  writeMany(collection: string, records: readonly { id: string }[]): void {
    const { own, deleted, packs } = this.collection(collection);
    for (const r of records) this.clearFieldEdits(collection, r.id);
    for (const r of records) if (deleted.has(r.id)) deleted.delete(r.id);
    if (records.length < PACK_MIN_RECORDS) {
      for (const r of records) own.set(r.id, encodeRecord(r));
      return;
    }
    // Written together: packed. A record stored on its own would win over its new packed copy.
    for (const r of records) if (own.has(r.id)) own.delete(r.id);
    for (let i = 0; i < records.length; i += PACK_SIZE) {
      const chunk = records.slice(i, i + PACK_SIZE);
      const body = deflateSync(encodeRecord(chunk), { level: 1 });
      packs.set(`${this.doc.clientID.toString(36)}-${crypto.randomUUID()}`, {
        ids: chunk.map((r) => r.id),
        body,
      });
    }
  }

  write(collection: string, record: { id: string }): void {
    this.writeMany(collection, [record]);
  }

  delete(collection: string, id: string): void {
    const s = this.collection(collection);
    this.clearFieldEdits(collection, id);
    if (s.own.has(id)) s.own.delete(id);
    if (s.packOf.has(id)) s.deleted.set(id, true);
  }

  /**
   * Deletes records together (undo of an import). A pack whose every record is now deleted is
   * dropped with its deletion marks, so undoing a large import leaves no residue behind.
   */
  deleteMany(collection: string, ids: readonly string[]): void {
    const s = this.collection(collection);
    const touched = new Set<string>();
    for (const id of ids) {
      const pack = s.packOf.get(id);
      if (pack !== undefined) touched.add(pack);
      this.delete(collection, id);
    }
    if (touched.size === 0) return;
    // Ids that another pack holds too keep their marks (dropping them would revive that copy).
    const elsewhere = new Map<string, number>();
    for (const value of s.packs.values())
      for (const id of packIds(value) ?? []) elsewhere.set(id, (elsewhere.get(id) ?? 0) + 1);
    for (const key of touched) {
      const packed = packIds(s.packs.get(key)) ?? [];
      const gone = packed.every((id) => !s.own.has(id) && s.deleted.has(id));
      if (!gone || packed.some((id) => (elsewhere.get(id) ?? 0) > 1)) continue;
      s.packs.delete(key);
      for (const id of packed) s.deleted.delete(id);
    }
  }

  /** Changes fields of a live record, each under its own key (field-level merge). */
  writeFields(collection: string, id: string, fields: Record<string, unknown>): void {
    const s = this.collection(collection);
    const layoutOne = s.own.get(id);
    if (layoutOne instanceof Y.Map) {
      // A layout-1 record is edited in place, so a teammate on an older version merges too.
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) layoutOne.delete(k);
        else layoutOne.set(k, v);
      }
      return;
    }
    for (const [k, v] of Object.entries(fields)) {
      const key = fieldKey(id, k);
      const value = v === undefined ? UNSET_FIELD : v;
      s.fields.set(key, value);
      this.indexFieldEdit(collection, key, value);
    }
  }

  private clearFieldEdits(collection: string, id: string): void {
    const fields = this.collection(collection).edits.get(id);
    if (!fields) return;
    const edits = this.collection(collection).fields;
    for (const field of [...fields.keys()]) {
      const key = fieldKey(id, field);
      edits.delete(key);
      this.indexFieldEdit(collection, key, undefined);
    }
  }
}
