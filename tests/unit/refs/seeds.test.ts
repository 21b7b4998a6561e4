// The extractors on the real municipal papers, against lists written by reading them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dedupeRefs,
  detectStatus,
  documentRefSchema,
  extractCounts,
  extractOrganisations,
  extractPeople,
  extractRefs,
  extractRoleLabels,
  organisationKey,
  personKey,
  proposeFromPage,
  type DocumentRef,
} from '../../../lib/refs/index.ts';
import {
  SEED_000_DISTINCT,
  SEED_000_GROUPS,
  SEED_000_ORDER_ORGS,
  SEED_000_PEOPLE,
  SEED_000_REFS,
  SEED_002_PEOPLE,
  SEED_002_REFS,
  SEED_003_COUNTS,
  SEED_003_REFS,
  SEED_004_REFS,
  TITLE_PREFIXES,
  type ExpectedRef,
} from './expected.ts';

const seedsDir = path.resolve(import.meta.dirname, '../../fixtures/seeds');
function seed(prefix: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Cells of the tab-separated column whose header starts with `header` (all repeated tables). */
function column(text: string, header: string): string[] {
  const cells: string[] = [];
  let col = -1;
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    const h = cols.findIndex((c) => c.startsWith(header));
    if (h >= 0) col = h;
    else if (col >= 0 && cols.length > col && cols[col]!.trim()) cells.push(cols[col]!);
  }
  return cells;
}

function expectRefs(text: string, actual: DocumentRef[], expected: ExpectedRef[]) {
  expect(actual.map((r) => `${r.kind} ${r.date} №${r.number}`)).toEqual(
    expected.map((r) => `${r.kind} ${r.date} №${r.number}`),
  );
  actual.forEach((ref, i) => {
    const want = expected[i]!;
    expect(documentRefSchema.parse(ref)).toEqual(ref);
    expect(ref.issuer).toBe(want.issuer);
    const prefix = TITLE_PREFIXES[want.number];
    if (prefix) expect(ref.title.startsWith(prefix)).toBe(true);
    else expect(ref.title).toBe(want.title);
    // `index` points at the citation as it stands in the text.
    expect(text.slice(ref.index, ref.index + ref.raw.length)).toBe(ref.raw);
    expect(ref.raw).toContain(want.number || ref.raw.slice(0, 3));
  });
}

describe('document references in the seeds', () => {
  it('seed 000: every citation of the report, two letters per phrase, dates in words', () => {
    const text = seed('000');
    const refs = extractRefs(text);
    expectRefs(text, refs, SEED_000_REFS);
    expect(dedupeRefs(refs)).toHaveLength(SEED_000_DISTINCT);
  });
  it('seed 002: the appendix cites the order itself; «(приказ)» forms are not citations', () => {
    const text = seed('002');
    expectRefs(text, extractRefs(text), SEED_002_REFS);
  });
  it('seed 003: a blank letterhead, phone numbers and plain dates give nothing', () => {
    const text = seed('003');
    expectRefs(text, extractRefs(text), SEED_003_REFS);
  });
  it('seed 004: the appendix cites the letter «от 01.06. 2021 года № 118-18-789/21-2»', () => {
    const text = seed('004');
    expectRefs(text, extractRefs(text), SEED_004_REFS);
  });
});

describe('people in «Ответственный» columns', () => {
  function peopleOf(cells: string[]) {
    const byKey = new Map<string, { name: string; position: string }>();
    for (const cell of cells) {
      for (const person of extractPeople(cell)) {
        if (!byKey.has(personKey(person.name))) byKey.set(personKey(person.name), person);
      }
    }
    return [...byKey.values()];
  }

  it('seed 000: six people across rows, one record each, groups kept apart', () => {
    const cells = column(seed('000'), 'Ответственный');
    expect(peopleOf(cells)).toEqual(SEED_000_PEOPLE);
    const groups = new Set(cells.flatMap((c) => extractRoleLabels(c)));
    expect([...groups]).toEqual(SEED_000_GROUPS);
    // «Кураторы ШНОР» never leaks into a position.
    for (const person of peopleOf(cells)) expect(person.position).not.toMatch(/Куратор/);
  });

  it('seed 002: six people from «ФИО, должность» pairs written without separators', () => {
    const cells = column(seed('002'), 'Ответственный (ФИО, должность)');
    expect(peopleOf(cells)).toEqual(SEED_002_PEOPLE);
  });

  it('the same person in the order body («Сапелкина Л.В.») has the same key', () => {
    const names = extractPeople(seed('002')).map((p) => personKey(p.name));
    expect(names).toContain(personKey('Л.В. Сапелкина'));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('organisations', () => {
  it('seed 000 order text: authority, centres, 9 mentor schools and 17 schools of item 4', () => {
    const order = seed('000').split('ПРИЛОЖЕНИЕ')[0]!;
    expect(extractOrganisations(order)).toEqual(SEED_000_ORDER_ORGS);
  });

  it('seed 000 report: «13 ШНОР школы (№ 7, 8, 10 …)» are ШНОР; mentors are not', () => {
    const orgs = extractOrganisations(seed('000'));
    const byKey = new Map(orgs.map((o) => [organisationKey(o.name), o]));
    expect(byKey.get(organisationKey('МБОУ лицей № 1'))?.shnor).toBe(false);
    expect(orgs.filter((o) => o.kind === 'school' && o.shnor).map((o) => o.number)).toEqual(
      expect.arrayContaining([
        '7',
        '8',
        '10',
        '19',
        '21',
        '22',
        '23',
        '43',
        '48',
        '50',
        '51',
        '52',
        '56',
      ]),
    );
  });

  it('seed 002: the low-results list is ШНОР and carries the МОБУ form to every item', () => {
    const schools = extractOrganisations(seed('002')).filter((o) => o.kind === 'school');
    expect(schools).toHaveLength(26);
    expect(schools.every((s) => s.shnor && s.name.startsWith('МОБУ '))).toBe(true);
    expect(schools.map((s) => s.name)).toContain('МОБУ гимназия № 9');
  });

  it('seed 003: the high-results school is not ШНОР, the ШНОР one is', () => {
    const schools = extractOrganisations(seed('003')).filter((o) => o.kind === 'school');
    expect(schools).toEqual([
      { name: 'МБОУ СОШ № 1', number: '1', kind: 'school', shnor: false },
      { name: 'МБОУ СОШ № 12', number: '12', kind: 'school', shnor: true },
    ]);
  });
});

describe('counts and status', () => {
  it('seed 003: the participant counts of the narrative', () => {
    expect(extractCounts(seed('003'))).toEqual(SEED_003_COUNTS);
  });

  it.each([
    ['Запланировано на 2021-2022 учебный год', 'postponed'],
    [
      'Проведена апробации по информатике и ИКТ и английскому языку (устно) в апреле 2021 года',
      'done',
    ],
    [
      'Ежегодный мониторинг состояния школ (приказ УО от 13.01.2021 № 118). Вестник управления образования',
      'done',
    ],
    ['Организована работа стажировочных площадок на базе школ – наставников', 'done'],
    ['В ШНОР в мае – июне 2021 года разработаны программы развития школы на 2-3 года', 'done'],
    ['Проводится', null],
    ['В ОУ направляются письма, приказы о мероприятиях, проводимых в рамках МНЦ', null],
    ['', null],
  ] as const)('seed 000 report «%s» → %s', (report, status) => {
    expect(detectStatus(report)).toBe(status);
  });
});

describe('proposeFromPage', () => {
  it('reads the heading of an order: seed 000 and seed 002', () => {
    expect(proposeFromPage(seed('000'))).toEqual({
      date: '2021-06-04',
      number: '877',
      kind: 'order',
      title:
        'Об итогах деятельности муниципального наставнического центра в 2020-2021 учебном году',
    });
    expect(proposeFromPage(seed('002'))).toMatchObject({
      date: '2021-01-28',
      number: '76',
      kind: 'order',
    });
  });
  it('reads a letterhead: seed 004 is letter № 118-18-789/21-23 of 01.06.2021', () => {
    expect(proposeFromPage(seed('004'))).toEqual({
      date: '2021-06-01',
      number: '118-18-789/21-23',
      kind: 'letter',
      title: 'О проведении мониторинга результативности оказания методической помощи ШНОР',
    });
  });
  it('proposes nothing for a blank letterhead (seed 003)', () => {
    expect(proposeFromPage(seed('003'))).toEqual({
      date: null,
      number: null,
      kind: null,
      title: null,
    });
  });
  it('a web page listing an order proposes that order', () => {
    const page =
      'Главная / Документы\nПриказ УО от 14.05.2021 года № 736 «О результатах методических выездов в ШНОР»\nСкачать (pdf, 120 КБ)\nтел. 8 (86146) 4-14-60';
    expect(proposeFromPage(page)).toEqual({
      date: '2021-05-14',
      number: '736',
      kind: 'order',
      title: 'О результатах методических выездов в ШНОР',
    });
  });
});
