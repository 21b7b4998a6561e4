// Citations of documents in Russian report text: «Приказ УО от 14.05.2021 года № 736 «О …»»,
// «письма УО от 12.04.2021 № 1064/21-21-10, от 15.04.2021 № 1128/21-21-08» (two letters),
// «приказ УО 01.12.2020 г. № 1325», «распоряжение … N 1450-р», «от 26 января 2021 года № 192».
// A citation is a kind word (any case, any number) followed — within the same paragraph and
// table cell — by a date and/or a number; a kind word alone («письма о направлении …») is not.
import { z } from 'zod';
import { evidenceKindSchema, isoDateSchema, type EvidenceKind } from '../model/index.ts';
import { formatRuDate } from '../ru/date.ts';
import { DATE_SOURCE, isoFromGroups } from './dates.ts';

export const documentRefSchema = z.object({
  kind: evidenceKindSchema,
  /** Nominative where the first word is a known noun: «УО», «управление образования …». */
  issuer: z.string(),
  date: isoDateSchema.nullable(),
  /** As written, without «№»: «736», «1064/21-21-10», «1450-р»; '' when the citation has none. */
  number: z.string(),
  /** Without the outer quotes; '' when none. */
  title: z.string(),
  /** The citation as it stands in the text. */
  raw: z.string(),
  /** Offset of `raw` in the text. */
  index: z.number().int().nonnegative(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

const KIND_PATTERNS: Array<[string, EvidenceKind]> = [
  ['приказ(?:а|у|ом|е|ы|ов|ам|ами|ах)?', 'order'],
  ['письм(?:о|а|у|ом|е|ам|ами|ах)|писем', 'letter'],
  ['распоряжени(?:е|я|ю|ем|и|й|ям|ями|ях)', 'directive'],
  ['постановлени(?:е|я|ю|ем|и|й|ям|ями|ях)', 'directive'],
  ['решени(?:е|я|ю|ем|и|й|ям|ями|ях)', 'directive'],
  ['справк(?:а|и|е|у|ой|ою|ам|ами|ах)|справок', 'certificate'],
  ['протокол(?:а|у|ом|е|ы|ов|ам|ами|ах)?', 'protocol'],
  ['план(?:а|у|ом|е|ы|ов|ам|ами|ах)?', 'plan'],
  ['программ(?:а|ы|е|у|ой|ою|ам|ами|ах)?', 'programme'],
  ['отч[её]т(?:а|у|ом|е|ы|ов|ам|ами|ах)?', 'report'],
  ['положени(?:е|я|ю|ем|и|й|ям|ями|ях)', 'other'],
];

const KIND_SOURCE = String.raw`(?<![\p{L}\d])(?:${KIND_PATTERNS.map(([p], i) => `(?<k${i}>${p})`).join('|')})(?![\p{L}\d-])`;
const KIND_RE = new RegExp(KIND_SOURCE, 'giu');

/** A number as written after «№»/«N»: «736», «118-18-789/21-23», «1450-р». */
const NUMBER_SOURCE = String.raw`(?<num>[\p{L}\d][\p{L}\d\-/.]*)`;
const NUMBER_SIGN = String.raw`(?:№|(?<![\p{L}])N(?=\s*\d))`;

/** Requisites at one position: «от DATE № N», «DATE № N», «№ N от DATE», «от DATE», «№ N». */
const REQ_RE = new RegExp(
  String.raw`(?:(?:от\s+)?${DATE_SOURCE}(?:\s*,)?(?:\s*${NUMBER_SIGN}\s*${NUMBER_SOURCE})?` +
    String.raw`|${NUMBER_SIGN}\s*${NUMBER_SOURCE.replace('num', 'num2')}(?:\s*,?\s*(?:от\s+)?${DATE_SOURCE.replace(/\?<(w?[dmy])>/g, (_all, name: string) => `?<${name}2>`)})?)`,
  'yiu',
);

/** Where requisites may begin inside the span after a kind word. */
const REQ_START_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:от\s+(?=[«"]?\d)|(?=\d{1,2}\.\d{1,2}\.\s?\d{2,4})|(?=\d{1,2}\s+[а-яё]+\s+\d{4})|(?=${NUMBER_SIGN}))`,
  'giu',
);

/** What ends the span between the kind word and its requisites: a quote, a bracket, a cell or
 *  paragraph break, a sentence end (a period after a word of 3+ letters before a capital). */
const SPAN_STOP_RE = /[«»"“”„()[\];:\t]|\n[ \t]*\n|(?<=\p{L}{3})\.\s+(?=\p{Lu})/u;

/** «СОШ № 12» inside an issuer is a school's number, not the document's. */
const SCHOOL_BEFORE_NUMBER_RE = /(?:СОШ|ООШ|НОШ|лице\p{L}*|гимнази\p{L}*|школ\p{L}*)\s*$/iu;

const CONTINUATION_RE = /\s*(?:,|;|\s+и)\s*/y;
const MAX_SPAN = 220;

/** First word of an issuer, genitive → nominative (a citation governs the genitive). */
const NOMINATIVE: Record<string, string> = {
  управления: 'управление',
  министерства: 'министерство',
  администрации: 'администрация',
  департамента: 'департамент',
  начальника: 'начальник',
  отдела: 'отдел',
  центра: 'центр',
  комитета: 'комитет',
  учреждения: 'учреждение',
  руководителя: 'руководитель',
  директора: 'директор',
  главы: 'глава',
};
const GENITIVE: Record<string, string> = Object.fromEntries(
  Object.entries(NOMINATIVE).map(([gen, nom]) => [nom, gen]),
);

function swapFirstWord(text: string, table: Record<string, string>): string {
  const m = /^(\p{L}+)/u.exec(text);
  if (!m) return text;
  const word = m[1]!;
  const lower = word.toLowerCase();
  const replacement = table[lower];
  if (!replacement) return text;
  const cased =
    word === word.toUpperCase()
      ? replacement.toUpperCase()
      : word[0] === word[0]!.toUpperCase()
        ? replacement[0]!.toUpperCase() + replacement.slice(1)
        : replacement;
  return cased + text.slice(word.length);
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .trim();
}

function cleanNumber(num: string): string {
  return num.replace(/[.\-/]+$/, '');
}

function kindOf(groups: Record<string, string | undefined>): EvidenceKind {
  for (let i = 0; i < KIND_PATTERNS.length; i++) {
    if (groups[`k${i}`] !== undefined) return KIND_PATTERNS[i]![1];
  }
  return 'other';
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
  // A written date that is not a calendar day («31.02.2021») makes the citation unreliable.
  if ((hasDate && !first) || (hasSecondDate && !second)) return null;
  const rawNumber = g.num ?? g.num2;
  const number = rawNumber ? cleanNumber(rawNumber) : '';
  if (rawNumber !== undefined && !/\d/.test(number)) return null;
  let end = REQ_RE.lastIndex;
  // Give back a trailing period that ended the sentence rather than the number.
  if (rawNumber && rawNumber !== number) end -= rawNumber.length - number.length;
  return { date: first ?? second, number, end };
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

function normaliseIssuer(span: string): string {
  const text = clean(span);
  return text ? swapFirstWord(text, NOMINATIVE) : '';
}

/** Every citation of a document in `text`, in reading order (repeats included). */
export function extractRefs(text: string): DocumentRef[] {
  const refs: DocumentRef[] = [];
  const kindRe = new RegExp(KIND_RE.source, KIND_RE.flags);
  for (let m = kindRe.exec(text); m; m = kindRe.exec(text)) {
    const kind = kindOf(m.groups ?? {});
    const afterKind = m.index + m[0].length;
    const window = text.slice(afterKind, afterKind + MAX_SPAN);

    // The span ends at the first stop character or at the next kind word.
    let stop = window.search(SPAN_STOP_RE);
    if (stop < 0) stop = window.length;
    const nextKind = new RegExp(KIND_SOURCE, 'iu').exec(window);
    if (nextKind && nextKind.index < stop) stop = nextKind.index;

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

    let issuer = normaliseIssuer(spanText);
    // «приказ о назначении тьюторов от …»: the span is the subject, not the issuer.
    if (/^(?:о|об|обо)\s/iu.test(issuer)) {
      titleBefore = titleBefore || issuer;
      issuer = '';
    }

    let rawStart = m.index;
    let title = titleBefore;
    for (;;) {
      let end = req.end;
      const after = title ? null : readTitleAfter(text, end);
      if (after) {
        title = after.title;
        end = after.end;
      }
      refs.push({
        kind,
        issuer,
        date: req.date,
        number: req.number,
        title,
        raw: text.slice(rawStart, end),
        index: rawStart,
      });
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
  return refs;
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
      if (!seen.issuer && ref.issuer) seen.issuer = ref.issuer;
    }
  }
  return [...byKey.values()];
}

const KIND_WORD: Record<EvidenceKind, string> = {
  order: 'приказ',
  letter: 'письмо',
  directive: 'распоряжение',
  certificate: 'справка',
  protocol: 'протокол',
  plan: 'план',
  programme: 'программа',
  report: 'отчёт',
  web_page: 'страница сайта',
  file: 'файл',
  photo: 'фото',
  other: 'документ',
};

/** «приказ УО от 14.05.2021 № 736 «О результатах …»» — the customary citation. */
export function formatRef(ref: {
  kind: EvidenceKind;
  issuer: string;
  date: string | null;
  number: string;
  title: string;
}): string {
  const parts = [KIND_WORD[ref.kind]];
  const issuer = clean(ref.issuer);
  if (issuer) parts.push(swapFirstWord(issuer, GENITIVE));
  if (ref.date) parts.push(`от ${formatRuDate(ref.date)}`);
  if (ref.number.trim()) parts.push(`№ ${ref.number.trim()}`);
  const title = clean(ref.title);
  if (title) {
    // Customary form drops the inner closing quote when two would meet: «О … «День …»».
    parts.push(`«${title}»`);
  }
  return parts.join(' ');
}
