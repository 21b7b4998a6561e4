// Messages of the toolbar features (autofill, capture, deadlines), validated at both ends.
// Kept apart from lib/messages.ts (the router's own protocol) so the two can evolve separately;
// the background's router accepts `parseToolbarMessage` results alongside its own.
import { z } from 'zod';
import {
  autofillProfileSchema,
  formPairingSchema,
  indicatorInputSchema,
} from './autofill/types.ts';

/** What the popup hands to the injected autofill script (executeScript args). */
export const autofillStartSchema = z.object({
  /** Shown in the overlay's title: «Мониторинг сайтов ШНОР, 2021». */
  fillingTitle: z.string().max(300),
  indicators: z.array(indicatorInputSchema).max(5000),
  /** Pairs confirmed earlier on forms of this origin (any teammate), by form key. */
  remembered: z.array(formPairingSchema.pick({ formKey: true, pairs: true })).max(500),
  /** The interface language chosen in the extension (the page's localStorage is the website's). */
  locale: z.enum(['ru', 'en']).optional(),
  /** The user's details from «Настройки», for fields about the person; absent: left empty. */
  profile: autofillProfileSchema.optional(),
});
export type AutofillStart = z.infer<typeof autofillStartSchema>;

/** The injected script's answer to start. */
export const autofillStartResultSchema = z.object({
  ok: z.boolean(),
  /** In the interface language, for the popup: «На странице нет полей формы — ничего не изменено.» */
  message: z.string(),
  fields: z.number().int().nonnegative(),
  proposed: z.number().int().nonnegative(),
  origin: z.string(),
  formKey: z.string(),
});
export type AutofillStartResult = z.infer<typeof autofillStartResultSchema>;

export const toolbarMessageSchema = z.discriminatedUnion('type', [
  /** The user filled a form: remember its pairs (the lead's router queues them for the store). */
  z.object({
    type: z.literal('autofill-pairings-confirmed'),
    origin: z.string().min(1).max(300),
    formKey: z.string().min(1).max(600),
    pairs: formPairingSchema.shape.pairs,
    at: z.string().datetime({ offset: true }),
  }),
  /** A page changed deadlines (or the user asked): recompute the badge now. */
  z.object({ type: z.literal('deadlines-refresh') }),
  /** The user enabled or disabled deadline notifications in the popup. */
  z.object({ type: z.literal('deadlines-notifications'), enabled: z.boolean() }),
]);
export type ToolbarMessage = z.infer<typeof toolbarMessageSchema>;

export function parseToolbarMessage(raw: unknown): ToolbarMessage | null {
  const result = toolbarMessageSchema.safeParse(raw);
  return result.success ? result.data : null;
}

export type PairingsConfirmed = Extract<ToolbarMessage, { type: 'autofill-pairings-confirmed' }>;

/** storage.local key of confirmed pairings waiting for an extension page to store them. */
export const PAIRINGS_QUEUE_KEY = 'svodka.pairingsQueue';
const PAIRINGS_QUEUE_MAX = 200;

/** The valid entries of a stored queue (anything else in storage is dropped, not trusted). */
export function readPairingsQueue(raw: unknown): PairingsConfirmed[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const m = parseToolbarMessage(item);
    return m?.type === 'autofill-pairings-confirmed' ? [m] : [];
  });
}

/** The queue with one more confirmation; a newer one for the same form replaces the older. */
export function queuePairings(raw: unknown, message: PairingsConfirmed): PairingsConfirmed[] {
  const rest = readPairingsQueue(raw).filter(
    (m) => !(m.origin === message.origin && m.formKey === message.formKey),
  );
  return [...rest, message].slice(-PAIRINGS_QUEUE_MAX);
}
