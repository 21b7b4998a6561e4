// The one matcher (lib/checklist/indicator-match.ts): when two wordings are the same indicator,
// when they are not, and when it cannot tell.
import { describe, expect, it } from 'vitest';
import {
  IndicatorMatcher,
  indicatorSimilarity,
  MATCHER,
  weightedTerms,
} from '../../../lib/checklist/indicator-match.ts';

const terms = (text: string) => [...weightedTerms(text).weights.keys()].sort();

describe('the matcher reads the same indicator in other words', () => {
  it('folds the domain’s abbreviations and their full forms to one term', () => {
    const pairs: [string, string][] = [
      [
        'Наличие раздела по сопровождению ШНОР на официальном сайте УО',
        'Наличие раздела по сопровождению школ с низкими образовательными результатами на официальном сайте управления образования',
      ],
      [
        'Количество ОО, получивших адресную помощь',
        'Количество образовательных организаций, получивших адресную помощь',
      ],
      ['Количество ОО, получивших адресную помощь', 'Количество школ, получивших адресную помощь'],
      ['Наличие плана работы ОО', 'Наличие плана работы общеобразовательной организации'],
    ];
    for (const [a, b] of pairs) {
      expect(terms(a)).toEqual(terms(b));
      expect(indicatorSimilarity(a, b)).toBe(1);
    }
  });

  it('reads ё as е and «Численность» as «Количество»', () => {
    expect(terms('Количество ШНОР, вовлечённых в сетевое взаимодействие')).toEqual(
      terms('Количество ШНОР, вовлеченных в сетевое взаимодействие'),
    );
    expect(terms('Численность педагогов ШНОР, посетивших стажировочные площадки')).toEqual(
      terms('Количество педагогов ШНОР, посетивших стажировочные площадки'),
    );
    // «Число …» finds the «Количество …» indicator it rewords.
    const matcher = new IndicatorMatcher([
      { key: 'count', text: 'Количество педагогов ШНОР, посетивших стажировочные площадки' },
      { key: 'other', text: 'Количество ШНОР, закрепленных за школами-наставниками' },
    ]);
    expect(
      matcher.match({ text: 'Число педагогов ШНОР, посетивших стажировочные площадки' }),
    ).toMatchObject({ status: 'match', key: 'count' });
  });

  it('ignores codes, years, answer hints and the order of the words', () => {
    const plain = 'Наличие раздела ШНОР на сайте УО';
    for (const other of [
      '1.2. Наличие раздела ШНОР на сайте УО',
      'А.3 Наличие раздела ШНОР на сайте УО (1/0)',
      'II. Наличие раздела ШНОР на сайте УО на 2021 год',
      'Наличие раздела на сайте УО по ШНОР',
      '3) Наличие раздела ШНОР (от 0 до 1) на сайте УО',
    ])
      expect(indicatorSimilarity(other, plain)).toBe(1);
  });

  it('tells apart what is counted: school-leaders involved with ШНОР ≠ ШНОР involved with school-leaders', () => {
    const leaders =
      'Количество школ-лидеров, вовлечённых в сетевое взаимодействие со ШНОР (по муниципальным документам)';
    const shnor =
      'Количество ШНОР, вовлечённых в сетевое взаимодействие со школами-лидерами (по муниципальным документам)';
    const matcher = new IndicatorMatcher([
      { key: 'leaders', text: leaders },
      { key: 'shnor', text: shnor },
    ]);
    expect(
      matcher.match({ text: 'Число школ-лидеров, вовлеченных в сетевое взаимодействие со ШНОР' }),
    ).toMatchObject({ status: 'match', key: 'leaders' });
    expect(
      matcher.match({
        text: 'Число школ с низкими образовательными результатами, вовлеченных в сетевое взаимодействие со школами-лидерами',
      }),
    ).toMatchObject({ status: 'match', key: 'shnor' });
    // The same words, only what is counted differs: never the same indicator.
    expect(indicatorSimilarity(leaders, shnor)).toBeLessThan(1);
  });
});

describe('the matcher does not guess', () => {
  const platform =
    'наличие информационной площадки для оперативного обмена сообщениями и данными (страница сайта, группа ВКонтакте и др. социальных сетях, WhatsApp, электронная почта и др.)';
  const mentors = [
    'Эффективность работы муниципального наставнического центра (МНЦ)',
    'Доступность наставнической помощи',
  ];
  const tutors = [
    'Эффективность работы муниципального тьюторского консультационного пункта (МТКП)',
    'Доступность тьюторской помощи',
  ];
  const matcher = new IndicatorMatcher([
    { key: 'mentors', text: platform, context: mentors },
    { key: 'tutors', text: platform, context: tutors },
    {
      key: 'section',
      text: 'Наличие раздела по сопровождению ШНОР на официальном сайте УО',
      context: ['Идентификация потребности, планирование и организация методической помощи'],
    },
  ]);
  const query =
    'Наличие информационной площадки для оперативного обмена сообщениями (страница сайта, группа в социальных сетях)';

  it('reports two candidates with the same wording as ambiguous when nothing says where it sits', () => {
    const outcome = matcher.match({ text: query });
    expect(outcome.status).toBe('ambiguous');
    if (outcome.status === 'ambiguous') expect(outcome.keys.sort()).toEqual(['mentors', 'tutors']);
  });

  it('lets the section and group titles settle equal wordings', () => {
    expect(
      matcher.match({
        text: query,
        context: ['Раздел 3. Работа МТКП', 'Доступность помощи тьюторов'],
      }),
    ).toMatchObject({ status: 'match', key: 'tutors' });
    expect(
      matcher.match({
        text: query,
        context: ['Раздел 2. Работа наставнического центра', 'Доступность помощи наставников'],
      }),
    ).toMatchObject({ status: 'match', key: 'mentors' });
  });

  it('returns none for an unrelated text, whatever its context', () => {
    expect(matcher.match({ text: 'Контактный телефон ответственного' })).toMatchObject({
      status: 'none',
    });
    const withContext = matcher.match({
      text: 'Контактный телефон ответственного',
      context: tutors,
    });
    expect(withContext.status).toBe('none');
    expect(withContext.score).toBeLessThan(MATCHER.threshold);
  });
});
