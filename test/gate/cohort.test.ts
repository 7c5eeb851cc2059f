/**
 * The new-cohort rule as a statistic: its exact tail, its false-alarm rate over many random
 * normal cohorts (at most 1 % at the default confidence), and its power on broken cohorts.
 */
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/classifier/types.js';
import type { BaselineEntry } from '../../src/gate/changes.js';
import { COHORT_DEFAULTS, alarmMessage, judgeCohort, upperTailP } from '../../src/gate/cohort.js';
import type { ReportEpisode } from '../../src/gate/report.js';
import { rng } from '../../tools/lib/synth.js';

/** P(X >= x) by enumerating every way to choose the cohort's flagged ones (tiny cases only). */
function bruteForceTail(b: { n: number; flagged: number }, c: { n: number; flagged: number }): number {
  const choose = (n: number, k: number): number => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };
  const N = b.n + c.n;
  const K = b.flagged + c.flagged;
  let tail = 0;
  for (let k = c.flagged; k <= Math.min(K, c.n); k++) tail += (choose(K, k) * choose(N - K, c.n - k)) / choose(N, c.n);
  return tail;
}

describe('the one-sided exact tail', () => {
  it('equals the hypergeometric tail summed directly', () => {
    for (const [b, c] of [
      [
        { n: 10, flagged: 2 },
        { n: 8, flagged: 5 },
      ],
      [
        { n: 30, flagged: 0 },
        { n: 20, flagged: 1 },
      ],
      [
        { n: 12, flagged: 6 },
        { n: 12, flagged: 2 },
      ],
    ] as const) {
      expect(upperTailP(b, c)).toBeCloseTo(bruteForceTail(b, c), 12);
    }
  });
  it('is 1 when the cohort has no flagged episode, and tiny for an all-flagged cohort', () => {
    expect(upperTailP({ n: 100, flagged: 10 }, { n: 50, flagged: 0 })).toBe(1);
    expect(upperTailP({ n: 60, flagged: 3 }, { n: 30, flagged: 30 })).toBeLessThan(1e-15);
  });
  it('stays finite and exact in log space for tens of thousands of episodes', () => {
    const p = upperTailP({ n: 50_000, flagged: 2_500 }, { n: 5_000, flagged: 320 });
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-4);
  });
});

const HOSTS = ['lab-0', 'lab-1', 'lab-2', 'lab-3'];
/** A night's reasons, as often as the lab sees them (about 12 % flagged). */
const MIX: Array<[number, Reason[]]> = [
  [0.88, []],
  [0.93, ['flat-cpu']],
  [0.95, ['no-sample']],
  [0.97, ['workload-failed']],
  [0.985, ['no-workload-events']],
  [0.995, ['workload-silent']],
  [1, ['unreadable']],
];

function draw(r: () => number): Reason[] {
  const x = r();
  return MIX.find(([p]) => x < p)![1];
}

function baseline(r: () => number, perHost: number): Map<string, BaselineEntry> {
  const m = new Map<string, BaselineEntry>();
  for (const h of HOSTS) for (let i = 0; i < perHost; i++) m.set(`${h}/b-${i}`, { reasons: draw(r), sha256: null });
  return m;
}

function cohort(r: () => number, perHost: number, broken?: { host: string; share: number }): ReportEpisode[] {
  const out: ReportEpisode[] = [];
  for (const h of HOSTS) {
    for (let i = 0; i < perHost; i++) {
      const bad = broken && broken.host === h && r() < broken.share;
      out.push({ host: h, episode: `n-${i}`, reasons: bad ? ['flat-cpu'] : draw(r) } as ReportEpisode);
    }
  }
  return out;
}

const DEFAULTS = { confidence: COHORT_DEFAULTS.confidence, minSize: COHORT_DEFAULTS.minSize, marginPp: COHORT_DEFAULTS.marginPp };

describe('false alarms over random normal cohorts', () => {
  it('stay at or under 1 % at the default confidence (baseline 240, cohort 120, 4 hosts; both drawn afresh each night)', () => {
    const r = rng(20261130);
    const nights = 2000;
    let alarms = 0;
    for (let n = 0; n < nights; n++) if (judgeCohort(cohort(r, 30), baseline(r, 60), DEFAULTS).alarms.length > 0) alarms++;
    const rate = alarms / nights;
    console.log(`cohort rule false alarms: ${alarms}/${nights} nights (${(rate * 100).toFixed(2)} %)`);
    expect(rate).toBeLessThanOrEqual(0.01);
  });
});

describe('power on a broken cohort', () => {
  it("fails nearly every night when one host's 30 new episodes are all flat, naming host and reason", () => {
    const r = rng(7);
    const nights = 500;
    let caught = 0;
    let named = 0;
    for (let n = 0; n < nights; n++) {
      const res = judgeCohort(cohort(r, 30, { host: 'lab-2', share: 1 }), baseline(r, 60), DEFAULTS);
      if (res.alarms.length > 0) caught++;
      if (res.alarms.some((a) => a.host === 'lab-2' && a.reason === 'flat-cpu')) named++;
    }
    console.log(`cohort rule power, one host all flat (30 of 120 new): ${caught}/${nights}; host and reason named ${named}/${nights}`);
    expect(caught).toBe(nights);
    expect(named).toBe(nights);
  });
  it('catches most nights when a third of one host’s new episodes are flat', () => {
    const r = rng(8);
    const nights = 500;
    let caught = 0;
    for (let n = 0; n < nights; n++) {
      if (judgeCohort(cohort(r, 30, { host: 'lab-2', share: 1 / 3 }), baseline(r, 60), DEFAULTS).alarms.length > 0) caught++;
    }
    console.log(`cohort rule power, a third of one host flat (~10 of 120 new): ${caught}/${nights}`);
    expect(caught / nights).toBeGreaterThan(0.5);
  });
});

describe('the alarm message', () => {
  it('names the host, the reason, both rates, the test and the episodes', () => {
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 40; i++) base.set(`lab-2/b-${i}`, { reasons: i < 2 ? ['flat-cpu'] : [], sha256: null });
    const eps = Array.from({ length: 25 }, (_, i) => ({ host: 'lab-2', episode: `n-${i}`, reasons: ['flat-cpu'] }) as ReportEpisode);
    const res = judgeCohort(eps, base, DEFAULTS);
    const hostReason = res.alarms.find((a) => a.host === 'lab-2' && a.reason === 'flat-cpu')!;
    expect(alarmMessage(hostReason, 3)).toMatch(
      /^new episodes on host lab-2: flat-cpu 25\/25 \(100\.0%\) vs the baseline's 2\/40 \(5\.0%\) \(one-sided exact test p = [\d.e-]+ < [\d.e-]+\): lab-2\/n-0, lab-2\/n-1, lab-2\/n-2, … 22 more$/,
    );
  });
  it('an all-hosts alarm names the hosts its episodes come from, most first', () => {
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 300; i++) base.set(`lab-${i % 4}/b-${i}`, { reasons: [], sha256: null });
    // 15 new episodes per host: too few for a test per host; lab-c's are all unreadable.
    const eps = Array.from(
      { length: 60 },
      (_, i) => ({ host: `lab-${'abcd'[i % 4]}`, episode: `n-${i}`, reasons: i % 4 === 2 ? ['unreadable'] : [] }) as ReportEpisode,
    );
    const res = judgeCohort(eps, base, DEFAULTS);
    expect(res.alarms.length).toBeGreaterThan(0);
    expect(res.alarms.every((a) => a.host === null)).toBe(true);
    expect(alarmMessage(res.alarms[0]!)).toMatch(/^new episodes, all hosts \(from lab-c 15\): /);
  });
  it('a margin lets a significant but small rise pass', () => {
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 2000; i++) base.set(`h/b-${i}`, { reasons: i < 100 ? ['flat-cpu'] : [], sha256: null }); // 5 %
    const eps = Array.from(
      { length: 2000 },
      (_, i) => ({ host: 'h', episode: `n-${i}`, reasons: i < 180 ? ['flat-cpu'] : [] }) as ReportEpisode,
    ); // 9 %
    expect(judgeCohort(eps, base, DEFAULTS).alarms.length).toBeGreaterThan(0);
    expect(judgeCohort(eps, base, { ...DEFAULTS, marginPp: 5 }).alarms).toEqual([]);
  });
  it('judges the whole cohort at any size: a small night all flagged fails, one flagged episode alone does not', () => {
    // The trial's night: 19 new episodes, all flagged, against a baseline that flags 39%.
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 300; i++) base.set(`lab-${i % 4}/b-${i}`, { reasons: i < 118 ? ['flat-cpu'] : [], sha256: null });
    const night = Array.from({ length: 19 }, (_, i) => ({ host: 'lab-2', episode: `n-${i}`, reasons: ['flat-cpu'] }) as ReportEpisode);
    const res = judgeCohort(night, base, DEFAULTS);
    expect(res.notJudged).toBeNull();
    expect(res.alarms.length).toBeGreaterThan(0);
    // lab-2 has fewer new episodes than minSize: no test of its own, but the all-hosts alarm names it.
    expect(res.tests.every((t) => t.host === null)).toBe(true);
    expect(alarmMessage(res.alarms[0]!)).toMatch(/^new episodes, all hosts \(from lab-2 19\): /);
    // Fewer of them flagged, at the baseline's rate: no alarm.
    const normal = night.map((e, i) => ({ ...e, reasons: i < 7 ? e.reasons : [] }));
    expect(judgeCohort(normal, base, DEFAULTS).alarms).toEqual([]);
    // One new episode, flagged, against a baseline that flags some: chance explains it.
    const one = judgeCohort([{ host: 'h', episode: 'n', reasons: ['flat-cpu'] } as ReportEpisode], base, DEFAULTS);
    expect(one.notJudged).toBeNull();
    expect(one.tests.length).toBeGreaterThan(0);
    expect(one.alarms).toEqual([]);
  });
  it('names the hosts an all-hosts alarm comes from, and counts the rest in words', () => {
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 300; i++) base.set(`lab-${i % 4}/b-${i}`, { reasons: i % 10 === 0 ? ['flat-cpu'] : [], sha256: null });
    const hosts = ['lab-a', 'lab-b', 'lab-c', 'lab-d'];
    const four = Array.from({ length: 19 }, (_, i) => ({ host: hosts[i % 4]!, episode: `n-${i}`, reasons: ['flat-cpu'] }) as ReportEpisode);
    expect(alarmMessage(judgeCohort(four, base, DEFAULTS).alarms[0]!)).toMatch(
      /^new episodes, all hosts \(from lab-a 5, lab-b 5, lab-c 5, 1 more host\): /,
    );
  });
  it('gives a host its own tests from minSize new episodes', () => {
    const base = new Map<string, BaselineEntry>();
    for (let i = 0; i < 200; i++) base.set(`lab-${i % 2}/b-${i}`, { reasons: i % 10 === 0 ? ['flat-cpu'] : [], sha256: null });
    const eps = (n: number, host: string): ReportEpisode[] =>
      Array.from({ length: n }, (_, i) => ({ host, episode: `${host}-n-${i}`, reasons: [] as string[] }) as ReportEpisode);
    const hostsTested = (r: ReturnType<typeof judgeCohort>): Array<string | null> => [...new Set(r.tests.map((t) => t.host))];
    expect(hostsTested(judgeCohort([...eps(19, 'lab-0'), ...eps(20, 'lab-1')], base, DEFAULTS))).toEqual([null, 'lab-1']);
    expect(hostsTested(judgeCohort([...eps(19, 'lab-0'), ...eps(20, 'lab-1')], base, { ...DEFAULTS, minSize: 19 }))).toEqual([
      null,
      'lab-0',
      'lab-1',
    ]);
  });
});
