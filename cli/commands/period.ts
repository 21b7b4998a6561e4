// `npm run cli -- period "<text>" [--school-year 2020-2021]`: prints the parsed period as JSON.
import type { CliIo } from '../io.ts';
import { parseArgs } from '../io.ts';
import { parsePeriod } from '../../lib/periods/index.ts';
import { schoolYearStart } from '../../lib/periods/calendar.ts';

const USAGE =
  'Использование: npm run cli -- period "<срок>" [--school-year 2020-2021]\n' +
  'Пример: npm run cli -- period "Февраль-март" --school-year 2020-2021';

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args, ['--school-year']);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const text = parsed.positional.join(' ').trim();
  if (!text) {
    io.err(`Не указан срок.\n${USAGE}`);
    return 2;
  }
  const schoolYear = parsed.options['--school-year'];
  if (schoolYear !== undefined && schoolYearStart(schoolYear) === null) {
    io.err(
      `Учебный год «${schoolYear}» записан неверно: нужно два года подряд, например 2020-2021. Срок не разобран.`,
    );
    return 1;
  }
  const result = parsePeriod(text, schoolYear ? { schoolYear } : undefined);
  io.out(JSON.stringify(result, null, 2));
  return 0;
}
