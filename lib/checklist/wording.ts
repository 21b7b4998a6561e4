// Indicators no rule knows get a value from their wording, with a lower confidence and the
// records it rests on, or no value at all. What the wording asks decides how to answer:
//   «Наличие … / Проведение … / Есть ли …»      → 1 when dated evidence of the period says it;
//   «Количество ШНОР / школ / ОО …»              → distinct organisations of matching activities;
//   «Количество мероприятий …»                    → matching activities;
//   «Численность / Число участников, педагогов …» → the sum of their participants;
//   «Доля ШНОР …, %»                              → matching ШНОР over all ШНОР of the register.
// A record matches when it says what the indicator says: its words cover the indicator's
// distinctive words (weighted by how rare they are in the register), every quoted name
// («Наставничество») is among them, and a named kind of document (приказ, положение,
// соглашение…) is that document. Nothing is proposed from no records: a zero no record
// justifies is not a value, and a wrong value is worse than none.
import type { EvidenceKind } from '../model/index.ts';
import { recordTerms, weightedTerms } from './indicator-match.ts';
import { INSIDE, overlapsPeriod, periodMarks, type RegisterIndex } from './register-index.ts';
import { evidenceOf } from './rules.ts';
import type { Indicator } from './schema.ts';

export interface WordingOutcome {
  value: number | null;
  confidence: number;
  evidence: number[];
  activities: number[];
  orgIds?: string[];
  /** How the value was read from the wording, for the card («по формулировке: …»). */
  how: 'presence' | 'organisations' | 'activities' | 'participants' | 'share';
  /** The words of the indicator the records matched, and those none did. */
  matched: string[];
  missing: string[];
}

/** Roots of these words, each folded on its own as the matcher folds a record's words. */
const roots = (words: string): Set<string> => new Set(words.split(/\s+/).flatMap(recordTerms));

/** Words that say how or when something happened, not what: they decide nothing. */
const GENERIC = roots(
  'наличие количество проведение получивших получили получение принявших приняли принятых ' +
    'посетивших посетили прошедших прошли участвующих участвовали участие участников ' +
    'организованных организована реализованных реализация оказана оказание включенных включена ' +
    'имеющих работающих действующих функционирование муниципальный муниципального ' +
    'управления образования учебном учебный отчетном период календарный году доля общего числа ' +
    'утвержденной утверждение обеспечение осуществление созданных создание всех работников ' +
    'специалистов представителей сотрудников ходе ОО целях рамках соответствии основании ' +
    'издан издание изданы адресной адресная адресную полном объеме',
);

/** Words that name what a count is of. */
const COUNTS_ORGS = roots('ШНОР школ ОО лидеров наставников стажировочных площадок организаций');
const COUNTS_PEOPLE = roots('педагогов участников человек учителей работников специалистов');
const COUNTS_ACTIVITIES = roots('мероприятий');
/** Words that only place an organisation count («в муниципальном образовании», «по перечню»). */
const PLACE_WORDS = roots(
  'образовании региональному перечню справочнику районе территории городе округе списку',
);

/** «отнесённых к ШНОР», «включённых в перечень»: belonging to the list, not an activity. */
const ASSIGNED = roots('отнесенных отнесенные включенных статус');

/** An activity status a count asks for («выполненных», «перенесённых»), when that is all it asks. */
const STATUS_WORDS: [string, 'done' | 'postponed' | 'planned' | 'cancelled'][] = (
  [
    ['выполненных', 'done'],
    ['проведенных', 'done'],
    ['перенесенных', 'postponed'],
    ['запланированных', 'planned'],
    ['отмененных', 'cancelled'],
  ] as const
).map(([w, st]) => [[...roots(w)][0]!, st]);
const PERIOD_WORDS = roots('следующий период году учебном');

function statusAsked(of: string[]): 'done' | 'postponed' | 'planned' | 'cancelled' | null {
  const found = STATUS_WORDS.filter(([r]) => of.includes(r));
  if (found.length !== 1) return null;
  const rest = of.filter((t) => t !== found[0]![0] && !PERIOD_WORDS.has(t));
  return rest.length === 0 ? found[0]![1] : null;
}

/** A document the indicator names, and the evidence kinds that are that document. */
const DOCUMENT_WORDS: [root: string, kinds: EvidenceKind[]][] = (
  [
    ['приказ', ['order']],
    ['распоряжение', ['directive', 'order']],
    // Records filed before #19 hold постановления as 'directive'.
    ['постановление', ['resolution', 'directive']],
    ['положение', ['regulation']],
    ['соглашение', ['agreement']],
    ['договор', ['contract']],
    ['протокол', ['protocol']],
    ['справка', ['certificate', 'report']],
    ['письмо', ['letter']],
  ] as [string, EvidenceKind[]][]
).map(([word, kinds]) => [[...roots(word)][0]!, kinds]);

/** Share of the indicator's distinctive weight a record must carry. */
const COVERAGE = 0.6;
/** Above this share any number of words may be missing. */
const COVERAGE_ANY = 0.7;

interface RegisterTerms {
  /** Per record: its terms (evidence: title and issuer; activity: title and linked evidence). */
  evidence: string[][];
  activities: string[][];
  /** Term → the records holding it, ascending: only records sharing a word are looked at. */
  evidencePostings: Map<string, number[]>;
  activityPostings: Map<string, number[]>;
  idf: (term: string) => number;
}

const cache = new WeakMap<RegisterIndex, RegisterTerms>();

function registerTerms(ix: RegisterIndex): RegisterTerms {
  const cached = cache.get(ix);
  if (cached) return cached;
  const evidence = ix.data.evidence.map((e) =>
    recordTerms(e.note ? `${e.title} ${e.note}` : e.title),
  );
  const activities = ix.data.activities.map((a, i) => {
    const own = recordTerms(a.report ? `${a.title} ${a.report}` : a.title);
    for (const e of ix.evidenceOfActivity[i]!)
      for (const t of evidence[e]!) if (!own.includes(t)) own.push(t);
    return own;
  });
  const postings = (sets: string[][]) => {
    const map = new Map<string, number[]>();
    sets.forEach((set, i) => {
      for (const t of set) {
        const list = map.get(t);
        if (list) list.push(i);
        else map.set(t, [i]);
      }
    });
    return map;
  };
  const evidencePostings = postings(evidence);
  const activityPostings = postings(activities);
  const n = evidence.length + activities.length + 1;
  // A term's document frequency is the length of its postings: no separate count per record.
  const df = (t: string) =>
    (evidencePostings.get(t)?.length ?? 0) + (activityPostings.get(t)?.length ?? 0);
  const idf = (t: string) => Math.log(1 + n / (1 + df(t)));
  const out = { evidence, activities, evidencePostings, activityPostings, idf };
  cache.set(ix, out);
  return out;
}

/** Words before what is asked or counted: «Количество…», «Доля…», «Наличие…». */
const OPENING = roots('количество наличие проведение доля общее число удельный вес');

const ORG_WORDS = roots('ШНОР ОО');
/** A participant's words: its label, and «оо»/«шнор» when it is an organisation of the register. */
const labelCache = new Map<string, Set<string>>();
function labelTerms(label: string, orgId: string | null): ReadonlySet<string> {
  const key = `${orgId === null ? '' : 'оо|'}${label}`;
  let out = labelCache.get(key);
  if (!out) {
    out = new Set(recordTerms(label));
    if (orgId !== null) out.add('оо');
    if (labelCache.size > 10_000) labelCache.clear();
    labelCache.set(key, out);
  }
  return out;
}

interface Asked {
  /** Every term, in the order of the text. */
  order: string[];
  terms: string[];
  quoted: string[];
  documents: [string, EvidenceKind[]][];
  head: string | null;
  words: Map<string, string>;
}

function asked(text: string): Asked {
  const { weights } = weightedTerms(text.replace(/\([^)]*\)/g, ' '), 1);
  const head = [...weights.keys()].find((t) => !OPENING.has(t)) ?? null;
  const quoted = [...text.matchAll(/«([^»]+)»/g)].flatMap((m) => recordTerms(m[1]!));
  const documents = DOCUMENT_WORDS.filter(([root]) => weights.has(root));
  const terms = [...weights.keys()].filter(
    (t) => !GENERIC.has(t) && !documents.some(([root]) => root === t),
  );
  // The indicator's own words, to say which of them the records matched.
  const words = new Map<string, string>();
  for (const w of text.match(/[0-9A-Za-zА-Яа-яЁё-]+/g) ?? [])
    for (const t of recordTerms(w)) if (!words.has(t)) words.set(t, w);
  return { order: [...weights.keys()], terms, quoted, documents, head, words };
}

const stamp = { marks: new Uint32Array(0), epoch: 0 };

/** Records listed as the justification of one value: enough to check, not the whole register. */
const LISTED = 20;

/**
 * Records whose shared words reach the coverage. Only the postings of the rarest words are read:
 * a record holding none of them cannot reach the coverage with the common ones alone (the
 * max-score pruning of search engines), so «ШНОР» in half the register costs nothing.
 */
function reachable(
  terms: string[],
  postings: Map<string, number[]>,
  records: string[][],
  idf: (t: string) => number,
  /** Enough for a value that needs only its first few records (presence). */
  keep: (i: number) => boolean = () => true,
  limit = Infinity,
): number[] {
  if (terms.length === 0 || records.length === 0) return [];
  const weighted = terms.map((t) => ({ t, w: idf(t) })).sort((a, b) => b.w - a.w);
  const total = weighted.reduce((n, x) => n + x.w, 0);
  const essential: string[] = [];
  let rest = total;
  for (const { t, w } of weighted) {
    if (rest < COVERAGE * total) break;
    essential.push(t);
    rest -= w;
  }
  // A stamp per record instead of a Set: no garbage for the thousands a common word reaches.
  if (stamp.marks.length < records.length) stamp.marks = new Uint32Array(records.length);
  const epoch = ++stamp.epoch;
  const marks = stamp.marks;
  const out: number[] = [];
  const need = Math.min(2, terms.length);
  for (const t of essential)
    for (const i of postings.get(t) ?? []) {
      if (marks[i] === epoch) continue;
      marks[i] = epoch;
      const words = records[i]!;
      let sum = 0;
      let hits = 0;
      for (const { t: u, w } of weighted)
        if (words.includes(u)) {
          sum += w;
          hits++;
        }
      if (hits >= need && sum >= COVERAGE * total && keep(i)) {
        out.push(i);
        if (out.length >= limit) return out.sort((x, y) => x - y);
      }
    }
  return out.sort((x, y) => x - y);
}

/** Does the record say what is asked? Returns the words it matched. */
function covers(
  a: Asked,
  words: readonly string[],
  idf: (t: string) => number,
  kind: EvidenceKind | null,
  terms: string[] = a.terms,
): string[] | null {
  if (terms.length === 0) return null;
  if (!a.quoted.every((q) => words.includes(q))) return null;
  for (const [root, kinds] of a.documents)
    if (!words.includes(root) && !(kind !== null && kinds.includes(kind))) return null;
  let total = 0;
  let shared = 0;
  const matched: string[] = [];
  for (const t of terms) {
    const w = idf(t);
    total += w;
    if (words.includes(t)) {
      shared += w;
      matched.push(t);
    }
  }
  // One word in common is a coincidence, however rare it is.
  if (matched.length < Math.min(2, terms.length)) return null;
  // Below the full coverage, only one of the indicator's words may be missing: two missing
  // words are usually the very thing asked about («стажировочных площадок»).
  const share = shared / total;
  const missing = terms.length - matched.length;
  return share >= COVERAGE_ANY || (share >= COVERAGE && missing <= 1) ? matched : null;
}

const LIVE = new Set(['done', 'in_progress']);

/** Per register snapshot: the same wording, kind and period give the same outcome. */
const outcomes = new WeakMap<RegisterIndex, Map<string, WordingOutcome | null>>();

export function proposeFromWording(
  ind: Indicator,
  ix: RegisterIndex,
  period: { start: string; end: string },
): WordingOutcome | null {
  let memo = outcomes.get(ix);
  if (!memo) outcomes.set(ix, (memo = new Map()));
  const key = `${period.start}/${period.end}/${ind.kind}/${ind.text}`;
  if (memo.has(key)) return memo.get(key)!;
  const outcome = readWording(ind, ix, period);
  memo.set(key, outcome);
  return outcome;
}

function readWording(
  ind: Indicator,
  ix: RegisterIndex,
  period: { start: string; end: string },
): WordingOutcome | null {
  if (ind.kind !== 'presence' && ind.kind !== 'count' && ind.kind !== 'percent') return null;
  const reg = registerTerms(ix);
  const a = asked(ind.text);
  if (a.terms.length === 0 && a.head === null) return null;
  const marks = periodMarks(ix, period);
  const provenActivity = (i: number) =>
    LIVE.has(ix.data.activities[i]!.status) &&
    ix.evidenceOfActivity[i]!.some((e) => marks[e] === INSIDE);
  const said = (terms: string[]) => terms.map((t) => a.words.get(t) ?? t);
  const missingOf = (matched: string[]) => said(a.terms.filter((t) => !matched.includes(t)));

  if (ind.kind === 'presence') {
    const evidence: number[] = [];
    const activities: number[] = [];
    let best: string[] = [];
    const listed = new Set<number>();
    // The words each kept record matched, found once while choosing it.
    const found = new Map<number, string[]>();
    const keeps = (m: string[] | null, i: number): boolean => {
      if (m) found.set(i, m);
      return m !== null;
    };
    for (const e of reachable(
      a.terms,
      reg.evidencePostings,
      reg.evidence,
      reg.idf,
      (e) =>
        marks[e] === INSIDE &&
        keeps(covers(a, reg.evidence[e]!, reg.idf, ix.data.evidence[e]!.kind), e),
      LISTED,
    )) {
      const m = found.get(e)!;
      evidence.push(e);
      listed.add(e);
      if (m.length > best.length) best = m;
    }
    found.clear();
    for (const i of reachable(
      a.terms,
      reg.activityPostings,
      reg.activities,
      reg.idf,
      (i) => provenActivity(i) && keeps(covers(a, reg.activities[i]!, reg.idf, null), i),
      LISTED,
    )) {
      const m = found.get(i)!;
      activities.push(i);
      for (const e of ix.evidenceOfActivity[i]!)
        if (marks[e] === INSIDE && !listed.has(e)) {
          listed.add(e);
          evidence.push(e);
        }
      if (m.length > best.length) best = m;
    }
    if (evidence.length === 0) return null;
    return {
      value: 1,
      confidence: 0.55,
      evidence: evidence.slice(0, LISTED),
      activities: activities.slice(0, LISTED),
      how: 'presence',
      matched: said(best),
      missing: missingOf(best),
    };
  }

  // Counts and shares: what is counted, and of which activities.
  const head = a.head;
  if (head === null) return null;
  // What is counted decides the filter: «Количество ШНОР…» counts ШНОР; «Количество ОО … для
  // педагогов ШНОР» counts any school.
  const shnor = head === 'шнор';
  const of = a.terms.filter((t) => t !== head);
  /** «педагогов ШНОР», «педагогов ОО»: whose people; a participant's label must say the same. */
  const whose = a.order
    .slice(a.order.indexOf(head) + 1, a.order.indexOf(head) + 3)
    .filter((t) => ORG_WORDS.has(t));
  const orgsCounted = COUNTS_ORGS.has(head);
  const peopleCounted = COUNTS_PEOPLE.has(head);
  const activitiesCounted = COUNTS_ACTIVITIES.has(head);
  if (!orgsCounted && !peopleCounted && !activitiesCounted) return null;
  const registerShnor = () => ix.data.organisations.filter((o) => o.shnor).map((o) => o.id);

  // «Количество мероприятий, выполненных (перенесённых) …»: the register's activities of the
  // period in that status.
  const status = activitiesCounted ? statusAsked(of) : null;
  if (status && ind.kind === 'count') {
    const list: number[] = [];
    ix.data.activities.forEach((act, i) => {
      if (act.status === status && overlapsPeriod(act, period)) list.push(i);
    });
    if (list.length === 0) return null;
    return {
      value: list.length,
      confidence: 0.5,
      evidence: evidenceOf(ix, list, period),
      activities: list.slice(0, LISTED),
      how: 'activities',
      matched: said(of),
      missing: [],
    };
  }
  // «Количество ШНОР в муниципальном образовании (по перечню)», «Количество ОО, отнесённых к
  // ШНОР»: the register's own list of ШНОР.
  const ofShnor = head === 'оо' && of.includes('шнор');
  if (
    ind.kind === 'count' &&
    orgsCounted &&
    (shnor || ofShnor) &&
    of.every((t) => PLACE_WORDS.has(t) || t === 'шнор' || ASSIGNED.has(t))
  ) {
    const orgIds = registerShnor();
    if (orgIds.length === 0) return null;
    return {
      value: orgIds.length,
      confidence: 0.5,
      evidence: [],
      activities: [],
      orgIds,
      how: 'organisations',
      matched: said([head]),
      missing: [],
    };
  }
  let acts: number[] = [];
  const weightOf = new Map<number, number>();
  let best: string[] = [];
  for (const i of reachable(of, reg.activityPostings, reg.activities, reg.idf)) {
    const act = ix.data.activities[i]!;
    if (!LIVE.has(act.status) || !overlapsPeriod(act, period)) continue;
    const m = covers(a, reg.activities[i]!, reg.idf, null, of);
    if (!m) continue;
    acts.push(i);
    weightOf.set(
      i,
      m.reduce((n, t) => n + reg.idf(t), 0),
    );
    if (m.length > best.length) best = m;
  }
  if (acts.length === 0) return null;
  // Only the activities that say it best: «стажировочных площадок, организованных на базе
  // школ-наставников» counts the schools hosting them, not every school that visited one.
  const top = Math.max(...weightOf.values());
  acts = acts.filter((i) => weightOf.get(i)! >= top - 1e-9);
  if (activitiesCounted) {
    if (ind.kind !== 'count') return null;
    return {
      value: acts.length,
      confidence: 0.5,
      evidence: evidenceOf(ix, acts, period),
      activities: acts.slice(0, LISTED),
      how: 'activities',
      matched: said(best),
      missing: missingOf(best),
    };
  }
  if (peopleCounted) {
    if (ind.kind !== 'count') return null;
    let sum = 0;
    const counted: number[] = [];
    for (const i of acts) {
      let any = false;
      for (const p of ix.data.activities[i]!.participants)
        if (p.count !== null && whose.every((w) => labelTerms(p.label, p.orgId).has(w))) {
          sum += p.count;
          any = true;
        }
      if (any) counted.push(i);
    }
    if (counted.length === 0 || sum === 0) return null;
    return {
      value: sum,
      confidence: 0.5,
      evidence: evidenceOf(ix, counted, period),
      activities: counted.slice(0, LISTED),
      how: 'participants',
      matched: said(best),
      missing: missingOf(best),
    };
  }
  const orgIds = new Set<string>();
  const counted: number[] = [];
  let listed = 0;
  for (const i of acts) {
    let any = false;
    for (const p of ix.data.activities[i]!.participants) {
      if (!p.orgId) continue;
      const o = ix.orgById.get(p.orgId);
      if (!o || (shnor && !o.shnor)) continue;
      orgIds.add(o.id);
      listed++;
      any = true;
    }
    if (any) counted.push(i);
  }
  if (orgIds.size === 0) return null;
  // Equally matching activities with nobody in common count different things (the schools
  // hosting training sites and the schools visiting them): adding them up would be a guess.
  if (counted.length > 1 && listed === orgIds.size) return null;
  if (ind.kind === 'percent') {
    // A share needs both parts: the matching ШНОР and all ШНОР of the register.
    if (!shnor) return null;
    const all = registerShnor().length;
    if (all === 0) return null;
    return {
      value: Math.round((orgIds.size / all) * 1000) / 10,
      confidence: 0.45,
      evidence: evidenceOf(ix, counted, period),
      activities: counted.slice(0, LISTED),
      orgIds: [...orgIds],
      how: 'share',
      matched: said(best),
      missing: missingOf(best),
    };
  }
  return {
    value: orgIds.size,
    confidence: 0.5,
    evidence: evidenceOf(ix, counted, period),
    activities: counted.slice(0, LISTED),
    orgIds: [...orgIds],
    how: 'organisations',
    matched: said(best),
    missing: missingOf(best),
  };
}
