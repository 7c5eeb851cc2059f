/**
 * Ids from the index never start a line of cis490-prune's text output as a workflow command
 * ("::warning::..." is one when a step prints it), nor carry the legacy "##[" marker, on stdout
 * or stderr, dry run or --archive; --json stays exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUBSET, copyFixture, pruneArgs, removeTempDirs, runPrune, tarball } from '../support/prune.js';

afterAll(removeTempDirs);

const HOSTILE: Array<[string, string]> = [
  ['::warning::X', 'ep-injected'],
  ['  ::error title=t::Y', 'ep-indented'],
  ['lab-z', '##[warning]Z'],
];

/** What the Actions runner would read as a workflow command in a step's output. */
function commandLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((l) => l.trimStart().startsWith('::') || l.includes('##['));
}

function hostileDataset(prefix: string) {
  const ds = copyFixture(prefix, { only: SUBSET });
  const flaggedTar = tarball(ds.episodes, 'lab-a/ep-no-sample');
  const notATar = tarball(ds.episodes, 'lab-c/ep-not-a-tar');
  let rows = '';
  for (const [i, [host, episode]] of HOSTILE.entries()) {
    const dest = path.join(ds.episodes, host, `${episode}.tar.zst`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    // One flagged by its content, the others unreadable: both kinds of line carry the ids.
    fs.copyFileSync(i === 0 ? flaggedTar : notATar, dest);
    rows += `${JSON.stringify({ host_id: host, episode_id: episode })}\n`;
    rows += `${JSON.stringify({ host_id: host, episode_id: `${episode}-missing` })}\n`;
  }
  fs.appendFileSync(ds.index, rows);
  return ds;
}

describe('ids that look like workflow commands', () => {
  it('never start a line or carry "##[" in the dry run, and the table keeps its columns', async () => {
    const ds = hostileDataset('inject-dry');
    const r = await runPrune(pruneArgs(ds));
    expect(r.code).toBe(1);
    expect(commandLines(r.out)).toEqual([]);
    expect(commandLines(r.err)).toEqual([]);
    const lines = r.out.split('\n');
    expect(lines).toContain(
      `${'"::warning::X"'.padEnd(14)} ${'ep-injected'.padEnd(28)} ${String(fs.statSync(tarball(ds.episodes, 'lab-a/ep-no-sample')).size).padStart(9)}  no-sample`,
    );
    expect(r.out).toMatch(/^" {2}::error title=t::Y" ep-indented +\d+ {2}unreadable$/m);
    expect(r.out).toMatch(/^lab-z {10}#\\u0023\[warning\]Z +\d+ {2}unreadable$/m);
    // Ordinary ids print exactly as the reference prints them.
    expect(r.out).toMatch(/^lab-a {10}ep-no-sample {16} +\d+ {2}no-sample/m);
  });

  it('never start a line or carry "##[" on --archive, and --json is unchanged', async () => {
    const ds = hostileDataset('inject-archive');
    const json = await runPrune(pruneArgs(ds, '--json'));
    const doc = JSON.parse(json.out) as { flagged_episodes: Array<{ host: string }> };
    expect(doc.flagged_episodes.map((f) => f.host)).toEqual(expect.arrayContaining(HOSTILE.map(([h]) => h)));
    const r = await runPrune(pruneArgs(ds, '--archive'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('::warning::X/ep-injected');
    expect(commandLines(r.out)).toEqual([]);
    expect(commandLines(r.err)).toEqual([]);
    expect(fs.existsSync(path.join(ds.archive, '::warning::X', 'ep-injected.tar.zst'))).toBe(true);
  });
});
