// Cell text as users expect to see it. Tables copied out of web systems carry HTML fragments
// («<p>…</p> <ul style="…"> • рабочие программы; • …») and flattened lists («ШНОР: - мониторинги …;
// - мониторинги …»): both become one item per line, «- item».

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const HAS_TAG = /<\/?(p|ul|ol|li|br|div|span|b|i|strong|em|u)\b[^>]*>/i;

function htmlToLines(text: string): string {
  let out = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|ul|ol|li)>/gi, '\n')
    .replace(/<(p|div)\b[^>]*>/gi, '\n');
  // A <ul> whose items are written with bullets instead of <li>: each bullet starts a line.
  out = out.replace(/<(ul|ol)\b[^>]*>([^<]*)/gi, (_w, _tag: string, body: string) =>
    body.replace(/(^|\s)[•·▪◦‣-]\s+/g, '\n- '),
  );
  return out.replace(/<[^>]+>/g, '');
}

/** Normalises one cell: HTML and flattened lists become lines; spaces tidied; no empty lines. */
export function normaliseCell(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  if (HAS_TAG.test(text)) text = htmlToLines(text);
  text = decodeEntities(text);
  // «…ШНОР: - мониторинги …; - мониторинги …» (a list flattened to one line by a copy).
  text = text.replace(/([:;])[ \t]+[-•–][ \t]+(?=\S)/g, '$1\n- ');
  text = text.replace(/(^|\n)[ \t]*[•·▪◦‣][ \t]*/g, '$1- ');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
