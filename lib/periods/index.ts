// Russian periods and deadlines: parse, describe, due dates, the school calendar.
export { parsePeriod } from './parse.ts';
export type { PeriodContext } from './parse.ts';
export { describePeriod } from './describe.ts';
export { dueDate, overlaps } from './due.ts';
export { defaultQuarters, schoolYearBounds, schoolYearOf } from './calendar.ts';
export type { Quarter } from './calendar.ts';
export { normalizePeriodText } from './normalize.ts';
