/**
 * Shard reports merged back together are the unsharded scan's report, gate outcome and summary:
 * real scans of the fixtures and of a bigger synthetic dataset, for several N. Also: every index
 * row lands in exactly one shard, shards hold their rows as the index grows, and reports that
 * are not one complete set of shards are refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineFromReport, loadBaseline, type Baseline } from '../../src/gate/baseline.js';
import { ConfigError } from '../../src/shared/errors.js';
import { mergeShardReports, type ShardReportFile } from '../../src/gate/merge.js';
import { formatReport, readReport, writeReport, type Report } from '../../src/gate/report.js';
import { summaryMarkdown } from '../../src/render/summary.js';
import { evaluateGate, scanToReport, type FailOn } from '../../src/gate/run.js';
import { REPO, FIXTURE_DATASET, copyFixtures, growIndex, writeSyntheticDataset } from '../support/shard-datasets.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NS = [1, 2, 3, 5, 8];

function scan(root: string, shard?: { index: number; count: number }): Promise<Report> {
  return scanToReport({
    indexPath: path.join(root, 'index.jsonl'),
    episodesRoot: path.join(root, 'episodes'),
    cwd: REPO,
    ...(shard ? { shard } : {}),
  });
}

async function scanShards(root: string, n: number): Promise<Report[]> {
  const out: Report[] = [];
  for (let k = 1; k <= n; k++) out.push(await scan(root, { index: k, count: n }));
  return out;
}

const files = (parts: Report[]): ShardReportFile[] => parts.map((report, i) => ({ report, name: `shard-${i + 1}.json` }));

/** The report without what may differ between two runs over the same data: when and how long. */
function timeless(r: Report): unknown {
  const { generated_at: _at, totals, ...rest } = r;
  const { elapsed_ms: _ms, ...t } = totals;
  return { ...rest, totals: t };
}
const timelessText = (r: Report): string =>
  formatReport(r)
    .replace(/"generated_at": "[^"]*"/, '"generated_at": "T"')
    .replace(/"elapsed_ms": \d+/, '"elapsed_ms": 0');
/** The summary's one time-dependent line: "scanned in 1.2 s". */
const timelessSummary = (md: string): string => md.replace(/scanned in \d+\.\d s/g, 'scanned in ? s');

const rowsOf = (r: Report): number => r.episodes.length + r.missing_tarballs.length + r.index_problems.length;

/** A baseline that says one flagged episode was kept (and pins it): a regression, a flip and a failing case. */
function worseBaseline(report: Report): Baseline {
  const victim = report.episodes.find((e) => e.verdict === 'flagged' && !e.reasons.includes('unreadable'))!;
  const b = baselineFromReport(report, null, { pins: [{ host: victim.host, episode: victim.episode, name: 'victim' }] }).baseline;
  b.cases[0] = { ...b.cases[0]!, expect: 'kept' };
  delete b.cases[0]!.reasons;
  b.episodes![`${victim.host}/${victim.episode}`] = [];
  b.counts = { ...b.counts, kept: b.counts.kept + 1, flagged: b.counts.flagged - 1 };
  for (const r of victim.reasons) b.by_reason[r] = b.by_reason[r]! - 1;
  return b;
}

interface GateCase {
  label: string;
  baseline: Baseline | null;
  failOn: FailOn;
}

function expectSameGate(merged: Report, whole: Report, cases: GateCase[]): void {
  const opts = (c: GateCase) => ({
    failOn: c.failOn,
    baselineName: 'ci/baseline.json',
    reportHint: 'report.json',
    baselineCommand: (out: string) => `episode-gate baseline --report report.json --out ${out}`,
  });
  for (const c of cases) {
    const a = evaluateGate(merged, c.baseline, opts(c));
    const b = evaluateGate(whole, c.baseline, opts(c));
    expect(a.passed, c.label).toBe(b.passed);
    expect(a.failReason, c.label).toBe(b.failReason);
    expect(a.regressions, c.label).toEqual(b.regressions);
    expect(a.improvements, c.label).toEqual(b.improvements);
    expect(timelessSummary(summaryMarkdown(a)), c.label).toBe(timelessSummary(summaryMarkdown(b)));
  }
}

const validReport = new Ajv({ strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(path.join(REPO, 'schema/report.schema.json'), 'utf8')) as object,
);

describe.each([
  ['the fixture dataset', () => FIXTURE_DATASET, (whole: Report) => loadBaseline(path.join(REPO, 'fixtures/baseline.json')) ?? whole],
  [
    'a synthetic dataset of 150 episodes',
    () => writeSyntheticDataset(path.join(tmp, 'synthetic'), 150),
    (whole: Report) => baselineFromReport(whole, null).baseline,
  ],
])('%s: N shard reports merged = one unsharded scan', (_label, makeRoot, passingBaseline) => {
  let whole: Report;
  const shards = new Map<number, Report[]>();
  let gateCases: GateCase[];
  beforeAll(async () => {
    const root = makeRoot();
    whole = await scan(root);
    for (const n of NS) shards.set(n, await scanShards(root, n));
    const passing = passingBaseline(whole) as Baseline;
    gateCases = [
      { label: 'passing baseline', baseline: passing, failOn: 'regression' },
      { label: 'worse baseline', baseline: worseBaseline(whole), failOn: 'regression' },
      { label: 'worse baseline, fail-on never', baseline: worseBaseline(whole), failOn: 'never' },
      { label: 'no baseline, fail-on flagged', baseline: null, failOn: 'flagged' },
    ];
  }, 240_000);

  it('the dataset has rows of every kind to share out', () => {
    expect(whole.counts.kept).toBeGreaterThan(0);
    expect(whole.counts.flagged).toBeGreaterThan(0);
    expect(whole.by_reason.unreadable).toBeGreaterThan(0);
    expect(whole.missing_tarballs.length).toBeGreaterThan(0);
    expect(new Set(whole.index_problems.map((p) => p.kind))).toEqual(new Set(['not-json', 'not-an-object', 'missing-id', 'unsafe-id']));
  });

  it.each(NS)('N=%i: each shard report says which shard it is, with the whole dataset fingerprint', (n) => {
    const parts = shards.get(n)!;
    parts.forEach((p, i) => {
      expect(p.shard).toEqual({ index: i + 1, count: n, index_rows: rowsOf(whole) });
      expect(p.dataset.fingerprint).toBe(whole.dataset.fingerprint);
      expect(p.settings_hash).toBe(whole.settings_hash);
      expect(validReport(p), JSON.stringify(validReport.errors)).toBe(true);
    });
    // Together they hold every row once (the merge checks it too; here without the merge).
    const lines = parts.flatMap((p) => [...p.episodes, ...p.missing_tarballs, ...p.index_problems].map((r) => r.line));
    expect(lines).toHaveLength(rowsOf(whole));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it.each(NS)('N=%i: the merged report equals the unsharded one but for generated_at and elapsed_ms', (n) => {
    const merged = mergeShardReports(files(shards.get(n)!));
    expect(timeless(merged)).toEqual(timeless(whole));
    // Byte for byte as written, key order included.
    expect(timelessText(merged)).toBe(timelessText(whole));
    expect(merged.shard).toBeUndefined();
    expect(merged.totals.elapsed_ms).toBe(Math.max(...shards.get(n)!.map((p) => p.totals.elapsed_ms)));
    expect(validReport(merged), JSON.stringify(validReport.errors)).toBe(true);
  });

  it.each(NS)('N=%i: the merged report gates exactly as the unsharded one (outcome and summary)', (n) => {
    const merged = mergeShardReports(files(shards.get(n)!));
    expectSameGate(merged, whole, gateCases);
    // The scenarios are not all the same outcome.
    const outcomes = gateCases.map((c) => evaluateGate(whole, c.baseline, { failOn: c.failOn }).passed);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });

  it('the shards of a small N each hold episodes, and no shard holds much more than its share', () => {
    for (const n of [2, 3]) for (const p of shards.get(n)!) expect(p.counts.scanned).toBeGreaterThan(0);
    for (const n of [2, 3, 5]) {
      const share = rowsOf(whole) / n;
      for (const p of shards.get(n)!) expect(rowsOf(p)).toBeLessThan(share * 2);
    }
  });

  it('the order of the files does not matter', () => {
    const parts = files(shards.get(5)!);
    const a = mergeShardReports(parts, new Date(0));
    const b = mergeShardReports([...parts].reverse(), new Date(0));
    expect(b).toEqual(a);
  });
});

describe('shards as the index grows', () => {
  it('appending rows keeps every existing row in its shard', async () => {
    const root = copyFixtures(path.join(tmp, 'growing'));
    const before = await scanShards(root, 3);
    growIndex(root, 'x');
    const after = await scanShards(root, 3);
    const ids = (r: Report): string[] => [
      ...r.episodes.map((e) => `${e.line} ${e.host}/${e.episode} scanned`),
      ...r.missing_tarballs.map((m) => `${m.line} ${m.host}/${m.episode} missing`),
      ...r.index_problems.map((p) => `${p.line} ${p.kind}`),
    ];
    for (let k = 0; k < 3; k++) {
      const now = new Set(ids(after[k]!));
      for (const row of ids(before[k]!)) expect(now.has(row), `shard ${k + 1}/3: ${row}`).toBe(true);
    }
    // The new rows went somewhere, and only once.
    expect(after.reduce((n, r) => n + rowsOf(r), 0)).toBe(before.reduce((n, r) => n + rowsOf(r), 0) + 9);
    expect(after[0]!.dataset.fingerprint).not.toBe(before[0]!.dataset.fingerprint);
    // Old and new shards do not mix.
    expect(() => mergeShardReports(files([before[0]!, after[1]!, after[2]!]))).toThrow(
      /shard-1\.json and shard-2\.json are of different datasets/,
    );
    const whole = await scan(root);
    expect(timeless(mergeShardReports(files(after)))).toEqual(timeless(whole));
  });
});

describe('a partial report', () => {
  let parts: Report[];
  beforeAll(async () => {
    parts = await scanShards(FIXTURE_DATASET, 3);
  });

  it('reads back as written', () => {
    const f = path.join(tmp, 'part.json');
    writeReport(f, parts[1]!);
    expect(readReport(f)).toEqual(parts[1]);
  });

  it('cannot be gated or made into a baseline', () => {
    expect(() => evaluateGate(parts[0]!, null, { failOn: 'never', reportHint: 'p1.json' })).toThrow(
      new ConfigError(
        'p1.json is the report of shard 1/3 only, and a shard cannot be gated alone: merge the reports of all 3 shards with episode-gate merge',
      ),
    );
    expect(() => baselineFromReport(parts[0]!, null)).toThrow(/shard 1\/3 only, and a shard cannot be made into a baseline alone/);
  });

  it('with a broken shard field is refused when read', () => {
    const f = path.join(tmp, 'bad-shard.json');
    writeReport(f, { ...parts[0]!, shard: { index: 4, count: 3, index_rows: 41 } });
    expect(() => readReport(f, 'bad-shard.json')).toThrow(
      /^bad-shard\.json: shard must hold whole numbers index \(1\.\.count\), count and index_rows/,
    );
  });

  it('reports that overlap or leave rows out are refused, naming the line or the count', () => {
    const [a, b, c] = parts.map((p) => structuredClone(p)) as [Report, Report, Report];
    const stolen = b.episodes[0]!;
    a.episodes.push(stolen);
    expect(() => mergeShardReports(files([a, b, c]))).toThrow(
      `index line ${stolen.line} is in both shard-1.json (shard 1/3) and shard-2.json (shard 2/3): these reports are not the shards of one scan; scan every shard again`,
    );
    b.episodes.shift();
    a.episodes.pop();
    const rows = a.shard!.index_rows;
    expect(() => mergeShardReports(files([a, b, c]))).toThrow(`the 3 shard reports account for ${rows - 1} of the index's ${rows} rows`);
  });
});
