/**
 * Decompression with the acceptance rules of the `zstd -q -d --stdout` command the reference
 * shells out to: every zstd frame in the file is decoded in turn (skippable frames skipped), a
 * truncated frame, trailing bytes that are not a frame, a bad block or a content-checksum
 * mismatch are errors, and a gzip file is decoded too (the zstd command detects it).
 *
 * Node's native zstd (node:zlib, Node >= 22.15) decodes only the first frame and reports no
 * error on truncation, so the frame layout is walked here first (block headers only, no
 * decoding) and each frame is handed to the decoder alone. On older Node, libzstd compiled to
 * WebAssembly decodes (zstd-wasm.ts); it is the same library, so the same checks.
 */
import zlib from 'node:zlib';
import { defaultZstdImpl, newDecoderContext, type DecoderContext, type ZstdImpl } from './decoder-context.js';
import {
  NativeFrameDecoder,
  NativeZstdError,
  createNativeZstdStream,
  decodeFramePublic,
  nativeZstdAvailable,
  type FrameProgress,
} from './zstd-native.js';
import { ZstdWasmError, ZstdWasmStream, loadZstdWasm } from './zstd-wasm.js';

export { nativeZstdAvailable };

export class ZstdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZstdError';
  }
}

export { defaultZstdImpl, type ZstdImpl };

const ZSTD_MAGIC = 0xfd2fb528;

interface Frame {
  start: number;
  end: number;
  contentSize: bigint | null;
  checksum: number | null;
  /** The history the decoder keeps (and allocates) for this frame, in bytes. */
  windowSize: number;
}

const u32 = (b: Uint8Array, p: number): number =>
  ((b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16) | ((b[p + 3] as number) << 24)) >>> 0;

/** Walk one zstd frame's headers and block headers; returns its extent. */
function walkFrame(b: Uint8Array, start: number): Frame {
  const len = b.length;
  let p = start + 4;
  if (p >= len) throw new ZstdError('unexpected end of file');
  const fhd = b[p++] as number;
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  if ((fhd >> 3) & 1) throw new ZstdError('unsupported frame parameter (reserved bit set)');
  const hasChecksum = (fhd >> 2) & 1;
  const dictFlag = fhd & 3;
  let windowSize = 0;
  if (!single) {
    if (p >= len) throw new ZstdError('unexpected end of file');
    const wd = b[p++] as number;
    const base = 2 ** (10 + (wd >> 3));
    windowSize = base + (base / 8) * (wd & 7);
  }
  const dictSize = [0, 1, 2, 4][dictFlag] as number;
  let dictId = 0;
  for (let i = 0; i < dictSize; i++) dictId += (b[p + i] ?? 0) * 256 ** i;
  p += dictSize;
  const fcsSize = fcsFlag === 0 ? single : ([0, 2, 4, 8][fcsFlag] as number);
  let contentSize: bigint | null = null;
  if (fcsSize > 0) {
    if (p + fcsSize > len) throw new ZstdError('unexpected end of file');
    let v = 0n;
    for (let i = fcsSize - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[p + i] as number);
    if (fcsSize === 2) v += 256n;
    contentSize = v;
  }
  p += fcsSize;
  if (p > len) throw new ZstdError('unexpected end of file');
  if (dictId !== 0) throw new ZstdError('frame requires a dictionary');
  for (;;) {
    if (p + 3 > len) throw new ZstdError('unexpected end of file (truncated frame)');
    const bh = (b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16);
    p += 3;
    const last = bh & 1;
    const type = (bh >> 1) & 3;
    const size = bh >>> 3;
    if (type === 3) throw new ZstdError('corrupted block (reserved block type)');
    p += type === 1 ? 1 : size;
    if (p > len) throw new ZstdError('unexpected end of file (truncated block)');
    if (last) break;
  }
  let checksum: number | null = null;
  if (hasChecksum) {
    if (p + 4 > len) throw new ZstdError('unexpected end of file (missing checksum)');
    checksum = u32(b, p);
    p += 4;
  }
  // A single-segment frame's window is its content.
  if (single) windowSize = Number(contentSize ?? 0n);
  return { start, end: p, contentSize, checksum, windowSize };
}

/** Split a .zst file into its data frames, as the zstd command reads it. */
export function zstdFrames(b: Uint8Array): Frame[] {
  if (b.length === 0) throw new ZstdError('unexpected end of file');
  const frames: Frame[] = [];
  let p = 0;
  while (p < b.length) {
    if (p + 4 > b.length) throw new ZstdError('unknown header (trailing bytes)');
    const magic = u32(b, p);
    if (magic === ZSTD_MAGIC) {
      const f = walkFrame(b, p);
      frames.push(f);
      p = f.end;
    } else if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      if (p + 8 > b.length) throw new ZstdError('unexpected end of file (skippable frame)');
      const size = u32(b, p + 4);
      if (p + 8 + size > b.length) throw new ZstdError('unexpected end of file (skippable frame)');
      p += 8 + size;
    } else {
      throw new ZstdError(p === 0 ? 'unsupported format (not zstd)' : 'unknown header after the last frame');
    }
  }
  return frames;
}

export type ChunkSink = (chunk: Uint8Array) => void;

/**
 * A frame whose decoded size is at most this is decoded synchronously (native path): a third of
 * the CPU of streaming it through libuv's threads (docs/performance.md). Larger frames, declared
 * or discovered, are streamed, so memory stays bounded.
 */
export const SYNC_FRAME_MAX_BYTES = 32 * 1024 * 1024;
/** A scratch buffer grows to what an episode needs; one up to this size is kept for the next. */
const SCRATCH_KEEP_MAX_BYTES = 8 * 1024 * 1024;
const SCRATCH_FIRST_BYTES = 2 * 1024 * 1024;
/**
 * A decoder keeps the buffers its last frame's window needed; after a frame with a larger window
 * (zstd --long, or a big single-segment frame) it is freed rather than kept for the next one.
 */
const DECODER_KEEP_MAX_WINDOW = 8 * 1024 * 1024;
/** A frame starts in the scratch's free room only if at least this much is left. */
const SCRATCH_MIN_ROOM = 64 * 1024;

/**
 * Where synchronous decodes write (native path). The chunks handed to the sink are views of
 * `buf`, valid only until the scratch is given to the next decompress() call: the caller owns
 * that lifetime (readEpisodeBytes lends one per episode and takes it back once the members are
 * parsed). Reusing the memory saves allocating, and faulting in, a fresh megabyte per episode.
 */
export interface ZstdScratch {
  buf: Buffer | null;
  /** Bytes of `buf` in use by the current decompress() call. */
  used: number;
}

export function newZstdScratch(): ZstdScratch {
  return { buf: null, used: 0 };
}

/** Forget a scratch buffer grown past what is worth keeping between episodes. */
export function trimZstdScratch(s: ZstdScratch): void {
  if (s.buf !== null && s.buf.length > SCRATCH_KEEP_MAX_BYTES) s.buf = null;
  s.used = 0;
}

/**
 * Decode one frame synchronously into the scratch (growing it as needed); returns the output,
 * or null when it is more than `max` bytes (the caller streams the frame instead).
 */
function decodeFrameSync(frame: Uint8Array, windowSize: number, scratch: ZstdScratch, max: number, ctx: DecoderContext): Uint8Array | null {
  if (ctx.native === undefined) ctx.native = NativeFrameDecoder.create();
  const decoder = ctx.native;
  if (decoder === null) {
    ctx.decoded['native-one-call']++;
    try {
      return decodeFramePublic(frame, max, Math.min(SYNC_CHUNK_BYTES, max));
    } catch (e) {
      if (e instanceof NativeZstdError) throw new ZstdError(`decoding error: ${e.message}`);
      throw e;
    }
  }
  ctx.native = undefined; // taken: a failure below leaves a fresh one to be made next time
  ctx.decoded['native-frame']++;
  let buf = scratch.buf;
  let start = scratch.used;
  if (buf === null || buf.length - start < SCRATCH_MIN_ROOM) {
    buf = Buffer.allocUnsafe(Math.min(Math.max(SCRATCH_FIRST_BYTES, frame.length * 4), Math.max(max, 64)));
    start = 0;
  }
  const pos: FrameProgress = { inOff: 0, outEnd: start };
  let done = false;
  try {
    while (!(done = decodeOrThrow(decoder, frame, buf, pos))) {
      const have = pos.outEnd - start;
      if (have >= max) return null;
      // Move what this frame has produced into a larger buffer and go on from there.
      buf = carryOver(buf, start, pos.outEnd, Math.min(max, Math.max(SCRATCH_FIRST_BYTES, have * 2)));
      start = 0;
      pos.outEnd = have;
    }
  } finally {
    if (done && windowSize <= DECODER_KEEP_MAX_WINDOW) ctx.native = decoder;
    else decoder.close();
  }
  scratch.buf = buf;
  scratch.used = pos.outEnd;
  return buf.subarray(start, pos.outEnd);
}

function decodeOrThrow(decoder: NativeFrameDecoder, frame: Uint8Array, out: Uint8Array, pos: FrameProgress): boolean {
  try {
    return decoder.decode(frame, out, pos);
  } catch (e) {
    if (e instanceof NativeZstdError) throw new ZstdError(`decoding error: ${e.message}`);
    throw e;
  }
}

/**
 * A new scratch buffer of `size` bytes starting with `buf[start, end)`, the output not yet handed
 * to the sink. The old buffer is left as it is: chunks already handed out are views of it.
 */
function carryOver(buf: Buffer | null, start: number, end: number, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(size);
  if (buf !== null && end > start) bigger.set(buf.subarray(start, end));
  return bigger;
}

const SYNC_CHUNK_BYTES = 1024 * 1024;

/**
 * Decompress a whole .tar.zst (or gzip) file, streaming the output to `sink` in chunks.
 * Rejects with ZstdError where the zstd command would fail; an error thrown by the sink
 * (e.g. a size limit) aborts and propagates. `maxBytes` (the caller's size limit, if any) also
 * bounds what one synchronous decode may produce, so a limit stops decoding within one chunk.
 * With a `scratch`, chunks of synchronously decoded frames are views of its buffer (see
 * ZstdScratch); without one they are the caller's to keep.
 */
export async function decompress(
  file: Uint8Array,
  sink: ChunkSink,
  decoder: DecoderContext | ZstdImpl,
  maxBytes = Infinity,
  scratch: ZstdScratch = newZstdScratch(),
): Promise<void> {
  const ctx = typeof decoder === 'string' ? newDecoderContext(decoder) : decoder;
  if (file.length >= 2 && file[0] === 0x1f && file[1] === 0x8b) {
    ctx.decoded.gzip++;
    const gunzip = zlib.createGunzip();
    await streamNative(gunzip, file, sink);
    // Node's gunzip stops quietly at a NUL byte after the last member; the zstd command reads on
    // and refuses what follows (fewer than 4 bytes: "unknown header", else "unsupported format").
    const left = file.length - gunzip.bytesWritten;
    if (left > 0) throw new ZstdError(left < 4 ? 'unknown header after the gzip stream' : 'unsupported format after the gzip stream');
    return;
  }
  const frames = zstdFrames(file);
  if (ctx.zstd === 'native') {
    let produced = 0;
    const counted: ChunkSink = (chunk) => {
      produced += chunk.length;
      sink(chunk);
    };
    scratch.used = 0;
    for (const f of frames) {
      const frame = file.subarray(f.start, f.end);
      // One decode may produce what is left under the limit and one byte more (so the sink sees it crossed).
      const syncMax = Math.max(64, Math.min(SYNC_FRAME_MAX_BYTES, maxBytes - produced + 1));
      if (f.contentSize === null || f.contentSize <= BigInt(syncMax)) {
        const out = decodeFrameSync(frame, f.windowSize, scratch, syncMax, ctx);
        if (out) {
          counted(out);
          continue;
        }
      }
      ctx.decoded['native-stream']++;
      await streamNative(createNativeZstdStream(256 * 1024), frame, counted);
    }
    return;
  }
  if (frames.length === 0) return; // only skippable frames: nothing to decode
  // The decoder hands out 128 KiB pieces of its heap; they are gathered in the scratch and go to
  // the sink as runs of up to 32 MiB (sooner when a run crosses the size limit), so the tar
  // reader can keep members as views, as on the native path.
  let produced = 0;
  let runStart = 0;
  scratch.used = 0;
  const flush = (): void => {
    if (scratch.used === runStart) return;
    const run = scratch.buf!.subarray(runStart, scratch.used);
    runStart = scratch.used;
    produced += run.length;
    sink(run);
  };
  const gather = (piece: Uint8Array): void => {
    if (scratch.used - runStart + piece.length > SYNC_FRAME_MAX_BYTES) flush();
    let buf = scratch.buf;
    if (buf === null || buf.length - scratch.used < piece.length) {
      const pending = scratch.used - runStart;
      scratch.buf = buf = carryOver(buf, runStart, scratch.used, Math.max(SCRATCH_FIRST_BYTES, 2 * (pending + piece.length)));
      runStart = 0;
      scratch.used = pending;
    }
    buf.set(piece, scratch.used);
    scratch.used += piece.length;
    // Past the limit, the sink must see it now (and stop the decode).
    if (scratch.used - runStart > maxBytes - produced) flush();
  };
  ctx.decoded.wasm++;
  const stream = new ZstdWasmStream(await loadZstdWasm(ctx.wasm), gather, true);
  try {
    stream.push(file);
    stream.end();
    flush();
  } catch (e) {
    if (e instanceof ZstdWasmError) throw new ZstdError(`decoding error: ${e.message}`);
    throw e;
  } finally {
    stream.dispose();
  }
}

function streamNative(d: zlib.Gunzip, input: Uint8Array, sink: ChunkSink): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    d.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        sink(chunk);
      } catch (e) {
        failed = true;
        d.destroy();
        reject(e);
      }
    });
    d.on('error', (e: Error) => {
      if (failed) return;
      failed = true;
      reject(new ZstdError(`decoding error: ${e.message}`));
    });
    d.on('end', () => {
      if (!failed) resolve();
    });
    d.end(input);
  });
}
