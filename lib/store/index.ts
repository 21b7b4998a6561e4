export * from './errors.ts';
export * from './collections.ts';
export * from './workspace-doc.ts';
export * from './doc-records.ts';
export * from './repository.ts';
// search.ts (MiniSearch + stemmers) is imported on its own: pages load it after first render.
export * from './backup.ts';
export * from './attachments.ts';
export * from './workspaces.ts';
export * from './quarters.ts';
export { buildExampleDoc, EXAMPLE_SCHOOL_YEAR } from './example.ts';
export * from './fillings.ts';
export * from './snapshot-cache.ts';
export * from './history.ts';
