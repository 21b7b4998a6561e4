// Turns an indicator's value into what a given control takes: text, a number, an ISO date for
// <input type=date>, an option of a radio group or select (Да/Нет, 1/0, наличие/отсутствие),
// a checkbox state. A value that does not fit says why, in the interface language. The values
// typed into the authority's form stay Russian («Да»/«Нет»).
import type { FieldDescriptor, IndicatorValue } from './types.ts';
import { t } from './messages.ts';

export type FillValue =
  | { control: 'text'; text: string }
  | { control: 'option'; index: number; label: string }
  | { control: 'checkbox'; checked: boolean };

export type ValueResult = { ok: true; value: FillValue } | { ok: false; reason: string };

const YES = /^(да|1|есть|имеется|наличие|присутствует|выполнено|yes|true)$/u;
const NO = /^(нет|0|отсутствует|отсутствие|не\s+имеется|не\s+выполнено|no|false)$/u;

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'.:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True, false, or null when the value is not a yes/no. */
export function truthOf(value: IndicatorValue): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === 'string') {
    const v = norm(value);
    if (YES.test(v)) return true;
    if (NO.test(v)) return false;
  }
  return null;
}

function asText(value: Exclude<IndicatorValue, null>): string {
  if (typeof value === 'boolean') return value ? 'Да' : 'Нет';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value;
}

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDate(value: string): string | null {
  const v = value.trim();
  if (ISO_DATE.test(v)) return v;
  const m = RU_DATE.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

function optionIndex(field: FieldDescriptor, value: Exclude<IndicatorValue, null>): number {
  const options = field.options;
  const wanted = norm(asText(value));
  const exact = options.findIndex((o) => norm(o.label) === wanted || norm(o.value) === wanted);
  if (exact >= 0) return exact;
  const truth = truthOf(value);
  if (truth !== null) {
    const re = truth ? YES : NO;
    const byTruth = options.findIndex((o) => re.test(norm(o.label)) || re.test(norm(o.value)));
    if (byTruth >= 0) return byTruth;
  }
  // «Наличие (1 балл)» and similar: an option that starts with the wanted word.
  return options.findIndex((o) => wanted.length > 0 && norm(o.label).startsWith(wanted + ' '));
}

export function valueForField(field: FieldDescriptor, value: IndicatorValue): ValueResult {
  if (value === null || value === '') return { ok: false, reason: t('noValue') };
  switch (field.control) {
    case 'checkbox': {
      const truth = truthOf(value);
      if (truth === null) return { ok: false, reason: t('checkboxYesNo', asText(value)) };
      return { ok: true, value: { control: 'checkbox', checked: truth } };
    }
    case 'radio':
    case 'select': {
      const index = optionIndex(field, value);
      if (index < 0)
        return {
          ok: false,
          reason: t('noSuchOption', asText(value), field.options.map((o) => o.label).join(', ')),
        };
      return { ok: true, value: { control: 'option', index, label: field.options[index]!.label } };
    }
    case 'number': {
      const truth = typeof value === 'boolean' ? (value ? 1 : 0) : null;
      const n = truth ?? Number(String(value).replace(',', '.').replace(/\s/g, ''));
      if (!Number.isFinite(n)) return { ok: false, reason: t('numberOnly', asText(value)) };
      return { ok: true, value: { control: 'text', text: String(n) } };
    }
    case 'date': {
      const iso = typeof value === 'string' ? isoDate(value) : null;
      if (!iso) return { ok: false, reason: t('dateOnly', asText(value)) };
      return { ok: true, value: { control: 'text', text: iso } };
    }
    default: {
      if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
        const [y, m, d] = value.trim().split('-');
        return { ok: true, value: { control: 'text', text: `${d}.${m}.${y}` } };
      }
      return { ok: true, value: { control: 'text', text: asText(value) } };
    }
  }
}
