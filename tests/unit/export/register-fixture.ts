// A small register in the shape of seed 000 (Slavyansky district), built by hand for the export
// tests. Each builder returns records that pass the model's schemas.
import {
  activitySchema,
  evidenceSchema,
  organisationSchema,
  personSchema,
  workspaceSchema,
  type Activity,
  type Evidence,
  type Link,
  type Organisation,
  type Person,
} from '../../../lib/model/index.ts';
import { linkId } from '../../../lib/model/index.ts';
import type { RegisterData } from '../../../lib/export/register.ts';

const T = '2021-06-04T09:00:00.000Z';

export const workspace = workspaceSchema.parse({
  id: 'ws-1',
  name: 'УО администрации МО Славянский район',
  kind: 'authority',
  municipality: 'Славянский район',
  schoolYear: '2020-2021',
  quarters: [
    { name: 'I четверть', start: '2020-09-01', end: '2020-10-30' },
    { name: 'II четверть', start: '2020-11-09', end: '2020-12-29' },
    { name: 'III четверть', start: '2021-01-11', end: '2021-03-19' },
    { name: 'IV четверть', start: '2021-03-29', end: '2021-05-31' },
  ],
  directions: [
    'Исследовательская деятельность',
    'Проектная деятельность',
    'Консультационная деятельность',
  ],
  createdAt: T,
});

export function person(id: string, name: string, position: string): Person {
  return personSchema.parse({ id, name, position, orgId: null, createdAt: T, updatedAt: T });
}

export function school(id: string, number: number): Organisation {
  return organisationSchema.parse({
    id,
    name: `МБОУ СОШ № ${number}`,
    number: String(number),
    kind: 'school',
    shnor: true,
    mentorOrgId: null,
    createdAt: T,
    updatedAt: T,
  });
}

export function activity(fields: Partial<Activity> & Pick<Activity, 'id' | 'title'>): Activity {
  return activitySchema.parse({
    number: '',
    direction: 'Исследовательская деятельность',
    level: null,
    period: { raw: '', parsed: null },
    place: '',
    responsibleIds: [],
    participants: [],
    status: 'done',
    report: '',
    tags: [],
    source: null,
    createdAt: T,
    updatedAt: T,
    ...fields,
  });
}

export function evidence(fields: Partial<Evidence> & Pick<Evidence, 'id'>): Evidence {
  return evidenceSchema.parse({
    kind: 'order',
    issuer: 'УО',
    date: null,
    number: '',
    title: '',
    url: '',
    attachments: [],
    note: '',
    capturedAt: null,
    contentHash: null,
    createdAt: T,
    updatedAt: T,
    ...fields,
  });
}

export function link(activityId: string, evidenceId: string): Link {
  return { id: linkId(activityId, evidenceId), activityId, evidenceId, createdAt: T };
}

export const schools = Array.from({ length: 25 }, (_, i) => school(`s${i + 1}`, i + 1));

/** Seed 000's rows, plus a participation of 54 teachers from 22 schools (seed 003's count). */
export function slavyanskyRegister(): RegisterData {
  const people = [
    person(
      'p-eshchenko',
      'И.В. Ещенко',
      'начальник отдела учебной и организационно-кадровой работы УО',
    ),
    person('p-khnyach', 'И.Н. Хняч', 'директор МКУО ЦОКО'),
    person('p-plesetskaya', 'О.В. Плесецкая', 'директор МКУО КМЦ'),
  ];
  // 54 teachers spread over 22 schools: 10 schools × 3 and 12 schools × 2.
  const participants = schools.slice(0, 22).map((s, i) => ({
    orgId: s.id,
    label: 'педагоги ШНОР',
    count: i < 10 ? 3 : 2,
  }));
  const activities = [
    activity({
      id: 'a1',
      number: '1.',
      title: 'Выявление профессиональных управленческих дефицитов администраций ШНОР',
      period: {
        raw: 'Февраль-март',
        parsed: {
          raw: 'Февраль-март',
          kind: 'range',
          start: '2021-02-01',
          end: '2021-03-31',
          every: null,
          times: null,
        },
      },
      place: 'УО',
      responsibleIds: ['p-eshchenko'],
      status: 'postponed',
      report: 'Запланировано на 2021-2022 учебный год',
    }),
    activity({
      id: 'a2',
      number: '3.',
      title: 'Проведение ежегодных мониторингов состояния школ',
      period: { raw: 'Июль-август', parsed: null },
      place: 'МКУО ЦОКО',
      responsibleIds: ['p-khnyach'],
      report: 'Ежегодный мониторинг состояния школ (приказ УО от 13.01.2021 № 118)',
    }),
    activity({
      id: 'a3',
      number: '2.',
      title: 'Оценка предметных компетенций педагогических работников в ШНОР',
      period: {
        raw: 'май 2021',
        parsed: {
          raw: 'май 2021',
          kind: 'range',
          start: '2021-05-01',
          end: '2021-05-31',
          every: null,
          times: null,
        },
      },
      responsibleIds: ['p-plesetskaya', 'p-khnyach'],
      participants,
      report: 'Проведено дистанционное тестирование',
    }),
    activity({
      id: 'b1',
      number: '1.',
      direction: 'Проектная деятельность',
      title: 'Проведение методических выездов в ШНОР',
      period: { raw: 'По плану УО', parsed: null },
      place: 'ШНОР',
      responsibleIds: ['p-eshchenko'],
      report: 'Проведены методические выезды в 13 ШНОР',
    }),
    activity({
      id: 'b2',
      number: '2.',
      direction: 'Проектная деятельность',
      title: '=HYPERLINK("http://x")',
      place: '@SUM(A1)',
      report: '-5',
      status: 'cancelled',
    }),
  ];
  const ev = [
    evidence({
      id: 'e-736',
      kind: 'order',
      issuer: 'УО',
      date: '2021-05-14',
      number: '736',
      title: 'О результатах методических выездов в ШНОР в 2020-2021 учебном году',
    }),
    evidence({
      id: 'e-118',
      kind: 'order',
      issuer: 'УО',
      date: '2021-01-13',
      number: '118',
      title: 'О мониторинге',
    }),
    evidence({
      id: 'e-320',
      kind: 'letter',
      issuer: 'МКУО КМЦ',
      date: '2021-05-20',
      number: '320',
      title: '',
      url: 'https://kmc.example.ru/docs/320',
    }),
  ];
  return {
    workspace,
    activities,
    evidence: ev,
    links: [link('b1', 'e-736'), link('a2', 'e-118'), link('a3', 'e-320')],
    people,
    organisations: schools,
  };
}
