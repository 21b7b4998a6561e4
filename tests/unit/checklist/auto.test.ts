import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  autoComplete,
  builtinTemplates,
  confirmAnswer,
  fillJson,
  fillingSchema,
  importTemplateXlsx,
  mergeProposals,
  newFilling,
  overrideAnswer,
  progress,
  setSubjects,
  whatIsMissing,
  type AutoResult,
  type Filling,
  type Template,
} from '../../../lib/checklist/index.ts';
import { activity, evidence, link, org, register } from './register.ts';
import { shuffledForm } from './workbooks.ts';

const PERIOD = { start: '2020-09-01', end: '2021-08-31' };
const NOW = '2021-06-05T10:00:00.000Z';
const builtin = (): Template => builtinTemplates()[0]!;
const fresh = (t: Template): Filling =>
  newFilling(t, { id: 'f1', period: PERIOD, deadline: '2021-06-11' }, NOW);
const result = (rs: AutoResult[], id: string) => rs.find((r) => r.indicatorId === id)!;

const data = register({
  organisations: [
    org('o1', 'МБОУ СОШ № 3', true, 'm1'),
    org('o2', 'МБОУ ООШ № 11', true),
    org('o3', 'МБОУ СОШ № 7', true, 'm1'),
    org('m1', 'МАОУ лицей № 4', false),
    org('m2', 'МБОУ СОШ № 1', false),
  ],
  evidence: [
    evidence(
      'e1',
      'web_page',
      'Раздел «ШНОР» на сайте управления образования: сопровождение школ',
      '2020-09-14',
    ),
    evidence('e2', 'order', 'Приказ о назначении наставников управленческих команд', '2019-08-20'),
    evidence('e3', 'web_page', 'Семинар для ШНОР: материалы и презентации', '2020-10-16'),
    evidence('e4', 'web_page', 'Вебинар для ШНОР: запись', '2021-02-11'),
  ],
  activities: [
    activity(
      'a1',
      'Семинар для управленческих команд ШНОР',
      { start: '2020-10-15', end: '2020-10-15' },
      [
        { orgId: 'o1', count: 5 },
        { orgId: 'o2', count: 3 },
        { orgId: 'm1', count: 2 },
      ],
    ),
    activity('a2', 'Вебинар для педагогов ШНОР', { start: '2021-02-10', end: '2021-02-10' }, [
      { orgId: 'o1', count: 4 },
      { orgId: 'o3', count: 6 },
    ]),
    activity(
      'a3',
      'Консультация для ШНОР по программе перехода',
      { start: '2021-03-01', end: '2021-03-01' },
      [{ orgId: 'o2', count: 2 }],
    ),
    activity('a5', 'Семинар ШНОР прошлого года', { start: '2019-10-01', end: '2019-10-01' }, [
      { orgId: 'm2', count: 9 },
    ]),
  ],
  links: [link('a1', 'e3'), link('a2', 'e4')],
});

describe('autoComplete with the built-in Korenovsky rules', () => {
  it('scores presence 1 from a captured page of the ШНОР section dated inside the period', () => {
    const t = builtin();
    const r = result(autoComplete(t, fresh(t), data), 'r11');
    expect(r.value).toBe(1);
    expect(r.evidence).toEqual([
      { id: 'e1', title: 'Раздел «ШНОР» на сайте управления образования: сопровождение школ' },
    ]);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.basis).toBe('rule');
  });

  it('does not count evidence dated outside the period, and says so', () => {
    const t = builtin();
    const r = result(autoComplete(t, fresh(t), data), 'r21');
    expect(r.value).toBe(0);
    expect(r.evidence).toEqual([]);
    expect(r.warnings).toEqual([
      '«Приказ о назначении наставников управленческих команд» (приказ от 20.08.2019) вне отчётного периода 01.09.2020–31.08.2021 — не учтено.',
    ]);
    const inside = register({
      ...data,
      evidence: [...data.evidence.slice(0, 1), { ...data.evidence[1]!, date: '2020-09-02' }],
    });
    expect(result(autoComplete(t, fresh(t), inside), 'r21')).toMatchObject({
      value: 1,
      warnings: [],
    });
  });

  it('counts distinct ШНОР that took part in activities published on the site, with drill-down', () => {
    const t = builtin();
    const rs = autoComplete(t, fresh(t), data);
    const r14 = result(rs, 'r14');
    expect(r14.value).toBe(3);
    expect([...r14.orgIds!].sort()).toEqual(['o1', 'o2', 'o3']);
    expect(r14.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(r14.evidence.map((e) => e.id).sort()).toEqual(['e3', 'e4']);
    // The consultation has no page on the site: not counted, and the user is told why.
    expect(r14.warnings[0]).toMatch(
      /^1 подходящих мероприятий не учтены: к ним не привязано подтверждение \(страница сайта\)/,
    );
    expect(result(rs, 'r15')).toMatchObject({ value: 1, orgIds: ['m1'] });
    expect(result(rs, 'r16')).toMatchObject({ value: 2, orgIds: ['o1', 'o3'] });
    expect(result(rs, 'r17')).toMatchObject({ value: 1, orgIds: ['o2'] });
    expect(result(rs, 'r18').value).toBe(20);
  });

  it('computes «средний балл» as the mean over subjects of the sum of sub-items', () => {
    const t = builtin();
    let f = fresh(t);
    f = overrideAnswer(f, 'r23', 1, 'стаж заместителя 6 лет', 'Петрова', NOW);
    f = overrideAnswer(f, 'r24', 1, '', 'Петрова', NOW);
    expect(result(autoComplete(t, f, data), 'r25')).toMatchObject({ value: 2, basis: 'aggregate' });
    f = setSubjects(
      f,
      'r22',
      [
        { id: 'n1', name: 'Иванова И.И.' },
        { id: 'n2', name: 'Сидоров С.С.' },
        { id: 'n3', name: 'Кузнецова К.К.' },
      ],
      NOW,
    );
    const scores: [string, number][] = [
      ['r23::n1', 1],
      ['r24::n1', 1],
      ['r23::n2', 1],
      ['r24::n2', 0],
      ['r23::n3', 0],
      ['r24::n3', 0],
    ];
    for (const [key, v] of scores) f = overrideAnswer(f, key, v, '', 'Петрова', NOW);
    expect(result(autoComplete(t, f, data), 'r25').value).toBe(1);
    f = overrideAnswer(f, 'r24::n3', 1, '', 'Петрова', NOW);
    expect(result(autoComplete(t, f, data), 'r25').value).toBe(1.33);
    expect(fillingSchema.safeParse(f).success).toBe(true);
  });

  it('never overwrites a manual answer; flags the disagreement instead', () => {
    const t = builtin();
    let f = overrideAnswer(fresh(t), 'r11', 0, 'раздел закрыт на доработку', 'Петрова', NOW);
    const rs = autoComplete(t, f, data);
    expect(result(rs, 'r11').disagreement).toEqual({ manual: 0, proposed: 1 });
    f = mergeProposals(f, rs, 'автозаполнение', NOW);
    expect(f.answers.r11).toMatchObject({
      value: 0,
      status: 'overridden',
      comment: 'раздел закрыт на доработку',
      by: 'Петрова',
    });
    expect(f.answers.r14).toMatchObject({
      value: 3,
      status: 'proposed',
      activityIds: ['a1', 'a2'],
    });
    f = confirmAnswer(f, 'r14', 'Петрова', NOW);
    // The register grows: a new ШНОР takes part. Proposals move; the confirmed count stays.
    const more = register({
      ...data,
      organisations: [...data.organisations, org('o4', 'МБОУ СОШ № 9', true)],
      activities: [
        ...data.activities,
        activity('a6', 'Практикум для ШНОР', { start: '2021-04-01', end: '2021-04-01' }, [
          { orgId: 'o4', count: 7 },
        ]),
      ],
      evidence: [...data.evidence, evidence('e6', 'web_page', 'Практикум ШНОР', '2021-04-02')],
      links: [...data.links, link('a6', 'e6')],
    });
    const again = autoComplete(t, f, more);
    expect(result(again, 'r14').disagreement).toEqual({ manual: 3, proposed: 4 });
    const merged = mergeProposals(f, again, 'автозаполнение', '2021-06-06T10:00:00.000Z');
    expect(merged.answers.r14).toMatchObject({ value: 3, status: 'confirmed' });
    expect(merged.answers.r18).toMatchObject({ value: 27, status: 'proposed' });
    expect(fillingSchema.safeParse(merged).success).toBe(true);
  });

  it('a malformed rule falls back to manual with a visible warning; the rest still completes', () => {
    const t = builtin();
    const broken: Template = {
      ...t,
      indicators: t.indicators.map((i) =>
        i.id === 'r11'
          ? { ...i, rule: { type: 'presence', match: { anyStems: 'ШНОР' } } }
          : i.id === 'r14'
            ? { ...i, rule: { type: 'magic' } }
            : i,
      ),
    };
    const rs = autoComplete(broken, fresh(broken), data);
    expect(result(rs, 'r11')).toMatchObject({ value: null, confidence: 0, basis: 'manual' });
    expect(result(rs, 'r11').warnings[0]).toMatch(
      /^Правило показателя 5 записано с ошибкой .*: показатель заполняется вручную\.$/,
    );
    expect(result(rs, 'r14')).toMatchObject({ value: null, basis: 'manual' });
    expect(result(rs, 'r16').value).toBe(2);
  });
});

describe('progress and «что ещё нужно»', () => {
  it('counts filled, confirmed and unproven indicators and lists what would close the gaps', () => {
    const t = builtin();
    let f = fresh(t);
    const rs = autoComplete(t, f, data);
    f = mergeProposals(f, rs, 'автозаполнение', NOW);
    const p = progress(t, f, rs);
    // 55 answerable indicators (10 groups and 10 aggregates are not answered directly);
    // 19 of them can only be answered by hand.
    expect(p.total).toBe(55);
    expect(p.filled).toBe(36);
    expect(p.confirmed).toBe(0);
    expect(p.sections.map((s) => s.total)).toEqual([13, 24, 18]);
    f = confirmAnswer(f, 'r11', 'Петрова', NOW);
    expect(progress(t, f, rs).confirmed).toBe(1);

    const missing = whatIsMissing(t, f, rs);
    const r21 = missing.find((m) => m.indicatorId === 'r21')!;
    expect(r21.reason).toBe('Есть только подтверждения вне отчётного периода.');
    expect(r21.need).toMatch(
      /^Нужно подтверждение \(приказ или план\) со словами «наставник\|наставнический/,
    );
    expect(missing.find((m) => m.indicatorId === 'r23')).toMatchObject({
      reason: 'Значение не заполнено.',
      need: 'Отметьте, есть ли у наставника стаж директора или заместителя директора.',
    });
    expect(missing.some((m) => m.indicatorId === 'r11' || m.indicatorId === 'r14')).toBe(false);
  });
});

describe('an imported form without rules', () => {
  it('proposes a value from the wording only with dated records that say it, else ranked records and no value', async () => {
    const { template: t } = await importTemplateXlsx(await shuffledForm(), 'rmo.xlsx');
    const reg = register({
      evidence: [
        evidence(
          'p1',
          'plan',
          'План работы районных методических объединений (РМО) учителей математики',
          '2020-09-01',
        ),
        evidence('p2', 'order', 'Приказ об итогах олимпиады', '2020-11-01'),
        evidence('p3', 'plan', 'План работы РМО на 2019 год', '2019-01-10'),
      ],
    });
    const results = autoComplete(t, fresh(t), reg);
    // «Наличие плана работы РМО на учебный год»: the 2020 plan says it; the 2019 one is outside.
    const r = result(results, 'r6');
    expect(r).toMatchObject({ value: 1, basis: 'wording' });
    expect(r.confidence).toBeLessThan(0.7);
    expect(r.evidence.map((e) => e.id)).toEqual(['p1']);
    expect(r.warnings[0]).toContain('по формулировке');
    // «Проведение открытых уроков»: no record says it, so no value, only what looks alike.
    const open = result(results, 'r8');
    expect(open).toMatchObject({ value: null, basis: 'text-match' });
    expect(open.confidence).toBeLessThanOrEqual(0.3);
  });
});

describe('fillJson', () => {
  it('recognises the Korenovsky workbook and returns values with their justification', async () => {
    const path = fileURLToPath(
      new URL('../../fixtures/monitoring-korenovsky-2021.xlsx', import.meta.url),
    );
    const out = await fillJson(new Uint8Array(readFileSync(path)), 'form.xlsx', data, PERIOD);
    expect(out.template.id).toBe('builtin-korenovsky-2021');
    const r11 = out.indicators.find((i) => i.id === 'r11')!;
    expect(r11).toMatchObject({
      number: '5',
      cell: 'C11',
      value: 1,
      justification: { evidence: [{ id: 'e1' }], activities: [] },
    });
    expect(out.indicators.find((i) => i.id === 'r14')!.justification.orgIds).toHaveLength(3);
    expect(out.progress.total).toBe(55);
    await expect(
      fillJson(new Uint8Array(readFileSync(path)), 'form.xlsx', data, {
        start: '2021-09-01',
        end: '2021-01-01',
      }),
    ).rejects.toThrow(/Неверный отчётный период: Начало периода позже его конца/);
  });
});
