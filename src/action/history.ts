/**
 * The Action's audit history: read from its branch before the gate (the summary's trend, this run
 * its newest point), written back after it with this run's row. Pull request runs only read. The
 * history is presentation and record, never the verdict: a token that may not read or write it,
 * or a history that cannot be parsed, is a warning, and the gate's result stands.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { GateHistory, GateOutcome } from '../gate/run.js';
import { rowFromReport, runMetaFromEnv, type HistoryRow } from '../history/format.js';
import { esc } from '../render/markdown.js';
import { ConfigError } from '../shared/errors.js';
import { oneLine } from '../shared/text.js';
import {
  HistoryConflictError,
  apiError,
  historyName,
  readHistoryBranch,
  rowsOf,
  storeHistoryRow,
  type HistoryLocation,
  type HistorySnapshot,
} from './history-branch.js';
import type { ActionSettings, HistorySettings } from './inputs.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface ActionHistory {
  settings: HistorySettings;
  octokit: Octokit | null;
  /** The history as read; null when it could not be. */
  snapshot: HistorySnapshot | null;
  rows: HistoryRow[];
  /** Why this run's row is not stored; null when it is to be. */
  notStored: string | null;
}

const location = (h: HistorySettings): HistoryLocation => ({ owner: h.owner, repo: h.repo, path: h.path, branch: h.branch });

/** pull_request, pull_request_target and the other pull request events never write. */
function isPullRequestEvent(env: NodeJS.ProcessEnv): boolean {
  return /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '');
}

/** Why the REST call failed, and which permission the job needs when it was refused. */
function problem(e: unknown, doing: string, permission: string): string {
  if (e instanceof ConfigError || e instanceof HistoryConflictError) return e.message;
  const a = apiError(e);
  if (a && (a.status === 403 || /not accessible by integration/i.test(a.message)))
    return `the token may not ${doing} (${a.status}: ${a.message}); give the job permissions: ${permission} (a fork's pull request gets a read-only token)`;
  if (a?.status === 401) return `github-token was refused (401: ${a.message}); pass a valid token with ${permission}`;
  if (a) return `could not ${doing} (${a.status}: ${a.message})`;
  const err = e instanceof Error ? e : new Error(String(e));
  return `could not ${doing} (${err.message})`;
}

/** Read the history for the trend; null without the `history` input. */
export async function loadHistory(settings: ActionSettings, env: NodeJS.ProcessEnv): Promise<ActionHistory | null> {
  const h = settings.history;
  if (!h) return null;
  const name = historyName(location(h));
  const prNote = isPullRequestEvent(env) ? 'a pull request run never writes the history' : null;
  if (!settings.githubToken) {
    const why = `github-token is empty, so the history ${name} is neither read nor stored; pass github-token (the default \${{ github.token }}) with permissions: contents: write`;
    core.warning(why, { title: 'episode-gate: no history' });
    return { settings: h, octokit: null, snapshot: null, rows: [], notStored: prNote ?? 'github-token is empty' };
  }
  const octokit = getOctokit(settings.githubToken);
  try {
    const snapshot = await readHistoryBranch(octokit, location(h));
    const rows = rowsOf(snapshot, location(h));
    core.info(
      snapshot.branchExists
        ? `episode-gate: history: ${rows.length} run(s) read from ${name}`
        : `episode-gate: history: the branch ${h.branch} does not exist yet`,
    );
    return { settings: h, octokit, snapshot, rows, notStored: prNote };
  } catch (e) {
    const why = problem(e, `read the history ${name}`, 'contents: read');
    core.warning(oneLine(`${why}; this run's row is not stored`), { title: 'episode-gate: history not read' });
    return { settings: h, octokit, snapshot: null, rows: [], notStored: prNote ?? 'the history could not be read' };
  }
}

/** What the gate takes: the rows, this run's commit and run id, the drift rule. */
export function gateHistory(h: ActionHistory, env: NodeJS.ProcessEnv): GateHistory {
  return { rows: h.rows, meta: runMetaFromEnv(env), drift: h.settings.drift };
}

/**
 * Store this run's row (unless a pull request's run or the read failed). Returns the summary's
 * line on it and, when the row is not stored, why (the trend marks its last point with it).
 */
export async function storeHistory(
  h: ActionHistory,
  outcome: GateOutcome,
  env: NodeJS.ProcessEnv,
): Promise<{ footer: string; notStored: string | null }> {
  const loc = location(h.settings);
  const file = `\`${esc(h.settings.path)}\` on branch \`${esc(h.settings.branch)}\``;
  if (h.notStored || !h.octokit || !h.snapshot) {
    const why = h.notStored ?? 'the history could not be read';
    return { footer: `History: ${file}; this run is its last point, not stored (${esc(why)}).`, notStored: why };
  }
  const meta = runMetaFromEnv(env);
  // The report carries the gate's decision (gateReport wrote it in), which the row records.
  const row = rowFromReport(outcome.report, meta, outcome.comparison);
  const c = outcome.report.counts;
  try {
    const r = await storeHistoryRow(h.octokit, loc, h.snapshot, row, {
      maxRows: h.settings.maxRows,
      message: `episode-gate: run ${meta.run ?? row.time}: scanned ${c.scanned}, flagged ${c.flagged}`,
    });
    const redone = r.conflicts > 0 ? `, redone on the new content after ${r.conflicts} conflicting write(s) by another job` : '';
    if (r.action === 'created-branch') {
      core.info(`episode-gate: history: created the branch ${loc.branch} (an orphan holding only the history) with ${loc.path}`);
      return {
        footer: `History: created the branch \`${esc(loc.branch)}\` (holding only the history) with this run as the first row of \`${esc(loc.path)}\`${redone}.`,
        notStored: null,
      };
    }
    if (r.action === 'unchanged') {
      core.info(`episode-gate: history: this run's row is already in ${historyName(loc)}; nothing written`);
      return { footer: `History: ${file} already holds this run's row; nothing written.`, notStored: null };
    }
    core.info(`episode-gate: history: stored in ${historyName(loc)} (${r.rows} runs kept, commit ${r.commit.slice(0, 7)})${redone}`);
    return { footer: `History: this run stored in ${file}, ${r.rows} runs kept${redone}.`, notStored: null };
  } catch (e) {
    const why = problem(e, `write the history ${historyName(loc)}`, 'contents: write');
    core.warning(oneLine(`${why}; this run's row is not stored`), { title: 'episode-gate: history not stored' });
    return { footer: `History: ${file}; this run is its last point, not stored (${esc(why, 400)}).`, notStored: 'it could not be written' };
  }
}

/** Drift that only warns becomes a warning annotation (drift that fails is the gate's failure). */
export function warnDrift(outcome: GateOutcome): void {
  if (!outcome.passed && outcome.trend?.driftFails) return;
  for (const a of outcome.drift) core.warning(a.message, { title: 'episode-gate: drift' });
}
