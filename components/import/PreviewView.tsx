// The preview before anything is written: the columns as understood (each can be corrected),
// the rows by section with a checkbox each, and what «Импортировать» will add.
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { STATUS_LABELS } from '../../lib/model/index.ts';
import { describePeriod } from '../../lib/periods/describe.ts';
import type { Field } from '../../lib/importers/types.ts';
import type { PreviewRow, PreviewTable } from '../../lib/importers/preview.ts';
import type { ImportPlan } from '../../lib/importers/plan.ts';
import { plural } from '../../lib/ru/plural.ts';
import { ACTIVITY_FORMS } from '../common/format.ts';
import {
  FIELD_LABELS,
  ROW_FORMS,
  countsOf,
  groupRows,
  inSections,
  levelTitle,
  refLabel,
  sectionCount,
  summaryText,
} from './model.ts';
import type { Loaded } from './ImportPanel.tsx';

const FIELDS = Object.keys(FIELD_LABELS) as Field[];

export function PreviewView(props: {
  loaded: Loaded;
  plan: ImportPlan;
  existingKeys: ReadonlySet<string>;
  onRemap: (table: number, column: number, field: Field | null) => void;
  onExclude: (update: (excluded: ReadonlySet<string>) => ReadonlySet<string>) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { loaded, plan, existingKeys } = props;
  const { preview, excluded } = loaded;
  const groups = useMemo(() => groupRows(preview.rows), [preview.rows]);
  const sections = sectionCount(groups);
  const selected = preview.rows.filter((r) => !excluded.has(r.key));
  const already = selected.filter((r) => existingKeys.has(r.key)).length;
  const mappedTables = preview.tables.filter((t) => t.used && t.headerRow !== null);

  // Stable, so that ticking one row re-renders one row, not the whole document.
  const { onExclude } = props;
  const setRows = useCallback(
    (rows: readonly PreviewRow[], include: boolean) =>
      onExclude((excludedBefore) => {
        const next = new Set(excludedBefore);
        for (const r of rows) {
          if (include) next.delete(r.key);
          else next.add(r.key);
        }
        return next;
      }),
    [onExclude],
  );

  return (
    <div className="stack import-preview">
      <div className="card stack">
        <div className="row">
          <div className="grow">
            <h3 data-testid="preview-title">Предпросмотр: «{loaded.name}»</h3>
            <span className="muted" data-testid="preview-found">
              Найдено {plural(preview.rows.length, ACTIVITY_FORMS)}
              {sections > 0 ? ` ${inSections(sections)}` : ''}. Пока вы не нажмёте «Импортировать»,
              в реестр ничего не записано.
            </span>
          </div>
          <button type="button" onClick={props.onCancel}>
            Выбрать другой файл
          </button>
        </div>
        {preview.warnings.length > 0 && (
          <ul className="notice warn import-warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {mappedTables.map((table) => (
          <ColumnsEditor
            key={table.index}
            table={table}
            single={mappedTables.length === 1}
            onRemap={props.onRemap}
          />
        ))}
        {loaded.mappingError && (
          <div className="notice error" role="alert">
            {loaded.mappingError}
          </div>
        )}
      </div>

      <div className="import-sections">
        {groups.map((group) => (
          <section
            key={group.key}
            className="card import-level"
            aria-label={levelTitle(group.level) || 'Без уровня'}
          >
            {group.level && (
              <SectionHeader
                title={levelTitle(group.level)}
                rows={group.rows}
                excluded={excluded}
                heading="level"
                onSet={setRows}
              />
            )}
            {group.directions.map((d) => (
              <div key={d.key} className="import-direction">
                {(d.direction || !group.level) && (
                  <SectionHeader
                    title={d.direction || (groups.length === 1 ? 'Все строки' : 'Без раздела')}
                    rows={d.rows}
                    excluded={excluded}
                    heading={group.level ? 'direction' : 'level'}
                    onSet={setRows}
                  />
                )}
                <table className="import-rows">
                  <thead>
                    <tr>
                      <th className="c-check">
                        <span className="visually-hidden">Импортировать</span>
                      </th>
                      <th className="c-num">№</th>
                      <th>Мероприятие</th>
                      <th className="c-period">Срок</th>
                      <th className="c-people">Ответственные</th>
                      <th className="c-refs">Документы</th>
                      <th className="c-status">Статус</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((row) => (
                      <RowView
                        key={row.key}
                        row={row}
                        included={!excluded.has(row.key)}
                        exists={existingKeys.has(row.key)}
                        onSet={setRows}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        ))}
      </div>

      <div className="card import-footer row" data-testid="import-summary">
        <div className="grow stack tight">
          <span>
            Выбрано {plural(selected.length, ROW_FORMS)} из {preview.rows.length}.{' '}
            {plan.activities.length > 0 && (
              <>
                Будет добавлено: <strong>{summaryText(countsOf(plan))}</strong>.
              </>
            )}
          </span>
          {already > 0 && plan.activities.length > 0 && (
            <span className="muted small">
              {plural(already, ROW_FORMS)} уже в реестре — их пропустим.
            </span>
          )}
          {plan.activities.length === 0 && selected.length > 0 && already === selected.length && (
            <strong className="all-present">
              Все строки уже есть в реестре — импортировать нечего.
            </strong>
          )}
          {selected.length === 0 && <span className="muted">Отметьте строки для импорта.</span>}
        </div>
        <button type="button" onClick={props.onCancel}>
          Отмена
        </button>
        <button
          type="button"
          className="primary"
          disabled={plan.activities.length === 0}
          onClick={props.onImport}
        >
          Импортировать
        </button>
      </div>
    </div>
  );
}

function ColumnsEditor(props: {
  table: PreviewTable;
  single: boolean;
  onRemap: (table: number, column: number, field: Field | null) => void;
}) {
  const { table } = props;
  const unknown = table.columns.filter((c) => c.field === null && c.header.trim() !== '');
  return (
    <fieldset className="import-columns">
      <legend>
        Столбцы{props.single ? '' : ` таблицы «${table.name}» (${table.index + 1})`}: проверьте, что
        где
      </legend>
      {unknown.length > 0 && (
        <span className="notice warn small">
          Не распознано {plural(unknown.length, ['столбец', 'столбца', 'столбцов'])}: выберите, что
          в них, или оставьте «не импортировать».
        </span>
      )}
      <div className="columns-grid">
        {table.columns.map((c) => (
          <label
            key={c.index}
            className={`column-map ${c.field === null ? 'unmapped' : ''}`}
            data-testid="column-map"
          >
            <span className="column-header" title={c.header}>
              {c.header.trim() || `Столбец ${c.index + 1} (без заголовка)`}
            </span>
            <select
              value={c.field ?? ''}
              aria-label={`Столбец «${c.header.trim() || c.index + 1}»`}
              onChange={(e) =>
                props.onRemap(table.index, c.index, (e.target.value || null) as Field | null)
              }
            >
              <option value="">— не распознан —</option>
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SectionHeader(props: {
  title: string;
  rows: readonly PreviewRow[];
  excluded: ReadonlySet<string>;
  heading: 'level' | 'direction';
  onSet: (rows: readonly PreviewRow[], include: boolean) => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  const chosen = props.rows.filter((r) => !props.excluded.has(r.key)).length;
  const all = chosen === props.rows.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  const Heading = props.heading === 'level' ? 'h3' : 'h4';
  return (
    <div className={`section-header row ${props.heading}`} data-testid="import-section">
      <input
        ref={box}
        type="checkbox"
        checked={all}
        aria-label={`Все строки раздела «${props.title}»`}
        onChange={() => props.onSet(props.rows, !all)}
      />
      <Heading className="grow">{props.title}</Heading>
      <span className="muted small">
        {chosen} из {props.rows.length}
      </span>
      <button type="button" className="link" onClick={() => props.onSet(props.rows, chosen === 0)}>
        {chosen === 0 ? 'Отметить все в разделе' : 'Снять все в разделе'}
      </button>
    </div>
  );
}

const RowView = memo(function RowView(props: {
  row: PreviewRow;
  included: boolean;
  exists: boolean;
  onSet: (rows: readonly PreviewRow[], include: boolean) => void;
}) {
  const { row } = props;
  const period = row.period.raw ? describePeriod(row.period.parsed) : '';
  const unknownPeriod = row.period.raw !== '' && row.period.parsed.kind === 'unknown';
  return (
    <tr className={props.included ? '' : 'excluded'} data-testid="import-row">
      <td className="c-check">
        <input
          type="checkbox"
          checked={props.included}
          aria-label={`Импортировать строку ${row.number || row.row + 1}`}
          onChange={(e) => props.onSet([row], e.target.checked)}
        />
      </td>
      <td className="c-num">{row.number}</td>
      <td className="c-title">
        <span className="title-text">{row.title || '—'}</span>
        {row.place && <span className="muted small">Место: {row.place}</span>}
        {props.exists && <span className="badge">уже в реестре</span>}
        {row.warnings.map((w) => (
          <span key={w} className="row-warning small">
            {w}
          </span>
        ))}
      </td>
      <td className="c-period">
        {period && !unknownPeriod && <span data-testid="period">{period}</span>}
        {row.period.raw && (
          <span className={unknownPeriod ? 'row-warning' : 'muted small'}>
            {unknownPeriod ? row.period.raw : `«${row.period.raw}»`}
          </span>
        )}
        {!row.period.raw && <span className="muted">—</span>}
      </td>
      <td className="c-people">
        {row.responsible.people.map((p) => (
          <span key={p.name} className="person" title={p.position}>
            {p.name}
          </span>
        ))}
        {row.responsible.roles.map((r) => (
          <span key={r} className="muted small">
            {r}
          </span>
        ))}
        {row.responsible.people.length === 0 &&
          row.responsible.roles.length === 0 &&
          (row.responsible.raw ? (
            <span className="muted small">{row.responsible.raw}</span>
          ) : (
            <span className="muted">—</span>
          ))}
      </td>
      <td className="c-refs">
        {row.refs.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          row.refs.map((ref) => (
            <span key={ref.raw} className="ref" title={ref.raw}>
              {refLabel(ref)}
            </span>
          ))
        )}
      </td>
      <td className="c-status">
        <span className={`badge status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
      </td>
    </tr>
  );
});
