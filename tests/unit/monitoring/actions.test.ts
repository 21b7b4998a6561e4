// The page-side orchestration of monitorings (lib/monitoring-actions.ts) over the example
// register and the Korenovsky workbook: creation stores the workbook, the template and an
// auto-completed filling; re-runs never overwrite decisions; the export writes the authority's
// workbook, falls back to our own layout for a built-in form, and refuses (changing nothing)
// when the workbook is gone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  applyProposals,
  builtinTemplates,
  importTemplateXlsx,
  overrideAnswer,
} from '../../../lib/checklist/index.ts';
import { analysisToText, draftAnalysis } from '../../../lib/export/index.ts';
import {
  createMonitoring,
  defaultPeriod,
  exportFilling,
  refreshProposals,
  registerData,
  withRules,
} from '../../../lib/monitoring-actions.ts';
import { buildExampleDoc } from '../../../lib/store/example.ts';
import { FillingStore } from '../../../lib/store/fillings.ts';
import { Repository } from '../../../lib/store/repository.ts';
import { getAttachmentBytes } from '../../../lib/store/attachments.ts';
import { textToDraft } from '../../../components/reports/text-draft.ts';

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/monitoring-korenovsky-2021.xlsx',
);
const NOW = '2021-06-05T10:00:00.000Z';
const TODAY = '2021-06-05';

function exampleRepo(): Repository {
  const now = new Date(NOW);
  const doc = buildExampleDoc(now);
  return new Repository(doc, { actor: 'Ирина', clock: () => now });
}

async function importedKorenovsky() {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const imported = await importTemplateXlsx(bytes, 'Мониторинг ШНОР.xlsx');
  const fixed = applyProposals(
    imported.template,
    imported.proposals.map((p) => p.id),
  );
  return { bytes, ...withRules(fixed) };
}

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet('Мониторинг') ?? wb.worksheets[0]!;
}

// Runs in order: the built-in form is exported before the workbook is ever stored.
describe('monitoring actions', () => {
  it('a built-in form without the authority’s file exports in our own layout', async () => {
    const repo = exampleRepo();
    const builtin = builtinTemplates()[0]!;
    const filling = await createMonitoring(repo, {
      template: builtin,
      title: 'Мониторинг ШНОР',
      period: defaultPeriod(repo.snapshot().workspace),
      deadline: '2021-06-11',
      actor: 'Ирина',
      now: NOW,
    });
    const out = await exportFilling(repo, filling.id, { today: TODAY });
    expect(out.kind).toBe('report');
    expect(out.fileName).toBe(
      'Мониторинг ШНОР_Управление образования МО Славянский район (пример)_05.06.2021.xlsx',
    );
    const sheet = await sheetOf(out.bytes);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? ''))));
    expect(texts).toContain('Наличие раздела по сопровождению ШНОР на официальном сайте УО');
  });

  it('creates from the dropped workbook: recognised, stored, auto-completed with justification', async () => {
    const repo = exampleRepo();
    const { bytes, template, known } = await importedKorenovsky();
    expect(known?.id).toBe('builtin-korenovsky-2021');
    expect(template.indicators.filter((i) => i.rule !== undefined)).toHaveLength(55);
    const filling = await createMonitoring(repo, {
      template,
      workbook: { bytes, fileName: 'Мониторинг ШНОР.xlsx' },
      title: '  ',
      period: { start: '2020-09-01', end: '2021-08-31' },
      deadline: null,
      actor: 'Ирина',
      now: NOW,
    });
    expect(filling.title).toBe(template.title);
    expect(await getAttachmentBytes(template.source.workbookHash)).toEqual(bytes);
    const stored = new FillingStore(repo).get(filling.id)!;
    // «Наличие муниципальных мероприятий по оценке … компетенций администрации ШНОР»: the
    // order on the methodological visits (imported from seed 000's report) says it.
    expect(stored.answers.r7).toMatchObject({ value: 1, status: 'proposed' });
    const order = repo.snapshot().evidence.find((e) => e.number === '736')!;
    expect(stored.answers.r7!.evidenceIds).toEqual([order.id]);
    expect(stored.answers.r17).toMatchObject({ value: 13 });
    // The example's own built-in form, and this one.
    expect(repo.snapshot().extra.templates!.map((t) => t.id)).toEqual([
      'builtin-korenovsky-2021',
      template.id,
    ]);
  });

  it('re-runs never overwrite a decision, and write nothing when nothing changed', async () => {
    const repo = exampleRepo();
    const { bytes, template } = await importedKorenovsky();
    const created = await createMonitoring(repo, {
      template,
      workbook: { bytes, fileName: 'f.xlsx' },
      title: 'М',
      period: { start: '2020-09-01', end: '2021-08-31' },
      deadline: null,
      actor: 'Ирина',
      now: NOW,
    });
    const store = new FillingStore(repo);
    store.save(overrideAnswer(store.get(created.id)!, 'r7', 0, 'Выезды не по оценке', 'Олег', NOW));
    const data = registerData(repo.snapshot());
    const first = refreshProposals(repo, template, store.get(created.id)!, data, NOW);
    expect(first.saved).toBe(false);
    expect(store.get(created.id)!.answers.r7).toMatchObject({ value: 0, status: 'overridden' });
    expect(first.results.find((r) => r.indicatorId === 'r7')!.disagreement).toEqual({
      manual: 0,
      proposed: 1,
    });

    // A new ШНОР helped in the register: the proposal follows, the decision stays.
    const org = repo.createOrganisation({ name: 'МБОУ СОШ № 99', shnor: true });
    const visits = repo.snapshot().activities.find((a) => a.title.startsWith('Оказание'))!;
    repo.updateActivity(visits.id, {
      participants: [...visits.participants, { orgId: org.id, label: '', count: null }],
    });
    const later = '2021-06-06T10:00:00.000Z';
    const second = refreshProposals(
      repo,
      template,
      store.get(created.id)!,
      registerData(repo.snapshot()),
      later,
    );
    expect(second.saved).toBe(true);
    expect(store.get(created.id)!.answers.r17).toMatchObject({ value: 14, status: 'proposed' });
    expect(store.get(created.id)!.answers.r7).toMatchObject({ value: 0, status: 'overridden' });
  });

  it('exports into the stored workbook, and refuses with nothing changed when it is gone', async () => {
    const repo = exampleRepo();
    const { bytes, template } = await importedKorenovsky();
    const filling = await createMonitoring(repo, {
      template,
      workbook: { bytes, fileName: 'f.xlsx' },
      title: 'Мониторинг ШНОР',
      period: { start: '2020-09-01', end: '2021-08-31' },
      deadline: null,
      actor: 'Ирина',
      now: NOW,
    });
    const out = await exportFilling(repo, filling.id, { today: TODAY, sourcesSheet: true });
    expect(out.kind).toBe('form');
    const sheet = await sheetOf(out.bytes);
    expect(sheet.getCell('C7').value).toBe(1);
    expect(sheet.getCell('D17').value).toBe(13);
    expect(out.issues.some((i) => i.kind === 'no-evidence' || i.kind === 'empty')).toBe(true);

    // The same form under another template whose workbook was never stored.
    const orphan = { ...template, source: { ...template.source, workbookHash: 'a'.repeat(64) } };
    const lost = await createMonitoring(repo, {
      template: { ...orphan, id: 'tpl-lost' },
      title: 'Без файла',
      period: { start: '2020-09-01', end: '2021-08-31' },
      deadline: null,
      actor: 'Ирина',
      now: NOW,
    });
    const before = JSON.stringify(new FillingStore(repo).get(lost.id));
    await expect(exportFilling(repo, lost.id, { today: TODAY })).rejects.toThrow(
      /Исходный файл формы «Мониторинг ШНОР\.xlsx» не найден.*Ничего не выгружено\./,
    );
    expect(JSON.stringify(new FillingStore(repo).get(lost.id))).toBe(before);
    await expect(exportFilling(repo, 'nope', { today: TODAY })).rejects.toThrow(
      'Мониторинг не найден',
    );
  });

  it('a file that differs from the one read is refused before anything is stored', async () => {
    const repo = exampleRepo();
    const templatesBefore = JSON.stringify(repo.snapshot().extra.templates);
    const fillingsBefore = JSON.stringify(new FillingStore(repo).list());
    const { bytes, template } = await importedKorenovsky();
    const other = new Uint8Array(bytes);
    other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 1;
    await expect(
      createMonitoring(repo, {
        template,
        workbook: { bytes: other, fileName: 'f.xlsx' },
        title: 'М',
        period: { start: '2020-09-01', end: '2021-08-31' },
        deadline: null,
        actor: 'Ирина',
        now: NOW,
      }),
    ).rejects.toThrow(/изменился после чтения.*Ничего не изменено/);
    expect(JSON.stringify(repo.snapshot().extra.templates)).toBe(templatesBefore);
    expect(JSON.stringify(new FillingStore(repo).list())).toBe(fillingsBefore);
  });
});

describe('the edited analysis text', () => {
  it('goes back into the draft unchanged when untouched, and keeps every edit', () => {
    const repo = exampleRepo();
    const s = repo.snapshot();
    const draft = draftAnalysis({ ...s }, { period: { from: '2020-09-01', to: '2021-08-31' } });
    const directions = draft.sections.map((x) => x.direction);
    expect(textToDraft(analysisToText(draft), directions)).toEqual(draft);
    const edited = analysisToText(draft)
      .replace('Итоги\n', 'Итоги\nВывод методиста.\n')
      .concat('\nПриложение: таблица.\n');
    const back = textToDraft(edited, directions);
    expect(back.summary[0]).toBe('Вывод методиста.');
    expect(back.summary.at(-1)).toBe('Приложение: таблица.');
    expect(back.sections).toEqual(draft.sections);
  });
});
