import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { writeReport } from '../../src/gate/report.js';
import { appendHistoryFile, readHistoryFile } from '../../src/history/file.js';
import { rowFromReport } from '../../src/history/format.js';
import { baselineOf, fakeReport, flagged, kept } from '../support/fake-reports.js';
import { tempDir } from '../support/helpers.js';

const tmp = tempDir('history-cli-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env, cwd: tmp };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

describe('episode-gate history', () => {
  writeReport(path.join(tmp, 'r.json'), fakeReport([...kept(8), ...flagged(2)]));

  it('takes the commit and run id from GitHub Actions; the same run recorded twice is one row', async () => {
    const env = { GITHUB_SHA: 'f'.repeat(40), GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '2' };
    expect((await cli(['history', 'append', '--history', 'h.jsonl', '--report', 'r.json'], env)).code).toBe(0);
    expect((await cli(['history', 'append', '--history', 'h.jsonl', '--report', 'r.json'], env)).code).toBe(0);
    const rows = readHistoryFile(path.join(tmp, 'h.jsonl'), 'h.jsonl');
    expect(rows.map((r) => [r.commit, r.run, r.scanned, r.flagged])).toEqual([['f'.repeat(40), '777-2', 10, 2]]);
  });

  it("records the new, gone and flipped episodes against a baseline's episode map", async () => {
    const base = baselineOf([...kept(8), ['lab-a', 'bad-0', ['flat-cpu']], ['lab-a', 'old', []], ['lab-a', 'bad-1', []]]);
    writeFileSync(path.join(tmp, 'base.json'), JSON.stringify(base));
    const r = await cli([
      'history',
      'append',
      '--history',
      'changes.jsonl',
      '--report',
      'r.json',
      '--baseline',
      'base.json',
      '--run-id',
      '1',
    ]);
    expect([r.code, r.err]).toEqual([0, 'episode-gate history: recorded 10 episodes (2 flagged) in changes.jsonl; 1 run kept\n']);
    expect(readHistoryFile(path.join(tmp, 'changes.jsonl'), 'changes.jsonl')[0]!.changes).toEqual({
      new: 0,
      gone: 1,
      missing: 0,
      modified: 0,
      flips: 1,
      reasons_changed: 0,
      new_flagged: 0,
      new_hosts: {},
    });
  });

  it('refuses bad input in one line with exit 2', async () => {
    let r = await cli(['history', 'append', '--report', 'r.json']);
    expect([r.code, r.err]).toEqual([
      2,
      'episode-gate history append: error: the following arguments are required: --history; episode-gate history append --help lists the options\n',
    ]);
    r = await cli(['history', 'show', '--history', 'h.jsonl', '--drift-window', '3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--drift-window and --drift-action need --drift-tolerance PP/);
    r = await cli(['history', 'show', '--history', 'h.jsonl', '--drift-tolerance', 'lots']);
    expect(r.err).toMatch(/argument --drift-tolerance: expected percentage points such as 5 or 2.5, got 'lots'/);
    writeFileSync(path.join(tmp, 'broken.jsonl'), '{"v":1,\n');
    r = await cli(['history', 'show', '--history', 'broken.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'episode-gate: ERROR (exit 2; the tool could not run, this is not a gate verdict): broken.jsonl line 1 is not JSON: a history file holds one JSON row per line (episode-gate history append writes it); fix or delete that line\n',
    );
    r = await cli(['history', 'prune']);
    expect([r.code, r.err]).toEqual([
      2,
      "episode-gate history: error: invalid command 'prune' (choose from 'append', 'show'); episode-gate history --help lists them\n",
    ]);
  });

  it('says when there is nothing to show yet, and names a history file that is not there', async () => {
    writeFileSync(path.join(tmp, 'empty.jsonl'), '');
    const r = await cli(['history', 'show', '--history', 'empty.jsonl']);
    expect([r.code, r.out]).toEqual([0, 'no runs recorded yet (episode-gate history append adds one)\n']);
    const typo = await cli(['history', 'show', '--history', 'none.jsonl']);
    expect([typo.code, typo.out, typo.err]).toEqual([
      2,
      '',
      'episode-gate: ERROR (exit 2; the tool could not run, this is not a gate verdict): no history file at none.jsonl; check the path, or start one with episode-gate history append --history none.jsonl --report REPORT\n',
    ]);
  });
});

describe('check --history', () => {
  const at = (day: number): string => new Date(Date.UTC(2026, 10, 1 + day)).toISOString();
  // Fourteen quiet nights on two hosts, then tonight lab-b flags 9 of 10.
  for (let d = 0; d < 14; d++) {
    const r = fakeReport([...kept(9), ...flagged(1), ...kept(9, 'lab-b', 'b-ok'), ...flagged(1, ['flat-cpu'], 'lab-b')]);
    r.generated_at = at(d);
    appendHistoryFile(path.join(tmp, 'nights.jsonl'), 'nights.jsonl', rowFromReport(r, { commit: null, run: String(d) }));
  }
  const tonight = fakeReport([...kept(9), ...flagged(1), ...kept(1, 'lab-b', 'b-ok'), ...flagged(9, ['workload-silent'], 'lab-b')]);
  tonight.generated_at = at(14);
  writeReport(path.join(tmp, 'tonight.json'), tonight);

  it('draws the trend with this run as the newest point, names the drift, and fails on it when asked; the file is not written', async () => {
    const before = readFileSync(path.join(tmp, 'nights.jsonl'), 'utf8');
    const args = ['check', '--report', 'tonight.json', '--history', 'nights.jsonl', '--drift-tolerance', '2', '--drift-window', '7'];
    const warned = await cli(args, { GITHUB_RUN_ID: '99' });
    expect(warned.code).toBe(0);
    expect(warned.out).toContain('#### Trend over the last 15 runs');
    expect(warned.out).toMatch(
      /> \[!WARNING\]\n> The drift rule warns:\n> - drift on all hosts: flagged 15\.7% over the last 7 runs, up 5\.7 pp from 10\.0% over the 7 before \(tolerance 2 pp\)\n> - drift on host lab-b: flagged 21\.4% over the last 7 runs, up 11\.4 pp from 10\.0%/,
    );
    expect(warned.out).toMatch(/```mermaid\nxychart-beta\n {2}title "Flagged episodes \(% of scanned\), last 15 runs"\n/);
    expect(warned.out).toMatch(/\| 15 \| 2026-11-15 00:00 \| {2}\| 20 \| 10 \| 50 \|/);
    expect(warned.err).toMatch(/warning: drift on host lab-b/);
    const failed = await cli([...args, '--drift-action', 'fail']);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/GATE FAILED \(exit 1\): drift on all hosts: .*; drift on host lab-b: /);
    expect(failed.out).toContain('> [!CAUTION]\n> The drift rule fails the gate:');
    // --fail-on never is report only: the drift warns, whatever --drift-action says.
    const reportOnly = await cli([...args, '--drift-action', 'fail', '--fail-on', 'never']);
    expect(reportOnly.code).toBe(0);
    expect(reportOnly.out).toContain('> [!WARNING]\n> The drift rule warns:');
    expect(readFileSync(path.join(tmp, 'nights.jsonl'), 'utf8')).toBe(before);
    const plain = await cli(['check', '--report', 'tonight.json']);
    expect(plain.out).not.toContain('Trend over');
  });

  it('puts the same trend into the HTML report: one point per run, this run last', async () => {
    await cli(['check', '--report', 'tonight.json', '--history', 'nights.jsonl', '--html', 'trend.html']);
    const html = readFileSync(path.join(tmp, 'trend.html'), 'utf8');
    const rows = readFileSync(path.join(tmp, 'nights.jsonl'), 'utf8').trim().split('\n').length;
    expect(html).toContain('id="trend"');
    expect(html.match(/class="trend-point"/g)?.length).toBe(rows + 1);
  });

  it('refuses a drift rule without a history', async () => {
    const r = await cli(['check', '--report', 'tonight.json', '--drift-tolerance', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--drift-tolerance needs --history FILE/);
  });
});
