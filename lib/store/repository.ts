// The one write path for shared records: each function validates with the record's zod
// schema, then runs one Y.Doc transaction. Reads come from an incrementally maintained,
// validated snapshot; records that fail their schema are kept (never dropped) and listed
// as needing repair.
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  activitySchema,
  evidenceSchema,
  linkId,
  organisationSchema,
  personSchema,
  workspaceSchema,
  type Activity,
  type Evidence,
  type Link,
  type Organisation,
  type Person,
  type Workspace,
} from '../model/records.ts';
import { newId } from '../model/primitives.ts';
import { collectionNames, schemaOf } from './collections.ts';
import { t } from './messages.ts';
import { DocRecords } from './doc-records.ts';
import { ValidationError, issuesOf, StoreError } from './errors.ts';
import {
  conflictsOf,
  historyOf,
  STAMP_FIELDS,
  type FieldConflict,
  type RecordEvent,
} from './history.ts';

/** Register records whose changes are kept in the history. */
const LOGGED = { activities: true, evidence: true, people: true, organisations: true } as const;
import {
  DOC_SCHEMA_VERSION,
  docSchemaVersion,
  metaMap,
  readWorkspaceRaw,
} from './workspace-doc.ts';

export interface BrokenRecord {
  collection: string;
  id: string;
  raw: unknown;
  message: string;
}

export interface Snapshot {
  workspace: Workspace;
  activities: Activity[];
  evidence: Evidence[];
  people: Person[];
  organisations: Organisation[];
  links: Link[];
  /** Records that fail their schema (an older version, a teammate's bug): shown for repair. */
  broken: BrokenRecord[];
  /** Other registered collections (templates, fillings), validated. */
  extra: Record<string, { id: string }[]>;
  /**
   * Set only on a preview painted from the first part of the cache: the evidence is still being
   * read (`evidence` is empty meanwhile) and this is how many records there are.
   */
  evidencePending?: number;
  /**
   * Set with `evidencePending` when the links are read with the evidence (the cache's second
   * part): how many evidence records each activity links to, for the list's rows meanwhile.
   */
  evidenceCounts?: ReadonlyMap<string, number>;
}

export interface DeletedBundle {
  collection: string;
  record: Record<string, unknown>;
  links: Record<string, unknown>[];
}

export interface ImportReceipt {
  added: { collection: string; id: string }[];
}

export interface RepositoryOptions {
  /** Shown as `updatedBy` and in history: the teammate's name or a device label. */
  actor: string;
  clock?: () => Date;
  /**
   * Records validated in an earlier session (the snapshot cache), with the identity of what
   * each was read from. A record whose identity is unchanged is taken as it was validated,
   * without decoding or validating it again: a large register opens several times faster.
   */
  validated?: ValidatedRecords;
}

/**
 * collection → the identity (Repository.identityOf) of each record of that collection's list in
 * the snapshot, in the same order ('' when it has none).
 */
export type RecordIdentities = Record<string, string[]>;

export interface ValidatedRecords {
  snapshot: Snapshot;
  /** Read only when the doc is not in `docState` (null: unreadable, every record is validated). */
  identities: () => RecordIdentities | null;
  /**
   * The state of the doc the snapshot was taken from (docState). A doc loaded in exactly this
   * state holds exactly these records: the snapshot is taken whole, without reading the doc.
   */
  docState?: Uint8Array | null;
}

/**
 * What a doc holds, in a few bytes: its state vector and delete set (a Yjs snapshot). Yjs items
 * never change once written, so two docs with equal states have equal content.
 */
export function docState(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Entry = { ok: true; value: { id: string } } | { ok: false; broken: BrokenRecord };

const RECORD_DEFAULTS = {
  activities: (): Omit<Activity, 'id' | 'createdAt' | 'updatedAt' | 'title'> => ({
    number: '',
    direction: '',
    level: null,
    period: { raw: '', parsed: null },
    place: '',
    responsibleIds: [],
    participants: [],
    status: 'planned',
    report: '',
    tags: [],
    source: null,
  }),
  evidence: (): Omit<Evidence, 'id' | 'createdAt' | 'updatedAt'> => ({
    kind: 'other',
    issuer: '',
    date: null,
    number: '',
    title: '',
    url: '',
    attachments: [],
    note: '',
    capturedAt: null,
    contentHash: null,
  }),
  people: (): Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'name'> => ({
    position: '',
    orgId: null,
  }),
  organisations: (): Omit<Organisation, 'id' | 'createdAt' | 'updatedAt' | 'name'> => ({
    number: null,
    kind: 'school',
    shnor: false,
    mentorOrgId: null,
  }),
};

/** The snapshot's list of a collection's records. */
function listOf(snapshot: Snapshot, name: string): { id: string }[] | undefined {
  const lists = snapshot as unknown as Record<string, { id: string }[] | undefined>;
  const list = name in RECORD_DEFAULTS || name === 'links' ? lists[name] : snapshot.extra[name];
  return Array.isArray(list) ? list : undefined;
}

/** Items of several collections, grouped by collection (so each is written in one batch). */
function byCollection<I extends { collection: string }, V>(
  items: readonly I[],
  pick: (item: I) => V,
): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) {
    const list = out.get(item.collection) ?? [];
    list.push(pick(item));
    out.set(item.collection, list);
  }
  return out;
}

export class Repository {
  readonly doc: Y.Doc;
  readonly actor: string;
  private readonly clock: () => Date;
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly dirty = new Map<string, Set<string> | 'all'>();
  /** The records as the doc holds them (the layout lives there). */
  private readonly records: DocRecords;
  private cached: Snapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly teardown: (() => void)[] = [];
  private readonly validatedSeed: ValidatedRecords | null;
  /** Something changed since the doc was loaded: the cached snapshot is no longer this doc's. */
  private changedSinceOpen = false;
  /**
   * The doc was loaded in the very state the cached records were taken from: they are the
   * snapshot until something changes, and stay trusted (by id) for records not changed since.
   */
  private readonly exact: boolean;

  constructor(doc: Y.Doc, options: RepositoryOptions) {
    this.doc = doc;
    this.actor = options.actor;
    this.clock = options.clock ?? (() => new Date());
    this.validatedSeed = options.validated ?? null;
    const cachedState = this.validatedSeed?.docState;
    this.exact = cachedState instanceof Uint8Array && sameBytes(cachedState, docState(doc));
    // Exact: nothing to read yet; records changed from now on are read from the doc.
    for (const name of collectionNames()) this.dirty.set(name, this.exact ? new Set() : 'all');
    this.records = new DocRecords(doc, collectionNames(), (name, ids) => this.markDirty(name, ids));
    this.teardown.push(() => this.records.destroy());
    const meta = metaMap(doc);
    const onMeta = () => this.changed();
    meta.observeDeep(onMeta);
    this.teardown.push(() => meta.unobserveDeep(onMeta));
  }

  private markDirty(name: string, ids: Iterable<string>): void {
    let set = this.dirty.get(name);
    if (set === 'all') return this.changed();
    set ??= new Set<string>();
    for (const id of ids) set.add(id);
    this.dirty.set(name, set);
    this.changed();
  }

  protected changed(): void {
    this.changedSinceOpen = true;
    this.cached = null;
    for (const listener of this.listeners) listener();
  }

  /** Called after any change, local or from another page or teammate. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const off of this.teardown) off();
    this.listeners.clear();
  }

  /** True when the doc was written by a newer Svodka: it is shown but not written to. */
  get readOnlyReason(): string | null {
    const v = docSchemaVersion(this.doc);
    if (v !== null && v > DOC_SCHEMA_VERSION) return t('newerVersionReadOnly');
    return null;
  }

  /** A record read from the doc and checked against its schema; null when it is absent. */
  private parseRecord(name: string, id: string): Entry | null {
    const read = this.records.read(name, id);
    if (read === undefined) return null;
    if (!read.ok)
      return {
        ok: false,
        broken: { collection: name, id, raw: read.stored, message: read.message },
      };
    const raw = read.raw;
    const schema = schemaOf(name);
    const result = schema ? schema.safeParse(raw) : null;
    if (result?.success) return { ok: true, value: result.data };
    const message = result
      ? issuesOf(result.error)
          .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
          .join('; ')
      : t('unknownRecordKind');
    return { ok: false, broken: { collection: name, id, raw, message } };
  }

  private refresh(name: string): Map<string, Entry> {
    let entries = this.entries.get(name);
    const dirty = this.dirty.get(name);
    if (entries && !dirty) return entries;
    const parse = (id: string) => this.parseRecord(name, id);
    if (!entries || dirty === 'all') {
      entries = new Map();
      const trusted = this.exact ? this.trustedRecords(name) : null;
      const changed = dirty instanceof Set ? dirty : null;
      const seeded = trusted ? null : this.seededRecords(name);
      for (const id of this.records.ids(name)) {
        const value = changed?.has(id) ? undefined : trusted?.get(id);
        if (value) {
          entries.set(id, { ok: true, value });
          continue;
        }
        const known = seeded?.get(id);
        if (known && known.identity === this.identityOf(name, id)) {
          entries.set(id, { ok: true, value: known.value });
          continue;
        }
        const entry = parse(id);
        if (entry) entries.set(id, entry);
      }
    } else if (dirty) {
      for (const id of dirty) {
        const entry = parse(id);
        if (entry) entries.set(id, entry);
        else entries.delete(id);
      }
    }
    this.entries.set(name, entries);
    this.dirty.delete(name);
    return entries;
  }

  /** The record as the doc holds it now (inside a transaction too), or null when absent/unreadable. */
  private readRaw(collection: string, id: string): Record<string, unknown> | null {
    const read = this.records.read(collection, id);
    return read?.ok ? read.raw : null;
  }

  /** Writes a whole record and drops its older field edits. In a transaction. */
  private writeRecord(collection: string, record: { id: string }): void {
    this.records.write(collection, record);
    this.markLayout();
  }

  /** The first layout-2 write tells older versions (through the schema version) to stop writing. */
  private markLayout(): void {
    const meta = metaMap(this.doc);
    const v = docSchemaVersion(this.doc);
    if (v !== null && v < DOC_SCHEMA_VERSION) meta.set('schemaVersion', DOC_SCHEMA_VERSION);
  }

  /** What a record is made of (DocRecords.identity): equal identities mean equal content. */
  identityOf(collection: string, id: string): string | null {
    return this.records.identity(collection, id);
  }

  /**
   * True when this repository was opened over a cache taken from the very state its doc was
   * loaded in, and nothing changed since: the cache need not be written again. (A cache that
   * only matched record by record is rewritten once, so the next open finds it exact.)
   */
  matchesCache(): boolean {
    return this.exact && !this.changedSinceOpen;
  }

  /** The identities of the records of the current snapshot, list by list, for the snapshot cache. */
  identities(): RecordIdentities {
    const out: RecordIdentities = {};
    for (const name of collectionNames())
      out[name] = (listOf(this.snapshot(), name) ?? []).map(
        (r) => this.identityOf(name, r.id) ?? '',
      );
    return out;
  }

  /** The state of the doc this repository reads (for the snapshot cache). */
  docState(): Uint8Array {
    return docState(this.doc);
  }

  /** The cached records of one collection by id, when the doc was loaded in their state. */
  private trustedRecords(name: string): Map<string, { id: string }> | null {
    const seed = this.validatedSeed;
    const list = seed && listOf(seed.snapshot, name);
    return list ? new Map(list.map((r) => [r.id, r])) : null;
  }

  /** The cached validated records of one collection, with what each was read from. */
  private seededRecords(
    name: string,
  ): Map<string, { value: { id: string }; identity: string }> | null {
    const seed = this.validatedSeed;
    const identities = seed?.identities()?.[name];
    if (!seed || !identities) return null;
    const list = listOf(seed.snapshot, name);
    if (!list || list.length !== identities.length) return null;
    const out = new Map<string, { value: { id: string }; identity: string }>();
    for (let i = 0; i < list.length; i++)
      out.set(list[i]!.id, { value: list[i]!, identity: identities[i]! });
    return out;
  }

  private valid<T>(name: string): T[] {
    const out: T[] = [];
    for (const entry of this.refresh(name).values()) if (entry.ok) out.push(entry.value as T);
    return out;
  }

  snapshot(): Snapshot {
    if (this.cached) return this.cached;
    const rawWorkspace = readWorkspaceRaw(this.doc);
    const ws = workspaceSchema.safeParse(rawWorkspace);
    if (!ws.success) throw new StoreError(t('workspaceNoOrganisation'));
    // Loaded in the cached state and unchanged since: the cached snapshot is this doc's.
    const seed = this.validatedSeed;
    if (this.exact && !this.changedSinceOpen && seed) {
      const { evidencePending: _, evidenceCounts: __, ...whole } = seed.snapshot;
      // What a record needing repair lacks is worded when it is read, in the interface
      // language of the moment (the cache may have been written in the other one).
      const broken = whole.broken.map((b) => {
        const entry = this.parseRecord(b.collection, b.id);
        return entry && !entry.ok ? entry.broken : b;
      });
      return (this.cached = { ...whole, workspace: ws.data, broken });
    }
    const broken: BrokenRecord[] = [];
    const extra: Record<string, { id: string }[]> = {};
    for (const name of collectionNames()) {
      for (const entry of this.refresh(name).values()) if (!entry.ok) broken.push(entry.broken);
      if (!(name in RECORD_DEFAULTS) && name !== 'links') extra[name] = this.valid(name);
    }
    // Links whose ends are gone (deleted by a teammate meanwhile) are not shown.
    const activities = this.valid<Activity>('activities');
    const evidence = this.valid<Evidence>('evidence');
    const activityIds = new Set(activities.map((a) => a.id));
    const evidenceIds = new Set(evidence.map((e) => e.id));
    this.cached = {
      workspace: ws.data,
      activities,
      evidence,
      people: this.valid<Person>('people'),
      organisations: this.valid<Organisation>('organisations'),
      links: this.valid<Link>('links').filter(
        (l) => activityIds.has(l.activityId) && evidenceIds.has(l.evidenceId),
      ),
      broken,
      extra,
    };
    return this.cached;
  }

  /**
   * Every readable record of a collection as stored, not validated — for a page that parses a
   * collection its own feature owns (the popup reads fillings without loading the checklist).
   */
  rawRecords(collection: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const id of this.records.ids(collection)) {
      const read = this.records.read(collection, id);
      if (read?.ok) out.push(read.raw);
    }
    return out;
  }

  get<T extends { id: string }>(collection: string, id: string): T | null {
    const entry = this.refresh(collection).get(id);
    return entry?.ok ? (entry.value as T) : null;
  }

  private guardWritable(): void {
    const reason = this.readOnlyReason;
    if (reason) throw new StoreError(reason);
  }

  private validate<T>(collection: string, schema: z.ZodType<T>, record: unknown): T {
    const result = schema.safeParse(record);
    if (!result.success)
      throw new ValidationError(t('notSaved', collection), issuesOf(result.error));
    return result.data;
  }

  /** Inserts a full record (validated) — used by imports, restores and the helpers below. */
  put<T extends { id: string }>(collection: string, record: T): T {
    this.guardWritable();
    const schema = schemaOf(collection) as z.ZodType<T> | undefined;
    if (!schema) throw new StoreError(t('unknownCollection', collection));
    const valid = this.validate(collection, schema, record);
    this.doc.transact(() => this.writeRecord(collection, valid), this);
    return valid;
  }

  /** Several records in one transaction (an import): all validated first, all or nothing. */
  putMany(
    records: { collection: string; record: { id: string; [field: string]: unknown } }[],
  ): void {
    this.guardWritable();
    const valid = records.map(({ collection, record }) => {
      const schema = schemaOf(collection);
      if (!schema) throw new StoreError(t('unknownCollection', collection));
      return { collection, record: this.validate(collection, schema, record) };
    });
    this.doc.transact(() => {
      for (const [collection, list] of byCollection(valid, (v) => v.record))
        this.records.writeMany(collection, list);
      this.markLayout();
    }, this);
  }

  /**
   * Changes only the given fields (so a teammate's edit of another field survives the merge).
   * A record that needs repair can be patched into a valid one.
   */
  patch<T extends { id: string }>(collection: string, id: string, patch: Partial<T>): T {
    this.guardWritable();
    const schema = schemaOf(collection) as z.ZodType<T> | undefined;
    const before = this.readRaw(collection, id);
    if (!schema || !before) throw new StoreError(t('recordNotFound'));
    const changes: Record<string, unknown> = { ...patch, id };
    // Links carry no edit stamp; every other record says who changed it last and when.
    if (collection !== 'links')
      Object.assign(changes, { updatedAt: this.now(), updatedBy: this.actor });
    const merged = { ...before, ...changes };
    const valid = this.validate(collection, schema, merged);
    this.doc.transact(() => {
      const written: Record<string, unknown> = {};
      const changed: Record<string, unknown> = {};
      const previous: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(changes)) {
        if (JSON.stringify(before[k]) === JSON.stringify(v)) continue;
        written[k] = v;
        if (!STAMP_FIELDS.has(k)) {
          changed[k] = v ?? null;
          previous[k] = before[k] ?? null;
        }
      }
      if (Object.keys(written).length) {
        this.records.writeFields(collection, id, written);
        this.markLayout();
      }
      if (Object.keys(changed).length && collection in LOGGED)
        this.logEvent(
          collection,
          id,
          'update',
          changed,
          previous,
          (before.updatedAt as string) ?? null,
        );
    }, this);
    return valid;
  }

  remove(collection: string, id: string): DeletedBundle {
    this.guardWritable();
    const record = this.readRaw(collection, id);
    if (!this.records.has(collection, id)) throw new StoreError(t('recordAlreadyDeleted'));
    const field =
      collection === 'activities' ? 'activityId' : collection === 'evidence' ? 'evidenceId' : null;
    const linked: Record<string, unknown>[] = [];
    if (field)
      for (const entry of this.refresh('links').values())
        if (entry.ok && (entry.value as Record<string, unknown>)[field] === id)
          linked.push({ ...entry.value });
    // A record that needs repair is deleted too; its bundle keeps what could be read.
    const bundle: DeletedBundle = { collection, record: record ?? { id }, links: linked };
    this.doc.transact(() => {
      this.records.delete(collection, id);
      for (const l of linked) this.records.delete('links', String(l.id));
      if (collection in LOGGED) this.logEvent(collection, id, 'delete', {}, bundle.record, null);
    }, this);
    return bundle;
  }

  /** Undo of a delete: puts the record and its links back as they were. */
  restoreDeleted(bundle: DeletedBundle): void {
    this.guardWritable();
    this.doc.transact(() => {
      this.writeRecord(bundle.collection, bundle.record as { id: string });
      for (const l of bundle.links) this.writeRecord('links', l as { id: string });
      if (bundle.collection in LOGGED)
        this.logEvent(bundle.collection, String(bundle.record.id), 'restore', {}, {}, null);
    }, this);
  }

  /** Appends to the record history (inside the caller's transaction). */
  private logEvent(
    collection: string,
    recordId: string,
    action: RecordEvent['action'],
    changes: Record<string, unknown>,
    previous: Record<string, unknown>,
    baseAt: string | null,
  ): void {
    const event: RecordEvent = {
      id: newId(),
      collection,
      recordId,
      action,
      changes,
      previous,
      baseAt,
      by: this.actor,
      at: this.now(),
    };
    this.writeRecord('recordEvents', event);
  }

  /**
   * Settles a field two teammates changed apart: the chosen value stands and the choice is
   * recorded (even when the field already holds it), so the conflict is gone for everyone.
   */
  settleConflict(collection: string, recordId: string, field: string, value: unknown): void {
    const before = this.readRaw(collection, recordId);
    if (!before) throw new StoreError(t('recordNotFound'));
    const previous = before[field];
    const baseAt = (before.updatedAt as string | undefined) ?? null;
    this.doc.transact(() => {
      this.patch(collection, recordId, { [field]: value } as Partial<{ id: string }>);
      if (JSON.stringify(previous) === JSON.stringify(value))
        this.logEvent(
          collection,
          recordId,
          'update',
          { [field]: value },
          { [field]: previous ?? null },
          baseAt,
        );
    }, this);
  }

  /** Who changed this record, what and when (oldest first). */
  history(collection: string, recordId: string): RecordEvent[] {
    return historyOf(
      (this.snapshot().extra.recordEvents ?? []) as RecordEvent[],
      collection,
      recordId,
    );
  }

  /** Fields two teammates changed apart to different values, not yet settled. */
  conflicts(collection: string, recordId: string): FieldConflict[] {
    return conflictsOf(this.history(collection, recordId));
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private stamp<T extends object>(
    defaults: T,
    input: object,
  ): T & { id: string; createdAt: string; updatedAt: string; updatedBy: string } {
    const now = this.now();
    return {
      ...defaults,
      id: newId(),
      createdAt: now,
      updatedAt: now,
      updatedBy: this.actor,
      ...input,
    } as T & {
      id: string;
      createdAt: string;
      updatedAt: string;
      updatedBy: string;
    };
  }

  createActivity(input: Partial<Activity> & { title: string }): Activity {
    return this.put(
      'activities',
      this.validate('activities', activitySchema, this.stamp(RECORD_DEFAULTS.activities(), input)),
    );
  }
  updateActivity(id: string, patch: Partial<Activity>): Activity {
    return this.patch<Activity>('activities', id, patch);
  }
  deleteActivity(id: string): DeletedBundle {
    return this.remove('activities', id);
  }

  createEvidence(input: Partial<Evidence>): Evidence {
    return this.put(
      'evidence',
      this.validate('evidence', evidenceSchema, this.stamp(RECORD_DEFAULTS.evidence(), input)),
    );
  }
  updateEvidence(id: string, patch: Partial<Evidence>): Evidence {
    return this.patch<Evidence>('evidence', id, patch);
  }
  deleteEvidence(id: string): DeletedBundle {
    return this.remove('evidence', id);
  }

  createPerson(input: Partial<Person> & { name: string }): Person {
    return this.put(
      'people',
      this.validate('people', personSchema, this.stamp(RECORD_DEFAULTS.people(), input)),
    );
  }
  updatePerson(id: string, patch: Partial<Person>): Person {
    return this.patch<Person>('people', id, patch);
  }
  deletePerson(id: string): DeletedBundle {
    return this.remove('people', id);
  }

  createOrganisation(input: Partial<Organisation> & { name: string }): Organisation {
    return this.put(
      'organisations',
      this.validate(
        'organisations',
        organisationSchema,
        this.stamp(RECORD_DEFAULTS.organisations(), input),
      ),
    );
  }
  updateOrganisation(id: string, patch: Partial<Organisation>): Organisation {
    return this.patch<Organisation>('organisations', id, patch);
  }
  deleteOrganisation(id: string): DeletedBundle {
    return this.remove('organisations', id);
  }

  link(activityId: string, evidenceId: string): Link {
    // Checked on the doc itself: inside a caller's transaction the snapshot is not yet updated.
    if (!this.records.has('activities', activityId) || !this.records.has('evidence', evidenceId))
      throw new StoreError(t('cannotLink'));
    const id = linkId(activityId, evidenceId);
    const existing = this.readRaw('links', id);
    if (existing) return existing as Link;
    return this.put<Link>('links', { id, activityId, evidenceId, createdAt: this.now() });
  }

  unlink(activityId: string, evidenceId: string): void {
    this.guardWritable();
    const id = linkId(activityId, evidenceId);
    this.doc.transact(() => this.records.delete('links', id), this);
  }

  /**
   * Writes a whole import in one transaction (all validated first, all or nothing) and returns
   * a receipt: undoing it removes exactly what this import added.
   */
  applyImport(plan: {
    activities: Activity[];
    evidence: Evidence[];
    people: Person[];
    organisations: Organisation[];
    links: Link[];
  }): ImportReceipt {
    const records = [
      ...plan.people.map((record) => ({ collection: 'people', record })),
      ...plan.organisations.map((record) => ({ collection: 'organisations', record })),
      ...plan.activities.map((record) => ({ collection: 'activities', record })),
      ...plan.evidence.map((record) => ({ collection: 'evidence', record })),
      ...plan.links.map((record) => ({ collection: 'links', record })),
    ];
    this.putMany(records);
    return { added: records.map(({ collection, record }) => ({ collection, id: record.id })) };
  }

  /** Undo of a whole import. */
  undoImport(receipt: ImportReceipt): void {
    this.guardWritable();
    this.doc.transact(() => {
      for (const [collection, ids] of byCollection(receipt.added, (a) => a.id))
        this.records.deleteMany(collection, ids);
    }, this);
  }

  updateWorkspace(patch: Partial<Omit<Workspace, 'id' | 'createdAt'>>): Workspace {
    this.guardWritable();
    const fields = metaMap(this.doc).get('workspace');
    if (!(fields instanceof Y.Map)) throw new StoreError(t('workspaceDamaged'));
    const merged = this.validate('workspace', workspaceSchema, { ...fields.toJSON(), ...patch });
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) fields.set(k, v);
    }, this);
    return merged;
  }
}
