/**
 * What the first screen of a check says, through main() on real .tar.zst files: a failing
 * headline names what changed, the effect line counts gone episodes and reasons gained, each
 * surface's own option syntax, and a gate that cannot pass by mistake (a reason filter, index rows
 * without tarballs, a release of nothing).
 */
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { tempDir } from '../support/helpers.js';
import { writeThresholdDataset } from '../support/threshold-dataset.js';

const tmp = tempDir('gate-first-screen-');

async function gate(argv: string[]): Promise<{ code: number; out: string; err: string; first: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd: tmp };
  const code = await gateMain(argv, io);
  return { code, out, err, first: out.split('\n')[0]! };
}

beforeAll(async () => {
  writeThresholdDataset(path.join(tmp, 'data'));
  expect((await gate(['baseline', '--dataset', 'data', '--out', 'base.json'])).code).toBe(0);
  // The same dataset without lab-a/ep-01, a kept episode: its tarball and its index row gone.
  cpSync(path.join(tmp, 'data'), path.join(tmp, 'less'), { recursive: true });
  rmSync(path.join(tmp, 'less', 'episodes', 'lab-a', 'ep-01.tar.zst'));
  const index = path.join(tmp, 'less', 'index.jsonl');
  const rows = readFileSync(index, 'utf8').split('\n');
  writeFileSync(index, rows.filter((l) => !(l.includes('"lab-a"') && l.includes('"ep-01"'))).join('\n'));
  expect(rows.length - readFileSync(index, 'utf8').split('\n').length).toBe(1);
});

describe('a failing headline names what changed', () => {
  it('settings and data, then the regressions, on one line', async () => {
    const r = await gate(['check', '--dataset', 'less', '--baseline', 'base.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(1);
    expect(r.first).toMatch(
      /^### ❌ episode-gate: FAILED — settings changed: netflowSpreadBytes 51200 → 81920; data changed \(1 gone episode\); \d+ regressions against base\.json( \([^)]*\))?: /,
    );
    expect(r.err.split('\n')[0]).toContain(
      'GATE FAILED (exit 1): settings changed: netflowSpreadBytes 51200 → 81920; data changed (1 gone episode); ',
    );
  });
  it('the effect line counts the gone episode by its verdict in the baseline', async () => {
    const r = await gate(['check', '--dataset', 'less', '--baseline', 'base.json']);
    expect(r.out.split('\n')[1]).toMatch(
      /^- \*\*Effect:\*\* 0 kept → flagged, 0 flagged → kept, 1 gone \(kept\); among the baseline's episodes: /,
    );
  });
});

describe('a broken pinned case', () => {
  it('is named on the first line and in the effect line, though the settings change explains the flips', async () => {
    expect((await gate(['baseline', '--dataset', 'data', '--pin', 'lab-a/ep-01', '--out', 'pinned.json'])).code).toBe(0);
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'pinned.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(1);
    expect(r.first).toMatch(
      /^### ❌ episode-gate: FAILED — settings changed: netflowSpreadBytes 51200 → 81920; pinned case "[^"]+" \(lab-a\/ep-01\): expected kept, got flagged \(flat-cpu\)$/,
    );
    expect(r.out.split('\n')[1]).toMatch(/^- \*\*Effect:\*\* .*; breaks pinned case lab-a\/ep-01$/);
  });
});

describe('verdicts that changed with nothing recorded changed', () => {
  it('are put down to the classifier code, on the first screen and in the regressions list', async () => {
    // The baseline as an older build of the same version judged it: one flagged episode kept.
    const b = JSON.parse(readFileSync(path.join(tmp, 'base.json'), 'utf8'));
    const [id, ep] = Object.entries(b.episodes as Record<string, { reasons: string[] }>).find(([, e]) => e.reasons.length > 0)!;
    for (const r of ep.reasons) b.by_reason[r]--;
    ep.reasons = [];
    b.counts.kept++;
    b.counts.flagged--;
    writeFileSync(path.join(tmp, 'older-build.json'), JSON.stringify(b));
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'older-build.json']);
    expect(r.code).toBe(1);
    expect(r.first).toBe('### ❌ episode-gate: FAILED — classifier code changed (same settings, data and tool version as the baseline)');
    expect(r.out).toContain(id);
    expect(r.out).toContain('explained by one cause (classifier code changed');
    // With the data changed too, the data is named and the code is not blamed.
    const less = await gate(['check', '--dataset', 'less', '--baseline', 'older-build.json']);
    expect(less.first).toContain('data changed (1 gone episode)');
    expect(less.out).not.toContain('classifier code changed');
  });
});

describe('the effect line names reasons gained by episodes already flagged', () => {
  it('"1 flagged episode gained flat-cpu and lost no-sample"', async () => {
    const made = await gate(['baseline', '--dataset', 'data', '--set', 'netflowSpreadBytes=81920', '--out', 'flagged.json']);
    expect(made.code).toBe(0);
    // The baseline recorded lab-a/ep-01 as flagged for another reason.
    const b = JSON.parse(readFileSync(path.join(tmp, 'flagged.json'), 'utf8'));
    expect(b.episodes['lab-a/ep-01'].reasons).toEqual(['flat-cpu']);
    b.episodes['lab-a/ep-01'].reasons = ['no-sample'];
    b.by_reason['flat-cpu']--;
    b.by_reason['no-sample']++;
    writeFileSync(path.join(tmp, 'flagged.json'), JSON.stringify(b));
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'flagged.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[1]).toMatch(
      /^- \*\*Effect:\*\* 0 kept → flagged, 0 flagged → kept, 1 flagged episode gained flat-cpu and lost no-sample; /,
    );
  });
});

describe('each surface speaks its own syntax', () => {
  it('the CLI names --fail-on flagged and --baseline, never an Action input', async () => {
    const r = await gate(['check', '--dataset', 'data', '--set', 'netflowSpreadBytes=81920', '--fail-on', 'flagged']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('with --fail-on flagged');
    expect(r.err + r.out).not.toMatch(/fail-on: |Action: /);
    // --fail-on flagged needs no baseline: it is not sent to write one.
    expect(r.out).not.toContain('write a baseline');
    const reportOnly = await gate(['check', '--dataset', 'data']);
    expect(reportOnly.code).toBe(0);
    expect(reportOnly.out).toContain('write a baseline and pass it with --baseline');
  });
});

describe('scan of an index without episode rows', () => {
  it('empty: no gate words, and the fix', async () => {
    cpSync(path.join(tmp, 'data', 'episodes'), path.join(tmp, 'empty', 'episodes'), { recursive: true });
    writeFileSync(path.join(tmp, 'empty', 'index.jsonl'), '');
    const r = await gate(['scan', '--dataset', 'empty']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no episode was scanned: empty/index.jsonl: the index is empty; add one JSON row per episode');
    expect(r.err).not.toContain('a gate over nothing');
  });
  it('blank lines only: holds no episode rows', async () => {
    writeFileSync(path.join(tmp, 'empty', 'index.jsonl'), '\n\n  \n');
    const r = await gate(['scan', '--dataset', 'empty']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('empty/index.jsonl: it holds no episode rows (only blank lines); add one JSON row per episode');
  });
});

describe('a gate that cannot pass by mistake', () => {
  it('a reason filter is named on the first screen, and so is a filter no episode matches', async () => {
    const r = await gate([
      'check',
      '--dataset',
      'data',
      '--set',
      'netflowSpreadBytes=81920',
      '--reason',
      'no-sample',
      '--fail-on',
      'flagged',
    ]);
    expect(r.code).toBe(0);
    const note =
      'reason filter --reason no-sample: episodes flagged only for other reasons count as kept; no scanned episode has that reason';
    expect(r.first).toBe(`### ✅ episode-gate: passed — 0 flagged (--fail-on flagged); 6 scanned, 6 kept, 0 flagged. Note: ${note}`);
    expect(r.err).toContain(note);
    const some = await gate([
      'check',
      '--dataset',
      'data',
      '--set',
      'netflowSpreadBytes=81920',
      '--reason',
      'flat-cpu',
      '--fail-on',
      'flagged',
    ]);
    expect(some.code).toBe(1);
    expect(some.first).toContain(
      '. Notes: reason filter --reason flat-cpu: episodes flagged only for other reasons count as kept; to release, build the export',
    );
    expect(some.first).not.toContain('no scanned episode has');
    // Gated at other settings than cis490-prune's (the defaults): it is not named as the way out.
    expect(some.first).not.toContain('cis490-prune');
  });
  it('fail-on flagged fails on index rows whose tarball is missing and lines skipped; other modes name them first', async () => {
    cpSync(path.join(tmp, 'data'), path.join(tmp, 'rows'), { recursive: true });
    appendFileSync(path.join(tmp, 'rows', 'index.jsonl'), '{"host_id": "lab-a", "episode_id": "ep-99"}\nnot json\n');
    const r = await gate(['check', '--dataset', 'rows', '--fail-on', 'flagged']);
    expect(r.code).toBe(1);
    const cause =
      '1 index row lists a tarball that is missing and 1 index line skipped (not JSON, no ids or unsafe ids): --fail-on flagged cannot judge their episodes; restore the tarballs, or drop those lines from the index';
    // lab-a/ep-04 is flagged at the default settings: both causes, flagged first.
    const release =
      "to release, build the export without the flagged episode (cis490-prune --archive on the export's own copy moves it out) and gate it again";
    expect(r.first).toBe(`### ❌ episode-gate: FAILED — 1 episode flagged (flat-cpu 1) with --fail-on flagged; ${cause}. Note: ${release}`);
    expect(r.err.split('\n')[0]).toBe(
      `episode-gate: GATE FAILED (exit 1): 1 episode flagged (flat-cpu 1) with --fail-on flagged; ${cause}. Note: ${release}`,
    );
    // Nothing flagged (a reason filter no episode has): the rows alone fail.
    const rowsOnly = await gate(['check', '--dataset', 'rows', '--fail-on', 'flagged', '--reason', 'no-sample']);
    expect(rowsOnly.code).toBe(1);
    expect(rowsOnly.first).toMatch(new RegExp(`^### ❌ episode-gate: FAILED — ${cause.replace(/[()]/g, '\\$&')}. Note: reason filter `));
    const plain = await gate(['check', '--dataset', 'rows']);
    expect(plain.code).toBe(0);
    expect(plain.first).toMatch(
      /(\. Note: |; )1 index row lists a tarball that is missing and 1 index line skipped \(not JSON, no ids or unsafe ids\)$/,
    );
    expect(plain.err).toContain('1 index row lists a tarball that is missing');
  });
  it('a manifest that would release no episode fails in one line', async () => {
    cpSync(path.join(tmp, 'data', 'episodes'), path.join(tmp, 'none', 'episodes'), { recursive: true });
    // Only the borderline episodes, all flagged at 81920.
    writeFileSync(
      path.join(tmp, 'none', 'index.jsonl'),
      ['ep-01', 'ep-02', 'ep-03'].map((e) => JSON.stringify({ host_id: 'lab-a', episode_id: e })).join('\n') + '\n',
    );
    const r = await gate(['check', '--dataset', 'none', '--set', 'netflowSpreadBytes=81920', '--manifest', 'release']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'GATE FAILED (exit 1): the release would hold no episode: 0 of 3 scanned are kept, so --manifest would list nothing\n',
    );
    expect(JSON.parse(readFileSync(path.join(tmp, 'release', 'manifest.json'), 'utf8')).gate.result).toBe('FAILED');
  });
});
