/**
 * A report against a baseline: which rules are broken (regressions), what got better
 * (improvements), and everything the summary shows next to them.
 *
 * Rules (each tolerance defaults to 0; null switches that rule off):
 *  - kept falls by more than tolerance.kept_drop. With an `episodes` map, the fall counted is
 *    at least the number of episodes that were kept and are now flagged, so swaps that cancel
 *    out in the totals still fail.
 *  - flagged rises by more than tolerance.flagged_rise.
 *  - the flagged rate rises by more than tolerance.flagged_rate_rise percentage points.
 *  - a reason's count rises by more than tolerance.reasons[reason]; a reason the baseline does
 *    not list counts from zero.
 *  - a pinned case's verdict (and reasons, when given) differs, or its episode is missing.
 *
 * Those rules judge a snapshot: the baseline's episodes, unchanged. When the dataset changed
 * (episodes new, gone or modified against the episodes map), the count rules judge only the
 * episodes in both, and changes.ts / cohort.ts add the rules for the rest (see changing.ts).
 *
 * A baseline's tolerance.warn holds lower levels of the same rules: a change past a warn level
 * but within the fail level is a warning (shown, never failing).
 */
import { ALL_REASONS, type Reason } from '../classifier/types.js';
import { baselineEpisodeMap, checkCase, reportLookup, type Baseline, type CaseResult, type PinnedCase } from './baseline.js';
import { classifyChanges, isSnapshot, type BaselineEntry } from './changes.js';
import { addArrival, arrivalsOf, copyArrivals, type Arrivals } from './cohort.js';
import { judgeChanges, matchedCounts, type ChangeJudgement, type GateMode } from './changing.js';
import { judgeHeld, type HeldAlarm } from './held.js';
import { ConfigError } from '../shared/errors.js';
import { episodeKey, explain, lostTarballs, type Counts, type Report, type ReportEpisode } from './report.js';
import { diffSettings, type SettingChange } from './settings.js';
import { plural } from '../shared/text.js';

export interface Regression {
  kind: string;
  message: string;
  /**
   * The message without its list of episodes (the hosts instead), for the places that have one
   * line: the headline, the status line, the Action's error. The message keeps the list.
   */
  brief?: string;
  host?: string;
  episode?: string;
}

interface ReasonRow {
  reason: string;
  baseline: number;
  current: number;
  /** False when the baseline does not list the reason (it counts from zero). */
  inBaseline: boolean;
  tolerance: number | null;
  regression: boolean;
}

type FlipKind = 'kept-to-flagged' | 'flagged-to-kept' | 'reasons-changed';

export interface Flip {
  host: string;
  episode: string;
  kind: FlipKind;
  before: Reason[];
  after: Reason[];
  /** The evidence lines that decided the new verdict. */
  why: string[];
}

interface EffectiveTolerance {
  kept_drop: number | null;
  flagged_rise: number | null;
  flagged_rate_rise: number | null;
  reasons: Record<string, number | null>;
  /** Warn levels (null or absent: no warning for that rule). */
  warn: {
    kept_drop: number | null;
    flagged_rise: number | null;
    flagged_rate_rise: number | null;
    reasons: Record<string, number | null>;
  };
}

export interface Comparison {
  baselineName: string;
  counts: { baseline: Counts; current: Counts };
  /** Flagged as a percentage of scanned. */
  flaggedRate: { baseline: number; current: number };
  /** The fall of kept that the kept_drop rule judged (totals, or kept → flagged flips if more). */
  keptDrop: number;
  tolerance: EffectiveTolerance;
  reasons: ReasonRow[];
  cases: CaseResult[];
  hasEpisodeMap: boolean;
  /** Episodes whose verdict or reasons differ from the baseline's episodes map, in report order. */
  flips: Flip[];
  /** Episodes in the baseline's map that this dataset does not have. */
  vanished: Array<{ host: string; episode: string; before: Reason[] }>;
  /** Episodes this dataset has that the baseline's map does not. */
  added: { total: number; flagged: number };
  regressions: Regression[];
  /** Changes past a warn level but within the fail level: shown, never failing. */
  warnings: Regression[];
  improvements: Regression[];
  /** The tool versions, when the baseline records its own and it differs; null otherwise. */
  toolVersionChange: { before: string; after: string } | null;
  /** null when the baseline does not record the settings it was made with. */
  settingsChanges: SettingChange[] | null;
  /** null when the baseline does not record the dataset fingerprint. */
  datasetChanged: boolean | null;
  /** Which rules judged the run, and one line saying why. */
  mode: GateMode;
  modeWhy: string;
  /** The four classes and the cohort (null without an episodes map). */
  changes: ChangeJudgement | null;
  /** Held alarms of a failed run still standing (their episodes still new and flagged). */
  held: HeldAlarm[];
  /**
   * Per host, the episodes as first judged after this run (the baseline's arrivals, or its
   * episodes, plus the new ones): what the next rolling baseline carries. null without an episodes map.
   */
  arrivals: Arrivals | null;
}

const EPS = 1e-9;

function flaggedRate(c: Counts): number {
  return c.scanned === 0 ? 0 : (c.flagged * 100) / c.scanned;
}

function signed(n: number, digits = 0): string {
  const s = digits > 0 ? Math.abs(n).toFixed(digits) : String(Math.abs(n));
  return n > 0 ? `+${s}` : n < 0 ? `-${s}` : digits > 0 ? (0).toFixed(digits) : '0';
}

function tolText(t: number | null): string {
  return t === null ? 'not checked' : `tolerance ${t}`;
}

interface Scoped {
  counts: Counts;
  by_reason: Record<string, number>;
  cases: PinnedCase[];
  episodes: Map<string, BaselineEntry> | null;
  /** The baseline's arrivals for these hosts (null: none recorded, or not for these reasons). */
  arrivals: Arrivals | null;
}

/** The part of the baseline that covers the hosts this report scanned. */
function scope(b: Baseline, report: Report, name: string): Scoped {
  const s = hostScope(b, report, name);
  const bReasons = b.generated_from?.reasons ?? null;
  const rReasons = report.dataset.reasons;
  const key = (r: readonly string[] | null): string => (r ? [...r].sort().join(',') : '*');
  if (key(bReasons) === key(rReasons)) return s;
  if (bReasons !== null || !s.episodes) {
    throw new ConfigError(
      `${name}: the baseline counts ${bReasons ? `the reasons ${bReasons.join(', ')}` : 'every reason'} but this run counts ${rReasons ? rReasons.join(', ') : 'every reason'}; run with the same --reason, or make a baseline with it with "episode-gate baseline"`,
    );
  }
  // A run that counts some reasons, against a baseline of all: the baseline's episodes as that run
  // would have judged them (only the selected reasons flag; unreadable always does).
  const selected = new Set<string>(rReasons!);
  const project = (rs: readonly Reason[]): Reason[] => rs.filter((r) => r === 'unreadable' || selected.has(r));
  const episodes = new Map<string, BaselineEntry>();
  const counts: Counts = { scanned: 0, kept: 0, flagged: 0 };
  const byReason: Record<string, number> = {};
  for (const [k, e] of s.episodes) {
    const rs = project(e.reasons);
    episodes.set(k, { ...e, reasons: rs });
    counts.scanned++;
    counts[rs.length === 0 ? 'kept' : 'flagged']++;
    for (const r of rs) byReason[r] = (byReason[r] ?? 0) + 1;
  }
  const cases = s.cases.map((c): PinnedCase => {
    if (!c.reasons) return c;
    const rs = project(c.reasons);
    return rs.length === 0
      ? { name: c.name, host: c.host, episode: c.episode, expect: 'kept', ...(c.note ? { note: c.note } : {}) }
      : { ...c, reasons: rs };
  });
  // Arrivals count flagged episodes by all reasons; they cannot be projected onto fewer.
  return { counts, by_reason: byReason, cases, episodes, arrivals: null };
}

function hostScope(b: Baseline, report: Report, name: string): Scoped {
  const bHost = b.generated_from?.host ?? null;
  const rHost = report.dataset.host;
  const all = baselineEpisodeMap(b);
  if (bHost === rHost) return { counts: b.counts, by_reason: b.by_reason, cases: b.cases, episodes: all, arrivals: b.arrivals ?? null };
  if (rHost !== null && bHost === null && all) {
    const prefix = `${rHost}/`;
    const episodes = new Map<string, BaselineEntry>();
    const counts: Counts = { scanned: 0, kept: 0, flagged: 0 };
    const byReason: Record<string, number> = {};
    for (const [k, e] of all) {
      if (!k.startsWith(prefix)) continue;
      episodes.set(k, e);
      const rs = e.reasons;
      counts.scanned++;
      counts[rs.length === 0 ? 'kept' : 'flagged']++;
      for (const r of rs) byReason[r] = (byReason[r] ?? 0) + 1;
    }
    const arrivals = b.arrivals ? copyArrivals(Object.hasOwn(b.arrivals, rHost) ? { [rHost]: b.arrivals[rHost]! } : {}) : null;
    return { counts, by_reason: byReason, cases: b.cases.filter((c) => c.host === rHost), episodes, arrivals };
  }
  const what = (h: string | null): string => (h === null ? 'all hosts' : `host ${h}`);
  throw new ConfigError(
    `${name}: the baseline covers ${what(bHost)} but this run scanned ${what(rHost)}; scan the same hosts, or make a baseline for them with "episode-gate baseline"`,
  );
}

function tolerance(b: Baseline): EffectiveTolerance {
  const t = b.tolerance ?? {};
  const reasons: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(t.reasons ?? {})) reasons[k] = v ?? null;
  const w = t.warn ?? {};
  const warnReasons: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(w.reasons ?? {})) warnReasons[k] = v ?? null;
  return {
    kept_drop: t.kept_drop === undefined ? 0 : t.kept_drop,
    flagged_rise: t.flagged_rise === undefined ? 0 : t.flagged_rise,
    flagged_rate_rise: t.flagged_rate_rise === undefined ? 0 : t.flagged_rate_rise,
    reasons,
    warn: {
      kept_drop: w.kept_drop ?? null,
      flagged_rise: w.flagged_rise ?? null,
      flagged_rate_rise: w.flagged_rate_rise ?? null,
      reasons: warnReasons,
    },
  };
}

function verdictOf(reasons: readonly Reason[]): string {
  return reasons.length === 0 ? 'kept' : `flagged (${reasons.join(', ')})`;
}

function sameList(a: readonly Reason[], b: readonly Reason[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

/**
 * Index rows that list an episode whose tarball is missing, and that the baseline did not list
 * missing: a host whose episodes never arrived. A baseline episode whose tarball went missing is
 * gone (changing.ts), not counted here. Applies only where the baseline records its missing rows.
 */
function newlyMissing(
  report: Report,
  baseline: Baseline,
  episodes: ReadonlyMap<string, BaselineEntry> | null,
): { item: Regression; fails: boolean } | null {
  if (!baseline.missing_tarballs) return null;
  const before = new Set(baseline.missing_tarballs);
  const seen = new Set<string>();
  // Rows an unfinished prune has already emptied are pruned episodes, not tarballs that never came.
  const rows = lostTarballs(report).filter((m) => {
    const key = episodeKey(m.host, m.episode);
    if (before.has(key) || episodes?.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return null;
  const t = baseline.tolerance?.missing_new === undefined ? 0 : baseline.tolerance.missing_new;
  const byHost = new Map<string, number>();
  for (const r of rows) byHost.set(r.host, (byHost.get(r.host) ?? 0) + 1);
  const hosts = [...byHost].map(([h, n]) => `${h} ${n}`).join(', ');
  const shown = rows.slice(0, 10).map((r) => `${r.host}/${r.episode}`);
  const more = rows.length > shown.length ? `, … ${rows.length - shown.length} more` : '';
  const statement = `${plural(rows.length, 'index row')} new since the baseline ${rows.length === 1 ? 'lists an episode whose' : 'list episodes whose'} tarball is missing`;
  const message = `${statement} (${hosts}; ${t === null ? 'not checked' : `tolerance ${t}`}, tolerance.missing_new): ${shown.join(', ')}${more}`;
  return { item: { kind: 'missing-new', message, brief: `${statement} (${hosts})` }, fails: t !== null && rows.length > t };
}

/** `held`: a failed run's rejected new-cohort alarms, judged until accepted (held.ts). */
export function compare(report: Report, baseline: Baseline, baselineName: string, held: readonly HeldAlarm[] = []): Comparison {
  const s = scope(baseline, report, baselineName);
  const tol = tolerance(baseline);
  const classes = s.episodes ? classifyChanges(report, s.episodes) : null;
  const changing = classes !== null && !isSnapshot(classes);
  // A changed dataset: the count rules judge the episodes in both, so new and gone ones do not move them.
  const matched = changing ? matchedCounts(report, s.episodes!, classes.matched) : null;
  const cur = matched?.current ?? report.counts;
  const base = matched?.baseline ?? s.counts;
  const curByReason = matched?.currentByReason ?? report.by_reason;
  const baseByReason = matched?.baselineByReason ?? s.by_reason;
  const regressions: Regression[] = [];
  const improvements: Regression[] = [];
  const warnings: Regression[] = [];
  /** A change within the fail level but past the warn level becomes a warning. */
  const warnIf = (change: number, level: number | null, kind: string, message: string): void => {
    if (level !== null && change > level + EPS) warnings.push({ kind, message: `${message} (warn level ${level})` });
  };

  // Pinned cases: the most specific promises come first.
  const lookup = reportLookup(report);
  const cases = s.cases.map((c) => checkCase(c, lookup, report));
  for (const r of cases) {
    if (r.pass) continue;
    regressions.push({
      kind: r.got === 'missing' ? 'pinned-missing' : 'pinned-case',
      message: `pinned case "${r.case.name}" (${r.case.host}/${r.case.episode}): ${r.detail}`,
      host: r.case.host,
      episode: r.case.episode,
    });
  }

  // Per-episode changes against the episodes map.
  const flips: Flip[] = [];
  const vanished: Comparison['vanished'] = [];
  const added = { total: 0, flagged: 0 };
  if (s.episodes) {
    const seen = new Set<string>();
    for (const ep of report.episodes) {
      const key = episodeKey(ep.host, ep.episode);
      if (seen.has(key)) continue;
      seen.add(key);
      const before = s.episodes.get(key)?.reasons;
      if (before === undefined) {
        added.total++;
        if (ep.verdict === 'flagged') added.flagged++;
        continue;
      }
      const flip = flipOf(ep, before);
      if (flip) flips.push(flip);
    }
    for (const [key, e] of s.episodes) {
      if (seen.has(key)) continue;
      const [host, episode] = key.split('/') as [string, string];
      vanished.push({ host, episode, before: e.reasons });
    }
  }
  const keptToFlagged = flips.filter((f) => f.kind === 'kept-to-flagged');
  // Named episodes come after the count rules, so the first lines say how much changed.
  const perEpisode: Regression[] = [];

  // kept
  const totalDrop = base.kept - cur.kept;
  const keptDrop = Math.max(totalDrop, keptToFlagged.length);
  if (tol.kept_drop !== null && keptDrop > tol.kept_drop) {
    const message =
      totalDrop >= keptToFlagged.length
        ? `kept ${base.kept} → ${cur.kept} (${signed(-totalDrop)}, ${tolText(tol.kept_drop)})`
        : `kept ${base.kept} → ${cur.kept}, but ${plural(keptToFlagged.length, 'episode')} kept in the baseline ${keptToFlagged.length === 1 ? 'is' : 'are'} now flagged (${tolText(tol.kept_drop)})`;
    regressions.push({ kind: 'kept-drop', message });
    for (const f of keptToFlagged) {
      perEpisode.push({
        kind: 'kept-to-flagged',
        message: `${f.host}/${f.episode}: kept → ${verdictOf(f.after)}${f.why.length ? `: ${f.why.join('; ')}` : ''}`,
        host: f.host,
        episode: f.episode,
      });
    }
  } else {
    warnIf(keptDrop, tol.warn.kept_drop, 'kept-drop', `kept ${base.kept} → ${cur.kept} (${signed(-totalDrop)})`);
  }
  if (cur.kept > base.kept && !(tol.kept_drop !== null && keptDrop > tol.kept_drop)) {
    improvements.push({ kind: 'kept-rise', message: `kept ${base.kept} → ${cur.kept} (${signed(cur.kept - base.kept)})` });
  }

  // flagged
  const rise = cur.flagged - base.flagged;
  if (tol.flagged_rise !== null && rise > tol.flagged_rise) {
    regressions.push({
      kind: 'flagged-rise',
      message: `flagged ${base.flagged} → ${cur.flagged} (${signed(rise)}, ${tolText(tol.flagged_rise)})`,
    });
  } else {
    warnIf(rise, tol.warn.flagged_rise, 'flagged-rise', `flagged ${base.flagged} → ${cur.flagged} (${signed(rise)})`);
  }
  const rate = { baseline: flaggedRate(base), current: flaggedRate(cur) };
  const rateRise = rate.current - rate.baseline;
  if (tol.flagged_rate_rise !== null && rateRise > tol.flagged_rate_rise + EPS) {
    regressions.push({
      kind: 'flagged-rate-rise',
      message: `flagged rate ${rate.baseline.toFixed(2)}% → ${rate.current.toFixed(2)}% (${signed(rateRise, 2)} pp, ${tolText(tol.flagged_rate_rise)} pp)`,
    });
  } else {
    warnIf(
      rateRise,
      tol.warn.flagged_rate_rise,
      'flagged-rate-rise',
      `flagged rate ${rate.baseline.toFixed(2)}% → ${rate.current.toFixed(2)}% (${signed(rateRise, 2)} pp)`,
    );
  }
  if (rise < 0) improvements.push({ kind: 'flagged-fall', message: `flagged ${base.flagged} → ${cur.flagged} (${signed(rise)})` });

  // reasons: the known ones in their order, then any other the baseline or report names.
  const names = [...new Set<string>([...ALL_REASONS, ...Object.keys(baseByReason), ...Object.keys(curByReason)])];
  const reasons: ReasonRow[] = names.map((reason) => {
    // Listed by the baseline file (a count of 0 included), or counted from its episodes: the
    // counts of a changed dataset or of one host leave out reasons no episode has.
    const inBaseline = Object.hasOwn(baseline.by_reason, reason) || Object.hasOwn(baseByReason, reason);
    const b = baseByReason[reason] ?? 0;
    const c = curByReason[reason] ?? 0;
    const t = Object.hasOwn(tol.reasons, reason) ? tol.reasons[reason]! : 0;
    const regression = t !== null && c - b > t;
    if (regression) {
      regressions.push({
        kind: 'reason-rise',
        message: `${reason} ${b} → ${c} (${signed(c - b)}, ${tolText(t)})${inBaseline ? '' : '; the baseline does not list it, so it counts from 0'}`,
      });
    } else {
      const w = Object.hasOwn(tol.warn.reasons, reason) ? tol.warn.reasons[reason]! : null;
      warnIf(c - b, w, 'reason-rise', `${reason} ${b} → ${c} (${signed(c - b)})`);
    }
    if (!regression && c < b) {
      improvements.push({ kind: 'reason-fall', message: `${reason} ${b} → ${c} (${signed(c - b)})` });
    }
    return { reason, baseline: b, current: c, inBaseline, tolerance: t, regression };
  });

  regressions.push(...perEpisode);
  const judged = classes ? judgeChanges(classes, s.episodes!, baseline.tolerance ?? {}, changing, s.arrivals) : null;
  if (judged) regressions.push(...judged.regressions);
  let stillHeld: HeldAlarm[] = [];
  if (classes && held.length > 0) {
    const h = judgeHeld(held, report, new Set(classes.added.map((e) => `${e.host}/${e.episode}`)));
    regressions.push(...h.regressions);
    stillHeld = h.still;
  }
  const missing = newlyMissing(report, baseline, s.episodes);
  if (missing) (missing.fails ? regressions : warnings).push(missing.item);
  for (const f of flips) {
    if (f.kind !== 'flagged-to-kept') continue;
    improvements.push({
      kind: 'flagged-to-kept',
      message: `${f.host}/${f.episode}: ${verdictOf(f.before)} → kept${f.why.length ? `: ${f.why.join('; ')}` : ''}`,
      host: f.host,
      episode: f.episode,
    });
  }

  const origin = baseline.generated_from;
  return {
    baselineName,
    held: stillHeld,
    counts: { baseline: base, current: cur },
    flaggedRate: rate,
    keptDrop,
    tolerance: tol,
    reasons,
    cases,
    hasEpisodeMap: s.episodes !== null,
    flips,
    vanished,
    added,
    regressions,
    warnings,
    improvements,
    toolVersionChange:
      origin?.tool_version && origin.tool_version !== report.tool.version
        ? { before: origin.tool_version, after: report.tool.version }
        : null,
    settingsChanges: origin?.settings ? diffSettings(origin.settings, report.settings as unknown as Record<string, number>) : null,
    // A run over one host of a whole-dataset baseline fingerprints that host's part only: whether
    // its data changed is then what the episodes map says (new, gone or modified episodes).
    datasetChanged:
      (origin?.host ?? null) !== report.dataset.host
        ? classes
          ? changing
          : null
        : origin?.dataset_fingerprint
          ? origin.dataset_fingerprint !== report.dataset.fingerprint
          : null,
    ...modeOf(judged),
    changes: judged,
    arrivals: classes ? arrivalsAfter(s, classes.added) : null,
  };
}

/** The arrivals after this run: the baseline's (or its episodes, as judged then), and the new episodes as judged now. */
function arrivalsAfter(s: Scoped, added: readonly ReportEpisode[]): Arrivals {
  const a = copyArrivals(s.arrivals ?? arrivalsOf(s.episodes!));
  for (const ep of added) addArrival(a, ep.host, ep.reasons);
  return copyArrivals(a);
}

function modeOf(j: ChangeJudgement | null): { mode: GateMode; modeWhy: string } {
  if (!j) {
    return {
      mode: 'counts',
      modeWhy: 'the baseline has no episodes map, so new, gone and modified episodes cannot be told apart; the totals are judged',
    };
  }
  return { mode: j.mode, modeWhy: j.why };
}

function flipOf(ep: ReportEpisode, before: Reason[]): Flip | null {
  const wasKept = before.length === 0;
  const isKept = ep.verdict === 'kept';
  let kind: FlipKind;
  if (wasKept && !isKept) kind = 'kept-to-flagged';
  else if (!wasKept && isKept) kind = 'flagged-to-kept';
  else if (!sameList(before, ep.reasons)) kind = 'reasons-changed';
  else return null;
  return { host: ep.host, episode: ep.episode, kind, before, after: ep.reasons, why: explain(ep) };
}
