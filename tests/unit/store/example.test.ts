// «Загрузить пример» is what the importers make of seeds 000 and 002, with seed 004's monitoring
// completed by the rules; the seeds it imports are the project's own seed documents.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_000_REPORT, SEED_002_ROADMAP } from '../../../lib/store/example-seeds.ts';
import { buildExampleDoc } from '../../../lib/store/example.ts';
import { FillingStore } from '../../../lib/store/fillings.ts';
import { Repository } from '../../../lib/store/repository.ts';

const seed = (name: string) =>
  readFileSync(new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8');

describe('the example workspace', () => {
  it('imports the very seed documents', () => {
    expect(SEED_000_REPORT).toBe(seed('000_eaebad773a01309e'));
    expect(SEED_002_ROADMAP).toBe(seed('002_bad5b6982bec67cd'));
  });

  it('holds what the importers read from them, and seed 004’s monitoring completed', () => {
    const repo = new Repository(buildExampleDoc(new Date('2021-06-05T09:00:00Z')), {
      actor: 'Ирина',
    });
    const s = repo.snapshot();
    // Seed 000's report: 20 activities by direction; seed 002's roadmap: 35, by level.
    expect(s.activities.filter((a) => a.direction !== '')).toHaveLength(20);
    expect(s.activities.filter((a) => a.level === 'school')).toHaveLength(15);
    expect(s.activities).toHaveLength(55);
    // The references the report cites became evidence, linked to their activities.
    const visits = s.evidence.find((e) => e.kind === 'order' && e.number === '736')!;
    expect(visits.date).toBe('2021-05-14');
    expect(s.links.some((l) => l.evidenceId === visits.id)).toBe(true);
    expect(s.people.map((p) => p.name)).toContain('И.Б. Лукашова');
    expect(s.organisations.filter((o) => o.shnor).length).toBeGreaterThan(10);

    const [filling] = new FillingStore(repo).list();
    expect(filling).toMatchObject({
      deadline: '2021-06-11',
      templateId: 'builtin-korenovsky-2021',
    });
    // «Количество ШНОР, которым была оказана адресная методическая помощь» from the register.
    expect(filling!.answers.r17).toMatchObject({ value: 13, status: 'proposed' });
    expect(filling!.answers.r7!.evidenceIds).toEqual([visits.id]);
  });
});
