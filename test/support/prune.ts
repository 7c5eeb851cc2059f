/**
 * Shared pieces of the prune tests: a private copy of a dataset in a temp dir, what its index
 * should look like after a prune (computed from the original bytes, independently of the code
 * under test), and a full check of the end state.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { pruneMain } from '../../src/cli/cis490-prune.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/dataset', import.meta.url));

/** A few fixture episodes: flagged and kept, the same episode_id on two hosts, one unreadable. */
export const SUBSET: Array<[string, string]> = [
  ['lab-a', 'ep-shared-id'], // flagged
  ['lab-b', 'ep-shared-id'], // kept: same episode_id on another host
  ['lab-a', 'ep-no-sample'], // flagged
  ['lab-c', 'ep-not-a-tar'], // flagged: unreadable
  ['lab-b', 'ep-kept-cpu-burn'], // kept
];

export interface Dataset {
  dir: string;
  index: string;
  episodes: string;
  archive: string;
}

const roots = new Map<string, string>();

/** A fresh directory under one per-process root in `base`; removeTempDirs() removes them all. */
export function tempDir(prefix: string, base = os.tmpdir()): string {
  let root = roots.get(base);
  if (!root) {
    root = fs.mkdtempSync(path.join(base, 'episode-gate-prune-tests-'));
    roots.set(base, root);
  }
  return fs.mkdtempSync(path.join(root, `${prefix}-`));
}

export function removeTempDirs(): void {
  for (const root of roots.values()) fs.rmSync(root, { recursive: true, force: true });
  roots.clear();
}

export function datasetAt(dir: string, archive = path.join(dir, 'archive')): Dataset {
  return { dir, index: path.join(dir, 'index.jsonl'), episodes: path.join(dir, 'episodes'), archive };
}

/** A copy of fixtures/dataset, its index owned by 1234:1234 mode 0640 like the receiver's. */
export function copyFixture(prefix: string, opts: { archive?: string; only?: Array<[string, string]> } = {}): Dataset {
  const dir = tempDir(prefix);
  fs.cpSync(FIXTURE, dir, { recursive: true, preserveTimestamps: true });
  const ds = datasetAt(dir, opts.archive);
  if (opts.only) {
    // Keep the index's non-row lines, and only the rows (and tarballs) listed.
    const keep = new Set(opts.only.map(([h, e]) => `${h}/${e}`));
    const lines = splitLines(fs.readFileSync(ds.index)).filter((l) => {
      const k = rowKey(l);
      return k === null || keep.has(k);
    });
    fs.writeFileSync(ds.index, Buffer.concat(lines));
    for (const host of fs.readdirSync(ds.episodes)) {
      for (const f of fs.readdirSync(path.join(ds.episodes, host))) {
        if (!keep.has(`${host}/${f.replace(/\.tar\.zst$/, '')}`)) fs.unlinkSync(path.join(ds.episodes, host, f));
      }
    }
  }
  fs.chownSync(ds.index, 1234, 1234);
  fs.chmodSync(ds.index, 0o640);
  return ds;
}

/** Lines with their newline; the last may lack one. */
export function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    const end = nl === -1 ? buf.length : nl + 1;
    out.push(buf.subarray(start, end));
    start = end;
  }
  return out;
}

/** "host/episode" of a plain index row, or null for any other line. */
function rowKey(line: Buffer): string | null {
  try {
    const v = JSON.parse(line.toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const r = v as Record<string, unknown>;
      if (typeof r.host_id === 'string' && typeof r.episode_id === 'string' && r.host_id && r.episode_id)
        return `${r.host_id}/${r.episode_id}`;
    }
  } catch {
    // not a row
  }
  return null;
}

/** The index bytes with the rows of `dropped` ("host/episode") removed and everything else as it was. */
function withoutRows(index: Buffer, dropped: ReadonlySet<string>): Buffer {
  return Buffer.concat(splitLines(index).filter((l) => !dropped.has(rowKey(l) ?? '')));
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function tarball(root: string, key: string): string {
  const [h, e] = key.split('/') as [string, string];
  return path.join(root, h, `${e}.tar.zst`);
}

/** Every file under a directory, relative path -> sha256. */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(root)) return out;
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const p = path.join(root, rel);
    if (fs.lstatSync(p).isFile()) out[rel] = sha(p);
  }
  return out;
}

export interface Expectation {
  /** "host/episode" keys whose tarballs go, and whose rows go. */
  acted: ReadonlySet<string>;
  action: 'archive' | 'delete';
  /** The dataset before the run (sha256 of tarballs, index bytes). */
  before: { tarballs: Record<string, string>; index: Buffer };
}

export function recordBefore(ds: Dataset): Expectation['before'] {
  return { tarballs: tree(ds.episodes), index: fs.readFileSync(ds.index) };
}

/** The complete end state of a finished prune: tarballs, archive, index bytes, owner, mode, no side files. */
export function expectPruned(ds: Dataset, exp: Expectation, extraIndexLines: Buffer[] = []): void {
  const episodes = tree(ds.episodes);
  const expectedEpisodes: Record<string, string> = {};
  const expectedArchive: Record<string, string> = {};
  for (const [rel, digest] of Object.entries(exp.before.tarballs)) {
    const key = rel
      .replace(/\.tar\.zst$/, '')
      .split(path.sep)
      .join('/');
    if (!exp.acted.has(key)) expectedEpisodes[rel] = digest;
    else if (exp.action === 'archive') expectedArchive[rel] = digest;
  }
  expect(episodes).toEqual(expectedEpisodes);
  const archived = Object.fromEntries(Object.entries(tree(ds.archive)).filter(([rel]) => rel.endsWith('.tar.zst')));
  expect(archived).toEqual(expectedArchive);

  const expectedIndex = withoutRows(exp.before.index, new Set(exp.acted));
  const now = fs.readFileSync(ds.index);
  if (extraIndexLines.length === 0) {
    expect(now.toString('latin1')).toBe(expectedIndex.toString('latin1'));
  } else {
    // Appended lines may land anywhere after the old content; the old content keeps its order.
    const extra = new Set(extraIndexLines.map((l) => l.toString('latin1')));
    const lines = splitLines(now);
    const appended = lines.filter((l) => extra.has(l.toString('latin1')));
    const rest = Buffer.concat(lines.filter((l) => !extra.has(l.toString('latin1'))));
    expect(rest.toString('latin1')).toBe(expectedIndex.toString('latin1'));
    expect(appended.map((l) => l.toString('latin1')).sort()).toEqual([...extra].sort());
  }

  if (exp.action === 'archive') {
    // Each archived episode's dropped rows are saved beside it for a restore.
    for (const key of exp.acted) {
      const rows = splitLines(exp.before.index).filter((l) => rowKey(l) === key);
      const side = tarball(ds.archive, key).replace(/\.tar\.zst$/, '.index.jsonl');
      expect(fs.readFileSync(side, 'utf8')).toBe(rows.map((r) => r.toString('utf8').replace(/\n?$/, '\n')).join(''));
    }
  }
  const st = fs.statSync(ds.index);
  expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1234, 1234, 0o640]);
  const leftovers = [...fs.readdirSync(path.dirname(ds.index)), ...Object.keys(tree(ds.archive)), ...Object.keys(episodes)].filter((n) =>
    /prune-(journal|lock|new|old|partial|tmp)/.test(n),
  );
  expect(leftovers).toEqual([]);
}

export interface Captured {
  code: number;
  out: string;
  err: string;
}

export async function runPrune(argv: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  const code = await pruneMain(argv, io);
  return { code, out, err };
}

export function pruneArgs(ds: Dataset, ...more: string[]): string[] {
  return ['--episodes-root', ds.episodes, '--index', ds.index, '--archive-root', ds.archive, '--jobs', '2', ...more];
}

/** The flagged "host/episode" keys of a dry run, from its --json output. */
export async function flaggedKeys(ds: Dataset, ...more: string[]): Promise<Set<string>> {
  const r = await runPrune(pruneArgs(ds, '--json', ...more));
  const doc = JSON.parse(r.out) as { flagged_episodes: Array<{ host: string; episode: string }> };
  return new Set(doc.flagged_episodes.map((f) => `${f.host}/${f.episode}`));
}
