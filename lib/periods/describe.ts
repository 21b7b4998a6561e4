// Periods as a person reads them back: «01.02.2021–28.02.2021», «до 15.12.2020», «каждую четверть».
import type { ParsedPeriod, Recurrence } from '../model/period.ts';
import { formatRuDate } from '../ru/date.ts';
import { plural } from '../ru/plural.ts';

const EACH: Record<Recurrence, string> = {
  month: 'каждый месяц',
  quarter: 'каждую четверть',
  'half-year': 'каждое полугодие',
  year: 'каждый год',
};

const PER: Record<Recurrence, string> = {
  month: 'в месяц',
  quarter: 'в четверть',
  'half-year': 'в полугодие',
  year: 'в год',
};

function cleanRaw(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function describePeriod(p: ParsedPeriod): string {
  const undated = `${cleanRaw(p.raw)} (год не указан)`;
  switch (p.kind) {
    case 'date':
      return p.start ? formatRuDate(p.start) : undated;
    case 'range':
      if (p.start && p.end) return `${formatRuDate(p.start)}–${formatRuDate(p.end)}`;
      if (p.start) return `с ${formatRuDate(p.start)}`;
      return undated;
    case 'deadline':
      return p.end ? `до ${formatRuDate(p.end)}` : undated;
    case 'recurring':
      if (!p.every) return `регулярно: ${cleanRaw(p.raw)}`;
      if (p.times === null || p.times === 1) return EACH[p.every];
      return `${plural(p.times, ['раз', 'раза', 'раз'])} ${PER[p.every]}`;
    case 'event':
      return `по событию: ${cleanRaw(p.raw)}`;
    case 'plan': {
      const text = cleanRaw(p.raw);
      return /^(?:по|согласно|в соответствии)/.test(text) ? text : `по плану: ${text}`;
    }
    default:
      return 'не распознано';
  }
}
