/**
 * The Action judged against a rolling baseline: an earlier run's JSON report (as a nightly
 * workflow downloads it from that run's report artifact), combined with the committed baseline
 * whose pinned cases and tolerances still apply.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { growIndex } from '../support/shard-datasets.js';
import { copyDataset } from '../support/action-datasets.js';
import { REPO_ROOT, hasStackTrace, makeWorkspace, runAction } from '../support/run-action.js';

const COMMITTED = path.join(REPO_ROOT, 'fixtures', 'baseline.json');
/** The fixture dataset's episodes, as the committed baseline counts them. */
const FIXTURE_COUNT = (JSON.parse(readFileSync(COMMITTED, 'utf8')) as { counts: { scanned: number } }).counts.scanned;

/** A workspace with the fixtures under data/, the committed baseline under ci/, and last night's report under prev/. */
async function nightlyWorkspace(): Promise<string> {
  const ws = makeWorkspace();
  copyDataset(path.join(ws, 'data'));
  mkdirSync(path.join(ws, 'ci'));
  mkdirSync(path.join(ws, 'prev'));
  copyFileSync(COMMITTED, path.join(ws, 'ci', 'baseline.json'));
  const last = await runAction({ workspace: ws, inputs: { dataset: 'data', report: 'prev/report.json' } });
  expect(last.code, last.stdout).toBe(0);
  return ws;
}

let ws = '';
beforeAll(async () => {
  ws = await nightlyWorkspace();
}, 120_000);

describe('input baseline-report', () => {
  it('judges an unchanged dataset against the earlier report as a snapshot', async () => {
    const r = await runAction({
      workspace: ws,
      inputs: { dataset: 'data', 'baseline-report': 'prev/report.json', baseline: 'ci/baseline.json' },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`Baseline: the report ${path.join(ws, 'prev', 'report.json')} (${FIXTURE_COUNT} episodes`);
    expect(r.stdout).toContain('with the pinned cases and tolerances of');
    expect(r.summary).toContain(`**Mode: snapshot** — the dataset holds the baseline's ${FIXTURE_COUNT} episodes, unchanged`);
  });

  it('judges the episodes added since as a new cohort', async () => {
    const grown = makeWorkspace();
    copyDataset(path.join(grown, 'data'));
    growIndex(path.join(grown, 'data'), 'x');
    mkdirSync(path.join(grown, 'prev'));
    copyFileSync(path.join(ws, 'prev', 'report.json'), path.join(grown, 'prev', 'report.json'));
    const r = await runAction({ workspace: grown, inputs: { dataset: 'data', 'baseline-report': 'prev/report.json' } });
    expect(r.summary).toContain('**Mode: changed dataset** — 6 new, judged as a cohort');
    // The one regression: the row added whose tarball never arrived (last night's report lists its own missing rows).
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs.regressions).toBe('1');
    expect(r.summary).toContain(
      '1 index row new since the baseline lists an episode whose tarball is missing (lab-x 1; tolerance 0, tolerance.missing_new): lab-x/ep-never-uploaded',
    );
  });

  it("still applies the committed file's pinned cases", async () => {
    const b = JSON.parse(readFileSync(COMMITTED, 'utf8')) as { cases: Array<{ name: string; expect: string; reasons?: string[] }> };
    const c = b.cases.find((x) => x.expect === 'kept')!;
    c.expect = 'flagged';
    c.reasons = ['flat-cpu'];
    writeFileSync(path.join(ws, 'ci', 'wrong-pin.json'), JSON.stringify(b));
    const r = await runAction({
      workspace: ws,
      inputs: { dataset: 'data', 'baseline-report': 'prev/report.json', baseline: 'ci/wrong-pin.json' },
    });
    expect(r.code).toBe(1);
    expect(r.summary).toContain(`pinned case "${c.name}"`);
  });

  it('names a missing report and the fix, exit 1 without a stack trace', async () => {
    const r = await runAction({ workspace: ws, inputs: { dataset: 'data', 'baseline-report': 'prev/none.json' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::Input 'baseline-report' names prev/none.json (relative to the workspace ");
    expect(r.stdout).toContain(", which does not exist: download the earlier run's report artifact there first");
    expect(hasStackTrace(r)).toBe(false);
  });
});
