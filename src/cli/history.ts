/**
 * `episode-gate history append|show`: record a run's report in a history file, and show the
 * trend (rate per run, top reasons, sparklines) with the optional drift rule.
 * Exit codes: 0 done (drift only warned), 1 the drift rule failed, 2 the tool could not run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadBaseline } from '../gate/baseline.js';
import { compare } from '../gate/compare.js';
import { readReport, requireWholeReport } from '../gate/report.js';
import { displayPath } from '../gate/run.js';
import { DEFAULT_DRIFT_WINDOW, driftAlerts, type DriftAlert, type DriftRule } from '../history/drift.js';
import { appendHistoryFile, readHistoryFile } from '../history/file.js';
import { DEFAULT_MAX_ROWS, rowFromReport, runMetaFromEnv } from '../history/format.js';
import { DEFAULT_TREND_RUNS } from '../history/trend.js';
import { trendText } from '../render/trend.js';
import { UsageError, helpText, intOption, options, parseArgs, type Parsed } from './args.js';
import { couldNotRun, type CliIO } from './io.js';
import { ConfigError } from '../shared/errors.js';
import { shellQuote } from '../shared/text.js';

const PROG = 'episode-gate history';

/** The drift rule's options, shared with check --history. */
export const DRIFT = options({
  'drift-tolerance': {
    kind: 'value',
    metavar: 'PP',
    help: 'drift rule: the flagged rate over the last K runs may rise at most PP percentage points above the K runs before (overall and per host); off by default',
  },
  'drift-window': { kind: 'value', metavar: 'K', help: `runs in each window of the drift rule (default ${DEFAULT_DRIFT_WINDOW})` },
  'drift-action': { kind: 'value', choices: ['warn', 'fail'], help: 'what drift does: warn (default) or fail (exit 1)' },
});
type DriftArgs = Parsed<typeof DRIFT>;

const COMMON = options({
  history: { kind: 'value', metavar: 'FILE', help: 'the history file (JSON Lines, see schema/history.schema.json)' },
});

const APPEND = options({
  ...COMMON,
  report: {
    kind: 'value',
    metavar: 'FILE',
    help: 'the JSON report of the run to record (from scan, check --report-out or merge --report-out)',
  },
  baseline: {
    kind: 'value',
    metavar: 'FILE',
    help: "also record the new, gone and flipped episodes against this baseline's episode map",
  },
  commit: { kind: 'value', metavar: 'SHA', help: 'the commit of the run (default: $GITHUB_SHA)' },
  'run-id': { kind: 'value', metavar: 'ID', help: 'the run id; a row with the same id is replaced (default: $GITHUB_RUN_ID)' },
  'max-rows': { kind: 'value', metavar: 'N', help: `keep only the newest N rows (default ${DEFAULT_MAX_ROWS})` },
  ...DRIFT,
});

const SHOW = options({
  ...COMMON,
  runs: { kind: 'value', metavar: 'N', help: `show the last N runs (default ${DEFAULT_TREND_RUNS})` },
  ...DRIFT,
});

type AppendArgs = Parsed<typeof APPEND> & { sub: 'append' };
type ShowArgs = Parsed<typeof SHOW> & { sub: 'show' };

const SUBS = {
  append: {
    specs: APPEND,
    description:
      'Add one row for a report to the history file (created when missing), keeping the newest rows, then apply the drift rule if asked.',
  },
  show: { specs: SHOW, description: 'Print the trend of the history file, and apply the drift rule if asked.' },
} as const;

/** The drift rule the options ask for, or null when --drift-tolerance is not given. */
export function driftRuleFromArgs(args: DriftArgs): { rule: DriftRule; fail: boolean } | null {
  const tol = args['drift-tolerance'];
  const window = intOption('drift-window', args['drift-window']);
  if (tol === undefined) {
    if (window !== undefined || args['drift-action'] !== undefined)
      throw new UsageError(
        '--drift-window and --drift-action need --drift-tolerance PP (the rise, in percentage points, that counts as drift)',
      );
    return null;
  }
  if (!/^\d+(\.\d+)?$/.test(tol))
    throw new UsageError(`argument --drift-tolerance: expected percentage points such as 5 or 2.5, got '${tol}'`);
  return { rule: { window: window ?? DEFAULT_DRIFT_WINDOW, tolerancePp: Number(tol) }, fail: args['drift-action'] === 'fail' };
}

/** Say each alert on stderr; true when the rule fails the run. */
function reportDrift(alerts: readonly DriftAlert[], fail: boolean, io: CliIO, prog: string): boolean {
  for (const a of alerts) io.err(`${prog}: ${fail ? 'DRIFT (fails the run)' : 'warning'}: ${a.message}\n`);
  return fail && alerts.length > 0;
}

function requireHistory(args: { history?: string | undefined }): string {
  const h = args.history;
  if (!h) throw new UsageError('the following arguments are required: --history');
  return h;
}

async function run(args: AppendArgs | ShowArgs, io: CliIO): Promise<number> {
  const show = (p: string): string => displayPath(p, io.cwd);
  const history = requireHistory(args);
  const drift = driftRuleFromArgs(args);
  let rows;
  if (args.sub === 'append') {
    const reportIn = args.report;
    if (!reportIn) throw new UsageError('the following arguments are required: --report');
    const maxRows = intOption('max-rows', args['max-rows']) ?? DEFAULT_MAX_ROWS;
    const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
    requireWholeReport(report, show(reportIn), 'recorded');
    const env = runMetaFromEnv(io.env);
    const meta = {
      commit: args.commit ?? env.commit,
      run: args['run-id'] ?? env.run,
    };
    const baselineIn = args.baseline;
    const comparison = baselineIn
      ? compare(report, loadBaseline(path.resolve(io.cwd, baselineIn), show(baselineIn)), show(baselineIn))
      : null;
    rows = appendHistoryFile(path.resolve(io.cwd, history), show(history), rowFromReport(report, meta, comparison), maxRows);
    io.err(
      `${PROG}: recorded ${report.counts.scanned} episodes (${report.counts.flagged} flagged) in ${show(history)}; ${rows.length} run${rows.length === 1 ? '' : 's'} kept\n`,
    );
  } else {
    const runs = intOption('runs', args.runs) ?? DEFAULT_TREND_RUNS;
    const file = path.resolve(io.cwd, history);
    // Showing a file that is not there is a mistyped path far more often than a history to come.
    if (!existsSync(file))
      throw new ConfigError(
        `no history file at ${show(history)}; check the path, or start one with ${PROG} append --history ${shellQuote(show(history))} --report REPORT`,
      );
    rows = readHistoryFile(file, show(history));
    io.out(trendText(rows, { lastRuns: runs }));
  }
  if (!drift) return 0;
  const alerts = driftAlerts(rows, drift.rule);
  if (alerts.length === 0) {
    io.err(
      rows.length < 2 * drift.rule.window
        ? `${PROG}: drift rule not applied yet: it needs ${2 * drift.rule.window} runs, the history has ${rows.length}\n`
        : `${PROG}: no drift over the last ${drift.rule.window} runs (tolerance ${drift.rule.tolerancePp} pp)\n`,
    );
    return 0;
  }
  return reportDrift(alerts, drift.fail, io, PROG) ? 1 : 0;
}

export async function historyMain(argv: readonly string[], io: CliIO): Promise<number> {
  const sub = argv[0];
  const usage = `usage: ${PROG} {append,show} [options]`;
  if (sub === '-h' || sub === '--help') {
    io.out(
      `${usage}\n\nThe audit history: one row per run, and the trend.\n\ncommands:\n  append     ${SUBS.append.description}\n  show       ${SUBS.show.description}\n`,
    );
    return 0;
  }
  if (sub !== 'append' && sub !== 'show') {
    io.err(
      `${PROG}: error: ${sub === undefined ? 'a command is required (append or show)' : `invalid command '${sub}' (choose from 'append', 'show')`}; ${PROG} --help lists them\n`,
    );
    return 2;
  }
  const { specs, description } = SUBS[sub];
  const prog = `${PROG} ${sub}`;
  try {
    const parsed =
      sub === 'append'
        ? ({ sub, ...parseArgs(argv.slice(1), APPEND, { suggest: true }) } as AppendArgs)
        : ({ sub, ...parseArgs(argv.slice(1), SHOW, { suggest: true }) } as ShowArgs);
    if (parsed.help) {
      io.out(helpText(prog, description, specs));
      return 0;
    }
    if (parsed._.length > 0) throw new UsageError(`unrecognized arguments: ${parsed._.join(' ')}`);
    return await run(parsed, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${prog}: error: ${e.message}; ${prog} --help lists the options\n`);
      return 2;
    }
    return couldNotRun(e, io);
  }
}
