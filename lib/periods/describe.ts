// Periods as a person reads them back: «01.02.2021–28.02.2021», «до 15.12.2020», «каждую четверть».
import type { ParsedPeriod } from '../model/period.ts';
import { formatRuDate } from '../ru/date.ts';
import { t } from './messages.ts';

function cleanRaw(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** In the interface language; the period's own words (`raw`) are quoted as written. */
export function describePeriod(p: ParsedPeriod): string {
  const undated = t('undated', { text: cleanRaw(p.raw) });
  switch (p.kind) {
    case 'date':
      return p.start ? formatRuDate(p.start) : undated;
    case 'range':
      if (p.start && p.end) return `${formatRuDate(p.start)}–${formatRuDate(p.end)}`;
      if (p.start) return t('from', { date: formatRuDate(p.start) });
      return undated;
    case 'deadline':
      return p.end ? t('until', { date: formatRuDate(p.end) }) : undated;
    case 'recurring':
      if (!p.every) return t('regularly', { text: cleanRaw(p.raw) });
      if (p.times === null || p.times === 1) return t('each', p.every);
      return t('times', p.times, p.every);
    case 'event':
      return t('onEvent', { text: cleanRaw(p.raw) });
    case 'plan': {
      const text = cleanRaw(p.raw);
      return /^(?:по|согласно|в соответствии)/.test(text) ? text : t('asPlanned', { text });
    }
    default:
      return t('unknown');
  }
}
