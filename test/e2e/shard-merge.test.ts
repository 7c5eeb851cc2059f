/**
 * `episode-gate scan --shard K/N` and `episode-gate merge` end to end: the merged shards check
 * exactly as one unsharded scan does (summary, status line, exit code, report), and anything but
 * one complete set of shards is refused with one line and exit 2.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Report } from '../../src/gate/report.js';
import { FIXTURE_DATASET, REPO, copyFixtures, growIndex } from '../support/shard-datasets.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-shard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BASELINE = path.join(REPO, 'fixtures', 'baseline.json');
/** The fixtures' totals, as the committed baseline records them. */
const TOTALS = (JSON.parse(readFileSync(BASELINE, 'utf8')) as { counts: { scanned: number; kept: number; flagged: number } }).counts;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function gate(argv: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

/** A fresh working directory under tmp. */
function workdir(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

const readJson = (f: string): Report => JSON.parse(readFileSync(f, 'utf8')) as Report;
const timeless = (r: Report): unknown => ({ ...r, generated_at: null, totals: { ...r.totals, elapsed_ms: null } });
/** The summary's one time-dependent line: "scanned in 1.2 s". */
const timelessSummary = (md: string): string => md.replace(/scanned in \d+\.\d s/g, 'scanned in ? s');

/** Scans shards 1..n of `dataset` into <cwd>/<dir>/<k>-of-<n>.json with extra options; returns the files. */
async function scanShards(cwd: string, dir: string, n: number, dataset = FIXTURE_DATASET, extra: string[] = []): Promise<string[]> {
  const out: string[] = [];
  mkdirSync(path.join(cwd, dir), { recursive: true });
  for (let k = 1; k <= n; k++) {
    const f = path.join(dir, `${k}-of-${n}.json`);
    const r = await gate(['scan', '--dataset', dataset, '--shard', `${k}/${n}`, '--report', f, ...extra], cwd);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`^episode-gate: scanned shard ${k}/${n}: \\d+ episodes: \\d+ kept, \\d+ flagged; report written to `));
    out.push(f);
  }
  return out;
}

/** One stderr line saying the tool could not run, naming the problem; nothing on stdout. */
function expectToolError(r: Run, words: string | RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^episode-gate: ERROR \(exit 2; the tool could not run, this is not a gate verdict\): /);
  if (typeof words === 'string') expect(r.err).toContain(words);
  else expect(r.err.trimEnd()).toMatch(words);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('merge checks the shards exactly as check checks one scan', () => {
  const cases: Array<[label: string, extra: string[], code: number]> = [
    ['against the fixture baseline: passes', [], 0],
    ['with a threshold that breaks the pinned case: fails', ['--set', 'netflowSpreadBytes=4194304'], 1],
  ];
  for (const n of [2, 3, 5]) {
    for (const [label, extra, code] of cases) {
      it(`N=${n}, ${label}`, async () => {
        // The same relative names in two folders, so the summaries name the same files.
        const one = workdir(`whole-${n}-${code}`);
        const many = workdir(`sharded-${n}-${code}`);
        expect((await gate(['scan', '--dataset', FIXTURE_DATASET, '--report', 'report.json', ...extra], one)).code).toBe(0);
        // Written back by the gate, with its comparison section, as merge --report-out writes its own.
        const single = await gate(
          ['check', '--report', 'report.json', '--baseline', BASELINE, '--summary', 'summary.md', '--report-out', 'report.json'],
          one,
        );
        await scanShards(many, 'shards', n, FIXTURE_DATASET, extra);
        const merged = await gate(
          ['merge', 'shards', '--baseline', BASELINE, '--report-out', 'report.json', '--summary', 'summary.md'],
          many,
        );

        expect(single.code).toBe(code);
        expect(merged.code).toBe(single.code);
        expect(merged.err).toBe(single.err);
        expect(timelessSummary(merged.out)).toBe(timelessSummary(single.out));
        expect(readFileSync(path.join(many, 'summary.md'), 'utf8')).toBe(merged.out);
        expect(timeless(readJson(path.join(many, 'report.json')))).toEqual(timeless(readJson(path.join(one, 'report.json'))));
        expect(readJson(path.join(many, 'report.json')).comparison?.mode).toBe('snapshot');
      });
    }
  }

  it('the bundled command (worker pool) merges to the same report and summary as its unsharded check', () => {
    const bin = path.join(REPO, 'dist', 'episode-gate.js');
    const cwd = workdir('bundled');
    mkdirSync(path.join(cwd, 'parts'));
    const run = (args: string[]): { code: number; out: string; err: string } => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' }), err: '' };
      } catch (e) {
        const x = e as { status: number; stdout: string; stderr: string };
        return { code: x.status, out: x.stdout, err: x.stderr };
      }
    };
    for (let k = 1; k <= 3; k++)
      expect(run(['scan', '--dataset', FIXTURE_DATASET, '--shard', `${k}/3`, '--report', `parts/${k}.json`]).code).toBe(0);
    const merged = run(['merge', 'parts/1.json', 'parts/2.json', 'parts/3.json', '--baseline', BASELINE, '--report-out', 'merged.json']);
    const single = run(['check', '--dataset', FIXTURE_DATASET, '--baseline', BASELINE, '--report-out', 'merged.json']);
    expect(merged.code).toBe(0);
    expect(single.code).toBe(0);
    // check from a dataset offers to rebuild the baseline from the dataset, merge from the merged report.
    const hint = (md: string): string => md.replace(/<code>episode-gate baseline [^<]*<\/code>/g, '<code>UPDATE</code>');
    expect(hint(timelessSummary(merged.out))).toBe(hint(timelessSummary(single.out)));
    expect(merged.out.split('\n')[0]).toBe(
      `### ✅ episode-gate: passed — no regressions against ${BASELINE}; ${TOTALS.scanned} scanned, ${TOTALS.kept} kept, ${TOTALS.flagged} flagged. Note: 1 index row lists a tarball that is missing and 5 index lines skipped (not JSON, no ids or unsafe ids)`,
    );
  });
});

describe('anything but one complete set of shards is refused (exit 2, one line)', () => {
  let cwd: string;
  let parts: string[];
  beforeAll(async () => {
    cwd = workdir('errors');
    parts = await scanShards(cwd, 'p', 3);
  });

  it('a missing shard', async () => {
    expectToolError(
      await gate(['merge', parts[0]!, parts[2]!], cwd),
      'shard 2/3 is missing (got 1/3, 3/3): pass the reports of all 3 shards; a missing shard is not a smaller dataset',
    );
    expectToolError(await gate(['merge', parts[1]!], cwd), 'shards 1/3, 3/3 are missing (got 2/3)');
  });

  it('a shard given twice', async () => {
    copyFileSync(path.join(cwd, parts[1]!), path.join(cwd, 'again.json'));
    expectToolError(
      await gate(['merge', 'p', 'again.json'], cwd),
      "shard 2/3 is given twice (again.json and p/2-of-3.json): pass each shard's report once",
    );
  });

  it('shards of another dataset (the index changed between shard scans)', async () => {
    const root = copyFixtures(path.join(tmp, 'changing'));
    const d = workdir('changing-run');
    await scanShards(d, 'before', 3, root);
    growIndex(root, 'y');
    await scanShards(d, 'after', 3, root);
    expectToolError(
      await gate(['merge', 'before/1-of-3.json', 'after/2-of-3.json', 'after/3-of-3.json'], d),
      /: before\/1-of-3\.json and after\/2-of-3\.json are of different datasets \(fingerprint sha256:[0-9a-f]{12}… vs sha256:[0-9a-f]{12}…\): scan every shard from the same snapshot of the dataset$/,
    );
  });

  it('a shard scanned with other settings', async () => {
    const d = workdir('settings-run');
    await scanShards(d, 's', 2);
    const r = await gate(
      ['scan', '--dataset', FIXTURE_DATASET, '--shard', '2/2', '--set', 'netflowSpreadBytes=40960', '--report', 's/2-of-2.json'],
      d,
    );
    expect(r.code).toBe(0);
    expectToolError(
      await gate(['merge', 's'], d),
      /s\/1-of-2\.json and s\/2-of-2\.json were scanned with different classifier settings \(settings_hash .*\): give every shard the same --settings and --set$/,
    );
  });

  it('a shard scanned for one host only', async () => {
    const d = workdir('host-run');
    await scanShards(d, 'h', 2);
    expect(
      (await gate(['scan', '--dataset', FIXTURE_DATASET, '--shard', '1/2', '--host', 'lab-a', '--report', 'h/1-of-2.json'], d)).code,
    ).toBe(0);
    // Its fingerprint covers lab-a's tarballs only, so it is another dataset first.
    expectToolError(await gate(['merge', 'h'], d), /h\/1-of-2\.json and h\/2-of-2\.json are of different datasets/);
  });

  it('shards of different N', async () => {
    const d = workdir('mixed-n');
    const two = await scanShards(d, 'two', 2);
    expectToolError(
      await gate(['merge', two[0]!, path.join(cwd, parts[1]!), path.join(cwd, parts[2]!)], d),
      `two/1-of-2.json is shard 1/2 but ${path.join(cwd, parts[1]!)} is shard 2/3: merge the reports of one matrix, all with the same N`,
    );
  });

  it('an unsharded report', async () => {
    expect((await gate(['scan', '--dataset', FIXTURE_DATASET, '--report', 'whole.json'], cwd)).code).toBe(0);
    expectToolError(
      await gate(['merge', 'p', 'whole.json'], cwd),
      'whole.json is not a shard report (it has no "shard"): merge takes the reports of episode-gate scan --shard K/N; gate a whole report with episode-gate check --report whole.json',
    );
  });

  it('a folder without reports, and no reports at all', async () => {
    mkdirSync(path.join(cwd, 'empty'), { recursive: true });
    expectToolError(await gate(['merge', 'empty'], cwd), 'empty holds no *.json report');
    const r = await gate(['merge', '--baseline', BASELINE], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^episode-gate merge: error: the following arguments are required: REPORT; episode-gate merge --help lists the options\n$/,
    );
  });

  it('a shard report cannot be checked or made into a baseline alone', async () => {
    expectToolError(
      await gate(['check', '--report', parts[0]!, '--baseline', BASELINE, '--report-out', 'copy.json'], cwd),
      'p/1-of-3.json is the report of shard 1/3 only, and a shard cannot be gated alone: merge the reports of all 3 shards with episode-gate merge',
    );
    expect(existsSync(path.join(cwd, 'copy.json'))).toBe(false);
    expectToolError(
      await gate(['baseline', '--report', parts[0]!, '--out', 'b.json'], cwd),
      'p/1-of-3.json is the report of shard 1/3 only, and a shard cannot be made into a baseline alone',
    );
    expect(existsSync(path.join(cwd, 'b.json'))).toBe(false);
  });

  it('check --shard and baseline --shard say how to gate shards instead', async () => {
    expectToolError(await gate(['check', '--shard', '1/3'], cwd), 'check --shard: a shard cannot be gated alone: write each shard');
    expectToolError(
      await gate(['baseline', '--shard=1/3', '--out', 'b.json'], cwd),
      'baseline --shard: a baseline is made from the whole dataset',
    );
    expect(existsSync(path.join(cwd, 'b.json'))).toBe(false);
  });

  it('a bad K/N is a usage error', async () => {
    for (const spec of ['4/3', '0/3', 'three']) {
      const r = await gate(['scan', '--shard', spec], cwd);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        /^episode-gate scan: error: argument --shard: shard ".*"(?: is not of the form K\/N|: K must be 1\.\.N)[^\n]*\n$/,
      );
    }
  });

  it('merge writes nothing when it refuses', async () => {
    writeFileSync(path.join(cwd, 'summary-before.md'), 'old');
    const r = await gate(['merge', parts[0]!, '--report-out', 'm.json', '--summary', 'summary-before.md'], cwd);
    expect(r.code).toBe(2);
    expect(existsSync(path.join(cwd, 'm.json'))).toBe(false);
    expect(readFileSync(path.join(cwd, 'summary-before.md'), 'utf8')).toBe('old');
  });
});
