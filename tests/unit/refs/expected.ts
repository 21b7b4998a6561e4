// Expectations written by reading the seed documents by hand (not by running the extractor).
// Each list is every citation of a document in the seed's text, in reading order; a document
// cited twice appears twice here (extractRefs reports occurrences; refKey merges them).

export interface ExpectedRef {
  kind: 'order' | 'letter' | 'other';
  date: string | null;
  number: string;
  /** A fragment the extracted issuer must equal (abbreviations) or contain (phrases). */
  issuer: string;
  /** Exact title, or '' when the citation carries none. */
  title: string;
}

export const SEED_000_REFS: ExpectedRef[] = [
  // The order's own heading: «ПРИКАЗ / от 04.06.2021 / № 877», its issuer on the lines above.
  {
    kind: 'order',
    date: '2021-06-04',
    number: '877',
    issuer: 'УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ СЛАВЯНСКИЙ РАЙОН',
    title: 'Об итогах деятельности муниципального наставнического центра в 2020-2021 учебном году',
  },
  // «Согласно Дорожной карте …, утвержденной приказом управления образования от 26 января 2021 года № 192»
  { kind: 'order', date: '2021-01-26', number: '192', issuer: 'управление образования', title: '' },
  // «(утвержденной приказом управления образования от 12 февраля 2021 года № 251)»
  { kind: 'order', date: '2021-02-12', number: '251', issuer: 'управление образования', title: '' },
  // «ПРИЛОЖЕНИЕ к приказу начальника управления образования от 04.06.2021 № 877»
  {
    kind: 'order',
    date: '2021-06-04',
    number: '877',
    issuer: 'начальник управления образования',
    title: '',
  },
  { kind: 'order', date: '2021-01-13', number: '118', issuer: 'УО', title: '' },
  { kind: 'letter', date: '2021-05-20', number: '320', issuer: 'МКУО КМЦ', title: '' },
  { kind: 'letter', date: '2021-06-07', number: '1662/21-21-10', issuer: 'УО', title: '' },
  // «письма УО от 12.04.2021 № 1064/21-21-10, от 15.04.2021 № 1128/21-21-08»
  { kind: 'letter', date: '2021-04-12', number: '1064/21-21-10', issuer: 'УО', title: '' },
  { kind: 'letter', date: '2021-04-15', number: '1128/21-21-08', issuer: 'УО', title: '' },
  {
    kind: 'order',
    date: '2021-05-14',
    number: '736',
    issuer: 'УО',
    title: 'О результатах методических выездов в ШНОР в 2020-2021 учебном году',
  },
  // The title is cut by a page break (the table header repeats) before «дверей»: the seed's
  // text itself breaks it, so only its first line can be asserted (see TITLE_PREFIXES).
  { kind: 'order', date: '2021-04-19', number: '618', issuer: 'УО', title: '' },
  {
    kind: 'letter',
    date: '2021-05-19',
    number: '1457/21-21-10',
    issuer: 'УО',
    title: 'О проведенной работе в рамках мероприятия «День открытых дверей» для ШНОР',
  },
  { kind: 'order', date: '2021-01-28', number: '198', issuer: 'УО', title: '' },
  { kind: 'order', date: '2021-02-24', number: '285', issuer: 'УО', title: '' },
  {
    kind: 'order',
    date: '2020-08-31',
    number: '906',
    issuer: 'УО',
    title: 'О назначении тьюторов и руководителей РМО в 2020-2021 учебном году',
  },
  // «приказ УО 01.12.2020 г. № 1325 «Об организации …»» — no «от»
  {
    kind: 'order',
    date: '2020-12-01',
    number: '1325',
    issuer: 'УО',
    title:
      'Об организации деятельности межшкольных консультационных пунктов по подготовке выпускников 9, 11-х классов к государственной итоговой аттестации в 2020-2021 учебном году',
  },
  // The same two letters again, issuer misspelt «ОУ» in the seed.
  { kind: 'letter', date: '2021-04-12', number: '1064/21-21-10', issuer: 'ОУ', title: '' },
  { kind: 'letter', date: '2021-04-15', number: '1128/21-21-08', issuer: 'ОУ', title: '' },
  // «приказы УО от 25.12.2020 (о проведении РМО), от 14.01.2021 № 129 (…), от 12.01.2021 (…),
  //   от 22.01.2021 № 441 (…), от 26.03.2021 № 459 (об итогах проведения РМО)»
  {
    kind: 'order',
    date: '2020-12-25',
    number: '',
    issuer: 'УО',
    title: 'о проведении РМО',
  },
  {
    kind: 'order',
    date: '2021-01-14',
    number: '129',
    issuer: 'УО',
    title: 'о результатах проведения РМО',
  },
  { kind: 'order', date: '2021-01-12', number: '', issuer: 'УО', title: 'о проведении РМО' },
  { kind: 'order', date: '2021-01-22', number: '441', issuer: 'УО', title: 'о проведении РМО' },
  {
    kind: 'order',
    date: '2021-03-26',
    number: '459',
    issuer: 'УО',
    title: 'об итогах проведения РМО',
  },
];

/** Titles the seed's own layout truncates: the extracted title must start with this. */
export const TITLE_PREFIXES: Record<string, string> = {
  '618': 'О проведении мероприятия «День открытых',
};

/** 22 citations of 20 distinct documents. */
export const SEED_000_DISTINCT = 20;

export const SEED_002_REFS: ExpectedRef[] = [
  // The order's own heading: «ПРИКАЗ / 28.01.2021 / № 76».
  {
    kind: 'order',
    date: '2021-01-28',
    number: '76',
    issuer:
      'УПРАВЛЕНИЕ ПО ОБРАЗОВАНИЮ И НАУКЕ АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ ГОРОДСКОЙ ОКРУГ ГОРОД-КУРОРТ СОЧИ КРАСНОДАРСКОГО КРАЯ',
    title:
      'Об утверждении муниципальной Дорожной карты (плана мероприятий) по методическому сопровождению системы работы с общеобразовательными организациями, имеющими низкие образовательные результаты',
  },
  // «Приложение к приказу управления по образованию и науке администрации г.-к. Сочи от 28.01.2021 № 76»
  {
    kind: 'order',
    date: '2021-01-28',
    number: '76',
    issuer: 'управление по образованию и науке администрации г.-к. Сочи',
    title: '',
  },
];

// Seed 003 has a blank letterhead («от _____ № _____») and cites no document.
export const SEED_003_REFS: ExpectedRef[] = [];

export const SEED_004_REFS: ExpectedRef[] = [
  // The letterhead's «от 01.06.2021 № 118-18-789/21-23» names no kind: kept, marked incomplete.
  { kind: 'other', date: '2021-06-01', number: '118-18-789/21-23', issuer: '', title: '' },
  // «Приложение к письму управления образования администрации муниципального образования
  //  Кореновский район от 01.06. 2021 года № 118-18-789/21-2» (sic: the seed drops a digit here)
  {
    kind: 'letter',
    date: '2021-06-01',
    number: '118-18-789/21-2',
    issuer: 'управление образования администрации муниципального образования Кореновский район',
    title: '',
  },
];

export const SEED_000_PEOPLE = [
  { name: 'И.В. Ещенко', position: 'начальник отдела учебной и организационно-кадровой работы УО' },
  { name: 'И.Н. Хняч', position: 'директор МКУО ЦОКО' },
  { name: 'О.В. Плесецкая', position: 'директор МКУО КМЦ' },
  {
    name: 'Т.Ю. Ковалева',
    position: 'главный специалист отдела учебной и организационно-кадровой работы УО',
  },
  { name: 'В.А. Чернобровкина', position: 'заместитель директора МКУО ЦОКО' },
  { name: 'С.С. Духнай', position: 'исполняющая обязанности заместителя начальника УО' },
];

export const SEED_000_GROUPS = [
  'Кураторы ШНОР',
  'Администрация ШНОР',
  'Члены управленческих команд школ – наставников',
];

export const SEED_002_PEOPLE = [
  { name: 'И.Б. Лукашова', position: 'заместитель начальника УОН' },
  { name: 'В.Г. Церекидзе', position: 'директор СЦРО' },
  { name: 'Л.В. Сапелкина', position: 'начальник отдела УОН' },
  { name: 'Э.В. Вольская', position: 'главный специалист УОН' },
  { name: 'Е.В. Третьяков', position: 'директор ЦОКО' },
  { name: 'В.Ю. Макарова', position: 'заместитель начальника УОН' },
];

const mentors = [
  'МБОУ лицей № 1',
  'МБОУ лицей № 4',
  'МБОУ СОШ № 6',
  'МБОУ ООШ № 11',
  'МАОУ СОШ № 12',
  'МБОУ ООШ № 14',
  'МБОУ СОШ № 25',
  'МБОУ СОШ № 28',
  'МБОУ СОШ № 29',
];
const item4 = [5, 7, 8, 10, 16, 19, 20, 21, 22, 23, 39, 43, 48, 50, 51, 52, 56];

/** The order's text (before «ПРИЛОЖЕНИЕ»): the authority, two centres, 9 mentor schools and the
 *  17 schools of item 4 («Руководителям школ № 5, 7, 8, …»), whose sentence does not say ШНОР. */
export const SEED_000_ORDER_ORGS = [
  { name: 'Управление образования', number: null, kind: 'authority', shnor: false },
  { name: 'МКУО ЦОКО', number: null, kind: 'centre', shnor: false },
  { name: 'МКУО КМЦ', number: null, kind: 'centre', shnor: false },
  ...mentors.map((name) => ({
    name,
    number: /№ (\d+)/.exec(name)![1]!,
    kind: 'school',
    shnor: false,
  })),
  ...item4.map((n) => ({ name: `Школа № ${n}`, number: String(n), kind: 'school', shnor: false })),
] as const;

export const SEED_003_COUNTS = [
  { count: 54, label: 'педагога', of: { count: 22, label: 'школ ШНОР' } },
  { count: 145, label: 'учителей' },
  { count: 4, label: 'педагога ШНОР' },
  { count: 4, label: 'учителя-тьютора' },
  { count: 28, label: 'учащихся' },
];
