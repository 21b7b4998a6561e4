// The one message protocol between extension contexts. Every message crossing a context
// boundary is parsed here first: a malformed one is refused, never half-handled.
import { z } from 'zod';

export const dashboardRouteSchema = z.enum([
  'activities',
  'evidence',
  'people',
  'organisations',
  'import',
  'backup',
]);
export type DashboardRoute = z.infer<typeof dashboardRouteSchema>;

export const messageSchema = z.discriminatedUnion('type', [
  /** Open (or focus) the register in a tab, optionally on one of its sections. */
  z.object({ type: z.literal('open-dashboard'), route: dashboardRouteSchema.optional() }),
  /** Open the side panel in a window; only works while the user's click is still «fresh». */
  z.object({ type: z.literal('open-side-panel'), windowId: z.number().int() }),
  /** A page changed the workspace; the background may refresh its badge. */
  z.object({ type: z.literal('workspace-changed'), workspaceId: z.string().min(1) }),
]);
export type Message = z.infer<typeof messageSchema>;

export type MessageResponse = { ok: true } | { ok: false; error: string };

/** The parsed message, or null when it is not one of ours. */
export function parseMessage(raw: unknown): Message | null {
  const result = messageSchema.safeParse(raw);
  return result.success ? result.data : null;
}

export function dashboardPath(route?: DashboardRoute): `/dashboard.html${string}` {
  return route ? `/dashboard.html#${route}` : '/dashboard.html';
}
