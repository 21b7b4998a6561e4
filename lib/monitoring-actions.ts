// Page-side orchestration of monitorings, shared by the side panel, the dashboard and the popup:
// create a filling from an imported (or built-in) form, keep it auto-completed, export it.
// exceljs (~255 KB gz) is only reached through dynamic import(), so pages that merely show a
// filling never load it. `downloadBytes` is the one function here that needs a DOM.
import { autoComplete, type AutoResult } from './checklist/auto.ts';
import { mergeProposals, newFilling, AUTO_ACTOR } from './checklist/filling.ts';
import { builtinTemplates } from './checklist/library/index.ts';
import { learnedCandidates, type LearnedRule } from './checklist/learned.ts';
import { bindByMeaning } from './checklist/recognise.ts';
import { fillingSchema, templateSchema, type Filling, type Template } from './checklist/schema.ts';
import type { RegisterData } from './checklist/register-index.ts';
import type { PreExportIssue } from './export/pre-export-check.ts';
import { preExportCheck } from './export/pre-export-check.ts';
import { exportFileName } from './export/file-name.ts';
import { sha256Hex } from './files/hash.ts';
import { newId } from './model/primitives.ts';
import type { Workspace } from './model/records.ts';
import { schoolYearBounds } from './periods/calendar.ts';
import { getAttachmentBytes, putAttachmentBytes } from './store/attachments.ts';
import { FillingStore } from './store/fillings.ts';
import type { Repository, Snapshot } from './store/repository.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What auto-completion reads, straight from the store's snapshot. */
export function registerData(snapshot: Snapshot): RegisterData {
  return {
    activities: snapshot.activities,
    evidence: snapshot.evidence,
    links: snapshot.links,
    organisations: snapshot.organisations,
    people: snapshot.people,
  };
}

/** The reporting period a new monitoring starts with: the workspace's school year. */
export function defaultPeriod(workspace: Workspace): { start: string; end: string } {
  return schoolYearBounds(workspace.schoolYear);
}

export function templatesOf(snapshot: Snapshot): Template[] {
  return (snapshot.extra.templates ?? []) as Template[];
}

export function templateOf(snapshot: Snapshot, id: string): Template | null {
  return templatesOf(snapshot).find((t) => t.id === id) ?? null;
}

/** The team's learned rules (valid records only). */
export function learnedRulesOf(snapshot: Snapshot): LearnedRule[] {
  return (snapshot.extra.learnedRules ?? []) as LearnedRule[];
}

/**
 * The rules a form's indicators get. A form the built-in library knows (same workbook), after
 * the user's accepted fixes: every indicator that kept the library's id and text gets the
 * library's rule. Every other indicator, in any form, is bound by meaning to the rule of the same
 * indicator in the library or among the team's learned rules (bind-rules.ts).
 */
export function withRules(
  template: Template,
  learned: readonly LearnedRule[] = [],
): { template: Template; known: Template | null; warnings: string[] } {
  const known =
    builtinTemplates().find((t) => t.source.workbookHash === template.source.workbookHash) ?? null;
  let byId = template;
  if (known) {
    const rules = new Map(known.indicators.map((i) => [i.id, i]));
    byId = {
      ...template,
      indicators: template.indicators.map((ind) => {
        const lib = rules.get(ind.id);
        return lib && lib.text === ind.text && lib.rule !== undefined && ind.rule === undefined
          ? { ...ind, rule: lib.rule }
          : ind;
      }),
    };
  }
  const bound = bindByMeaning(byId, learnedCandidates(learned));
  return { known, template: bound.template, warnings: bound.warnings };
}

export interface CreateMonitoringInput {
  template: Template;
  /** The authority's .xlsx as the user dropped it; absent for a built-in form picked from the list. */
  workbook?: { bytes: Uint8Array; fileName: string };
  title: string;
  period: { start: string; end: string };
  deadline: string | null;
  actor: string;
  /** ISO timestamp of the creation. */
  now: string;
}

/**
 * Stores the workbook (content-addressed), the template and a new filling already
 * auto-completed. Validated before anything is written; the workbook bytes go first so a
 * template never points at bytes that were not kept.
 */
export async function createMonitoring(
  repo: Repository,
  input: CreateMonitoringInput,
): Promise<Filling> {
  const reason = repo.readOnlyReason;
  if (reason) throw new Error(reason);
  let template = templateSchema.parse(input.template);
  const existing = templateOf(repo.snapshot(), template.id);
  // The same file imported again with other fixes accepted must not reshape older fillings.
  if (existing && JSON.stringify(existing) !== JSON.stringify(template))
    template = { ...template, id: `${template.id.slice(0, 100)}-${newId().slice(0, 8)}` };
  const filling0 = newFilling(
    template,
    {
      id: newId(),
      title: input.title.trim() || template.title,
      period: input.period,
      deadline: input.deadline,
    },
    input.now,
  );
  const results = autoComplete(template, filling0, registerData(repo.snapshot()), {
    today: input.now.slice(0, 10),
  });
  const filling = mergeProposals(filling0, results, AUTO_ACTOR, input.now);
  // Validated before the first write, so a refused filling leaves no orphan template.
  fillingSchema.parse(filling);
  if (input.workbook) {
    // The export writes into these exact bytes by cell address: they must be the file read.
    if ((await sha256Hex(input.workbook.bytes)) !== template.source.workbookHash)
      throw new Error(
        `Файл «${input.workbook.fileName}» изменился после чтения. Загрузите его заново. Ничего не изменено.`,
      );
    await putAttachmentBytes(input.workbook.bytes, input.workbook.fileName, XLSX_TYPE);
  }
  if (!existing || existing.id !== template.id) repo.put('templates', template);
  new FillingStore(repo).save(filling);
  return filling;
}

/**
 * Re-runs auto-completion and stores the new proposals (never touching decided answers).
 * Returns the results, and whether anything was written.
 */
export function refreshProposals(
  repo: Repository,
  template: Template,
  filling: Filling,
  data: RegisterData,
  now: string,
): { results: AutoResult[]; saved: boolean } {
  const results = autoComplete(template, filling, data, { today: now.slice(0, 10) });
  const merged = mergeProposals(filling, results, AUTO_ACTOR, now);
  if (merged === filling || repo.readOnlyReason) return { results, saved: false };
  new FillingStore(repo).save(merged);
  return { results, saved: true };
}

export interface ExportFillingOptions {
  /** Add the «Источники» sheet listing the evidence per indicator. */
  sourcesSheet?: boolean;
  /** «Средний балл» rows as Excel formulas. */
  aggregatesAsFormulas?: boolean;
  /** Defaults to the workspace's name. */
  organisation?: string;
  /** ISO date for the file name. */
  today: string;
  /** Fresh auto-completion results; computed here when absent. */
  results?: AutoResult[];
}

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  /** 'form': the authority's own workbook filled in; 'report': our own layout (no workbook kept). */
  kind: 'form' | 'report';
  issues: PreExportIssue[];
}

/**
 * The filled form as bytes and its file name. Nothing is written to the store: a refused or
 * failed export leaves the filling as it was. Throws a Russian message when the stored
 * workbook is missing or is not the one the form was read from.
 */
export async function exportFilling(
  repo: Repository,
  fillingId: string,
  opts: ExportFillingOptions,
): Promise<ExportedFile> {
  const snapshot = repo.snapshot();
  const filling = new FillingStore(repo).get(fillingId);
  if (!filling)
    throw new Error('Мониторинг не найден: возможно, его удалили. Ничего не выгружено.');
  const template = templateOf(snapshot, filling.templateId);
  if (!template)
    throw new Error(
      'Форма этого мониторинга не найдена в рабочем пространстве. Ничего не выгружено.',
    );
  const results =
    opts.results ?? autoComplete(template, filling, registerData(snapshot), { today: opts.today });
  const issues = preExportCheck(template, filling, results);
  const organisation = opts.organisation ?? snapshot.workspace.name;
  const stored = await getAttachmentBytes(template.source.workbookHash);
  const builtin = template.id.startsWith('builtin-');
  if (!stored && builtin) {
    const { exportMonitoringReport } = await import('./export/monitoring-report.ts');
    const bytes = await exportMonitoringReport(template, filling, results, { organisation });
    return {
      fileName: exportFileName(filling.title, organisation, opts.today),
      bytes,
      kind: 'report',
      issues,
    };
  }
  const { fillWorkbook } = await import('./export/fill-workbook.ts');
  const bytes = await fillWorkbook(stored ?? new Uint8Array(), template, filling, results, {
    sourcesSheet: opts.sourcesSheet ?? true,
    aggregatesAsFormulas: opts.aggregatesAsFormulas ?? false,
    organisation,
    evidenceById: new Map(snapshot.evidence.map((e) => [e.id, e])),
  });
  return {
    fileName: exportFileName(filling.title, organisation, opts.today),
    bytes,
    kind: 'form',
    issues,
  };
}

/**
 * Hands the bytes to the browser as a download. Extension pages have no `downloads` permission
 * here, so a cancelled save dialog cannot be observed; a failure to start is thrown in Russian.
 */
export async function downloadBytes(
  fileName: string,
  bytes: Uint8Array,
  type = XLSX_TYPE,
  doc: Document = document,
): Promise<void> {
  let url: string | null = null;
  try {
    url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    const a = doc.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    doc.body.append(a);
    a.click();
    a.remove();
  } catch (error) {
    if (url) URL.revokeObjectURL(url);
    throw new Error(
      `Не удалось сохранить файл «${fileName}» (${error instanceof Error ? error.message : String(error)}). Мониторинг не изменён; попробуйте ещё раз.`,
      { cause: error },
    );
  }
  const href = url;
  // Revoked later: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
