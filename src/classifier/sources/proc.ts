/**
 * /proc CPU%: signal when the per-phase medians of CPU% spread by >= 5 percentage points.
 *
 * CPU% comes from consecutive samples: jiffies delta / CLK_TCK over the t_mono_ns delta, only
 * where that delta is > 0. Rows in a single phase give a spread of 0: flat, not unknown (a
 * reference corner kept on purpose).
 */
import { makeNumResult, numAddSub, trueDiv, type PyNumResult } from '../pyvalue.js';
import { PhaseBuckets, type PhaseAt } from '../phases.js';
import { getItem, locate } from '../rowaccess.js';
import { median, pyMax, pyMin } from '../stats.js';
import type { ClassifierSettings, RowDict, SourceEvidence, SourceRows } from '../types.js';
import { decided, unknown } from './common.js';

const NS_PER_S: PyNumResult = { int: false, v: 1e9 };

export function procSignal(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.procSpreadPct;
  if (rows.length === 0) return unknown(0, threshold, 'proc: no rows');
  const clk = makeNumResult(s.clkTck);
  const buckets = new PhaseBuckets<number[]>(() => []);
  let used = 0;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const prev = rows[i - 1]!;
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
  const medians = phases.map((p) => p.value);
  const spread = pyMax(medians) - pyMin(medians);
  return decided('proc CPU%', rows.length, used, phases, spread, spread >= threshold, threshold, (n) => `${n.toFixed(1)} pp`);
}
