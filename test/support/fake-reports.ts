/** Reports and baselines made in memory, for rule tests that need no tarballs. */
import { createHash } from 'node:crypto';
import type { Reason, Verdict } from '../../src/classifier/types.js';
import type { ScanResult } from '../../src/dataset/scan.js';
import { baselineFromReport, type Baseline, type Tolerance } from '../../src/gate/baseline.js';
import { buildReport, type Report } from '../../src/gate/report.js';
import { DEFAULT_GATE_SETTINGS, settingsHash } from '../../src/gate/settings.js';

export type FakeEpisode = [host: string, episode: string, reasons: Reason[]];

function verdict(reasons: Reason[], why = 'netflow spread 12.0 KiB < 50.0 KiB'): Verdict {
  if (reasons.includes('unreadable')) {
    return { reasons: ['unreadable'], sampleJson: null, moduleJson: null, unreadable: 'zstd: unexpected end of file', evidence: null };
  }
  const flat = reasons.includes('flat-cpu');
  const src = (name: string) => ({
    status: flat ? ('flat' as const) : ('signal' as const),
    rows: 10,
    used: 10,
    phases: [],
    spread: 1,
    threshold: 2,
    why: `${name}: ${why}`,
  });
  return {
    reasons,
    sampleJson: '"emotet"',
    moduleJson: null,
    unreadable: null,
    evidence: {
      members: {},
      workloadEvents: 2,
      workloadFailed: reasons.includes('workload-failed'),
      probe: 'no-probe',
      labels: 4,
      phases: [],
      sources: { proc: src('proc'), netflow: src('netflow'), qmp: src('qmp'), guest: src('guest') },
    },
  };
}

function fakeScan(eps: FakeEpisode[], missing: Array<[string, string]> = []): ScanResult {
  const episodes = eps.map(([host, episode, reasons], i) => ({
    line: i + 1,
    host,
    episode,
    tarPath: `/data/episodes/${host}/${episode}.tar.zst`,
    sizeBytes: 1000 + i,
    sha256: createHash('sha256').update(`${host}/${episode}`).digest('hex'),
    verdict: verdict(reasons),
  }));
  return {
    episodes,
    missing: missing.map(([host, episode], i) => ({
      line: eps.length + i + 1,
      host,
      episode,
      tarPath: `/data/episodes/${host}/${episode}.tar.zst`,
      shardKey: `${host}/${episode}`,
    })),
    problems: [],
    indexFound: true,
    totals: { episodes: eps.length, elapsedMs: 5, compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 },
    index: { entries: episodes, rows: eps.length + missing.length },
    prune: null,
  };
}

export function fakeReport(eps: FakeEpisode[], opts: { missing?: Array<[string, string]>; host?: string } = {}): Report {
  return buildReport(fakeScan(eps, opts.missing), new TextEncoder().encode('index'), {
    indexPath: '/data/index.jsonl',
    episodesRoot: '/data/episodes',
    display: (p) => p,
    host: opts.host ?? null,
    reasons: null,
    settings: { ...DEFAULT_GATE_SETTINGS },
    settingsHash: settingsHash(DEFAULT_GATE_SETTINGS),
    settingsFile: null,
    settingsOverrides: {},
    version: '0.0.0-test',
    now: new Date(0),
  });
}

/** A baseline equal to the verdicts of `eps`, with the given tolerance and no pinned cases. */
export function baselineOf(eps: FakeEpisode[], tolerance: Tolerance = {}, withEpisodes = true): Baseline {
  const b = baselineFromReport(fakeReport(eps), null).baseline;
  b.tolerance = tolerance;
  if (!withEpisodes) delete b.episodes;
  delete b.generated_from;
  return b;
}

/** n kept episodes on one host, named ep-0..ep-(n-1). */
export function kept(n: number, host = 'lab-a', prefix = 'ep'): FakeEpisode[] {
  return Array.from({ length: n }, (_, i) => [host, `${prefix}-${i}`, []] as FakeEpisode);
}

export function flagged(n: number, reasons: Reason[] = ['flat-cpu'], host = 'lab-a', prefix = 'bad'): FakeEpisode[] {
  return Array.from({ length: n }, (_, i) => [host, `${prefix}-${i}`, reasons] as FakeEpisode);
}
