/**
 * The worker thread of the episode pool (bundled as dist/scan-worker.js): classifies the
 * episodes the pool sends, one after the other, and sends the results back in batches: when
 * it has nothing left to classify, or RESULT_FLUSH_MS after the oldest result it holds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { classifyTarball, type EpisodeJobOptions } from '../episode/classify-file.js';
import { newDecoderContext } from '../episode/decoder-context.js';
import { RESULT_FLUSH_MS, type WorkerReady, type WorkerReply, type WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('scan-worker.js runs only as a worker thread of the episode pool');
const opts = workerData as EpisodeJobOptions;
/** This thread's decoder state, shared by the episodes it classifies. */
const decoder = newDecoderContext(opts.zstd);

const inbox: WorkerRequest['jobs'] = [];
let draining = false;

port.on('message', (m: WorkerRequest) => {
  inbox.push(...m.jobs);
  if (!draining) void drain();
});

async function drain(): Promise<void> {
  draining = true;
  let results: WorkerReply['results'] = [];
  let oldest = 0;
  for (let job = inbox.shift(); job; job = inbox.shift()) {
    // classifyTarball never rejects: bad content and our own defects become unreadable verdicts.
    const result = await classifyTarball(job.tarPath, opts, decoder);
    if (results.length === 0) oldest = performance.now();
    results.push({ id: job.id, result });
    if (inbox.length === 0 || performance.now() - oldest >= RESULT_FLUSH_MS) {
      port!.postMessage({ results } satisfies WorkerReply);
      results = [];
    }
  }
  draining = false;
}
port.postMessage({ ready: true } satisfies WorkerReady);
