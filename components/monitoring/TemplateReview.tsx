// «Как прочитана форма»: every decision the importer and the binding made, one row per indicator
// (its kind, the cell the answer goes into, its section, the rule it got and from where), each
// correctable before the monitoring is created. Corrections are kept with the template; an undone
// binding is not made again.
import type { Correction } from '../../lib/checklist/corrections.ts';
import {
  indicatorKindSchema,
  type Indicator,
  type IndicatorKind,
  type Template,
} from '../../lib/checklist/schema.ts';
import { formatValue, kindLabel } from './model.ts';
import { t } from './messages.ts';

/** Every kind an indicator row can have (a group is a heading, not a kind of answer). */
const KINDS = indicatorKindSchema.exclude(['group']).options;

export function TemplateReview(props: {
  template: Template;
  onCorrect(c: Correction): void;
  onUndoBinding(indicatorId: string): void;
}) {
  const { template } = props;
  const rows = template.indicators.filter((i) => i.kind !== 'group');
  const bound = rows.filter((i) => i.binding && !i.binding.undone).length;
  const groupText = (ind: Indicator) =>
    ind.parent ? template.indicators.find((g) => g.id === ind.parent)?.text : undefined;
  return (
    <details className="card stack mon-review" data-testid="template-review">
      <summary>
        <strong>{t('reviewTitle')}</strong>{' '}
        <span className="muted small">{t('reviewSummary', rows.length, bound)}</span>
      </summary>
      <p className="muted small">{t('reviewHint')}</p>
      <div className="mon-review-scroll">
        <table className="small">
          <thead>
            <tr>
              <th scope="col">{t('reviewRow')}</th>
              <th scope="col">{t('reviewIndicator')}</th>
              <th scope="col">{t('reviewKind')}</th>
              <th scope="col">{t('reviewCell')}</th>
              <th scope="col">{t('reviewSection')}</th>
              <th scope="col">{t('reviewRule')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ind) => {
              const label = ind.number || String(ind.row ?? '');
              const group = groupText(ind);
              return (
                <tr key={ind.id} data-testid="review-row" data-indicator={ind.id}>
                  <td>{ind.row ?? '—'}</td>
                  <td>
                    {ind.number && <b>{ind.number} </b>}
                    {ind.text}
                    {group && <div className="muted">{t('reviewGroup', { group })}</div>}
                  </td>
                  <td>
                    <select
                      aria-label={t('reviewKindOf', { label })}
                      value={ind.kind}
                      onChange={(e) =>
                        props.onCorrect({
                          indicatorId: ind.id,
                          kind: e.target.value as IndicatorKind,
                        })
                      }
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {kindLabel(k)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <CellInput
                      label={t('reviewCellOf', { label })}
                      value={ind.cells.value ?? ''}
                      onCommit={(cell) => props.onCorrect({ indicatorId: ind.id, cell })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('reviewSectionOf', { label })}
                      value={ind.section}
                      onChange={(e) =>
                        props.onCorrect({ indicatorId: ind.id, section: e.target.value })
                      }
                    >
                      {template.sections.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.title.slice(0, 60)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <RuleCell ind={ind} label={label} onUndo={() => props.onUndoBinding(ind.id)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function RuleCell(props: { ind: Indicator; label: string; onUndo(): void }) {
  const { ind } = props;
  if (ind.kind === 'aggregate') return <span className="muted">{t('reviewAggregate')}</span>;
  const b = ind.binding;
  if (b && !b.undone)
    return (
      <span data-testid="binding">
        {t('reviewBinding', {
          indicator: b.sourceText.slice(0, 90),
          form: b.sourceTitle.slice(0, 80),
          similarity: formatValue(b.similarity),
        })}{' '}
        <button
          type="button"
          className="link"
          aria-label={t('reviewUndoOf', { label: props.label })}
          onClick={props.onUndo}
        >
          {t('reviewUndo')}
        </button>
      </span>
    );
  if (b?.undone) return <span className="muted">{t('reviewUndone')}</span>;
  if (ind.rule !== undefined) return <span>{t('reviewOwnRule')}</span>;
  return <span className="muted">{t('reviewNoRule')}</span>;
}

/** An A1 address, committed on blur or Enter so a half-typed «C» is never applied. */
function CellInput(props: { label: string; value: string; onCommit(cell: string): void }) {
  return (
    <input
      key={props.value}
      className="mon-cell"
      aria-label={props.label}
      defaultValue={props.value}
      size={5}
      onBlur={(e) => {
        const v = e.target.value.trim().toUpperCase();
        if (v && v !== props.value) props.onCommit(v);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
      }}
    />
  );
}
