// Evidence capture from web pages: what is read from a page, the form's first values, and the
// later check that saved pages still exist unchanged.
export * from './page.ts';
export * from './draft.ts';
export * from './link-check.ts';
