/**
 * What one thread keeps from one episode to the next to decode them: the spare buffers, the
 * idle native zstd decoder and the WebAssembly libzstd instance with its idle decoding
 * context. The worker makes one for its thread, the in-process scanner one for its run, and every read borrows from it: a buffer or decoder in use is taken out and put back
 * afterwards, so episodes read at the same time on one thread never share one.
 */
import { nativeZstdAvailable, type NativeFrameDecoder } from './zstd-native.js';
import { newZstdWasm, type ZstdWasm } from './zstd-wasm.js';
import type { ZstdScratch } from './zstd.js';

/** The zstd decoder a thread uses: node:zlib's native one, or libzstd in WebAssembly. */
export type ZstdImpl = 'native' | 'wasm';

/** Native where node:zlib has it (Node >= 22.15), unless EPISODE_GATE_ZSTD=wasm forces WebAssembly. */
export function defaultZstdImpl(): ZstdImpl {
  return process.env.EPISODE_GATE_ZSTD !== 'wasm' && nativeZstdAvailable() ? 'native' : 'wasm';
}

/** The ways a frame gets decoded (gzip: a gzip file, which the zstd command also reads). */
export type DecodePath = 'native-frame' | 'native-one-call' | 'native-stream' | 'wasm' | 'gzip';

export interface DecoderContext {
  /** Which zstd this thread decodes with. */
  readonly zstd: ZstdImpl;
  /** The spare buffer a tarball's compressed bytes are read into. */
  input: Buffer | null;
  /** The spare decompression scratch (see ZstdScratch). */
  scratch: ZstdScratch | null;
  /** The idle native decoder: undefined when none is made yet, null when node:zlib's internals are not as expected. */
  native: NativeFrameDecoder | null | undefined;
  /** The WebAssembly libzstd this context decodes with (made on its first frame). */
  readonly wasm: ZstdWasm;
  /** How many frames (WebAssembly and gzip: files) each path has decoded with this context. */
  readonly decoded: Record<DecodePath, number>;
}

export function newDecoderContext(zstd: ZstdImpl = defaultZstdImpl()): DecoderContext {
  return {
    zstd,
    input: null,
    scratch: null,
    native: undefined,
    wasm: newZstdWasm(),
    decoded: { 'native-frame': 0, 'native-one-call': 0, 'native-stream': 0, wasm: 0, gzip: 0 },
  };
}
