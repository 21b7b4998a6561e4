// Full-text search over the register that understands Russian word forms: every term is
// reduced by the Snowball stemmer both when indexing and when querying, so «мониторингов»
// finds «мониторинг» and «ВПР» finds «анализ результатов ВПР». MiniSearch gives prefix and
// fuzzy matching and incremental updates; a hand-written inverted index would redo that.
import MiniSearch from 'minisearch';
import type { Activity, Evidence } from '../model/records.ts';
import { EVIDENCE_KIND_LABELS } from '../model/labels.ts';
import { stem } from '../ru/stem.ts';

interface Doc {
  id: string;
  type: 'a' | 'e';
  text: string;
}

function activityText(a: Activity): string {
  return [a.number, a.title, a.direction, a.place, a.report, a.period.raw, a.tags.join(' ')].join(
    ' ',
  );
}

function evidenceText(e: Evidence): string {
  return [EVIDENCE_KIND_LABELS[e.kind], e.issuer, e.number, e.title, e.note, e.url].join(' ');
}

const tokenize = (text: string) => text.match(/[0-9A-Za-zА-Яа-яЁё]+/g) ?? [];

export interface SearchResult {
  activityIds: string[];
  evidenceIds: string[];
}

export interface SearchIndex {
  search(query: string): SearchResult;
  /** Brings the index in step with new record lists, re-indexing only what changed. */
  update(activities: Activity[], evidence: Evidence[]): void;
}

export function createSearchIndex(snapshot: {
  activities: Activity[];
  evidence: Evidence[];
}): SearchIndex {
  const mini = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: ['type'],
    idField: 'key',
    extractField: (doc, field) =>
      field === 'key'
        ? `${doc.type}:${doc.id}`
        : (doc as unknown as Record<string, string>)[field]!,
    tokenize,
    processTerm: (term) => stem(term),
    searchOptions: {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
      combineWith: 'AND',
    },
  });
  // What is indexed, by key, so an update re-indexes only changed records.
  const indexed = new Map<string, string>();

  const sync = (activities: Activity[], evidence: Evidence[]) => {
    const next = new Map<string, Doc>();
    for (const a of activities)
      next.set(`a:${a.id}`, { id: a.id, type: 'a', text: activityText(a) });
    for (const e of evidence) next.set(`e:${e.id}`, { id: e.id, type: 'e', text: evidenceText(e) });
    const toAdd: Doc[] = [];
    for (const [key, doc] of next) {
      const previous = indexed.get(key);
      if (previous === doc.text) continue;
      if (previous !== undefined) mini.discard(key);
      toAdd.push(doc);
      indexed.set(key, doc.text);
    }
    for (const key of [...indexed.keys()]) {
      if (!next.has(key)) {
        mini.discard(key);
        indexed.delete(key);
      }
    }
    mini.addAll(toAdd);
  };
  sync(snapshot.activities, snapshot.evidence);

  return {
    update: sync,
    search(query) {
      const activityIds: string[] = [];
      const evidenceIds: string[] = [];
      if (!query.trim()) return { activityIds, evidenceIds };
      for (const hit of mini.search(query)) {
        const [type, id] = [String(hit.id).slice(0, 1), String(hit.id).slice(2)];
        (type === 'a' ? activityIds : evidenceIds).push(id);
      }
      return { activityIds, evidenceIds };
    },
  };
}
