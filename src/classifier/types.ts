/** The classifier's domain: rows in, verdict and evidence out. */
import { NotDict, type Row, type RowDict } from '../py/row.js';
import type { Columns } from '../py/columns.js';

export { NotDict, type Row, type RowDict };

/** The rows of one JSONL member, with the line each came from (for error details). */
export interface SourceRows {
  /** The tar member the rows came from; null when the episode has no such member. */
  member: string | null;
  rows: Row[];
  lineNos: number[];
}

/** The fields the classifier reads of a JSONL member, stored as columns (src/py/columns.ts). */
export interface SourceColumns {
  member: string | null;
  columns: Columns;
}

/** A member as rows or, when the reader could store it so exactly, as columns. */
export type SourceData = SourceRows | SourceColumns;

export function isColumns(src: SourceData): src is SourceColumns {
  return 'columns' in src;
}

/** What the classifier reads of one episode: the seven members, parsed. */
export interface EpisodeRows {
  /** meta.json; null when absent (the reference then uses {}). */
  meta: { member: string; row: Row } | null;
  events: SourceRows;
  proc: SourceData;
  labels: SourceData;
  netflow: SourceData;
  qmp: SourceData;
  guest: SourceData;
}

/** The reference's reasons, in its `_REASONS` order (the order of by_reason). */
export const REFERENCE_REASONS = ['no-sample', 'no-workload-events', 'workload-failed', 'workload-silent', 'flat-cpu'] as const;
/** Every reason the project reports: the reference's five plus `unreadable`. */
export const ALL_REASONS = [...REFERENCE_REASONS, 'unreadable'] as const;
export type Reason = (typeof ALL_REASONS)[number];

export function isReason(s: string): s is Reason {
  return (ALL_REASONS as readonly string[]).includes(s);
}

export const SOURCE_NAMES = ['proc', 'netflow', 'qmp', 'guest'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
/** signal: the source distinguishes phases; flat: it has rows but does not; unknown: no data. */
export type SourceStatus = 'signal' | 'flat' | 'unknown';

export interface PhaseValue {
  phase: string;
  /** Median CPU% / total bytes / byte delta / median load for this phase. */
  value: number;
  /** Samples that went into the value. */
  samples: number;
}

export interface SourceEvidence {
  status: SourceStatus;
  /** Rows in the member. */
  rows: number;
  /** Samples that entered a per-phase value. */
  used: number;
  phases: PhaseValue[];
  /** max - min of the per-phase values; null when not computed. */
  spread: number | null;
  threshold: number;
  /** One line that says why, e.g. "netflow spread 12.0 KiB < 50.0 KiB". */
  why: string;
}

export type ProbeFinding = 'silent' | 'not-silent' | 'no-probe';

export interface Evidence {
  /** Member names the reader took, per suffix (null = absent). */
  members: Record<string, string | null>;
  workloadEvents: number;
  workloadFailed: boolean;
  /** The dormant workload_killed probe: yes == "0" means silent. */
  probe: ProbeFinding;
  labels: number;
  /** Label phases in file order (str() of each phase value). */
  phases: string[];
  /** Per-source flatness evidence; null when there were no labels (no flatness analysis). */
  sources: Record<SourceName, SourceEvidence> | null;
}

export interface Verdict {
  /** In the order the reference appends them; ["unreadable"] alone for unreadable episodes. */
  reasons: Reason[];
  /** Python json.dumps of meta.sample.name, or null when it is None. */
  sampleJson: string | null;
  /** Python json.dumps of meta.exploit.module_name, or null when it is None. */
  moduleJson: string | null;
  /** One-line detail when unreadable: member, line, what. */
  unreadable: string | null;
  evidence: Evidence | null;
}

/** The classifier's knobs; the defaults are the reference's. */
export interface ClassifierSettings {
  /** /proc: per-phase median CPU% spread that counts as signal (percentage points). */
  procSpreadPct: number;
  /** netflow: per-phase byte-total spread that counts as signal. */
  netflowSpreadBytes: number;
  /** qmp: per-phase blockstats delta spread that counts as signal. */
  qmpSpreadBytes: number;
  /** guest: per-phase median load_1m spread that counts as signal. */
  guestSpreadLoad: number;
  /** Kernel clock ticks per second for the jiffies counters (os.sysconf("SC_CLK_TCK")). */
  clkTck: number;
}

export const DEFAULT_CLASSIFIER_SETTINGS: Readonly<ClassifierSettings> = Object.freeze({
  procSpreadPct: 5.0,
  netflowSpreadBytes: 50 * 1024,
  qmpSpreadBytes: 100 * 1024,
  guestSpreadLoad: 0.1,
  clkTck: 100,
});
