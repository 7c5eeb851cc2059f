/**
 * How deep a JSON value may nest before the reference's json.loads raises RecursionError: that
 * depends on the frames its command has on the stack, one more for a JSON Lines row (the list
 * comprehension) than for meta.json. Pinned on both sides of each limit against the reference's
 * own command, one episode per run (a RecursionError ends its whole run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEpisode } from '../../src/episode/read.js';
import { specFor } from '../../tools/lib/realistic.js';
import { episodeMembers } from '../../tools/lib/synth.js';
import { writeTarZst } from '../../tools/lib/tarball.js';
import { REPO, tempDir } from '../support/helpers.js';

const reference = process.env.CIS490_REFERENCE ?? path.join(REPO, '..', 'shared', 'reference', 'cis490_prune.py');

/** An episode whose meta.json or first netflow row holds a list nested so that the whole value is `levels` deep. */
function deepEpisode(root: string, member: 'meta.json' | 'netflow.jsonl', levels: number): string {
  const id = `deep-${member.split('.')[0]}-${levels}`;
  const nested = '['.repeat(levels - 1) + ']'.repeat(levels - 1);
  const members = episodeMembers(specFor(3)).map((m) => {
    if (!m.name.endsWith(member)) return m;
    const text = member === 'meta.json' ? `{"sample": {"name": "s"}, "x": ${nested}}` : `{"t_wall_ns": 5, "x": ${nested}}\n`;
    return { ...m, data: text };
  });
  const dir = path.join(root, id);
  mkdirSync(path.join(dir, 'episodes', 'h'), { recursive: true });
  writeTarZst(path.join(dir, 'episodes', 'h', `${id}.tar.zst`), members);
  writeFileSync(path.join(dir, 'index.jsonl'), `{"host_id": "h", "episode_id": "${id}"}\n`);
  return dir;
}

/** Whether the reference's command reads the episode (true) or dies of RecursionError (false). */
function referenceReads(dir: string): boolean {
  try {
    execFileSync(
      'python3',
      [reference, '--episodes-root', path.join(dir, 'episodes'), '--index', path.join(dir, 'index.jsonl'), '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return true;
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? '') + String((e as { stderr?: Buffer }).stderr ?? '');
    if (/"episodes_scanned"/.test(out)) return true; // exit 1: something flagged, read all the same
    expect(out).toContain('RecursionError');
    return false;
  }
}

describe('JSON nesting at the limit of Python recursion', () => {
  const cases = [
    ['meta.json', 992, true],
    ['meta.json', 993, false],
    ['netflow.jsonl', 991, true],
    ['netflow.jsonl', 992, false],
  ] as const;
  it.skipIf(!existsSync(reference))('reads what the reference command reads, and flags unreadable where it dies', async () => {
    const root = tempDir('episode-gate-depth-');
    for (const [member, levels, reads] of cases) {
      const dir = deepEpisode(root, member, levels);
      expect(referenceReads(dir), `${member} ${levels} levels, the reference`).toBe(reads);
      const ours = await readEpisode(path.join(dir, 'episodes', 'h', path.basename(dir) + '.tar.zst'));
      expect(ours.ok, `${member} ${levels} levels, ours`).toBe(reads);
      if (!ours.ok) expect(ours.detail).toMatch(/RecursionError: maximum recursion depth exceeded/);
    }
  });
});
