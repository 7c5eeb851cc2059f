/**
 * The Action's inputs -> one typed settings object. All validation happens here, so every other
 * module can trust what it is given; a bad input fails with one line that names the input and
 * says what to do.
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_REASONS, isReason, type Reason } from '../classifier/types.js';
import { unsafeIdReason } from '../dataset/index-file.js';
import { ShardSpecError, parseShard, type Shard } from '../dataset/shard.js';
import { FAIL_ON_CHOICES, type FailOn } from '../gate/run.js';
import { DEFAULT_DRIFT_WINDOW, type DriftRule } from '../history/drift.js';
import { DEFAULT_MAX_ROWS } from '../history/format.js';
import { ConfigError } from '../shared/errors.js';
import { closest } from '../shared/text.js';

export class InputError extends ConfigError {
  constructor(input: string, problem: string) {
    super(`Input '${input}' ${problem}`);
    this.name = 'InputError';
  }
}

interface CrossRun {
  runId: number;
  owner: string;
  repo: string;
  token: string;
}

/** Where the rolling baseline's report artifact is looked for: the newest successful run of a workflow on a branch. */
export interface BaselineArtifactSpec {
  /** The report artifact's name (the upload-report of that workflow). */
  name: string;
  /** Workflow file name (or id); null: this run's workflow, from GITHUB_WORKFLOW_REF. */
  workflow: string | null;
  /** null: the repository's default branch. */
  branch: string | null;
  owner: string;
  repo: string;
  token: string;
}

export type DatasetSpec =
  /** A dataset root in the workspace: index.jsonl + episodes/. */
  | { kind: 'path'; root: string }
  /** An artifact of this run (crossRun null) or of another workflow run. */
  | { kind: 'artifact'; name: string; crossRun: CrossRun | null }
  /** The fixture episodes shipped with the Action. */
  | { kind: 'bundled'; root: string };

/** What the step does: the whole gate, one shard of a matrix, or the merge of the shards. */
export type RunMode =
  /** Scan the dataset and gate it (the default). */
  | { kind: 'scan' }
  /** Scan one shard and upload its partial report as the artifact `artifact`; no gating. */
  | { kind: 'shard'; shard: Shard; artifact: string }
  /** Download this run's artifacts whose names match `pattern`, merge the shard reports, gate the whole. */
  | { kind: 'merge'; pattern: string };

/** The artifact name prefix of shard reports when upload-report is empty. */
const DEFAULT_SHARD_ARTIFACT_PREFIX = 'episode-gate-shard';

const shardArtifactName = (prefix: string, s: Shard): string => `${prefix}-${s.index}-of-${s.count}`;

export interface ActionSettings {
  mode: RunMode;
  /** Where the episodes come from; null when merging (the shards scanned them). */
  dataset: DatasetSpec | null;
  baselinePath: string | null;
  /** A JSON report of an earlier run to judge against (a rolling baseline); `baseline` adds its pinned cases and tolerances. */
  baselineReportPath: string | null;
  /** The report artifact of an earlier run of a workflow, fetched as the rolling baseline. */
  baselineArtifact: BaselineArtifactSpec | null;
  settingsPath: string | null;
  reasons: Reason[] | null;
  host: string | null;
  /** Read tarballs whose real path lies outside the episodes root (default: flagged unreadable, unread). */
  followOutsideLinks: boolean;
  jobs: number | null;
  failOn: FailOn;
  /** Absolute path of the JSON report. */
  reportPath: string;
  /** Artifact name for the report; null = no upload (with a shard: see mode.artifact). */
  uploadReport: string | null;
  /** Artifact name for the HTML report (written next to the JSON report); null = none. */
  htmlReport: string | null;
  /** Absolute path of the folder for the release manifest (SHA256SUMS, manifest.json, statement); null = none. */
  manifestDir: string | null;
  /** When to post the sticky PR comment. */
  comment: CommentMode;
  githubToken: string | null;
  /** Relative paths resolve here (GITHUB_WORKSPACE on a runner). */
  workspace: string;
  /** Scratch space for downloads (RUNNER_TEMP on a runner). */
  tempDir: string;
  /** The audit history kept on a branch of this repository; absent without the `history` input. */
  history?: HistorySettings;
}

export interface HistorySettings {
  owner: string;
  repo: string;
  /** Path of the JSON Lines file on the branch. */
  path: string;
  branch: string;
  maxRows: number;
  drift: { rule: DriftRule; fail: boolean } | null;
}

/**
 * always: every run; on-change: when a verdict, total, warning or setting differs from the
 * baseline (or the gate fails); on-failure: when the gate fails; off: never. A run that does not
 * post still brings an earlier comment up to date, so a stale failure never stays on the PR.
 */
export type CommentMode = 'always' | 'on-change' | 'on-failure' | 'off';
const REPORT_FILE_NAME = 'episode-gate-report.json';

/** Characters GitHub refuses in artifact names (as @actions/artifact validates them). */
const BAD_ARTIFACT_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

export type GetInput = (name: string) => string;

/** Every input action.yml declares (test/action/inputs.test.ts holds the two together). */
export const ACTION_INPUTS = [
  'dataset',
  'artifact',
  'artifact-run-id',
  'artifact-repository',
  'github-token',
  'baseline',
  'baseline-report',
  'baseline-artifact',
  'baseline-workflow',
  'baseline-branch',
  'settings',
  'reasons',
  'host',
  'follow-outside-links',
  'jobs',
  'fail-on',
  'report',
  'upload-report',
  'html-report',
  'shard',
  'merge',
  'manifest',
  'comment',
  'history',
  'history-branch',
  'history-max-rows',
  'drift-tolerance',
  'drift-window',
  'drift-action',
] as const;

/** The environment variable the runner sets for an input (as @actions/core reads it). */
const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/**
 * A `with:` key action.yml does not declare reaches the step only as INPUT_<KEY>, and the runner
 * merely warns of it. Ignoring it would run on a default instead of what was meant: a misspelt
 * `datset` would gate the bundled fixtures and pass. So an unknown input fails, naming the nearest.
 */
function refuseUnknownInputs(env: NodeJS.ProcessEnv): void {
  const known = new Map(ACTION_INPUTS.map((n) => [inputVariable(n), n]));
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith('INPUT_') || known.has(variable)) continue;
    const given = variable.slice('INPUT_'.length).toLowerCase();
    const near = closest(given, ACTION_INPUTS);
    throw new InputError(
      given,
      `is not an input of episode-gate (set as ${variable}), and a misspelt input must not fall back to a default: ${near ? `did you mean '${near}'? ` : ''}the inputs are listed in action.yml (${ACTION_INPUTS.join(', ')})`,
    );
  }
}

export function readActionSettings(getInput: GetInput, env: NodeJS.ProcessEnv, bundledRoot: string): ActionSettings {
  refuseUnknownInputs(env);
  const get = (name: string): string => getInput(name).trim();
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const resolve = (p: string): string => path.resolve(workspace, p);
  const where = (p: string): string => (path.isAbsolute(p) ? p : `${p} (relative to the workspace ${workspace})`);
  const tempDir = env.RUNNER_TEMP || tmpdir();
  const token = get('github-token') || null;

  const existingFile = (input: string, value: string, fix: string): string | null => {
    if (!value) return null;
    const p = resolve(value);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new InputError(input, `names ${where(value)}, which does not exist: ${fix}`);
    if (!st.isFile()) throw new InputError(input, `names ${where(value)}, which is not a file: ${fix}`);
    return p;
  };

  const rawShard = get('shard');
  const pattern = get('merge');
  if (rawShard && pattern) {
    throw new InputError(
      'shard',
      `and 'merge' are both set: each matrix job scans one shard (shard: K/N) and one later job merges them (merge: a name pattern); give one of them`,
    );
  }
  if (pattern) {
    for (const other of ['dataset', 'artifact', 'artifact-run-id', 'artifact-repository', 'settings', 'reasons', 'host', 'jobs']) {
      if (get(other)) {
        throw new InputError(
          'merge',
          `and '${other}' are both set: the shard jobs scanned the dataset (give them '${other}'); the merge job only reads their reports`,
        );
      }
    }
    const bad = BAD_ARTIFACT_CHARS.filter((c) => c !== '*' && c !== '?').find((c) => pattern.includes(c));
    if (bad !== undefined) {
      throw new InputError(
        'merge',
        `is "${pattern}": artifact names cannot contain ${JSON.stringify(bad)}; give a name pattern such as ${DEFAULT_SHARD_ARTIFACT_PREFIX}-* (* and ? match any characters)`,
      );
    }
  }
  let shard: Shard | null = null;
  if (rawShard) {
    try {
      shard = parseShard(rawShard);
    } catch (e) {
      if (!(e instanceof ShardSpecError)) throw e;
      throw new InputError(
        'shard',
        `is "${rawShard}": give K/N with 1 <= K <= N <= 1024, e.g. shard: \${{ matrix.shard }}/4 with shard: [1, 2, 3, 4] in the matrix`,
      );
    }
    for (const [other, why] of [
      ['baseline', 'a shard is not gated alone: give the baseline to the merge job'],
      ['baseline-artifact', 'a shard is not gated alone: give the baseline to the merge job'],
      ['comment', 'the merge job comments on the whole dataset; set comment there'],
      ['manifest', 'a manifest lists the whole dataset: set manifest on the merge job'],
    ] as const) {
      if (other === 'comment' ? readCommentMode(get('comment')) !== 'off' : get(other)) {
        throw new InputError('shard', `and '${other}' are both set: ${why}`);
      }
    }
  }

  const dataset = pattern ? null : readDataset(get, env, resolve, where, bundledRoot, token);

  const baselinePath = existingFile(
    'baseline',
    get('baseline'),
    'commit a baseline there (episode-gate baseline writes one) or leave the input empty to report without gating',
  );
  const baselineReportPath = existingFile(
    'baseline-report',
    get('baseline-report'),
    "download the earlier run's report artifact there first (actions/download-artifact with run-id), or leave the input empty",
  );
  const baselineArtifact = readBaselineArtifact(get, env, token, baselineReportPath !== null);
  const settingsPath = existingFile(
    'settings',
    get('settings'),
    'commit the settings file there or leave the input empty for the defaults',
  );

  let reasons: Reason[] | null = null;
  const rawReasons = get('reasons');
  if (rawReasons) {
    reasons = [];
    for (const r of rawReasons.split(/[\s,]+/).filter(Boolean)) {
      if (!isReason(r)) throw new InputError('reasons', `has "${r}", which is not a reason: use any of ${ALL_REASONS.join(', ')}`);
      if (!reasons.includes(r)) reasons.push(r);
    }
    if (reasons.length === 0) {
      throw new InputError(
        'reasons',
        `is "${rawReasons}", which names no reason: list reasons (${ALL_REASONS.join(', ')}), or leave it empty for all`,
      );
    }
  }

  const host = get('host') || null;
  if (host) {
    const bad = unsafeIdReason(host);
    if (bad) throw new InputError('host', `is "${host}", which ${bad}: give one host_id as it appears in index.jsonl`);
  }

  const followOutsideLinks = readBoolean('follow-outside-links', get('follow-outside-links'));

  let jobs: number | null = null;
  const rawJobs = get('jobs');
  if (rawJobs) {
    jobs = /^\d+$/.test(rawJobs) ? Number(rawJobs) : NaN;
    if (!(jobs >= 1 && jobs <= 256)) {
      throw new InputError('jobs', `is "${rawJobs}": give a whole number from 1 to 256, or leave it empty for one per CPU core`);
    }
  }

  const rawFailOn = get('fail-on') || 'regression';
  if (!(FAIL_ON_CHOICES as readonly string[]).includes(rawFailOn)) {
    throw new InputError('fail-on', `is "${rawFailOn}": use regression (the default), flagged or never`);
  }
  const failOn = rawFailOn as FailOn;

  const rawReport = get('report');
  const reportPath = rawReport ? resolve(rawReport) : path.join(tempDir, 'episode-gate', REPORT_FILE_NAME);
  if (statSync(reportPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError('report', `names ${where(rawReport)}, which is a directory: give a file path such as ${REPORT_FILE_NAME}`);
  }

  /** An artifact name input, refused when it holds a character artifact names cannot have. */
  const artifactName = (input: string, example: string): string | null => {
    const name = get(input) || null;
    const bad = name === null ? undefined : BAD_ARTIFACT_CHARS.find((c) => name.includes(c));
    if (bad !== undefined) {
      throw new InputError(input, `is "${name}": artifact names cannot contain ${JSON.stringify(bad)}; choose a name like ${example}`);
    }
    return name;
  };
  const uploadReport = artifactName('upload-report', 'episode-gate-report');

  const htmlReport = artifactName('html-report', 'episode-gate-html');
  if (htmlReport) {
    if (htmlReport === uploadReport) {
      throw new InputError('html-report', `is "${htmlReport}", the upload-report name too: artifact names must differ`);
    }
    if (shard) {
      throw new InputError('html-report', 'is set with shard: a shard job does not gate; set html-report on the job with merge instead');
    }
  }

  const rawManifest = get('manifest');
  const manifestDir = rawManifest ? resolve(rawManifest) : null;
  if (manifestDir && statSync(manifestDir, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      'manifest',
      `names ${where(rawManifest)}, which is a file: give a folder (it is made if missing), e.g. release-manifest`,
    );
  }

  // Without a token the comment is a warning where there is a pull request to comment on (the
  // comment is presentation, never the gate's outcome); see publish() in main.ts.
  const comment = readCommentMode(get('comment'));

  const history = readHistoryInputs(get, env, shard !== null);

  let mode: RunMode = { kind: 'scan' };
  if (shard) mode = { kind: 'shard', shard, artifact: shardArtifactName(uploadReport ?? DEFAULT_SHARD_ARTIFACT_PREFIX, shard) };
  if (pattern) mode = { kind: 'merge', pattern };

  return {
    mode,
    dataset,
    baselinePath,
    baselineReportPath,
    baselineArtifact,
    settingsPath,
    reasons,
    host,
    followOutsideLinks,
    jobs,
    failOn,
    reportPath,
    uploadReport: mode.kind === 'shard' ? null : uploadReport,
    htmlReport,
    manifestDir,
    comment,
    githubToken: token,
    workspace,
    tempDir,
    ...(history ? { history } : {}),
  };
}

/** Git's rules for a branch name (git check-ref-format), as far as they can be broken by hand. */
const BAD_BRANCH = /(^[-/.]|\/\/|\.\.|@\{|\.lock$|\.lock\/|\/\.|[/.]$|[\s~^:?*[\\\x00-\x1f\x7f])/;

/** The `history`, `history-branch`, `history-max-rows` and `drift-*` inputs; null without `history`. */
function readHistoryInputs(get: (name: string) => string, env: NodeJS.ProcessEnv, shard: boolean): HistorySettings | null {
  const file = get('history').replace(/^\.\//, '');
  const tol = get('drift-tolerance');
  const rawWindow = get('drift-window');
  const rawAction = get('drift-action');
  if (!file) {
    for (const [name, value] of [
      ['history-max-rows', get('history-max-rows')],
      ['drift-tolerance', tol],
    ] as const) {
      if (value) throw new InputError(name, `is set but 'history' is empty: name the history file on the branch, e.g. audit/history.jsonl`);
    }
    return null;
  }
  if (shard) throw new InputError('history', 'is set with shard: a shard job does not gate; set history on the job with merge instead');
  if (path.posix.isAbsolute(file) || file.includes('\\') || file.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new InputError(
      'history',
      `is "${file}": give a path inside the repository such as audit/history.jsonl (no leading /, no . or .. parts)`,
    );
  }
  const branch = get('history-branch') || 'episode-gate-history';
  if (BAD_BRANCH.test(branch)) {
    throw new InputError('history-branch', `is "${branch}", which git refuses as a branch name: give a name such as episode-gate-history`);
  }
  const rawMax = get('history-max-rows');
  const maxRows = rawMax ? (/^\d+$/.test(rawMax) ? Number(rawMax) : NaN) : DEFAULT_MAX_ROWS;
  if (!(maxRows >= 1 && maxRows <= 100000)) {
    throw new InputError(
      'history-max-rows',
      `is "${rawMax}": give a whole number of runs to keep from 1 to 100000 (default ${DEFAULT_MAX_ROWS})`,
    );
  }
  let drift: HistorySettings['drift'] = null;
  if (!tol) {
    if (rawWindow || rawAction) {
      const which = rawWindow ? 'drift-window' : 'drift-action';
      throw new InputError(which, `is set but 'drift-tolerance' is empty: give the rise in percentage points that counts as drift, e.g. 5`);
    }
  } else {
    if (!/^\d+(\.\d+)?$/.test(tol)) throw new InputError('drift-tolerance', `is "${tol}": give percentage points such as 5 or 2.5`);
    const window = rawWindow ? (/^\d+$/.test(rawWindow) ? Number(rawWindow) : NaN) : DEFAULT_DRIFT_WINDOW;
    if (!(window >= 1 && window <= 1000)) {
      throw new InputError(
        'drift-window',
        `is "${rawWindow}": give the runs in each window, a whole number from 1 to 1000 (default ${DEFAULT_DRIFT_WINDOW})`,
      );
    }
    if (rawAction && rawAction !== 'warn' && rawAction !== 'fail') {
      throw new InputError('drift-action', `is "${rawAction}": use warn (the default) or fail`);
    }
    drift = { rule: { window, tolerancePp: Number(tol) }, fail: rawAction === 'fail' };
  }
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!m) {
    throw new InputError(
      'history',
      `needs GITHUB_REPOSITORY (owner/name) to know where the branch is; it is "${env.GITHUB_REPOSITORY ?? ''}"`,
    );
  }
  return { owner: m[1]!, repo: m[2]!, path: file, branch, maxRows, drift };
}

function readBoolean(input: string, value: string): boolean {
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return false;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  throw new InputError(input, `is "${value}": use true or false`);
}

function readCommentMode(value: string): CommentMode {
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return 'off';
  if (/^(true|True|TRUE)$/.test(value)) return 'always';
  if (value === 'always' || value === 'on-change' || value === 'on-failure') return value;
  throw new InputError('comment', `is "${value}": use always, on-change, on-failure or false (true means always)`);
}

function readDataset(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
  resolve: (p: string) => string,
  where: (p: string) => string,
  bundledRoot: string,
  token: string | null,
): DatasetSpec {
  const dataset = get('dataset');
  const artifact = get('artifact');
  const runId = get('artifact-run-id');
  const repository = get('artifact-repository');

  if (dataset && artifact) {
    throw new InputError('dataset', `and 'artifact' are both set: give one of them (a path in the workspace, or an artifact name)`);
  }
  if (!artifact && (runId || repository)) {
    const which = runId ? 'artifact-run-id' : 'artifact-repository';
    throw new InputError(which, `is set but 'artifact' is empty: name the artifact to download, or drop ${which}`);
  }
  if (dataset) {
    const root = resolve(dataset);
    const st = statSync(root, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      throw new InputError(
        'dataset',
        `names ${where(dataset)}, which is not a directory: give a dataset root holding index.jsonl and episodes/`,
      );
    }
    if (!existsSync(path.join(root, 'index.jsonl'))) {
      throw new InputError(
        'dataset',
        `names ${where(dataset)}, which has no index.jsonl: give a dataset root holding index.jsonl and episodes/`,
      );
    }
    return { kind: 'path', root };
  }
  if (artifact) {
    if (!runId) {
      if (repository)
        throw new InputError('artifact-repository', `is set but 'artifact-run-id' is empty: give the run id to download from`);
      return { kind: 'artifact', name: artifact, crossRun: null };
    }
    if (!/^[1-9]\d*$/.test(runId) || !Number.isSafeInteger(Number(runId))) {
      throw new InputError('artifact-run-id', `is "${runId}": give the numeric id of the workflow run (github.run_id of that run)`);
    }
    const repo = repository || env.GITHUB_REPOSITORY || '';
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
    if (!m) {
      throw new InputError(
        'artifact-repository',
        `is "${repo}": give owner/name, e.g. octo-org/lab-exports (it defaults to this repository)`,
      );
    }
    if (!token) {
      throw new InputError('github-token', `is empty, but downloading from another run needs a token with actions: read on ${repo}`);
    }
    return { kind: 'artifact', name: artifact, crossRun: { runId: Number(runId), owner: m[1]!, repo: m[2]!, token } };
  }
  return { kind: 'bundled', root: bundledRoot };
}

function readBaselineArtifact(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
  token: string | null,
  hasBaselineReport: boolean,
): BaselineArtifactSpec | null {
  const name = get('baseline-artifact');
  const workflow = get('baseline-workflow') || null;
  const branch = get('baseline-branch') || null;
  if (!name) {
    const which = workflow ? 'baseline-workflow' : branch ? 'baseline-branch' : null;
    if (which) throw new InputError(which, `is set but 'baseline-artifact' is empty: name the report artifact to fetch, or drop ${which}`);
    return null;
  }
  if (hasBaselineReport) {
    throw new InputError(
      'baseline-artifact',
      `and 'baseline-report' are both set: give one of them (the artifact name to fetch from an earlier run, or the path of a report already downloaded)`,
    );
  }
  const bad = BAD_ARTIFACT_CHARS.find((c) => name.includes(c));
  if (bad !== undefined) {
    throw new InputError(
      'baseline-artifact',
      `is "${name}": artifact names cannot contain ${JSON.stringify(bad)}; give the upload-report name of the earlier runs`,
    );
  }
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!m) {
    throw new InputError('baseline-artifact', 'needs GITHUB_REPOSITORY (owner/name), which is unset: run inside a GitHub Actions job');
  }
  if (!token) {
    throw new InputError(
      'github-token',
      `is empty, but baseline-artifact needs a token with actions: read on ${m[0]}: keep the default \${{ github.token }} and give the job permissions: actions: read`,
    );
  }
  return { name, workflow: workflow && /\//.test(workflow) ? path.basename(workflow) : workflow, branch, owner: m[1]!, repo: m[2]!, token };
}
