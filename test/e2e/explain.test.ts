/**
 * `episode-gate explain HOST/EPISODE` run as a process (node dist/episode-gate.js) on the
 * committed fixtures: the verdict, per source the per-phase values, spread, threshold and
 * decision, and a sparkline whose burst sits in the phase that carried it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeDetail } from '../../src/gate/episode-detail.js';

const repo = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repo, 'dist', 'episode-gate.js');

function explain(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, 'explain', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('explain lab-a/ep-rescued-by-netflow', () => {
  it('says kept, and that netflow alone has signal', () => {
    const r = explain('lab-a/ep-rescued-by-netflow');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('lab-a/ep-rescued-by-netflow: kept');
    expect(r.out).toContain('netflow bytes: SIGNAL: netflow spread 1.2 MiB >= 50.0 KiB');
    expect(r.out).toContain('proc CPU%: FLAT');
    expect(r.out).toContain('qmp block I/O: FLAT');
    expect(r.out).toContain('guest load_1m: FLAT');
    // Each source states its spread against the threshold once.
    expect(lines.filter((l) => l.includes('spread')).length).toBe(4);
  });

  it("draws the netflow burst inside infected_running: the sparkline's tall blocks sit over that phase's number", () => {
    const lines = explain('lab-a/ep-rescued-by-netflow').out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  netflow bytes:'));
    const spark = lines.slice(start).find((l) => /[▁-█]{10}/.test(l))!;
    const marks = lines[lines.indexOf(spark) + 1]!.trim();
    const blocks = [...spark.trim().split(/\s/)[0]!];
    expect(blocks).toHaveLength(marks.length);
    const legend = lines.find((l) => l.startsWith('  phases: '))!;
    const running = /(\d) infected_running/.exec(legend)![1]!;
    const tall = blocks.map((b, i) => (b >= '▅' ? marks[i] : null)).filter((m) => m !== null);
    expect(tall.length).toBeGreaterThan(10);
    expect(new Set(tall)).toEqual(new Set([running]));
    const low = blocks.map((b, i) => (marks[i] !== running ? b : null)).filter((b) => b !== null);
    expect(low.every((b) => b === '▁')).toBe(true);
  });

  it('--json: per source the per-phase values, threshold and the series, the burst in infected_running', () => {
    const r = explain('lab-a/ep-rescued-by-netflow', '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as EpisodeDetail;
    expect(d.verdict).toBe('kept');
    const net = d.sources!.netflow;
    expect(net.status).toBe('signal');
    expect(net.threshold).toBe(50 * 1024);
    expect(net.phases.map((p) => p.phase)).toEqual(['clean', 'infecting', 'infected_running', 'dormant']);
    const top = net.phases.reduce((a, b) => (b.value > a.value ? b : a));
    expect(top.phase).toBe('infected_running');
    expect(net.spread).toBe(top.value - Math.min(...net.phases.map((p) => p.value)));
    const peak = net.series.reduce((a, b) => (b.value > a.value ? b : a));
    expect(peak.phase).toBe('infected_running');
    expect(d.sources!.proc.status).toBe('flat');
  });

  it('--set changes the threshold and so the verdict, as a scan would', () => {
    const r = explain('lab-a/ep-rescued-by-netflow', '--set', 'netflowSpreadBytes=2000000');
    expect(r.out.split('\n')[0]).toBe('lab-a/ep-rescued-by-netflow: flagged (flat-cpu)');
  });
});

describe('explain refuses what it cannot find, in one line', () => {
  it('an unknown episode: exit 2, naming the path and the fix', () => {
    const r = explain('lab-a/ep-nope');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain('no tarball for lab-a/ep-nope at fixtures/dataset/episodes/lab-a/ep-nope.tar.zst');
    expect(r.err).toContain('--dataset DIR');
  });

  it('not HOST/EPISODE: a usage error', () => {
    const r = explain('../etc/passwd');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error: expected HOST\/EPISODE/);
  });

  it('an unreadable episode says why, exit 0', () => {
    const r = explain('lab-c/ep-not-a-tar');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^lab-c\/ep-not-a-tar: flagged \(unreadable\)\n {2}unreadable: /);
  });
});
