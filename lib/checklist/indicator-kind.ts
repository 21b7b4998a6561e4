// What kind of answer an indicator asks for, from everything the form says about it: its
// wording («Доля … , %», «Количество…», «Дата…»), the answer column's header («Баллы»,
// «Количество», «Да/Нет»), the unit column («чел.», «%», «балл») and the cell's list validation
// («Да,Нет», «1,0»). Wording and unit are the most specific, so they speak first.
import type { AnswerRole } from './form-layout.ts';
import type { IndicatorKind } from './schema.ts';

export interface KindClues {
  text: string;
  /** The column the answer goes into. */
  column: AnswerRole;
  /** The header of that column as written. */
  header?: string;
  unit?: string;
  /** The answer cell's validation list, if any. */
  list?: string[] | null;
}

export const COUNT_WORDING = /^\s*(количеств|численност|число(?![а-яё])|кол-во|сколько)/i;
const PERCENT_WORDING =
  /^\s*(дол[яи](?![а-яё])|процент|удельн\S*\s+вес)|,\s*%\s*$|\(\s*%\s*\)|\sв\s+%/i;
const DATE_WORDING = /^\s*(дата|срок\S*\s+(?:проведения|утверждения|размещения))(?![а-яё])/i;
const TEXT_WORDING =
  /^\s*(ссылк|адрес\s|наименовани|название|фио|ф\.\s?и\.\s?о|укажите|перечислите|перечень|список|телефон|e-?mail|электронн\S*\s+почт|комментари|примечани|контакт|реквизит|тем[аы](?![а-яё])|форм[аы]\s+проведени)/i;
const NUMBER_WORDING = /^\s*(средн|сумм|объ[её]м|размер|индекс|коэффициент)/i;
const PRESENCE_WORDING =
  /^\s*(наличи|есть\s+ли|имеется|имеются|проведен|разработ|размещ|утвержд|участи|организ|обеспечен|созда|функционир|осуществл|реализ|внесен|включен|соответств|наличии)/i;
const YES_NO = /^(да|нет|1|0|\+|-|–|—|имеется|отсутствует|есть|выполнено|не выполнено)$/i;
const YES = /^(да|1|\+|имеется|есть|выполнено)$/i;

/** The list's words for yes and no, when it offers exactly one of each. */
export function yesNoChoices(
  list: string[] | null | undefined,
): { yes: string; no: string } | null {
  if (!list || list.length !== 2 || !list.every((v) => YES_NO.test(v))) return null;
  const yes = list.find((v) => YES.test(v));
  const no = list.find((v) => !YES.test(v));
  return yes && no ? { yes, no } : null;
}

/** The kind, and a short reason the preview shows beside it. */
export function indicatorKind(c: KindClues): { kind: IndicatorKind; why: string } {
  const unit = (c.unit ?? '').toLowerCase().replace(/\s+/g, '');
  const list = c.list ?? null;
  if (list && list.length > 0 && list.every((v) => YES_NO.test(v)))
    return { kind: 'presence', why: `список «${list.join('/')}»` };
  if (/%|процент/.test(unit)) return { kind: 'percent', why: `ед. изм. «${c.unit}»` };
  if (PERCENT_WORDING.test(c.text)) return { kind: 'percent', why: 'формулировка «доля/%»' };
  if (DATE_WORDING.test(c.text) || /^дата/.test(unit))
    return { kind: 'date', why: 'формулировка «дата»' };
  if (/^(чел|ед|шт|кол|мероп|школ|оо)/.test(unit))
    return { kind: 'count', why: `ед. изм. «${c.unit}»` };
  if (COUNT_WORDING.test(c.text)) return { kind: 'count', why: 'формулировка «количество/число»' };
  if (/^(руб|тыс|млн)/.test(unit)) return { kind: 'number', why: `ед. изм. «${c.unit}»` };
  if (TEXT_WORDING.test(c.text)) return { kind: 'text', why: 'ответ — текст' };
  if (NUMBER_WORDING.test(c.text))
    return { kind: 'number', why: 'формулировка «средний/результат»' };
  if (/^(балл|да\/нет|1\/0|0\/1|наличие)/.test(unit))
    return { kind: 'presence', why: `ед. изм. «${c.unit}»` };
  if (c.column === 'count') return { kind: 'number', why: `столбец «${c.header ?? ''}»` };
  if (c.column === 'score') return { kind: 'presence', why: `столбец «${c.header ?? ''}»` };
  if (PRESENCE_WORDING.test(c.text)) return { kind: 'presence', why: 'формулировка «наличие»' };
  return { kind: 'presence', why: 'по умолчанию для показателя 1/0' };
}
