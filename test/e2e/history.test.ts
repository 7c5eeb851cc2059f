/**
 * The bundled episode-gate, run as a process: a real scan of the fixtures recorded in a history,
 * shown in the terminal, and drawn into check's summary.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/helpers.js';

const tmp = tempDir('history-e2e-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function gate(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'episode-gate.js'), ...args], {
    cwd: tmp,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('episode-gate history, bundled', () => {
  it('records two runs of the fixtures and shows them', () => {
    const baseline = path.join(REPO, 'fixtures', 'baseline.json');
    const counts = (JSON.parse(readFileSync(baseline, 'utf8')) as { counts: { scanned: number; flagged: number } }).counts;
    const dataset = path.join(REPO, 'fixtures', 'dataset');
    expect(gate(['check', '--dataset', dataset, '--baseline', baseline, '--report-out', 'r.json']).code).toBe(0);
    for (const run of ['41', '42']) {
      const r = gate(['history', 'append', '--history', 'h.jsonl', '--report', 'r.json', '--baseline', baseline], {
        GITHUB_RUN_ID: run,
        GITHUB_SHA: `${run}`.repeat(20),
      });
      expect([r.code, r.err]).toEqual([
        0,
        `episode-gate history: recorded ${counts.scanned} episodes (${counts.flagged} flagged) in h.jsonl; ${run === '41' ? '1 run' : '2 runs'} kept\n`,
      ]);
    }
    const rows = readFileSync(path.join(tmp, 'h.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { run: string; changes: object; gate?: string });
    expect(rows.map((r) => r.run)).toEqual(['41', '42']);
    // The decision check wrote into the report is the row's.
    expect((JSON.parse(readFileSync(path.join(tmp, 'r.json'), 'utf8')) as { gate: object }).gate).toEqual({
      passed: true,
      fail_on: 'regression',
      fail_reason: null,
    });
    expect(rows.map((r) => r.gate)).toEqual(['passed', 'passed']);
    expect(rows[0]!.changes).toEqual({ new: 0, gone: 0, flips: 0, reasons_changed: 0 });
    const show = gate(['history', 'show', '--history', 'h.jsonl']);
    expect(show.code).toBe(0);
    const rate = (100 * counts.flagged) / counts.scanned;
    expect(show.out).toContain(`▁▁  now ${rate.toFixed(1)}%, range ${rate.toFixed(1)}%–${rate.toFixed(1)}%\n`);
    const check = gate(['check', '--dataset', dataset, '--baseline', baseline, '--history', 'h.jsonl']);
    expect(check.code).toBe(0);
    expect(check.out).toContain('#### Trend over the last 3 runs');
    const r2 = rate.toFixed(2);
    expect(check.out).toContain(`  line [${r2}, ${r2}, ${r2}]`);
    // This run's own decision is in the table's last row beside the stored ones.
    expect(check.out.match(/\| ✅ passed \|/g)).toHaveLength(3);
  });

  it("records a failed run as failed, and the terminal's trend says so", () => {
    const dataset = path.join(REPO, 'fixtures', 'dataset');
    // A stricter threshold flags more episodes than the baseline allows: the gate fails.
    const failed = gate([
      'check',
      '--dataset',
      dataset,
      '--baseline',
      path.join(REPO, 'fixtures', 'baseline.json'),
      '--set',
      'netflowSpreadBytes=999999999',
      '--report-out',
      'f.json',
    ]);
    expect(failed.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(tmp, 'f.json'), 'utf8')) as { gate: { passed: boolean; fail_reason: string } };
    expect(report.gate.passed).toBe(false);
    expect(report.gate.fail_reason).toMatch(/regression/);
    expect(gate(['history', 'append', '--history', 'f.jsonl', '--report', 'f.json'], { GITHUB_RUN_ID: '7' }).code).toBe(0);
    const show = gate(['history', 'show', '--history', 'f.jsonl']);
    expect(show.out).toMatch(/^gate +failed 1 of the 1 run that recorded it$/m);
    expect(show.out).toMatch(/ failed +\d+ +\d+ /);
  });
});
