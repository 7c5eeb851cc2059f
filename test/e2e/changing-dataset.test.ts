/**
 * The bundled `episode-gate` run as a process on a lab dataset that changes between runs:
 * grown by a normal or a broken cohort, pruned, archived by cis490-prune, a tarball rewritten in
 * place at the same size, or unchanged; sharded scans merged; tolerances set from the command line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, BaselineEpisode } from '../../src/gate/baseline.js';
import type { Report, ReportComparison } from '../../src/gate/report.js';
import { BASE_NIGHT, addNight, baseCopy, nightSpecs, removeEpisode, rewriteSameSize } from '../support/changing-datasets.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const GATE = path.join(REPO, 'dist', 'episode-gate.js');
const PRUNE = path.join(REPO, 'dist', 'cis490-prune.js');
/** The base dataset is kept between runs; everything made from it is not. */
const CACHE = path.join(REPO, '.cache', 'changing-datasets');
const TMP = path.join(REPO, '.tmp', 'changing-e2e');

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(bin: string, args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: TMP, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const gate = (...args: string[]): Run => run(GATE, args);
const check = (dataset: string, baseline = BASELINE, ...more: string[]): Run =>
  gate('check', '--dataset', dataset, '--baseline', baseline, '--jobs', '2', ...more);
const readBaseline = (f: string): Baseline => JSON.parse(readFileSync(f, 'utf8')) as Baseline;
const validReport = new Ajv({ strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(path.join(REPO, 'schema', 'report.schema.json'), 'utf8')) as object,
);

/** The comparison section of a report file, after checking the file against the report schema. */
function comparisonOf(file: string): ReportComparison {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
  expect(report.comparison).toBeDefined();
  return report.comparison!;
}

let BASELINE = '';
let keptKeys: string[] = [];

/** A copy of the base dataset under TMP (the base itself is generated once, under .cache). */
function dataset(name: string): string {
  return baseCopy(CACHE, path.join(TMP, name));
}

beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const base = dataset('base-snapshot');
  BASELINE = path.join(TMP, 'baseline.json');
  const r = gate('baseline', '--dataset', base, '--out', BASELINE, '--jobs', '2');
  expect(r.code, r.err).toBe(0);
  const b = readBaseline(BASELINE);
  keptKeys = Object.entries(b.episodes!)
    .filter(([, e]) => (e as BaselineEpisode).reasons.length === 0)
    .map(([k]) => k);
}, 240_000);
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('a baseline made by `episode-gate baseline`', () => {
  it('is version 2 and holds each episode’s tarball sha256', () => {
    const b = readBaseline(BASELINE);
    expect(b.version).toBe(2);
    expect(b.counts.scanned).toBe(240);
    const [key, e] = Object.entries(b.episodes!)[0]! as [string, BaselineEpisode];
    const [host, episode] = key.split('/') as [string, string];
    const bytes = readFileSync(path.join(TMP, 'base-snapshot', 'episodes', host, `${episode}.tar.zst`));
    expect(e.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('(e) an unchanged snapshot', () => {
  it('is judged as a snapshot: exit 0, every count equal, no class section', () => {
    const out = path.join(TMP, 'snapshot-report.json');
    const r = check(path.join(TMP, 'base-snapshot'), BASELINE, '--report-out', out);
    expect(r.code, r.err).toBe(0);
    const c = comparisonOf(out);
    expect(c.mode).toBe('snapshot');
    expect(c.classes).toMatchObject({ unchanged: 240, modified: 0, new: 0, gone: 0, modified_ids: [], new_ids: [], gone_ids: [] });
    expect(c.cohort).toBeNull();
    expect(r.out).toContain("**Mode: snapshot** — the dataset holds the baseline's 240 episodes, unchanged");
    expect(r.out).not.toContain('Since the baseline');
    expect(r.out).toContain('#### Episodes that changed verdict: none');
    expect(r.err).toMatch(/^episode-gate: PASSED: no regressions against baseline\.json; 240 episodes: \d+ kept, \d+ flagged\n$/);
  });
});

describe('(a) grown by a normal cohort', () => {
  it('passes, saying how many are new and that they were judged as a cohort', () => {
    const d = dataset('grown-normal');
    const added = addNight(d, { perHost: 30, seed: 12, prefix: 'night' });
    const out = path.join(TMP, 'grown-normal-report.json');
    const r = check(d, BASELINE, '--report-out', out);
    expect(r.code, r.out + r.err).toBe(0);
    const c = comparisonOf(out);
    expect(c.mode).toBe('changing');
    expect(c.regressions).toBe(0);
    expect(c.classes).toMatchObject({ unchanged: 240, modified: 0, new: 120, gone: 0 });
    expect(c.classes!.new_ids).toEqual([...added].sort());
    expect(c.cohort!.cohort.n).toBe(120);
    expect(c.cohort!.tests.length).toBeGreaterThan(4);
    expect(c.cohort!.tests.every((t) => !t.alarm && t.threshold !== null && t.p <= 1)).toBe(true);
    expect(c.cohort!.hosts.map((h) => [h.host, h.cohort.n, h.baseline.n])).toEqual([
      ['lab-0', 30, 60],
      ['lab-1', 30, 60],
      ['lab-2', 30, 60],
      ['lab-3', 30, 60],
    ]);
    expect(r.out).toContain(
      '**Mode: changed dataset** — 120 new, judged as a cohort against the rate at which episodes arrived (240 episodes as first judged, pruned ones included), 0 gone, 0 modified, 240 unchanged',
    );
    // The counts table judges the episodes in both, on both sides.
    expect(r.out).toMatch(/#### Counts of the 240 episodes in both\n\n.*\n.*\n\| scanned \| 240 \| 240 \| 0 \| \|\n/);
    // The effect's totals are the baseline's episodes', not the grown dataset's.
    expect(r.out).toMatch(/- \*\*Effect:\*\* 0 kept → flagged, 0 flagged → kept; among the baseline's episodes: kept \d+ → \d+/);
    expect(r.out).toMatch(
      /#### New cohort: \d+\/120 \(\d+\.\d%\) flagged vs the baseline's arrivals \(episodes as first judged, pruned ones included\) \d+\/240/,
    );
    expect(r.out).toContain('none is higher than chance explains');
    // The host table shows each host's new-cohort rate against its baseline rate.
    expect(r.out).toContain('| host | scanned | kept | flagged | new flagged | baseline flagged |');
    expect(r.out).toMatch(/\| lab-2 \| 90 \| \d+ \| \d+ \| \d+\/30 \(\d+\.\d%\) \| \d+\/60 \(\d+\.\d%\) \|/);
  });
});

describe('(b) grown by a cohort in which one host’s collectors broke', () => {
  it('fails, naming the host, the reason, both rates and the episodes', () => {
    const d = dataset('grown-broken');
    addNight(d, { perHost: 30, seed: 13, prefix: 'night', brokenHost: 'lab-2' });
    const r = check(d);
    expect(r.code, r.out + r.err).toBe(1);
    // The status line is one line: host, reason and both rates, no list of episodes...
    expect(r.err).toMatch(
      /GATE FAILED \(exit 1\): data changed \(120 new episodes\); \d+ regressions? against baseline\.json( \(\d+ new-cohort tests\))?: new episodes on host lab-2: flat-cpu 30\/30 \(100\.0%\) vs the baseline's arrivals \d+\/60 \(\d+\.\d%\); /,
    );
    expect(r.err).not.toContain('lab-2/night-0002');
    // ...the summary's regressions name the test and the episodes.
    expect(r.out).toMatch(
      /flat-cpu 30\/30 \(100\.0%\) vs the baseline's arrivals \d+\/60 \(\d+\.\d%\) \(one-sided exact test p = [^)]*\): lab-2\/night-0002, lab-2\/night-0006/,
    );
    // The first screen's effect line counts the new episodes too, by reason.
    expect(r.out).toMatch(
      /^- \*\*Effect:\*\* 0 kept → flagged, 0 flagged → kept; among the baseline's episodes: kept \d+ → \d+, flagged \d+ → \d+; 120 new: \d+ kept, \d+ flagged \(flat-cpu \d+/m,
    );
    expect(r.out).toMatch(/\| lab-2 \| 90 \| \d+ \| \d+ \| 30\/30 \(100\.0%\) ❌ \|/);
    // Accepting is offered as accepting the data, not as an intended change of the classifier.
    expect(r.err).toContain(`episode-gate: if the new episodes are as they should be, accept them: node ${GATE} baseline --dataset `);
    expect(r.out).toContain(`- **If the new episodes are as they should be, accept them:** <code>node ${GATE} baseline`);
    expect(r.out + r.err).not.toContain('this change is intended');
  });

  it('the HTML report counts the whole scan by reason, and says what each side covers', () => {
    const d = path.join(TMP, 'grown-broken');
    const html = path.join(TMP, 'grown-broken.html');
    const reportOut = path.join(TMP, 'grown-broken-html.json');
    expect(check(d, BASELINE, '--html', html, '--report-out', reportOut).code).toBe(1);
    const page = readFileSync(html, 'utf8');
    const flatCpu = (JSON.parse(readFileSync(reportOut, 'utf8')) as { by_reason: Record<string, number> }).by_reason['flat-cpu'];
    expect(page).toContain(`<tr><td>flat-cpu</td><td class="n">${flatCpu}</td>`);
    expect(page).toContain(
      'each count is the whole scan against the baseline&#39;s 240 episodes; the rules judge the 240 in both (&quot;in both&quot;: baseline → now), and the 120 new as a cohort',
    );
    // The baseline's flat-cpu count beside it is the whole baseline's, and the new ones are counted apart.
    const baselineFlat = readBaseline(BASELINE).by_reason['flat-cpu'];
    expect(page).toMatch(
      new RegExp(
        `<tr><td>flat-cpu</td><td class="n">${flatCpu}</td><td class="n">${baselineFlat}</td><td class="n">${baselineFlat} → \\d+</td><td class="n">\\d+</td></tr>`,
      ),
    );
  });

  it('sharded scans merged give the same comparison as one scan', () => {
    const d = path.join(TMP, 'grown-broken');
    const wholeReport = path.join(TMP, 'grown-broken-whole.json');
    const whole = check(d, BASELINE, '--report-out', wholeReport);
    const files: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const f = path.join(TMP, `shard-${k}.json`);
      const s = gate('scan', '--dataset', d, '--shard', `${k}/3`, '--report', f, '--jobs', '2');
      expect(s.code, s.err).toBe(0);
      files.push(f);
    }
    const mergedReport = path.join(TMP, 'grown-broken-merged.json');
    const merged = gate('merge', ...files, '--baseline', BASELINE, '--report-out', mergedReport);
    expect(merged.code).toBe(1);
    // The report's comparison section: the same from shards merged as from one scan.
    const section = comparisonOf(wholeReport);
    expect(comparisonOf(mergedReport)).toEqual(section);
    expect(section.mode).toBe('changing');
    expect(section.classes).toMatchObject({ unchanged: 240, modified: 0, new: 120, gone: 0 });
    const alarm = section.cohort!.tests.find((t) => t.alarm && t.host === 'lab-2' && t.reason === 'flat-cpu')!;
    expect(alarm.cohort).toEqual({ n: 30, flagged: 30, rate_pct: 100 });
    expect(alarm.p).toBeLessThan(alarm.threshold!);
    // ... and baseline --report still makes a baseline of it: the next night's.
    const next = path.join(TMP, 'from-merged-baseline.json');
    const b = gate('baseline', '--report', mergedReport, '--out', next);
    expect(b.code, b.err).toBe(0);
    expect(readBaseline(next).counts.scanned).toBe(360);
    expect(check(d, next).code).toBe(0);
    // The same comparison; only the accept command differs (a merge is accepted from its merged report).
    const accept = /(accept (?:it|them):\W*(?:<code>)?)episode-gate [^\n]*/g;
    const timeless = (md: string): string =>
      md
        .replace(/scanned in \d+\.\d s/g, 'scanned in ? s')
        .replace(accept, '$1ACCEPT')
        .replace(/grown-broken-(?:whole|merged)\.json/g, 'REPORT');
    expect(timeless(merged.out)).toBe(timeless(whole.out));
    expect(timeless(merged.err)).toBe(timeless(whole.err));
    expect(merged.out).toContain(`node ${GATE} baseline --report grown-broken-merged.json --out baseline.json`);
  });
});

describe('(c) episodes gone', () => {
  it('a kept episode whose tarball and row were removed fails, named', () => {
    const d = dataset('kept-removed');
    const [host, episode] = keptKeys[5]!.split('/') as [string, string];
    removeEpisode(d, host, episode);
    const out = path.join(TMP, 'kept-removed-report.json');
    const r = check(d, BASELINE, '--report-out', out);
    expect(r.code, r.out + r.err).toBe(1);
    expect(comparisonOf(out).classes).toMatchObject({ unchanged: 239, gone: 1, gone_ids: [`${host}/${episode}`], new_ids: [] });
    expect(r.err).toContain(
      `GATE FAILED (exit 1): data changed (1 gone episode); 1 regression against baseline.json: 1 episode kept in the baseline is gone from the dataset (${host} 1)\n`,
    );
    expect(r.out).toContain(
      `1 episode kept in the baseline is gone from the dataset (tolerance 0, tolerance.gone_kept): ${host}/${episode}`,
    );
    expect(r.out).toContain('**Mode: changed dataset** — 0 new, 1 gone, 0 modified, 239 unchanged');
    expect(r.err).toContain(
      `episode-gate: if these episodes were removed on purpose, accept it: node ${GATE} baseline --report kept-removed-report.json --out baseline.json`,
    );
  });

  it('flagged episodes archived by cis490-prune --archive pass, reported', () => {
    const d = dataset('archived');
    const p = run(PRUNE, [
      '--index',
      path.join(d, 'index.jsonl'),
      '--episodes-root',
      path.join(d, 'episodes'),
      '--archive-root',
      path.join(TMP, 'archive'),
      '--archive',
      '--jobs',
      '2',
    ]);
    const flagged = 240 - keptKeys.length;
    expect(p.code, p.err).toBe(1); // as the reference: 1 when it found flagged episodes
    expect(p.out).toContain(`archived ${flagged} episodes`);
    const r = check(d);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(`**Mode: changed dataset** — 0 new, ${flagged} gone, 0 modified, ${keptKeys.length} unchanged`);
    expect(r.out).toContain(
      `${flagged} episodes flagged in the baseline are gone (archived or pruned; not checked, tolerance.gone_flagged)`,
    );
  });
});

describe('(d) a kept tarball rewritten in place at the same size', () => {
  const d = (): string => path.join(TMP, 'rewritten');
  beforeAll(() => {
    dataset('rewritten');
    const target = nightSpecs(BASE_NIGHT).find(
      (s) => s.spec.cpuPct !== undefined && !s.spec.events && s.spec.sample !== null && keptKeys.includes(`${s.host}/${s.spec.episodeId}`),
    )!;
    const file = path.join(d(), 'episodes', target.host, `${target.spec.episodeId}.tar.zst`);
    const before = statSync(file).size;
    rewriteSameSize(d(), target.host, target.spec);
    expect(statSync(file).size).toBe(before);
    writeFileSync(path.join(TMP, 'rewritten.txt'), `${target.host}/${target.spec.episodeId}`);
  }, 120_000);

  it('is reported modified and fails, though the size-based fingerprint is unchanged', () => {
    const key = readFileSync(path.join(TMP, 'rewritten.txt'), 'utf8');
    const out = path.join(TMP, 'rewritten-report.json');
    const r = check(d(), BASELINE, '--report-out', out);
    expect(r.code, r.out + r.err).toBe(1);
    expect(comparisonOf(out).classes).toMatchObject({ unchanged: 239, modified: 1, modified_ids: [key], by_id_only: false });
    expect(r.err).toContain(
      `1 regression against baseline.json: 1 episode kept in the baseline has other bytes now (${key.split('/')[0]} 1)\n`,
    );
    expect(r.out).toContain(
      `1 episode kept in the baseline has other bytes now (same id, tarball rewritten; tolerance 0, tolerance.modified_kept): ${key}`,
    );
    expect(r.out).toContain('**Mode: changed dataset** — 0 new, 0 gone, 1 modified, 239 unchanged');
    expect(r.out).toContain('same data as the baseline'); // the fingerprint covers sizes only
    expect(r.err).toContain('GATE FAILED (exit 1): data changed (1 modified episode); 1 regression against baseline.json');
    expect(r.out).toContain(
      `- **If these tarballs were rewritten on purpose, accept them:** <code>node ${GATE} baseline --report rewritten-report.json`,
    );
  });

  it('with a version-1 baseline (no digests) is judged by id, and the summary says so', () => {
    const b = readBaseline(BASELINE);
    const v1 = {
      ...b,
      version: 1,
      episodes: Object.fromEntries(Object.entries(b.episodes!).map(([k, e]) => [k, (e as BaselineEpisode).reasons])),
    };
    const f = path.join(TMP, 'baseline-v1.json');
    writeFileSync(f, JSON.stringify(v1));
    const r = check(d(), f);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(
      'the baseline records no tarball digests (version 1), so a modified episode cannot be told from an unchanged one: judged by id',
    );
  });
});

describe('(f) new index rows whose tarballs never arrived', () => {
  it('fail, counted by host and named, and pass as a warning within tolerance.missing_new', () => {
    const d = dataset('grown-missing');
    const added = addNight(d, { perHost: 5, seed: 21, prefix: 'late' });
    // lab-1's new tarballs never arrived; their index rows are there.
    const lost = added.filter((k) => k.startsWith('lab-1/')).sort();
    for (const k of lost) rmSync(path.join(d, 'episodes', `${k}.tar.zst`));
    expect(lost.length).toBe(5);
    expect(readBaseline(BASELINE).missing_tarballs).toEqual([]);
    const r = check(d);
    expect(r.code, r.out + r.err).toBe(1);
    expect(r.err).toContain(
      '1 regression against baseline.json: 5 index rows new since the baseline list episodes whose tarball is missing (lab-1 5). Note: ',
    );
    expect(r.out).toContain(
      `5 index rows new since the baseline list episodes whose tarball is missing (lab-1 5; tolerance 0, tolerance.missing_new): ${lost.join(', ')}`,
    );
    expect(r.err).toContain(`if these tarballs will not arrive, accept the index rows without them: node ${GATE} baseline`);
    // A baseline made from that night records the rows, so the next night does not count them again.
    const next = path.join(TMP, 'missing-accepted.json');
    expect(gate('baseline', '--dataset', d, '--out', next, '--jobs', '2').code).toBe(0);
    expect(readBaseline(next).missing_tarballs).toEqual(lost);
    expect(check(d, next).code).toBe(0);
    // Within the tolerance: a warning, shown, that does not fail.
    const tolerant = path.join(TMP, 'missing-tolerant.json');
    writeFileSync(
      tolerant,
      JSON.stringify({ ...readBaseline(BASELINE), tolerance: { ...readBaseline(BASELINE).tolerance, missing_new: 5 } }),
    );
    const w = check(d, tolerant);
    expect(w.code, w.out + w.err).toBe(0);
    expect(w.out).toContain('5 index rows new since the baseline list episodes whose tarball is missing (lab-1 5; tolerance 5');
  });
});

describe('tolerances from the command line', () => {
  it('are written by --tolerance, kept across updates, and apply', () => {
    const f = path.join(TMP, 'tolerant.json');
    const base = path.join(TMP, 'base-snapshot');
    let r = gate(
      'baseline',
      '--dataset',
      base,
      '--out',
      f,
      '--tolerance',
      'gone_kept=1',
      '--tolerance',
      'reasons.flat-cpu=null',
      '--jobs',
      '2',
    );
    expect(r.code, r.err).toBe(0);
    r = gate('baseline', '--dataset', base, '--out', f, '--tolerance', 'cohort_confidence=0.999', '--jobs', '2');
    expect(r.code, r.err).toBe(0);
    expect(readBaseline(f).tolerance).toEqual({
      kept_drop: 0,
      flagged_rise: 0,
      flagged_rate_rise: 0,
      reasons: { 'flat-cpu': null },
      gone_kept: 1,
      cohort_confidence: 0.999,
    });
    expect(check(path.join(TMP, 'kept-removed'), f).code).toBe(0);
  });
  it('refuse an unknown key or a bad value with one line and exit 2', () => {
    const base = path.join(TMP, 'base-snapshot');
    const out = path.join(TMP, 'never.json');
    const bad = gate('baseline', '--dataset', base, '--out', out, '--tolerance', 'gone=1');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^episode-gate: ERROR \(exit 2[^\n]*--tolerance gone=1: unknown key "gone" \(known: kept_drop, [^\n]*\)\n$/);
    const conf = gate('baseline', '--dataset', base, '--out', out, '--tolerance', 'cohort_confidence=2');
    expect(conf.code).toBe(2);
    expect(conf.err).toContain('tolerance.cohort_confidence must be a number between 0 and 1');
    expect(() => statSync(out)).toThrow();
  });
});

describe('check --help', () => {
  it('explains the modes in two lines', () => {
    const r = gate('check', '--help');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Modes: '));
    expect(lines[at]).toContain('snapshot');
    expect(lines[at + 1]).toContain('changed dataset');
    expect(lines[at + 1]).toContain('cohort');
  });
});
