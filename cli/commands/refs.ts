// `npm run cli -- refs <text-file> [--unique] [--all]`: the document citations found in a text
// file, as JSON. --unique merges repeated citations of one document; --all adds people,
// organisations, counts, the report status and the page proposal.
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../io.ts';
import { parseArgs } from '../io.ts';
import {
  dedupeRefs,
  detectStatus,
  extractCounts,
  extractOrganisations,
  extractPeople,
  extractRefs,
  extractRoleLabels,
  formatRef,
  proposeFromPage,
  refKey,
} from '../../lib/refs/index.ts';

const USAGE = 'Использование: npm run cli -- refs <текстовый файл> [--unique] [--all]';

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args, [], ['--unique', '--all']);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [file, extra] = parsed.positional;
  if (!file || extra !== undefined) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.err(`Не удалось прочитать файл «${file}»: проверьте путь. Ничего не изменено.`);
    return 1;
  }
  const found = extractRefs(text);
  const refs = (parsed.switches.has('--unique') ? dedupeRefs(found) : found).map((ref) => ({
    ...ref,
    key: refKey(ref),
    citation: formatRef(ref),
  }));
  if (!parsed.switches.has('--all')) {
    io.out(JSON.stringify(refs, null, 2));
    return 0;
  }
  io.out(
    JSON.stringify(
      {
        refs,
        people: extractPeople(text),
        groups: extractRoleLabels(text),
        organisations: extractOrganisations(text),
        counts: extractCounts(text),
        status: detectStatus(text),
        proposal: proposeFromPage(text),
      },
      null,
      2,
    ),
  );
  return 0;
}
