/**
 * What the HTML report shows, apart from how: plain data, no markup. `adapter.ts` builds it from
 * a gate outcome; `render.ts` turns it into one self-contained page. Every string here is data
 * (host and episode ids, sample names, messages) and is escaped by the renderer.
 */
import type { SourceName } from '../../classifier/types.js';
import type { SourceDetail } from '../../gate/episode-detail.js';
import type { SummaryChanges } from '../model.js';

interface HtmlCounts {
  scanned: number;
  kept: number;
  flagged: number;
}

export interface HtmlReportInput {
  /** e.g. "episode-gate 0.1.0". */
  tool: string;
  generatedAt: string;
  /** The index the scan read. */
  dataset: string;
  header: {
    /** failed: the gate failed; warn: passed with regressions not enforced; report-only: no baseline. */
    status: 'passed' | 'failed' | 'warn' | 'report-only';
    /** One line: the verdict. */
    headline: string;
    /** Why it failed (null when it passed). */
    cause: string | null;
    /** The effect of what changed on the verdicts (the summary model's second line), or null. */
    effect: string | null;
    /** The command that accepts the change when it is intended, with what it does; or null. */
    command: { label: string; text: string } | null;
    baseline: string | null;
  };
  /**
   * The whole scan and the whole baseline (on a changed dataset: its episodes map, gone ones
   * included); `matched` the episodes in both, on each side, and `added` the new ones (a changed
   * dataset only, else null).
   */
  counts: {
    current: HtmlCounts;
    baseline: HtmlCounts | null;
    matched: { baseline: HtmlCounts; current: HtmlCounts } | null;
    added: HtmlCounts | null;
  };
  /** What changed in the dataset since the baseline (the summary model's, as the markdown shows it); null unless it changed. */
  changes: SummaryChanges | null;
  /** How many regressions there are, and the list that shows them (some folded into one item). */
  regressions: { total: number; items: string[] };
  improvements: string[];
  /**
   * Flagged episodes per reason, in the whole scan and the whole baseline (null when nothing was
   * compared); on a changed dataset also the new episodes' count and both sides' count among the
   * episodes in both (what the rules judge), else null.
   */
  byReason: Array<{
    reason: string;
    current: number;
    baseline: number | null;
    added: number | null;
    matched: { baseline: number; current: number } | null;
  }>;
  /** On a changed dataset, what the counts and the baseline's counts each cover; null otherwise. */
  countsScope: string | null;
  /** Every host, in report order (the renderer caps the chart and the table). */
  hosts: Array<HtmlCounts & { host: string }>;
  sources: HtmlSourceSpreads[];
  /** Settings that differ from the baseline's (empty when none, or not recorded). */
  settingsChanges: Array<{ key: string; before: number | null; after: number | null }>;
  /** Flipped episodes first, then flagged, at most a cap (see adapter.ts); each with its drill-down. */
  detailed: HtmlEpisode[];
  /** The flipped and flagged episodes beyond the detailed ones, one line each (capped). */
  listed: HtmlEpisodeLine[];
  /** How many flipped or flagged episodes there are beyond `detailed`, listed or not. */
  beyondDetailed: number;
  /** The gate's history, oldest first; empty when there is none. */
  trend: HtmlTrendPoint[];
  /** Where the full JSON report is, when one was written. */
  reportHint: string | null;
}

interface HtmlSourceSpreads {
  source: SourceName;
  threshold: number;
  /** The baseline's threshold when the settings changed it, else null. */
  oldThreshold: number | null;
  /** The spread of every analysed episode whose source had one (signal or flat). */
  spreads: number[];
  signal: number;
  flat: number;
  unknown: number;
}

type HtmlFlip = 'kept-to-flagged' | 'flagged-to-kept' | 'reasons-changed';

export interface HtmlEpisodeLine {
  host: string;
  episode: string;
  verdict: 'kept' | 'flagged';
  reasons: string[];
  flip: HtmlFlip | null;
  /** Reasons in the baseline (flipped episodes only). */
  before: string[] | null;
  /** Python json.dumps of the sample name, as the report holds it. */
  sample: string | null;
}

export interface HtmlEpisode extends HtmlEpisodeLine {
  /** The evidence lines of the report (why the verdict). */
  why: string[];
  /** Per source, with the per-phase values and series; null when not available (see note). */
  sources: Array<HtmlSourceDetail> | null;
  /** Why the per-phase values are not shown, when they are not. */
  note: string | null;
}

/** One telemetry source of a drilled-down episode: what `explain` reads, and which source it is. */
export interface HtmlSourceDetail extends SourceDetail {
  source: SourceName;
}

export interface HtmlTrendPoint {
  /** A date or run label. */
  label: string;
  scanned: number;
  flagged: number;
  /** The gate's decision on the run, when the history recorded it. */
  gate?: 'passed' | 'failed';
}
