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
  ['колич', ['количество', 'число', 'численность', 'кол-во', 'кол во']],
  ['налич', ['наличие', 'есть ли', 'имеется ли', 'имеется', 'наличествует']],
  ['сайт', ['официальный сайт', 'сайт', 'интернет-сайт', 'веб-сайт']],
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
    'числе',
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
    'том',
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
  ].map((w) => stem(w)),
);

/** A stem is cut to this length so derivations meet: «наставнический» ≈ «наставник». */
const ROOT = 6;
const root = (s: string): string => (s.length > ROOT ? s.slice(0, ROOT) : s);

const stemWords = (text: string): string[] =>
  words(text.toLowerCase().replace(/ё/g, 'е').replace(/-/g, ' '))
    .filter((w) => !/^\d+$/.test(w) && !/^[ivxlc]+$/.test(w))
    .map(stem)
    .filter((s) => !FILLER.has(s));

const PHRASE_STEMS: { term: string; stems: string[] }[] = PHRASES.flatMap(([term, list]) =>
  list.map((p) => ({ term, stems: stemWords(p).map(root) })),
).sort((a, b) => b.stems.length - a.stems.length);

/** The codes forms put before an indicator: «1.», «2.2.1», «А.1», «I.», «1)», «Б)». */
const LEADING_CODE =
  /^\s*(?:№\s*)?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[IVXLC]{1,6}|[А-ЯA-Z])(?:\.[0-9]{1,3})*[.)]?\s+/u;
/** «(от 0 до 5)», «(0/1)», «(да/нет)»: how to answer, not what is asked. */
const ANSWER_HINT = /\((?:от\s*)?\d+\s*(?:до|[-–—/])\s*\d+\)|\((?:да|нет)\s*\/\s*(?:да|нет)\)/giu;

/** The meaning-bearing terms of an indicator's text, order ignored, each once. */
export function indicatorTerms(text: string): string[] {
  const stripped = text
    .replace(LEADING_CODE, '')
    .replace(ANSWER_HINT, ' ')
    .replace(/^\s*[-–—•]\s*/, '');
  const roots = stemWords(stripped).map(root);
  const out = new Set<string>();
  for (let i = 0; i < roots.length;) {
    let taken = 0;
    for (const p of PHRASE_STEMS) {
      const n = p.stems.length;
      if (n === 0 || i + n > roots.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) same = roots[i + k] === p.stems[k];
      if (same) {
        out.add(p.term);
        taken = n;
        break;
      }
    }
    if (taken === 0) {
      out.add(roots[i]!);
      taken = 1;
    }
    i += taken;
  }
  return [...out];
}

export interface MatchCandidate<K> {
  key: K;
  text: string;
  /** Where the indicator sits: its section's title and its group's text. */
  context?: string;
}

export interface MatchQuery {
  text: string;
  context?: string;
}

export type MatchOutcome<K> =
  | { status: 'match'; key: K; score: number; runnerUp: number }
  | { status: 'ambiguous'; keys: K[]; score: number }
  | { status: 'none'; score: number; best: K | null };

/** Calibrated on the tuning corpus (tests/corpus/tuning); see bench «checklist-corpus». */
export const SAME_INDICATOR = 0.6;
/** A runner-up within this of the best makes the choice a guess. */
const AMBIGUITY_MARGIN = 0.06;
/** How much the section and group titles weigh against the indicator's own words. */
const CONTEXT_WEIGHT = 0.25;

interface Prepared<K> {
  key: K;
  terms: string[];
  context: string[];
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

  constructor(candidates: readonly MatchCandidate<K>[]) {
    this.prepared = candidates.map((c) => ({
      key: c.key,
      terms: indicatorTerms(c.text),
      context: c.context ? indicatorTerms(c.context) : [],
    }));
    const df = new Map<string, number>();
    for (const p of this.prepared) for (const t of p.terms) df.set(t, (df.get(t) ?? 0) + 1);
    const n = Math.max(1, this.prepared.length);
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.unseen = Math.log(1 + n);
  }

  private weight(t: string): number {
    return this.idf.get(t) ?? this.unseen;
  }

  /** Weighted Dice overlap of two term sets, 0…1. */
  private overlap(a: readonly string[], b: readonly string[]): number {
    if (a.length === 0 || b.length === 0) return 0;
    const bs = new Set(b);
    let shared = 0;
    let total = 0;
    for (const t of a) {
      const w = this.weight(t);
      total += w;
      if (bs.has(t)) shared += 2 * w;
    }
    for (const t of b) total += this.weight(t);
    return total === 0 ? 0 : shared / total;
  }

  /** Every candidate's score for the query, best first. */
  scores(q: MatchQuery): { key: K; score: number }[] {
    const terms = indicatorTerms(q.text);
    const context = q.context ? indicatorTerms(q.context) : [];
    return this.prepared
      .map((p) => {
        const own = this.overlap(terms, p.terms);
        const score =
          context.length && p.context.length
            ? (1 - CONTEXT_WEIGHT) * own + CONTEXT_WEIGHT * this.overlap(context, p.context)
            : own;
        return { key: p.key, score };
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
    threshold = SAME_INDICATOR,
  ): MatchOutcome<K> {
    const ranked = this.scores(q).filter((s) => accept(s.key));
    const best = ranked[0];
    if (!best || best.score < threshold)
      return { status: 'none', score: best?.score ?? 0, best: best?.key ?? null };
    const close = ranked.filter((s) => s.score > best.score - AMBIGUITY_MARGIN);
    if (close.length > 1)
      return { status: 'ambiguous', keys: close.map((s) => s.key), score: best.score };
    return { status: 'match', key: best.key, score: best.score, runnerUp: ranked[1]?.score ?? 0 };
  }
}

/** Similarity of two indicator texts on their own (no collection): uniform term weights. */
export function indicatorSimilarity(a: string, b: string): number {
  return new IndicatorMatcher([{ key: 0, text: b }]).scores({ text: a })[0]?.score ?? 0;
}
