/**
 * Moving one flagged tarball into the archive, or deleting it. Every function here is
 * idempotent: run again after a crash at any point, it finishes the job or reports the same
 * refusal, and at no point is the tarball's only copy removed.
 *
 * Archive, same file system: link(src, dest), fsync the archive dir, unlink(src), fsync the
 * episodes dir. link() never replaces an existing dest (EEXIST), so there is no overwrite
 * window, and between the two steps both names hold the same inode.
 * Archive, across file systems (link fails with EXDEV): copy into a hidden partial file beside
 * dest (O_EXCL, O_NOFOLLOW on the source), give it the source's owner, mode and times, fsync,
 * publish it with link(partial, dest) (again never replacing), fsync the dir, then unlink src.
 * A dest that already exists is accepted only if it is another name of the same inode (a
 * previous run's link) or a different file byte-for-byte equal to the source; never when it is
 * the source itself reached through links. Otherwise the episode is refused and both files stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errno, fsyncDir, lstatOrNull, mkdirDurable, sameInode, unlinkIfPresent, writeAll } from './durable.js';
import { step, type PruneHooks } from './hooks.js';
import { archiveHolds, collisionReason, escapeReason, sameEntry, type PlanItem, type PruneRoots } from './plan.js';

export type ItemOutcome =
  | { kind: 'done'; note?: string }
  /** Left in place, its row kept; the reason says what the operator can do. */
  | { kind: 'refused'; reason: string }
  /** Gone from the episodes dir without our doing, and not in the archive: its row is kept. */
  | { kind: 'vanished'; reason: string };

export function applyItem(item: PlanItem, roots: PruneRoots, hooks?: PruneHooks): ItemOutcome {
  // Checked again here, not only in the plan: a journal replay acts on paths decided earlier.
  const escape = escapeReason(item, roots);
  if (escape) return { kind: 'refused', reason: escape };
  return item.dest === null ? deleteTarball(item, hooks) : archiveTarball(item, item.dest, hooks);
}

function deleteTarball(item: PlanItem, hooks?: PruneHooks): ItemOutcome {
  const s = lstatOrNull(item.src);
  if (!s) return { kind: 'done', note: 'already gone' };
  if (!s.isFile()) return { kind: 'refused', reason: `${item.src} is not a regular file (a symlink?); left alone` };
  unlinkIfPresent(item.src);
  step(hooks, `unlinked ${item.host}/${item.episode}`);
  fsyncDir(path.dirname(item.src));
  return { kind: 'done' };
}

function archiveTarball(item: PlanItem, dest: string, hooks?: PruneHooks): ItemOutcome {
  const where = `${item.host}/${item.episode}`;
  for (let attempt = 0; ; attempt++) {
    const s = lstatOrNull(item.src);
    if (!s) {
      if (lstatOrNull(dest)) return { kind: 'done', note: 'already in the archive' };
      return { kind: 'vanished', reason: `${item.src} is gone and ${dest} does not exist; its index row is kept` };
    }
    if (!s.isFile()) return { kind: 'refused', reason: `${item.src} is not a regular file (a symlink?); left alone` };
    mkdirDurable(path.dirname(dest));
    const held = archiveHolds(item.src, dest);
    if (held === 'different') return { kind: 'refused', reason: collisionReason(dest) };
    if (held === 'self' || sameEntry(item.src, dest)) {
      return { kind: 'refused', reason: `${dest} is ${item.src} itself (reached through a link), not a copy of it; left alone` };
    }
    if (held === 'none') {
      const published = publish(item.src, dest, s, hooks, where);
      if (published === 'changed') {
        return { kind: 'refused', reason: `${item.src} was replaced while it was being archived; left alone` };
      }
      // Someone else created dest between our check and our link: look again.
      if (published === 'exists' && attempt < 2) continue;
      if (published === 'exists') return { kind: 'refused', reason: collisionReason(dest) };
      step(hooks, `published ${where}`);
      fsyncDir(path.dirname(dest));
    }
    // Only the very file that is now in the archive may be removed from the episodes dir.
    const now = lstatOrNull(item.src);
    const d = lstatOrNull(dest);
    if (now && d && !sameInode(now, s)) {
      return { kind: 'refused', reason: `${item.src} was replaced while it was being archived; both files are kept` };
    }
    unlinkIfPresent(item.src);
    step(hooks, `unlinked ${where}`);
    fsyncDir(path.dirname(item.src));
    if (held === 'copy') return { kind: 'done', note: 'an identical copy (a different file) was already in the archive' };
    if (held === 'linked') return { kind: 'done', note: 'already linked into the archive by an interrupted run' };
    return { kind: 'done' };
  }
}

/** Make dest name the content of src without ever replacing an existing dest. */
function publish(
  src: string,
  dest: string,
  s: fs.BigIntStats,
  hooks: PruneHooks | undefined,
  where: string,
): 'published' | 'exists' | 'changed' {
  try {
    fs.linkSync(src, dest);
    return 'published';
  } catch (e) {
    if (errno(e) === 'EEXIST') return 'exists';
    if (errno(e) !== 'EXDEV') throw e;
  }
  const partial = path.join(path.dirname(dest), `.${path.basename(dest)}.prune-partial`);
  unlinkIfPresent(partial);
  const input = fs.openSync(src, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const st = fs.fstatSync(input, { bigint: true });
    if (!sameInode(st, s)) return 'changed';
    const out = fs.openSync(partial, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (let pos = 0; ;) {
        const n = fs.readSync(input, buf, 0, buf.length, pos);
        if (n === 0) break;
        writeAll(out, buf.subarray(0, n));
        pos += n;
      }
      fs.fchownSync(out, Number(st.uid), Number(st.gid));
      fs.fchmodSync(out, Number(st.mode) & 0o7777);
      fs.futimesSync(out, Number(st.atimeNs) / 1e9, Number(st.mtimeNs) / 1e9);
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(input);
  }
  step(hooks, `copied ${where}`);
  try {
    fs.linkSync(partial, dest);
  } catch (e) {
    unlinkIfPresent(partial);
    if (errno(e) === 'EEXIST') return 'exists';
    throw e;
  }
  unlinkIfPresent(partial);
  return 'published';
}
