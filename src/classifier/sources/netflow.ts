/**
 * netflow bytes: signal when one phase carries >= 50 KiB more bytes_in + bytes_out than the
 * quietest. Rows all in one phase give a spread of 0: flat, not unknown (reference corner).
 */
import { intAdd, intSub, pyInt, type PyInt } from '../../py/value.js';
import { IdBuckets, PhaseBuckets, type PhaseAt, type Phases } from '../phases.js';
import { asDict, locate } from '../rowaccess.js';
import { fmtBytes, pyMax, pyMin } from '../stats.js';
import { isColumns, type ClassifierSettings, type SourceColumns, type SourceData, type SourceEvidence, type SourceRows } from '../types.js';
import { decided, unknown } from './common.js';

interface Total {
  total: PyInt;
  n: number;
}

export function netflowSignal(src: SourceData, phases: Phases, s: ClassifierSettings): SourceEvidence {
  return isColumns(src) ? netflowColumns(src, phases, s) : netflowRows(src, phases.rowAt, s);
}

function netflowColumns(src: SourceColumns, phases: Phases, s: ClassifierSettings): SourceEvidence {
  const c = src.columns;
  const threshold = s.netflowSpreadBytes;
  if (c.n === 0) return unknown(0, threshold, 'netflow: no rows');
  const bytesIn = c.num.bytes_in!;
  const bytesOut = c.num.bytes_out!;
  const buckets = new IdBuckets<Total>(() => ({ total: 0, n: 0 }));
  for (let i = 0; i < c.n; i++) {
    const b = buckets.get(phases.wallAt(c, i));
    b.total = intAdd(intAdd(b.total, bytesIn[i]!), bytesOut[i]!);
    b.n++;
  }
  return netflowEvidence(c.n, buckets.entries(phases.ids), threshold);
}

function netflowRows(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.netflowSpreadBytes;
  if (rows.length === 0) return unknown(0, threshold, 'netflow: no rows');
  const buckets = new PhaseBuckets<Total>(() => ({ total: 0, n: 0 }));
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
  return netflowEvidence(rows.length, [...buckets.byKey.values()], threshold);
}

function netflowEvidence(rows: number, vals: Array<{ label: string; items: Total }>, threshold: number): SourceEvidence {
  const totals = vals.map((b) => b.items.total);
  const spreadInt = intSub(pyMax(totals), pyMin(totals));
  const phases = vals.map((b) => ({ phase: b.label, value: Number(b.items.total), samples: b.items.n }));
  return decided('netflow', rows, rows, phases, Number(spreadInt), spreadInt >= threshold, threshold, fmtBytes);
}
