// planImport: full, valid records, deduplicated within the file and against the register.
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../../lib/importers/index.ts';
import {
  activitySchema,
  evidenceSchema,
  linkSchema,
  organisationSchema,
  personSchema,
} from '../../../lib/model/index.ts';
import { seedPreview } from './build.ts';

const NOW = '2021-06-10T09:00:00.000Z';
const empty = { activities: [], evidence: [], people: [], organisations: [] };

function all(preview: ReturnType<typeof seedPreview>): Set<string> {
  return new Set(preview.rows.map((r) => r.key));
}

function validate(plan: ImportPlan): void {
  for (const a of plan.activities) activitySchema.parse(a);
  for (const e of plan.evidence) evidenceSchema.parse(e);
  for (const p of plan.people) personSchema.parse(p);
  for (const o of plan.organisations) organisationSchema.parse(o);
  for (const l of plan.links) linkSchema.parse(l);
}

describe('planImport', () => {
  const report = seedPreview('000_eaebad773a01309e');
  const roadmap = seedPreview('002_bad5b6982bec67cd');

  it('builds schema-valid records for every selected row', () => {
    const plan = planImport(report, all(report), empty, NOW, 'Методист');
    validate(plan);
    expect(plan.activities).toHaveLength(20);
    expect(plan.skipped).toEqual([]);
    const roadmapPlan = planImport(roadmap, all(roadmap), empty, NOW, 'Методист');
    validate(roadmapPlan);
    expect(roadmapPlan.activities.filter((a) => a.level === 'municipal')).toHaveLength(20);
    expect(roadmapPlan.activities.filter((a) => a.level === 'school')).toHaveLength(15);
  });

  it('makes one Evidence per cited document and one Person per person across rows', () => {
    const plan = planImport(report, all(report), empty, NOW, 'Методист');
    const keys = plan.evidence.map((e) => `${e.kind}|${e.date}|${e.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Letters № 1064/21-21-10 and № 1128/21-21-08 are cited in two rows: one record each, two links.
    const letter = plan.evidence.find((e) => e.number === '1064/21-21-10')!;
    expect(plan.links.filter((l) => l.evidenceId === letter.id)).toHaveLength(2);
    const order736 = plan.evidence.find((e) => e.number === '736')!;
    expect(order736).toMatchObject({ kind: 'order', date: '2021-05-14' });
    const names = plan.people.map((p) => p.name);
    expect(names.filter((n) => n === 'О.В. Плесецкая')).toHaveLength(1);
    const pl = plan.people.find((p) => p.name === 'О.В. Плесецкая')!;
    expect(plan.activities.filter((a) => a.responsibleIds.includes(pl.id)).length).toBeGreaterThan(
      5,
    );
  });

  it('records participating schools as organisations', () => {
    const plan = planImport(report, all(report), empty, NOW, 'Методист');
    const stazh = plan.activities.find((a) =>
      a.title.startsWith('Организация работы стажировочных'),
    )!;
    const schools = stazh.participants.filter((p) => p.orgId !== null);
    expect(schools).toHaveLength(9);
    for (const s of schools) expect(plan.organisations.some((o) => o.id === s.orgId)).toBe(true);
  });

  it('adds nothing when the same preview is imported again', () => {
    const first = planImport(report, all(report), empty, NOW, 'Методист');
    const second = planImport(report, all(report), first, NOW, 'Методист');
    expect(second.activities).toEqual([]);
    expect(second.evidence).toEqual([]);
    expect(second.people).toEqual([]);
    expect(second.organisations).toEqual([]);
    expect(second.links).toEqual([]);
    expect(second.skipped).toHaveLength(20);
    expect(second.skipped[0]!.reason).toMatch(/Уже импортировано/);
  });

  it('imports only the rows the user kept', () => {
    const keep = new Set(roadmap.rows.slice(0, 3).map((r) => r.key));
    const plan = planImport(roadmap, keep, empty, NOW, 'Методист');
    expect(plan.activities.map((a) => a.number)).toEqual(['1.', '2.', '3.']);
    expect(plan.skipped).toHaveLength(32);
  });
});
