/** The numbers a trend shows (charts, tables, the terminal): one point per run, newest last. */
import type { HistoryRow } from './format.js';

interface TrendPoint {
  time: string;
  commit: string | null;
  scanned: number;
  flagged: number;
  /** Flagged as a percentage of scanned. */
  rate: number;
  /** Per top reason: its flagged episodes as a percentage of scanned. */
  reasonRates: Record<string, number>;
  /** Per host: flagged as a percentage of scanned (null: the host was not scanned that run). */
  hostRates: Record<string, number | null>;
  /** The gate's decision on the run (null: not recorded). */
  gate: 'passed' | 'failed' | null;
  /** Against the run's baseline: episodes new, gone, lost (tarball missing), rewritten and flipped (kept to flagged or back); null: not recorded. */
  changes: { new: number; gone: number; missing?: number; modified?: number; flips: number } | null;
  /** Of the run's new episodes, the percentage flagged (null: none new, or not recorded): what a nightly prune does not hide. */
  newRate: number | null;
}

export interface Trend {
  points: TrendPoint[];
  /** Whether any point records the gate's decision, or the changes against its baseline (the tables' optional columns). */
  anyGate: boolean;
  anyChanges: boolean;
  /** The reasons that flagged most episodes over the points, most first. */
  topReasons: string[];
  hosts: string[];
}

export const DEFAULT_TREND_RUNS = 30;

const pct = (n: number, of: number): number => (of === 0 ? 0 : (n * 100) / of);

export function trendOf(rows: readonly HistoryRow[], lastRuns = DEFAULT_TREND_RUNS, topReasons = 3): Trend {
  const shown = rows.slice(Math.max(0, rows.length - lastRuns));
  const totals = new Map<string, number>();
  for (const r of shown) for (const [reason, n] of Object.entries(r.by_reason)) totals.set(reason, (totals.get(reason) ?? 0) + n);
  const top = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topReasons)
    .map(([reason]) => reason);
  const hosts = [...new Set(shown.flatMap((r) => Object.keys(r.hosts)))].sort();
  const points = shown.map((r) => {
    const reasonRates: Record<string, number> = {};
    for (const reason of top) reasonRates[reason] = pct(r.by_reason[reason] ?? 0, r.scanned);
    const hostRates: Record<string, number | null> = {};
    for (const h of hosts) {
      const c = r.hosts[h];
      hostRates[h] = c ? pct(c[1], c[0]) : null;
    }
    return {
      time: r.time,
      commit: r.commit,
      scanned: r.scanned,
      flagged: r.flagged,
      rate: pct(r.flagged, r.scanned),
      reasonRates,
      hostRates,
      gate: r.gate ?? null,
      changes: r.changes ? { ...r.changes } : null,
      newRate: r.changes?.new_flagged !== undefined && r.changes.new > 0 ? pct(r.changes.new_flagged, r.changes.new) : null,
    };
  });
  return {
    points,
    anyGate: points.some((p) => p.gate !== null),
    anyChanges: points.some((p) => p.changes !== null),
    topReasons: top,
    hosts,
  };
}
