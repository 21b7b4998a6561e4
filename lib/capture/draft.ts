// From a captured page to the evidence form's first values, and from the form to the record.
// Pure: the capture time is a parameter.
import { z } from 'zod';
import {
  evidenceKindSchema,
  isoDateSchema,
  type Evidence,
  type EvidenceKind,
} from '../model/index.ts';
import { t } from '../model/messages.ts';
import type { AttachmentRef } from '../model/records.ts';
import { extractRefs, proposeFromPage } from '../refs/index.ts';
import { formatRuDate } from '../ru/date.ts';
import type { PageSnapshot } from './page.ts';
import { t as tCapture } from './messages.ts';

/** What the capture form edits. */
export const captureDraftSchema = z.object({
  kind: evidenceKindSchema,
  title: z
    .string()
    .trim()
    .min(1, { error: () => t('enterTitle') })
    .max(2000, { error: () => t('tooLong', 2000) }),
  date: z.union([z.literal(''), isoDateSchema]),
  number: z
    .string()
    .trim()
    .max(60, { error: () => t('numberTooLong', 60) }),
  issuer: z
    .string()
    .trim()
    .max(300, { error: () => t('tooLong', 300) }),
  url: z.string().max(4000),
  note: z.string().max(20000, { error: () => t('selectionTooLong') }),
});
export type CaptureDraft = z.infer<typeof captureDraftSchema>;

/** The page's title without a site suffix: «Приказ № 736 | МБОУ СОШ № 12» → «Приказ № 736». */
export function cleanPageTitle(title: string): string {
  const parts = title.split(/\s+[|—–]\s+|\s+-\s+/u).map((p) => p.trim());
  const first = parts.find((p) => p.length > 0) ?? '';
  return (first.length >= 8 ? first : title.trim()).slice(0, 2000);
}

/**
 * The first values of the form: the page's own document (date, number, kind, heading) when the
 * text names one — read from the selection first, which is what the user pointed at.
 */
export function captureDraft(page: Pick<PageSnapshot, 'url' | 'title' | 'selection' | 'text'>): {
  draft: CaptureDraft;
  /** For the form, in the interface language: «На странице найден приказ от 14.05.2021 № 736». */
  recognised: string | null;
} {
  const selection = page.selection.trim();
  const fromSelection = selection ? proposeFromPage(selection) : null;
  const proposal =
    fromSelection && (fromSelection.date || fromSelection.number)
      ? fromSelection
      : proposeFromPage(page.text);
  const source = proposal === fromSelection ? selection : page.text;
  const ref = extractRefs(source).find(
    (r) => r.date === proposal.date && (r.number || null) === (proposal.number || null),
  );
  const kind: EvidenceKind = proposal.kind ?? 'web_page';
  const title = (proposal.title ?? '').trim() || cleanPageTitle(page.title) || page.url;
  const draft: CaptureDraft = {
    kind,
    title: title.slice(0, 2000),
    date: proposal.date ?? '',
    number: (proposal.number ?? '').slice(0, 60),
    issuer: (ref?.issuer ?? '').slice(0, 300),
    url: page.url,
    note: selection.slice(0, 20000),
  };
  const recognised =
    proposal.date || proposal.number
      ? tCapture(
          'recognised',
          proposal.kind ?? null,
          proposal.date ? formatRuDate(proposal.date) : null,
          proposal.number || null,
        )
      : null;
  return { draft, recognised };
}

export interface CaptureFacts {
  capturedAt: Date;
  /** SHA-256 of the page's text, null when the text could not be read (a link). */
  contentHash: string | null;
  attachments: AttachmentRef[];
}

/** The createEvidence input: validated draft plus what the capture measured. */
export function evidenceInput(draft: CaptureDraft, facts: CaptureFacts): Partial<Evidence> {
  const d = captureDraftSchema.parse(draft);
  return {
    kind: d.kind,
    title: d.title,
    url: d.url,
    date: d.date || null,
    number: d.number,
    issuer: d.issuer,
    note: d.note,
    capturedAt: facts.capturedAt.toISOString(),
    contentHash: facts.contentHash,
    attachments: facts.attachments,
  };
}

/** «Снимок страницы 14.05.2021 10-32.png»: shown in the attachments list. */
export function screenshotName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(at.getDate())}.${p(at.getMonth() + 1)}.${at.getFullYear()}`;
  return `Снимок страницы ${date} ${p(at.getHours())}-${p(at.getMinutes())}.png`;
}
