/**
 * QMP blockstats: the counters are cumulative, so each phase's delta (last - first of
 * wr_bytes + rd_bytes summed over devices) is compared; signal when the deltas spread by
 * >= 100 KiB. Fewer than two phases is unknown (unlike proc and netflow: reference corner).
 */
import { PyError, intAdd, intSub, isDict, pyInt, truthy, typeName, type PyInt } from '../../py/value.js';
import { PhaseBuckets, type PhaseAt } from '../phases.js';
import { asDict, locate } from '../rowaccess.js';
import { fmtBytes, pyMax, pyMin } from '../stats.js';
import type { ClassifierSettings, SourceEvidence, SourceRows } from '../types.js';
import { decided, unknown } from './common.js';

interface Span {
  first: PyInt | null;
  last: PyInt;
  n: number;
}

export function qmpSignal(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.qmpSpreadBytes;
  if (rows.length === 0) return unknown(0, threshold, 'qmp: no rows');
  const buckets = new PhaseBuckets<Span>(() => ({ first: null, last: 0, n: 0 }));
  for (let i = 0; i < rows.length; i++) {
    try {
      const r = asDict(rows[i]!);
      const raw = r.blockstats;
      let total: PyInt = 0;
      if (raw !== undefined && truthy(raw)) {
        if (!isDict(raw)) throw new PyError(`AttributeError: '${typeName(raw)}' object has no attribute 'items'`);
        for (const stats of raw.values()) {
          if (!isDict(stats)) continue;
          const wr = pyInt(stats.get('wr_bytes') ?? 0);
          const rd = pyInt(stats.get('rd_bytes') ?? 0);
          total = intAdd(total, intAdd(wr, rd));
        }
      }
      const span = buckets.get(phaseAt(r));
      if (span.first === null) span.first = total;
      span.last = total;
      span.n++;
    } catch (e) {
      locate(src, i, e);
    }
  }
  const spans = [...buckets.byKey.values()];
  const deltas = spans.map((b) => intSub(b.items.last, b.items.first as PyInt));
  const phases = spans.map((b, i) => ({ phase: b.label, value: Number(deltas[i]), samples: b.items.n }));
  if (deltas.length < 2) return unknown(rows.length, threshold, 'qmp: rows in fewer than two phases', rows.length, phases);
  const spreadInt = intSub(pyMax(deltas), pyMin(deltas));
  return decided('qmp delta', rows.length, rows.length, phases, Number(spreadInt), spreadInt >= threshold, threshold, fmtBytes);
}
