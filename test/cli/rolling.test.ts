/**
 * Rolling baselines through main() on real .tar.zst datasets: after cis490-prune --archive the
 * survivors are nearly all kept, yet the next night's new episodes are judged against the rate at
 * which episodes arrived (carried from report to baseline), not against the survivors.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import { pruneMain } from '../../src/cli/cis490-prune.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Baseline } from '../../src/gate/baseline.js';
import type { Report } from '../../src/gate/report.js';
import { addNight, removeEpisode } from '../support/changing-datasets.js';
import { tempDir } from '../support/helpers.js';

const tmp = tempDir('rolling-');
const data = path.join(tmp, 'data');

type Run = { code: number; out: string; err: string };

async function main(fn: (argv: string[], io: CliIO) => Promise<number>, argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd: tmp };
  const code = await fn(argv, io);
  return { code, out, err };
}
const gate = (...argv: string[]): Promise<Run> => main(gateMain, argv);
const json = <T>(f: string): T => JSON.parse(readFileSync(path.join(tmp, f), 'utf8')) as T;

let night3: Run;

beforeAll(async () => {
  addNight(data, { perHost: 50, seed: 11, prefix: 'run' });
  expect((await gate('scan', '--dataset', 'data', '--report', 'n1.json')).code).toBe(0);
  const pruned = await main(pruneMain, [
    '--episodes-root',
    'data/episodes',
    '--index',
    'data/index.jsonl',
    '--archive-root',
    'archive',
    '--archive',
  ]);
  expect(pruned.code, pruned.err).toBe(1); // the reference's exit code when it flagged episodes
  expect((await gate('baseline', '--report', 'n1.json', '--out', 'b2.json')).code).toBe(0);
  const night2 = await gate('check', '--dataset', 'data', '--baseline', 'b2.json', '--report-out', 'n2.json');
  expect(night2.code, night2.out).toBe(0);
  addNight(data, { perHost: 10, seed: 12, prefix: 'late' });
  expect((await gate('baseline', '--report', 'n2.json', '--baseline', 'b2.json', '--out', 'b3.json')).code).toBe(0);
  night3 = await gate('check', '--dataset', 'data', '--baseline', 'b3.json', '--report-out', 'n3.json');
}, 240_000);

describe('a night after cis490-prune --archive', () => {
  it('the survivors are nearly all kept, so they are not the rate to judge new episodes by', () => {
    const b3 = json<Baseline>('b3.json');
    expect(b3.counts.flagged).toBe(0);
    const arrived = Object.values(b3.arrivals!);
    expect(arrived.reduce((n, h) => n + h.scanned, 0)).toBe(200);
    expect(arrived.reduce((n, h) => n + h.flagged, 0)).toBe(json<Report>('n1.json').counts.flagged);
  });
  it('passes: the new episodes are judged against the rate at which episodes arrived, and the summary says so', () => {
    expect(night3.code, night3.out).toBe(0);
    expect(night3.out).toContain(
      '40 new, judged as a cohort against the rate at which episodes arrived (200 episodes as first judged, pruned ones included)',
    );
    const n3 = json<Report>('n3.json');
    expect(n3.comparison!.cohort!.against).toBe('arrivals');
    // Carried forward: tonight's new episodes are added to the arrivals the next baseline holds.
    expect(Object.values(n3.comparison!.arrivals!).reduce((n, h) => n + h.scanned, 0)).toBe(240);
  });
  it('a baseline made from the report alone (the Action: no earlier baseline) carries the same arrivals', async () => {
    expect((await gate('baseline', '--report', 'n2.json', '--out', 'b3-alone.json')).code).toBe(0);
    expect(json<Baseline>('b3-alone.json').arrivals).toEqual(json<Baseline>('b3.json').arrivals);
  });
  it('a baseline without arrivals (written before they were recorded) is judged against its episodes, and says so', async () => {
    const b = json<Baseline>('b2.json');
    delete b.arrivals;
    writeFileSync(path.join(tmp, 'b2-old.json'), JSON.stringify(b));
    const r = await gate('check', '--dataset', 'data', '--baseline', 'b2-old.json');
    expect(r.out).toContain("judged as a cohort against the baseline's 200 episodes");
  });
});

describe('an index row still here whose tarball is missing', () => {
  it('is a lost tarball, reported apart from the episodes gone with their rows', async () => {
    expect((await gate('baseline', '--report', 'n3.json', '--out', 'b4.json')).code).toBe(0);
    const keptIds = Object.entries(json<Baseline>('b4.json').episodes!)
      .filter(([, e]) => !Array.isArray(e) && e.reasons.length === 0)
      .map(([k]) => k);
    const [lost, removed] = [keptIds[0]!, keptIds[1]!];
    rmSync(path.join(data, 'episodes', `${lost}.tar.zst`));
    const [host, episode] = removed.split('/') as [string, string];
    removeEpisode(data, host, episode);
    const r = await gate('check', '--dataset', 'data', '--baseline', 'b4.json', '--report-out', 'n4.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 new, 1 gone, 1 tarball missing (index rows still here)');
    expect(r.out).toContain(
      `1 episode kept in the baseline has its index row but its tarball is missing (lost, not pruned: a prune drops the row too; tolerance 0, tolerance.gone_kept): ${lost}`,
    );
    expect(r.out).toContain(`1 episode kept in the baseline is gone from the dataset (tolerance 0, tolerance.gone_kept): ${removed}`);
    expect(r.out).not.toContain(`archived or pruned`);
    // The headline and the effect line tell the two apart as the mode line does.
    expect(r.out).toMatch(/^### ❌ episode-gate: FAILED — data changed \(1 gone episode, 1 tarball missing\); /);
    expect(r.out).toMatch(/^- \*\*Effect:\*\* .*, 1 gone \(kept\), 1 tarball missing \(kept\);/m);
    const classes = json<Report>('n4.json').comparison!.classes!;
    expect(classes.gone_ids).toEqual([removed]);
    expect(classes.missing_tarball_ids).toEqual([lost]);
  });
});
