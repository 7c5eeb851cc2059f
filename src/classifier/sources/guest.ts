/**
 * Guest agent load_1m: signal when the per-phase medians spread by >= 0.10. Rows without a
 * non-empty load list are skipped; fewer than two phases is unknown (reference corner).
 */
import { pyFloat } from '../../py/value.js';
import { IdBuckets, PhaseBuckets, type PhaseAt, type Phases } from '../phases.js';
import { asDict, locate } from '../rowaccess.js';
import { median, pyMax, pyMin } from '../stats.js';
import {
  isColumns,
  type ClassifierSettings,
  type PhaseValue,
  type SourceColumns,
  type SourceData,
  type SourceEvidence,
  type SourceRows,
} from '../types.js';
import { decided, unknown } from './common.js';

export function guestSignal(src: SourceData, phases: Phases, s: ClassifierSettings): SourceEvidence {
  return isColumns(src) ? guestColumns(src, phases, s) : guestRows(src, phases.rowAt, s);
}

function guestColumns(src: SourceColumns, phases: Phases, s: ClassifierSettings): SourceEvidence {
  const c = src.columns;
  const threshold = s.guestSpreadLoad;
  if (c.n === 0) return unknown(0, threshold, 'guest: no rows');
  const load = c.num.load_1m_5m_15m!;
  const buckets = new IdBuckets<number[]>(() => []);
  let used = 0;
  for (let i = 0; i < c.n; i++) {
    const l = load[i]!;
    if (Number.isNaN(l)) continue; // not a non-empty list
    buckets.get(phases.wallAt(c, i)).push(l);
    used++;
  }
  if (buckets.size === 0) return unknown(c.n, threshold, 'guest: no rows with load_1m_5m_15m');
  const perPhase = buckets.entries(phases.ids).map((b) => ({ phase: b.label, value: median(b.items), samples: b.items.length }));
  return guestEvidence(c.n, used, perPhase, threshold);
}

function guestRows(src: SourceRows, phaseAt: PhaseAt, s: ClassifierSettings): SourceEvidence {
  const rows = src.rows;
  const threshold = s.guestSpreadLoad;
  if (rows.length === 0) return unknown(0, threshold, 'guest: no rows');
  const buckets = new PhaseBuckets<number[]>(() => []);
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    try {
      const r = asDict(rows[i]!);
      const load = r.load_1m_5m_15m;
      if (!(Array.isArray(load) && load.length > 0)) continue;
      const bucket = buckets.get(phaseAt(r));
      bucket.push(pyFloat(load[0]));
      used++;
    } catch (e) {
      locate(src, i, e);
    }
  }
  if (buckets.size === 0) return unknown(rows.length, threshold, 'guest: no rows with load_1m_5m_15m');
  const phases = [...buckets.byKey.values()].map((b) => ({ phase: b.label, value: median(b.items), samples: b.items.length }));
  return guestEvidence(rows.length, used, phases, threshold);
}

function guestEvidence(rows: number, used: number, phases: PhaseValue[], threshold: number): SourceEvidence {
  if (phases.length < 2) return unknown(rows, threshold, 'guest: samples in fewer than two phases', used, phases);
  const medians = phases.map((p) => p.value);
  const spread = pyMax(medians) - pyMin(medians);
  return decided('guest load_1m', rows, used, phases, spread, spread >= threshold, threshold, (n, digits = 2) => n.toFixed(digits));
}
