/**
 * A streaming tar reader that finds members exactly as the reference does with Python 3.11's
 * `tarfile` (`getmembers()`, then the first regular file whose name ends with a suffix).
 *
 * Written here rather than taken from tar-stream because the verdict depends on tarfile's
 * particular leniencies, which a general tar library does not share: a bad checksum or a
 * truncated header after the first member silently ends the archive; a zero block ends it with
 * no error even at offset 0; a header error inside a PAX/GNU long-name chain is fatal; member
 * data that runs past the end is fatal; directories, links and devices never skip their "data";
 * unknown types do; a V7 regular file whose name ends in "/" is a directory; the ustar prefix
 * is prepended whatever the magic says; PAX `path`/`size` and global headers apply as tarfile
 * applies them. Names are kept as byte strings (latin1), which is exact for suffix matching.
 *
 * Data arrives in chunks (push/end); only the selected members' bytes are retained, everything
 * else is discarded as it streams past.
 */

import { BLOCK, HeaderError, PaxCrash, blockRound, checksumMatches, nti, nts, paxHdrcharset, parsePax, pyIntText } from './tar-header.js';

export class TarReadError extends Error {
  /**
   * The archive failed at its first header, where tarfile.open raises ReadError and so tries the
   * next compression (gzip, bz2, xz) on the same bytes before giving up.
   */
  readonly atStart: boolean;
  constructor(message: string, atStart = false) {
    super(message);
    this.name = 'TarReadError';
    this.atStart = atStart;
  }
}

export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

interface TarInfo {
  name: string; // latin1 byte string
  size: number;
  type: string; // one latin1 character
  offsetData: number;
  sparse: boolean;
}

const REGULAR_TYPES = new Set(['0', '\0', '7', 'S']);
const SUPPORTED_TYPES = new Set(['0', '\0', '1', '2', '5', '6', '7', '3', '4', 'L', 'K', 'S']);
const GNU_TYPES = new Set(['L', 'K', 'S']);

const isReg = (t: TarInfo): boolean => REGULAR_TYPES.has(t.type);
const isDir = (t: TarInfo): boolean => t.type === '5';

/** TarInfo.frombuf */
function frombuf(buf: Uint8Array): TarInfo & { sparseStructs?: { isextended: boolean } } {
  if (buf.length === 0) throw new HeaderError('empty', 'empty header');
  if (buf.length !== BLOCK) throw new HeaderError('truncated', 'truncated header');
  let allZero = true;
  for (let i = 0; i < BLOCK; i++) {
    if (buf[i] !== 0) {
      allZero = false;
      break;
    }
  }
  if (allZero) throw new HeaderError('eof', 'end of file header');
  const chksum = nti(buf, 148, 156);
  if (!checksumMatches(buf, chksum)) throw new HeaderError('invalid', 'bad checksum');
  let name = nts(buf, 0, 100);
  nti(buf, 100, 108); // mode
  nti(buf, 108, 116); // uid
  nti(buf, 116, 124); // gid
  const size = nti(buf, 124, 136);
  nti(buf, 136, 148); // mtime
  let type = String.fromCharCode(buf[156] as number);
  nti(buf, 329, 337); // devmajor
  nti(buf, 337, 345); // devminor
  const prefix = nts(buf, 345, 500);
  if (type === '\0' && name.endsWith('/')) type = '5';
  let isextended = false;
  if (type === 'S') {
    let pos = 386;
    for (let i = 0; i < 4; i++) {
      nti(buf, pos, pos + 12);
      nti(buf, pos + 12, pos + 24);
      pos += 24;
    }
    isextended = buf[482] !== 0;
    nti(buf, 483, 495);
  }
  if (type === '5') name = name.replace(/\/+$/, '');
  if (prefix && !GNU_TYPES.has(type)) name = prefix + '/' + name;
  const info: TarInfo & { sparseStructs?: { isextended: boolean } } = { name, size, type, offsetData: 0, sparse: type === 'S' };
  if (type === 'S') info.sparseStructs = { isextended };
  return info;
}

export interface SelectedMember {
  suffix: string;
  /** The member name, decoded for display. */
  name: string;
  data: Uint8Array;
}

interface Capture {
  suffix: string;
  name: string;
  start: number;
  end: number;
  /** null until data arrives: a view of the chunk when the member lies in one, else a copy. */
  data: Uint8Array | null;
  /** Handed to onMember and released. */
  delivered?: boolean;
}

export interface TarSelection {
  /** Suffixes to select, e.g. "meta.json"; the first regular file matching each wins. */
  suffixes: readonly string[];
  maxMemberBytes: number;
  /** Called before a selected member's bytes are held; may throw LimitError to refuse them. */
  reserve?: (suffix: string, bytes: number) => void;
  /**
   * Called as soon as a selected member is complete; its bytes are then released (and it is
   * left out of result()), so members are not all held at once. May throw LimitError.
   */
  onMember?: (member: SelectedMember) => void;
}

/**
 * Push decompressed bytes in with `push`, then call `end`; `result()` gives the selected
 * members or throws TarReadError / LimitError as the reference would fail.
 */
export class TarReader {
  private chunks: Uint8Array[] = [];
  private head = 0; // bytes of chunks[0] already consumed
  private buffered = 0;
  private ended = false;
  private pos = 0;
  private readonly gen: Generator<void, void, void>;
  private done = false;
  private error: Error | null = null;
  private readonly captures: Capture[] = [];
  private readonly found = new Map<string, Capture>();
  private active: Capture | null = null;
  /** The archive asked for bytes past the end of the data (see wantedPastEnd). */
  private starved = false;

  constructor(private readonly sel: TarSelection) {
    this.gen = this.run();
    this.pump();
  }

  push(chunk: Uint8Array): void {
    if (this.done) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.pump();
  }

  end(): void {
    this.ended = true;
    this.pump();
  }

  /** The selected members in the order of `suffixes`; throws what the reference would raise. */
  result(): Map<string, SelectedMember> {
    if (this.error) throw this.error;
    if (!this.done) throw new TarReadError('unexpected end of data');
    const out = new Map<string, SelectedMember>();
    for (const suffix of this.sel.suffixes) {
      const c = this.found.get(suffix);
      if (c && !c.delivered)
        out.set(suffix, { suffix, name: Buffer.from(c.name, 'latin1').toString('utf8'), data: c.data ?? new Uint8Array(c.end - c.start) });
    }
    return out;
  }

  /**
   * Whether reading it asked for a byte past the end of the data: tarfile reading a gzip stream
   * there asks the gzip reader for more, which is when that reader checks the member's trailer.
   */
  wantedPastEnd(): boolean {
    return this.starved;
  }

  /** The error the archive has failed with so far, if any (result() throws it). */
  failure(): Error | null {
    return this.error;
  }

  private pump(): void {
    if (this.done) return;
    try {
      const r = this.gen.next();
      if (r.done) this.finish();
    } catch (e) {
      this.error = e as Error;
      this.finish();
    }
  }

  private finish(): void {
    this.done = true;
    this.chunks = [];
    this.buffered = 0;
  }

  private consume(n: number, keep: boolean): Uint8Array {
    const out = keep ? new Uint8Array(n) : null;
    let filled = 0;
    while (filled < n) {
      const c = this.chunks[0] as Uint8Array;
      const avail = c.length - this.head;
      const m = Math.min(avail, n - filled);
      const piece = c.subarray(this.head, this.head + m);
      if (out) out.set(piece, filled);
      else if (this.active) this.capture(piece, this.pos + filled);
      filled += m;
      this.head += m;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.buffered -= n;
    this.pos += n;
    return out ?? new Uint8Array(0);
  }

  private capture(piece: Uint8Array, at: number): void {
    const c = this.active as Capture;
    const from = Math.max(at, c.start);
    const to = Math.min(at + piece.length, c.end);
    if (to <= from) return;
    if (c.data === null) {
      // Decompressed chunks are not reused, so a member wholly inside one is kept as a view.
      if (from === c.start && to === c.end) {
        c.data = piece.subarray(from - at, to - at);
        this.deliver(c);
        return;
      }
      c.data = new Uint8Array(c.end - c.start);
    }
    c.data.set(piece.subarray(from - at, to - at), from - c.start);
    if (to === c.end) this.deliver(c);
  }

  /** A complete member goes to onMember (when given), and its bytes are let go. */
  private deliver(c: Capture): void {
    if (!this.sel.onMember) return;
    const data = c.data ?? new Uint8Array(0);
    c.data = null;
    c.delivered = true;
    this.sel.onMember({ suffix: c.suffix, name: Buffer.from(c.name, 'latin1').toString('utf8'), data });
  }

  private *take(n: number): Generator<void, Uint8Array, void> {
    while (this.buffered < n && !this.ended) yield;
    if (this.buffered < n) this.starved = true;
    return this.consume(Math.min(n, this.buffered), true);
  }

  private *skip(n: number): Generator<void, number, void> {
    let left = n;
    for (;;) {
      const m = Math.min(left, this.buffered);
      if (m > 0) {
        this.consume(m, false);
        left -= m;
      }
      if (left === 0) return n;
      if (this.ended) {
        this.starved = true;
        return n - left;
      }
      yield;
    }
  }

  private *run(): Generator<void, void, void> {
    const globals = new Map<string, string>();
    let offset = 0;
    for (;;) {
      // TarFile.next(): advance to the next header, which must lie within the data.
      if (offset !== this.pos) {
        if (offset === 0) return; // next(): an offset moved back to 0 ends the archive
        if (offset < this.pos) throw new TarReadError('negative member size (the reference would loop)');
        const need = offset - this.pos;
        const got = yield* this.skip(need);
        if (got < need) throw new TarReadError('unexpected end of data');
      }
      this.active = null;
      const headerOffset = offset;
      let info: TarInfo;
      let nextOffset: number;
      try {
        [info, nextOffset] = yield* this.fromtarfile(globals);
      } catch (e) {
        if (!(e instanceof HeaderError)) throw e;
        if (e.kind === 'eof') return;
        if (e.kind === 'subsequent') throw new TarReadError(e.message, headerOffset === 0);
        if (headerOffset === 0)
          throw new TarReadError(e.kind === 'empty' ? 'empty archive' : `not a tar archive (${e.message} at offset 0)`, true);
        return;
      }
      offset = nextOffset;
      this.select(info, nextOffset);
    }
  }

  private select(info: TarInfo, nextOffset: number): void {
    if (!isReg(info)) return;
    for (const suffix of this.sel.suffixes) {
      if (this.found.has(suffix) || !info.name.endsWith(suffix)) continue;
      if (info.sparse) throw new TarReadError(`${suffix}: sparse members are not supported`);
      const size = Math.max(info.size, 0);
      if (size > this.sel.maxMemberBytes) {
        throw new LimitError(`${suffix}: member of ${size} bytes exceeds the ${this.sel.maxMemberBytes}-byte limit`);
      }
      if (info.offsetData + size > nextOffset) throw new TarReadError(`${suffix}: member data overlaps the next header`);
      this.sel.reserve?.(suffix, size);
      const c: Capture = { suffix, name: info.name, start: info.offsetData, end: info.offsetData + size, data: null };
      this.found.set(suffix, c);
      this.captures.push(c);
      this.active = c;
      if (size === 0) this.deliver(c);
      return;
    }
  }

  /** TarInfo.fromtarfile + _proc_member; returns the member and tarfile.offset after it. */
  private *fromtarfile(globals: Map<string, string>): Generator<void, [TarInfo, number], void> {
    const buf = yield* this.take(BLOCK);
    const info = frombuf(buf);
    if (info.type === 'L' || info.type === 'K') return yield* this.procGnulong(info, globals);
    if (info.type === 'S') return yield* this.procSparse(info as TarInfo & { sparseStructs: { isextended: boolean } });
    if (info.type === 'x' || info.type === 'g' || info.type === 'X') return yield* this.procPax(info, globals);
    return this.procBuiltin(info, globals);
  }

  private *subsequent(globals: Map<string, string>): Generator<void, [TarInfo, number], void> {
    try {
      return yield* this.fromtarfile(globals);
    } catch (e) {
      if (e instanceof HeaderError) throw new HeaderError('subsequent', e.message);
      throw e;
    }
  }

  private procBuiltin(info: TarInfo, globals: Map<string, string>): [TarInfo, number] {
    info.offsetData = this.pos;
    let offset = info.offsetData;
    if (isReg(info) || !SUPPORTED_TYPES.has(info.type)) offset += blockRound(info.size);
    applyPax(info, globals);
    if (isDir(info)) info.name = info.name.replace(/\/+$/, '');
    return [info, offset];
  }

  private *procGnulong(info: TarInfo, globals: Map<string, string>): Generator<void, [TarInfo, number], void> {
    const n = blockRound(info.size);
    if (n < 0) throw new TarReadError('negative long-name size');
    const buf = yield* this.take(n);
    const [next, offset] = yield* this.subsequent(globals);
    if (info.type === 'L') {
      next.name = nts(buf, 0, buf.length);
      if (isDir(next) && next.name.endsWith('/')) next.name = next.name.slice(0, -1);
    }
    return [next, offset];
  }

  private *procSparse(info: TarInfo & { sparseStructs: { isextended: boolean } }): Generator<void, [TarInfo, number], void> {
    let isextended = info.sparseStructs.isextended;
    while (isextended) {
      const buf = yield* this.take(BLOCK);
      if (buf.length <= 504) throw new TarReadError('IndexError: truncated sparse header');
      let pos = 0;
      for (let i = 0; i < 21; i++) {
        nti(buf, pos, pos + 12);
        nti(buf, pos + 12, pos + 24);
        pos += 24;
      }
      isextended = buf[504] !== 0;
    }
    info.offsetData = this.pos;
    return [info, info.offsetData + blockRound(info.size)];
  }

  private *procPax(info: TarInfo, globals: Map<string, string>): Generator<void, [TarInfo, number], void> {
    const n = blockRound(info.size);
    if (n < 0) throw new TarReadError('negative pax header size');
    const buf = yield* this.take(n);
    const pax = info.type === 'g' ? globals : new Map(globals);
    try {
      const charset = paxHdrcharset(buf);
      if (charset !== null) pax.set('hdrcharset', charset);
      parsePax(buf, pax);
    } catch (e) {
      if (e instanceof PaxCrash) throw new TarReadError(e.message);
      throw e;
    }
    const [next, nextOffset] = yield* this.subsequent(globals);
    let offset = nextOffset;
    // _proc_pax's three sparse formats, by exactly its tests (major "1" is sparse only with minor "0").
    if (
      pax.has('GNU.sparse.map') ||
      pax.has('GNU.sparse.size') ||
      (pax.get('GNU.sparse.major') === '1' && pax.get('GNU.sparse.minor') === '0')
    ) {
      throw new TarReadError('GNU sparse pax members are not supported');
    }
    if (info.type === 'x' || info.type === 'X') {
      applyPax(next, pax);
      if (pax.has('size')) {
        offset = next.offsetData;
        if (isReg(next) || !SUPPORTED_TYPES.has(next.type)) offset += blockRound(next.size);
      }
    }
    return [next, offset];
  }
}

/** TarInfo._apply_pax_info for the fields that matter here (path, size). */
function applyPax(info: TarInfo, pax: Map<string, string>): void {
  for (const [keyword, value] of pax) {
    if (keyword === 'path') {
      info.name = value.replace(/\/+$/, '');
    } else if (keyword === 'size') {
      const text = Buffer.from(value, 'latin1').toString('utf8');
      info.size = pyIntText(text, 10) ?? 0;
    } else if (keyword === 'GNU.sparse.name') {
      info.name = value;
    } else if (keyword === 'GNU.sparse.realsize' || keyword === 'GNU.sparse.size') {
      // int(value), which _apply_pax_info does not guard: a bad value is a crash, not a size of 0.
      const text = Buffer.from(value, 'latin1').toString('utf8');
      const v = pyIntText(text, 10);
      if (v === null) throw new TarReadError(`ValueError: invalid literal for int() with base 10: ${JSON.stringify(text)}`);
      info.size = v;
    }
  }
}
