// An issuer between genitive and nominative: a citation governs the genitive («постановление
// администрации города …», «решение Минераловодского городского Совета депутатов»), a record
// keeps the nominative («Минераловодский городской Совет депутатов»). Only the head changes —
// the leading adjectives and the first noun (with a bracketed alias: «Главы администрации
// (губернатора)»); what follows is already in the genitive and stays.
//
// A rule table, not a morphology library: the dictionary-based analysers for Russian (az.js and
// the like) load several megabytes of dictionaries asynchronously and are no longer maintained,
// and the name-decliners (petrovich, lvovich) decline people and places, not bodies. Issuers
// are a closed set of nouns; an unknown head is kept as written, never guessed.

type Gender = 'm' | 'f' | 'n';

/** Nominative → gender; the genitive is derived by the noun's ending (see genitiveOfNoun). */
const NOUNS: Record<string, Gender> = {
  совет: 'm',
  педсовет: 'm',
  департамент: 'm',
  начальник: 'm',
  отдел: 'm',
  центр: 'm',
  комитет: 'm',
  руководитель: 'm',
  директор: 'm',
  заместитель: 'm',
  председатель: 'm',
  президент: 'm',
  губернатор: 'm',
  мэр: 'm',
  министр: 'm',
  прокурор: 'm',
  округ: 'm',
  район: 'm',
  край: 'm',
  город: 'm',
  лицей: 'm',
  институт: 'm',
  университет: 'm',
  колледж: 'm',
  сад: 'm',
  суд: 'm',
  фонд: 'm',
  рособрнадзор: 'm',
  глава: 'f',
  администрация: 'f',
  дума: 'f',
  служба: 'f',
  мэрия: 'f',
  комиссия: 'f',
  инспекция: 'f',
  организация: 'f',
  школа: 'f',
  гимназия: 'f',
  палата: 'f',
  прокуратура: 'f',
  область: 'f',
  республика: 'f',
  федерация: 'f',
  коллегия: 'f',
  кафедра: 'f',
  ассоциация: 'f',
  конференция: 'f',
  управление: 'n',
  министерство: 'n',
  правительство: 'n',
  собрание: 'n',
  учреждение: 'n',
  агентство: 'n',
  образование: 'n',
  поселение: 'n',
  объединение: 'n',
  заседание: 'n',
  совещание: 'n',
  представительство: 'n',
};

/** Substantivised adjectives that head an issuer: «заведующего» → «заведующий». */
const ADJECTIVE_NOUNS = new Set(['заведующий', 'уполномоченный']);

/** Masculine adjectives stressed on the ending: «городского» → «городской», not «городский». */
const STRESSED_ENDING = /^(?:городск|краев|областн|окружн|мирово|волостн|отраслев|земск)/iu;

function genitiveOfNoun(nom: string, gender: Gender): string {
  if (nom === 'край') return 'края';
  if (nom === 'область') return 'области';
  if (gender === 'n') return nom.replace(/е$/u, 'я').replace(/о$/u, 'а');
  if (gender === 'f') {
    if (/ия$/u.test(nom)) return nom.replace(/я$/u, 'и');
    return nom.replace(/[кгхжшчщ]а$/u, (m) => `${m[0]}и`).replace(/а$/u, 'ы');
  }
  if (/ь$/u.test(nom)) return nom.replace(/ь$/u, 'я');
  if (/й$/u.test(nom)) return nom.replace(/й$/u, 'я');
  return `${nom}а`;
}

const GENITIVE_NOUNS = new Map<string, { nom: string; gender: Gender }>(
  Object.entries(NOUNS).map(([nom, gender]) => [genitiveOfNoun(nom, gender), { nom, gender }]),
);

function adjectiveToNominative(gen: string, gender: Gender): string | null {
  const lower = gen.toLowerCase();
  if (gender === 'f') {
    if (/[жшчщ]ей$/u.test(lower)) return gen.slice(0, -2) + 'ая';
    if (/ей$/u.test(lower)) return gen.slice(0, -2) + 'яя';
    if (/ой$/u.test(lower)) return gen.slice(0, -2) + 'ая';
    return null;
  }
  if (gender === 'n') {
    if (/ого$/u.test(lower)) return gen.slice(0, -3) + 'ое';
    if (/его$/u.test(lower)) return gen.slice(0, -3) + 'ее';
    return null;
  }
  if (/его$/u.test(lower)) return gen.slice(0, -3) + 'ий';
  if (!/ого$/u.test(lower)) return null;
  const stem = gen.slice(0, -3);
  if (STRESSED_ENDING.test(lower)) return stem + 'ой';
  return stem + (/[кгх]$/iu.test(stem) ? 'ий' : 'ый');
}

function adjectiveToGenitive(nom: string, gender: Gender): string | null {
  const lower = nom.toLowerCase();
  const stem2 = nom.slice(0, -2);
  if (gender === 'f') {
    if (/[жшчщ]ая$/u.test(lower)) return stem2 + 'ей';
    if (/ая$/u.test(lower)) return stem2 + 'ой';
    if (/яя$/u.test(lower)) return stem2 + 'ей';
    return null;
  }
  if (gender === 'n') {
    if (/ое$/u.test(lower)) return stem2 + 'ого';
    if (/ее$/u.test(lower)) return stem2 + 'его';
    return null;
  }
  if (/[кгх]ий$/u.test(lower) || /[ыо]й$/u.test(lower)) return stem2 + 'ого';
  if (/ий$/u.test(lower)) return stem2 + 'его';
  return null;
}

/** The replacement keeps the case pattern of the word it replaces: «СОВЕТА» → «СОВЕТ». */
function cased(like: string, word: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] !== like[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD_RE = /\p{L}[\p{L}-]*/uy;

/** The leading words: adjectives, then the head noun (with an optional «(alias)»). */
function leadingWords(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const gap = /[ \t\n]*\(?/uy;
    gap.lastIndex = at;
    gap.exec(text);
    WORD_RE.lastIndex = gap.lastIndex;
    const m = WORD_RE.exec(text);
    if (!m) break;
    out.push({ word: m[0], start: m.index, end: WORD_RE.lastIndex });
    at = WORD_RE.lastIndex;
    const close = /\)?/uy;
    close.lastIndex = at;
    close.exec(text);
    at = close.lastIndex;
  }
  return out;
}

type Convert = 'nominative' | 'genitive';

function convertHead(text: string, to: Convert): string {
  const words = leadingWords(text);
  const replacements: Array<[Token, string]> = [];
  const adjectives: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const tok = words[i]!;
    const lower = tok.word.toLowerCase();
    const noun = to === 'nominative' ? GENITIVE_NOUNS.get(lower) : undefined;
    const nomNoun = to === 'genitive' && NOUNS[lower] ? { nom: lower, gender: NOUNS[lower] } : null;
    const found = noun ?? nomNoun;
    if (found) {
      const gender = found.gender;
      for (const adj of adjectives) {
        const changed =
          to === 'nominative'
            ? adjectiveToNominative(adj.word, gender)
            : adjectiveToGenitive(adj.word, gender);
        if (!changed) return text;
        replacements.push([adj, changed]);
      }
      const target = to === 'nominative' ? found.nom : genitiveOfNoun(found.nom, gender);
      replacements.push([tok, cased(tok.word, target)]);
      // «Главы администрации (губернатора)»: the bracketed alias is the same person.
      const alias = words.slice(i + 1, i + 4).find((w) => text[w.start - 1] === '(');
      if (alias) {
        const changed = convertHead(alias.word, to);
        if (changed !== alias.word) replacements.push([alias, changed]);
      }
      break;
    }
    const adjective =
      to === 'nominative'
        ? /(?:ого|его|ой|ей)$/iu.test(lower) && !ADJECTIVE_NOUNS.has(lower)
        : /(?:ый|ий|ой|ая|яя|ое|ее)$/iu.test(lower);
    const substantive =
      to === 'nominative'
        ? [...ADJECTIVE_NOUNS].find((n) => adjectiveToGenitive(n, 'm') === lower)
        : ADJECTIVE_NOUNS.has(lower)
          ? adjectiveToGenitive(lower, 'm')
          : undefined;
    if (substantive && adjectives.length === 0) {
      replacements.push([tok, cased(tok.word, substantive)]);
      break;
    }
    if (!adjective) return text;
    adjectives.push(tok);
  }
  if (replacements.length === 0) return text;
  let out = text;
  for (const [tok, word] of replacements.sort((a, b) => b[0].start - a[0].start))
    out = out.slice(0, tok.start) + word + out.slice(tok.end);
  return out;
}

/** «Минераловодского городского Совета депутатов» → «Минераловодский городской Совет депутатов». */
export function issuerNominative(text: string): string {
  return convertHead(text, 'nominative');
}

/** «управление образования» → «управления образования», for «приказ управления образования …». */
export function issuerGenitive(text: string): string {
  return convertHead(text, 'genitive');
}
