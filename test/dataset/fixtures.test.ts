import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER_SETTINGS } from '../../src/classifier/types.js';
import { scanDataset, type ScanResult } from '../../src/dataset/scan.js';
import { DEFAULT_LIMITS } from '../../src/episode/read.js';
import { FIXTURES, ZSTD_IMPLS } from '../support/helpers.js';

/** The verdict each named fixture pins (see fixtures/generate.ts for how each is built). */
const EXPECTED: Record<string, string[]> = {
  'lab-a/ep-rescued-by-netflow': [],
  'lab-a/ep-flat-everywhere': ['flat-cpu', 'workload-silent'],
  'lab-a/ep-rescued-by-qmp': [],
  'lab-a/ep-qmp-cumulative-no-delta': ['flat-cpu'],
  'lab-a/ep-rescued-by-guest': [],
  'lab-a/ep-netflow-other-clock': [],
  'lab-a/ep-wall-boundary-1ns': ['flat-cpu'],
  'lab-a/ep-no-sample': ['no-sample'],
  'lab-a/ep-early-broken': ['no-sample', 'no-workload-events'],
  'lab-a/ep-workload-failed': ['workload-failed'],
  'lab-a/ep-no-labels': [],
  'lab-a/ep-single-phase': ['flat-cpu'],
  'lab-a/ep-probe-silent-but-signal': [],
  'lab-a/ep-first-events-member-wins': ['no-workload-events'],
  'lab-a/ep-symlink-and-dir-skipped': ['flat-cpu'],
  'lab-b/ep-pax-long-names': ['flat-cpu', 'workload-silent'],
  'lab-b/ep-gnu-long-names': ['flat-cpu'],
  'lab-b/ep-crlf-and-blank-lines': ['flat-cpu'],
  'lab-b/ep-capture-member-skipped': [],
  'lab-b/ep-proc-only-flat': ['flat-cpu'],
  'lab-b/ep-no-telemetry': [],
  'lab-b/ep-unsorted-labels': [],
  'lab-c/ep-truncated-zstd': ['unreadable'],
  'lab-c/ep-not-a-tar': ['unreadable'],
  'lab-c/ep-truncated-tar': ['unreadable'],
  'lab-c/ep-bad-json-line': ['unreadable'],
  'lab-c/ep-null-jiffies': ['unreadable'],
  'lab-c/ep-missing-t-mono': ['unreadable'],
  'lab-c/ep-meta-not-object': ['unreadable'],
  'lab-c/ep-meta-invalid-utf8': ['unreadable'],
  'lab-c/ep-labels-row-not-object': ['unreadable'],
  'lab-a/ep-shared-id': ['flat-cpu', 'workload-silent'],
  'lab-b/ep-shared-id': [],
  'lab-b/ep-kept-cpu-burn': [],
  'lab-b/ep-no-netflow-member': [],
  'lab-a/ep-tar-exactly-320k': [],
  'lab-b/ep-tar-exactly-640k': [],
  'lab-a/ep-tar-exactly-1m': ['flat-cpu', 'workload-silent'],
  'lab-b/ep-tar-exactly-2m': [],
};

/** Fixtures whose tar is exactly k x 64 KiB, 128 KiB or 1 MiB (a decoder's output buffer, filled to the end). */
const EXACT_TAR_BYTES: Record<string, number> = {
  'lab-a/ep-tar-exactly-320k': 5 * 64 * 1024,
  'lab-b/ep-tar-exactly-640k': 5 * 128 * 1024,
  'lab-a/ep-tar-exactly-1m': 1024 * 1024,
  'lab-b/ep-tar-exactly-2m': 2 * 1024 * 1024,
};

const scans = new Map<string, ScanResult>();
async function scan(impl: (typeof ZSTD_IMPLS)[number]): Promise<ScanResult> {
  if (!scans.has(impl)) {
    scans.set(
      impl,
      await scanDataset({
        indexPath: path.join(FIXTURES, 'index.jsonl'),
        episodesRoot: path.join(FIXTURES, 'episodes'),
        settings: { ...DEFAULT_CLASSIFIER_SETTINGS },
        limits: { ...DEFAULT_LIMITS },
        zstd: impl,
      }),
    );
  }
  return scans.get(impl)!;
}

describe('the fixtures whose tar fills a decoder buffer exactly', () => {
  it('hold tars of exactly those sizes, as the zstd command decodes them', () => {
    const sizes = Object.keys(EXACT_TAR_BYTES).map((key) => {
      const tar = execFileSync('zstd', ['-q', '-d', '-c', path.join(FIXTURES, 'episodes', `${key}.tar.zst`)], { maxBuffer: 1 << 26 });
      return [key, tar.length];
    });
    expect(Object.fromEntries(sizes)).toEqual(EXACT_TAR_BYTES);
  });
});

for (const impl of ZSTD_IMPLS) {
  describe(`the committed fixtures (${impl} zstd)`, () => {
    it.each(Object.entries(EXPECTED))('%s -> %j', async (key, reasons) => {
      const s = await scan(impl);
      const got = s.episodes.find((e) => `${e.host}/${e.episode}` === key);
      expect(got, `${key} was scanned`).toBeDefined();
      expect(got!.verdict.reasons).toEqual(reasons);
      if (reasons.includes('unreadable')) expect(got!.verdict.unreadable).toMatch(/\S/);
    });

    it('scans every listed tarball once, in index order, and reports what it skipped', async () => {
      const s = await scan(impl);
      expect(s.episodes.map((e) => `${e.host}/${e.episode}`)).toEqual(Object.keys(EXPECTED));
      expect(s.missing.map((m) => `${m.host}/${m.episode}`)).toEqual(['lab-a/ep-deleted-by-hand']);
      expect(s.problems.map((p) => p.kind)).toEqual(['not-json', 'not-an-object', 'missing-id', 'missing-id', 'unsafe-id']);
    });

    it('explains the pinned boundary: /proc flat, netflow decides', async () => {
      const s = await scan(impl);
      const rescued = s.episodes.find((e) => e.host === 'lab-a' && e.episode === 'ep-rescued-by-netflow')!.verdict.evidence!.sources!;
      expect(rescued.proc.status).toBe('flat');
      expect(rescued.netflow.status).toBe('signal');
      expect(rescued.netflow.why).toMatch(/^netflow spread .* >= 50\.0 KiB$/);
      const flat = s.episodes.find((e) => e.host === 'lab-a' && e.episode === 'ep-flat-everywhere')!.verdict.evidence!;
      expect(Object.values(flat.sources!).map((x) => x.status)).toEqual(['flat', 'flat', 'flat', 'flat']);
      expect(flat.probe).toBe('silent');
    });
  });
}

describe('each scanned episode carries the sha256 of its tarball', () => {
  it('equals the digest of the file on disk, read separately', async () => {
    const s = await scan(ZSTD_IMPLS[0]!);
    for (const e of s.episodes) {
      expect(e.sha256, `${e.host}/${e.episode}`).toBe(createHash('sha256').update(readFileSync(e.tarPath)).digest('hex'));
    }
  });

  it('changes when a tarball is rewritten in place at the same size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'digest-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      const tar = path.join(dir, 'episodes', 'lab-a', 'ep-rescued-by-netflow.tar.zst');
      const opts = {
        indexPath: path.join(dir, 'index.jsonl'),
        episodesRoot: path.join(dir, 'episodes'),
        settings: { ...DEFAULT_CLASSIFIER_SETTINGS },
        limits: { ...DEFAULT_LIMITS },
      };
      const before = (await scanDataset(opts)).episodes.find((e) => e.tarPath === tar)!;
      const bytes = readFileSync(tar);
      bytes[bytes.length - 1] ^= 0xff;
      writeFileSync(tar, bytes);
      const after = (await scanDataset(opts)).episodes.find((e) => e.tarPath === tar)!;
      expect(after.sizeBytes).toBe(before.sizeBytes);
      expect(after.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(after.sha256).not.toBe(before.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
