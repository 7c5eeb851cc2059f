/**
 * The worker pool, run for real: the bundled worker (dist/scan-worker.js) and small
 * stand-in workers that crash, hang or fail to start on cue.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER_SETTINGS } from '../../src/classifier/types.js';
import { WorkerPool, bundledWorkerFile, createEpisodeRunner } from '../../src/dataset/pool.js';
import { inProcessRunner, scanDataset, type ScanOptions } from '../../src/dataset/scan.js';
import type { EpisodeJobOptions } from '../../src/episode/classify-file.js';
import { DEFAULT_LIMITS } from '../../src/episode/read.js';

const repo = path.resolve(__dirname, '../..');
const dataset = path.join(repo, 'fixtures/dataset');
const job: EpisodeJobOptions = { settings: { ...DEFAULT_CLASSIFIER_SETTINGS }, limits: { ...DEFAULT_LIMITS } };
const scanOpts: ScanOptions = {
  indexPath: path.join(dataset, 'index.jsonl'),
  episodesRoot: path.join(dataset, 'episodes'),
  settings: job.settings,
  limits: job.limits,
};
let tmp = '';

/** A stand-in worker speaking the pool's protocol; behaviour chosen by the episode path. */
const FAKE_WORKER = `
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, tarPath }) => {
  if (tarPath.endsWith('.fifo')) readFileSync(tarPath); // blocks in open() until a writer comes
  if (tarPath.includes('crash')) throw new Error('boom in ' + tarPath);
  if (tarPath.includes('exit')) process.exit(7);
  if (tarPath.includes('hang')) for (;;);
  const delay = tarPath.includes('slow') ? 300 : 5;
  setTimeout(() => parentPort.postMessage({ id, result: {
    verdict: { reasons: [], sampleJson: JSON.stringify(tarPath), moduleJson: null, unreadable: null, evidence: null },
    stats: { compressedBytes: 1, decompressedBytes: 2, jsonBytes: 3 } } }), delay);
});
parentPort.postMessage({ ready: true });
`;

beforeAll(() => {
  // test/support/build-dist.ts rebuilds dist/ when src/ is newer; build here only if the worker is missing.
  if (!existsSync(path.join(repo, 'dist/scan-worker.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'pipe' });
  tmp = mkdtempSync(path.join(tmpdir(), 'episode-gate-pool-'));
  writeFileSync(path.join(tmp, 'fake-worker.mjs'), FAKE_WORKER);
  writeFileSync(path.join(tmp, 'broken-worker.mjs'), "throw new Error('cannot load');\n");
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('choosing a runner', () => {
  it('falls back to the in-process runner when running from the TypeScript sources', () => {
    expect(bundledWorkerFile()).toBeNull();
    expect(createEpisodeRunner({ jobs: 2, job })).not.toBeInstanceOf(WorkerPool);
  });

  it('uses the pool when given a worker script', async () => {
    const r = createEpisodeRunner({ jobs: 1, job, workerFile: path.join(repo, 'dist/scan-worker.js') });
    expect(r).toBeInstanceOf(WorkerPool);
    await r.close();
  });
});

describe('the bundled worker pool', () => {
  it('gives the same verdicts, in index order, as the in-process runner', async () => {
    const inProc = await scanDataset(scanOpts, inProcessRunner(job));
    for (const jobs of [1, 3]) {
      const pool = new WorkerPool({ jobs, job, workerFile: path.join(repo, 'dist/scan-worker.js') });
      try {
        const pooled = await scanDataset({ ...scanOpts, jobs }, pool);
        expect(pooled.episodes.map((e) => [e.line, e.host, e.episode])).toEqual(inProc.episodes.map((e) => [e.line, e.host, e.episode]));
        expect(pooled.episodes.map((e) => e.verdict)).toEqual(inProc.episodes.map((e) => e.verdict));
        expect(pooled.totals.jsonBytes).toBe(inProc.totals.jsonBytes);
      } finally {
        await pool.close();
      }
    }
  });

  it('keeps only the verdict and its evidence per episode (a few KB, no rows)', async () => {
    const scan = await scanDataset(scanOpts, inProcessRunner(job));
    for (const e of scan.episodes) expect(JSON.stringify(e).length).toBeLessThan(4096);
  });
});

describe('one bad or slow episode never stalls or loses the others', () => {
  const fake = (): string => path.join(tmp, 'fake-worker.mjs');

  it('returns every result even when completion order differs', async () => {
    const pool = new WorkerPool({ jobs: 2, job, workerFile: fake(), perWorker: 2 });
    try {
      const paths = ['a-slow', 'b', 'c', 'd-slow', 'e', 'f'];
      const results = await Promise.all(paths.map((p) => pool.run(p)));
      expect(results.map((r) => JSON.parse(r.verdict.sampleJson!))).toEqual(paths);
    } finally {
      await pool.close();
    }
  });

  it('flags only the episode whose worker crashed, replaces the worker, and goes on', async () => {
    const pool = new WorkerPool({ jobs: 2, job, workerFile: fake(), perWorker: 2 });
    try {
      const paths = ['ok-1', 'crash-1', 'ok-2', 'exit-1', 'ok-3', 'ok-4', 'ok-5'];
      const results = await Promise.all(paths.map((p) => pool.run(p)));
      const flagged = results.map((r, i) => [paths[i], r.verdict.reasons.join(), r.verdict.unreadable]);
      expect(flagged.filter(([, reasons]) => reasons === 'unreadable').map(([p]) => p)).toEqual(['crash-1', 'exit-1']);
      expect(results[1]!.verdict.unreadable).toMatch(/^internal error: the worker classifying it died \(Error: boom in crash-1\)$/);
      expect(results[3]!.verdict.unreadable).toMatch(/exit code 7/);
      for (const r of results) expect(r.verdict.unreadable ?? '').not.toMatch(/\n/);
    } finally {
      await pool.close();
    }
  });

  it('stops an episode that runs past the timeout and flags only it', async () => {
    for (const perWorker of [1, 2]) {
      const pool = new WorkerPool({ jobs: 1, job, workerFile: fake(), timeoutMs: 400, perWorker });
      try {
        const results = await Promise.all(['before', 'hang-1', 'after'].map((p) => pool.run(p)));
        expect(results.map((r) => r.verdict.reasons.join())).toEqual(['', 'unreadable', '']);
        expect(results[1]!.verdict.unreadable).toMatch(/still running after 0.4 s; stopped/);
      } finally {
        await pool.close();
      }
    }
  });

  it('replaces a worker stuck in a system call at once, and closes without waiting for it', async () => {
    const fifo = path.join(tmp, 'stuck.fifo');
    execFileSync('mkfifo', [fifo]);
    const pool = new WorkerPool({ jobs: 1, job, workerFile: fake(), timeoutMs: 400 });
    try {
      const results = await Promise.all([fifo, 'after-1', 'after-2'].map((p) => pool.run(p)));
      expect(results.map((r) => r.verdict.reasons.join())).toEqual(['unreadable', '', '']);
      expect(results[0]!.verdict.unreadable).toMatch(/still running after 0.4 s; stopped/);
      const started = performance.now();
      await pool.close();
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      // Let the stuck thread's open() return, so this test process can exit.
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    }
  });

  it('fails the scan with one clear line when workers cannot start at all', async () => {
    const pool = new WorkerPool({ jobs: 2, job, workerFile: path.join(tmp, 'broken-worker.mjs') });
    try {
      await expect(pool.run('x')).rejects.toThrow(/^worker threads cannot start \(Error: cannot load\)$/);
    } finally {
      await pool.close();
    }
  });
});

describe('cis490-prune --jobs through the bundle', () => {
  const cli = (...args: string[]): string => {
    try {
      return execFileSync(process.execPath, [path.join(repo, 'dist/cis490-prune.js'), ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      if (err.status !== 1) throw new Error(`exit ${err.status}: ${err.stderr}`);
      return err.stdout;
    }
  };
  const base = ['--episodes-root', scanOpts.episodesRoot, '--index', scanOpts.indexPath, '--json'];

  it('prints the same report whatever the number of worker threads', () => {
    const one = cli(...base, '--jobs', '1');
    expect(JSON.parse(one).scanned).toBeGreaterThan(30);
    expect(cli(...base, '--jobs', '4')).toBe(one);
    expect(cli(...base)).toBe(one);
  });
});
