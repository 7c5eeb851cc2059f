/**
 * The bundled Action (dist/index.js, run as a process) unpacking snapshot artifacts under a
 * memory cap (RLIMIT_DATA through prlimit: heap, buffers and the WebAssembly heap count; an
 * address-space cap cannot be used, as WebAssembly reserves 10 GiB of it up front). Snapshots
 * declaring or holding GiB are refused by name before their data is decompressed; one holding
 * more than the cap still unpacks, as it streams to disk.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTar, type TarEntry } from '../../tools/lib/tarball.js';
import { pruneVerdicts } from '../support/action-datasets.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FIXTURE_DATASET, hasStackTrace, runAction, type ActionRun } from '../support/run-action.js';
import { folderEntries } from '../support/zip.js';
import { declaredDirectoryTarZst, skippedDirectoriesTarGz, withLargeFileTarZst } from '../support/hostile-archives.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** Memory the Action may map beyond the runtime's own: well under what any of these snapshots unpacks to. */
const BUDGET = 640 * MiB;

/**
 * What this Node maps writable before doing anything, with one worker thread: Node 20 about
 * 64 MB, Node 24 about 1.1 GB (it reserves its heaps up front), all counted by RLIMIT_DATA.
 */
function runtimeDataBytes(): number {
  const probe = `const { Worker } = require('node:worker_threads');
    const w = new Worker('setTimeout(() => {}, 1000)', { eval: true });
    w.on('online', () => { console.log(/VmData:\\s+(\\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]); process.exit(0); });`;
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim()) * 1024;
}

let gh: FakeGitHub;
let cap: number;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  cap = runtimeDataBytes() + BUDGET;
});
afterAll(async () => {
  await gh.stop();
});

let unique = 0;
async function unpackUnderCap(data: Buffer, fileName: string, env: Record<string, string> = {}): Promise<ActionRun> {
  const name = `snapshot-${unique++}`;
  gh.addArtifact({ name, data, zip: false, fileName, runId: null });
  return runAction({
    inputs: { artifact: name, 'fail-on': 'never', jobs: '1' },
    env: { ...gh.env(), ...env },
    wrapper: ['prlimit', `--data=${cap}`, '--'],
  });
}

function expectOneLineRefusal(r: ActionRun, message: RegExp): void {
  expect(hasStackTrace(r)).toBe(false);
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toMatch(message);
  expect(errors[0]!.message).not.toContain('\n');
  expect(r.code).toBe(1);
}

describe('snapshots that would unpack past the limit are refused by name, in bounded memory', () => {
  it('a tar.zst of 300 KB holding one directory that declares 8 GiB', async () => {
    const data = declaredDirectoryTarZst(8 * GiB);
    expect(data.length).toBeLessThan(2 * MiB);
    const r = await unpackUnderCap(data, 'dataset.tar.zst', { EPISODE_GATE_MAX_UNPACK_BYTES: String(256 * MiB) });
    expectOneLineRefusal(
      r,
      /^the dataset snapshot was refused: artifact 'snapshot-\d+': unpacked size exceeds 268435456 bytes \(at "dataset\/", which declares 8589934592 bytes\); refused \(raise EPISODE_GATE_MAX_UNPACK_BYTES/,
    );
  });

  it('a tar.gz whose directories declare and hold 8 GiB of skipped data', async () => {
    const data = skippedDirectoriesTarGz(64, 128 * MiB);
    expect(data.length).toBeLessThan(64 * MiB);
    const r = await unpackUnderCap(data, 'dataset.tar.gz', { EPISODE_GATE_MAX_UNPACK_BYTES: String(512 * MiB) });
    // d0..d2 take 3 x (512 + 128 MiB); d3's header and data would pass 512 MiB.
    expectOneLineRefusal(r, /unpacked size exceeds 536870912 bytes \(at "dataset\/d3\/", which declares 134217728 bytes\)/);
  });
});

describe('a legitimate snapshot larger than the memory cap', () => {
  it('unpacks and scans like the folder it came from, 1 GiB within a 640 MiB budget', async () => {
    const entries: TarEntry[] = folderEntries(FIXTURE_DATASET, 'dataset/').map((e) =>
      e.name.endsWith('/') ? { name: e.name, type: '5' } : { name: e.name, data: e.data! },
    );
    const data = withLargeFileTarZst(buildTar(entries, { trailer: false }), 'dataset/captures/bridge.pcap', 1 * GiB);
    const r = await unpackUnderCap(data, 'dataset.tar.zst');
    const truth = pruneVerdicts();
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.scanned).toBe(String(truth.scanned));
    expect(r.outputs.flagged).toBe(String(truth.flagged));
  }, 180_000);
});
