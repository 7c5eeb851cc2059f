import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, unreadableVerdict } from '../../src/classifier/classify.js';
import { ALL_REASONS, DEFAULT_CLASSIFIER_SETTINGS, type Verdict } from '../../src/classifier/types.js';
import { readEpisodeBytes, type ReaderLimits } from '../../src/episode/read.js';
import { buildTar, zstdCompress, type TarEntry } from '../../tools/lib/tarball.js';
import { FIXTURES, ZSTD_IMPLS } from '../support/helpers.js';

const LIMITS: ReaderLimits = { maxMemberBytes: 1024 * 1024, maxEpisodeBytes: 4 * 1024 * 1024 };

/** The decompressed tar of a committed fixture. */
const tarOf = (rel: string): Uint8Array =>
  execFileSync('zstd', ['-q', '-d', '-c', path.join(FIXTURES, 'episodes', rel)], { maxBuffer: 1 << 28 });
const SOURCES = [tarOf('lab-a/ep-rescued-by-netflow.tar.zst'), tarOf('lab-a/ep-flat-everywhere.tar.zst')];
const ZSTS = [readFileSync(path.join(FIXTURES, 'episodes/lab-a/ep-rescued-by-netflow.tar.zst'))];

async function judge(zst: Uint8Array, impl: (typeof ZSTD_IMPLS)[number]): Promise<{ verdict: Verdict; decompressed: number }> {
  const r = await readEpisodeBytes(zst, { zstd: impl, limits: LIMITS });
  const verdict = r.ok ? classify(r.rows, DEFAULT_CLASSIFIER_SETTINGS) : unreadableVerdict(r.detail);
  return { verdict, decompressed: r.stats.decompressedBytes };
}

function assertWellFormed(v: Verdict, decompressed: number): void {
  for (const r of v.reasons) expect(ALL_REASONS).toContain(r);
  if (v.reasons.includes('unreadable')) {
    expect(v.reasons).toEqual(['unreadable']);
    expect(v.unreadable).toMatch(/^[^\n]+$/);
  } else {
    expect(v.unreadable).toBeNull();
  }
  // The reader stops within one decompressed chunk of the episode limit.
  expect(decompressed).toBeLessThanOrEqual(LIMITS.maxEpisodeBytes + 256 * 1024);
}

/** Split a tar into entries again (ustar only: the fixtures are ustar). */
function entriesOf(tar: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let p = 0;
  while (p + 512 <= tar.length && tar[p] !== 0) {
    const h = tar.subarray(p, p + 512);
    const name = Buffer.from(h.subarray(0, 100)).toString().replace(/\0.*$/s, '');
    const size = parseInt(Buffer.from(h.subarray(124, 136)).toString().replace(/\0.*$/s, ''), 8);
    out.push({ name, data: tar.slice(p + 512, p + 512 + size) });
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

const HOSTILE = [
  'null',
  '"x"',
  '[]',
  '{}',
  'NaN',
  '-Infinity',
  '1e999',
  '99999999999999999999999',
  '"\\ud800"',
  'true',
  '[[[[1]]]]',
  '"0"',
];

for (const impl of ZSTD_IMPLS) {
  describe(`mutated episodes never break the reader or classifier (${impl})`, () => {
    it('survives bit flips and truncations of the decompressed tar', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: SOURCES.length - 1 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { maxLength: 6 }),
          fc.option(fc.nat(), { nil: undefined }),
          async (src, flips, cut) => {
            const t = Buffer.from(SOURCES[src]!);
            for (const [at, bit] of flips) t[at % t.length]! ^= 1 << bit;
            const body = cut === undefined ? t : t.subarray(0, cut % t.length);
            const { verdict, decompressed } = await judge(zstdCompress(body, 1), impl);
            assertWellFormed(verdict, decompressed);
          },
        ),
        { numRuns: 60 },
      );
    });
    it('survives bit flips and truncations of the compressed file', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { maxLength: 4 }),
          fc.option(fc.nat(), { nil: undefined }),
          async (flips, cut) => {
            const z = Buffer.from(ZSTS[0]!);
            for (const [at, bit] of flips) z[at % z.length]! ^= 1 << bit;
            const { verdict, decompressed } = await judge(cut === undefined ? z : z.subarray(0, cut % z.length), impl);
            assertWellFormed(verdict, decompressed);
            if (flips.length === 0 && cut === undefined) expect(verdict.reasons).toEqual([]);
          },
        ),
        { numRuns: 80 },
      );
    });
    it('survives inserted, renamed, duplicated and oversized members and hostile JSON values', async () => {
      const base = entriesOf(SOURCES[0]!);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              fc.record({
                kind: fc.constant('rename' as const),
                i: fc.nat(),
                to: fc.constantFrom('meta.json', 'events.jsonl', 'labels.jsonl', 'x.txt', 'netflow.jsonl'),
              }),
              fc.record({
                kind: fc.constant('insert' as const),
                i: fc.nat(),
                name: fc.constantFrom('a/labels.jsonl', 'b/meta.json', 'c/telemetry-qmp.jsonl'),
                body: fc.string(),
              }),
              fc.record({ kind: fc.constant('value' as const), i: fc.nat(), v: fc.constantFrom(...HOSTILE) }),
              fc.record({ kind: fc.constant('big' as const), i: fc.nat() }),
            ),
            { maxLength: 4 },
          ),
          async (ops) => {
            let es = base.map((e) => ({ ...e }));
            for (const op of ops) {
              const i = op.i % es.length;
              if (op.kind === 'rename') es[i] = { ...es[i]!, name: `ep/${op.to}` };
              else if (op.kind === 'insert') es.splice(i, 0, { name: op.name, data: op.body });
              else if (op.kind === 'big')
                es.splice(i, 0, { name: 'ep/telemetry-guest.jsonl', data: new Uint8Array(LIMITS.maxMemberBytes + 1).fill(0x20) });
              else {
                const text = Buffer.from(es[i]!.data as Uint8Array).toString();
                es[i] = { ...es[i]!, data: text.replace(/: (-?\d+|"[^"]*")/, `: ${op.v}`) };
              }
            }
            es = es.filter((e) => e.data !== undefined);
            const { verdict, decompressed } = await judge(zstdCompress(buildTar(es), 1), impl);
            assertWellFormed(verdict, decompressed);
            if (ops.some((o) => o.kind === 'big')) {
              // An oversized member is unreadable only if it is the one selected for its suffix.
              if (verdict.reasons.includes('unreadable')) expect(verdict.unreadable).toBeTruthy();
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
