/** A piece of a file name: Cyrillic kept; characters illegal on Windows/macOS/Linux and control characters replaced. */
export function safeFileNamePart(text: string, maxLength = 80): string {
  const cleaned = Array.from(text, (ch) =>
    ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  )
    .join('')
    .replace(/_+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned.slice(0, maxLength) || '_';
}
