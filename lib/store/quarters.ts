// Default quarter boundaries of a Russian school year live with the period parser; the store
// re-exports them under its historical name so a workspace gets the same calendar the parser uses.
import { defaultQuarters } from '../periods/index.ts';

export const defaultQuartersFor = defaultQuarters;
