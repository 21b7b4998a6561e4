// The kinds of acts papers cite, each with the word forms it is written in and the word it is
// cited with. #19: постановления and решения were filed and cited as «распоряжение»; every act
// now keeps its own kind.
import type { EvidenceKind } from '../model/index.ts';

/** Endings of the nouns in all cases and numbers (the stem is the table's own). */
const MASC = '(?:а|у|ом|е|ы|ов|ам|ами|ах)?'; // приказ, указ, протокол, план, договор, акт
const NEUT_IE = '(?:е|я|ю|ем|и|й|ям|ями|ях)'; // распоряжени-е, постановлени-е, решени-е
const FEM_A = '(?:а|ы|и|е|у|ой|ою|ам|ами|ах)'; // справк-а, программ-а
const ADJ = '(?:ый|ого|ому|ым|ом|ые|ых|ыми|ой|ая)'; // федеральн-ый

export interface KindEntry {
  kind: EvidenceKind;
  /** Regex source of the word in any case and number (matched case-insensitively). */
  forms: string;
  /** The word a citation uses: «постановление администрации …». */
  word: string;
}

/** Order matters where one form contains another: «федеральный закон» before «закон». */
export const KIND_TABLE: readonly KindEntry[] = [
  { kind: 'order', forms: `приказ${MASC}`, word: 'приказ' },
  { kind: 'directive', forms: `распоряжени${NEUT_IE}`, word: 'распоряжение' },
  { kind: 'resolution', forms: `постановлени${NEUT_IE}`, word: 'постановление' },
  { kind: 'decision', forms: `решени${NEUT_IE}`, word: 'решение' },
  { kind: 'decree', forms: `указ${MASC}`, word: 'указ' },
  {
    kind: 'federal_law',
    // «Федеральный закон», «Федерального закона», and «ФЗ от …» in running text.
    forms: `федеральн${ADJ}[ \\t]+закон${MASC}|ФЗ(?=[ \\t]*(?:от|№|N)[ \\t])`,
    word: 'Федеральный закон',
  },
  { kind: 'law', forms: `закон${MASC}`, word: 'закон' },
  // «исх. № 01-12/345 от 12.03.2021» is the requisites line of a letter.
  {
    kind: 'letter',
    forms: `письм(?:о|а|у|ом|е|ам|ами|ах)|писем|исх\\.|исходящ(?:ий|его|ему)`,
    word: 'письмо',
  },
  { kind: 'protocol', forms: `протокол${MASC}`, word: 'протокол' },
  { kind: 'agreement', forms: `соглашени${NEUT_IE}`, word: 'соглашение' },
  { kind: 'contract', forms: `договор${MASC}`, word: 'договор' },
  { kind: 'certificate', forms: `справк${FEM_A}|справок`, word: 'справка' },
  { kind: 'act', forms: `акт${MASC}`, word: 'акт' },
  { kind: 'regulation', forms: `положени${NEUT_IE}`, word: 'положение' },
  { kind: 'plan', forms: `план${MASC}`, word: 'план' },
  { kind: 'programme', forms: `программ${FEM_A}?`, word: 'программа' },
  { kind: 'report', forms: `отч[её]т${MASC}`, word: 'отчёт' },
];

/** The word a citation of each kind begins with. */
export const CITATION_WORD: Record<EvidenceKind, string> = {
  ...(Object.fromEntries(KIND_TABLE.map((e) => [e.kind, e.word])) as Record<EvidenceKind, string>),
  web_page: 'страница сайта',
  file: 'файл',
  photo: 'фото',
  other: 'документ',
};

/** Any kind word; group `k<i>` says which entry of KIND_TABLE matched. */
export const KIND_SOURCE = String.raw`(?<![\p{L}\d-])(?:${KIND_TABLE.map((e, i) => `(?<k${i}>${e.forms})`).join('|')})(?![\p{L}\d-])`;

export function kindOfGroups(groups: Record<string, string | undefined>): EvidenceKind {
  for (let i = 0; i < KIND_TABLE.length; i++)
    if (groups[`k${i}`] !== undefined) return KIND_TABLE[i]!.kind;
  return 'other';
}

const WHOLE_WORD_RE = new RegExp(`^(?:${KIND_SOURCE})$`, 'iu');

/** The kind a word names («ПОСТАНОВЛЕНИЕ», «приказом»), or null. */
export function kindOfWord(word: string): EvidenceKind | null {
  const m = WHOLE_WORD_RE.exec(word.trim());
  return m ? kindOfGroups(m.groups ?? {}) : null;
}

/**
 * Kinds whose number alone names the act: a federal law is cited «№ 273-ФЗ» without a date
 * as often as with one, and a regional law's number carries its region («2770-КЗ»).
 */
export function numberIdentifies(kind: EvidenceKind, number: string): boolean {
  return (kind === 'federal_law' || kind === 'law') && /-\s?\p{L}*З$/iu.test(number);
}
