/**
 * Unpacking a dataset snapshot (.zip, .tar, .tar.zst, .tar.gz) into an empty folder, safely:
 * every entry must land inside that folder. Refused: absolute names, `..`, entries written
 * through a symbolic link, links whose target is absolute or contains `..` (a link made only of
 * descending components cannot reach outside, however links chain), hard links to anything but
 * an earlier regular file of the snapshot, device files, FIFOs, duplicates, and snapshots over
 * the size or entry-count limits. Files are written 0644 and directories 0755, whatever the
 * archive says. The archive kind is told by its first bytes, not by its name.
 */
import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, open, symlink, constants as fsConstants, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { loadZstdWasm, ZstdWasmStream } from '../episode/zstd-wasm.js';
import yauzl from 'yauzl';

export interface UnpackLimits {
  /** Total bytes of file contents written. */
  maxBytes: number;
  /** Entries (files, directories, links; tar extension headers count too). */
  maxEntries: number;
}

export const DEFAULT_UNPACK_LIMITS: Readonly<UnpackLimits> = Object.freeze({
  maxBytes: 20 * 1024 ** 3,
  maxEntries: 1_000_000,
});

export class UnpackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnpackError';
  }
}

export type ArchiveKind = 'zip' | 'tar' | 'tar.zst' | 'tar.gz';

export interface UnpackResult {
  kind: ArchiveKind;
  files: number;
  bytes: number;
}

/** The archive kind from the first bytes of a file; null when it is none of ours. */
export async function sniffArchive(file: string): Promise<ArchiveKind | null> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)) return 'zip';
    if (b.length >= 4 && b.readUInt32LE(0) === 0xfd2fb528) return 'tar.zst';
    if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'tar.gz';
    if (b.length >= 262 && b.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return null;
  } finally {
    await fh.close();
  }
}

/** Unpack `file` into `dest` (created if missing; should be empty). */
export async function unpackArchive(file: string, dest: string, limits: UnpackLimits = DEFAULT_UNPACK_LIMITS): Promise<UnpackResult> {
  const kind = await sniffArchive(file);
  if (!kind) throw new UnpackError(`${path.basename(file)} is not a .zip, .tar, .tar.zst or .tar.gz snapshot`);
  await mkdir(dest, { recursive: true });
  const out = new SafeWriter(dest, limits, path.basename(file));
  if (kind === 'zip') await unzip(file, out);
  else {
    const raw = createReadStream(file);
    const source = kind === 'tar' ? raw : raw.pipe(kind === 'tar.gz' ? zlib.createGunzip() : await zstdStream(limits.maxBytes));
    raw.on('error', (e) => source.destroy(e));
    try {
      await untar(source, out);
    } catch (e) {
      raw.destroy();
      if (e instanceof UnpackError) throw e;
      throw new UnpackError(`${path.basename(file)}: cannot decompress: ${(e as Error).message}`);
    }
  }
  return { kind, files: out.files, bytes: out.bytes };
}

// ---------------------------------------------------------------------------------------------
// Writing entries

/** Splits an entry name into safe path components, or says why it cannot be one. */
export function entrySegments(name: string): string[] | string {
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  const segs = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.includes('..')) return 'contains ".." (would escape the destination)';
  return segs;
}

class SafeWriter {
  files = 0;
  bytes = 0;
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

  addBytes(name: string, n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxBytes) {
      throw new UnpackError(`${this.label}: unpacked size exceeds ${this.limits.maxBytes} bytes (at ${JSON.stringify(name)}); refused`);
    }
  }

  /** Validated absolute target of an entry; its parent directories exist and are real directories. */
  async target(name: string, allowRoot = false): Promise<string | null> {
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

// ---------------------------------------------------------------------------------------------
// zstd (streamed through libzstd in WebAssembly: node:zlib's zstd stops after the first frame)

async function zstdStream(maxBytes: number): Promise<Transform> {
  const wasm = await loadZstdWasm();
  let produced = 0;
  let d: ZstdWasmStream | null = null;
  const t: Transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        // Small slices bound what one push can produce (a crafted frame can expand 64 KiB a lot).
        for (let i = 0; i < chunk.length; i += 1024) d!.push(chunk.subarray(i, i + 1024));
        done();
      } catch (e) {
        d!.dispose();
        done(e as Error);
      }
    },
    flush(done) {
      try {
        d!.end();
        done();
      } catch (e) {
        done(e as Error);
      } finally {
        d!.dispose();
      }
    },
    destroy(err, cb) {
      d!.dispose();
      cb(err);
    },
  });
  d = new ZstdWasmStream(wasm, (data) => {
    produced += data.length;
    // The tar parser enforces the exact limit; this only stops a runaway decompression early.
    if (produced > maxBytes + 64 * 1024 * 1024) throw new Error(`decompressed size exceeds ${maxBytes} bytes`);
    t.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return t;
}

// ---------------------------------------------------------------------------------------------
// tar

const BLOCK = 512;

/** Reads exact byte counts from a stream. */
class ByteSource {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  private ended = false;
  offset = 0;

  constructor(stream: Readable) {
    this.it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buf.length < n && !this.ended) {
      const r = await this.it.next();
      if (r.done) this.ended = true;
      else this.buf = this.buf.length === 0 ? r.value : Buffer.concat([this.buf, r.value]);
    }
    return this.buf.length >= n;
  }

  /** Exactly n bytes, or null at a clean end (no bytes left); a partial read throws. */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.buf.length === 0) return null;
      throw new UnpackError(`truncated archive at byte ${this.offset + this.buf.length}`);
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.offset += n;
    return out;
  }

  /** Hands on n bytes in pieces as they arrive. */
  async forward(n: number, sink: (b: Buffer) => Promise<void>): Promise<void> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1))) throw new UnpackError(`truncated archive at byte ${this.offset}`);
      const piece = this.buf.subarray(0, Math.min(left, this.buf.length));
      this.buf = this.buf.subarray(piece.length);
      this.offset += piece.length;
      left -= piece.length;
      await sink(piece);
    }
  }

  async skip(n: number): Promise<void> {
    await this.forward(n, async () => {});
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

const MAX_META_BYTES = 1024 * 1024;
const padTo = (n: number): number => (BLOCK - (n % BLOCK)) % BLOCK;

function field(h: Buffer, off: number, len: number): string {
  const end = h.indexOf(0, off);
  return h.toString('utf8', off, end === -1 || end > off + len ? off + len : end);
}

function octalField(h: Buffer, off: number, len: number): number {
  if ((h[off]! & 0x80) !== 0) {
    // GNU base-256 (sizes over 8 GiB); negative values are refused by the caller.
    if (h[off] === 0xff) return -1;
    let n = h[off]! & 0x7f;
    for (let i = off + 1; i < off + len; i++) n = n * 256 + h[i]!;
    return n;
  }
  const s = field(h, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) return NaN;
  return parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  const want = octalField(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return want === sum;
}

function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    const len = sp === -1 ? NaN : Number(data.toString('latin1', pos, sp));
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length) throw new UnpackError('malformed PAX header');
    const rec = data.toString('utf8', sp + 1, pos + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    pos += len;
  }
  return out;
}

async function untar(stream: Readable, out: SafeWriter): Promise<void> {
  const src = new ByteSource(stream);
  try {
    let pax = new Map<string, string>();
    let longName: string | null = null;
    let longLink: string | null = null;
    for (;;) {
      const at = src.offset;
      const h = await src.read(BLOCK);
      if (h === null) throw new UnpackError(`${out.label}: truncated archive: it ends without the end-of-archive marker`);
      if (h.every((b) => b === 0)) return; // end-of-archive marker
      if (!checksumOk(h)) throw new UnpackError(`${out.label}: not a tar archive, or a corrupt header at byte ${at}`);
      const type = String.fromCharCode(h[156]!);
      const prefix = h.toString('latin1', 257, 262) === 'ustar' ? field(h, 345, 155) : '';
      let name = longName ?? pax.get('path') ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
      const link = longLink ?? pax.get('linkpath') ?? field(h, 157, 100);
      const paxSize = pax.get('size');
      const size = paxSize !== undefined ? Number(paxSize) : octalField(h, 124, 12);
      if (!Number.isSafeInteger(size) || size < 0) throw new UnpackError(`${out.label}: bad size in the header at byte ${at}`);
      const padded = size + padTo(size);

      if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
        out.countEntry(name);
        if (size > MAX_META_BYTES) throw new UnpackError(`${out.label}: an extended header over ${MAX_META_BYTES} bytes at byte ${at}`);
        const data = (await src.read(padded)) ?? Buffer.alloc(0);
        if (data.length < padded) throw new UnpackError(`${out.label}: truncated archive at byte ${src.offset}`);
        const body = data.subarray(0, size);
        if (type === 'x') pax = parsePax(body);
        else if (type === 'L') longName = field(body, 0, body.length);
        else if (type === 'K') longLink = field(body, 0, body.length);
        // 'g' (global PAX) carries nothing we use.
        continue;
      }
      pax = new Map();
      longName = null;
      longLink = null;

      if (type === '5') {
        await out.directory(name);
        await src.skip(padded);
      } else if (type === '0' || type === '\0' || type === '7') {
        if (type === '\0' && name.endsWith('/')) {
          await out.directory(name);
          await src.skip(padded);
          continue;
        }
        const fh = await out.openFile(name, size);
        try {
          await src.forward(size, async (b) => {
            await fh.write(b);
          });
        } finally {
          await fh.close();
        }
        await src.skip(padTo(size));
      } else if (type === '2') {
        await out.symlink(name, link);
        await src.skip(padded);
      } else if (type === '1') {
        await out.hardlink(name, link);
        await src.skip(padded);
      } else if (type === 'V') {
        await src.skip(padded); // GNU volume label
      } else {
        const what: Record<string, string> = { '3': 'a character device', '4': 'a block device', '6': 'a FIFO', S: 'a sparse file' };
        name ||= '(unnamed)';
        out.refuse(name, `is ${what[type] ?? `of unsupported tar type ${JSON.stringify(type)}`}`);
      }
    }
  } finally {
    await src.close();
  }
}

// ---------------------------------------------------------------------------------------------
// zip

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const MAX_LINK_BYTES = 4096;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames false: backslash separators of Windows zip tools become '/'.
    yauzl.open(file, { lazyEntries: true, autoClose: true, decodeStrings: true, validateEntrySizes: true }, (err, zf) =>
      err ? reject(err) : resolve(zf),
    );
  });
}

function entryStream(zf: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zf.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

async function unzip(file: string, out: SafeWriter): Promise<void> {
  let zf: yauzl.ZipFile;
  try {
    zf = await openZip(file);
  } catch (e) {
    throw new UnpackError(`${out.label}: not a readable zip: ${(e as Error).message}`);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      zf.on('error', (e: Error) => {
        if (e instanceof UnpackError) reject(e);
        // yauzl's own name checks (absolute paths, "..", bad characters) come here.
        else if (/^(absolute path|invalid relative path|invalid characters)/.test(e.message))
          reject(new UnpackError(`${out.label}: refused entry: ${e.message}`));
        else reject(new UnpackError(`${out.label}: not a readable zip: ${e.message}`));
      });
      zf.on('end', () => resolve());
      zf.on('entry', (entry: yauzl.Entry) => {
        zipEntry(zf, entry, out).then(
          () => zf.readEntry(),
          (e: unknown) => reject(e instanceof UnpackError ? e : new UnpackError(`${out.label}: ${(e as Error).message}`)),
        );
      });
      zf.readEntry();
    });
  } finally {
    zf.close();
  }
}

async function zipEntry(zf: yauzl.ZipFile, entry: yauzl.Entry, out: SafeWriter): Promise<void> {
  const name = entry.fileName;
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = madeOnUnix ? (entry.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (entry.isEncrypted()) out.refuse(name, 'is encrypted');
  if (name.endsWith('/') || mode === S_IFDIR) {
    await out.directory(name);
    return;
  }
  if (mode === S_IFLNK) {
    if (entry.uncompressedSize > MAX_LINK_BYTES) out.refuse(name, 'is a link with an over-long target');
    const chunks: Buffer[] = [];
    for await (const c of await entryStream(zf, entry)) chunks.push(c as Buffer);
    await out.symlink(name, Buffer.concat(chunks).toString('utf8'));
    return;
  }
  if (mode !== 0 && mode !== S_IFREG) out.refuse(name, 'is a device file, FIFO or socket');
  const fh = await out.openFile(name, entry.uncompressedSize);
  try {
    for await (const c of await entryStream(zf, entry)) await fh.write(c as Buffer);
  } finally {
    await fh.close();
  }
}
