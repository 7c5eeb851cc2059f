/**
 * `episode-gate check | head -1`: the reader closes the pipe early. The exit code must still be
 * the verdict's (0 passed, 1 failed), not Node's exit 1 for an unhandled EPIPE.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/helpers.js';

/** Runs a bundled bin whose stdout and stderr are pipes that nobody reads: closed before it writes. */
function runWithClosedPipes(bin: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', bin), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    child.stderr.destroy();
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

describe('a reader that closes the pipe early does not change the exit code', () => {
  it('episode-gate check: still 0 when the gate passes', async () => {
    expect(await runWithClosedPipes('episode-gate.js', ['check'])).toBe(0);
  });
  it('episode-gate check: still 1 when the gate fails', async () => {
    expect(await runWithClosedPipes('episode-gate.js', ['check', '--set', 'netflowSpreadBytes=4194304'])).toBe(1);
  });
  it('cis490-prune: still 1 (episodes flagged), as with a reader', async () => {
    const args = ['--episodes-root', 'fixtures/dataset/episodes', '--index', 'fixtures/dataset/index.jsonl'];
    expect(await runWithClosedPipes('cis490-prune.js', args)).toBe(1);
  });
});
