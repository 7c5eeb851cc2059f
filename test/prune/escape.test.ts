/**
 * --delete and --archive act only inside their roots: a host folder that is a symlink leading
 * out of --episodes-root is not followed to remove or move the files it leads to.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resumePendingPrune } from '../../src/prune/index.js';
import { SUBSET, copyFixture, flaggedKeys, pruneArgs, removeTempDirs, runPrune, tarball, tempDir, tree } from '../support/prune.js';

afterAll(removeTempDirs);

describe('a host folder that is a symlink out of the episodes root', () => {
  for (const action of ['delete', 'archive'] as const) {
    it(`is not followed by --${action}: the files outside stay, and so do their rows`, async () => {
      const ds = copyFixture(`escape-${action}`, { only: SUBSET });
      const flagged = await flaggedKeys(ds);
      const outside = path.join(tempDir(`outside-${action}`), 'lab-a');
      fs.renameSync(path.join(ds.episodes, 'lab-a'), outside);
      fs.symlinkSync(outside, path.join(ds.episodes, 'lab-a'));
      const outsideBefore = tree(outside);
      const labA = [...flagged].filter((k) => k.startsWith('lab-a/'));
      expect(labA.length).toBeGreaterThan(0);
      expect(Object.keys(outsideBefore).length).toBeGreaterThan(0);

      const r = await runPrune(pruneArgs(ds, `--${action}`));
      expect(tree(outside)).toEqual(outsideBefore);
      for (const k of labA) {
        expect(r.err).toContain(`refused ${k}: ${tarball(ds.episodes, k)} resolves to ${path.join(outside, `${k.split('/')[1]}.tar.zst`)}`);
        expect(r.err).toContain('outside --episodes-root');
        expect(fs.readFileSync(ds.index, 'utf8')).toContain(`"episode_id":"${k.split('/')[1]}"`);
        expect(fs.existsSync(tarball(ds.archive, k))).toBe(false);
      }
      // The others, inside the root, are acted on as usual.
      expect(r.out).toContain(`${action}d ${flagged.size - labA.length} episodes`);
    });
  }
});

describe('an interrupted --archive whose journal names an archive root inside the episodes root', () => {
  it('is not finished: one error, every tarball and row stays', async () => {
    const ds = copyFixture('journal-overlap', { only: SUBSET });
    const archiveRoot = path.join(ds.episodes, 'archive');
    const index = fs.readFileSync(ds.index);
    const journal = {
      format: 'cis490-prune-journal',
      version: 1,
      action: 'archive',
      index: ds.index,
      episodesRoot: ds.episodes,
      archiveRoot,
      seen: { bytes: index.length, sha256: createHash('sha256').update(index).digest('hex') },
      items: SUBSET.map(([host, episode]) => ({ host, episode })),
    };
    fs.writeFileSync(`${ds.index}.prune-journal`, JSON.stringify(journal));
    const before = tree(ds.episodes);
    await expect(resumePendingPrune({ indexPath: ds.index, episodesRoot: ds.episodes, archiveRoot })).rejects.toThrow(
      `--archive-root ${archiveRoot} lies inside --episodes-root ${ds.episodes}`,
    );
    expect(tree(ds.episodes)).toEqual(before);
    expect(fs.readFileSync(ds.index)).toEqual(index);
    expect(fs.existsSync(`${ds.index}.prune-lock`)).toBe(false);
  });
});
