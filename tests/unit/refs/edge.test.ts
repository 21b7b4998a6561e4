// Edge cases of citations, people, organisations and counts that the seeds show only once or not
// at all, written the way municipal papers write them.
import { describe, expect, it } from 'vitest';
import {
  dedupeRefs,
  extractCounts,
  extractOrganisations,
  extractPeople,
  extractRefs,
  formatRef,
  organisationKey,
  personKey,
  refKey,
  sameOrganisation,
} from '../../../lib/refs/index.ts';

const brief = (text: string) =>
  extractRefs(text).map((r) => ({
    kind: r.kind,
    issuer: r.issuer,
    date: r.date,
    number: r.number,
    title: r.title,
  }));

describe('extractRefs edge cases', () => {
  it('two letters in one phrase share kind and issuer', () => {
    expect(
      brief('(письма УО от 12.04.2021 № 1064/21-21-10, от 15.04.2021 № 1128/21-21-08).'),
    ).toEqual([
      { kind: 'letter', issuer: 'УО', date: '2021-04-12', number: '1064/21-21-10', title: '' },
      { kind: 'letter', issuer: 'УО', date: '2021-04-15', number: '1128/21-21-08', title: '' },
    ]);
  });

  it('dates in words, «№ N от DATE» order and ««26» января» quoting', () => {
    expect(
      brief('утвержденной приказом управления образования от 26 января 2021 года № 192 и'),
    ).toEqual([
      {
        kind: 'order',
        issuer: 'управление образования',
        date: '2021-01-26',
        number: '192',
        title: '',
      },
    ]);
    expect(brief('Приказ № 736 от 14.05.2021 г.')[0]).toMatchObject({
      date: '2021-05-14',
      number: '736',
    });
    expect(brief('постановлением администрации от «3» марта 2021 г. № 512')[0]).toMatchObject({
      kind: 'resolution',
      issuer: 'администрация',
      date: '2021-03-03',
      number: '512',
    });
  });

  it('«распоряжение … N 1450-р» with a Latin N', () => {
    expect(
      brief('во исполнение распоряжения главы администрации от 30.12.2020 N 1450-р утверждён план'),
    ).toEqual([
      {
        kind: 'directive',
        issuer: 'глава администрации',
        date: '2020-12-30',
        number: '1450-р',
        title: '',
      },
    ]);
  });

  it('a number like «118-18-789/21-23» and a ministry issuer with a comma', () => {
    expect(
      brief(
        'письмо министерства образования, науки и молодежной политики Краснодарского края от 01.06.2021 № 118-18-789/21-23 «О мониторинге»',
      ),
    ).toEqual([
      {
        kind: 'letter',
        issuer: 'министерство образования, науки и молодежной политики Краснодарского края',
        date: '2021-06-01',
        number: '118-18-789/21-23',
        title: 'О мониторинге',
      },
    ]);
  });

  it('a nested title whose outer quote the writer dropped ends at the comma', () => {
    const text =
      'Приказ УО от 19.04.2021 года № 618 «О проведении мероприятия «День открытых дверей», письмо УО от 19.05.2021 № 1457/21-21-10';
    expect(brief(text).map((r) => [r.number, r.title])).toEqual([
      ['618', 'О проведении мероприятия «День открытых дверей»'],
      ['1457/21-21-10', ''],
    ]);
  });

  it('title before the requisites, straight quotes, and «приказ о … от …»', () => {
    expect(brief('приказ УО "Об организации МТКП" от 24.02.2021 № 285')[0]).toMatchObject({
      issuer: 'УО',
      title: 'Об организации МТКП',
      number: '285',
    });
    expect(brief('приказ о назначении тьюторов от 31.08.2020 № 906')[0]).toMatchObject({
      issuer: '',
      title: 'о назначении тьюторов',
      number: '906',
    });
  });

  it('no false positives: plain dates, phone numbers, blank forms, kind words alone', () => {
    const text = [
      'Проведены семинары (19.02.2021, 24.03.2021, 11.06.2021) в апреле 2021 года.',
      'тел. 8 (86131) 4-34-88, факс: 8 (86131) 4-89-77, ИНН 2337027236',
      'от _____ № _____ на № _____ от _____',
      '(письма о направлении информации по анализу деятельности ШНОР за четверти)',
      'Издание приказа о создании МНЦ (приказ)\tфевраль 2021',
      'Утвердить Дорожную карту (Приложение №1). Выполнить до 15 декабря 2020 года.',
    ].join('\n');
    expect(extractRefs(text)).toEqual([]);
  });

  it('a date that is no calendar day leaves the reference incomplete, not dropped (#19)', () => {
    expect(extractRefs('приказ УО от 31.02.2021 № 5')).toMatchObject([
      { kind: 'order', date: null, number: '5', incomplete: true, missing: ['date'] },
    ]);
  });

  it('a school number inside an issuer is not the document number', () => {
    expect(brief('приказ МБОУ СОШ № 12 от 01.09.2020 № 45-о')[0]).toMatchObject({
      issuer: 'МБОУ СОШ № 12',
      date: '2020-09-01',
      number: '45-о',
    });
  });

  it('plural and oblique forms of the kind words', () => {
    const kinds = [
      'приказом УО от 01.02.2021 № 1',
      'приказа УО от 01.02.2021 № 2',
      'ПРИКАЗЫ УО от 01.02.2021 № 3',
      'письмами УО от 01.02.2021 № 4',
      'справка от 01.02.2021 № 5',
      'протоколом заседания РМО от 01.02.2021 № 6',
    ].map((t) => extractRefs(t)[0]?.kind);
    expect(kinds).toEqual(['order', 'order', 'order', 'letter', 'certificate', 'protocol']);
  });
});

describe('refKey, dedupeRefs, formatRef', () => {
  it('the same document cited twice is one record; number spelling does not matter', () => {
    const refs = extractRefs(
      'письма УО от 12.04.2021 № 1064/21-21-10. Далее: (письма ОУ от 12.04.2021 №1064/21-21-10)',
    );
    expect(refs).toHaveLength(2);
    expect(refKey(refs[0]!)).toBe(refKey(refs[1]!));
    expect(dedupeRefs(refs)).toHaveLength(1);
    expect(refKey({ kind: 'directive', date: null, number: '1450-p' })).toBe(
      refKey({ kind: 'directive', date: null, number: '1450-р' }),
    );
    expect(refKey({ kind: 'order', date: '2021-05-14', number: '736' })).not.toBe(
      refKey({ kind: 'letter', date: '2021-05-14', number: '736' }),
    );
  });

  it('formats the customary citation, issuer back in the genitive', () => {
    expect(
      formatRef({
        kind: 'order',
        issuer: 'УО',
        date: '2021-05-14',
        number: '736',
        title: 'О результатах методических выездов в ШНОР',
      }),
    ).toBe('приказ УО от 14.05.2021 № 736 «О результатах методических выездов в ШНОР»');
    expect(
      formatRef({
        kind: 'letter',
        issuer: 'управление образования',
        date: null,
        number: '320',
        title: '',
      }),
    ).toBe('письмо управления образования № 320');
    const [ref] = extractRefs('приказом управления образования от 26 января 2021 года № 192');
    expect(formatRef(ref!)).toBe('приказ управления образования от 26.01.2021 № 192');
  });
});

describe('people edge cases', () => {
  it('several people in one cell, with «-», «–», «,» and a sentence period between', () => {
    expect(
      extractPeople(
        'И.Н. Хняч - директор МКУО ЦОКО. Т.Ю. Ковалева – главный специалист отдела учебной и организационно- кадровой работы УО',
      ),
    ).toEqual([
      { name: 'И.Н. Хняч', position: 'директор МКУО ЦОКО' },
      {
        name: 'Т.Ю. Ковалева',
        position: 'главный специалист отдела учебной и организационно-кадровой работы УО',
      },
    ]);
  });

  it('«Кураторы ШНОР» is not a person and does not extend a position', () => {
    expect(extractPeople('Кураторы ШНОР')).toEqual([]);
    expect(extractPeople('О.В. Плесецкая - директор МКУО КМЦ Кураторы ШНОР')).toEqual([
      { name: 'О.В. Плесецкая', position: 'директор МКУО КМЦ' },
    ]);
  });

  it('personKey ignores order, case, ё and spaces', () => {
    const key = personKey('И.В. Ещенко');
    expect(personKey('Ещенко И.В.')).toBe(key);
    expect(personKey('И. В. ЕЩЕНКО')).toBe(key);
    expect(personKey('Ещенко Ирина Викторовна')).toBe(key);
    expect(personKey('Т.Ю. Ковалёва')).toBe(personKey('Т.Ю. Ковалева'));
    expect(personKey('И.Н. Хняч')).not.toBe(key);
  });
});

describe('organisation edge cases', () => {
  it('keys by type and number: «СОШ № 10» = «МОБУ СОШ № 10» ≠ «ООШ № 10»', () => {
    expect(organisationKey('СОШ № 10')).toBe(organisationKey('МОБУ СОШ № 10'));
    expect(organisationKey('СОШ №10')).toBe(organisationKey('МОБУ  сош  № 10'));
    expect(organisationKey('ООШ № 10')).not.toBe(organisationKey('СОШ № 10'));
    expect(organisationKey('ЦОКО')).toBe(organisationKey('МКУО ЦОКО'));
    expect(organisationKey('управление образования')).toBe(organisationKey('УО'));
    expect(sameOrganisation('школа № 10', 'МОБУ СОШ № 10')).toBe(true);
  });

  it('«13 ШНОР школы (№ 7, 8, 10)» and «СОШ № 5, 10, ООШ № 8» lists', () => {
    expect(
      extractOrganisations('Проведены выезды в 13 ШНОР школы (№ 7, 8, 10).').map((o) => [
        o.name,
        o.shnor,
      ]),
    ).toEqual([
      ['Школа № 7', true],
      ['Школа № 8', true],
      ['Школа № 10', true],
    ]);
    expect(
      extractOrganisations('в СОШ № 5, 10, ООШ № 8 и гимназии № 2').map((o) => o.name),
    ).toEqual(['СОШ № 5', 'СОШ № 10', 'ООШ № 8', 'Гимназия № 2']);
  });
});

describe('count edge cases', () => {
  it('«N из M», «всего 41 человек», and numbers that are not counts', () => {
    expect(
      extractCounts(
        '146 педагогов из ШНОР прошли курсы, педагоги школ № 5, 7, 10 (всего 41 человек) в 9 классах 2 раза в год 01.06.2021',
      ),
    ).toEqual([
      { count: 146, label: 'педагогов из ШНОР' },
      { count: 41, label: 'человек' },
    ]);
  });
});
