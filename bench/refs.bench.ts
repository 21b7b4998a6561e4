// Reference extraction throughput on the seed documents. Target from the issue: the whole of
// seed 000 (≈ 13 000 characters, 22 citations) in ≤ 20 ms.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite, Figure } from './figure.ts';
import { median } from './figure.ts';
import {
  extractCounts,
  extractOrganisations,
  extractPeople,
  extractRefs,
} from '../lib/refs/index.ts';

const seedsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/seeds');

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export default {
  title: 'Document references, people, organisations, counts (lib/refs)',
  async run(): Promise<Figure[]> {
    const seeds = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
    const seed000 = seeds[0]!;
    const chars = seeds.reduce((n, s) => n + s.length, 0);
    const all = (text: string) => {
      extractRefs(text);
      extractPeople(text);
      extractOrganisations(text);
      extractCounts(text);
    };
    // Warm up the JIT and the regex caches, as a long-lived extension page would be.
    for (let i = 0; i < 20; i++) seeds.forEach((s) => extractRefs(s));

    const refsOn000 = Array.from({ length: 50 }, () => timeOnce(() => extractRefs(seed000)));
    const allOn000 = Array.from({ length: 50 }, () => timeOnce(() => all(seed000)));
    const rounds = 50;
    const total = timeOnce(() => {
      for (let i = 0; i < rounds; i++) seeds.forEach((s) => extractRefs(s));
    });
    const seconds = total / 1000;
    return [
      {
        name: 'extractRefs on the whole of seed 000 (median of 50)',
        value: median(refsOn000),
        unit: 'ms',
        target: 20,
        bound: 'max',
        note: `${extractRefs(seed000).length} citations, ${seed000.length} chars`,
      },
      {
        name: 'refs + people + organisations + counts on seed 000 (median of 50)',
        value: median(allOn000),
        unit: 'ms',
        target: 20,
        bound: 'max',
      },
      {
        name: 'extractRefs throughput, seed texts',
        value: Math.round((rounds * seeds.length) / seconds),
        unit: 'texts/s',
        target: 50,
        bound: 'min',
        note: 'four seeds; 50 texts/s is the 20 ms target',
      },
      {
        name: 'extractRefs throughput, characters',
        value: Math.round((rounds * chars) / seconds),
        unit: 'chars/s',
        target: 670_000,
        bound: 'min',
        note: 'seed 000 in 20 ms ≈ 670 000 chars/s',
      },
    ];
  },
} satisfies BenchSuite;
