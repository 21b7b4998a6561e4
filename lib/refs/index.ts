// Extraction of document references, people, organisations, counts and status from Russian
// report text. Pure: runs in the browser and in Node.
export {
  dedupeRefs,
  documentRefSchema,
  extractRefs,
  normaliseNumber,
  refKey,
  type DocumentRef,
  type RefField,
} from './documents.ts';
export { formatRef, type Citable } from './citation.ts';
export { issuerGenitive, issuerNominative } from './issuer.ts';
export { CITATION_WORD, kindOfWord } from './kinds.ts';
export { extractPeople, extractRoleLabels, personKey, type PersonMention } from './people.ts';
export {
  extractOrganisations,
  organisationKey,
  sameOrganisation,
  type OrganisationKind,
  type OrganisationMention,
} from './organisations.ts';
export { extractCounts, type CountMention } from './counts.ts';
export { detectStatus } from './status.ts';
export { proposeFromPage, type PageProposal } from './page.ts';
