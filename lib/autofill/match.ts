// Pairs page fields with the filling's indicators through the one indicator matcher that reads
// monitoring forms (lib/checklist/indicator-match.ts): stems, domain abbreviations, «Количество/
// Число/Численность», word order ignored, a calibrated threshold, near-ties reported, never guessed.
// A page's own numbering («Вопрос 3», row 3) is not the form's: it only breaks a tie, and only
// when the page's numbers agree with the form's codes across the page. Fields about the person or
// the submission (ФИО, телефон, e-mail, должность, комментарий, дата заполнения) never get an
// indicator. Pure: runs on descriptors, in Node or a page.
import { IndicatorMatcher, MATCHER } from '../checklist/indicator-match.ts';
import { t } from './messages.ts';
import type { FieldDescriptor, FormPairing, IndicatorInput, Pairing } from './types.ts';
import { valueForField } from './values.ts';

/**
 * Below PROPOSE a field gets no pair. From PROPOSE to TICK the pair is shown unticked, with its
 * reason; from TICK on it is ticked and «Заполнить» writes it. Calibrated on the tuning pages of
 * tests/e2e/pages/forms/corpus (never the held-out ones): a wrong value is worse than none.
 */
export const PROPOSE = 0.45;
export const TICK = 0.5;
/** A runner-up this close makes the choice a guess (the checklist matcher's margin, widened for short labels). */
const MARGIN = Math.max(MATCHER.margin, 0.06);

const NUMBERING =
  /^\s*(?:(?:вопрос|пункт|показатель|п\.)\s*)?№?\s*(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?(?=\s|$)/iu;

/** «2.3.» → «2.3»; «Вопрос 3» → «3»; '' when the text opens with no number. */
export function leadingNumber(text: string): string {
  return NUMBERING.exec(text)?.[1] ?? '';
}

const normaliseNumber = (n: string): string => n.trim().replace(/\.+$/, '');

/** What a field about the person or the submission asks for: filled from the profile, if ever. */
export type PersonalField = 'name' | 'position' | 'phone' | 'email' | 'comment' | 'date';

const PERSONAL: [PersonalField, RegExp][] = [
  ['email', /(?:e-?mail|эл(?:\.|ектронн\S*)\s*(?:адрес|почт)|почт[аы]\b|адрес\s+электронной)/iu],
  ['phone', /(?:телефон|тел\.|моб\.|мобильн)/iu],
  ['name', /(?:\bфио\b|фамили|имя\s+и\s+отчество|^имя\b|заполняющ|исполнител|контактное\s+лицо)/iu],
  ['position', /(?:должност)/iu],
  ['comment', /(?:комментари|примечани|пояснени|замечани|дополнительн\S*\s+информаци)/iu],
  ['date', /(?:дата\s+(?:заполнения|составления|подачи|отправки)|подпис)/iu],
];

/**
 * The field asks about the person or the submission, not an indicator. Words in parentheses
 * explain («Ответственный за работу с ШНОР (ФИО)» asks who is responsible, an indicator).
 */
export function personalField(field: FieldDescriptor): PersonalField | null {
  const label = field.label.replace(/\([^)]*\)/g, ' ');
  for (const [kind, re] of PERSONAL) if (re.test(label)) return kind;
  if (!field.label.trim())
    for (const h of field.hints) for (const [kind, re] of PERSONAL) if (re.test(h)) return kind;
  return null;
}

interface Ranked {
  indicatorId: string;
  score: number;
  context: number;
  /** Why the field's control cannot take the indicator's value. */
  refused?: string | null;
}

/** A control that cannot take the value makes the pair this much less likely. */
const REFUSED = 0.85;

/**
 * The field's own words: its label; a hint (a placeholder, nearby text) only when it has none,
 * since a card's title or a page's note beside a field is not what the field asks.
 */
function queries(field: FieldDescriptor): string[] {
  if (field.label.trim().length > 2) return [field.label];
  return field.hints.slice(0, 2).filter((q) => q.trim().length > 2);
}

/** What the wording asks for: a count («Количество…», «Сколько…») or a yes/no («Наличие…», «…ли…»). */
function asks(text: string): 'count' | 'presence' | null {
  const body = text.replace(NUMBERING, '').trim().toLowerCase();
  if (/^(?:количество|число|численность|кол-во|сколько)(?![а-яё])/u.test(body)) return 'count';
  if (/^(?:наличие|имеется|есть)(?![а-яё])|\sли[\s?,]/u.test(` ${body} `)) return 'presence';
  return null;
}

/** A count field is not a yes/no indicator's, nor the reverse. */
function kindsAgree(asked: ReturnType<typeof asks>, indicator: IndicatorInput): boolean {
  if (asked === 'count') return indicator.kind !== 'presence';
  if (asked === 'presence') return !['count', 'number', 'percent'].includes(indicator.kind);
  return true;
}

function rank(
  field: FieldDescriptor,
  matcher: IndicatorMatcher<string>,
  fits: (indicatorId: string) => boolean,
): Ranked[] {
  const best = new Map<string, Ranked>();
  queries(field).forEach((text) => {
    // A hint is weaker evidence than the label.
    const weight = field.label.trim().length > 2 ? 1 : 0.9;
    for (const s of matcher.sharingScores({ text, context: field.context ?? [] })) {
      if (!fits(s.key)) continue;
      // Where the field sits may confirm a pair, never weaken it: a page's heading is often
      // about the whole form, not one of its sections.
      const score = Math.max(s.own, s.score) * weight;
      const known = best.get(s.key);
      if (!known || known.score < score)
        best.set(s.key, { indicatorId: s.key, score, context: s.context });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * The page's numbering is the form's only when, across the page, the fields' numbers name the
 * indicators their words already point to (at least three, four in five of them).
 */
function numberingAgrees(
  fields: readonly FieldDescriptor[],
  ranked: Map<string, Ranked[]>,
  numberOf: Map<string, string>,
): boolean {
  let numbered = 0;
  let agreeing = 0;
  for (const f of fields) {
    const n = leadingNumber(f.label);
    const list = ranked.get(f.key) ?? [];
    const best = list[0];
    if (!n || !best || best.score < PROPOSE) continue;
    numbered++;
    // Agreeing: the indicator with the field's number is the best, or as good as the best.
    if (list.some((r) => r.score > best.score - MARGIN && numberOf.get(r.indicatorId) === n))
      agreeing++;
  }
  return agreeing >= 3 && agreeing >= 0.8 * numbered;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Proposes at most one indicator per field and one field per indicator, best pairs first. Pairs
 * remembered for this form come first, with confidence 1. A pair below TICK, or one whose
 * runner-up is as likely, comes unticked with its reason.
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
  const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
  for (const pair of remembered) {
    if (!fieldKeys.has(pair.fieldKey) || !byId.has(pair.indicatorId)) continue;
    if (usedFields.has(pair.fieldKey) || usedIndicators.has(pair.indicatorId)) continue;
    usedFields.add(pair.fieldKey);
    usedIndicators.add(pair.indicatorId);
    out.push({
      fieldKey: pair.fieldKey,
      indicatorId: pair.indicatorId,
      confidence: 1,
      source: 'remembered',
      ticked: true,
      reason: null,
    });
  }

  // An aggregate («Средний балл по показателю») is asked on web forms too; its section tells which.
  const answerable = indicators.filter((i) => i.kind !== 'group');
  const matcher = new IndicatorMatcher(
    answerable.map((i) => ({
      key: i.indicatorId,
      // «Средний балл по показателю» says nothing alone: its criterion (the group) is what a web
      // form names («Интенсивность взаимодействия: средний балл»).
      text: i.kind === 'aggregate' && i.context?.length ? `${i.context.at(-1)}: ${i.text}` : i.text,
      context: i.context ?? [],
    })),
  );
  const ranked = new Map<string, Ranked[]>();
  const refusals = new Map<string, string | null>();
  for (const field of fields) {
    if (usedFields.has(field.key) || personalField(field) !== null) continue;
    // A control that cannot hold the value (a checkbox for «12 педагогов») is not its field.
    const asked = asks(field.label);
    // Fields of one shape (Да/Нет radios, number inputs) take the same values: checked once.
    const shape = `${field.control}\u0001${field.options.map((o) => o.label).join('\u0002')}`;
    const fits = (id: string) => kindsAgree(asked, byId.get(id)!);
    // Why the control cannot take the indicator's value (a select without «Высокий»), or null.
    const refusal = (id: string): string | null => {
      const ind = byId.get(id)!;
      if (ind.value === null) return null;
      const key = `${shape}\u0001${typeof ind.value}:${String(ind.value)}`;
      let why = refusals.get(key);
      if (why === undefined) {
        const r = valueForField(field, ind.value);
        refusals.set(key, (why = r.ok ? null : r.reason));
      }
      return why;
    };
    const list = rank(field, matcher, fits);
    // Such a pair is less likely, and if it is still the best it is shown unticked, with why.
    for (const r of list) {
      r.refused = refusal(r.indicatorId);
      if (r.refused) r.score *= REFUSED;
    }
    ranked.set(
      field.key,
      list.sort((a, b) => b.score - a.score),
    );
  }
  const numberOf = new Map(answerable.map((i) => [i.indicatorId, normaliseNumber(i.number)]));
  const numbersCount = numberingAgrees(fields, ranked, numberOf);

  const candidates: { field: FieldDescriptor; list: Ranked[]; order: number }[] = [];
  fields.forEach((field, order) => {
    const list = ranked.get(field.key);
    if (list && list[0] && list[0].score >= PROPOSE) candidates.push({ field, list, order });
  });
  // Best first: a clear pair claims its indicator before a doubtful field can.
  candidates.sort((a, b) => b.list[0]!.score - a.list[0]!.score || a.order - b.order);
  for (const { field, list } of candidates) {
    const open = list.filter((r) => !usedIndicators.has(r.indicatorId));
    let best = open[0];
    if (!best || best.score < PROPOSE) continue;
    // Equal wordings told apart by where they sit (the checklist matcher's rule), else a guess.
    let rivals = open.filter(
      (r) =>
        r !== best &&
        r.score > best!.score - MARGIN &&
        best!.context - r.context < MATCHER.contextDecides,
    );
    const n = leadingNumber(field.label);
    let byNumber = false;
    if (rivals.length > 0 && numbersCount && n) {
      const same = [best, ...rivals].filter((r) => numberOf.get(r.indicatorId) === n);
      if (same.length === 1) {
        best = same[0]!;
        rivals = [];
        byNumber = true;
      }
    }
    // A clearly better indicator went to another field: what is left is a second choice.
    const taken =
      !byNumber &&
      list[0]!.indicatorId !== best.indicatorId &&
      list[0]!.score - best.score >= MARGIN;
    const ticked = best.score >= TICK && rivals.length === 0 && !taken && !best.refused;
    const reason = ticked
      ? null
      : best.refused
        ? best.refused
        : rivals.length > 0
          ? t('pairAmbiguous', rivals.map((r) => label(byId.get(r.indicatorId)!)).join('; '))
          : taken
            ? t('pairTakenElsewhere', label(byId.get(list[0]!.indicatorId)!))
            : t('pairUnsure', Math.round(best.score * 100));
    usedFields.add(field.key);
    usedIndicators.add(best.indicatorId);
    out.push({
      fieldKey: field.key,
      indicatorId: best.indicatorId,
      confidence: round(best.score),
      source: 'matched',
      ticked,
      reason,
    });
  }
  const position = new Map(fields.map((f, i) => [f.key, i]));
  return out.sort((a, b) => position.get(a.fieldKey)! - position.get(b.fieldKey)!);
}

function label(i: IndicatorInput): string {
  const text = i.text.length > 80 ? `${i.text.slice(0, 80).replace(/\s+\S*$/, '')}…` : i.text;
  return `${i.number ? normaliseNumber(i.number) + '. ' : ''}${text}`;
}
