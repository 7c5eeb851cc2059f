/**
 * `episode-gate`: scan a dataset (or one shard of it) into a JSON report, check it against a
 * baseline, merge shard reports and check the whole, or write a baseline. Exit codes: 0 passed
 * (or done), 1 the gate failed (or `baseline` refused to drop a pinned case), 2 the tool could
 * not run (usage, configuration or I/O error).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ALL_REASONS } from '../classifier/types.js';
import { TOLERANCE_KEYS, applyTolerance, baselineFromReport, loadBaseline, writeBaseline, type PinRequest } from '../gate/baseline.js';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { bundledFixtures, toolVersion } from '../shared/package-info.js';
import { mergeShardReports } from '../gate/merge.js';
import { formatReport, readReport, requireWholeReport, writeReport, type Report } from '../gate/report.js';
import {
  FAIL_ON_CHOICES,
  displayPath,
  gateReport,
  scanToReport,
  unusedRowsText,
  type BaselineCommand,
  type GateOptions,
  type GateHistory,
  type GateOutcome,
  type ScanReportOptions,
} from '../gate/run.js';
import { parseOverride, type GateSettings } from '../gate/settings.js';
import { unsafeIdReason } from '../dataset/index-file.js';
import { ShardSpecError, formatShard, parseShard, type Shard } from '../dataset/shard.js';
import { capJobs } from '../dataset/pool.js';
import { writeHtmlReport } from '../render/html/write.js';
import { inLine } from '../render/plain-text.js';
import { changeText, failureText, notesText, summaryModel } from '../render/model.js';
import { MIN_SUMMARY_LIMIT_BYTES, renderSummary } from '../render/summary.js';
import { UsageError, closest, helpText, intOption, options, parseArgs, type OptionTable, type ParseOptions, type Parsed } from './args.js';
import { EXPLAIN, explainCmd } from './explain.js';
import { DRIFT, driftRuleFromArgs, historyMain } from './history.js';
import { readHistoryFile } from '../history/file.js';
import { runMetaFromEnv } from '../history/format.js';
import { couldNotRun, type CliIO } from './io.js';
import { MANIFEST_OPTION, VERIFY, VERIFY_DESCRIPTION, verifyCmd, writeManifest } from './manifest.js';
import { plural, shellQuote as q } from '../shared/text.js';

const PROG = 'episode-gate';

const COMMON = options({
  version: { kind: 'flag', help: "show episode-gate's version and exit" },
});

const DATASET = options({
  ...COMMON,
  dataset: {
    kind: 'value',
    metavar: 'DIR',
    help: 'dataset root holding index.jsonl and episodes/ (the bundled fixtures only when no dataset, baseline, report or output is named)',
  },
  'episodes-root': {
    kind: 'value',
    metavar: 'DIR',
    help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
  },
  index: { kind: 'value', metavar: 'FILE', help: 'index.jsonl (instead of --dataset)' },
  host: { kind: 'value', help: 'only scan episodes from this host_id' },
  reason: { kind: 'multi', choices: ALL_REASONS, help: 'only these reasons flag (repeat to OR); unreadable always flags' },
  settings: { kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
  set: { kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting for this run, e.g. --set netflowSpreadBytes=40960' },
  jobs: { kind: 'value', metavar: 'N', help: 'episodes classified in parallel, at most (default: available cores)' },
  'follow-outside-links': {
    kind: 'flag',
    help: 'read tarballs that are links, or that links lead outside the episodes root (default: flagged unreadable, not read)',
  },
});
type DatasetArgs = Parsed<typeof DATASET>;

/** The outputs a judged (or scanned) report can also be written as. */
const OUTPUTS = options({
  html: {
    kind: 'value',
    metavar: 'FILE',
    help: 'also write the self-contained HTML report (charts, per-phase drill-down) to FILE',
  },
  ...MANIFEST_OPTION,
});

const SCAN = options({
  ...DATASET,
  report: { kind: 'value', metavar: 'FILE', help: 'write the JSON report here (default: standard output)' },
  shard: {
    kind: 'value',
    metavar: 'K/N',
    help: 'scan only shard K of N (a fixed share of the index rows) into a partial report; episode-gate merge joins the N reports',
  },
  ...OUTPUTS,
});

/** Judging a report: what check and merge share. */
const GATE = options({
  baseline: {
    kind: 'value',
    metavar: 'FILE',
    help: 'baseline to compare with (default with no dataset options: fixtures/baseline.json)',
  },
  'fail-on': {
    kind: 'value',
    choices: FAIL_ON_CHOICES,
    help: 'regression (default): fail on regressions; flagged: also on any flagged episode; never: report only',
  },
  summary: { kind: 'value', metavar: 'FILE', help: 'also write the markdown summary to FILE' },
  'report-out': { kind: 'value', metavar: 'FILE', help: 'write the JSON report of this scan to FILE' },
  'summary-limit': { kind: 'value', metavar: 'BYTES', help: 'cap the summary at BYTES (default just under 1 MiB)' },
  ...OUTPUTS,
});
type GateArgs = Parsed<typeof GATE>;

const CHECK = options({
  ...DATASET,
  report: { kind: 'value', metavar: 'FILE', help: 'judge this report (from episode-gate scan) instead of scanning' },
  ...GATE,
  history: {
    kind: 'value',
    metavar: 'FILE',
    help: 'draw the trend of this history file, with this run as its newest point, in the summary (the file is not written)',
  },
  ...DRIFT,
});

const MERGE = options({
  ...COMMON,
  ...GATE,
  baseline: { ...GATE.baseline, help: 'baseline to compare with (default: none, report only)' },
  'report-out': { ...GATE['report-out'], help: "write the merged JSON report (the whole dataset's) to FILE" },
});

const BASELINE = options({
  ...DATASET,
  report: { kind: 'value', metavar: 'FILE', help: 'make the baseline from this report instead of scanning' },
  out: { kind: 'value', metavar: 'FILE', help: 'baseline file to write (required); its pinned cases and tolerances are kept' },
  baseline: { kind: 'value', metavar: 'FILE', help: 'take pinned cases and tolerances from FILE (default: --out, when it exists)' },
  pin: { kind: 'multi', metavar: 'HOST/EPISODE[=NAME]', help: 'pin this episode at its current verdict (repeatable)' },
  'drop-stale-cases': { kind: 'flag', help: 'drop pinned cases that no longer match (listed) instead of refusing' },
  tolerance: {
    kind: 'multi',
    metavar: 'KEY=VALUE',
    help: `set a tolerance, kept across updates (repeatable; VALUE a number or null = not checked); KEY: ${TOLERANCE_KEYS.join(', ')}, reasons.REASON, warn.KEY`,
  },
});

const DATASET_EXCLUSIVE = [
  ['dataset', 'episodes-root'],
  ['dataset', 'index'],
] as const;
/** With --report FILE as the input, nothing is scanned: the scan options make no sense. */
const REPORT_INPUT_EXCLUSIVE = [
  ...DATASET_EXCLUSIVE,
  ...(['dataset', 'episodes-root', 'index', 'host', 'reason', 'settings', 'set', 'jobs', 'follow-outside-links'] as const).map(
    (o) => ['report', o] as const,
  ),
];

const COMMANDS = '{scan,check,merge,baseline,explain,verify,history}';

const MAIN_HELP = `usage: ${PROG} ${COMMANDS} [options]

Classify a dataset of episodes and gate CI on regressions against a committed baseline.

commands:
  scan       classify a dataset (or one shard of it, --shard K/N) and write the JSON report
  check      scan (or read a report), compare with a baseline, print the markdown summary;
             exit 0 passed, 1 the gate failed, 2 the tool could not run
  merge      merge the reports of all N shards (scan --shard K/N), then check the whole as check does
  baseline   write or update a baseline from a scan, keeping pinned cases and tolerances
  explain    one episode's verdict: per source the per-phase values, spread, threshold, a sparkline
  verify     check a folder against a manifest (--manifest DIR of check/merge): every listed
             tarball there with its sha256, no other; exit 0 verified, 1 a mismatch, 2 could not run
  history    record a report in the audit history (append) or show the trend (show)

With no dataset options, scan and check use the bundled fixture dataset, and check compares it
with the committed fixture baseline. Run '${PROG} COMMAND --help' for a command's options.
`;

const DESCRIPTIONS = {
  scan: 'Classify every episode of a dataset and write the JSON report. With --shard K/N, only the index rows of shard K (chosen by a hash of host_id/episode_id, so a row keeps its shard as the index grows) go into a partial report.',
  check:
    'Compare a scan with a baseline and print the markdown summary. Exit 0 passed, 1 the gate failed, 2 the tool could not run.\n\n' +
    "Modes: the baseline's episodes unchanged (same ids and bytes) = snapshot, every count judged as before.\n" +
    "Episodes new, gone or modified = changed dataset: the episodes in both are judged as a snapshot, kept ones gone or modified fail, and the new ones are judged as a cohort (flagged rate overall, per reason and per host against the baseline's, one-sided exact test).",
  merge:
    'Merge the reports of all N shards of one dataset (files, or folders searched for *.json), then compare the whole with a baseline as check --report does. The shards must share the dataset fingerprint, settings, tool version, --host and --reason, and cover every index row exactly once. Exit 0 passed, 1 the gate failed, 2 the tool could not run (a missing, repeated or mismatched shard included).',
  baseline:
    'Write a baseline equal to a scan, keeping the existing pinned cases and tolerances. Exit 1 when a pinned case no longer matches.',
  explain:
    'Classify one episode and show why: the verdict, then per telemetry source the per-phase values, the spread against the threshold, the decision and a sparkline of the raw series (phase numbers under it). --json prints the same as JSON. Exit 0 whatever the verdict, 2 when the episode cannot be found.',
  verify: VERIFY_DESCRIPTION,
} as const;
type Sub = keyof typeof DESCRIPTIONS;
const SUB_NAMES: readonly string[] = Object.keys(DESCRIPTIONS);
const isSub = (s: string): s is Sub => SUB_NAMES.includes(s);

interface DatasetChoice {
  indexPath: string;
  episodesRoot: string;
  /** True when no dataset option was given and the bundled fixtures are used. */
  bundled: boolean;
}

type Named = Partial<Record<'baseline' | 'report' | 'report-out' | 'summary' | 'out', string | undefined>>;

/** The options that name what a run reads or writes; the bundled fixtures are used only when none is given. */
function namedInputs(args: Named): string[] {
  return (['baseline', 'report', 'report-out', 'summary', 'out'] as const).filter((k) => args[k] !== undefined).map((k) => `--${k}`);
}

function datasetChoice(args: DatasetArgs, io: CliIO, named: readonly string[]): DatasetChoice {
  const { dataset, index } = args;
  const root = args['episodes-root'];
  if (dataset) {
    const abs = path.resolve(io.cwd, dataset);
    if (!existsSync(path.join(abs, 'index.jsonl')) && existsSync(path.join(abs, '..', 'index.jsonl'))) {
      throw new ConfigError(
        `--dataset ${dataset} is the episodes folder itself, not the dataset root: pass --dataset ${q(displayPath(path.dirname(abs), io.cwd))} (the folder holding index.jsonl and episodes/)`,
      );
    }
    return { indexPath: path.join(abs, 'index.jsonl'), episodesRoot: path.join(abs, 'episodes'), bundled: false };
  }
  if (root || index) {
    const r = root ? path.resolve(io.cwd, root) : path.join(path.dirname(path.resolve(io.cwd, index!)), 'episodes');
    const i = index ? path.resolve(io.cwd, index) : path.join(path.dirname(path.resolve(io.cwd, root!)), 'index.jsonl');
    return { indexPath: i, episodesRoot: r, bundled: false };
  }
  if (named.length > 0) {
    throw new ConfigError(
      `no dataset named, but ${named.join(' and ')} ${named.length === 1 ? 'is' : 'are'}: pass --dataset DIR (the folder holding index.jsonl and episodes/) or --report FILE; the bundled fixtures are used only when no dataset, baseline, report or output is named`,
    );
  }
  const fx = bundledFixtures();
  if (!fx) throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
  return { indexPath: fx.indexPath, episodesRoot: fx.episodesRoot, bundled: true };
}

function overrides(set: readonly string[]): Partial<GateSettings> {
  const out: Partial<GateSettings> = {};
  const given = new Map<string, string>();
  for (const s of set) {
    const one = parseOverride(s);
    for (const [k, v] of Object.entries(one) as Array<[keyof GateSettings, number]>) {
      const earlier = given.get(k);
      // Two values for one key: which one was meant cannot be known, so neither is used.
      if (earlier !== undefined && out[k] !== v) throw new UsageError(`--set ${earlier} and --set ${s} give ${k} two values: give it once`);
      given.set(k, s);
      out[k] = v;
    }
  }
  return out;
}

function progress(io: CliIO): ((done: number, total: number) => void) | undefined {
  if (!io.errIsTTY) return undefined;
  return (done, total) => {
    io.err(`\r${PROG}: classified ${done}/${total}`);
    if (done === total) io.err('\n');
  };
}

function shardArg(spec: string | undefined): Shard | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseShard(spec);
  } catch (e) {
    if (e instanceof ShardSpecError) throw new UsageError(`argument --shard: ${e.message}`);
    throw e;
  }
}

/** --jobs (default: the cores), capped at a sane multiple of the cores with a one-line note. */
function jobsOption(text: string | undefined, io: CliIO): number {
  const jobs = intOption('jobs', text);
  if (jobs === undefined) return availableParallelism();
  const capped = capJobs(jobs);
  if (capped.note) io.err(`${PROG}: note: --${capped.note}\n`);
  return capped.jobs;
}

/** What a scan takes from the dataset options, built once for scan, check and baseline. */
function scanOptions(args: DatasetArgs, io: CliIO, named: readonly string[], shard?: Shard): ScanReportOptions {
  const ds = datasetChoice(args, io, named);
  const onProgress = progress(io);
  return {
    indexPath: ds.indexPath,
    episodesRoot: ds.episodesRoot,
    ...(args.settings ? { settingsPath: args.settings } : {}),
    settingsOverrides: overrides(args.set),
    ...(args.reason.length > 0 ? { reasons: [...args.reason] } : {}),
    ...(args.host ? { host: args.host } : {}),
    ...(args['follow-outside-links'] ? { followOutsideLinks: true } : {}),
    jobs: jobsOption(args.jobs, io),
    ...(onProgress ? { onProgress } : {}),
    ...(shard ? { shard } : {}),
    cwd: io.cwd,
  };
}

/**
 * The `episode-gate baseline` command that writes this run's inputs as a baseline to `out`:
 * the dataset (or the report) and every option that decides verdicts, ready to paste.
 */
function baselineCommandOf(
  args: DatasetArgs & { report?: string | undefined; 'report-out'?: string | undefined },
  io: CliIO,
): BaselineCommand {
  return (out) => {
    const parts = [io.invokedAs ?? PROG, 'baseline'];
    // The report this run writes holds every verdict and the settings: the baseline is made from
    // exactly what was judged, with no second scan (and no drift if the data moves meanwhile).
    const written = args['report-out'];
    if (written) return [...parts, '--report', q(displayPath(written, io.cwd)), '--out', q(out)].join(' ');
    if (args.report) parts.push('--report', q(displayPath(args.report, io.cwd)));
    else if (!args.dataset && !args['episodes-root'] && !args.index) {
      const fx = bundledFixtures();
      if (fx) parts.push('--dataset', q(displayPath(path.dirname(fx.indexPath), io.cwd)));
    }
    for (const name of ['dataset', 'episodes-root', 'index', 'host', 'settings'] as const) {
      const v = args[name];
      if (v) parts.push(`--${name}`, q(v));
    }
    for (const v of args.reason) parts.push('--reason', q(v));
    for (const v of args.set) parts.push('--set', q(v));
    if (args['follow-outside-links']) parts.push('--follow-outside-links');
    parts.push('--out', q(out));
    return parts.join(' ');
  };
}

/** How a report is gated, from the gate options: built once for check and merge. */
function gateOptions(args: GateArgs, io: CliIO, baselineCommand: BaselineCommand, fallbackBaseline?: string): GateOptions {
  const baselinePath = args.baseline ?? fallbackBaseline;
  const reportOut = args['report-out'];
  return {
    failOn: args['fail-on'] ?? 'regression',
    ...(baselinePath ? { baselinePath } : {}),
    ...(reportOut ? { reportPath: reportOut } : {}),
    baselineCommand,
    cwd: io.cwd,
    surface: 'cli',
    ...(args.manifest ? { release: true } : {}),
  };
}

function totalsLine(r: Report): string {
  const what = r.shard ? `shard ${formatShard(r.shard)}: ` : '';
  return `${what}${plural(r.counts.scanned, 'episode')}: ${r.counts.kept} kept, ${r.counts.flagged} flagged`;
}

async function scanCmd(args: Parsed<typeof SCAN>, io: CliIO): Promise<number> {
  const out = args.report;
  if (args.manifest && args.shard) {
    throw new UsageError('--manifest lists a whole dataset, not one shard: pass --manifest DIR to episode-gate merge instead');
  }
  const named = [...(out ? ['--report'] : []), ...(args.html ? ['--html'] : []), ...(args.manifest ? ['--manifest'] : [])];
  const report = await scanToReport(scanOptions(args, io, named, shardArg(args.shard)));
  if (args.manifest) {
    writeManifest(
      args.manifest,
      report,
      { command: 'scan', failOn: 'never', passed: true, failReason: null, comparison: null, regressions: 0, baselineFile: null },
      io,
    );
  }
  if (args.html) {
    await writeHtmlReport(
      args.html,
      { report, comparison: null, passed: true, failReason: null },
      { cwd: io.cwd, reportHint: out ? displayPath(out, io.cwd) : null },
    );
  }
  // Index rows the scan could not use are said here too, not only in the report.
  const unused = unusedRowsText(report);
  const note = unused ? `. Note: ${unused}` : '';
  if (out) {
    writeReport(path.resolve(io.cwd, out), report);
    io.err(`${PROG}: scanned ${totalsLine(report)}; report written to ${displayPath(out, io.cwd)}${note}\n`);
  } else {
    io.out(formatReport(report));
    io.err(`${PROG}: scanned ${totalsLine(report)}${note}\n`);
  }
  return 0;
}

/**
 * The folders of the files a check writes, checked before it scans: a mistyped --html path fails
 * at once, not after a scan of many minutes (the files themselves are written at the end).
 */
function checkOutputPaths(args: Partial<Record<'report-out' | 'summary' | 'html' | 'history', string | undefined>>, io: CliIO): void {
  for (const k of ['report-out', 'summary', 'html', 'history'] as const) {
    const given = args[k];
    if (!given) continue;
    const abs = path.resolve(io.cwd, given);
    const dir = path.dirname(abs);
    const fix = 'create the folder, or choose another path';
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (e) {
      throw new ConfigError(`--${k} ${given}: its folder ${displayPath(dir, io.cwd)} cannot be used: ${fsErrorWithFix(e, fix, 'write')}`);
    }
    if (!isDir) throw new ConfigError(`--${k} ${given}: ${displayPath(dir, io.cwd)} is not a folder; choose another path`);
    if (existsSync(abs) && statSync(abs).isDirectory()) throw new ConfigError(`--${k} ${given} is a folder; name a file in it`);
  }
}

async function checkCmd(args: Parsed<typeof CHECK>, io: CliIO): Promise<number> {
  checkOutputPaths(args, io);
  const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
  const reportIn = args.report;
  const named = namedInputs(args);
  const usesDataset = Boolean(args.dataset || args['episodes-root'] || args.index || reportIn);
  // With nothing named at all, check is the bundled fixtures against their committed baseline.
  const fx = !usesDataset && named.length === 0 ? bundledFixtures() : null;
  const opts = gateOptions(args, io, baselineCommandOf(args, io), fx ? displayPath(fx.baselinePath, io.cwd) : undefined);
  const show = (p: string): string => displayPath(p, io.cwd);
  const produce = reportIn
    ? (): Report => {
        const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
        requireWholeReport(report, show(reportIn), 'gated');
        return report;
      }
    : (): Promise<Report> => scanToReport(scanOptions(args, io, named));
  const history = historyArgs(args, io);
  const outcome = await gateReport(produce, {
    ...opts,
    ...(reportIn ? { reportHint: show(reportIn) } : {}),
    ...(history ? { history } : {}),
  });
  if (outcome.passed) for (const a of outcome.drift) io.err(`${PROG}: warning: ${inLine(a.message)}\n`);
  return await finishGate(outcome, args, io, limit, 'check');
}

/** check --history FILE: the history's rows, this run's commit and run id, and the drift rule if asked. */
function historyArgs(args: Parsed<typeof CHECK>, io: CliIO): GateHistory | null {
  const drift = driftRuleFromArgs(args);
  const file = args.history;
  if (!file) {
    if (drift) throw new UsageError('--drift-tolerance needs --history FILE (the runs the rule compares)');
    return null;
  }
  const rows = readHistoryFile(path.resolve(io.cwd, file), displayPath(file, io.cwd));
  return { rows, meta: runMetaFromEnv(io.env), drift };
}

/** Print the summary (and write it to --summary), say passed or failed on stderr, and give the exit code. */
async function finishGate(
  outcome: GateOutcome,
  args: GateArgs,
  io: CliIO,
  limit: number | undefined,
  command: 'check' | 'merge',
): Promise<number> {
  if (args.html) {
    const reportOut = args['report-out'] ?? (command === 'check' ? (args as { report?: string }).report : undefined);
    await writeHtmlReport(args.html, outcome, { cwd: io.cwd, reportHint: reportOut ? displayPath(reportOut, io.cwd) : null });
  }
  if (args.manifest) {
    const { report, passed, failReason, comparison, regressions, baselineFile, failOn } = outcome;
    writeManifest(
      args.manifest,
      report,
      { command, failOn, passed, failReason, comparison, regressions: regressions.length, baselineFile },
      io,
    );
  }
  const model = summaryModel(outcome);
  const markdown = renderSummary(model, limit);
  io.out(markdown);
  const summaryFile = args.summary;
  if (summaryFile) {
    try {
      writeFileSync(path.resolve(io.cwd, summaryFile), markdown);
    } catch (e) {
      throw new ConfigError(
        `cannot write the summary to ${summaryFile}: ${fsErrorWithFix(e, 'check that its folder exists and is writable', 'write')}`,
      );
    }
  }
  // The status line leads with what changed since the baseline, as the summary's headline does.
  const changed = changeText(model.cause);
  const cause = changed ? `${changed}; ` : '';
  // The reason filter and unusable index rows are named here too, whatever the verdict.
  const notes = notesText(model.lead.notes);
  if (outcome.passed && !outcome.baselineName && outcome.failOn !== 'flagged') {
    // Nothing was gated: no word of passing, and the way to gate.
    io.err(
      `${PROG}: REPORT ONLY, nothing gated (no baseline given; pass --baseline FILE to gate): ${totalsLine(outcome.report)}${inLine(notes)}\n`,
    );
    return 0;
  }
  if (outcome.passed) {
    const n = outcome.regressions.length;
    const w = outcome.warnings.length;
    const what = !outcome.baselineName
      ? '0 flagged (--fail-on flagged)'
      : n > 0
        ? `${n} regression${n === 1 ? '' : 's'} not enforced (--fail-on ${outcome.failOn})`
        : `no regressions against ${outcome.baselineName}${w > 0 ? ` (${w} warning${w === 1 ? '' : 's'})` : ''}`;
    io.err(`${PROG}: PASSED: ${inLine(cause + what)}; ${totalsLine(outcome.report)}${inLine(notes)}\n`);
    return 0;
  }
  io.err(`${PROG}: GATE FAILED (exit 1): ${inLine(failureText(model))}\n`);
  // The summary's third line, where it has one: a failure that accepting cannot change (fail-on
  // flagged on the same data, drift from the history) or would do harm (a run over part of the
  // baseline) offers none.
  const accept = model.lead;
  if (accept.command && accept.commandLabel)
    io.err(`${PROG}: ${accept.commandLabel.charAt(0).toLowerCase()}${accept.commandLabel.slice(1)}: ${accept.command}\n`);
  return 1;
}

/** The report files named by merge's arguments: files as given, folders searched (recursively) for *.json. */
function reportFiles(inputs: readonly string[], io: CliIO): string[] {
  const out: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return walk(p);
        return e.isFile() && e.name.endsWith('.json') ? [p] : [];
      });
  for (const input of inputs) {
    const abs = path.resolve(io.cwd, input);
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      out.push(abs); // a file, or a path readReport names as missing
      continue;
    }
    let found: string[];
    try {
      found = walk(abs);
    } catch (e) {
      throw new ConfigError(
        `cannot read the folder ${displayPath(input, io.cwd)}: ${fsErrorWithFix(e, 'pass the shard reports or the folder holding them')}`,
      );
    }
    if (found.length === 0) {
      throw new ConfigError(
        `${displayPath(input, io.cwd)} holds no *.json report: pass the reports written by episode-gate scan --shard K/N --report FILE`,
      );
    }
    out.push(...found);
  }
  return out;
}

async function mergeCmd(args: Parsed<typeof MERGE>, io: CliIO): Promise<number> {
  const inputs = args._;
  if (inputs.length === 0) throw new UsageError('the following arguments are required: REPORT');
  checkOutputPaths(args, io);
  const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
  const show = (p: string): string => displayPath(p, io.cwd);
  const reportOut = args['report-out'];
  const prog = io.invokedAs ?? PROG;
  const baselineCommand: BaselineCommand = (out) =>
    reportOut
      ? `${prog} baseline --report ${q(show(reportOut))} --out ${q(out)}`
      : `${prog} merge ${inputs.map(q).join(' ')} --report-out merged.json && ${prog} baseline --report merged.json --out ${q(out)}`;
  const outcome = await gateReport(
    () => mergeShardReports(reportFiles(inputs, io).map((f) => ({ report: readReport(f, show(f)), name: show(f) }))),
    gateOptions(args, io, baselineCommand),
  );
  return await finishGate(outcome, args, io, limit, 'merge');
}

function parsePin(text: string): PinRequest {
  const eq = text.indexOf('=');
  const id = eq === -1 ? text : text.slice(0, eq);
  const name = eq === -1 ? undefined : text.slice(eq + 1);
  const parts = id.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1]) || name === '') {
    throw new UsageError(`argument --pin: expected HOST/EPISODE or HOST/EPISODE=NAME, got '${text}'`);
  }
  return { host: parts[0], episode: parts[1], ...(name ? { name } : {}) };
}

async function baselineCmd(args: Parsed<typeof BASELINE>, io: CliIO): Promise<number> {
  const out = args.out;
  if (!out) throw new UsageError('the following arguments are required: --out');
  const pins = args.pin.map(parsePin);
  for (const t of args.tolerance) applyTolerance({}, t); // refuse a bad one before scanning
  const show = (p: string): string => displayPath(p, io.cwd);
  const outAbs = path.resolve(io.cwd, out);
  const fromPath = args.baseline ?? (existsSync(outAbs) ? out : undefined);
  const existing = fromPath ? loadBaseline(path.resolve(io.cwd, fromPath), show(fromPath)) : null;
  const reportIn = args.report;
  const report = reportIn
    ? readReport(path.resolve(io.cwd, reportIn), show(reportIn))
    : await scanToReport(scanOptions(args, io, namedInputs(args)));
  if (reportIn) requireWholeReport(report, show(reportIn), 'made into a baseline');
  const update = baselineFromReport(report, existing, { dropStale: args['drop-stale-cases'], pins, tolerances: args.tolerance });
  if (update.stale.length > 0 && !args['drop-stale-cases']) {
    io.err(
      `${PROG}: refusing to write ${show(out)}: ${update.stale.length} pinned case${update.stale.length === 1 ? ' no longer matches' : 's no longer match'} the scan:\n`,
    );
    for (const s of update.stale) io.err(`  - ${inLine(`"${s.case.name}" (${s.case.host}/${s.case.episode}): ${s.detail}`)}\n`);
    io.err(
      `${PROG}: fix each case in ${show(fromPath!)} (expect/reasons), or pass --drop-stale-cases to drop them; nothing was written.\n`,
    );
    return 1;
  }
  writeBaseline(outAbs, update.baseline);
  for (const d of update.dropped)
    io.err(`${PROG}: ${inLine(`dropped pinned case "${d.case.name}" (${d.case.host}/${d.case.episode}): ${d.detail}`)}\n`);
  for (const a of update.added)
    io.err(
      `${PROG}: ${inLine(`pinned "${a.name}" (${a.host}/${a.episode}) as ${a.expect}${a.reasons ? ` (${a.reasons.join(', ')})` : ''}`)}\n`,
    );
  io.err(`${PROG}: wrote ${show(out)}: ${totalsLine(report)}; ${plural(update.baseline.cases.length, 'pinned case')}\n`);
  return 0;
}

/** check and baseline judge the whole dataset: --shard there gets the way to do it, not "unrecognized". */
function shardRefusal(sub: 'check' | 'baseline', argv: readonly string[]): string | null {
  if (!argv.some((a) => a === '--shard' || a.startsWith('--shard='))) return null;
  const how =
    sub === 'check'
      ? "a shard cannot be gated alone: write each shard's report with episode-gate scan --shard K/N --report FILE, then gate them together with episode-gate merge FILE..."
      : 'a baseline is made from the whole dataset, not one shard: merge the shard reports with episode-gate merge FILE... --report-out merged.json, then run episode-gate baseline --report merged.json';
  return `${sub} --shard: ${how}`;
}

/** The episodes folder explain reads: --dataset's, --episodes-root, or the bundled fixtures'. */
function explainDataset(args: Parsed<typeof EXPLAIN>, io: CliIO): { episodesRoot: string } {
  if (args.dataset) return { episodesRoot: path.join(path.resolve(io.cwd, args.dataset), 'episodes') };
  if (args['episodes-root']) return { episodesRoot: path.resolve(io.cwd, args['episodes-root']) };
  const fx = bundledFixtures();
  if (!fx) throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
  return { episodesRoot: fx.episodesRoot };
}

function versionLine(): string {
  return `${PROG} ${toolVersion()}\n`;
}

export async function gateMain(argv: string[], io: CliIO): Promise<number> {
  const sub = argv[0];
  if (sub === undefined) {
    io.err(`${PROG}: error: a command is required (scan, check, merge, baseline, explain, verify or history); ${PROG} --help lists them\n`);
    return 2;
  }
  if (sub === '-h' || sub === '--help') {
    io.out(MAIN_HELP);
    return 0;
  }
  if (sub === 'history') return historyMain(argv.slice(1), io);
  if (sub === '--version') {
    io.out(versionLine());
    return 0;
  }
  if (!isSub(sub)) {
    const near = closest(sub.replace(/^-+/, ''), SUB_NAMES);
    io.err(
      `${PROG}: error: invalid command '${sub}' (choose from 'scan', 'check', 'merge', 'baseline', 'explain', 'verify', 'history')${near ? `; did you mean '${near}'?` : ''}; ${PROG} --help lists them\n`,
    );
    return 2;
  }
  if (sub === 'check' || sub === 'baseline') {
    const refused = shardRefusal(sub, argv.slice(1));
    if (refused) {
      io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${refused}\n`);
      return 2;
    }
  }
  switch (sub) {
    case 'scan':
      return command(sub, argv, io, SCAN, { exclusive: DATASET_EXCLUSIVE }, undefined, (a) => scanCmd(a, io));
    case 'check':
      return command(sub, argv, io, CHECK, { exclusive: REPORT_INPUT_EXCLUSIVE }, undefined, (a) => checkCmd(a, io));
    case 'merge':
      return command(sub, argv, io, MERGE, {}, 'REPORT [REPORT ...]', (a) => mergeCmd(a, io));
    case 'baseline':
      return command(sub, argv, io, BASELINE, { exclusive: REPORT_INPUT_EXCLUSIVE }, undefined, (a) => baselineCmd(a, io));
    case 'explain':
      return command(sub, argv, io, EXPLAIN, { exclusive: [['dataset', 'episodes-root']] }, 'HOST/EPISODE', (a) =>
        explainCmd(a, io, explainDataset(a, io), overrides(a.set)),
      );
    case 'verify':
      return command(sub, argv, io, VERIFY, {}, undefined, (a) => verifyCmd(a, io));
  }
}

/** Parse one command's options from its table, answer -h and --version, run it, and turn errors into exit 2. */
async function command<T extends OptionTable & typeof COMMON>(
  sub: Sub,
  argv: readonly string[],
  io: CliIO,
  table: T,
  parse: ParseOptions<T>,
  positional: string | undefined,
  run: (args: Parsed<T>) => Promise<number>,
): Promise<number> {
  const prog = `${PROG} ${sub}`;
  const usage = (message: string): number => {
    // One line, as every other error: the usage line argparse would print first is what --help shows.
    io.err(`${prog}: error: ${message}; ${prog} --help lists the options\n`);
    return 2;
  };
  let args: Parsed<T>;
  try {
    args = parseArgs(argv.slice(1), table, { ...parse, suggest: true });
    if (args._.length > 0 && !positional) throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
  if (args.help) {
    io.out(helpText(prog, DESCRIPTIONS[sub], table, positional));
    return 0;
  }
  if (args.version) {
    io.out(versionLine());
    return 0;
  }
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    return couldNotRun(e, io);
  }
}
