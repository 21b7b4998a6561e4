// Import keys and record ids must be the same on every device that imports the same file,
// so they come from a deterministic hash of the content (not crypto.randomUUID).

/** cyrb53: a fast 53-bit string hash; two seeds give 106 bits, plenty against collisions here. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function stableHash(text: string): string {
  return (
    cyrb53(text, 0).toString(16).padStart(14, '0') + cyrb53(text, 1).toString(16).padStart(14, '0')
  );
}

/** Lower case, ё→е, punctuation and spacing collapsed: «Приказ  №1.» and «приказ № 1» agree. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^0-9a-zа-я]+/g, ' ')
    .trim();
}

/** «Дорожная карта (1).DOCX» and «дорожная карта.docx» are the same source. */
export function normaliseSourceName(name: string): string {
  return normaliseText(
    name
      .replace(/\.(docx|xlsx|csv|txt|tsv)(?=:|$)/i, '')
      .replace(/\s*\(\d+\)(?=:|$)/, '')
      .replace(/\s*\(\d+\)\s*$/, ''),
  );
}
