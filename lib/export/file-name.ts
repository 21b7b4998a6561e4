// The name of an exported form: «<form title>_<organisation>_<ДД.ММ.ГГГГ>.xlsx». Users send it
// by e-mail and save it on Windows machines, so it must be a legal name there, keep Cyrillic,
// and stay short enough for the 260-character path limit.
import { formatRuDate } from '../ru/date.ts';

/** Characters Windows forbids in names, plus control characters (incl. DEL). */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

export const MAX_TITLE_CHARS = 80;
export const MAX_ORGANISATION_CHARS = 60;

function cleanPart(text: string, max: number): string {
  const cleaned = text
    .replace(ILLEGAL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces silently; leading dots hide the file on Unix.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points so a surrogate pair is never split.
  const chars = Array.from(cleaned);
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : cleaned;
}

export function exportFileName(
  formTitle: string,
  organisation: string,
  date: string,
  extension = 'xlsx',
): string {
  const title = cleanPart(formTitle, MAX_TITLE_CHARS) || 'Форма';
  const org = cleanPart(organisation, MAX_ORGANISATION_CHARS);
  const day = formatRuDate(date.slice(0, 10));
  const parts = [title, org, day].filter((p) => p.length > 0);
  return `${parts.join('_')}.${extension}`;
}
