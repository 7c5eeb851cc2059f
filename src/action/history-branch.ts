/**
 * The audit history kept as one file on a branch of the repository, through the REST API alone
 * (no git checkout, no force push): the contents API reads it with its blob sha and writes it
 * back giving that sha, so a write made on a stale read is refused (409) and is redone on the new
 * content; a missing branch is created as an orphan holding only the history (git data API).
 */
import type { getOctokit } from '@actions/github';
import { formatHistory, mergeRows, parseHistory, type HistoryRow } from '../history/format.js';
import { ConfigError } from '../shared/errors.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface HistoryLocation {
  owner: string;
  repo: string;
  path: string;
  branch: string;
}

/** The history as read: the file's text and blob sha (null: no file), and whether the branch exists. */
export interface HistorySnapshot {
  text: string | null;
  sha: string | null;
  branchExists: boolean;
}

/** An error of the REST API: its HTTP status and GitHub's message. */
interface ApiError {
  status: number;
  message: string;
}

export function apiError(e: unknown): ApiError | null {
  const err = e as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } };
  if (typeof err?.status !== 'number') return null;
  const data = err.response?.data?.message;
  const message = typeof data === 'string' ? data : typeof err.message === 'string' ? err.message : '';
  return { status: err.status, message: message.split('\n')[0]!.trim() };
}

/** The file on the branch; a missing file or branch is an empty history. */
export async function readHistoryBranch(octokit: Octokit, loc: HistoryLocation): Promise<HistorySnapshot> {
  const { owner, repo, path, branch } = loc;
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file') {
      throw new ConfigError(`the history ${path} on branch ${branch} is not a file: give the path of a file (the history input)`);
    }
    let content = 'content' in data ? data.content : '';
    // Above 1 MB the contents API leaves the content out ("encoding": "none"): the blob API has it.
    if ((!('encoding' in data) || data.encoding !== 'base64') && data.size > 0) {
      content = (await octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha })).data.content;
    }
    return { text: Buffer.from(content, 'base64').toString('utf8'), sha: data.sha, branchExists: true };
  } catch (e) {
    if (apiError(e)?.status !== 404) throw e;
  }
  try {
    await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return { text: null, sha: null, branchExists: true };
  } catch (e) {
    if (apiError(e)?.status === 404) return { text: null, sha: null, branchExists: false };
    throw e;
  }
}

export function historyName(loc: HistoryLocation): string {
  return `${loc.path} on branch ${loc.branch}`;
}

export function rowsOf(snapshot: HistorySnapshot, loc: HistoryLocation): HistoryRow[] {
  return snapshot.text === null ? [] : parseHistory(snapshot.text, historyName(loc));
}

export type StoreResult =
  /** The branch did not exist: it was made, holding only the history. */
  | { action: 'created-branch'; rows: number; commit: string; conflicts: number }
  | { action: 'written'; rows: number; commit: string; conflicts: number }
  /** The file already held this run's row as it would be written (a re-run of the same attempt). */
  | { action: 'unchanged'; rows: number; conflicts: number };

export class HistoryConflictError extends Error {}

export interface StoreOptions {
  maxRows: number;
  message: string;
  /** Attempts in all, the first included. */
  tries?: number;
  /** The wait before the next attempt after `conflicts` conflicts. */
  backoff?: (conflicts: number) => Promise<void>;
}

const jitteredBackoff = (conflicts: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 150 * 2 ** (conflicts - 1) * (0.5 + Math.random())));

/** A write lost to another writer: the file changed since it was read (409), or was made meanwhile (422). */
function isConflict(e: unknown): boolean {
  const a = apiError(e);
  return a !== null && (a.status === 409 || (a.status === 422 && /sha|already exists/i.test(a.message)));
}

/**
 * Add `row` to the history (a row of the same run replaced, the newest `maxRows` kept) and write
 * it back, starting from `first` (the content read before the gate). When another writer got in
 * between, read again and add the row to the new content: its rows are kept, never overwritten.
 */
export async function storeHistoryRow(
  octokit: Octokit,
  loc: HistoryLocation,
  first: HistorySnapshot,
  row: HistoryRow,
  opts: StoreOptions,
): Promise<StoreResult> {
  const tries = opts.tries ?? 5;
  const backoff = opts.backoff ?? jitteredBackoff;
  const { owner, repo, path, branch } = loc;
  let snapshot = first;
  for (let conflicts = 0; ;) {
    const rows = mergeRows(rowsOf(snapshot, loc), [row], opts.maxRows);
    const text = formatHistory(rows);
    if (text === snapshot.text) return { action: 'unchanged', rows: rows.length, conflicts };
    const content = Buffer.from(text, 'utf8').toString('base64');
    try {
      if (!snapshot.branchExists) {
        const commit = await createOrphanBranch(octokit, loc, content, opts.message);
        return { action: 'created-branch', rows: rows.length, commit, conflicts };
      }
      const { data } = await octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path,
        branch,
        message: opts.message,
        content,
        ...(snapshot.sha ? { sha: snapshot.sha } : {}),
      });
      return { action: 'written', rows: rows.length, commit: data.commit.sha ?? '', conflicts };
    } catch (e) {
      if (!isConflict(e)) throw e;
      conflicts++;
      if (conflicts >= tries) {
        throw new HistoryConflictError(
          `${tries} writes of ${historyName(loc)} were each overtaken by another writer; this run's row was not stored`,
        );
      }
      await backoff(conflicts);
      snapshot = await readHistoryBranch(octokit, loc);
    }
  }
}

/** A new branch whose one commit (no parents) holds only the history file. */
async function createOrphanBranch(octokit: Octokit, loc: HistoryLocation, content: string, message: string): Promise<string> {
  const { owner, repo, path, branch } = loc;
  const blob = await octokit.rest.git.createBlob({ owner, repo, content, encoding: 'base64' });
  const tree = await octokit.rest.git.createTree({ owner, repo, tree: [{ path, mode: '100644', type: 'blob', sha: blob.data.sha }] });
  const commit = await octokit.rest.git.createCommit({ owner, repo, message, tree: tree.data.sha, parents: [] });
  // 422 "Reference already exists" when another writer made the branch first: a conflict, retried.
  await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
  return commit.data.sha;
}
