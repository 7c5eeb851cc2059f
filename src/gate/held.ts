/**
 * A failed night's rejected episodes, held until accepted. A rolling baseline is the last good
 * night's report, so after a failed night the next night judges that night's new episodes again,
 * in one cohort with its own: a host's few broken episodes can then be outnumbered and pass. The
 * new-cohort alarms of the newest failed run since the baseline (and what it held itself) are
 * held: each stays a regression while any of its episodes is still new (not in the baseline) and
 * still flagged as the alarm counted it. Accepting the failed run (its report as the baseline)
 * or pruning or fixing those episodes clears it.
 */
import type { Reason } from '../classifier/types.js';
import type { Regression } from './compare.js';
import type { Report } from './report.js';
import { plural } from '../shared/text.js';

export interface HeldAlarm {
  /** The failed run that raised it, as messages name it ("run 306 (#42)"). */
  run: string;
  /** null: every host. */
  host: string | null;
  /** null: flagged for any reason. */
  reason: Reason | null;
  /** "host/episode" of the episodes it counted as flagged. */
  episodes: string[];
}

const flaggedAs = (reasons: readonly string[], reason: string | null): boolean =>
  reason === null ? reasons.length > 0 : reasons.includes(reason);

/**
 * What a failed run's report holds: its new-cohort alarms, each with the new episodes it counted
 * (the report's new ids on the alarm's host, flagged for its reason), and the alarms it held itself.
 */
export function heldAlarmsOf(report: Report, run: string): HeldAlarm[] {
  const c = report.comparison;
  if (!c) return [];
  const verdicts = new Map(report.episodes.map((e) => [`${e.host}/${e.episode}`, e.reasons as readonly string[]]));
  const newIds = c.classes?.new_ids ?? [];
  const raised = (c.cohort?.tests ?? [])
    .filter((t) => t.alarm)
    .map((t) => ({
      run,
      host: t.host,
      reason: t.reason,
      episodes: newIds.filter((id) => (t.host === null || id.startsWith(`${t.host}/`)) && flaggedAs(verdicts.get(id) ?? [], t.reason)),
    }))
    .filter((a) => a.episodes.length > 0);
  return [...(c.held ?? []), ...raised];
}

/**
 * Each held alarm whose episodes are still here, new and flagged as it counted them: a
 * regression, and the alarm with those episodes alone (what this run's report holds in turn).
 */
export function judgeHeld(
  held: readonly HeldAlarm[],
  report: Report,
  newIds: ReadonlySet<string>,
): { regressions: Regression[]; still: HeldAlarm[] } {
  const verdicts = new Map(report.episodes.map((e) => [`${e.host}/${e.episode}`, e.reasons as readonly string[]]));
  const regressions: Regression[] = [];
  const still: HeldAlarm[] = [];
  for (const a of held) {
    const left = a.episodes.filter((id) => newIds.has(id) && flaggedAs(verdicts.get(id) ?? [], a.reason));
    if (left.length === 0) continue;
    still.push({ ...a, episodes: left });
    const where = a.host === null ? 'new episodes, all hosts' : `new episodes on host ${a.host}`;
    const what = `${a.reason ?? 'flagged (any reason)'}: ${plural(left.length, 'episode')} that ${a.run} rejected ${left.length === 1 ? 'is' : 'are'} still new and flagged, not accepted since`;
    const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? `, … ${left.length - 10} more` : '');
    regressions.push({
      kind: 'cohort-held',
      message: `${where}: ${what}: ${shown}`,
      brief: `${where}: ${what}`,
      ...(a.host !== null ? { host: a.host } : {}),
    });
  }
  return { regressions, still };
}
