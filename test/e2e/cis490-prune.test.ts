import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../support/helpers.js';

const BIN = path.join(REPO, 'dist', 'cis490-prune.js');
/** The fixtures' totals and counts by reason, as the committed baseline records them. */
const FIXTURE_BASELINE = JSON.parse(readFileSync(path.join(REPO, 'fixtures', 'baseline.json'), 'utf8')) as {
  counts: { scanned: number; kept: number; flagged: number };
  by_reason: Record<string, number>;
};
const TOTALS = FIXTURE_BASELINE.counts;
const fixtureArgs = ['--episodes-root', path.join(FIXTURES, 'episodes'), '--index', path.join(FIXTURES, 'index.jsonl')];

function prune(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cis490-prune (the bundled command) on the fixtures', () => {
  it('prints the reference summary and exits 1 when anything is flagged', () => {
    const r = prune(fixtureArgs);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`scanned: ${TOTALS.scanned}  flagged: ${TOTALS.flagged}  kept: ${TOTALS.kept}`);
    expect(lines[2]).toBe('host           episode                           size  reasons');
    expect(r.out).toMatch(/^lab-a {10}ep-flat-everywhere {11}\d{9}|^lab-a {10}ep-flat-everywhere +\d+ {2}flat-cpu,workload-silent$/m);
    expect(r.out.trimEnd().endsWith('dry-run only. Re-run with --archive (safer) or --delete.')).toBe(true);
    // What the reference would pass over silently is reported on stderr, one line each.
    expect(r.err).toMatch(/unreadable lab-c\/ep-truncated-zstd: zstd: /);
    expect(r.err).toMatch(/not scanned \(tarball missing\) index line \d+: lab-a\/ep-deleted-by-hand/);
    expect(r.err).toMatch(/skipped index line \d+: .*"\.\.\/\.\.".*refused/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("lets the last value of a repeated option win, as the reference's argparse does", () => {
    const r = prune(['--episodes-root', '/nowhere', ...fixtureArgs, '--json']);
    expect(r.code, r.err).toBe(1);
    expect((JSON.parse(r.out) as { scanned: number }).scanned).toBe(TOTALS.scanned);
  });

  it('writes the reference JSON fields, unreadable included in by_reason', () => {
    const r = prune([...fixtureArgs, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc).slice(0, 5)).toEqual(['scanned', 'flagged', 'kept', 'by_reason', 'flagged_episodes']);
    // The committed baseline records the same counts (the reference's reasons, plus unreadable).
    expect(doc.by_reason).toEqual(FIXTURE_BASELINE.by_reason);
    const flat = doc.flagged_episodes.find((e: { episode: string; host: string }) => e.episode === 'ep-flat-everywhere');
    expect(flat).toMatchObject({
      host: 'lab-a',
      reasons: ['flat-cpu', 'workload-silent'],
      sample: 'emotet-2024-03',
      module: 'exploit/multi/handler',
    });
    expect(flat.size_bytes).toBeGreaterThan(0);
    expect(doc.missing_tarballs).toHaveLength(1);
    expect(r.err).toBe('');
  });

  it('filters with --reason and --host, never filtering out unreadable', () => {
    const r = JSON.parse(prune([...fixtureArgs, '--json', '--reason', 'no-sample', '--host', 'lab-c']).out);
    expect(r.scanned).toBe(9);
    expect(r.flagged).toBe(9);
    const s = JSON.parse(prune([...fixtureArgs, '--json', '--reason=no-sample', '--reason', 'workload-failed', '--host', 'lab-a']).out);
    expect(s.flagged_episodes.map((e: { episode: string }) => e.episode)).toEqual([
      'ep-no-sample',
      'ep-early-broken',
      'ep-workload-failed',
    ]);
    expect(s.flagged_episodes[1].reasons).toEqual(['no-sample']);
  });

  it('exits 0 when nothing is flagged', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'episodes', 'lab-b'), { recursive: true });
    cpSync(
      path.join(FIXTURES, 'episodes', 'lab-b', 'ep-kept-cpu-burn.tar.zst'),
      path.join(dir, 'episodes', 'lab-b', 'ep-kept-cpu-burn.tar.zst'),
    );
    writeFileSync(path.join(dir, 'index.jsonl'), '{"host_id": "lab-b", "episode_id": "ep-kept-cpu-burn"}\n');
    const r = prune(['--episodes-root', path.join(dir, 'episodes'), '--index', path.join(dir, 'index.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('scanned: 1  flagged: 0  kept: 1\n\ndry-run only. Re-run with --archive (safer) or --delete.\n');
  });

  it('says in a dry run where --archive would move the flagged tarballs, without touching stdout', () => {
    const dry = prune(fixtureArgs);
    expect(dry.code).toBe(1);
    expect(dry.err).toContain(
      'cis490-prune: note: --archive would move the 24 flagged tarballs to /var/lib/cis490/episodes-archive/<host>/ (the default; choose with --archive-root DIR)\n',
    );
    expect(dry.out).not.toContain('archive-root');
    const chosen = prune([...fixtureArgs, '--archive-root', '/tmp/somewhere']);
    expect(chosen.err).toContain('cis490-prune: note: --archive would move the 24 flagged tarballs to /tmp/somewhere/<host>/\n');
    expect(prune([...fixtureArgs, '--json']).err).not.toContain('would move');
  });

  it('gives exit 2 and one clear line for usage errors and a missing episodes dir', () => {
    const bad = prune(['--reason', 'bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cis490-prune: error: argument --reason: invalid choice: 'bogus'/);
    const both = prune([...fixtureArgs, '--archive', '--delete']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/not allowed with argument/);
    const none = prune(['--episodes-root', '/nonexistent/episodes']);
    expect(none).toMatchObject({ code: 2, err: 'no episodes dir at /nonexistent/episodes\n' });
    expect(prune(['--jobs', '0']).err).toMatch(/--jobs: expected a whole number/);
  });

  it('accepts unambiguous abbreviations of long options, as argparse does', () => {
    const r = prune(['--episodes', path.join(FIXTURES, 'episodes'), '--ind', path.join(FIXTURES, 'index.jsonl'), '--js']);
    expect(JSON.parse(r.out).scanned).toBe(TOTALS.scanned);
  });
});
