/**
 * The per-index prune lock. It keeps two prune runs apart; it is not what protects the
 * receiver's appends (the receiver knows nothing of it): index-rewrite.ts does that.
 *
 * Taking it: link() a file holding "<pid>\n<random token>\n" to index.jsonl.prune-lock; link()
 * creates the lock complete with its content, or fails if it exists. A lock whose pid names no
 * running process is stale and is taken over, but only by the holder of a second, short-lived
 * lock (index.jsonl.prune-lock.takeover, taken the same way): under it, the stale lock is read
 * again and removed only if it is still the very file (inode and content) judged stale. Without
 * that, two prunes that both saw the stale lock could each remove it, the second removing the
 * fresh lock the first had just taken, and both would rewrite the index at once. After taking
 * the lock, its content is read back to check that it is ours.
 *
 * A prune killed in the instant it holds the takeover lock leaves it behind; the next prune then
 * stops with a one-line fix rather than guess whether a takeover is under way.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { PruneError, errno, unlinkIfPresent } from './durable.js';
import { step, type PruneHooks } from './hooks.js';
import type { PrunePaths } from './journal.js';

/** Locks this process holds, so that taking one twice is an error rather than a takeover. */
const heldHere = new Set<string>();

export interface PruneLock {
  path: string;
  release(): void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

interface LockFile {
  ino: bigint;
  content: string;
  /** The owner's pid, NaN when the file does not name one. */
  pid: number;
}

/** The lock file as it is now, or null when there is none. */
function readLockFile(file: string): LockFile | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile() || st.size > 4096n)
      throw new PruneError(`${file} is not a cis490-prune lock file; remove it if no cis490-prune is running`);
    const content = fs.readFileSync(fd, 'utf8');
    return { ino: st.ino, content, pid: parseInt(content, 10) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Exclusive creation of `target` as a second name of `mine`; false when it exists. */
function linkExclusive(mine: string, target: string): boolean {
  try {
    fs.linkSync(mine, target);
    return true;
  } catch (e) {
    if (errno(e) === 'EEXIST') return false;
    throw e;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** A lock naming this process's pid is not held here (heldHere): an earlier process had that pid. */
function isLive(f: LockFile): boolean {
  return Number.isSafeInteger(f.pid) && f.pid > 0 && f.pid !== process.pid && pidAlive(f.pid);
}

export function acquirePruneLock(paths: PrunePaths, hooks?: PruneHooks): PruneLock {
  if (heldHere.has(paths.lock)) throw new PruneError(`${paths.lock} is already held by this process`);
  const token = `${process.pid}\n${randomUUID()}\n`;
  const mine = `${paths.lock}.${process.pid}`;
  unlinkIfPresent(mine);
  fs.writeFileSync(mine, token, { mode: 0o600, flag: 'wx' });
  try {
    // Each pass either takes the lock, stops, or sees it change hands; waiting on another
    // process's takeover is bounded (about 3 s in all).
    for (let attempt = 0; attempt < 300; attempt++) {
      if (linkExclusive(mine, paths.lock)) {
        if (readLockFile(paths.lock)?.content !== token) {
          throw new PruneError(`${paths.lock} changed hands while it was being taken; re-run cis490-prune`);
        }
        heldHere.add(paths.lock);
        return { path: paths.lock, release: () => release(paths, token) };
      }
      const held = readLockFile(paths.lock);
      if (held === null) continue;
      if (isLive(held)) {
        throw new PruneError(
          `another cis490-prune (pid ${held.pid}) is working on ${paths.index}; wait for it to finish, or remove ${paths.lock} if no such process is running`,
        );
      }
      step(hooks, 'lock: holder gone');
      if (!linkExclusive(mine, paths.takeover)) {
        const other = readLockFile(paths.takeover);
        if (other !== null && !isLive(other)) {
          throw new PruneError(
            `${paths.takeover} was left by a cis490-prune that died while taking over a stale lock; remove it (and ${paths.lock}) if no cis490-prune is running`,
          );
        }
        sleepSync(10); // another prune is taking the stale lock over: look again after it
        continue;
      }
      try {
        step(hooks, 'lock: takeover held');
        const again = readLockFile(paths.lock);
        // Only the takeover holder removes a lock, and a dead owner cannot: unchanged since this read.
        if (again !== null && again.ino === held.ino && again.content === held.content) unlinkIfPresent(paths.lock);
      } finally {
        if (readLockFile(paths.takeover)?.content === token) unlinkIfPresent(paths.takeover);
      }
    }
    throw new PruneError(`could not take the prune lock ${paths.lock}; remove it if no cis490-prune is running`);
  } finally {
    unlinkIfPresent(mine);
  }
}

function release(paths: PrunePaths, token: string): void {
  if (!heldHere.delete(paths.lock)) return;
  // Never remove a lock that is not ours (one taken over by someone who judged us dead).
  if (readLockFile(paths.lock)?.content === token) unlinkIfPresent(paths.lock);
}
