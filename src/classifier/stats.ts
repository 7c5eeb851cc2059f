/** Python's statistics.median, max() and min() on floats, in the same operation order. */
import { pySortFloats } from '../py/sort.js';

/**
 * statistics.median: sorted(), then the middle value or the mean of the two middle ones. Without
 * NaN and -0.0, `<` orders the values totally and every sort puts the same values in the middle,
 * so they are selected (selectNth) rather than sorted; with either, sorted()'s own order
 * (pySortFloats) decides which values are in the middle.
 */
export function median(values: number[]): number {
  const n = values.length;
  if (n === 0) throw new Error('median of no data');
  let plain = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v || (v === 0 && 1 / v < 0)) {
      plain = false;
      break;
    }
  }
  if (!plain) {
    const data = pySortFloats(values);
    if (n % 2 === 1) return data[(n - 1) / 2] as number;
    return ((data[n / 2 - 1] as number) + (data[n / 2] as number)) / 2;
  }
  const data = Float64Array.from(values);
  if (n % 2 === 1) {
    const k = (n - 1) / 2;
    selectNth(data, k);
    return data[k]!;
  }
  const i = n / 2;
  selectNth(data, i - 1);
  // Everything past i - 1 is at least data[i - 1]: the next value up is their least.
  let upper = data[i]!;
  for (let j = i + 1; j < n; j++) if (data[j]! < upper) upper = data[j]!;
  return (data[i - 1]! + upper) / 2;
}

/**
 * Moves a's k-th least value (from 0) to a[k], with none greater before it and none less after it
 * (Hoare's selection, pivot the median of three; a sort of what is left if it takes too many
 * rounds). For values `<` orders totally: no NaN.
 */
export function selectNth(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(a.length + 1)) + 8;
  while (hi > lo) {
    if (hi - lo < 16 || rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] <= pivot, a[i..hi] >= pivot, and whatever lies between equals it.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
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
