/**
 * The archive is never the source: the bundled cis490-prune refuses an --archive-root that is,
 * contains or lies inside --episodes-root (links resolved) before touching anything, and never
 * removes a tarball because "an identical copy is in the archive" when that copy is the tarball
 * itself.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/helpers.js';
import { copyFixture, flaggedKeys, recordBefore, removeTempDirs, tarball, tree, type Dataset } from '../support/prune.js';

afterAll(removeTempDirs);

const BIN = path.join(REPO, 'dist', 'cis490-prune.js');

function prune(ds: Dataset, archiveRoot: string, ...more: string[]): { code: number | null; out: string; err: string } {
  const args = ['--episodes-root', ds.episodes, '--index', ds.index, '--archive-root', archiveRoot, '--jobs', '2', ...more];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Everything under the dataset dir: names and digests of files, targets of links. */
function snapshot(ds: Dataset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(ds.dir, { recursive: true }) as string[]) {
    const p = path.join(ds.dir, rel);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
    else if (st.isFile()) out[rel] = tree(path.dirname(p))[path.basename(p)]!;
    else out[rel] = 'dir';
  }
  return out;
}

function expectRefusedUntouched(ds: Dataset, archiveRoot: string, relation: string): void {
  const before = snapshot(ds);
  const r = prune(ds, archiveRoot, '--archive');
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cis490-prune: error: /);
  expect(lines[0]).toContain(`--archive-root ${archiveRoot}`);
  expect(lines[0]).toContain(relation);
  expect(lines[0]).toContain(`--episodes-root ${ds.episodes}`);
  expect(lines[0]).toContain('choose an --archive-root outside the episodes root');
  expect(snapshot(ds)).toEqual(before);
}

describe('an --archive-root that overlaps --episodes-root', () => {
  it('is refused when it is the episodes root: exit 2, one line, nothing touched', async () => {
    const ds = copyFixture('overlap-same');
    expect((await flaggedKeys(ds)).size).toBeGreaterThan(0);
    expectRefusedUntouched(ds, ds.episodes, 'is the episodes root');
  });

  it('is refused when it is a symlink to the episodes root', () => {
    const ds = copyFixture('overlap-link');
    const link = path.join(ds.dir, 'archive-link');
    fs.symlinkSync(ds.episodes, link);
    expectRefusedUntouched(ds, link, 'is the episodes root');
  });

  it('is refused when it lies inside the episodes root, even before it exists and behind a link', () => {
    const ds = copyFixture('overlap-inside');
    expectRefusedUntouched(ds, path.join(ds.episodes, 'archive'), 'lies inside');
    fs.symlinkSync(ds.episodes, path.join(ds.dir, 'alias'));
    expectRefusedUntouched(ds, path.join(ds.dir, 'alias', 'not', 'yet'), 'lies inside');
  });

  it('is refused when it contains the episodes root', () => {
    const ds = copyFixture('overlap-contains');
    expectRefusedUntouched(ds, ds.dir, 'contains');
  });
});

describe('"an identical copy is already in the archive"', () => {
  it('removes the source only when that copy is a different file, and says so', async () => {
    const ds = copyFixture('identical-copy');
    const flagged = await flaggedKeys(ds);
    const same = 'lab-a/ep-early-broken';
    expect(flagged.has(same)).toBe(true);
    fs.mkdirSync(path.join(ds.archive, 'lab-a'), { recursive: true });
    fs.copyFileSync(tarball(ds.episodes, same), tarball(ds.archive, same));
    const r = prune(ds, ds.archive, '--archive');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cis490-prune: ${same}: an identical copy (a different file) was already in the archive`);
    expect(r.out).toContain(`archived ${flagged.size} episodes`);
  });

  it('never counts the tarball itself, reached through a symlinked archive host folder, as that copy', async () => {
    const ds = copyFixture('self-copy');
    const flagged = await flaggedKeys(ds);
    const before = recordBefore(ds);
    fs.mkdirSync(ds.archive);
    fs.symlinkSync(path.join(ds.episodes, 'lab-a'), path.join(ds.archive, 'lab-a'));
    const r = prune(ds, ds.archive, '--archive');
    expect(r.err).not.toContain('identical copy');
    // Every lab-a tarball is still there, and so are their rows.
    const labA = [...flagged].filter((k) => k.startsWith('lab-a/'));
    expect(labA.length).toBeGreaterThan(0);
    for (const k of labA) {
      expect(fs.existsSync(tarball(ds.episodes, k))).toBe(true);
      expect(r.err).toContain(`refused ${k}: `);
      expect(fs.readFileSync(ds.index, 'utf8')).toContain(`"episode_id":"${k.split('/')[1]}"`);
    }
    expect(tree(path.join(ds.episodes, 'lab-a'))).toEqual(
      Object.fromEntries(
        Object.entries(before.tarballs)
          .filter(([rel]) => rel.startsWith('lab-a/'))
          .map(([rel, d]) => [rel.slice(6), d]),
      ),
    );
    expect(r.out).toContain(`archived ${flagged.size - labA.length} episodes`);
  });
});
