/**
 * netflow bytes: signal when one phase carries >= 50 KiB more bytes_in + bytes_out than the
 * quietest. Rows all in one phase give a spread of 0: flat, not unknown (reference corner).
 */
import { intAdd, intSub, pyInt, type PyInt } from '../../py/value.js';
import { PhaseBuckets, type PhaseAt } from '../phases.js';
import { asDict, locate } from '../rowaccess.js';
import { fmtBytes, pyMax, pyMin } from '../stats.js';
import type { ClassifierSettings, SourceEvidence, SourceRows } from '../types.js';
import { decided, unknown } from './common.js';

export function netflowSignal(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.netflowSpreadBytes;
  if (rows.length === 0) return unknown(0, threshold, 'netflow: no rows');
  const buckets = new PhaseBuckets<{ total: PyInt; n: number }>(() => ({ total: 0, n: 0 }));
  for (let i = 0; i < rows.length; i++) {
    try {
      const r = asDict(rows[i]!);
      const b = buckets.get(phaseAt(r));
      const bin = pyInt(r.bytes_in === undefined ? 0 : r.bytes_in);
      const bout = pyInt(r.bytes_out === undefined ? 0 : r.bytes_out);
      b.total = intAdd(intAdd(b.total, bin), bout);
      b.n++;
    } catch (e) {
      locate(src, i, e);
    }
  }
  const vals = [...buckets.byKey.values()];
  const totals = vals.map((b) => b.items.total);
  const spreadInt = intSub(pyMax(totals), pyMin(totals));
  const phases = vals.map((b) => ({ phase: b.label, value: Number(b.items.total), samples: b.items.n }));
  return decided('netflow', rows.length, rows.length, phases, Number(spreadInt), spreadInt >= threshold, threshold, fmtBytes);
}
