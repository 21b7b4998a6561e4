// A deterministic large register for benchmarks and load tests (10,000 activities …).
import * as Y from 'yjs';
import { DEFAULT_DIRECTIONS, type Workspace } from '../model/records.ts';
import { initWorkspaceDoc } from './workspace-doc.ts';
import { defaultQuartersFor } from './quarters.ts';
import { Repository } from './repository.ts';

const TOPICS = [
  'Анализ результатов ВПР по математике',
  'Методический семинар для учителей ШНОР',
  'Заседание РМО учителей русского языка',
  'Мониторинг образовательных результатов обучающихся',
  'Консультации тьюторов МТКП по подготовке к ОГЭ',
  'Методический выезд в школу с низкими результатами',
  'Совещание с заместителями директоров по ВСОКО',
  'Круглый стол по обмену опытом школ-наставников',
];
const MONTHS = [
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
];

/** Deterministic pseudo-random numbers (mulberry32) so every run builds the same register. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `packed`: written the way an import or a restore writes (records in packs); otherwise every
 * record is written on its own, as when they are entered one by one.
 */
export function generateWorkspaceDoc(
  activities: number,
  evidence: number,
  seed = 1,
  options: { packed?: boolean } = {},
): Y.Doc {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const doc = new Y.Doc();
  const workspace: Workspace = {
    id: `generated-${seed}`,
    name: 'МКУ ИМЦ (сгенерированный реестр)',
    kind: 'centre',
    municipality: 'Кореновский район',
    schoolYear: '2020-2021',
    quarters: defaultQuartersFor('2020-2021'),
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: '2020-09-01T00:00:00.000Z',
  };
  initWorkspaceDoc(doc, workspace);
  const clock = () => new Date('2021-03-01T00:00:00.000Z');
  const repo = new Repository(doc, { actor: 'генератор', clock });
  const statuses = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
  const kinds = ['order', 'letter', 'certificate', 'protocol', 'web_page', 'plan'] as const;
  doc.transact(() => {
    const people = Array.from(
      { length: 50 },
      (_, i) => repo.createPerson({ name: `И.И. Иванов${i}`, position: 'методист' }).id,
    );
    const acts: string[] = [];
    for (let i = 0; i < activities; i++) {
      const month = pick(MONTHS);
      acts.push(
        repo.createActivity({
          number: String((i % 40) + 1),
          title: `${pick(TOPICS)} № ${i}`,
          direction: pick(DEFAULT_DIRECTIONS),
          period: { raw: `${month} 2021`, parsed: null },
          place: 'УО',
          responsibleIds: [pick(people)],
          status: pick(statuses),
          report:
            rnd() < 0.5
              ? `Проведено мероприятие, приняли участие ${Math.floor(rnd() * 100)} педагогов`
              : '',
        }).id,
      );
    }
    for (let i = 0; i < evidence; i++) {
      const e = repo.createEvidence({
        kind: pick(kinds),
        issuer: 'УО',
        date: `2021-0${1 + Math.floor(rnd() * 5)}-1${Math.floor(rnd() * 9)}`,
        number: String(100 + i),
        title: `О проведении: ${pick(TOPICS).toLowerCase()}`,
      });
      if (i < activities) repo.link(acts[i]!, e.id);
    }
  });
  repo.destroy();
  if (!options.packed) return doc;
  const snapshot = new Repository(doc, { actor: 'генератор', clock }).snapshot();
  const packed = new Y.Doc();
  initWorkspaceDoc(packed, workspace);
  new Repository(packed, { actor: 'генератор', clock }).applyImport(snapshot);
  return packed;
}
