/**
 * The classifier's shortcuts for the common case (safe-integer /proc counters, integer label
 * timestamps, the previous row's phase) must give exactly what the general Python-semantics
 * path gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhaseBuckets, makePhaseAt } from '../../src/classifier/phases.js';
import { PyError, makeNumResult, numAddSub, pyLe, trueDiv, type PyVal } from '../../src/py/value.js';
import { fastPct } from '../../src/classifier/sources/proc.js';
import type { RowDict, SourceRows } from '../../src/classifier/types.js';

function generalPct(r: RowDict, prev: RowDict, clk: number): number | null {
  const dt = trueDiv(numAddSub(r.t_mono_ns, prev.t_mono_ns, true), { int: false, v: 1e9 });
  if (!(dt > 0)) return null;
  const djiff = numAddSub(
    numAddSub(r.cpu_user_jiffies, r.cpu_sys_jiffies, false),
    numAddSub(prev.cpu_user_jiffies, prev.cpu_sys_jiffies, false),
    true,
  );
  return (100.0 * trueDiv(djiff, makeNumResult(clk))) / dt;
}

describe('the /proc CPU% shortcut', () => {
  const int = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 5e12 }));
  const row = fc.record({ t_mono_ns: int, cpu_user_jiffies: int, cpu_sys_jiffies: int });
  it('equals Python arithmetic whenever it applies', () => {
    fc.assert(
      fc.property(row, row, fc.constantFrom(100, 250, 1, 3), (r, prev, clk) => {
        const fast = fastPct(r, prev, clk);
        if (fast === undefined) return;
        expect(Object.is(fast, generalPct(r, prev, clk))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('steps aside for anything but safe integers', () => {
    const base = { t_mono_ns: 2_000_000_000, cpu_user_jiffies: 5, cpu_sys_jiffies: 1 };
    const prev = { t_mono_ns: 1_000_000_000, cpu_user_jiffies: 1, cpu_sys_jiffies: 1 };
    expect(fastPct(base, prev, 100)).toBe(4);
    for (const odd of [true, 2n ** 60n, 1.5, '7', null, undefined] as PyVal[]) {
      expect(fastPct({ ...base, cpu_sys_jiffies: odd }, prev, 100)).toBeUndefined();
    }
  });
});

describe('phase mapping shortcut', () => {
  const t = fc.oneof(
    fc.bigInt({ min: 1_800_000_000_000_000_000n - 5n, max: 1_800_000_000_000_000_000n + 5n }),
    fc.integer({ min: -3, max: 3 }),
  );
  it('maps rows as pyLe over the labels does, sorted or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t_wall_ns: t, phase: fc.constantFrom('clean', 'dormant', 'x') }), { maxLength: 5 }),
        t,
        (labels, tw) => {
          const src: SourceRows = { member: 'labels.jsonl', rows: labels, lineNos: labels.map((_, i) => i + 1) };
          let expected: PyVal = '(pre)';
          let error: string | null = null;
          try {
            for (const l of labels) {
              if (!pyLe(l.t_wall_ns, tw)) break;
              expected = l.phase;
            }
          } catch (e) {
            error = (e as PyError).message;
          }
          if (error) expect(() => makePhaseAt(src)({ t_wall_ns: tw })).toThrow(error);
          else expect(makePhaseAt(src)({ t_wall_ns: tw })).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('phase buckets', () => {
  it('keep Python dict-key identity when the same phase repeats', () => {
    const b = new PhaseBuckets<number[]>(() => []);
    b.get('a').push(1);
    b.get('a').push(2);
    b.get(1).push(3);
    b.get(true).push(4); // True == 1 in a dict
    expect([...b.byKey.values()].map((x) => [x.label, x.items])).toEqual([
      ['a', [1, 2]],
      ['1', [3, 4]],
    ]);
  });
});
