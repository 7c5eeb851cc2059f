/**
 * One episode in full: its verdict with the per-phase values of every source and a downsampled
 * series of the raw telemetry, for `episode-gate explain` and the HTML report's drill-down.
 *
 * The scan keeps none of this (its report stays compact and its memory flat): the few episodes
 * shown in detail (capped) are read again after the comparison, from the tarball the report
 * names, and a tarball whose sha256 differs from the report's is not shown as that episode.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { classify, unreadableVerdict } from '../classifier/classify.js';
import { episodeSeries, type SeriesPoint } from '../classifier/series.js';
import { SOURCE_NAMES, type PhaseValue, type ProbeFinding, type Reason, type SourceName, type SourceStatus } from '../classifier/types.js';
import { newDecoderContext, type DecoderContext } from '../episode/decoder-context.js';
import { readEpisode } from '../episode/read.js';
import { episodeKey, type Report } from './report.js';
import type { GateSettings } from './settings.js';

export interface SourceDetail {
  status: SourceStatus;
  /** Per-phase values in first-seen order: median CPU% / bytes / byte delta / median load. */
  phases: PhaseValue[];
  spread: number | null;
  threshold: number;
  why: string;
  /** The raw series, downsampled (see classifier/series.ts). */
  series: SeriesPoint[];
}

export interface EpisodeDetail {
  host: string;
  episode: string;
  verdict: 'kept' | 'flagged';
  reasons: Reason[];
  sample: string | null;
  module: string | null;
  unreadable: string | null;
  sha256: string | null;
  probe: ProbeFinding | null;
  workloadEvents: number | null;
  /** Label phases in file order. */
  labels: string[];
  /** null when the episode has no labels or could not be read. */
  sources: Record<SourceName, SourceDetail> | null;
}

/** Read and classify one tarball, keeping everything (one episode: its size is bounded by the reader's limits). */
export async function readEpisodeDetail(
  tarPath: string,
  host: string,
  episode: string,
  settings: GateSettings,
  decoder: DecoderContext = newDecoderContext(),
): Promise<EpisodeDetail> {
  const read = await readEpisode(tarPath, {
    limits: { maxMemberBytes: settings.maxMemberBytes, maxEpisodeBytes: settings.maxEpisodeBytes },
    decoder,
  });
  const verdict = read.ok ? classify(read.rows, settings) : unreadableVerdict(read.detail);
  const series = read.ok && !verdict.unreadable ? episodeSeries(read.rows, settings.clkTck) : null;
  const ev = verdict.evidence;
  let sources: Record<SourceName, SourceDetail> | null = null;
  if (ev?.sources && series) {
    sources = {} as Record<SourceName, SourceDetail>;
    for (const name of SOURCE_NAMES) {
      const s = ev.sources[name];
      sources[name] = { status: s.status, phases: s.phases, spread: s.spread, threshold: s.threshold, why: s.why, series: series[name] };
    }
  }
  return {
    host,
    episode,
    verdict: verdict.reasons.length === 0 ? 'kept' : 'flagged',
    reasons: verdict.reasons,
    sample: verdict.sampleJson,
    module: verdict.moduleJson,
    unreadable: verdict.unreadable,
    sha256: read.sha256,
    probe: ev?.probe ?? null,
    workloadEvents: ev?.workloadEvents ?? null,
    labels: ev?.phases ?? [],
    sources,
  };
}

export function tarballPath(episodesRoot: string, host: string, episode: string): string {
  return path.join(episodesRoot, host, `${episode}.tar.zst`);
}

/** Why an episode's detail is not shown, or its detail. */
export type DetailLookup = { ok: true; detail: EpisodeDetail } | { ok: false; why: string };

/**
 * The details of the named episodes of a report, read again from the dataset the report names
 * (its paths are relative to `cwd`). Episodes the report does not hold are left out.
 */
export async function loadEpisodeDetails(
  report: Report,
  keys: ReadonlyArray<{ host: string; episode: string }>,
  cwd: string,
): Promise<Map<string, DetailLookup>> {
  const out = new Map<string, DetailLookup>();
  const root = path.resolve(cwd, report.dataset.episodes_root);
  const byKey = new Map(report.episodes.map((e) => [episodeKey(e.host, e.episode), e]));
  const rootThere = existsSync(root);
  const decoder = newDecoderContext(); // one for the episodes read here, as a scan thread keeps one
  for (const { host, episode } of keys) {
    const key = episodeKey(host, episode);
    const ep = byKey.get(key);
    if (!ep || out.has(key)) continue;
    if (!rootThere) {
      out.set(key, { ok: false, why: `per-phase values not shown: the dataset (${report.dataset.episodes_root}) is not here` });
      continue;
    }
    const file = tarballPath(root, host, episode);
    if (!existsSync(file)) {
      out.set(key, { ok: false, why: `per-phase values not shown: ${path.relative(cwd, file)} is gone` });
      continue;
    }
    const detail = await readEpisodeDetail(file, host, episode, report.settings, decoder);
    if (ep.sha256 && detail.sha256 && ep.sha256 !== detail.sha256) {
      out.set(key, { ok: false, why: 'per-phase values not shown: the tarball changed since the scan (sha256 differs)' });
      continue;
    }
    out.set(key, { ok: true, detail });
  }
  return out;
}
