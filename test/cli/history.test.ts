import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { writeReport } from '../../src/gate/report.js';
import { readHistoryFile } from '../../src/history/file.js';
import { fakeReport, flagged, kept } from '../support/fake-reports.js';
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

  it('refuses bad input in one line with exit 2', async () => {
    let r = await cli(['history', 'append', '--report', 'r.json']);
    expect([r.code, r.err.trim().split('\n').pop()]).toEqual([
      2,
      'episode-gate history append: error: the following arguments are required: --history',
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
      "usage: episode-gate history {append,show} [options]\nepisode-gate history: error: invalid command 'prune' (choose from 'append', 'show')\n",
    ]);
  });

  it('says when there is nothing to show yet', async () => {
    const r = await cli(['history', 'show', '--history', 'none.jsonl']);
    expect([r.code, r.out]).toEqual([0, 'no runs recorded yet (episode-gate history append adds one)\n']);
  });
});
