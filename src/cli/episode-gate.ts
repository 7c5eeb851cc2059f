/**
 * `episode-gate`: scan a dataset (or one shard of it) into a JSON report, check it against a
 * baseline, merge shard reports and check the whole, or write a baseline. Exit codes: 0 passed
 * (or done), 1 the gate failed (or `baseline` refused to drop a pinned case), 2 the tool could
 * not run (usage, configuration or I/O error).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ALL_REASONS, type Reason } from '../classifier/types.js';
import { baselineFromReport, loadBaseline, writeBaseline, type PinRequest } from '../gate/baseline.js';
import { ConfigError, describeFsError } from '../shared/errors.js';
import { bundledFixtures, packageRoot } from '../shared/package-info.js';
import { mergeShardReports } from '../gate/merge.js';
import { formatReport, readReport, requireWholeReport, writeReport, type Report } from '../gate/report.js';
import { FAIL_ON_CHOICES, displayPath, gateReport, runGate, scanToReport, type FailOn, type GateOutcome } from '../gate/run.js';
import { parseOverride, type GateSettings } from '../gate/settings.js';
import { unsafeIdReason } from '../dataset/index-file.js';
import { ShardSpecError, formatShard, parseShard, type Shard } from '../dataset/shard.js';
import { MIN_SUMMARY_LIMIT_BYTES } from '../render/summary.js';
import { UsageError, helpText, intOption, parseArgs, usageLine, type OptionSpec, type ParsedArgs } from './args.js';
import { DRIFT_SPECS, driftRuleFromArgs, historyMain } from './history.js';
import { readHistoryFile } from '../history/file.js';
import { runMetaFromEnv } from '../history/format.js';
import type { GateHistory } from '../gate/run.js';
import type { CliIO } from './io.js';

const PROG = 'episode-gate';

const DATASET_SPECS: readonly OptionSpec[] = [
  {
    name: 'dataset',
    kind: 'value',
    metavar: 'DIR',
    help: 'dataset root holding index.jsonl and episodes/ (default: the bundled fixtures)',
  },
  {
    name: 'episodes-root',
    kind: 'value',
    metavar: 'DIR',
    help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
  },
  { name: 'index', kind: 'value', metavar: 'FILE', help: 'index.jsonl (instead of --dataset)' },
  { name: 'host', kind: 'value', help: 'only scan episodes from this host_id' },
  { name: 'reason', kind: 'multi', choices: ALL_REASONS, help: 'only these reasons flag (repeat to OR); unreadable always flags' },
  { name: 'settings', kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
  { name: 'set', kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting for this run, e.g. --set netflowSpreadBytes=40960' },
  { name: 'jobs', kind: 'value', metavar: 'N', help: 'episodes classified in parallel (default: available cores)' },
];

const SCAN_SPECS: readonly OptionSpec[] = [
  ...DATASET_SPECS,
  { name: 'report', kind: 'value', metavar: 'FILE', help: 'write the JSON report here (default: standard output)' },
  {
    name: 'shard',
    kind: 'value',
    metavar: 'K/N',
    help: 'scan only shard K of N (a fixed share of the index rows) into a partial report; episode-gate merge joins the N reports',
  },
];

/** Judging a report: what check and merge share. */
const GATE_SPECS: readonly OptionSpec[] = [
  {
    name: 'baseline',
    kind: 'value',
    metavar: 'FILE',
    help: 'baseline to compare with (default with no dataset options: fixtures/baseline.json)',
  },
  {
    name: 'fail-on',
    kind: 'value',
    choices: FAIL_ON_CHOICES,
    help: 'regression (default): fail on regressions; flagged: also on any flagged episode; never: report only',
  },
  { name: 'summary', kind: 'value', metavar: 'FILE', help: 'also write the markdown summary to FILE' },
  { name: 'report-out', kind: 'value', metavar: 'FILE', help: 'write the JSON report of this scan to FILE' },
  { name: 'summary-limit', kind: 'value', metavar: 'BYTES', help: 'cap the summary at BYTES (default just under 1 MiB)' },
];

const CHECK_SPECS: readonly OptionSpec[] = [
  ...DATASET_SPECS,
  { name: 'report', kind: 'value', metavar: 'FILE', help: 'judge this report (from episode-gate scan) instead of scanning' },
  ...GATE_SPECS,
  {
    name: 'history',
    kind: 'value',
    metavar: 'FILE',
    help: 'draw the trend of this history file, with this run as its newest point, in the summary (the file is not written)',
  },
  ...DRIFT_SPECS,
];

const MERGE_SPECS: readonly OptionSpec[] = GATE_SPECS.map((s) =>
  s.name === 'baseline'
    ? { ...s, help: 'baseline to compare with (default: none, report only)' }
    : s.name === 'report-out'
      ? { ...s, help: "write the merged JSON report (the whole dataset's) to FILE" }
      : s,
);

const BASELINE_SPECS: readonly OptionSpec[] = [
  ...DATASET_SPECS,
  { name: 'report', kind: 'value', metavar: 'FILE', help: 'make the baseline from this report instead of scanning' },
  { name: 'out', kind: 'value', metavar: 'FILE', help: 'baseline file to write (required); its pinned cases and tolerances are kept' },
  { name: 'baseline', kind: 'value', metavar: 'FILE', help: 'take pinned cases and tolerances from FILE (default: --out, when it exists)' },
  { name: 'pin', kind: 'multi', metavar: 'HOST/EPISODE[=NAME]', help: 'pin this episode at its current verdict (repeatable)' },
  { name: 'drop-stale-cases', kind: 'flag', help: 'drop pinned cases that no longer match (listed) instead of refusing' },
];

const DATASET_EXCLUSIVE: ReadonlyArray<readonly string[]> = [
  ['dataset', 'episodes-root'],
  ['dataset', 'index'],
];
/** With --report FILE as the input, nothing is scanned: the scan options make no sense. */
const REPORT_INPUT_EXCLUSIVE: ReadonlyArray<readonly string[]> = [
  ...DATASET_EXCLUSIVE,
  ...['dataset', 'episodes-root', 'index', 'host', 'reason', 'settings', 'set', 'jobs'].map((o) => ['report', o]),
];

const COMMANDS = '{scan,check,merge,baseline,history}';

const MAIN_HELP = `usage: ${PROG} ${COMMANDS} [options]

Classify a dataset of episodes and gate CI on regressions against a committed baseline.

commands:
  scan       classify a dataset (or one shard of it, --shard K/N) and write the JSON report
  check      scan (or read a report), compare with a baseline, print the markdown summary;
             exit 0 passed, 1 the gate failed, 2 the tool could not run
  merge      merge the reports of all N shards (scan --shard K/N), then check the whole as check does
  baseline   write or update a baseline from a scan, keeping pinned cases and tolerances
  history    record a report in the audit history (append) or show the trend (show)

With no dataset options, scan and check use the bundled fixture dataset, and check compares it
with the committed fixture baseline. Run '${PROG} COMMAND --help' for a command's options.
`;

type Sub = 'scan' | 'check' | 'merge' | 'baseline';
const SUBS: Record<
  Sub,
  { specs: readonly OptionSpec[]; exclusive: ReadonlyArray<readonly string[]>; description: string; positional?: string }
> = {
  scan: {
    specs: SCAN_SPECS,
    exclusive: DATASET_EXCLUSIVE,
    description:
      'Classify every episode of a dataset and write the JSON report. With --shard K/N, only the index rows of shard K (chosen by a hash of host_id/episode_id, so a row keeps its shard as the index grows) go into a partial report.',
  },
  check: {
    specs: CHECK_SPECS,
    exclusive: REPORT_INPUT_EXCLUSIVE,
    description:
      'Compare a scan with a baseline and print the markdown summary. Exit 0 passed, 1 the gate failed, 2 the tool could not run.',
  },
  merge: {
    specs: MERGE_SPECS,
    exclusive: [],
    positional: 'REPORT [REPORT ...]',
    description:
      'Merge the reports of all N shards of one dataset (files, or folders searched for *.json), then compare the whole with a baseline as check --report does. The shards must share the dataset fingerprint, settings, tool version, --host and --reason, and cover every index row exactly once. Exit 0 passed, 1 the gate failed, 2 the tool could not run (a missing, repeated or mismatched shard included).',
  },
  baseline: {
    specs: BASELINE_SPECS,
    exclusive: REPORT_INPUT_EXCLUSIVE,
    description:
      'Write a baseline equal to a scan, keeping the existing pinned cases and tolerances. Exit 1 when a pinned case no longer matches.',
  },
};

interface DatasetChoice {
  indexPath: string;
  episodesRoot: string;
  /** True when no dataset option was given and the bundled fixtures are used. */
  bundled: boolean;
}

function datasetChoice(args: ParsedArgs, io: CliIO): DatasetChoice {
  const dataset = args.dataset as string | undefined;
  const root = args['episodes-root'] as string | undefined;
  const index = args.index as string | undefined;
  if (dataset)
    return {
      indexPath: path.resolve(io.cwd, dataset, 'index.jsonl'),
      episodesRoot: path.resolve(io.cwd, dataset, 'episodes'),
      bundled: false,
    };
  if (root || index) {
    const r = root ? path.resolve(io.cwd, root) : path.join(path.dirname(path.resolve(io.cwd, index!)), 'episodes');
    const i = index ? path.resolve(io.cwd, index) : path.join(path.dirname(path.resolve(io.cwd, root!)), 'index.jsonl');
    return { indexPath: i, episodesRoot: r, bundled: false };
  }
  const fx = bundledFixtures();
  if (!fx) throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
  return { indexPath: fx.indexPath, episodesRoot: fx.episodesRoot, bundled: true };
}

function overrides(args: ParsedArgs): Partial<GateSettings> {
  let out: Partial<GateSettings> = {};
  for (const s of (args.set as string[] | undefined) ?? []) out = { ...out, ...parseOverride(s) };
  return out;
}

function progress(io: CliIO): ((done: number, total: number) => void) | undefined {
  if (!io.errIsTTY) return undefined;
  return (done, total) => {
    io.err(`\r${PROG}: classified ${done}/${total}`);
    if (done === total) io.err('\n');
  };
}

function shardArg(args: ParsedArgs): Shard | undefined {
  const spec = args.shard as string | undefined;
  if (spec === undefined) return undefined;
  try {
    return parseShard(spec);
  } catch (e) {
    if (e instanceof ShardSpecError) throw new UsageError(`argument --shard: ${e.message}`);
    throw e;
  }
}

async function scanFromArgs(args: ParsedArgs, io: CliIO, jobs: number | undefined): Promise<Report> {
  const ds = datasetChoice(args, io);
  const onProgress = progress(io);
  const shard = shardArg(args);
  return scanToReport({
    indexPath: ds.indexPath,
    episodesRoot: ds.episodesRoot,
    ...(args.settings ? { settingsPath: args.settings as string } : {}),
    settingsOverrides: overrides(args),
    ...(args.reason ? { reasons: args.reason as Reason[] } : {}),
    ...(args.host ? { host: args.host as string } : {}),
    jobs: jobs ?? availableParallelism(),
    ...(onProgress ? { onProgress } : {}),
    ...(shard ? { shard } : {}),
    cwd: io.cwd,
  });
}

function totalsLine(r: Report): string {
  const what = r.shard ? `shard ${formatShard(r.shard)}: ` : '';
  return `${what}${r.counts.scanned} episodes: ${r.counts.kept} kept, ${r.counts.flagged} flagged`;
}

async function scanCmd(args: ParsedArgs, io: CliIO, jobs: number | undefined): Promise<number> {
  const report = await scanFromArgs(args, io, jobs);
  const out = args.report as string | undefined;
  if (out) {
    writeReport(path.resolve(io.cwd, out), report);
    io.err(`${PROG}: scanned ${totalsLine(report)}; report written to ${displayPath(out, io.cwd)}\n`);
  } else {
    io.out(formatReport(report));
    io.err(`${PROG}: scanned ${totalsLine(report)}\n`);
  }
  return 0;
}

function usesDatasetOptions(args: ParsedArgs): boolean {
  return Boolean(args.dataset || args['episodes-root'] || args.index || args.report);
}

async function checkCmd(args: ParsedArgs, io: CliIO, jobs: number | undefined): Promise<number> {
  const failOn = ((args['fail-on'] as string | undefined) ?? 'regression') as FailOn;
  const limit = intOption('summary-limit', args['summary-limit'] as string | undefined, MIN_SUMMARY_LIMIT_BYTES);
  let baselinePath = args.baseline as string | undefined;
  if (!baselinePath && !usesDatasetOptions(args)) {
    const fx = bundledFixtures();
    if (fx) baselinePath = displayPath(fx.baselinePath, io.cwd);
  }
  const reportIn = args.report as string | undefined;
  const reportOut = args['report-out'] as string | undefined;
  const history = historyArgs(args, io);
  let outcome: GateOutcome;
  if (reportIn) {
    const show = (p: string): string => displayPath(p, io.cwd);
    outcome = await gateReport(
      () => {
        const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
        requireWholeReport(report, show(reportIn), 'gated');
        return report;
      },
      {
        failOn,
        ...(baselinePath ? { baselinePath, updateHint: `${PROG} baseline --report ${show(reportIn)} --out ${show(baselinePath)}` } : {}),
        ...(reportOut ? { reportPath: reportOut } : {}),
        ...(limit ? { summaryLimitBytes: limit } : {}),
        reportHint: show(reportIn),
        cwd: io.cwd,
        ...(history ? { history } : {}),
      },
    );
  } else {
    const ds = datasetChoice(args, io);
    const onProgress = progress(io);
    outcome = await runGate({
      indexPath: ds.indexPath,
      episodesRoot: ds.episodesRoot,
      ...(baselinePath ? { baselinePath } : {}),
      ...(args.settings ? { settingsPath: args.settings as string } : {}),
      settingsOverrides: overrides(args),
      ...(args.reason ? { reasons: args.reason as Reason[] } : {}),
      ...(args.host ? { host: args.host as string } : {}),
      jobs: jobs ?? availableParallelism(),
      failOn,
      ...(reportOut ? { reportPath: reportOut } : {}),
      ...(limit ? { summaryLimitBytes: limit } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(baselinePath ? { updateHint: updateCommand(args, baselinePath, io) } : {}),
      cwd: io.cwd,
      ...(history ? { history } : {}),
    });
  }
  if (outcome.passed) for (const a of outcome.drift) io.err(`${PROG}: warning: ${a.message}\n`);
  return finishGate(outcome, args, io, baselinePath, failOn);
}

/** check --history FILE: the history's rows, this run's commit and run id, and the drift rule if asked. */
function historyArgs(args: ParsedArgs, io: CliIO): GateHistory | null {
  const drift = driftRuleFromArgs(args);
  const file = args.history as string | undefined;
  if (!file) {
    if (drift) throw new UsageError('--drift-tolerance needs --history FILE (the runs the rule compares)');
    return null;
  }
  const rows = readHistoryFile(path.resolve(io.cwd, file), displayPath(file, io.cwd));
  return { rows, meta: runMetaFromEnv(io.env), drift };
}

/** Print the summary (and write it to --summary), say passed or failed on stderr, and give the exit code. */
function finishGate(outcome: GateOutcome, args: ParsedArgs, io: CliIO, baselinePath: string | undefined, failOn: FailOn): number {
  io.out(outcome.markdown);
  const summaryFile = args.summary as string | undefined;
  if (summaryFile) {
    try {
      writeFileSync(path.resolve(io.cwd, summaryFile), outcome.markdown);
    } catch (e) {
      throw new ConfigError(
        `cannot write the summary to ${summaryFile}: ${describeFsError(e)}; check that its folder exists and is writable`,
      );
    }
  }
  if (outcome.passed) {
    const n = outcome.regressions.length;
    const what = !baselinePath
      ? 'report only (no baseline given)'
      : n > 0
        ? `${n} regression${n === 1 ? '' : 's'} not enforced (--fail-on ${failOn})`
        : `no regressions against ${displayPath(baselinePath, io.cwd)}`;
    io.err(`${PROG}: PASSED: ${what}; ${totalsLine(outcome.report)}\n`);
    return 0;
  }
  io.err(`${PROG}: GATE FAILED (exit 1): ${outcome.failReason}\n`);
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
      throw new ConfigError(`cannot read the folder ${displayPath(input, io.cwd)}: ${describeFsError(e)}`);
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

async function mergeCmd(args: ParsedArgs, io: CliIO): Promise<number> {
  const inputs = (args._ as string[] | undefined) ?? [];
  if (inputs.length === 0) throw new UsageError('the following arguments are required: REPORT');
  const failOn = ((args['fail-on'] as string | undefined) ?? 'regression') as FailOn;
  const limit = intOption('summary-limit', args['summary-limit'] as string | undefined, MIN_SUMMARY_LIMIT_BYTES);
  const baselinePath = args.baseline as string | undefined;
  const reportOut = args['report-out'] as string | undefined;
  const show = (p: string): string => displayPath(p, io.cwd);
  const q = (v: string): string => (/^[\w./:=@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  const updateHint = !baselinePath
    ? undefined
    : reportOut
      ? `${PROG} baseline --report ${q(show(reportOut))} --out ${q(show(baselinePath))}`
      : `${PROG} merge ${inputs.map(q).join(' ')} --report-out merged.json && ${PROG} baseline --report merged.json --out ${q(show(baselinePath))}`;
  const outcome = await gateReport(
    () => mergeShardReports(reportFiles(inputs, io).map((f) => ({ report: readReport(f, show(f)), name: show(f) }))),
    {
      failOn,
      ...(baselinePath ? { baselinePath } : {}),
      ...(updateHint ? { updateHint } : {}),
      ...(reportOut ? { reportPath: reportOut } : {}),
      ...(limit ? { summaryLimitBytes: limit } : {}),
      cwd: io.cwd,
    },
  );
  return finishGate(outcome, args, io, baselinePath, failOn);
}

/** The `baseline` command that rewrites the baseline from the same scan. */
function updateCommand(args: ParsedArgs, baselinePath: string, io: CliIO): string {
  const q = (v: string): string => (/^[\w./:=@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  const parts = [PROG, 'baseline'];
  for (const name of ['dataset', 'episodes-root', 'index', 'host', 'settings']) {
    const v = args[name] as string | undefined;
    if (v) parts.push(`--${name}`, q(v));
  }
  for (const name of ['reason', 'set']) for (const v of (args[name] as string[] | undefined) ?? []) parts.push(`--${name}`, q(v));
  parts.push('--out', q(displayPath(baselinePath, io.cwd)));
  return parts.join(' ');
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

async function baselineCmd(args: ParsedArgs, io: CliIO, jobs: number | undefined): Promise<number> {
  const out = args.out as string | undefined;
  if (!out) throw new UsageError('the following arguments are required: --out');
  const pins = ((args.pin as string[] | undefined) ?? []).map(parsePin);
  const show = (p: string): string => displayPath(p, io.cwd);
  const outAbs = path.resolve(io.cwd, out);
  const fromPath = (args.baseline as string | undefined) ?? (existsSync(outAbs) ? out : undefined);
  const existing = fromPath ? loadBaseline(path.resolve(io.cwd, fromPath), show(fromPath)) : null;
  const reportIn = args.report as string | undefined;
  const report = reportIn ? readReport(path.resolve(io.cwd, reportIn), show(reportIn)) : await scanFromArgs(args, io, jobs);
  if (reportIn) requireWholeReport(report, show(reportIn), 'made into a baseline');
  const root = packageRoot();
  const schemaRef = root
    ? path
        .relative(path.dirname(outAbs), path.join(root, 'schema', 'baseline.schema.json'))
        .split(path.sep)
        .join('/')
    : undefined;
  const update = baselineFromReport(report, existing, {
    dropStale: Boolean(args['drop-stale-cases']),
    pins,
    ...(schemaRef ? { schemaRef } : {}),
  });
  if (update.stale.length > 0 && !args['drop-stale-cases']) {
    io.err(
      `${PROG}: refusing to write ${show(out)}: ${update.stale.length} pinned case${update.stale.length === 1 ? ' no longer matches' : 's no longer match'} the scan:\n`,
    );
    for (const s of update.stale) io.err(`  - "${s.case.name}" (${s.case.host}/${s.case.episode}): ${s.detail}\n`);
    io.err(
      `${PROG}: fix each case in ${show(fromPath!)} (expect/reasons), or pass --drop-stale-cases to drop them; nothing was written.\n`,
    );
    return 1;
  }
  writeBaseline(outAbs, update.baseline);
  for (const d of update.dropped) io.err(`${PROG}: dropped pinned case "${d.case.name}" (${d.case.host}/${d.case.episode}): ${d.detail}\n`);
  for (const a of update.added)
    io.err(`${PROG}: pinned "${a.name}" (${a.host}/${a.episode}) as ${a.expect}${a.reasons ? ` (${a.reasons.join(', ')})` : ''}\n`);
  io.err(`${PROG}: wrote ${show(out)}: ${totalsLine(report)}; ${update.baseline.cases.length} pinned cases\n`);
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

export async function gateMain(argv: string[], io: CliIO): Promise<number> {
  const sub = argv[0];
  if (sub === undefined || sub === '-h' || sub === '--help') {
    if (sub === undefined) {
      io.err(`usage: ${PROG} ${COMMANDS} [options]\n${PROG}: error: a command is required (scan, check, merge or baseline)\n`);
      return 2;
    }
    io.out(MAIN_HELP);
    return 0;
  }
  if (sub === 'history') return historyMain(argv.slice(1), io);
  if (!(sub in SUBS)) {
    io.err(
      `usage: ${PROG} ${COMMANDS} [options]\n${PROG}: error: invalid command '${sub}' (choose from 'scan', 'check', 'merge', 'baseline', 'history')\n`,
    );
    return 2;
  }
  const { specs, exclusive, description, positional } = SUBS[sub as Sub];
  const prog = `${PROG} ${sub}`;
  if (sub === 'check' || sub === 'baseline') {
    const refused = shardRefusal(sub, argv.slice(1));
    if (refused) {
      io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${refused}\n`);
      return 2;
    }
  }
  let args;
  let jobs: number | undefined;
  try {
    args = parseArgs(argv.slice(1), specs, exclusive);
    if (args._.length > 0 && !positional) throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
    jobs = intOption('jobs', args.jobs as string | undefined);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${usageLine(prog, specs, positional)}\n${prog}: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.out(helpText(prog, description, specs, positional));
    return 0;
  }
  try {
    if (sub === 'scan') return await scanCmd(args, io, jobs);
    if (sub === 'merge') return await mergeCmd(args, io);
    if (sub === 'check') return await checkCmd(args, io, jobs);
    return await baselineCmd(args, io, jobs);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${usageLine(prog, specs, positional)}\n${prog}: error: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    const what = e instanceof ConfigError ? err.message : `internal error: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
    io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${what}\n`);
    if (!(e instanceof ConfigError) && io.env.EPISODE_GATE_DEBUG) io.err(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
