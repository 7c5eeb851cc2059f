/**
 * Small synchronous file-system helpers for the prune steps: everything that must survive a
 * crash is fsynced (the file, then the directory entry that names it) before the next step.
 * Synchronous on purpose: each step finishes before the next begins, which is what the crash
 * reasoning in apply.ts relies on.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../shared/errors.js';

/** A failure the operator must act on: one line naming the thing and the fix. */
export class PruneError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'PruneError';
  }
}

export function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

export function lstatOrNull(p: string): fs.BigIntStats | null {
  return fs.lstatSync(p, { bigint: true, throwIfNoEntry: false }) ?? null;
}

export function sameInode(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** fsync a directory so that the entries created, renamed or removed in it are durable. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `mkdir -p`, fsyncing each parent whose entries changed. */
export function mkdirDurable(dir: string): void {
  if (lstatOrNull(dir)?.isDirectory()) return;
  const parent = path.dirname(dir);
  if (parent !== dir) mkdirDurable(parent);
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
  }
  fsyncDir(parent);
}

/** Unlink a file that may not exist; true when something was removed. */
export function unlinkIfPresent(p: string): boolean {
  try {
    fs.unlinkSync(p);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

/** Every byte of an open file from `from` to its current end. */
export function readFrom(fd: number, from: number): Buffer {
  const chunks: Buffer[] = [];
  let pos = from;
  for (;;) {
    const buf = Buffer.allocUnsafe(1 << 20);
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(chunks);
}

/** Write all of `data` at the fd's position (O_APPEND files: at the end). */
export function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
}

/** Byte-for-byte equality of two files. */
export function sameContent(a: string, b: string): boolean {
  const fa = fs.openSync(a, 'r');
  try {
    const fb = fs.openSync(b, 'r');
    try {
      if (fs.fstatSync(fa).size !== fs.fstatSync(fb).size) return false;
      const ba = Buffer.allocUnsafe(1 << 20);
      const bb = Buffer.allocUnsafe(1 << 20);
      for (let pos = 0; ;) {
        const na = fs.readSync(fa, ba, 0, ba.length, pos);
        const nb = fs.readSync(fb, bb, 0, bb.length, pos);
        if (na !== nb) return false;
        if (na === 0) return true;
        if (!ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
        pos += na;
      }
    } finally {
      fs.closeSync(fb);
    }
  } finally {
    fs.closeSync(fa);
  }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Give a file we create the owner and mode of the file it replaces. Root can always do this;
 * another user only when it already owns the original, which fchown then accepts as a no-op.
 */
export function copyOwnerAndMode(fd: number, like: { uid: number; gid: number; mode: number }, what: string): void {
  try {
    fs.fchownSync(fd, like.uid, like.gid);
  } catch (e) {
    const st = fs.fstatSync(fd);
    if (st.uid !== like.uid || st.gid !== like.gid) {
      throw new PruneError(
        `cannot give ${what} the owner ${like.uid}:${like.gid} of the file it replaces (${errno(e) ?? String(e)}); run cis490-prune as root`,
      );
    }
  }
  fs.fchmodSync(fd, like.mode & 0o7777);
}

/** Write a whole file durably and atomically: temp name in the same directory, fsync, rename, fsync dir. */
export function writeFileAtomic(file: string, data: Uint8Array, like?: { uid: number; gid: number; mode: number }): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.prune-tmp`);
  unlinkIfPresent(tmp);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    writeAll(fd, data);
    if (like) copyOwnerAndMode(fd, like, file);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(dir);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
