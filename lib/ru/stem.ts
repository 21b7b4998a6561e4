// Russian word forms for search and matching: «мониторингов», «мониторинга» → «мониторинг».
// snowball-stemmers is the Snowball project's Russian stemmer in plain JS (no WASM, runs in
// the browser and Node); hand-written suffix stripping gets Russian morphology wrong.
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const cache = new Map<string, string>();

/** Upper-case abbreviations of the domain keep their identity: ШНОР ≠ шнора-stem noise. */
const ABBREVIATION = /^[А-ЯЁA-Z]{2,6}$/;

export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let result: string;
  if (ABBREVIATION.test(word)) result = word.toLowerCase();
  else {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    result = /[а-я]/.test(lower) ? russian.stem(lower) : english.stem(lower);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(word, result);
  return result;
}

const WORD = /[0-9A-Za-zА-Яа-яЁё]+/g;

/** Words of a text, in order (numbers kept: «№ 736», «СОШ № 12»). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Stems of every word of a text, lower-cased. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}
