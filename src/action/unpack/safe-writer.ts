/**
 * Writing a snapshot's entries under one folder, whatever the archive says. Refused: absolute
 * names, `..`, entries written through a symbolic link, links whose target is absolute or
 * contains `..` (a link made only of descending components cannot reach outside, however links
 * chain), hard links to anything but an earlier regular file of the snapshot (copied, not
 * linked), duplicates, and more entries or bytes than the limits. Files are written 0644 and
 * directories 0755; nothing already there is replaced or followed (O_EXCL).
 */
import { copyFile, lstat, mkdir, open, symlink, constants as fsConstants, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { UnpackError, overLimit, type UnpackLimits } from './limits.js';

/** Splits an entry name into safe path components, or says why it cannot be one. */
export function entrySegments(name: string): string[] | string {
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  const segs = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.includes('..')) return 'contains ".." (would escape the destination)';
  return segs;
}

export class SafeWriter {
  files = 0;
  /** Bytes written (file contents and hard-link copies). */
  bytes = 0;
  /** Bytes the archive unpacked to so far, written or not. */
  unpacked = 0;
  private entries = 0;
  private readonly seen = new Set<string>();

  constructor(
    readonly dest: string,
    readonly limits: UnpackLimits,
    readonly label: string,
  ) {}

  refuse(name: string, why: string): never {
    throw new UnpackError(`${this.label}: refused entry ${JSON.stringify(name)}: ${why}`);
  }

  countEntry(name: string): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new UnpackError(`${this.label}: more than ${this.limits.maxEntries} entries (at ${JSON.stringify(name)}); refused`);
    }
  }

  /**
   * Before `n` more bytes are decompressed (read, skipped or inflated) for `at`, an entry name
   * or a place: refuses when they would take the archive past the limit.
   */
  unpack(n: number, at: string): void {
    if (this.unpacked + n > this.limits.maxBytes) throw overLimit(this.label, this.limits, at);
    this.unpacked += n;
  }

  /** Refuses now when `n` more bytes, announced for `at`, would take the archive past the limit. */
  expect(n: number, at: string): void {
    if (this.unpacked + n > this.limits.maxBytes) throw overLimit(this.label, this.limits, at);
  }

  private addBytes(name: string, n: number): void {
    if (this.bytes + n > this.limits.maxBytes) throw overLimit(this.label, this.limits, JSON.stringify(name));
    this.bytes += n;
  }

  /** Validated absolute target of an entry; its parent directories exist and are real directories. */
  private async target(name: string, allowRoot = false): Promise<string | null> {
    const segs = entrySegments(name);
    if (typeof segs === 'string') this.refuse(name, segs);
    if (segs.length === 0) {
      if (allowRoot) return null;
      this.refuse(name, 'has an empty name');
    }
    const key = segs.join('/');
    let dir = this.dest;
    for (const s of segs.slice(0, -1)) {
      dir = path.join(dir, s);
      const st = await lstat(dir).catch(() => null);
      if (!st) await mkdir(dir, { mode: 0o755 });
      else if (st.isSymbolicLink()) this.refuse(name, `would be written through the link ${JSON.stringify(path.relative(this.dest, dir))}`);
      else if (!st.isDirectory()) this.refuse(name, `its parent ${JSON.stringify(path.relative(this.dest, dir))} is not a directory`);
    }
    const full = path.join(dir, segs[segs.length - 1]!);
    if (this.seen.has(key)) {
      const st = await lstat(full).catch(() => null);
      if (st?.isDirectory()) return full;
      this.refuse(name, 'appears twice');
    }
    this.seen.add(key);
    return full;
  }

  async directory(name: string): Promise<void> {
    this.countEntry(name);
    const full = await this.target(name, true);
    if (full === null) return;
    const st = await lstat(full).catch(() => null);
    if (!st) await mkdir(full, { mode: 0o755 });
    else if (!st.isDirectory()) this.refuse(name, 'a directory of that name clashes with an earlier entry');
  }

  /** A new file for `size` bytes of contents, which the caller writes. */
  async openFile(name: string, size: number): Promise<FileHandle> {
    this.countEntry(name);
    this.addBytes(name, size);
    const full = await this.target(name);
    this.files++;
    try {
      // O_EXCL: never replace or follow anything already there.
      return await open(full!, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') this.refuse(name, 'clashes with an earlier entry');
      throw e;
    }
  }

  async symlink(name: string, linkTarget: string): Promise<void> {
    this.countEntry(name);
    const segs = entrySegments(linkTarget);
    if (typeof segs === 'string' || segs.length === 0) {
      this.refuse(
        name,
        `is a link to ${JSON.stringify(linkTarget)}, which ${typeof segs === 'string' ? segs : 'is empty'}: links must stay inside the snapshot`,
      );
    }
    const full = await this.target(name);
    await symlink(segs.join('/'), full!);
  }

  async hardlink(name: string, linkTarget: string): Promise<void> {
    this.countEntry(name);
    const segs = entrySegments(linkTarget);
    if (typeof segs === 'string' || segs.length === 0 || !this.seen.has(segs.join('/'))) {
      this.refuse(name, `is a hard link to ${JSON.stringify(linkTarget)}, which is not an earlier file of the snapshot`);
    }
    const from = path.join(this.dest, ...segs);
    const st = await lstat(from);
    if (!st.isFile()) this.refuse(name, `is a hard link to ${JSON.stringify(linkTarget)}, which is not a regular file`);
    // The parent of `from` was checked when it was written; copy rather than link.
    this.addBytes(name, st.size);
    const full = await this.target(name);
    this.files++;
    await copyFile(from, full!, fsConstants.COPYFILE_EXCL);
  }
}
