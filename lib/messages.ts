// The one message protocol between extension contexts. Every message crossing a context
// boundary is parsed here first, by the sender and by the receiver: a malformed one is
// refused, never half-handled. The toolbar features' messages (lib/toolbar-messages.ts, which
// the injected autofill script imports without this file) are members of the same union.
import { z } from 'zod';
import { toolbarMessageSchema } from './toolbar-messages.ts';

export const dashboardSectionSchema = z.enum([
  'activities',
  'evidence',
  'people',
  'organisations',
  'import',
  'backup',
  'settings',
]);

/** A section, or one record: `activity/<id>`, `evidence-item/<id>` (the dashboard's own routes). */
export const dashboardRouteSchema = z.union([
  dashboardSectionSchema,
  z.string().regex(/^(activity|evidence-item)\/[\w-]{1,128}$/, 'Неверный адрес записи'),
]);
export type DashboardRoute = z.infer<typeof dashboardRouteSchema>;

export const messageSchema = z.discriminatedUnion('type', [
  /** Open (or focus) the register in a tab, optionally on one of its sections or records. */
  z.object({ type: z.literal('open-dashboard'), route: dashboardRouteSchema.optional() }),
  /** Open the side panel in a window; only works while the user's click is still «fresh». */
  z.object({ type: z.literal('open-side-panel'), windowId: z.number().int() }),
  /** A page changed the workspace; the background may refresh its badge. */
  z.object({ type: z.literal('workspace-changed'), workspaceId: z.string().min(1) }),
  ...toolbarMessageSchema.options,
]);
export type Message = z.infer<typeof messageSchema>;

export type MessageResponse = { ok: true } | { ok: false; error: string };

export const messageResponseSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string().max(2000) }),
]);

/** The parsed message, or null when it is not one of ours. */
export function parseMessage(raw: unknown): Message | null {
  const result = messageSchema.safeParse(raw);
  return result.success ? result.data : null;
}

/**
 * Sends a message after checking it (a bug in the sender fails here, loudly, not in the
 * background), and reads the answer through its schema too.
 */
export async function sendMessage(
  send: (message: Message) => Promise<unknown>,
  message: Message,
): Promise<void> {
  const checked = messageSchema.parse(message);
  const answer = messageResponseSchema.safeParse(await send(checked));
  if (!answer.success) throw new Error('Фоновая часть расширения не ответила.');
  if (!answer.data.ok) throw new Error(answer.data.error);
}

export function dashboardPath(route?: DashboardRoute): `/dashboard.html${string}` {
  return route ? `/dashboard.html#${route}` : '/dashboard.html';
}
