/**
 * The bundled Action (node dist/index.js) as a reviewer meets it: a threshold change leads the
 * summary with its cause, effect and accept command; comment modes through the real Octokit
 * client against the loopback fake GitHub; nothing scanned never passes; values from data are
 * neutralised in the summary, the comment and the annotations.
 */
import { cpSync, mkdirSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';
import { gateMain } from '../../src/cli/episode-gate.js';
import { writeThresholdDataset } from '../support/threshold-dataset.js';

let gh: FakeGitHub;
let workspace: string;
const HOSTILE_EP = 'ep-01-@octocat-\u202eevil';

beforeAll(async () => {
  gh = await new FakeGitHub().start();
  workspace = makeWorkspace();
  const data = writeThresholdDataset(path.join(workspace, 'data'));
  // One episode id carries a mention and a right-to-left override.
  renameSync(path.join(data, 'episodes/lab-a/ep-01.tar.zst'), path.join(data, `episodes/lab-a/${HOSTILE_EP}.tar.zst`));
  const index = path.join(data, 'index.jsonl');
  writeFileSync(index, readFileSync(index, 'utf8').replace('"ep-01"', JSON.stringify(HOSTILE_EP)));
  mkdirSync(path.join(workspace, 'ci'), { recursive: true });
  const io = { out: () => undefined, err: () => undefined, errIsTTY: false, env: {}, cwd: workspace };
  expect(await gateMain(['baseline', '--dataset', 'data', '--out', 'ci/baseline.json'], io)).toBe(0);
  writeFileSync(path.join(workspace, 'ci/settings.json'), JSON.stringify({ version: 1, netflowSpreadBytes: 81920 }));
  writeFileSync(path.join(workspace, 'ci/same.json'), JSON.stringify({ version: 1 }));
});
afterAll(async () => {
  await gh.stop();
});

function prEvent(number: number): Record<string, string> {
  const file = path.join(makeWorkspace(), 'event.json');
  writeFileSync(file, JSON.stringify({ action: 'synchronize', number, pull_request: { number } }));
  return { GITHUB_EVENT_PATH: file, GITHUB_EVENT_NAME: 'pull_request' };
}

async function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  // A copy per run: the Action writes nothing into the dataset, but runs stay independent.
  const ws = makeWorkspace();
  cpSync(workspace, ws, { recursive: true });
  return runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'ci/baseline.json', ...inputs }, env: { ...gh.env(), ...env } });
}

const sticky = (n: number): string | undefined => gh.comments.get(n)?.find((c) => c.body.includes('episode-gate:sticky-summary'))?.body;

describe('a thresholds-file change, through settings:', () => {
  it('opens the summary and the comment with the setting, its effect and the accept command', async () => {
    const r = await run({ settings: 'ci/settings.json', comment: 'on-change', 'github-token': gh.restToken }, prEvent(21));
    expect(r.code).toBe(1);
    const [first, second, third] = r.summary.split('\n');
    expect(first).toBe('### ❌ episode-gate: FAILED — settings changed: netflowSpreadBytes 51200 → 81920');
    expect(second).toContain('- **Effect:** 4 kept → flagged (hosts lab-a 3, lab-b 1; reasons flat-cpu 4)');
    expect(third).toBe(
      '- **If this change is intended, accept it:** <code>episode-gate baseline --dataset data --settings ci/settings.json --out ci/baseline.json</code>',
    );
    const body = sticky(21)!;
    expect(body.split('\n')[1]).toBe(first);
    // Values from data: no mention, no bidi override, in the comment, the summary and the annotations.
    expect(body).toContain('@\u200doctocat');
    expect(body).not.toMatch(/@octocat/);
    expect(body).not.toContain('\u202e');
    expect(r.summary).not.toMatch(/@octocat/);
    const annotations = r.annotations.map((a) => a.message).join('\n');
    expect(annotations).toContain('octocat');
    expect(annotations).not.toContain('\u202e');
    expect(r.stdout).not.toMatch(/^(?!::)[^\n]*\u202e/m);
  });
});

describe('comment modes', () => {
  it('on-change: nothing changed and no earlier comment, so none is started', async () => {
    const r = await run({ settings: 'ci/same.json', comment: 'on-change', 'github-token': gh.restToken }, prEvent(22));
    expect(r.code).toBe(0);
    expect(sticky(22)).toBeUndefined();
    expect(r.stdout).toContain('no PR comment: nothing changed');
  });
  it('on-change: an earlier failure comment is brought up to date in one line', async () => {
    const env = prEvent(23);
    expect((await run({ settings: 'ci/settings.json', comment: 'on-change', 'github-token': gh.restToken }, env)).code).toBe(1);
    expect(sticky(23)).toContain('FAILED');
    const r = await run({ comment: 'on-change', 'github-token': gh.restToken }, env);
    expect(r.code).toBe(0);
    expect(gh.comments.get(23)).toHaveLength(1);
    expect(sticky(23)).toContain('### ✅ episode-gate: no change against ci/baseline.json — 6 scanned, 5 kept, 1 flagged');
    expect(sticky(23)).not.toContain('FAILED');
  });
  it('on-failure: a passing run with a change posts nothing; a failing one posts the summary', async () => {
    const env = prEvent(24);
    const pass = await run({ settings: 'ci/settings.json', 'fail-on': 'never', comment: 'on-failure', 'github-token': gh.restToken }, env);
    expect(pass.code).toBe(0);
    expect(sticky(24)).toBeUndefined();
    const fail = await run({ settings: 'ci/settings.json', comment: 'on-failure', 'github-token': gh.restToken }, env);
    expect(fail.code).toBe(1);
    expect(sticky(24)).toContain('settings changed: netflowSpreadBytes 51200 → 81920');
  });
  it('always (and true): the full summary even when nothing changed', async () => {
    const r = await run({ comment: 'true', 'github-token': gh.restToken }, prEvent(25));
    expect(r.code).toBe(0);
    expect(sticky(25)).toContain('#### Counts');
  });
  it('with an empty github-token: a warning on a pull request, nothing outside one; the gate decides alone', async () => {
    const onPr = await run({ comment: 'always', 'github-token': '' }, prEvent(26));
    expect(onPr.code).toBe(0);
    expect(onPr.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
      expect.stringMatching(/^comment is always but github-token is empty, so no PR comment is posted: pass github-token/),
    );
    expect(gh.comments.get(26)).toBeUndefined();
    const outside = await run({ comment: 'always', 'github-token': '' });
    expect(outside.code).toBe(0);
    expect(outside.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(outside.stdout).toContain('not a pull_request event; no PR comment posted');
  });
  it('one comment per gate: two jobs on one pull request keep their own, each updated in place; an unkeyed one is taken over', async () => {
    const token = { comment: 'always', 'github-token': gh.restToken };
    const job = (name: string): Record<string, string> => ({ ...prEvent(27), GITHUB_WORKFLOW: 'gates', GITHUB_JOB: name });
    gh.comments.set(27, [{ id: 8000, body: "<!-- episode-gate:sticky-summary -->\nan older version's comment" }]);
    expect((await run(token, job('a'))).code).toBe(0);
    expect((await run({ ...token, settings: 'ci/settings.json' }, job('b'))).code).toBe(1);
    expect((await run(token, job('a'))).code).toBe(0);
    const bodies = (gh.comments.get(27) ?? []).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(gh.comments.get(27)![0]!.id).toBe(8000); // the unkeyed comment became job a's
    expect(bodies[0]).not.toContain('settings changed');
    expect(bodies[1]).toContain('settings changed: netflowSpreadBytes 51200 → 81920');
    expect(new Set(bodies.map((b) => b.split('\n')[0])).size).toBe(2);
  });
  it('an unknown mode names the input and the values it takes', async () => {
    const r = await run({ comment: 'sometimes', 'github-token': gh.restToken });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `Input 'comment' is "sometimes": use always, on-change, on-failure or false (true means always)`,
    ]);
  });
});

describe('nothing scanned is never a pass', () => {
  it('host: lab-z fails the step naming the hosts and the nearest, not a command-line flag', async () => {
    const r = await run({ host: 'lab-z' });
    expect(r.code).toBe(1);
    const [error] = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(error).toContain('no episode was scanned: the host filter "lab-z"');
    expect(error).toContain('did you mean "lab-a"?');
    expect(error).not.toContain('--');
  });
  it('fail-on: flagged with nothing flagged says "0 flagged" in the headline', async () => {
    const r = await run({ baseline: '', host: 'lab-c', 'fail-on': 'flagged' });
    expect(r.code).toBe(0);
    expect(r.summary.split('\n')[0]).toBe('### ✅ episode-gate: passed — 0 flagged (fail-on: flagged); 1 scanned, 1 kept, 0 flagged');
  });
});
