/**
 * Node's native zstd (node:zlib, Node >= 22.15), and the one place that reaches into node:zlib's
 * internals: the decoder object's native handle, driven as node:zlib's own synchronous loop drives
 * it, so one libzstd context serves frame after frame. Where the internals are not as expected,
 * the public one-call decode is used instead.
 */
import zlib from 'node:zlib';

type NativeZlib = typeof zlib & {
  createZstdDecompress?: (opts?: zlib.ZlibOptions) => zlib.Gunzip;
  zstdDecompressSync?: (buf: Uint8Array, opts?: zlib.ZlibOptions & { maxOutputLength?: number }) => Buffer;
};
const native = zlib as NativeZlib;

export function nativeZstdAvailable(): boolean {
  return typeof native.createZstdDecompress === 'function';
}

/** Bad data, as node:zlib's decoder reports it. */
export class NativeZstdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NativeZstdError';
  }
}

/** A streaming decoder (node:zlib's public Transform). */
export function createNativeZstdStream(chunkSize: number): zlib.Gunzip {
  return native.createZstdDecompress!({ chunkSize });
}

/**
 * The public one-call decode of one frame: its output, or null when it is more than `max` bytes.
 */
export function decodeFramePublic(frame: Uint8Array, max: number, chunkSize: number): Uint8Array | null {
  try {
    return native.zstdDecompressSync!(frame, { chunkSize, maxOutputLength: max });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw new NativeZstdError((e as Error).message);
  }
}

/** What node:zlib's decoder object holds inside: the native handle. */
interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number, code?: string) => void;
}

export interface FrameProgress {
  /** Input the decoder has taken. */
  inOff: number;
  /** End of the output written so far. */
  outEnd: number;
}

/**
 * One native zstd decoding context, reused frame after frame. zstdDecompressSync() builds a new
 * stream object and libzstd context (with its window buffers) on every call, which costs about as
 * much as decoding a 900 KB episode; this drives the same native handle as that call does (the
 * loop of node:zlib's processChunkSync) and keeps it. It relies on node:zlib internals
 * (`_handle`, `_writeState`), so create() checks they are there, and returns null if not.
 */
export class NativeFrameDecoder {
  private failure: string | null = null;

  private constructor(
    private readonly handle: ZlibHandle,
    private readonly state: Uint32Array,
    private readonly flush: number,
  ) {
    // node:zlib's own handler destroys the stream object; errors are ours to report here.
    handle.onerror = (message) => {
      this.failure = message;
    };
  }

  static create(): NativeFrameDecoder | null {
    if (!nativeZstdAvailable()) return null;
    const s = native.createZstdDecompress!() as unknown as {
      _handle?: Partial<ZlibHandle> | null;
      _writeState?: unknown;
      _finishFlushFlag?: unknown;
    };
    const h = s._handle;
    const st = s._writeState;
    const ok =
      h != null &&
      typeof h.writeSync === 'function' &&
      typeof h.reset === 'function' &&
      typeof h.close === 'function' &&
      st instanceof Uint32Array &&
      st.length >= 2 &&
      typeof s._finishFlushFlag === 'number';
    return ok ? new NativeFrameDecoder(h as ZlibHandle, st as Uint32Array, s._finishFlushFlag as number) : null;
  }

  /**
   * Go on decoding `frame` into `out` at `pos`; true when the frame is done, false when `out`
   * is full first. Throws NativeZstdError on bad data; the decoder is not reused after that.
   */
  decode(frame: Uint8Array, out: Uint8Array, pos: FrameProgress): boolean {
    const room = out.length - pos.outEnd;
    const inLen = frame.length - pos.inOff;
    this.handle.writeSync(this.flush, frame, pos.inOff, inLen, out, pos.outEnd, room);
    if (this.failure !== null) throw new NativeZstdError(this.failure);
    const availOut = this.state[0]!;
    const availIn = this.state[1]!;
    pos.inOff += inLen - availIn;
    pos.outEnd += room - availOut;
    // As processChunkSync decides: a call that leaves output room has taken all it can.
    if (availOut === 0) return false;
    this.handle.reset();
    return true;
  }

  close(): void {
    this.handle.close();
  }
}
