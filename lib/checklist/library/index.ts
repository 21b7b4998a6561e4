// The built-in library of known forms, each with its auto-completion rules.
import { templateSchema, type Template } from '../schema.ts';
import { korenovsky2021 } from './korenovsky-2021.ts';

export function builtinTemplates(): Template[] {
  return [korenovsky2021()].map((t) => templateSchema.parse(t));
}
