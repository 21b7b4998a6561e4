// «Загрузить пример»: a living register built from the seed documents (Slavyansky district's
// report on its mentoring centre, order № 877 of 04.06.2021, and Sochi's roadmap, order № 76),
// so a newcomer sees real activities, evidence, people and schools at once.
import * as Y from 'yjs';
import {
  DEFAULT_DIRECTIONS,
  type Activity,
  type Evidence,
  type Workspace,
} from '../model/records.ts';
import { newId } from '../model/primitives.ts';
import { Repository } from './repository.ts';
import { initWorkspaceDoc } from './workspace-doc.ts';
import { defaultQuartersFor } from './quarters.ts';

type ActivitySeed = Pick<
  Activity,
  'number' | 'title' | 'direction' | 'place' | 'status' | 'report'
> & {
  period: string;
  level?: Activity['level'];
  responsible: string[];
  evidence?: string[];
  schools?: string[];
  count?: { label: string; count: number };
};

const PEOPLE: Record<string, string> = {
  'И.В. Ещенко': 'начальник отдела учебной и организационно-кадровой работы УО',
  'И.Н. Хняч': 'директор МКУО ЦОКО',
  'О.В. Плесецкая': 'директор МКУО КМЦ',
  'Т.Ю. Ковалева': 'главный специалист отдела учебной и организационно-кадровой работы УО',
  'В.А. Чернобровкина': 'заместитель директора МКУО ЦОКО',
  'С.С. Духнай': 'заместитель начальника управления образования',
};

const EVIDENCE: Record<
  string,
  Omit<Evidence, 'id' | 'createdAt' | 'updatedAt' | 'attachments' | 'capturedAt' | 'contentHash'>
> = {
  order118: {
    kind: 'order',
    issuer: 'УО',
    date: '2021-01-13',
    number: '118',
    title: 'О проведении ежегодного мониторинга состояния школ',
    url: '',
    note: '',
  },
  order192: {
    kind: 'order',
    issuer: 'УО',
    date: '2021-01-26',
    number: '192',
    title:
      'Об утверждении Дорожной карты по методическому сопровождению работы со ШНОР на 2021 год',
    url: '',
    note: '',
  },
  order251: {
    kind: 'order',
    issuer: 'УО',
    date: '2021-02-12',
    number: '251',
    title: 'Об утверждении программы работы муниципального наставнического центра',
    url: '',
    note: '',
  },
  order736: {
    kind: 'order',
    issuer: 'УО',
    date: '2021-05-14',
    number: '736',
    title: 'О результатах методических выездов в ШНОР',
    url: '',
    note: '',
  },
  letter320: {
    kind: 'letter',
    issuer: 'МКУО КМЦ',
    date: '2021-05-20',
    number: '320',
    title: 'О проведении дня открытых дверей на стажировочных площадках',
    url: '',
    note: '',
  },
  order877: {
    kind: 'order',
    issuer: 'УО',
    date: '2021-06-04',
    number: '877',
    title: 'Об итогах деятельности муниципального наставнического центра в 2020-2021 учебном году',
    url: '',
    note: '',
  },
  page: {
    kind: 'web_page',
    issuer: 'УО',
    date: '2020-09-14',
    number: '',
    title: 'Раздел «Сопровождение ШНОР» на официальном сайте управления образования',
    url: 'https://example.org/shnor',
    note: 'Раздел сайта с дорожной картой, приказами и материалами мероприятий',
  },
};

const SHNOR = ['5', '7', '8', '10', '16', '19', '20', '21', '22', '23', '39', '43', '48'];
const MENTORS = [
  'МБОУ лицей № 1',
  'МБОУ лицей № 4',
  'МБОУ СОШ № 6',
  'МБОУ ООШ № 11',
  'МАОУ СОШ № 12',
];

const ACTIVITIES: ActivitySeed[] = [
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[0],
    title: 'Выявление профессиональных управленческих дефицитов администраций ШНОР',
    period: 'Февраль-март',
    place: 'УО',
    responsible: ['И.В. Ещенко'],
    status: 'postponed',
    report: 'Запланировано на 2021-2022 учебный год',
  },
  {
    number: '3',
    direction: DEFAULT_DIRECTIONS[0],
    title:
      'Проведение ежегодных мониторингов состояния школ для выявления и поддержки школ с низкими образовательными результатами',
    period: 'Июль-август',
    place: 'МКУО ЦОКО',
    responsible: ['И.Н. Хняч'],
    status: 'done',
    report:
      'Ежегодный мониторинг состояния школ (приказ УО от 13.01.2021 № 118). Вестник управления образования',
    evidence: ['order118'],
  },
  {
    number: '5',
    direction: DEFAULT_DIRECTIONS[0],
    title:
      'Выявление динамики образовательных результатов в ШНОР. Анализ результатов оценочных процедур, в том числе ВПР',
    period: 'В течение года',
    place: 'МКУО ЦОКО',
    responsible: ['И.Н. Хняч', 'Т.Ю. Ковалева'],
    status: 'in_progress',
    report:
      'Сравнительный анализ образовательных результатов обучающихся в ШНОР проводился каждую четверть',
  },
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[1],
    title:
      'Развитие внутренней системы оценки качества образования, корректировка планов работы по повышению качества образования в ШНОР',
    period: 'По плану ЦОКО',
    place: 'ШНОР',
    responsible: ['В.А. Чернобровкина'],
    status: 'in_progress',
    report: '',
  },
  {
    number: '3',
    direction: DEFAULT_DIRECTIONS[1],
    title: 'Организация работы стажировочных площадок на базе школ-наставников',
    period: 'В течение года',
    place: 'Школы-наставники',
    responsible: ['О.В. Плесецкая'],
    status: 'done',
    report: 'Организована работа стажировочных площадок на базе школ-наставников',
    schools: MENTORS,
  },
  {
    number: '4',
    direction: DEFAULT_DIRECTIONS[1],
    title: 'Проведение единого дня посещения стажировочных площадок ШНОР',
    period: '2 раза в год',
    place: 'Школы-наставники',
    responsible: ['О.В. Плесецкая'],
    status: 'done',
    report: 'Проведены мероприятия «День открытых дверей» (письмо МКУО КМЦ от 20.05.2021 № 320)',
    evidence: ['letter320'],
    schools: SHNOR,
    count: { label: 'педагогов ШНОР', count: 146 },
  },
  {
    number: '7',
    direction: DEFAULT_DIRECTIONS[1],
    title: 'Оказание методической помощи ШНОР: методические выезды, семинары, работа РМО',
    period: 'В течение года',
    place: 'УО',
    responsible: ['О.В. Плесецкая', 'И.В. Ещенко'],
    status: 'done',
    report:
      'Проведены методические выезды в 13 ШНОР (приказ УО от 14.05.2021 № 736 «О результатах методических выездов в ШНОР»)',
    evidence: ['order736'],
    schools: SHNOR,
  },
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[2],
    title:
      'Индивидуальные очные и дистанционные консультации для администраций ШНОР по вопросам повышения качества образования',
    period: 'В течение года',
    place: 'ШНОР',
    responsible: ['О.В. Плесецкая'],
    status: 'in_progress',
    report: '',
  },
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[3],
    title:
      'Информирование администраций ШНОР о сроках и порядке работы МНЦ (через совещания, письма, приказы)',
    period: 'В течение года',
    place: 'УО',
    responsible: ['И.В. Ещенко'],
    status: 'done',
    report: 'Программа работы МНЦ утверждена приказом УО от 12.02.2021 № 251, размещена на сайте',
    evidence: ['order251', 'page'],
  },
  {
    number: '2',
    direction: DEFAULT_DIRECTIONS[3],
    title: 'Распространение опыта об эффективных способах решения управленческих задач',
    period: 'В течение года',
    place: 'МКУО КМЦ',
    responsible: ['О.В. Плесецкая'],
    status: 'postponed',
    report: 'Запланировано на 2021-2022 учебный год',
  },
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[4],
    title: 'Мониторинг результативности участия педагогов ШНОР в РМО, конкурсах, семинарах',
    period: 'После каждой четверти и учебный год',
    place: 'МКУО ЦОКО',
    responsible: ['И.Н. Хняч'],
    status: 'in_progress',
    report: '',
  },
  {
    number: '1',
    direction: DEFAULT_DIRECTIONS[5],
    level: 'municipal',
    title:
      'Издание приказа об утверждении Дорожной карты по методическому сопровождению ШНОР (приказ)',
    period: 'январь 2021',
    place: 'УО',
    responsible: ['С.С. Духнай'],
    status: 'done',
    report: 'Приказ УО от 26.01.2021 № 192',
    evidence: ['order192'],
  },
  {
    number: '2',
    direction: DEFAULT_DIRECTIONS[5],
    level: 'municipal',
    title: 'Подведение итогов деятельности муниципального наставнического центра (приказ)',
    period: 'июнь 2021',
    place: 'УО',
    responsible: ['С.С. Духнай'],
    status: 'done',
    report: 'Приказ УО от 04.06.2021 № 877',
    evidence: ['order877'],
  },
  {
    number: '3',
    direction: DEFAULT_DIRECTIONS[5],
    level: 'school',
    title: 'Корректировка антирисковых программ ШНОР по итогам мониторинга (аналитическая справка)',
    period: 'до 15 декабря 2020',
    place: 'ШНОР',
    responsible: ['В.А. Чернобровкина'],
    status: 'planned',
    report: '',
  },
];

export const EXAMPLE_SCHOOL_YEAR = '2020-2021';

/** Builds the example workspace into a fresh Y.Doc. `parsePeriod` is injected so the store needn't depend on it. */
export function buildExampleDoc(
  now: Date,
  parsePeriod: (raw: string) => Activity['period']['parsed'] = () => null,
): Y.Doc {
  const doc = new Y.Doc();
  const workspace: Workspace = {
    id: newId(),
    name: 'Управление образования МО Славянский район (пример)',
    kind: 'authority',
    municipality: 'Славянский район',
    schoolYear: EXAMPLE_SCHOOL_YEAR,
    quarters: defaultQuartersFor(EXAMPLE_SCHOOL_YEAR),
    directions: [...DEFAULT_DIRECTIONS],
    createdAt: now.toISOString(),
  };
  initWorkspaceDoc(doc, workspace);
  const repo = new Repository(doc, { actor: 'Пример', clock: () => now });
  const people = new Map(
    Object.entries(PEOPLE).map(([name, position]) => [
      name,
      repo.createPerson({ name, position }).id,
    ]),
  );
  const orgs = new Map<string, string>();
  for (const n of SHNOR)
    orgs.set(n, repo.createOrganisation({ name: `МБОУ СОШ № ${n}`, number: n, shnor: true }).id);
  for (const name of MENTORS)
    orgs.set(name, repo.createOrganisation({ name, number: name.replace(/\D+/g, '') || null }).id);
  const evidence = new Map(
    Object.entries(EVIDENCE).map(([key, e]) => [key, repo.createEvidence(e).id]),
  );
  for (const seed of ACTIVITIES) {
    const participants: Activity['participants'] = (seed.schools ?? []).map((s) => ({
      orgId: orgs.get(s) ?? null,
      label: '',
      count: null,
    }));
    if (seed.count)
      participants.push({ orgId: null, label: seed.count.label, count: seed.count.count });
    const activity = repo.createActivity({
      number: seed.number,
      title: seed.title,
      direction: seed.direction,
      level: seed.level ?? null,
      period: { raw: seed.period, parsed: parsePeriod(seed.period) },
      place: seed.place,
      responsibleIds: seed.responsible.map((r) => people.get(r)!),
      participants,
      status: seed.status,
      report: seed.report,
    });
    for (const e of seed.evidence ?? []) repo.link(activity.id, evidence.get(e)!);
  }
  repo.destroy();
  return doc;
}
