/**
 * Where the episodes come from: a folder in the workspace, an artifact (of this run or of
 * another workflow run) holding the dataset folder or one snapshot file, or the fixture episodes
 * shipped with the Action.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient, type FindOptions } from '@actions/artifact';
import * as core from '@actions/core';
import type { DatasetSpec } from './inputs.js';
import { DEFAULT_UNPACK_LIMITS, UnpackError, sniffArchive, unpackArchive, type UnpackLimits } from './unpack.js';
import { ConfigError } from '../shared/errors.js';

export interface ResolvedDataset {
  root: string;
  indexPath: string;
  episodesRoot: string;
  /** One line for the log and the summary, e.g. "artifact nightly-export of run 42 (octo/lab)". */
  description: string;
}

/** A problem with the artifact (missing, unreachable, not a dataset): one line, what to do. */
export class ArtifactError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactError';
  }
}

const oneLine = (s: string): string => s.split('\n')[0]!.trim();

export async function resolveDataset(
  spec: DatasetSpec,
  tempDir: string,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<ResolvedDataset> {
  if (spec.kind === 'path') return atRoot(spec.root, `the folder ${spec.root}`);
  if (spec.kind === 'bundled') return atRoot(spec.root, `the fixture episodes bundled with the Action (${spec.root})`);
  return fromArtifact(spec.name, spec.crossRun, tempDir, limits);
}

function atRoot(root: string, description: string): ResolvedDataset {
  return { root, indexPath: path.join(root, 'index.jsonl'), episodesRoot: path.join(root, 'episodes'), description };
}

async function fromArtifact(
  name: string,
  crossRun: Extract<DatasetSpec, { kind: 'artifact' }>['crossRun'],
  tempDir: string,
  limits: UnpackLimits,
): Promise<ResolvedDataset> {
  const origin = crossRun ? `run ${crossRun.runId} of ${crossRun.owner}/${crossRun.repo}` : 'this workflow run';
  if (!crossRun && (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL)) {
    throw new ArtifactError(
      `Input 'artifact': the artifact service is not available here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL unset): run inside a GitHub Actions job, or use the 'dataset' input`,
    );
  }
  const options: FindOptions = crossRun
    ? {
        findBy: {
          token: crossRun.token,
          workflowRunId: crossRun.runId,
          repositoryOwner: crossRun.owner,
          repositoryName: crossRun.repo,
        },
      }
    : {};
  const client = new DefaultArtifactClient();
  let artifact;
  try {
    ({ artifact } = await client.getArtifact(name, options));
  } catch (e) {
    throw describeClientError(e, name, origin, crossRun !== null);
  }
  core.info(`Downloading artifact '${name}' (id ${artifact.id}, ${artifact.size} bytes) from ${origin}`);
  const file = await downloadArtifactFile(client, artifact, options, tempDir, `artifact '${name}' from ${origin}`, (e) =>
    describeClientError(e, name, origin, crossRun !== null),
  );

  const label = `artifact '${name}'`;
  const unpacked = await mkdtemp(path.join(tempDir, 'episode-gate-dataset-'));
  await unpackOrExplain(file, unpacked, limits, label);
  let root = await findDatasetRoot(unpacked);
  if (!root) {
    // The artifact may hold one snapshot file (dataset.tar.zst, ...) rather than the folder.
    const inner = await readdir(unpacked, { withFileTypes: true });
    if (inner.length === 1 && inner[0]!.isFile()) {
      const snapshot = path.join(unpacked, inner[0]!.name);
      if (await sniffArchive(snapshot)) {
        const second = await mkdtemp(path.join(tempDir, 'episode-gate-snapshot-'));
        await unpackOrExplain(snapshot, second, limits, `${label}: ${inner[0]!.name}`);
        root = await findDatasetRoot(second);
        if (!root) throw notADataset(`${label}: snapshot ${inner[0]!.name}`, second);
      }
    }
  }
  if (!root) throw notADataset(label, unpacked);
  return atRoot(root, `artifact '${name}' from ${origin}`);
}

async function unpackOrExplain(file: string, dest: string, limits: UnpackLimits, label: string): Promise<void> {
  try {
    await unpackArchive(file, dest, limits);
  } catch (e) {
    if (e instanceof UnpackError) {
      // The file's own name (a temp name) says less than the artifact's.
      throw new UnpackError(`${label}: ${e.message.replace(/^[^:]*: /, '')}`);
    }
    throw e;
  }
}

/** The folder holding index.jsonl: `dir` itself or its one subfolder. */
async function findDatasetRoot(dir: string): Promise<string | null> {
  const has = async (d: string): Promise<boolean> => (await stat(path.join(d, 'index.jsonl')).catch(() => null))?.isFile() ?? false;
  if (await has(dir)) return dir;
  const entries = await readdir(dir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory());
  if (entries.length === 1 && dirs.length === 1 && (await has(path.join(dir, dirs[0]!.name)))) return path.join(dir, dirs[0]!.name);
  return null;
}

function notADataset(label: string, dir: string): ArtifactError {
  return new ArtifactError(
    `${label} holds no dataset: expected index.jsonl and episodes/ at its top level or in its one folder (found: ${listing(dir)}); upload the dataset folder or one .zip/.tar/.tar.zst of it`,
  );
}

function listing(dir: string): string {
  const names = readdirSync(dir);
  return names.length === 0 ? 'nothing' : names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '');
}

function describeClientError(e: unknown, name: string, origin: string, crossRun: boolean): Error {
  const err = e as Error & { status?: number };
  if (err.name === 'ArtifactNotFoundError') {
    const hint = crossRun
      ? 'check the name, artifact-run-id and artifact-repository, and that the artifact has not expired'
      : 'check the name, that the upload step ran earlier in this run, or set artifact-run-id to take it from another run';
    return new ArtifactError(`Input 'artifact': no artifact named '${name}' in ${origin}: ${hint}`);
  }
  if (err.name === 'GHESNotSupportedError') {
    return new ArtifactError(
      `Input 'artifact': artifacts cannot be downloaded on GitHub Enterprise Server by this client; use the 'dataset' input`,
    );
  }
  if (typeof err.status === 'number') {
    const hint =
      err.status === 401 || err.status === 403
        ? 'give github-token a token with actions: read on that repository'
        : 'check artifact-run-id and artifact-repository';
    return new ArtifactError(`artifact '${name}' from ${origin}: GitHub API answered ${err.status} (${oneLine(err.message)}); ${hint}`);
  }
  return new ArtifactError(`artifact '${name}' from ${origin}: ${oneLine(err.message)}`);
}

/**
 * Downloads one artifact through the client, as the single file it is stored as (a zip, or one
 * raw file), unpacked later under our own rules and limits; checks the recorded digest. `what`
 * starts each error line; the client's own failures go through `onError`. Returns the file's path.
 */
export async function downloadArtifactFile(
  client: DefaultArtifactClient,
  artifact: { id: number; digest?: string | undefined },
  options: FindOptions,
  tempDir: string,
  what: string,
  onError: (e: unknown) => Error,
): Promise<string> {
  const download = await mkdtemp(path.join(tempDir, 'episode-gate-download-'));
  let digestMismatch: boolean | undefined;
  try {
    ({ digestMismatch } = await client.downloadArtifact(artifact.id, {
      ...options,
      path: download,
      skipDecompress: true,
      ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
    }));
  } catch (e) {
    throw onError(e);
  }
  if (digestMismatch) throw new ArtifactError(`${what}: the download does not match its recorded digest; re-run the job`);
  const files = await readdir(download);
  if (files.length !== 1) throw new ArtifactError(`${what}: expected one downloaded file, got ${files.length}`);
  return path.join(download, files[0]!);
}
