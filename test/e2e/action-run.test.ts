/**
 * The bundled Action run as the runner runs it: node dist/index.js with INPUT_* variables,
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a workspace. Asserts exit code, outputs,
 * summary and annotations.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsafeIdReason } from '../../src/dataset/index-file.js';
import { copyDataset, pruneVerdicts, writeBaseline, type PruneJson } from '../support/action-datasets.js';
import { FIXTURE_DATASET, REPO_ROOT, hasStackTrace, makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';
import { tempDir } from '../support/helpers.js';

let truth: PruneJson;
beforeAll(() => {
  truth = pruneVerdicts();
});

const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const equalBaseline = (file: string): string =>
  writeBaseline(file, { scanned: truth.scanned, kept: truth.kept, flagged: truth.flagged }, truth.by_reason);

/** A workspace holding the fixtures under data/ and a baseline under ci/. */
function workspaceWithDataset(): string {
  const ws = makeWorkspace();
  copyDataset(path.join(ws, 'data'));
  mkdirSync(path.join(ws, 'ci'));
  return ws;
}

describe('no dataset, no artifact: the bundled fixture episodes', () => {
  it('runs from a copy of dist/ and fixtures/ alone (no node_modules), reports and does not gate', async () => {
    // The layout `uses: owner/episode-gate@v1` checks out: dist/index.js next to fixtures/.
    const checkout = tempDir('episode-gate-checkout-');
    cpSync(path.join(REPO_ROOT, 'dist'), path.join(checkout, 'dist'), { recursive: true });
    cpSync(FIXTURE_DATASET, path.join(checkout, 'fixtures', 'dataset'), { recursive: true });
    const r = await runAction({ entry: path.join(checkout, 'dist', 'index.js') });

    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.scanned).toBe(String(truth.scanned));
    expect(r.outputs.kept).toBe(String(truth.kept));
    expect(r.outputs.flagged).toBe(String(truth.flagged));
    expect(r.outputs.unreadable).toBe(String(truth.by_reason.unreadable));
    expect(r.outputs.unreadable).toBe('9'); // the nine broken lab-c episodes of the fixtures
    expect(JSON.parse(r.outputs['by-reason']!)).toMatchObject(truth.by_reason);
    expect(r.outputs.regressions).toBe('0');
    expect(r.outputs.passed).toBe('true');
    expect(r.stdout).toContain(path.join(checkout, 'fixtures', 'dataset'));
    // Without a baseline the summary says how to make one.
    expect(r.summary).toMatch(/baseline/i);
    expect(r.summary).toContain(String(truth.flagged));
    expect(errors(r)).toEqual([]);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as { counts: Record<string, number> };
    expect(report.counts).toMatchObject({ scanned: truth.scanned, kept: truth.kept, flagged: truth.flagged });
  });
});

describe('gating a dataset in the workspace against a baseline', () => {
  it('passes with a baseline equal to its verdicts, and writes the report where asked', async () => {
    const ws = workspaceWithDataset();
    equalBaseline(path.join(ws, 'ci', 'baseline.json'));
    const r = await runAction({
      workspace: ws,
      inputs: { dataset: 'data', baseline: 'ci/baseline.json', report: 'out/report.json' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(r.outputs.regressions).toBe('0');
    expect(r.outputs.report).toBe(path.join(ws, 'out', 'report.json'));
    expect(existsSync(path.join(ws, 'out', 'report.json'))).toBe(true);
    expect(errors(r)).toEqual([]);
    expect(r.summary).toContain(String(truth.kept));
  });

  it('fails with exit 1 and names the regression when the baseline claims one more kept episode', async () => {
    const ws = workspaceWithDataset();
    writeBaseline(
      path.join(ws, 'ci', 'baseline.json'),
      { scanned: truth.scanned, kept: truth.kept + 1, flagged: truth.flagged - 1 },
      { ...truth.by_reason, 'flat-cpu': truth.by_reason['flat-cpu']! - 1 },
    );
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'ci/baseline.json' } });
    expect(r.code).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(Number(r.outputs.regressions)).toBeGreaterThanOrEqual(1);
    const errs = errors(r);
    expect(errs.some((m) => /kept/.test(m))).toBe(true);
    // Outputs and the summary are written even when the gate fails.
    expect(r.outputs.scanned).toBe(String(truth.scanned));
    expect(r.summary).toMatch(/fail/i);
    expect(errs.every((m) => !m.includes('\n'))).toBe(true);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('fail-on: never reports the same regression as a warning and passes', async () => {
    const ws = workspaceWithDataset();
    writeBaseline(
      path.join(ws, 'ci', 'baseline.json'),
      { scanned: truth.scanned, kept: truth.kept + 1, flagged: truth.flagged - 1 },
      { ...truth.by_reason, 'flat-cpu': truth.by_reason['flat-cpu']! - 1 },
    );
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'ci/baseline.json', 'fail-on': 'never' } });
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(Number(r.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(errors(r)).toEqual([]);
    expect(r.annotations.some((a) => a.level === 'warning' && /kept/.test(a.message))).toBe(true);
  });

  it('fail-on: flagged fails on any flagged episode even without a regression', async () => {
    const ws = workspaceWithDataset();
    equalBaseline(path.join(ws, 'ci', 'baseline.json'));
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'ci/baseline.json', 'fail-on': 'flagged' } });
    expect(r.code).toBe(1);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs.regressions).toBe('0');
    expect(errors(r).some((m) => m.includes(String(truth.flagged)) && /flagged/.test(m))).toBe(true);
  });

  it('fail-on: flagged passes a dataset whose episodes are all kept', async () => {
    const ws = makeWorkspace();
    const flagged = new Set(truth.flagged_episodes.map((e) => `${e.host}/${e.episode}`));
    // Only rows of kept episodes with a tarball: rows without one fail fail-on: flagged.
    const scanned = (h: string, e: string): boolean =>
      !unsafeIdReason(h) && !unsafeIdReason(e) && existsSync(path.join(FIXTURE_DATASET, 'episodes', h, `${e}.tar.zst`));
    copyDataset(path.join(ws, 'clean'), (h, e) => scanned(h, e) && !flagged.has(`${h}/${e}`));
    const r = await runAction({ workspace: ws, inputs: { dataset: 'clean', 'fail-on': 'flagged' } });
    expect(r.code).toBe(0);
    expect(r.outputs.flagged).toBe('0');
    expect(r.outputs.kept).toBe(String(truth.kept));
    expect(r.outputs.passed).toBe('true');
  });

  it('reasons and host narrow what is counted', async () => {
    const ws = workspaceWithDataset();
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', reasons: 'no-sample', host: 'lab-c', 'fail-on': 'never' } });
    expect(r.code).toBe(0);
    const labC = truth.flagged_episodes.filter((e) => e.host === 'lab-c');
    const want = labC.filter((e) => e.reasons.includes('unreadable') || e.reasons.includes('no-sample')).length;
    expect(r.outputs.flagged).toBe(String(want));
    expect(JSON.parse(r.outputs['by-reason']!)['flat-cpu'] ?? 0).toBe(0);
  });
});

describe('bad input fails with one line that names the input and the fix', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['unknown fail-on', { 'fail-on': 'sometimes' }, /Input 'fail-on' is "sometimes": use regression .*flagged or never/],
    [
      'dataset that does not exist',
      { dataset: 'nope' },
      /Input 'dataset' names nope .*not a directory: give a dataset root holding index\.jsonl/,
    ],
    ['dataset without index.jsonl', { dataset: '.' }, /Input 'dataset' .*has no index\.jsonl/],
    ['dataset and artifact both', { dataset: 'data', artifact: 'snap' }, /Input 'dataset' and 'artifact' are both set/],
    ['run id without artifact', { 'artifact-run-id': '12' }, /Input 'artifact-run-id' is set but 'artifact' is empty/],
    ['jobs zero', { jobs: '0' }, /Input 'jobs' is "0": give a whole number from 1 to 256/],
    ['unknown reason', { reasons: 'flat-cpu, boring' }, /Input 'reasons' has "boring", which is not a reason: use any of no-sample/],
    ['missing baseline', { baseline: 'ci/none.json' }, /Input 'baseline' names ci\/none\.json .*does not exist: commit a baseline there/],
    [
      'comment not a mode',
      { comment: 'yes' },
      /Input 'comment' is "yes": use always, on-change, on-failure or false \(true means always\)/,
    ],
    ['bad upload name', { 'upload-report': 'a/b' }, /Input 'upload-report' is "a\/b": artifact names cannot contain "\/"/],
    ['artifact outside Actions', { artifact: 'snap' }, /Input 'artifact': the artifact service is not available here/],
  ];
  for (const [label, inputs, message] of cases) {
    it(label, async () => {
      const r = await runAction({ workspace: workspaceWithDataset(), inputs });
      expect(r.code).toBe(1);
      const errs = errors(r);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(message);
      expect(hasStackTrace(r)).toBe(false);
      expect(r.summary).toMatch(/could not run/);
    });
  }

  it('a baseline that is not JSON fails as a configuration problem', async () => {
    const ws = workspaceWithDataset();
    writeFileSync(path.join(ws, 'ci', 'baseline.json'), '{ not json');
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'ci/baseline.json' } });
    expect(r.code).toBe(1);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/baseline/);
    expect(hasStackTrace(r)).toBe(false);
  });
});

describe('a dataset the tool cannot read fails with one line, never a stack trace', () => {
  it('an index.jsonl that is a directory', async () => {
    const ws = makeWorkspace();
    mkdirSync(path.join(ws, 'odd', 'index.jsonl'), { recursive: true });
    mkdirSync(path.join(ws, 'odd', 'episodes'));
    const r = await runAction({ workspace: ws, inputs: { dataset: 'odd' } });
    expect(r.code).toBe(1);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/index\.jsonl: is a directory, not a regular file/);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('a report path under a file', async () => {
    const ws = workspaceWithDataset();
    writeFileSync(path.join(ws, 'plain-file'), '');
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', report: 'plain-file/report.json' } });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^Input 'report' needs the folder .*plain-file, which cannot be made \(EEXIST|ENOTDIR/),
    ]);
  });
});

describe("the runner's per-step files", () => {
  it('a GITHUB_OUTPUT that names no file fails at once with the fix, before any scan', async () => {
    const r = await runAction({ env: { GITHUB_OUTPUT: path.join(tempDir('episode-gate-no-output-'), 'absent', 'out.txt') } });
    expect(r.code).toBe(1);
    expect(hasStackTrace(r)).toBe(false);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/GITHUB_OUTPUT names .*out\.txt, which does not exist: the Actions runner creates that file.*unset it/);
    expect(errors(r)[0]).not.toMatch(/broke/);
    expect(r.stdout).not.toMatch(/episodes classified/);
  });

  it('a misspelt input fails naming the nearest, instead of gating the bundled fixtures', async () => {
    const ws = tempDir('episode-gate-typo-');
    const r = await runAction({ workspace: ws, inputs: { datset: 'data' } });
    expect(r.code).toBe(1);
    expect(hasStackTrace(r)).toBe(false);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/Input 'datset' is not an input of episode-gate \(set as INPUT_DATSET\).*did you mean 'dataset'\?/);
    expect(r.stdout).not.toMatch(/scanning|episodes classified/);
  });

  it('a GITHUB_STEP_SUMMARY that names no file only warns, naming it', async () => {
    const r = await runAction({ env: { GITHUB_STEP_SUMMARY: path.join(tempDir('episode-gate-no-summary-'), 'absent.md') } });
    expect(r.code).toBe(0);
    const warnings = r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings.some((w) => /no job summary written: GITHUB_STEP_SUMMARY names .*absent\.md, which does not exist/.test(w))).toBe(true);
  });
});
