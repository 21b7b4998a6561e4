// What a report says about its activity: «Запланировано на 2021-2022 учебный год» → postponed;
// «Проведена…», «Организована…», «разработаны…» or a cited order → done; otherwise unknown.
import { extractRefs } from './documents.ts';

const POSTPONED =
  /(?<![\p{L}])(?:запланирован\p{L}*\s+на|перенесен\p{L}*|перенос\p{L}*\s+на|отложен\p{L}*)/iu;
// Past participles and past-tense verbs only: «проведения», «создания» are nouns of a plan.
const DONE = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'провед[её]н[аоы]?',
      'проводил(?:ся|ась|ось|ись|и|а)?',
      'организован[аоы]?',
      'организовал[аи]?',
      'разработан[аоы]?',
      'разработал[аи]?',
      'прош[её]л|прошл[аои]',
      'выполнен[аоы]?',
      'выполнил[аи]?',
      'реализован[аоы]?',
      'подготовлен[аоы]?',
      'утвержд[её]н[аоы]?',
      'издан[аоы]?',
      'направлен[аоы]?',
      'размещ[её]н[аоы]?',
      'создан[аоы]?',
      'создал[аи]?',
      'сформирован[аоы]?',
      'заключ[её]н[аоы]?',
      'принял[аи]?\\s+участие',
      'предоставлял[аи]?',
      'состоял(?:ся|ась|ось|ись)',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);

export function detectStatus(report: string): 'postponed' | 'done' | null {
  const text = report.trim();
  if (!text) return null;
  // A report that opens with the postponement is about the whole activity.
  if (/^(?:\d+\.\s*)?(?:запланирован\p{L}*\s+на|перенесен\p{L}*)/iu.test(text)) return 'postponed';
  if (DONE.test(text) || extractRefs(text).length > 0) return 'done';
  if (POSTPONED.test(text)) return 'postponed';
  return null;
}
