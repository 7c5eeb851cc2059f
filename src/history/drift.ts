/**
 * The drift rule: the flagged rate over the last K runs against the K runs before, overall and
 * per host. Rates are pooled (flagged over scanned across the window), so a night with few
 * episodes weighs little. Where every row of both windows records its new episodes (a baseline
 * with an episode map), the rate is that of the episodes as they arrived: a dataset pruned each
 * night keeps its own flagged rate near zero however bad what arrives gets.
 */
import type { HistoryRow } from './format.js';

export interface DriftRule {
  /** K: runs in each window. */
  window: number;
  /** X: how many percentage points the newer window may rise above the older one. */
  tolerancePp: number;
}

export interface DriftAlert {
  /** null: all hosts together. */
  host: string | null;
  /** Flagged rate (%) over the K runs before the last K. */
  before: number;
  /** Flagged rate (%) over the last K runs. */
  after: number;
  /** arrivals: the new episodes of each run; dataset: every episode scanned. */
  basis: 'arrivals' | 'dataset';
  message: string;
}

export const DEFAULT_DRIFT_WINDOW = 7;

interface Tally {
  scanned: number;
  flagged: number;
}

function pooled(rows: readonly HistoryRow[], host: string | null, basis: DriftAlert['basis']): Tally {
  const t: Tally = { scanned: 0, flagged: 0 };
  for (const r of rows) {
    const [scanned, flagged] =
      basis === 'arrivals'
        ? host === null
          ? [r.changes!.new, r.changes!.new_flagged!]
          : (r.changes!.new_hosts![host] ?? [0, 0])
        : host === null
          ? [r.scanned, r.flagged]
          : (r.hosts[host] ?? [0, 0]);
    t.scanned += scanned;
    t.flagged += flagged;
  }
  return t;
}

const recordsArrivals = (r: HistoryRow): boolean => r.changes?.new_flagged !== undefined && r.changes.new_hosts !== undefined;

const rate = (t: Tally): number => (t.scanned === 0 ? 0 : (t.flagged * 100) / t.scanned);
const pct = (x: number): string => `${x.toFixed(1)}%`;

/**
 * The alerts of the rule on the newest 2K rows of `rows` (oldest first): none until there are 2K
 * rows. A host must have been scanned in both windows to be judged.
 */
export function driftAlerts(rows: readonly HistoryRow[], rule: DriftRule): DriftAlert[] {
  const k = rule.window;
  if (rows.length < 2 * k) return [];
  const older = rows.slice(rows.length - 2 * k, rows.length - k);
  const newer = rows.slice(rows.length - k);
  const basis: DriftAlert['basis'] = [...older, ...newer].every(recordsArrivals) ? 'arrivals' : 'dataset';
  const hosts = [...new Set(newer.flatMap((r) => Object.keys(basis === 'arrivals' ? r.changes!.new_hosts! : r.hosts)))].sort();
  const alerts: DriftAlert[] = [];
  for (const host of [null, ...hosts]) {
    const a = pooled(older, host, basis);
    const b = pooled(newer, host, basis);
    if (a.scanned === 0 || b.scanned === 0) continue;
    const before = rate(a);
    const after = rate(b);
    if (after - before > rule.tolerancePp + 1e-9) {
      const who = host === null ? 'all hosts' : `host ${host}`;
      const what = basis === 'arrivals' ? `new episodes flagged ${pct(after)}` : `flagged ${pct(after)}`;
      alerts.push({
        host,
        before,
        after,
        basis,
        message: `drift on ${who}: ${what} over the last ${k} runs, up ${(after - before).toFixed(1)} pp from ${pct(before)} over the ${k} before (tolerance ${rule.tolerancePp} pp)`,
      });
    }
  }
  return alerts;
}
