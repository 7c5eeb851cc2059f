/**
 * The episode-gate command end to end, through its main(), on real .tar.zst files: the
 * committed fixtures, and a dataset written here that no baseline has seen before.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Baseline, BaselineEpisode } from '../../src/gate/baseline.js';
import { runGate } from '../../src/gate/run.js';
import { inProcessRunner } from '../../src/dataset/scan.js';
import { DEFAULT_GATE_SETTINGS } from '../../src/gate/settings.js';
import { DEFAULT_LIMITS } from '../../src/episode/read.js';
import { writeTarZst } from '../../tools/lib/tarball.js';
import { FLAT_LOAD, ZERO, episodeMembers, type EpisodeSpec } from '../../tools/lib/synth.js';

const repo = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function gate(argv: string[], cwd = repo): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

/** The committed fixture baseline: a scan of the fixtures reports its totals. */
const FIXTURE_BASELINE: Baseline = JSON.parse(readFileSync(path.join(repo, 'fixtures/baseline.json'), 'utf8')) as Baseline;
const { scanned: SCANNED, kept: KEPT, flagged: FLAGGED } = FIXTURE_BASELINE.counts;

function readJson<T>(f: string): T {
  return JSON.parse(readFileSync(f, 'utf8')) as T;
}

function writeJson(f: string, v: unknown): void {
  writeFileSync(f, JSON.stringify(v, null, 2));
}

/** One stderr line saying the tool broke, naming what to fix; nothing on stdout. */
function expectToolError(r: Run, words: string): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(words);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^episode-gate: ERROR \(exit 2; the tool could not run, this is not a gate verdict\): /);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('check on the committed fixtures (the README main job)', () => {
  it('passes with no arguments against fixtures/baseline.json', async () => {
    const r = await gate(['check']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      `### ✅ episode-gate: passed — no regressions against fixtures/baseline.json; ${SCANNED} scanned, ${KEPT} kept, ${FLAGGED} flagged. Note: 1 index row lists a tarball that is missing and 5 index lines skipped (not JSON, no ids or unsafe ids)`,
    );
    const pinned = FIXTURE_BASELINE.cases.length;
    expect(r.out).toContain(`#### Pinned cases: ${pinned} of ${pinned} pass`);
    expect(r.out).toContain('| rescued-by-netflow | lab-a/ep-rescued-by-netflow | kept | kept | ✅ pass |');
    expect(r.out).toContain(
      '| flat-everywhere | lab-a/ep-flat-everywhere | flagged (flat-cpu, workload-silent) | flagged (flat-cpu, workload-silent) | ✅ pass |',
    );
    expect(r.out).toContain('same data as the baseline');
    expect(r.out).toContain('same settings as the baseline');
    expect(r.err).toBe(
      `episode-gate: PASSED: no regressions against fixtures/baseline.json; ${SCANNED} episodes: ${KEPT} kept, ${FLAGGED} flagged. Note: 1 index row lists a tarball that is missing and 5 index lines skipped (not JSON, no ids or unsafe ids)\n`,
    );
  });

  it('refuses two values for one setting, naming both, rather than using the last', async () => {
    const r = await gate(['check', '--set', 'netflowSpreadBytes=4194304', '--set', 'procSpreadPct=4', '--set', 'netflowSpreadBytes=1024']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--set netflowSpreadBytes=4194304 and --set netflowSpreadBytes=1024 give netflowSpreadBytes two values: give it once; episode-gate check --help lists the options\n$/,
    );
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('shows exactly which episodes a threshold change flips, and why, and fails on the pinned case', async () => {
    const r = await gate(['check', '--set', 'netflowSpreadBytes=4194304']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^episode-gate: GATE FAILED \(exit 1\): settings changed: netflowSpreadBytes 51200 → 4194304; \d+ regressions against fixtures\/baseline\.json \(3 pinned cases, [^)]*\): pinned case "rescued-by-netflow"/,
    );
    expect(r.out).toContain('| netflowSpreadBytes | 51200 | 4194304 |');
    expect(r.out).toContain('**the settings changed** since the baseline');
    expect(r.out).toMatch(/\| lab-a\/ep-rescued-by-netflow \| kept \| flagged \(flat-cpu\) \| [^\n]*netflow spread 1\.2 MiB &lt; 4\.0 MiB/);
  });
});

describe('scan', () => {
  it('writes a versioned JSON report with every episode, the settings hash and the dataset fingerprint', async () => {
    const f = path.join(tmp, 'fixtures-report.json');
    const r = await gate(['scan', '--dataset', 'fixtures/dataset', '--report', f]);
    expect(r.code).toBe(0);
    const rep = readJson<Record<string, unknown> & { episodes: unknown[]; counts: unknown; missing_tarballs: unknown[] }>(f);
    expect(rep.report_version).toBe(1);
    expect(rep.counts).toEqual({ scanned: SCANNED, kept: KEPT, flagged: FLAGGED });
    expect(rep.episodes).toHaveLength(SCANNED);
    expect(rep.missing_tarballs).toHaveLength(1);
    // The status line says what the scan could not use, as the gate's does.
    expect(r.err).toMatch(
      /; report written to .*fixtures-report\.json\. Note: 1 index row lists a tarball that is missing and 5 index lines skipped \(not JSON, no ids or unsafe ids\)\n$/,
    );
    expect(rep.settings_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((rep.dataset as { fingerprint: string }).fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const valid = new Ajv({ strict: true, allowUnionTypes: true }).compile(readJson<object>(path.join(repo, 'schema/report.schema.json')));
    expect(valid(rep), JSON.stringify(valid.errors)).toBe(true);
  });

  it('check --report judges a saved report exactly as a fresh scan, and --summary writes what it prints', async () => {
    const f = path.join(tmp, 'fixtures-report2.json');
    expect((await gate(['scan', '--dataset', 'fixtures/dataset', '--report', f])).code).toBe(0);
    const summary = path.join(tmp, 'summary.md');
    const r = await gate(['check', '--report', f, '--baseline', 'fixtures/baseline.json', '--summary', summary]);
    expect(r.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe(r.out);
    expect(r.out.split('\n')[0]).toContain('passed — no regressions against fixtures/baseline.json');
  });
});

describe('a dataset no baseline has seen', () => {
  const root = path.join(tmp, 'unseen');
  const durations = { clean: 40, infecting: 20, infected_running: 90, dormant: 40 };
  const signal = { clean: 3, infecting: 9, infected_running: 96, dormant: 4 };
  const cases: Array<{ host: string; spec: EpisodeSpec; corrupt?: boolean }> = [
    { host: 'node-7', spec: { episodeId: 'run-001', seed: 901, durations, cpuPct: signal } },
    { host: 'node-7', spec: { episodeId: 'run-002', seed: 902, durations } },
    { host: 'node-7', spec: { episodeId: 'run-003', seed: 903, durations, netBytesPerSec: { ...ZERO, infected_running: 4000 } } },
    { host: 'node-9', spec: { episodeId: 'run-004', seed: 904, durations, guestLoad: { ...FLAT_LOAD, infected_running: 1.6 } } },
    { host: 'node-9', spec: { episodeId: 'run-005', seed: 905, durations, sample: null, cpuPct: signal } },
    { host: 'node-9', spec: { episodeId: 'run-006', seed: 906, durations, probeYes: '0' } },
    { host: 'node-9', spec: { episodeId: 'run-007', seed: 907, durations }, corrupt: true },
  ];
  const baselineFile = path.join(root, 'baseline.json');

  beforeAll(() => {
    const index: string[] = [];
    for (const c of cases) {
      const f = path.join(root, 'episodes', c.host, `${c.spec.episodeId}.tar.zst`);
      writeTarZst(f, episodeMembers(c.spec));
      if (c.corrupt) writeFileSync(f, readFileSync(f).subarray(0, 2000));
      index.push(JSON.stringify({ host_id: c.host, episode_id: c.spec.episodeId }));
    }
    writeFileSync(path.join(root, 'index.jsonl'), index.join('\n') + '\n');
  });

  it('baseline writes its verdicts, and check against it passes', async () => {
    const b = await gate([
      'baseline',
      '--dataset',
      root,
      '--out',
      baselineFile,
      '--pin',
      'node-7/run-001=cpu-burn',
      '--pin',
      'node-9/run-006',
    ]);
    expect(b.code).toBe(0);
    expect(b.err).toContain('pinned "cpu-burn" (node-7/run-001) as kept');
    const written = readJson<Baseline>(baselineFile);
    expect(written.counts).toEqual({ scanned: 7, kept: 3, flagged: 4 });
    expect(written.episodes?.['node-9/run-007']).toMatchObject({ reasons: ['unreadable'] });
    expect(written.cases.map((c) => [c.name, c.expect])).toEqual([
      ['cpu-burn', 'kept'],
      ['run-006', 'flagged'],
    ]);
    const r = await gate(['check', '--dataset', root, '--baseline', baselineFile]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      /^### ✅ episode-gate: passed — no regressions against .*baseline\.json; 7 scanned, 3 kept, 4 flagged$/,
    );
  });

  it('fails with exit 1 and names the regression when the baseline claims one more kept episode', async () => {
    const b = readJson<Baseline>(baselineFile);
    // The baseline says run-002 (flat everywhere) was kept.
    const was = b.episodes!['node-7/run-002'] as BaselineEpisode;
    expect(was.reasons).toEqual(['flat-cpu']);
    b.episodes!['node-7/run-002'] = { ...was, reasons: [] };
    b.counts = { scanned: 7, kept: 4, flagged: 3 };
    b.by_reason['flat-cpu'] = b.by_reason['flat-cpu']! - 1;
    const f = path.join(root, 'one-more-kept.json');
    writeJson(f, b);
    const r = await gate(['check', '--dataset', root, '--baseline', f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^episode-gate: GATE FAILED \(exit 1\): classifier code changed \(same settings, data and tool version as the baseline\); \d+ regressions against .*one-more-kept\.json \([^)]*\): .*kept 4 → 3 \(-1, tolerance 0\)/,
    );
    expect(r.out.split('\n')[0]).toContain('FAILED');
    expect(r.out).toMatch(
      /\| node-7\/run-002 \| kept \| flagged \(flat-cpu\) \| proc CPU% spread [\d.]+ pp &lt; 5\.0 pp<br>netflow spread/,
    );
  });

  it('passes an improvement and shows the command that updates the baseline from the same scan', async () => {
    const b = readJson<Baseline>(baselineFile);
    // The baseline says run-001 (kept now) was flagged.
    b.episodes!['node-7/run-001'] = { ...(b.episodes!['node-7/run-001'] as BaselineEpisode), reasons: ['flat-cpu'] };
    b.counts = { scanned: 7, kept: 2, flagged: 5 };
    b.by_reason['flat-cpu'] = b.by_reason['flat-cpu']! + 1;
    b.cases = [];
    const f = path.join(root, 'was-worse.json');
    writeJson(f, b);
    const r = await gate(['check', '--dataset', root, '--baseline', f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('#### Improvements (4)');
    expect(r.out).toContain(`<code>episode-gate baseline --dataset ${root} --out ${f}</code>`);
    expect(r.out).toMatch(/- node-7\/run-001: flagged \(flat-cpu\) → kept: proc CPU% spread [\d.]+ pp &gt;= 5\.0 pp/);
  });

  it('fails with exit 1 and names the case when a pinned case expects the other verdict', async () => {
    const b = readJson<Baseline>(baselineFile);
    b.cases[0] = { ...b.cases[0]!, expect: 'flagged', reasons: ['flat-cpu'] };
    const f = path.join(root, 'pin-flipped.json');
    writeJson(f, b);
    const r = await gate(['check', '--dataset', root, '--baseline', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('GATE FAILED (exit 1): 1 regression against');
    expect(r.err).toContain('pinned case "cpu-burn" (node-7/run-001): expected flagged (flat-cpu), got kept');
    expect(r.out).toContain('| cpu-burn | node-7/run-001 | flagged (flat-cpu) | kept | ❌ fail |');
  });

  it('fails when a pinned episode is missing from the dataset', async () => {
    const b = readJson<Baseline>(baselineFile);
    b.cases.push({ name: 'ghost', host: 'node-7', episode: 'run-999', expect: 'kept' });
    const f = path.join(root, 'ghost.json');
    writeJson(f, b);
    const r = await gate(['check', '--dataset', root, '--baseline', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('pinned case "ghost" (node-7/run-999): expected kept, but the dataset has no episode node-7/run-999');
  });

  it('--fail-on never reports the regressions but passes; --fail-on flagged fails on any flagged episode', async () => {
    const never = await gate(['check', '--dataset', root, '--baseline', path.join(root, 'pin-flipped.json'), '--fail-on', 'never']);
    expect(never.code).toBe(0);
    expect(never.err).toContain('PASSED: 1 regression not enforced (--fail-on never)');
    const fl = await gate(['check', '--dataset', root, '--baseline', baselineFile, '--fail-on', 'flagged']);
    expect(fl.code).toBe(1);
    expect(fl.err).toContain('GATE FAILED (exit 1): 4 episodes flagged');
  });

  it('check without a baseline reports only', async () => {
    const r = await gate(['check', '--dataset', root]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      '### ℹ️ episode-gate: report only — 7 scanned, 3 kept, 4 flagged; no baseline given, nothing compared',
    );
  });

  it('baseline refuses to drop a pinned case that no longer matches, unless told to', async () => {
    const f = path.join(root, 'stale.json');
    copyFileSync(baselineFile, f);
    const before = readFileSync(f, 'utf8');
    const r = await gate(['baseline', '--dataset', root, '--out', f, '--set', 'procSpreadPct=100']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('refusing to write');
    expect(r.err).toContain('"cpu-burn" (node-7/run-001): expected kept, got flagged (flat-cpu)');
    expect(r.err).toContain('--drop-stale-cases');
    expect(readFileSync(f, 'utf8')).toBe(before);
    const d = await gate(['baseline', '--dataset', root, '--out', f, '--set', 'procSpreadPct=100', '--drop-stale-cases']);
    expect(d.code).toBe(0);
    expect(d.err).toContain('dropped pinned case "cpu-burn"');
    expect(readJson<Baseline>(f).cases.map((c) => c.name)).toEqual(['run-006']);
  });

  it('runGate uses the EpisodeRunner it is given and leaves closing it to the caller', async () => {
    let runs = 0;
    let closed = false;
    const inner = inProcessRunner({ settings: { ...DEFAULT_GATE_SETTINGS }, limits: { ...DEFAULT_LIMITS } });
    const runner = {
      run: (p: string) => {
        runs++;
        return inner.run(p);
      },
      close: async () => {
        closed = true;
      },
    };
    const o = await runGate({
      indexPath: path.join(root, 'index.jsonl'),
      episodesRoot: path.join(root, 'episodes'),
      baselinePath: baselineFile,
      failOn: 'regression',
      runner,
    });
    expect(o.passed).toBe(true);
    expect(runs).toBe(7);
    expect(closed).toBe(false);
  });
});

describe('the tool could not run (exit 2)', () => {
  it('names a missing baseline and how to create it', async () => {
    expectToolError(await gate(['check', '--baseline', 'no/such/baseline.json']), 'cannot read the baseline no/such/baseline.json: ENOENT');
  });
  it('names an invalid baseline field', async () => {
    const f = path.join(tmp, 'invalid.json');
    writeJson(f, {
      ...readJson<Baseline>(path.join(repo, 'fixtures/baseline.json')),
      counts: { scanned: SCANNED, kept: KEPT, flagged: 'many' },
    });
    expectToolError(await gate(['check', '--baseline', f]), 'counts.flagged must be a whole number >= 0, got "many"');
  });
  it('names a baseline that is not JSON', async () => {
    const f = path.join(tmp, 'not-json.json');
    writeFileSync(f, 'version: 1\n');
    expectToolError(await gate(['check', '--baseline', f]), 'not valid JSON');
  });
  it('names a dataset folder that does not exist, or one without its episodes folder', async () => {
    expectToolError(
      await gate(['check', '--dataset', path.join(tmp, 'nowhere')]),
      `no dataset folder at ${path.join(tmp, 'nowhere')}: ENOENT`,
    );
    mkdirSync(path.join(tmp, 'no-episodes'), { recursive: true });
    expectToolError(
      await gate(['check', '--dataset', path.join(tmp, 'no-episodes')]),
      `no episodes folder at ${path.join(tmp, 'no-episodes', 'episodes')}: ENOENT`,
    );
  });
  it('names an output path whose folder is not there before it scans', async () => {
    for (const k of ['--html', '--report-out', '--summary']) {
      const r = await gate(['check', '--dataset', path.join(tmp, 'nowhere'), k, path.join(tmp, 'no-such-folder', 'x')]);
      // The output path is refused first: the dataset (also missing) is never looked at.
      expectToolError(
        r,
        `${k} ${path.join(tmp, 'no-such-folder', 'x')}: its folder ${path.join(tmp, 'no-such-folder')} cannot be used: ENOENT (no such file); create the folder`,
      );
    }
    expectToolError(await gate(['check', '--html', tmp]), `--html ${tmp} is a folder; name a file in it`);
  });
  it('names a baseline given as the report', async () => {
    const f = path.join(tmp, 'a-baseline.json');
    writeJson(f, { version: 2, counts: { scanned: 0, kept: 0, flagged: 0 }, by_reason: {}, cases: [] });
    expectToolError(await gate(['check', '--report', f]), `${f} is a baseline, not a report: pass it with --baseline`);
  });
  it('names a bad --set', async () => {
    expectToolError(
      await gate(['scan', '--set', 'netflowSpreadBytes=lots']),
      '--set netflowSpreadBytes=lots: netflowSpreadBytes must be a number',
    );
  });
  it('names a report that is not a report', async () => {
    const f = path.join(tmp, 'not-a-report.json');
    writeJson(f, { counts: {} });
    expectToolError(
      await gate(['check', '--report', f]),
      `${f} has no report_version, so it is not a report; write it again with episode-gate scan --report`,
    );
  });
  it.each([
    [['lint'], "invalid command 'lint'"],
    [[], 'a command is required'],
    [['check', '--dataset', 'x', '--index', 'y'], 'not allowed with argument'],
    [['check', '--fail-on', 'sometimes'], "invalid choice: 'sometimes'"],
    [['check', '--report', 'r.json', '--set', 'clkTck=250'], 'argument --set: not allowed with argument --report'],
    [['baseline'], 'the following arguments are required: --out'],
    [['baseline', '--out', 'x.json', '--pin', 'no-slash'], 'expected HOST/EPISODE'],
  ])('usage error %j: one line, naming the option and where the others are listed', async (argv, words) => {
    const r = await gate(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(r.err).toMatch(/^episode-gate( [a-z]+)?: error: [^\n]*; episode-gate( [a-z]+)? --help lists (the options|them)\n$/);
    expect(r.out).toBe('');
  });
  it('writes no baseline when the arguments are wrong', async () => {
    expect(existsSync(path.join(repo, 'x.json'))).toBe(false);
  });
});
