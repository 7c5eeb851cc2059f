/**
 * Every zstd decoder path against the others and against the zstd command, on the sizes where a
 * buffer fills exactly: decompressed sizes at and around k x 2^n for the buffer sizes the decoders
 * use, frames with and without a declared content size and a checksum, several frames, skippable
 * frames, frames ending on an input slice, and truncated or trailing bytes the command rejects.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDecoderContext, type DecodePath, type DecoderContext } from '../../src/episode/decoder-context.js';
import { SYNC_FRAME_MAX_BYTES, decompress, nativeZstdAvailable } from '../../src/episode/zstd.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The buffers the decoders fill: 64 KiB (the least room a frame starts in, native), 128 KiB
 * (libzstd's largest block, the WebAssembly output), 256 KiB (the WebAssembly input slice, the
 * native stream's chunk), 1 MiB (the one-call fallback's chunk), 2 MiB (the first scratch buffer,
 * doubled as it fills).
 */
const BUFFERS = [64 * KiB, 128 * KiB, 256 * KiB, 1 * MiB, 2 * MiB];
/** k for each buffer: fewer for the large ones, whose doublings are the boundaries that matter. */
const MULTIPLES = (buffer: number): number[] => (buffer < MiB ? [1, 2, 3, 5] : buffer < 2 * MiB ? [1, 2, 3, 4] : [1, 2, 4]);
/** Up to this size every content and every header option is tried; above, fewer (decoding time). */
const SMALL_MAX = 5 * 256 * KiB;

const around = (n: number): number[] => [n - 1, n, n + 1];
const centres = [
  ...BUFFERS.flatMap((b) => MULTIPLES(b).map((k) => k * b)),
  2 * MiB - 64 * KiB, // a second frame then starts in exactly the least room
];
const SIZES = [...new Set([0, 1, ...centres.flatMap(around)])].sort((a, b) => a - b);
/** The synchronous native decode's bound and the WebAssembly path's longest run. */
const BIG_SIZES = around(SYNC_FRAME_MAX_BYTES);

/** zstd command options for a frame: content size declared or not, checksum or not. */
const HEADERS: Record<string, string[]> = {
  'size+check': [],
  'size, no check': ['--no-check'],
  'no size+check': ['--no-content-size'],
  'no size, no check': ['--no-content-size', '--no-check'],
};
const BIG_HEADERS = ['size+check', 'no size, no check'];

/** Deterministic bytes (xorshift32): no repeats, so zstd stores them as raw blocks. */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n + 3);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i += 4) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out.writeUInt32LE(s >>> 0, i);
  }
  return out.subarray(0, n);
}

/** Deterministic tar-like content: text rows, runs of zeros (RLE blocks) and noise, in turn. */
function mixed(n: number): Buffer {
  const parts: Buffer[] = [];
  const pick = noise(4096, 7);
  let len = 0;
  for (let i = 0; len < n; i++) {
    const r = pick.readUInt32LE((i * 4) % 4096);
    const kind = r % 4;
    const size = 1024 + (r % (96 * KiB));
    let part: Buffer;
    if (kind === 0) part = noise(size, r);
    else if (kind === 1) part = Buffer.alloc(size);
    else {
      const row = `{"t_wall_ns":${1_800_000_000_000_000_000n + BigInt(r)},"cpu_user_jiffies":${r % 9973},"phase":"infected_running"}\n`;
      part = Buffer.from(row.repeat(Math.ceil(size / row.length)).slice(0, size));
    }
    parts.push(part);
    len += part.length;
  }
  return Buffer.concat(parts).subarray(0, n);
}

function skippable(size: number, fill = 0x5a): Buffer {
  const b = Buffer.alloc(8 + size, fill);
  b.writeUInt32LE(0x184d2a5e, 0);
  b.writeUInt32LE(size, 4);
  return b;
}

/** Offsets where each block of a single-frame file ends (its header walked, no decoding). */
function blockEnds(f: Uint8Array): number[] {
  const fhd = f[4]!;
  const single = (fhd >> 5) & 1;
  const fcsFlag = fhd >> 6;
  let p = 5 + (single ? 0 : 1) + [0, 1, 2, 4][fhd & 3]! + (fcsFlag === 0 ? single : [0, 2, 4, 8][fcsFlag]!);
  const ends: number[] = [];
  for (;;) {
    const bh = f[p]! | (f[p + 1]! << 8) | (f[p + 2]! << 16);
    p += 3 + (((bh >> 1) & 3) === 1 ? 1 : bh >>> 3);
    ends.push(p);
    if (bh & 1) return ends;
  }
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

interface Case {
  name: string;
  file: Buffer;
  /** sha256 of what the frames hold, or null for a file built to be rejected. */
  expected: string | null;
  /** Filled from `zstd -t`: whether the command accepts the file. */
  zstdAccepts?: boolean;
}

interface DecoderPath {
  name: string;
  /** Why this runtime cannot run the path, or null. */
  unavailable: string | null;
  /** The path the context must have counted once every file is decoded. */
  counts: DecodePath;
  decode(file: Uint8Array, sink: (chunk: Uint8Array) => void, ctx: DecoderContext): Promise<void>;
}

const noNative = nativeZstdAvailable() ? null : `node:zlib has no zstd on Node ${process.versions.node}`;
const PATHS: DecoderPath[] = [
  { name: 'WebAssembly libzstd', unavailable: null, counts: 'wasm', decode: (f, s, c) => decompress(f, s, c) },
  { name: 'native, one call per frame', unavailable: noNative, counts: 'native-frame', decode: (f, s, c) => decompress(f, s, c) },
  {
    // A size bound of 0 sends every frame over 64 bytes to the stream, as frames over 32 MiB go.
    name: 'native, streamed',
    unavailable: noNative,
    counts: 'native-stream',
    decode: (f, s, c) => decompress(f, s, c, 0),
  },
];

/** What a path makes of a file: the sha256 of its output, or the error. */
async function outcome(p: DecoderPath, file: Uint8Array, ctx: DecoderContext): Promise<string> {
  const h = createHash('sha256');
  try {
    await p.decode(file, (chunk) => h.update(chunk), ctx);
  } catch (e) {
    return `error (${(e as Error).message})`;
  }
  return h.digest('hex');
}

let dir = '';
const cases: Case[] = [];

/** Compress every input with every header option, one zstd call per option. */
function compressAll(inputs: Map<string, Buffer>, headers: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const names = [...inputs.keys()];
  for (const n of names) writeFileSync(path.join(dir, n), inputs.get(n)!);
  for (const [hi, h] of headers.entries()) {
    const to = path.join(dir, `h${hi}`);
    mkdirSync(to);
    execFileSync('zstd', ['-q', '-f', '-3', ...HEADERS[h]!, '--output-dir-flat', to, ...names], { cwd: dir });
    for (const n of names) out.set(`${n} ${h}`, readFileSync(path.join(to, `${n}.zst`)));
    rmSync(to, { recursive: true });
  }
  for (const n of names) rmSync(path.join(dir, n));
  return out;
}

/** Ask `zstd -t` about every case at once; its per-file errors name the files it rejects. */
function judgeWithZstd(all: Case[]): void {
  const names = all.map((c, i) => {
    const n = `case${i}.zst`;
    writeFileSync(path.join(dir, n), c.file);
    return n;
  });
  let stderr = '';
  try {
    execFileSync('zstd', ['-t', '-q', ...names], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    stderr = String((e as { stderr: Buffer }).stderr);
  }
  const rejected = new Set([...stderr.matchAll(/(case\d+\.zst)\s*:/g)].map((m) => m[1]));
  all.forEach((c, i) => (c.zstdAccepts = !rejected.has(names[i])));
  for (const n of names) rmSync(path.join(dir, n));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'episode-gate-zstd-paths-'));
  const pool = mixed(BIG_SIZES[2]!);
  const rand = noise(SMALL_MAX + 1, 12345);
  const content = new Map<string, Buffer>();
  const small = new Map<string, Buffer>();
  const large = new Map<string, Buffer>();
  for (const n of SIZES) {
    (n <= SMALL_MAX ? small : large).set(`mixed-${n}`, pool.subarray(0, n));
    if (n <= SMALL_MAX) small.set(`noise-${n}`, rand.subarray(0, n));
  }
  for (const n of BIG_SIZES) large.set(`mixed-${n}`, pool.subarray(0, n));
  for (const m of [small, large]) for (const [k, v] of m) content.set(k, v);

  const frames = new Map([...compressAll(small, Object.keys(HEADERS)), ...compressAll(large, BIG_HEADERS)]);
  const input = (key: string): Buffer => content.get(key.split(' ')[0]!)!;
  for (const [key, file] of frames) cases.push({ name: key, file, expected: sha(input(key)) });

  const f = (key: string): Buffer => frames.get(key)!;
  const joined = (...keys: string[]): Case => ({
    name: keys.join(' + '),
    file: Buffer.concat(keys.map((k) => (k.startsWith('skip') ? skippable(Number(k.slice(5))) : f(k)))),
    expected: sha(Buffer.concat(keys.filter((k) => !k.startsWith('skip')).map(input))),
  });
  const n128 = `noise-${128 * KiB}`;
  const n640 = `noise-${640 * KiB}`;
  cases.push(
    joined(`${n128} size+check`, `${n128} no size, no check`),
    joined(`${n640} no size+check`, `mixed-${640 * KiB} size+check`),
    joined(`${n128} size, no check`, 'skip-0', `${n128} no size+check`),
    joined('skip-100', `${n128} size+check`, 'skip-7'),
    joined('skip-10'),
    joined('skip-3', 'skip-5'),
  );
  for (const d of [-1, 0, 1]) {
    const near = 2 * MiB - 64 * KiB + d;
    cases.push(joined(`mixed-${near} no size, no check`, `${n128} no size+check`, `mixed-${near} size+check`));
  }
  // A frame ending one byte before, on, or one byte after an input slice (256 KiB) boundary.
  for (const key of [`${n640} size+check`, `mixed-${640 * KiB} no size, no check`]) {
    for (const d of [-1, 0, 1]) {
      const frame = f(key);
      const pad = 3 * 256 * KiB + d - frame.length - 8;
      cases.push({
        name: `skip-${pad} + ${key}, ends at 768 KiB ${d >= 0 ? '+' : ''}${d}`,
        file: Buffer.concat([skippable(pad), frame]),
        expected: sha(input(key)),
      });
    }
  }
  // Files the command rejects: every path must reject them too.
  for (const key of [
    `${n128} size+check`,
    `${n128} no size, no check`,
    `noise-${256 * KiB} no size, no check`,
    `mixed-${655360} size+check`,
  ]) {
    const frame = f(key);
    const ends = blockEnds(frame);
    cases.push({ name: `${key} less its last byte`, file: frame.subarray(0, frame.length - 1), expected: null });
    if (ends.length > 1) cases.push({ name: `${key} cut after its first block`, file: frame.subarray(0, ends[0]), expected: null });
    cases.push({ name: `${key} + 3 stray bytes`, file: Buffer.concat([frame, Buffer.from([1, 2, 3])]), expected: null });
  }
  cases.push({
    name: `${n128} size+check + its first 100 bytes`,
    file: Buffer.concat([f(`${n128} size+check`), f(`${n128} size+check`).subarray(0, 100)]),
    expected: null,
  });
  judgeWithZstd(cases);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`zstd decoder paths agree with the zstd command (${SIZES.length + BIG_SIZES.length} sizes from 0 to 32 MiB + 1)`, () => {
  it('the grid holds what it is meant to: every file built whole is accepted by zstd, every broken one rejected', () => {
    const wrong = cases.filter((c) => c.zstdAccepts !== (c.expected !== null)).map((c) => c.name);
    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
  });

  for (const p of PATHS) {
    const title = `${p.name} decodes every accepted file to its content and rejects every rejected one`;
    it.skipIf(p.unavailable !== null)(p.unavailable ? `${title} (skipped: ${p.unavailable})` : title, async () => {
      const wrong: string[] = [];
      const ctx = newDecoderContext(p.counts === 'wasm' ? 'wasm' : 'native');
      for (const c of cases) {
        const got = await outcome(p, c.file, ctx);
        const ok = c.zstdAccepts ? got === c.expected : got.startsWith('error');
        if (!ok) wrong.push(`${c.name}: ${got.slice(0, 90)}`);
      }
      expect(wrong).toEqual([]);
      expect(ctx.decoded[p.counts]).toBeGreaterThan(cases.length / 2);
    });
  }
});
