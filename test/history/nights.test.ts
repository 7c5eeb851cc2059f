import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { writeReport } from '../../src/gate/report.js';
import { readHistoryFile } from '../../src/history/file.js';
import { trendMarkdown } from '../../src/render/trend.js';
import { fakeReport, flagged, kept, type FakeEpisode } from '../support/fake-reports.js';
import { tempDir } from '../support/helpers.js';

const tmp = tempDir('history-nights-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HOSTS = ['lab-a', 'lab-b', 'lab-c', 'lab-d'];
const BAD_HOST = 'lab-c';
const BAD_FROM = 40;
const PER_HOST = 50;

/** Night n (1-based): each host scans 50 episodes and flags 2 to 4 of them; lab-c flags 30 from night 40 on. */
function night(n: number) {
  const eps: FakeEpisode[] = [];
  HOSTS.forEach((host, h) => {
    const bad = host === BAD_HOST && n >= BAD_FROM ? 30 : 2 + ((n * 7 + h * 3) % 3);
    const silent = Math.floor(bad / 3);
    eps.push(...kept(PER_HOST - bad, host, `n${n}-ok`));
    eps.push(...flagged(bad - silent, ['flat-cpu'], host, `n${n}-flat`));
    eps.push(...flagged(silent, ['workload-silent'], host, `n${n}-silent`));
  });
  const report = fakeReport(eps);
  report.generated_at = new Date(Date.UTC(2026, 9, 1, 2, 0) + (n - 1) * 86_400_000).toISOString();
  return report;
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd: tmp };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

const round = (x: number): number => Math.round(x * 100) / 100;
/** The values of every `line [...]` of a mermaid source, chart by chart. */
const chartLines = (md: string): number[][] => [...md.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => m[1]!.split(', ').map(Number));

describe('sixty nights with a host going bad on night 40', () => {
  const history = path.join(tmp, 'history.jsonl');
  const results: Array<{ code: number; err: string }> = [];

  it('records every night, keeps the file within its bound, and fails on drift on night 40 naming the host', async () => {
    for (let n = 1; n <= 60; n++) {
      writeReport(path.join(tmp, 'report.json'), night(n));
      const r = await cli([
        'history',
        'append',
        '--history',
        'history.jsonl',
        '--report',
        'report.json',
        '--run-id',
        String(1000 + n),
        '--commit',
        `c${String(n).padStart(2, '0')}ffee00`,
        '--max-rows',
        '50',
        '--drift-tolerance',
        '5',
        '--drift-window',
        '7',
        '--drift-action',
        'fail',
      ]);
      results.push(r);
      const lines = readFileSync(history, 'utf8').split('\n').filter(Boolean);
      expect(lines).toHaveLength(Math.min(n, 50));
    }
    const firstFail = results.findIndex((r) => r.code === 1) + 1;
    expect(firstFail).toBe(BAD_FROM);
    expect(results.slice(0, BAD_FROM - 1).every((r) => r.code === 0)).toBe(true);
    const alert = results[BAD_FROM - 1]!.err;
    expect(alert).toMatch(/DRIFT \(fails the run\): drift on host lab-c: flagged \d+\.\d% over the last 7 runs/);
    expect(alert).not.toMatch(/all hosts|host lab-[abd]/);
    expect(results[12]!.err).toMatch(/drift rule not applied yet: it needs 14 runs, the history has 13/);
    expect(results[20]!.err).toMatch(/no drift over the last 7 runs/);
    const rows = readHistoryFile(history, 'history.jsonl');
    expect(rows.map((r) => r.run)).toEqual(Array.from({ length: 50 }, (_, i) => String(1011 + i)));
  });

  it("draws the charts from the rows' own numbers", () => {
    const rows = readHistoryFile(history, 'history.jsonl');
    const last = rows.slice(-30);
    const md = trendMarkdown(rows, { lastRuns: 30 });
    const [rate, flat, silent, ...hostLines] = chartLines(md);
    expect(rate).toEqual(last.map((r) => round((r.flagged * 100) / r.scanned)));
    expect(md).toContain('title "Flagged for flat-cpu (% of scanned)"');
    expect(flat).toEqual(last.map((r) => round(((r.by_reason['flat-cpu'] ?? 0) * 100) / r.scanned)));
    expect(silent).toEqual(last.map((r) => round(((r.by_reason['workload-silent'] ?? 0) * 100) / r.scanned)));
    expect(hostLines).toHaveLength(HOSTS.length);
    const c = HOSTS.indexOf(BAD_HOST);
    expect(hostLines[c]).toEqual(last.map((r) => round((r.hosts[BAD_HOST]![1] * 100) / r.hosts[BAD_HOST]![0])));
    const tableRows = [...md.matchAll(/^\| (\d+) \| [^|]+ \| `(\w+)` \| (\d+) \| (\d+) \|/gm)];
    expect(tableRows.map((m) => [Number(m[1]), m[2], Number(m[3]), Number(m[4])])).toEqual(
      last.map((r, i) => [i + 1, r.commit!.slice(0, 7), r.scanned, r.flagged]),
    );
  });

  it('shows the trend in the terminal', async () => {
    const r = await cli([
      'history',
      'show',
      '--history',
      'history.jsonl',
      '--runs',
      '25',
      '--drift-tolerance',
      '5',
      '--drift-window',
      '14',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^50 runs recorded; the last 25, 2026-11-05 to 2026-11-29:/);
    expect(r.out).toMatch(/^flagged +[▁▂▃▄▅▆▇█]{25} {2}now /m);
    expect(r.out).toMatch(/^ {2}host lab-c +[▁▂▃▄▅▆▇█]{25} {2}now 60\.0%/m);
    expect(r.out.split('\n').filter((l) => /^2026-\d\d-\d\d \d\d:\d\d {2}c\d\dffee {2}/.test(l))).toHaveLength(25);
    // By night 60 both 7-run windows are bad (no change, no drift); 14-run windows still straddle the change.
    expect(r.err).toMatch(/warning: drift on host lab-c: flagged 60.0% over the last 14 runs/);
  });
});
