/**
 * The new episodes as a cohort: is their flagged rate (overall, per reason, per host, per host
 * and reason) higher than the baseline's by more than chance explains?
 *
 * Each group is judged by a one-sided exact test: the cohort's flagged episodes against the
 * baseline's, conditional on their total (Fisher's exact test, the exact binomial comparison of
 * two samples). It is exact at any size, needs no normal approximation (Wilson's bound is
 * anti-conservative for rare reasons and small cohorts), treats the baseline as the sample it is
 * (a rate estimated from 60 episodes is not known exactly), and a baseline rate of 0 does not
 * make one flagged episode an alarm. Every night tests many groups, so the family is held at
 * 1 − confidence with Holm's step-down correction. Hand-written: the tail is summed in log space,
 * where the npm statistics packages (jStat's hypergeometric cdf) sum in linear space from
 * P(X = 0), which underflows for cohorts of thousands.
 */
import type { Reason } from '../classifier/types.js';
import type { BaselineEntry } from './changes.js';
import type { ReportEpisode } from './report.js';
import { plural } from '../shared/text.js';

/**
 * Per host, the episodes as they were first judged, when new: how many, how many flagged, and
 * how many per reason. A rolling baseline carries them forward from night to night, so episodes
 * pruned since still count: the rate at which episodes arrive, not the rate among the survivors.
 */
export type Arrivals = Record<string, { scanned: number; flagged: number; by_reason: Record<string, number> }>;

/** The episodes of a baseline map as arrivals (each as the baseline judged it). */
export function arrivalsOf(episodes: Iterable<[string, { reasons: readonly Reason[] }]>): Arrivals {
  const out: Arrivals = {};
  for (const [key, e] of episodes) addArrival(out, key.slice(0, key.indexOf('/')), e.reasons);
  return out;
}

/** Count one episode, judged with these reasons, as arrived on host. */
export function addArrival(a: Arrivals, host: string, reasons: readonly Reason[]): void {
  const h = Object.hasOwn(a, host) ? a[host]! : (a[host] = { scanned: 0, flagged: 0, by_reason: {} });
  h.scanned++;
  if (reasons.length > 0) h.flagged++;
  for (const r of reasons) h.by_reason[r] = (h.by_reason[r] ?? 0) + 1;
}

/** A deep copy, hosts in code-unit order (the file stays stable from night to night). */
export function copyArrivals(a: Arrivals): Arrivals {
  const out: Arrivals = {};
  for (const host of Object.keys(a).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    const h = a[host]!;
    const byReason: Record<string, number> = {};
    for (const r of Object.keys(h.by_reason).sort()) byReason[r] = h.by_reason[r]!;
    out[host] = { scanned: h.scanned, flagged: h.flagged, by_reason: byReason };
  }
  return out;
}

export const COHORT_DEFAULTS = { confidence: 0.99, minSize: 20, marginPp: 0 } as const;

export interface CohortSettings {
  /** null: the cohort rule is off (the cohort is still described). */
  confidence: number | null;
  /** Fewest new episodes on one host for that host's own tests (the whole cohort is judged at any size). */
  minSize: number;
  marginPp: number;
}

export interface Tally {
  n: number;
  flagged: number;
}

export interface CohortTest {
  /** null: every host. */
  host: string | null;
  /** null: flagged for any reason. */
  reason: Reason | null;
  baseline: Tally;
  /** True when the host is not in the baseline and is compared with every host's rate. */
  baselineAllHosts: boolean;
  cohort: Tally;
  /** One-sided p-value of the cohort's rate being no higher than the baseline's. */
  p: number;
  /** The p-value this test had to reach under Holm's correction (null when off). */
  threshold: number | null;
  alarm: boolean;
  /** The cohort's episodes this test counted as flagged ("host/episode"), in report order. */
  episodes: string[];
}

interface HostCohort {
  host: string;
  baseline: Tally;
  cohort: Tally;
}

export interface CohortResult {
  settings: CohortSettings;
  /**
   * What the cohort is compared with: 'arrivals', the episodes as first judged (the baseline's
   * arrivals, pruned ones included); 'episodes', the baseline's episodes map.
   */
  against: 'arrivals' | 'episodes';
  size: number;
  flagged: number;
  baseline: Tally;
  tests: CohortTest[];
  /** Tests that failed, most specific first (host and reason, host, reason, overall). */
  alarms: CohortTest[];
  /** Every host of the baseline or the cohort: its new episodes against its baseline rate. */
  hosts: HostCohort[];
  /** Why the cohort was not judged, when it was not (too small, or the rule is off). */
  notJudged: string | null;
}

let logFactTable = new Float64Array([0, 0]);

function logFact(n: number): number {
  if (n >= logFactTable.length) {
    const size = Math.max(n + 1, logFactTable.length * 2);
    const t = new Float64Array(size);
    t.set(logFactTable);
    for (let i = logFactTable.length; i < size; i++) t[i] = t[i - 1]! + Math.log(i);
    logFactTable = t;
  }
  return logFactTable[n]!;
}

function logChoose(n: number, k: number): number {
  return logFact(n) - logFact(k) - logFact(n - k);
}

/**
 * P(X >= x) for X the flagged episodes among the cohort's n when the baseline's and the
 * cohort's flagged episodes are spread at random over both (one-sided Fisher exact test).
 */
export function upperTailP(baseline: Tally, cohort: Tally): number {
  const total = baseline.n + cohort.n;
  const flagged = baseline.flagged + cohort.flagged;
  const hi = Math.min(flagged, cohort.n);
  if (cohort.flagged <= Math.max(0, cohort.n - (total - flagged))) return 1;
  const logDen = logChoose(total, cohort.n);
  const terms: number[] = [];
  for (let k = cohort.flagged; k <= hi; k++) terms.push(logChoose(flagged, k) + logChoose(total - flagged, cohort.n - k) - logDen);
  const max = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max) * sum);
}

function rate(t: Tally): number {
  return t.n === 0 ? 0 : (t.flagged * 100) / t.n;
}

interface Group {
  host: string | null;
  reason: Reason | null;
}

function counts(reasonsOf: Iterable<readonly Reason[]>, reason: Reason | null): Tally {
  let n = 0;
  let flagged = 0;
  for (const rs of reasonsOf) {
    n++;
    if (reason === null ? rs.length > 0 : rs.includes(reason)) flagged++;
  }
  return { n, flagged };
}

/**
 * Judge the new episodes against the rate at which episodes arrived (`arrivals`, when the
 * baseline carries them), else against the baseline's episodes (all of them, gone ones included).
 */
export function judgeCohort(
  added: readonly ReportEpisode[],
  baseline: ReadonlyMap<string, BaselineEntry>,
  settings: CohortSettings,
  arrivals: Arrivals | null = null,
): CohortResult {
  const baseByHost = new Map(Object.entries(arrivals ?? arrivalsOf(baseline)));
  const baseAll = { scanned: 0, flagged: 0, by_reason: {} as Record<string, number> };
  for (const h of baseByHost.values()) {
    baseAll.scanned += h.scanned;
    baseAll.flagged += h.flagged;
    for (const [r, n] of Object.entries(h.by_reason)) baseAll.by_reason[r] = (baseAll.by_reason[r] ?? 0) + n;
  }
  const baseTally = (h: Arrivals[string], reason: Reason | null): Tally => ({
    n: h.scanned,
    flagged: reason === null ? h.flagged : (h.by_reason[reason] ?? 0),
  });
  const none = { scanned: 0, flagged: 0, by_reason: {} };
  const newByHost = new Map<string, ReportEpisode[]>();
  for (const ep of added) {
    const list = newByHost.get(ep.host);
    if (list) list.push(ep);
    else newByHost.set(ep.host, [ep]);
  }
  const reasonSet = new Set<Reason>();
  for (const r of Object.keys(baseAll.by_reason)) if ((baseAll.by_reason[r] ?? 0) > 0) reasonSet.add(r as Reason);
  for (const ep of added) for (const r of ep.reasons) reasonSet.add(r);
  const reasons = [...reasonSet].sort();

  const hosts: HostCohort[] = [...new Set([...baseByHost.keys(), ...newByHost.keys()])].sort().map((host) => ({
    host,
    baseline: baseTally(baseByHost.get(host) ?? none, null),
    cohort: counts(
      (newByHost.get(host) ?? []).map((e) => e.reasons),
      null,
    ),
  }));
  const overall = counts(
    added.map((e) => e.reasons),
    null,
  );
  const result: CohortResult = {
    settings,
    against: arrivals ? 'arrivals' : 'episodes',
    size: added.length,
    flagged: overall.flagged,
    baseline: baseTally(baseAll, null),
    tests: [],
    alarms: [],
    hosts,
    notJudged: null,
  };
  if (settings.confidence === null) {
    result.notJudged = 'the cohort rule is off (tolerance.cohort_confidence is null)';
    return result;
  }
  // The whole cohort is judged at any size: the test is exact, so a small night is held to stronger
  // evidence, not let through (19 new episodes all flagged against a 39% baseline is p ~ 1e-8). A
  // host's own groups need minSize new episodes, which keeps the family (and Holm's divisor) to
  // hosts with enough to say; a smaller host is still named by where an all-hosts alarm comes from.
  if (added.length === 0) return result;

  const groups: Group[] = [{ host: null, reason: null }, ...reasons.map((reason) => ({ host: null, reason }))];
  for (const h of hosts) {
    if (h.cohort.n < settings.minSize) continue;
    groups.push({ host: h.host, reason: null }, ...reasons.map((reason) => ({ host: h.host, reason })));
  }
  const tests: CohortTest[] = groups.map((g) => {
    const eps = g.host === null ? added : newByHost.get(g.host)!;
    const hostBase = g.host === null ? undefined : baseByHost.get(g.host);
    const base = hostBase ?? baseAll;
    const hit = (rs: readonly Reason[]): boolean => (g.reason === null ? rs.length > 0 : rs.includes(g.reason));
    const cohort = counts(
      eps.map((e) => e.reasons),
      g.reason,
    );
    const baselineTally = baseTally(base, g.reason);
    return {
      host: g.host,
      reason: g.reason,
      baseline: baselineTally,
      baselineAllHosts: g.host !== null && hostBase === undefined,
      cohort,
      p: upperTailP(baselineTally, cohort),
      threshold: null,
      alarm: false,
      episodes: eps.filter((e) => hit(e.reasons)).map((e) => `${e.host}/${e.episode}`),
    };
  });
  // Holm: the i-th smallest p-value (0-based) is held to alpha / (m - i), stopping at the first that passes.
  const alpha = 1 - settings.confidence;
  const order = tests.map((_, i) => i).sort((a, b) => tests[a]!.p - tests[b]!.p);
  let stopped = false;
  order.forEach((idx, i) => {
    const t = tests[idx]!;
    t.threshold = alpha / (tests.length - i);
    if (stopped || t.p > t.threshold) {
      stopped = true;
      return;
    }
    t.alarm = rate(t.cohort) - rate(t.baseline) > settings.marginPp;
  });
  result.tests = tests;
  const rank = (t: CohortTest): number => (t.host !== null ? 0 : 2) + (t.reason !== null ? 0 : 1);
  result.alarms = tests.filter((t) => t.alarm).sort((a, b) => rank(a) - rank(b) || a.p - b.p);
  return result;
}

function pText(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toPrecision(2);
}

function pct(t: Tally): string {
  return `${t.flagged}/${t.n} (${rate(t).toFixed(1)}%)`;
}

/**
 * " (from lab-c 15)": where an all-hosts alarm's episodes come from, most first, so a host
 * with too few new episodes for a test of its own is still named.
 */
function fromHosts(episodes: readonly string[], max = 3): string {
  const byHost = new Map<string, number>();
  for (const id of episodes) {
    const host = id.slice(0, id.indexOf('/'));
    byHost.set(host, (byHost.get(host) ?? 0) + 1);
  }
  if (byHost.size === 0) return '';
  const list = [...byHost].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = list.slice(0, max).map(([h, n]) => `${h} ${n}`);
  if (list.length > max) shown.push(`${plural(list.length - max, 'more host')}`);
  return ` (from ${shown.join(', ')})`;
}

/** One line naming the host, the reason, both rates, the test and the episodes (with maxEpisodes 0: the rates alone). */
export function alarmMessage(t: CohortTest, maxEpisodes = 10, against: CohortResult['against'] = 'episodes'): string {
  const where = t.host === null ? `new episodes, all hosts${fromHosts(t.episodes)}` : `new episodes on host ${t.host}`;
  const what = t.reason === null ? 'flagged (any reason)' : t.reason;
  const arrived = against === 'arrivals' ? ' arrivals' : '';
  const base = t.baselineAllHosts ? `baseline's${arrived} (all hosts; the host is new)` : `baseline's${arrived}`;
  if (maxEpisodes === 0) return `${where}: ${what} ${pct(t.cohort)} vs the ${base} ${pct(t.baseline)}`;
  const shown = t.episodes.slice(0, maxEpisodes).join(', ');
  const more = t.episodes.length > maxEpisodes ? `, … ${t.episodes.length - maxEpisodes} more` : '';
  return `${where}: ${what} ${pct(t.cohort)} vs the ${base} ${pct(t.baseline)} (one-sided exact test p = ${pText(t.p)} < ${pText(t.threshold ?? 0)}): ${shown}${more}`;
}
