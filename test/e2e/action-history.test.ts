/**
 * The Action keeps the audit history on a branch through the REST API: dist/index.js run as a
 * process, with the real Octokit client, against the loopback fake GitHub's contents and git data
 * endpoints (git blob shas, 409 on a stale sha).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { REPO } from '../support/helpers.js';
import { runAction, type ActionRun } from '../support/run-action.js';

const BRANCH = 'episode-gate-history';
const FILE = 'audit/history.jsonl';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  await gh.stop();
});

function run(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { history: FILE, 'github-token': gh.restToken, ...inputs },
    env: { ...gh.env(), GITHUB_EVENT_NAME: 'schedule', GITHUB_SHA: 'c0ffee0000000000000000000000000000000000', ...env },
  });
}

/** A row of an earlier night: `flagged` of 10 episodes on lab-a. */
function night(day: number, flagged = 0, run = `${100 + day}`): string {
  const row = {
    v: 1,
    time: `2026-01-${String(day).padStart(2, '0')}T02:00:00.000Z`,
    commit: 'a'.repeat(40),
    run,
    fingerprint: 'sha256:earlier',
    settings_hash: 'sha256:defaults',
    tool_version: '0.0.1',
    scanned: 10,
    kept: 10 - flagged,
    flagged,
    by_reason: flagged ? { 'flat-cpu': flagged } : {},
    hosts: { 'lab-a': [10, flagged] },
  };
  return `${JSON.stringify(row)}\n`;
}

const seed = (text: string): string => gh.git.commitFile(BRANCH, FILE, Buffer.from(text), 'seed');
const runsOf = (): (string | null)[] =>
  (gh.git.file(BRANCH, FILE) ?? '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { run: string | null }).run);
const writes = () => gh.requests.filter((r) => r.method !== 'GET' && /\/(contents|git)\//.test(r.path));
const gitBlobSha = (text: string): string =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
const warnings = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('the history branch', () => {
  it('the first run creates an orphan branch holding only the history, with this run as its one row', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    const log = gh.git.log(BRANCH);
    expect(log).toHaveLength(1);
    expect(log[0]!.parents).toEqual([]);
    expect([...gh.git.trees.get(log[0]!.tree)!.keys()]).toEqual([FILE]);
    expect(runsOf()).toEqual(['4242']);
    // With no baseline the run judged nothing: its row records no decision.
    expect(JSON.parse(gh.git.file(BRANCH, FILE)!)).not.toHaveProperty('gate');
    expect(r.summary).toContain('Trend over the last 1 run');
    expect(r.summary).toContain('History: created the branch `episode-gate-history`');
    expect(gh.git.branches.has('main')).toBe(true);
  });

  it('a second run appends with the blob sha it read; the same run again replaces its row, and so does its re-run attempt (a night counts once)', async () => {
    expect((await run()).code).toBe(0);
    const first = gh.git.file(BRANCH, FILE)!;
    const r = await run({}, { GITHUB_RUN_ID: '4243' });
    expect(r.code).toBe(0);
    expect(runsOf()).toEqual(['4242', '4243']);
    const put = gh.requests.filter((q) => q.method === 'PUT' && decodeURIComponent(q.path).endsWith('/contents/audit/history.jsonl'));
    expect(put).toHaveLength(1);
    expect(put[0]!.json).toMatchObject({ branch: BRANCH, sha: gitBlobSha(first) });
    expect(r.summary).toContain('Trend over the last 2 runs');
    expect(r.summary).toContain('History: this run stored in');
    expect(gh.git.log(BRANCH)).toHaveLength(2);

    // The same run and attempt again (a step run twice): its row is replaced, not added.
    const again = await run({}, { GITHUB_RUN_ID: '4243' });
    expect(again.code).toBe(0);
    expect(runsOf()).toEqual(['4242', '4243']);

    const rerun = await run({}, { GITHUB_RUN_ID: '4243', GITHUB_RUN_ATTEMPT: '2' });
    expect(rerun.code).toBe(0);
    expect(runsOf()).toEqual(['4242', '4243-2']);
    expect(rerun.summary).toContain('Trend over the last 2 runs');
  });

  it("a gated run records the gate's decision in its row, and the summary's table shows it", async () => {
    const r = await run({ baseline: path.join(REPO, 'fixtures', 'baseline.json') }, { GITHUB_RUN_ID: '5000' });
    expect(r.code).toBe(0);
    const row = JSON.parse(gh.git.file(BRANCH, FILE)!.trim().split('\n').pop()!) as { run: string; gate?: string };
    expect([row.run, row.gate]).toEqual(['5000', 'passed']);
    expect(r.summary).toMatch(/\| 1 \| [^|]+ \| [^|]* \| ✅ passed \|/);
  });

  it('keeps only the newest history-max-rows runs', async () => {
    seed([1, 2, 3, 4, 5].map((d) => night(d)).join(''));
    const r = await run({ 'history-max-rows': '3' });
    expect(r.code).toBe(0);
    expect(runsOf()).toEqual(['104', '105', '4242']);
  });

  it('reads a history above the contents API inline limit through the blob API', async () => {
    seed([1, 2, 3].map((d) => night(d)).join(''));
    gh.contentsInlineLimit = 100;
    const r = await run();
    expect(r.code).toBe(0);
    expect(gh.requests.some((q) => q.method === 'GET' && /\/git\/blobs\/[0-9a-f]{40}$/.test(q.path))).toBe(true);
    expect(runsOf()).toEqual(['101', '102', '103', '4242']);
    expect(r.summary).toContain('Trend over the last 4 runs');
  });
});

describe('pull requests', () => {
  it('read the history and show their run as the last point, not stored; nothing is written', async () => {
    seed([1, 2, 3].map((d) => night(d)).join(''));
    const before = gh.git.branches.get(BRANCH);
    const r = await run({}, { GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(gh.git.branches.get(BRANCH)).toBe(before);
    expect(r.summary).toContain('Trend over the last 4 runs');
    expect(r.summary).toContain('| 4 (this run, not stored) |');
    expect(r.summary).toContain('a pull request run never writes the history');
  });

  it('pull_request_target does not write either, not even a missing branch', async () => {
    const r = await run({}, { GITHUB_EVENT_NAME: 'pull_request_target' });
    expect(r.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(gh.git.branches.has(BRANCH)).toBe(false);
  });
});

describe('a token that may not write', () => {
  it('is a warning naming contents: write, and the gate passes as it would', async () => {
    gh.contentsWriteStatus = 403;
    const r = await run({ 'fail-on': 'never' });
    expect(r.code).toBe(0);
    expect(warnings(r).join('\n')).toMatch(/403: Resource not accessible by integration.*permissions: contents: write/);
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(gh.git.branches.has(BRANCH)).toBe(false);
    expect(r.summary).toContain('(this run, not stored)');
  });

  it('is a warning, and the gate fails for its own reason only', async () => {
    gh.contentsWriteStatus = 403;
    const r = await run({ 'fail-on': 'flagged' });
    expect(r.code).toBe(1);
    expect(warnings(r).join('\n')).toContain('contents: write');
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(1);
    // The bundled fixtures also hold index rows without tarballs and skipped lines, which fail-on: flagged fails on too.
    expect(errors[0]).toMatch(
      /^episode-gate: \d+ episodes? flagged \(.*\) with fail-on: flagged; \d+ index rows? .*: fail-on: flagged cannot judge their episodes; restore the tarballs, or drop those lines from the index\. Note: to release, build the export without the \d+ flagged episodes \(cis490-prune --archive on the export's own copy moves them out\) and gate it again$/,
    );
  });

  it('no token at all is a warning too', async () => {
    const r = await run({ 'github-token': '' });
    expect(r.code).toBe(0);
    expect(warnings(r).join('\n')).toMatch(/github-token is empty.*contents: write/);
    expect(writes()).toEqual([]);
  });
});

describe('another writer', () => {
  it('changes the file between the read and the write: the write is redone on the new content and both rows survive', async () => {
    seed(night(1));
    gh.beforeContentsWrite = () => {
      gh.git.commitFile(BRANCH, FILE, Buffer.from(gh.git.file(BRANCH, FILE)! + night(2, 0, 'other-job')), 'another job');
    };
    const r = await run();
    expect(r.code).toBe(0);
    expect(runsOf()).toEqual(['101', 'other-job', '4242']);
    const puts = gh.requests.filter((q) => q.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(r.summary).toContain('after 1 conflicting write(s) by another job');
  });
});

describe('a writer that always gets in first', () => {
  it('is given up after 5 tries with a warning; every one of its rows is kept', async () => {
    seed(night(1));
    let other = 0;
    const interfere = (): void => {
      other++;
      gh.git.commitFile(BRANCH, FILE, Buffer.from(gh.git.file(BRANCH, FILE)! + night(1 + other, 0, `other-${other}`)), 'another job');
      gh.beforeContentsWrite = interfere;
    };
    gh.beforeContentsWrite = interfere;
    const r = await run();
    expect(r.code).toBe(0);
    expect(gh.requests.filter((q) => q.method === 'PUT')).toHaveLength(5);
    expect(warnings(r).join('\n')).toContain(
      "5 writes of audit/history.jsonl on branch episode-gate-history were each overtaken by another writer; this run's row was not stored",
    );
    expect(runsOf()).toEqual(['101', 'other-1', 'other-2', 'other-3', 'other-4', 'other-5']);
  });
});

describe('a token that may not read', () => {
  it('is a warning naming contents: read; nothing is written', async () => {
    seed(night(1));
    gh.contentsReadStatus = 403;
    const r = await run();
    expect(r.code).toBe(0);
    expect(warnings(r).join('\n')).toMatch(/may not read the history .*permissions: contents: read/);
    expect(writes()).toEqual([]);
  });
});

describe('the history as read', () => {
  it('a line that is not a row is a warning naming the line, and the file is left as it is', async () => {
    seed(night(1) + 'not json\n');
    const before = gh.git.file(BRANCH, FILE);
    const r = await run();
    expect(r.code).toBe(0);
    expect(warnings(r).join('\n')).toContain(`${FILE} on branch ${BRANCH} line 2 is not JSON`);
    expect(gh.git.file(BRANCH, FILE)).toBe(before);
    expect(writes()).toEqual([]);
  });

  it('the drift rule from the inputs fails the gate and is named', async () => {
    seed(night(1, 0));
    const r = await run({ 'drift-tolerance': '1', 'drift-window': '1', 'drift-action': 'fail' });
    expect(r.code).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(/drift on all hosts: flagged .* up .* pp from 0\.0%/);
    expect(r.summary).toContain('The drift rule fails the gate');
    expect(runsOf()).toEqual(['101', '4242']);
  });

  it('drift that only warns is a warning annotation, and the run is stored', async () => {
    seed(night(1, 0));
    const r = await run({ 'drift-tolerance': '1', 'drift-window': '1' });
    expect(r.code).toBe(0);
    expect(warnings(r).join('\n')).toMatch(/drift on all hosts: flagged/);
    expect(r.summary).toContain('The drift rule warns');
    expect(runsOf()).toEqual(['101', '4242']);
  });
});
