/**
 * Rows the receiver appends to index.jsonl while prune rewrites it survive: real child
 * processes append the way the receiver does (open by name in append mode, write one line,
 * close), in a tight loop or at chosen moments around the rename.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { applyPrune, resumePendingPrune } from '../../src/prune/index.js';
import {
  SUBSET,
  copyFixture,
  datasetAt,
  expectPruned,
  flaggedKeys,
  pruneArgs,
  recordBefore,
  runPrune,
  splitLines,
  tarball,
  tempDir,
  type Dataset,
  removeTempDirs,
} from '../support/prune.js';

afterAll(removeTempDirs);

const WRITER = `
const fs = require('fs');
const [file, tag, stopFile] = process.argv.slice(2);
let i = 0;
for (;;) {
  const fd = fs.openSync(file, 'a');
  fs.writeSync(fd, JSON.stringify({ host_id: 'receiver', episode_id: tag + '-' + i }) + '\\n');
  fs.closeSync(fd);
  i++;
  if (i % 8 === 0 && fs.existsSync(stopFile)) break;
}
process.stdout.write(String(i));
`;

/** Opens the index for append, says so, waits for a go file, then writes one line and exits. */
const LATE_WRITER = `
const fs = require('fs');
const [file, line, readyFile, goFile, delayMs] = process.argv.slice(2);
setTimeout(() => process.exit(3), 30000).unref(); // never outlive a failed test for long
const fd = fs.openSync(file, 'a');
fs.writeFileSync(readyFile, 'ready');
const wait = () => {
  if (!fs.existsSync(goFile)) return setTimeout(wait, 5);
  setTimeout(() => { fs.writeSync(fd, line + '\\n'); fs.closeSync(fd); }, Number(delayMs));
};
wait();
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(file: string, args: string[], stdio: 'inherit' | 'pipe'): ChildProcess {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', stdio, 'inherit'] });
  children.push(child);
  return child;
}

function script(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function exited(child: ChildProcess): Promise<string> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer exited with ${code}`))));
  });
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function writerLines(ds: Dataset, tag: string): number {
  const text = fs.readFileSync(ds.index, 'utf8');
  return text.split(`"episode_id":"${tag}-`).length - 1;
}

const rowOf = (tag: string, i: number): Buffer => Buffer.from(`${JSON.stringify({ host_id: 'receiver', episode_id: `${tag}-${i}` })}\n`);

/** Six episodes with arbitrary tarball bytes, three flagged, plus lines that are not rows. */
function smallDataset(prefix: string): { ds: Dataset; acted: Set<string> } {
  const ds = datasetAt(tempDir(prefix));
  const keys = ['lab-a/e1', 'lab-a/e2', 'lab-b/e1', 'lab-b/e2', 'lab-c/e3', 'lab-c/e4'];
  const lines: string[] = ['not json\n'];
  for (const k of keys) {
    fs.mkdirSync(path.dirname(tarball(ds.episodes, k)), { recursive: true });
    fs.writeFileSync(tarball(ds.episodes, k), `bytes of ${k}\n`.repeat(100));
    const [h, e] = k.split('/');
    lines.push(`{"host_id":"${h}","episode_id":"${e}","received_at":"2026-11-20T00:00:00Z"}\n`, '\n');
  }
  fs.writeFileSync(ds.index, lines.join(''));
  fs.chownSync(ds.index, 1234, 1234);
  fs.chmodSync(ds.index, 0o640);
  return { ds, acted: new Set(['lab-a/e1', 'lab-b/e2', 'lab-c/e3']) };
}

function asFlagged(ds: Dataset, keys: Iterable<string>): Array<{ host: string; episode: string; tarPath: string }> {
  return [...keys].map((k) => {
    const [host, episode] = k.split('/') as [string, string];
    return { host, episode, tarPath: tarball(ds.episodes, k) };
  });
}

/**
 * Run `act` while a writer appends in a tight loop; check that every line it wrote is in the
 * index exactly once and that the rest of the index is exactly the pruned original.
 */
async function withTightWriter(ds: Dataset, tag: string, act: () => Promise<void>): Promise<{ during: number; total: number }> {
  const stop = path.join(ds.dir, `stop-${tag}`);
  const child = start(script(ds.dir, 'writer.cjs', WRITER), [ds.index, tag, stop], 'pipe');
  const done = exited(child);
  try {
    const size = (): number => fs.statSync(ds.index).size;
    const start = size();
    await until(() => size() >= start + 20 * rowOf(tag, 0).length, 'the writer to start');
    const atStart = writerLines(ds, tag);
    await act();
    const atEnd = writerLines(ds, tag);
    const end = size();
    await until(() => size() >= end + 20 * rowOf(tag, 0).length, 'more lines after the prune');
    fs.writeFileSync(stop, '');
    const total = Number(await done);
    return { during: atEnd - atStart, total };
  } finally {
    fs.writeFileSync(stop, '');
  }
}

describe('a receiver appending during prune', () => {
  it('loses no line: 20 runs of the module API with a writer in a tight loop', async () => {
    for (let iter = 0; iter < 20; iter++) {
      const { ds, acted } = smallDataset(`append-${iter}`);
      const before = recordBefore(ds);
      const tag = `w${iter}`;
      const { during, total } = await withTightWriter(ds, tag, async () => {
        const res = await applyPrune({
          indexPath: ds.index,
          episodesRoot: ds.episodes,
          archiveRoot: ds.archive,
          action: iter % 2 === 0 ? 'archive' : 'delete',
          flagged: asFlagged(ds, acted),
          indexBytesSeen: before.index.length,
        });
        expect(res.report.acted).toHaveLength(3);
      });
      expect(during).toBeGreaterThan(0); // the writer really wrote while prune ran
      const written = Array.from({ length: total }, (_, i) => rowOf(tag, i));
      expectPruned(ds, { acted, action: iter % 2 === 0 ? 'archive' : 'delete', before }, written);
      fs.rmSync(ds.dir, { recursive: true });
    }
  });

  it('loses no line through the CLI on fixture episodes (3 runs)', async () => {
    for (let iter = 0; iter < 3; iter++) {
      const ds = copyFixture(`append-cli-${iter}`, { only: SUBSET });
      const acted = await flaggedKeys(ds);
      const before = recordBefore(ds);
      const tag = `c${iter}`;
      const { during, total } = await withTightWriter(ds, tag, async () => {
        const r = await runPrune(pruneArgs(ds, '--archive'));
        expect(r.out).toContain(`archived ${acted.size} episodes`);
      });
      expect(during).toBeGreaterThan(0);
      // The writer's rows were in the index before the run's scan, so they were scanned; their
      // tarballs are missing, so they were reported and kept, never acted on.
      const written = Array.from({ length: total }, (_, i) => rowOf(tag, i));
      expectPruned(ds, { acted, action: 'archive', before }, written);
      fs.rmSync(ds.dir, { recursive: true });
    }
  });

  it('keeps a line appended after prune read the index but before the rename, and one written to the old file just after it', async () => {
    const { ds, acted } = smallDataset('append-steps');
    const before = recordBefore(ds);
    const early = Buffer.from('{"host_id":"receiver","episode_id":"before-rename"}\n');
    const late = Buffer.from('{"host_id":"receiver","episode_id":"after-rename-old-fd"}\n');
    let fd: number | null = null;
    await applyPrune({
      indexPath: ds.index,
      episodesRoot: ds.episodes,
      archiveRoot: ds.archive,
      action: 'archive',
      flagged: asFlagged(ds, acted),
      hooks: {
        step: (name) => {
          if (name === 'old index linked') fs.appendFileSync(ds.index, early);
          if (name === 'journal: swap') fd = fs.openSync(ds.index, 'a'); // still the old file
          if (name === 'index renamed') {
            fs.writeSync(fd!, late);
            fs.closeSync(fd!);
          }
        },
      },
    });
    expectPruned(ds, { acted, action: 'archive', before }, [early, late]);
  });

  it('waits for a writer that opened the old index before the rename and writes later', async () => {
    const { ds, acted } = smallDataset('append-late');
    const before = recordBefore(ds);
    const line = '{"host_id":"receiver","episode_id":"slow-writer"}';
    const ready = path.join(ds.dir, 'ready');
    const go = path.join(ds.dir, 'go');
    const child = start(script(ds.dir, 'late.cjs', LATE_WRITER), [ds.index, line, ready, go, '300'], 'inherit');
    const done = exited(child);
    await until(() => fs.existsSync(ready), 'the writer to open the index');
    await applyPrune({
      indexPath: ds.index,
      episodesRoot: ds.episodes,
      archiveRoot: ds.archive,
      action: 'delete',
      flagged: asFlagged(ds, acted),
      hooks: { step: (name) => name === 'index renamed' && fs.writeFileSync(go, '') },
    });
    await done;
    expectPruned(ds, { acted, action: 'delete', before }, [Buffer.from(`${line}\n`)]);
  });

  it('leaves the journal when a writer keeps the old index open too long; the next run copies its rows', async () => {
    const { ds, acted } = smallDataset('append-pending');
    const before = recordBefore(ds);
    const line = '{"host_id":"receiver","episode_id":"very-slow-writer"}';
    const ready = path.join(ds.dir, 'ready');
    const go = path.join(ds.dir, 'go');
    const child = start(script(ds.dir, 'late.cjs', LATE_WRITER), [ds.index, line, ready, go, '0'], 'inherit');
    const done = exited(child);
    await until(() => fs.existsSync(ready), 'the writer to open the index');
    const log: string[] = [];
    const res = await applyPrune({
      indexPath: ds.index,
      episodesRoot: ds.episodes,
      archiveRoot: ds.archive,
      action: 'archive',
      flagged: asFlagged(ds, acted),
      timing: { timeoutMs: 300 },
      log: (l) => log.push(l),
    });
    expect(res.report.pending).toBe(true);
    expect(log.join('\n')).toContain(`pid ${child.pid} still holds the old index open for writing`);
    expect(fs.existsSync(`${ds.index}.prune-journal`)).toBe(true);
    expect(fs.existsSync(`${ds.index}.prune-old`)).toBe(true);

    fs.writeFileSync(go, '');
    await done;
    const resumed = await resumePendingPrune({ indexPath: ds.index, episodesRoot: ds.episodes, archiveRoot: ds.archive });
    expect(resumed?.pending).toBe(false);
    expect(resumed?.acted).toHaveLength(3);
    expectPruned(ds, { acted, action: 'archive', before }, [Buffer.from(`${line}\n`)]);
    expect(splitLines(fs.readFileSync(ds.index)).filter((l) => l.includes('very-slow-writer'))).toHaveLength(1);
  });
});
