// Extraction of document references, people, organisations, counts and status from Russian
// report text. Pure: runs in the browser and in Node.
export {
  dedupeRefs,
  documentRefSchema,
  extractRefs,
  formatRef,
  normaliseNumber,
  refKey,
  type DocumentRef,
} from './documents.ts';
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
