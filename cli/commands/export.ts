// `npm run cli -- export <report|roadmap|monitoring|analysis> --workspace <backup> --out <file>`:
// the exports of the extension, from a backup file. Filters: --from/--to (ДД.ММ.ГГГГ or
// ГГГГ-ММ-ДД), --directions «a;b», --statuses done,planned. For monitoring: --filling <id>
// (defaults to the only or latest one), --form <authority's .xlsx> to fill that workbook in
// place (with --sources for the «Источники» sheet, --formulas for aggregate formulas).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CliIo } from '../io.ts';
import { parseArgs } from '../io.ts';
import { loadBackupFile } from '../backup-file.ts';
import { templateSchema, type Filling, type Template } from '../../lib/checklist/schema.ts';
import {
  analysisToText,
  draftAnalysis,
  exportAnalysisDocx,
  exportExecutionReport,
  exportMonitoringReport,
  exportRoadmap,
  fillWorkbook,
  preExportCheck,
  type RegisterData,
  type ReportFilters,
} from '../../lib/export/index.ts';
import { activityStatusSchema } from '../../lib/model/index.ts';
import { Repository } from '../../lib/store/repository.ts';
import { FillingStore } from '../../lib/store/fillings.ts';
import { parseRuDate } from '../../lib/ru/date.ts';

const KINDS = ['report', 'roadmap', 'monitoring', 'analysis'] as const;
type Kind = (typeof KINDS)[number];

const USAGE =
  'Использование: npm run cli -- export <report|roadmap|monitoring|analysis> --workspace <резервная копия> --out <файл>\n' +
  '  [--from ДД.ММ.ГГГГ --to ДД.ММ.ГГГГ] [--directions "Проектная деятельность;…"] [--statuses done,planned]\n' +
  '  monitoring: [--filling <id>] [--form <файл формы .xlsx>] [--sources] [--formulas]';

class BadInput extends Error {}

function isoDate(text: string, flag: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : parseRuDate(text);
  if (!iso)
    throw new BadInput(`${flag}: «${text}» — не дата. Пишите ДД.ММ.ГГГГ. Ничего не выгружено.`);
  return iso;
}

function filtersOf(options: Record<string, string>): ReportFilters {
  const filters: ReportFilters = {};
  const from = options['--from'];
  const to = options['--to'];
  if (from || to)
    filters.period = {
      from: from ? isoDate(from, '--from') : '0000-01-01',
      to: to ? isoDate(to, '--to') : '9999-12-31',
    };
  if (options['--directions'])
    filters.directions = options['--directions']
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
  if (options['--statuses']) {
    filters.statuses = options['--statuses'].split(',').map((s) => {
      const parsed = activityStatusSchema.safeParse(s.trim());
      if (!parsed.success)
        throw new BadInput(
          `--statuses: нет статуса «${s.trim()}». Возможные: ${activityStatusSchema.options.join(', ')}. Ничего не выгружено.`,
        );
      return parsed.data;
    });
  }
  return filters;
}

function pickFilling(
  extra: Record<string, { id: string }[]>,
  fillings: Filling[],
  id: string | undefined,
): { template: Template; filling: Filling } {
  if (fillings.length === 0)
    throw new BadInput('В резервной копии нет ни одного мониторинга. Ничего не выгружено.');
  let filling: Filling | undefined;
  if (id) {
    filling = fillings.find((f) => f.id === id);
    if (!filling)
      throw new BadInput(
        `Мониторинга «${id}» нет в резервной копии. Есть: ${fillings.map((f) => `${f.id} («${f.title}»)`).join(', ')}. Ничего не выгружено.`,
      );
  } else filling = [...fillings].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
  const raw = (extra.templates ?? []).find((t) => t.id === filling.templateId);
  const template = raw ? templateSchema.safeParse(raw) : null;
  if (!template?.success)
    throw new BadInput(
      `Шаблон мониторинга «${filling.title}» не найден или повреждён. Ничего не выгружено.`,
    );
  return { template: template.data, filling };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(
      args,
      [
        '--workspace',
        '--out',
        '--from',
        '--to',
        '--directions',
        '--statuses',
        '--filling',
        '--form',
      ],
      ['--sources', '--formulas'],
    );
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [kindArg, extraArg] = parsed.positional;
  const backup = parsed.options['--workspace'];
  const out = parsed.options['--out'];
  if (!kindArg || extraArg !== undefined || !backup || !out || !KINDS.includes(kindArg as Kind)) {
    io.err(USAGE);
    return 2;
  }
  const kind = kindArg as Kind;
  try {
    const filters = filtersOf(parsed.options);
    const { snapshot, doc } = await loadBackupFile(backup);
    const data: RegisterData = snapshot;
    let bytes: Uint8Array | string;
    switch (kind) {
      case 'report':
        bytes = await exportExecutionReport(data, filters);
        break;
      case 'roadmap':
        bytes = await exportRoadmap(data, filters);
        break;
      case 'analysis': {
        const draft = draftAnalysis(data, filters);
        bytes = out.toLowerCase().endsWith('.txt')
          ? analysisToText(draft)
          : await exportAnalysisDocx(draft);
        break;
      }
      case 'monitoring': {
        const { template, filling } = pickFilling(
          snapshot.extra,
          new FillingStore(new Repository(doc, { actor: 'командная строка' })).list(),
          parsed.options['--filling'],
        );
        for (const issue of preExportCheck(template, filling)) io.err(`Внимание: ${issue.message}`);
        const form = parsed.options['--form'];
        if (form) {
          if (!existsSync(form))
            throw new BadInput(`Файл формы не найден: ${form}. Ничего не выгружено.`);
          bytes = await fillWorkbook(
            new Uint8Array(readFileSync(form)),
            template,
            filling,
            undefined,
            {
              sourcesSheet: parsed.switches.has('--sources'),
              aggregatesAsFormulas: parsed.switches.has('--formulas'),
              organisation: snapshot.workspace.name,
              evidenceById: new Map(snapshot.evidence.map((e) => [e.id, e])),
            },
          );
        } else
          bytes = await exportMonitoringReport(template, filling, undefined, {
            organisation: snapshot.workspace.name,
          });
        break;
      }
    }
    writeFileSync(out, bytes);
    io.out(`Готово: ${out}`);
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
