/**
 * /proc CPU%: signal when the per-phase medians of CPU% spread by >= 5 percentage points.
 *
 * CPU% comes from consecutive samples: jiffies delta / CLK_TCK over the t_mono_ns delta, only
 * where that delta is > 0. Rows in a single phase give a spread of 0: flat, not unknown (a
 * reference corner kept on purpose).
 */
import { makeNumResult, numAddSub, trueDiv, type PyNumResult, type PyVal } from '../../py/value.js';
import { IdBuckets, PhaseBuckets, type PhaseAt, type Phases } from '../phases.js';
import { getItem, locate, locateColumn } from '../rowaccess.js';
import { median, pyMax, pyMin } from '../stats.js';
import {
  NotDict,
  isColumns,
  type ClassifierSettings,
  type PhaseValue,
  type Row,
  type RowDict,
  type SourceColumns,
  type SourceData,
  type SourceEvidence,
  type SourceRows,
} from '../types.js';
import { decided, unknown } from './common.js';

const NS_PER_S: PyNumResult = { int: false, v: 1e9 };

/**
 * The common case — safe-integer fields, sums and differences still exact — computed with the
 * very operations Python performs (int - int exact, int / float, int / int correctly rounded).
 * Returns the CPU%, null when dt <= 0 (no sample), undefined to take the general path.
 */
export function fastPct(r: Row, prev: Row, clk: number): number | null | undefined {
  if (r instanceof NotDict || prev instanceof NotDict) return undefined;
  const m1 = r.t_mono_ns;
  const m0 = prev.t_mono_ns;
  const u1 = r.cpu_user_jiffies;
  const s1 = r.cpu_sys_jiffies;
  const u0 = prev.cpu_user_jiffies;
  const s0 = prev.cpu_sys_jiffies;
  if (!isSafeInt(m1) || !isSafeInt(m0) || !isSafeInt(u1) || !isSafeInt(s1) || !isSafeInt(u0) || !isSafeInt(s0)) return undefined;
  return safePct(m1, m0, u1, s1, u0, s0, clk);
}

/** fastPct on safe integers (the columns hold nothing else). */
function safePct(m1: number, m0: number, u1: number, s1: number, u0: number, s0: number, clk: number): number | null | undefined {
  const dns = m1 - m0;
  if (!Number.isSafeInteger(dns)) return undefined;
  const dt = dns / 1e9;
  if (!(dt > 0)) return null;
  const now = u1 + s1;
  const before = u0 + s0;
  const djiff = now - before;
  if (!Number.isSafeInteger(now) || !Number.isSafeInteger(before) || !Number.isSafeInteger(djiff)) return undefined;
  if (clk === 0) return undefined;
  return (100.0 * (djiff / clk)) / dt;
}

function isSafeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

/** CPU% by Python's general arithmetic: for what safePct steps aside from. */
function generalPct(m1: PyVal, m0: PyVal, u1: PyVal, s1: PyVal, u0: PyVal, s0: PyVal, clk: PyNumResult): number | null {
  const dt = trueDiv(numAddSub(m1, m0, true), NS_PER_S);
  if (!(dt > 0)) return null;
  const now = numAddSub(u1, s1, false);
  const before = numAddSub(u0, s0, false);
  const djiff = numAddSub(now, before, true);
  return (100.0 * trueDiv(djiff, clk)) / dt;
}

export function procSignal(src: SourceData, phases: Phases, s: ClassifierSettings): SourceEvidence {
  return isColumns(src) ? procColumns(src, phases, s) : procRows(src, phases.rowAt, s);
}

function procColumns(src: SourceColumns, phases: Phases, s: ClassifierSettings): SourceEvidence {
  const c = src.columns;
  const n = c.n;
  const threshold = s.procSpreadPct;
  if (n === 0) return unknown(0, threshold, 'proc: no rows');
  const mono = c.num.t_mono_ns!;
  const user = c.num.cpu_user_jiffies!;
  const sys = c.num.cpu_sys_jiffies!;
  const clk = makeNumResult(s.clkTck);
  const clkInt = Number.isSafeInteger(s.clkTck);
  const buckets = new IdBuckets<number[]>(() => []);
  let used = 0;
  for (let i = 1; i < n; i++) {
    const m1 = mono[i]!;
    const m0 = mono[i - 1]!;
    const u1 = user[i]!;
    const s1 = sys[i]!;
    const u0 = user[i - 1]!;
    const s0 = sys[i - 1]!;
    let pct = clkInt ? safePct(m1, m0, u1, s1, u0, s0, s.clkTck) : undefined;
    if (pct === undefined) {
      try {
        pct = generalPct(m1, m0, u1, s1, u0, s0, clk);
      } catch (e) {
        locateColumn(src, i, e);
      }
    }
    if (pct !== null) {
      buckets.get(phases.wallAt(c, i)).push(pct);
      used++;
    }
  }
  if (buckets.size === 0) return unknown(n, threshold, 'proc: no consecutive samples with dt > 0');
  const perPhase = buckets.entries(phases.ids).map((b) => ({ phase: b.label, value: median(b.items), samples: b.items.length }));
  return procEvidence(n, used, perPhase, threshold);
}

function procRows(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.procSpreadPct;
  if (rows.length === 0) return unknown(0, threshold, 'proc: no rows');
  const clk = makeNumResult(s.clkTck);
  const buckets = new PhaseBuckets<number[]>(() => []);
  let used = 0;
  const clkInt = Number.isSafeInteger(s.clkTck);
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const prev = rows[i - 1]!;
    const fast = clkInt ? fastPct(r, prev, s.clkTck) : undefined;
    if (fast !== undefined) {
      if (fast !== null) {
        buckets.get(phaseAt(r as RowDict)).push(fast);
        used++;
      }
      continue;
    }
    try {
      const dt = trueDiv(numAddSub(getItem(r, 't_mono_ns'), getItem(prev, 't_mono_ns'), true), NS_PER_S);
      if (dt > 0) {
        const now = numAddSub(getItem(r, 'cpu_user_jiffies'), getItem(r, 'cpu_sys_jiffies'), false);
        const before = numAddSub(getItem(prev, 'cpu_user_jiffies'), getItem(prev, 'cpu_sys_jiffies'), false);
        const djiff = numAddSub(now, before, true);
        const pct = (100.0 * trueDiv(djiff, clk)) / dt;
        buckets.get(phaseAt(r as RowDict)).push(pct);
        used++;
      }
    } catch (e) {
      locate(src, i, e);
    }
  }
  if (buckets.size === 0) return unknown(rows.length, threshold, 'proc: no consecutive samples with dt > 0');
  const phases = [...buckets.byKey.values()].map((b) => ({ phase: b.label, value: median(b.items), samples: b.items.length }));
  return procEvidence(rows.length, used, phases, threshold);
}

function procEvidence(rows: number, used: number, phases: PhaseValue[], threshold: number): SourceEvidence {
  const medians = phases.map((p) => p.value);
  const spread = pyMax(medians) - pyMin(medians);
  return decided('proc CPU%', rows, used, phases, spread, spread >= threshold, threshold, (n, digits = 1) => `${n.toFixed(digits)} pp`);
}
