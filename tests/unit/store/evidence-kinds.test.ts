// #19 grew the evidence kinds (постановление, решение, указ, законы, соглашение, договор, акт,
// положение). Stored kinds never change meaning, so the stored shape needs no step: no Dexie
// version (Dexie keeps no evidence; its snapshot cache is keyed by the schema fingerprint and
// rebuilt when the schema changes) and no Y.Doc schema version. This pins that down with a
// fixture of records as Svodka stored them before.
import { describe, expect, it } from 'vitest';
import {
  DOC_SCHEMA_VERSION,
  Repository,
  collectionMap,
  docSchemaVersion,
  encodeRecord,
  recordToYMap,
} from '../../../lib/store/index.ts';
import { newWorkspaceDoc } from './fixtures.ts';

/** The kinds as they were before #19, in their order then. */
const PRE_19_KINDS =
  'order letter directive certificate protocol plan programme report web_page file photo other'.split(
    ' ',
  );

function storedEvidence(kind: string, i: number) {
  const at = '2021-05-14T09:00:00.000Z';
  return {
    id: `ev-${i}`,
    createdAt: at,
    updatedAt: at,
    kind,
    issuer: 'администрация города Ростова-на-Дону',
    date: '2012-04-04',
    number: String(220 + i),
    title: 'О создании …',
    url: '',
    attachments: [],
    note: '',
    capturedAt: null,
    contentHash: null,
  };
}

describe('evidence kinds after #19', () => {
  it('records stored before keep their kind, in layout 2 and layout 1, and nothing is broken', () => {
    const doc = newWorkspaceDoc();
    doc.transact(() => {
      PRE_19_KINDS.forEach((kind, i) => {
        const record = storedEvidence(kind, i);
        // Half as layout 2 bytes, half as a teammate's older layout-1 map.
        collectionMap(doc, 'evidence').set(
          record.id,
          i % 2 ? encodeRecord(record) : recordToYMap(record),
        );
      });
    });
    const versionBefore = docSchemaVersion(doc);
    const repo = new Repository(doc, { actor: 'Ирина' });
    const snap = repo.snapshot();
    expect(snap.broken).toEqual([]);
    expect(Object.fromEntries(snap.evidence.map((e) => [e.id, e.kind]))).toEqual(
      Object.fromEntries(PRE_19_KINDS.map((k, i) => [`ev-${i}`, k])),
    );
    // A «распоряжение» filed before stays one: a постановление misfiled then is the user's to fix.
    expect(snap.evidence.find((e) => e.id === 'ev-2')?.kind).toBe('directive');
    expect(docSchemaVersion(doc)).toBe(versionBefore);
    expect(versionBefore).toBe(DOC_SCHEMA_VERSION);
  });

  it('a new kind is stored and read back', () => {
    const repo = new Repository(newWorkspaceDoc(), { actor: 'Ирина' });
    const ev = repo.createEvidence({ kind: 'resolution', title: 'О создании …' });
    expect(repo.snapshot().evidence.find((e) => e.id === ev.id)?.kind).toBe('resolution');
  });
});
