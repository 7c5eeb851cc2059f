/**
 * A dataset against the baseline's episodes map, in four classes: unchanged (same id, same
 * bytes), modified (same id, other bytes), new (not in the baseline) and gone (in the baseline,
 * not in the dataset). A baseline without digests (version 1) cannot tell modified from
 * unchanged: every episode it lists is then "unchanged" by id, and `byIdOnly` says so.
 */
import type { Reason } from '../classifier/types.js';
import { episodeKey, lostTarballs, type Report, type ReportEpisode } from './report.js';

export interface BaselineEntry {
  reasons: Reason[];
  sha256: string | null;
}

interface ModifiedEpisode {
  host: string;
  episode: string;
  before: Reason[];
  after: Reason[];
  sha256Before: string;
  sha256After: string | null;
}

interface GoneEpisode {
  host: string;
  episode: string;
  before: Reason[];
}

export interface DatasetChanges {
  /** Episodes in both, same bytes (or, by id only, every episode in both). */
  unchanged: number;
  modified: ModifiedEpisode[];
  /** Episodes the baseline does not list, in report order. */
  added: ReportEpisode[];
  /** In the baseline, and neither its index row nor its tarball is here (pruned or archived). */
  gone: GoneEpisode[];
  /**
   * In the baseline, and its index row is still here but its tarball is not: a lost tarball, not
   * a prune (cis490-prune --archive drops the row with the tarball).
   */
  missing: GoneEpisode[];
  /** Keys of the episodes in both (unchanged and modified), for the rules that judge flips. */
  matched: Set<string>;
  /** True when some episode in both could not be compared by content (no digest on one side). */
  byIdOnly: boolean;
}

/** Sort the report's episodes (first row of an id listed twice) against the baseline's map. */
export function classifyChanges(report: Report, baseline: ReadonlyMap<string, BaselineEntry>): DatasetChanges {
  const seen = new Set<string>();
  const matched = new Set<string>();
  const modified: ModifiedEpisode[] = [];
  const added: ReportEpisode[] = [];
  let unchanged = 0;
  let byIdOnly = false;
  for (const ep of report.episodes) {
    const key = episodeKey(ep.host, ep.episode);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = baseline.get(key);
    if (!before) {
      added.push(ep);
      continue;
    }
    matched.add(key);
    const now = ep.sha256 ?? null;
    if (before.sha256 === null || now === null) {
      // Unreadable now (no digest) but readable before is still a change of bytes only if both are known.
      byIdOnly ||= before.sha256 === null;
      unchanged++;
    } else if (before.sha256 === now) {
      unchanged++;
    } else {
      modified.push({
        host: ep.host,
        episode: ep.episode,
        before: before.reasons,
        after: ep.reasons,
        sha256Before: before.sha256,
        sha256After: now,
      });
    }
  }
  // An episode an unfinished prune has already archived or deleted is gone (pruned), not missing.
  const rowsWithoutTarball = new Set(lostTarballs(report).map((m) => episodeKey(m.host, m.episode)));
  const gone: GoneEpisode[] = [];
  const missing: GoneEpisode[] = [];
  for (const [key, before] of baseline) {
    if (seen.has(key)) continue;
    const slash = key.indexOf('/');
    (rowsWithoutTarball.has(key) ? missing : gone).push({
      host: key.slice(0, slash),
      episode: key.slice(slash + 1),
      before: before.reasons,
    });
  }
  return { unchanged, modified, added, gone, missing, matched, byIdOnly };
}

/** True when the dataset holds exactly the baseline's episodes with the same bytes (as far as known). */
export function isSnapshot(c: DatasetChanges): boolean {
  return c.modified.length === 0 && c.added.length === 0 && c.gone.length === 0 && c.missing.length === 0;
}
