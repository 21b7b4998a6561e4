// The grammar of Russian periods and deadlines as municipal papers write them («Февраль-март»,
// «до 15 декабря 2020», «не реже одного в четверть», «по плану работы МТКП»). Regexes over the
// normalised text, tried in a fixed order; never throws.
//
// Decisions (documented here because callers rely on them):
// - A month or day without a year takes it from the school year: September–December → its first
//   calendar year, January–August → its second. Without a school year such a period keeps its
//   kind (range, date, deadline, recurring) with null dates: the reading is right, the dates are
//   just not known yet.
// - «в течение года», «учебный год» = 01.09–31.08 of the school year; «в течение 2021 года» =
//   the calendar year. A bare «2020-2021» is read as a school year.
// - «четверть» is a school quarter (PeriodContext.quarters, else defaultQuarters); «квартал» is a
//   calendar quarter; «полугодие» with a calendar year is a calendar half, otherwise a school half
//   (I = quarters I–II, II = quarters III–IV).
// - «до X» with a date ends on that date (Russian papers mean it inclusively); «до X» with a month,
//   quarter or year ends the day before X starts («до четвертой четверти» = the eve of quarter IV);
//   «до конца X», «не позднее X» end with X.
// - «в начале учебного года» = its first month (September), «в конце учебного года» = May.
// - Recurrences («ежемесячно», «не реже одного в четверть», «2 раза в год», «после каждой
//   четверти») span the school year unless the text names another span; `times` is the count
//   per `every` (1 when the text implies once). Weekly/daily ones are recurring with every = null.
// - «X по плану …» keeps X when X is a period («В течение года По отдельному плану»).
import type { ParsedPeriod, Recurrence } from '../model/period.ts';
import {
  addDays,
  daysInMonth,
  defaultQuarters,
  isRealDate,
  isoOf,
  schoolYearStart,
  schoolYearOf,
} from './calendar.ts';
import { normalizePeriodText } from './normalize.ts';

export interface PeriodContext {
  /** «2020-2021». */
  schoolYear?: string;
  /** The workspace's four quarters, ISO dates; defaultQuarters() when absent. */
  quarters?: { start: string; end: string }[];
}

/** The context with the school year resolved to its first calendar year. */
export interface ResolvedContext {
  first: number | null;
  quarters: { start: string; end: string }[] | null;
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

function validQuarters(q: PeriodContext['quarters']): { start: string; end: string }[] | null {
  if (!q || q.length !== 4) return null;
  for (const x of q)
    if (!ISO_RE.test(x.start) || !ISO_RE.test(x.end) || x.start > x.end) return null;
  return q;
}

export function resolveContext(ctx?: PeriodContext): ResolvedContext {
  const quarters = validQuarters(ctx?.quarters);
  let first = ctx?.schoolYear ? schoolYearStart(ctx.schoolYear) : null;
  if (first === null && quarters) first = Number(schoolYearOf(quarters[0]!.start).slice(0, 4));
  return { first, quarters };
}

/** The quarters of the school year starting in `first`: the workspace's when they are of that year. */
export function quartersOf(first: number, c: ResolvedContext): { start: string; end: string }[] {
  if (c.quarters && Number(schoolYearOf(c.quarters[0]!.start).slice(0, 4)) === first)
    return c.quarters;
  return defaultQuarters(`${first}-${first + 1}`);
}

// ---------------------------------------------------------------- terms: one point or span

type Term =
  | { t: 'day'; d: number; m?: number; y?: number }
  | { t: 'num'; n: number }
  | { t: 'month'; m: number; y?: number }
  | { t: 'part'; unit: 'quarter' | 'kvartal' | 'half'; n: number; y?: number; sy?: number }
  | { t: 'year'; y: number }
  | { t: 'sy'; sy?: number };

interface Span {
  start: string | null;
  end: string | null;
}

const MONTH =
  '(январ[ьяе]|янв|феврал[ьяе]|февр?|март[ае]?|мар|апрел[ьяе]|апр|ма[йяе]|июн[ьяе]?|июл[ьяе]?|август[ае]?|авг|сентябр[ьяе]|сент?|октябр[ьяе]|окт|ноябр[ьяе]|нояб?|декабр[ьяе]|дек)\\.?';
const MONTH_BY_PREFIX: Record<string, number> = {
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  май: 5,
  мая: 5,
  мае: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
};
const NUMERAL = '(iv|i{1,3}|v|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)';
const SCHOOL_YEAR = '(\\d{4})-(\\d{4}|\\d{2})(?: (?:учебн[а-я]*|уч\\.?) ?(?:год[а-я]*|г\\.?))?';

const NUM_DATE_RE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/;
const DAY_MONTH_RE = new RegExp(`^(\\d{1,2}) ${MONTH}(?: (\\d{4}))?$`);
const MONTH_RE = new RegExp(`^${MONTH}(?: (\\d{4}))?$`);
const PART_RE = new RegExp(
  `^${NUMERAL} (четверт|квартал|полугод)[а-я]*(?: (\\d{4}))?(?: ${SCHOOL_YEAR})?$`,
);
const BARE_NUMERAL_RE = new RegExp(`^${NUMERAL}$`);
const BARE_DAY_RE = /^(\d{1,2})$/;
const YEAR_RE = /^(\d{4})$/;
const SCHOOL_YEAR_RE = new RegExp(`^${SCHOOL_YEAR}$`);
const CTX_YEAR_RE =
  /^(?:(?:весь|всего|целый|целого) )?(?:учебн[а-я]* )?(?:год|года|году)$|^(?:постоянно|систематически|весь период|всего периода)$/;
const EDGE_RE = /^(начал[а-я]*|конец|конц[а-я]*|середин[а-я]*) (.+)$/;
const PREFIX_RE = /^(?:в течение|в период|в|во|на|за|период|с|со|начиная с) /;

function monthNumber(token: string): number {
  return MONTH_BY_PREFIX[token.slice(0, 3)] ?? 0;
}

function numeralValue(token: string): number {
  switch (token) {
    case 'i':
    case '1':
      return 1;
    case 'ii':
    case '2':
      return 2;
    case 'iii':
    case '3':
      return 3;
    case 'iv':
    case '4':
      return 4;
    case 'v':
      return 5;
  }
  if (token.startsWith('перв')) return 1;
  if (token.startsWith('втор')) return 2;
  if (token.startsWith('трет')) return 3;
  return 4; // четверт…
}

function fullYear(token: string): number {
  return token.length === 2 ? 2000 + Number(token) : Number(token);
}

function parseSchoolYearToken(first: string, second: string): number | null {
  return schoolYearStart(`${first}-${second}`);
}

function stripPrefixes(s: string): string {
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(PREFIX_RE, '');
  }
  return s;
}

function parseTerm(s: string, c: ResolvedContext): Term | null {
  let m = NUM_DATE_RE.exec(s);
  if (m) {
    const t: Term = { t: 'day', d: Number(m[1]), m: Number(m[2]) };
    if (m[3]) t.y = fullYear(m[3]);
    return t;
  }
  m = DAY_MONTH_RE.exec(s);
  if (m) {
    const t: Term = { t: 'day', d: Number(m[1]), m: monthNumber(m[2]!) };
    if (m[3]) t.y = Number(m[3]);
    return t;
  }
  m = MONTH_RE.exec(s);
  if (m) {
    const t: Term = { t: 'month', m: monthNumber(m[1]!) };
    if (m[2]) t.y = Number(m[2]);
    return t;
  }
  m = PART_RE.exec(s);
  if (m) {
    const unit = m[2] === 'квартал' ? 'kvartal' : m[2] === 'четверт' ? 'quarter' : 'half';
    const t: Term = { t: 'part', unit, n: numeralValue(m[1]!) };
    if (m[3]) t.y = Number(m[3]);
    if (m[4]) {
      const sy = parseSchoolYearToken(m[4], m[5]!);
      if (sy === null) return null;
      t.sy = sy;
    }
    return t;
  }
  m = YEAR_RE.exec(s);
  if (m) return { t: 'year', y: Number(m[1]) };
  m = SCHOOL_YEAR_RE.exec(s);
  if (m) {
    const sy = parseSchoolYearToken(m[1]!, m[2]!);
    return sy === null ? null : { t: 'sy', sy };
  }
  if (CTX_YEAR_RE.test(s)) return { t: 'sy' };
  m = BARE_DAY_RE.exec(s);
  if (m) return { t: 'num', n: Number(m[1]) };
  m = BARE_NUMERAL_RE.exec(s);
  if (m) return { t: 'num', n: numeralValue(m[1]!) };
  m = EDGE_RE.exec(s);
  if (m) {
    const inner = parseTerm(stripPrefixes(m[2]!), c);
    if (!inner) return null;
    const edge = m[1]!.startsWith('начал')
      ? 'start'
      : m[1]!.startsWith('конц') || m[1] === 'конец'
        ? 'end'
        : 'middle';
    if (edge === 'middle') return inner;
    if (inner.t === 'year') return { t: 'month', m: edge === 'start' ? 1 : 12, y: inner.y };
    if (inner.t === 'sy') {
      // The school's working year: it starts in September and its last working month is May.
      const first = inner.sy ?? c.first;
      const t: Term = { t: 'month', m: edge === 'start' ? 9 : 5 };
      if (first !== null) t.y = edge === 'start' ? first : first + 1;
      return t;
    }
    return inner;
  }
  return null;
}

function yearByRule(month: number, c: ResolvedContext): number | null {
  if (c.first === null) return null;
  return month >= 9 ? c.first : c.first + 1;
}

const NO_DATES: Span = { start: null, end: null };

/** A term's first and last day; NO_DATES when the year is unknown; null when no such date exists. */
function spanOf(term: Term, c: ResolvedContext): Span | null {
  switch (term.t) {
    case 'num':
      return null;
    case 'day': {
      if (term.m === undefined) return null;
      const y = term.y ?? yearByRule(term.m, c);
      // Without a year, still refuse days no year has («31 февраля»); 2000 is a leap year.
      if (y === null) return isRealDate(2000, term.m, term.d) ? NO_DATES : null;
      if (!isRealDate(y, term.m, term.d)) return null;
      const iso = isoOf(y, term.m, term.d);
      return { start: iso, end: iso };
    }
    case 'month': {
      if (term.m < 1) return null;
      const y = term.y ?? yearByRule(term.m, c);
      if (y === null) return NO_DATES;
      return { start: isoOf(y, term.m, 1), end: isoOf(y, term.m, daysInMonth(y, term.m)) };
    }
    case 'year':
      return { start: isoOf(term.y, 1, 1), end: isoOf(term.y, 12, 31) };
    case 'sy': {
      const first = term.sy ?? c.first;
      if (first === null) return NO_DATES;
      return { start: isoOf(first, 9, 1), end: isoOf(first + 1, 8, 31) };
    }
    case 'part': {
      const { n } = term;
      if (term.unit === 'kvartal') {
        if (n > 4) return null;
        const startMonth = (n - 1) * 3 + 1;
        let y: number | null = term.y ?? null;
        if (y === null && term.sy !== undefined) y = startMonth >= 9 ? term.sy : term.sy + 1;
        if (y === null) y = yearByRule(startMonth, c);
        if (y === null) return NO_DATES;
        return {
          start: isoOf(y, startMonth, 1),
          end: isoOf(y, startMonth + 2, daysInMonth(y, startMonth + 2)),
        };
      }
      if (term.unit === 'half') {
        if (n > 2) return null;
        if (term.y !== undefined && term.sy === undefined)
          return n === 1
            ? { start: isoOf(term.y, 1, 1), end: isoOf(term.y, 6, 30) }
            : { start: isoOf(term.y, 7, 1), end: isoOf(term.y, 12, 31) };
        const first = term.sy ?? c.first;
        if (first === null) return NO_DATES;
        const q = quartersOf(first, c);
        return n === 1
          ? { start: q[0]!.start, end: q[1]!.end }
          : { start: q[2]!.start, end: q[3]!.end };
      }
      if (n > 4) return null;
      let first: number | null = term.sy ?? null;
      // «III четверть 2021»: quarters I–II fall in the school year's first calendar year.
      if (first === null && term.y !== undefined) first = n <= 2 ? term.y : term.y - 1;
      if (first === null) first = c.first;
      if (first === null) return NO_DATES;
      const q = quartersOf(first, c)[n - 1]!;
      return { start: q.start, end: q.end };
    }
  }
}

function monthDayKey(t: { m?: number; d?: number }): number {
  return (t.m ?? 0) * 100 + (t.d ?? 0);
}

/** Fills what the first end of a range leaves out («1–11 мая 2021», «февраль–апрель 2021»). */
function completeRange(a: Term, b: Term, c: ResolvedContext): [Term, Term] | null {
  if (a.t === 'num') {
    if (b.t === 'day') a = { t: 'day', d: a.n, m: b.m, y: b.y };
    else if (b.t === 'part') a = { ...b, n: a.n };
    else return null;
  }
  if (a.t === 'day' && a.m === undefined) return null;
  if ((a.t === 'day' || a.t === 'month') && (b.t === 'day' || b.t === 'month')) {
    const before = monthDayKey(b) < monthDayKey(a);
    if (a.y === undefined && b.y !== undefined) a = { ...a, y: before ? b.y - 1 : b.y };
    else if (a.y === undefined && b.y === undefined) {
      const y = yearByRule(a.m!, c);
      if (y !== null) {
        a = { ...a, y };
        b = { ...b, y: before ? y + 1 : y };
      }
    } else if (a.y !== undefined && b.y === undefined) b = { ...b, y: before ? a.y + 1 : a.y };
  }
  if (a.t === 'part' && b.t === 'part' && a.y === undefined && a.sy === undefined) {
    a = { ...a };
    if (b.y !== undefined) a.y = b.y;
    if (b.sy !== undefined) a.sy = b.sy;
  }
  return [a, b];
}

type SpanResult = { kind: 'date' | 'range'; span: Span } | 'invalid' | null;

function parseSpan(text: string, c: ResolvedContext): SpanResult {
  const since = /^(?:с|со|начиная с) /.test(text);
  const s = stripPrefixes(text);
  const single = parseTerm(s, c);
  if (single) {
    const span = spanOf(single, c);
    if (!span) return 'invalid';
    if (since) return { kind: 'range', span: { start: span.start, end: null } };
    return { kind: single.t === 'day' ? 'date' : 'range', span };
  }
  const pairs: [string, string][] = [];
  const word = / (?:по|до) /.exec(s);
  if (word) pairs.push([s.slice(0, word.index), s.slice(word.index + word[0].length)]);
  for (let i = s.indexOf('-'); i > 0; i = s.indexOf('-', i + 1))
    pairs.push([s.slice(0, i), s.slice(i + 1)]);
  for (const [left, right] of pairs) {
    const a = parseTerm(stripPrefixes(left), c);
    const b = a && parseTerm(stripPrefixes(right), c);
    if (!a || !b) continue;
    const completed = completeRange(a, b, c);
    if (!completed) return 'invalid';
    const sa = spanOf(completed[0], c);
    const sb = spanOf(completed[1], c);
    if (!sa || !sb) return 'invalid';
    if (sa.start === null || sb.end === null) return { kind: 'range', span: NO_DATES };
    if (sa.start > sb.end) return 'invalid';
    return { kind: 'range', span: { start: sa.start, end: sb.end } };
  }
  return null;
}

// ---------------------------------------------------------------- recurrences

const COUNTS: Record<string, number> = {
  один: 1,
  одного: 1,
  одной: 1,
  одну: 1,
  одна: 1,
  два: 2,
  две: 2,
  двух: 2,
  дважды: 2,
  три: 3,
  трех: 3,
  трижды: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
};

const TIMES_RE =
  /(?:не (?:реже|менее|чаще|более) |минимум |как минимум )?(?:(\d+|один|одного|одной|одну|одна|два|две|двух|дважды|три|трех|трижды|четыре|четырех|пять|пяти) (?:раза? )?|раз )(?:в|за) (?:каждую |каждый |каждое )?(месяц|квартал|четверть|полугодие|полгода|учебный год|год)(?![а-я])/;

const AFTER_EACH =
  '(?:в конце|по итогам|по окончании|по завершении|до конца|после) (?:каждой |каждого )?';
const EVERY_RES: [RegExp, Recurrence | null][] = [
  [
    new RegExp(`ежемесячн[а-я]*|кажд[а-я]* месяц[а-я]*|по месяцам|${AFTER_EACH}месяца(?![а-я])`),
    'month',
  ],
  [
    new RegExp(
      `ежекварталь[а-я]*|кажд[а-я]* (?:квартал|четверт)[а-я]*|по (?:четвертям|кварталам)|${AFTER_EACH}(?:четверти|квартала)(?![а-я])`,
    ),
    'quarter',
  ],
  [
    new RegExp(
      `кажд[а-я]* (?:полугоди[а-я]*|полгода)|по полугодиям|${AFTER_EACH}полугодия(?![а-я])`,
    ),
    'half-year',
  ],
  [/ежегодн[а-я]*|кажд[а-я]* (?:учебн[а-я]* )?год[а-я]*/, 'year'],
  [
    /еженедельн[а-я]*|ежедневн[а-я]*|кажд[а-я]* (?:недел|ден|день|понедельн|вторник|сред|четверг|пятниц|суббот)[а-я]*|по (?:понедельникам|вторникам|средам|четвергам|пятницам|субботам)/,
    null,
  ],
];

function unitToEvery(unit: string): Recurrence {
  if (unit === 'месяц') return 'month';
  if (unit === 'квартал' || unit === 'четверть') return 'quarter';
  if (unit === 'полугодие' || unit === 'полгода') return 'half-year';
  return 'year';
}

function recurrence(
  s: string,
): { every: Recurrence | null; times: number | null; rest: string } | null {
  const m = TIMES_RE.exec(s);
  if (m) {
    const times = m[1] ? (COUNTS[m[1]] ?? Number(m[1])) : 1;
    if (!(times >= 1) || !Number.isInteger(times)) return null;
    return {
      every: unitToEvery(m[2]!),
      times,
      rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length),
    };
  }
  for (const [re, every] of EVERY_RES) {
    const k = re.exec(s);
    if (k)
      return {
        every,
        times: every === null ? null : 1,
        rest: s.slice(0, k.index) + ' ' + s.slice(k.index + k[0].length),
      };
  }
  return null;
}

// ---------------------------------------------------------------- plans, events, deadlines

const PLAN_RE =
  /^(?:(?:по|согласно|в соответствии с) (?:[а-я]+ )?(?:план|график|расписани|программ|календар|циклограмм)|в (?:установленные|определенные) сроки|в сроки,? (?:установленн|определенн|указанн)|план )/;
const PLAN_TAIL_RE = /[ ,;]+(?:по|согласно|в соответствии с) (?:[а-я]+ )?(?:план|график|расписани)/;
const EVENT_RE =
  /^(?:после|по итогам|по результатам|по окончании|по завершении|по мере|по запрос|по необходимости|по факту|по приглашению|по согласованию|по распоряжению|по приказу|по вызову|в ходе|в день|в дни|в период проведения|во время|накануне|перед|при |в случае|в рамках|в соответствии со сроками|в сроки проведения|за \d+ (?:дн|недел|месяц|календарн|рабоч))/;
const DEADLINE_RE =
  /^(в срок не позднее|не позднее|не позже|в срок до|срок до|до|к|по(?= \d))(?: (конц[ау]|окончани[яю]|завершени[яю]|начал[ау]))? (.+)$/;

type Core = Omit<ParsedPeriod, 'raw'>;

function core(
  kind: ParsedPeriod['kind'],
  start: string | null = null,
  end: string | null = null,
): Core {
  return { kind, start, end, every: null, times: null };
}

const UNKNOWN = core('unknown');
const MAX_LENGTH = 300;

function deadline(s: string, c: ResolvedContext): Core | null {
  const m = DEADLINE_RE.exec(s);
  if (!m) return null;
  const word = m[1]!;
  const edge = m[2];
  const term = parseTerm(stripPrefixes(m[3]!), c);
  if (!term) return word === 'по' ? null : core('event');
  const span = spanOf(term, c);
  if (!span) return UNKNOWN;
  if (span.end === null || span.start === null) return core('deadline');
  if (term.t === 'day') return core('deadline', null, span.end);
  const before = edge ? edge.startsWith('начал') : word === 'к' || word.endsWith('до');
  return core('deadline', null, before ? addDays(span.start, -1) : span.end);
}

function parseCore(s: string, c: ResolvedContext, depth: number): Core {
  if (!s) return UNKNOWN;
  const rec = recurrence(s);
  if (rec) {
    let start: string | null = null;
    let end: string | null = null;
    const rest = rec.rest.replace(/^[\s,;]*(?:и|а также)?[\s,;]*|[\s,;]+$/g, '').trim();
    const within = rest && depth < 2 ? parseSpan(rest, c) : null;
    if (within && within !== 'invalid' && within.span.start && within.span.end) {
      ({ start, end } = within.span);
    } else if (c.first !== null) {
      start = isoOf(c.first, 9, 1);
      end = isoOf(c.first + 1, 8, 31);
    }
    return { kind: 'recurring', start, end, every: rec.every, times: rec.times };
  }
  const tail = PLAN_TAIL_RE.exec(s);
  if (tail && tail.index > 0 && depth < 2) {
    const head = parseCore(s.slice(0, tail.index), c, depth + 1);
    if (head.kind !== 'unknown') return head;
  }
  if (PLAN_RE.test(s + ' ')) return core('plan');
  if (EVENT_RE.test(s)) return core('event');
  const d = deadline(s, c);
  if (d) return d;
  const span = parseSpan(s, c);
  if (span && span !== 'invalid') return core(span.kind, span.span.start, span.span.end);
  return UNKNOWN;
}

/** Reads a period written in Russian. Never throws: what it cannot read is kind 'unknown'. */
export function parsePeriod(raw: string, ctx?: PeriodContext): ParsedPeriod {
  // A period is a short phrase; a long text is not one (and would only cost regex time).
  if (raw.length > MAX_LENGTH) return { raw, ...UNKNOWN };
  try {
    const c = resolveContext(ctx);
    return { raw, ...parseCore(normalizePeriodText(raw), c, 0) };
  } catch {
    return { raw, ...UNKNOWN };
  }
}
