/**
 * One gate run: settings → baseline → scan → report → comparison → decision → summary.
 * Nothing here knows about GitHub; the Action and the CLI both call runGate.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Reason } from '../classifier/types.js';
import { createEpisodeRunner } from '../dataset/pool.js';
import { scanDataset, type EpisodeRunner } from '../dataset/scan.js';
import { walkIndexText } from '../dataset/index-file.js';
import { FileRefusedError, readRegularFile } from '../shared/regular-file.js';
import { inShard, type Shard } from '../dataset/shard.js';
import { loadBaselineFile, type Baseline } from './baseline.js';
import { compare, type Comparison, type Regression } from './compare.js';
import type { HeldAlarm } from './held.js';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { toolVersion } from '../shared/package-info.js';
import { buildReport, compactVerdict, lostTarballs, requireWholeReport, withComparison, writeReport, type Report } from './report.js';
import { reportComparison } from './report-comparison.js';
import { resolveSettings, type GateSettings } from './settings.js';
import { driftAlerts, type DriftAlert, type DriftRule } from '../history/drift.js';
import { mergeRows, rowFromReport, type HistoryRow, type RunMeta } from '../history/format.js';
import { closest, plural } from '../shared/text.js';

export type { Regression } from './compare.js';

export type FailOn = 'regression' | 'flagged' | 'never';
export const FAIL_ON_CHOICES: readonly FailOn[] = ['regression', 'flagged', 'never'];

/** Which surface ran the gate: its messages name options as that surface spells them. */
export type Surface = 'cli' | 'action';

/** The options a gate message may name, by their command-line names. */
type GateOption = 'fail-on' | 'baseline' | 'reason' | 'manifest';
const ACTION_INPUT: Record<GateOption, string> = { 'fail-on': 'fail-on', baseline: 'baseline', reason: 'reasons', manifest: 'manifest' };

/** The fix when the Action's `baseline` input names a report: the inputs that take one. */
export const ACTION_REPORT_AS_BASELINE =
  'pass it as the baseline-report input (a rolling baseline: an earlier run\'s report), or make a committed baseline from it with "episode-gate baseline --report FILE --out ci/episode-baseline.json" for the baseline input';
/** The fix when the Action's `baseline-report` input names a baseline. */
export const ACTION_BASELINE_AS_REPORT =
  'pass it as the baseline input; baseline-report takes the JSON report an earlier run wrote (its report or upload-report)';

/** An option with its value as the surface spells it: `--fail-on flagged` (CLI) or `fail-on: flagged` (Action input). */
export function optionText(surface: Surface, option: GateOption, value?: string): string {
  if (surface === 'action') return `${ACTION_INPUT[option]}:${value === undefined ? '' : ` ${value}`}`;
  return `--${option}${value === undefined ? '' : ` ${value}`}`;
}

/**
 * The index rows a scan could not use, in words (null when there are none): rows whose tarball is
 * missing, and lines skipped (not JSON, no ids, unsafe ids). Under fail-on flagged they fail the
 * gate; in every mode the summary's headline names them.
 */
export function unusedRowsText(report: Pick<Report, 'missing_tarballs' | 'index_problems'>): string | null {
  const missing = lostTarballs(report).length;
  const skipped = report.index_problems.length;
  const parts = [
    missing > 0 ? `${plural(missing, 'index row')} ${missing === 1 ? 'lists a tarball that is' : 'list tarballs that are'} missing` : '',
    skipped > 0 ? `${plural(skipped, 'index line')} skipped (not JSON, no ids or unsafe ids)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : null;
}

/** The reasons a --reason filter lets flag, and whether any scanned episode has one (unreadable aside). */
export function reasonFilterOf(report: Report): { reasons: Reason[]; anyFlagged: boolean } | null {
  const reasons = report.dataset.reasons;
  if (!reasons || reasons.length === 0) return null;
  const counted = reasons.some((r) => r !== 'unreadable') ? reasons.filter((r) => r !== 'unreadable') : reasons;
  const anyFlagged = counted.some((r) => (report.by_reason[r] ?? 0) > 0);
  return { reasons: [...reasons], anyFlagged };
}

export interface ScanReportOptions {
  indexPath: string;
  episodesRoot: string;
  settingsPath?: string;
  settingsOverrides?: Partial<GateSettings>;
  reasons?: Reason[];
  host?: string;
  /** Read tarballs whose real path lies outside the episodes root (default: flagged unreadable, unread). */
  followOutsideLinks?: boolean;
  jobs?: number;
  runner?: EpisodeRunner;
  onProgress?: (done: number, total: number) => void;
  /** Paths in the report and messages are shown relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** Scan this shard's rows only and write a partial report (merge the shards' reports to gate). */
  shard?: Shard;
}

/**
 * The command that writes a baseline from this run's inputs (dataset, settings, host, reasons)
 * to `out`, rebuilt by the caller that knows how the run was asked for (CLI flags, Action inputs).
 */
export type BaselineCommand = (out: string) => string;

/** How a report is gated, wherever it came from. */
export interface GateOptions {
  /** Absent: report only, no gating (the summary says how to create a baseline). */
  baselinePath?: string;
  /** A failed run's rejected new-cohort alarms, judged until accepted (held.ts; the Action's baseline-artifact). */
  held?: readonly HeldAlarm[];
  /** How messages name the baseline (default: its path); a rolling baseline is named by the report it was made from. */
  baselineName?: string;
  failOn: FailOn;
  /** Write the JSON report here. */
  reportPath?: string;
  /** Where the summary says the full report is, when not reportPath (e.g. an artifact name). */
  reportHint?: string;
  /** Rebuilds the `episode-gate baseline` command of this run (the accept command). */
  baselineCommand?: BaselineCommand;
  /**
   * A rolling baseline (rebuilt from an earlier report each run, thrown away after): what accepts
   * a change there instead of rewriting it, in the surface's syntax (see GateOutcome.acceptRolling).
   */
  rollingAccept?: string;
  /** Paths in messages are shown relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** Show this run as the newest point of the history's trend (nothing is written), with the drift rule if given. */
  history?: GateHistory;
  /** Which surface runs the gate, for the option names in its messages (default: cli). */
  surface?: Surface;
  /** A release manifest of the kept episodes is written: a run that would release none fails. */
  release?: boolean;
}

export interface GateHistory {
  rows: HistoryRow[];
  meta: RunMeta;
  drift?: { rule: DriftRule; fail: boolean } | null;
}

export interface GateRunOptions extends ScanReportOptions, GateOptions {}

/** What a gate run decided, as data: src/render/ turns it into the summary model and markdown. */
export interface GateOutcome {
  report: Report;
  regressions: Regression[];
  /** Changes past a warn level of the baseline, within its fail level. */
  warnings: Regression[];
  improvements: Regression[];
  passed: boolean;
  failOn: FailOn;
  /** Which surface ran the gate: messages name its options (`--fail-on flagged` or `fail-on: flagged`). */
  surface: Surface;
  /** One line, e.g. "2 regressions against fixtures/baseline.json: kept 12 → 11 (...)". */
  failReason: string | null;
  /**
   * Why fail-on flagged failed on what the scan flagged or could not judge (null: it did not): no
   * baseline accepts that, only an export without those episodes passes. Part of failReason.
   */
  flaggedReason: string | null;
  /** null when no baseline was given. */
  comparison: Comparison | null;
  /** The baseline file as read (its name in messages, hex sha256 of its bytes); null without one or when judged from memory. */
  baselineFile: { name: string; sha256: string } | null;
  /** How the baseline is named (null: none given). */
  baselineName: string | null;
  /** Where the full JSON report is (a path or an artifact name); null when none was written. */
  reportHint: string | null;
  /**
   * The command that makes this run the baseline: with a baseline, accepting the change; without
   * one, creating it (to BASELINE.json). null when the run's inputs cannot be rebuilt.
   */
  acceptCommand: string | null;
  /**
   * True when acceptCommand is not a baseline command but what accepts a change of a rolling
   * baseline: this run's report as the next run's baseline-report.
   */
  acceptRolling: boolean;
  /** What the drift rule found (empty without history or rule). */
  drift: DriftAlert[];
  /** The history with this run as its newest row, for the trend (null without --history). */
  trend: GateTrend | null;
}

/** The trend a summary draws: the history's rows with this run last, and the drift rule's findings. */
export interface GateTrend {
  rows: HistoryRow[];
  drift: DriftAlert[];
  /** True when drift fails the run (drift-action fail), false when it only warns. */
  driftFails: boolean;
  /** Set when this run, the newest point, is not stored in the history: why (e.g. a pull request's run). */
  unstoredLast?: string;
}

/** The default place a baseline is suggested when none is given. */
const SUGGESTED_BASELINE = 'ci/episode-baseline.json';

/**
 * Nothing was scanned: never a pass. The message names the filter that left nothing and the
 * hosts the index has (with the nearest to a mistyped host first).
 */
class NothingScannedError extends ConfigError {
  constructor(
    message: string,
    readonly hosts: readonly string[],
    readonly suggestion: string | null,
  ) {
    super(message);
    this.name = 'NothingScannedError';
  }
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
    const root = path.dirname(episodesRoot);
    // --dataset DIR where DIR itself is not there: name DIR, not DIR/episodes.
    if (path.basename(episodesRoot) === 'episodes' && !existsSync(root))
      throw new ConfigError(
        `no dataset folder at ${show(root)}: ${fsErrorWithFix(e, 'pass --dataset DIR (a folder holding index.jsonl and episodes/)')}`,
      );
    throw new ConfigError(
      `no episodes folder at ${show(episodesRoot)}: ${fsErrorWithFix(e, 'pass --dataset DIR (a folder holding index.jsonl and episodes/) or --episodes-root DIR')}`,
    );
  }
  if (!st.isDirectory())
    throw new ConfigError(`${show(episodesRoot)} is not a folder; --episodes-root must name the folder of <host>/<episode>.tar.zst`);
  try {
    return readRegularFile(indexPath).file;
  } catch (e) {
    const fix = 'pass --dataset DIR or --index FILE';
    const why = e instanceof FileRefusedError ? `${e.why}; ${fix}` : fsErrorWithFix(e, fix);
    throw new ConfigError(`cannot read the index ${show(indexPath)}: ${why}`);
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
    run: async (p, sizeBytes) => {
      const r = await inner.run(p, sizeBytes);
      return { ...r, verdict: compactVerdict(r.verdict) };
    },
    close: () => inner.close(),
    ...(inner.capacity !== undefined ? { capacity: inner.capacity } : {}),
    ...(inner.plan ? { plan: (episodes: number, bytes: number) => inner.plan!(episodes, bytes) } : {}),
  };
  let scan;
  try {
    scan = await scanDataset(
      {
        indexPath,
        episodesRoot,
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.followOutsideLinks ? { followOutsideLinks: true } : {}),
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
    if (typeof err?.code === 'string')
      throw new ConfigError(
        `cannot scan ${show(indexPath)}: ${fsErrorWithFix(e, 'check the --dataset (or --index and --episodes-root) paths')}`,
      );
    throw e;
  } finally {
    if (!opts.runner) await inner.close();
  }
  if (scan.episodes.length === 0) throw nothingScanned(indexBytes, episodesRoot, show(indexPath), opts.host, opts.shard);
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

function nothingScanned(indexBytes: Uint8Array, episodesRoot: string, index: string, host?: string, shard?: Shard): NothingScannedError {
  const walk = walkIndexText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(indexBytes), episodesRoot);
  const withTarball = [...new Set(walk.entries.map((e) => e.host))].sort();
  const listed = [...new Set([...walk.entries, ...walk.missing].map((e) => e.host))].sort();
  const hostList = (hs: readonly string[]): string =>
    hs.length > 8 ? `${hs.slice(0, 8).join(', ')}, … (${hs.length} in all)` : hs.join(', ');
  if (host !== undefined && withTarball.length > 0 && !withTarball.includes(host)) {
    const suggestion = closest(host, withTarball);
    return new NothingScannedError(
      `no episode was scanned: the host filter "${host}" matches none of the hosts in ${index}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; hosts with episodes: ${hostList(withTarball)}`,
      withTarball,
      suggestion,
    );
  }
  const what = shard ? `shard ${shard.index}/${shard.count} of ${index}` : host !== undefined ? `host "${host}" in ${index}` : index;
  const why =
    walk.entries.length > 0
      ? `it holds no index row with a tarball${shard ? ' (the other shards hold them; use fewer shards)' : ''}`
      : listed.length > 0
        ? `none of its ${walk.missing.length} index rows has its tarball under ${episodesRoot} (hosts listed: ${hostList(listed)}); check that the dataset folder holds episodes/<host>/<episode>.tar.zst`
        : walk.problems.length > 0
          ? `none of its ${walk.problems.length} lines is a usable index row`
          : indexBytes.length === 0
            ? 'the index is empty'
            : 'it holds no episode rows (only blank lines)';
  const fix =
    walk.entries.length > 0 || listed.length > 0
      ? ''
      : '; add one JSON row per episode ({"host_id": …, "episode_id": …}), or pass --dataset DIR naming a dataset that has them';
  return new NothingScannedError(`no episode was scanned: ${what}: ${why}${fix}`, listed, null);
}

export interface EvaluateOptions {
  failOn: FailOn;
  /** How the baseline is named in messages. */
  baselineName?: string;
  reportHint?: string | null;
  /** Rebuilds the `episode-gate baseline` command of this run. */
  baselineCommand?: BaselineCommand | null;
  /** See GateOptions.rollingAccept. */
  rollingAccept?: string | null;
  history?: GateHistory;
  /** Which surface runs the gate (default: cli). */
  surface?: Surface;
  /** A release manifest is written: a run that would release no episode fails. */
  release?: boolean;
  /** A failed run's rejected new-cohort alarms, judged until accepted (held.ts). */
  held?: readonly HeldAlarm[];
}

/**
 * The `episode-gate baseline` command that makes this run the baseline, or null where it would do
 * harm: a run over part of what the baseline covers (one host, some reasons) would narrow the
 * baseline to that part. Where pinned cases no longer match, the command drops them (the baseline
 * command refuses otherwise), and the summary's label says so.
 */
function acceptCommandOf(
  cmd: BaselineCommand | null,
  report: Report,
  baseline: Baseline | null,
  name: string,
  regressions: readonly Regression[],
): string | null {
  if (!cmd) return null;
  if (!baseline) return cmd(SUGGESTED_BASELINE);
  const from = baseline.generated_from;
  const reasonsOf = (r: readonly string[] | null | undefined): string => (r ? [...r].sort().join(',') : '*');
  if (from && ((from.host ?? null) !== report.dataset.host || reasonsOf(from.reasons) !== reasonsOf(report.dataset.reasons))) return null;
  const stale = regressions.some((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
  return cmd(name) + (stale ? ' --drop-stale-cases' : '');
}

/**
 * Which regressions a one-line failure names first: broken promises (pinned cases), then what
 * the data did (a host's new cohort, episodes rewritten, lost or gone, the whole cohort), then
 * the totals, then single verdicts (each with its evidence, listed in full elsewhere).
 */
export function regressionRank(r: Regression): number {
  if (r.kind === 'pinned-case' || r.kind === 'pinned-missing') return 0;
  // A host's alarm names where to look; the all-hosts one mostly repeats it.
  if (r.kind === 'cohort-rate' || r.kind === 'cohort-held') return r.host !== undefined ? 1 : 3;
  if (/^(modified|missing|gone)-/.test(r.kind)) return 2;
  // One episode's flip carries its evidence, long: the totals it moves say it shorter.
  if (r.kind === 'kept-to-flagged' || r.kind === 'flagged-to-kept') return 5;
  return 4;
}

/** The regressions counted by what they are: pinned cases, episodes that flipped, count rules, changes of the dataset. */
function regressionKinds(regressions: readonly Regression[]): string {
  const group = (kind: string): [string, string] => {
    if (kind === 'pinned-case' || kind === 'pinned-missing') return ['pinned case', 'pinned cases'];
    if (kind === 'kept-to-flagged') return ['episode kept → flagged', 'episodes kept → flagged'];
    if (kind === 'flagged-to-kept') return ['episode flagged → kept', 'episodes flagged → kept'];
    if (['kept-drop', 'kept-rise', 'flagged-rise', 'flagged-fall', 'flagged-rate-rise', 'reason-rise', 'reason-fall'].includes(kind))
      // A count rule: kept-drop counts kept → flagged flips too, so the total itself may have risen.
      return ['count over tolerance', 'counts over tolerance'];
    if (kind === 'cohort-rate') return ['new-cohort test', 'new-cohort tests'];
    if (kind === 'cohort-held') return ['rejected cohort not accepted', 'rejected cohorts not accepted'];
    return ['change of the dataset', 'changes of the dataset'];
  };
  const counts = new Map<string, { n: number; one: string; many: string }>();
  for (const r of regressions) {
    const [one, many] = group(r.kind);
    const c = counts.get(one) ?? { n: 0, one, many };
    c.n++;
    counts.set(one, c);
  }
  return [...counts.values()].map((c) => `${c.n} ${c.n === 1 ? c.one : c.many}`).join(', ');
}

/**
 * Whether the gate decided anything: not a report-only run (no baseline, --fail-on other than
 * flagged, passed), whose "passed" judged nothing and is recorded nowhere as a decision.
 */
function decided(passed: boolean, comparison: Comparison | null, failOn: FailOn): boolean {
  return !passed || comparison !== null || failOn === 'flagged';
}

/** Judge a report against a baseline (or none) and render the summary. A shard's report is refused. */
export function evaluateGate(report: Report, baseline: Baseline | null, opts: EvaluateOptions): GateOutcome {
  requireWholeReport(report, opts.reportHint ?? 'the report', 'gated');
  const name = opts.baselineName ?? 'the baseline';
  const comparison = baseline ? compare(report, baseline, name, opts.held ?? []) : null;
  const regressions = comparison?.regressions ?? [];
  const improvements = comparison?.improvements ?? [];
  const surface = opts.surface ?? 'cli';
  const failOnFlagged = optionText(surface, 'fail-on', 'flagged');
  const failParts: string[] = [];
  let flaggedReason: string | null = null;
  if (opts.failOn !== 'never' && regressions.length > 0) {
    // One line: each regression's brief form (its hosts, not its list of episodes), the most
    // telling first, and one cohort alarm per host (the rest are counted).
    const shown: string[] = [];
    const alarmed = new Set<string | undefined>();
    for (const r of [...regressions].sort((a, b) => regressionRank(a) - regressionRank(b))) {
      if (shown.length === 3) break;
      if (r.kind === 'cohort-rate') {
        if (alarmed.has(r.host)) continue;
        alarmed.add(r.host);
      }
      shown.push(r.brief ?? r.message);
    }
    const rest = regressions.length - shown.length;
    // Past three, what they are in all, so "42 regressions" is not read as 42 episodes.
    const kinds = rest > 0 ? ` (${regressionKinds(regressions)})` : '';
    failParts.push(
      `${plural(regressions.length, 'regression')} against ${name}${kinds}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`,
    );
  }
  if (opts.failOn === 'flagged') {
    // Release gating: what is flagged, and index rows whose episode the scan could not judge,
    // besides any regression: accepting the regressions would not release these.
    const parts = failParts;
    const before = parts.length;
    if (report.counts.flagged > 0) {
      const top = Object.entries(report.by_reason)
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ');
      parts.push(`${plural(report.counts.flagged, 'episode')} flagged (${top}) with ${failOnFlagged}`);
    }
    const unused = unusedRowsText(report);
    if (unused)
      parts.push(`${unused}: ${failOnFlagged} cannot judge their episodes; restore the tarballs, or drop those lines from the index`);
    const pruning = report.missing_tarballs.length - lostTarballs(report).length;
    if (pruning > 0)
      parts.push(
        `${plural(pruning, 'index row')} ${pruning === 1 ? 'lists an episode' : 'list episodes'} an interrupted cis490-prune has already archived or deleted: finish that prune (re-run it with the same options) before releasing`,
      );
    if (parts.length > before) flaggedReason = parts.slice(before).join('; ');
  }
  let failReason: string | null = failParts.length > 0 ? failParts.join('; ') : null;
  if (failReason === null && opts.release && report.counts.kept === 0) {
    failReason = `the release would hold no episode: 0 of ${report.counts.scanned} scanned are kept, so ${optionText(surface, 'manifest')} would list nothing`;
  }
  const row = opts.history ? rowFromReport(report, opts.history.meta, comparison) : null;
  const history = opts.history && row ? mergeRows(opts.history.rows, [row]) : null;
  const drift = history && opts.history?.drift ? driftAlerts(history, opts.history.drift.rule) : [];
  // fail-on never is report only: drift warns then too, whatever drift-action says.
  const driftFails = Boolean(opts.history?.drift?.fail) && opts.failOn !== 'never';
  if (failReason === null && drift.length > 0 && driftFails) failReason = drift.map((a) => a.message).join('; ');
  const passed = failReason === null;
  // This run's row in the trend drawn with the summary, with the decision the rows above did not know.
  if (row && decided(passed, comparison, opts.failOn)) row.gate = passed ? 'passed' : 'failed';
  return {
    report,
    regressions,
    warnings: comparison?.warnings ?? [],
    improvements,
    passed,
    failOn: opts.failOn,
    surface,
    failReason,
    flaggedReason,
    comparison,
    baselineName: baseline ? name : null,
    reportHint: opts.reportHint ?? null,
    acceptCommand:
      baseline && opts.rollingAccept
        ? opts.rollingAccept
        : acceptCommandOf(opts.baselineCommand ?? null, report, baseline, name, regressions),
    acceptRolling: Boolean(baseline && opts.rollingAccept),
    baselineFile: null,
    drift,
    trend: history ? { rows: history, drift, driftFails } : null,
  };
}

/**
 * Gate a report, however it is made (a scan, a saved report, merged shard reports): the baseline
 * is read first, so a bad one fails before a long scan, and the report is written (reportPath)
 * with the comparison's classes and cohort, or without them when it cannot be judged. A report
 * of one shard is refused.
 */
export async function gateReport(produce: () => Report | Promise<Report>, opts: GateOptions): Promise<GateOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => displayPath(p, cwd);
  const baselineName = opts.baselinePath ? (opts.baselineName ?? show(opts.baselinePath)) : null;
  const loaded = opts.baselinePath
    ? loadBaselineFile(
        path.resolve(cwd, opts.baselinePath),
        baselineName!,
        opts.baselineCommand ? opts.baselineCommand(show(opts.baselinePath)) : undefined,
        opts.surface === 'action' ? ACTION_REPORT_AS_BASELINE : undefined,
      )
    : null;
  const scanned = withComparison(await produce(), null);
  requireWholeReport(scanned, 'the report', 'gated');
  const reportFile = opts.reportPath ? path.resolve(cwd, opts.reportPath) : null;
  let outcome: GateOutcome;
  try {
    outcome = evaluateGate(scanned, loaded?.baseline ?? null, {
      failOn: opts.failOn,
      ...(baselineName ? { baselineName } : {}),
      reportHint: opts.reportHint ?? (opts.reportPath ? show(opts.reportPath) : null),
      baselineCommand: opts.baselineCommand ?? null,
      ...(opts.rollingAccept ? { rollingAccept: opts.rollingAccept } : {}),
      ...(opts.history ? { history: opts.history } : {}),
      ...(opts.surface ? { surface: opts.surface } : {}),
      ...(opts.release ? { release: true } : {}),
      ...(opts.held ? { held: opts.held } : {}),
    });
  } catch (e) {
    // The scan is kept even when it cannot be judged.
    if (reportFile) writeReport(reportFile, scanned);
    throw e;
  }
  const report = withComparison(
    scanned,
    outcome.comparison ? reportComparison(outcome.comparison) : null,
    decided(outcome.passed, outcome.comparison, outcome.failOn)
      ? { passed: outcome.passed, fail_on: outcome.failOn, fail_reason: outcome.failReason }
      : null,
  );
  if (reportFile) writeReport(reportFile, report);
  return {
    ...outcome,
    report,
    baselineFile: loaded && opts.baselinePath ? { name: show(opts.baselinePath), sha256: loaded.sha256 } : null,
  };
}

export async function runGate(opts: GateRunOptions): Promise<GateOutcome> {
  return gateReport(() => scanToReport(opts), opts);
}
