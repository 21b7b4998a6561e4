// The lower half of a register tab: «Сбросить» for active filters, the result count with
// plurals of the interface language, and the windowed list (stays fast at 10,000 rows).
import type { ReactNode } from 'react';
import { VirtualList } from '../common/VirtualList.tsx';
import { countOf } from '../common/format.ts';
import { t } from './records-messages.ts';

/** What the count counts, as a noun of `countOf` (plurals of the interface language). */
export type CountForms = Parameters<typeof countOf>[0];

export function ResetFilters(props: { shown: boolean; onReset: () => void }) {
  if (!props.shown) return null;
  return (
    <button type="button" className="link" onClick={props.onReset}>
      {t('reset')}
    </button>
  );
}

export function RegisterResults<T extends { id: string }>(props: {
  items: T[];
  total: number;
  filtered: boolean;
  forms: CountForms;
  label: string;
  emptyText: string;
  /** Shown instead of the count while search cannot answer yet. */
  notice?: string | null;
  renderRow: (item: T) => ReactNode;
}) {
  const { items, total, filtered, forms } = props;
  return (
    <>
      <p className="muted small" data-testid="result-count" aria-live="polite">
        {props.notice ??
          (filtered
            ? t('foundOf', { count: countOf(forms, items.length), total })
            : countOf(forms, items.length))}
      </p>
      <VirtualList
        items={items}
        rowHeight={64}
        label={props.label}
        className="register-list"
        getKey={(item) => item.id}
        renderRow={props.renderRow}
        empty={
          <div className="empty muted">
            {total === 0 ? props.emptyText : t('nothingFoundFilters')}
          </div>
        }
      />
    </>
  );
}
