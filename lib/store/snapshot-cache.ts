// First paint without waiting for the Y.Doc. Loading a large workspace's Y.Doc from IndexedDB
// means integrating every Yjs item (10,000 activities + 20,000 evidence ≈ 450,000 items, ~2 s);
// reading one stored snapshot is a single structured clone. Pages show the cached snapshot at
// once, read-only, and swap in the live repository when the doc has loaded. The cache is derived
// data: it is rewritten from the live repository, never edited, and ignored when malformed.
import * as Y from 'yjs';
import { workspaceSchema } from '../model/records.ts';
import { db } from './db.ts';
import { Repository, type Snapshot } from './repository.ts';

export const PREVIEW_READ_ONLY =
  'Реестр ещё загружается — изменения станут доступны через пару секунд.';

/** A repository over a cached snapshot: reads work, every write is refused with a Russian message. */
export class PreviewRepository extends Repository {
  private readonly cachedSnapshot: Snapshot;
  constructor(snapshot: Snapshot, actor: string) {
    super(new Y.Doc(), { actor });
    this.cachedSnapshot = snapshot;
  }
  override snapshot(): Snapshot {
    return this.cachedSnapshot;
  }
  override get readOnlyReason(): string | null {
    return PREVIEW_READ_ONLY;
  }
  override get<T extends { id: string }>(collection: string, id: string): T | null {
    const s = this.cachedSnapshot as unknown as Record<string, { id: string }[] | undefined>;
    const list = s[collection] ?? this.cachedSnapshot.extra[collection] ?? [];
    return (list.find((r) => r.id === id) as T | undefined) ?? null;
  }
}

function looksLikeSnapshot(value: unknown): value is Snapshot {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  return (
    workspaceSchema.safeParse(s.workspace).success &&
    ['activities', 'evidence', 'people', 'organisations', 'links', 'broken'].every((k) =>
      Array.isArray(s[k]),
    ) &&
    typeof s.extra === 'object' &&
    s.extra !== null
  );
}

export async function readCachedSnapshot(workspaceId: string): Promise<Snapshot | null> {
  const row = await db().snapshotCache.get(workspaceId);
  return row && looksLikeSnapshot(row.snapshot) ? row.snapshot : null;
}

/** Keeps the cache in step with a live repository: a few seconds after changes, and on stop. */
export function startSnapshotCache(
  workspaceId: string,
  repo: Repository,
  delayMs = 3000,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = true;
  const write = () => {
    timer = null;
    if (!dirty) return;
    dirty = false;
    void db()
      .snapshotCache.put({
        workspaceId,
        savedAt: new Date().toISOString(),
        snapshot: repo.snapshot(),
      })
      .catch(() => {
        dirty = true; // storage full or closing: the doc is still the truth; try again later
      });
  };
  const off = repo.subscribe(() => {
    dirty = true;
    timer ??= setTimeout(write, delayMs);
  });
  timer = setTimeout(write, 500);
  return () => {
    off();
    if (timer) clearTimeout(timer);
    write();
  };
}
