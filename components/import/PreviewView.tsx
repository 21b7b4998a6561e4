// The preview before anything is written: the columns as understood (each can be corrected),
// the rows by section with a checkbox each, and what «Импортировать» will add.
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { statusLabel } from '../../lib/model/index.ts';
import { describePeriod } from '../../lib/periods/describe.ts';
import type { Field } from '../../lib/importers/types.ts';
import type { PreviewRow, PreviewTable } from '../../lib/importers/preview.ts';
import type { ImportPlan } from '../../lib/importers/plan.ts';
import { countOf } from '../common/format.ts';
import {
  FIELDS,
  countsOf,
  fieldLabel,
  groupRows,
  inSections,
  levelTitle,
  refLabel,
  sectionCount,
  summaryText,
} from './model.ts';
import type { Loaded } from './ImportPanel.tsx';
import { t } from './messages.ts';

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
  const mappedTables = preview.tables.filter((table) => table.used && table.headerRow !== null);

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
            <h3 data-testid="preview-title">{t('previewTitle', { name: loaded.name })}</h3>
            <span className="muted" data-testid="preview-found">
              {t('found', {
                count: countOf('activities', preview.rows.length),
                sections: sections > 0 ? ` ${inSections(sections)}` : '',
              })}
            </span>
          </div>
          <button type="button" onClick={props.onCancel}>
            {t('chooseAnother')}
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
            aria-label={levelTitle(group.level) || t('noLevel')}
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
                    title={d.direction || (groups.length === 1 ? t('allRows') : t('noSection'))}
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
                        <span className="visually-hidden">{t('colImport')}</span>
                      </th>
                      <th className="c-num">{t('colNumber')}</th>
                      <th>{t('colTitle')}</th>
                      <th className="c-period">{t('colPeriod')}</th>
                      <th className="c-people">{t('colResponsible')}</th>
                      <th className="c-refs">{t('colDocuments')}</th>
                      <th className="c-status">{t('colStatus')}</th>
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
            {t('selectedOf', { rows: t('rows', selected.length), total: preview.rows.length })}{' '}
            {plan.activities.length > 0 && (
              <>
                {t('willAdd')} <strong>{summaryText(countsOf(plan))}</strong>.
              </>
            )}
          </span>
          {already > 0 && plan.activities.length > 0 && (
            <span className="muted small">
              {t('alreadyInRegister', { rows: t('rows', already) })}
            </span>
          )}
          {plan.activities.length === 0 && selected.length > 0 && already === selected.length && (
            <strong className="all-present">{t('allPresent')}</strong>
          )}
          {selected.length === 0 && <span className="muted">{t('tickRows')}</span>}
        </div>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={plan.activities.length === 0}
          onClick={props.onImport}
        >
          {t('import')}
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
        {props.single
          ? t('columnsLegend')
          : t('columnsLegendTable', { name: table.name, index: table.index + 1 })}
      </legend>
      {unknown.length > 0 && (
        <span className="notice warn small">{t('unknownColumns', unknown.length)}</span>
      )}
      <div className="columns-grid">
        {table.columns.map((c) => (
          <label
            key={c.index}
            className={`column-map ${c.field === null ? 'unmapped' : ''}`}
            data-testid="column-map"
          >
            <span className="column-header" title={c.header}>
              {c.header.trim() || t('untitledColumn', { index: c.index + 1 })}
            </span>
            <select
              value={c.field ?? ''}
              aria-label={t('columnLabel', { name: c.header.trim() || c.index + 1 })}
              onChange={(e) =>
                props.onRemap(table.index, c.index, (e.target.value || null) as Field | null)
              }
            >
              <option value="">{t('notRecognised')}</option>
              {FIELDS.map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(f)}
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
        aria-label={t('sectionRows', { title: props.title })}
        onChange={() => props.onSet(props.rows, !all)}
      />
      <Heading className="grow">{props.title}</Heading>
      <span className="muted small">{t('chosenOf', { chosen, total: props.rows.length })}</span>
      <button type="button" className="link" onClick={() => props.onSet(props.rows, chosen === 0)}>
        {chosen === 0 ? t('tickSection') : t('untickSection')}
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
          aria-label={t('importRow', { number: row.number || row.row + 1 })}
          onChange={(e) => props.onSet([row], e.target.checked)}
        />
      </td>
      <td className="c-num">{row.number}</td>
      <td className="c-title">
        <span className="title-text">{row.title || '—'}</span>
        {row.place && <span className="muted small">{t('place', { place: row.place })}</span>}
        {props.exists && <span className="badge">{t('alreadyBadge')}</span>}
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
            {unknownPeriod ? row.period.raw : t('quoted', { name: row.period.raw })}
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
            <span
              key={ref.raw}
              className={ref.incomplete ? 'ref ref-incomplete' : 'ref'}
              title={ref.raw}
            >
              {refLabel(ref)}
            </span>
          ))
        )}
      </td>
      <td className="c-status">
        <span className={`badge status-${row.status}`}>{statusLabel(row.status)}</span>
      </td>
    </tr>
  );
});
