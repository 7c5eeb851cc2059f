/** Python's statistics.median, max() and min() on floats, in the same operation order. */
import { pySortFloats } from '../py/sort.js';

/**
 * statistics.median: sorted(), then the middle value or the mean of the two middle ones. Without
 * NaN and -0.0 every sort orders the values alike, so the typed array's sort serves; with either,
 * sorted()'s own order (pySortFloats) decides which values are in the middle.
 */
export function median(values: number[]): number {
  let plain = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v || (v === 0 && 1 / v < 0)) {
      plain = false;
      break;
    }
  }
  const data = plain ? Float64Array.from(values).sort() : pySortFloats(values);
  const n = data.length;
  if (n === 0) throw new Error('median of no data');
  if (n % 2 === 1) return data[(n - 1) / 2] as number;
  const i = n / 2;
  return ((data[i - 1] as number) + (data[i] as number)) / 2;
}

/** Python max(): keeps the first item and replaces it only when a later one is greater. */
export function pyMax<T extends number | bigint>(xs: readonly T[]): T {
  let cur = xs[0] as T;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as T) > cur) cur = xs[i] as T;
  return cur;
}

export function pyMin<T extends number | bigint>(xs: readonly T[]): T {
  let cur = xs[0] as T;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as T) < cur) cur = xs[i] as T;
  return cur;
}

/** Human units for evidence lines, `digits` after the point. */
export function fmtBytes(n: number, digits = 1): string {
  const a = Math.abs(n);
  if (a >= 1024 * 1024 * 1024) return `${(n / 1024 ** 3).toFixed(digits)} GiB`;
  if (a >= 1024 * 1024) return `${(n / 1024 ** 2).toFixed(digits)} MiB`;
  return `${(n / 1024).toFixed(digits)} KiB`;
}
