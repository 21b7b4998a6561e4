// Fillings in the workspace's Y.Doc. A filling's header (template, period, deadline, subjects)
// is one record; each answer is a record of its own, so teammates answering different
// indicators never touch the same entry; and every change of an answer appends an event to an
// append-only history. Two people who changed the same answer while apart each leave an event
// superseding the same earlier one: both survive the merge, and the answer is shown as a
// conflict until someone picks — instead of one edit silently winning.
import { z } from 'zod';
import {
  answerSchema,
  answerStatusSchema,
  fillingSchema,
  type Answer,
  type Filling,
} from '../checklist/schema.ts';
import { idSchema, newId, timestampSchema } from '../model/primitives.ts';
import type { Repository } from './repository.ts';

export const fillingHeaderSchema = fillingSchema.omit({ answers: true });
export type FillingHeader = z.infer<typeof fillingHeaderSchema>;

export const answerRecordSchema = answerSchema.extend({
  id: idSchema,
  fillingId: idSchema,
  key: z.string().min(1).max(200),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export const answerEventSchema = z.object({
  id: idSchema,
  fillingId: idSchema,
  key: z.string().min(1).max(200),
  value: answerSchema.shape.value,
  status: answerStatusSchema,
  comment: z.string().max(4000),
  by: z.string().max(200),
  at: timestampSchema,
  /** Events this one replaces: the heads its author saw when making the change. */
  supersedes: z.array(idSchema).max(50),
});
export type AnswerEvent = z.infer<typeof answerEventSchema>;

export function answerRecordId(fillingId: string, key: string): string {
  return `${fillingId}|${key}`;
}

/** The events not superseded by any other: one normally, several after concurrent edits. */
export function heads(events: readonly AnswerEvent[]): AnswerEvent[] {
  const superseded = new Set(events.flatMap((e) => e.supersedes));
  return events.filter((e) => !superseded.has(e.id));
}

export interface AnswerConflict {
  fillingId: string;
  key: string;
  /** The competing changes, oldest first: who, when, what. */
  candidates: AnswerEvent[];
}

function sameValue(a: AnswerEvent, b: AnswerEvent): boolean {
  return a.value === b.value && a.status === b.status;
}

export class FillingStore {
  constructor(private readonly repo: Repository) {}

  private all<T>(collection: string): T[] {
    return (this.repo.snapshot().extra[collection] ?? []) as T[];
  }

  /** Every filling with its answers joined in. */
  list(): Filling[] {
    const answers = new Map<string, Record<string, Answer>>();
    for (const a of this.all<AnswerRecord>('answers')) {
      const map = answers.get(a.fillingId) ?? {};
      const { id: _id, fillingId: _f, key, ...answer } = a;
      map[key] = answer;
      answers.set(a.fillingId, map);
    }
    return this.all<FillingHeader>('fillings').map((h) => ({
      ...h,
      answers: answers.get(h.id) ?? {},
    }));
  }

  get(id: string): Filling | null {
    return this.list().find((f) => f.id === id) ?? null;
  }

  history(fillingId: string, key: string): AnswerEvent[] {
    return this.all<AnswerEvent>('answerEvents')
      .filter((e) => e.fillingId === fillingId && e.key === key)
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  conflicts(fillingId: string): AnswerConflict[] {
    const byKey = new Map<string, AnswerEvent[]>();
    for (const e of this.all<AnswerEvent>('answerEvents'))
      if (e.fillingId === fillingId) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
    const out: AnswerConflict[] = [];
    for (const [key, events] of byKey) {
      const top = heads(events).sort((a, b) => a.at.localeCompare(b.at));
      if (top.length > 1 && top.some((e) => !sameValue(e, top[0]!)))
        out.push({ fillingId, key, candidates: top });
    }
    return out;
  }

  /**
   * Saves a filling: the header if it changed, and only the answers that changed (each with a
   * history event). Validated first; nothing is written if anything fails.
   */
  save(filling: Filling): void {
    const valid = fillingSchema.parse(filling);
    const { answers, ...header } = valid;
    const current = this.get(valid.id);
    const records: Parameters<Repository['putMany']>[0] = [];
    if (
      !current ||
      JSON.stringify({ ...current, answers: undefined }) !==
        JSON.stringify({ ...header, answers: undefined })
    )
      records.push({ collection: 'fillings', record: fillingHeaderSchema.parse(header) });
    const events = this.all<AnswerEvent>('answerEvents').filter((e) => e.fillingId === valid.id);
    for (const [key, answer] of Object.entries(answers)) {
      const before = current?.answers[key];
      if (before && JSON.stringify(before) === JSON.stringify(answer)) continue;
      records.push({
        collection: 'answers',
        record: { ...answer, id: answerRecordId(valid.id, key), fillingId: valid.id, key },
      });
      const supersedes = heads(events.filter((e) => e.key === key)).map((e) => e.id);
      records.push({
        collection: 'answerEvents',
        record: {
          id: newId(),
          fillingId: valid.id,
          key,
          value: answer.value,
          status: answer.status,
          comment: answer.comment,
          by: answer.by,
          at: answer.at,
          supersedes,
        } satisfies AnswerEvent,
      });
    }
    if (records.length) this.repo.putMany(records);
  }

  /** Settles a conflict with the chosen candidate: it becomes the answer, superseding all heads. */
  resolve(conflict: AnswerConflict, chosenEventId: string, actor: string, now: string): void {
    const chosen = conflict.candidates.find((c) => c.id === chosenEventId);
    if (!chosen) throw new Error('Выбранный вариант не найден');
    const answerId = answerRecordId(conflict.fillingId, conflict.key);
    const current = this.all<AnswerRecord>('answers').find((a) => a.id === answerId);
    const answer: AnswerRecord = {
      ...(current ?? { evidenceIds: [], activityIds: [] }),
      id: answerId,
      fillingId: conflict.fillingId,
      key: conflict.key,
      value: chosen.value,
      status: chosen.status,
      comment: chosen.comment,
      by: actor,
      at: now,
    };
    this.repo.putMany([
      { collection: 'answers', record: answer },
      {
        collection: 'answerEvents',
        record: {
          id: newId(),
          fillingId: conflict.fillingId,
          key: conflict.key,
          value: chosen.value,
          status: chosen.status,
          comment: `выбрано из ${conflict.candidates.length} вариантов`,
          by: actor,
          at: now,
          supersedes: conflict.candidates.map((c) => c.id),
        } satisfies AnswerEvent,
      },
    ]);
  }

  remove(fillingId: string): void {
    for (const a of this.all<AnswerRecord>('answers'))
      if (a.fillingId === fillingId) this.repo.remove('answers', a.id);
    this.repo.remove('fillings', fillingId);
  }
}
