/**
 * The bundled episode-gate, run as a process: a real scan of the fixtures recorded in a history,
 * shown in the terminal, and drawn into check's summary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
    for (const run of ['41', '42']) {
      // Each night's own report (the same report recorded twice is one run: see the last test).
      expect(gate(['check', '--dataset', dataset, '--baseline', baseline, '--report-out', 'r.json']).code).toBe(0);
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
    expect(rows[0]!.changes).toEqual({
      new: 0,
      gone: 0,
      missing: 0,
      modified: 0,
      flips: 0,
      reasons_changed: 0,
      new_flagged: 0,
      new_hosts: {},
    });
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

  it('records a pruned episode as gone, a lost tarball as missing and a rewritten one as modified', () => {
    const data = path.join(tmp, 'changed');
    cpSync(path.join(REPO, 'fixtures', 'dataset'), data, { recursive: true });
    expect(gate(['baseline', '--dataset', 'changed', '--out', 'changed-baseline.json']).code).toBe(0);
    const lines = readFileSync(path.join(data, 'index.jsonl'), 'utf8').split('\n');
    const rows = lines.map((l) => {
      try {
        return JSON.parse(l) as { host_id?: string; episode_id?: string };
      } catch {
        return {};
      }
    });
    const tarballOf = (i: number): string => path.join(data, 'episodes', rows[i]!.host_id!, `${rows[i]!.episode_id}.tar.zst`);
    const present = rows
      .map((_, i) => i)
      .filter((i) => {
        const r = rows[i]!;
        return (
          typeof r.host_id === 'string' &&
          typeof r.episode_id === 'string' &&
          readdirSync(path.dirname(tarballOf(i))).includes(`${r.episode_id}.tar.zst`)
        );
      });
    const [pruned, lost, rewritten] = present as [number, number, number];
    // Pruned: its row and its tarball go. Lost: the tarball goes, the row stays. Rewritten: same content, other bytes.
    rmSync(tarballOf(pruned));
    rmSync(tarballOf(lost));
    const recompressed = execFileSync('zstd', ['-q', '-d', '-c', tarballOf(rewritten)]);
    writeFileSync(tarballOf(rewritten), execFileSync('zstd', ['-q', '-19', '-c'], { input: recompressed }));
    writeFileSync(path.join(data, 'index.jsonl'), lines.filter((_, i) => i !== pruned).join('\n'));
    gate(['check', '--dataset', 'changed', '--baseline', 'changed-baseline.json', '--report-out', 'changed.json']);
    expect(
      gate(['history', 'append', '--history', 'changed.jsonl', '--report', 'changed.json', '--baseline', 'changed-baseline.json']).code,
    ).toBe(0);
    const row = JSON.parse(readFileSync(path.join(tmp, 'changed.jsonl'), 'utf8')) as { changes: object };
    expect(row.changes).toEqual({ new: 0, gone: 1, missing: 1, modified: 1, flips: 0, reasons_changed: 0, new_flagged: 0, new_hosts: {} });
    const show = gate(['history', 'show', '--history', 'changed.jsonl']);
    expect(show.out).toMatch(/ {8}0 {8}1 {8}1 {8}1 {8}0 {8}-\n$/);
  });

  it('draws a report already recorded once, however it is recorded or drawn again', () => {
    const baseline = path.join(REPO, 'fixtures', 'baseline.json');
    const dataset = path.join(REPO, 'fixtures', 'dataset');
    expect(gate(['check', '--dataset', dataset, '--baseline', baseline, '--report-out', 'once.json']).code).toBe(0);
    expect(gate(['history', 'append', '--history', 'once.jsonl', '--report', 'once.json', '--run-id', '7']).code).toBe(0);
    // The same report appended under another run id: still one run.
    const again = gate(['history', 'append', '--history', 'once.jsonl', '--report', 'once.json', '--run-id', '8']);
    expect(again.err).toContain('1 run kept');
    // check --report of that report, with the history: the trend has it once, not twice.
    const drawn = gate(['check', '--report', 'once.json', '--baseline', baseline, '--history', 'once.jsonl']);
    expect(drawn.code).toBe(0);
    expect(drawn.out).toContain('#### Trend over the last 1 run');
  });
});
