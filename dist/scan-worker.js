import { workerData, parentPort } from 'node:worker_threads';
import { n as newDecoderContext, c as classifyTarball } from './chunks/classify-file.js';
import 'node:crypto';
import 'node:fs';
import 'node:zlib';

/**
 * The worker thread of the episode pool (bundled as dist/scan-worker.js): classifies the
 * episodes the pool sends, several at once, and replies per episode.
 */
const port = parentPort;
if (!port)
    throw new Error('scan-worker.js runs only as a worker thread of the episode pool');
const opts = workerData;
/** This thread's decoder state, shared by the episodes it classifies. */
const decoder = newDecoderContext(opts.zstd);
port.on('message', (m) => {
    // classifyTarball never rejects: bad content and our own defects become unreadable verdicts.
    void classifyTarball(m.tarPath, opts, decoder).then((result) => port.postMessage({ id: m.id, result }));
});
port.postMessage({ ready: true });
