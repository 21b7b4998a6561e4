// The one place that decides «is this the same indicator?». Monitoring forms are rewritten every
// year and by every authority: «Количество ШНОР…» becomes «Число школ с низкими образовательными
// результатами…», codes change, words move. Texts are compared by meaning-bearing terms: word
// stems (Snowball), the domain's abbreviations and their full forms folded to one term, synonyms
// folded, codes, numbers and filler words dropped, order ignored. The score is an IDF-weighted
// overlap; the best candidate is taken only above a calibrated threshold and only when no other
// candidate comes close: a near-tie is reported as ambiguous, never guessed.
// Used by the template binding (rules travel with indicators) and by the web-form autofill.
import { stem, words } from '../ru/stem.ts';

/**
 * Phrases folded to one term. Longest first where one contains another («школы с низкими
 * образовательными результатами» before «школа»). Written in their usual form; stemmed once.
 */
const PHRASES: [term: string, phrases: string[]][] = [
  [
    'шнор',
    [
      'школы с низкими образовательными результатами',
      'школы с низкими результатами обучения',
      'школы с низкими результатами',
      'школы с низкими образовательными',
      'шнор',
    ],
  ],
  [
    'шссу',
    ['школы функционирующие в сложных социальных условиях', 'сложных социальных условиях', 'шссу'],
  ],
  ['мнц', ['муниципальный наставнический центр', 'наставнический центр', 'мнц']],
  [
    'мткп',
    [
      'муниципальный тьюторский консультационный пункт',
      'тьюторский консультационный пункт',
      'мткп',
      'ткп',
    ],
  ],
  ['рмо', ['районное методическое объединение', 'муниципальное методическое объединение', 'рмо']],
  ['шмо', ['школьное методическое объединение', 'шмо']],
  ['уо', ['управление образования и науки', 'управление образования', 'уо', 'уон']],
  [
    'оо',
    [
      'общеобразовательная организация',
      'образовательная организация',
      'образовательное учреждение',
      'общеобразовательное учреждение',
      'школа',
      'оо',
    ],
  ],
  ['кпк', ['курсы повышения квалификации', 'повышение квалификации', 'кпк']],
  ['впр', ['всероссийские проверочные работы', 'впр']],
  ['всоко', ['внутренняя система оценки качества образования', 'всоко']],
  ['мсоко', ['муниципальная система оценки качества образования', 'мсоко']],
  ['иом', ['индивидуальный образовательный маршрут', 'иом']],
  ['тмс', ['территориальная методическая служба', 'тмс']],
  [
    'колич',
    ['количество', 'число', 'численность', 'кол-во', 'кол во', 'сколько человек', 'сколько'],
  ],
  ['налич', ['наличие', 'есть ли', 'имеется ли', 'имеется', 'наличествует']],
  ['сайт', ['официальный сайт', 'сайт', 'интернет-сайт', 'веб-сайт']],
  // Official Russian says the same thing in several ways.
  ['инф', ['информация', 'сведения', 'информирование', 'проинформированы', 'проинформирована']],
  ['день', ['день', 'дня', 'дне', 'дни', 'дней', 'днях']],
  // Who took part: the people («участников», «участвовало»), not the taking part («участие»).
  ['участ', ['участники', 'участников', 'участвовало', 'участвовали']],
  ['ответс', ['ответственный', 'ответственного', 'отвечает', 'отвечают', 'отвечающий']],
  ['уровен', ['уровень', 'уровне', 'уровня', 'уровнем', 'уровни', 'уровней']],
  ['посещ', ['посещение', 'посетили', 'посетивших', 'посетил', 'посетила', 'посещения']],
  ['резуль', ['результаты', 'итоги', 'итогам']],
  ['размещ', ['размещение', 'размещенный', 'опубликованный', 'публикация', 'опубликование']],
  ['перечн', ['перечень', 'список', 'реестр']],
  ['улучш', ['улучшение', 'положительная динамика', 'рост', 'повышение']],
  ['провед', ['проведение', 'организация и проведение', 'осуществление']],
];

/** Words that carry no meaning of their own in these forms. */
const FILLER = new Set(
  [
    'в',
    'во',
    'и',
    'на',
    'по',
    'с',
    'со',
    'о',
    'об',
    'для',
    'из',
    'к',
    'ко',
    'от',
    'до',
    'за',
    'не',
    'или',
    'а',
    'у',
    'при',
    'что',
    'как',
    'то',
    'же',
    'ли',
    'его',
    'их',
    'это',
    'том',
    'т',
    'ч',
    'г',
    'года',
    'год',
    'который',
    'которых',
    'которым',
    'которая',
    'также',
    'так',
    'всех',
    'все',
    'др',
    'других',
    'данной',
    'данном',
    'этих',
    'своего',
    'указать',
    'укажите',
    'отметьте',
    'ед',
    'чел',
    'шт',
    'да',
    'нет',
    'общее',
    'всего',
  ].map((w) => stem(w)),
);

/** A stem is cut to this length so derivations meet: «наставнический» ≈ «наставник». */
const ROOT = 6;
const root = (s: string): string => (s.length > ROOT ? s.slice(0, ROOT) : s);

/** «ОО», «УО», «ШНОР» written in capitals: an abbreviation, kept whole (the stemmer eats «оо»). */
const ABBREVIATION = /^[А-ЯЁ]{2,8}$/;

/** A word's stem, or null for a number, a roman numeral or a filler word; memoised. */
const stemMemo = new Map<string, string | null>();
function wordStem(w: string): string | null {
  let s = stemMemo.get(w);
  if (s !== undefined) return s;
  if (/^\d+$/.test(w) || /^[IVXLCivxlc]+$/.test(w)) s = null;
  else {
    const st = ABBREVIATION.test(w) ? w.toLowerCase().replace(/ё/g, 'е') : stem(w);
    s = FILLER.has(st) ? null : st;
  }
  if (stemMemo.size > 100_000) stemMemo.clear();
  stemMemo.set(w, s);
  return s;
}

/** «в том числе», «в т. ч.»: a breakdown's marker, not words of the indicator («числе» ≈ число). */
function breakdownMarkerAt(ws: readonly string[], i: number): number {
  if (ws[i] !== 'в' && ws[i] !== 'В') return 0;
  const a = ws[i + 1]?.toLowerCase();
  const b = ws[i + 2]?.toLowerCase();
  return (a === 'том' && b === 'числе') || (a === 'т' && b === 'ч') ? 3 : 0;
}

/** A word's root (its stem cut to ROOT), or null as for wordStem; memoised. */
const rootMemo = new Map<string, string | null>();
function wordRoot(w: string): string | null {
  let r = rootMemo.get(w);
  if (r !== undefined) return r;
  const s = wordStem(w);
  r = s === null ? null : root(s);
  if (rootMemo.size > 100_000) rootMemo.clear();
  rootMemo.set(w, r);
  return r;
}

/**
 * The roots of words, fillers, numbers and breakdown markers left out: one array, the hot path of
 * a register's tens of thousands of records.
 */
function rootWords(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const skip = breakdownMarkerAt(ws, i);
    if (skip) {
      i += skip - 1;
      continue;
    }
    const r = wordRoot(ws[i]!);
    if (r !== null) out.push(r);
  }
  return out;
}

const PHRASE_STEMS: { term: string; stems: string[] }[] = PHRASES.flatMap(([term, list]) =>
  list.map((p) => ({ term, stems: rootWords(words(p)) })),
).sort((a, b) => b.stems.length - a.stems.length);

/** The codes forms put before an indicator: «1.», «2.2.1», «А.1», «I.», «1)», «Б)». */
const LEADING_CODE =
  /^\s*(?:№\s*)?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[IVXLC]{1,6}|[А-ЯA-Z])(?:\.[0-9]{1,3})*[.)]?\s+/u;
/** «(от 0 до 5)», «(0/1)», «(да/нет)»: how to answer, not what is asked. */
const ANSWER_HINT = /\((?:от\s*)?\d+\s*(?:до|[-–—/])\s*\d+\)|\((?:да|нет)\s*\/\s*(?:да|нет)\)/giu;

/** Terms of a text with their weight in it: words in parentheses explain, they count less. */
export interface Terms {
  weights: Map<string, number>;
  /** What is counted or asked for: the first term after «количество»/«наличие». */
  head: string | null;
}

const OPENERS = new Set(['колич', 'налич', 'провед']);

/** The phrases by their first root, longest first: folding looks only at those that can start here. */
const PHRASES_BY_FIRST = new Map<string, { term: string; stems: string[] }[]>();
for (const p of PHRASE_STEMS) {
  const first = p.stems[0];
  if (first === undefined) continue;
  const list = PHRASES_BY_FIRST.get(first) ?? [];
  list.push(p);
  PHRASES_BY_FIRST.set(first, list);
}

/**
 * Phrases folded into their term («образовательная организация» → «оо»), in place: `roots` is a
 * fresh array from rootWords, and a register folds tens of thousands of them. `unique` keeps each
 * term once.
 */
function foldPhrases(roots: string[], unique = false): string[] {
  let w = 0;
  for (let i = 0; i < roots.length;) {
    let term = roots[i]!;
    let taken = 1;
    const phrases = PHRASES_BY_FIRST.get(term);
    if (phrases)
      for (const p of phrases) {
        const n = p.stems.length;
        if (n === 0 || i + n > roots.length) continue;
        let same = true;
        for (let k = 0; k < n && same; k++) same = roots[i + k] === p.stems[k];
        if (same) {
          term = p.term;
          taken = n;
          break;
        }
      }
    i += taken;
    if (unique) {
      let seen = false;
      for (let k = 0; k < w && !seen; k++) seen = roots[k] === term;
      if (seen) continue;
    }
    roots[w++] = term;
  }
  roots.length = w;
  return roots;
}

export function weightedTerms(text: string, explanation = MATCHER.explanation): Terms {
  const stripped = text
    .replace(LEADING_CODE, '')
    .replace(ANSWER_HINT, ' ')
    .replace(/^\s*[-–—•]\s*/, '');
  const weights = new Map<string, number>();
  let head: string | null = null;
  // Outside parentheses, then inside: «(учитываются мероприятия, …)» is a note on counting.
  let outside = stripped;
  const notes: string[] = [];
  // Nested notes too: «(учитываются ШНОР (имеющие соглашения) …)».
  for (let previous = ''; previous !== outside;) {
    previous = outside;
    outside = outside.replace(/\([^()]*\)/g, (note) => {
      notes.push(note);
      return ' ';
    });
  }
  // An unclosed note runs to the end.
  outside = outside.replace(/\([^)]*$/, (note) => {
    notes.push(note);
    return ' ';
  });
  const inside = notes.join(' ');
  for (const [part, w] of [
    [outside, 1],
    [inside, explanation],
  ] as const) {
    for (const term of foldPhrases(rootWords(words(part)))) {
      if (w === 1 && head === null && !OPENERS.has(term)) head = term;
      weights.set(term, Math.max(weights.get(term) ?? 0, w));
    }
  }
  return { weights, head };
}

/**
 * The terms of a register record's text (a title, a note): the same folding as an indicator's,
 * without the weighing of notes in parentheses, which a record's title does not need.
 */
export function recordTerms(text: string): string[] {
  // An array, not a Set: a register holds tens of thousands of these, each of a dozen words.
  return foldPhrases(rootWords(words(text)), true);
}

/** The meaning-bearing terms of an indicator's text, order ignored, each once. */
export function indicatorTerms(text: string): string[] {
  return [...weightedTerms(text).weights.keys()];
}

export interface MatchCandidate<K> {
  key: K;
  text: string;
  /** Where the indicator sits: its section's title and its group's text. */
  context?: string[];
}

export interface MatchQuery {
  text: string;
  context?: string[];
}

export type MatchOutcome<K> =
  | { status: 'match'; key: K; score: number; runnerUp: number }
  | { status: 'ambiguous'; keys: K[]; score: number }
  | { status: 'none'; score: number; best: K | null };

/**
 * The matcher's settings, calibrated on the tuning corpus (tests/corpus/tuning, bench
 * «checklist-corpus»; tests/corpus/tune.ts searches them), never on the held-out part.
 */
export interface MatcherSettings {
  /** Below this no candidate is the same indicator. */
  threshold: number;
  /** A runner-up within this of the best makes the choice a guess. */
  margin: number;
  /** How much the section and group titles weigh against the indicator's own words. */
  contextWeight: number;
  /** A context this much better than the runner-up's decides between equal wordings. */
  contextDecides: number;
  /** The counted object («ШНОР, вовлечённых…» ≠ «школ-лидеров, вовлечённых…»), in rare words. */
  headWeight: number;
  /** Words in parentheses explain; they count this much. */
  explanation: number;
}

export const MATCHER: MatcherSettings = {
  threshold: 0.55,
  margin: 0.03,
  contextWeight: 0.25,
  contextDecides: 0.1,
  headWeight: 1,
  explanation: 0.35,
};

/** The threshold of «the same indicator», for callers that show it. */
export const SAME_INDICATOR = MATCHER.threshold;

interface Prepared<K> {
  key: K;
  terms: Terms;
  context: Terms[];
}

/**
 * Compares indicators with a fixed set of candidates (a library form's indicators, the
 * workspace's learned rules). Term weights are the candidates' IDF, so words every candidate
 * shares (наличие, ШНОР in a ШНОР form) count less than the ones that tell them apart.
 */
export class IndicatorMatcher<K> {
  private readonly prepared: Prepared<K>[];
  private readonly idf = new Map<string, number>();
  private readonly unseen: number;

  private readonly settings: MatcherSettings;

  constructor(candidates: readonly MatchCandidate<K>[], settings: Partial<MatcherSettings> = {}) {
    this.settings = { ...MATCHER, ...settings };
    const terms = (t: string) => weightedTerms(t, this.settings.explanation);
    this.prepared = candidates.map((c) => ({
      key: c.key,
      terms: terms(c.text),
      context: (c.context ?? []).filter(Boolean).map(terms),
    }));
    const df = new Map<string, number>();
    for (const p of this.prepared)
      for (const t of p.terms.weights.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = Math.max(1, this.prepared.length);
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.unseen = Math.log(1 + n);
  }

  private weight(t: string): number {
    return this.idf.get(t) ?? this.unseen;
  }

  /**
   * Overlap of two weighted term sets, 0…1: the mean of Dice (both texts say the same) and
   * containment (the shorter one is wholly inside the longer, as a form's abridged wording is).
   */
  private overlap(a: Terms, b: Terms): number {
    let shared = 0;
    let totalA = 0;
    let totalB = 0;
    for (const [t, wa] of a.weights) {
      const w = this.weight(t);
      totalA += w * wa;
      const wb = b.weights.get(t);
      if (wb !== undefined) shared += w * Math.min(wa, wb);
    }
    for (const [t, wb] of b.weights) totalB += this.weight(t) * wb;
    if (a.head !== null && b.head !== null) {
      // As much as the rarest word: what is counted tells indicators apart even when common.
      const w = this.unseen * this.settings.headWeight;
      if (a.head === b.head) shared += w;
      totalA += w;
      totalB += w;
    }
    if (totalA === 0 || totalB === 0) return 0;
    const dice = (2 * shared) / (totalA + totalB);
    const containment = shared / Math.min(totalA, totalB);
    return (dice + containment) / 2;
  }

  /** Context: the best agreement of any of the query's titles with any of the candidate's. */
  private contextOverlap(a: Terms[], b: Terms[]): number {
    let best = 0;
    for (const x of a) for (const y of b) best = Math.max(best, this.overlap(x, y));
    return best;
  }

  /** Every candidate's score for the query, best first, with its parts. */
  scores(q: MatchQuery): { key: K; score: number; own: number; context: number }[] {
    return this.score(q, this.prepared);
  }

  /**
   * The same, for only the candidates that share a word with the query: the others cannot reach
   * a threshold (their own overlap is 0), and a web page of a hundred fields asks this a hundred
   * times.
   */
  sharingScores(q: MatchQuery): { key: K; score: number; own: number; context: number }[] {
    if (!this.postings) {
      this.postings = new Map();
      this.prepared.forEach((p, i) => {
        for (const t of p.terms.weights.keys()) {
          const list = this.postings!.get(t);
          if (list) list.push(i);
          else this.postings!.set(t, [i]);
        }
      });
    }
    const seen = new Set<number>();
    for (const t of weightedTerms(q.text, this.settings.explanation).weights.keys())
      for (const i of this.postings.get(t) ?? []) seen.add(i);
    return this.score(
      q,
      [...seen].map((i) => this.prepared[i]!),
    );
  }

  private postings: Map<string, number[]> | null = null;

  private score(
    q: MatchQuery,
    candidates: readonly Prepared<K>[],
  ): { key: K; score: number; own: number; context: number }[] {
    const { explanation, contextWeight } = this.settings;
    const terms = weightedTerms(q.text, explanation);
    const context = (q.context ?? []).filter(Boolean).map((t) => weightedTerms(t, explanation));
    return candidates
      .map((p) => {
        const own = this.overlap(terms, p.terms);
        const ctx =
          context.length && p.context.length ? this.contextOverlap(context, p.context) : 0;
        const score =
          context.length && p.context.length
            ? (1 - contextWeight) * own + contextWeight * ctx
            : own;
        return { key: p.key, score, own, context: ctx };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The same indicator, if exactly one candidate clearly is. `accept` narrows the candidates
   * (e.g. to those of a compatible kind) before the best is chosen.
   */
  match(
    q: MatchQuery,
    accept: (key: K) => boolean = () => true,
    threshold = this.settings.threshold,
  ): MatchOutcome<K> {
    const { margin, contextDecides } = this.settings;
    const ranked = this.scores(q).filter((s) => accept(s.key));
    const best = ranked[0];
    if (!best || best.score < threshold)
      return { status: 'none', score: best?.score ?? 0, best: best?.key ?? null };
    // Equal wordings in two groups («наличие информационной площадки…» for mentors and for
    // tutors) are told apart by where they sit: a clearly better context settles the tie.
    const close = ranked.filter(
      (s) => s.score > best.score - margin && best.context - s.context < contextDecides,
    );
    if (close.length > 1)
      return { status: 'ambiguous', keys: close.map((s) => s.key), score: best.score };
    return { status: 'match', key: best.key, score: best.score, runnerUp: ranked[1]?.score ?? 0 };
  }
}

/** Similarity of two indicator texts on their own (no collection): uniform term weights. */
export function indicatorSimilarity(a: string, b: string): number {
  return new IndicatorMatcher([{ key: 0, text: b }]).scores({ text: a })[0]?.score ?? 0;
}
