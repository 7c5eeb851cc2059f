/**
 * The `baseline-artifact` input: find the newest successful run of a workflow (this run's, by
 * default) on a branch (the default branch, by default) other than this run, through the REST
 * API, and download that run's report artifact through the artifact client, unpacked under our
 * own limits. No earlier successful run at all is the first night: not an error.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient, type FindOptions } from '@actions/artifact';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { BaselineArtifactSpec } from './inputs.js';
import { ArtifactError, downloadArtifactFile } from './dataset-source.js';
import { jsonFiles } from './shard-reports.js';
import { DEFAULT_UNPACK_LIMITS, UnpackError, unpackArchive, type UnpackLimits } from './unpack.js';
import { oneLine } from '../shared/text.js';
import { heldAlarmsOf, type HeldAlarm } from '../gate/held.js';
import { readReport } from '../gate/report.js';

/** The earlier run the baseline came from. */
interface EarlierRun {
  id: number;
  number: number;
  /** ISO 8601, when the run was created. */
  createdAt: string;
  url: string;
}

export type BaselineArtifactResult =
  /**
   * The report artifact of the newest successful run, downloaded to `file`, and the new-cohort
   * alarms of the newest failed run since, held until accepted (held.ts; empty when none).
   */
  | {
      kind: 'report';
      file: string;
      run: EarlierRun;
      workflow: string;
      branch: string;
      held: { run: EarlierRun; alarms: HeldAlarm[] } | null;
    }
  /** The workflow has no successful run on the branch but this one: the first night. */
  | { kind: 'first-night'; workflow: string; branch: string };

const INPUT = "Input 'baseline-artifact'";

type Octokit = ReturnType<typeof getOctokit>;

export async function fetchBaselineArtifact(
  spec: BaselineArtifactSpec,
  tempDir: string,
  env: NodeJS.ProcessEnv = process.env,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<BaselineArtifactResult> {
  const repo = `${spec.owner}/${spec.repo}`;
  const workflow = spec.workflow ?? thisWorkflow(env);
  const octokit = getOctokit(spec.token);
  const branch = spec.branch ?? (await defaultBranch(octokit, spec, env));
  const currentRun = Number(env.GITHUB_RUN_ID ?? NaN);

  let runs;
  try {
    ({ data: runs } = await octokit.rest.actions.listWorkflowRuns({
      owner: spec.owner,
      repo: spec.repo,
      workflow_id: workflow,
      branch,
      status: 'success',
      per_page: 10,
    }));
  } catch (e) {
    throw apiError(e, `listing the successful runs of workflow ${workflow} on ${branch} in ${repo}`, () =>
      (e as { status?: number }).status === 404
        ? `check that ${repo} has the workflow ${workflow} (set baseline-workflow to the file name of the workflow that uploads the report)`
        : null,
    );
  }
  const earlier = runs.workflow_runs
    .filter((r) => r.id !== currentRun && r.conclusion === 'success' && r.head_branch === branch)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id));
  const newest = earlier[0];
  if (!newest) return { kind: 'first-night', workflow, branch };
  const run: EarlierRun = { id: newest.id, number: newest.run_number, createdAt: newest.created_at, url: newest.html_url };
  const label = `run ${run.id} (#${run.number}, ${run.createdAt}) of ${workflow} on ${branch}`;

  const client = new DefaultArtifactClient();
  const file = await downloadReport(client, spec, run, label, tempDir, limits);
  const held = await heldSince(octokit, client, spec, { workflow, branch, currentRun, after: newest.created_at }, tempDir, limits);
  return { kind: 'report', file, run, workflow, branch, held };
}

/**
 * The new-cohort alarms of the newest failed run since the baseline run whose report can be read
 * (held.ts): a failed night's rejected episodes stay regressions until accepted. A failed run
 * whose report is missing or unreadable is skipped with a line in the log (an older one is tried),
 * and so is a failure to list the failed runs: the baseline itself was found.
 */
async function heldSince(
  octokit: Octokit,
  client: DefaultArtifactClient,
  spec: BaselineArtifactSpec,
  where: { workflow: string; branch: string; currentRun: number; after: string },
  tempDir: string,
  limits: UnpackLimits,
): Promise<{ run: EarlierRun; alarms: HeldAlarm[] } | null> {
  let failed;
  try {
    ({ data: failed } = await octokit.rest.actions.listWorkflowRuns({
      owner: spec.owner,
      repo: spec.repo,
      workflow_id: where.workflow,
      branch: where.branch,
      status: 'failure',
      per_page: 10,
    }));
  } catch (e) {
    core.info(
      `episode-gate: the failed runs of ${where.workflow} since the baseline could not be listed (${oneLine((e as Error).message)})`,
    );
    return null;
  }
  const since = failed.workflow_runs
    .filter((r) => r.id !== where.currentRun && r.conclusion === 'failure' && r.head_branch === where.branch && r.created_at > where.after)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id))
    .slice(0, 3);
  for (const r of since) {
    const run: EarlierRun = { id: r.id, number: r.run_number, createdAt: r.created_at, url: r.html_url };
    const label = `run ${run.id} (#${run.number}, ${run.createdAt}) of ${where.workflow} on ${where.branch}`;
    try {
      const file = await downloadReport(client, spec, run, label, tempDir, limits);
      const alarms = heldAlarmsOf(readReport(file, `the report of ${label}`), `run ${run.id} (#${run.number})`);
      core.info(`episode-gate: the failed ${label} holds ${alarms.length} rejected new-cohort alarm(s) until accepted`);
      return { run, alarms };
    } catch (e) {
      core.info(`episode-gate: the failed ${label} has no readable report (${oneLine((e as Error).message)}); trying an older one`);
    }
  }
  return null;
}

/** The report artifact of `run`, downloaded and unpacked under tempDir: its one JSON file. */
async function downloadReport(
  client: DefaultArtifactClient,
  spec: BaselineArtifactSpec,
  run: EarlierRun,
  label: string,
  tempDir: string,
  limits: UnpackLimits,
): Promise<string> {
  const options: FindOptions = {
    findBy: { token: spec.token, workflowRunId: run.id, repositoryOwner: spec.owner, repositoryName: spec.repo },
  };
  let artifact;
  try {
    ({ artifact } = await client.getArtifact(spec.name, options));
  } catch (e) {
    if ((e as Error).name !== 'ArtifactNotFoundError') throw apiError(e, `looking up artifact '${spec.name}' of ${label}`, () => null);
    throw new ArtifactError(
      `${INPUT}: the newest successful ${label}, ${run.url}, has no artifact named '${spec.name}' (${await artifactNames(client, options)}): give the name its upload-report used, or raise that workflow's retention-days if the report expired`,
    );
  }
  core.info(`Downloading artifact '${spec.name}' (id ${artifact.id}, ${artifact.size} bytes) of ${label}`);
  const what = `artifact '${spec.name}' of ${label}`;
  const file = await downloadArtifactFile(client, artifact, options, tempDir, `${INPUT}: ${what}`, (e) =>
    apiError(e, `downloading ${what}`, () => null),
  );
  const unpacked = await mkdtemp(path.join(tempDir, 'episode-gate-baseline-report-'));
  try {
    await unpackArchive(file, unpacked, limits);
  } catch (e) {
    if (e instanceof UnpackError) throw new ArtifactError(`${INPUT}: ${what} was refused: ${e.message.replace(/^[^:]*: /, '')}`);
    throw e;
  }
  const reports = await jsonFiles(unpacked);
  if (reports.length !== 1) {
    throw new ArtifactError(
      `${INPUT}: ${what} holds ${reports.length === 0 ? 'no *.json report' : `${reports.length} JSON files (${reports.slice(0, 5).join(', ')})`}: name the artifact that holds the one JSON report (upload-report)`,
    );
  }
  return path.join(unpacked, reports[0]!);
}

/** This run's workflow file name, from GITHUB_WORKFLOW_REF (owner/repo/.github/workflows/F.yml@ref). */
function thisWorkflow(env: NodeJS.ProcessEnv): string {
  const ref = env.GITHUB_WORKFLOW_REF ?? '';
  const file = /\/\.github\/workflows\/([^/@]+)@/.exec(ref)?.[1];
  if (!file) {
    throw new ArtifactError(
      `${INPUT}: this run's workflow file is unknown (GITHUB_WORKFLOW_REF is ${ref ? `"${ref}"` : 'unset'}): set baseline-workflow to the workflow file name, e.g. nightly-audit.yml`,
    );
  }
  return file;
}

/** The default branch: from the event payload when it names the repository, else from the REST API. */
async function defaultBranch(octokit: Octokit, spec: BaselineArtifactSpec, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: unknown } };
      const b = payload.repository?.default_branch;
      if (typeof b === 'string' && b) return b;
    } catch {
      // No usable payload: ask the API.
    }
  }
  try {
    const { data } = await octokit.rest.repos.get({ owner: spec.owner, repo: spec.repo });
    return data.default_branch;
  } catch (e) {
    throw apiError(e, `reading the default branch of ${spec.owner}/${spec.repo}`, () => null);
  }
}

async function artifactNames(client: DefaultArtifactClient, options: FindOptions): Promise<string> {
  try {
    const { artifacts } = await client.listArtifacts(options);
    const names = [...new Set(artifacts.map((a) => a.name))].sort();
    if (names.length === 0) return 'it has none';
    return `it has ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
  } catch (e) {
    return `its artifacts could not be listed: ${oneLine((e as Error).message)}`;
  }
}

/** One line for a failed API call; 401/403 name the permission the job needs. */
function apiError(e: unknown, doing: string, hint: () => string | null): ArtifactError {
  const err = e as Error & { status?: number };
  const status = typeof err.status === 'number' ? err.status : null;
  const why = status === null ? oneLine(err.message) : `GitHub answered ${status}: ${oneLine(err.message)}`;
  // 401: the token itself was refused (expired, revoked, mistyped); 403: it lacks the permission.
  const fix =
    status === 401
      ? 'github-token was refused as a credential: pass a valid token (the default ${{ github.token }}) with actions: read'
      : status === 403
        ? 'give the job permissions: actions: read (with contents: read), or pass github-token a token with actions: read on the repository'
        : (hint() ?? 'check the inputs and re-run the job');
  return new ArtifactError(`${INPUT}: ${doing} failed (${why}): ${fix}`);
}
