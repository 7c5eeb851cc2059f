/** Which decoder path reads an episode, as the context a thread passes down counts it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDecoderContext, type DecodePath } from '../../src/episode/decoder-context.js';
import { readEpisode } from '../../src/episode/read.js';
import { nativeZstdAvailable } from '../../src/episode/zstd.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/dataset/episodes/lab-b/ep-tar-exactly-640k.tar.zst');
const noNative = nativeZstdAvailable() ? '' : ` (skipped: node:zlib has no zstd on Node ${process.versions.node})`;

const used = (decoded: Record<DecodePath, number>): Partial<Record<DecodePath, number>> =>
  Object.fromEntries(Object.entries(decoded).filter(([, n]) => n > 0));

describe('the decoder path', () => {
  it.skipIf(!nativeZstdAvailable())(`with native zstd (Node 24) is the reused native decoder, one call per frame${noNative}`, async () => {
    const ctx = newDecoderContext();
    expect(ctx.zstd).toBe('native');
    for (let i = 0; i < 3; i++) expect((await readEpisode(FIXTURE, { decoder: ctx })).ok).toBe(true);
    expect(used(ctx.decoded)).toEqual({ 'native-frame': 3 });
    expect(ctx.native).toBeTruthy(); // kept for the next episode
  });

  it('is WebAssembly libzstd when asked for, or where node:zlib has no zstd', async () => {
    const forced = newDecoderContext('wasm');
    expect((await readEpisode(FIXTURE, { decoder: forced })).ok).toBe(true);
    expect(used(forced.decoded)).toEqual({ wasm: 1 });
    if (!nativeZstdAvailable()) expect(newDecoderContext().zstd).toBe('wasm');
  });

  it('keeps the buffers in the context between episodes', async () => {
    const ctx = newDecoderContext();
    await readEpisode(FIXTURE, { decoder: ctx });
    const { input, scratch } = ctx;
    expect(input).not.toBeNull();
    expect(scratch).not.toBeNull();
    await readEpisode(FIXTURE, { decoder: ctx });
    expect(ctx.input).toBe(input);
    expect(ctx.scratch).toBe(scratch);
  });
});
