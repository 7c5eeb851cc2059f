/**
 * sorted() and statistics.median on floats, against python3 itself: lists with NaN (which every
 * comparison calls false, so the order depends on the exact comparisons CPython's timsort makes),
 * -0.0 beside 0.0, runs up and down, long equal stretches and sizes across the merge thresholds.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { median, selectNth } from '../../src/classifier/stats.js';
import { pySortFloats } from '../../src/py/sort.js';
import { rng } from '../../tools/lib/synth.js';

const SIZES = [1, 2, 3, 4, 5, 7, 8, 13, 31, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256, 257, 500, 777, 1000, 1500, 2600];
const NAN_SHARE = [0, 0.005, 0.02, 0.1, 0.3, 0.9];

/** One list: a shape (random, runs, equal stretches, sawtooth...) with NaN and ±0 sprinkled in. */
function list(r: () => number, n: number, nanShare: number, shape: number): number[] {
  const out: number[] = [];
  let x = r() * 100;
  for (let i = 0; i < n; i++) {
    let v: number;
    switch (shape) {
      case 0: // random
        v = Math.round(r() * 1000) / 10;
        break;
      case 1: // ascending and descending runs of random length
        if (r() < 0.05) x = r() * 100;
        x += (Math.floor(i / 40) % 2 === 0 ? 1 : -1) * r();
        v = x;
        break;
      case 2: // few distinct values: long equal stretches
        v = [0.5, 1, 2, 2.5][Math.floor(r() * 4)]!;
        break;
      case 3: // sawtooth
        v = i % 37;
        break;
      default: // sorted with a few out of place (galloping)
        v = r() < 0.03 ? r() * n : i;
    }
    const z = r();
    if (z < nanShare) v = NaN;
    else if (z < nanShare + 0.03) v = r() < 0.5 ? -0 : 0;
    else if (z < nanShare + 0.035) v = r() < 0.5 ? Infinity : -Infinity;
    out.push(v);
  }
  return out;
}

const pyText = (v: number): string =>
  Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : String(v);
const fromPy = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

const PY = `
import json, statistics, sys
out = []
for xs in json.load(sys.stdin):
    fs = [float(s) for s in xs]
    out.append([[repr(v) for v in sorted(fs)], repr(statistics.median(fs))])
json.dump(out, sys.stdout)
`;

/** python3's sorted() and statistics.median of each list, as repr() texts. */
function python(cases: number[][]): Array<[string[], string]> {
  const out = execFileSync('python3', ['-c', PY], {
    input: JSON.stringify(cases.map((c) => c.map(pyText))),
    maxBuffer: 256 << 20,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Array<[string[], string]>;
}

describe('sorted() and statistics.median on floats', () => {
  it('order NaN, -0.0 and everything else exactly as python3 does', () => {
    const r = rng(20261130);
    const cases: number[][] = [];
    for (const n of SIZES) for (const share of NAN_SHARE) for (let shape = 0; shape < 5; shape++) cases.push(list(r, n, share, shape));
    const py = python(cases);
    let withNaN = 0;
    let differentFromPlainSort = 0;
    cases.forEach((c, i) => {
      const sorted = py[i]![0].map((t) => pyText(fromPy(t)));
      const med = py[i]![1];
      const ours = Array.from(pySortFloats(c));
      expect(ours.map(pyText), `case ${i} (n ${c.length})`).toEqual(sorted);
      expect(Object.is(median(c), fromPy(med)), `median of case ${i}: ours ${median(c)}, python ${med}`).toBe(true);
      if (c.some(Number.isNaN)) withNaN++;
      if (Array.from(Float64Array.from(c).sort()).map(pyText).join() !== sorted.join()) differentFromPlainSort++;
    });
    // The cases do reach what a plain sort gets wrong.
    expect(withNaN).toBeGreaterThan(400);
    expect(differentFromPlainSort).toBeGreaterThan(400);
  });

  it('take the median of lists without NaN or -0.0 by selection, as python3 does by sorting', () => {
    // Shapes that defeat a naive pivot (sorted, reversed, organ pipe, all equal, two values), and
    // infinities and +0.0 among duplicates, at sizes around the small-range sort and far above it.
    const r = rng(0x5e1ec7);
    const shapes: Array<(n: number) => number[]> = [
      (n) => Array.from({ length: n }, () => Math.round(r() * 1e4) / 100),
      (n) => Array.from({ length: n }, (_, i) => i),
      (n) => Array.from({ length: n }, (_, i) => n - i),
      (n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      (n) => Array.from({ length: n }, () => 7.25),
      (n) => Array.from({ length: n }, () => (r() < 0.5 ? 1 : 2)),
      (n) => Array.from({ length: n }, () => [0, Infinity, -Infinity, 3.5, 1e308, -1e-308][Math.floor(r() * 6)]!),
      (n) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : -i) * 0.1),
    ];
    const cases: number[][] = [];
    for (const n of [1, 2, 3, 15, 16, 17, 18, 31, 32, 33, 100, 101, 941, 2000, 2001]) for (const shape of shapes) cases.push(shape(n));
    const py = python(cases);
    cases.forEach((c, i) => {
      expect(Object.is(median(c), fromPy(py[i]![1])), `median of case ${i} (n ${c.length}): ours ${median(c)}, python ${py[i]![1]}`).toBe(
        true,
      );
    });
  });

  it('select the k-th least value with none greater before it and none less after it', () => {
    const r = rng(0x5e1ec8);
    for (let t = 0; t < 400; t++) {
      const n = 1 + Math.floor(r() * 300);
      const distinct = 1 + Math.floor(r() * n);
      const a = Float64Array.from({ length: n }, () => Math.floor(r() * distinct));
      const sorted = Float64Array.from(a).sort();
      const k = Math.floor(r() * n);
      selectNth(a, k);
      expect(a[k]).toBe(sorted[k]);
      for (let j = 0; j < k; j++) expect(a[j]!).toBeLessThanOrEqual(a[k]!);
      for (let j = k + 1; j < n; j++) expect(a[j]!).toBeGreaterThanOrEqual(a[k]!);
      expect(Float64Array.from(a).sort()).toEqual(sorted);
    }
  });

  it('leaves the caller’s values as they were', () => {
    const xs = [3, NaN, 1, -0, 0, 2];
    pySortFloats(xs);
    median(xs);
    expect(xs.map(pyText)).toEqual(['3', 'nan', '1', '-0.0', '0', '2']);
  });
});
