// People named in «Ответственный» cells and in report text:
//   «И.В. Ещенко - начальник отдела … УО», «И.Б. Лукашова, заместитель начальника УОН В.Г. …»,
//   «(Сапелкина Л.В.)», «Симоненко Лариса Ивановна». Groups («Кураторы ШНОР», «Администрация ОО»)
// are not people: they come back from extractRoleLabels as labels.

const UP = 'А-ЯЁ';
const LOW = 'а-яё';
const SURNAME = `[${UP}][${LOW}]+(?:-[${UP}][${LOW}]+)?`;
const INITIALS = `[${UP}]\\.\\s?(?:[${UP}]\\.)?`;
const PATRONYMIC = `[${UP}][${LOW}]+(?:ович|евич|ич|овна|евна|ична|инична)`;

/** Full name | initials then surname | surname then initials (not followed by another surname,
 *  so «Директор И.Н. Хняч» reads as initials-first). */
const NAME_SOURCE =
  `(?<![\\p{L}])(?:(?<fs>${SURNAME})\\s+(?<fn>[${UP}][${LOW}]+)\\s+(?<fp>${PATRONYMIC})(?![\\p{L}])` +
  `|(?<ii>${INITIALS})\\s?(?<is>${SURNAME})(?![\\p{L}])` +
  `|(?<ss>${SURNAME})\\s+(?<si>${INITIALS})(?!\\s?[${UP}][${LOW}]))`;
const NAME_RE = new RegExp(NAME_SOURCE, 'gu');

export interface PersonMention {
  name: string;
  position: string;
}

interface NameMatch {
  name: string;
  surname: string;
  initials: string;
  index: number;
  end: number;
}

function initialsOf(text: string): string {
  return (text.match(/\p{Lu}/gu) ?? []).join('');
}

function findNames(text: string): NameMatch[] {
  const found: NameMatch[] = [];
  const re = new RegExp(NAME_RE.source, NAME_RE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    let surname: string;
    let initials: string;
    let name: string;
    if (g.fs !== undefined) {
      surname = g.fs;
      initials = initialsOf(`${g.fn} ${g.fp}`);
      name = `${g.fs} ${g.fn} ${g.fp}`;
    } else if (g.is !== undefined) {
      surname = g.is;
      initials = initialsOf(g.ii!);
      name = `${initials.split('').join('.')}. ${surname}`;
    } else {
      surname = g.ss!;
      initials = initialsOf(g.si!);
      name = `${initials.split('').join('.')}. ${surname}`;
    }
    found.push({ name, surname, initials, index: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Same person whatever the order, case, ё or spacing: «Лукашова И.Б.» = «И. Б. ЛУКАШОВА». */
export function personKey(name: string): string {
  const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
  const [match] = findNames(name.trim());
  if (match) return `${fold(match.surname)} ${fold(match.initials)}`;
  // Upper-case names («ЕЩЕНКО И.В.») miss the patterns above: fold and retry.
  const titled = name.replace(/\p{L}+/gu, (w) =>
    w.length > 1 ? w[0]! + w.slice(1).toLowerCase() : w,
  );
  const [retry] = titled === name ? [] : findNames(titled.trim());
  if (retry) return `${fold(retry.surname)} ${fold(retry.initials)}`;
  return fold(name).replace(/[\s.]+/g, '');
}

/** Title-case words that may sit inside a position: «Краснодарского края», «г. Сочи». */
function mayContinuePosition(word: string, previous: string): boolean {
  if (/^(?:г|им|пос|ст|с|х|п)\.$/u.test(previous)) return true;
  return /(?:ск|цк)(?:ого|ой|ий|ая|ому|им|ое)$/u.test(word);
}

/** Cuts a position where a group label or a new sentence begins («… МКУО КМЦ Кураторы ШНОР»);
 *  returns it with the length of source text it took. */
function readPosition(text: string): { position: string; length: number } {
  const stop = text.search(/\t|\n|;|(?<=\p{L}{2,})\.\s+(?=\p{Lu})/u);
  let length = stop < 0 ? text.length : stop;
  const tokenRe = /\S+/gu;
  let previous = '';
  let first = true;
  for (let t = tokenRe.exec(text); t && t.index < length; t = tokenRe.exec(text)) {
    const word = t[0];
    if (!first && /^\p{Lu}\p{Ll}/u.test(word) && !mayContinuePosition(word, previous)) {
      length = t.index;
      break;
    }
    first = false;
    previous = word;
  }
  const position = text
    .slice(0, length)
    .replace(/\s+/g, ' ')
    .replace(/(\p{Ll})- (\p{Ll})/gu, '$1-$2')
    .replace(/^[\s,;:–—-]+|[\s,;:.–—-]+$/g, '')
    .trim();
  return { position, length };
}

interface Mention extends NameMatch {
  position: string;
  /** Offset where the mention (name and position) ends. */
  until: number;
}

function findMentions(text: string): Mention[] {
  const names = findNames(text);
  return names.map((match, i) => {
    const limit = names[i + 1]?.index ?? text.length;
    const tail = text.slice(match.end, limit);
    const sep = /^\s*[-–—,]\s*/u.exec(tail);
    if (!sep) return { ...match, position: '', until: match.end };
    const read = readPosition(tail.slice(sep[0].length));
    return { ...match, position: read.position, until: match.end + sep[0].length + read.length };
  });
}

/** People with their positions, one per person (first mention wins; a later one fills a blank). */
export function extractPeople(text: string): PersonMention[] {
  const byKey = new Map<string, PersonMention>();
  for (const mention of findMentions(text)) {
    const key = `${mention.surname.toLowerCase().replace(/ё/g, 'е')} ${mention.initials.toLowerCase()}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { name: mention.name, position: mention.position });
    else if (!seen.position && mention.position) seen.position = mention.position;
  }
  return [...byKey.values()];
}

/** Group labels in a responsibility cell: «Кураторы ШНОР», «Администрация ОО», «педагогические
 *  работники ОО (учителя-предметники)». People and their positions are removed first. */
export function extractRoleLabels(text: string): string[] {
  let rest = '';
  let cursor = 0;
  for (const mention of findMentions(text)) {
    rest += text.slice(cursor, mention.index) + '\n';
    cursor = mention.until;
  }
  rest += text.slice(cursor);
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const chunk of rest.split(/[\t\n;]|\.\s+|,(?![^(]*\))/u)) {
    const tokens = chunk.split(/\s+/).filter(Boolean);
    let current: string[] = [];
    const flush = () => {
      const label = current
        .join(' ')
        .replace(/^[\s,;:.–—-]+|[\s,;:.–—-]+$/g, '')
        .trim();
      current = [];
      if (!/\p{Ll}{3}/u.test(label)) return;
      const key = label.toLowerCase().replace(/ё/g, 'е');
      if (seen.has(key)) return;
      seen.add(key);
      labels.push(label[0]!.toUpperCase() + label.slice(1));
    };
    for (const token of tokens) {
      const prev = current[current.length - 1];
      if (prev && /^\p{Lu}\p{Ll}/u.test(token) && !mayContinuePosition(token, prev)) flush();
      current.push(token);
    }
    flush();
  }
  return labels;
}
