import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS, InputError, readActionSettings } from '../../src/action/inputs.js';

const ws = mkdtempSync(path.join(tmpdir(), 'inputs-test-'));
mkdirSync(path.join(ws, 'data', 'episodes'), { recursive: true });
writeFileSync(path.join(ws, 'data', 'index.jsonl'), '');
writeFileSync(path.join(ws, 'baseline.json'), '{}');
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: path.join(ws, 'tmp'), GITHUB_REPOSITORY: 'octo-org/episode-lab' };

function read(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  return readActionSettings((n) => inputs[n] ?? '', { ...env, ...extraEnv }, '/action/fixtures/dataset');
}

describe('inputs -> settings', () => {
  it('defaults: bundled fixtures, fail on regression, report under RUNNER_TEMP, nothing uploaded or posted', () => {
    expect(read({})).toEqual({
      mode: { kind: 'scan' },
      dataset: { kind: 'bundled', root: '/action/fixtures/dataset' },
      baselinePath: null,
      baselineReportPath: null,
      baselineArtifact: null,
      settingsPath: null,
      reasons: null,
      host: null,
      followOutsideLinks: false,
      jobs: null,
      failOn: 'regression',
      reportPath: path.join(ws, 'tmp', 'episode-gate', 'episode-gate-report.json'),
      uploadReport: null,
      htmlReport: null,
      manifestDir: null,
      comment: 'off',
      githubToken: null,
      workspace: ws,
      tempDir: path.join(ws, 'tmp'),
    });
  });

  it('paths resolve against the workspace; lists and numbers are parsed', () => {
    const s = read({
      dataset: ' data ',
      baseline: 'baseline.json',
      reasons: 'flat-cpu,\nno-sample flat-cpu',
      jobs: '3',
      'fail-on': 'flagged',
      report: 'out/r.json',
      comment: 'True',
      'github-token': 't',
    });
    expect(s.dataset).toEqual({ kind: 'path', root: path.join(ws, 'data') });
    expect(s.baselinePath).toBe(path.join(ws, 'baseline.json'));
    expect(s.reasons).toEqual(['flat-cpu', 'no-sample']);
    expect(s.jobs).toBe(3);
    expect(s.failOn).toBe('flagged');
    expect(s.reportPath).toBe(path.join(ws, 'out', 'r.json'));
    expect(s.comment).toBe('always');
  });

  it('artifact of this run, or of another run with the repository defaulting to this one', () => {
    expect(read({ artifact: 'snap' }).dataset).toEqual({ kind: 'artifact', name: 'snap', crossRun: null });
    expect(read({ artifact: 'snap', 'artifact-run-id': '99', 'github-token': 'tok' }).dataset).toEqual({
      kind: 'artifact',
      name: 'snap',
      crossRun: { runId: 99, owner: 'octo-org', repo: 'episode-lab', token: 'tok' },
    });
    expect(
      read({ artifact: 'snap', 'artifact-run-id': '99', 'artifact-repository': 'lab/exports', 'github-token': 'tok' }).dataset,
    ).toMatchObject({ crossRun: { owner: 'lab', repo: 'exports' } });
  });

  it('shard: K/N scans one shard and names its artifact after upload-report (or the default prefix)', () => {
    expect(read({ dataset: 'data', shard: ' 2 / 4 ' }).mode).toEqual({
      kind: 'shard',
      shard: { index: 2, count: 4 },
      artifact: 'episode-gate-shard-2-of-4',
    });
    const s = read({ dataset: 'data', shard: '4/4', 'upload-report': 'nightly' });
    expect(s.mode).toEqual({ kind: 'shard', shard: { index: 4, count: 4 }, artifact: 'nightly-4-of-4' });
    // The prefix is not uploaded to as a name of its own.
    expect(s.uploadReport).toBeNull();
  });

  it('merge: a name pattern, and no dataset to scan', () => {
    const s = read({ merge: 'episode-gate-shard-*', baseline: 'baseline.json', 'upload-report': 'merged' });
    expect(s.mode).toEqual({ kind: 'merge', pattern: 'episode-gate-shard-*' });
    expect(s.dataset).toBeNull();
    expect(s.baselinePath).toBe(path.join(ws, 'baseline.json'));
    expect(s.uploadReport).toBe('merged');
  });

  it('manifest: a folder resolved against the workspace, on a whole run and on the merge job', () => {
    expect(read({ manifest: ' release ' }).manifestDir).toBe(path.join(ws, 'release'));
    expect(read({ merge: 'x*', manifest: 'release' }).manifestDir).toBe(path.join(ws, 'release'));
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ shard: '0/4' }, /^Input 'shard' is "0\/4": give K\/N with 1 <= K <= N <= 1024/],
    [{ shard: '1/2', comment: 'true', 'github-token': 't' }, /^Input 'shard' and 'comment' are both set/],
    [{ merge: 'x*', host: 'lab-a' }, /^Input 'merge' and 'host' are both set/],
    [{ merge: 'x*', artifact: 'snap' }, /^Input 'merge' and 'artifact' are both set/],
    [
      { artifact: 'snap', 'artifact-run-id': '99' },
      /^Input 'github-token' is empty, but downloading from another run needs a token with actions: read/,
    ],
    [{ artifact: 'snap', 'artifact-run-id': 'latest', 'github-token': 't' }, /^Input 'artifact-run-id' is "latest": give the numeric id/],
    [{ artifact: 'snap', 'artifact-repository': 'a/b' }, /^Input 'artifact-repository' is set but 'artifact-run-id' is empty/],
    [
      { artifact: 'snap', 'artifact-run-id': '1', 'artifact-repository': 'nope', 'github-token': 't' },
      /^Input 'artifact-repository' is "nope": give owner\/name/,
    ],
    [{ host: '../etc' }, /^Input 'host' is "\.\.\/etc", which contains a path separator/],
    [{ jobs: '2.5' }, /^Input 'jobs' is "2\.5"/],
    [{ report: 'data' }, /^Input 'report' names data .*which is a directory/],
    [{ settings: 'missing.json' }, /^Input 'settings' names missing\.json \(relative to the workspace .*\), which does not exist/],
    [{ baseline: 'data' }, /^Input 'baseline' names data .*which is not a file/],
    [{ shard: '1/2', manifest: 'release' }, /^Input 'shard' and 'manifest' are both set: a manifest lists the whole dataset/],
    [{ manifest: 'baseline.json' }, /^Input 'manifest' names baseline\.json .*which is a file: give a folder/],
  ];
  for (const [inputs, message] of bad) {
    it(`refuses ${JSON.stringify(inputs)}`, () => {
      let err: unknown;
      try {
        read(inputs);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    });
  }
});

describe('html-report', () => {
  it('names the HTML report artifact', () => {
    expect(read({ 'html-report': 'gate-html' }).htmlReport).toBe('gate-html');
  });

  it.each([
    [
      { 'html-report': 'gate-html', shard: '1/2' },
      `Input 'html-report' is set with shard: a shard job does not gate; set html-report on the job with merge instead`,
    ],
    [
      { 'html-report': 'same', 'upload-report': 'same' },
      `Input 'html-report' is "same", the upload-report name too: artifact names must differ`,
    ],
  ])('%o is refused with the fix', (inputs, message) => {
    expect(() => read(inputs)).toThrow(InputError);
    expect(() => read(inputs)).toThrow(message);
  });
});

describe('history', () => {
  it('names the file on its branch, this repository, the bound and the drift rule', () => {
    expect(read({ history: './audit/history.jsonl', 'drift-tolerance': '2.5', 'drift-action': 'fail' }).history).toEqual({
      owner: 'octo-org',
      repo: 'episode-lab',
      path: 'audit/history.jsonl',
      branch: 'episode-gate-history',
      maxRows: 400,
      drift: { rule: { window: 7, tolerancePp: 2.5 }, fail: true },
    });
    expect(read({ history: 'h.jsonl', 'history-branch': 'audit/history', 'history-max-rows': '30' }).history).toMatchObject({
      branch: 'audit/history',
      maxRows: 30,
      drift: null,
    });
    expect(read({}).history).toBeUndefined();
  });

  it.each([
    [{ history: '/etc/h.jsonl' }, `Input 'history' is "/etc/h.jsonl": give a path inside the repository`],
    [{ history: 'a/../h.jsonl' }, `Input 'history' is "a/../h.jsonl": give a path inside the repository`],
    [{ history: 'h.jsonl', 'history-branch': 'bad..name' }, `Input 'history-branch' is "bad..name", which git refuses`],
    [{ history: 'h.jsonl', 'history-branch': 'x.lock' }, `Input 'history-branch' is "x.lock", which git refuses`],
    [{ history: 'h.jsonl', 'history-max-rows': '0' }, `Input 'history-max-rows' is "0": give a whole number`],
    [{ 'drift-tolerance': '5' }, `Input 'drift-tolerance' is set but 'history' is empty`],
    [{ history: 'h.jsonl', 'drift-window': '3' }, `Input 'drift-window' is set but 'drift-tolerance' is empty`],
    [{ history: 'h.jsonl', 'drift-tolerance': 'five' }, `Input 'drift-tolerance' is "five": give percentage points`],
    [{ history: 'h.jsonl', 'drift-tolerance': '5', 'drift-action': 'stop' }, `Input 'drift-action' is "stop": use warn`],
    [{ history: 'h.jsonl', shard: '1/2' }, `Input 'history' is set with shard`],
  ])('refuses %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(InputError);
    expect(() => read(inputs)).toThrow(message);
  });
});

describe('baseline-artifact', () => {
  it('reads the artifact, workflow (a path is cut to its file name) and branch, for this repository', () => {
    const s = read({
      'baseline-artifact': 'nightly-report',
      'baseline-workflow': '.github/workflows/nightly.yml',
      'baseline-branch': 'trunk',
      'github-token': 't0ken',
    });
    expect(s.baselineArtifact).toEqual({
      name: 'nightly-report',
      workflow: 'nightly.yml',
      branch: 'trunk',
      owner: 'octo-org',
      repo: 'episode-lab',
      token: 't0ken',
    });
  });

  it.each([
    [{ 'baseline-workflow': 'nightly.yml' }, "Input 'baseline-workflow' is set but 'baseline-artifact' is empty"],
    [{ 'baseline-branch': 'main' }, "Input 'baseline-branch' is set but 'baseline-artifact' is empty"],
    [{ 'baseline-artifact': 'a/b', 'github-token': 't' }, `Input 'baseline-artifact' is "a/b": artifact names cannot contain "/"`],
    [{ 'baseline-artifact': 'r', 'github-token': 't', shard: '1/2' }, "Input 'shard' and 'baseline-artifact' are both set"],
    [{ 'baseline-artifact': 'r' }, "Input 'github-token' is empty, but baseline-artifact needs a token with actions: read"],
    [
      { 'baseline-artifact': 'r', 'github-token': 't', 'baseline-report': 'baseline.json' },
      "Input 'baseline-artifact' and 'baseline-report' are both set",
    ],
  ])('refuses %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(InputError);
    expect(() => read(inputs)).toThrow(message);
  });
});

describe('input names', () => {
  it('knows exactly the inputs action.yml declares', () => {
    const yml = readFileSync(path.join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8');
    const block = yml.slice(yml.indexOf('\ninputs:\n'), yml.indexOf('\noutputs:\n'));
    const declared = [...block.matchAll(/^ {2}([a-z][a-z-]*):$/gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(20);
    expect([...ACTION_INPUTS].sort()).toEqual(declared.sort());
  });

  it('refuses an input action.yml does not declare, naming the nearest', () => {
    expect(() => read({}, { INPUT_BASELIN: 'ci/baseline.json' })).toThrow(
      /^Input 'baselin' is not an input of episode-gate \(set as INPUT_BASELIN\).*did you mean 'baseline'\?/,
    );
    expect(() => read({}, { 'INPUT_FAIL-ONN': 'flagged' })).toThrow(/did you mean 'fail-on'\?/);
    expect(() => read({}, { INPUT_ZZZZZZZZZ: 'x' })).toThrow(/^Input 'zzzzzzzzz' is not an input of episode-gate[^?]*$/);
  });

  it('accepts every declared input as the runner sets it', () => {
    const all = Object.fromEntries(ACTION_INPUTS.map((n) => [`INPUT_${n.toUpperCase()}`, '']));
    expect(read({}, all).dataset).toEqual({ kind: 'bundled', root: '/action/fixtures/dataset' });
  });

  it('refuses reasons that name no reason rather than gating every reason', () => {
    expect(() => read({ reasons: ' , ' })).toThrow(/^Input 'reasons' is ",", which names no reason/);
  });
});
