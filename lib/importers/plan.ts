// The preview rows the user kept → full records to write, deduplicated against the register and
// within the file. Ids derive from content keys so that two teammates importing the same file
// on two devices produce the same records, and their documents merge instead of doubling.
import {
  linkId,
  type Activity,
  type Evidence,
  type Link,
  type Organisation,
  type Participation,
  type Person,
} from '../model/index.ts';
import { organisationKey, personKey, refKey, type DocumentRef } from '../refs/index.ts';
import { stableHash } from './hash.ts';
import { t } from './messages.ts';
import type { ImportPreview, PreviewRow } from './preview.ts';

export interface ExistingRecords {
  activities: readonly Activity[];
  evidence: readonly Evidence[];
  people: readonly Person[];
  organisations: readonly Organisation[];
}

export interface ImportPlan {
  activities: Activity[];
  evidence: Evidence[];
  people: Person[];
  organisations: Organisation[];
  links: Link[];
  skipped: { key: string; reason: string }[];
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : text.slice(0, max - 1) + '…';

function countLabel(c: {
  count: number;
  label: string;
  of?: { count: number; label: string };
}): string {
  return clip(`${c.count} ${c.label}${c.of ? ` из ${c.of.count} ${c.of.label}` : ''}`, 300);
}

export function planImport(
  preview: ImportPreview,
  includedRowKeys: Set<string>,
  existing: ExistingRecords,
  now: string,
  actor: string,
): ImportPlan {
  const plan: ImportPlan = {
    activities: [],
    evidence: [],
    people: [],
    organisations: [],
    links: [],
    skipped: [],
  };
  const base = { createdAt: now, updatedAt: now, updatedBy: clip(actor, 200) };

  const activityByKey = new Map<string, Activity>();
  for (const a of existing.activities) if (a.source) activityByKey.set(a.source.importKey, a);
  const evidenceIds = new Map<string, string>();
  for (const e of existing.evidence) evidenceIds.set(refKey(e), e.id);
  const personIds = new Map<string, string>();
  for (const p of existing.people) personIds.set(personKey(p.name), p.id);
  const orgIds = new Map<string, string>();
  for (const o of existing.organisations) orgIds.set(organisationKey(o.name), o.id);

  const organisation = (org: {
    name: string;
    number: string | null;
    kind: Organisation['kind'];
    shnor: boolean;
  }): string => {
    const key = organisationKey(org.name);
    const known = orgIds.get(key);
    if (known) return known;
    const id = `org-${stableHash(key)}`;
    orgIds.set(key, id);
    plan.organisations.push({
      id,
      ...base,
      name: clip(org.name, 300),
      number: org.number === null ? null : clip(org.number, 20),
      kind: org.kind,
      shnor: org.shnor,
      mentorOrgId: null,
    });
    return id;
  };

  const person = (name: string, position: string): string => {
    const key = personKey(name);
    const known = personIds.get(key);
    if (known) return known;
    const id = `per-${stableHash(key)}`;
    personIds.set(key, id);
    plan.people.push({
      id,
      ...base,
      name: clip(name, 200),
      position: clip(position, 400),
      orgId: null,
    });
    return id;
  };

  const evidence = (ref: DocumentRef, row: PreviewRow): string => {
    const key = refKey(ref);
    const known = evidenceIds.get(key);
    if (known) return known;
    const id = `ev-${stableHash(key)}`;
    evidenceIds.set(key, id);
    plan.evidence.push({
      id,
      ...base,
      kind: ref.kind,
      issuer: clip(ref.issuer, 300),
      date: ref.date,
      number: clip(ref.number, 60),
      title: clip(ref.title, 2000),
      url: '',
      attachments: [],
      // Record content shared with teammates, not an interface message: stays Russian.
      note: clip(
        (ref.incomplete ? `${incompleteNote(ref)}\n` : '') +
          `Ссылка из отчёта «${row.source}», строка ${row.number || row.row + 1}: ${ref.raw}`,
        20000,
      ),
      capturedAt: null,
      contentHash: null,
    });
    return id;
  };

  for (const row of preview.rows) {
    if (!includedRowKeys.has(row.key)) {
      plan.skipped.push({ key: row.key, reason: t('rowNotSelected') });
      continue;
    }
    const already = activityByKey.get(row.key);
    if (already) {
      plan.skipped.push({
        key: row.key,
        reason: t('alreadyImported', clip(already.title, 80)),
      });
      continue;
    }
    if (!row.title) {
      plan.skipped.push({ key: row.key, reason: t('rowNoTitle') });
      continue;
    }
    const id = `act-${row.key}`;
    const responsibleIds = [
      ...row.responsible.people.map((p) => person(p.name, p.position)),
      // A group in charge («Администрация ОО», «Кураторы ШНОР») is kept as a responsible entry.
      ...row.responsible.roles.map((label) => person(label, '')),
    ];
    const participants: Participation[] = [];
    const seenOrgs = new Set<string>();
    for (const org of row.organisations) {
      const orgId = organisation(org);
      if (seenOrgs.has(orgId)) continue;
      seenOrgs.add(orgId);
      participants.push({ orgId, label: clip(org.name, 300), count: null });
    }
    for (const c of row.counts)
      participants.push({ orgId: null, label: countLabel(c), count: c.count });
    const activity: Activity = {
      id,
      ...base,
      number: clip(row.number, 20),
      title: clip(row.title, 4000),
      direction: clip(row.direction, 200),
      level: row.level,
      period: { raw: clip(row.period.raw, 300), parsed: row.period.raw ? row.period.parsed : null },
      place: clip(row.place, 300),
      responsibleIds: [...new Set(responsibleIds)],
      participants,
      status: row.status,
      report: clip(row.report, 20000),
      tags: [],
      source: { importKey: row.key, row: row.row },
    };
    activityByKey.set(row.key, activity);
    plan.activities.push(activity);
    const linked = new Set<string>();
    for (const ref of row.refs) {
      const evidenceId = evidence(ref, row);
      if (linked.has(evidenceId)) continue;
      linked.add(evidenceId);
      plan.links.push({ id: linkId(id, evidenceId), activityId: id, evidenceId, createdAt: now });
    }
  }
  return plan;
}

const MISSING_RU = { kind: 'вид документа', date: 'дату', number: 'номер' } as const;

/** #19: an incomplete reference is imported as found, never completed by guessing; it says so. */
function incompleteNote(ref: DocumentRef): string {
  return `Неполная ссылка: укажите ${ref.missing.map((f) => MISSING_RU[f]).join(', ')}.`;
}
