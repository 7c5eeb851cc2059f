/**
 * One gate run: settings → baseline → scan → report → comparison → decision → summary.
 * Nothing here knows about GitHub; the Action and the CLI both call runGate.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Reason } from '../classifier/types.js';
import { createEpisodeRunner } from '../dataset/pool.js';
import { scanDataset, type EpisodeRunner } from '../dataset/scan.js';
import { inShard, type Shard } from '../dataset/shard.js';
import { DEFAULT_SUMMARY_LIMIT_BYTES, renderSummary } from '../render/summary.js';
import { loadBaseline, type Baseline } from './baseline.js';
import { compare, type Comparison, type Regression } from './compare.js';
import { ConfigError, describeFsError } from '../shared/errors.js';
import { toolVersion } from '../shared/package-info.js';
import { buildReport, compactVerdict, requireWholeReport, writeReport, type Report } from './report.js';
import { resolveSettings, type GateSettings } from './settings.js';
import { driftAlerts, type DriftAlert, type DriftRule } from '../history/drift.js';
import { mergeRows, rowFromReport, type HistoryRow, type RunMeta } from '../history/format.js';

export type { Regression } from './compare.js';

export type FailOn = 'regression' | 'flagged' | 'never';
export const FAIL_ON_CHOICES: readonly FailOn[] = ['regression', 'flagged', 'never'];

export interface ScanReportOptions {
  indexPath: string;
  episodesRoot: string;
  settingsPath?: string;
  settingsOverrides?: Partial<GateSettings>;
  reasons?: Reason[];
  host?: string;
  jobs?: number;
  runner?: EpisodeRunner;
  onProgress?: (done: number, total: number) => void;
  /** Paths in the report and messages are shown relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** Scan this shard's rows only and write a partial report (merge the shards' reports to gate). */
  shard?: Shard;
}

/** How a report is gated, wherever it came from. */
export interface GateOptions {
  /** Absent: report only, no gating (the summary says how to create a baseline). */
  baselinePath?: string;
  failOn: FailOn;
  /** Write the JSON report here. */
  reportPath?: string;
  /** Default: just under GitHub's 1 MiB step-summary limit. */
  summaryLimitBytes?: number;
  /** Where the summary says the full report is, when not reportPath (e.g. an artifact name). */
  reportHint?: string;
  /** The command shown next to improvements to update the baseline. */
  updateHint?: string;
  /** Paths in messages are shown relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** Show this run as the newest point of the history's trend (nothing is written), with the drift rule if given. */
  history?: GateHistory;
}

export interface GateHistory {
  rows: HistoryRow[];
  meta: RunMeta;
  drift?: { rule: DriftRule; fail: boolean } | null;
}

export interface GateRunOptions extends ScanReportOptions, GateOptions {}

export interface GateOutcome {
  report: Report;
  regressions: Regression[];
  improvements: Regression[];
  passed: boolean;
  /** One line, e.g. "2 regressions against fixtures/baseline.json: kept 12 → 11 (...)". */
  failReason: string | null;
  /** The summary, already capped to summaryLimitBytes. */
  markdown: string;
  /** null when no baseline was given. */
  comparison: Comparison | null;
  /** What the drift rule found (empty without history or rule). */
  drift: DriftAlert[];
}

/** A path as users should read it: relative to cwd when inside it. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

function checkDataset(indexPath: string, episodesRoot: string, show: (p: string) => string): Uint8Array {
  let st;
  try {
    st = statSync(episodesRoot);
  } catch (e) {
    throw new ConfigError(
      `no episodes folder at ${show(episodesRoot)}: ${describeFsError(e)}; pass --dataset DIR (a folder holding index.jsonl and episodes/) or --episodes-root DIR`,
    );
  }
  if (!st.isDirectory())
    throw new ConfigError(`${show(episodesRoot)} is not a folder; --episodes-root must name the folder of <host>/<episode>.tar.zst`);
  try {
    return readFileSync(indexPath);
  } catch (e) {
    throw new ConfigError(`cannot read the index ${show(indexPath)}: ${describeFsError(e)}; pass --dataset DIR or --index FILE`);
  }
}

/** Scan a dataset into a report. Bad paths or settings throw ConfigError. */
export async function scanToReport(opts: ScanReportOptions): Promise<Report> {
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => displayPath(p, cwd);
  const resolved = resolveSettings(
    opts.settingsPath ? path.resolve(cwd, opts.settingsPath) : undefined,
    opts.settingsOverrides ?? {},
    opts.settingsPath ? show(opts.settingsPath) : undefined,
  );
  const indexPath = path.resolve(cwd, opts.indexPath);
  const episodesRoot = path.resolve(cwd, opts.episodesRoot);
  const indexBytes = checkDataset(indexPath, episodesRoot, show);
  const { settings } = resolved;
  const limits = { maxMemberBytes: settings.maxMemberBytes, maxEpisodeBytes: settings.maxEpisodeBytes };
  // The worker pool when running from the bundle; in-process when run from src/ (tests).
  const inner = opts.runner ?? createEpisodeRunner({ jobs: opts.jobs ?? availableParallelism(), job: { settings, limits } });
  // Only what the report keeps is held per episode while the scan runs.
  const compacting: EpisodeRunner = {
    run: async (p) => {
      const r = await inner.run(p);
      return { ...r, verdict: compactVerdict(r.verdict) };
    },
    close: () => inner.close(),
  };
  let scan;
  try {
    scan = await scanDataset(
      {
        indexPath,
        episodesRoot,
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.jobs ? { jobs: opts.jobs } : {}),
        settings,
        limits,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.shard ? { filter: inShard(opts.shard) } : {}),
      },
      compacting,
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (typeof err?.code === 'string') throw new ConfigError(`cannot scan ${show(indexPath)}: ${describeFsError(e)}`);
    throw e;
  } finally {
    if (!opts.runner) await inner.close();
  }
  return buildReport(scan, indexBytes, {
    indexPath,
    episodesRoot,
    display: show,
    host: opts.host ?? null,
    reasons: opts.reasons && opts.reasons.length > 0 ? [...opts.reasons] : null,
    settings,
    settingsHash: resolved.hash,
    settingsFile: resolved.file,
    settingsOverrides: resolved.overrides,
    version: toolVersion(),
    shard: opts.shard ?? null,
  });
}

export interface EvaluateOptions {
  failOn: FailOn;
  /** How the baseline is named in messages. */
  baselineName?: string;
  summaryLimitBytes?: number;
  reportHint?: string | null;
  /** The command that would update the baseline (shown next to improvements). */
  updateHint?: string | null;
  history?: GateHistory;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** Judge a report against a baseline (or none) and render the summary. A shard's report is refused. */
export function evaluateGate(report: Report, baseline: Baseline | null, opts: EvaluateOptions): GateOutcome {
  requireWholeReport(report, opts.reportHint ?? 'the report', 'gated');
  const name = opts.baselineName ?? 'the baseline';
  const comparison = baseline ? compare(report, baseline, name) : null;
  const regressions = comparison?.regressions ?? [];
  const improvements = comparison?.improvements ?? [];
  let failReason: string | null = null;
  if (opts.failOn !== 'never' && regressions.length > 0) {
    const shown = regressions.slice(0, 3).map((r) => r.message);
    const rest = regressions.length - shown.length;
    failReason = `${plural(regressions.length, 'regression')} against ${name}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
  } else if (opts.failOn === 'flagged' && report.counts.flagged > 0) {
    const top = Object.entries(report.by_reason)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    failReason = `${plural(report.counts.flagged, 'episode')} flagged (${top}) and --fail-on is flagged`;
  }
  const history = opts.history ? mergeRows(opts.history.rows, [rowFromReport(report, opts.history.meta, comparison)]) : null;
  const drift = history && opts.history?.drift ? driftAlerts(history, opts.history.drift.rule) : [];
  if (failReason === null && drift.length > 0 && opts.history?.drift?.fail) failReason = drift.map((a) => a.message).join('; ');
  const passed = failReason === null;
  const markdown = renderSummary(
    {
      report,
      comparison,
      passed,
      failOn: opts.failOn,
      failReason,
      reportHint: opts.reportHint ?? null,
      updateHint: opts.updateHint ?? null,
      ...(history ? { history: { rows: history, drift, driftFails: Boolean(opts.history?.drift?.fail) } } : {}),
    },
    opts.summaryLimitBytes ?? DEFAULT_SUMMARY_LIMIT_BYTES,
  );
  return { report, regressions, improvements, passed, failReason, markdown, comparison, drift };
}

/**
 * Gate a report, however it is made (a scan, a saved report, merged shard reports): the baseline
 * is read first, so a bad one fails before a long scan, and the report is written (reportPath)
 * before it is judged. A report of one shard is refused.
 */
export async function gateReport(produce: () => Report | Promise<Report>, opts: GateOptions): Promise<GateOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => displayPath(p, cwd);
  const baseline = opts.baselinePath ? loadBaseline(path.resolve(cwd, opts.baselinePath), show(opts.baselinePath)) : null;
  const report = await produce();
  requireWholeReport(report, 'the report', 'gated');
  if (opts.reportPath) writeReport(path.resolve(cwd, opts.reportPath), report);
  return evaluateGate(report, baseline, {
    failOn: opts.failOn,
    ...(opts.baselinePath ? { baselineName: show(opts.baselinePath) } : {}),
    ...(opts.summaryLimitBytes ? { summaryLimitBytes: opts.summaryLimitBytes } : {}),
    reportHint: opts.reportHint ?? (opts.reportPath ? show(opts.reportPath) : null),
    updateHint: opts.updateHint ?? (opts.baselinePath ? `episode-gate baseline --out ${show(opts.baselinePath)}` : null),
    ...(opts.history ? { history: opts.history } : {}),
  });
}

export async function runGate(opts: GateRunOptions): Promise<GateOutcome> {
  return gateReport(() => scanToReport(opts), opts);
}
