// What a capture reads from a page, and the checks it passes on arrival: the page is not ours,
// so whatever the injected script returns is untrusted input and goes through these schemas.
import { z } from 'zod';
import { sha256Hex } from '../files/hash.ts';

/** Text kept from a page (characters): enough for any order or news item, bounded for storage. */
export const PAGE_TEXT_LIMIT = 200_000;
export const SELECTION_LIMIT = 20_000;

const httpUrl = z
  .string()
  .max(4000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'Неверный адрес страницы');

export const pageSnapshotSchema = z.object({
  url: httpUrl,
  title: z.string().max(2000),
  selection: z.string().max(SELECTION_LIMIT),
  text: z.string().max(PAGE_TEXT_LIMIT),
  /** True when the page had more text than PAGE_TEXT_LIMIT (the hash covers the kept part). */
  truncated: z.boolean(),
});
export type PageSnapshot = z.infer<typeof pageSnapshotSchema>;

/** The answer of the injected reader, or null when it is not a readable http(s) page. */
export function parsePageSnapshot(raw: unknown): PageSnapshot | null {
  const result = pageSnapshotSchema.safeParse(raw);
  return result.success ? result.data : null;
}

/**
 * A capture started from the context menu: the background keeps it in storage.session until the
 * capture page finishes it (the background holds no document).
 */
export const pendingCaptureSchema = z.object({
  /** The page the user was on. */
  pageUrl: httpUrl,
  pageTitle: z.string().max(2000),
  /** A right-clicked link, when the menu was opened on one: it is what gets saved. */
  linkUrl: httpUrl.nullable(),
  selection: z.string().max(SELECTION_LIMIT),
  tabId: z.number().int().nullable(),
  windowId: z.number().int().nullable(),
  at: z.string().datetime({ offset: true }),
});
export type PendingCapture = z.infer<typeof pendingCaptureSchema>;

export const PENDING_CAPTURE_KEY = 'svodka.pendingCapture';

export function parsePendingCapture(raw: unknown): PendingCapture | null {
  const result = pendingCaptureSchema.safeParse(raw);
  return result.success ? result.data : null;
}

/**
 * One spelling of a page's text for hashing: spaces and line breaks collapse, so a re-rendered
 * page with the same words hashes the same.
 */
export function normalizePageText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** SHA-256 (hex) of the normalised text, as UTF-8. */
export async function pageTextHash(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(normalizePageText(text)));
}

/** PNG files start with these 8 bytes. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Bytes of a `data:image/png;base64,…` URL (what captureVisibleTab returns), or null. */
export function pngFromDataUrl(dataUrl: string): Uint8Array | null {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) return null;
  const binary = atob(m[1]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return isPng(bytes) ? bytes : null;
}
