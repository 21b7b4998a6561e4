// Period parsing throughput over the seed strings plus the usual variants (target ≥ 50,000/s).
import type { BenchSuite, Figure } from './figure.ts';
import { median } from './figure.ts';
import { parsePeriod } from '../lib/periods/index.ts';
import { seed000, seed002 } from '../tests/unit/periods/seed-periods.ts';

const extra = [
  '15.03.2021',
  '1 сентября 2021 г.',
  'с 1 по 11 мая 2021 года',
  'IV квартал 2021',
  'I полугодие 2021 года',
  'в течение 2021 года',
  'ежемесячно',
  'ежеквартально',
  'до 15.12.2020',
  'декабрь 2020 – январь 2021',
  '31 февраля 2021',
  'абракадабра',
];

export default {
  title: 'Периоды: разбор сроков',
  async run(): Promise<Figure[]> {
    const strings = [...Object.keys(seed000), ...Object.keys(seed002), ...extra];
    const ctx = { schoolYear: '2020-2021' };
    const rounds = 2_000;
    for (let i = 0; i < 200; i++) for (const s of strings) parsePeriod(s, ctx); // warm-up
    const rates: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) for (const s of strings) parsePeriod(s, ctx);
      rates.push((rounds * strings.length) / ((performance.now() - t0) / 1000));
    }
    return [
      {
        name: 'period parsing',
        value: Math.round(median(rates)),
        unit: 'strings/s',
        target: 50_000,
        bound: 'min',
        note: `${strings.length} distinct strings (seeds 000, 002 and variants), median of 5 runs`,
      },
    ];
  },
} satisfies BenchSuite;
