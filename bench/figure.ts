// A measured figure printed beside its target. Benchmarks print; they never fail the test suite.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** 'max': value must stay at or below the target (times, sizes); 'min': at or above (throughput). */
  bound: 'max' | 'min';
  note?: string;
}

export interface BenchSuite {
  title: string;
  run(): Promise<Figure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
