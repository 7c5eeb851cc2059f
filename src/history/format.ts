/**
 * The audit history: one compact row per run, as JSON Lines (one row a line, newest last),
 * documented by schema/history.schema.json. JSON Lines because a row is then a line: a writer
 * that lost a race re-reads the file and takes the union of rows (keyed by run), git shows one
 * added line per run, and the file can be appended to without parsing it.
 */
import type { Report } from '../gate/report.js';
import type { Comparison } from '../gate/compare.js';
import { ConfigError } from '../shared/errors.js';
import { showValue } from '../shared/text.js';

const HISTORY_VERSION = 1;
/** About a year of nightly runs. */
export const DEFAULT_MAX_ROWS = 400;

interface HistoryChanges {
  /** Episodes the baseline's map does not have. */
  new: number;
  /** Episodes in the baseline's map that the dataset no longer has (row and tarball gone: pruned). */
  gone: number;
  /** Baseline episodes whose index row is here but whose tarball is not (lost, not pruned); absent in older rows. */
  missing?: number;
  /** Baseline episodes whose tarball now has other bytes; absent in older rows. */
  modified?: number;
  /** Episodes whose verdict changed (kept to flagged or back). */
  flips: number;
  /** Episodes still flagged, for different reasons. */
  reasons_changed: number;
  /** Of the new episodes, how many are flagged (what pruning cannot hide); absent in older rows. */
  new_flagged?: number;
  /** Per host with new episodes: [new, of them flagged]; absent in older rows. */
  new_hosts?: Record<string, [number, number]>;
}

export interface HistoryRow {
  v: typeof HISTORY_VERSION;
  /** When the report was made (ISO 8601). */
  time: string;
  commit: string | null;
  /** The workflow run id (with its attempt, "123-2"), or null outside GitHub Actions. */
  run: string | null;
  fingerprint: string;
  settings_hash: string;
  tool_version: string;
  scanned: number;
  kept: number;
  flagged: number;
  /** Flagged episodes per reason, reasons with none left out. */
  by_reason: Record<string, number>;
  /** Per host: [scanned, flagged]. */
  hosts: Record<string, [number, number]>;
  /** Against the baseline's episode map, when the run had one. */
  changes?: HistoryChanges;
  /** The gate's decision on the run, when it is known (a gate's run; a report a gate wrote). */
  gate?: 'passed' | 'failed';
}

export interface RunMeta {
  commit: string | null;
  run: string | null;
}

/** The commit and run of this process, from GitHub Actions' environment (null elsewhere). */
export function runMetaFromEnv(env: NodeJS.ProcessEnv): RunMeta {
  const id = env.GITHUB_RUN_ID;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  return {
    commit: env.GITHUB_SHA || null,
    run: id ? (attempt && attempt !== '1' ? `${id}-${attempt}` : id) : null,
  };
}

/**
 * The run's row. Its gate decision is the report's (written by check, merge and the Action), or
 * `passed` when the caller is the gate that just decided.
 */
export function rowFromReport(report: Report, meta: RunMeta, comparison: Comparison | null = null, passed?: boolean): HistoryRow {
  const by_reason: Record<string, number> = {};
  for (const [r, n] of Object.entries(report.by_reason)) if (n > 0) by_reason[r] = n;
  const hosts: Record<string, [number, number]> = {};
  for (const h of Object.keys(report.hosts).sort()) hosts[h] = [report.hosts[h]!.scanned, report.hosts[h]!.flagged];
  const row: HistoryRow = {
    v: HISTORY_VERSION,
    time: report.generated_at,
    commit: meta.commit,
    run: meta.run,
    fingerprint: report.dataset.fingerprint,
    settings_hash: report.settings_hash,
    tool_version: report.tool.version,
    scanned: report.counts.scanned,
    kept: report.counts.kept,
    flagged: report.counts.flagged,
    by_reason,
    hosts,
  };
  if (comparison?.hasEpisodeMap) {
    // The classes tell a lost tarball (row still listed) from a pruned episode, and see rewritten ones.
    const classes = comparison.changes?.classes;
    row.changes = {
      new: comparison.added.total,
      gone: classes ? classes.gone.length : comparison.vanished.length,
      ...(classes ? { missing: classes.missing.length, modified: classes.modified.length } : {}),
      flips: comparison.flips.filter((f) => f.kind !== 'reasons-changed').length,
      reasons_changed: comparison.flips.filter((f) => f.kind === 'reasons-changed').length,
    };
    if (classes) {
      // The night's arrivals, as judged on arrival: a nightly prune removes them from the totals.
      const byHost = new Map<string, [number, number]>();
      for (const e of classes.added) {
        const t = byHost.get(e.host) ?? [0, 0];
        t[0]++;
        if (e.reasons.length > 0) t[1]++;
        byHost.set(e.host, t);
      }
      row.changes.new_flagged = [...byHost.values()].reduce((n, t) => n + t[1], 0);
      row.changes.new_hosts = Object.fromEntries([...byHost].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }
  const decided = passed ?? report.gate?.passed;
  if (decided !== undefined) row.gate = decided ? 'passed' : 'failed';
  return row;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrOrNull = (x: unknown): boolean => x === null || typeof x === 'string';

/** Why `x` is not a history row, or null when it is one. */
function rowProblem(x: unknown): string | null {
  if (!isObj(x)) return 'a row must be a JSON object';
  if (x.v !== HISTORY_VERSION)
    return `${x.v === undefined ? 'a row has no "v" (the history version)' : `history version ${showValue(x.v)} is not supported`} (this tool reads version ${HISTORY_VERSION})`;
  if (typeof x.time !== 'string' || Number.isNaN(Date.parse(x.time))) return '"time" must be an ISO 8601 date';
  if (!isStrOrNull(x.commit) || !isStrOrNull(x.run)) return '"commit" and "run" must be strings or null';
  for (const k of ['fingerprint', 'settings_hash', 'tool_version'] as const) if (typeof x[k] !== 'string') return `"${k}" must be a string`;
  for (const k of ['scanned', 'kept', 'flagged'] as const) if (!isCount(x[k])) return `"${k}" must be a whole number >= 0`;
  if (!isObj(x.by_reason) || !Object.values(x.by_reason).every(isCount)) return '"by_reason" must map reasons to counts';
  if (!isObj(x.hosts) || !Object.values(x.hosts).every((h) => Array.isArray(h) && h.length === 2 && h.every(isCount)))
    return '"hosts" must map hosts to [scanned, flagged]';
  if (x.changes !== undefined) {
    const c = x.changes;
    if (!isObj(c) || !['new', 'gone', 'flips', 'reasons_changed'].every((k) => isCount(c[k])))
      return '"changes" must hold the counts new, gone, flips and reasons_changed';
    if (!['missing', 'modified', 'new_flagged'].every((k) => c[k] === undefined || isCount(c[k])))
      return '"changes": missing, modified and new_flagged, when present, must be counts';
    if (
      c.new_hosts !== undefined &&
      !(isObj(c.new_hosts) && Object.values(c.new_hosts).every((h) => Array.isArray(h) && h.length === 2 && h.every(isCount)))
    )
      return '"changes": new_hosts, when present, must map hosts to [new, flagged]';
  }
  if (x.gate !== undefined && x.gate !== 'passed' && x.gate !== 'failed') return '"gate" must be "passed" or "failed"';
  return null;
}

/** Parse a history file's text; `name` names it in errors. Blank lines are allowed. */
export function parseHistory(text: string, name: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ConfigError(
        `${name} line ${i + 1} is not JSON: a history file holds one JSON row per line (episode-gate history append writes it); fix or delete that line`,
      );
    }
    const problem = rowProblem(value);
    if (problem) throw new ConfigError(`${name} line ${i + 1}: ${problem}; fix or delete that line`);
    rows.push(value as HistoryRow);
  }
  return rows;
}

export function formatRow(row: HistoryRow): string {
  return `${JSON.stringify(row)}\n`;
}

export function formatHistory(rows: readonly HistoryRow[]): string {
  return rows.map(formatRow).join('');
}

/**
 * Two rows are the same run when they share a run id, or are of the same report (its time and
 * dataset fingerprint): a report recorded once and drawn again by a later check (check --report)
 * is one run, whatever run ids the two carry. A re-run attempt ("123-2", GitHub's run id and
 * attempt) is the same run as its first attempt ("123"): the later attempt's row replaces the
 * earlier, so a night re-run counts once in the trend and the drift rule.
 */
function rowKeys(r: HistoryRow): string[] {
  const report = `at:${r.time}:${r.fingerprint}`;
  if (r.run === null) return [report];
  const attempt = /^(\d+)-\d+$/.exec(r.run);
  return [`run:${attempt ? attempt[1] : r.run}`, report];
}

/**
 * `base` with `added` appended (a run already present is replaced), ordered by time (stable), and
 * only the newest `maxRows` kept.
 */
export function mergeRows(base: readonly HistoryRow[], added: readonly HistoryRow[], maxRows = DEFAULT_MAX_ROWS): HistoryRow[] {
  const rows = new Map<number, HistoryRow>();
  const byKey = new Map<string, number>();
  let next = 0;
  for (const r of [...base, ...added]) {
    for (const k of rowKeys(r)) {
      const earlier = byKey.get(k);
      if (earlier !== undefined) rows.delete(earlier);
    }
    const id = next++;
    rows.set(id, r);
    for (const k of rowKeys(r)) byKey.set(k, id);
  }
  const all = [...rows.values()]
    .map((r, i) => ({ r, i, t: Date.parse(r.time) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.r);
  return all.slice(Math.max(0, all.length - maxRows));
}
