export * from './primitives.ts';
export * from './period.ts';
export * from './records.ts';
export * from './labels.ts';
export * from './vocabulary.ts';
