/**
 * Opening dataset files without trusting what they are. A path in a dataset can name a FIFO (a
 * plain open() then waits for a writer forever), a device such as /dev/zero (endless bytes) or
 * a socket; only regular files are read. The file is opened non-blocking and checked on its
 * descriptor (fstat), so nothing can be swapped in between the check and the read, and no more
 * than the size it states is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** A path that exists but is not a regular file, or is larger than the caller accepts. */
export class FileRefusedError extends Error {
  constructor(
    readonly path: string,
    /** What is wrong: the kind of file, or its size. */
    readonly problem: 'not-regular' | 'too-large',
    /** e.g. "is a FIFO, not a regular file" */
    readonly why: string,
  ) {
    super(`${path} ${why}`);
    this.name = 'FileRefusedError';
  }
}

/** What kind of non-regular file `st` describes, e.g. "a FIFO". */
function fileKind(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Open a regular file for reading; FileRefusedError for anything else (the fd is closed), the
 * file-system error (ENOENT, EACCES, ...) as thrown by open().
 */
function openRegular(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    // A socket cannot be opened at all (ENXIO): say what it is.
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st && !st.isFile()) throw new FileRefusedError(path, 'not-regular', `is ${fileKind(st)}, not a regular file`);
    }
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileRefusedError(path, 'not-regular', `is ${fileKind(st)}, not a regular file`);
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * Read a regular file whole, at most `maxBytes` (FileRefusedError beyond it) and never past the
 * size it stated when opened (bytes appended meanwhile are left for the next reader). `buf` is
 * used when large enough, else a new buffer is made; the file's bytes are `file`.
 */
export function readRegularFile(path: string, maxBytes = Infinity, buf?: Buffer): { file: Buffer; buf: Buffer } {
  const { fd, size } = openRegular(path);
  try {
    if (size > maxBytes) throw new FileRefusedError(path, 'too-large', `is ${size} bytes, more than the ${maxBytes}-byte limit`);
    if (!buf || buf.length < size) buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const k = readSync(fd, buf, n, size - n, null);
      if (k === 0) break; // shrank while being read: what is there
      n += k;
    }
    return { file: buf.subarray(0, n), buf };
  } finally {
    closeSync(fd);
  }
}
