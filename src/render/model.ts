/**
 * The summary model: what a reader of a gate run is told, as plain data, computed once from the
 * gate's outcome. Every renderer (markdown for the job summary, PR comment and terminal; HTML)
 * reads this and nothing else decides what the run means. Values are raw (not escaped): each
 * renderer escapes for its own format.
 *
 * The story leads with the cause: what changed (settings, data, tool version), its effect on the
 * verdicts (kept → flagged and back, by host and reason), and the command that accepts it when
 * the change is intended. Aggregate regressions that the flips alone explain (same episodes, so
 * every change of a total is a flip) are folded under that cause instead of listed apart.
 */
import type { CohortTest, Tally } from '../gate/cohort.js';
import type { Comparison, Flip, Regression } from '../gate/compare.js';
import { episodeKey, type Report } from '../gate/report.js';
import { optionText, reasonFilterOf, regressionRank, unusedRowsText, type FailOn, type GateOutcome, type GateTrend } from '../gate/run.js';
import { DEFAULT_GATE_SETTINGS, settingsHash, type SettingChange } from '../gate/settings.js';
import { plural } from '../shared/text.js';

/** The run's verdict, for the headline's mark and wording. */
export type SummaryStatus =
  /** The gate failed under fail-on. */
  | 'failed'
  /** Regressions were found but fail-on did not enforce them. */
  | 'not-enforced'
  /** Passed, with warnings past the baseline's warn levels. */
  | 'warned'
  /** Passed against a baseline, or fail-on: flagged with nothing flagged. */
  | 'passed'
  /** No baseline and nothing enforced: counts only. */
  | 'report-only';

/** What changed between the baseline and this run, as far as the baseline records it. */
export interface SummaryCause {
  /** Settings that differ from the baseline's (empty: same, or not recorded). */
  settings: SettingChange[];
  /** False when the baseline does not record its settings. */
  settingsKnown: boolean;
  /** The dataset fingerprint differs (null: the baseline does not record one). */
  dataChanged: boolean | null;
  /** Episodes new since the baseline, and baseline episodes gone (their rows too). */
  added: number;
  gone: number;
  /** Baseline episodes whose index row is here but whose tarball is missing (lost, not pruned). */
  missing: number;
  /** Baseline episodes whose tarball bytes changed; null without an episodes map to tell. */
  modified: number | null;
  /** The tool version that made the baseline and this one, when they differ. */
  toolVersion: { before: string; after: string } | null;
  /**
   * Verdicts changed while the settings, the data and the tool version are recorded as the
   * baseline's: what changed is the classifier's code (a change under review, or a build of it).
   */
  codeChanged: boolean;
}

/** Verdict flips counted by one key (a host or a reason). */
interface FlipCount {
  key: string;
  keptToFlagged: number;
  flaggedToKept: number;
}

/** What the change did to the verdicts. */
interface SummaryEffect {
  keptToFlagged: number;
  flaggedToKept: number;
  /** Still flagged, for other reasons. */
  reasonsChanged: number;
  /** The reasons those still-flagged episodes gained and lost, most first. */
  reasonsGained: Array<[string, number]>;
  reasonsLost: Array<[string, number]>;
  /** The baseline's episodes gone from the dataset, by their verdict in the baseline. */
  gone: { kept: number; flagged: number };
  /** The baseline's episodes whose row is here but whose tarball is missing, by their verdict in the baseline. */
  missing: { kept: number; flagged: number };
  /** Per host, most flips first. */
  byHost: FlipCount[];
  /** Per reason: kept → flagged counts the reasons gained, flagged → kept the reasons lost. */
  byReason: FlipCount[];
  /** The totals before and after. */
  kept: { before: number; after: number };
  flagged: { before: number; after: number };
  /** What the totals cover when it is not the whole scan (a changed dataset), else null. */
  scope: string | null;
  /** The episodes new since the baseline (a changed dataset): how many, kept, flagged, and the flagged by reason (most first); else null. */
  added: { total: number; kept: number; flagged: number; byReason: Array<[string, number]> } | null;
}

/** The three lines a reader sees first. */
interface SummaryLead {
  status: SummaryStatus;
  /** Line 1: the verdict and what changed, in words (no markup), with the notes. */
  headline: string;
  /**
   * What no reader may miss, whatever the verdict, also on the CLI's status line: the active
   * reason filter (and that no episode has its reasons), index rows whose tarball is missing and
   * index lines skipped. Empty when there is nothing to say.
   */
  notes: string[];
  /** Line 2: the effect, in words; null when nothing is compared. */
  effect: string | null;
  /**
   * Line 3: the command that accepts the change (writes this run as the baseline) when it is
   * intended, or creates a baseline when none was given; null when nothing is to accept.
   */
  command: string | null;
  /** What line 3's command does, e.g. "If this change is intended, accept it" (see acceptLabel). */
  commandLabel: string | null;
}

/** One episode of a changed dataset's lists, with the reasons it had (empty: kept). */
interface ChangedEpisode {
  host: string;
  episode: string;
  reasons: readonly string[];
}

/** A host's new episodes against its baseline episodes, and what the cohort test said of it. */
interface CohortHost {
  host: string;
  cohort: Tally;
  baseline: Tally;
  /** The host is not in the baseline (compared with every host's rate). */
  newHost: boolean;
  /** alarm: higher than chance explains; within: tested, not higher; untested: too few new episodes, or the rule is off. */
  test: 'alarm' | 'within' | 'untested';
}

/**
 * What changed in a dataset since the baseline (changed-dataset mode only): the four classes,
 * their lists, the verdict flips among the episodes in both, and the new cohort against the
 * baseline's rate. The markdown summary and the HTML report both render this.
 */
export interface SummaryChanges {
  /** Which rules judged the run, and why (the comparison's mode line, without its label). */
  why: string;
  added: number;
  gone: number;
  /** Baseline episodes whose index row is still here but whose tarball is missing (lost, not pruned). */
  missing: number;
  modified: number;
  unchanged: number;
  /** What is shown but does not fail (flagged episodes gone or rewritten). */
  reported: string[];
  goneList: ChangedEpisode[];
  missingList: ChangedEpisode[];
  modifiedList: Array<{
    host: string;
    episode: string;
    before: readonly string[];
    after: readonly string[];
    sha256Before: string;
    sha256After: string | null;
  }>;
  /** The new episodes with their verdicts, in report order. */
  addedList: ChangedEpisode[];
  /** Episodes in both whose verdict or reasons differ, in report order. */
  flips: Flip[];
  cohort: {
    size: number;
    flagged: number;
    baseline: Tally;
    /** What the baseline's rate counts: the episodes as they arrived (pruned ones included), or its episodes. */
    against: 'arrivals' | 'episodes';
    /** One sentence: how the cohort was tested and what it found, or why it was not tested. */
    tested: string;
    notJudged: boolean;
    alarms: CohortTest[];
    hosts: CohortHost[];
  } | null;
}

export interface SummaryModel {
  lead: SummaryLead;
  /** What changed in the dataset (null unless the dataset changed since a baseline with an episodes map). */
  changes: SummaryChanges | null;
  /** null without a baseline. */
  cause: SummaryCause | null;
  /** null without a baseline or without an episodes map in it. */
  effect: SummaryEffect | null;
  /** True when every aggregate regression is explained by the flips (listed under the cause). */
  folded: boolean;
  /** Regressions explained by the cause (aggregate totals and kept → flagged episodes). */
  explained: Regression[];
  /** Regressions listed on their own: pinned cases, and totals the flips do not explain. */
  unexplained: Regression[];
  warnings: Regression[];
  improvements: Regression[];
  failOn: FailOn;
  failReason: string | null;
  baselineName: string | null;
  /** Where the full JSON report is (a path or an artifact name). */
  reportHint: string | null;
  /** The accept (or create) command again, for sections that repeat it. */
  acceptCommand: string | null;
  /** The history's trend with this run as its newest point, and the drift rule's findings (null without a history). */
  trend: GateTrend | null;
  /** The data sections read these directly. */
  report: Report;
  comparison: Comparison | null;
}

const AGGREGATE = new Set(['kept-drop', 'flagged-rise', 'flagged-rate-rise', 'reason-rise', 'kept-to-flagged']);

/** Baseline episodes whose index row is still here but whose tarball is missing (a changed dataset only). */
function missingOf(cmp: Comparison): ReadonlyArray<{ host: string; episode: string }> {
  return cmp.changes?.mode === 'changing' ? cmp.changes.classes.missing : [];
}

function byVerdict(list: ReadonlyArray<{ before: readonly string[] }>): { kept: number; flagged: number } {
  const flagged = list.filter((v) => v.before.length > 0).length;
  return { kept: list.length - flagged, flagged };
}

function causeOf(cmp: Comparison): SummaryCause {
  return {
    settings: cmp.settingsChanges ?? [],
    settingsKnown: cmp.settingsChanges !== null,
    dataChanged: cmp.datasetChanged,
    added: cmp.added.total,
    // A changed dataset tells gone episodes (rows gone too) from lost tarballs (rows still here).
    gone: cmp.vanished.length - missingOf(cmp).length,
    missing: missingOf(cmp).length,
    modified: cmp.changes ? cmp.changes.classes.modified.length : null,
    toolVersion: cmp.toolVersionChange,
    codeChanged:
      cmp.flips.length > 0 &&
      cmp.settingsChanges !== null &&
      cmp.settingsChanges.length === 0 &&
      cmp.datasetChanged === false &&
      cmp.toolVersionChange === null,
  };
}

function count(map: Map<string, FlipCount>, key: string, field: 'keptToFlagged' | 'flaggedToKept'): void {
  const c = map.get(key) ?? { key, keptToFlagged: 0, flaggedToKept: 0 };
  c[field]++;
  map.set(key, c);
}

function sorted(map: Map<string, FlipCount>): FlipCount[] {
  return [...map.values()].sort(
    (a, b) => b.keptToFlagged + b.flaggedToKept - (a.keptToFlagged + a.flaggedToKept) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Counts of a tally, most first, then by name. */
function mostFirst(m: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function effectOf(cmp: Comparison): SummaryEffect {
  const byHost = new Map<string, FlipCount>();
  const byReason = new Map<string, FlipCount>();
  const gained = new Map<string, number>();
  const lost = new Map<string, number>();
  const missingKeys = new Set(missingOf(cmp).map((m) => episodeKey(m.host, m.episode)));
  let down = 0;
  let up = 0;
  let other = 0;
  for (const f of cmp.flips) {
    if (f.kind === 'reasons-changed') {
      for (const r of f.after) if (!f.before.includes(r)) gained.set(r, (gained.get(r) ?? 0) + 1);
      for (const r of f.before) if (!f.after.includes(r)) lost.set(r, (lost.get(r) ?? 0) + 1);
    }
    if (f.kind === 'kept-to-flagged') {
      down++;
      count(byHost, f.host, 'keptToFlagged');
      for (const r of f.after) count(byReason, r, 'keptToFlagged');
    } else if (f.kind === 'flagged-to-kept') {
      up++;
      count(byHost, f.host, 'flaggedToKept');
      for (const r of f.before) count(byReason, r, 'flaggedToKept');
    } else other++;
  }
  const b = cmp.counts.baseline;
  const c = cmp.counts.current;
  return {
    keptToFlagged: down,
    flaggedToKept: up,
    reasonsChanged: other,
    reasonsGained: mostFirst(gained),
    reasonsLost: mostFirst(lost),
    gone: byVerdict(cmp.vanished.filter((v) => !missingKeys.has(episodeKey(v.host, v.episode)))),
    missing: byVerdict(cmp.vanished.filter((v) => missingKeys.has(episodeKey(v.host, v.episode)))),
    byHost: sorted(byHost),
    byReason: sorted(byReason),
    kept: { before: b.kept, after: c.kept },
    flagged: { before: b.flagged, after: c.flagged },
    // A changed dataset compares the episodes both hold; the new ones are judged as a cohort.
    scope: cmp.mode === 'changing' ? "among the baseline's episodes" : null,
    added: addedOf(cmp),
  };
}

function addedOf(cmp: Comparison): SummaryEffect['added'] {
  const added = cmp.changes?.classes.added ?? [];
  if (added.length === 0) return null;
  const byReason = new Map<string, number>();
  let flagged = 0;
  for (const e of added) {
    if (e.reasons.length > 0) flagged++;
    for (const r of e.reasons) byReason.set(r, (byReason.get(r) ?? 0) + 1);
  }
  return {
    total: added.length,
    kept: added.length - flagged,
    flagged,
    byReason: [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}

/** "netflowSpreadBytes 51200 → 81920", and the data and tool version when they changed. */
export function causeText(cause: SummaryCause): string {
  const parts: string[] = [];
  const v = (n: number | null): string => (n === null ? 'unset' : String(n));
  if (cause.settings.length > 0)
    parts.push(`settings changed: ${cause.settings.map((s) => `${s.key} ${v(s.before)} → ${v(s.after)}`).join(', ')}`);
  const modified = cause.modified ?? 0;
  if (cause.dataChanged === true || cause.added > 0 || cause.gone > 0 || cause.missing > 0 || modified > 0) {
    const detail = [
      cause.added > 0 ? `${cause.added} new` : '',
      cause.gone > 0 ? `${cause.gone} gone` : '',
      modified > 0 ? `${modified} modified` : '',
    ].filter(Boolean);
    const episodes = cause.added + cause.gone + modified === 1 ? 'episode' : 'episodes';
    const said = [
      detail.length > 0 ? `${detail.join(', ')} ${episodes}` : '',
      cause.missing > 0 ? `${cause.missing} ${cause.missing === 1 ? 'tarball' : 'tarballs'} missing` : '',
    ].filter(Boolean);
    // Every episode as in the baseline, yet another fingerprint: index lines (skipped ones, order) changed.
    const indexOnly = said.length === 0 && cause.modified !== null ? ' (index.jsonl lines only; every episode as in the baseline)' : '';
    parts.push(`data changed${said.length ? ` (${said.join(', ')})` : indexOnly}`);
  }
  if (cause.toolVersion) parts.push(`episode-gate ${cause.toolVersion.before} → ${cause.toolVersion.after}`);
  if (parts.length > 0) return parts.join('; ');
  if (cause.codeChanged) return 'classifier code changed (same settings, data and tool version as the baseline)';
  const unknown = [!cause.settingsKnown ? 'settings' : '', cause.dataChanged === null ? 'data fingerprint' : ''].filter(Boolean);
  return unknown.length > 0
    ? `no recorded change (the baseline does not record its ${unknown.join(' or ')})`
    : 'same settings, data and tool version as the baseline';
}

function byText(counts: readonly FlipCount[], field: 'keptToFlagged' | 'flaggedToKept', max = 4): string {
  const list = counts.filter((c) => c[field] > 0).sort((a, b) => b[field] - a[field] || (a.key < b.key ? -1 : 1));
  const shown = list.slice(0, max).map((c) => `${c.key} ${c[field]}`);
  if (list.length > max) shown.push(`${list.length - max} more`);
  return shown.join(', ');
}

/** "5 kept → flagged (hosts lab-a 3, lab-b 2; reasons flat-cpu 5), 0 flagged → kept". */
function effectText(e: SummaryEffect): string {
  const side = (n: number, label: string, field: 'keptToFlagged' | 'flaggedToKept'): string =>
    n === 0 ? `0 ${label}` : `${n} ${label} (hosts ${byText(e.byHost, field)}; reasons ${byText(e.byReason, field)})`;
  const parts = [side(e.keptToFlagged, 'kept → flagged', 'keptToFlagged'), side(e.flaggedToKept, 'flagged → kept', 'flaggedToKept')];
  if (e.reasonsChanged > 0) parts.push(reasonsChangedText(e));
  for (const [label, t] of [
    ['gone', e.gone],
    ['tarballs missing', e.missing],
  ] as const) {
    const total = t.kept + t.flagged;
    if (total === 0) continue;
    const which = [t.kept > 0 ? `${t.kept} kept` : '', t.flagged > 0 ? `${t.flagged} flagged` : ''].filter(Boolean);
    const named = label === 'gone' ? label : total === 1 ? 'tarball missing' : label;
    parts.push(`${total} ${named} (${which.length === 1 ? which[0]!.replace(/^\d+ /, '') : which.join(', ')})`);
  }
  const a = e.added;
  const reasons =
    a && a.byReason.length > 0
      ? ` (${a.byReason
          .slice(0, 4)
          .map(([r, n]) => `${r} ${n}`)
          .join(', ')}${a.byReason.length > 4 ? ', …' : ''})`
      : '';
  const added = a ? `; ${a.total} new: ${a.kept} kept, ${a.flagged} flagged${reasons}` : '';
  return `${parts.join(', ')}; ${e.scope ? `${e.scope}: ` : ''}kept ${e.kept.before} → ${e.kept.after}, flagged ${e.flagged.before} → ${e.flagged.after}${added}`;
}

/** "23 flagged episodes gained flat-cpu", "2 flagged episodes gained no-sample 1, flat-cpu 1 and lost workload-failed". */
function reasonsChangedText(e: SummaryEffect): string {
  const n = e.reasonsChanged;
  const list = (counts: ReadonlyArray<[string, number]>): string =>
    counts.length === 1 && counts[0]![1] === n
      ? counts[0]![0]
      : counts
          .slice(0, 4)
          .map(([r, k]) => `${r} ${k}`)
          .join(', ') + (counts.length > 4 ? ', …' : '');
  const what = [
    e.reasonsGained.length > 0 ? `gained ${list(e.reasonsGained)}` : '',
    e.reasonsLost.length > 0 ? `lost ${list(e.reasonsLost)}` : '',
  ].filter(Boolean);
  return `${plural(n, 'flagged episode')} ${what.join(' and ')}`;
}

function statusOf(o: GateOutcome): SummaryStatus {
  if (!o.passed) return 'failed';
  if (o.regressions.length > 0) return 'not-enforced';
  if (o.warnings.length > 0) return 'warned';
  if (o.comparison || o.failOn === 'flagged') return 'passed';
  return 'report-only';
}

/** Whether the baseline records a change of settings, data or tool version, or verdicts changed without one (the code). */
export function causeChanged(cause: SummaryCause): boolean {
  return (
    cause.settings.length > 0 ||
    cause.dataChanged === true ||
    cause.added > 0 ||
    cause.gone > 0 ||
    cause.missing > 0 ||
    (cause.modified ?? 0) > 0 ||
    cause.toolVersion !== null ||
    cause.codeChanged
  );
}

/** What changed since the baseline, in words, when the baseline records a change; else null. */
export function changeText(cause: SummaryCause | null): string | null {
  return cause && causeChanged(cause) ? causeText(cause) : null;
}

/**
 * The first screen's notes (see SummaryLead.notes): the reason filter, the index rows the scan
 * could not use (unless the fail reason already names them), and a prune left unfinished.
 */
function leadNotes(o: GateOutcome): string[] {
  const notes: string[] = [];
  const filter = reasonFilterOf(o.report);
  if (filter) {
    const spelled =
      o.surface === 'action'
        ? optionText('action', 'reason', filter.reasons.join(', '))
        : filter.reasons.map((r) => optionText('cli', 'reason', r)).join(' ');
    const one = filter.reasons.length === 1;
    notes.push(
      `reason filter ${spelled}: episodes flagged only for other reasons count as kept` +
        (filter.anyFlagged ? '' : `; no scanned episode has ${one ? 'that reason' : 'any of these reasons'}`),
    );
  }
  const unused = unusedRowsText(o.report);
  if (unused && !(o.failReason ?? '').includes(unused)) notes.push(unused);
  // What releases it: no baseline does (none is offered), only an export without the flagged episodes.
  if (o.flaggedReason && o.report.counts.flagged > 0) {
    const n = o.report.counts.flagged;
    const them = n === 1 ? 'the flagged episode' : `the ${n} flagged episodes`;
    notes.push(
      o.regressions.length > 0
        ? `a new baseline would accept the regressions but not release ${them}: build the export without ${n === 1 ? 'it' : 'them'} and gate it again`
        : `to release, build the export without ${them}${
            // cis490-prune classifies at the default settings: named only where the gate did too.
            o.report.settings_hash === settingsHash(DEFAULT_GATE_SETTINGS)
              ? ` (cis490-prune --archive on the export's own copy moves ${n === 1 ? 'it' : 'them'} out)`
              : ''
          } and gate it again`,
    );
  }
  const journal = o.report.dataset.prune_journal;
  if (journal) {
    const pruning = o.report.missing_tarballs.filter((m) => m.pruning).length;
    const moved =
      pruning > 0
        ? `${plural(pruning, 'episode')} it has already archived or deleted ${pruning === 1 ? 'is' : 'are'} still listed in the index (counted as pruned, not missing)`
        : 'no episode it has archived or deleted is still listed in the index';
    notes.push(`an interrupted cis490-prune is recorded in ${journal}: ${moved}; re-run that cis490-prune (same options) to finish it`);
  }
  return notes;
}

/** The broken pinned cases in one clause ('pinned case "x" (lab-a/x): expected kept, got flagged (flat-cpu)'), or null. */
function pinnedText(regressions: readonly Regression[]): string | null {
  const pinned = regressions.filter((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
  if (pinned.length === 0) return null;
  if (pinned.length <= 2) return pinned.map((r) => r.message).join('; ');
  const ids = pinned.map((r) => `${r.host}/${r.episode}`);
  return `${pinned.length} pinned cases broken: ${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}

function headlineOf(o: GateOutcome, status: SummaryStatus, cause: SummaryCause | null, folded: boolean): string {
  const c = o.report.counts;
  const totals = `${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged`;
  const changed = changeText(cause);
  const base = o.baselineName ?? 'the baseline';
  const failOn = optionText(o.surface, 'fail-on', o.failOn);
  switch (status) {
    case 'failed':
      // What changed leads, as on a pass; the regressions follow unless the change explains them all.
      // Folded, the regressions the change explains are left to the effect line; a broken pinned
      // case is a promise, not a total, so it is named here too.
      if (folded && changed) {
        const pinned = pinnedText(o.regressions);
        return `FAILED — ${changed}${pinned ? `; ${pinned}` : ''}${o.flaggedReason ? `; ${o.flaggedReason}` : ''}`;
      }
      return `FAILED — ${changed ? `${changed}; ` : ''}${o.failReason ?? 'the gate failed'}`;
    case 'not-enforced':
      return `passed (${failOn}) — ${plural(o.regressions.length, 'regression')} against ${base} not enforced; ${changed ?? totals}`;
    case 'warned':
      return `passed with ${plural(o.warnings.length, 'warning')} — no regressions against ${base}; ${changed ?? totals}`;
    case 'passed':
      if (!o.comparison) return `passed — ${c.flagged} flagged (${failOn}); ${totals}`;
      return o.comparison.flips.length === 0 && o.improvements.length === 0 && !changed
        ? `passed — no regressions against ${base}; ${totals}`
        : `passed — no regressions against ${base}; ${changed ?? totals}`;
    case 'report-only':
      return `report only — ${totals}; no baseline given, nothing compared`;
  }
}

/**
 * The first screen's notes after a headline or status line, set apart from what came before (a
 * regression list ends in "; ", so a note joined the same way read as one more regression).
 */
export function notesText(notes: readonly string[]): string {
  return notes.length === 0 ? '' : `. ${notes.length === 1 ? 'Note' : 'Notes'}: ${notes.join('; ')}`;
}

/**
 * The one line a failed run ends with (the CLI's status line, the Action's error): what changed
 * since the baseline, the fail reason, and the notes, as the headline says them.
 */
export function failureText(m: SummaryModel): string {
  const changed = changeText(m.cause);
  return `${changed ? `${changed}; ` : ''}${m.failReason ?? 'the gate failed'}${notesText(m.lead.notes)}`;
}

/** Regressions the dataset's own changes raise (new cohort, episodes gone or rewritten, tarballs missing), not a verdict's. */
const DATA_KINDS: ReadonlySet<string> = new Set([
  'cohort-rate',
  'gone-kept',
  'gone-flagged',
  'missing-kept',
  'missing-flagged',
  'modified-kept',
  'modified-flagged',
  'missing-new',
]);

/**
 * What accepting this run as the baseline would accept, said for what it failed on: a night that
 * failed on its data (a broken cohort, episodes pruned or rewritten) is accepted as data, after a
 * look at it, not as an intended change of the classifier.
 */
export function acceptLabel(regressions: readonly Regression[]): string {
  const kinds = new Set(regressions.map((r) => r.kind));
  const only = (...ks: string[]): boolean => kinds.size > 0 && [...kinds].every((k) => ks.includes(k));
  if (kinds.has('pinned-case') || kinds.has('pinned-missing'))
    return 'If this change is intended, accept it (the pinned cases that no longer match are dropped; pin them again with --pin)';
  if (only('cohort-rate')) return 'If the new episodes are as they should be, accept them';
  if (only('gone-kept', 'gone-flagged')) return 'If these episodes were removed on purpose, accept it';
  if (only('missing-kept', 'missing-flagged')) return 'If these tarballs will not come back, accept their loss';
  if (only('modified-kept', 'modified-flagged')) return 'If these tarballs were rewritten on purpose, accept them';
  if (only('missing-new')) return 'If these tarballs will not arrive, accept the index rows without them';
  if (only(...DATA_KINDS)) return 'If these changes to the data are intended, accept them';
  return 'If this change is intended, accept it';
}

/** Said with a rolling baseline's accept hint: the baseline file is rebuilt each run, so rewriting it accepts nothing. */
const ROLLING_ACCEPT = "(the rolling baseline is rebuilt each run: make this run's report the next one's baseline report)";

/** "3/40 (7.5%)": flagged of n, and the rate. */
export function tallyText(t: Tally): string {
  return `${t.flagged}/${t.n} (${t.n === 0 ? '–' : `${((t.flagged * 100) / t.n).toFixed(1)}%`})`;
}

/** "kept", or "flagged (flat-cpu, no-sample)". */
export function verdictText(reasons: readonly string[]): string {
  return reasons.length === 0 ? 'kept' : `flagged (${reasons.join(', ')})`;
}

function changesOf(cmp: Comparison): SummaryChanges | null {
  const j = cmp.changes;
  if (!j || j.mode !== 'changing') return null;
  const c = j.classes;
  const co = j.cohort;
  let cohort: SummaryChanges['cohort'] = null;
  if (co) {
    const s = co.settings;
    const tested = co.notJudged
      ? `Not tested: ${co.notJudged}.`
      : `${co.tests.length} groups tested (all hosts and each host with at least ${s.minSize} new episodes, overall and per reason), one-sided exact test at ${((s.confidence ?? 0) * 100).toFixed(1)}% confidence for the whole family (Holm)${s.marginPp > 0 ? `, margin ${s.marginPp} pp` : ''}: ${co.alarms.length === 0 ? 'none is higher than chance explains' : `${co.alarms.length} higher than chance explains`}.`;
    cohort = {
      size: co.size,
      flagged: co.flagged,
      baseline: co.baseline,
      against: co.against,
      tested,
      notJudged: co.notJudged !== null,
      alarms: co.alarms,
      hosts: co.hosts.map((h) => ({
        host: h.host,
        cohort: h.cohort,
        baseline: h.baseline,
        newHost: h.baseline.n === 0,
        test: co.alarms.some((a) => a.host === h.host) ? 'alarm' : co.tests.some((t) => t.host === h.host) ? 'within' : 'untested',
      })),
    };
  }
  return {
    why: cmp.modeWhy.replace(/^(changed dataset|snapshot): /, ''),
    added: c.added.length,
    gone: c.gone.length,
    missing: c.missing.length,
    modified: c.modified.length,
    unchanged: c.unchanged,
    reported: j.reported.map((r) => r.message),
    goneList: c.gone.map((g) => ({ host: g.host, episode: g.episode, reasons: g.before })),
    missingList: c.missing.map((g) => ({ host: g.host, episode: g.episode, reasons: g.before })),
    modifiedList: c.modified,
    addedList: c.added.map((e) => ({ host: e.host, episode: e.episode, reasons: e.reasons })),
    flips: cmp.flips,
    cohort,
  };
}

/** The model of one gate run. */
export function summaryModel(o: GateOutcome): SummaryModel {
  const cmp = o.comparison;
  const cause = cmp ? causeOf(cmp) : null;
  const effect = cmp && cmp.hasEpisodeMap ? effectOf(cmp) : null;
  // Same episodes on both sides: every change of a total is one of the flips.
  const folded = Boolean(cmp && cmp.hasEpisodeMap && cmp.added.total === 0 && cmp.vanished.length === 0 && cmp.flips.length > 0);
  const explained = folded ? o.regressions.filter((r) => AGGREGATE.has(r.kind)) : [];
  const unexplained = o.regressions.filter((r) => !explained.includes(r));
  const status = statusOf(o);
  let effectLine: string | null = null;
  if (cmp && effect) {
    effectLine = effectText(effect);
    if (explained.length > 0) {
      const totals = explained.filter((r) => r.kind !== 'kept-to-flagged').length;
      const named = explained.length - totals;
      effectLine += `; explains ${plural(totals, 'count')} over tolerance${named ? ` and ${plural(named, 'episode')} kept → flagged` : ''}`;
    }
    const broken = o.regressions.filter((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
    if (broken.length > 0)
      effectLine += `; breaks ${broken.length === 1 ? 'pinned case' : `${broken.length} pinned cases`} ${broken
        .slice(0, 3)
        .map((r) => `${r.host}/${r.episode}`)
        .join(', ')}${broken.length > 3 ? ', …' : ''}`;
  } else if (cmp) {
    const b = cmp.counts.baseline;
    const c = cmp.counts.current;
    effectLine = `kept ${b.kept} → ${c.kept}, flagged ${b.flagged} → ${c.flagged} (the baseline has no episodes map, so flips are not named)`;
  }
  const changed = cmp ? cmp.flips.length > 0 || cmp.regressions.length > 0 || cmp.improvements.length > 0 || o.warnings.length > 0 : false;
  let command: string | null = null;
  let commandLabel: string | null = null;
  // fail-on flagged failed on the flagged episodes themselves: a new baseline would accept the
  // regressions and still not release them, so none is offered; the note says what does.
  if (o.acceptCommand && !o.flaggedReason) {
    if (!cmp) {
      // --fail-on flagged gates without a baseline (no flagged episode may be released): telling
      // its user to write one first would send them the wrong way, most of all on a failure.
      if (o.failOn !== 'flagged') command = o.acceptCommand;
      if (command)
        commandLabel = `To gate on this dataset, write a baseline and pass it with ${o.surface === 'action' ? 'the baseline input' : '--baseline'}`;
    } else if (changed || (cause && causeChanged(cause))) {
      command = o.acceptCommand;
      commandLabel = o.acceptRolling ? `${acceptLabel(o.regressions)} ${ROLLING_ACCEPT}` : acceptLabel(o.regressions);
    }
  }
  const notes = leadNotes(o);
  const headline = headlineOf(o, status, cause, folded) + notesText(notes);
  return {
    lead: { status, headline, notes, effect: effectLine, command, commandLabel },
    changes: cmp ? changesOf(cmp) : null,
    cause,
    effect,
    folded,
    explained,
    unexplained,
    warnings: o.warnings,
    improvements: o.improvements,
    failOn: o.failOn,
    failReason: o.failReason,
    baselineName: o.baselineName,
    reportHint: o.reportHint,
    acceptCommand: o.acceptCommand,
    trend: o.trend,
    report: o.report,
    comparison: cmp,
  };
}

/** How a renderer writes the parts of the regressions list, each escaped for its format. */
export interface RegressionFormat {
  cause(text: string): string;
  regression(r: Regression): string;
  /** The title of the renderer's section that lists the episodes that changed verdict. */
  flipsSection: string;
}

/**
 * The regressions list every renderer shows: those the cause explains folded into one item, the
 * other totals and pinned cases one item each, and the other episodes kept → flagged counted in
 * one item (each is listed, with its evidence, among the episodes that changed verdict).
 */
export function regressionItems(m: SummaryModel, f: RegressionFormat): string[] {
  const items: string[] = [];
  if (m.explained.length > 0 && m.cause) {
    const totals = m.explained.filter((r) => r.kind !== 'kept-to-flagged');
    items.push(
      `${m.explained.length} explained by one cause (${f.cause(causeText(m.cause))}), all from the episodes listed under "${f.flipsSection}"` +
        (totals.length ? `: ${totals.map((r) => f.regression(r)).join('; ')}` : ''),
    );
  }
  const named = m.unexplained.filter((r) => r.kind === 'kept-to-flagged').length;
  items.push(
    ...m.unexplained
      .filter((r) => r.kind !== 'kept-to-flagged')
      .sort((a, b) => regressionRank(a) - regressionRank(b))
      .map((r) => f.regression(r)),
  );
  if (named > 0)
    items.push(
      `${named} episode${named === 1 ? '' : 's'} kept in the baseline ${named === 1 ? 'is' : 'are'} now flagged (listed below under "${f.flipsSection}")`,
    );
  return items;
}

/** Whether anything differs from the baseline (used by comment: on-change). */
export function hasChange(m: SummaryModel): boolean {
  const cmp = m.comparison;
  if (!cmp) return m.lead.status === 'failed';
  return (
    cmp.flips.length > 0 ||
    cmp.regressions.length > 0 ||
    cmp.improvements.length > 0 ||
    m.warnings.length > 0 ||
    cmp.added.total > 0 ||
    cmp.vanished.length > 0 ||
    (cmp.settingsChanges?.length ?? 0) > 0
  );
}
