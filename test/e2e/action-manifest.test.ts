/**
 * The Action's `manifest` input, through the bundled Action run as the runner runs it
 * (node dist/index.js): a passed gate writes SHA256SUMS that sha256sum -c accepts and names the
 * files in its outputs; a failed one writes a FAILED manifest and no SHA256SUMS; a merge job of
 * shard reports writes the same SHA256SUMS as one unsharded job.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDataset } from '../support/action-datasets.js';
import { FakeGitHub } from '../support/fake-github.js';
import { REPO_ROOT, hasStackTrace, makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';

let gh: FakeGitHub;
let ws: string;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  ws = makeWorkspace();
  copyDataset(path.join(ws, 'data'));
  mkdirSync(path.join(ws, 'ci'));
  copyFileSync(path.join(REPO_ROOT, 'fixtures', 'baseline.json'), path.join(ws, 'ci', 'baseline.json'));
});
afterAll(async () => {
  await gh.stop();
});

const run = (inputs: Record<string, string>): Promise<ActionRun> => runAction({ workspace: ws, inputs, env: gh.env() });
const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const readJson = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;

describe('the manifest input', () => {
  it('writes the release manifest of a passed gate and names its files in the outputs', async () => {
    const r = await run({ dataset: 'data', baseline: 'ci/baseline.json', manifest: 'release' });
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.code).toBe(0);
    const dir = path.join(ws, 'release');
    expect(r.outputs).toMatchObject({
      'manifest-dir': dir,
      'manifest-json': path.join(dir, 'manifest.json'),
      sha256sums: path.join(dir, 'SHA256SUMS'),
      statement: path.join(dir, 'statement.intoto.json'),
      predicate: path.join(dir, 'predicate.json'),
    });
    const checked = execFileSync('sha256sum', ['--strict', '-c', r.outputs.sha256sums!], { cwd: path.join(ws, 'data'), encoding: 'utf8' });
    expect(checked.trimEnd().split('\n')).toHaveLength(Number(r.outputs.kept));
    const st = readJson<{ _type: string; subject: unknown[]; predicate: { result: string } }>(r.outputs.statement!);
    expect(st._type).toBe('https://in-toto.io/Statement/v1');
    expect(st.subject).toHaveLength(Number(r.outputs.kept));
    expect(st.predicate.result).toBe('PASSED');
    expect(r.summary).toContain(`Release manifest: ${r.outputs.kept} kept episodes in \`SHA256SUMS\`.`);
  });

  it('writes a FAILED manifest and no SHA256SUMS when the gate fails; the sha256sums output is empty', async () => {
    const r = await run({ dataset: 'data', 'fail-on': 'flagged', manifest: 'release-failed' });
    expect(r.code).toBe(1);
    expect(r.outputs.sha256sums).toBe('');
    expect(existsSync(path.join(ws, 'release-failed', 'SHA256SUMS'))).toBe(false);
    const m = readJson<{ gate: { result: string }; episodes: unknown[]; withheld: unknown[] }>(r.outputs['manifest-json']!);
    expect(m.gate.result).toBe('FAILED');
    expect(m.episodes).toEqual([]);
    expect(m.withheld).toHaveLength(Number(r.outputs.kept));
    expect(r.summary).toContain('Release manifest: verdict FAILED, nothing released');
  });

  it('is refused on a shard job with one line saying where it belongs', async () => {
    const r = await run({ dataset: 'data', shard: '1/2', manifest: 'release' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      "Input 'shard' and 'manifest' are both set: a manifest lists the whole dataset: set manifest on the merge job",
    ]);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('on the merge job of 3 shards gives the SHA256SUMS and statement subjects of one unsharded job', async () => {
    const single = await run({ dataset: 'data', baseline: 'ci/baseline.json', manifest: 'release-single' });
    expect(single.code).toBe(0);
    for (const k of [1, 2, 3]) {
      const s = await run({ dataset: 'data', shard: `${k}/3`, 'upload-report': 'mf', report: `out/mf-${k}.json` });
      expect(errors(s), s.stdout).toEqual([]);
    }
    const merged = await run({ merge: 'mf-*', baseline: 'ci/baseline.json', manifest: 'release-merged' });
    expect(errors(merged), merged.stdout).toEqual([]);
    expect(merged.code).toBe(0);
    const sums = readFileSync(merged.outputs.sha256sums!, 'utf8');
    expect(sums.trimEnd().split('\n')).toHaveLength(Number(merged.outputs.kept));
    expect(sums).toBe(readFileSync(single.outputs.sha256sums!, 'utf8'));
    const subjects = (f: string): unknown => readJson<{ subject: unknown }>(f).subject;
    expect(subjects(merged.outputs.statement!)).toEqual(subjects(single.outputs.statement!));
    const m = readJson<{ gate: { command: string } }>(merged.outputs['manifest-json']!);
    expect(m.gate.command).toBe('merge');
  });
});
