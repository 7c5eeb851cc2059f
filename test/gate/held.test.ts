/**
 * A failed night's rejected new-cohort alarms, held until accepted: the night after is judged
 * against the same last good baseline, where the failed night's few broken episodes are
 * outnumbered by its own normal ones and would pass.
 */
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/classifier/types.js';
import { compare } from '../../src/gate/compare.js';
import { heldAlarmsOf } from '../../src/gate/held.js';
import { reportComparison } from '../../src/gate/report-comparison.js';
import { withComparison, type Report } from '../../src/gate/report.js';
import { baselineOf, fakeReport, type FakeEpisode } from '../support/fake-reports.js';

const HOSTS = ['lab-a', 'lab-b', 'lab-c', 'lab-d'];
const night = (prefix: string, n: number, broken: (host: string) => boolean): FakeEpisode[] =>
  Array.from({ length: n }, (_, i) => [HOSTS[i % 4]!, `${prefix}-${i}`, broken(HOSTS[i % 4]!) ? (['flat-cpu'] as Reason[]) : []]);
// The last good night: 200 episodes, 4% flat-cpu.
const base: FakeEpisode[] = Array.from({ length: 200 }, (_, i) => [
  HOSTS[i % 4]!,
  `b-${i}`,
  i % 25 === 0 ? (['flat-cpu'] as Reason[]) : [],
]);
const baseline = baselineOf(base);
// Night 4: 24 new, lab-c's 6 all flat (a broken collector). Night 5: 24 more, all normal.
const n4 = night('n4', 24, (h) => h === 'lab-c');
const n5 = night('n5', 24, () => false);
const brokenIds = n4
  .filter(([h]) => h === 'lab-c')
  .map(([h, e]) => `${h}/${e}`)
  .sort(); // as report ids are listed: code-unit order

/** The report a run writes: its episodes and its comparison with the baseline. */
function judged(eps: FakeEpisode[], held: Parameters<typeof compare>[3] = []): { report: Report; c: ReturnType<typeof compare> } {
  const report = fakeReport(eps);
  const c = compare(report, baseline, 'the report of run 305 (#41)', held);
  return { report: withComparison(report, reportComparison(c)), c };
}

describe('a failed night, held until accepted', () => {
  const failed = judged([...base, ...n4]);
  const held = heldAlarmsOf(failed.report, 'run 306 (#42)');

  it('the failed night fails; the next night alone would pass, its broken episodes outnumbered', () => {
    expect(failed.c.regressions.some((r) => r.kind === 'cohort-rate')).toBe(true);
    expect(judged([...base, ...n4, ...n5]).c.regressions).toEqual([]);
  });

  it('holds each alarm with the new episodes it counted', () => {
    expect(held.length).toBeGreaterThan(0);
    for (const a of held) expect(a.episodes).toEqual(brokenIds);
    expect(held.every((a) => a.run === 'run 306 (#42)')).toBe(true);
  });

  it('keeps failing the next night while those episodes are still new and flagged, and the report carries them on', () => {
    const next = judged([...base, ...n4, ...n5], held);
    const kept = next.c.regressions.filter((r) => r.kind === 'cohort-held');
    expect(kept.length).toBe(held.length);
    expect(kept[0]!.brief).toMatch(/: 6 episodes that run 306 \(#42\) rejected are still new and flagged, not accepted since$/);
    expect(kept[0]!.message).toContain('lab-c/n4-10, lab-c/n4-14');
    expect(next.report.comparison!.held!.map((a) => a.episodes)).toEqual(held.map(() => brokenIds));
    // A third night reads the second's report: the first failure's alarms are still there, under their run.
    const third = heldAlarmsOf(next.report, 'run 307 (#43)');
    expect(third.filter((a) => a.run === 'run 306 (#42)').length).toBe(held.length);
    expect(judged([...base, ...n4, ...n5], third).c.regressions.filter((r) => r.kind === 'cohort-held')).toHaveLength(held.length);
  });

  it('clears once the episodes are pruned, fixed, or accepted into the baseline', () => {
    const pruned = [...base, ...n4.filter(([h]) => h !== 'lab-c'), ...n5];
    expect(judged(pruned, held).c.regressions).toEqual([]);
    const fixed = [...base, ...n4.map(([h, e]): FakeEpisode => [h, e, []]), ...n5];
    expect(judged(fixed, held).c.regressions).toEqual([]);
    const accepted = compare(fakeReport([...base, ...n4, ...n5]), baselineOf([...base, ...n4]), 'run 306', held);
    expect(accepted.regressions.filter((r) => r.kind === 'cohort-held')).toEqual([]);
    expect(accepted.held).toEqual([]);
  });
});
