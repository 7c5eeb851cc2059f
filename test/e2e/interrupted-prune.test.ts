/**
 * A nightly check that runs while a prune is unfinished (killed with SIGKILL after it archived
 * some tarballs, before it dropped their rows) counts those episodes as pruned, not as lost
 * tarballs: no regression, no advice to accept the rows without them. It says so on its first
 * screen and records the journal in the report; a release gate refuses until the prune is
 * finished; once a re-run of cis490-prune finishes it, the note is gone.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/helpers.js';
import { copyFixture, flaggedKeys, removeTempDirs, tarball, type Dataset } from '../support/prune.js';

afterAll(removeTempDirs);

const GATE = path.join(REPO, 'dist', 'episode-gate.js');
const PRUNE = path.join(REPO, 'dist', 'cis490-prune.js');
const CHILD = fileURLToPath(new URL('../support/prune-crash-child.ts', import.meta.url));

function check(ds: Dataset, report: string, ...more: string[]): { code: number | null; out: string; err: string } {
  const args = ['check', '--episodes-root', ds.episodes, '--index', ds.index, '--report-out', report, '--jobs', '2', ...more];
  const r = spawnSync(process.execPath, [GATE, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface ReportPart {
  dataset: { prune_journal?: string };
  missing_tarballs: Array<{ host: string; episode: string; pruning?: true }>;
  comparison?: { classes: { gone_ids: string[]; missing_tarball_ids?: string[] } | null };
}
const readReport = (ds: Dataset, name: string): ReportPart => JSON.parse(fs.readFileSync(path.join(ds.dir, name), 'utf8')) as ReportPart;
const missingOf = (r: ReportPart): string[] => r.missing_tarballs.map((m) => `${m.host}/${m.episode}`).sort();

/** Runs prune --archive in a child that kills itself with SIGKILL at step `k`. */
function killedAt(ds: Dataset, k: number, keys: Iterable<string>): Promise<NodeJS.Signals | null> {
  const flagged = [...keys].map((key) => {
    const [host, episode] = key.split('/') as [string, string];
    return { host, episode, tarPath: tarball(ds.episodes, key) };
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, ds.index, ds.episodes, ds.archive, 'archive', String(k), JSON.stringify(flagged)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('episode-gate check on a dataset a killed prune left unfinished', () => {
  it('names the journal and the fix on the first screen, then nothing once the prune is finished', async () => {
    const ds = copyFixture('interrupted');
    const acted = await flaggedKeys(ds);
    expect(acted.size).toBeGreaterThan(1);
    const journal = `${ds.index}.prune-journal`;

    const baseline = path.join(ds.dir, 'baseline.json');
    const made = spawnSync(process.execPath, [GATE, 'baseline', '--episodes-root', ds.episodes, '--index', ds.index, '--out', baseline], {
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const clean = check(ds, path.join(ds.dir, 'before.json'), '--baseline', baseline);
    expect(clean.code).toBe(0);
    expect(clean.out + clean.err).not.toContain('interrupted cis490-prune');

    // Step 0 writes the journal, step 1 archives the first tarball: killed after some moves, before the rows go.
    expect(await killedAt(ds, 3, acted)).toBe('SIGKILL');
    expect(fs.existsSync(journal)).toBe(true);
    const moved = [...acted].filter((k) => !fs.existsSync(tarball(ds.episodes, k)));
    expect(moved.length).toBeGreaterThan(0);

    const during = check(ds, path.join(ds.dir, 'during.json'), '--baseline', baseline);
    // Pruned episodes are gone, as after a finished prune: the gate passes, with no advice to
    // accept rows without their tarballs.
    expect(during.code, during.err).toBe(0);
    expect(during.out).toContain(`data changed (${moved.length} gone episode`);
    expect(during.out + during.err).not.toMatch(/will not arrive|tarball is missing \(/);
    const headline = during.out.split('\n').find((l) => l.trim() !== '')!;
    expect(headline).toContain(
      `an interrupted cis490-prune is recorded in ${journal}: ${moved.length} episode${moved.length === 1 ? '' : 's'} it has already archived or deleted ${moved.length === 1 ? 'is' : 'are'} still listed in the index (counted as pruned, not missing); re-run that cis490-prune (same options) to finish it`,
    );
    const report = readReport(ds, 'during.json');
    expect(report.dataset.prune_journal).toBe(journal);
    // Still listed as rows without a tarball (nothing is dropped silently), marked as the prune's.
    const lostBefore = missingOf(readReport(ds, 'before.json'));
    expect(missingOf(report)).toEqual([...lostBefore, ...moved].sort());
    expect(
      report.missing_tarballs
        .filter((m) => m.pruning)
        .map((m) => `${m.host}/${m.episode}`)
        .sort(),
    ).toEqual([...moved].sort());
    expect(report.comparison?.classes?.gone_ids).toEqual([...moved].sort());
    expect((report.comparison?.classes?.missing_tarball_ids ?? []).filter((k) => moved.includes(k))).toEqual([]);

    // A release is not made from a dataset a prune is still changing.
    const release = check(ds, path.join(ds.dir, 'release.json'), '--fail-on', 'flagged');
    expect(release.code).toBe(1);
    expect(release.err).toContain(
      `${moved.length} index row${moved.length === 1 ? '' : 's'} ${moved.length === 1 ? 'lists an episode' : 'list episodes'} an interrupted cis490-prune has already archived or deleted: finish that prune (re-run it with the same options) before releasing`,
    );

    const finish = spawnSync(
      process.execPath,
      [PRUNE, '--episodes-root', ds.episodes, '--index', ds.index, '--archive-root', ds.archive, '--archive'],
      { encoding: 'utf8' },
    );
    expect(finish.status, finish.stderr).toBe(0);
    expect(fs.existsSync(journal)).toBe(false);

    const after = check(ds, path.join(ds.dir, 'after.json'), '--baseline', baseline);
    expect(after.code).toBe(0);
    expect(after.out + after.err).not.toContain('interrupted cis490-prune');
    expect(readReport(ds, 'after.json').dataset).not.toHaveProperty('prune_journal');
  });
});
