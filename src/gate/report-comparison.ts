/** The comparison as the JSON report records it: plain data from the gate's Comparison. */
import type { Comparison } from './compare.js';
import type { Tally } from './cohort.js';
import type { ReportComparison, ReportTally } from './report.js';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function tally(t: Tally): ReportTally {
  return { n: t.n, flagged: t.flagged, rate_pct: t.n === 0 ? 0 : Math.round((t.flagged * 10_000) / t.n) / 100 };
}

const ids = (list: ReadonlyArray<{ host: string; episode: string }>): string[] =>
  list.map((e) => `${e.host}/${e.episode}`).sort(byCodeUnit);

export function reportComparison(c: Comparison): ReportComparison {
  const j = c.changes;
  const cohort = j?.cohort ?? null;
  return {
    baseline: c.baselineName,
    mode: c.mode,
    why: c.modeWhy,
    regressions: c.regressions.length,
    classes: j
      ? {
          unchanged: j.classes.unchanged,
          modified: j.classes.modified.length,
          new: j.classes.added.length,
          gone: j.classes.gone.length,
          by_id_only: j.classes.byIdOnly,
          modified_ids: ids(j.classes.modified),
          new_ids: ids(j.classes.added),
          gone_ids: ids(j.classes.gone),
          missing_tarball_ids: ids(j.classes.missing),
        }
      : null,
    cohort: cohort
      ? {
          against: cohort.against,
          confidence: cohort.settings.confidence,
          min_size: cohort.settings.minSize,
          margin_pp: cohort.settings.marginPp,
          cohort: tally({ n: cohort.size, flagged: cohort.flagged }),
          baseline: tally(cohort.baseline),
          not_judged: cohort.notJudged,
          tests: cohort.tests.map((t) => ({
            host: t.host,
            reason: t.reason,
            cohort: tally(t.cohort),
            baseline: tally(t.baseline),
            baseline_all_hosts: t.baselineAllHosts,
            p: t.p,
            threshold: t.threshold,
            alarm: t.alarm,
          })),
          hosts: cohort.hosts.map((h) => ({ host: h.host, cohort: tally(h.cohort), baseline: tally(h.baseline) })),
        }
      : null,
    ...(c.arrivals ? { arrivals: c.arrivals } : {}),
    ...(c.held.length > 0 ? { held: c.held } : {}),
  };
}
