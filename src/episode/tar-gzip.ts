/**
 * A gzip stream as Python 3.11's gzip.GzipFile reads it when tarfile.open falls back to gzip on
 * the decompressed bytes of an episode (a .tar.gz inside the zstd frame): members one after
 * another, zero padding between them skipped, and each member's trailer (CRC, length) checked
 * only when a read goes past that member's data. Written here over raw inflate because zlib's
 * gunzip checks every trailer at once, and so fails episodes the reference reads.
 */
import zlib from 'node:zlib';
import { LimitError } from './tar.js';

/** What reading the stream gives: the bytes before the first error, and where reading them fails. */
export interface LazyGzip {
  data: Uint8Array;
  /** Reading at or past this many bytes of data raises `error` (null: the stream is sound). */
  failAt: number | null;
  /** Python's words for it, e.g. "CRC check failed" (null: none). */
  error: string | null;
}

const FLAG = { FHCRC: 2, FEXTRA: 4, FNAME: 8, FCOMMENT: 16 } as const;
const ENDED = 'Compressed file ended before the end-of-stream marker was reached';

/** Whether the bytes start as a gzip stream does. */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Raw inflate of one member's deflate data: its output and the input it used, or the output before a data error. */
async function inflateMember(input: Uint8Array, maxBytes: number): Promise<{ out: Buffer; used: number; error: string | null }> {
  try {
    const r = zlib.inflateRawSync(input, {
      info: true,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      maxOutputLength: maxBytes + 1,
    }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    return { out: r.buffer, used: r.engine.bytesWritten, error: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new LimitError(`gzip data exceeds the ${maxBytes}-byte limit`);
    // A data error: what was inflated before it is read, then the error.
    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve) => {
      const s = zlib.createInflateRaw();
      s.on('data', (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size > maxBytes) s.destroy();
      });
      s.on('error', () => resolve());
      s.on('close', () => resolve());
      s.end(input);
    });
    if (size > maxBytes) throw new LimitError(`gzip data exceeds the ${maxBytes}-byte limit`);
    return { out: Buffer.concat(chunks), used: input.length, error: `zlib error: ${(e as Error).message}` };
  }
}

/** Read the gzip stream `b` the lazy way GzipFile does (see the file comment); at most maxBytes of data. */
export async function gunzipLazily(b: Uint8Array, maxBytes: number): Promise<LazyGzip> {
  const parts: Uint8Array[] = [];
  let produced = 0;
  const result = (error: string | null): LazyGzip => ({ data: Buffer.concat(parts), failAt: error === null ? null : produced, error });
  let pos = 0;
  for (let first = true; ; first = false) {
    if (!first) while (pos < b.length && b[pos] === 0) pos++; // "Gzip files can be padded with zeroes"
    if (pos >= b.length) return result(null);
    if (b.length - pos < 2 || b[pos] !== 0x1f || b[pos + 1] !== 0x8b) return result('Not a gzipped file');
    if (b.length - pos < 10) return result(ENDED);
    if (b[pos + 2] !== 8) return result('Unknown compression method');
    const flag = b[pos + 3]!;
    pos += 10;
    if (flag & FLAG.FEXTRA) {
      if (b.length - pos < 2) return result(ENDED);
      const n = b[pos]! | (b[pos + 1]! << 8);
      pos += 2;
      if (b.length - pos < n) return result(ENDED);
      pos += n;
    }
    // A name or comment runs to its NUL, or to the end of the data (no error there).
    for (const bit of [FLAG.FNAME, FLAG.FCOMMENT]) {
      if (!(flag & bit)) continue;
      while (pos < b.length && b[pos] !== 0) pos++;
      if (pos < b.length) pos++;
    }
    if (flag & FLAG.FHCRC) {
      if (b.length - pos < 2) return result(ENDED);
      pos += 2; // read and not checked, as Python does
    }
    const m = await inflateMember(b.subarray(pos), maxBytes - produced);
    parts.push(m.out);
    produced += m.out.length;
    if (m.error !== null) return result(m.error);
    pos += m.used;
    // All input used: the deflate stream did not end, or its trailer is missing.
    if (pos >= b.length || b.length - pos < 8) return result(ENDED);
    const crc = (b[pos]! | (b[pos + 1]! << 8) | (b[pos + 2]! << 16) | (b[pos + 3]! << 24)) >>> 0;
    const isize = (b[pos + 4]! | (b[pos + 5]! << 8) | (b[pos + 6]! << 16) | (b[pos + 7]! << 24)) >>> 0;
    pos += 8;
    if (crc !== zlib.crc32(m.out)) return result('CRC check failed');
    if (isize !== m.out.length % 2 ** 32) return result('Incorrect length of data produced');
  }
}
