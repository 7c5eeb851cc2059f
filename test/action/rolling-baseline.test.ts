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
import { rollingAcceptHint } from '../../src/action/rolling-baseline.js';
import type { ActionSettings } from '../../src/action/inputs.js';

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
    // The rolling baseline under RUNNER_TEMP is rebuilt each run: the hint names this run's report as the next baseline-report.
    const accept = r.summary.split('\n').find((l) => l.startsWith('- **If these tarballs will not arrive'))!;
    expect(accept).toBe(
      "- **If these tarballs will not arrive, accept the index rows without them (the rolling baseline is rebuilt each run: make this run's report the next one's baseline report):** " +
        `<code>baseline-report: ${r.outputs.report} # this run&#39;s report (set upload-report to keep it past this job), in place of prev/report.json</code>`,
    );
    expect(r.summary).not.toContain('episode-gate baseline');
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
  it('names the input to use when the baseline and the report are swapped, not a command-line option', async () => {
    const asReport = await runAction({ workspace: ws, inputs: { dataset: 'data', 'baseline-report': 'ci/baseline.json' } });
    expect(asReport.code).toBe(1);
    expect(asReport.stdout).toMatch(/::error::.*ci\/baseline\.json is a baseline, not a report: pass it as the baseline input; /);
    const asBaseline = await runAction({ workspace: ws, inputs: { dataset: 'data', baseline: 'prev/report.json' } });
    expect(asBaseline.code).toBe(1);
    expect(asBaseline.stdout).toMatch(/::error::.*prev\/report\.json is a report, not a baseline: pass it as the baseline-report input /);
    for (const r of [asReport, asBaseline]) {
      expect(r.stdout).not.toMatch(/pass it with --baseline|episode-gate check --report/);
      expect(hasStackTrace(r)).toBe(false);
    }
  });
});

describe('the accept hint with a rolling baseline', () => {
  const settings = (over: Partial<ActionSettings>): ActionSettings =>
    ({
      workspace: '/ws',
      reportPath: '/rt/episode-gate/episode-gate-report.json',
      uploadReport: 'nightly-report',
      baselineReportPath: '/ws/prev/report.json',
      ...over,
    }) as ActionSettings;
  it('names the uploaded report as the next baseline-report, in place of the one given', () => {
    expect(rollingAcceptHint(settings({}), { GITHUB_RUN_ID: '77' }, false)).toBe(
      "baseline-report: episode-gate-report.json # this run's report, artifact nightly-report of run 77, in place of prev/report.json",
    );
  });
  it("with baseline-artifact: one run with it as baseline-report makes it the next night's baseline", () => {
    expect(rollingAcceptHint(settings({ baselineReportPath: null }), { GITHUB_RUN_ID: '77' }, true)).toBe(
      "baseline-report: episode-gate-report.json # this run's report, artifact nightly-report of run 77; run the workflow once with it in place of baseline-artifact, and that run's report is the next night's baseline",
    );
  });
});
