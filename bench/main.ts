// `npm run bench`: runs every bench/*.bench.ts suite (or those named on the command line)
// and prints each figure beside its target.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite, Figure } from './figure.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));

function format(f: Figure): string {
  const ok = f.bound === 'max' ? f.value <= f.target : f.value >= f.target;
  const sign = f.bound === 'max' ? '≤' : '≥';
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(1);
  return `  ${ok ? 'OK  ' : 'MISS'}  ${f.name}: ${value} ${f.unit}  (target ${sign} ${f.target} ${f.unit})${f.note ? `  — ${f.note}` : ''}`;
}

const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let misses = 0;
for (const file of files) {
  const suite = ((await import(path.join(dir, file))) as { default: BenchSuite }).default;
  console.log(`\n${suite.title} (${file})`);
  try {
    for (const figure of await suite.run()) {
      console.log(format(figure));
      if (figure.bound === 'max' ? figure.value > figure.target : figure.value < figure.target)
        misses++;
    }
  } catch (error) {
    misses++;
    console.log(`  ERROR ${error instanceof Error ? error.stack : String(error)}`);
  }
}
console.log(
  `\n${misses === 0 ? 'All figures within target.' : `${misses} figure(s) missed the target.`}`,
);
