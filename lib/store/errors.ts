import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * A write refused because the record would not pass its schema; the messages are in the
 * interface language (see lib/model/messages.ts).
 */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(what: string, issues: FieldIssue[]) {
    super(
      `${what}: ${issues.map((i) => (i.path ? `${i.path} — ${i.message}` : i.message)).join('; ')}`,
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** A user-facing failure with a Russian message (bad file, missing record …). Nothing was changed. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
