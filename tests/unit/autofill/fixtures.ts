// The filling used across autofill tests, e2e and the bench: indicators as the checklist gives them.
import type { IndicatorInput } from '../../../lib/autofill/types.ts';

export const FILLING: IndicatorInput[] = [
  {
    indicatorId: 'i1',
    number: '1.',
    text: 'Наличие плана работы с ШНОР на 2021 год',
    kind: 'presence',
    value: 1,
  },
  {
    indicatorId: 'i2',
    number: '2.',
    text: 'Количество педагогов, прошедших курсы повышения квалификации',
    kind: 'count',
    value: 12,
  },
  {
    indicatorId: 'i3',
    number: '3.',
    text: 'Ответственный за работу со школами с низкими образовательными результатами',
    kind: 'text',
    value: 'Иванова И. И.',
  },
  {
    indicatorId: 'i4',
    number: '4.',
    text: 'Дата утверждения дорожной карты',
    kind: 'date',
    value: '15.02.2021',
  },
  {
    indicatorId: 'i5',
    number: '5.',
    text: 'Размещение информации на официальном сайте ОО',
    kind: 'presence',
    value: true,
  },
  {
    indicatorId: 'i6',
    number: '6.',
    text: 'Уровень реализации программы',
    kind: 'text',
    value: 'Высокий',
  },
  {
    indicatorId: 'i7',
    number: '7.',
    text: 'Число проведённых методических семинаров',
    kind: 'count',
    value: 4,
  },
  {
    indicatorId: 'i8',
    number: '8.',
    text: 'Доля обучающихся, принявших участие в ВПР',
    kind: 'count',
    value: 87,
  },
];
