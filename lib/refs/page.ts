// For a captured web page (or a pasted document) that publishes an order or a letter: propose
// the requisites of its most prominent document, to prefill an Evidence record.
// Order of trust: the document's own header («ПРИКАЗ / от 04.06.2021 / № 877»), then a
// letterhead's requisites line («от 01.06.2021 № 118-18-789/21-23»), then the most cited reference.
import type { EvidenceKind } from '../model/index.ts';
import { DATE_SOURCE, isoFromGroups } from './dates.ts';
import { dedupeRefs, extractRefs, refKey } from './documents.ts';

export interface PageProposal {
  date: string | null;
  number: string | null;
  kind: EvidenceKind | null;
  title: string | null;
}

const HEADER_KINDS: Record<string, EvidenceKind> = {
  приказ: 'order',
  распоряжение: 'directive',
  постановление: 'directive',
  письмо: 'letter',
  протокол: 'protocol',
  справка: 'certificate',
};

/** A kind word alone on its line («ПРИКАЗ», «П Р И К А З»), as documents print their heading. */
const HEADER_KIND_RE =
  /^[ \t]*(приказ|распоряжение|постановление|письмо|протокол|справка)[ \t]*$/imu;
const SPACED_HEADER_RE = /^[ \t]*((?:\p{L}[ \t]){4,}\p{L})[ \t]*$/gmu;
const HEADER_REQ_RE = new RegExp(
  String.raw`^[ \t]*(?:от\s+)?${DATE_SOURCE}\s*(?:№\s*(?<num>\d[\p{L}\d\-/]*))?`,
  'imu',
);
const NUMBER_LINE_RE = /^[ \t]*№\s*(?<num>[\p{L}\d][\p{L}\d\-/.]*)[ \t]*$/mu;
const LETTERHEAD_RE = new RegExp(
  String.raw`(?<![\p{L}])от\s+${DATE_SOURCE}\s*№\s*(?<num>\d[\p{L}\d\-/.]*)`,
  'iu',
);

/** The heading after the requisites: the first paragraph that opens with «О»/«Об» («**Об итогах …**»). */
function headingAfter(text: string, from: number): string | null {
  const paragraphs = text.slice(from, from + 3000).split(/\n[ \t]*\n/);
  for (const paragraph of paragraphs.slice(0, 8)) {
    const plain = paragraph
      .replace(/[*#_]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (/^(?:О|Об|Обо)\s/u.test(plain)) return plain.length > 600 ? plain.slice(0, 600) : plain;
  }
  return null;
}

function headerKind(text: string): { kind: EvidenceKind; end: number } | null {
  const head = text.slice(0, 4000);
  const plain = HEADER_KIND_RE.exec(head);
  if (plain) {
    const kind = HEADER_KINDS[plain[1]!.toLowerCase()];
    if (kind) return { kind, end: plain.index + plain[0].length };
  }
  for (const m of head.matchAll(SPACED_HEADER_RE)) {
    const kind = HEADER_KINDS[m[1]!.replace(/[ \t]/g, '').toLowerCase()];
    if (kind) return { kind, end: m.index + m[0].length };
  }
  return null;
}

export function proposeFromPage(text: string): PageProposal {
  // 1. The document's own heading: kind word, then date and number within the next lines.
  const header = headerKind(text);
  if (header) {
    const after = text.slice(header.end, header.end + 400);
    const req = HEADER_REQ_RE.exec(after.replace(/^\s+/, ''));
    const offset = after.length - after.replace(/^\s+/, '').length;
    if (req?.groups) {
      const date = isoFromGroups(req.groups);
      let number = req.groups.num ?? null;
      let end = header.end + offset + req.index + req[0].length;
      if (!number) {
        const line = NUMBER_LINE_RE.exec(text.slice(end, end + 200));
        if (line?.groups && /\d/.test(line.groups.num!)) {
          number = line.groups.num!.replace(/[.\-/]+$/, '');
          end += line.index + line[0].length;
        }
      }
      if (date || number) {
        return { date, number, kind: header.kind, title: headingAfter(text, end) };
      }
    }
  }

  const refs = extractRefs(text);

  // 2. A letterhead's requisites near the top; the kind comes from a citation of the same date
  //    («Приложение к письму … от 01.06.2021 …»), else it is a letter.
  const letterhead = LETTERHEAD_RE.exec(text.slice(0, 3000));
  const insideCitation =
    letterhead !== null &&
    refs.some((r) => letterhead.index >= r.index && letterhead.index < r.index + r.raw.length);
  if (letterhead?.groups && !insideCitation) {
    const date = isoFromGroups(letterhead.groups);
    const number = letterhead.groups.num!.replace(/[.\-/]+$/, '');
    if (date) {
      const cited = refs.find((r) => r.date === date);
      return {
        date,
        number,
        kind: cited?.kind ?? 'letter',
        title: headingAfter(text, letterhead.index + letterhead[0].length),
      };
    }
  }

  // 3. The most cited document (the first of equals).
  if (refs.length > 0) {
    const counts = new Map<string, number>();
    for (const ref of refs) counts.set(refKey(ref), (counts.get(refKey(ref)) ?? 0) + 1);
    const best = dedupeRefs(refs).reduce((a, b) =>
      (counts.get(refKey(b)) ?? 0) > (counts.get(refKey(a)) ?? 0) ? b : a,
    );
    return {
      date: best.date,
      number: best.number || null,
      kind: best.kind,
      title: best.title || null,
    };
  }
  return { date: null, number: null, kind: null, title: null };
}
