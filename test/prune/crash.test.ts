/**
 * A crash at any step of a prune, followed by a re-run of the command, ends in exactly the state
 * a clean run reaches. Crashes are simulated in-process (a hook throws at step k) and for real
 * (a child process SIGKILLs itself at step k).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPrune, type FlaggedEpisode, type PruneAction } from '../../src/prune/index.js';
import {
  SUBSET,
  copyFixture,
  expectPruned,
  flaggedKeys,
  pruneArgs,
  recordBefore,
  runPrune,
  tarball,
  tempDir,
  type Dataset,
  removeTempDirs,
} from '../support/prune.js';

afterAll(removeTempDirs);

class SimulatedCrash extends Error {}

interface Variant {
  name: string;
  action: PruneAction;
  /** Archive on another file system (tmpfs), to crash inside the copy path too. */
  crossFs?: boolean;
}

function fresh(v: Variant, tag: string): Dataset {
  const archive = v.crossFs ? tempDir(`crash-${tag}`, '/dev/shm') : undefined;
  return copyFixture(`crash-${tag}`, { only: SUBSET, ...(archive ? { archive } : {}) });
}

function asFlagged(ds: Dataset, keys: Iterable<string>): FlaggedEpisode[] {
  return [...keys].map((k) => {
    const [host, episode] = k.split('/') as [string, string];
    return { host, episode, tarPath: tarball(ds.episodes, k) };
  });
}

function cleanup(ds: Dataset): void {
  fs.rmSync(ds.dir, { recursive: true, force: true });
  fs.rmSync(ds.archive, { recursive: true, force: true });
}

const crossFsAvailable = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').dev !== fs.statSync(tempDir('crash-dev')).dev;

/** The steps of a clean run of this variant, by name. */
async function stepsOf(v: Variant, acted: Set<string>): Promise<string[]> {
  const ds = fresh(v, 'count');
  const names: string[] = [];
  await applyPrune({
    indexPath: ds.index,
    episodesRoot: ds.episodes,
    archiveRoot: ds.archive,
    action: v.action,
    flagged: asFlagged(ds, acted),
    hooks: { step: (n) => names.push(n) },
  });
  cleanup(ds);
  return names;
}

async function rerunConverges(ds: Dataset, v: Variant, acted: Set<string>, before: ReturnType<typeof recordBefore>): Promise<void> {
  const journaled = fs.existsSync(`${ds.index}.prune-journal`);
  const r = await runPrune(pruneArgs(ds, `--${v.action}`));
  expect(r.err).not.toContain('error');
  expect(r.code).toBe(0); // everything flagged was acted on: nothing is flagged any more
  // What the re-run finished is counted on stdout's last line, not "0".
  const last = journaled
    ? `${v.action}d ${acted.size} episodes (${acted.size} of them finishing the interrupted run)`
    : `${v.action}d 0 episodes`;
  expect(r.out.endsWith(`\n\n${last}\n`), r.out).toBe(true);
  expectPruned(ds, { acted, action: v.action, before });
}

const variants: Variant[] = [
  { name: 'archive', action: 'archive' },
  { name: 'delete', action: 'delete' },
  ...(crossFsAvailable ? [{ name: 'archive across file systems', action: 'archive' as const, crossFs: true }] : []),
];

describe.each(variants)('a crash at each step of $name, then a re-run', (v) => {
  it('converges to the state of a clean run (in-process crash)', async () => {
    const probe = fresh(v, 'flags');
    const acted = await flaggedKeys(probe);
    cleanup(probe);
    expect([...acted].sort()).toEqual(['lab-a/ep-no-sample', 'lab-a/ep-shared-id', 'lab-c/ep-not-a-tar']);
    const steps = await stepsOf(v, acted);
    expect(steps).toContain('journal written');
    expect(steps).toContain('index renamed');
    if (v.crossFs) expect(steps.filter((s) => s.startsWith('copied '))).toHaveLength(3);

    for (let k = 0; k < steps.length; k++) {
      const ds = fresh(v, `${v.action}-${k}`);
      const before = recordBefore(ds);
      const run = applyPrune({
        indexPath: ds.index,
        episodesRoot: ds.episodes,
        archiveRoot: ds.archive,
        action: v.action,
        flagged: asFlagged(ds, acted),
        hooks: {
          step: (name) => {
            if (name === steps[k]) throw new SimulatedCrash(name);
          },
        },
      });
      await expect(run, `crash at step ${k} (${steps[k]})`).rejects.toBeInstanceOf(SimulatedCrash);
      await rerunConverges(ds, v, acted, before);
      cleanup(ds);
    }
  });
});

const CHILD = fileURLToPath(new URL('../support/prune-crash-child.ts', import.meta.url));

function killedAt(ds: Dataset, action: PruneAction, k: number, flagged: FlaggedEpisode[]): Promise<string | null> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, ds.index, ds.episodes, ds.archive, action, String(k), JSON.stringify(flagged)],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('kill -9 at each step of --archive, then a re-run', () => {
  it('converges to the state of a clean run', async () => {
    const v: Variant = { name: 'archive', action: 'archive' };
    const probe = fresh(v, 'kflags');
    const acted = await flaggedKeys(probe);
    cleanup(probe);
    const steps = await stepsOf(v, acted);
    for (let k = 0; k < steps.length; k++) {
      const ds = fresh(v, `kill-${k}`);
      const before = recordBefore(ds);
      expect(await killedAt(ds, 'archive', k, asFlagged(ds, acted)), `killed at step ${k} (${steps[k]})`).toBe('SIGKILL');
      // A killed run leaves its lock behind; the re-run takes it over.
      expect(fs.existsSync(`${ds.index}.prune-lock`)).toBe(true);
      await rerunConverges(ds, v, acted, before);
      cleanup(ds);
    }
  });
});

describe('a crash while copying rows written to the old index after the rename', () => {
  for (const crashAt of ['index renamed', 'stragglers copied', 'old index unlinked']) {
    it(`at "${crashAt}": the re-run copies them exactly once`, async () => {
      const ds = copyFixture(`crash-straggler-${crashAt.replace(/ /g, '-')}`, { only: SUBSET });
      const acted = await flaggedKeys(ds);
      const before = recordBefore(ds);
      const late = Buffer.from('{"host_id":"receiver","episode_id":"written-to-old-inode"}\n');
      let fd: number | null = null;
      const run = applyPrune({
        indexPath: ds.index,
        episodesRoot: ds.episodes,
        archiveRoot: ds.archive,
        action: 'archive',
        flagged: asFlagged(ds, acted),
        hooks: {
          step: (name) => {
            if (name === 'journal: swap') fd = fs.openSync(ds.index, 'a');
            if (name === 'index renamed') {
              fs.writeSync(fd!, late);
              fs.closeSync(fd!);
            }
            if (name === crashAt) throw new SimulatedCrash(name);
          },
        },
      });
      await expect(run).rejects.toBeInstanceOf(SimulatedCrash);
      const r = await runPrune(pruneArgs(ds, '--archive'));
      expect(r.code).toBe(0);
      expectPruned(ds, { acted, action: 'archive', before }, [late]);
      expect(fs.readFileSync(ds.index, 'utf8').split('written-to-old-inode').length - 1).toBe(1);
      expect(fs.existsSync(path.join(ds.dir, 'index.jsonl.prune-old'))).toBe(false);
    });
  }
});
