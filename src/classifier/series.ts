/**
 * The raw telemetry of one episode as plottable series, one per source, for pictures only
 * (sparklines in the HTML report and `episode-gate explain`): never used for a verdict.
 *
 * Each point is what the source's rule looks at, in row (time) order, with its phase:
 *   proc     CPU% between consecutive samples (dt > 0)
 *   netflow  bytes_in + bytes_out of one flow record
 *   qmp      growth of wr_bytes + rd_bytes since the previous sample
 *   guest    load_1m
 * Rows the classifier would reject are skipped here (the verdict already says unreadable), and
 * long series are downsampled to at most `width` points, keeping each bucket's largest value so
 * that a short burst stays visible.
 */
import { PyFloat, pyStr, type PyVal } from '../py/value.js';
import { asRows } from './as-rows.js';
import { makePhaseAt, type PhaseAt } from './phases.js';
import { fastPct } from './sources/proc.js';
import { NotDict, SOURCE_NAMES, type EpisodeRows, type RowDict, type SourceName, type SourceRows } from './types.js';

export interface SeriesPoint {
  phase: string;
  value: number;
}

export type EpisodeSeries = Record<SourceName, SeriesPoint[]>;

const DEFAULT_SERIES_WIDTH = 96;

function num(v: PyVal | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return Number.isFinite(v.v) ? v.v : null;
  return null;
}

/** CPU% between two /proc samples, as the proc rule computes it (null when dt <= 0). */
function cpuPct(r: RowDict, prev: RowDict, clkTck: number): number | null {
  const fast = fastPct(r, prev, clkTck);
  if (fast !== undefined) return fast;
  const [m1, m0, u1, s1, u0, s0] = [
    r.t_mono_ns,
    prev.t_mono_ns,
    r.cpu_user_jiffies,
    r.cpu_sys_jiffies,
    prev.cpu_user_jiffies,
    prev.cpu_sys_jiffies,
  ].map(num);
  if (m1 == null || m0 == null || u1 == null || s1 == null || u0 == null || s0 == null || clkTck === 0) return null;
  const dt = (m1 - m0) / 1e9;
  return dt > 0 ? (100 * ((u1 + s1 - (u0 + s0)) / clkTck)) / dt : null;
}

function phaseOf(phaseAt: PhaseAt, row: RowDict): string | null {
  try {
    return pyStr(phaseAt(row));
  } catch {
    return null;
  }
}

function points(src: SourceRows, phaseAt: PhaseAt, value: (row: RowDict, prev: RowDict | null) => number | null): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let prev: RowDict | null = null;
  for (const r of src.rows) {
    if (r instanceof NotDict) {
      prev = null;
      continue;
    }
    const v = value(r, prev);
    prev = r;
    if (v === null || !Number.isFinite(v)) continue;
    const phase = phaseOf(phaseAt, r);
    if (phase !== null) out.push({ phase, value: v });
  }
  return out;
}

function blockTotal(row: RowDict): number | null {
  const raw = row.blockstats;
  if (!(raw instanceof Map)) return null;
  let total = 0;
  for (const stats of raw.values()) {
    if (!(stats instanceof Map)) continue;
    total += (num(stats.get('wr_bytes')) ?? 0) + (num(stats.get('rd_bytes')) ?? 0);
  }
  return total;
}

/** At most `width` points: each bucket of consecutive points becomes its largest one. */
export function downsample(series: readonly SeriesPoint[], width: number): SeriesPoint[] {
  if (series.length <= width) return [...series];
  const out: SeriesPoint[] = [];
  for (let i = 0; i < width; i++) {
    const lo = Math.floor((i * series.length) / width);
    const hi = Math.floor(((i + 1) * series.length) / width);
    let best = series[lo]!;
    for (let j = lo + 1; j < hi; j++) if (series[j]!.value > best.value) best = series[j]!;
    out.push(best);
  }
  return out;
}

/** Every source's series, downsampled; empty series when the episode has no labels. */
export function episodeSeries(ep: EpisodeRows, clkTck: number, width = DEFAULT_SERIES_WIDTH): EpisodeSeries {
  const empty = Object.fromEntries(SOURCE_NAMES.map((n) => [n, [] as SeriesPoint[]])) as EpisodeSeries;
  const labels = asRows(ep.labels);
  if (labels.rows.length === 0) return empty;
  const phaseAt = makePhaseAt(labels);
  let lastQmp: number | null = null;
  const raw: EpisodeSeries = {
    proc: points(asRows(ep.proc), phaseAt, (r, prev) => (prev ? cpuPct(r, prev, clkTck) : null)),
    netflow: points(asRows(ep.netflow), phaseAt, (r) => (num(r.bytes_in) ?? 0) + (num(r.bytes_out) ?? 0)),
    qmp: points(asRows(ep.qmp), phaseAt, (r) => {
      const total = blockTotal(r);
      const delta = total !== null && lastQmp !== null ? total - lastQmp : null;
      if (total !== null) lastQmp = total;
      return delta;
    }),
    guest: points(asRows(ep.guest), phaseAt, (r) => (Array.isArray(r.load_1m_5m_15m) ? num(r.load_1m_5m_15m[0]) : null)),
  };
  for (const name of SOURCE_NAMES) empty[name] = downsample(raw[name], width);
  return empty;
}
