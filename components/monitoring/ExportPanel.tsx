// «Экспорт»: the pre-export check (what is empty, unproven, disagreeing), then the authority's
// own workbook with the answers written in, downloaded under its customary name. Nothing in
// the filling changes, whether the export succeeds or not.
import { useEffect, useMemo, useState } from 'react';
import type { AutoResult } from '../../lib/checklist/auto.ts';
import type { Filling, Template } from '../../lib/checklist/schema.ts';
import { preExportCheck, type PreExportIssueKind } from '../../lib/export/pre-export-check.ts';
import { downloadBytes, exportFilling, XLSX_TYPE } from '../../lib/monitoring-actions.ts';
import { toIsoDate } from '../../lib/ru/date.ts';
import { getAttachmentBytes, putAttachmentBytes } from '../../lib/store/attachments.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { sha256Hex } from '../../lib/files/hash.ts';
import { errorMessage } from '../common/format.ts';

const GROUPS: [PreExportIssueKind, string][] = [
  ['empty', 'Не заполнено'],
  ['no-evidence', 'Без подтверждений'],
  ['disagrees', 'Расходится с реестром'],
];

export function ExportPanel(props: {
  repo: Repository;
  snapshot: Snapshot;
  template: Template;
  filling: Filling;
  results: AutoResult[] | null;
  onClose(): void;
}) {
  const { template, filling, results } = props;
  const issues = useMemo(
    () => preExportCheck(template, filling, results ?? undefined),
    [template, filling, results],
  );
  const [sourcesSheet, setSourcesSheet] = useState(true);
  const [formulas, setFormulas] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [hasWorkbook, setHasWorkbook] = useState<boolean | null>(null);
  const builtin = template.id.startsWith('builtin-');

  useEffect(() => {
    let live = true;
    void getAttachmentBytes(template.source.workbookHash).then((b) => live && setHasWorkbook(!!b));
    return () => {
      live = false;
    };
  }, [template.source.workbookHash]);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const out = await exportFilling(props.repo, filling.id, {
        sourcesSheet,
        aggregatesAsFormulas: formulas,
        today: toIsoDate(new Date()),
        ...(results ? { results } : {}),
      });
      await downloadBytes(out.fileName, out.bytes, XLSX_TYPE);
      setMessage({
        ok: true,
        text:
          out.kind === 'form'
            ? `Файл «${out.fileName}» сохранён: форма управления образования с вашими ответами. Если окно сохранения было закрыто без сохранения, нажмите «Выгрузить» ещё раз — мониторинг не изменился.`
            : `Файл «${out.fileName}» сохранён в формате Сводки (исходного файла формы нет). Если окно сохранения было закрыто, нажмите «Выгрузить» ещё раз.`,
      });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  async function attach(file: File) {
    setMessage(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if ((await sha256Hex(bytes)) !== template.source.workbookHash)
        throw new Error(
          `Файл «${file.name}» — не та форма, по которой создан мониторинг: ответы попали бы не в те ячейки. Ничего не изменено.`,
        );
      await putAttachmentBytes(bytes, file.name, XLSX_TYPE);
      setHasWorkbook(true);
      setMessage({ ok: true, text: `Файл формы «${file.name}» сохранён: выгрузка пойдёт в него.` });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }

  return (
    <section className="card stack mon-export" aria-label="Экспорт мониторинга">
      <div className="row">
        <h3 className="grow">Экспорт</h3>
        <button type="button" className="link small" onClick={props.onClose}>
          Закрыть
        </button>
      </div>
      {issues.length === 0 ? (
        <p className="notice ok small">Все показатели заполнены и подкреплены.</p>
      ) : (
        <div className="stack" data-testid="export-issues">
          <p className="small">Перед отправкой проверьте — выгрузить можно и так:</p>
          {GROUPS.map(([kind, label]) => {
            const list = issues.filter((i) => i.kind === kind);
            if (!list.length) return null;
            return (
              <details key={kind} className="small">
                <summary>
                  {label}: {list.length}
                </summary>
                <ul>
                  {list.map((i) => (
                    <li key={i.indicatorId + kind}>{i.message}</li>
                  ))}
                </ul>
              </details>
            );
          })}
        </div>
      )}
      {builtin && hasWorkbook === false && (
        <div className="notice small stack">
          <span>
            Исходного файла формы нет: будет выгружена таблица в формате Сводки. Чтобы получить
            книгу управления образования с её оформлением, выберите полученный файл .xlsx.
          </span>
          <input
            type="file"
            accept=".xlsx"
            aria-label="Файл формы для выгрузки"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void attach(f);
              e.target.value = '';
            }}
          />
        </div>
      )}
      <label className="row small">
        <input
          type="checkbox"
          checked={sourcesSheet}
          onChange={(e) => setSourcesSheet(e.target.checked)}
        />
        Добавить лист «Источники» (подтверждения по каждому показателю)
      </label>
      <label className="row small">
        <input type="checkbox" checked={formulas} onChange={(e) => setFormulas(e.target.checked)} />
        Средние баллы формулами Excel
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
          {busy ? 'Готовим файл…' : issues.length ? 'Выгрузить всё равно' : 'Выгрузить'}
        </button>
      </div>
      {message && (
        <div
          className={`notice small ${message.ok ? 'ok' : 'error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </div>
      )}
    </section>
  );
}
