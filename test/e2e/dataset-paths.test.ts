/**
 * Where a tarball really is: a link out of the episodes root is not followed unless the operator
 * says so, and a folder the scan may not enter is a permission error, never a missing tarball.
 * Both are flagged unreadable with a detail naming the path, through the bundled commands.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../support/helpers.js';

const GOOD = path.join(FIXTURES, 'episodes', 'lab-a', 'ep-flat-everywhere.tar.zst');
const REFERENCE = process.env.CIS490_REFERENCE ?? path.join(REPO, '..', 'shared', 'reference', 'cis490_prune.py');

interface PruneJson {
  scanned: number;
  flagged: number;
  kept: number;
  flagged_episodes: Array<{ host: string; episode: string; reasons: string[] }>;
}

/** cis490-prune's JSON (verdicts) and, from a second text-mode run, its stderr (one line per unreadable episode). */
function prune(args: string[], asUser?: string): { code: number | null; out: PruneJson; stderr: string } {
  const run = (extra: string[]) => {
    const cmd = [process.execPath, path.join(REPO, 'dist', 'cis490-prune.js'), ...args, ...extra];
    return asUser
      ? spawnSync('setpriv', [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...cmd], { encoding: 'utf8', timeout: 60_000 })
      : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', timeout: 60_000 });
  };
  const json = run(['--json']);
  const text = run([]);
  expect(text.status).toBe(json.status);
  return { code: json.status, out: JSON.parse(json.stdout) as PruneJson, stderr: text.stderr };
}

/** root/episodes/<host>/<id>.tar.zst for each [host, id], and an index listing them. */
function dataset(rows: Array<[string, string]>): { root: string; episodes: string; index: string } {
  const root = tempDir('episode-gate-paths-');
  chmodSync(root, 0o755);
  const episodes = path.join(root, 'episodes');
  mkdirSync(episodes);
  const index = path.join(root, 'index.jsonl');
  writeFileSync(index, rows.map(([h, e]) => JSON.stringify({ host_id: h, episode_id: e }) + '\n').join(''));
  return { root, episodes, index };
}

describe('a tarball whose real path is outside the episodes root', () => {
  const ds = dataset([
    ['lab', 'inside'],
    ['lab', 'linked-out'],
    ['elsewhere', 'via-host-link'],
    ['alias', 'inside'],
  ]);
  const outside = path.join(ds.root, 'outside');
  mkdirSync(outside);
  copyFileSync(GOOD, path.join(outside, 'via-host-link.tar.zst'));
  copyFileSync(GOOD, path.join(outside, 'target.tar.zst'));
  mkdirSync(path.join(ds.episodes, 'lab'));
  copyFileSync(GOOD, path.join(ds.episodes, 'lab', 'inside.tar.zst'));
  symlinkSync(path.join(outside, 'target.tar.zst'), path.join(ds.episodes, 'lab', 'linked-out.tar.zst'));
  symlinkSync(outside, path.join(ds.episodes, 'elsewhere'));
  symlinkSync('lab', path.join(ds.episodes, 'alias')); // a link that stays inside: read as usual

  it('is refused and flagged unreadable, naming the path, by default', () => {
    const r = prune(['--episodes-root', ds.episodes, '--index', ds.index]);
    expect(r.code).toBe(1);
    expect(r.out.scanned).toBe(4);
    const flagged = r.out.flagged_episodes.map((q) => `${q.host}/${q.episode}`).sort();
    expect(flagged).toContain('elsewhere/via-host-link');
    expect(flagged).toContain('lab/linked-out');
    expect(r.stderr).toContain(
      `unreadable lab/linked-out: refused: lab/linked-out.tar.zst resolves to ${path.join(outside, 'target.tar.zst')}, outside the episodes root; pass --follow-outside-links to read it`,
    );
    expect(r.stderr).toContain(`unreadable elsewhere/via-host-link: refused: elsewhere/via-host-link.tar.zst resolves to ${outside}`);
    expect(r.stderr).not.toContain('lab/inside: refused');
    expect(r.stderr).not.toContain('alias/inside: refused');
    expect(r.stderr).not.toContain('missing');
  });

  it('is read when the operator passes --follow-outside-links: the verdicts match the same tarball read in place', () => {
    const r = prune(['--episodes-root', ds.episodes, '--index', ds.index, '--follow-outside-links']);
    const inPlace = prune(['--episodes-root', ds.episodes, '--index', ds.index]);
    expect(r.out.scanned).toBe(4);
    expect(r.stderr).not.toContain('refused');
    const reasons = (out: PruneJson, id: string): string[] | undefined =>
      out.flagged_episodes.find((q) => `${q.host}/${q.episode}` === id)?.reasons;
    // All four are the same tarball: each now gets the verdict the one inside the root gets.
    for (const id of ['lab/linked-out', 'elsewhere/via-host-link', 'alias/inside']) {
      expect(reasons(r.out, id)).toEqual(reasons(inPlace.out, 'lab/inside'));
    }
  });

  it('episode-gate scan refuses it the same way, and reads it with --follow-outside-links', () => {
    const gate = (extra: string[]): string =>
      execFileSync(
        process.execPath,
        [path.join(REPO, 'dist', 'episode-gate.js'), 'scan', '--episodes-root', ds.episodes, '--index', ds.index, ...extra],
        {
          encoding: 'utf8',
        },
      );
    expect(gate([])).toContain('refused: lab/linked-out.tar.zst resolves to');
    expect(gate(['--follow-outside-links'])).not.toContain('refused');
  });
});

describe('a tarball that is itself a symbolic link, inside the episodes root', () => {
  const ds = dataset([
    ['lab', 'real'],
    ['lab', 'linked'],
    ['alias', 'real'],
  ]);
  mkdirSync(path.join(ds.episodes, 'lab'));
  copyFileSync(GOOD, path.join(ds.episodes, 'lab', 'real.tar.zst'));
  symlinkSync('real.tar.zst', path.join(ds.episodes, 'lab', 'linked.tar.zst'));
  symlinkSync('lab', path.join(ds.episodes, 'alias')); // a host folder that is a link: entered, as zstd does

  it('is unreadable, as to the reference, whose zstd command refuses it; read with --follow-outside-links', () => {
    const r = prune(['--episodes-root', ds.episodes, '--index', ds.index]);
    const reasons = (out: PruneJson, id: string): string[] | undefined =>
      out.flagged_episodes.find((q) => `${q.host}/${q.episode}` === id)?.reasons;
    expect(reasons(r.out, 'lab/linked')).toEqual(['unreadable']);
    expect(r.stderr).toContain(
      `unreadable lab/linked: refused: lab/linked.tar.zst is a symbolic link, which the reference's zstd command does not read ("is a symbolic link, ignoring"); pass --follow-outside-links to read it`,
    );
    expect(reasons(r.out, 'alias/real')).toEqual(reasons(r.out, 'lab/real'));
    expect(reasons(r.out, 'lab/real')).not.toContain('unreadable');
    const followed = prune(['--episodes-root', ds.episodes, '--index', ds.index, '--follow-outside-links']);
    expect(reasons(followed.out, 'lab/linked')).toEqual(reasons(r.out, 'lab/real'));
  });

  it.skipIf(!existsSync(REFERENCE))('the reference cannot decompress it: its content is never judged there', () => {
    const only = (ep: string): string => {
      const file = path.join(ds.root, `${ep}-only.jsonl`);
      writeFileSync(file, JSON.stringify({ host_id: 'lab', episode_id: ep }) + '\n');
      return spawnSync('python3', [REFERENCE, '--episodes-root', ds.episodes, '--index', file], { encoding: 'utf8' }).stdout;
    };
    // The same bytes: flagged read in place; through the link its zstd fails, and the reference's
    // report drops that "unreadable: ..." reason (our deliberate difference: flagged unreadable).
    expect(only('real')).toMatch(/^scanned: 1 {2}flagged: 1 {2}kept: 0/);
    expect(only('linked')).toMatch(/^scanned: 1 {2}flagged: 0 {2}kept: 1/);
    const z = spawnSync('zstd', ['-q', '-d', '--stdout', path.join(ds.episodes, 'lab', 'linked.tar.zst')], { encoding: 'utf8' });
    expect(z.status).not.toBe(0);
  });
});

describe('a host folder the scan may not enter (EACCES)', () => {
  it('is a permission error naming the path, never "tarball missing"', () => {
    const ds = dataset([
      ['open', 'ok'],
      ['locked', 'ep'],
      ['open', 'really-missing'],
    ]);
    for (const h of ['open', 'locked']) mkdirSync(path.join(ds.episodes, h));
    chmodSync(ds.episodes, 0o755);
    copyFileSync(GOOD, path.join(ds.episodes, 'open', 'ok.tar.zst'));
    copyFileSync(GOOD, path.join(ds.episodes, 'locked', 'ep.tar.zst'));
    chmodSync(path.join(ds.episodes, 'open'), 0o755);
    chmodSync(path.join(ds.episodes, 'open', 'ok.tar.zst'), 0o644);
    chmodSync(path.join(ds.episodes, 'locked'), 0o700); // root's; the scan runs as nobody (65534)
    chmodSync(ds.index, 0o644);
    const r = prune(['--episodes-root', ds.episodes, '--index', ds.index], '65534');
    expect(r.code, r.stderr).toBe(1);
    expect(r.out.scanned).toBe(2);
    expect(r.out.flagged_episodes.map((q) => `${q.host}/${q.episode}`)).toContain('locked/ep');
    expect(r.stderr).toContain('unreadable locked/ep: cannot stat locked/ep.tar.zst in the episodes root: EACCES (permission denied)');
    expect(r.stderr).not.toMatch(/tarball missing.*locked/);
    expect(r.stderr).toMatch(/not scanned \(tarball missing\) index line 3: open\/really-missing/);
  });

  it('a tarball the scan may not open is a permission error too', () => {
    const ds = dataset([['h', 'closed']]);
    mkdirSync(path.join(ds.episodes, 'h'));
    chmodSync(ds.episodes, 0o755);
    chmodSync(path.join(ds.episodes, 'h'), 0o755);
    copyFileSync(GOOD, path.join(ds.episodes, 'h', 'closed.tar.zst'));
    chmodSync(path.join(ds.episodes, 'h', 'closed.tar.zst'), 0o600);
    chmodSync(ds.index, 0o644);
    const r = prune(['--episodes-root', ds.episodes, '--index', ds.index], '65534');
    expect(r.out.scanned).toBe(1);
    expect(r.stderr).toContain('unreadable h/closed: cannot read the tarball: EACCES (permission denied)');
  });
});

describe('--delete and --archive never act on an episode whose content was not judged', () => {
  /** As nobody (65534): h/judged is flagged on its content; h/closed (root's, mode 600) cannot be read. */
  function run(action: string[]): { code: number | null; stdout: string; stderr: string; ds: ReturnType<typeof dataset> } {
    const ds = dataset([
      ['h', 'judged'],
      ['h', 'closed'],
    ]);
    const dir = path.join(ds.episodes, 'h');
    mkdirSync(dir);
    copyFileSync(GOOD, path.join(dir, 'judged.tar.zst'));
    copyFileSync(GOOD, path.join(dir, 'closed.tar.zst'));
    chmodSync(path.join(dir, 'closed.tar.zst'), 0o600);
    const archive = path.join(ds.root, 'archive');
    mkdirSync(archive);
    for (const p of [ds.root, ds.episodes, dir, ds.index, path.join(dir, 'judged.tar.zst'), archive]) chownSync(p, 65534, 65534);
    chmodSync(ds.root, 0o755);
    const cmd = [process.execPath, path.join(REPO, 'dist', 'cis490-prune.js'), '--episodes-root', ds.episodes, '--index', ds.index];
    cmd.push('--archive-root', archive, ...action);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...cmd], { encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, ds };
  }

  for (const action of ['--delete', '--archive']) {
    it(`${action}: a permission error leaves the tarball and its row; the judged episode goes`, () => {
      const { code, stdout, stderr, ds } = run([action]);
      const done = action === '--delete' ? 'deleted' : 'archived';
      expect(code, stderr).toBe(1);
      expect(stdout).toContain('scanned: 2  flagged: 2  kept: 0');
      expect(stdout.trimEnd().endsWith(`${done} 1 episodes`), stdout).toBe(true);
      expect(stderr).toContain(
        `refused h/closed: cannot read the tarball: EACCES (permission denied); its content was never judged, so it was not ${done}`,
      );
      expect(existsSync(path.join(ds.episodes, 'h', 'closed.tar.zst'))).toBe(true);
      expect(existsSync(path.join(ds.episodes, 'h', 'judged.tar.zst'))).toBe(false);
      const rows = readFileSync(ds.index, 'utf8');
      expect(rows).toContain('"episode_id":"closed"');
      expect(rows).not.toContain('"episode_id":"judged"');
    });
  }
});
