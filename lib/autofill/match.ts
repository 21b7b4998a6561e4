// Pairs page fields with the filling's indicators. Pure: runs on descriptors, in Node or a page.
// A score mixes (a) the indicator's number written in the label («2.3.»), (b) shared word stems
// (Russian word forms via the Snowball stemmer), with the domain's abbreviations expanded on
// both sides (ШНОР ↔ «школы с низкими образовательными результатами»), and (c) whether the
// control can hold the value. Pairs are then chosen greedily, best first, one to one.
import { stem, words } from '../ru/stem.ts';
import type { FieldDescriptor, FormPairing, IndicatorInput, Pairing } from './types.ts';
import { valueForField } from './values.ts';

/** Below this a pair is not proposed (the user can still pick it by hand). */
export const MIN_CONFIDENCE = 0.34;

const ABBREVIATIONS: Record<string, string> = {
  шнор: 'школы с низкими образовательными результатами',
  шссу: 'школы функционирующие в сложных социальных условиях',
  оо: 'образовательная организация',
  мнц: 'муниципальный наставнический центр',
  мткп: 'муниципальный тьюторский консультационный пункт',
  ткп: 'тьюторский консультационный пункт',
  рмо: 'районное методическое объединение',
  шмо: 'школьное методическое объединение',
  ком: 'количество',
  кол: 'количество',
  колво: 'количество',
  ипр: 'индивидуальный план развития',
  иом: 'индивидуальный образовательный маршрут',
  кпк: 'курсы повышения квалификации',
  всоко: 'внутренняя система оценки качества образования',
  мсоко: 'муниципальная система оценки качества образования',
  уо: 'управление образования',
};

const STOP = new Set(
  [
    'в',
    'во',
    'и',
    'на',
    'по',
    'с',
    'со',
    'о',
    'об',
    'для',
    'из',
    'к',
    'ко',
    'от',
    'до',
    'за',
    'не',
    'или',
    'а',
    'у',
    'при',
    'что',
    'как',
    'то',
    'же',
    'ли',
    'его',
    'их',
    'это',
    'том',
    'числе',
    'т',
    'ч',
    'г',
    'год',
    'the',
    'of',
    'a',
  ].map((w) => stem(w)),
);

const NUMBER_RE = /^\s*(?:№\s*)?(\d{1,3}(?:\.\d{1,3}){0,3})\.?(?=\s|\)|$)/u;

/** «2.3.» → «2.3»; '' when the text opens with no number. */
export function leadingNumber(text: string): string {
  const m = NUMBER_RE.exec(text);
  return m ? m[1]! : '';
}

function normaliseNumber(n: string): string {
  return n.trim().replace(/\.+$/, '');
}

/** The stems of a text with numbering and stop words dropped and abbreviations expanded. */
export function meaningfulStems(text: string): Set<string> {
  const out = new Set<string>();
  const body = text.replace(NUMBER_RE, ' ').replace(/-во\b/giu, 'во');
  for (const word of words(body)) {
    if (/^\d+$/.test(word)) continue;
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    const expansion = ABBREVIATIONS[lower];
    if (expansion) {
      for (const w of words(expansion)) {
        const s = stem(w);
        if (!STOP.has(s)) out.add(s);
      }
      continue;
    }
    const s = stem(word);
    if (!STOP.has(s) && s.length > 1) out.add(s);
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

interface Prepared {
  number: string;
  label: Set<string>;
  all: Set<string>;
}

function prepareField(f: FieldDescriptor): Prepared {
  const label = meaningfulStems(f.label);
  const all = new Set(label);
  for (const h of f.hints) for (const s of meaningfulStems(h)) all.add(s);
  const number = leadingNumber(f.label) || f.hints.map(leadingNumber).find(Boolean) || '';
  return { number, label, all };
}

function textScore(field: Set<string>, indicator: Set<string>): number {
  if (field.size === 0 || indicator.size === 0) return 0;
  const common = overlap(field, indicator);
  if (common === 0) return 0;
  const dice = (2 * common) / (field.size + indicator.size);
  // Labels on web forms are often shortened versions of the indicator (or the reverse).
  const containment = common / Math.min(field.size, indicator.size);
  return 0.6 * dice + 0.4 * containment * Math.min(1, common / 2);
}

/** How well a field fits an indicator, 0..1. */
export function pairScore(
  field: FieldDescriptor,
  indicator: IndicatorInput,
  prepared: Prepared = prepareField(field),
  indicatorStems: Set<string> = meaningfulStems(indicator.text),
): number {
  let score = Math.max(
    textScore(prepared.label, indicatorStems),
    0.9 * textScore(prepared.all, indicatorStems),
  );
  const n = normaliseNumber(indicator.number);
  if (n && prepared.number) {
    if (n === prepared.number) score = Math.min(1, score + 0.45);
    else score *= 0.55;
  }
  // A control that cannot take the value (a checkbox for «12 педагогов») is an unlikely pair.
  if (indicator.value !== null && !valueForField(field, indicator.value).ok) score *= 0.6;
  return Math.round(score * 1000) / 1000;
}

/**
 * Proposes one indicator per field (or none), best pairs first, never two fields for one
 * indicator. Pairs remembered for this form come first, with confidence 1.
 */
export function matchFields(
  fields: readonly FieldDescriptor[],
  indicators: readonly IndicatorInput[],
  remembered: FormPairing['pairs'] = [],
): Pairing[] {
  const out: Pairing[] = [];
  const usedFields = new Set<string>();
  const usedIndicators = new Set<string>();
  const fieldKeys = new Set(fields.map((f) => f.key));
  const indicatorIds = new Set(indicators.map((i) => i.indicatorId));
  for (const pair of remembered) {
    if (!fieldKeys.has(pair.fieldKey) || !indicatorIds.has(pair.indicatorId)) continue;
    if (usedFields.has(pair.fieldKey) || usedIndicators.has(pair.indicatorId)) continue;
    usedFields.add(pair.fieldKey);
    usedIndicators.add(pair.indicatorId);
    out.push({
      fieldKey: pair.fieldKey,
      indicatorId: pair.indicatorId,
      confidence: 1,
      source: 'remembered',
    });
  }

  const preparedIndicators = indicators
    .filter((i) => !usedIndicators.has(i.indicatorId))
    .map((i) => ({ indicator: i, stems: meaningfulStems(i.text) }));
  const candidates: { field: string; indicator: string; score: number; order: number }[] = [];
  let order = 0;
  for (const field of fields) {
    if (usedFields.has(field.key)) continue;
    const prepared = prepareField(field);
    for (const { indicator, stems } of preparedIndicators) {
      const score = pairScore(field, indicator, prepared, stems);
      if (score >= MIN_CONFIDENCE)
        candidates.push({
          field: field.key,
          indicator: indicator.indicatorId,
          score,
          order: order++,
        });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const c of candidates) {
    if (usedFields.has(c.field) || usedIndicators.has(c.indicator)) continue;
    usedFields.add(c.field);
    usedIndicators.add(c.indicator);
    out.push({
      fieldKey: c.field,
      indicatorId: c.indicator,
      confidence: c.score,
      source: 'matched',
    });
  }
  const position = new Map(fields.map((f, i) => [f.key, i]));
  return out.sort((a, b) => position.get(a.fieldKey)! - position.get(b.fieldKey)!);
}
