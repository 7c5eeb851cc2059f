/**
 * Scanning a dataset: walk index.jsonl, classify every listed tarball (concurrently), and
 * return the results in index order, with the rows that were not scanned and why.
 */
import { unreadableVerdict } from '../classifier/classify.js';
import type { ClassifierSettings, Verdict } from '../classifier/types.js';
import { classifyTarball, type EpisodeJobOptions, type EpisodeJobResult } from '../episode/classify-file.js';
import type { EpisodeStats, ReaderLimits } from '../episode/read.js';
import { newDecoderContext } from '../episode/decoder-context.js';
import type { ZstdImpl } from '../episode/zstd.js';
import { unfinishedPrune, walkIndex, type IndexEntry, type IndexProblem, type MissingTarball, type UnfinishedPrune } from './index-file.js';

type IndexRow = IndexEntry | MissingTarball | IndexProblem;

export interface EpisodeResult {
  line: number;
  host: string;
  episode: string;
  tarPath: string;
  sizeBytes: number;
  /** Hex sha256 of the tarball's bytes as classified (null when it could not be read). */
  sha256: string | null;
  verdict: Verdict;
  /** Flagged unreadable with its content never judged (see EpisodeJobResult.unjudged). */
  unjudged?: true;
}

interface ScanTotals extends EpisodeStats {
  episodes: number;
  elapsedMs: number;
}

export interface ScanResult {
  episodes: EpisodeResult[];
  missing: MissingTarball[];
  problems: IndexProblem[];
  indexFound: boolean;
  totals: ScanTotals;
  /**
   * The whole index, whatever `filter` chose: every tarball it lists (the dataset fingerprint
   * covers these), and how many rows it accounts for (scanned + tarball missing + skipped lines).
   */
  index: { entries: ReadonlyArray<{ host: string; episode: string; sizeBytes: number }>; rows: number };
  /** An interrupted cis490-prune of this index, when its journal is there (see unfinishedPrune). */
  prune: UnfinishedPrune | null;
}

export interface ScanOptions {
  indexPath: string;
  episodesRoot: string;
  host?: string;
  /** Read tarballs whose real path lies outside the episodes root (default: refused, flagged unreadable). */
  followOutsideLinks?: boolean;
  /** Episodes classified at once (default: available cores). */
  jobs?: number;
  settings: ClassifierSettings;
  limits: ReaderLimits;
  zstd?: ZstdImpl;
  /** false: episodes are not hashed (their sha256 is null); see EpisodeJobOptions.digest. */
  digest?: boolean;
  /** Called after each episode, in completion order. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Chooses the index rows this scan accounts for (e.g. one shard, see shard.ts): scanned
   * entries, missing tarballs and skipped lines alike; default all.
   */
  filter?: (row: IndexRow) => boolean;
}

/** Runs episode jobs; the in-process runner is the default, a worker pool can replace it. */
export interface EpisodeRunner {
  /** `sizeBytes`: the tarball's size as the index walk saw it, when known. */
  run(tarPath: string, sizeBytes?: number): Promise<EpisodeJobResult>;
  close(): Promise<void>;
  /** Episodes it can usefully hold at once; scanDataset keeps that many in flight (default: jobs). */
  readonly capacity?: number;
  /** What the scan is about to ask for (episodes, their tarballs' bytes), so a pool can size itself. */
  plan?(episodes: number, bytes: number): void;
}

const NO_STATS: EpisodeStats = Object.freeze({ compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 });

export function inProcessRunner(opts: EpisodeJobOptions): EpisodeRunner {
  const decoder = newDecoderContext(opts.zstd);
  return { run: (p) => classifyTarball(p, opts, decoder), close: async () => {} };
}

export async function scanDataset(opts: ScanOptions, runner?: EpisodeRunner): Promise<ScanResult> {
  const started = performance.now();
  const walk = await walkIndex(opts.indexPath, opts.episodesRoot, {
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.followOutsideLinks ? { followOutsideLinks: true } : {}),
  });
  const keep = opts.filter;
  const entries = keep ? walk.entries.filter(keep) : walk.entries;
  const missing = keep ? walk.missing.filter(keep) : walk.missing;
  const problems = keep ? walk.problems.filter(keep) : walk.problems;
  const index = { entries: walk.entries, rows: walk.entries.length + walk.missing.length + walk.problems.length };
  const jobOpts: EpisodeJobOptions = {
    settings: opts.settings,
    limits: opts.limits,
    ...(opts.zstd ? { zstd: opts.zstd } : {}),
    ...(opts.digest === false ? { digest: false } : {}),
  };
  const r = runner ?? inProcessRunner(jobOpts);
  const results: EpisodeResult[] = new Array(entries.length);
  const totals: ScanTotals = { episodes: entries.length, elapsedMs: 0, compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };
  let next = 0;
  let done = 0;
  const width = Math.max(1, Math.min(r.capacity ?? opts.jobs ?? 4, entries.length || 1));
  r.plan?.(
    entries.length,
    entries.reduce((sum, e) => sum + (e.refused ? 0 : (e.sizeBytes ?? 0)), 0),
  );
  const lane = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= entries.length) return;
      const e = entries[i]!;
      const { verdict, stats, sha256, unjudged } = e.refused
        ? { verdict: unreadableVerdict(e.refused), stats: NO_STATS, sha256: null, unjudged: true as const }
        : await r.run(e.tarPath, e.sizeBytes);
      results[i] = {
        line: e.line,
        host: e.host,
        episode: e.episode,
        tarPath: e.tarPath,
        sizeBytes: e.sizeBytes,
        sha256,
        verdict,
        ...(unjudged ? { unjudged } : {}),
      };
      totals.compressedBytes += stats.compressedBytes;
      totals.decompressedBytes += stats.decompressedBytes;
      totals.jsonBytes += stats.jsonBytes;
      opts.onProgress?.(++done, entries.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: width }, lane));
  } finally {
    if (!runner) await r.close();
  }
  totals.elapsedMs = performance.now() - started;
  const prune = unfinishedPrune(opts.indexPath);
  return { episodes: results, missing, problems, indexFound: walk.indexFound, totals, index, prune };
}
