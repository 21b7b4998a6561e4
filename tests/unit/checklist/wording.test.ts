// Indicators no rule knows are answered from their wording (lib/checklist/wording.ts), over the
// example register for the 2020-2021 school year: a value only when the register's records say
// what the indicator asks, with the records it rests on; otherwise none, never a made-up 0.
import { describe, expect, it } from 'vitest';
import {
  autoComplete,
  newFilling,
  templateSchema,
  type AutoResult,
  type Indicator,
  type RegisterData,
  type Template,
} from '../../../lib/checklist/index.ts';
import { indexRegister } from '../../../lib/checklist/register-index.ts';
import { proposeFromWording } from '../../../lib/checklist/wording.ts';
import { corpusRegister } from '../../corpus/measure.ts';
import { activity, evidence, link } from './register.ts';

const PERIOD = { start: '2020-09-01', end: '2021-08-31' };
const NOW = '2021-09-01T00:00:00.000Z';
const base = corpusRegister();

function indicator(text: string, kind: Indicator['kind'], row = 2): Indicator {
  return {
    id: `r${row}`,
    number: String(row - 1),
    text,
    kind,
    section: 's1',
    parent: null,
    max: kind === 'presence' ? 1 : null,
    cells: { value: `C${row}` },
    notApplicable: [],
    row,
  };
}

const propose = (text: string, kind: Indicator['kind'], data: RegisterData = base) =>
  proposeFromWording(indicator(text, kind), indexRegister(data), PERIOD);

function form(indicators: [text: string, kind: Indicator['kind']][]): Template {
  return templateSchema.parse({
    id: 'tpl-wording',
    title: 'Форма, которой нет в библиотеке',
    source: { fileName: 'форма.xlsx', sheetName: 'Лист1', workbookHash: '0'.repeat(64) },
    columns: { number: 'A', text: 'B', score: 'C', count: null, note: null },
    headerRow: 1,
    sections: [{ id: 's1', title: 'Методическое сопровождение', row: null }],
    indicators: indicators.map(([text, kind], i) => indicator(text, kind, i + 2)),
  });
}

function complete(t: Template, data: RegisterData = base): AutoResult[] {
  return autoComplete(t, newFilling(t, { id: 'f', period: PERIOD }, NOW), data, {
    today: PERIOD.end,
  });
}

const ROADMAP =
  'Наличие приказа управления образования об утверждении дорожной карты по методическому сопровождению ШНОР';
const ROADMAP_ORDER =
  'Об утверждении Дорожной карты по методическому сопровождению работы со ШНОР на 2021 год';

describe('presence from the wording', () => {
  it('is 1 when a dated order of the period says it, with that order as its evidence', () => {
    const [result] = complete(form([[ROADMAP, 'presence']]));
    expect(result).toMatchObject({ indicatorId: 'r2', value: 1, basis: 'wording' });
    expect(result!.confidence).toBeGreaterThan(0);
    expect(result!.confidence).toBeLessThan(1);
    expect(result!.evidence.map((e) => e.title)).toContain(ROADMAP_ORDER);
  });

  it('says in its warning which of the indicator’s words the records matched', () => {
    const [result] = complete(form([[ROADMAP, 'presence']]));
    const warning = result!.warnings.join(' ');
    expect(warning).toMatch(/по формулировке/);
    for (const word of ['«дорожной»', '«карты»', '«сопровождению»', '«ШНОР»'])
      expect(warning).toContain(word);
  });

  it('is none when only an activity without evidence says it, and 1 once evidence of the period is linked', () => {
    const text =
      'Проведение индивидуальных консультаций для администраций ШНОР по вопросам повышения качества образования';
    expect(propose(text, 'presence')).toBeNull();
    const consultations = base.activities.find((a) => a.title.startsWith('Индивидуальные'))!;
    const proven: RegisterData = {
      ...base,
      evidence: [
        ...base.evidence,
        evidence('report', 'report', 'Отчёт о консультациях', '2021-04-01'),
      ],
      links: [...base.links, link(consultations.id, 'report')],
    };
    expect(propose(text, 'presence', proven)).toMatchObject({ value: 1, how: 'presence' });
  });

  it('is none when the only evidence is dated outside the period', () => {
    const text =
      'Наличие приказа об утверждении положения о муниципальной системе оценки качества образования';
    const withOrder = (date: string): RegisterData => ({
      ...base,
      evidence: [
        ...base.evidence,
        evidence(
          'msoko',
          'order',
          'Об утверждении положения о муниципальной системе оценки качества образования',
          date,
        ),
      ],
    });
    expect(propose(text, 'presence', withOrder('2019-08-20'))).toBeNull();
    expect(propose(text, 'presence', withOrder('2021-03-01'))).toMatchObject({ value: 1 });
  });
});

describe('counts and sums from the wording', () => {
  const shnorIds = base.organisations
    .filter((o) => o.shnor)
    .map((o) => o.id)
    .sort();

  it('counts the distinct ШНОР among the participants of the matching activities', () => {
    const text = 'Количество ШНОР, охваченных методическими выездами, семинарами и работой РМО';
    const once = propose(text, 'count');
    expect(once).toMatchObject({ value: 13, how: 'organisations' });
    expect([...once!.orgIds!].sort()).toEqual(shnorIds);
    // A second matching activity with two of the same schools: still 13 schools, not 15.
    const again = activity(
      'again',
      'Методические выезды в ШНОР: семинары и работа РМО (второе полугодие)',
      { start: '2021-04-01', end: '2021-04-30' },
      [
        { orgId: shnorIds[0]!, count: null },
        { orgId: shnorIds[1]!, count: null },
      ],
    );
    const twice = propose(text, 'count', {
      ...base,
      activities: [...base.activities, again],
      evidence: [
        ...base.evidence,
        evidence('again-e', 'report', 'Справка о методических выездах в ШНОР', '2021-05-02'),
      ],
      links: [...base.links, link('again', 'again-e')],
    });
    expect(twice!.activities).toHaveLength(2);
    expect(twice).toMatchObject({ value: 13 });
    expect(new Set(twice!.orgIds).size).toBe(twice!.orgIds!.length);
  });

  it('sums the participants of the matching activity', () => {
    expect(
      propose('Численность педагогов ШНОР, посетивших стажировочные площадки', 'count'),
    ).toMatchObject({ value: 146, how: 'participants' });
  });

  it('never proposes 0: a count the records do not support has no value', () => {
    expect(
      propose('Количество педагогов, прошедших курсы повышения квалификации', 'count'),
    ).toBeNull();
    // A matching webinar whose participants were recorded as 0: no value, not 0.
    const webinar = (count: number) => ({
      ...activity('web', 'Вебинар для педагогов ШНОР по функциональной грамотности', {
        start: '2021-03-10',
        end: '2021-03-10',
      }),
      participants: [{ orgId: null, label: 'педагогов ШНОР', count }],
    });
    const withWebinar = (count: number): RegisterData => ({
      ...base,
      activities: [...base.activities, webinar(count)],
      evidence: [
        ...base.evidence,
        evidence(
          'web-e',
          'web_page',
          'Вебинар по функциональной грамотности: запись',
          '2021-03-11',
        ),
      ],
      links: [...base.links, link('web', 'web-e')],
    });
    const text = 'Численность педагогов ШНОР — участников вебинара по функциональной грамотности';
    expect(propose(text, 'count', withWebinar(0))).toBeNull();
    expect(propose(text, 'count', withWebinar(25))).toMatchObject({ value: 25 });

    const results = complete(
      form([
        ['Количество педагогов, прошедших курсы повышения квалификации', 'count'],
        ['Количество ОО, утвердивших положение о наставничестве', 'count'],
        ['Доля молодых специалистов, за которыми закреплены наставники, %', 'percent'],
        ['Наличие муниципального банка эффективных педагогических практик', 'presence'],
        ['Численность педагогов ШНОР, посетивших стажировочные площадки', 'count'],
        [ROADMAP, 'presence'],
      ]),
    );
    expect(results.filter((r) => r.value !== null)).toHaveLength(2);
    expect(results.some((r) => r.value === 0)).toBe(false);
  });
});

describe('what wording does not answer', () => {
  it('gives a text or a date no value, even when the same words as a presence would have one', () => {
    const text = 'Проведение единого дня посещения стажировочных площадок';
    expect(propose(text, 'presence')).toMatchObject({ value: 1 });
    expect(propose(text, 'date')).toBeNull();
    expect(propose(text, 'text')).toBeNull();
    const results = complete(
      form([
        ['Дата проведения единого дня посещения стажировочных площадок', 'date'],
        [
          'Ссылка на раздел «Сопровождение ШНОР» на официальном сайте управления образования',
          'text',
        ],
      ]),
    );
    expect(results.map((r) => [r.value, r.basis])).toEqual([
      [null, 'text-match'],
      [null, 'text-match'],
    ]);
  });
});
