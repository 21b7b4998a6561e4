// Brings a period written by hand to one spelling before the grammar sees it: lower case, ё → е,
// one kind of dash, no spaces around it, «2021 г.» / «2021 года» → «2021», «1-го» / «1-я» → «1»,
// Roman numerals typed with Cyrillic or Unicode look-alikes → Latin, Latin look-alikes inside
// Russian words → Cyrillic (text pasted from PDFs mixes them).

const ROMAN_LOOKALIKES: Record<string, string> = {
  і: 'i',
  ӏ: 'i',
  ѵ: 'v',
  '\u2170': 'i',
  '\u2171': 'ii',
  '\u2172': 'iii',
  '\u2173': 'iv',
  '\u2174': 'v',
};

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

function fixMixedWord(word: string): string {
  return /[а-я]/.test(word) ? word.replace(/[a-z]/g, (c) => LATIN_TO_CYRILLIC[c] ?? c) : word;
}

export function normalizePeriodText(raw: string): string {
  let s = raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[іӏѵ\u2170-\u2174]/g, (c) => ROMAN_LOOKALIKES[c] ?? c);
  if (/[a-z]/.test(s)) s = s.replace(/[a-zа-я]+/g, fixMixedWord);
  return s
    .replace(/[\u200b\u00ad]/g, '')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[()«»"“”„[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/(\d{4}) ?(?:гг?\.?|года|году|годы|годов|год)(?![а-я])/g, '$1')
    .replace(/(\d)(?:-(?:го|ое|ая|ья|ий|ый|ой|й|я|е)|го|й|я)(?![а-я])/g, '$1')
    .replace(/^[\s.,;:-]+|[\s.,;:-]+$/g, '');
}
