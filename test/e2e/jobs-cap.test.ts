/** `--jobs 1000` must not start a thousand workers: the CLIs cap it at a multiple of the cores and say so. */
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBS_PER_CORE_MAX } from '../../src/dataset/pool.js';
import { FIXTURES, tempDir } from '../support/helpers.js';
import { runCapped } from '../support/run-capped.js';

const CAP = availableParallelism() * JOBS_PER_CORE_MAX;
/** Node's own threads (main, V8 platform, libuv) with room to spare; each worker adds one. */
const NODE_THREADS_MAX = 16;

describe('--jobs is capped at a multiple of the cores', () => {
  // Far more episodes than the cap, so an uncapped pool would start one worker per episode.
  const root = tempDir('episode-gate-jobs-');
  const episodes = path.join(root, 'episodes');
  mkdirSync(path.join(episodes, 'h'), { recursive: true });
  const n = CAP * 4 + 24;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    linkSync(path.join(FIXTURES, 'episodes', 'lab-a', 'ep-flat-everywhere.tar.zst'), path.join(episodes, 'h', `e${i}.tar.zst`));
    rows.push(JSON.stringify({ host_id: 'h', episode_id: `e${i}` }));
  }
  const index = path.join(root, 'index.jsonl');
  writeFileSync(index, rows.join('\n') + '\n');

  for (const [bin, args] of [
    ['episode-gate.js', ['scan', '--episodes-root', episodes, '--index', index, '--jobs', '1000']],
    ['cis490-prune.js', ['--episodes-root', episodes, '--index', index, '--jobs', '1000']],
  ] as const) {
    it(`${bin} --jobs 1000 runs at most ${CAP} workers, with a note`, async () => {
      const r = await runCapped(bin, [...args], { capBytes: 2 * 1024 ** 3, timeoutMs: 120_000 });
      expect(r.killed).toBeNull();
      expect(r.stderr).toContain(`note: --jobs 1000 capped at ${CAP} (${JOBS_PER_CORE_MAX} per CPU core`);
      expect(r.peakThreads).toBeGreaterThan(0);
      expect(r.peakThreads).toBeLessThanOrEqual(NODE_THREADS_MAX + CAP);
      expect(r.stdout).toMatch(new RegExp(`(scanned: ${n}\\b|"scanned": ${n}\\b)`));
    });
  }
});
