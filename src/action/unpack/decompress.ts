/**
 * A snapshot file as a pulled stream of decompressed chunks: nothing is decompressed before the
 * reader asks for it, so memory stays at a few chunks whatever the compression ratio. zstd goes
 * through libzstd in WebAssembly on every Node (node:zlib's zstd stops after the first frame).
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { loadZstdWasm, ZstdWasmStream } from '../../episode/zstd-wasm.js';
import type { ArchiveKind } from './sniff.js';

/** Compressed bytes are read this much at a time. */
const READ_CHUNK = 64 * 1024;

export function decompressed(file: string, kind: Exclude<ArchiveKind, 'zip'>): AsyncIterable<Buffer> {
  const raw = createReadStream(file, { highWaterMark: READ_CHUNK });
  if (kind === 'tar') return raw;
  // node:zlib stops inflating while its reader's buffer is full, even inside one input chunk.
  if (kind === 'tar.gz') return pipeline(raw, zlib.createGunzip({ chunkSize: READ_CHUNK }), () => {});
  return zstdChunks(raw);
}

async function* zstdChunks(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, void> {
  const d = new ZstdWasmStream(await loadZstdWasm(), () => {});
  try {
    for await (const chunk of raw) {
      for (const out of d.decode(chunk)) yield Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    }
    d.end();
  } finally {
    d.dispose();
  }
}
