// «Загрузить пример»: the register the importers make of two seed documents (Slavyansky
// district's report on its mentoring centre, order № 877 of 04.06.2021, and Sochi's roadmap,
// order № 76): all their activities, the evidence their references name, the people and the
// organisations, as a user who pasted them would get; plus seed 004's monitoring (the
// Korenovsky form) completed from that register by the library's rules. No hand-built list: what
// a newcomer sees is what the product does with the papers they already have.
import * as Y from 'yjs';
import { autoComplete } from '../checklist/auto.ts';
import { AUTO_ACTOR, mergeProposals, newFilling } from '../checklist/filling.ts';
import { builtinTemplates } from '../checklist/library/index.ts';
import { buildPreview, planImport, readPastedTable } from '../importers/index.ts';
import { DEFAULT_DIRECTIONS, type Workspace } from '../model/records.ts';
import { newId } from '../model/primitives.ts';
import { SEED_000_REPORT, SEED_002_ROADMAP } from './example-seeds.ts';
import { FillingStore } from './fillings.ts';
import { Repository } from './repository.ts';
import { initWorkspaceDoc } from './workspace-doc.ts';
import { defaultQuartersFor } from './quarters.ts';

export const EXAMPLE_SCHOOL_YEAR = '2020-2021';

/** The seed-004 letter's deadline (11 June 2021): the example's monitoring is due then. */
const MONITORING_DEADLINE = '2021-06-11';

/** Builds the example workspace into a fresh Y.Doc. */
export function buildExampleDoc(now: Date): Y.Doc {
  const doc = new Y.Doc();
  const at = now.toISOString();
  const workspace: Workspace = {
    id: newId(),
    name: 'Управление образования МО Славянский район (пример)',
    kind: 'authority',
    municipality: 'Славянский район',
    schoolYear: EXAMPLE_SCHOOL_YEAR,
    quarters: defaultQuartersFor(EXAMPLE_SCHOOL_YEAR),
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: at,
  };
  initWorkspaceDoc(doc, workspace);
  const repo = new Repository(doc, { actor: 'Пример', clock: () => now });
  const seeds: [string, string][] = [
    [SEED_000_REPORT, 'Приказ № 877 (Славянский район).txt'],
    [SEED_002_ROADMAP, 'Дорожная карта (Сочи).txt'],
  ];
  for (const [text, name] of seeds) {
    const preview = buildPreview(readPastedTable(text, name), {
      schoolYear: EXAMPLE_SCHOOL_YEAR,
      quarters: workspace.quarters,
    });
    const keys = new Set(preview.rows.map((r) => r.key));
    repo.applyImport(planImport(preview, keys, repo.snapshot(), at, 'Пример'));
  }
  // Seed 004's monitoring, completed from the register as «Новый мониторинг» would.
  const template = builtinTemplates()[0]!;
  const blank = newFilling(
    template,
    {
      id: newId(),
      title: 'Мониторинг методической помощи ШНОР, Кореновский район (пример)',
      period: { start: '2020-09-01', end: '2021-08-31' },
      deadline: MONITORING_DEADLINE,
    },
    at,
  );
  const snap = repo.snapshot();
  const results = autoComplete(template, blank, snap, { today: at.slice(0, 10) });
  repo.put('templates', template);
  new FillingStore(repo).save(mergeProposals(blank, results, AUTO_ACTOR, at));
  repo.destroy();
  return doc;
}
