/**
 * The floor's JSON validation, measured: simdjson (the fastest validating JSON parser) parsing the
 * episodes' JSON Lines members on this machine, single-threaded, median of several passes. The
 * issue's floor (0.61 ms per episode) counts "simdjson-class validation" (0.31 ms there); without
 * this the benchmark's floor would leave JSON out. Needs g++ and simdjson's sources, fetched once
 * with `npm pack simdjson@SIMDJSON_NPM` into the cache (the npm package ships the amalgamated
 * simdjson.h/.cpp); without either the bench says so and measures the floor without it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMBER_SUFFIXES, readWhole } from '../../src/episode/read.js';
import { TarReader } from '../../src/episode/tar.js';
import { decompress, newZstdScratch } from '../../src/episode/zstd.js';
import { newDecoderContext } from '../../src/episode/decoder-context.js';

const SIMDJSON_NPM = '0.9.2'; // simdjson 0.9.1, the last npm release of the binding
const here = path.dirname(fileURLToPath(import.meta.url));

export type JsonFloor = { ok: true; msPerEpisode: number; documents: number; implementation: string } | { ok: false; why: string };

function run(cmd: string, args: string[], cwd?: string): { ok: boolean; out: string } {
  const p = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: p.status === 0, out: `${p.stdout ?? ''}${p.stderr ?? ''}`.trim() };
}

/** The validator binary in `cache`, built once; a reason when it cannot be. */
function build(cache: string): { bin: string } | { why: string } {
  const dir = path.join(cache, `json-floor-simdjson-${SIMDJSON_NPM}`);
  const bin = path.join(dir, 'json-floor');
  const source = path.join(here, 'json-floor.cpp');
  if (existsSync(bin) && statSync(bin).mtimeMs >= statSync(source).mtimeMs) return { bin };
  if (!run('g++', ['--version']).ok) return { why: 'g++ not found (Debian: apt-get install -y g++)' };
  mkdirSync(dir, { recursive: true });
  const src = path.join(dir, 'package/simdjson/src');
  if (!existsSync(path.join(src, 'simdjson.cpp'))) {
    const pack = run('npm', ['pack', `simdjson@${SIMDJSON_NPM}`, '--silent', '--pack-destination', dir]);
    const tgz = path.join(dir, `simdjson-${SIMDJSON_NPM}.tgz`);
    if (!pack.ok || !existsSync(tgz)) return { why: `npm pack simdjson@${SIMDJSON_NPM} failed: ${pack.out.split('\n').pop()}` };
    const untar = run('tar', ['-xzf', tgz, '-C', dir]);
    rmSync(tgz, { force: true });
    if (!untar.ok || !existsSync(path.join(src, 'simdjson.cpp'))) return { why: `the simdjson package has no simdjson.cpp (${untar.out})` };
  }
  process.stderr.write('bench: building the simdjson validator for the floor (once)\n');
  const cc = run('g++', ['-O3', '-march=native', '-std=c++17', '-I', src, '-o', bin, source, path.join(src, 'simdjson.cpp')]);
  return cc.ok ? { bin } : { why: `g++ failed: ${cc.out.split('\n').slice(0, 2).join(' ')}` };
}

/** simdjson's ms per episode on the JSON Lines members of `tarballs`. */
export async function measureJsonFloor(cache: string, tarballs: string[], iterations = 9): Promise<JsonFloor> {
  const b = build(cache);
  if ('why' in b) return { ok: false, why: b.why };
  // The members as the reader selects them, concatenated into one JSON Lines file.
  const file = path.join(cache, `json-floor-input-${process.pid}.jsonl`);
  const fd = openSync(file, 'w');
  try {
    const decoder = newDecoderContext();
    let input: Buffer = Buffer.allocUnsafe(1 << 20);
    for (const t of tarballs) {
      const read = readWhole(t, input);
      input = read.buf;
      const tar = new TarReader({ suffixes: MEMBER_SUFFIXES, maxMemberBytes: 1 << 28 });
      await decompress(read.file, (c) => tar.push(c), decoder, Infinity, newZstdScratch());
      tar.end();
      for (const [suffix, m] of tar.result()) {
        if (!suffix.endsWith('.jsonl')) continue;
        writeSync(fd, m.data);
        if (m.data.length > 0 && m.data[m.data.length - 1] !== 0x0a) writeSync(fd, '\n');
      }
    }
  } finally {
    closeSync(fd);
  }
  try {
    const r = run(b.bin, [file, String(tarballs.length), String(iterations)]);
    const m = /^([\d.]+) (\d+) (\S+)/.exec(r.out);
    if (!r.ok || !m) return { ok: false, why: `the simdjson validator failed: ${r.out.split('\n').pop()}` };
    return { ok: true, msPerEpisode: Number(m[1]), documents: Number(m[2]), implementation: m[3]! };
  } finally {
    rmSync(file, { force: true });
  }
}
