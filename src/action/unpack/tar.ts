/**
 * Unpacking a tar stream through the SafeWriter. Not node-tar: its `..` check on symbolic-link
 * targets is lexical, so a link through an earlier link to "." escapes (tar 7.5.23 writes
 * `a/self -> .` then `a/up -> self/../../escaped`), and it has no size or entry limits.
 * The header fields are decoded by the episode reader's code (tar-header.ts); the refusals are
 * this file's. Every byte of the stream is counted against the limit before it is read or
 * skipped (headers, data, padding, and the data of entries that are not written).
 */
import { BLOCK, HeaderError, blockRound, checksumMatches, nti, nts, parsePax, pyIntText } from '../../episode/tar-header.js';
import { UnpackError } from './limits.js';
import type { SafeWriter } from './safe-writer.js';

/** Reads exact byte counts from a pulled stream of chunks, counting each against the limit. */
class ByteSource {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  private ended = false;
  offset = 0;

  constructor(
    chunks: AsyncIterable<Buffer>,
    private readonly out: SafeWriter,
  ) {
    this.it = chunks[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buf.length < n && !this.ended) {
      const r = await this.it.next();
      if (r.done) this.ended = true;
      else this.buf = this.buf.length === 0 ? r.value : Buffer.concat([this.buf, r.value]);
    }
    return this.buf.length >= n;
  }

  private truncated(at: number): UnpackError {
    return new UnpackError(`${this.out.label}: truncated archive at byte ${at}`);
  }

  /** Exactly n bytes, or null at a clean end (no bytes left); a partial read throws. */
  async read(n: number, at: string): Promise<Buffer | null> {
    this.out.unpack(n, at);
    if (!(await this.fill(n))) {
      if (this.buf.length === 0) return null;
      throw this.truncated(this.offset + this.buf.length);
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.offset += n;
    return out;
  }

  /** Hands on n bytes in pieces as they arrive; the next piece is not read before `sink` is done. */
  async forward(n: number, at: string, sink: (b: Buffer) => Promise<void>): Promise<void> {
    this.out.unpack(n, at);
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1))) throw this.truncated(this.offset);
      const piece = this.buf.subarray(0, Math.min(left, this.buf.length));
      this.buf = this.buf.subarray(piece.length);
      this.offset += piece.length;
      left -= piece.length;
      await sink(piece);
    }
  }

  async skip(n: number, at: string): Promise<void> {
    await this.forward(n, at, async () => {});
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

/** Extended headers (PAX, GNU long names) larger than this are refused. */
const MAX_META_BYTES = 1024 * 1024;

const utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

interface Header {
  name: string;
  link: string;
  size: number;
  type: string;
}

/** The fields of one header block, or why it is not one. */
function parseHeader(h: Buffer): Header | string {
  try {
    if (!checksumMatches(h, nti(h, 148, 156))) return 'a corrupt header (bad checksum)';
    const size = nti(h, 124, 136);
    // The ustar prefix, where the magic says there is one.
    const prefix = h.toString('latin1', 257, 262) === 'ustar' ? nts(h, 345, 500) : '';
    const name = nts(h, 0, 100);
    return { name: prefix ? `${prefix}/${name}` : name, link: nts(h, 157, 257), size, type: String.fromCharCode(h[156]!) };
  } catch (e) {
    if (e instanceof HeaderError) return `a corrupt header (${e.message})`;
    throw e;
  }
}

const DEVICE_KINDS: Readonly<Record<string, string>> = {
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  S: 'a sparse file',
};

export async function untar(chunks: AsyncIterable<Buffer>, out: SafeWriter): Promise<void> {
  const src = new ByteSource(chunks, out);
  try {
    let pax = new Map<string, string>();
    let longName: string | null = null;
    let longLink: string | null = null;
    for (;;) {
      const at = src.offset;
      const h = await src.read(BLOCK, `the header at byte ${at}`);
      if (h === null) throw new UnpackError(`${out.label}: truncated archive: it ends without the end-of-archive marker`);
      if (h.every((b) => b === 0)) return; // end-of-archive marker: nothing after it is read
      const header = parseHeader(h);
      if (typeof header === 'string') throw new UnpackError(`${out.label}: not a tar archive, or ${header} at byte ${at}`);
      const { type } = header;
      const name = longName ?? (pax.has('path') ? utf8(pax.get('path')!) : utf8(header.name));
      const link = longLink ?? (pax.has('linkpath') ? utf8(pax.get('linkpath')!) : utf8(header.link));
      const size = pax.has('size') ? pyIntText(pax.get('size')!, 10) : header.size;
      if (size === null || !Number.isSafeInteger(size) || size < 0)
        throw new UnpackError(`${out.label}: bad size in the header at byte ${at}`);
      const padded = blockRound(size);
      const entry = JSON.stringify(name || '(unnamed)');
      // Refused on the header, before any of its data is decompressed.
      out.expect(padded, `${entry}, which declares ${size} bytes`);

      if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
        out.countEntry(name);
        if (size > MAX_META_BYTES) throw new UnpackError(`${out.label}: an extended header over ${MAX_META_BYTES} bytes at byte ${at}`);
        const data = await src.read(padded, entry);
        if (data === null) throw new UnpackError(`${out.label}: truncated archive at byte ${src.offset}`);
        const body = data.subarray(0, size);
        if (type === 'x') {
          pax = new Map();
          parsePax(body, pax);
        } else if (type === 'L') longName = utf8(nts(body, 0, body.length));
        else if (type === 'K') longLink = utf8(nts(body, 0, body.length));
        // 'g' (global PAX) carries nothing we use.
        continue;
      }
      pax = new Map();
      longName = null;
      longLink = null;

      if (type === '5' || (type === '\0' && name.endsWith('/'))) {
        await out.directory(name);
        await src.skip(padded, entry);
      } else if (type === '0' || type === '\0' || type === '7') {
        const fh = await out.openFile(name, size);
        try {
          await src.forward(size, entry, async (b) => {
            await fh.write(b);
          });
        } finally {
          await fh.close();
        }
        await src.skip(padded - size, entry);
      } else if (type === '2') {
        await out.symlink(name, link);
        await src.skip(padded, entry);
      } else if (type === '1') {
        await out.hardlink(name, link);
        await src.skip(padded, entry);
      } else if (type === 'V') {
        await src.skip(padded, entry); // GNU volume label
      } else {
        out.refuse(name || '(unnamed)', `is ${DEVICE_KINDS[type] ?? `of unsupported tar type ${JSON.stringify(type)}`}`);
      }
    }
  } catch (e) {
    if (e instanceof HeaderError) throw new UnpackError(`${out.label}: malformed extended header (${e.message})`);
    throw e;
  } finally {
    await src.close();
  }
}
