/**
 * cis490-prune --archive / --delete through pruneMain, on copies of fixtures/dataset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyFixture,
  expectPruned,
  flaggedKeys,
  pruneArgs,
  recordBefore,
  runPrune,
  splitLines,
  tarball,
  tempDir,
  tree,
  removeTempDirs,
} from '../support/prune.js';
import { applyPrune } from '../../src/prune/index.js';

afterAll(removeTempDirs);

/** The fixtures' totals, as the committed baseline records them. */
const TOTALS = (
  JSON.parse(fs.readFileSync(new URL('../../fixtures/baseline.json', import.meta.url), 'utf8')) as {
    counts: { scanned: number; kept: number; flagged: number };
  }
).counts;

describe('--archive', () => {
  it('moves exactly the flagged tarballs, drops exactly their rows, keeps owner and mode', async () => {
    const ds = copyFixture('prune-archive');
    const flagged = await flaggedKeys(ds);
    // Same episode_id on two hosts: only the flagged one goes.
    expect(flagged.has('lab-a/ep-shared-id')).toBe(true);
    expect(flagged.has('lab-b/ep-shared-id')).toBe(false);
    expect(flagged.has('lab-c/ep-not-a-tar')).toBe(true); // unreadable is flagged, so acted on
    const before = recordBefore(ds);

    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.code).toBe(1);
    expect(r.out.startsWith(`scanned: ${TOTALS.scanned}  flagged: ${TOTALS.flagged}  kept: ${TOTALS.kept}\n`)).toBe(true);
    expect(r.out.endsWith(`\n\narchived ${flagged.size} episodes\n`)).toBe(true);
    expect(r.out).not.toContain('dry-run only');
    expect(r.err).toContain(`archiving ${flagged.size} episodes into ${ds.archive}/<host>/`);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
    // Lines that are not rows (blank, not JSON, unsafe ids, missing tarball) are all still there.
    const idx = fs.readFileSync(ds.index, 'utf8');
    for (const junk of [
      '\n\n',
      'this line is not json\n',
      '[1, 2, 3]\n',
      '{"host_id": "../..", "episode_id": "etc"}\n',
      'ep-deleted-by-hand',
    ]) {
      expect(idx).toContain(junk);
    }
    expect(idx).toContain('"host_id":"lab-b","episode_id":"ep-shared-id"');
    expect(idx).not.toContain('"host_id":"lab-a","episode_id":"ep-shared-id"');

    // A re-run finds nothing left to flag and changes nothing.
    const again = await runPrune(pruneArgs(ds, '--archive'));
    expect(again.code).toBe(0);
    expect(again.out.endsWith('\n\narchived 0 episodes\n')).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
  });

  it('--json keeps the reference output, then the count', async () => {
    const ds = copyFixture('prune-json');
    const r = await runPrune(pruneArgs(ds, '--archive', '--json'));
    expect(r.code).toBe(1);
    const [doc, tail] = r.out.split('\n}\n');
    expect((JSON.parse(`${doc}\n}`) as { flagged: number }).flagged).toBe(TOTALS.flagged);
    expect(tail).toBe(`\narchived ${TOTALS.flagged} episodes\n`);
  });

  it('--reason narrows what is acted on (unreadable always counts)', async () => {
    const ds = copyFixture('prune-reason');
    const flagged = await flaggedKeys(ds, '--reason', 'no-sample');
    expect(flagged.has('lab-a/ep-no-sample')).toBe(true);
    expect(flagged.has('lab-c/ep-not-a-tar')).toBe(true);
    expect([...flagged].every((k) => k === 'lab-a/ep-no-sample' || k === 'lab-a/ep-early-broken' || k.startsWith('lab-c/'))).toBe(true);
    const before = recordBefore(ds);
    const r = await runPrune(pruneArgs(ds, '--archive', '--reason', 'no-sample'));
    expect(r.out.endsWith(`\n\narchived ${flagged.size} episodes\n`)).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
  });

  it('--host narrows what is acted on', async () => {
    const ds = copyFixture('prune-host');
    const onlyB = await flaggedKeys(ds, '--host', 'lab-b');
    expect(onlyB.size).toBeGreaterThan(0);
    expect([...onlyB].every((k) => k.startsWith('lab-b/'))).toBe(true);
    const before = recordBefore(ds);
    const r = await runPrune(pruneArgs(ds, '--delete', '--host', 'lab-b'));
    expect(r.out.endsWith(`\n\ndeleted ${onlyB.size} episodes\n`)).toBe(true);
    expectPruned(ds, { acted: onlyB, action: 'delete', before });
  });

  it('--host matching no index row is an error naming the hosts, for a dry run and --delete alike', async () => {
    const ds = copyFixture('prune-host-typo');
    const before = recordBefore(ds);
    for (const extra of [[], ['--delete']]) {
      const r = await runPrune(pruneArgs(ds, ...extra, '--host', 'lab-q'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        /^cis490-prune: error: --host "lab-q" matches no row of \S+index\.jsonl \(did you mean "lab-a"\?\) \(its hosts: lab-a, lab-b, lab-c[^)]*\); check the spelling\n$/,
      );
    }
    // Far from every host: no guess. The right name in the wrong case: that name.
    expect((await runPrune(pruneArgs(ds, '--host', 'staging-1'))).err).not.toContain('did you mean');
    expect((await runPrune(pruneArgs(ds, '--host', 'LAB-B'))).err).toContain('(did you mean "lab-b"?)');
    expectPruned(ds, { acted: new Set(), action: 'delete', before });
  });

  it('never overwrites a different file already in the archive; an identical one counts as archived', async () => {
    const ds = copyFixture('prune-collide');
    const flagged = await flaggedKeys(ds);
    const clash = 'lab-a/ep-no-sample';
    const same = 'lab-a/ep-early-broken';
    fs.mkdirSync(path.join(ds.archive, 'lab-a'), { recursive: true });
    fs.writeFileSync(tarball(ds.archive, clash), 'an older, different episode\n');
    fs.copyFileSync(tarball(ds.episodes, same), tarball(ds.archive, same));
    const before = recordBefore(ds);

    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.out.endsWith(`archived ${flagged.size - 1} episodes\n`)).toBe(true);
    expect(r.err).toContain(`refused ${clash}: the archive already holds a different ${tarball(ds.archive, clash)}`);
    expect(fs.readFileSync(tarball(ds.archive, clash), 'utf8')).toBe('an older, different episode\n');
    expect(fs.existsSync(tarball(ds.episodes, clash))).toBe(true);
    expect(fs.readFileSync(ds.index, 'utf8')).toContain(`"episode_id":"ep-no-sample"`);
    expect(fs.existsSync(tarball(ds.episodes, same))).toBe(false);
    expect(fs.readFileSync(ds.index, 'utf8')).not.toContain(`"episode_id":"ep-early-broken"`);

    // Once the old file is moved aside, a re-run archives the refused episode too.
    fs.renameSync(tarball(ds.archive, clash), path.join(ds.dir, 'older.tar.zst'));
    const again = await runPrune(pruneArgs(ds, '--archive'));
    expect(again.out.endsWith('archived 1 episodes\n')).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
  });

  it('copies, fsyncs and then removes across file systems, keeping owner, mode and mtime', async () => {
    const shm = '/dev/shm';
    if (!fs.existsSync(shm) || fs.statSync(shm).dev === fs.statSync(tempDir('prune-dev')).dev) return;
    const archive = tempDir('prune-xfs', shm);
    const ds = copyFixture('prune-xfs', { archive });
    const flagged = await flaggedKeys(ds);
    const probe = tarball(ds.episodes, 'lab-a/ep-no-sample');
    fs.chownSync(probe, 4321, 4321);
    fs.chmodSync(probe, 0o640);
    const st = fs.statSync(probe);
    const before = recordBefore(ds);
    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.code).toBe(1);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
    const moved = fs.statSync(tarball(archive, 'lab-a/ep-no-sample'));
    expect([moved.uid, moved.gid, moved.mode & 0o7777, Math.round(moved.mtimeMs)]).toEqual([4321, 4321, 0o640, Math.round(st.mtimeMs)]);
    expect(fs.readdirSync(path.join(archive, 'lab-a')).filter((f) => f.includes('partial'))).toEqual([]);
    fs.rmSync(archive, { recursive: true });
  });
});

describe('--delete', () => {
  it('removes exactly the flagged tarballs and rows, archives nothing', async () => {
    const ds = copyFixture('prune-delete');
    const flagged = await flaggedKeys(ds);
    const before = recordBefore(ds);
    const r = await runPrune(pruneArgs(ds, '--delete'));
    expect(r.code).toBe(1);
    expect(r.out.endsWith(`\n\ndeleted ${flagged.size} episodes\n`)).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'delete', before });
    expect(fs.existsSync(ds.archive)).toBe(false);
  });
});

describe('dry run', () => {
  it('is the default and touches nothing', async () => {
    const ds = copyFixture('prune-dry');
    const before = tree(ds.dir);
    const stBefore = fs.statSync(ds.index);
    const r = await runPrune(pruneArgs(ds));
    expect(r.code).toBe(1);
    expect(r.out.endsWith('\ndry-run only. Re-run with --archive (safer) or --delete.\n')).toBe(true);
    expect(tree(ds.dir)).toEqual(before);
    expect(fs.statSync(ds.index).mtimeMs).toBe(stBefore.mtimeMs);
    expect(fs.existsSync(ds.archive)).toBe(false);
  });

  it('mentions an interrupted run without finishing it', async () => {
    const ds = copyFixture('prune-dry-pending');
    fs.writeFileSync(`${ds.index}.prune-journal`, '{}');
    const before = tree(ds.dir);
    const r = await runPrune(pruneArgs(ds));
    expect(r.err).toContain('an interrupted prune run is recorded in');
    expect(tree(ds.dir)).toEqual(before);
  });
});

describe('hostile and odd input', () => {
  it('an index row whose ids are not safe path components is never turned into a path', async () => {
    const ds = copyFixture('prune-hostile');
    // The fixture index has {"host_id": "../..", "episode_id": "etc"}: put a tarball where it points.
    const escaped = path.join(ds.episodes, '..', '..', 'etc.tar.zst');
    fs.writeFileSync(escaped, 'not an episode');
    const r = await runPrune(pruneArgs(ds, '--delete'));
    expect(r.err).toContain('host_id "../..", episode_id "etc": contains a path separator; refused');
    expect(fs.readFileSync(escaped, 'utf8')).toBe('not an episode');
    expect(fs.readFileSync(ds.index, 'utf8')).toContain('{"host_id": "../..", "episode_id": "etc"}\n');
    fs.unlinkSync(escaped);
  });

  it('refuses to start while another prune holds the lock, takes over a stale lock', async () => {
    const ds = copyFixture('prune-lock');
    fs.writeFileSync(`${ds.index}.prune-lock`, `${process.ppid}\n`); // a live process
    const before = tree(ds.dir);
    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `cis490-prune: error: another cis490-prune (pid ${process.ppid}) is working on ${ds.index}; wait for it to finish, or remove ${ds.index}.prune-lock if no such process is running\n`,
    );
    expect(tree(ds.dir)).toEqual(before);

    fs.writeFileSync(`${ds.index}.prune-lock`, '999999999\n'); // no such process
    const r2 = await runPrune(pruneArgs(ds, '--archive'));
    expect(r2.code).toBe(1);
    expect(r2.out).toContain(`archived ${TOTALS.flagged} episodes`);
    expect(fs.existsSync(`${ds.index}.prune-lock`)).toBe(false);
  });

  it('a file-system problem found before acting is one line and changes nothing', async () => {
    const ds = copyFixture('prune-fs-error');
    const flagged = await flaggedKeys(ds);
    const before = recordBefore(ds);
    fs.writeFileSync(ds.archive, 'a file where the archive directory should be');
    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.code).toBe(2);
    const errors = r.err.split('\n').filter((l) => l.startsWith('cis490-prune: error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cis490-prune: error: ENOTDIR: .*; nothing is lost: fix that and re-run/);
    expect(fs.existsSync(`${ds.index}.prune-journal`)).toBe(false);
    expect(tree(ds.episodes)).toEqual(before.tarballs);
    expect(fs.readFileSync(ds.index)).toEqual(before.index);

    fs.unlinkSync(ds.archive);
    const again = await runPrune(pruneArgs(ds, '--archive'));
    expect(again.out.endsWith(`\n\narchived ${flagged.size} episodes\n`)).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
  });

  it('an interrupted run is finished first, and only with the roots it was started with', async () => {
    const ds = copyFixture('prune-roots');
    const flagged = await flaggedKeys(ds);
    const before = recordBefore(ds);
    const crash = new Error('simulated crash');
    await expect(
      applyPrune({
        indexPath: ds.index,
        episodesRoot: ds.episodes,
        archiveRoot: ds.archive,
        action: 'archive',
        flagged: [...flagged].map((k) => {
          const [host, episode] = k.split('/') as [string, string];
          return { host, episode, tarPath: tarball(ds.episodes, k) };
        }),
        hooks: {
          step: (name) => {
            if (name === 'unlinked lab-b/ep-pax-long-names') throw crash;
          },
        },
      }),
    ).rejects.toBe(crash);

    const other = path.join(ds.dir, 'elsewhere');
    const r = await runPrune(['--episodes-root', ds.episodes, '--index', ds.index, '--archive-root', other, '--delete']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `cis490-prune: error: ${ds.index}.prune-journal records an interrupted --archive with --episodes-root ${ds.episodes} --archive-root ${ds.archive}; re-run with those roots to finish it\n`,
    );
    expect(fs.existsSync(other)).toBe(false);

    const dry = await runPrune(pruneArgs(ds));
    expect(dry.err).toContain('an interrupted prune run is recorded in');
    const again = await runPrune(pruneArgs(ds, '--delete'));
    expect(again.err).toContain(`finishing an interrupted --archive of ${flagged.size} episodes`);
    // stdout says what was finished: the operator reads it, and "deleted 0" alone would hide it.
    expect(again.out.endsWith(`\n\ndeleted 0 episodes (and archived ${flagged.size} finishing the interrupted --archive)\n`)).toBe(true);
    expectPruned(ds, { acted: flagged, action: 'archive', before });
  });

  it('refuses a journal it did not write (wrong owner), with a one-line fix', async () => {
    const ds = copyFixture('prune-journal-owner');
    const j = `${ds.index}.prune-journal`;
    const lines = splitLines(fs.readFileSync(ds.index)).length;
    fs.writeFileSync(j, '{}');
    fs.chownSync(j, 1234, 1234);
    const r = await runPrune(pruneArgs(ds, '--delete'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`${j} is owned by uid 1234, not by this user`);
    expect(splitLines(fs.readFileSync(ds.index)).length).toBe(lines);
  });
});
