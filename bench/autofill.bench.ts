// Autofill figures: discovery is measured in Chromium (e2e); here matching and the value
// conversion a fill does, on a 100-question form, in Node.
import { matchFields } from '../lib/autofill/match.ts';
import type { FieldDescriptor, IndicatorInput } from '../lib/autofill/types.ts';
import { valueForField } from '../lib/autofill/values.ts';
import { median, timeMs, type BenchSuite, type Figure } from './figure.ts';

const TOPICS = [
  'Наличие плана работы с ШНОР',
  'Количество педагогов, прошедших курсы повышения квалификации',
  'Доля обучающихся, принявших участие в ВПР',
  'Число проведённых методических семинаров',
  'Размещение информации на официальном сайте ОО',
  'Наличие программы наставничества',
  'Количество открытых уроков',
  'Участие в работе РМО',
  'Наличие ИОМ педагогов',
  'Проведение мониторинга качества образования',
];

function form(n: number): { fields: FieldDescriptor[]; indicators: IndicatorInput[] } {
  const indicators: IndicatorInput[] = [];
  const fields: FieldDescriptor[] = [];
  for (let i = 0; i < n; i++) {
    const topic = `${TOPICS[i % TOPICS.length]} (раздел ${Math.floor(i / TOPICS.length) + 1})`;
    const presence = i % 3 === 0;
    indicators.push({
      indicatorId: `i${i}`,
      number: `${i + 1}.`,
      text: topic,
      kind: presence ? 'presence' : 'count',
      value: presence ? 1 : i,
    });
    fields.push({
      key: `entry.${1000 + i}`,
      control: presence ? 'radio' : 'text',
      label: `${i + 1}. ${topic.replace('Количество', 'Кол-во')}`,
      hints: [],
      options: presence
        ? [
            { label: 'Да', value: 'Да' },
            { label: 'Нет', value: 'Нет' },
          ]
        : [],
      frame: '',
    });
  }
  return { fields, indicators };
}

export default {
  title: 'Autofill: matching a web form to a filling',
  async run(): Promise<Figure[]> {
    const { fields, indicators } = form(100);
    matchFields(fields, indicators); // warm the stemmer
    const times: number[] = [];
    let pairs = matchFields(fields, indicators);
    for (let r = 0; r < 15; r++)
      times.push(await timeMs(() => (pairs = matchFields(fields, indicators))));
    const right = pairs.filter(
      (p) => p.fieldKey === `entry.${1000 + Number(p.indicatorId.slice(1))}`,
    ).length;
    const convert: number[] = [];
    for (let r = 0; r < 15; r++)
      convert.push(
        await timeMs(() => fields.forEach((f, i) => valueForField(f, indicators[i]!.value))),
      );
    return [
      {
        name: 'matching, 100-question form (Node)',
        value: median(times),
        unit: 'ms',
        target: 100,
        bound: 'max',
      },
      {
        name: 'value conversion for a fill, 100 fields',
        value: median(convert),
        unit: 'ms',
        target: 500,
        bound: 'max',
        note: 'DOM filling itself is measured in e2e',
      },
      {
        name: 'matching accuracy, synthetic 100-question form',
        value: (100 * right) / fields.length,
        unit: '%',
        target: 95,
        bound: 'min',
      },
    ];
  },
} satisfies BenchSuite;
