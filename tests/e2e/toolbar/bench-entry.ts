// Bundled by bench/autofill-dom.bench.ts and added to a page: the autofill engine's own steps,
// timed with the page's clock (no extension messaging in the figures).
import { discoverFields } from '../../../lib/autofill/discover.ts';
import { matchFields } from '../../../lib/autofill/match.ts';
import { fillFields, type FillOrder } from '../../../lib/autofill/fill.ts';
import { valueForField } from '../../../lib/autofill/values.ts';
import type { IndicatorInput } from '../../../lib/autofill/types.ts';

async function measure(indicators: IndicatorInput[]) {
  const t0 = performance.now();
  const { fields } = discoverFields(document);
  const pairs = matchFields(
    fields.map((f) => f.descriptor),
    indicators,
  );
  const t1 = performance.now();
  const byKey = new Map(fields.map((f) => [f.descriptor.key, f]));
  const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
  const orders: FillOrder[] = [];
  for (const p of pairs) {
    const field = byKey.get(p.fieldKey);
    const indicator = byId.get(p.indicatorId);
    if (!field || !indicator) continue;
    const v = valueForField(field.descriptor, indicator.value);
    if (v.ok) orders.push({ field, value: v.value });
  }
  const t2 = performance.now();
  const result = await fillFields(orders);
  const t3 = performance.now();
  return {
    discoverMatchMs: t1 - t0,
    fillMs: t3 - t2,
    fields: fields.length,
    paired: pairs.length,
    correct: pairs.filter((p) =>
      byKey
        .get(p.fieldKey)
        ?.descriptor.label.startsWith((byId.get(p.indicatorId)?.number ?? '?') + ' '),
    ).length,
    filled: result.filled.length,
    problems: result.problems.length,
  };
}

(window as unknown as { __autofillBench: typeof measure }).__autofillBench = measure;
