/**
 * Dropping the acted-on episodes' rows from index.jsonl while the receiver keeps appending to
 * it. The receiver opens index.jsonl by name in append mode for every row and knows nothing of
 * prune, so the protocol must be safe against any interleaving of its opens and writes:
 *
 * 1. Open the old index (fd O) and read it. Only complete lines within the prefix the scan had
 *    seen (journal.seen) can be dropped, and only when every row on the line belongs to an
 *    acted-on (host_id, episode_id); all other bytes are copied as they are, in order. A final
 *    line without its newline is copied later (step 5): a receiver may still be writing it.
 * 2. Write the kept lines to index.jsonl.prune-new with the old file's owner and mode, fsync.
 * 3. Link index.jsonl.prune-old to the old inode (fsync the dir), so that it stays reachable by
 *    name: if prune dies from here on, rows appended to it are still on disk for the re-run.
 * 4. Read what O gained meanwhile and append its complete lines to prune-new (fsync); record in
 *    the journal how many bytes of O the new file holds (B), then rename prune-new over
 *    index.jsonl and fsync the dir. A receiver open() that happens after the rename gets the new
 *    file; one that happened before it still has the old inode and writes there.
 * 5. Wait until no process holds the old inode open for writing (Linux /proc, see writers.ts),
 *    plus a settle time for an open() that had resolved the old name but had not yet installed
 *    its descriptor, then append O's bytes past B to the new index with one O_APPEND write,
 *    fsync. Repeat until O stops growing. Those rows land after rows the receiver appended to
 *    the new file meanwhile: order among rows written during the swap is not preserved, the rows
 *    themselves are.
 * 6. Unlink index.jsonl.prune-old (the journal is removed after it: see apply.ts).
 *
 * A crash before the rename leaves the old index in place (the re-run discards prune-new and
 * starts over); after it, the journal says how much of prune-old is already in the new index,
 * and the re-run copies the rest, skipping rows a killed copy had already appended.
 */
import fs from 'node:fs';
import path from 'node:path';
import { truthy } from '../py/value.js';
import { NotDict } from '../classifier/types.js';
import { JsonError, isBlankPyLine, parseJsonDoc, splitPyLines } from '../py/json.js';
import {
  PruneError,
  copyOwnerAndMode,
  errno,
  fsyncDir,
  lstatOrNull,
  readFrom,
  sameInode,
  sha256,
  sleep,
  unlinkIfPresent,
  writeAll,
  writeFileAtomic,
} from './durable.js';
import { step, type PruneHooks } from './hooks.js';
import { writeJournal, type Journal, type PrunePaths, type SwapState } from './journal.js';
import { episodeKey } from './plan.js';
import { writersOf } from './writers.js';

const NL = 0x0a;
const ID_FIELDS: ReadonlySet<string> = new Set(['host_id', 'episode_id']);

/**
 * The (host_id, episode_id) keys of the rows on one physical line (split the way the scan
 * splits index.jsonl), or null when some piece of it is not such a row: that line is never
 * dropped.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // as walkIndex decodes the index

function lineKeys(line: Uint8Array): string[] | null {
  const text = decoder.decode(line);
  const keys: string[] = [];
  for (const { line: piece } of splitPyLines(text)) {
    if (isBlankPyLine(piece)) continue;
    let row;
    try {
      row = parseJsonDoc(piece, ID_FIELDS);
    } catch (e) {
      if (e instanceof JsonError) return null;
      throw e;
    }
    if (row instanceof NotDict) return null;
    const h = row.host_id;
    const ep = row.episode_id;
    if (typeof h !== 'string' || typeof ep !== 'string' || !truthy(h) || !truthy(ep)) return null;
    keys.push(episodeKey(h, ep));
  }
  return keys.length > 0 ? keys : null;
}

/** [start, end) of each line, the newline included; the last may lack one. */
function lineSpans(buf: Uint8Array, from = 0, to = buf.length): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = from;
  while (start < to) {
    const nl = buf.indexOf(NL, start);
    const end = nl === -1 || nl >= to ? to : nl + 1;
    spans.push([start, end]);
    start = end;
  }
  return spans;
}

/** Bytes of `buf` up to and including its last newline. */
function completeLines(buf: Buffer): Buffer {
  return buf.subarray(0, buf.lastIndexOf(NL) + 1);
}

export interface SwapInput {
  paths: PrunePaths;
  journal: Journal;
  /** Keys (episodeKey) of the episodes whose tarballs were archived or deleted. */
  dropKeys: ReadonlySet<string>;
  /** --archive: where each dropped row is saved beside its tarball, for a restore. */
  archiveRoot: string | null;
  acted: SwapState['acted'];
  refused: SwapState['refused'];
  hooks?: PruneHooks;
  log: (line: string) => void;
}

export interface SwapResult {
  swap: SwapState;
  /** Still open on the old index inode, for step 5. */
  oldFd: number;
}

/** Steps 1-4: returns once index.jsonl is the new file. */
export function swapIndex(input: SwapInput): SwapResult {
  const { paths, journal, hooks } = input;
  clearStaleSwapFiles(paths);
  const oldFd = fs.openSync(paths.index, 'r');
  try {
    const st = fs.fstatSync(oldFd, { bigint: true });
    const buf = readFrom(oldFd, 0);
    let limit = journal.seen.bytes;
    if (buf.length < limit || sha256(buf.subarray(0, limit)) !== journal.seen.sha256) {
      // Not an append-only change: something rewrote the index after the scan. The tarballs are
      // gone already, so rows naming them point nowhere; drop them wherever they are now.
      input.log(`${paths.index} was rewritten by something else since the scan; dropping the acted-on rows wherever they are now`);
      limit = buf.length;
    }
    let copied = buf.lastIndexOf(NL) + 1;
    // A last line without newline that the scan saw whole, and that nothing followed since.
    if (copied < buf.length && buf.length <= limit) copied = buf.length;

    const kept: Buffer[] = [];
    const dropped = new Map<string, Buffer[]>();
    let rowsDropped = 0;
    for (const [s, e] of lineSpans(buf, 0, copied)) {
      const line = buf.subarray(s, e);
      const keys = e <= limit ? lineKeys(line) : null;
      if (keys && keys.every((k) => input.dropKeys.has(k))) {
        rowsDropped += keys.length;
        for (const k of new Set(keys)) dropped.set(k, [...(dropped.get(k) ?? []), line]);
      } else {
        kept.push(line);
      }
    }

    // Step 2.
    unlinkIfPresent(paths.newIndex);
    const like = { uid: Number(st.uid), gid: Number(st.gid), mode: Number(st.mode) };
    const newFd = fs.openSync(paths.newIndex, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    let prefixBytes = 0;
    try {
      for (const k of kept) writeAll(newFd, k);
      prefixBytes = kept.reduce((n, k) => n + k.length, 0);
      copyOwnerAndMode(newFd, like, paths.index);
      fs.fsyncSync(newFd);
      step(hooks, 'new index written');
      if (input.archiveRoot !== null) saveDroppedRows(input.archiveRoot, dropped, like, input.log);
      step(hooks, 'dropped rows saved');

      // Step 3.
      fs.linkSync(paths.index, paths.oldIndex);
      const linked = lstatOrNull(paths.oldIndex);
      if (!linked || !sameInode(linked, st)) {
        unlinkIfPresent(paths.oldIndex);
        unlinkIfPresent(paths.newIndex);
        throw new PruneError(
          `${paths.index} was replaced while prune was rewriting it; nothing was lost: re-run cis490-prune --${journal.action}`,
        );
      }
      fsyncDir(paths.dir);
      step(hooks, 'old index linked');

      // Step 4: catch up with rows appended since step 1 (fewer rows to copy after the rename).
      const more = completeLines(readFrom(oldFd, copied));
      if (more.length > 0) {
        writeAll(newFd, more);
        prefixBytes += more.length;
        copied += more.length;
        fs.fsyncSync(newFd);
      }
    } finally {
      fs.closeSync(newFd);
    }
    const newSt = fs.lstatSync(paths.newIndex, { bigint: true });
    const swap: SwapState = {
      prefixBytes,
      newIno: newSt.ino.toString(),
      oldIno: st.ino.toString(),
      oldCopiedUpTo: copied,
      acted: input.acted,
      refused: input.refused,
      rowsDropped,
    };
    writeJournal(paths, { ...journal, swap });
    step(hooks, 'journal: swap');
    fs.renameSync(paths.newIndex, paths.index);
    step(hooks, 'index renamed');
    fsyncDir(paths.dir);
    step(hooks, 'index dir synced');
    return { swap, oldFd };
  } catch (e) {
    fs.closeSync(oldFd);
    throw e;
  }
}

/** Leftovers of a swap that never reached its rename. */
export function clearStaleSwapFiles(paths: PrunePaths): void {
  unlinkIfPresent(paths.newIndex);
  const old = lstatOrNull(paths.oldIndex);
  if (!old) return;
  const idx = lstatOrNull(paths.index);
  if (!idx || !sameInode(old, idx)) {
    throw new PruneError(
      `${paths.oldIndex} is not the current index and may hold rows that are not in ${paths.index}: append the missing ones to it, then remove ${paths.oldIndex}`,
    );
  }
  unlinkIfPresent(paths.oldIndex);
}

/** Whether the rename of a recorded swap happened (judged from the inodes on disk). */
export function swapWasRenamed(paths: PrunePaths): boolean {
  const old = lstatOrNull(paths.oldIndex);
  if (!old) return true; // step 6 had already run
  const idx = lstatOrNull(paths.index);
  return !(idx && sameInode(idx, old));
}

/**
 * Save dropped rows beside their archived tarball as <episode_id>.index.jsonl, so a restore can
 * append them back. Rows already there (from an interrupted earlier attempt) are not repeated.
 */
function saveDroppedRows(
  archiveRoot: string,
  dropped: ReadonlyMap<string, Buffer[]>,
  like: { uid: number; gid: number; mode: number },
  log: (line: string) => void,
): void {
  for (const [key, lines] of dropped) {
    const [host, episode] = JSON.parse(key) as [string, string];
    const file = path.join(archiveRoot, host, `${episode}.index.jsonl`);
    try {
      const have = lstatOrNull(file) ? fs.readFileSync(file) : Buffer.alloc(0);
      const present = new Set(lineSpans(have).map(([s, e]) => have.subarray(s, e).toString('latin1')));
      const add = lines
        .map((l) => (l[l.length - 1] === NL ? l : Buffer.concat([l, Buffer.from('\n')])))
        .filter((l) => !present.has(l.toString('latin1')));
      if (add.length === 0) continue;
      const head = have.length > 0 && have[have.length - 1] !== NL ? Buffer.concat([have, Buffer.from('\n')]) : have;
      writeFileAtomic(file, Buffer.concat([head, ...add]), like);
    } catch (e) {
      if (e instanceof PruneError) throw e;
      log(
        `could not save the index rows of ${host}/${episode} to ${file} (${errno(e) ?? (e as Error).message}); they are dropped from the index all the same`,
      );
    }
  }
}

export interface StragglerTiming {
  /** Give up waiting for writers of the old index after this long (the journal then stays). */
  timeoutMs: number;
  /** Wait this long after the old index looks quiet before trusting it. */
  settleMs: number;
  pollMs: number;
  /** When /proc cannot tell (not root), how long the old index must stop growing. */
  quietMs: number;
}

export const DEFAULT_STRAGGLER_TIMING: StragglerTiming = { timeoutMs: 30_000, settleMs: 50, pollMs: 10, quietMs: 2_000 };

export interface CatchUpResult {
  done: boolean;
  /** Processes still holding the old index open for writing when we gave up. */
  writers: number[];
}

/**
 * Step 5 (and, on a re-run, its resumption): copy into the new index whatever the old inode
 * gained past swap.oldCopiedUpTo. `dedupe` (re-runs only) skips rows that the new index already
 * holds past its prefix, which a killed earlier copy may have appended.
 */
export async function copyStragglers(
  paths: PrunePaths,
  journal: Journal & { swap: SwapState },
  oldFd: number | null,
  opts: { dedupe: boolean; timing: StragglerTiming; hooks?: PruneHooks },
): Promise<CatchUpResult> {
  let fd = oldFd;
  if (fd === null) {
    try {
      fd = fs.openSync(paths.oldIndex, 'r');
    } catch (e) {
      if (errno(e) === 'ENOENT') return { done: true, writers: [] };
      throw e;
    }
  }
  const swap = journal.swap;
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    const id = { dev: st.dev, ino: st.ino };
    const { timing } = opts;
    const deadline = Date.now() + timing.timeoutMs;
    let dedupe = opts.dedupe;
    for (;;) {
      const waited = await waitForNoWriters(fd, id, deadline, timing);
      const gained = readFrom(fd, swap.oldCopiedUpTo);
      const chunk = waited.quiet ? gained : completeLines(gained);
      if (chunk.length > 0) {
        appendToIndex(paths, dedupe ? missingLines(chunk, currentRows(paths, swap)) : chunk, st);
        step(opts.hooks, 'stragglers copied');
        swap.oldCopiedUpTo += chunk.length;
        dedupe = false;
      }
      if (!waited.quiet) {
        writeJournal(paths, journal);
        return { done: false, writers: waited.writers };
      }
      // Settled and copied: anything that still arrives means a writer we could not see.
      await sleep(timing.settleMs);
      if (fs.fstatSync(fd).size <= swap.oldCopiedUpTo) return { done: true, writers: [] };
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function waitForNoWriters(
  fd: number,
  id: { dev: bigint; ino: bigint },
  deadline: number,
  timing: StragglerTiming,
): Promise<{ quiet: boolean; writers: number[] }> {
  let lastSize = fs.fstatSync(fd).size;
  let quietSince = Date.now();
  for (;;) {
    const scan = writersOf(id);
    const size = fs.fstatSync(fd).size;
    if (size !== lastSize) {
      lastSize = size;
      quietSince = Date.now();
    }
    if (scan.pids.length === 0) {
      if (!scan.uncertain) {
        await sleep(timing.settleMs);
        const again = writersOf(id);
        if (again.pids.length === 0 && fs.fstatSync(fd).size === size) return { quiet: true, writers: [] };
      } else if (Date.now() - quietSince >= timing.quietMs) {
        return { quiet: true, writers: [] };
      }
    }
    if (Date.now() >= deadline) return { quiet: false, writers: scan.pids };
    await sleep(timing.pollMs);
  }
}

/** The rows of the current index that a killed copy may have appended (past the prefix when it is our file). */
function currentRows(paths: PrunePaths, swap: SwapState): Buffer {
  const fd = fs.openSync(paths.index, 'r');
  try {
    const ours = fs.fstatSync(fd, { bigint: true }).ino.toString() === swap.newIno;
    return readFrom(fd, ours ? swap.prefixBytes : 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines of `chunk` that `have` does not already hold (as a multiset), in order. */
function missingLines(chunk: Buffer, have: Buffer): Buffer {
  const count = new Map<string, number>();
  for (const [s, e] of lineSpans(have)) {
    const k = have.subarray(s, e).toString('latin1');
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const out: Buffer[] = [];
  for (const [s, e] of lineSpans(chunk)) {
    const line = chunk.subarray(s, e);
    const k = line.toString('latin1');
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(line);
  }
  return Buffer.concat(out);
}

function appendToIndex(paths: PrunePaths, data: Buffer, like: fs.BigIntStats): void {
  if (data.length === 0) return;
  const fd = fs.openSync(paths.index, 'a');
  try {
    // Should the index have vanished meanwhile, the file we create must still be the service's.
    if (fs.fstatSync(fd).size === 0)
      copyOwnerAndMode(fd, { uid: Number(like.uid), gid: Number(like.gid), mode: Number(like.mode) }, paths.index);
    writeAll(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Step 6. */
export function unlinkOldIndex(paths: PrunePaths, hooks?: PruneHooks): void {
  unlinkIfPresent(paths.oldIndex);
  fsyncDir(paths.dir);
  step(hooks, 'old index unlinked');
}
