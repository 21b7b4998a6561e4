// Participant counts stated in reports: «146 педагогов из ШНОР», «54 педагога из 22 школ ШНОР»,
// «145 учителей», «(всего 41 человек)», «13 ШНОР школы».

export interface CountMention {
  count: number;
  label: string;
  of?: { count: number; label: string };
}

/** Who or what is counted; a number before any other word is not a participant count. */
const NOUN =
  '(?:педагог\\p{L}*|учител\\p{L}*(?:-\\p{L}+)?|учащ\\p{L}*|обучающ\\p{L}*|учени[кц]\\p{L}*|школ\\p{L}*(?:-\\p{L}+)?' +
  '|ОО|ШНОР(?:\\s+школ\\p{L}*)?|директор\\p{L}*|заместител\\p{L}*|руководител\\p{L}*|специалист\\p{L}*' +
  '|человек|чел\\.|участник\\p{L}*|выпускник\\p{L}*|наставник\\p{L}*|тьютор\\p{L}*|организаци\\p{L}*' +
  '|команд\\p{L}*|родител\\p{L}*|дет(?:ей|и)|методист\\p{L}*|куратор\\p{L}*|эксперт\\p{L}*|слушател\\p{L}*)';
const QUALIFIER = '(?:\\s+(?:из\\s+)?(?:ШНОР|ШССУ)(?![\\p{L}]))?';

const COUNT_RE = new RegExp(
  // Not a part of a date, a range, a school number list or a code.
  `(?<![\\p{L}\\d.,\\-/№])(?<n>\\d{1,6})\\s+(?<label>${NOUN}${QUALIFIER})(?![\\p{L}])` +
    `(?:\\s+из\\s+(?<ofn>\\d{1,6})\\s+(?<oflabel>${NOUN}${QUALIFIER})(?![\\p{L}]))?`,
  'gu',
);

/** «№ 5, 7, 8, 10» and «(№ 7, 8 …)»: numbers of schools, never counts. */
const NUMBER_LIST_RE = /№\s*\d+(?:\s*(?:,|\sи)\s*\d+)*/gu;

export function extractCounts(text: string): CountMention[] {
  const lists = [...text.matchAll(NUMBER_LIST_RE)].map((m) => [m.index, m.index + m[0].length]);
  const counts: CountMention[] = [];
  for (const m of text.matchAll(COUNT_RE)) {
    if (lists.some(([from, to]) => m.index >= from! && m.index < to!)) continue;
    const g = m.groups!;
    const mention: CountMention = { count: Number(g.n), label: g.label!.replace(/\s+/g, ' ') };
    if (g.ofn !== undefined && g.oflabel !== undefined) {
      mention.of = { count: Number(g.ofn), label: g.oflabel.replace(/\s+/g, ' ') };
    }
    counts.push(mention);
  }
  return counts;
}
