// `npx tsx tests/corpus/report.ts [--misses] [--tuning-only]`: the corpus figures, tuned and held-out. Misses are
// listed for the tuning part only: the held-out part is measured, never studied.
import { describeFigures, measureCorpus } from './measure.ts';

const tuning = await measureCorpus('tuning');
console.log('tuning', tuning.forms, 'forms', describeFigures(tuning));
if (process.argv.includes('--misses')) for (const m of tuning.misses) console.log('  ' + m);
if (!process.argv.includes('--tuning-only')) {
  const held = await measureCorpus('held-out');
  console.log('held-out', held.forms, 'forms', describeFigures(held));
}
