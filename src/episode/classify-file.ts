/** One tarball on disk -> its verdict: read, parse, classify; unreadable instead of throwing. */
import { classify, unreadableVerdict } from '../classifier/classify.js';
import type { ClassifierSettings, Verdict } from '../classifier/types.js';
import type { DecoderContext } from './decoder-context.js';
import { readEpisode, type EpisodeStats, type ReaderLimits } from './read.js';
import type { ZstdImpl } from './zstd.js';

export interface EpisodeJobOptions {
  settings: ClassifierSettings;
  limits: ReaderLimits;
  zstd?: ZstdImpl;
  /**
   * Hash each tarball (sha256: the episode's identity by content, for baselines, changed-dataset
   * comparison and manifests). Default true; the operator CLI, which prints none of these, turns it off.
   */
  digest?: boolean;
}

export interface EpisodeJobResult {
  verdict: Verdict;
  stats: EpisodeStats;
  /** Hex sha256 of the tarball's bytes as read (null when it could not be read). */
  sha256: string | null;
  /**
   * Flagged unreadable without its content having been judged: the file could not be read, it
   * passed the reader's size limits, or classifying it failed on our side (an internal error, a
   * worker that died, a timeout). Prune never acts on such an episode: nothing says it is worthless.
   */
  unjudged?: true;
}

/** `decoder`: the thread's decoder state (the worker's or the in-process scanner's); a fresh one without it. */
export async function classifyTarball(tarPath: string, opts: EpisodeJobOptions, decoder?: DecoderContext): Promise<EpisodeJobResult> {
  try {
    const read = await readEpisode(tarPath, {
      limits: opts.limits,
      ...(opts.zstd ? { zstd: opts.zstd } : {}),
      ...(decoder ? { decoder } : {}),
      ...(opts.digest === false ? { digest: false } : {}),
    });
    if (!read.ok) {
      const verdict = unreadableVerdict(read.detail);
      return read.unjudged
        ? { verdict, stats: read.stats, sha256: read.sha256, unjudged: true }
        : { verdict, stats: read.stats, sha256: read.sha256 };
    }
    return { verdict: classify(read.rows, opts.settings), stats: read.stats, sha256: read.sha256 };
  } catch (e) {
    // A defect of ours must not end the run or pass the episode silently: flag it, say what.
    const err = e as Error;
    return {
      verdict: unreadableVerdict(`internal error: ${err.name}: ${err.message}`),
      stats: { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 },
      sha256: null,
      unjudged: true,
    };
  }
}
