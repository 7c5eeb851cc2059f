/**
 * A large gate run without scanning: report rows made up (deterministically) and put through the
 * real report assembly, baseline and comparison, plus made-up per-phase details for the episodes
 * the HTML report shows in full. For measuring the HTML report's size and build time.
 */
import { SOURCE_NAMES, type Reason, type SourceName } from '../../src/classifier/types.js';
import { baselineFromReport } from '../../src/gate/baseline.js';
import type { DetailLookup, EpisodeDetail, SourceDetail } from '../../src/gate/episode-detail.js';
import { assembleReport, episodeKey, type Report, type ReportEpisode, type ReportSourceEvidence } from '../../src/gate/report.js';
import { DEFAULT_GATE_SETTINGS } from '../../src/gate/settings.js';
import { evaluateGate } from '../../src/gate/run.js';
import { episodesToDetail, type HtmlGateRun } from '../../src/render/html/adapter.js';
import { rng } from './synth.js';

const PHASES = ['clean', 'infecting', 'infected_running', 'dormant'];
const THRESHOLD: Record<SourceName, number> = { proc: 5, netflow: 50 * 1024, qmp: 100 * 1024, guest: 0.1 };

export interface SynthRunOptions {
  episodes: number;
  hosts?: number;
  /** Share of episodes flagged flat-cpu. */
  flagged?: number;
  /** Share of episodes whose verdict differs from the baseline's. */
  flipped?: number;
  seed?: number;
}

function report(rows: ReportEpisode[]): Report {
  return assembleReport(
    {
      tool: { name: 'episode-gate', version: '0.0.0-synth' },
      generated_at: '2026-11-30T00:00:00.000Z',
      dataset: { index: 'synth/index.jsonl', episodes_root: 'synth/episodes', host: null, reasons: null, fingerprint: 'sha256:synth' },
      settings: { ...DEFAULT_GATE_SETTINGS },
      settings_hash: 'sha256:synth',
      settings_file: null,
      settings_overrides: {},
    },
    { episodes: rows, missing_tarballs: [], index_problems: [] },
    { compressed_bytes: 0, decompressed_bytes: 0, elapsed_ms: 0 },
  );
}

function row(i: number, hosts: number, flat: boolean, r: () => number): ReportEpisode {
  const sources = {} as Record<SourceName, ReportSourceEvidence>;
  for (const name of SOURCE_NAMES) {
    const t = THRESHOLD[name];
    const spread = flat || name !== 'netflow' ? t * r() * 0.9 : t * (1 + r() * 50);
    sources[name] = { status: spread >= t ? 'signal' : 'flat', spread, threshold: t, why: `${name} spread ${spread.toFixed(1)}` };
  }
  const reasons: Reason[] = flat ? ['flat-cpu'] : [];
  return {
    host: `lab-${String(i % hosts).padStart(3, '0')}`,
    episode: `ep-${String(i).padStart(7, '0')}-20261129T0312`,
    line: i + 1,
    size_bytes: 250_000,
    sha256: null,
    verdict: flat ? 'flagged' : 'kept',
    reasons,
    sample: JSON.stringify(`sample-${i % 977}`),
    module: null,
    unreadable: null,
    evidence: { probe: 'not-silent', workload_events: 2, workload_failed: false, labels: 4, sources },
  };
}

function detail(ep: ReportEpisode, r: () => number): EpisodeDetail {
  const sources = {} as Record<SourceName, SourceDetail>;
  for (const name of SOURCE_NAMES) {
    const t = THRESHOLD[name];
    const phases = PHASES.map((phase) => ({ phase, value: t * 10 * r(), samples: 100 + Math.floor(r() * 500) }));
    const series = Array.from({ length: 96 }, (_, k) => ({ phase: PHASES[Math.min(3, Math.floor(k / 24))]!, value: t * 20 * r() }));
    const ev = ep.evidence!.sources![name];
    sources[name] = { status: ev.status, phases, spread: ev.spread, threshold: t, why: ev.why, series };
  }
  return {
    host: ep.host,
    episode: ep.episode,
    verdict: ep.verdict,
    reasons: ep.reasons,
    sample: ep.sample,
    module: null,
    unreadable: null,
    sha256: null,
    probe: 'not-silent',
    workloadEvents: 2,
    labels: PHASES,
    sources,
  };
}

/** A gate run over `episodes` made-up episodes, and the details the HTML report would read for it. */
export function syntheticGateRun(opts: SynthRunOptions): { run: HtmlGateRun; details: Map<string, DetailLookup> } {
  const r = rng(opts.seed ?? 1);
  const hosts = opts.hosts ?? 60;
  const flaggedShare = opts.flagged ?? 0.3;
  const flippedShare = opts.flipped ?? 0.01;
  const before: ReportEpisode[] = [];
  const after: ReportEpisode[] = [];
  for (let i = 0; i < opts.episodes; i++) {
    const flat = r() < flaggedShare;
    const now = row(i, hosts, flat, r);
    after.push(now);
    before.push(r() < flippedShare ? row(i, hosts, !flat, r) : now);
  }
  const baseline = baselineFromReport(report(before), null).baseline;
  const current = report(after);
  const run: HtmlGateRun = evaluateGate(current, baseline, { failOn: 'regression', baselineName: 'synth-baseline.json' });
  const byKey = new Map(current.episodes.map((e) => [episodeKey(e.host, e.episode), e]));
  const details = new Map<string, DetailLookup>();
  for (const k of episodesToDetail(run)) {
    const key = episodeKey(k.host, k.episode);
    details.set(key, { ok: true, detail: detail(byKey.get(key)!, r) });
  }
  return { run, details };
}
