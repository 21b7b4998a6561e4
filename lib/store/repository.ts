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
import { collectionNames, COLLECTION_LABELS, schemaOf } from './collections.ts';
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
  collectionMap,
  docSchemaVersion,
  metaMap,
  readWorkspaceRaw,
  recordToYMap,
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

export class Repository {
  readonly doc: Y.Doc;
  readonly actor: string;
  private readonly clock: () => Date;
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly dirty = new Map<string, Set<string> | 'all'>();
  private cached: Snapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly teardown: (() => void)[] = [];

  constructor(doc: Y.Doc, options: RepositoryOptions) {
    this.doc = doc;
    this.actor = options.actor;
    this.clock = options.clock ?? (() => new Date());
    for (const name of collectionNames()) this.watch(name);
    const meta = metaMap(doc);
    const onMeta = () => this.changed();
    meta.observeDeep(onMeta);
    this.teardown.push(() => meta.unobserveDeep(onMeta));
  }

  private watch(name: string): void {
    this.dirty.set(name, 'all');
    const map = collectionMap(this.doc, name);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      let set = this.dirty.get(name);
      if (set === 'all') return this.changed();
      set ??= new Set<string>();
      for (const event of events) {
        if (event.target === map) for (const key of event.keys.keys()) set.add(key);
        else if (typeof event.path[0] === 'string') set.add(event.path[0]);
      }
      this.dirty.set(name, set);
      this.changed();
    };
    map.observeDeep(observer);
    this.teardown.push(() => map.unobserveDeep(observer));
  }

  private changed(): void {
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
    if (v !== null && v > DOC_SCHEMA_VERSION)
      return 'Рабочее пространство создано более новой версией Сводки: обновите расширение, чтобы вносить изменения.';
    return null;
  }

  private refresh(name: string): Map<string, Entry> {
    const schema = schemaOf(name);
    let entries = this.entries.get(name);
    const dirty = this.dirty.get(name);
    if (entries && !dirty) return entries;
    const map = collectionMap(this.doc, name);
    const parse = (id: string): Entry | null => {
      const value = map.get(id);
      if (value === undefined) return null;
      const raw = value instanceof Y.Map ? value.toJSON() : value;
      const result = schema ? schema.safeParse(raw) : null;
      if (result?.success) return { ok: true, value: result.data };
      const message = result
        ? issuesOf(result.error)
            .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
            .join('; ')
        : 'неизвестный вид записи';
      return { ok: false, broken: { collection: name, id, raw, message } };
    };
    if (!entries || dirty === 'all') {
      entries = new Map();
      for (const id of map.keys()) {
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

  private valid<T>(name: string): T[] {
    const out: T[] = [];
    for (const entry of this.refresh(name).values()) if (entry.ok) out.push(entry.value as T);
    return out;
  }

  snapshot(): Snapshot {
    if (this.cached) return this.cached;
    const rawWorkspace = readWorkspaceRaw(this.doc);
    const ws = workspaceSchema.safeParse(rawWorkspace);
    if (!ws.success)
      throw new StoreError('Рабочее пространство повреждено: нет описания организации.');
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
      throw new ValidationError(
        `Не сохранено (${COLLECTION_LABELS[collection] ?? collection})`,
        issuesOf(result.error),
      );
    return result.data;
  }

  /** Inserts a full record (validated) — used by imports, restores and the helpers below. */
  put<T extends { id: string }>(collection: string, record: T): T {
    this.guardWritable();
    const schema = schemaOf(collection) as z.ZodType<T> | undefined;
    if (!schema) throw new StoreError(`Неизвестный вид записей: ${collection}`);
    const valid = this.validate(collection, schema, record);
    this.doc.transact(() => {
      collectionMap(this.doc, collection).set(
        valid.id,
        recordToYMap(valid as Record<string, unknown>),
      );
    }, this);
    return valid;
  }

  /** Several records in one transaction (an import): all validated first, all or nothing. */
  putMany(
    records: { collection: string; record: { id: string; [field: string]: unknown } }[],
  ): void {
    this.guardWritable();
    const valid = records.map(({ collection, record }) => {
      const schema = schemaOf(collection);
      if (!schema) throw new StoreError(`Неизвестный вид записей: ${collection}`);
      return { collection, record: this.validate(collection, schema, record) };
    });
    this.doc.transact(() => {
      for (const { collection, record } of valid)
        collectionMap(this.doc, collection).set(
          record.id,
          recordToYMap(record as Record<string, unknown>),
        );
    }, this);
  }

  /**
   * Changes only the given fields (so a teammate's edit of another field survives the merge).
   * A record that needs repair can be patched into a valid one.
   */
  patch<T extends { id: string }>(collection: string, id: string, patch: Partial<T>): T {
    this.guardWritable();
    const schema = schemaOf(collection) as z.ZodType<T> | undefined;
    const map = collectionMap(this.doc, collection);
    const current = map.get(id);
    if (!schema || !(current instanceof Y.Map))
      throw new StoreError('Запись не найдена: возможно, её удалили.');
    const changes: Record<string, unknown> = { ...patch, id };
    // Links carry no edit stamp; every other record says who changed it last and when.
    if (collection !== 'links')
      Object.assign(changes, { updatedAt: this.now(), updatedBy: this.actor });
    const before = current.toJSON() as Record<string, unknown>;
    const merged = { ...before, ...changes };
    const valid = this.validate(collection, schema, merged);
    this.doc.transact(() => {
      const changed: Record<string, unknown> = {};
      const previous: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(changes)) {
        if (JSON.stringify(before[k]) === JSON.stringify(v)) continue;
        if (v === undefined) current.delete(k);
        else current.set(k, v);
        if (!STAMP_FIELDS.has(k)) {
          changed[k] = v ?? null;
          previous[k] = before[k] ?? null;
        }
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
    const map = collectionMap(this.doc, collection);
    const current = map.get(id);
    if (!(current instanceof Y.Map))
      throw new StoreError('Запись не найдена: возможно, её уже удалили.');
    const links = collectionMap(this.doc, 'links');
    const field =
      collection === 'activities' ? 'activityId' : collection === 'evidence' ? 'evidenceId' : null;
    const linked: Record<string, unknown>[] = [];
    if (field)
      for (const link of links.values()) if (link.get(field) === id) linked.push(link.toJSON());
    const bundle: DeletedBundle = { collection, record: current.toJSON(), links: linked };
    this.doc.transact(() => {
      map.delete(id);
      for (const l of linked) links.delete(String(l.id));
      if (collection in LOGGED) this.logEvent(collection, id, 'delete', {}, bundle.record, null);
    }, this);
    return bundle;
  }

  /** Undo of a delete: puts the record and its links back as they were. */
  restoreDeleted(bundle: DeletedBundle): void {
    this.guardWritable();
    this.doc.transact(() => {
      collectionMap(this.doc, bundle.collection).set(
        String(bundle.record.id),
        recordToYMap(bundle.record),
      );
      const links = collectionMap(this.doc, 'links');
      for (const l of bundle.links) links.set(String(l.id), recordToYMap(l));
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
    collectionMap(this.doc, 'recordEvents').set(event.id, recordToYMap(event));
  }

  /**
   * Settles a field two teammates changed apart: the chosen value stands and the choice is
   * recorded (even when the field already holds it), so the conflict is gone for everyone.
   */
  settleConflict(collection: string, recordId: string, field: string, value: unknown): void {
    const before = collectionMap(this.doc, collection).get(recordId);
    if (!(before instanceof Y.Map))
      throw new StoreError('Запись не найдена: возможно, её удалили.');
    const previous = before.get(field);
    const baseAt = (before.get('updatedAt') as string | undefined) ?? null;
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
    if (
      !collectionMap(this.doc, 'activities').has(activityId) ||
      !collectionMap(this.doc, 'evidence').has(evidenceId)
    )
      throw new StoreError('Нельзя связать: мероприятие или подтверждение не найдено.');
    const id = linkId(activityId, evidenceId);
    const existing = collectionMap(this.doc, 'links').get(id);
    if (existing) return existing.toJSON() as Link;
    return this.put<Link>('links', { id, activityId, evidenceId, createdAt: this.now() });
  }

  unlink(activityId: string, evidenceId: string): void {
    this.guardWritable();
    const id = linkId(activityId, evidenceId);
    this.doc.transact(() => collectionMap(this.doc, 'links').delete(id), this);
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
      for (const { collection, id } of receipt.added)
        collectionMap(this.doc, collection).delete(id);
    }, this);
  }

  updateWorkspace(patch: Partial<Omit<Workspace, 'id' | 'createdAt'>>): Workspace {
    this.guardWritable();
    const fields = metaMap(this.doc).get('workspace');
    if (!(fields instanceof Y.Map)) throw new StoreError('Рабочее пространство повреждено.');
    const merged = this.validate('workspace', workspaceSchema, { ...fields.toJSON(), ...patch });
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) fields.set(k, v);
    }, this);
    return merged;
  }
}
