/**
 * A worker-thread pool that classifies episodes in parallel (an `EpisodeRunner`).
 *
 * Workers (dist/scan-worker.js) start on demand, up to `jobs`. Until the first of them has
 * loaded, the main thread classifies episodes itself from the same queue (`mainThread`), so no
 * run waits for a worker to boot: a run of a few dozen episodes may be over before one has.
 * Where plan() sizes the pool below `jobs` (always one worker fewer, so that the main thread is
 * the last of the `jobs` threads), the main thread goes on classifying beside the workers; for a
 * small scan (MAIN_ONLY_BYTES) it classifies alone, and a worker starts only for what it does not take.
 * It takes only episodes under MAIN_THREAD_MAX_BYTES, never one being retried alone, reads
 * them within MAIN_THREAD_LIMITS, and keeps only readable verdicts: an episode it cannot read (or
 * that throws there) goes to a worker, whose verdict is the one reported. Nothing is lost and nothing
 * stalls: a worker that dies is replaced and its episode is flagged unreadable with a one-line
 * detail; an episode still running after `timeoutMs` is flagged the same way and its worker
 * replaced. When two episodes shared the worker, each is first retried alone, so only the one
 * that kills or blocks a worker is flagged. Results come back per episode; scanDataset puts
 * them in index order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unreadableVerdict } from '../classifier/classify.js';
import { classifyTarball, type EpisodeJobOptions, type EpisodeJobResult } from '../episode/classify-file.js';
import { newDecoderContext, type DecoderContext } from '../episode/decoder-context.js';
import { defaultZstdImpl, type ZstdImpl } from '../episode/zstd.js';
import { inProcessRunner, type EpisodeRunner } from './scan.js';
import { oneLine } from '../shared/text.js';

export interface PoolOptions {
  /** Worker threads (>= 1). */
  jobs: number;
  job: EpisodeJobOptions;
  /** The worker script; default: scan-worker.js of the bundle this module was built into. */
  workerFile?: string;
  /** An episode running longer than this is flagged unreadable and its worker replaced. */
  timeoutMs?: number;
  /**
   * Episodes handed to one worker at a time (default 1). Decompression runs synchronously in
   * the worker (zstd.ts), so a second episode per worker has nothing to overlap with: measured
   * with one job, 1.26-1.39 s against 1.47-1.56 s for two per worker (300 episodes).
   */
  perWorker?: number;
  /**
   * Episodes sent in one message, and results sent back in one (default 1): fewer messages for
   * the main thread to wake up for. A worker sends what it has once its inbox is empty or
   * RESULT_FLUSH_MS after its oldest unsent result, so progress still moves.
   */
  batch?: number;
  /**
   * Classify on the main thread while no worker has loaded yet (default: off here, on through
   * createEpisodeRunner). `run` replaces the in-process classifier (tests).
   */
  mainThread?: boolean | { run: (tarPath: string) => Promise<EpisodeJobResult>; maxBytes?: number };
  /**
   * Size the pool to the scan (plan(); default true). createEpisodeRunner turns it off when
   * EPISODE_GATE_POOL_SIZING=off, so that measurements can run every scan on `jobs` workers.
   */
  sizeToScan?: boolean;
}

/**
 * The largest tarball the main thread takes at start-up. What cannot be stopped there is a
 * runaway or an out-of-memory episode, which a worker survives; the reader's limits bound an
 * episode by its size, and honest episodes are well under this (about 300 KB).
 */
const MAIN_THREAD_MAX_BYTES = 8 * 1024 * 1024;
/**
 * The main thread reads within these (or the scan's, when smaller), so it never holds more than a
 * few tens of MB: an episode past them is left to a worker, which reads it within the scan's own.
 */
const MAIN_THREAD_LIMITS = { maxMemberBytes: 32 * 1024 * 1024, maxEpisodeBytes: 32 * 1024 * 1024 } as const;

/**
 * Workers per CPU core, at most. Classifying is CPU-bound (a tarball is read in one call, then
 * decoded and parsed synchronously), so workers past the cores only add memory: each may hold
 * an episode's budget (maxEpisodeBytes). Twice the cores leaves room for slow file systems.
 */
export const JOBS_PER_CORE_MAX = 2;

/** `requested` workers, capped at JOBS_PER_CORE_MAX per core; a one-line note when capped. */
export function capJobs(requested: number, cores = availableParallelism()): { jobs: number; note: string | null } {
  const max = Math.max(1, cores) * JOBS_PER_CORE_MAX;
  if (requested <= max) return { jobs: requested, note: null };
  return {
    jobs: max,
    note: `jobs ${requested} capped at ${max} (${JOBS_PER_CORE_MAX} per CPU core, ${cores} cores): more workers only add memory`,
  };
}

/**
 * Compressed bytes of tarballs a scan needs per worker past the first (see WorkerPool.plan), by
 * the zstd decoder the workers use. A worker's start-up (its thread and modules, and V8 optimising
 * the JavaScript around the reader again on that thread, competing with the others for the cores)
 * is paid back only by enough episodes: measured on 2 cores with lab episodes of about 280 KB,
 * `--jobs 1` against `--jobs 2` interleaved (medians of 7), a second worker paid off past about 300
 * episodes with native zstd (Node 24: 1.04 against 1.12 s at 200, 1.34 against 1.31 s at 300, 2.61
 * against 2.05 s at 600) and past about 120 with WebAssembly zstd, which costs more per episode
 * (Node 20: 1.15 against 1.21 s at 100, 1.83 against 1.66 s at 150).
 */
export const BYTES_PER_EXTRA_WORKER: Readonly<Record<ZstdImpl, number>> = { native: 80 * 1024 * 1024, wasm: 32 * 1024 * 1024 };

/**
 * Compressed bytes of tarballs under which the main thread classifies the whole scan alone, where
 * it can classify: a worker's start-up (its thread, its modules, V8 warming up again, and with
 * WebAssembly zstd compiling libzstd) is not paid back. Measured on 2 cores with the bench's
 * episodes (about 270 KB each), `cis490-prune --jobs 2` with a worker against the main thread
 * alone, medians of 5: Node 24 0.30 against 0.26 s at 150 episodes, 0.36 against 0.37 s at 220,
 * 0.42 against 0.51 s at 300; Node 20 0.51 against 0.41 s at 150, 0.67 against 0.63 s at 300, 0.97
 * against 1.20 s at 600 (medians of 3). An episode the main thread does not take still gets a worker.
 */
export const MAIN_ONLY_BYTES: Readonly<Record<ZstdImpl, number>> = { native: 48 * 1024 * 1024, wasm: 80 * 1024 * 1024 };

/**
 * The workers a scan of `bytes` of tarballs starts (WorkerPool.plan): none under MAIN_ONLY_BYTES
 * where the main thread classifies (a worker then starts only for an episode it does not take),
 * else one, and one more per BYTES_PER_EXTRA_WORKER, up to `jobs`, one fewer where the main
 * thread classifies beside them. The benchmark uses it to name the pool each size runs.
 */
export function plannedWorkers(jobs: number, bytes: number, zstd: ZstdImpl, mainThread: boolean): number {
  if (mainThread && bytes < MAIN_ONLY_BYTES[zstd]) return 0;
  const most = mainThread ? Math.max(1, jobs - 1) : jobs;
  return Math.min(most, 1 + Math.floor(Math.max(0, bytes) / BYTES_PER_EXTRA_WORKER[zstd]));
}

/** Generous: the size limits keep an honest episode to seconds; this only ends a runaway. */
const DEFAULT_EPISODE_TIMEOUT_MS = 10 * 60 * 1000;
const STARTUP_FAILURES_TOLERATED = 3;
/**
 * A small young generation: V8's default (sized for one main thread) let each worker's RSS grow
 * by tens of MB between scavenges. The sizes are the ones that kept peak RSS flat from 100 to
 * 1,000 episodes; the measurements are in docs/performance.md ("Worker young generation").
 */
function workerYoungGenerationMb(zstd: ZstdImpl): number {
  return zstd === 'wasm' ? 16 : 8;
}

/** Messages between the pool and scan-worker.js: episodes to classify, and their results. */
export interface WorkerRequest {
  jobs: Array<{ id: number; tarPath: string }>;
}
export interface WorkerReply {
  results: Array<{ id: number; result: EpisodeJobResult }>;
}
/** A worker holds a result at most this long before sending it (with the others it has by then). */
export const RESULT_FLUSH_MS = 50;
/** What createEpisodeRunner uses: two messages of two episodes in flight per worker. */
const DEFAULT_BATCH = 2;
/** Sent once the worker's code has loaded. */
export interface WorkerReady {
  ready: true;
}

const NO_STATS = { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };

/**
 * The bundled worker script next to this module (dist/ or dist/chunks/ once bundled); null when
 * running from the TypeScript sources, where there is none.
 */
export function bundledWorkerFile(): string | null {
  for (const rel of ['./scan-worker.js', '../scan-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol !== 'file:') continue;
    const file = fileURLToPath(url);
    if (existsSync(file)) return file;
  }
  return null;
}

/** The pool when the bundled worker exists, else the in-process runner (tests run from src/). */
export function createEpisodeRunner(opts: PoolOptions): EpisodeRunner {
  const workerFile = opts.workerFile ?? bundledWorkerFile();
  if (!workerFile) return inProcessRunner(opts.job);
  return new WorkerPool({
    mainThread: true,
    batch: DEFAULT_BATCH,
    perWorker: 2 * DEFAULT_BATCH,
    sizeToScan: process.env.EPISODE_GATE_POOL_SIZING !== 'off',
    ...opts,
    workerFile,
  });
}

interface Job {
  id: number;
  tarPath: string;
  /** The tarball's size when the caller knows it (the main thread takes only known small ones). */
  sizeBytes: number | undefined;
  resolve: (r: EpisodeJobResult) => void;
  reject: (e: Error) => void;
  /** Retry on a worker of its own (it shared a worker that died or hung). */
  alone: boolean;
  /** The main thread could not read it: a worker decides. */
  leftToWorkers: boolean;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its code and said so. */
  ready: boolean;
  /** Settles once the worker has said it is ready, or has exited. */
  booted: Promise<void>;
  inflight: Map<number, Job>;
  /** Set when we end it on purpose (timeout, close): its exit is not a crash. */
  ending: string | null;
}

export class WorkerPool implements EpisodeRunner {
  readonly capacity: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private startupFailures = 0;
  private broken: Error | null = null;
  private readonly perWorker: number;
  private readonly batch: number;
  private dispatchSoon = false;
  private readonly timeoutMs: number;
  private readonly jobs: number;
  /** The workers this scan starts: `jobs`, or fewer once plan() has seen a small scan. */
  private wanted: number;
  /** Workers told to stop (timed out) that have not exited yet. */
  private readonly stopping = new Set<Slot>();
  /**
   * The main thread's classifier: until the first worker has loaded (then null for good), or for
   * the whole scan where plan() started fewer workers than `jobs`.
   */
  private main: { run: (tarPath: string) => Promise<EpisodeJobResult>; maxBytes: number } | null;
  private mainBusy = false;

  constructor(private readonly opts: PoolOptions & { workerFile: string }) {
    if (!(opts.jobs >= 1)) throw new Error(`jobs must be at least 1, got ${opts.jobs}`);
    this.jobs = capJobs(opts.jobs).jobs; // entry points say so when they cap; this holds for every caller
    this.wanted = this.jobs;
    this.perWorker = Math.max(1, opts.perWorker ?? 1);
    this.batch = Math.min(this.perWorker, Math.max(1, opts.batch ?? 1));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_EPISODE_TIMEOUT_MS;
    this.main = mainThreadRunner(opts);
    // One more than the workers hold, so the main thread has an episode of its own at start-up.
    this.capacity = this.jobs * this.perWorker + (this.main ? 1 : 0);
  }

  run(tarPath: string, sizeBytes?: number): Promise<EpisodeJobResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, tarPath, sizeBytes, resolve, reject, alone: false, leftToWorkers: false, timer: null });
      if (this.batch === 1 || this.queue.length === 1) this.dispatch();
      else if (!this.dispatchSoon) {
        // Episodes queued in one turn of the loop go out together, not one message each.
        this.dispatchSoon = true;
        setImmediate(() => {
          this.dispatchSoon = false;
          this.dispatch();
        });
      }
    });
  }

  /**
   * Sizes the pool to the scan: one worker, and one more per BYTES_PER_EXTRA_WORKER of tarballs,
   * up to `jobs`, and one fewer than `jobs` where the main thread can classify: it then goes on
   * classifying beside the workers (the thread a worker would have been, warm, with no start-up
   * to pay). A worker that cannot pay back its start-up before the scan ends only slows it.
   */
  plan(_episodes: number, bytes: number): void {
    if (this.opts.sizeToScan === false) return;
    this.wanted = plannedWorkers(this.jobs, bytes, this.opts.job.zstd ?? defaultZstdImpl(), this.main !== null);
  }

  /** Episodes the main thread classified (they went to no worker). */
  mainThreadEpisodes = 0;

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) s.ending = 'closed';
    // A worker replaced after a timeout may be stuck in a system call, which terminate() waits
    // for: close does not wait for those past a grace period, nor keeps the loop alive. Every
    // other worker is waited for: leaving a live worker behind at exit can abort the process
    // (V8 asserts when a worker's isolate is still compiling as the platform shuts down).
    const stuck = [...this.stopping];
    this.stopping.clear();
    // A worker still starting (a small scan the main thread finished alone) is let finish starting
    // first. The sharded Action test's process was twice seen ended by a signal on Node 20, in
    // several hundred runs, on scans that end this way; ending a thread midway through Node's own
    // start-up is the likely path (Node has had such races), and this takes it off the table.
    const end = async (s: Slot): Promise<void> => {
      if (!s.ready) await settledWithin(s.booted, CLOSE_GRACE_MS);
      await s.worker.terminate();
    };
    // Node 20 aborts the whole process when a worker is ended while V8 is still optimising its code
    // on a background thread ("NodePlatform::ForIsolate ... Assertion failed: (data.first) !=
    // nullptr", from OptimizingCompileDispatcher::CompileTask; seen twice in CI, in scans of a few
    // dozen episodes, where the workers are ended still warming up). An idle worker starts no new
    // optimisation, so a short quiet spell lets those in flight finish first.
    if (slots.length > 0 && NODE_MAJOR < 22) await new Promise((r) => setTimeout(r, CLOSE_QUIET_MS));
    await Promise.all([...slots.map(end), ...stuck.map((s) => stopWithin(s.worker, CLOSE_GRACE_MS))]);
    for (const s of slots) for (const j of s.inflight.values()) this.settle(j, new Error('the worker pool was closed'));
    for (const j of this.queue.splice(0)) this.settle(j, new Error('the worker pool was closed'));
  }

  private spawn(): Slot {
    const worker = new Worker(path.resolve(this.opts.workerFile), {
      workerData: this.opts.job,
      resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb(this.opts.job.zstd ?? defaultZstdImpl()) },
    });
    let booted = (): void => {};
    const slot: Slot = { worker, ready: false, booted: new Promise<void>((r) => (booted = r)), inflight: new Map(), ending: null };
    worker.once('exit', () => booted());
    worker.on('message', (m: WorkerReply | WorkerReady) => {
      if ('ready' in m) {
        booted();
        slot.ready = true;
        // Workers from now on (only they can survive a runaway episode), unless the pool was
        // sized below `jobs`: then the main thread is the thread the scan did not start, and goes on.
        if (this.wanted >= this.jobs) this.main = null;
        this.dispatch();
        return;
      }
      for (const { id, result } of m.results) {
        const job = slot.inflight.get(id);
        if (!job) continue;
        slot.inflight.delete(id);
        this.startupFailures = 0;
        this.settle(job, result);
      }
      this.dispatch();
    });
    let failure: string | null = null;
    worker.on('error', (e: Error) => {
      failure = oneLine(`${e.name}: ${e.message}`);
    });
    worker.on('exit', (code) => this.exited(slot, failure ?? `exit code ${code}`));
    return slot;
  }

  private exited(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return; // closed
    const jobs = [...slot.inflight.values()];
    slot.inflight.clear();
    for (const j of jobs) clearJobTimer(j);
    if (slot.ending === null && !slot.ready) this.startupFailures++;
    if (this.startupFailures >= STARTUP_FAILURES_TOLERATED) {
      this.broken = new Error(`worker threads cannot start (${why})`);
      this.slots.splice(i, 1);
      for (const j of [...jobs, ...this.queue.splice(0)]) this.settle(j, this.broken);
      return;
    }
    if (slot.ending !== null || !slot.ready) {
      // Ended on purpose (a timed-out episode was already flagged) or never started: back in line.
      for (const j of jobs) this.queue.unshift(j);
    } else if (jobs.length === 1 || jobs.every((j) => j.alone)) {
      for (const j of jobs) this.settle(j, crashed(`the worker classifying it died (${why})`));
    } else {
      // Two episodes were in the worker: retry each alone, so only the one that kills a worker is flagged.
      for (const j of jobs) {
        j.alone = true;
        this.queue.unshift(j);
      }
    }
    this.slots.splice(i, 1); // dispatch starts a fresh worker if there is work for it
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed || this.broken) return;
    this.dispatchToMainThread();
    let free = this.slots.reduce((n, s) => n + (s.ending === null ? this.perWorker - s.inflight.size : 0), 0);
    // Planned without workers: one starts for what the main thread does not take (too large, of
    // unknown size, unreadable there, or to be retried alone).
    const wanted = this.wanted > 0 ? this.wanted : this.queue.some((j) => !this.mainTakes(j)) ? 1 : 0;
    while (this.slots.length < wanted && this.queue.length > free) {
      this.slots.push(this.spawn());
      free += this.perWorker;
    }
    for (const slot of this.slots) {
      // Only to a worker that has loaded: until then the main thread may take the episode.
      if (!slot.ready) continue;
      let send: Job[] = [];
      while (this.queue.length > 0 && slot.ending === null && slot.inflight.size + send.length < this.perWorker) {
        if ([...slot.inflight.values(), ...send].some((j) => j.alone)) break;
        const head = this.queue[0]!;
        if (head.alone && slot.inflight.size + send.length > 0) break;
        this.queue.shift();
        send.push(head);
        if (send.length === this.batch) {
          this.start(slot, send);
          send = [];
        }
        if (head.alone) break;
      }
      if (send.length > 0) this.start(slot, send);
    }
  }

  /** Whether the main thread may classify this episode (see MAIN_THREAD_MAX_BYTES). */
  private mainTakes(j: Job): boolean {
    return this.main !== null && !j.alone && !j.leftToWorkers && j.sizeBytes !== undefined && j.sizeBytes <= this.main.maxBytes;
  }

  private dispatchToMainThread(): void {
    const main = this.main;
    if (!main || this.mainBusy) return;
    const i = this.queue.findIndex((j) => this.mainTakes(j));
    if (i === -1) return;
    const job = this.queue.splice(i, 1)[0]!;
    this.mainBusy = true;
    this.mainThreadEpisodes++;
    void (async () => {
      let outcome: EpisodeJobResult | null = null;
      try {
        outcome = await main.run(job.tarPath);
      } catch {
        // Left to a worker below, whose verdict (a crash included) is the one every run reports.
      }
      if (outcome && outcome.verdict.unreadable === null) this.settle(job, outcome);
      else {
        // Unreadable here may be the main thread's tighter limits: a worker judges it with the scan's.
        job.leftToWorkers = true;
        this.queue.unshift(job);
      }
      // Let a worker's "ready" (and results) in before taking another episode.
      await new Promise((r) => setImmediate(r));
      this.mainBusy = false;
      this.dispatch();
    })();
  }

  private start(slot: Slot, jobs: Job[]): void {
    for (const job of jobs) {
      slot.inflight.set(job.id, job);
      if (this.timeoutMs > 0 && Number.isFinite(this.timeoutMs)) {
        job.timer = setTimeout(() => this.timedOut(slot, job), this.timeoutMs);
      }
    }
    slot.worker.postMessage({ jobs: jobs.map((j) => ({ id: j.id, tarPath: j.tarPath })) } satisfies WorkerRequest);
  }

  private timedOut(slot: Slot, job: Job): void {
    if (slot.ending !== null || !slot.inflight.has(job.id)) return;
    slot.ending = 'timeout';
    const jobs = [...slot.inflight.values()];
    slot.inflight.clear();
    for (const j of jobs) clearJobTimer(j);
    if (jobs.length > 1 && !job.alone) {
      // A runaway blocks every episode in its worker, so which one it is cannot be told here:
      // each goes back in line to run alone, and only the one that runs away again is flagged.
      for (const j of jobs) j.alone = true;
      this.queue.unshift(...jobs);
    } else {
      this.settle(job, crashed(`still running after ${+(this.timeoutMs / 1000).toFixed(1)} s; stopped`));
      this.queue.unshift(...jobs.filter((j) => j !== job));
    }
    // The slot is freed now, not when the worker exits: a worker stuck in a system call (a
    // blocking read) may never exit, and must not hold a place in the pool.
    this.slots.splice(this.slots.indexOf(slot), 1);
    this.stopping.add(slot);
    void slot.worker.terminate().then(() => this.stopping.delete(slot));
    this.dispatch();
  }

  private settle(job: Job, outcome: EpisodeJobResult | Error): void {
    clearJobTimer(job);
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }
}

/** Node's major version: the quiet spell before ending workers is for Node 20 (see close()). */
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
/** How long close() lets idle workers be before ending them, on Node 20. */
const CLOSE_QUIET_MS = 100;

/** How long close() waits for a worker to stop before leaving it behind (unref'd). */
const CLOSE_GRACE_MS = 2000;

/** terminate(), waiting at most `ms`; a worker that has not stopped by then no longer keeps the loop alive. */
async function stopWithin(worker: Worker, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    worker.terminate().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  if (!stopped) worker.unref();
}

/** Waits for `p`, or `ms` at most; the timer does not keep the loop alive. */
async function settledWithin(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)).unref())]);
  clearTimeout(timer);
}

function clearJobTimer(job: Job): void {
  if (job.timer) clearTimeout(job.timer);
  job.timer = null;
}

function mainThreadRunner(opts: PoolOptions): { run: (tarPath: string) => Promise<EpisodeJobResult>; maxBytes: number } | null {
  const m = opts.mainThread;
  if (!m) return null;
  if (m === true) {
    let decoder: DecoderContext | null = null; // made on first use: a run the workers take alone never needs it
    const { maxMemberBytes, maxEpisodeBytes } = opts.job.limits;
    const limits = {
      maxMemberBytes: Math.min(maxMemberBytes, MAIN_THREAD_LIMITS.maxMemberBytes),
      maxEpisodeBytes: Math.min(maxEpisodeBytes, MAIN_THREAD_LIMITS.maxEpisodeBytes),
    };
    const job: EpisodeJobOptions = { ...opts.job, limits };
    return {
      run: (p) => classifyTarball(p, job, (decoder ??= newDecoderContext(opts.job.zstd))),
      maxBytes: MAIN_THREAD_MAX_BYTES,
    };
  }
  return { run: m.run, maxBytes: m.maxBytes ?? MAIN_THREAD_MAX_BYTES };
}

function crashed(detail: string): EpisodeJobResult {
  return { verdict: unreadableVerdict(`internal error: ${detail}`), stats: { ...NO_STATS }, sha256: null, unjudged: true };
}
