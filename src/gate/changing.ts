/**
 * The rules for a dataset that changed since the baseline, on top of the snapshot rules that
 * compare.ts applies to the episodes in both:
 *  - gone: a kept episode gone is a regression (tolerance.gone_kept, default 0); a flagged one
 *    gone is what `cis490-prune --archive` does, so it is reported (tolerance.gone_flagged,
 *    default null: not checked);
 *  - modified: a kept episode whose bytes changed is a regression (tolerance.modified_kept,
 *    default 0); a flagged one is reported; either way its verdict is judged as a flip;
 *  - new: judged as a cohort (cohort.ts).
 * A dataset with no new, gone or modified episode is a snapshot: only compare.ts's rules apply.
 */
import type { Reason } from '../classifier/types.js';
import type { Tolerance } from './baseline.js';
import { COHORT_DEFAULTS, alarmMessage, judgeCohort, type Arrivals, type CohortResult } from './cohort.js';
import type { Regression } from './compare.js';
import type { BaselineEntry, DatasetChanges } from './changes.js';
import { episodeKey, type Counts, type Report } from './report.js';
import { plural } from '../shared/text.js';

/** snapshot: the baseline's episodes, unchanged; changing: the four classes; counts: no episodes map. */
export type GateMode = 'snapshot' | 'changing' | 'counts';

export interface ChangeJudgement {
  mode: 'snapshot' | 'changing';
  /** One line: which rules judged the run and why. */
  why: string;
  classes: DatasetChanges;
  /** null in a snapshot, or when nothing is new. */
  cohort: CohortResult | null;
  regressions: Regression[];
  /** What is shown but does not fail (flagged episodes gone or modified, within tolerance). */
  reported: Regression[];
  /** The rules this run was judged by (regression kinds whose tolerance is set), broken or not. */
  checked: string[];
}

const NAMES_SHOWN = 10;

function names(list: ReadonlyArray<{ host: string; episode: string }>): string {
  const shown = list
    .slice(0, NAMES_SHOWN)
    .map((e) => `${e.host}/${e.episode}`)
    .join(', ');
  return list.length > NAMES_SHOWN ? `${shown}, … ${list.length - NAMES_SHOWN} more` : shown;
}

/** "lab-a 3, lab-b 1": how many of the episodes each host has, most first. */
function hostCounts(list: ReadonlyArray<{ host: string }>): string {
  const by = new Map<string, number>();
  for (const e of list) by.set(e.host, (by.get(e.host) ?? 0) + 1);
  const sorted = [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, 5).map(([h, n]) => `${h} ${n}`);
  return sorted.length > 5 ? `${shown.join(', ')}, ${plural(sorted.length - 5, 'more host')}` : shown.join(', ');
}

/** A regression about a list of episodes: the message names them, the brief names their hosts. */
function listed(kind: string, statement: string, detail: string, list: ReadonlyArray<{ host: string; episode: string }>): Regression {
  return { kind, message: `${statement} (${detail}): ${names(list)}`, brief: `${statement} (${hostCounts(list)})` };
}

function tolText(t: number | null): string {
  return t === null ? 'not checked' : `tolerance ${t}`;
}

/** Counts and per-reason counts of the episodes in both, on each side. */
export function matchedCounts(
  report: Report,
  baseline: ReadonlyMap<string, BaselineEntry>,
  matched: ReadonlySet<string>,
): { baseline: Counts; current: Counts; baselineByReason: Record<string, number>; currentByReason: Record<string, number> } {
  const tally = (): { counts: Counts; byReason: Record<string, number> } => ({
    counts: { scanned: 0, kept: 0, flagged: 0 },
    byReason: {},
  });
  const add = (t: ReturnType<typeof tally>, reasons: readonly Reason[]): void => {
    t.counts.scanned++;
    t.counts[reasons.length === 0 ? 'kept' : 'flagged']++;
    for (const r of reasons) t.byReason[r] = (t.byReason[r] ?? 0) + 1;
  };
  const base = tally();
  const cur = tally();
  const seen = new Set<string>();
  for (const ep of report.episodes) {
    const key = episodeKey(ep.host, ep.episode);
    if (!matched.has(key) || seen.has(key)) continue;
    seen.add(key);
    add(cur, ep.reasons);
    add(base, baseline.get(key)!.reasons);
  }
  return { baseline: base.counts, current: cur.counts, baselineByReason: base.byReason, currentByReason: cur.byReason };
}

function limit(v: number | null | undefined, fallback: number | null): number | null {
  return v === undefined ? fallback : v;
}

/** Which rate the cohort is compared with, for the mode line. */
function cohortBase(c: CohortResult): string {
  const n = c.baseline.n;
  return c.against === 'arrivals'
    ? `the rate at which episodes arrived (${plural(n, 'episode')} as first judged, pruned ones included)`
    : `the baseline's ${plural(n, 'episode')}`;
}

/** Judge the four classes; `changing` false means a snapshot (no rule of this file applies). */
export function judgeChanges(
  classes: DatasetChanges,
  baseline: ReadonlyMap<string, BaselineEntry>,
  tol: Tolerance,
  changing: boolean,
  arrivals: Arrivals | null = null,
): ChangeJudgement {
  const idNote = classes.byIdOnly
    ? '; the baseline records no tarball digests (version 1), so a modified episode cannot be told from an unchanged one: judged by id'
    : '';
  if (!changing) {
    return {
      mode: 'snapshot',
      why: `snapshot: the dataset holds the baseline's ${plural(classes.unchanged, 'episode')}, unchanged, so every count is judged against the baseline${idNote}`,
      classes,
      cohort: null,
      regressions: [],
      reported: [],
      checked: [],
    };
  }
  const regressions: Regression[] = [];
  const reported: Regression[] = [];
  const checked: string[] = [];

  /** One class of episodes: a regression past its tolerance (null: none), else reported. */
  const judge = (
    kind: string,
    eps: ReadonlyArray<{ host: string; episode: string; before: readonly Reason[] }>,
    what: string,
    why: string,
    tolerance: number | null,
  ): void => {
    if (tolerance !== null && !checked.includes(kind)) checked.push(kind);
    if (eps.length === 0) return;
    const r = listed(kind, what, why, eps);
    (tolerance !== null && eps.length > tolerance ? regressions : reported).push(r);
  };
  const isKept = (e: { before: readonly Reason[] }): boolean => e.before.length === 0;
  const is = (n: number, one: string, many: string): string => (n === 1 ? one : many);

  const goneKept = classes.gone.filter(isKept);
  const goneFlagged = classes.gone.filter((g) => !isKept(g));
  const tGoneKept = limit(tol.gone_kept, 0);
  const tGoneFlagged = limit(tol.gone_flagged, null);
  judge(
    'gone-kept',
    goneKept,
    `${plural(goneKept.length, 'episode')} kept in the baseline ${is(goneKept.length, 'is', 'are')} gone from the dataset`,
    `${tolText(tGoneKept)}, tolerance.gone_kept`,
    tGoneKept,
  );
  judge(
    'gone-flagged',
    goneFlagged,
    `${plural(goneFlagged.length, 'episode')} flagged in the baseline ${is(goneFlagged.length, 'is', 'are')} gone`,
    `archived or pruned; ${tolText(tGoneFlagged)}, tolerance.gone_flagged`,
    tGoneFlagged,
  );

  // Index rows still here without their tarball: lost, not pruned; judged by the same tolerances.
  const lost = (n: number): string => is(n, 'has its index row but its tarball is', 'have their index rows but their tarballs are');
  const missKept = classes.missing.filter(isKept);
  const missFlagged = classes.missing.filter((g) => !isKept(g));
  judge(
    'missing-kept',
    missKept,
    `${plural(missKept.length, 'episode')} kept in the baseline ${lost(missKept.length)} missing`,
    `lost, not pruned: a prune drops the row too; ${tolText(tGoneKept)}, tolerance.gone_kept`,
    tGoneKept,
  );
  judge(
    'missing-flagged',
    missFlagged,
    `${plural(missFlagged.length, 'episode')} flagged in the baseline ${lost(missFlagged.length)} missing`,
    `lost, not pruned: a prune drops the row too; ${tolText(tGoneFlagged)}, tolerance.gone_flagged`,
    tGoneFlagged,
  );

  const modKept = classes.modified.filter(isKept);
  const modFlagged = classes.modified.filter((m) => !isKept(m));
  const tModKept = limit(tol.modified_kept, 0);
  judge(
    'modified-kept',
    modKept,
    `${plural(modKept.length, 'episode')} kept in the baseline ${is(modKept.length, 'has', 'have')} other bytes now`,
    `same id, tarball rewritten; ${tolText(tModKept)}, tolerance.modified_kept`,
    tModKept,
  );
  if (modFlagged.length > 0) {
    reported.push({
      kind: 'modified-flagged',
      message: `${plural(modFlagged.length, 'episode')} flagged in the baseline ${modFlagged.length === 1 ? 'has' : 'have'} other bytes now: ${names(modFlagged)}`,
    });
  }

  let cohort: CohortResult | null = null;
  if (classes.added.length > 0) {
    cohort = judgeCohort(
      classes.added,
      baseline,
      {
        confidence: limit(tol.cohort_confidence, COHORT_DEFAULTS.confidence),
        minSize: tol.cohort_min_size ?? COHORT_DEFAULTS.minSize,
        marginPp: tol.cohort_margin_pp ?? COHORT_DEFAULTS.marginPp,
      },
      arrivals,
    );
    for (const a of cohort.alarms) {
      regressions.push({
        kind: 'cohort-rate',
        message: alarmMessage(a, 10, cohort.against),
        brief: alarmMessage(a, 0, cohort.against),
        ...(a.host !== null ? { host: a.host } : {}),
      });
    }
  }

  const parts = [
    classes.added.length > 0
      ? `${classes.added.length} new, judged as a cohort against ${cohortBase(cohort!)}${cohort?.notJudged ? ` (not tested: ${cohort.notJudged})` : ''}`
      : '0 new',
    `${classes.gone.length} gone`,
    ...(classes.missing.length > 0 ? [`${plural(classes.missing.length, 'tarball')} missing (index rows still here)`] : []),
    `${classes.modified.length} modified`,
    `${classes.unchanged} unchanged (their verdicts judged as a snapshot)`,
  ];
  return {
    mode: 'changing',
    why: `changed dataset: ${parts.join(', ')}${idNote}`,
    classes,
    cohort,
    regressions,
    reported,
    // The cohort rule judged the new episodes only when it ran its tests.
    checked: cohort && cohort.tests.length > 0 ? [...checked, 'cohort-rate'] : checked,
  };
}
