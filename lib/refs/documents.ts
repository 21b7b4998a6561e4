// Citations of documents in Russian text, as real papers write them (#19):
//   «Приказ УО от 14.05.2021 года № 736 «О …»», «письма УО от 12.04.2021 № 1064/21-21-10,
//   от 15.04.2021 № 1128/21-21-08» (two letters), «приказ УО 01.12.2020 г. № 1325»,
//   «постановление Администрации г. Ростова-на-Дону от 04.04.2012 № 220», «Федеральный закон
//   от 29.12.2012 № 273-ФЗ», «приказу от 30.08.2021г. №01-03\482», «Утверждаю «23» августа
//   2021 г. приказ № 60» (the date before the act), and a document's own heading: «РЕШЕНИЕ»,
//   then «от 18 декабря 2020 года        N 7/45» on the next line.
// A citation is a kind word followed — within the same paragraph and table cell — by a date
// and/or a number; a kind word alone («письма о направлении …») is not. Requisites with a
// number but no recognisable kind or date are kept and marked incomplete, for the user to
// complete: never dropped, never guessed.
import { z } from 'zod';
import { evidenceKindSchema, isoDateSchema, type EvidenceKind } from '../model/index.ts';
import { DATE_SOURCE, isoFromGroups } from './dates.ts';
import { issuerNominative } from './issuer.ts';
import { KIND_SOURCE, kindOfGroups, kindOfWord, numberIdentifies } from './kinds.ts';

export const refFieldSchema = z.enum(['kind', 'date', 'number']);
export type RefField = z.infer<typeof refFieldSchema>;

export const documentRefSchema = z.object({
  kind: evidenceKindSchema,
  /** The kind word as written («постановлением», «ПРИКАЗ», «исх.»); '' when there was none. */
  kindText: z.string(),
  /** In the nominative where the head is a known noun: «Минераловодский городской Совет». */
  issuer: z.string(),
  /** The issuer as found in the text («Минераловодского городского Совета»). */
  issuerText: z.string(),
  date: isoDateSchema.nullable(),
  /** As written, without «№»: «736», «01-03\482», «1450-р», «273-ФЗ»; '' when there is none. */
  number: z.string(),
  /** Without the outer quotes; '' when none. */
  title: z.string(),
  /** The citation as it stands in the text. */
  raw: z.string(),
  /** Offset of `raw` in the text. */
  index: z.number().int().nonnegative(),
  /** What the text does not give. */
  missing: z.array(refFieldSchema),
  /**
   * The reference cannot name its document without the user: no kind, or no date (a law's
   * number alone names it). Shown for the user to complete, never filled in by guessing.
   */
  incomplete: z.boolean(),
  /** A document's own heading («ПРИКАЗ / от 04.06.2021 / № 877»), not a citation in running text. */
  heading: z.boolean(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

const KIND_RE = new RegExp(KIND_SOURCE, 'giu');
const NEXT_KIND_RE = new RegExp(KIND_SOURCE, 'iu');

/** A number as written after «№»/«N»: «736», «118-18-789/21-23», «1450-р», «01-03\482». */
const NUMBER_SOURCE = String.raw`(?<num>[\p{L}\d][\p{L}\d\-/.\\]*)`;
const NUMBER_SIGN = String.raw`(?:№|(?<![\p{L}])N(?=[ \t]*[\d\p{Lu}]))`;

/** «10 февраля 2020 г.   г. Ставрополь   № 41-р»: a heading's line may name the place between. */
const PLACE_BETWEEN = String.raw`[ \t]+(?:г\.|ст-ца|ст\.|с\.|пос\.|пгт)[ \t]?\p{Lu}[\p{L}-]*(?=[ \t]+№)`;

/** Requisites at one position: «от DATE № N», «DATE № N», «№ N от DATE», «от DATE», «№ N». */
const REQ_RE = new RegExp(
  String.raw`(?:(?<from>от\s+)?${DATE_SOURCE}(?:\s*,)?(?:${PLACE_BETWEEN})?(?:\s*${NUMBER_SIGN}\s*${NUMBER_SOURCE})?` +
    String.raw`|${NUMBER_SIGN}\s*${NUMBER_SOURCE.replace('num', 'num2')}(?:\s*,?\s*(?:от\s+)?${DATE_SOURCE.replace(/\?<(w?[dmy])>/g, (_all, name: string) => `?<${name}2>`)})?)`,
  'yiu',
);

/** Where requisites may begin inside the span after a kind word. */
const REQ_START_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:от\s+(?=[«"“„]?\s?\d)|(?=[«"“„]?\d{1,2}[ \t]?[»"”]?[ \t]?\.?[ \t]?\d{1,2}[ \t]?\.[ \t]?\d{2,4})|(?=[«"“„]?\d{1,2}[»"”]?\s+[а-яё]+\s+\d{4})|(?=${NUMBER_SIGN}))`,
  'giu',
);

/** Requisites without a kind word before them, in running text or a letterhead. */
const BARE_REQ_START_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:от[ \t]+(?=[«"“„]?[ \t]?\d)|(?=\d{1,2}\.\d{1,2}\.\d{2,4}[ \t]*(?:г\.?|года)?[ \t]*№)|(?=№[ \t]*\d))`,
  'giu',
);

/** A date that ends right before a kind word: «Утверждаю «23» августа 2021 г. приказ № 60». */
const DATE_BEFORE_RE = new RegExp(String.raw`(?:${DATE_SOURCE})[ \t,]*\n?[ \t]*$`, 'iu');

/** What ends the span between the kind word and its requisites: a quote, a bracket, a cell or
 *  paragraph break, a sentence end (a period after a word of 3+ letters before a capital). */
const SPAN_STOP_RE = /[«»"“”„()[\];:\t]|\n[ \t]*\n|(?<=\p{L}{3})\.\s+(?=\p{Lu})/u;

/** «Главы администрации (губернатора) края»: a bracketed one-word alias belongs to the issuer. */
const ALIAS_RE = /\([ \t]*\p{L}+[ \t]*\)/gu;

/** «СОШ № 12» inside an issuer is a school's number, not the document's. */
const SCHOOL_BEFORE_NUMBER_RE =
  /(?:СОШ|ООШ|НОШ|лице\p{L}*|гимнази\p{L}*|школ\p{L}*|сад\p{L}*|приложени\p{L}*|пункт\p{L}*|п\.)\s*$/iu;

const ANY_KIND_RE = new RegExp(KIND_SOURCE, 'giu');
const APPROVED_BY_RE =
  /(?:утвержд\p{L}*|утвержден\p{L}*|принят\p{L}*|введен\p{L}*|согласован\p{L}*|согласно|основании|соответствии\s+с|,)\s*$/iu;

/** The first kind word in `window` that follows an approving word: «… утверждено приказом». */
function approvingKind(window: string): { index: number } | null {
  ANY_KIND_RE.lastIndex = 0;
  for (const m of window.matchAll(ANY_KIND_RE))
    if (APPROVED_BY_RE.test(window.slice(Math.max(0, m.index - 40), m.index))) return m;
  return null;
}

/** Kinds whose words after them say what the paper is about, not who issued it. */
const SUBJECT_KINDS = new Set<EvidenceKind>([
  'certificate',
  'act',
  'plan',
  'programme',
  'regulation',
  'agreement',
  'contract',
  'report',
]);

const CONTINUATION_RE = /\s*(?:,|;|\s+и)\s*/y;
const MAX_SPAN = 220;

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .trim();
}

function cleanNumber(num: string): string {
  return num.replace(/[.\-/\\]+$/, '');
}

/**
 * Reads a quoted title starting at `start` (an opening «, “, „ or "). Returns the title without
 * outer quotes and the offset after it. Nested «…«…»» titles often lose their last » in
 * practice («О проведении мероприятия «День открытых дверей», письмо …): when an inner quote
 * closes before punctuation, the title ends there.
 */
function readQuoted(text: string, start: number): { title: string; end: number } | null {
  const open = text[start];
  const limit = Math.min(text.length, start + 800);
  if (open === '"' || open === '“' || open === '„') {
    const close = open === '"' ? '"' : '”';
    for (let j = start + 1; j < limit; j++) {
      const ch = text[j]!;
      if (ch === close || (open === '„' && ch === '“')) {
        return { title: clean(text.slice(start + 1, j)), end: j + 1 };
      }
      if (ch === '\t' || (ch === '\n' && /^\n[ \t]*\n/.test(text.slice(j, j + 40)))) break;
    }
    return null;
  }
  if (open !== '«') return null;
  let depth = 0;
  for (let j = start; j < limit; j++) {
    const ch = text[j]!;
    if (ch === '«') depth++;
    else if (ch === '»') {
      depth--;
      if (depth === 0) return { title: clean(text.slice(start + 1, j)), end: j + 1 };
      if (depth === 1 && /^\s*(?:[,.;)]|$)/.test(text.slice(j + 1, j + 3))) {
        return { title: clean(text.slice(start + 1, j + 1)), end: j + 1 };
      }
    } else if (ch === '\t' || (ch === '\n' && /^\n[ \t]*\n/.test(text.slice(j, j + 40)))) {
      // Unclosed before a cell or paragraph break: keep what the text gives.
      return { title: clean(text.slice(start + 1, j)), end: j };
    }
  }
  return null;
}

/** A title after the requisites: «…», "…", or a bracketed «(о проведении РМО)». */
function readTitleAfter(text: string, at: number): { title: string; end: number } | null {
  const lead = /[ \t]*\n?[ \t]*/y;
  lead.lastIndex = at;
  lead.exec(text);
  const pos = lead.lastIndex;
  const ch = text[pos];
  if (ch === '«' || ch === '"' || ch === '“' || ch === '„') return readQuoted(text, pos);
  if (ch === '(') {
    const m = /\(\s*((?:о|об|обо)\s[^()\n\t]{1,300})\)/iuy;
    m.lastIndex = pos;
    const found = m.exec(text);
    if (found) return { title: clean(found[1]!), end: m.lastIndex };
  }
  return null;
}

interface Requisites {
  date: string | null;
  number: string;
  /** A written date that is not a calendar day («31.02.2021»): the reference is incomplete. */
  badDate: boolean;
  start: number;
  end: number;
}

function readRequisites(text: string, at: number): Requisites | null {
  REQ_RE.lastIndex = at;
  const m = REQ_RE.exec(text);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const first = isoFromGroups(g);
  const second = isoFromGroups({ d: g.d2, m: g.m2, y: g.y2, wd: g.wd2, wm: g.wm2, wy: g.wy2 });
  const hasDate = g.d !== undefined || g.wd !== undefined;
  const hasSecondDate = g.d2 !== undefined || g.wd2 !== undefined;
  const rawNumber = g.num ?? g.num2;
  const number = rawNumber ? cleanNumber(rawNumber) : '';
  if (rawNumber !== undefined && !/\d/.test(number)) return null;
  let end = REQ_RE.lastIndex;
  // Give back a trailing period that ended the sentence rather than the number.
  if (rawNumber && rawNumber !== number) end -= rawNumber.length - number.length;
  const badDate = (hasDate && !first) || (hasSecondDate && !second);
  // A bad date with no number says nothing that could name a document.
  if (badDate && !number) return null;
  // A date alone is a citation only after «от» («приказ от 25.12.2020»), not any date that
  // follows a kind word in a sentence («положение … размещено на сайте 01.09.2021»).
  if (!number && g.from === undefined && !/^от\s/iu.test(text.slice(at, at + 3))) return null;
  return { date: first ?? second, number, badDate, start: at, end };
}

/** The first place requisites may begin before `stop` (the lookahead may read past it). */
function findRequisiteStart(span: string, stop: number): number | null {
  REQ_START_RE.lastIndex = 0;
  for (let m = REQ_START_RE.exec(span); m && m.index < stop; m = REQ_START_RE.exec(span)) {
    if (m[0] === '' && REQ_START_RE.lastIndex === m.index) REQ_START_RE.lastIndex++;
    const isNumberSign = /^[№N]/.test(span.slice(m.index));
    if (isNumberSign && SCHOOL_BEFORE_NUMBER_RE.test(span.slice(0, m.index))) continue;
    return m.index;
  }
  return null;
}

interface Issuer {
  issuer: string;
  issuerText: string;
}

function readIssuer(span: string): Issuer {
  const text = clean(span.replace(/\*+/g, ' '));
  // A protocol's issuer is the body that met: «протокол заседания педагогического совета».
  const body = text.replace(/^(?:заседани[яеий]|совещани[яеий])\s+(?=\p{L})/iu, '');
  return { issuer: body ? issuerNominative(body) : '', issuerText: text };
}

function completeness(
  kind: EvidenceKind,
  kindText: string,
  date: string | null,
  number: string,
): { missing: RefField[]; incomplete: boolean } {
  const missing: RefField[] = [];
  if (!kindText) missing.push('kind');
  if (!date) missing.push('date');
  if (!number) missing.push('number');
  const incomplete = !kindText || (!date && !numberIdentifies(kind, number));
  return { missing, incomplete };
}

function makeRef(
  text: string,
  fields: {
    kind: EvidenceKind;
    kindText: string;
    issuer: Issuer;
    date: string | null;
    number: string;
    title: string;
    start: number;
    end: number;
    heading?: boolean;
  },
): DocumentRef {
  return {
    kind: fields.kind,
    kindText: fields.kindText,
    issuer: fields.issuer.issuer,
    issuerText: fields.issuer.issuerText,
    date: fields.date,
    number: fields.number,
    title: fields.title,
    raw: text.slice(fields.start, fields.end),
    index: fields.start,
    ...completeness(fields.kind, fields.kindText, fields.date, fields.number),
    heading: fields.heading ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// A document's own heading

/** A kind word alone on its line, possibly spaced out («П О С Т А Н О В Л Е Н И Е»), in bold. */
const HEADING_LINE_RE = /^[ \t]*[*#_]*[ \t]*((?:\p{L}[ \t]+){3,}\p{L}|\p{L}+)[ \t]*[*_]*[ \t]*$/gmu;
/** Where a paper prints the place it was signed: «г. Краснодар», «ст-ца Полтавская». */
const PLACE_LINE_RE =
  /^[ \t]*(?:г\.|город|ст\.|ст-ца|станица|пос\.|пгт|с\.|х\.|хутор|село|посёлок|поселок)[ \t]*\p{L}/iu;
/** Lines of a letterhead above the heading that name the country or region, not the issuer. */
const TERRITORY_RE =
  /^(?:российская федерация|\p{L}+ая (?:область|республика)|\p{L}+ий край|республика [\p{L} -]+)$/iu;

function linesAbove(text: string, at: number): string[] {
  const lines = text.slice(Math.max(0, at - 600), at).split('\n');
  lines.pop(); // the part of the heading's own line before the word
  const out: string[] = [];
  let blanks = 0;
  while (lines.length > 0 && out.length < 5) {
    const line = lines
      .pop()!
      .replace(/[*#_]+/g, ' ')
      .trim();
    if (!line) {
      if (out.length > 0 || ++blanks > 2) break;
      continue;
    }
    // «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5» is a name; other digits are an address or a phone.
    if (/\d|@|[.:;,]$/.test(line.replace(/№\s*\d+/g, '')) || line.length > 100) break;
    out.unshift(line);
  }
  while (out.length > 1 && TERRITORY_RE.test(out[0]!)) out.shift();
  return out;
}

/** The title under a heading's requisites: the first paragraph opening with «О»/«Об»/«Обо». */
function titleBelow(text: string, at: number): string {
  const lines = text.slice(at, at + 1500).split('\n');
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/[*#_]+/g, ' ').trim();
    if (!line) continue;
    if (/^(?:О|Об|Обо)\s/u.test(line) || /^[«"]/.test(line)) {
      const parts = [line];
      for (let j = i + 1; j < lines.length && parts.length < 5; j++) {
        const next = lines[j]!.replace(/[*#_]+/g, ' ').trim();
        if (!next) break;
        parts.push(next);
      }
      return clean(parts.join(' ')).replace(/^[«"](.*)[»"]$/u, '$1');
    }
    // The place it was signed: «г. Краснодар», or a bare name («Москва»).
    const place = PLACE_LINE_RE.test(line) || /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?$/u.test(line);
    if (place && line.length < 60 && ++skipped <= 2) continue;
    return '';
  }
  return '';
}

function headingRefs(text: string): DocumentRef[] {
  const refs: DocumentRef[] = [];
  HEADING_LINE_RE.lastIndex = 0;
  for (const m of text.matchAll(HEADING_LINE_RE)) {
    const word = m[1]!.replace(/[ \t]/g, '');
    if (word.length < 3 || word.length > 30) continue;
    const kind = kindOfWord(word);
    if (!kind) continue;
    const lineEnd = m.index + m[0].length;
    let req: Requisites | null = null;
    let at = lineEnd;
    // The requisites follow, perhaps after the place line; blank lines between are usual.
    for (let tries = 0; tries < 3 && !req; tries++) {
      const ws = /\s*/y;
      ws.lastIndex = at;
      ws.exec(text);
      at = ws.lastIndex;
      req = readRequisites(text, at);
      if (req) break;
      const line = /[^\n]*/y;
      line.lastIndex = at;
      const l = line.exec(text)![0];
      if (!PLACE_LINE_RE.test(l) || l.length > 60) break;
      at = line.lastIndex;
    }
    if (!req || (!req.date && !req.number)) continue;
    const wordStart = m.index + m[0].indexOf(m[1]!);
    refs.push(
      makeRef(text, {
        kind,
        kindText: m[1]!,
        issuer: readIssuer(linesAbove(text, wordStart).join(' ')),
        date: req.date,
        number: req.number,
        title: titleBelow(text, req.end),
        start: wordStart,
        end: req.end,
        heading: true,
      }),
    );
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Citations in running text

function inside(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  return ranges.some(([a, b]) => at >= a && at < b);
}

/** Every citation of a document in `text`, in reading order (repeats included). */
export function extractRefs(text: string): DocumentRef[] {
  const refs: DocumentRef[] = headingRefs(text);
  const covered: Array<[number, number]> = refs.map((r) => [r.index, r.index + r.raw.length]);
  let lastEnd = 0;
  const kindRe = new RegExp(KIND_RE.source, KIND_RE.flags);
  for (let m = kindRe.exec(text); m; m = kindRe.exec(text)) {
    if (inside(covered, m.index)) continue;
    const kind = kindOfGroups(m.groups ?? {});
    const kindText = m[0];
    const afterKind = m.index + m[0].length;
    const window = text.slice(afterKind, afterKind + MAX_SPAN);

    // The span ends at the first stop character or at the next kind word.
    let stop = window.replace(ALIAS_RE, (a) => ' '.repeat(a.length)).search(SPAN_STOP_RE);
    if (stop < 0) stop = window.length;
    // «договор о сетевой форме реализации образовательных программ от …»: kind words inside the
    // subject («о …», «об …») are part of it; the requisites after it are the first act's.
    // A kind word after «утверждено», «принят», «согласно» … is another act's, subject or not.
    const subject = /^\s*(?:о|об|обо)\s/iu.test(window);
    const nextKind = subject ? approvingKind(window) : NEXT_KIND_RE.exec(window);
    if (nextKind !== null && nextKind.index < stop) stop = nextKind.index;

    let spanText: string;
    let titleBefore = '';
    let reqAt: number;
    const start = findRequisiteStart(window, stop);
    if (start !== null) {
      spanText = window.slice(0, start);
      reqAt = afterKind + start;
    } else {
      // «приказ УО «О результатах …» от 14.05.2021 № 736»: the title comes first.
      const quoted = /[«"“„]/.test(window[stop] ?? '') ? readQuoted(text, afterKind + stop) : null;
      if (!quoted) continue;
      const gap = /\s*/y;
      gap.lastIndex = quoted.end;
      gap.exec(text);
      spanText = window.slice(0, stop);
      titleBefore = quoted.title;
      reqAt = gap.lastIndex;
    }

    let req = readRequisites(text, reqAt);
    if (!req) continue;

    let rawStart = m.index;
    // «Утверждаю «23» августа 2021 г. приказ № 60»: the date stands before the act.
    if (!req.date && !req.badDate && req.number) {
      const from = Math.max(lastEnd, m.index - 80);
      const before = DATE_BEFORE_RE.exec(text.slice(from, m.index));
      const date = before?.groups ? isoFromGroups(before.groups) : null;
      if (before && date) {
        req = { ...req, date };
        rawStart = from + before.index;
      }
    }

    let issuer = readIssuer(spanText);
    // «приказ о назначении тьюторов от …»: the span is the subject, not the issuer.
    if (/^(?:о|об|обо)\s/iu.test(issuer.issuerText)) {
      titleBefore = titleBefore || issuer.issuerText;
      issuer = { issuer: '', issuerText: '' };
    } else if (SUBJECT_KINDS.has(kind) || /^(?:по|на|за|к|в|с)\s/iu.test(issuer.issuerText)) {
      // «справка по итогам контроля», «акт проверки готовности …»: what it is about, not who.
      issuer = { issuer: '', issuerText: '' };
    }

    let title = titleBefore;
    for (;;) {
      let end = req.end;
      const after = title ? null : readTitleAfter(text, end);
      if (after) {
        title = after.title;
        end = after.end;
      }
      refs.push(
        makeRef(text, {
          kind,
          kindText,
          issuer,
          date: req.date,
          number: req.number,
          title,
          start: rawStart,
          end,
        }),
      );
      covered.push([rawStart, end]);
      lastEnd = end;
      kindRe.lastIndex = Math.max(kindRe.lastIndex, end);

      // «…, от 15.04.2021 № 1128/21-21-08»: another document of the same kind and issuer.
      CONTINUATION_RE.lastIndex = end;
      if (!CONTINUATION_RE.exec(text)) break;
      const next = CONTINUATION_RE.lastIndex;
      const head = text.slice(next, next + 40);
      const plausible =
        /^(?:от\s|№|N\s*\d)/iu.test(head) || /^\S+\s*(?:года|г\.?)?\s*№/u.test(head);
      if (!plausible) break;
      const nextReq = readRequisites(text, next);
      if (!nextReq) break;
      req = nextReq;
      rawStart = next;
      title = '';
    }
  }

  // Requisites that no kind word claims: «от 12.03.2021 № 45» alone. Kept, marked incomplete.
  BARE_REQ_START_RE.lastIndex = 0;
  for (let m = BARE_REQ_START_RE.exec(text); m; m = BARE_REQ_START_RE.exec(text)) {
    if (m[0] === '' && BARE_REQ_START_RE.lastIndex === m.index) BARE_REQ_START_RE.lastIndex++;
    if (inside(covered, m.index)) continue;
    if (SCHOOL_BEFORE_NUMBER_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const req = readRequisites(text, m.index);
    if (!req || !req.number || (!req.date && !req.badDate)) continue;
    if (/^(?:на|вх\.?)\s*$/iu.test(text.slice(Math.max(0, m.index - 4), m.index).trim())) continue;
    refs.push(
      makeRef(text, {
        kind: 'other',
        kindText: '',
        issuer: { issuer: '', issuerText: '' },
        date: req.date,
        number: req.number,
        title: '',
        start: m.index,
        end: req.end,
      }),
    );
    covered.push([m.index, req.end]);
    BARE_REQ_START_RE.lastIndex = Math.max(BARE_REQ_START_RE.lastIndex, req.end);
  }
  return refs.sort((a, b) => a.index - b.index);
}

/** Cyrillic look-alikes of Latin letters in numbers typed on mixed keyboards («1450-p»). */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  k: 'к',
  m: 'м',
  t: 'т',
  y: 'у',
};

export function normaliseNumber(number: string): string {
  return number
    .toLowerCase()
    .replace(/[\s№]/g, '')
    .replace(/[–—‐]/g, '-')
    .replace(/[aeopcxkmty]/g, (ch) => LOOKALIKES[ch] ?? ch);
}

/** Dedupe key: the same document cited twice gets the same key. */
export function refKey(ref: Pick<DocumentRef, 'kind' | 'date' | 'number'>): string {
  return `${ref.kind}|${ref.date ?? ''}|${normaliseNumber(ref.number)}`;
}

/** One entry per document (first citation wins; missing issuer/title filled from repeats). */
export function dedupeRefs(refs: readonly DocumentRef[]): DocumentRef[] {
  const byKey = new Map<string, DocumentRef>();
  for (const ref of refs) {
    const key = refKey(ref);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...ref });
    else {
      if (!seen.title && ref.title) seen.title = ref.title;
      if (!seen.issuer && ref.issuer) {
        seen.issuer = ref.issuer;
        seen.issuerText = ref.issuerText;
      }
    }
  }
  return [...byKey.values()];
}
