import { statSync, realpathSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { r as readRegularFile, s as splitPyLines, i as isBlankPyLine, p as parseJsonDoc, J as JsonError, N as NotDict, t as truthy, z as isDict, n as newDecoderContext, c as classifyTarball, x as unreadableVerdict, A as defaultZstdImpl, o as oneLine } from './classify-file.js';
import { createHash } from 'node:crypto';

/** The classifier's domain: rows in, verdict and evidence out. */
/** The reference's reasons, in its `_REASONS` order (the order of by_reason). */
const REFERENCE_REASONS = ['no-sample', 'no-workload-events', 'workload-failed', 'workload-silent', 'flat-cpu'];
/** Every reason the project reports: the reference's five plus `unreadable`. */
const ALL_REASONS = [...REFERENCE_REASONS, 'unreadable'];
function isReason(s) {
    return ALL_REASONS.includes(s);
}
const SOURCE_NAMES = ['proc', 'netflow', 'qmp', 'guest'];
const DEFAULT_CLASSIFIER_SETTINGS = Object.freeze({
    procSpreadPct: 5.0,
    netflowSpreadBytes: 50 * 1024,
    qmpSpreadBytes: 100 * 1024,
    guestSpreadLoad: 0.1,
    clkTck: 100,
});

/**
 * The base of every user-facing error: bad input the tool was given (a baseline, settings file,
 * report, dataset path, option, Action input, artifact or snapshot). Its message is one line
 * naming the thing and the fix. The command line turns it into exit code 2, "the tool could not
 * run" (src/cli/io.ts, couldNotRun), the Action into one failed-step line (src/main.ts); neither
 * may be confused with exit 1, "the gate ran and failed". Anything else thrown is a defect of ours.
 */
class ConfigError extends Error {
    constructor(message) {
        // One line, whatever was quoted into it (e.g. a JSON parser's excerpt of the input).
        super(message.replace(/\s*[\r\n]+\s*/g, ' '));
        this.name = 'ConfigError';
    }
}
/** A short description of a file-system error, e.g. "ENOENT (no such file)". */
function describeFsError(e) {
    const err = e;
    const known = {
        ENOENT: 'no such file',
        EACCES: 'permission denied',
        EISDIR: 'is a directory',
        ENOTDIR: 'a parent is not a directory',
        EPERM: 'operation not permitted',
        ENOSPC: 'no space left on the device',
        EROFS: 'read-only file system',
    };
    if (err && typeof err.code === 'string')
        return known[err.code] ? `${err.code} (${known[err.code]})` : err.code;
    return err?.message ?? String(e);
}

/**
 * Deterministic shards of a dataset for a CI matrix. Every index row has a shard key, and the row
 * belongs to shard 1 + (first 48 bits of sha256(key) mod N):
 * - a row with string ids (scanned, tarball missing, or refused as unsafe) is keyed "host/episode";
 * - a line without usable ids (not JSON, not an object, ids missing, empty or not strings) is
 *   keyed by its own text.
 * The assignment depends on the row's content alone, never on its line number or on the rest of
 * the index, so a row stays in its shard as the index grows, and shards stay balanced.
 */
const MAX_SHARDS = 1024;
class ShardSpecError extends ConfigError {
}
function parseShard(spec) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
    if (!m)
        throw new ShardSpecError(`shard "${spec}" is not of the form K/N (e.g. 2/4)`);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
        throw new ShardSpecError(`shard "${spec}": K must be 1..N and N 1..${MAX_SHARDS}`);
    }
    return { index, count };
}
/** The shard key of a row with string ids. */
function episodeShardKey(host, episode) {
    return `${host}/${episode}`;
}
function shardOfKey(key, count) {
    const h = createHash('sha256').update(key).digest();
    return 1 + (h.readUIntBE(0, 6) % count);
}
/** Whether an index row (scanned entry, missing tarball or skipped line) belongs to `shard`. */
function inShard(shard) {
    return (row) => shardOfKey(row.shardKey, shard.count) === shard.index;
}
const formatShard = (s) => `${s.index}/${s.count}`;

/**
 * Walking index.jsonl as the reference does: blank lines, lines that are not JSON and rows
 * without host_id/episode_id are skipped, rows whose tarball is missing are not scanned. Unlike
 * the reference, nothing is skipped silently: every skipped line is reported, and ids that are
 * not a single safe path component are refused instead of being joined into a path.
 */
const ID_FIELDS = new Set(['host_id', 'episode_id']);
/** A host_id / episode_id that can safely be one path component. */
function unsafeIdReason(id) {
    if (id === '.' || id === '..')
        return `"${id}" is a relative path`;
    if (/[/\\]/.test(id))
        return 'contains a path separator';
    if (/[\x00-\x1f\x7f]/.test(id))
        return 'contains a control character';
    return null;
}
function describeId(v) {
    return v === undefined ? 'missing' : (JSON.stringify(typeof v === 'bigint' ? v.toString() : v instanceof Map ? '{...}' : v) ?? String(v));
}
async function walkIndex(indexPath, episodesRoot, opts = {}) {
    let text;
    try {
        // A BOM is kept, as Python's read_text() keeps it: the first row then is not JSON. A FIFO or
        // device is refused (FileRefusedError), never waited on.
        text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(indexPath).file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { entries: [], missing: [], problems: [], indexFound: false };
        throw e;
    }
    return walkIndexText(text, episodesRoot, opts);
}
/**
 * Errors of stat() that Python's Path.exists() takes for "does not exist" (the reference skips
 * such rows as missing); any other error (EACCES above all) makes it raise.
 */
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'EBADF']);
function describeCode(code) {
    if (code === 'EACCES' || code === 'EPERM')
        return `${code} (permission denied)`;
    return code ?? 'unknown error';
}
function walkIndexText(text, episodesRoot, opts = {}) {
    const { host } = opts;
    const walk = { entries: [], missing: [], problems: [], indexFound: true };
    let realRoot = null;
    /** Why a tarball that exists must not be read (its real path), or null. */
    const outsideRoot = (tarPath, shown) => {
        if (opts.followOutsideLinks)
            return null;
        let real;
        try {
            realRoot ??= realpathSync.native(episodesRoot);
            real = realpathSync.native(tarPath);
        }
        catch (e) {
            return `cannot resolve ${shown}: ${describeCode(e.code)}`;
        }
        const inside = realRoot === path.parse(realRoot).root || real.startsWith(realRoot + path.sep);
        return inside ? null : `refused: ${shown} resolves to ${real}, outside the episodes root; pass --follow-outside-links to read it`;
    };
    for (const { line, lineNo } of splitPyLines(text)) {
        if (isBlankPyLine(line))
            continue;
        let row;
        try {
            row = parseJsonDoc(line, ID_FIELDS);
        }
        catch (e) {
            if (e instanceof JsonError) {
                walk.problems.push({ line: lineNo, kind: 'not-json', detail: `not JSON (${e.message} at column ${e.column})`, shardKey: line });
                continue;
            }
            throw e;
        }
        if (row instanceof NotDict) {
            walk.problems.push({ line: lineNo, kind: 'not-an-object', detail: `a JSON ${row.pyType}, not an object`, shardKey: line });
            continue;
        }
        const h = row.host_id;
        const ep = row.episode_id;
        if (h === undefined || ep === undefined || !truthy(h) || !truthy(ep)) {
            walk.problems.push({
                line: lineNo,
                kind: 'missing-id',
                detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: both must be non-empty`,
                shardKey: line,
            });
            continue;
        }
        if (typeof h !== 'string' || typeof ep !== 'string' || isDict(h) || isDict(ep)) {
            walk.problems.push({
                line: lineNo,
                kind: 'unsafe-id',
                detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: ids must be strings`,
                shardKey: line,
            });
            continue;
        }
        const bad = unsafeIdReason(h) ?? unsafeIdReason(ep);
        if (bad) {
            walk.problems.push({
                line: lineNo,
                kind: 'unsafe-id',
                detail: `host_id ${JSON.stringify(h)}, episode_id ${JSON.stringify(ep)}: ${bad}; refused`,
                shardKey: episodeShardKey(h, ep),
            });
            continue;
        }
        if (host !== undefined && h !== host)
            continue;
        const tarPath = path.join(episodesRoot, h, `${ep}.tar.zst`);
        const shardKey = episodeShardKey(h, ep);
        const shown = `${h}/${ep}.tar.zst`;
        let sizeBytes;
        try {
            sizeBytes = statSync(tarPath).size;
        }
        catch (e) {
            const code = e.code;
            if (code !== undefined && MISSING_CODES.has(code)) {
                walk.missing.push({ line: lineNo, host: h, episode: ep, tarPath, shardKey });
            }
            else {
                // The reference crashes here (Path.exists() raises): this episode is unreadable, not missing.
                const refused = `cannot stat ${shown} in the episodes root: ${describeCode(code)}`;
                walk.entries.push({ line: lineNo, host: h, episode: ep, tarPath, sizeBytes: 0, shardKey, refused });
            }
            continue;
        }
        const refused = outsideRoot(tarPath, shown);
        walk.entries.push({ line: lineNo, host: h, episode: ep, tarPath, sizeBytes, shardKey, ...(refused ? { refused } : {}) });
    }
    return walk;
}

/**
 * Scanning a dataset: walk index.jsonl, classify every listed tarball (concurrently), and
 * return the results in index order, with the rows that were not scanned and why.
 */
const NO_STATS$1 = Object.freeze({ compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 });
function inProcessRunner(opts) {
    const decoder = newDecoderContext(opts.zstd);
    return { run: (p) => classifyTarball(p, opts, decoder), close: async () => { } };
}
async function scanDataset(opts, runner) {
    const started = performance.now();
    const walk = await walkIndex(opts.indexPath, opts.episodesRoot, {
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        ...(opts.followOutsideLinks ? { followOutsideLinks: true } : {}),
    });
    const keep = opts.filter;
    const entries = keep ? walk.entries.filter(keep) : walk.entries;
    const missing = keep ? walk.missing.filter(keep) : walk.missing;
    const problems = keep ? walk.problems.filter(keep) : walk.problems;
    const index = { entries: walk.entries, rows: walk.entries.length + walk.missing.length + walk.problems.length };
    const jobOpts = { settings: opts.settings, limits: opts.limits, ...(opts.zstd ? { zstd: opts.zstd } : {}) };
    const r = runner ?? inProcessRunner(jobOpts);
    const results = new Array(entries.length);
    const totals = { episodes: entries.length, elapsedMs: 0, compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };
    let next = 0;
    let done = 0;
    const width = Math.max(1, Math.min(r.capacity ?? opts.jobs ?? 4, entries.length || 1));
    const lane = async () => {
        for (;;) {
            const i = next++;
            if (i >= entries.length)
                return;
            const e = entries[i];
            const { verdict, stats, sha256 } = e.refused
                ? { verdict: unreadableVerdict(e.refused), stats: NO_STATS$1, sha256: null }
                : await r.run(e.tarPath);
            results[i] = { line: e.line, host: e.host, episode: e.episode, tarPath: e.tarPath, sizeBytes: e.sizeBytes, sha256, verdict };
            totals.compressedBytes += stats.compressedBytes;
            totals.decompressedBytes += stats.decompressedBytes;
            totals.jsonBytes += stats.jsonBytes;
            opts.onProgress?.(++done, entries.length);
        }
    };
    try {
        await Promise.all(Array.from({ length: width }, lane));
    }
    finally {
        if (!runner)
            await r.close();
    }
    totals.elapsedMs = performance.now() - started;
    return { episodes: results, missing, problems, indexFound: walk.indexFound, totals, index };
}

/**
 * A worker-thread pool that classifies episodes in parallel (an `EpisodeRunner`).
 *
 * Workers (dist/scan-worker.js) start on demand, up to `jobs`. Nothing is lost and nothing
 * stalls: a worker that dies is replaced and its episode is flagged unreadable with a one-line
 * detail; an episode still running after `timeoutMs` is flagged the same way and its worker
 * replaced. When two episodes shared the worker, each is first retried alone, so only the one
 * that kills or blocks a worker is flagged. Results come back per episode; scanDataset puts
 * them in index order.
 */
/**
 * Workers per CPU core, at most. Classifying is CPU-bound (a tarball is read in one call, then
 * decoded and parsed synchronously), so workers past the cores only add memory: each may hold
 * an episode's budget (maxEpisodeBytes). Twice the cores leaves room for slow file systems.
 */
const JOBS_PER_CORE_MAX = 2;
/** `requested` workers, capped at JOBS_PER_CORE_MAX per core; a one-line note when capped. */
function capJobs(requested, cores = availableParallelism()) {
    const max = Math.max(1, cores) * JOBS_PER_CORE_MAX;
    if (requested <= max)
        return { jobs: requested, note: null };
    return {
        jobs: max,
        note: `jobs ${requested} capped at ${max} (${JOBS_PER_CORE_MAX} per CPU core, ${cores} cores): more workers only add memory`,
    };
}
/** Generous: the size limits keep an honest episode to seconds; this only ends a runaway. */
const DEFAULT_EPISODE_TIMEOUT_MS = 10 * 60 * 1000;
const STARTUP_FAILURES_TOLERATED = 3;
/**
 * A small young generation: V8's default (sized for one main thread) let each worker's RSS grow
 * by tens of MB between scavenges. The sizes are the ones that kept peak RSS flat from 100 to
 * 1,000 episodes; the measurements are in docs/performance.md ("Worker young generation").
 */
function workerYoungGenerationMb(zstd) {
    return zstd === 'wasm' ? 16 : 8;
}
const NO_STATS = { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };
/**
 * The bundled worker script next to this module (dist/ or dist/chunks/ once bundled); null when
 * running from the TypeScript sources, where there is none.
 */
function bundledWorkerFile() {
    for (const rel of ['./scan-worker.js', '../scan-worker.js']) {
        const url = new URL(rel, import.meta.url);
        if (url.protocol !== 'file:')
            continue;
        const file = fileURLToPath(url);
        if (existsSync(file))
            return file;
    }
    return null;
}
/** The pool when the bundled worker exists, else the in-process runner (tests run from src/). */
function createEpisodeRunner(opts) {
    const workerFile = opts.workerFile ?? bundledWorkerFile();
    if (!workerFile)
        return inProcessRunner(opts.job);
    return new WorkerPool({ ...opts, workerFile });
}
class WorkerPool {
    opts;
    capacity;
    slots = [];
    queue = [];
    nextId = 1;
    closed = false;
    startupFailures = 0;
    broken = null;
    perWorker;
    timeoutMs;
    jobs;
    /** Workers told to stop (timed out) that have not exited yet. */
    stopping = new Set();
    constructor(opts) {
        this.opts = opts;
        if (!(opts.jobs >= 1))
            throw new Error(`jobs must be at least 1, got ${opts.jobs}`);
        this.jobs = capJobs(opts.jobs).jobs; // entry points say so when they cap; this holds for every caller
        this.perWorker = Math.max(1, opts.perWorker ?? 1);
        this.timeoutMs = opts.timeoutMs ?? DEFAULT_EPISODE_TIMEOUT_MS;
        this.capacity = this.jobs * this.perWorker;
    }
    run(tarPath) {
        if (this.closed)
            return Promise.reject(new Error('the worker pool is closed'));
        if (this.broken)
            return Promise.reject(this.broken);
        return new Promise((resolve, reject) => {
            this.queue.push({ id: this.nextId++, tarPath, resolve, reject, alone: false, timer: null });
            this.dispatch();
        });
    }
    async close() {
        this.closed = true;
        const slots = this.slots.splice(0);
        for (const s of slots)
            s.ending = 'closed';
        // A worker replaced after a timeout may be stuck in a system call, which terminate() waits
        // for: close does not wait for those past a grace period, nor keeps the loop alive. Every
        // other worker is waited for: leaving a live worker behind at exit can abort the process
        // (V8 asserts when a worker's isolate is still compiling as the platform shuts down).
        const stuck = [...this.stopping];
        this.stopping.clear();
        await Promise.all([...slots.map((s) => s.worker.terminate()), ...stuck.map((s) => stopWithin(s.worker, CLOSE_GRACE_MS))]);
        for (const s of slots)
            for (const j of s.inflight.values())
                this.settle(j, new Error('the worker pool was closed'));
        for (const j of this.queue.splice(0))
            this.settle(j, new Error('the worker pool was closed'));
    }
    spawn() {
        const worker = new Worker(path.resolve(this.opts.workerFile), {
            workerData: this.opts.job,
            resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb(this.opts.job.zstd ?? defaultZstdImpl()) },
        });
        const slot = { worker, ready: false, inflight: new Map(), ending: null };
        worker.on('message', (m) => {
            if ('ready' in m) {
                slot.ready = true;
                return;
            }
            const job = slot.inflight.get(m.id);
            if (!job)
                return;
            slot.inflight.delete(m.id);
            this.startupFailures = 0;
            this.settle(job, m.result);
            this.dispatch();
        });
        let failure = null;
        worker.on('error', (e) => {
            failure = oneLine(`${e.name}: ${e.message}`);
        });
        worker.on('exit', (code) => this.exited(slot, failure ?? `exit code ${code}`));
        return slot;
    }
    exited(slot, why) {
        const i = this.slots.indexOf(slot);
        if (i === -1)
            return; // closed
        const jobs = [...slot.inflight.values()];
        slot.inflight.clear();
        for (const j of jobs)
            clearJobTimer(j);
        if (slot.ending === null && !slot.ready)
            this.startupFailures++;
        if (this.startupFailures >= STARTUP_FAILURES_TOLERATED) {
            this.broken = new Error(`worker threads cannot start (${why})`);
            this.slots.splice(i, 1);
            for (const j of [...jobs, ...this.queue.splice(0)])
                this.settle(j, this.broken);
            return;
        }
        if (slot.ending !== null || !slot.ready) {
            // Ended on purpose (a timed-out episode was already flagged) or never started: back in line.
            for (const j of jobs)
                this.queue.unshift(j);
        }
        else if (jobs.length === 1 || jobs.every((j) => j.alone)) {
            for (const j of jobs)
                this.settle(j, crashed(`the worker classifying it died (${why})`));
        }
        else {
            // Two episodes were in the worker: retry each alone, so only the one that kills a worker is flagged.
            for (const j of jobs) {
                j.alone = true;
                this.queue.unshift(j);
            }
        }
        this.slots.splice(i, 1); // dispatch starts a fresh worker if there is work for it
        this.dispatch();
    }
    dispatch() {
        if (this.closed || this.broken)
            return;
        let free = this.slots.reduce((n, s) => n + (s.ending === null ? this.perWorker - s.inflight.size : 0), 0);
        while (this.slots.length < this.jobs && this.queue.length > free) {
            this.slots.push(this.spawn());
            free += this.perWorker;
        }
        for (const slot of this.slots) {
            while (this.queue.length > 0 && slot.ending === null && slot.inflight.size < this.perWorker) {
                if ([...slot.inflight.values()].some((j) => j.alone))
                    break;
                const head = this.queue[0];
                if (head.alone && slot.inflight.size > 0)
                    break;
                this.queue.shift();
                this.start(slot, head);
                if (head.alone)
                    break;
            }
        }
    }
    start(slot, job) {
        slot.inflight.set(job.id, job);
        if (this.timeoutMs > 0 && Number.isFinite(this.timeoutMs)) {
            job.timer = setTimeout(() => this.timedOut(slot, job), this.timeoutMs);
        }
        slot.worker.postMessage({ id: job.id, tarPath: job.tarPath });
    }
    timedOut(slot, job) {
        if (slot.ending !== null || !slot.inflight.has(job.id))
            return;
        slot.ending = 'timeout';
        const jobs = [...slot.inflight.values()];
        slot.inflight.clear();
        for (const j of jobs)
            clearJobTimer(j);
        if (jobs.length > 1 && !job.alone) {
            // A runaway blocks every episode in its worker, so which one it is cannot be told here:
            // each goes back in line to run alone, and only the one that runs away again is flagged.
            for (const j of jobs)
                j.alone = true;
            this.queue.unshift(...jobs);
        }
        else {
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
    settle(job, outcome) {
        clearJobTimer(job);
        if (outcome instanceof Error)
            job.reject(outcome);
        else
            job.resolve(outcome);
    }
}
/** How long close() waits for a worker to stop before leaving it behind (unref'd). */
const CLOSE_GRACE_MS = 2000;
/** terminate(), waiting at most `ms`; a worker that has not stopped by then no longer keeps the loop alive. */
async function stopWithin(worker, ms) {
    let timer;
    const stopped = await Promise.race([
        worker.terminate().then(() => true),
        new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]);
    clearTimeout(timer);
    if (!stopped)
        worker.unref();
}
function clearJobTimer(job) {
    if (job.timer)
        clearTimeout(job.timer);
    job.timer = null;
}
function crashed(detail) {
    return { verdict: unreadableVerdict(`internal error: ${detail}`), stats: { ...NO_STATS }, sha256: null };
}

export { ALL_REASONS as A, ConfigError as C, DEFAULT_CLASSIFIER_SETTINGS as D, REFERENCE_REASONS as R, SOURCE_NAMES as S, createEpisodeRunner as a, ShardSpecError as b, capJobs as c, describeFsError as d, inShard as e, formatShard as f, isReason as i, parseShard as p, scanDataset as s, unsafeIdReason as u, walkIndexText as w };
