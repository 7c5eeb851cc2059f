import { describe, expect, it } from 'vitest';
import { MEMBER_SUFFIXES, readEpisodeBytes } from '../../src/episode/read.js';
import { TarReader } from '../../src/episode/tar.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { SYNC_FRAME_MAX_BYTES, ZstdError, decompress, nativeZstdAvailable, zstdFrames } from '../../src/episode/zstd.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { newDecoderContext } from '../../src/episode/decoder-context.js';
import { asRows } from '../../src/classifier/as-rows.js';
import { loadZstdWasm } from '../../src/episode/zstd-wasm.js';
import { buildTar, zstdCompress, type TarEntry } from '../../tools/lib/tarball.js';
import {
  GOOD_EVENTS,
  GOOD_META,
  REPO,
  T0,
  ZSTD_IMPLS,
  entriesOf,
  jsonl,
  labels4,
  rowsOf,
  tempDir,
  type Members,
} from '../support/helpers.js';

/** Feed a tar through the reader in small chunks, as the decompressor does. */
function members(tar: Uint8Array, chunk = 700): Map<string, string> {
  const r = new TarReader({ suffixes: MEMBER_SUFFIXES, maxMemberBytes: 1 << 20 });
  for (let i = 0; i < tar.length; i += chunk) r.push(tar.subarray(i, i + chunk));
  r.end();
  return new Map([...r.result()].map(([k, v]) => [k, Buffer.from(v.data).toString()]));
}

const base: TarEntry[] = entriesOf({ meta: GOOD_META, events: GOOD_EVENTS, labels: labels4() });

describe('member selection: the first regular file whose name ends with the suffix', () => {
  it('takes the first of two matches, even in another folder', () => {
    const m = members(buildTar([{ name: 'x/old-events.jsonl', data: 'first\n' }, ...base]));
    expect(m.get('events.jsonl')).toBe('first\n');
  });
  it('skips symlinks, hard links, directories and unknown types', () => {
    const m = members(
      buildTar([
        { name: 'a/labels.jsonl', type: '2', linkname: '/etc/passwd' },
        { name: 'b/labels.jsonl', type: '1', linkname: 'ep-test/labels.jsonl' },
        { name: 'c/labels.jsonl/', type: '5' },
        { name: 'd/labels.jsonl', type: 'Z', data: 'unknown-type' },
        ...base,
      ]),
    );
    expect(m.get('labels.jsonl')).toBe(labels4());
  });
  it('treats a V7 regular file whose name ends in "/" as a directory', () => {
    const tar = buildTar([{ name: 'x/meta.json/', type: '\0', data: '' }, ...base]);
    expect(members(tar).get('meta.json')).toBe(GOOD_META);
  });
  it('reads PAX long names and GNU long names', () => {
    const long = 'p/'.repeat(80) + 'labels.jsonl';
    expect(members(buildTar([{ name: long, data: 'pax\n' }])).get('labels.jsonl')).toBe('pax\n');
    expect(members(buildTar([{ name: long, data: 'gnu\n', longNames: 'gnu' }])).get('labels.jsonl')).toBe('gnu\n');
  });
  it('lets a PAX path rename a member away from (or onto) a suffix', () => {
    const tar = buildTar([
      { name: 'ep/labels.jsonl', data: 'renamed\n', pax: { path: 'ep/other.txt' } },
      { name: 'ep/x', data: 'now labels\n', pax: { path: 'ep/labels.jsonl//' } },
    ]);
    expect(members(tar).get('labels.jsonl')).toBe('now labels\n');
  });
  it('reads a PAX size written in Unicode digits as int() does, as python3 tarfile reads it', () => {
    // "١٢" is 12 to Python's int(); a size it refuses ("1x") is 0.
    const tar = buildTar([
      { name: 'ep/labels.jsonl', data: 'twelve bytes', pax: { size: '\u0661\u0662' } },
      { name: 'ep/events.jsonl', data: '', pax: { size: '1x' } },
    ]);
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import sys,tarfile,io\nt=tarfile.open(fileobj=io.BytesIO(sys.stdin.buffer.read()))\nfor m in t: print(m.name, m.size, t.extractfile(m).read().decode())',
      ],
      { input: tar, encoding: 'utf8' },
    );
    expect(py).toBe('ep/labels.jsonl 12 twelve bytes\nep/events.jsonl 0 \n');
    const m = members(tar);
    expect(m.get('labels.jsonl')).toBe('twelve bytes');
    expect(m.get('events.jsonl')).toBe('');
  });
  it('reads the same members whatever the chunking', () => {
    const tar = buildTar([...base, { name: 'ep-test/capture.pcap', data: new Uint8Array(100_000).fill(7) }]);
    expect(members(tar, 1)).toEqual(members(tar, 1 << 20));
  });
});

describe("tarfile's leniencies and failures", () => {
  const tar = buildTar(base);
  const corruptHeader = (t: Uint8Array, at: number): Uint8Array => {
    const c = Uint8Array.from(t);
    c[at + 10] = c[at + 10]! ^ 0xff; // name byte: the checksum no longer matches
    return c;
  };
  it('ends the archive silently at a bad header after the first member', () => {
    const second = 512 + 512; // meta header + one data block
    const m = members(corruptHeader(tar, second));
    expect([...m.keys()]).toEqual(['meta.json']);
  });
  it('fails on a bad first header, an empty archive, or data cut short', () => {
    expect(() => members(corruptHeader(tar, 0))).toThrow(/not a tar archive/);
    expect(() => members(new Uint8Array(0))).toThrow(/empty/);
    expect(() => members(tar.subarray(0, 512 + 100))).toThrow(/unexpected end of data/);
  });
  it('reads an all-zero archive as empty and a missing end-of-archive marker as fine', () => {
    expect(members(new Uint8Array(1024)).size).toBe(0);
    expect(members(buildTar(base, { trailer: false })).size).toBe(3);
  });
  it('stops at a truncated header after the first member without an error', () => {
    const cut = tar.subarray(0, 1024 + 200);
    expect([...members(cut).keys()]).toEqual(['meta.json']);
  });
  it('refuses a selected member larger than the member limit', () => {
    const r = new TarReader({ suffixes: MEMBER_SUFFIXES, maxMemberBytes: 10 });
    r.push(tar);
    r.end();
    expect(() => r.result()).toThrow(/limit/);
  });
});

describe('zstd as the zstd command reads it', () => {
  const tar = buildTar(entriesOf({ meta: GOOD_META, events: GOOD_EVENTS, labels: labels4() }));
  const zst = zstdCompress(tar);
  const skippable = Buffer.alloc(12);
  skippable.writeUInt32LE(0x184d2a50, 0);
  skippable.writeUInt32LE(4, 4);

  for (const impl of ZSTD_IMPLS) {
    describe(`with ${impl}`, () => {
      const read = (b: Uint8Array) => readEpisodeBytes(b, { zstd: impl });
      it('reads every frame, skipping skippable frames', async () => {
        const half = Math.floor(tar.length / 2);
        const twoFrames = Buffer.concat([skippable, zstdCompress(tar.subarray(0, half)), zstdCompress(tar.subarray(half))]);
        const r = await read(twoFrames);
        expect(r.ok).toBe(true);
        if (r.ok) expect(asRows(r.rows.labels).rows).toHaveLength(4);
      });
      it('fails on truncation, trailing junk, a bad checksum, and an empty file', async () => {
        const flipped = Buffer.from(zst);
        flipped[flipped.length - 2]! ^= 1; // inside the content checksum
        for (const bad of [zst.subarray(0, zst.length - 7), Buffer.concat([zst, Buffer.from('JUNK')]), flipped, new Uint8Array(0)]) {
          const r = await read(bad);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.detail).toMatch(/^zstd: /);
        }
      });
      it('names corrupt block data and a checksum mismatch as libzstd does', async () => {
        const corrupt = Buffer.from(zst);
        corrupt[Math.floor(corrupt.length / 2)]! ^= 0x55; // inside the compressed block
        const r = await read(corrupt);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.detail).toMatch(/^zstd: decoding error: (Data corruption detected|Restored data doesn't match checksum)$/);
        const sum = Buffer.from(zst);
        sum[sum.length - 2]! ^= 1;
        const s = await read(sum);
        expect(s.ok ? '' : s.detail).toBe("zstd: decoding error: Restored data doesn't match checksum");
      });
      it('decodes frames larger than the one-call limit by streaming, with or without a declared size', async () => {
        const big = new Uint8Array(SYNC_FRAME_MAX_BYTES + 3 * 1024 * 1024).fill(0x61);
        const bigTar = buildTar([{ name: 'e/capture/big.bin', data: big }, ...base]);
        const declared = execFileSync('zstd', ['-q', '-1', '-c', `--stream-size=${bigTar.length}`], { input: bigTar, maxBuffer: 1 << 30 });
        const undeclared = zstdCompress(bigTar, 1);
        expect(zstdFrames(declared)[0]!.contentSize).toBe(BigInt(bigTar.length));
        expect(zstdFrames(undeclared)[0]!.contentSize).toBeNull();
        for (const z of [declared, undeclared]) {
          let total = 0;
          let largest = 0;
          await decompress(z, (c) => ((total += c.length), (largest = Math.max(largest, c.length))), impl);
          expect(total).toBe(bigTar.length);
          expect(largest).toBeLessThanOrEqual(SYNC_FRAME_MAX_BYTES);
          const r = await read(z);
          expect(r.ok).toBe(true);
        }
      });
      it('lends its reused buffers to one episode at a time: read in turn, at once, or around big ones, rows agree', async () => {
        // Episode k: its own proc rows, n of them (30,000 rows is ~3 MB, past the first scratch
        // buffer; 100,000 is ~10 MB, past what is kept between episodes).
        const episode = (k: number, n: number): Members => ({
          meta: GOOD_META,
          events: GOOD_EVENTS,
          labels: labels4(T0 + BigInt(k)),
          proc: jsonl(
            ...Array.from(
              { length: n },
              (_, i) =>
                `{"t_mono_ns": ${i * 1000 + k}, "t_wall_ns": ${T0 + BigInt(i) * 1_000_000_000n + BigInt(k)}, "cpu_user_jiffies": ${i * 7 + k}, "cpu_sys_jiffies": ${i}}`,
            ),
          ),
        });
        const sizes = [300, 30_000, 500, 100_000, 300, 2_000];
        const eps = sizes.map((n, k) => episode(k, n));
        const files = eps.map((m) => zstdCompress(buildTar(entriesOf(m)), 1));
        // rowsOf() parses the member texts with the exact parser and names members without their folder.
        const expected = eps.map((m) => {
          const r = rowsOf(m);
          for (const src of Object.values(r)) if (src?.member) src.member = `ep-test/${src.member}`;
          return r;
        });
        const rowsOfRead = async (z: Uint8Array) => {
          const r = await readEpisodeBytes(z, { zstd: impl });
          if (!r.ok) throw new Error(r.detail);
          // Members stored as columns, as the rows they hold.
          const rows = r.rows;
          return {
            ...rows,
            proc: asRows(rows.proc),
            labels: asRows(rows.labels),
            netflow: asRows(rows.netflow),
            qmp: asRows(rows.qmp),
            guest: asRows(rows.guest),
          };
        };
        const inTurn = [];
        for (const z of files) inTurn.push(await rowsOfRead(z));
        expect(inTurn).toEqual(expected);
        expect(await Promise.all(files.map(rowsOfRead))).toEqual(expected);
        // A failure between good reads leaves nothing behind that garbles the next one.
        const corrupt = Buffer.from(files[1]!);
        corrupt[Math.floor(corrupt.length / 2)]! ^= 0x55;
        const again = [];
        for (const z of files) {
          expect((await readEpisodeBytes(corrupt, { zstd: impl })).ok).toBe(false);
          again.push(await rowsOfRead(z));
        }
        expect(again).toEqual(expected);
      });
      it('reads gzip too, as the zstd command does, and refuses what follows its last member as the command does', async () => {
        const { gzipSync } = await import('node:zlib');
        const gz = gzipSync(tar);
        expect((await read(gz)).ok).toBe(true);
        expect((await read(Buffer.concat([gz, gzipSync(tar)]))).ok).toBe(true); // two members, one stream
        // Node's gunzip stops quietly at NUL bytes; `zstd -d` says "unknown header" (under 4 bytes) or "unsupported format".
        for (const [tail, word] of [
          [Buffer.alloc(2), 'unknown header'],
          [Buffer.alloc(512), 'unsupported format'],
        ] as const) {
          const r = await read(Buffer.concat([gz, tail]));
          expect(r.ok).toBe(false);
          expect(!r.ok && r.detail).toContain(word);
        }
        const z = spawnSync('zstd', ['-q', '-d', '--stdout'], { input: Buffer.concat([gz, Buffer.alloc(512)]) });
        expect(z.status).not.toBe(0);
      });
      it('stops at the episode size limit instead of exhausting memory', async () => {
        const r = await readEpisodeBytes(zst, { zstd: impl, limits: { maxMemberBytes: 1 << 20, maxEpisodeBytes: 1024 } });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.detail).toMatch(/size limit/);
      });
      it('decodes at most about one chunk past the episode limit, in one frame or several', async () => {
        const filler = (n: number): TarEntry => ({ name: `e/capture/${n}.bin`, data: new Uint8Array(1 << 20).fill(0x41 + n) });
        const bigTar = buildTar([...base, filler(0), filler(1), filler(2), filler(3)]);
        const third = Math.floor(bigTar.length / 3);
        const oneFrame = zstdCompress(bigTar, 1);
        const threeFrames = Buffer.concat(
          [0, 1, 2].map((k) => zstdCompress(bigTar.subarray(k * third, k === 2 ? bigTar.length : (k + 1) * third), 1)),
        );
        const limits = { maxMemberBytes: 1 << 20, maxEpisodeBytes: 1536 * 1024 };
        for (const z of [oneFrame, threeFrames]) {
          const r = await readEpisodeBytes(z, { zstd: impl, limits });
          expect(r.ok ? 'read' : r.detail).toMatch(/^size limit: decompressed episode exceeds/);
          expect(r.stats.decompressedBytes).toBeGreaterThan(limits.maxEpisodeBytes);
          expect(r.stats.decompressedBytes).toBeLessThanOrEqual(limits.maxEpisodeBytes + 256 * 1024);
        }
      });
    });
  }

  it('the WebAssembly decoder frees or reuses its memory after failures and successes alike', async () => {
    const decoder = newDecoderContext('wasm');
    const wasm = (await loadZstdWasm(decoder.wasm)).exports;
    const corrupt = Buffer.from(zst);
    corrupt[Math.floor(corrupt.length / 2)]! ^= 0x55;
    const truncated = zst.subarray(0, zst.length - 7);
    const run = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        // Failures of every kind (corrupt block, size limit, truncation) interleaved with good
        // reads: a decoder reused after a failure would garble the next episode.
        const bad = [corrupt, truncated][i % 2]!;
        expect((await readEpisodeBytes(bad, { decoder })).ok).toBe(false);
        expect((await readEpisodeBytes(zst, { decoder, limits: { maxMemberBytes: 1 << 20, maxEpisodeBytes: 1024 } })).ok).toBe(false);
        const good = await readEpisodeBytes(zst, { decoder });
        expect(good.ok && asRows(good.rows.labels).rows.length).toBe(4);
      }
    };
    await run(20);
    const settled = wasm.memory.buffer.byteLength;
    await run(300); // a leak of one decoder (its window alone is 128 KiB+) per run would grow the heap by tens of MB
    expect(wasm.memory.buffer.byteLength).toBe(settled);
  });

  it.skipIf(!nativeZstdAvailable())('the reused native decoder decodes and fails exactly as zstdDecompressSync does', async () => {
    const { zstdDecompressSync } = (await import('node:zlib')) as unknown as {
      zstdDecompressSync: (b: Uint8Array) => Buffer;
    };
    const digest = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
    // The oracle: the public one-call decode, frame by frame, after the same frame walk.
    const oracle = (z: Uint8Array): string => {
      let frames;
      try {
        frames = zstdFrames(z);
      } catch (e) {
        return (e as Error).message;
      }
      try {
        return digest(Buffer.concat(frames.map((f) => zstdDecompressSync(z.subarray(f.start, f.end)))));
      } catch (e) {
        return `decoding error: ${(e as Error).message}`;
      }
    };
    const ours = async (z: Uint8Array): Promise<string> => {
      const parts: Uint8Array[] = [];
      try {
        await decompress(z, (c) => void parts.push(c), 'native');
      } catch (e) {
        if (e instanceof ZstdError) return e.message;
        throw e;
      }
      return digest(Buffer.concat(parts));
    };
    // 5 MB in one frame without a declared size: the output outgrows the first scratch buffer.
    const noise = Buffer.from(Array.from({ length: 5 << 20 }, (_, i) => (i * 2654435761) >>> 27));
    const bigTar = buildTar([...base, { name: 'e/capture/n.bin', data: noise }]);
    const half = Math.floor(tar.length / 2);
    const goods = [zst, zstdCompress(bigTar, 1), Buffer.concat([zstdCompress(tar.subarray(0, half)), zstdCompress(tar.subarray(half))])];
    for (const good of goods) {
      expect(await ours(good)).toBe(oracle(good));
      const step = Math.max(1, Math.floor(good.length / 120));
      for (let at = 0; at < good.length; at += step) {
        const bad = Buffer.from(good);
        bad[at]! ^= 0x5a;
        expect(await ours(bad), `byte ${at} flipped`).toBe(oracle(bad));
        // After a failure the next decode must not inherit the failed context.
        expect(await ours(good)).toBe(oracle(good));
      }
      for (const cut of [1, 5, 9, Math.floor(good.length / 2)]) {
        const short = good.subarray(0, good.length - cut);
        expect(await ours(short), `${cut} bytes cut`).toBe(oracle(short));
      }
    }
    // Frames whose window is too large to keep the decoder for (freed after use), then usual ones.
    const longWindow = execFileSync('zstd', ['-q', '-c', '--long=27'], { input: tar });
    const singleSegment = execFileSync('zstd', ['-q', '-c', `--stream-size=${tar.length}`], { input: tar });
    for (const z of [longWindow, zst, singleSegment, zst]) expect(await ours(z)).toBe(oracle(z));
  });

  it("reads each frame's window size from its header", () => {
    const data = Buffer.alloc(300_000, 'abcdefgh');
    const windowOf = (...args: string[]) => zstdFrames(execFileSync('zstd', ['-q', '-c', ...args], { input: data }))[0]!.windowSize;
    expect(windowOf('-3')).toBe(2 * 1024 * 1024);
    expect(windowOf('-19')).toBe(8 * 1024 * 1024);
    expect(windowOf('--long=27')).toBe(128 * 1024 * 1024);
    expect(windowOf(`--stream-size=${data.length}`)).toBe(data.length); // single segment: the content
  });

  it("loads the WebAssembly decoder without loading Node's HTTP client, and leaves fetch as it was", () => {
    // A fresh process: the module is loaded once per thread, and this one may have used fetch.
    const code = `
      const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
      const { loadZstdWasm } = await import(${JSON.stringify(path.join(REPO, 'src/episode/zstd-wasm.ts'))});
      const x = (await loadZstdWasm()).exports;
      const after = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
      console.log(JSON.stringify({
        decoder: typeof x.ZSTD_decompressStream,
        undici: process.moduleLoadList.some((m) => m.includes('undici')),
        fetch: ['value', 'writable', 'enumerable', 'configurable'].every((k) => after[k] === before[k]),
        works: typeof (await fetch('data:text/plain,ok')).text,
      }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ decoder: 'function', undici: false, fetch: true, works: 'function' });
  });

  it('the WebAssembly decoder does not keep a heap grown for a large window', async () => {
    const longWindow = execFileSync('zstd', ['-q', '-c', '--long=27'], { input: tar });
    const decoder = newDecoderContext('wasm');
    const other = newDecoderContext('wasm');
    const used = await loadZstdWasm(decoder.wasm);
    const others = await loadZstdWasm(other.wasm);
    const r = await readEpisodeBytes(longWindow, { decoder });
    expect(r.ok && asRows(r.rows.labels).rows.length).toBe(4);
    expect(used.exports.memory.buffer.byteLength).toBeGreaterThan(128 * 1024 * 1024); // libzstd grew it for the window
    const next = await loadZstdWasm(decoder.wasm);
    expect(next).not.toBe(used);
    expect(next.exports.memory.buffer.byteLength).toBeLessThanOrEqual(32 * 1024 * 1024);
    // The fresh instance decodes, and is kept after usual episodes.
    const good = await readEpisodeBytes(zst, { decoder });
    expect(good.ok && asRows(good.rows.labels).rows.length).toBe(4);
    expect(await loadZstdWasm(decoder.wasm)).toBe(next);
    // Another context of the thread kept its own instance throughout.
    expect(await loadZstdWasm(other.wasm)).toBe(others);
  });

  it('gives each decoder context its own WebAssembly instance and idle decoding context', async () => {
    const a = newDecoderContext('wasm');
    const b = newDecoderContext('wasm');
    for (const decoder of [a, b, a, b]) expect((await readEpisodeBytes(zst, { decoder })).ok).toBe(true);
    const [ia, ib] = [await loadZstdWasm(a.wasm), await loadZstdWasm(b.wasm)];
    expect(ia.exports.memory).not.toBe(ib.exports.memory);
    expect(ia.idle).not.toBeNull(); // kept for the context's next episode
    expect(ib.idle).not.toBeNull();
    expect(ia.idle).not.toBe(ib.idle);
  });

  it('walks frame headers without decoding', () => {
    expect(zstdFrames(zst)).toHaveLength(1);
    expect(() => zstdFrames(zst.subarray(0, 20))).toThrow(/unexpected end/);
  });
});

describe('the tarball digest', () => {
  it('is the sha256 of the bytes classified, and left out (null) with digest: false, the rows alike', async () => {
    const { readEpisode } = await import('../../src/episode/read.js');
    const { writeFileSync } = await import('node:fs');
    const file = path.join(tempDir('episode-gate-digest-'), 'ep.tar.zst');
    const bytes = zstdCompress(buildTar(base));
    writeFileSync(file, bytes);
    const hashed = await readEpisode(file);
    const plain = await readEpisode(file, { digest: false });
    expect(hashed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(plain.sha256).toBeNull();
    expect(hashed.ok && plain.ok).toBe(true);
    if (hashed.ok && plain.ok) expect(plain.rows).toEqual(hashed.rows);
  });
});
