// For a captured web page (or a pasted document) that publishes an act or a letter: propose
// the requisites of its most prominent document, to prefill an Evidence record.
// Order of trust: the document's own heading («ПРИКАЗ / от 04.06.2021 / № 877», read by the
// same reader as every citation), then a letterhead's requisites line («от 01.06.2021
// № 118-18-789/21-23»), then the most cited reference.
import type { EvidenceKind } from '../model/index.ts';
import { DATE_SOURCE, isoFromGroups } from './dates.ts';
import { dedupeRefs, extractRefs, refKey } from './documents.ts';

export interface PageProposal {
  date: string | null;
  number: string | null;
  kind: EvidenceKind | null;
  title: string | null;
}

const LETTERHEAD_RE = new RegExp(
  String.raw`(?<![\p{L}])от\s+${DATE_SOURCE}\s*№\s*(?<num>\d[\p{L}\d\-/.\\]*)`,
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

export function proposeFromPage(text: string): PageProposal {
  const refs = extractRefs(text);

  // 1. The document's own heading near the top.
  const heading = refs.find((r) => r.heading && r.index < 4000);
  if (heading) {
    return {
      date: heading.date,
      number: heading.number || null,
      kind: heading.kind,
      title: heading.title || null,
    };
  }

  // 2. A letterhead's requisites near the top; the kind comes from a citation of the same date
  //    («Приложение к письму … от 01.06.2021 …»), else it is a letter.
  const cited = refs.filter((r) => r.kindText !== '');
  const letterhead = LETTERHEAD_RE.exec(text.slice(0, 3000));
  const insideCitation =
    letterhead !== null &&
    cited.some((r) => letterhead.index >= r.index && letterhead.index < r.index + r.raw.length);
  if (letterhead?.groups && !insideCitation) {
    const date = isoFromGroups(letterhead.groups);
    const number = letterhead.groups.num!.replace(/[.\-/\\]+$/, '');
    if (date) {
      const same = cited.find((r) => r.date === date);
      return {
        date,
        number,
        kind: same?.kind ?? 'letter',
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
      kind: best.kindText ? best.kind : null,
      title: best.title || null,
    };
  }
  return { date: null, number: null, kind: null, title: null };
}
