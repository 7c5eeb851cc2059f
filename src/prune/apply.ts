/**
 * `cis490-prune --archive / --delete`: act on the flagged episodes without ever losing data.
 *
 * Order of a run, each step durable before the next:
 *   1. Lock (one prune per index). Finish any journal an interrupted run left behind.
 *   2. Plan: refuse unsafe ids, odd paths and archive collisions; tell the operator what
 *      will happen.
 *   3. Journal the intent (action, roots, keys, the index prefix the scan saw).
 *   4. Archive or delete each tarball (move.ts). Rows still name them: a crash here loses
 *      no row of a kept episode, and the journal lets the re-run finish.
 *   5. Swap in the rewritten index without the acted-on rows and copy rows the receiver
 *      appended meanwhile (index-rewrite.ts). Rows go only after their tarballs went.
 *   6. Remove index.jsonl.prune-old, then the journal, then the lock.
 * A re-run after a crash anywhere repeats the idempotent steps from the journal and ends in
 * the state a clean run would have reached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PruneError, errno, fsyncDir, sha256 } from './durable.js';
import { step, type PruneHooks } from './hooks.js';
import {
  DEFAULT_STRAGGLER_TIMING,
  clearStaleSwapFiles,
  copyStragglers,
  swapIndex,
  swapWasRenamed,
  unlinkOldIndex,
  type StragglerTiming,
} from './index-rewrite.js';
import {
  journalItems,
  prunePaths,
  readJournal,
  removeJournal,
  writeJournal,
  type EpisodeRef,
  type Journal,
  type PrunePaths,
  type SwapState,
} from './journal.js';
import { acquirePruneLock, type PruneLock } from './lock.js';
import { applyItem } from './move.js';
import { checkArchiveRoot, episodeKey, planPrune, type FlaggedEpisode, type PruneAction, type PruneRoots, type Refusal } from './plan.js';
import { plural } from '../shared/text.js';

export interface PruneContext extends PruneRoots {
  indexPath: string;
  /** Held by the caller (the CLI holds it across its scan); otherwise taken for the call. */
  lock?: PruneLock;
  hooks?: PruneHooks;
  /** One line per event the operator should see (plan, refusals, notes). */
  log?: (line: string) => void;
  timing?: Partial<StragglerTiming>;
}

export interface PruneOptions extends PruneContext {
  action: PruneAction;
  flagged: readonly FlaggedEpisode[];
  /** Size of index.jsonl before the scan read it; rows past it are never dropped. Default: its size now. */
  indexBytesSeen?: number;
}

export interface PruneReport {
  action: PruneAction;
  /** Archived or deleted, their rows dropped. */
  acted: EpisodeRef[];
  /** Left as they were, rows kept, with the reason. */
  refused: Refusal[];
  rowsDropped: number;
  /** The journal stays: a writer kept the old index open; a re-run finishes the copy. */
  pending: boolean;
}

export interface PruneResult {
  /** What finishing an interrupted earlier run did, if there was one. */
  resumed: PruneReport | null;
  report: PruneReport;
}

interface Ctx {
  paths: PrunePaths;
  hooks: PruneHooks | undefined;
  log: (line: string) => void;
  timing: StragglerTiming;
}

function context(opts: PruneContext): Ctx {
  return {
    paths: prunePaths(opts.indexPath),
    hooks: opts.hooks,
    log: opts.log ?? (() => {}),
    timing: { ...DEFAULT_STRAGGLER_TIMING, ...opts.timing },
  };
}

async function withLock<T>(ctx: Ctx, given: PruneLock | undefined, fn: () => Promise<T>): Promise<T> {
  const own = given ? null : acquirePruneLock(ctx.paths, ctx.hooks);
  try {
    return await fn();
  } finally {
    own?.release();
  }
}

export function acquireLockFor(indexPath: string, hooks?: PruneHooks): PruneLock {
  return acquirePruneLock(prunePaths(indexPath), hooks);
}

/** A one-line note when an interrupted run awaits its finish (for dry runs, which touch nothing). */
export function pendingPruneNote(indexPath: string): string | null {
  const paths = prunePaths(indexPath);
  if (!fs.existsSync(paths.journal)) return null;
  return `an interrupted prune run is recorded in ${paths.journal}; re-run with --archive or --delete to finish it (a dry run changes nothing)`;
}

/** Finish the run an earlier, interrupted prune recorded in its journal; null when there is none. */
export async function resumePendingPrune(opts: PruneContext): Promise<PruneReport | null> {
  const ctx = context(opts);
  return withLock(ctx, opts.lock, () => resume(ctx, opts));
}

async function resume(ctx: Ctx, roots: PruneRoots): Promise<PruneReport | null> {
  const journal = readJournal(ctx.paths, roots);
  if (!journal) return null;
  if (journal.action === 'archive') checkArchiveRoot(journal);
  ctx.log(`finishing an interrupted --${journal.action} of ${plural(journal.items.length, 'episode')} recorded in ${ctx.paths.journal}`);
  return runJournal(ctx, journal);
}

export async function applyPrune(opts: PruneOptions): Promise<PruneResult> {
  const ctx = context(opts);
  const { paths, log } = ctx;
  if (opts.action === 'archive') checkArchiveRoot(opts);
  return withLock(ctx, opts.lock, async () => {
    const resumed = await resume(ctx, opts);
    const nothing: PruneReport = { action: opts.action, acted: [], refused: [], rowsDropped: 0, pending: false };
    if (resumed?.pending) {
      log(`not starting a new --${opts.action} until the interrupted run is finished`);
      return { resumed, report: { ...nothing, pending: true } };
    }
    const plan = planPrune(opts.action, opts.flagged, opts);
    for (const r of plan.refused) log(`refused ${r.host}/${r.episode}: ${r.reason}`);
    if (plan.items.length === 0) return { resumed, report: { ...nothing, refused: plan.refused } };
    log(
      opts.action === 'archive'
        ? `archiving ${plural(plan.items.length, 'episode')} into ${path.resolve(opts.archiveRoot)}/<host>/, then dropping their rows from ${paths.index}:`
        : `deleting ${plural(plan.items.length, 'episode')} from ${path.resolve(opts.episodesRoot)}/<host>/, then dropping their rows from ${paths.index}:`,
    );
    for (const it of plan.items) log(`  ${it.host}/${it.episode}`);

    // A stray index.jsonl.prune-old could hold rows: stop before anything moves, not after.
    clearStaleSwapFiles(paths);
    const journal: Journal = {
      format: 'cis490-prune-journal',
      version: 1,
      action: opts.action,
      index: paths.index,
      episodesRoot: path.resolve(opts.episodesRoot),
      archiveRoot: path.resolve(opts.archiveRoot),
      seen: seenPrefix(paths, opts.indexBytesSeen),
      items: plan.items.map(({ host, episode }) => ({ host, episode })),
    };
    writeJournal(paths, journal);
    step(ctx.hooks, 'journal written');
    const report = await runJournal(ctx, journal);
    return { resumed, report: { ...report, refused: [...plan.refused, ...report.refused] } };
  });
}

/** What the scan read of the index: its length and a digest, to recognise it at rewrite time. */
function seenPrefix(paths: PrunePaths, bytesSeen: number | undefined): Journal['seen'] {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(paths.index);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new PruneError(`${paths.index} disappeared after the scan; nothing was changed`);
    throw e;
  }
  const bytes = bytesSeen ?? buf.length;
  if (buf.length < bytes) {
    throw new PruneError(
      `${paths.index} is shorter than when it was scanned (${buf.length} < ${bytes} bytes): something rewrote it; nothing was changed, re-run cis490-prune`,
    );
  }
  return { bytes, sha256: sha256(buf.subarray(0, bytes)) };
}

async function runJournal(ctx: Ctx, journal: Journal): Promise<PruneReport> {
  const { paths, hooks, log } = ctx;
  let swap: SwapState | undefined = journal.swap;
  let oldFd: number | null = null;
  // Rows a killed copy may already have appended are skipped only when resuming a swap.
  const resumingSwap = swap !== undefined && swapWasRenamed(paths);
  if (!resumingSwap) {
    // Steps 4-5 from the start (the rename, if begun, never happened: start the swap over).
    const acted: EpisodeRef[] = [];
    const refused: Refusal[] = [];
    for (const item of journalItems(journal)) {
      const outcome = applyItem(item, journal, hooks);
      const who = `${item.host}/${item.episode}`;
      if (outcome.kind === 'done') {
        acted.push({ host: item.host, episode: item.episode });
        if (outcome.note) log(`${who}: ${outcome.note}`);
      } else {
        refused.push({ host: item.host, episode: item.episode, reason: outcome.reason });
        log(`${outcome.kind === 'refused' ? 'refused' : 'kept row of'} ${who}: ${outcome.reason}`);
      }
    }
    if (acted.length === 0) {
      clearStaleSwapFiles(paths);
      finish(ctx);
      return { action: journal.action, acted, refused, rowsDropped: 0, pending: false };
    }
    const r = swapIndex({
      paths,
      journal,
      dropKeys: new Set(acted.map((a) => episodeKey(a.host, a.episode))),
      archiveRoot: journal.action === 'archive' ? journal.archiveRoot : null,
      acted,
      refused,
      hooks,
      log,
    });
    swap = r.swap;
    oldFd = r.oldFd;
  }
  const swapped = { ...journal, swap: swap! };
  const caught = await copyStragglers(paths, swapped, oldFd, { dedupe: resumingSwap, timing: ctx.timing, hooks });
  const report: PruneReport = {
    action: journal.action,
    acted: swapped.swap.acted,
    refused: swapped.swap.refused,
    rowsDropped: swapped.swap.rowsDropped,
    pending: !caught.done,
  };
  if (!caught.done) {
    log(
      `pid ${caught.writers.join(', ') || '?'} still holds the old index open for writing; rows it writes go to ${paths.oldIndex}: re-run cis490-prune --${journal.action} once it has closed it, to copy them into ${paths.index}`,
    );
    return report;
  }
  unlinkOldIndex(paths, hooks);
  finish(ctx);
  return report;
}

function finish(ctx: Ctx): void {
  removeJournal(ctx.paths);
  fsyncDir(ctx.paths.dir);
  step(ctx.hooks, 'journal removed');
}
