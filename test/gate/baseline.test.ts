import { Ajv } from 'ajv';
import * as prettier from 'prettier';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineFromReport, formatBaseline, loadBaseline, parseBaseline, type Baseline } from '../../src/gate/baseline.js';
import { ConfigError } from '../../src/shared/errors.js';
import { baselineOf, fakeReport, flagged, kept, type FakeEpisode } from '../support/fake-reports.js';

const repo = path.resolve(import.meta.dirname, '../..');
/** The digest fake.ts gives an episode's tarball. */
const sha = (key: string): string => createHash('sha256').update(key).digest('hex');
const schema = JSON.parse(readFileSync(path.join(repo, 'schema/baseline.schema.json'), 'utf8')) as object;
const schemaValid = new Ajv({ strict: true, allErrors: true }).compile(schema);
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-baseline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const good = (): Baseline => {
  const b = baselineOf([...kept(2), ['lab-a', 'x', ['flat-cpu', 'workload-silent']]], {
    kept_drop: 1,
    flagged_rate_rise: 0.5,
    reasons: { unreadable: null },
  });
  b.cases = [{ name: 'x', host: 'lab-a', episode: 'x', expect: 'flagged', reasons: ['flat-cpu'], note: 'pinned' }];
  return b;
};

/** Documents the validator must refuse, each with the words its message must contain. */
const INVALID: Array<[string, (b: Record<string, unknown>) => unknown, string]> = [
  ['not an object', () => [], 'the baseline must be an object'],
  ['unsupported version', (b) => ({ ...b, version: 3 }), 'version 3 is not supported'],
  ['missing counts', (b) => ({ ...b, counts: undefined }), 'needs the field "counts"'],
  ['a misspelt top-level field', (b) => ({ ...b, tolerances: {} }), 'unknown field "tolerances"'],
  ['a negative count', (b) => ({ ...b, counts: { scanned: 3, kept: -1, flagged: 4 } }), 'counts.kept must be a whole number >= 0'],
  ['a fractional count', (b) => ({ ...b, counts: { scanned: 3, kept: 1.5, flagged: 1.5 } }), 'counts.kept must be a whole number'],
  ['counts that do not add up', (b) => ({ ...b, counts: { scanned: 4, kept: 2, flagged: 1 } }), 'must equal counts.scanned (4)'],
  ['an unknown reason', (b) => ({ ...b, by_reason: { flat_cpu: 1 } }), 'unknown reason "flat_cpu"'],
  ['a tolerance below zero', (b) => ({ ...b, tolerance: { kept_drop: -1 } }), 'tolerance.kept_drop must be a whole number >= 0 or null'],
  ['a fractional count tolerance', (b) => ({ ...b, tolerance: { flagged_rise: 0.5 } }), 'tolerance.flagged_rise must be a whole number'],
  [
    'a case host that climbs out',
    (b) => ({ ...b, cases: [{ name: 'x', host: '..', episode: 'x', expect: 'kept' }] }),
    'cases[0].host ".." is the relative path ".."',
  ],
  ['a string rate tolerance', (b) => ({ ...b, tolerance: { flagged_rate_rise: '1' } }), 'tolerance.flagged_rate_rise must be a number'],
  ['cases not a list', (b) => ({ ...b, cases: {} }), 'cases must be a list'],
  ['a case without expect', (b) => ({ ...b, cases: [{ name: 'a', host: 'h', episode: 'e' }] }), 'cases[0] needs the field "expect"'],
  [
    'a case with a bad expect',
    (b) => ({ ...b, cases: [{ name: 'a', host: 'h', episode: 'e', expect: 'keep' }] }),
    'cases[0].expect must be "kept" or "flagged"',
  ],
  [
    'a kept case with reasons',
    (b) => ({ ...b, cases: [{ name: 'a', host: 'h', episode: 'e', expect: 'kept', reasons: ['flat-cpu'] }] }),
    'expects kept but lists reasons',
  ],
  [
    'a flagged case with no reasons',
    (b) => ({ ...b, cases: [{ name: 'a', host: 'h', episode: 'e', expect: 'flagged', reasons: [] }] }),
    'lists no reasons',
  ],
  [
    'a case with an unsafe host',
    (b) => ({ ...b, cases: [{ name: 'a', host: '../..', episode: 'e', expect: 'kept' }] }),
    'cases[0].host "../.." contains a path separator',
  ],
  [
    'a case reason twice',
    (b) => ({ ...b, cases: [{ name: 'a', host: 'h', episode: 'e', expect: 'flagged', reasons: ['flat-cpu', 'flat-cpu'] }] }),
    'lists a reason twice',
  ],
  ['an episodes key without a host', (b) => ({ ...b, episodes: { 'just-an-id': [] } }), 'must be "host/episode"'],
  ['an episodes value that is not a list', (b) => ({ ...b, version: 1, episodes: { 'h/e': 'kept' } }), 'must be a list of reasons'],
  ['an unknown reason in the episodes map', (b) => ({ ...b, version: 1, episodes: { 'h/e': ['slow'] } }), '"slow" is not a reason'],
  ['a version-2 episode given as a list', (b) => ({ ...b, episodes: { 'h/e': [] } }), 'episodes["h/e"] must be an object'],
  [
    'a version-2 episode with a bad digest',
    (b) => ({ ...b, episodes: { 'h/e': { reasons: [], sha256: 'abc' } } }),
    'episodes["h/e"].sha256 must be 64 lowercase hex digits',
  ],
  ['an unknown reason in a version-2 episode', (b) => ({ ...b, episodes: { 'h/e': { reasons: ['slow'] } } }), '"slow" is not a reason'],
  [
    'a cohort confidence of 1',
    (b) => ({ ...b, tolerance: { cohort_confidence: 1 } }),
    'tolerance.cohort_confidence must be a number between 0 and 1',
  ],
  ['a cohort minimum size of 0', (b) => ({ ...b, tolerance: { cohort_min_size: 0 } }), 'tolerance.cohort_min_size must be at least 1'],
];

describe('baseline validation', () => {
  it('accepts a baseline as `episode-gate baseline` writes it, and so does the JSON Schema', () => {
    const doc = JSON.parse(formatBaseline(good())) as unknown;
    expect(parseBaseline(doc, 'b.json')).toEqual(doc);
    expect(schemaValid(doc)).toBe(true);
  });
  it('accepts the committed fixture baseline, and so does the JSON Schema', () => {
    const doc = JSON.parse(readFileSync(path.join(repo, 'fixtures/baseline.json'), 'utf8')) as unknown;
    expect(() => parseBaseline(doc, 'fixtures/baseline.json')).not.toThrow();
    expect(schemaValid(doc), JSON.stringify(schemaValid.errors)).toBe(true);
  });
  for (const [what, edit, words] of INVALID) {
    it(`refuses ${what} with a one-line error naming the field and the fix`, () => {
      const doc = edit(JSON.parse(formatBaseline(good())) as Record<string, unknown>);
      const run = () => parseBaseline(JSON.parse(JSON.stringify(doc)) as unknown, 'ci/baseline.json');
      expect(run).toThrow(ConfigError);
      const msg = (() => {
        try {
          run();
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })();
      expect(msg).toContain(words);
      expect(msg).toMatch(/^ci\/baseline\.json: /);
      expect(msg).toContain('episode-gate baseline --dataset DIR --out ci/baseline.json');
      expect(msg).not.toContain('\n');
    });
  }
  it('agrees with the JSON Schema on every refused document the schema can express', () => {
    // counts that do not add up and duplicate case names are beyond JSON Schema; the rest must agree.
    const beyondSchema = new Set(['counts that do not add up']);
    for (const [what, edit] of INVALID) {
      if (beyondSchema.has(what)) continue;
      const doc = JSON.parse(JSON.stringify(edit(JSON.parse(formatBaseline(good())) as Record<string, unknown>))) as unknown;
      expect(schemaValid(doc), what).toBe(false);
    }
  });
});

describe('a release manifest given as a baseline', () => {
  it('is named for what it is, with the command that takes it', () => {
    const doc = { manifest_version: 1, episodes: [], tool: {}, dataset: {} };
    expect(() => parseBaseline(doc, 'release/manifest.json')).toThrow(
      'release/manifest.json is a release manifest (written by --manifest DIR), not a baseline: check an export against it with "episode-gate verify --manifest release/manifest.json --dataset DIR"',
    );
  });
});

describe('a number past the largest double', () => {
  it('is quoted as Infinity, not as null', () => {
    const text = formatBaseline(good()).replace('"flagged_rate_rise": 0.5', '"flagged_rate_rise": 1e400');
    expect(text).toContain('1e400');
    expect(() => parseBaseline(JSON.parse(text), 'ci/baseline.json')).toThrow(
      'tolerance.flagged_rate_rise must be a number >= 0 or null (not checked), got Infinity (a number past the largest double',
    );
  });
});

describe('loading a baseline file', () => {
  it('names a missing file and says how to create it', () => {
    const f = path.join(tmp, 'nope.json');
    expect(() => loadBaseline(f, 'nope.json')).toThrow(
      'cannot read the baseline nope.json: ENOENT (no such file); create it with "episode-gate baseline --dataset DIR --out nope.json" (with the run\'s --settings, --host and --reason) or fix the baseline path',
    );
  });
  it('names a file that is not JSON', () => {
    const f = path.join(tmp, 'broken.json');
    writeFileSync(f, '{"version": 1,');
    expect(() => loadBaseline(f, 'broken.json')).toThrow(/^broken\.json: not valid JSON \(/);
  });
});

describe('writing a baseline from a scan', () => {
  const eps: FakeEpisode[] = [...kept(3), ...flagged(2)];
  const existing = (): Baseline => {
    const b = baselineOf(eps, { kept_drop: 2, reasons: { 'flat-cpu': 1 } });
    b.cases = [
      { name: 'keep-me', host: 'lab-a', episode: 'ep-0', expect: 'kept', note: 'why it matters' },
      { name: 'flat', host: 'lab-a', episode: 'bad-0', expect: 'flagged', reasons: ['flat-cpu'] },
    ];
    return b;
  };
  it('equals the scan and keeps the tolerances and pinned cases', () => {
    const after: FakeEpisode[] = [...eps, ['lab-b', 'new', []]];
    const u = baselineFromReport(fakeReport(after), existing());
    expect(u.stale).toEqual([]);
    expect(u.baseline.counts).toEqual({ scanned: 6, kept: 4, flagged: 2 });
    expect(u.baseline.tolerance).toEqual({ kept_drop: 2, reasons: { 'flat-cpu': 1 } });
    expect(u.baseline.cases).toEqual(existing().cases);
    expect(u.baseline.version).toBe(2);
    expect(u.baseline.episodes?.['lab-b/new']).toEqual({ reasons: [], sha256: sha('lab-b/new') });
    expect(u.baseline.episodes?.['lab-a/bad-0']).toEqual({ reasons: ['flat-cpu'], sha256: sha('lab-a/bad-0') });
  });
  it('reports a pinned case that no longer matches instead of dropping it', () => {
    const after: FakeEpisode[] = eps.map((e) => (e[1] === 'ep-0' ? ['lab-a', 'ep-0', ['no-sample']] : e));
    const u = baselineFromReport(fakeReport(after), existing());
    expect(u.stale.map((s) => [s.case.name, s.detail])).toEqual([['keep-me', 'expected kept, got flagged (no-sample)']]);
    expect(u.baseline.cases.map((c) => c.name)).toEqual(['keep-me', 'flat']);
    expect(u.dropped).toEqual([]);
  });
  it('drops stale cases only when asked, and says which', () => {
    const after = eps.filter((e) => e[1] !== 'ep-0');
    const u = baselineFromReport(fakeReport(after), existing(), { dropStale: true });
    expect(u.dropped.map((d) => d.case.name)).toEqual(['keep-me']);
    expect(u.baseline.cases.map((c) => c.name)).toEqual(['flat']);
  });
  it('pins an episode at its current verdict and reasons', () => {
    const u = baselineFromReport(fakeReport(eps), null, {
      pins: [
        { host: 'lab-a', episode: 'bad-1', name: 'second-flat' },
        { host: 'lab-a', episode: 'ep-2' },
      ],
    });
    expect(u.added).toEqual([
      { name: 'second-flat', host: 'lab-a', episode: 'bad-1', expect: 'flagged', reasons: ['flat-cpu'] },
      { name: 'ep-2', host: 'lab-a', episode: 'ep-2', expect: 'kept' },
    ]);
    expect(u.baseline.tolerance).toEqual({ kept_drop: 0, flagged_rise: 0, flagged_rate_rise: 0, reasons: {} });
  });
  it('refuses to pin an episode the scan does not have', () => {
    expect(() => baselineFromReport(fakeReport(eps), null, { pins: [{ host: 'lab-z', episode: 'ghost' }] })).toThrow(ConfigError);
  });
  it('writes JSON that Prettier leaves alone (one line per episode)', async () => {
    const b = baselineFromReport(fakeReport(eps), existing()).baseline;
    b.cases[0]!.note = 'a long note '.repeat(20);
    const text = formatBaseline(b);
    const options = (await prettier.resolveConfig(path.join(repo, 'fixtures/baseline.json'))) ?? {};
    expect(await prettier.format(text, { ...options, parser: 'json' })).toBe(text);
    expect(text).toContain(`    "lab-a/bad-0": { "reasons": ["flat-cpu"], "sha256": "${sha('lab-a/bad-0')}" },\n`);
  });
});
