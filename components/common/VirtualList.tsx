// Simple windowing: only the rows in view (plus a margin) are in the DOM, so a register of
// 10,000 activities scrolls and filters as fast as one of ten.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  /** Shown instead of rows when the list is empty. */
  empty?: ReactNode;
}) {
  const { items, rowHeight, getKey, renderRow } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <div
        role="listitem"
        key={getKey(item)}
        className="vrow"
        style={{ top: i * rowHeight, height: rowHeight }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className={`vlist ${props.className ?? ''}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {items.length === 0 ? (
        props.empty
      ) : (
        <div role="list" aria-label={props.label} style={{ height: items.length * rowHeight }}>
          {rows}
        </div>
      )}
    </div>
  );
}
