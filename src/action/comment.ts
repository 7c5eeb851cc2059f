/**
 * One sticky pull-request comment with the summary per gate: found again by a hidden marker and
 * updated in place, so a PR carries one comment per gate however many times the job runs. The
 * marker holds a key of the gate (its workflow, job and dataset), so two jobs on one PR each keep
 * their own comment. Commenting is presentation: every
 * failure (a fork PR's read-only token answers 403) is a warning.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getOctokit } from '@actions/github';
import { esc } from '../render/markdown.js';
import { hasChange, type SummaryModel } from '../render/model.js';
import path from 'node:path';
import type { ActionSettings, CommentMode } from './inputs.js';

/** The marker of comments written before they were keyed: such a comment is taken over by the first gate that finds it. */
const LEGACY_COMMENT_MARKER = '<!-- episode-gate:sticky-summary -->';

/**
 * What tells this gate apart from another on the same pull request: the workflow and job, and the
 * data it gates (a workspace path, an artifact's name without its run, the shards' name pattern),
 * which tells the jobs of a matrix over datasets apart. Stable from run to run of the same job:
 * not the settings, which a pull request may change, so that its comment is the one brought up to date.
 */
export function gateIdentity(s: ActionSettings, env: NodeJS.ProcessEnv): Array<string | null> {
  const rel = (p: string | null): string | null => (p === null ? null : path.relative(s.workspace, p) || '.');
  const data =
    s.mode.kind === 'merge'
      ? `merge:${s.mode.pattern}`
      : s.dataset === null
        ? null
        : s.dataset.kind === 'artifact'
          ? `artifact:${s.dataset.name}`
          : s.dataset.kind === 'bundled'
            ? 'bundled'
            : `path:${rel(s.dataset.root)}`;
  return [env.GITHUB_WORKFLOW ?? null, env.GITHUB_JOB ?? null, data];
}

/** The hidden marker of one gate's comment: a short hash of what tells the gate apart from others on the PR. */
export function commentMarker(gate: ReadonlyArray<string | null>): string {
  const key = createHash('sha256').update(JSON.stringify(gate)).digest('hex').slice(0, 16);
  return `<!-- episode-gate:sticky-summary key=${key} -->`;
}
/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65536;

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export type CommentResult =
  { action: 'created' | 'updated'; id: number; url: string } | { action: 'skipped'; why: string } | { action: 'failed'; why: string };

/** The pull request this run is about, from the event payload; null for other events. */
export function pullRequestOfRun(env: NodeJS.ProcessEnv): PullRequestRef | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || !env.GITHUB_EVENT_PATH) return null;
  let payload: { pull_request?: { number?: unknown } };
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    return null;
  }
  const n = payload.pull_request?.number;
  return typeof n === 'number' && Number.isInteger(n) ? { owner, repo, number: n } : null;
}

/**
 * What this run does with the comment: post the full summary (creating the comment if needed),
 * or only bring an earlier comment up to date with a brief note (never creating one).
 */
export function shouldComment(mode: CommentMode, m: SummaryModel): 'full' | 'update-only' {
  if (mode === 'always') return 'full';
  const failed = m.lead.status === 'failed';
  if (mode === 'on-failure') return failed ? 'full' : 'update-only';
  return failed || hasChange(m) ? 'full' : 'update-only';
}

/** A short comment for a run that has nothing to show: it replaces an earlier, now stale, one. */
export function briefCommentBody(m: SummaryModel, mode: CommentMode, runUrl: string | null, marker: string): string {
  const c = m.report.counts;
  const what =
    m.lead.status === 'failed'
      ? 'failed'
      : m.comparison && !hasChange(m)
        ? `no change against ${esc(m.baselineName ?? 'the baseline')}`
        : 'passed';
  const mark = m.lead.status === 'failed' ? '❌' : '✅';
  const why = mode === 'on-failure' ? 'comment: on-failure' : 'comment: on-change';
  return (
    `${marker}\n### ${mark} episode-gate: ${what} — ${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged\n\n` +
    `_Nothing to review here (${why})${runUrl ? `; the [job summary](${runUrl}) has the details` : ''}._\n`
  );
}

export function commentBody(markdown: string, runUrl: string | null, marker: string): string {
  const head = `${marker}\n`;
  const body = head + markdown;
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const note = `\n\n_The summary was cut to fit a comment${runUrl ? `; the whole of it is in the [job summary](${runUrl})` : ''}._\n`;
  let cut = markdown.slice(0, MAX_COMMENT_CHARS - head.length - note.length);
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  return head + cut + note;
}

/**
 * `marker`: the gate's (commentMarker), which `body` starts with. `create: false` only updates an
 * earlier comment (a brief note that must not start a thread).
 */
export async function upsertComment(
  token: string,
  pr: PullRequestRef,
  body: string,
  marker: string,
  opts: { create?: boolean } = {},
): Promise<CommentResult> {
  const octokit = getOctokit(token);
  const where = `${pr.owner}/${pr.repo}#${pr.number}`;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      per_page: 100,
    });
    const previous = comments.find((c) => c.body?.includes(marker)) ?? comments.find((c) => c.body?.startsWith(LEGACY_COMMENT_MARKER));
    if (previous) {
      const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: previous.id, body });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    if (opts.create === false) return { action: 'skipped', why: 'nothing changed, and there is no earlier comment to update' };
    const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (e) {
    const err = e as Error & { status?: number };
    const first = err.message.split('\n')[0]!.trim();
    if (err.status === 403 || err.status === 404) {
      return {
        action: 'failed',
        why: `could not comment on ${where} (${err.status}: ${first}); a fork's pull request gets a read-only token, and otherwise the job needs permissions: pull-requests: write`,
      };
    }
    return { action: 'failed', why: `could not comment on ${where}: ${first}` };
  }
}
