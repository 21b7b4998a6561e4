// Who changed what and when, for every register record; and the edits two teammates made to
// the same field while apart. Each change is an event record of its own (an append-only log in
// the Y.Doc), so both teammates' events survive a merge even though the field itself keeps one
// value: the losing value stays visible and the user picks, instead of one silently winning.
import { z } from 'zod';
import { idSchema, timestampSchema } from '../model/primitives.ts';

export const recordEventSchema = z.object({
  id: idSchema,
  collection: z.string().min(1).max(40),
  recordId: idSchema,
  action: z.enum(['update', 'delete', 'restore']),
  /** Fields as they became (update) — the record as it was for delete. */
  changes: z.record(z.string(), z.unknown()),
  /** The same fields as they were before. */
  previous: z.record(z.string(), z.unknown()),
  /** The record's updatedAt the author saw: two events on the same base were made apart. */
  baseAt: z.string().max(40).nullable(),
  by: z.string().max(200),
  at: timestampSchema,
});
export type RecordEvent = z.infer<typeof recordEventSchema>;

/** Fields that only stamp an edit: not history worth showing. */
export const STAMP_FIELDS = new Set(['id', 'updatedAt', 'updatedBy']);

export function historyOf(
  events: readonly RecordEvent[],
  collection: string,
  recordId: string,
): RecordEvent[] {
  return events
    .filter((e) => e.collection === collection && e.recordId === recordId)
    .sort((a, b) => a.at.localeCompare(b.at));
}

export interface FieldConflict {
  field: string;
  /** The competing edits, oldest first. */
  candidates: { eventId: string; value: unknown; by: string; at: string }[];
}

/**
 * Fields of one record that two people changed from the same base to different values, and
 * that nobody has settled since (a later edit of the field settles it).
 */
export function conflictsOf(history: readonly RecordEvent[]): FieldConflict[] {
  const updates = history.filter((e) => e.action === 'update');
  const out = new Map<string, FieldConflict>();
  for (let i = 0; i < updates.length; i++) {
    for (let j = i + 1; j < updates.length; j++) {
      const a = updates[i]!;
      const b = updates[j]!;
      if (a.baseAt !== b.baseAt) continue;
      for (const field of Object.keys(a.changes)) {
        if (STAMP_FIELDS.has(field) || !(field in b.changes)) continue;
        if (JSON.stringify(a.changes[field]) === JSON.stringify(b.changes[field])) continue;
        const latest = a.at > b.at ? a.at : b.at;
        const settled = updates.some(
          (e) => e.at > latest && field in e.changes && e.baseAt !== a.baseAt,
        );
        if (settled) continue;
        const conflict = out.get(field) ?? { field, candidates: [] };
        for (const e of [a, b])
          if (!conflict.candidates.some((c) => c.eventId === e.id))
            conflict.candidates.push({
              eventId: e.id,
              value: e.changes[field],
              by: e.by,
              at: e.at,
            });
        conflict.candidates.sort((x, y) => x.at.localeCompare(y.at));
        out.set(field, conflict);
      }
    }
  }
  return [...out.values()];
}
