/**
 * The worker thread of the episode pool (bundled as dist/scan-worker.js): classifies the
 * episodes the pool sends, several at once, and replies per episode.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { classifyTarball, type EpisodeJobOptions } from '../episode/classify-file.js';
import { newDecoderContext } from '../episode/decoder-context.js';
import type { WorkerReady, WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('scan-worker.js runs only as a worker thread of the episode pool');
const opts = workerData as EpisodeJobOptions;
/** This thread's decoder state, shared by the episodes it classifies. */
const decoder = newDecoderContext(opts.zstd);

port.on('message', (m: WorkerRequest) => {
  // classifyTarball never rejects: bad content and our own defects become unreadable verdicts.
  void classifyTarball(m.tarPath, opts, decoder).then((result) => port.postMessage({ id: m.id, result } satisfies WorkerReply));
});
port.postMessage({ ready: true } satisfies WorkerReady);
