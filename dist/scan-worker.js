import { workerData, parentPort } from 'node:worker_threads';
import { x as newDecoderContext, y as classifyTarball, z as RESULT_FLUSH_MS } from './chunks/pool.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import 'node:url';
import 'node:crypto';
import 'node:zlib';

/**
 * The worker thread of the episode pool (bundled as dist/scan-worker.js): classifies the
 * episodes the pool sends, one after the other, and sends the results back in batches: when
 * it has nothing left to classify, or RESULT_FLUSH_MS after the oldest result it holds.
 */
const port = parentPort;
if (!port)
    throw new Error('scan-worker.js runs only as a worker thread of the episode pool');
const opts = workerData;
/** This thread's decoder state, shared by the episodes it classifies. */
const decoder = newDecoderContext(opts.zstd);
const inbox = [];
let draining = false;
port.on('message', (m) => {
    inbox.push(...m.jobs);
    if (!draining)
        void drain();
});
async function drain() {
    draining = true;
    let results = [];
    let oldest = 0;
    for (let job = inbox.shift(); job; job = inbox.shift()) {
        // classifyTarball never rejects: bad content and our own defects become unreadable verdicts.
        const result = await classifyTarball(job.tarPath, opts, decoder);
        if (results.length === 0)
            oldest = performance.now();
        results.push({ id: job.id, result });
        if (inbox.length === 0 || performance.now() - oldest >= RESULT_FLUSH_MS) {
            port.postMessage({ results });
            results = [];
        }
    }
    draining = false;
}
port.postMessage({ ready: true });
