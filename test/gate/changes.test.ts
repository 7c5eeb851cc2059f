/** The four classes against the baseline and the rules that judge each, on reports made in memory. */
import { describe, expect, it } from 'vitest';
import { applyTolerance, type Baseline, type BaselineEpisode, type Tolerance } from '../../src/gate/baseline.js';
import { compare } from '../../src/gate/compare.js';
import { ConfigError } from '../../src/shared/errors.js';
import { baselineOf, fakeReport, flagged, kept, type FakeEpisode } from '../support/fake-reports.js';

const kinds = (c: { regressions: Array<{ kind: string }> }): string[] => c.regressions.map((r) => r.kind);

/** The baseline with one episode's recorded digest changed, as if its tarball had been rewritten since. */
function withOtherDigest(b: Baseline, key: string): Baseline {
  const e = b.episodes![key] as BaselineEpisode;
  b.episodes![key] = { ...e, sha256: 'f'.repeat(64) };
  return b;
}

describe('an unchanged dataset', () => {
  it('is a snapshot, judged by the count rules on the totals as before', () => {
    const eps = [...kept(8), ...flagged(2)];
    const c = compare(fakeReport(eps), baselineOf(eps), 'b.json');
    expect(c.mode).toBe('snapshot');
    expect(c.modeWhy).toBe(
      "snapshot: the dataset holds the baseline's 10 episodes, unchanged, so every count is judged against the baseline",
    );
    expect(c.regressions).toEqual([]);
  });
});

describe('gone episodes', () => {
  const before = [...kept(8), ...flagged(2)];
  it('a kept one fails, named; a flagged one is reported', () => {
    const c = compare(fakeReport([...kept(7), ...flagged(1)]), baselineOf(before), 'b.json');
    expect(c.mode).toBe('changing');
    expect(kinds(c)).toEqual(['gone-kept']);
    expect(c.regressions[0]!.message).toBe(
      '1 episode kept in the baseline is gone from the dataset (tolerance 0, tolerance.gone_kept): lab-a/ep-7',
    );
    expect(c.changes!.reported.map((r) => r.message)).toEqual([
      '1 episode flagged in the baseline is gone (archived or pruned; not checked, tolerance.gone_flagged): lab-a/bad-1',
    ]);
  });
  it('pass within their tolerances, and fail past gone_flagged when it is set', () => {
    const after = [...kept(7), ...flagged(1)];
    expect(compare(fakeReport(after), baselineOf(before, { gone_kept: 1 }), 'b.json').regressions).toEqual([]);
    expect(kinds(compare(fakeReport(after), baselineOf(before, { gone_kept: 1, gone_flagged: 0 }), 'b.json'))).toEqual(['gone-flagged']);
  });
  it('do not move the count rules: archiving every flagged episode passes', () => {
    const c = compare(fakeReport(kept(8)), baselineOf(before), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.counts.baseline).toEqual({ scanned: 8, kept: 8, flagged: 0 });
  });
});

describe('modified episodes', () => {
  const eps = [...kept(4), ...flagged(1)];
  it('a kept one fails; a flagged one is reported; an unchanged verdict is no flip', () => {
    const c = compare(fakeReport(eps), withOtherDigest(withOtherDigest(baselineOf(eps), 'lab-a/ep-2'), 'lab-a/bad-0'), 'b.json');
    expect(c.changes!.classes.modified.map((m) => m.episode)).toEqual(['ep-2', 'bad-0']);
    expect(kinds(c)).toEqual(['modified-kept']);
    expect(c.changes!.reported.map((r) => r.kind)).toEqual(['modified-flagged']);
    expect(c.flips).toEqual([]);
  });
  it('a modified episode whose verdict flipped fails as a flip too', () => {
    const after: FakeEpisode[] = [...kept(2), ['lab-a', 'ep-2', ['flat-cpu']], ...kept(4).slice(3), ...flagged(1)];
    const c = compare(fakeReport(after), withOtherDigest(baselineOf(eps, { modified_kept: 1 }), 'lab-a/ep-2'), 'b.json');
    expect(kinds(c)).toEqual(['kept-drop', 'flagged-rise', 'flagged-rate-rise', 'reason-rise', 'kept-to-flagged']);
  });
  it('cannot be seen with a version-1 baseline: judged by id, and said', () => {
    const b = withOtherDigest(baselineOf(eps), 'lab-a/ep-2');
    b.version = 1;
    b.episodes = Object.fromEntries(Object.entries(b.episodes!).map(([k, e]) => [k, (e as BaselineEpisode).reasons]));
    const c = compare(fakeReport(eps), b, 'b.json');
    expect(c.mode).toBe('snapshot');
    expect(c.regressions).toEqual([]);
    expect(c.modeWhy).toContain('the baseline records no tarball digests (version 1)');
  });
});

describe('new episodes', () => {
  const before = [...kept(54), ...flagged(6)];
  it('a normal cohort passes and moves no count rule', () => {
    const c = compare(
      fakeReport([...before, ...kept(27, 'lab-a', 'new'), ...flagged(3, ['flat-cpu'], 'lab-a', 'newbad')]),
      baselineOf(before),
      'b.json',
    );
    expect(c.regressions).toEqual([]);
    expect(c.modeWhy).toMatch(
      /^changed dataset: 30 new, judged as a cohort against the rate at which episodes arrived \(60 episodes as first judged, pruned ones included\), 0 gone, 0 modified, 60 unchanged/,
    );
  });
  it('a broken cohort fails, naming the host and the reason', () => {
    const c = compare(fakeReport([...before, ...flagged(25, ['flat-cpu'], 'lab-a', 'newbad')]), baselineOf(before), 'b.json');
    expect(kinds(c)).toContain('cohort-rate');
    expect(c.regressions.find((r) => r.kind === 'cohort-rate')!.message).toMatch(
      /^new episodes on host lab-a: flat-cpu 25\/25 \(100\.0%\) vs the baseline's arrivals 6\/60/,
    );
  });
  it('is not tested with cohort_confidence null', () => {
    const c = compare(
      fakeReport([...before, ...flagged(25, ['flat-cpu'], 'lab-a', 'newbad')]),
      baselineOf(before, { cohort_confidence: null }),
      'b.json',
    );
    expect(c.regressions).toEqual([]);
    expect(c.modeWhy).toContain('not tested: the cohort rule is off');
  });
});

describe('--tolerance KEY=VALUE', () => {
  it('sets numbers, null and reasons', () => {
    const t: Tolerance = { kept_drop: 0, reasons: { 'no-sample': 1 } };
    applyTolerance(t, 'gone_kept=2');
    applyTolerance(t, 'flagged_rate_rise=null');
    applyTolerance(t, 'reasons.flat-cpu=3');
    applyTolerance(t, 'cohort_margin_pp=0.5');
    expect(t).toEqual({
      kept_drop: 0,
      gone_kept: 2,
      flagged_rate_rise: null,
      reasons: { 'no-sample': 1, 'flat-cpu': 3 },
      cohort_margin_pp: 0.5,
    });
  });
  for (const [bad, words] of [
    ['gone', 'expected KEY=VALUE'],
    ['gone=1', 'unknown key "gone"'],
    ['reasons.slow=1', 'unknown reason "slow"'],
    ['gone_kept=1.5', 'tolerance.gone_kept must be a whole number'],
    ['cohort_min_size=null', 'tolerance.cohort_min_size must be a whole number'],
    ['kept_drop=lots', 'VALUE must be a number'],
  ] as const) {
    it(`refuses ${bad}`, () => {
      expect(() => applyTolerance({}, bad)).toThrow(ConfigError);
      expect(() => applyTolerance({}, bad)).toThrow(words);
    });
  }
});
