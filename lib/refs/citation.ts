// The one place a citation is written (#19): the «Источники» sheet, the reports, the import
// preview and the CLI all print what formatRef returns, so a document is cited the same way
// everywhere — «постановление администрации города Ростова-на-Дону от 04.04.2012 № 220 «О …»».
import type { EvidenceKind } from '../model/index.ts';
import { formatRuDate } from '../ru/date.ts';
import { issuerGenitive } from './issuer.ts';
import { CITATION_WORD } from './kinds.ts';

export interface Citable {
  kind: EvidenceKind;
  /** In the nominative, as records keep it («Минераловодский городской Совет депутатов»). */
  issuer: string;
  date: string | null;
  number: string;
  title: string;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** «приказ УО от 14.05.2021 № 736 «О результатах …»» — the customary citation. */
export function formatRef(ref: Citable): string {
  const parts = [CITATION_WORD[ref.kind]];
  const issuer = clean(ref.issuer);
  // A law of a region is «закон Краснодарского края»: its issuer is the region, in the genitive
  // like any other.
  if (issuer) parts.push(issuerGenitive(issuer));
  if (ref.date) parts.push(`от ${formatRuDate(ref.date)}`);
  const number = clean(ref.number);
  if (number) parts.push(`№ ${number}`);
  const title = clean(ref.title);
  if (title) parts.push(`«${title}»`);
  return parts.join(' ');
}
