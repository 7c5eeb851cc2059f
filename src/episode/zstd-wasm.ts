/**
 * A streaming zstd decoder on libzstd compiled to WebAssembly (the module the zstddec package
 * ships, zstd 1.5.7), for Node without native zstd in node:zlib (< 22.15) and for multi-frame
 * streams. About 5x faster than the pure-JavaScript fzstd it replaced (bench: 1.1 vs 6.0 ms for
 * a 900 KB episode on Node 20), and it is libzstd itself: content checksums, window limits and
 * corruption checks are the zstd command's. A WebAssembly heap never shrinks, so an instance
 * whose heap libzstd grew for a large window is replaced by a fresh one after that stream.
 *
 * zstddec's own streaming loop never looks at ZSTD_decompressStream's error codes (a corrupt
 * frame makes it loop forever) and frees nothing when abandoned, so this file drives the same
 * exports itself: every return value is checked, the output is bounded per call (128 KiB), and
 * everything allocated in the WebAssembly heap is freed in `dispose()`, error or not.
 */
import { ZSTDDecoder } from 'zstddec/stream';

/** What this file needs of WebAssembly's types (the project compiles without the DOM library). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: unknown;
}
interface Instantiated {
  instance: WasmInstance;
  module: unknown;
}
interface WasmApi {
  instantiate(module: unknown, imports: object): Promise<WasmInstance>;
}

interface ZstdExports {
  memory: WasmMemory;
  malloc(size: number): number;
  free(ptr: number): void;
  ZSTD_createDCtx(): number;
  ZSTD_freeDCtx(dctx: number): number;
  ZSTD_decompressStream(dctx: number, output: number, input: number): number;
  ZSTD_DStreamOutSize(): number;
}

/** libzstd's messages for the error codes a decoder can return (zstd_errors.h). */
const ERROR_NAMES: Readonly<Record<number, string>> = {
  1: 'Error (generic)',
  10: 'Unknown frame descriptor',
  12: 'Version not supported',
  14: 'Unsupported frame parameter',
  16: 'Frame requires too much memory for decoding',
  20: 'Data corruption detected',
  22: "Restored data doesn't match checksum",
  24: "Header of Literals' block doesn't respect format specification",
  30: 'Dictionary is corrupted',
  32: 'Dictionary mismatch',
  64: 'Allocation error : not enough memory',
  70: 'Destination buffer is too small',
  72: 'Src size is incorrect',
};

export class ZstdWasmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZstdWasmError';
  }
}

/**
 * A thread's WebAssembly libzstd: its instance (made from the compiled module) and the decoding
 * context that instance keeps between streams. Each decoder context (decoder-context.ts) holds
 * one, so nothing here is shared between the contexts of a thread.
 */
export interface ZstdWasm {
  /** The instance being made or in use; null before the first stream and after a large one. */
  loading: Promise<ZstdWasmInstance> | null;
  current: ZstdWasmInstance | null;
}

/** One instance of the module: its exports and the idle decoding context the next stream reuses. */
export interface ZstdWasmInstance {
  readonly exports: ZstdExports;
  /**
   * One idle context, reused by the next stream: allocating a decoder per episode made the
   * allocator spread over the heap, and every page it touched stayed in the worker's resident
   * memory (measured: +25 MB per worker over 1,000 episodes).
   */
  idle: Context | null;
  /** The state that made it, which lets it go once its heap has grown large. */
  readonly owner: ZstdWasm;
}

export function newZstdWasm(): ZstdWasm {
  return { loading: null, current: null };
}

/**
 * A heap larger than this after a stream (libzstd grew it for a large window: `zstd --long`,
 * up to 128 MiB) is not kept: the next stream gets a fresh instance, and the large heap goes with
 * the old one. A usual episode leaves the heap at its initial 16 MiB.
 */
const HEAP_KEEP_MAX_BYTES = 32 * 1024 * 1024;

/** The state's libzstd instance (made on first use, and again after a large stream). */
export function loadZstdWasm(state: ZstdWasm = newZstdWasm()): Promise<ZstdWasmInstance> {
  return (state.loading ??= (async () => {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    // libzstd tells of heap growth through this import; the driver re-reads the heap after
    // every call instead.
    const instance = await wasm.instantiate(await compiledModule(), { env: { emscripten_notify_memory_growth: () => {} } });
    return (state.current = { exports: instance.exports as ZstdExports, idle: null, owner: state });
  })());
}

/**
 * The module zstddec embeds, compiled by its own init(). init() compiles it once per thread and
 * hands the result out only to its first caller, so the compiled module (immutable code, no
 * decoder state) is remembered here for every context of the thread; each context makes its own
 * instance of it.
 */
const compiledModule = ((): (() => Promise<unknown>) => {
  let compiling: Promise<unknown> | null = null;
  return () => (compiling ??= compile());
})();

async function compile(): Promise<unknown> {
  const decoder = new ZSTDDecoder();
  let result: Instantiated | null = null;
  decoder._init = (r): void => {
    result = r as Instantiated;
    ZSTDDecoder.prototype._init.call(decoder, r);
  };
  await withoutFetch(() => decoder.init());
  if (!result) throw new Error('the zstd WebAssembly module did not load');
  return (result as Instantiated).module;
}

/** After a stream: let go of an instance whose heap grew past HEAP_KEEP_MAX_BYTES. */
function retireIfLarge(inst: ZstdWasmInstance): boolean {
  if (inst.exports.memory.buffer.byteLength <= HEAP_KEEP_MAX_BYTES) return false;
  if (inst.owner.current === inst) {
    inst.owner.current = null;
    inst.owner.loading = null;
  }
  return true;
}

/**
 * zstddec's init() loads its embedded module through fetch() of a data: URL when fetch exists,
 * which first loads Node's HTTP client: 27-32 ms per thread on Node 20, against 1.4-1.6 ms for
 * its other path, Buffer.from(base64). init() looks for fetch synchronously, so fetch is hidden
 * for that one call and put back as it was.
 */
function withoutFetch<T>(fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!own || !own.configurable) return fn();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, writable: true, enumerable: own.enumerable ?? true, configurable: true });
  try {
    return fn();
  } finally {
    Object.defineProperty(globalThis, 'fetch', own);
  }
}

/** Input is copied into the WebAssembly heap this much at a time. */
const INPUT_SLICE = 256 * 1024;

/** A decoding context and its buffers in the WebAssembly heap. */
interface Context {
  dctx: number;
  inBuf: number;
  outBuf: number;
  outSize: number;
  /** ZSTD_inBuffer and ZSTD_outBuffer: { ptr, size, pos }, 4 bytes each in wasm32. */
  inDesc: number;
  outDesc: number;
}

function newContext(x: ZstdExports): Context {
  const outSize = x.ZSTD_DStreamOutSize();
  const c: Context = {
    dctx: x.ZSTD_createDCtx(),
    inBuf: x.malloc(INPUT_SLICE),
    outBuf: x.malloc(outSize),
    outSize,
    inDesc: x.malloc(12),
    outDesc: x.malloc(12),
  };
  if (!c.dctx || !c.inBuf || !c.outBuf || !c.inDesc || !c.outDesc) {
    freeContext(x, c);
    throw new ZstdWasmError('Allocation error : not enough memory');
  }
  return c;
}

function freeContext(x: ZstdExports, c: Context): void {
  if (c.dctx) x.ZSTD_freeDCtx(c.dctx);
  for (const p of [c.inBuf, c.outBuf, c.inDesc, c.outDesc]) if (p) x.free(p);
}

/**
 * One decoding stream: push() compressed bytes in any slicing, end() when there are no more.
 * Decoded bytes go to `sink` in chunks of at most 128 KiB: copies, or with `transient` views of
 * the wasm heap that are valid only during the call (the sink copies what it keeps). Frames
 * follow one another as in a .zst file; skippable frames are skipped by libzstd.
 */
export class ZstdWasmStream {
  private readonly c: Context;
  /** 0 once a frame is complete and flushed; otherwise the decoder wants more input. */
  private lastHint = 0;
  private started = false;
  /** An error left the context mid-frame: it is freed, not reused. */
  private failed = false;
  private disposed = false;

  private readonly x: ZstdExports;

  constructor(
    private readonly inst: ZstdWasmInstance,
    private readonly sink: (chunk: Uint8Array) => void,
    private readonly transient = false,
  ) {
    this.x = inst.exports;
    this.c = inst.idle ?? newContext(this.x);
    inst.idle = null;
  }

  push(data: Uint8Array): void {
    try {
      for (let off = 0; off < data.length; off += INPUT_SLICE) {
        for (const out of this.decodeSlice(data.subarray(off, off + INPUT_SLICE))) this.sink(this.transient ? out : out.slice());
      }
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }

  /**
   * push() for a consumer that pulls: each decoded chunk (a copy, at most 128 KiB) is made only
   * when the consumer asks for it, so a highly compressed input never decodes ahead of its reader.
   * The sink is not called.
   */
  *decode(data: Uint8Array): Generator<Uint8Array, void, void> {
    try {
      for (let off = 0; off < data.length; off += INPUT_SLICE) {
        for (const out of this.decodeSlice(data.subarray(off, off + INPUT_SLICE))) yield out.slice();
      }
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }

  /** Throws when the stream stopped inside a frame (or held no frame at all). */
  end(): void {
    if (!this.started || this.lastHint !== 0) throw new ZstdWasmError('unexpected end of file (truncated frame)');
  }

  /**
   * Gives the context back: kept for the next stream when it stopped between frames (libzstd
   * then starts the next frame afresh), freed otherwise. Safe to call twice.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!retireIfLarge(this.inst) && !this.failed && this.lastHint === 0 && this.inst.idle === null) this.inst.idle = this.c;
    else freeContext(this.x, this.c);
  }

  /** Decodes one slice, a view of the output buffer per call (valid until the next step). */
  private *decodeSlice(slice: Uint8Array): Generator<Uint8Array, void, void> {
    if (slice.length === 0) return;
    const x = this.x;
    const c = this.c;
    this.started = true;
    new Uint8Array(x.memory.buffer, c.inBuf, slice.length).set(slice);
    let view = new DataView(x.memory.buffer);
    view.setUint32(c.inDesc, c.inBuf, true);
    view.setUint32(c.inDesc + 4, slice.length, true);
    view.setUint32(c.inDesc + 8, 0, true);
    for (;;) {
      view.setUint32(c.outDesc, c.outBuf, true);
      view.setUint32(c.outDesc + 4, c.outSize, true);
      view.setUint32(c.outDesc + 8, 0, true);
      const before = view.getUint32(c.inDesc + 8, true);
      // size_t in wasm32 comes back as a signed i32: libzstd's error codes are -1..-120.
      const ret = x.ZSTD_decompressStream(c.dctx, c.outDesc, c.inDesc);
      if (ret < 0) throw new ZstdWasmError(ERROR_NAMES[-ret] ?? `zstd error ${-ret}`);
      this.lastHint = ret;
      view = new DataView(x.memory.buffer); // the heap may have grown (a new buffer)
      const produced = view.getUint32(c.outDesc + 8, true);
      const consumed = view.getUint32(c.inDesc + 8, true);
      if (produced > 0) {
        yield new Uint8Array(x.memory.buffer, c.outBuf, produced);
        view = new DataView(x.memory.buffer);
      }
      // 0: the frame is decoded and flushed, even when its last bytes filled the output exactly.
      // Calling again without input would start the next frame and replace that 0 with its hint.
      if (consumed === slice.length && (ret === 0 || produced < c.outSize)) return;
      if (produced === 0 && consumed === before) throw new ZstdWasmError('the decoder made no progress');
    }
  }
}
