/**
 * The files a prune run keeps next to index.jsonl, and the journal that makes a run resumable.
 *
 *   index.jsonl.prune-lock     one prune at a time per index (see lock.ts)
 *   index.jsonl.prune-lock.takeover  held for the instant of taking over a dead owner's lock
 *   index.jsonl.prune-journal  the run's intent: action, roots, the flagged (host, episode)
 *                              keys, what of the index the scan had seen, and once the index swap
 *                              has begun, where it stands. Written atomically (temp + fsync +
 *                              rename + fsync dir) before the step it announces.
 *   index.jsonl.prune-new      the rewritten index, until it is renamed over index.jsonl
 *   index.jsonl.prune-old      a second name for the old index inode during the swap, so that
 *                              rows written to it after the rename survive even a crash
 *
 * The journal holds ids, not paths: paths are rebuilt from the roots with the same safe-id
 * checks, so a journal cannot direct root at a file outside <root>/<host>/<episode>.tar.zst. It
 * must also be owned by the user running prune, and name the roots this run was given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PruneError, lstatOrNull, unlinkIfPresent, writeFileAtomic } from './durable.js';
import { PRUNE_JOURNAL_SUFFIX, pruneTargetIndex } from '../dataset/index-file.js';
import { checkedItem, type PlanItem, type PruneAction, type PruneRoots, type Refusal } from './plan.js';

export interface PrunePaths {
  index: string;
  dir: string;
  lock: string;
  takeover: string;
  journal: string;
  newIndex: string;
  oldIndex: string;
}

/** The side files of an index; a symlinked index is followed to the file the receiver writes. */
export function prunePaths(indexPath: string): PrunePaths {
  const index = pruneTargetIndex(indexPath);
  return {
    index,
    dir: path.dirname(index),
    lock: `${index}.prune-lock`,
    takeover: `${index}.prune-lock.takeover`,
    journal: `${index}${PRUNE_JOURNAL_SUFFIX}`,
    newIndex: `${index}.prune-new`,
    oldIndex: `${index}.prune-old`,
  };
}

export interface EpisodeRef {
  host: string;
  episode: string;
}

export interface SwapState {
  /** Bytes of index.jsonl.prune-new when it was renamed over index.jsonl. */
  prefixBytes: number;
  /** Inodes (as decimal strings) of the new and the old index. */
  newIno: string;
  oldIno: string;
  /** How many bytes of the old index the new one already holds. */
  oldCopiedUpTo: number;
  /** The run's outcome, kept so that a resumed run reports it. */
  acted: EpisodeRef[];
  refused: Refusal[];
  rowsDropped: number;
}

export interface Journal {
  format: 'cis490-prune-journal';
  version: 1;
  action: PruneAction;
  index: string;
  episodesRoot: string;
  archiveRoot: string;
  /** The index prefix the scan had read: rows past it were never judged and are never dropped. */
  seen: { bytes: number; sha256: string };
  items: EpisodeRef[];
  swap?: SwapState;
}

export function writeJournal(paths: PrunePaths, j: Journal): void {
  writeFileAtomic(paths.journal, Buffer.from(JSON.stringify(j, null, 1) + '\n'));
}

export function removeJournal(paths: PrunePaths): void {
  unlinkIfPresent(paths.journal);
}

/** The items of a journal with their paths rebuilt from its roots. */
export function journalItems(j: Journal): PlanItem[] {
  return j.items.map((r) => {
    const item = checkedItem(j.action, j, r.host, r.episode);
    if (typeof item === 'string') throw new PruneError(`journal ${j.index}.prune-journal: ${item}`);
    return item;
  });
}

/** The pending journal, or null. Throws PruneError when it is not one this run may finish. */
export function readJournal(paths: PrunePaths, roots: PruneRoots): Journal | null {
  const st = lstatOrNull(paths.journal);
  if (!st) return null;
  const fix = `inspect it and finish or undo that run by hand, then remove ${paths.journal}`;
  if (!st.isFile()) throw new PruneError(`${paths.journal} is not a regular file; ${fix}`);
  const euid = process.geteuid?.();
  if (euid !== undefined && Number(st.uid) !== euid) {
    throw new PruneError(`${paths.journal} is owned by uid ${st.uid}, not by this user (uid ${euid}); ${fix}`);
  }
  let j: Journal;
  try {
    j = JSON.parse(fs.readFileSync(paths.journal, 'utf8')) as Journal;
  } catch (e) {
    throw new PruneError(`cannot read ${paths.journal} (${(e as Error).message}); ${fix}`);
  }
  const shapeOk =
    j &&
    j.format === 'cis490-prune-journal' &&
    j.version === 1 &&
    (j.action === 'archive' || j.action === 'delete') &&
    typeof j.episodesRoot === 'string' &&
    typeof j.archiveRoot === 'string' &&
    Number.isSafeInteger(j.seen?.bytes) &&
    typeof j.seen?.sha256 === 'string' &&
    Array.isArray(j.items);
  if (!shapeOk) throw new PruneError(`${paths.journal} is not a cis490-prune journal this version understands; ${fix}`);
  if (
    path.resolve(j.episodesRoot) !== path.resolve(roots.episodesRoot) ||
    (j.action === 'archive' && path.resolve(j.archiveRoot) !== path.resolve(roots.archiveRoot))
  ) {
    throw new PruneError(
      `${paths.journal} records an interrupted --${j.action} with --episodes-root ${j.episodesRoot} --archive-root ${j.archiveRoot}; re-run with those roots to finish it`,
    );
  }
  journalItems(j); // validates every id
  return j;
}
