/**
 * Concurrent prunes next to a stale lock (its owner is dead) while the receiver appends: only one
 * may take the lock over, so no index rewrite races another and no row is lost. The window
 * between seeing the dead owner and taking over is widened with an injected pause, and so is the
 * index rewrite, in many trials with two and with three prune processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetAt, removeTempDirs, splitLines, tarball, tempDir, type Dataset } from '../support/prune.js';

const CHILD = fileURLToPath(new URL('./lock-race-child.ts', import.meta.url));
const TRIALS = Number(process.env.LOCK_RACE_TRIALS ?? 25);

const WRITER = `
const fs = require('fs');
const [file, stopFile] = process.argv.slice(1); // node -e: the arguments follow the executable
setTimeout(() => process.exit(3), 60000).unref(); // never outlive a failed test for long
const still = new Int32Array(new SharedArrayBuffer(4));
let i = 0;
for (;;) {
  if (i % 4 === 0) Atomics.wait(still, 0, 0, 1); // a busy receiver, leaving the prunes some CPU
  const fd = fs.openSync(file, 'a');
  fs.writeSync(fd, JSON.stringify({ host_id: 'receiver', episode_id: 'r-' + i }) + '\\n');
  fs.closeSync(fd);
  i++;
  if (i % 4 === 0 && fs.existsSync(stopFile)) break;
}
process.stdout.write(String(i));
`;

interface Pruner {
  child: ChildProcess;
  next(): Promise<{ acted?: number; error?: string }>;
}

const pruners: Pruner[] = [];
afterAll(() => {
  for (const p of pruners) p.child.kill('SIGKILL');
  removeTempDirs();
});

function startPruner(): Pruner {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const p: Pruner = {
    child,
    next: async () => {
      const r = await lines.next();
      if (r.done) throw new Error('a prune process ended early');
      return JSON.parse(r.value as string) as { acted?: number; error?: string };
    },
  };
  pruners.push(p);
  return p;
}

const KEYS = ['lab-a/e1', 'lab-a/e2', 'lab-b/e1', 'lab-b/e2', 'lab-c/e3', 'lab-c/e4'];
const ACTED = ['lab-a/e1', 'lab-b/e2', 'lab-c/e3'];
const rowText = (k: string): string => {
  const [h, e] = k.split('/') as [string, string];
  return `{"host_id":"${h}","episode_id":"${e}","received_at":"2026-11-20T00:00:00Z"}\n`;
};

function dataset(prefix: string): Dataset {
  const ds = datasetAt(tempDir(prefix));
  for (const k of KEYS) {
    fs.mkdirSync(path.dirname(tarball(ds.episodes, k)), { recursive: true });
    fs.writeFileSync(tarball(ds.episodes, k), `bytes of ${k}\n`.repeat(100));
  }
  fs.writeFileSync(ds.index, KEYS.map(rowText).join(''));
  // Left by a prune that was killed: its pid names no running process.
  fs.writeFileSync(`${ds.index}.prune-lock`, '999999999\n');
  return ds;
}

/** Every row ends in the index or, for an archived episode, in the archive's saved rows. */
function expectNoRowLost(ds: Dataset, written: number): void {
  const index = new Map<string, number>();
  for (const l of splitLines(fs.readFileSync(ds.index))) index.set(l.toString('utf8'), (index.get(l.toString('utf8')) ?? 0) + 1);
  const saved = (k: string): string[] => {
    const side = tarball(ds.archive, k).replace(/\.tar\.zst$/, '.index.jsonl');
    return fs.existsSync(side) ? splitLines(fs.readFileSync(side)).map((l) => l.toString('utf8')) : [];
  };
  let lostReceiverRows = 0;
  for (let i = 0; i < written; i++) {
    if (index.get(`${JSON.stringify({ host_id: 'receiver', episode_id: `r-${i}` })}\n`) !== 1) lostReceiverRows++;
  }
  const lost: string[] = lostReceiverRows > 0 ? [`${lostReceiverRows} of ${written} receiver rows missing or doubled`] : [];
  for (const k of KEYS) {
    const inIndex = index.has(rowText(k));
    const archived = saved(k).includes(rowText(k));
    if (!inIndex && !archived) lost.push(k);
    if (!inIndex && !fs.existsSync(tarball(ds.archive, k))) lost.push(`${k} (tarball)`);
  }
  expect(lost).toEqual([]);
}

/** Wait until the receiver has appended `bytes` more to the index. */
async function grown(index: string, bytes: number): Promise<void> {
  const from = fs.statSync(index).size;
  const end = Date.now() + 20_000;
  while (fs.statSync(index).size < from + bytes) {
    if (Date.now() > end) throw new Error('timed out waiting for the receiver to append');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function trial(ps: Pruner[], n: number, pauses: Record<string, number>): Promise<Array<{ acted?: number; error?: string }>> {
  const ds = dataset(`race${ps.length}-${n}`);
  const stop = path.join(ds.dir, 'stop');
  const writer = spawn(process.execPath, ['-e', WRITER, ds.index, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  writer.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const writerDone = new Promise<number>((resolve, reject) =>
    writer.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`writer exited with ${code}`)))),
  );
  try {
    await grown(ds.index, 2000);
    const flagged = ACTED.map((k) => {
      const [host, episode] = k.split('/') as [string, string];
      return { host, episode, tarPath: tarball(ds.episodes, k) };
    });
    const msg = `${JSON.stringify({ index: ds.index, episodes: ds.episodes, archive: ds.archive, flagged, pauses })}\n`;
    for (const p of ps) p.child.stdin!.write(msg);
    const results = await Promise.all(ps.map((p) => p.next()));
    await grown(ds.index, 2000);
    fs.writeFileSync(stop, '');
    expectNoRowLost(ds, await writerDone);
    for (const r of results) if (r.error) expect(r.error).toMatch(/^another cis490-prune \(pid \d+\) is working on /);
    expect(results.filter((r) => r.acted === ACTED.length)).toHaveLength(1);
    return results;
  } finally {
    fs.writeFileSync(stop, '');
    await writerDone.catch(() => {});
    fs.rmSync(ds.dir, { recursive: true });
  }
}

describe('concurrent prunes next to a stale lock, with a receiver appending', () => {
  for (const count of [2, 3]) {
    it(`${count} prunes: exactly one takes the lock over, no row lost (${TRIALS} trials)`, { timeout: 300_000 }, async () => {
      const ps = Array.from({ length: count }, () => startPruner());
      for (let n = 0; n < TRIALS; n++) {
        await trial(ps, n, { 'lock: holder gone': 40, 'lock: takeover held': 20, 'new index written': 30 });
      }
    });
  }
});
