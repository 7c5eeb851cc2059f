/**
 * Dataset paths that are not regular files: a FIFO would block an open() for good, /dev/zero
 * never ends. The bundled commands refuse them at once, under a memory cap, and go on.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../support/helpers.js';
import { runCapped } from '../support/run-capped.js';

const CAP = 512 * 1024 * 1024;
const PROMPTLY_MS = 30_000;

/** A dataset of one good episode plus the given hostile entries, under episodes/h1. */
function dataset(hostile: (dir: string) => string[]): { root: string; index: string; episodes: string } {
  const root = tempDir('episode-gate-hostile-');
  const episodes = path.join(root, 'episodes');
  const dir = path.join(episodes, 'h1');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(FIXTURES, 'episodes', 'lab-a', 'ep-flat-everywhere.tar.zst'), path.join(dir, 'good.tar.zst'));
  const ids = ['good', ...hostile(dir)];
  const index = path.join(root, 'index.jsonl');
  writeFileSync(index, ids.map((id) => JSON.stringify({ host_id: 'h1', episode_id: id }) + '\n').join(''));
  return { root, index, episodes };
}

describe('a tarball that is not a regular file is flagged unreadable at once', () => {
  for (const bin of ['cis490-prune.js', 'episode-gate.js']) {
    // --follow-outside-links: the link to /dev/zero gets past the episodes-root rule to the file check.
    it(`${bin}: a FIFO and a link to /dev/zero`, async () => {
      const ds = dataset((dir) => {
        execFileSync('mkfifo', [path.join(dir, 'fifo.tar.zst')]);
        symlinkSync('/dev/zero', path.join(dir, 'zero.tar.zst'));
        return ['fifo', 'zero'];
      });
      const args =
        bin === 'cis490-prune.js'
          ? ['--episodes-root', ds.episodes, '--index', ds.index, '--json', '--follow-outside-links']
          : ['scan', '--episodes-root', ds.episodes, '--index', ds.index, '--follow-outside-links'];
      const r = await runCapped(bin, args, { capBytes: CAP, timeoutMs: PROMPTLY_MS });
      expect(r.killed, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(bin === 'cis490-prune.js' ? 1 : 0);
      const out = JSON.parse(r.stdout) as { scanned?: number; counts?: { scanned: number } };
      expect(out.scanned ?? out.counts?.scanned).toBe(3);
      expect(r.stdout).toContain('refused: the tarball is a FIFO, not a regular file');
      expect(r.stdout).toContain('refused: the tarball is a character device, not a regular file');
      expect(r.peakRssBytes).toBeLessThan(CAP);
    });
  }
});

describe('an index.jsonl that is a FIFO is refused in one line, exit 2', () => {
  const ds = dataset(() => []);
  const fifoDir = path.join(ds.root, 'fifo');
  mkdirSync(fifoDir);
  const fifoIndex = path.join(fifoDir, 'index.jsonl');
  execFileSync('mkfifo', [fifoIndex]);
  const cases: Array<[string, string, string[]]> = [
    ['cis490-prune dry run', 'cis490-prune.js', ['--episodes-root', ds.episodes, '--index', fifoIndex]],
    [
      'cis490-prune --archive',
      'cis490-prune.js',
      ['--episodes-root', ds.episodes, '--index', fifoIndex, '--archive', '--archive-root', path.join(ds.root, 'archive')],
    ],
    ['episode-gate scan', 'episode-gate.js', ['scan', '--episodes-root', ds.episodes, '--index', fifoIndex]],
    ['episode-gate check', 'episode-gate.js', ['check', '--episodes-root', ds.episodes, '--index', fifoIndex]],
  ];
  for (const [name, bin, args] of cases) {
    it(name, async () => {
      const r = await runCapped(bin, args, { capBytes: CAP, timeoutMs: PROMPTLY_MS });
      expect(r.killed).toBeNull();
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/index\.jsonl.*is a FIFO, not a regular file/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
