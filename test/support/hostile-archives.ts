/**
 * Snapshots that declare or hold many GiB, built from small pieces: zstd frames and gzip members
 * may follow one another in one file, so a block of zeros is compressed once and repeated.
 * Nothing here writes or decompresses the GiB it describes.
 *
 *   npx tsx test/support/hostile-archives.ts OUT.tar.zst [GiB]   (the 8 GiB-declared artifact)
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zstdCompress } from '../../tools/lib/tarball.js';

const BLOCK = 512;
const MiB = 1024 * 1024;

/** One ustar header with any size and type flag (sizes of 8 GiB and up in GNU base-256). */
export function tarHeader(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000755\0', 100, 'latin1');
  h.write('0001750\0', 108, 'latin1');
  h.write('0001750\0', 116, 'latin1');
  if (size < 8 ** 11) h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  else {
    h[124] = 0x80;
    let n = size;
    for (let i = 135; i > 124; i--, n = Math.floor(n / 256)) h[i] = n % 256;
  }
  h.write('15254000000\0', 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(type, 156, 1, 'latin1');
  h.write('ustar\x0000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

/** Compressed zeros, `total` bytes in all, as repeats of one frame/member of `piece` bytes. */
function zeros(total: number, piece: number, compress: (b: Buffer) => Buffer): Buffer[] {
  const one = compress(Buffer.alloc(piece));
  const out: Buffer[] = [];
  for (let left = total; left > 0; left -= piece) out.push(left >= piece ? one : compress(Buffer.alloc(left)));
  return out;
}

const zstd = (b: Buffer): Buffer => Buffer.from(zstdCompress(b, 1));
const gzip = (b: Buffer): Buffer => gzipSync(b, { level: 1 });

/** tar.zst: one directory entry declaring `bytes` of data, that data (zeros), then the end marker. */
export function declaredDirectoryTarZst(bytes: number, name = 'dataset/'): Buffer {
  return Buffer.concat([zstd(tarHeader(name, bytes, '5')), ...zeros(bytes + 2 * BLOCK, 64 * MiB, zstd)]);
}

/** tar.gz: `count` directory entries each declaring and holding `each` bytes of zeros. */
export function skippedDirectoriesTarGz(count: number, each: number): Buffer {
  const body = zeros(each, 64 * MiB, gzip);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) parts.push(gzip(tarHeader(`dataset/d${i}/`, each, '5')), ...body);
  parts.push(gzip(Buffer.alloc(2 * BLOCK)));
  return Buffer.concat(parts);
}

/** tar.zst: `tar` (a tar stream without its end marker), then one file of `bytes` zeros, then the end marker. */
export function withLargeFileTarZst(tar: Uint8Array, name: string, bytes: number): Buffer {
  const pad = (BLOCK - (bytes % BLOCK)) % BLOCK;
  return Buffer.concat([zstd(Buffer.from(tar)), zstd(tarHeader(name, bytes, '0')), ...zeros(bytes + pad + 2 * BLOCK, 64 * MiB, zstd)]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, gib = '8'] = process.argv.slice(2);
  if (!out) throw new Error('usage: hostile-archives.ts OUT.tar.zst [GiB]');
  const bytes = declaredDirectoryTarZst(Number(gib) * 1024 * MiB);
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes, declaring ${gib} GiB`);
}
