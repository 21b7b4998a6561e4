// A hand-made template over the real Korenovsky form (tests/fixtures/monitoring-korenovsky-2021.xlsx,
// sheet «Мониторинг»): scores go in column C, quantitative figures in column D, and the cells
// marked «*» are the ones that do not apply. Rows 22–25 are the group «Качество кадрового
// состава МНЦ» with its «Средний балл по показателю (от 0 до 2)»; rows 31–37 the group
// «Интенсивность наставнического взаимодействия» (5 items, «от 0 до 5»).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fillingSchema,
  templateSchema,
  type Answer,
  type Filling,
  type Indicator,
  type Template,
} from '../../../lib/checklist/schema.ts';
import { sha256Hex } from '../../../lib/files/hash.ts';

export const fixturePath = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/monitoring-korenovsky-2021.xlsx',
);

export function fixtureBytes(): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath));
}

const AT = '2021-06-09T10:00:00.000Z';

function ind(
  fields: Partial<Indicator> & Pick<Indicator, 'id' | 'text' | 'kind' | 'section'>,
): Indicator {
  return {
    number: '',
    parent: null,
    max: fields.kind === 'presence' ? 1 : null,
    cells: {},
    notApplicable: [],
    row: null,
    ...fields,
  };
}

const SUM_MEAN = { perSubject: 'sum', acrossSubjects: 'mean', digits: 2 } as const;

export async function korenovskyTemplate(bytes: Uint8Array): Promise<Template> {
  return templateSchema.parse({
    id: 'tpl-korenovsky',
    title: 'Мониторинг результативности системы методической помощи ШНОР',
    source: {
      fileName: 'monitoring-korenovsky-2021.xlsx',
      sheetName: 'Мониторинг',
      workbookHash: await sha256Hex(bytes),
    },
    columns: { number: 'A', text: 'B', score: 'C', count: 'D', note: null },
    headerRow: 5,
    sections: [
      {
        id: 's1',
        title: 'Идентификация потребности, планирование и организация методической помощи',
        row: 6,
      },
      {
        id: 's2',
        title: 'Эффективность работы муниципального наставнического центра (МНЦ)',
        row: 20,
      },
    ],
    indicators: [
      ind({
        id: 'i1',
        number: '1',
        section: 's1',
        kind: 'presence',
        row: 7,
        text: 'Наличие муниципальных мероприятий по оценке уровня сформированности управленческих компетенций администрации ШНОР',
        cells: { value: 'C7' },
        notApplicable: ['D7'],
      }),
      ind({
        id: 'i2',
        number: '2',
        section: 's1',
        kind: 'presence',
        row: 8,
        text: 'Наличие в Дорожной карте адресных мероприятий',
        cells: { value: 'C8' },
        notApplicable: ['D8'],
      }),
      ind({
        id: 'i5',
        number: '5',
        section: 's1',
        kind: 'presence',
        row: 11,
        text: 'Наличие раздела по сопровождению ШНОР на официальном сайте УО',
        cells: { value: 'C11' },
        notApplicable: ['D11'],
      }),
      ind({
        id: 'i8',
        number: '8',
        section: 's1',
        kind: 'count',
        row: 14,
        text: 'Количество ШНОР, участников муниципальных методических мероприятий',
        cells: { value: 'D14' },
        notApplicable: ['C14'],
      }),
      ind({
        id: 'i9',
        number: '9',
        section: 's1',
        kind: 'count',
        row: 15,
        text: 'Количество школ-лидеров, вовлеченных в сетевое взаимодействие со ШНОР',
        cells: { value: 'D15' },
        notApplicable: ['C15'],
      }),
      ind({
        id: 'g2',
        number: '2',
        section: 's2',
        kind: 'group',
        row: 22,
        text: 'Качество кадрового состава муниципального наставнического центра',
      }),
      ind({
        id: 'm2a',
        section: 's2',
        kind: 'presence',
        parent: 'g2',
        row: 23,
        text: 'наличие у наставника стажа управленческой деятельности',
        cells: { value: 'C23' },
        notApplicable: ['D23'],
      }),
      ind({
        id: 'm2b',
        section: 's2',
        kind: 'presence',
        parent: 'g2',
        row: 24,
        text: 'успешность функционирования ОО, руководимой наставником',
        cells: { value: 'C24' },
        notApplicable: ['D24'],
      }),
      ind({
        id: 'm2',
        section: 's2',
        kind: 'aggregate',
        parent: 'g2',
        row: 25,
        max: 2,
        text: 'Средний балл по показателю (от 0 до 2)',
        aggregate: SUM_MEAN,
        cells: { value: 'C25' },
      }),
      ind({
        id: 'g4',
        number: '4',
        section: 's2',
        kind: 'group',
        row: 31,
        text: 'Интенсивность наставнического взаимодействия',
      }),
      ...[32, 33, 34, 35, 36].map((row, i) =>
        ind({
          id: `m4${'abcde'[i]}`,
          section: 's2',
          kind: 'presence',
          parent: 'g4',
          row,
          text: `пункт ${i + 1}`,
          cells: { value: `C${row}` },
          notApplicable: [`D${row}`],
        }),
      ),
      ind({
        id: 'm4',
        section: 's2',
        kind: 'aggregate',
        parent: 'g4',
        row: 37,
        max: 5,
        text: 'Средний балл по показателю (от 0 до 5)',
        aggregate: SUM_MEAN,
        cells: { value: 'C37' },
      }),
    ],
  });
}

export function answer(
  value: number | string | null,
  evidenceIds: string[] = [],
  status: Answer['status'] = 'confirmed',
): Answer {
  return { value, status, comment: '', by: 'Л.И. Симоненко', at: AT, evidenceIds, activityIds: [] };
}

/** Two mentors assessed in group 4: 4 of 5 and 2 of 5 → item cells hold the mean per item, C37 = 3. */
export function korenovskyFilling(): Filling {
  const a = [1, 1, 0, 1, 1];
  const b = [1, 0, 0, 1, 0];
  const mentors: Record<string, Answer> = {};
  'abcde'.split('').forEach((k, i) => {
    mentors[`m4${k}::mentor-a`] = answer(a[i]!);
    mentors[`m4${k}::mentor-b`] = answer(b[i]!);
  });
  return fillingSchema.parse({
    id: 'fill-1',
    templateId: 'tpl-korenovsky',
    title: 'Мониторинг ШНОР, июнь 2021',
    period: { start: '2020-09-01', end: '2021-05-31' },
    deadline: '2021-06-11',
    subjects: {
      g4: [
        { id: 'mentor-a', name: 'Наставник А' },
        { id: 'mentor-b', name: 'Наставник Б' },
      ],
    },
    answers: {
      i1: answer(1, ['e-736']),
      i2: answer(0),
      i5: answer(1, ['e-site']),
      i8: answer(17, ['e-736', 'e-320']),
      i9: answer(9, [], 'proposed'),
      m2a: answer(1, ['e-320']),
      m2b: answer(0),
      ...mentors,
    },
    createdAt: AT,
    updatedAt: AT,
  });
}

export const ANSWER_CELLS = [
  'C7',
  'C8',
  'C11',
  'D14',
  'D15',
  'C23',
  'C24',
  'C25',
  'C32',
  'C33',
  'C34',
  'C35',
  'C36',
  'C37',
];
export const EXPECTED_VALUES = {
  C7: 1,
  C8: 0,
  C11: 1,
  D14: 17,
  D15: 9,
  C23: 1,
  C24: 0,
  C25: 1,
  C32: 1,
  C33: 0.5,
  C34: 0,
  C35: 1,
  C36: 0.5,
  C37: 3,
};
