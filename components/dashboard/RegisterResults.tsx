// The lower half of a register tab: «Сбросить» for active filters, the result count with
// Russian plurals, and the windowed list (stays fast at 10,000 rows).
import type { ReactNode } from 'react';
import { plural } from '../../lib/ru/plural.ts';
import { VirtualList } from '../common/VirtualList.tsx';

export function ResetFilters(props: { shown: boolean; onReset: () => void }) {
  if (!props.shown) return null;
  return (
    <button type="button" className="link" onClick={props.onReset}>
      Сбросить
    </button>
  );
}

export function RegisterResults<T extends { id: string }>(props: {
  items: T[];
  total: number;
  filtered: boolean;
  forms: readonly [string, string, string];
  label: string;
  emptyText: string;
  renderRow: (item: T) => ReactNode;
}) {
  const { items, total, filtered, forms } = props;
  return (
    <>
      <p className="muted small" data-testid="result-count" aria-live="polite">
        {filtered
          ? `Найдено: ${plural(items.length, forms)} из ${total}`
          : plural(items.length, forms)}
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
            {total === 0 ? props.emptyText : 'Ничего не найдено: измените запрос или фильтры.'}
          </div>
        }
      />
    </>
  );
}
