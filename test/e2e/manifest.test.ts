/**
 * The release manifest end to end, through the bundled command run as a process: a gate on a copy
 * of the fixtures writes SHA256SUMS that the real `sha256sum -c` accepts, an export of exactly the
 * listed files verifies, and a tarball changed after the gate (same size), a missing one and an
 * extra one each make verify exit 1 naming it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtures } from '../support/shard-datasets.js';
import { REPO, tempDir } from '../support/helpers.js';

const BIN = path.join(REPO, 'dist', 'episode-gate.js');
/** Kept fixture episodes, as the committed baseline counts them. */
const KEPT = (JSON.parse(readFileSync(path.join(REPO, 'fixtures', 'baseline.json'), 'utf8')) as { counts: { kept: number } }).counts.kept;
const tmp = tempDir('episode-gate-manifest-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function gate(args: string[], cwd = tmp): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const readJson = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;

interface ReportLite {
  episodes: Array<{ host: string; episode: string; verdict: string; sha256: string | null }>;
}
interface ManifestLite {
  gate: { result: string; passed: boolean; baseline: { name: string; sha256: string } | null };
  episodes: Array<{ host: string; episode: string; path: string; sha256: string; size: number; line: number }>;
  withheld: Array<{ path: string }>;
  flagged: Array<{ path: string; reasons: string[] }>;
}

const root = path.join(tmp, 'dataset');
const out = path.join(tmp, 'release');
let report: ReportLite;
let sums: string;

beforeAll(() => {
  copyFixtures(root);
  const r = gate([
    'check',
    '--dataset',
    'dataset',
    '--baseline',
    path.join(REPO, 'fixtures', 'baseline.json'),
    '--manifest',
    'release',
    '--report-out',
    'report.json',
  ]);
  expect(r.err).toContain('PASSED');
  expect(r.code).toBe(0);
  report = readJson<ReportLite>(path.join(tmp, 'report.json'));
  sums = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
});

/** Copies exactly the tarballs SHA256SUMS lists into a fresh export folder; `withIndex`: and their rows of index.jsonl, as docs/workflows-release.md exports them. */
function exportListed(name: string, withIndex = false): string {
  const dir = path.join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  for (const line of sums.trimEnd().split('\n')) {
    const rel = line.slice(66);
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(path.join(root, rel), path.join(dir, rel));
  }
  if (withIndex) {
    const keep = new Set(readJson<ManifestLite>(path.join(out, 'manifest.json')).episodes.map((e) => e.line));
    const rows = readFileSync(path.join(root, 'index.jsonl'), 'utf8').split('\n');
    writeFileSync(path.join(dir, 'index.jsonl'), rows.filter((_, i) => keep.has(i + 1)).join('\n') + '\n');
  }
  return dir;
}

describe('SHA256SUMS of a passed gate', () => {
  it('is accepted by the real sha256sum -c from the dataset root', () => {
    const text = execFileSync('sha256sum', ['--strict', '-c', path.join(out, 'SHA256SUMS')], { cwd: root, encoding: 'utf8' });
    const ok = text.trimEnd().split('\n');
    expect(ok.length).toBe(report.episodes.filter((e) => e.verdict === 'kept').length);
    expect(ok.every((l) => l.endsWith(': OK'))).toBe(true);
  });

  it('lists exactly the kept episodes, sorted, with the digests the scan recorded; flagged ones are absent', () => {
    const lines = sums.trimEnd().split('\n');
    const paths = lines.map((l) => l.slice(66));
    expect([...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(paths);
    const kept = report.episodes.filter((e) => e.verdict === 'kept');
    const want = kept.map((e) => `${e.sha256}  episodes/${e.host}/${e.episode}.tar.zst`).sort();
    expect([...lines].sort()).toEqual(want);
    const flagged = report.episodes.filter((e) => e.verdict === 'flagged');
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(paths).not.toContain(`episodes/${f.host}/${f.episode}.tar.zst`);
  });

  it('agrees with manifest.json, which validates against its schema and lists the flagged episodes apart', () => {
    const m = readJson<ManifestLite>(path.join(out, 'manifest.json'));
    const valid = new Ajv({ strict: true, allowUnionTypes: true }).compile(
      readJson<object>(path.join(REPO, 'schema/manifest.schema.json')),
    );
    expect(valid(m), JSON.stringify(valid.errors)).toBe(true);
    expect(m.gate).toMatchObject({ result: 'PASSED', passed: true });
    const baselineBytes = readFileSync(path.join(REPO, 'fixtures', 'baseline.json'));
    expect(m.gate.baseline?.sha256).toBe(createHash('sha256').update(baselineBytes).digest('hex'));
    expect(m.episodes.map((e) => `${e.sha256}  ${e.path}\n`).join('')).toBe(sums);
    for (const e of m.episodes) expect(e.size).toBe(statSync(path.join(root, e.path)).size);
    expect(m.withheld).toEqual([]);
    expect(m.flagged.length).toBe(report.episodes.filter((e) => e.verdict === 'flagged').length);
    expect(m.flagged.every((f) => f.reasons.length > 0)).toBe(true);
  });

  it('comes with an in-toto v1 Statement whose subjects are its lines and whose predicate is the test result', () => {
    const st = readJson<Record<string, unknown>>(path.join(out, 'statement.intoto.json'));
    expect(st._type).toBe('https://in-toto.io/Statement/v1');
    expect(st.predicateType).toBe('https://in-toto.io/attestation/test-result/v0.1');
    const subject = st.subject as Array<{ name: string; digest: { sha256: string } }>;
    expect(subject.map((s) => `${s.digest.sha256}  ${s.name}\n`).join('')).toBe(sums);
    for (const s of subject) expect(s.digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    const p = st.predicate as Record<string, unknown>;
    expect(p.result).toBe('PASSED');
    expect(p.failedTests).toEqual([]);
    expect(p.passedTests).toContain('case:rescued-by-netflow');
    expect(p.passedTests).toContain('rule:kept-drop');
    const config = p.configuration as Array<{ name: string; digest?: { sha256: string } }>;
    const m = readJson<ManifestLite>(path.join(out, 'manifest.json'));
    expect(config.find((c) => c.name === m.gate.baseline!.name)?.digest?.sha256).toBe(m.gate.baseline!.sha256);
    const settingsHash = readJson<{ settings_hash: string }>(path.join(tmp, 'report.json')).settings_hash;
    expect(`sha256:${config.find((c) => c.name === 'settings')?.digest?.sha256}`).toBe(settingsHash);
    expect(readJson(path.join(out, 'predicate.json'))).toEqual(p);
  });
});

describe('verify', () => {
  it('passes on an export of exactly the listed files, and on the dataset itself with --allow-extra', () => {
    const dir = exportListed('export-ok');
    const r = gate(['verify', '--manifest', 'release/manifest.json', '--dataset', dir]);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^episode-gate: VERIFIED: .* holds the ${KEPT} tarballs `));
    expect(r.code).toBe(0);
    expect(gate(['verify', '--manifest', 'release', '--dataset', 'dataset', '--allow-extra']).code).toBe(0);
  });

  it('exits 1 naming a tarball rewritten after the gate at the same size', () => {
    const dir = exportListed('export-changed');
    const rel = sums.split('\n')[3]!.slice(66);
    const file = path.join(dir, rel);
    const bytes = readFileSync(file);
    const size = bytes.length;
    bytes[size - 1] = bytes[size - 1]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(statSync(file).size).toBe(size);
    const r = gate(['verify', '--manifest', 'release', '--dataset', dir]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^CHANGED ${rel}: sha256 [0-9a-f]{16}…, the manifest lists`)),
    ]);
    expect(r.err).toMatch(/^episode-gate: VERIFY FAILED \(exit 1\): 1 problem /);
  });

  it('exits 1 naming a missing tarball and an extra one, one line each; --allow-extra lets the extra one pass', () => {
    const dir = exportListed('export-missing-extra');
    const gone = sums.split('\n')[0]!.slice(66);
    unlinkSync(path.join(dir, gone));
    const flagged = readJson<ManifestLite>(path.join(out, 'manifest.json')).flagged[0]!.path;
    mkdirSync(path.dirname(path.join(dir, flagged)), { recursive: true });
    cpSync(path.join(root, flagged), path.join(dir, flagged));
    const r = gate(['verify', '--manifest', 'release', '--dataset', dir]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`MISSING ${gone}: listed in the manifest, absent here`);
    expect(lines).toContain(`EXTRA ${flagged}: a tarball the manifest does not list`);
    const allowed = gate(['verify', '--manifest', 'release', '--dataset', dir, '--allow-extra']);
    expect(allowed.code).toBe(1);
    expect(allowed.out.trimEnd().split('\n')).toEqual([`MISSING ${gone}: listed in the manifest, absent here`]);
  });

  it("checks the export's index.jsonl: each row the manifest does not release and each released episode without a row is one line, exit 1", () => {
    const dir = exportListed('export-index', true);
    const ok = gate(['verify', '--manifest', 'release', '--dataset', dir]);
    expect(ok.err).toContain('VERIFIED');
    expect(ok.code).toBe(0);
    const index = path.join(dir, 'index.jsonl');
    const rows = readFileSync(index, 'utf8').trimEnd().split('\n');
    const last = JSON.parse(rows.at(-1)!) as { host_id: string; episode_id: string };
    writeFileSync(index, [...rows.slice(0, -1), '{"host_id":"lab-a","episode_id":"ep-evil"}', 'not json'].join('\n') + '\n');
    const r = gate(['verify', '--manifest', 'release', '--dataset', dir]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      `INDEX index.jsonl: line ${rows.length + 1} is not an episode row: not JSON (Expecting value at column 1)`,
      `INDEX index.jsonl: line ${rows.length} names lab-a/ep-evil, an episode the manifest does not release`,
      `INDEX index.jsonl: no row names ${last.host_id}/${last.episode_id}, an episode the manifest releases`,
    ]);
    // --allow-extra: rows of other episodes are allowed (the dataset's own index); a released episode still needs its row.
    const allowed = gate(['verify', '--manifest', 'release', '--dataset', dir, '--allow-extra']);
    expect(allowed.code).toBe(1);
    expect(allowed.out).not.toContain('ep-evil');
    expect(allowed.out).toContain(`no row names ${last.host_id}/${last.episode_id}`);
  });

  it('exits 1 on an export whose index.jsonl or SHA256SUMS lists a released episode twice (it would be trained on twice)', () => {
    const dir = exportListed('export-twice', true);
    const index = path.join(dir, 'index.jsonl');
    const rows = readFileSync(index, 'utf8').trimEnd().split('\n');
    const first = JSON.parse(rows[0]!) as { host_id: string; episode_id: string };
    writeFileSync(index, [...rows, rows[0]].join('\n') + '\n');
    const lines = sums.trimEnd().split('\n');
    writeFileSync(path.join(dir, 'SHA256SUMS'), [...lines, lines[1]].join('\n') + '\n');
    const r = gate(['verify', '--manifest', 'release', '--dataset', dir]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      `SUMS ${lines[1]!.slice(66)}: listed again in the export's SHA256SUMS: each released tarball has one line`,
      `INDEX index.jsonl: line ${rows.length + 1} names ${first.host_id}/${first.episode_id} again (first on line 1): each released episode has one row`,
    ]);
    // The dataset's own index (--allow-extra) may repeat a row: the scan classified it each time.
    writeFileSync(path.join(dir, 'SHA256SUMS'), sums);
    expect(gate(['verify', '--manifest', 'release', '--dataset', dir, '--allow-extra']).code).toBe(0);
  });

  it('exits 1 on a passed manifest that releases no episodes: a release of nothing is not verified', () => {
    const empty = path.join(tmp, 'release-empty');
    mkdirSync(empty, { recursive: true });
    const m = readJson<ManifestLite & Record<string, unknown>>(path.join(out, 'manifest.json'));
    writeFileSync(path.join(empty, 'manifest.json'), JSON.stringify({ ...m, episodes: [] }));
    const r = gate(['verify', '--manifest', empty, '--dataset', exportListed('export-empty')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'NOT-RELEASED manifest.json: lists no episodes: a release of nothing is not verified (gate a dataset whose classifier keeps episodes)\n',
    );
    expect(r.err).not.toContain('VERIFIED');
  });

  it('exits 1 when SHA256SUMS and manifest.json beside it disagree', () => {
    const copy = path.join(tmp, 'release-edited');
    cpSync(out, copy, { recursive: true });
    appendFileSync(path.join(copy, 'SHA256SUMS'), `${'0'.repeat(64)}  episodes/lab-a/ep-smuggled.tar.zst\n`);
    const r = gate(['verify', '--manifest', copy, '--dataset', exportListed('export-sums')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('SUMS episodes/lab-a/ep-smuggled.tar.zst: in SHA256SUMS but not in manifest.json');
  });

  it("exits 1 when the export's own SHA256SUMS (what its consumers run sha256sum -c on) leaves a tarball out", () => {
    const dir = exportListed('export-own-sums');
    const lines = sums.trimEnd().split('\n');
    writeFileSync(path.join(dir, 'SHA256SUMS'), lines.slice(1).join('\n') + '\n');
    const r = gate(['verify', '--manifest', out, '--dataset', dir]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([`SUMS ${lines[0]!.slice(66)}: in manifest.json but not in the export's SHA256SUMS`]);
    // The export's copy equal to the manifest's verifies.
    writeFileSync(path.join(dir, 'SHA256SUMS'), sums);
    expect(gate(['verify', '--manifest', out, '--dataset', dir]).code).toBe(0);
  });

  it('counts a tarball whose name differs only in case as an extra one', () => {
    const dir = exportListed('export-case');
    const first = sums.split('\n')[0]!.slice(66);
    cpSync(path.join(dir, first), path.join(dir, first.replace(/\.tar\.zst$/, '-copy.TAR.ZST')));
    const r = gate(['verify', '--manifest', out, '--dataset', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`EXTRA ${first.replace(/\.tar\.zst$/, '-copy.TAR.ZST')}: a tarball the manifest does not list`);
  });

  it('exits 2 with one line naming the manifest and the fix when it cannot run', () => {
    const bad = path.join(tmp, 'bad-manifest.json');
    const m = readJson<ManifestLite & Record<string, unknown>>(path.join(out, 'manifest.json'));
    writeFileSync(bad, JSON.stringify({ ...m, episodes: [{ ...m.episodes[0]!, path: '../../etc/passwd' }] }));
    const noVersion = path.join(tmp, 'no-version.json');
    const { manifest_version: _v, ...unversioned } = m;
    writeFileSync(noVersion, JSON.stringify(unversioned));
    const future = path.join(tmp, 'future.json');
    writeFileSync(future, JSON.stringify({ ...m, manifest_version: 2 }));
    const cases: Array<[string[], string]> = [
      [['verify', '--manifest', 'nowhere.json', '--dataset', 'dataset'], 'cannot read the manifest nowhere.json'],
      [
        ['verify', '--manifest', 'report.json', '--dataset', 'dataset'],
        'report.json is a scan report, not a release manifest; pass --manifest the manifest.json',
      ],
      [
        ['verify', '--manifest', path.join(REPO, 'fixtures', 'baseline.json'), '--dataset', 'dataset'],
        'is a baseline, not a release manifest',
      ],
      [
        ['verify', '--manifest', noVersion, '--dataset', 'dataset'],
        'no-version.json has no manifest_version, so it is not a release manifest',
      ],
      [['verify', '--manifest', future, '--dataset', 'dataset'], 'future.json: manifest_version 2 is not supported (expected 1)'],
      [
        ['verify', '--manifest', bad, '--dataset', 'dataset'],
        'episodes[0].path "../../etc/passwd" climbs out of the folder with ".."; write it again',
      ],
      [['verify', '--manifest', 'release', '--dataset', 'no-such-dir'], 'is not a folder'],
    ];
    for (const [args, words] of cases) {
      const r = gate(args);
      expect(r.code, words).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain(words);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const usage = gate(['verify', '--dataset', 'dataset']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('the following arguments are required: --manifest');
  });
});

describe('a failed gate', () => {
  it('writes its manifest with verdict FAILED, withholds the kept episodes, removes an earlier SHA256SUMS, and verify refuses it', () => {
    const dir = path.join(tmp, 'release-failed');
    cpSync(out, dir, { recursive: true });
    expect(existsSync(path.join(dir, 'SHA256SUMS'))).toBe(true);
    const r = gate(['check', '--dataset', 'dataset', '--fail-on', 'flagged', '--manifest', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('with verdict FAILED: no SHA256SUMS, nothing is released');
    expect(existsSync(path.join(dir, 'SHA256SUMS'))).toBe(false);
    const m = readJson<ManifestLite>(path.join(dir, 'manifest.json'));
    expect(m.gate).toMatchObject({ result: 'FAILED', passed: false });
    expect(m.episodes).toEqual([]);
    expect(m.withheld.length).toBe(KEPT);
    const st = readJson<{ predicate: { result: string; failedTests: string[] } }>(path.join(dir, 'statement.intoto.json'));
    expect(st.predicate.result).toBe('FAILED');
    expect(st.predicate.failedTests).toEqual(['rule:no-flagged', 'rule:every-row-judged']);
    const v = gate(['verify', '--manifest', dir, '--dataset', 'dataset', '--allow-extra']);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(new RegExp(`^NOT-RELEASED manifest\\.json: records a FAILED gate .*${KEPT} kept episodes withheld`));
  });
});
