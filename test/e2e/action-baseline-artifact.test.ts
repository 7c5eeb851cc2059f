/**
 * The Action's `baseline-artifact`: dist/index.js run as a process finds the newest successful
 * run of its workflow on the default branch (never this run) through the REST API of the
 * loopback fake GitHub, downloads that run's report artifact with the real artifact client, and
 * judges tonight against it; the first night, a missing artifact and a token without
 * actions: read each say what happened in one line.
 */
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/report.js';
import { copyDataset } from '../support/action-datasets.js';
import { FakeGitHub, REPO } from '../support/fake-github.js';
import { REPO_ROOT, hasStackTrace, makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';
import { growIndex } from '../support/shard-datasets.js';
import { buildZip } from '../support/zip.js';

const COMMITTED = path.join(REPO_ROOT, 'fixtures', 'baseline.json');
const WORKFLOW_REF = `${REPO.owner}/${REPO.repo}/.github/workflows/nightly.yml@refs/heads/main`;
const THIS_RUN = 4242; // GITHUB_RUN_ID in run-action.ts
const runUrl = (id: number): string => `https://github.com/${REPO.owner}/${REPO.repo}/actions/runs/${id}`;

/** Last night's real report, zipped as upload-report uploads it. */
let lastNight: Buffer;
/** Tonight: the fixtures grown by 6 new episodes (every tarball there), with the committed baseline under ci/. */
let tonight = '';

beforeAll(async () => {
  const ws = makeWorkspace();
  copyDataset(path.join(ws, 'data'));
  const r = await runAction({ workspace: ws, inputs: { dataset: 'data', report: 'prev/episode-gate-report.json' } });
  expect(r.code, r.stdout).toBe(0);
  lastNight = buildZip([{ name: 'episode-gate-report.json', data: readFileSync(path.join(ws, 'prev', 'episode-gate-report.json')) }]);
  tonight = makeWorkspace();
  copyDataset(path.join(tonight, 'data'));
  growIndex(path.join(tonight, 'data'), 'tonight', { neverUploaded: false });
  mkdirSync(path.join(tonight, 'ci'));
  copyFileSync(COMMITTED, path.join(tonight, 'ci', 'baseline.json'));
  writeFileSync(path.join(tonight, 'event.json'), JSON.stringify({ schedule: '0 3 * * *', repository: { default_branch: 'main' } }));
}, 120_000);

let gh: FakeGitHub | null = null;
afterEach(async () => {
  await gh?.stop();
  gh = null;
});

/**
 * A fake whose nightly.yml has: older successes on main, the newest success on main (305),
 * newer runs that must not be taken (a failure, a success on another branch, this run itself),
 * each with a report artifact; only 305's is last night's real report.
 */
async function nightlyFake(artifactsOf305: Array<{ name: string; data: Buffer }> = [{ name: 'nightly-report', data: lastNight }]) {
  gh = await new FakeGitHub().start();
  const runs = [
    { id: 300, branch: 'main', conclusion: 'success', createdAt: '2026-11-27T03:00:00Z' },
    { id: 305, branch: 'main', conclusion: 'success', createdAt: '2026-11-29T03:00:00Z', runNumber: 41 },
    { id: 306, branch: 'main', conclusion: 'failure', createdAt: '2026-11-29T15:00:00Z' },
    { id: 307, branch: 'feature', conclusion: 'success', createdAt: '2026-11-29T20:00:00Z' },
    // A re-run of this very run, already listed as successful.
    { id: THIS_RUN, branch: 'main', conclusion: 'success', createdAt: '2026-11-30T03:00:00Z' },
  ];
  for (const r of runs) {
    gh.workflowRuns.push({ workflow: 'nightly.yml', ...r });
    if (r.id !== 305) gh.addArtifact({ name: 'nightly-report', data: buildZip([{ name: 'r.json', data: '{}' }]), zip: true, runId: r.id });
  }
  for (const a of artifactsOf305) gh.addArtifact({ ...a, zip: true, runId: 305 });
  return gh;
}

function nightly(fake: FakeGitHub, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: tonight,
    inputs: { dataset: 'data', 'github-token': fake.restToken, ...inputs },
    env: { ...fake.env(), GITHUB_WORKFLOW_REF: WORKFLOW_REF, GITHUB_EVENT_PATH: path.join(tonight, 'event.json'), ...env },
  });
}

const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const artifactRunsAsked = (fake: FakeGitHub): number[] =>
  fake.requests.flatMap((q) => {
    const m = /\/actions\/runs\/(\d+)\/artifacts$/.exec(q.path);
    return m ? [Number(m[1])] : [];
  });

describe('baseline-artifact: the newest successful run of this workflow on the default branch', () => {
  it("judges tonight against that run's report, named with its id, date and link", async () => {
    const fake = await nightlyFake();
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report', baseline: 'ci/baseline.json', report: 'out/report.json' });
    expect(errors(r)).toEqual([]);
    expect(r.code, r.stdout).toBe(0);
    // Asked for this workflow's successful runs on the default branch (from the event payload).
    const listed = fake.requests.filter((q) => q.path === `/repos/${REPO.owner}/${REPO.repo}/actions/workflows/nightly.yml/runs`);
    // The successful runs, then the failed ones since (a failed night's rejected cohort is held).
    expect(listed.map((q) => q.query.get('status'))).toEqual(['success', 'failure']);
    expect(listed[0]!.query.get('branch')).toBe('main');
    expect(listed[0]!.query.get('status')).toBe('success');
    expect(fake.requests.some((q) => q.path === `/repos/${REPO.owner}/${REPO.repo}`)).toBe(false);
    // Run 305, never this run (newer, successful) nor the others; and 306, which failed since
    // (its artifact holds no report: skipped, with a line in the log).
    expect(new Set(artifactRunsAsked(fake))).toEqual(new Set([305, 306]));
    expect(r.stdout).toMatch(/the failed run 306 \(#306, [^)]*\) of nightly\.yml on main has no readable report/);
    expect(r.stdout).toContain(
      `Baseline: the report artifact 'nightly-report' of run 305 (#41, 2026-11-29T03:00:00Z, ${runUrl(305)}), the newest successful run of nightly.yml on main (`,
    );
    expect(r.stdout).toContain('with the pinned cases and tolerances of');
    expect(r.summary).toContain(
      `**Baseline:** the report artifact nightly-report of [run 305 (#41)](${runUrl(305)}), created 2026-11-29T03:00:00Z, the newest successful run of nightly.yml on main, with the pinned cases and tolerances of ci/baseline.json`,
    );
    // Judged against last night's report: the 6 episodes added since are the new cohort.
    expect(r.summary).toContain('**Mode: changed dataset** — 6 new, judged as a cohort');
    const report = JSON.parse(readFileSync(path.join(tonight, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.comparison?.classes?.new).toBe(6);
    // Named by the report it was made from, never by its file under RUNNER_TEMP.
    expect(report.comparison?.baseline).toBe('the report of run 305 (#41)');
    expect(r.summary).toContain('no regressions against the report of run 305 (\\#41)');
    expect(r.stdout + r.summary).not.toContain('episode-gate-rolling-baseline.json');
  });

  it('holds the rejected cohort of a run that failed since: tonight fails while those episodes are new and flagged', async () => {
    // Tonight with 4 more new episodes, flagged (a broken collector on lab-broken).
    const ws = makeWorkspace();
    cpSync(tonight, ws, { recursive: true });
    const data = path.join(ws, 'data');
    mkdirSync(path.join(data, 'episodes', 'lab-broken'));
    for (let i = 0; i < 4; i++) {
      cpSync(
        path.join(data, 'episodes', 'lab-a', 'ep-flat-everywhere.tar.zst'),
        path.join(data, 'episodes', 'lab-broken', `b-${i}.tar.zst`),
      );
      appendFileSync(path.join(data, 'index.jsonl'), JSON.stringify({ host_id: 'lab-broken', episode_id: `b-${i}` }) + '\n');
    }
    const at = (fake: FakeGitHub, inputs: Record<string, string>): Promise<ActionRun> =>
      runAction({
        workspace: ws,
        inputs: { dataset: 'data', 'github-token': fake.restToken, 'baseline-artifact': 'nightly-report', ...inputs },
        env: { ...fake.env(), GITHUB_WORKFLOW_REF: WORKFLOW_REF, GITHUB_EVENT_PATH: path.join(ws, 'event.json') },
      });
    // Run 306's report: this dataset as a run judged it, with its all-hosts flat-cpu cohort test failed.
    expect((await at(await nightlyFake(), { report: 'out/r306.json', 'fail-on': 'never' })).code).toBe(0);
    const r306 = JSON.parse(readFileSync(path.join(ws, 'out', 'r306.json'), 'utf8')) as Report;
    const broken = ['lab-broken/b-0', 'lab-broken/b-1', 'lab-broken/b-2', 'lab-broken/b-3'];
    expect(r306.comparison!.classes!.new_ids).toEqual(expect.arrayContaining(broken));
    const test = r306.comparison!.cohort!.tests.find((t) => t.host === null && t.reason === 'flat-cpu')!;
    test.alarm = true;
    const fake = await nightlyFake();
    fake.artifacts.splice(
      fake.artifacts.findIndex((a) => a.runId === 306),
      1,
    );
    fake.addArtifact({
      id: 9306,
      name: 'nightly-report',
      data: buildZip([{ name: 'r.json', data: JSON.stringify(r306) }]),
      zip: true,
      runId: 306,
    });
    const r = await at(fake, { report: 'out/report.json' });
    expect(r.code).toBe(1);
    expect(errors(r).join('\n')).toContain(
      'new episodes, all hosts: flat-cpu: 4 episodes that run 306 (#306) rejected are still new and flagged, not accepted since',
    );
    expect(r.summary).toContain(`[Run 306 (#306)](${runUrl(306)}) failed since, and its rejected new-cohort alarms (1) stay regressions`);
    const report = JSON.parse(readFileSync(path.join(ws, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.comparison!.held).toEqual([{ run: 'run 306 (#306)', host: null, reason: 'flat-cpu', episodes: broken }]);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('takes baseline-workflow and baseline-branch when given, and the default branch from the API without a payload', async () => {
    const fake = await nightlyFake();
    fake.workflowRuns.push({
      id: 501,
      workflow: 'export.yml',
      branch: 'release',
      conclusion: 'success',
      createdAt: '2026-11-28T00:00:00Z',
    });
    fake.addArtifact({ name: 'nightly-report', data: lastNight, zip: true, runId: 501 });
    const r = await nightly(
      fake,
      { 'baseline-artifact': 'nightly-report', 'baseline-workflow': '.github/workflows/export.yml', 'baseline-branch': 'release' },
      { GITHUB_EVENT_PATH: '' },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(artifactRunsAsked(fake)).toEqual([501]);
    expect(r.stdout).toContain('the newest successful run of export.yml on release');

    fake.defaultBranch = 'trunk';
    fake.workflowRuns.push({ id: 601, workflow: 'nightly.yml', branch: 'trunk', conclusion: 'success', createdAt: '2026-11-28T00:00:00Z' });
    fake.addArtifact({ name: 'nightly-report', data: lastNight, zip: true, runId: 601 });
    const t = await nightly(fake, { 'baseline-artifact': 'nightly-report' }, { GITHUB_EVENT_PATH: '' });
    expect(t.code, t.stdout).toBe(0);
    expect(fake.requests.some((q) => q.path === `/repos/${REPO.owner}/${REPO.repo}` && q.method === 'GET')).toBe(true);
    expect(t.stdout).toContain('of run 601 (');
  });
});

describe('baseline-artifact: the first night', () => {
  async function freshFake(): Promise<FakeGitHub> {
    gh = await new FakeGitHub().start();
    // Only this run, still in progress: the workflow has never succeeded.
    gh.workflowRuns.push({ id: THIS_RUN, workflow: 'nightly.yml', branch: 'main', conclusion: null, createdAt: '2026-11-30T03:00:00Z' });
    return gh;
  }

  it('is judged against the committed baseline, says so, and its uploaded report seeds the next night', async () => {
    const fake = await freshFake();
    const r = await nightly(fake, {
      'baseline-artifact': 'nightly-report',
      baseline: 'ci/baseline.json',
      'upload-report': 'nightly-report',
    });
    expect(errors(r)).toEqual([]);
    expect(r.code, r.stdout).toBe(0);
    const line =
      "no earlier successful run of nightly.yml on main (the first night), judged against the committed baseline ci/baseline.json; this run's report (artifact nightly-report) is the next night's baseline";
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'notice', message: `Baseline: ${line}` }));
    expect(r.summary).toContain(`**Baseline:** ${line}.`);
    expect(r.summary).toMatch(/passed — no regressions against ci\/baseline\.json/);
    expect(artifactRunsAsked(fake)).toEqual([]);
    expect(fake.uploads.get('nightly-report')?.finalize).toBeDefined();
  });

  it('without a committed baseline reports without gating, and says the report seeds the next night', async () => {
    const fake = await freshFake();
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.regressions).toBe('0');
    expect(r.summary).toContain(
      "**Baseline:** no earlier successful run of nightly.yml on main (the first night), and no committed baseline: reported, not gated; upload this run's report as artifact nightly-report (upload-report) to make it the next night's baseline.",
    );
    expect(r.summary).not.toMatch(/passed — no regressions/);
  });
});

describe('baseline-artifact: what cannot be had fails in one line, before any scan', () => {
  it('the newest successful run has no such artifact: names the run and the artifacts it has', async () => {
    const fake = await nightlyFake([
      { name: 'episode-gate-html', data: buildZip([{ name: 'a.html', data: '<p>' }]) },
      { name: 'other-report', data: lastNight },
    ]);
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      `Input 'baseline-artifact': the newest successful run 305 (#41, 2026-11-29T03:00:00Z) of nightly.yml on main, ${runUrl(305)}, has no artifact named 'nightly-report' (it has episode-gate-html, other-report): give the name its upload-report used, or raise that workflow's retention-days if the report expired`,
    ]);
    expect(r.stdout).not.toContain('episodes classified');
    expect(hasStackTrace(r)).toBe(false);
  });

  it('a token without actions: read (403): names the permission', async () => {
    const fake = await nightlyFake();
    fake.actionsStatus = 403;
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report' });
    expect(r.code).toBe(1);
    const [msg] = errors(r);
    expect(msg).toMatch(
      /^Input 'baseline-artifact': listing the successful runs of workflow nightly\.yml on main in octo-org\/episode-lab failed \(GitHub answered 403: /,
    );
    expect(msg).toContain('give the job permissions: actions: read');
    expect(errors(r)).toHaveLength(1);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('a token GitHub refuses (401): names the token, not a permission', async () => {
    const fake = await nightlyFake();
    fake.actionsStatus = 401;
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report' });
    expect(r.code).toBe(1);
    const [msg] = errors(r);
    expect(msg).toMatch(/failed \(GitHub answered 401: .*\): github-token was refused as a credential: pass a valid token/);
    expect(msg).not.toContain('permissions:');
    expect(hasStackTrace(r)).toBe(false);
  });

  it('no token: names github-token and the permission', async () => {
    const fake = await nightlyFake();
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report', 'github-token': '' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      "Input 'github-token' is empty, but baseline-artifact needs a token with actions: read on octo-org/episode-lab: keep the default ${{ github.token }} and give the job permissions: actions: read",
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('together with baseline-report: an input error', async () => {
    const fake = await nightlyFake();
    writeFileSync(path.join(tonight, 'ci', 'old-report.json'), '{}');
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report', 'baseline-report': 'ci/old-report.json' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      "Input 'baseline-artifact' and 'baseline-report' are both set: give one of them (the artifact name to fetch from an earlier run, or the path of a report already downloaded)",
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('an unknown workflow (404): says to set baseline-workflow', async () => {
    const fake = await nightlyFake();
    const r = await nightly(fake, { 'baseline-artifact': 'nightly-report', 'baseline-workflow': 'nope.yml' });
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toContain('GitHub answered 404');
    expect(errors(r)[0]).toContain('set baseline-workflow to the file name of the workflow that uploads the report');
  });
});
