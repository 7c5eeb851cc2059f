/**
 * A matrix through the bundled Action: shard jobs (`shard: K/N`) upload their partial reports
 * with the real artifact client to the loopback fake, and the gate job (`merge: pattern`) lists,
 * downloads and merges them. Its outputs, summary and report equal one unsharded run's; a
 * missing, repeated or mismatched shard fails the step with one line.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/gate/report.js';
import { copyDataset } from '../support/action-datasets.js';
import { FakeGitHub } from '../support/fake-github.js';
import { REPO_ROOT, hasStackTrace, makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';

let gh: FakeGitHub;
let ws: string;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  // One workspace for every job of the "run", so paths in summaries read the same.
  ws = makeWorkspace();
  copyDataset(path.join(ws, 'data'));
  mkdirSync(path.join(ws, 'ci'));
  copyFileSync(path.join(REPO_ROOT, 'fixtures', 'baseline.json'), path.join(ws, 'ci', 'baseline.json'));
});
afterAll(async () => {
  await gh.stop();
});

const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const run = (inputs: Record<string, string>): Promise<ActionRun> => runAction({ workspace: ws, inputs, env: gh.env() });
const readReport = (f: string): Report => JSON.parse(readFileSync(f, 'utf8')) as Report;
const timeless = (r: Report): unknown => ({ ...r, generated_at: null, totals: { ...r.totals, elapsed_ms: null } });
/**
 * What may differ between a merged and an unsharded run's summary: the scan time, the footer naming
 * the source, and the accept command (rebuilt from each run's own inputs: a dataset, or a report).
 */
const comparable = (md: string): string =>
  md
    .replace(/scanned in \d+\.\d s/g, 'scanned in ? s')
    .replace(/\n<sub>Dataset: [^\n]*<\/sub>\n$/, '\n')
    .replace(/<code>episode-gate baseline [^<]*<\/code>/g, '<code>episode-gate baseline …</code>');

async function scanShards(prefix: string, n: number, which: number[] = [], extra: (k: number) => Record<string, string> = () => ({})) {
  const runs: ActionRun[] = [];
  for (const k of which.length ? which : Array.from({ length: n }, (_, i) => i + 1)) {
    const r = await run({ dataset: 'data', shard: `${k}/${n}`, 'upload-report': prefix, report: `out/${prefix}-${k}.json`, ...extra(k) });
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.code).toBe(0);
    runs.push(r);
  }
  return runs;
}

describe('shard jobs, then one merge job, give what one unsharded job gives', () => {
  it('as the self-test workflow runs it: the bundled fixtures, default artifact names', async () => {
    const single = await run({ baseline: 'ci/baseline.json', report: 'out/bundled-whole.json' });
    for (const k of [1, 2, 3]) {
      const r = await run({ shard: `${k}/3`, report: `out/bundled-${k}.json` });
      expect(errors(r), r.stdout).toEqual([]);
      expect(r.outputs['shard-artifact']).toBe(`episode-gate-shard-${k}-of-3`);
    }
    const merged = await run({ merge: 'episode-gate-shard-*', baseline: 'ci/baseline.json', report: 'out/bundled-whole.json' });
    expect(merged.code).toBe(0);
    expect(merged.outputs).toEqual(single.outputs);
    const baseline = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures', 'baseline.json'), 'utf8')) as {
      counts: Record<string, number>;
    };
    expect(Number(merged.outputs.scanned)).toBe(baseline.counts.scanned);
    expect(merged.outputs.passed).toBe('true');
  });

  const scenarios: Array<[n: number, failOn: string]> = [
    [3, 'regression'],
    [2, 'flagged'],
  ];
  for (const [n, failOn] of scenarios) {
    it(`N=${n}, fail-on ${failOn}`, async () => {
      const prefix = `matrix-${n}-${failOn}`;
      const gate = { baseline: 'ci/baseline.json', 'fail-on': failOn, report: 'out/report.json' };
      const single = await run({ dataset: 'data', ...gate });
      const whole = readReport(single.outputs.report!);

      // Every row of the index: scanned, tarball missing, or a line the reference skips.
      const indexRows = whole.counts.scanned + whole.missing_tarballs.length + whole.index_problems.length;
      const shards = await scanShards(prefix, n);
      shards.forEach((s, i) => {
        const name = `${prefix}-${i + 1}-of-${n}`;
        expect(s.outputs['shard-artifact']).toBe(name);
        expect(s.outputs.passed).toBeUndefined();
        expect(s.outputs.regressions).toBeUndefined();
        expect(gh.uploads.get(name)?.finalize).toBeDefined();
        expect(s.summary).toContain(`episode-gate: shard ${i + 1}/${n} scanned, not gated`);
        expect(s.summary).toContain(`the artifact <code>${name}</code>`);
        expect(readReport(s.outputs.report!).shard).toEqual({ index: i + 1, count: n, index_rows: indexRows });
      });
      expect(shards.reduce((t, s) => t + Number(s.outputs.scanned), 0)).toBe(whole.counts.scanned);

      const before = gh.requests.length;
      const merged = await run({ merge: `${prefix}-*`, ...gate });
      expect(merged.code).toBe(single.code);
      expect(merged.outputs).toEqual(single.outputs);
      expect(errors(merged)).toEqual(errors(single));
      expect(comparable(merged.summary)).toBe(comparable(single.summary));
      expect(merged.summary).toMatch(new RegExp(`<sub>Dataset: ${n} shard reports merged from this run's artifacts ${prefix}-1-of-${n}`));
      expect(timeless(readReport(merged.outputs.report!))).toEqual(timeless(whole));
      // Through the artifact service: one listing, then each shard's artifact fetched by its signed URL.
      const mine = gh.requests.slice(before);
      expect(
        gh.twirp('ListArtifacts').some((q) => mine.includes(q) && q.json?.name_filter === undefined && q.json?.id_filter === undefined),
      ).toBe(true);
      expect(mine.filter((q) => q.path.endsWith('/GetSignedArtifactURL')).map((q) => q.json?.name)).toEqual(
        Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}-of-${n}`),
      );
    });
  }
});

describe('the merge job fails with one line when the shards are not one complete set', () => {
  function expectFailure(r: ActionRun, message: string | RegExp): void {
    expect(r.code).toBe(1);
    const errs = errors(r);
    expect(errs).toHaveLength(1);
    if (typeof message === 'string') expect(errs[0]).toBe(message);
    else expect(errs[0]).toMatch(message);
    expect(hasStackTrace(r)).toBe(false);
    expect(r.summary).toMatch(/could not run/);
    expect(r.outputs.passed).toBeUndefined();
  }

  it('a missing shard (its job failed, or the matrix lists fewer shards)', async () => {
    await scanShards('gap', 3, [1, 3]);
    expectFailure(
      await run({ merge: 'gap-*', baseline: 'ci/baseline.json' }),
      'episode-gate: shard 2/3 is missing (got 1/3, 3/3): pass the reports of all 3 shards; a missing shard is not a smaller dataset',
    );
  });

  it('a shard of other settings', async () => {
    await scanShards('mixed', 2, [], (k): Record<string, string> => (k === 2 ? { reasons: 'flat-cpu' } : {}));
    expectFailure(
      await run({ merge: 'mixed-*' }),
      "episode-gate: artifact 'mixed-1-of-2' and artifact 'mixed-2-of-2' count different reasons (all reasons vs reasons: flat-cpu): give every shard the same reasons input",
    );
  });

  it('the same shard scanned twice: the second upload is refused', async () => {
    await scanShards('twice', 2, [1, 2]);
    const again = await run({ dataset: 'data', shard: '2/2', 'upload-report': 'twice', report: 'out/again.json' });
    expect(again.code).toBe(1);
    expect(errors(again)).toEqual([
      expect.stringMatching(
        /^Input 'shard': could not upload the report as artifact 'twice-2-of-2': .*409.*: another job of this run already uploaded shard 2\/2/,
      ),
    ]);
    expect(hasStackTrace(again)).toBe(false);
    // The scan itself went through: outputs, and a summary saying why the upload failed.
    expect(again.outputs.scanned).toBeDefined();
    expect(again.summary).toContain('Its report could not be uploaded: Input');
  });

  it('a pattern that matches no artifact', async () => {
    expectFailure(
      await run({ merge: 'nothing-like-this-*' }),
      /^Input 'merge': no artifact of this run matches 'nothing-like-this-\*' \(it has .*\): check the pattern, and that the shard jobs ran before this one \(needs:\)/,
    );
  });

  it('a pattern that also matches an artifact that is not a report', async () => {
    gh.addArtifact({ name: 'odd-notes', data: Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1'), zip: true, runId: null });
    await scanShards('odd', 1);
    const r = await run({ merge: 'odd*' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      "artifact 'odd-notes' matches 'odd*' but holds no *.json report: narrow the pattern to the shard reports' artifacts",
    ]);
  });
});

describe('shard and merge inputs that do not go together', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ shard: '1/2', merge: 'x-*' }, /^Input 'shard' and 'merge' are both set: each matrix job scans one shard/],
    [{ merge: 'x-*', dataset: 'data' }, /^Input 'merge' and 'dataset' are both set: the shard jobs scanned the dataset/],
    [{ merge: 'x-*', settings: 'ci/baseline.json' }, /^Input 'merge' and 'settings' are both set/],
    [{ shard: '3/2', dataset: 'data' }, /^Input 'shard' is "3\/2": give K\/N with 1 <= K <= N <= 1024/],
    [{ shard: 'all', dataset: 'data' }, /^Input 'shard' is "all": give K\/N/],
    [
      { shard: '1/2', dataset: 'data', baseline: 'ci/baseline.json' },
      /^Input 'shard' and 'baseline' are both set: a shard is not gated alone/,
    ],
    [{ merge: 'a/b*' }, /^Input 'merge' is "a\/b\*": artifact names cannot contain "\/"/],
    [{ shard: '1/2', dataset: 'data' }, /^Input 'shard': the artifact service is not available here/],
  ];
  for (const [inputs, message] of cases) {
    it(JSON.stringify(inputs), async () => {
      // Outside a job's artifact service: the input checks come first.
      const r = await runAction({ workspace: ws, inputs });
      expect(r.code).toBe(1);
      expect(errors(r)).toHaveLength(1);
      expect(errors(r)[0]).toMatch(message);
      expect(hasStackTrace(r)).toBe(false);
    });
  }
});
