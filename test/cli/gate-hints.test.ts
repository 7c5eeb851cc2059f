/**
 * episode-gate as a new user meets it, through its main() on real .tar.zst files: no silent
 * fallback to the bundled fixtures, nothing scanned is never a pass, the summary leads with the
 * cause and the accept command, warn levels, and the options users expect.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { BASELINE_SCHEMA_ID, type Baseline } from '../../src/gate/baseline.js';
import { toolVersion } from '../../src/shared/package-info.js';
import { tempDir } from '../support/helpers.js';
import { writeThresholdDataset } from '../support/threshold-dataset.js';

const repo = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir('gate-hints-');
const root = path.join(tmp, 'data');
const baseline = path.join(tmp, 'baseline.json');

async function gate(argv: string[], cwd = tmp): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

function expectOneLineError(r: { code: number; out: string; err: string }, ...words: string[]): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  for (const w of words) expect(r.err).toContain(w);
}

beforeAll(async () => {
  writeThresholdDataset(root);
  const b = await gate(['baseline', '--dataset', 'data', '--out', 'baseline.json']);
  expect(b.code).toBe(0);
});

describe('no silent fallback to the bundled fixtures', () => {
  it('baseline --out without a dataset is refused, and nothing is written', async () => {
    const r = await gate(['baseline', '--out', 'other.json']);
    expectOneLineError(r, 'no dataset named, but --out is', '--dataset DIR');
    expect(existsSync(path.join(tmp, 'other.json'))).toBe(false);
  });
  it('check --baseline without a dataset is refused', async () => {
    expectOneLineError(await gate(['check', '--baseline', 'baseline.json']), 'no dataset named, but --baseline is');
  });
  it('check with nothing named still runs the bundled fixtures against their baseline', async () => {
    const r = await gate(['check'], repo);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toContain('passed — no regressions against fixtures/baseline.json');
  });
  it('a written baseline carries a $schema that does not depend on where the tool is installed', () => {
    expect(JSON.parse(readFileSync(baseline, 'utf8')).$schema).toBe(BASELINE_SCHEMA_ID);
    const schema = JSON.parse(readFileSync(path.join(repo, 'schema/baseline.schema.json'), 'utf8')) as { $id: string };
    expect(schema.$id).toBe(BASELINE_SCHEMA_ID);
  });
});

describe('nothing scanned is never a pass', () => {
  it('a mistyped --host is exit 2, naming the hosts and the nearest one', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--host', 'lab-z']);
    expectOneLineError(r, 'no episode was scanned', '"lab-z"', 'did you mean "lab-a"?', 'lab-a, lab-b, lab-c');
  });
  it('an empty dataset is exit 2', async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(path.join(empty, 'episodes'), { recursive: true });
    writeFileSync(path.join(empty, 'index.jsonl'), '');
    expectOneLineError(await gate(['scan', '--dataset', 'empty']), 'no episode was scanned', 'the index is empty');
  });
});

describe('a threshold change: cause first', () => {
  it('opens with the setting, its effect by host and reason, and the accept command', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(1);
    const [first, second, third] = r.out.split('\n');
    expect(first).toBe('### ❌ episode-gate: FAILED — settings changed: netflowSpreadBytes 51200 → 81920');
    expect(second).toContain('- **Effect:** 4 kept → flagged (hosts lab-a 3, lab-b 1; reasons flat-cpu 4), 0 flagged → kept');
    expect(third).toBe(
      '- **If this change is intended, accept it:** <code>episode-gate baseline --dataset data --set netflowSpreadBytes=81920 --out baseline.json</code>',
    );
    // The counts over tolerance are one item under the cause, not separate failures.
    const regressions = r.out.slice(r.out.indexOf('#### Regressions'), r.out.indexOf('####', r.out.indexOf('#### Regressions') + 5));
    expect(regressions.match(/^- /gm)).toHaveLength(1);
    expect(regressions).toContain('explained by one cause (settings changed: netflowSpreadBytes 51200 → 81920)');
    expect(r.err).toContain(
      'if this change is intended, accept it: episode-gate baseline --dataset data --set netflowSpreadBytes=81920 --out baseline.json',
    );
  });
  it('says the cause first on stderr too, then the regressions and the totals', async () => {
    const cause = 'settings changed: netflowSpreadBytes 51200 → 81920';
    const failed = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--set', 'netflowSpreadBytes=81920']);
    expect(failed.err.split('\n')[0]).toMatch(
      new RegExp(`^episode-gate: GATE FAILED \\(exit 1\\): ${cause}; \\d+ regressions against baseline\\.json \\([^)]*\\): kept `),
    );
    const passed = await gate([
      'check',
      '--dataset',
      'data',
      '--baseline',
      'baseline.json',
      '--set',
      'netflowSpreadBytes=81920',
      '--fail-on',
      'never',
    ]);
    expect(passed.code).toBe(0);
    expect(passed.err.split('\n')[0]).toMatch(
      new RegExp(
        `^episode-gate: PASSED: ${cause}; \\d+ regressions not enforced \\(--fail-on never\\); \\d+ episodes: \\d+ kept, \\d+ flagged$`,
      ),
    );
    // Without a recorded change the line is as before: the verdict, then the totals.
    const same = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json']);
    expect(same.err.split('\n')[0]).toMatch(/^episode-gate: PASSED: no regressions against baseline\.json; \d+ episodes: /);
  });
  it('the accept command, run as printed, makes the same check pass', async () => {
    const accepted = path.join(tmp, 'accepted.json');
    writeFileSync(accepted, readFileSync(baseline));
    const a = await gate(['baseline', '--dataset', 'data', '--set', 'netflowSpreadBytes=81920', '--out', 'accepted.json']);
    expect(a.code).toBe(0);
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'accepted.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(0);
  });
});

describe('the accept command is offered only where accepting helps', () => {
  const set = ['--set', 'netflowSpreadBytes=81920'];
  it('not for a run over one host of a whole-dataset baseline: it would narrow the baseline to that host', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--host', 'lab-a', ...set]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('### ❌ episode-gate: FAILED — settings changed: netflowSpreadBytes 51200 → 81920');
    expect(r.out + r.err).not.toContain('accept it');
    expect(r.out + r.err).not.toContain('episode-gate baseline');
    // Nor is its data called changed: the host's part of the baseline is what it scanned.
    expect(r.out).toContain('**Mode: snapshot** — the dataset holds the baseline');
  });
  it('not where nothing changed and fail-on flagged fails: a new baseline would not change that', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--fail-on', 'flagged', ...set]);
    expect(r.code).toBe(1);
    const same = await gate(['check', '--dataset', 'data', '--baseline', 'accepted.json', '--fail-on', 'flagged', ...set]);
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/GATE FAILED \(exit 1\): 5 episodes flagged/);
    expect(same.err).not.toContain('accept');
  });
  it('not where fail-on flagged fails on flagged episodes besides regressions: both are named, and why no baseline is offered', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--fail-on', 'flagged', ...set]);
    expect(r.code).toBe(1);
    const first = r.out.split('\n')[0]!;
    expect(first).toMatch(/^### ❌ episode-gate: FAILED — settings changed: .*; 5 episodes flagged \(.*\) with --fail-on flagged/);
    expect(first).toContain(
      'a new baseline would accept the regressions but not release the 5 flagged episodes: build the export without them',
    );
    expect(r.out + r.err).not.toContain('episode-gate baseline');
  });
  it('from the report this check wrote (--report-out), which makes the same check pass as printed', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json', '--report-out', 'judged.json', ...set]);
    expect(r.code).toBe(1);
    const line = r.err.split('\n').find((l) => l.includes('accept it'))!;
    expect(line).toMatch(
      /: episode-gate baseline --report judged\.json --out baseline-from-report\.json$|: episode-gate baseline --report judged\.json --out baseline\.json$/,
    );
    const argv = line.slice(line.indexOf('episode-gate baseline ') + 'episode-gate '.length).split(' ');
    argv[argv.length - 1] = 'from-report.json';
    expect((await gate(argv)).code).toBe(0);
    expect((await gate(['check', '--dataset', 'data', '--baseline', 'from-report.json', ...set])).code).toBe(0);
  });
  it('where pinned cases no longer match, with --drop-stale-cases, and the command as printed makes the check pass', async () => {
    expect((await gate(['baseline', '--dataset', 'data', '--out', 'pinned.json', '--pin', 'lab-a/ep-01'])).code).toBe(0);
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'pinned.json', ...set]);
    expect(r.code).toBe(1);
    const line = r.err.split('\n').find((l) => l.includes('accept it'))!;
    expect(line).toBe(
      'episode-gate: if this change is intended, accept it (the pinned cases that no longer match are dropped; pin them again with --pin): ' +
        'episode-gate baseline --dataset data --set netflowSpreadBytes=81920 --out pinned.json --drop-stale-cases',
    );
    const argv = line.slice(line.indexOf('episode-gate baseline ') + 'episode-gate '.length).split(' ');
    expect((await gate(argv)).code).toBe(0);
    expect((await gate(['check', '--dataset', 'data', '--baseline', 'pinned.json', ...set])).code).toBe(0);
  });
});

describe('warn levels', () => {
  it('a change past tolerance.warn but within the tolerance passes with a warning', async () => {
    const b = JSON.parse(readFileSync(baseline, 'utf8')) as Baseline;
    b.tolerance = { kept_drop: 10, flagged_rise: 10, flagged_rate_rise: 100, reasons: { 'flat-cpu': 10 }, warn: { kept_drop: 1 } };
    writeFileSync(path.join(tmp, 'warn.json'), JSON.stringify(b));
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'warn.json', '--set', 'netflowSpreadBytes=81920']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^### ⚠️ episode-gate: passed with 1 warning — no regressions against warn\.json/);
    expect(r.out).toContain('#### Warnings (1)');
    expect(r.out).toContain('- kept 5 → 1 (−4) (warn level 1)'.replace('−', '-'));
    expect(r.err).toContain('(1 warning)');
  });
  it('a version-1 baseline without warn levels still loads and passes', async () => {
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'baseline.json']);
    expect(r.code).toBe(0);
  });
});

describe('options users expect', () => {
  it('--version, on its own and after a command', async () => {
    expect((await gate(['--version'])).out).toBe(`episode-gate ${toolVersion()}\n`);
    expect((await gate(['check', '--version'])).out).toBe(`episode-gate ${toolVersion()}\n`);
  });
  it('did you mean, for an option and a command', async () => {
    const r = await gate(['check', '--hots', 'lab-a']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('episode-gate check: error: unrecognized arguments: --hots (did you mean --host?)');
    expect((await gate(['chek'])).err).toContain("did you mean 'check'?");
  });
  it('--dataset naming the episodes folder says so', async () => {
    expectOneLineError(await gate(['scan', '--dataset', 'data/episodes']), 'is the episodes folder itself', '--dataset data');
  });
  it('a report passed as --baseline is recognised, with the right command', async () => {
    expect((await gate(['scan', '--dataset', 'data', '--report', 'report.json'])).code).toBe(0);
    const r = await gate(['check', '--dataset', 'data', '--baseline', 'report.json']);
    expectOneLineError(r, 'report.json is a report', 'episode-gate baseline --report report.json --out BASELINE.json');
  });
  it('an index that changed only in lines no episode comes from says so', async () => {
    cpSync(root, path.join(tmp, 'data-junk'), { recursive: true });
    appendFileSync(path.join(tmp, 'data-junk', 'index.jsonl'), 'a line that is not JSON\n');
    const r = await gate(['check', '--dataset', 'data-junk', '--baseline', 'baseline.json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^episode-gate: PASSED: data changed \(index\.jsonl lines only; every episode as in the baseline\); no regressions/,
    );
  });
  it('a check without a baseline says it gated nothing, not that it passed', async () => {
    const r = await gate(['check', '--dataset', 'data']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^episode-gate: REPORT ONLY, nothing gated \(no baseline given; pass --baseline FILE to gate\): 6 episodes: \d+ kept, \d+ flagged\n$/,
    );
    expect(r.err).not.toContain('PASSED');
    expect(r.out.split('\n')[0]).toMatch(/^### .* report only — 6 scanned/);
  });
  it('fail-on flagged with 0 flagged says so first', async () => {
    const r = await gate(['check', '--dataset', 'data', '--host', 'lab-c', '--fail-on', 'flagged']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('### ✅ episode-gate: passed — 0 flagged (--fail-on flagged); 1 scanned, 1 kept, 0 flagged');
  });
});
