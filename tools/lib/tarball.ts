/**
 * Building episode tarballs for fixtures, tests and the benchmark: a small POSIX tar writer
 * (ustar, PAX or GNU long names, links, directories, any type flag) and zstd compression
 * through the `zstd` command (Debian package `zstd`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TarEntry {
  name: string;
  data?: Uint8Array | string;
  /** Type flag: '0' file (default), '2' symlink, '5' directory, or anything else verbatim. */
  type?: string;
  linkname?: string;
  /** Long names: 'pax' (default, as Python and GNU tar --format=pax write) or 'gnu'. */
  longNames?: 'pax' | 'gnu';
  /** Extra PAX records for this member. */
  pax?: Record<string, string>;
  mtime?: number;
}

const enc = new TextEncoder();
const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: string, linkname = '', mtime = 1_700_000_000): Uint8Array {
  const b = new Uint8Array(BLOCK);
  const put = (s: string | Uint8Array, off: number, len: number): void => {
    const bytes = typeof s === 'string' ? enc.encode(s) : s;
    b.set(bytes.subarray(0, len), off);
  };
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(1000, 8), 108, 8);
  put(octal(1000, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put(linkname, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('lab', 265, 32);
  put('lab', 297, 32);
  let sum = 0;
  for (const x of b) sum += x;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return b;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rem = data.length % BLOCK;
  return rem === 0 ? [data] : [data, new Uint8Array(BLOCK - rem)];
}

function paxRecords(records: Record<string, string>): Uint8Array {
  let out = '';
  for (const [k, v] of Object.entries(records)) {
    const body = ` ${k}=${v}\n`;
    let len = Buffer.byteLength(body) + 1;
    while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
    out += `${len}${body}`;
  }
  return enc.encode(out);
}

export function buildTar(entries: TarEntry[], opts: { trailer?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = e.data === undefined ? new Uint8Array(0) : typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const type = e.type ?? '0';
    const size = type === '0' || type === '7' ? data.length : 0;
    let name = e.name;
    const pax: Record<string, string> = { ...(e.pax ?? {}) };
    if (Buffer.byteLength(name) > 100) {
      if (e.longNames === 'gnu') {
        const ln = enc.encode(name + '\0');
        parts.push(header('././@LongLink', ln.length, 'L'), ...padded(ln));
      } else {
        pax.path = name;
      }
      name = name.slice(0, 99);
    }
    if (Object.keys(pax).length > 0) {
      const rec = paxRecords(pax);
      parts.push(header(`PaxHeaders/${name.slice(0, 80)}`, rec.length, 'x'), ...padded(rec));
    }
    parts.push(header(name, size, type, e.linkname ?? '', e.mtime));
    if (size > 0) parts.push(...padded(data));
  }
  if (opts.trailer !== false) parts.push(new Uint8Array(BLOCK * 2));
  return Buffer.concat(parts);
}

/** zstd-compress with the zstd command (content checksum on, as the CLI defaults). */
export function zstdCompress(data: Uint8Array, level = 3): Uint8Array {
  return execFileSync('zstd', ['-q', `-${level}`, '-c'], { input: data, maxBuffer: 1 << 30 });
}

export function writeTarZst(file: string, entries: TarEntry[], level = 3): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = zstdCompress(buildTar(entries), level);
  writeFileSync(file, bytes);
  return bytes.length;
}

/**
 * A tar of exactly `size` bytes (a multiple of 512), the shape that once tripped a decoder whose
 * output buffer the tar filled exactly. Without `filler`, zero blocks follow the end-of-archive
 * marker, as tar pads its last record; with it, one more member of the size that ends the archive
 * there (e.g. a capture: `filler(n)` returns a member of n bytes whose name fits a ustar header).
 */
export function buildTarOfSize(entries: TarEntry[], size: number, filler?: (bytes: number) => TarEntry): Uint8Array {
  let tar = buildTar(entries);
  if (filler) {
    const bytes = size - tar.length - BLOCK;
    if (bytes < 0) throw new Error(`the members take ${tar.length} bytes: no room for a filler in ${size}`);
    tar = buildTar([...entries, filler(bytes)]);
  }
  if (tar.length > size || size % BLOCK !== 0) throw new Error(`a tar of ${tar.length} bytes cannot be made exactly ${size} bytes`);
  const out = new Uint8Array(size);
  out.set(tar);
  return out;
}
