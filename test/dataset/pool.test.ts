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
import { Worker } from 'node:worker_threads';
import {
  BYTES_PER_EXTRA_WORKER,
  MAIN_ONLY_BYTES,
  WorkerPool,
  plannedWorkers,
  bundledWorkerFile,
  createEpisodeRunner,
  type WorkerReady,
  type WorkerReply,
  type WorkerRequest,
} from '../../src/dataset/pool.js';
import { inProcessRunner, scanDataset, type ScanOptions } from '../../src/dataset/scan.js';
import type { EpisodeJobOptions, EpisodeJobResult } from '../../src/episode/classify-file.js';
import { DEFAULT_LIMITS } from '../../src/episode/read.js';
import { defaultZstdImpl } from '../../src/episode/zstd.js';

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
parentPort.on('message', ({ jobs }) => jobs.forEach(({ id, tarPath }) => {
  if (tarPath.endsWith('.fifo')) readFileSync(tarPath); // blocks in open() until a writer comes
  if (tarPath.includes('crash')) throw new Error('boom in ' + tarPath);
  if (tarPath.includes('exit')) process.exit(7);
  if (tarPath.includes('hang')) for (;;);
  const delay = tarPath.includes('slow') ? 300 : 5;
  setTimeout(() => parentPort.postMessage({ results: [{ id, result: {
    verdict: { reasons: [], sampleJson: JSON.stringify(tarPath), moduleJson: null, unreadable: null, evidence: null },
    stats: { compressedBytes: 1, decompressedBytes: 2, jsonBytes: 3 } } }] }), delay);
}));
parentPort.postMessage({ ready: true });
`;

/** A stand-in worker that takes 400 ms to say it is ready. */
const SLOW_START_WORKER = `
import { parentPort } from 'node:worker_threads';
setTimeout(() => parentPort.postMessage({ ready: true }), 400);
`;

/** A stand-in worker that answers after 200 ms with its thread id (in moduleJson). */
const THREAD_WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ jobs }) => jobs.forEach(({ id, tarPath }) => setTimeout(() => parentPort.postMessage({ results: [{ id, result: {
  verdict: { reasons: [], sampleJson: JSON.stringify(tarPath), moduleJson: String(threadId), unreadable: null, evidence: null },
  stats: { compressedBytes: 1, decompressedBytes: 2, jsonBytes: 3 } } }] }), 200)));
parentPort.postMessage({ ready: true });
`;

beforeAll(() => {
  // test/support/build-dist.ts rebuilds dist/ when src/ is newer; build here only if the worker is missing.
  if (!existsSync(path.join(repo, 'dist/scan-worker.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'pipe' });
  tmp = mkdtempSync(path.join(tmpdir(), 'episode-gate-pool-'));
  writeFileSync(path.join(tmp, 'fake-worker.mjs'), FAKE_WORKER);
  writeFileSync(path.join(tmp, 'broken-worker.mjs'), "throw new Error('cannot load');\n");
  writeFileSync(path.join(tmp, 'thread-worker.mjs'), THREAD_WORKER);
  writeFileSync(path.join(tmp, 'slow-start-worker.mjs'), SLOW_START_WORKER);
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

/** A verdict that names its episode (sample) and the thread that gave it (module). */
const answer = (tarPath: string, by: string): EpisodeJobResult => ({
  verdict: { reasons: [], sampleJson: JSON.stringify(tarPath), moduleJson: JSON.stringify(by), unreadable: null, evidence: null },
  stats: { compressedBytes: 1, decompressedBytes: 2, jsonBytes: 3 },
  sha256: null,
});

/**
 * A main-thread classifier that notes the episodes it takes and holds ep-0 until release() (called
 * once a worker has answered: it has loaded by then); each episode takes at least `ms`.
 */
function heldMainThread(ms = 0): { taken: string[]; release: () => void; mainThread: { run: (p: string) => Promise<EpisodeJobResult> } } {
  const taken: string[] = [];
  let release = (): void => {};
  const firstHeld = new Promise<void>((r) => (release = r));
  return {
    taken,
    release: () => release(),
    mainThread: {
      run: async (p: string): Promise<EpisodeJobResult> => {
        taken.push(p);
        if (p === 'ep-0') await firstHeld;
        if (ms > 0) await new Promise((r) => setTimeout(r, ms));
        return answer(p, 'main');
      },
    },
  };
}

describe('the main thread classifies while the workers start', () => {
  const fake = (): string => path.join(tmp, 'fake-worker.mjs');
  it('takes the first episode at once, stops once a worker has loaded, and every result comes back to its own caller', async () => {
    const { taken, release, mainThread } = heldMainThread();
    const pool = new WorkerPool({ jobs: 2, job, workerFile: fake(), mainThread });
    try {
      const paths = Array.from({ length: 40 }, (_, i) => `ep-${i}`);
      const runs = paths.map((p) => pool.run(p, 100));
      void Promise.race(runs.slice(1)).then(release);
      const results = await Promise.all(runs);
      expect(results.map((r) => JSON.parse(r.verdict.sampleJson!))).toEqual(paths);
      expect(taken).toEqual(['ep-0']);
      expect(pool.mainThreadEpisodes).toBe(1);
      expect(results.map((r) => r.verdict.moduleJson)).toEqual(paths.map((p) => (p === 'ep-0' ? '"main"' : null)));
    } finally {
      await pool.close();
    }
  });

  it('leaves an episode that throws or is unreadable there to a worker, whose verdict is reported', async () => {
    const onWorker = new WorkerPool({ jobs: 1, job, workerFile: fake() });
    try {
      for (const first of ['crash-1', 'unreadable-1']) {
        const taken: string[] = [];
        const mainThread = {
          run: (p: string): Promise<EpisodeJobResult> => {
            taken.push(p);
            if (p.includes('crash')) return Promise.reject(new Error(`boom in ${p}`));
            const r = answer(p, 'main');
            if (p.includes('unreadable')) r.verdict = { ...r.verdict, reasons: ['unreadable'], unreadable: 'past the main thread limits' };
            return Promise.resolve(r);
          },
        };
        const pool = new WorkerPool({ jobs: 1, job, workerFile: fake(), mainThread });
        try {
          const [head, ...rest] = await Promise.all([first, 'ok-1', 'ok-2'].map((p) => pool.run(p, 10)));
          expect(taken[0]).toBe(first);
          expect(taken.filter((p) => p === first)).toHaveLength(1);
          // The worker's verdict, exactly: the same whichever thread took the episode first.
          expect(head!.verdict).toEqual((await onWorker.run(first)).verdict);
          expect(rest.map((r) => r.verdict.reasons.join())).toEqual(['', '']);
        } finally {
          await pool.close();
        }
      }
    } finally {
      await onWorker.close();
    }
  });

  it('leaves to the workers an episode over its size limit or of unknown size, so a runaway flags only itself', async () => {
    const taken: string[] = [];
    const mainThread = {
      maxBytes: 1000,
      run: (p: string): Promise<EpisodeJobResult> => {
        taken.push(p);
        return Promise.resolve(answer(p, 'main'));
      },
    };
    const pool = new WorkerPool({ jobs: 1, job, workerFile: fake(), timeoutMs: 400, mainThread });
    try {
      const runs = [pool.run('hang-big', 5000), pool.run('unknown-size'), pool.run('small', 10), pool.run('after', 10)];
      const results = await Promise.all(runs);
      expect(taken).not.toContain('hang-big');
      expect(taken).not.toContain('unknown-size');
      expect(taken[0]).toBe('small');
      expect(results.map((r) => r.verdict.reasons.join())).toEqual(['unreadable', '', '', '']);
      expect(results[0]!.verdict.unreadable).toMatch(/still running after 0.4 s; stopped/);
    } finally {
      await pool.close();
    }
  });

  it('gives the bundled pool the same verdicts, in index order, as the in-process runner', async () => {
    const inProc = await scanDataset(scanOpts, inProcessRunner(job));
    const pool = createEpisodeRunner({ jobs: 2, job, workerFile: path.join(repo, 'dist/scan-worker.js') }) as WorkerPool;
    try {
      const pooled = await scanDataset({ ...scanOpts, jobs: 2 }, pool);
      expect(pool.mainThreadEpisodes).toBeGreaterThanOrEqual(1);
      expect(pooled.episodes.map((e) => [e.line, e.host, e.episode, e.sha256])).toEqual(
        inProc.episodes.map((e) => [e.line, e.host, e.episode, e.sha256]),
      );
      expect(pooled.episodes.map((e) => e.verdict)).toEqual(inProc.episodes.map((e) => e.verdict));
    } finally {
      await pool.close();
    }
  });
});

describe('results sent in batches', () => {
  it('a worker answers every episode of a batch exactly once, in the order sent', async () => {
    const inProc = await scanDataset(scanOpts, inProcessRunner(job));
    const worker = new Worker(path.join(repo, 'dist/scan-worker.js'), { workerData: job });
    try {
      const jobs = inProc.episodes.map((e, i) => ({ id: i + 1, tarPath: e.tarPath }));
      const got: Array<{ id: number; result: EpisodeJobResult }> = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: WorkerReply | WorkerReady) => {
          if ('ready' in m) return;
          got.push(...m.results);
          if (got.length >= jobs.length) resolve();
        });
        // Two requests, the second while the first is being classified.
        worker.postMessage({ jobs: jobs.slice(0, 10) } satisfies WorkerRequest);
        worker.postMessage({ jobs: jobs.slice(10) } satisfies WorkerRequest);
      });
      expect(got.map((r) => r.id)).toEqual(jobs.map((j) => j.id));
      expect(got.map((r) => r.result.verdict)).toEqual(inProc.episodes.map((e) => e.verdict));
    } finally {
      await worker.terminate();
    }
  });

  it('flags only the episode that crashed a worker holding a batch, and loses none', async () => {
    const pool = new WorkerPool({ jobs: 2, job, workerFile: path.join(tmp, 'fake-worker.mjs'), batch: 2, perWorker: 4 });
    try {
      const paths = ['ok-1', 'crash-1', 'ok-2', 'ok-3', 'exit-1', 'ok-4', 'ok-5', 'ok-6', 'ok-7', 'ok-8'];
      const results = await Promise.all(paths.map((p) => pool.run(p)));
      expect(results.map((r) => (r.verdict.unreadable ? 'unreadable' : JSON.parse(r.verdict.sampleJson!)))).toEqual(
        paths.map((p) => (p.startsWith('ok') ? p : 'unreadable')),
      );
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

describe('a pool sized to the scan', () => {
  /** Thread ids of the workers that classified `n` episodes, once plan() has seen `bytes` (none: not called). */
  async function threadsUsed(jobs: number, n: number, bytes?: number, sizeToScan?: boolean): Promise<Set<string>> {
    const pool = new WorkerPool({
      jobs,
      job,
      workerFile: path.join(tmp, 'thread-worker.mjs'),
      batch: 1,
      perWorker: 1,
      ...(sizeToScan === undefined ? {} : { sizeToScan }),
    });
    try {
      if (bytes !== undefined) pool.plan(n, bytes);
      const results = await Promise.all(Array.from({ length: n }, (_, i) => pool.run(`ep-${i}`)));
      return new Set(results.map((r) => r.verdict.moduleJson!));
    } finally {
      await pool.close();
    }
  }

  it('starts one worker for a small scan and one more per BYTES_PER_EXTRA_WORKER, up to jobs', async () => {
    // By this thread's zstd: WebAssembly zstd costs more per episode, so a worker pays off sooner.
    const per = BYTES_PER_EXTRA_WORKER[defaultZstdImpl()];
    expect(BYTES_PER_EXTRA_WORKER.wasm).toBeLessThan(BYTES_PER_EXTRA_WORKER.native);
    expect((await threadsUsed(2, 8, per - 1)).size).toBe(1);
    expect((await threadsUsed(2, 8, per)).size).toBe(2);
    expect((await threadsUsed(2, 8, 10 * per)).size).toBe(2);
    expect((await threadsUsed(3, 9, 2 * per)).size).toBe(3);
    // Without a plan, or with sizing off (EPISODE_GATE_POOL_SIZING=off), `jobs` workers.
    expect((await threadsUsed(2, 8)).size).toBe(2);
    expect((await threadsUsed(2, 8, 1, false)).size).toBe(2);
  });

  it('plans the workers by the zstd decoder the scan uses, whatever this runtime defaults to', () => {
    for (const zstd of ['native', 'wasm'] as const) {
      const per = BYTES_PER_EXTRA_WORKER[zstd];
      const alone = MAIN_ONLY_BYTES[zstd];
      expect(plannedWorkers(2, alone - 1, zstd, true)).toBe(0);
      expect(plannedWorkers(2, alone, zstd, true)).toBe(1);
      expect(plannedWorkers(2, Math.min(alone, per) - 1, zstd, false)).toBe(1); // no main thread to classify alone
      expect(plannedWorkers(4, per - 1, zstd, false)).toBe(1);
      expect(plannedWorkers(4, 2 * per, zstd, false)).toBe(3);
      expect(plannedWorkers(4, 100 * per, zstd, false)).toBe(4);
      expect(plannedWorkers(4, 100 * per, zstd, true)).toBe(3); // the main thread is the fourth
    }
    // WebAssembly zstd costs more per episode: its scans get a second worker sooner.
    const bytes = BYTES_PER_EXTRA_WORKER.wasm;
    expect(plannedWorkers(3, bytes, 'wasm', false)).toBe(2);
    expect(plannedWorkers(3, bytes, 'native', false)).toBe(1);
  });

  it('where the main thread classifies, starts one worker fewer than jobs, and the main thread goes on beside them', async () => {
    const per = BYTES_PER_EXTRA_WORKER[defaultZstdImpl()];
    for (const [jobs, workers] of [
      [2, 1],
      [3, 2],
    ] as const) {
      const { taken, release, mainThread } = heldMainThread(2);
      const pool = new WorkerPool({ jobs, job, workerFile: path.join(tmp, 'thread-worker.mjs'), batch: 1, perWorker: 1, mainThread });
      try {
        pool.plan(60, 10 * per); // data enough for every worker jobs allows
        const paths = Array.from({ length: 60 }, (_, i) => `ep-${i}`);
        const runs = paths.map((p) => pool.run(p, 100));
        void Promise.race(runs.slice(1)).then(release);
        const results = await Promise.all(runs);
        expect(results.map((r) => JSON.parse(r.verdict.sampleJson!))).toEqual(paths);
        const by = new Set(results.map((r) => r.verdict.moduleJson));
        expect(by.has('"main"')).toBe(true);
        expect(by.size - 1).toBe(workers); // worker threads, by their ids
        // The main thread went on taking episodes once the workers had loaded.
        expect(taken.length).toBeGreaterThan(1);
        expect(pool.mainThreadEpisodes).toBe(taken.length);
      } finally {
        await pool.close();
      }
    }
  });

  it('under MAIN_ONLY_BYTES the main thread classifies alone, and a worker starts only for an episode it does not take', async () => {
    const small = MAIN_ONLY_BYTES[defaultZstdImpl()] - 1;
    const { taken, release, mainThread } = heldMainThread();
    release();
    const pool = new WorkerPool({ jobs: 2, job, workerFile: path.join(tmp, 'thread-worker.mjs'), batch: 1, perWorker: 1, mainThread });
    try {
      pool.plan(30, small);
      const paths = Array.from({ length: 30 }, (_, i) => `ep-${i}`);
      const results = await Promise.all(paths.map((p) => pool.run(p, 100)));
      expect(results.map((r) => JSON.parse(r.verdict.sampleJson!))).toEqual(paths);
      expect(new Set(results.map((r) => r.verdict.moduleJson))).toEqual(new Set(['"main"']));
      expect(taken).toEqual(paths);
      // One of unknown size (the main thread takes only known small ones): one worker, for it.
      const mixed = await Promise.all([pool.run('ep-a', 100), pool.run('ep-unknown'), pool.run('ep-b', 100)]);
      const by = mixed.map((r) => r.verdict.moduleJson);
      expect(by[0]).toBe('"main"');
      expect(by[1]).not.toBe('"main"');
      expect(by[2]).toBe('"main"');
    } finally {
      await pool.close();
    }
    // At MAIN_ONLY_BYTES, a worker beside the main thread, as before.
    const { release: go, mainThread: main2 } = heldMainThread(5);
    go();
    const pool2 = new WorkerPool({
      jobs: 2,
      job,
      workerFile: path.join(tmp, 'thread-worker.mjs'),
      batch: 1,
      perWorker: 1,
      mainThread: main2,
    });
    try {
      pool2.plan(60, small + 1);
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => pool2.run(`ep-${i}`, 100)));
      expect(new Set(results.map((r) => r.verdict.moduleJson)).size).toBe(2);
    } finally {
      await pool2.close();
    }
  });

  it('is told the scan’s episodes and bytes by scanDataset, refused tarballs left out', async () => {
    const calls: Array<[number, number]> = [];
    const inner = inProcessRunner(job);
    const scan = await scanDataset(scanOpts, { ...inner, plan: (episodes, bytes) => void calls.push([episodes, bytes]) });
    const bytes = scan.episodes.reduce((sum, e) => sum + (e.verdict.unreadable?.includes('refused') ? 0 : (e.sizeBytes ?? 0)), 0);
    expect(calls).toEqual([[scan.episodes.length, bytes]]);
    expect(bytes).toBeGreaterThan(0);
  });
});

describe('closing', () => {
  it('lets a worker still starting finish its start-up before ending it', async () => {
    const mainThread = {
      run: async (tarPath: string): Promise<EpisodeJobResult> => ({
        verdict: { reasons: [], sampleJson: JSON.stringify(tarPath), moduleJson: null, unreadable: null, evidence: null },
        stats: { compressedBytes: 1, decompressedBytes: 2, jsonBytes: 3 },
        sha256: null,
      }),
    };
    const pool = new WorkerPool({ jobs: 1, job, workerFile: path.join(tmp, 'slow-start-worker.mjs'), mainThread });
    const started = performance.now();
    // The second episode starts the worker; the main thread takes both while the worker starts.
    const rs = await Promise.all([pool.run('ep-1', 10), pool.run('ep-2', 10)]);
    expect(rs.map((r) => JSON.parse(r.verdict.sampleJson!))).toEqual(['ep-1', 'ep-2']);
    expect(pool.mainThreadEpisodes).toBe(2);
    await pool.close();
    // close() waited for the worker's "ready" (400 ms after it was started), then ended it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
  });
});
