/**
 * --manifest through the episode-gate command's main(), on real .tar.zst files: sharded scans
 * carry each tarball's digest through merge into the same manifest one scan writes; the
 * predicate's tests name pinned cases and rules; scan --shard refuses to write a manifest.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateMain } from '../../src/cli/episode-gate.js';
import type { CliIO } from '../../src/cli/io.js';
import { writeSyntheticDataset } from '../support/shard-datasets.js';
import { REPO, tempDir } from '../support/helpers.js';

const tmp = tempDir('episode-gate-cli-manifest-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function gate(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, env: {}, cwd: tmp };
  const code = await gateMain(argv, io);
  return { code, out, err };
}

const read = (f: string): string => readFileSync(path.join(tmp, f), 'utf8');
const readJson = <T>(f: string): T => JSON.parse(read(f)) as T;
/** A manifest without the fields that name the run rather than the data. */
const dataOf = (f: string): unknown => {
  const m = readJson<Record<string, unknown> & { gate: Record<string, unknown> }>(f);
  return { ...m, generated_at: null, gate: { ...m.gate, command: null } };
};

beforeAll(() => {
  writeSyntheticDataset(path.join(tmp, 'data'), 60, 11);
});

describe('sharded scans carry the digests through merge', () => {
  it('merge --manifest writes the manifest, SHA256SUMS and statement subjects of one unsharded check', async () => {
    const whole = await gate(['check', '--dataset', 'data', '--manifest', 'whole']);
    expect(whole.code).toBe(0);
    for (const k of [1, 2, 3]) {
      const r = await gate(['scan', '--dataset', 'data', '--shard', `${k}/3`, '--report', `shard-${k}.json`]);
      expect(r.code, r.err).toBe(0);
      const shard = readJson<{ episodes: Array<{ sha256?: string | null }> }>(`shard-${k}.json`);
      expect(shard.episodes.length).toBeGreaterThan(0);
      expect(shard.episodes.some((e) => typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    }
    const merged = await gate(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', '--manifest', 'merged']);
    expect(merged.code, merged.err).toBe(0);
    const sums = read('merged/SHA256SUMS');
    expect(sums.trimEnd().split('\n').length).toBeGreaterThan(10);
    expect(sums).toBe(read('whole/SHA256SUMS'));
    expect(dataOf('merged/manifest.json')).toEqual(dataOf('whole/manifest.json'));
    expect(readJson<{ gate: { command: string } }>('merged/manifest.json').gate.command).toBe('merge');
    const subjects = (f: string): unknown => readJson<{ subject: unknown }>(f).subject;
    expect(subjects('merged/statement.intoto.json')).toEqual(subjects('whole/statement.intoto.json'));
  });

  it('scan --shard refuses --manifest and says to give it to merge', async () => {
    const r = await gate(['scan', '--dataset', 'data', '--shard', '1/3', '--manifest', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--manifest lists a whole dataset, not one shard: pass --manifest DIR to episode-gate merge instead');
  });

  it('a shard report checked alone writes no manifest', async () => {
    const r = await gate(['check', '--report', 'shard-1.json', '--manifest', 'shard-alone']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('a shard cannot be gated alone');
  });
});

describe('the test-result predicate', () => {
  it('lists a broken rule as failed, or as warned with result WARNED when --fail-on never lets the gate pass', async () => {
    const baseline = JSON.parse(readFileSync(path.join(REPO, 'fixtures', 'baseline.json'), 'utf8')) as {
      counts: { kept: number; flagged: number };
      cases: unknown[];
      episodes?: unknown;
    };
    // One kept episode more than the fixtures give: the kept-drop rule breaks; the pinned cases hold.
    const edited = { ...baseline, counts: { ...baseline.counts, kept: baseline.counts.kept + 1, flagged: baseline.counts.flagged - 1 } };
    delete edited.episodes;
    writeFileSync(path.join(tmp, 'baseline.json'), JSON.stringify(edited));
    const fixtures = path.join(REPO, 'fixtures', 'dataset');

    const failed = await gate(['check', '--dataset', fixtures, '--baseline', 'baseline.json', '--manifest', 'failed']);
    expect(failed.code).toBe(1);
    const f = readJson<{ predicate: { result: string; failedTests: string[]; warnedTests: string[]; passedTests: string[] } }>(
      'failed/statement.intoto.json',
    );
    expect(f.predicate.result).toBe('FAILED');
    expect(f.predicate.failedTests).toContain('rule:kept-drop');
    expect(f.predicate.failedTests.every((t) => t.startsWith('rule:'))).toBe(true);
    expect(f.predicate.warnedTests).toEqual([]);
    expect(f.predicate.passedTests).toContain('case:rescued-by-netflow');

    const warned = await gate([
      'check',
      '--dataset',
      fixtures,
      '--baseline',
      'baseline.json',
      '--fail-on',
      'never',
      '--manifest',
      'warned',
    ]);
    expect(warned.code).toBe(0);
    const w = readJson<{ predicate: { result: string; failedTests: string[]; warnedTests: string[] } }>('warned/statement.intoto.json');
    expect(w.predicate.result).toBe('WARNED');
    expect(w.predicate.warnedTests).toEqual(f.predicate.failedTests);
    expect(w.predicate.failedTests).toEqual([]);
    expect(read('warned/SHA256SUMS').trimEnd().split('\n')).toHaveLength(baseline.counts.kept);
  });

  it("names a changed dataset's rules: a kept episode gone fails rule:gone-kept; the rules it kept pass", async () => {
    expect((await gate(['baseline', '--dataset', 'data', '--out', 'data-baseline.json'])).code).toBe(0);
    const b = readJson<{ episodes: Record<string, { reasons: string[] }> }>('data-baseline.json');
    const gone = Object.keys(b.episodes).find((k) => b.episodes[k]!.reasons.length === 0)!;
    cpSync(path.join(tmp, 'data'), path.join(tmp, 'less'), { recursive: true });
    const [host, episode] = gone.split('/') as [string, string];
    rmSync(path.join(tmp, 'less', 'episodes', host, `${episode}.tar.zst`));
    const index = path.join(tmp, 'less', 'index.jsonl');
    writeFileSync(
      index,
      read('less/index.jsonl')
        .split('\n')
        .filter((l) => !(l.includes(`"${host}"`) && l.includes(`"${episode}"`)))
        .join('\n'),
    );
    const r = await gate(['check', '--dataset', 'less', '--baseline', 'data-baseline.json', '--manifest', 'changed']);
    expect(r.code).toBe(1);
    const p = readJson<{ predicate: { failedTests: string[]; passedTests: string[] } }>('changed/statement.intoto.json').predicate;
    expect(p.failedTests).toEqual(['rule:gone-kept']);
    expect(p.passedTests).toEqual(expect.arrayContaining(['rule:kept-drop', 'rule:missing-kept', 'rule:modified-kept']));
    expect(p.passedTests).not.toContain('rule:gone-flagged'); // tolerance null by default: not checked
  });
});
