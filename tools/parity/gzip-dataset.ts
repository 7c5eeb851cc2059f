/**
 * A dataset for the parity check whose tarballs hold a .tar.gz inside the zstd frame, which the
 * reference's tarfile.open reads by falling back to gzip: sound streams (one member, several with
 * zero padding between, every optional header field), and damaged ones where only how far
 * tarfile reads decides the verdict (a bad CRC or length, trailing garbage, a truncated trailer:
 * read when the archive ends before them, fatal when it does not), plus truncated and corrupt
 * deflate data and a gzip of something that is no tar.
 *
 *   npx tsx tools/parity/gzip-dataset.ts --episodes 56 --out DIR
 *   npx tsx tools/parity/check.ts --dataset DIR
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { HOSTS, specFor } from '../lib/realistic.js';
import { episodeMembers } from '../lib/synth.js';
import { buildTar, buildTarOfSize, zstdCompress } from '../lib/tarball.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['episodes', 'out']);

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

/** A gzip member of `data` with the given header flags' fields. */
function member(data: Uint8Array, fields: { name?: string; comment?: string; extra?: Uint8Array; hcrc?: boolean } = {}): Buffer {
  const flags =
    (fields.hcrc ? 2 : 0) | (fields.extra ? 4 : 0) | (fields.name !== undefined ? 8 : 0) | (fields.comment !== undefined ? 16 : 0);
  const head: number[] = [0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3];
  if (fields.extra) head.push(fields.extra.length & 0xff, fields.extra.length >> 8, ...fields.extra);
  if (fields.name !== undefined) head.push(...Buffer.from(fields.name, 'latin1'), 0);
  if (fields.comment !== undefined) head.push(...Buffer.from(fields.comment, 'latin1'), 0);
  if (fields.hcrc) head.push(0xab, 0xcd); // not checked by Python
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(data), 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  return Buffer.concat([Buffer.from(head), zlib.deflateRawSync(data, { level: 6 }), trailer]);
}

/** tar: padded to records of 10,240 bytes; plain: ending at its two zero blocks; bare: without them. */
type Tars = { tar: Uint8Array; plain: Uint8Array; bare: Uint8Array };

const VARIANTS: Array<[string, (t: Tars) => Uint8Array]> = [
  ['sound', ({ tar }) => member(tar)],
  ['bad CRC, archive ends first', ({ tar }) => flip(member(tar), -8)],
  ['bad CRC, no end-of-archive blocks', ({ bare }) => flip(member(bare), -8)],
  ['wrong length, archive ends first', ({ tar }) => flip(member(tar), -1)],
  [
    'two members with zero padding',
    ({ tar }) => Buffer.concat([member(tar.subarray(0, 7000)), Buffer.alloc(37), member(tar.subarray(7000))]),
  ],
  [
    'two members, the first with a bad CRC',
    ({ tar }) => Buffer.concat([flip(member(tar.subarray(0, 7000)), -8), member(tar.subarray(7000))]),
  ],
  ['deflate data cut at 60%', ({ tar }) => cut(member(tar), 0.6)],
  ['trailing garbage, archive ends first', ({ tar }) => Buffer.concat([member(tar), Buffer.from('junk')])],
  ['trailing garbage, no end-of-archive blocks', ({ bare }) => Buffer.concat([member(bare), Buffer.from('junk')])],
  [
    'every optional header field',
    ({ tar }) => member(tar, { name: 'ep.tar', comment: 'lab export', extra: new Uint8Array([1, 2, 3, 4]), hcrc: true }),
  ],
  ['a gzip of something else', () => member(Buffer.from('{"not": "a tar"}\n'.repeat(50)))],
  ['trailer cut short, archive ends first', ({ tar }) => member(tar).subarray(0, -4)],
  ['a deflate byte changed mid-stream', ({ tar }) => flip(member(tar), 0.5)],
  ['sound, archive ends without record padding', ({ plain }) => member(plain)],
];

/** The byte at `at` (negative: from the end; a fraction: that share of the length) with its bits flipped. */
function flip(b: Buffer, at: number): Buffer {
  const i = at < 0 ? b.length + at : Math.floor(b.length * at);
  const out = Buffer.from(b);
  out[i]! ^= 0xff;
  return out;
}

function cut(b: Buffer, share: number): Buffer {
  return b.subarray(0, Math.floor(b.length * share));
}

const out = option('out');
const n = Number(option('episodes') ?? String(VARIANTS.length * 4));
if (!out || !Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: npx tsx tools/parity/gzip-dataset.ts --episodes N --out DIR\n');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
const index: string[] = [];
for (let i = 0; i < n; i++) {
  const spec = specFor(i);
  const members = episodeMembers(spec);
  const plain = buildTar(members);
  const tar = buildTarOfSize(members, Math.ceil(plain.length / 10_240) * 10_240);
  const bare = buildTar(members, { trailer: false });
  const [, make] = VARIANTS[i % VARIANTS.length]!;
  const host = HOSTS[i % HOSTS.length]!;
  const file = path.join(out, 'episodes', host, `${spec.episodeId}.tar.zst`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, zstdCompress(make({ tar, plain, bare }), 3));
  index.push(JSON.stringify({ host_id: host, episode_id: spec.episodeId }));
}
writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n');
process.stdout.write(`gzip parity dataset: ${n} episodes (${VARIANTS.length} kinds of .tar.gz inside zstd) in ${out}\n`);
