/**
 * A .tar.gz inside the zstd frame, which the reference's tarfile.open reads by falling back to
 * gzip: every kind tools/parity/gzip-dataset.ts writes (sound, and damaged where only how far
 * tarfile reads decides) gets the reference's verdict, on both zstd decoders, checked against the
 * reference itself by tools/parity/check.ts. A bzip2 or xz tar there is named in the detail.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readEpisodeBytes } from '../../src/episode/read.js';
import { nativeZstdAvailable } from '../../src/episode/zstd.js';
import { REPO, runTool, tempDir } from '../support/helpers.js';
import { zstdCompress } from '../../tools/lib/tarball.js';

const reference = process.env.CIS490_REFERENCE ?? path.join(REPO, '..', 'shared', 'reference', 'cis490_prune.py');

const tool = (file: string, args: string[]): ReturnType<typeof runTool> => runTool(file, args, 120_000);

describe('a .tar.gz inside the zstd frame', () => {
  it.skipIf(!existsSync(reference))(
    'gets the reference verdict for every kind, on the WebAssembly decoder and, where the runtime has it, the native one',
    () => {
      const dir = path.join(tempDir('episode-gate-gzip-parity-'), 'data');
      const made = tool('tools/parity/gzip-dataset.ts', ['--episodes', '28', '--out', dir]);
      expect(made.code, made.err).toBe(0);
      for (const zstd of nativeZstdAvailable() ? ['native', 'wasm'] : ['wasm']) {
        const r = tool('tools/parity/check.ts', ['--dataset', dir, '--reference', reference, '--zstd', zstd]);
        expect(r.code, r.out + r.err).toBe(0);
        // 8 of the 14 kinds the reference reads; the other 6 crash it, and are unreadable here.
        expect(r.out).toMatch(/^parity: 28 episodes; 16 identical verdicts, 12 unreadable to both, 0 differences/m);
      }
    },
  );

  it('a bzip2 or xz tar there is unreadable, and the detail says which', async () => {
    for (const [magic, word] of [
      [Buffer.from('BZh91AY&SY'), 'bzip2'],
      [Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]), 'xz'],
    ] as const) {
      const r = await readEpisodeBytes(zstdCompress(Buffer.concat([magic, Buffer.alloc(1000, 7)])));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.detail).toMatch(
        new RegExp(`^tar: not a tar archive \\(.*\\): an? ${word}-compressed tar inside the zstd frame, which episode-gate does not read$`),
      );
    }
    // A gzip of the same: no such note (it is read, and fails as the reference fails).
    const g = await readEpisodeBytes(zstdCompress(zlib.gzipSync(Buffer.alloc(1000, 7))));
    expect(!g.ok && g.detail).toMatch(/^tar: not a tar archive/);
    expect(!g.ok && g.detail).not.toMatch(/does not read/);
  });
});
