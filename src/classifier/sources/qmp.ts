/**
 * QMP blockstats: the counters are cumulative, so each phase's delta (last - first of
 * wr_bytes + rd_bytes summed over devices) is compared; signal when the deltas spread by
 * >= 100 KiB. Fewer than two phases is unknown (unlike proc and netflow: reference corner).
 */
import { PyError, intAdd, intSub, isDict, pyInt, truthy, typeName, type PyInt } from '../../py/value.js';
import { IdBuckets, PhaseBuckets, type PhaseAt, type Phases } from '../phases.js';
import { asDict, locate } from '../rowaccess.js';
import { fmtBytes, pyMax, pyMin } from '../stats.js';
import { isColumns, type ClassifierSettings, type SourceColumns, type SourceData, type SourceEvidence, type SourceRows } from '../types.js';
import { decided, unknown } from './common.js';

interface Span {
  first: PyInt | null;
  last: PyInt;
  n: number;
}

export function qmpSignal(src: SourceData, phases: Phases, s: ClassifierSettings): SourceEvidence {
  return isColumns(src) ? qmpColumns(src, phases, s) : qmpRows(src, phases.rowAt, s);
}

function qmpColumns(src: SourceColumns, phases: Phases, s: ClassifierSettings): SourceEvidence {
  const c = src.columns;
  const threshold = s.qmpSpreadBytes;
  if (c.n === 0) return unknown(0, threshold, 'qmp: no rows');
  const totals = c.num.blockstats!;
  const buckets = new IdBuckets<Span>(() => ({ first: null, last: 0, n: 0 }));
  for (let i = 0; i < c.n; i++) {
    const total = totals[i]!;
    const span = buckets.get(phases.wallAt(c, i));
    if (span.first === null) span.first = total;
    span.last = total;
    span.n++;
  }
  return qmpEvidence(c.n, buckets.entries(phases.ids), threshold);
}

function qmpRows(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
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
          // stats.get(key, 0): 0 only where the key is absent; a null there is int(None), a TypeError.
          const wrv = stats.get('wr_bytes');
          const rdv = stats.get('rd_bytes');
          const wr = pyInt(wrv === undefined ? 0 : wrv);
          const rd = pyInt(rdv === undefined ? 0 : rdv);
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
  return qmpEvidence(rows.length, [...buckets.byKey.values()], threshold);
}

function qmpEvidence(rows: number, spans: Array<{ label: string; items: Span }>, threshold: number): SourceEvidence {
  const deltas = spans.map((b) => intSub(b.items.last, b.items.first as PyInt));
  const phases = spans.map((b, i) => ({ phase: b.label, value: Number(deltas[i]), samples: b.items.n }));
  if (deltas.length < 2) return unknown(rows, threshold, 'qmp: rows in fewer than two phases', rows, phases);
  const spreadInt = intSub(pyMax(deltas), pyMin(deltas));
  return decided('qmp delta', rows, rows, phases, Number(spreadInt), spreadInt >= threshold, threshold, fmtBytes);
}
