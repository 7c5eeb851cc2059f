import { describe, expect, it } from 'vitest';
import { compare } from '../../src/gate/compare.js';
import { ConfigError } from '../../src/shared/errors.js';
import { summaryMarkdown } from '../../src/render/summary.js';
import { evaluateGate } from '../../src/gate/run.js';
import { baselineOf, fakeReport, flagged, kept, type FakeEpisode } from '../support/fake-reports.js';
import { baselineFromReport } from '../../src/gate/baseline.js';
import type { Report } from '../../src/gate/report.js';
import type { Reason } from '../../src/classifier/types.js';

const kinds = (c: { regressions: Array<{ kind: string }> }): string[] => c.regressions.map((r) => r.kind);

describe('a report equal to the baseline', () => {
  it('has no regressions and no improvements', () => {
    const eps = [...kept(5), ...flagged(3)];
    const c = compare(fakeReport(eps), baselineOf(eps), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.improvements).toEqual([]);
    expect(c.flips).toEqual([]);
  });
});

// The count rules judge the totals when the baseline has no episodes map (and, with one, the
// episodes in both: see changes.test.ts), so these tests add and remove episodes without a map.
describe('rule: kept falls by more than tolerance.kept_drop', () => {
  // Nothing flagged, so the flagged rate cannot move when a kept episode goes.
  const before = kept(10);
  const after = kept(9); // ep-9 is gone from the dataset
  it('fails when kept falls and the tolerance is 0', () => {
    const c = compare(fakeReport(after), baselineOf(before, {}, false), 'b.json');
    expect(kinds(c)).toEqual(['kept-drop']);
    expect(c.regressions[0]!.message).toBe('kept 10 → 9 (-1, tolerance 0)');
    expect(c.mode).toBe('counts');
  });
  it('passes when the fall is within the tolerance', () => {
    expect(compare(fakeReport(after), baselineOf(before, { kept_drop: 1 }, false), 'b.json').regressions).toEqual([]);
  });
  it('fails again when the fall exceeds the tolerance', () => {
    const c = compare(fakeReport(kept(8)), baselineOf(before, { kept_drop: 1 }, false), 'b.json');
    expect(kinds(c)).toEqual(['kept-drop']);
  });
  it('is not checked when the tolerance is null', () => {
    expect(compare(fakeReport(after), baselineOf(before, { kept_drop: null }, false), 'b.json').regressions).toEqual([]);
  });
});

describe('rule: flagged rises by more than tolerance.flagged_rise', () => {
  const before = [...kept(8), ...flagged(2)];
  const after = [...kept(8), ...flagged(3)]; // one new flagged episode
  it('fails on the count, the rate and the reason when every tolerance is 0', () => {
    const c = compare(fakeReport(after), baselineOf(before, {}, false), 'b.json');
    expect(kinds(c)).toEqual(['flagged-rise', 'flagged-rate-rise', 'reason-rise']);
    expect(c.regressions[0]!.message).toBe('flagged 2 → 3 (+1, tolerance 0)');
    expect(c.regressions[2]!.message).toBe('flat-cpu 2 → 3 (+1, tolerance 0)');
  });
  it('passes when every rise is within its tolerance', () => {
    const b = baselineOf(before, { flagged_rise: 1, flagged_rate_rise: 8, reasons: { 'flat-cpu': 1 } }, false);
    expect(compare(fakeReport(after), b, 'b.json').regressions).toEqual([]);
  });
  it('fails on the count alone when only the count exceeds its tolerance', () => {
    const b = baselineOf(before, { flagged_rise: 0, flagged_rate_rise: 8, reasons: { 'flat-cpu': 1 } }, false);
    expect(kinds(compare(fakeReport(after), b, 'b.json'))).toEqual(['flagged-rise']);
  });
});

describe('rule: the flagged rate rises by more than tolerance.flagged_rate_rise (percentage points)', () => {
  const before = [...kept(8), ...flagged(2)]; // 20 %
  it('passes a growing dataset whose rate holds when only the rate is checked', () => {
    const grown = [...kept(16), ...flagged(4)]; // still 20 %
    const b = baselineOf(before, { flagged_rise: null, reasons: { 'flat-cpu': null } }, false);
    const c = compare(fakeReport(grown), b, 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.flaggedRate).toEqual({ baseline: 20, current: 20 });
  });
  it('fails when the rate rises past the tolerance', () => {
    const grown = [...kept(15), ...flagged(5)]; // 25 %: +5 pp
    const b = baselineOf(before, { flagged_rise: null, flagged_rate_rise: 4, reasons: { 'flat-cpu': null } }, false);
    const c = compare(fakeReport(grown), b, 'b.json');
    expect(kinds(c)).toEqual(['flagged-rate-rise']);
    expect(c.regressions[0]!.message).toBe('flagged rate 20.00% → 25.00% (+5.00 pp, tolerance 4 pp)');
  });
  it('passes when the rate rise equals the tolerance', () => {
    const grown = [...kept(15), ...flagged(5)];
    const b = baselineOf(before, { flagged_rise: null, flagged_rate_rise: 5, reasons: { 'flat-cpu': null } }, false);
    expect(compare(fakeReport(grown), b, 'b.json').regressions).toEqual([]);
  });
});

describe("rule: a reason's count rises by more than its tolerance", () => {
  const before: FakeEpisode[] = [...kept(5), ['lab-a', 'x', ['flat-cpu']]];
  const after: FakeEpisode[] = [...kept(5), ['lab-a', 'x', ['no-sample']]];
  it('fails when a reason rises even though flagged stays the same', () => {
    const c = compare(fakeReport(after), baselineOf(before), 'b.json');
    expect(kinds(c)).toEqual(['reason-rise']);
    expect(c.regressions[0]!.message).toBe('no-sample 0 → 1 (+1, tolerance 0)');
    expect(c.improvements.map((i) => i.message)).toContain('flat-cpu 1 → 0 (-1)');
    expect(c.flips.map((f) => f.kind)).toEqual(['reasons-changed']);
  });
  it('passes when the reason has a tolerance covering the rise', () => {
    expect(compare(fakeReport(after), baselineOf(before, { reasons: { 'no-sample': 1 } }), 'b.json').regressions).toEqual([]);
  });
});

describe('a reason the baseline does not list counts from zero', () => {
  const before = [...kept(4)];
  const after: FakeEpisode[] = [...kept(4), ['lab-a', 'broken', ['unreadable']]];
  const baseline = () => {
    const b = baselineOf(before, { flagged_rise: null, flagged_rate_rise: null }, false);
    delete b.by_reason.unreadable;
    return b;
  };
  it('fails, saying the reason was not in the baseline', () => {
    const c = compare(fakeReport(after), baseline(), 'b.json');
    expect(kinds(c)).toEqual(['reason-rise']);
    expect(c.regressions[0]!.message).toBe('unreadable 0 → 1 (+1, tolerance 0); the baseline does not list it, so it counts from 0');
    expect(c.reasons.find((r) => r.reason === 'unreadable')).toMatchObject({ baseline: 0, current: 1, inBaseline: false });
  });
  it('passes when that reason has a tolerance', () => {
    const b = baseline();
    b.tolerance = { ...b.tolerance, reasons: { unreadable: 1 } };
    expect(compare(fakeReport(after), b, 'b.json').regressions).toEqual([]);
  });
});

describe('a reason the baseline lists at 0 is not said to be missing from it', () => {
  it('on a changed dataset, where the episodes in both count no such reason', () => {
    const before = kept(5);
    // ep-4 gone, ep-3 now unreadable: the counts of the episodes in both have no unreadable key.
    const after: FakeEpisode[] = [...kept(3), ['lab-a', 'ep-3', ['unreadable']]];
    const b = baselineOf(before, { gone_kept: null, flagged_rise: null, flagged_rate_rise: null, kept_drop: null });
    expect(b.by_reason.unreadable).toBe(0);
    const c = compare(fakeReport(after), b, 'b.json');
    expect(c.mode).toBe('changing');
    expect(c.regressions.map((r) => r.message)).toContain('unreadable 0 → 1 (+1, tolerance 0)');
    expect(c.reasons.find((r) => r.reason === 'unreadable')).toMatchObject({ baseline: 0, current: 1, inBaseline: true });
  });
});

describe('rule: a pinned case must keep its verdict', () => {
  const eps: FakeEpisode[] = [
    ['lab-a', 'ep-rescued-by-netflow', []],
    ['lab-a', 'ep-flat-everywhere', ['flat-cpu', 'workload-silent']],
  ];
  const pinned = () => {
    const b = baselineOf(eps, { kept_drop: null, flagged_rise: null, flagged_rate_rise: null });
    b.cases = [
      { name: 'rescued-by-netflow', host: 'lab-a', episode: 'ep-rescued-by-netflow', expect: 'kept' },
      {
        name: 'flat-everywhere',
        host: 'lab-a',
        episode: 'ep-flat-everywhere',
        expect: 'flagged',
        reasons: ['workload-silent', 'flat-cpu'],
      },
    ];
    return b;
  };
  it('passes when every case matches (reasons compared as a set)', () => {
    const c = compare(fakeReport(eps), pinned(), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.cases.map((x) => x.pass)).toEqual([true, true]);
  });
  it('fails when a pinned verdict flips', () => {
    const after: FakeEpisode[] = [['lab-a', 'ep-rescued-by-netflow', ['flat-cpu']], eps[1]!];
    const b = pinned();
    b.tolerance!.reasons = { 'flat-cpu': null };
    const c = compare(fakeReport(after), b, 'b.json');
    expect(kinds(c)).toEqual(['pinned-case']);
    expect(c.regressions[0]).toMatchObject({
      message: 'pinned case "rescued-by-netflow" (lab-a/ep-rescued-by-netflow): expected kept, got flagged (flat-cpu)',
      host: 'lab-a',
      episode: 'ep-rescued-by-netflow',
    });
  });
  it('fails when the verdict holds but the given reasons differ', () => {
    const after: FakeEpisode[] = [eps[0]!, ['lab-a', 'ep-flat-everywhere', ['flat-cpu']]];
    const b = pinned();
    b.tolerance!.reasons = { 'workload-silent': null };
    const c = compare(fakeReport(after), b, 'b.json');
    expect(kinds(c)).toEqual(['pinned-case']);
    expect(c.regressions[0]!.message).toContain('expected flagged (workload-silent, flat-cpu), got flagged (flat-cpu)');
  });
  it('ignores reasons when the case gives none', () => {
    const after: FakeEpisode[] = [eps[0]!, ['lab-a', 'ep-flat-everywhere', ['flat-cpu']]];
    const b = pinned();
    delete b.cases[1]!.reasons;
    b.tolerance!.reasons = { 'workload-silent': null };
    expect(compare(fakeReport(after), b, 'b.json').regressions).toEqual([]);
  });
  it('fails when the episode is not in the dataset', () => {
    const c = compare(fakeReport([eps[1]!]), pinned(), 'b.json');
    // A kept episode gone from the dataset is a regression of its own too.
    expect(kinds(c)).toEqual(['pinned-missing', 'gone-kept']);
    expect(c.regressions[0]!.message).toBe(
      'pinned case "rescued-by-netflow" (lab-a/ep-rescued-by-netflow): expected kept, but the dataset has no episode lab-a/ep-rescued-by-netflow',
    );
  });
  it('names the missing tarball when the index still lists the episode', () => {
    const c = compare(fakeReport([eps[1]!], { missing: [['lab-a', 'ep-rescued-by-netflow']] }), pinned(), 'b.json');
    expect(kinds(c)).toEqual(['pinned-missing', 'missing-kept']); // its row is still in the index: a lost tarball, not a prune
    expect(c.regressions[0]!.message).toContain(
      'its tarball is missing (/data/episodes/lab-a/ep-rescued-by-netflow.tar.zst, index line 2)',
    );
  });
});

describe('swaps that cancel out in the totals', () => {
  const before: FakeEpisode[] = [...kept(3), ['lab-a', 'a', []], ['lab-b', 'b', ['flat-cpu']]];
  const after: FakeEpisode[] = [...kept(3), ['lab-a', 'a', ['flat-cpu']], ['lab-b', 'b', []]];
  it('fail with the episodes map: the kept → flagged episode counts against kept_drop and is named', () => {
    const c = compare(fakeReport(after), baselineOf(before), 'b.json');
    expect(c.counts.baseline).toEqual(c.counts.current);
    expect(kinds(c)).toEqual(['kept-drop', 'kept-to-flagged']);
    expect(c.regressions[0]!.message).toBe('kept 4 → 4, but 1 episode kept in the baseline is now flagged (tolerance 0)');
    expect(c.regressions[1]).toMatchObject({ host: 'lab-a', episode: 'a' });
    expect(c.regressions[1]!.message).toMatch(/^lab-a\/a: kept → flagged \(flat-cpu\): proc: /);
    expect(c.improvements.map((i) => i.kind)).toEqual(['flagged-to-kept']);
  });
  it('pass when kept_drop tolerates them, and are still listed', () => {
    const c = compare(fakeReport(after), baselineOf(before, { kept_drop: 1 }), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.flips.map((f) => `${f.episode}:${f.kind}`)).toEqual(['a:kept-to-flagged', 'b:flagged-to-kept']);
  });
  it('go unseen without the episodes map (the counts alone cannot show them)', () => {
    const c = compare(fakeReport(after), baselineOf(before, {}, false), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.hasEpisodeMap).toBe(false);
  });
});

describe('improvements', () => {
  const before: FakeEpisode[] = [...kept(3), ['lab-a', 'was-flat', ['flat-cpu']]];
  const after: FakeEpisode[] = [...kept(3), ['lab-a', 'was-flat', []]];
  it('pass and are listed', () => {
    const c = compare(fakeReport(after), baselineOf(before), 'b.json');
    expect(c.regressions).toEqual([]);
    expect(c.improvements.map((i) => i.kind)).toEqual(['kept-rise', 'flagged-fall', 'reason-fall', 'flagged-to-kept']);
    expect(c.improvements[3]!.message).toMatch(/^lab-a\/was-flat: flagged \(flat-cpu\) → kept/);
  });
});

describe('a run limited to one host', () => {
  const eps: FakeEpisode[] = [...kept(3, 'lab-a'), ...flagged(2, ['flat-cpu'], 'lab-b')];
  it('is compared with that host’s part of the episodes map', () => {
    const report = fakeReport(
      eps.filter((e) => e[0] === 'lab-b'),
      { host: 'lab-b' },
    );
    const c = compare(report, baselineOf(eps), 'b.json');
    expect(c.counts.baseline).toEqual({ scanned: 2, kept: 0, flagged: 2 });
    expect(c.regressions).toEqual([]);
  });
  it('cannot be compared with a whole-dataset baseline without an episodes map', () => {
    const report = fakeReport(
      eps.filter((e) => e[0] === 'lab-b'),
      { host: 'lab-b' },
    );
    expect(() => compare(report, baselineOf(eps, {}, false), 'b.json')).toThrow(ConfigError);
  });
});

describe('a run that counts some reasons (--reason)', () => {
  const all: FakeEpisode[] = [...kept(5), ...flagged(3, ['flat-cpu']), ...flagged(2, ['workload-failed'], 'lab-a', 'wf')];
  /** The report of a run with --reason: only the selected reasons flag. */
  const asRun = (eps: FakeEpisode[], selected: Reason[]): Report => {
    const r = fakeReport(eps.map(([h, e, rs]) => [h, e, rs.filter((x) => selected.includes(x))] as FakeEpisode));
    r.dataset.reasons = selected;
    return r;
  };
  it('is compared with the baseline as that run would have judged it', () => {
    const c = compare(asRun(all, ['flat-cpu']), baselineOf(all), 'b.json');
    expect(c.counts.baseline).toEqual({ scanned: 10, kept: 7, flagged: 3 });
    expect([c.flips, c.regressions, c.improvements]).toEqual([[], [], []]);
    // An episode kept before and flagged now by a counted reason still fails.
    const worse = all.map((e): FakeEpisode => (e[1] === 'ep-0' ? [e[0], e[1], ['flat-cpu']] : e));
    expect(compare(asRun(worse, ['flat-cpu']), baselineOf(all), 'b.json').regressions.map((r) => r.kind)).toContain('kept-to-flagged');
  });
  it('against a baseline that counted other reasons is refused in one line', () => {
    const b = baselineFromReport(asRun(all, ['workload-failed']), null).baseline;
    expect(() => compare(asRun(all, ['flat-cpu']), b, 'b.json')).toThrow(
      'b.json: the baseline counts the reasons workload-failed but this run counts flat-cpu; run with the same --reason',
    );
  });
});

describe('the gate decision (--fail-on)', () => {
  const before = [...kept(4), ...flagged(1)];
  const worse = [...kept(3), ...flagged(2)];
  it('regression: fails with a one-line reason naming the baseline and the regressions', () => {
    const o = evaluateGate(fakeReport(worse), baselineOf(before, {}, false), {
      failOn: 'regression',
      baselineName: 'fixtures/baseline.json',
    });
    expect(o.passed).toBe(false);
    expect(o.failReason).toMatch(
      /^4 regressions against fixtures\/baseline\.json \(4 counts over tolerance\): kept 4 → 3 \(-1, tolerance 0\); /,
    );
    expect(o.failReason).not.toContain('\n');
    expect(summaryMarkdown(o).split('\n')[0]).toContain('FAILED');
  });
  it('regression: passes a report with flagged episodes but no regressions', () => {
    const o = evaluateGate(fakeReport(before), baselineOf(before), { failOn: 'regression' });
    expect(o).toMatchObject({ passed: true, failReason: null });
  });
  it('flagged: fails whenever an episode is flagged, even without regressions', () => {
    const o = evaluateGate(fakeReport(before), baselineOf(before), { failOn: 'flagged' });
    expect(o.passed).toBe(false);
    expect(o.failReason).toBe('1 episode flagged (flat-cpu 1) with --fail-on flagged');
  });
  it('flagged, run by the Action: the message names the input, not the flag', () => {
    const o = evaluateGate(fakeReport(before), baselineOf(before), { failOn: 'flagged', surface: 'action' });
    expect(o.failReason).toBe('1 episode flagged (flat-cpu 1) with fail-on: flagged');
  });
  it('flagged: index rows whose tarball is missing fail, naming how many and the fix', () => {
    const o = evaluateGate(fakeReport(kept(3), { missing: [['lab-a', 'gone-1']] }), null, { failOn: 'flagged' });
    expect(o.passed).toBe(false);
    expect(o.failReason).toBe(
      '1 index row lists a tarball that is missing: --fail-on flagged cannot judge their episodes; restore the tarballs, or drop those lines from the index',
    );
    // The default mode passes, and names them in the headline all the same.
    const r = evaluateGate(fakeReport(kept(3), { missing: [['lab-a', 'gone-1']] }), null, { failOn: 'regression' });
    expect(r.passed).toBe(true);
    expect(summaryMarkdown(r).split('\n')[0]).toMatch(/\. Note: 1 index row lists a tarball that is missing$/);
  });
  it('a release (a manifest written) of no kept episode fails', () => {
    const o = evaluateGate(fakeReport(flagged(2)), null, { failOn: 'regression', release: true });
    expect(o.passed).toBe(false);
    expect(o.failReason).toBe('the release would hold no episode: 0 of 2 scanned are kept, so --manifest would list nothing');
    expect(evaluateGate(fakeReport([...flagged(2), ...kept(1)]), null, { failOn: 'regression', release: true }).passed).toBe(true);
  });
  it('flagged: passes a dataset with nothing flagged', () => {
    expect(evaluateGate(fakeReport(kept(3)), baselineOf(kept(3)), { failOn: 'flagged' }).passed).toBe(true);
  });
  it('flagged without a baseline: 0 flagged heads the summary as passed, not "report only"', () => {
    const o = evaluateGate(fakeReport(kept(3)), null, { failOn: 'flagged' });
    expect(summaryMarkdown(o).split('\n')[0]).toBe(
      '### ✅ episode-gate: passed — 0 flagged (--fail-on flagged); 3 scanned, 3 kept, 0 flagged',
    );
  });
  it('never: passes despite regressions, and still lists them', () => {
    const o = evaluateGate(fakeReport(worse), baselineOf(before, {}, false), { failOn: 'never' });
    expect(o.passed).toBe(true);
    expect(o.regressions.length).toBeGreaterThan(0);
    expect(summaryMarkdown(o).split('\n')[0]).toContain('regressions against the baseline not enforced');
  });
  it('without a baseline: reports only and says how to create one', () => {
    const o = evaluateGate(fakeReport(worse), null, {
      failOn: 'regression',
      baselineCommand: (out) => `episode-gate baseline --dataset data --set clkTck=250 --out ${out}`,
    });
    expect(o.passed).toBe(true);
    expect(summaryMarkdown(o).split('\n')[1]).toContain(
      '<code>episode-gate baseline --dataset data --set clkTck=250 --out ci/episode-baseline.json</code>',
    );
  });
});

describe('rows an unfinished prune has already emptied', () => {
  // The baseline was made before the night's new rows arrived; the prune then archived two of them
  // (their rows still listed) and one tarball never arrived at all.
  const base = fakeReport(kept(6));
  const baseline = baselineFromReport(base, null).baseline;
  const night = (pruning: boolean): Report => {
    const r = fakeReport(kept(6), {
      missing: [
        ['lab-a', 'new-1'],
        ['lab-a', 'new-2'],
        ['lab-b', 'never-uploaded'],
      ],
    });
    r.missing_tarballs = r.missing_tarballs.map((m) => (pruning && m.episode.startsWith('new') ? { ...m, pruning: true as const } : m));
    return r;
  };

  it('are pruned episodes, not tarballs that never came: only the lost one is a regression', () => {
    const c = compare(night(true), baseline, 'b.json');
    expect(kinds(c)).toEqual(['missing-new']);
    expect(c.regressions[0]!.message).toMatch(/^1 index row new since the baseline lists an episode whose tarball is missing \(lab-b 1;/);
  });

  it('without the prune mark they are three lost tarballs', () => {
    const c = compare(night(false), baseline, 'b.json');
    expect(c.regressions[0]!.message).toMatch(/^3 index rows new since the baseline list episodes whose tarball is missing/);
  });

  it('a baseline made meanwhile records only the lost one as missing', () => {
    expect(baselineFromReport(night(true), null).baseline.missing_tarballs).toEqual(['lab-b/never-uploaded']);
  });
});

describe('a fail reason names the most telling regressions first', () => {
  it('an episode gone from the data before the totals it moves, and before a single flip', () => {
    const before = kept(10);
    const after: FakeEpisode[] = before.slice(1).map((e, i) => (i < 4 ? e : [e[0], e[1], ['flat-cpu']]));
    const o = evaluateGate(fakeReport(after), baselineOf(before), { failOn: 'regression', baselineName: 'b.json' });
    expect(kinds({ regressions: o.regressions })).toContain('gone-kept');
    expect(o.failReason).toMatch(/\): 1 episode kept in the baseline is gone from the dataset \(lab-a 1\); kept 9 → 4 /);
    // The summary's regressions list is in the same order.
    const md = summaryMarkdown(o);
    expect(md.indexOf('is gone from the dataset')).toBeLessThan(md.indexOf('- kept 9 → 4'));
  });
});

describe('a fail reason with more regressions than it shows', () => {
  it('says what they are in all, so a count of regressions is not read as a count of episodes', () => {
    const before = kept(10);
    const after: FakeEpisode[] = before.map((e, i) => (i < 5 ? e : [e[0], e[1], ['flat-cpu']]));
    const o = evaluateGate(fakeReport(after), baselineOf(before), { failOn: 'regression', baselineName: 'b.json' });
    expect(o.failReason).toMatch(
      /^9 regressions against b\.json \(4 counts over tolerance, 5 episodes kept → flagged\): kept 10 → 5 .*; and 6 more$/,
    );
    // Three or fewer are all shown: no count by kind.
    const one = evaluateGate(
      fakeReport(before.map((e, i) => (i < 9 ? e : [e[0], e[1], ['flat-cpu']]) as FakeEpisode)),
      baselineOf(before, { kept_drop: 1, flagged_rise: 1, reasons: { 'flat-cpu': 1 } }),
      {
        failOn: 'regression',
        baselineName: 'b.json',
      },
    );
    expect(one.failReason).toMatch(/^1 regression against b\.json: /);
  });
});
