/**
 * The JSON report of one scan: every episode with its verdict, reasons and compact evidence,
 * the totals, what was not scanned, and what the verdicts depended on (tool version,
 * classifier settings and their hash, a fingerprint of the dataset). Versioned; documented by
 * schema/report.schema.json.
 */
import type { HeldAlarm } from './held.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ALL_REASONS,
  SOURCE_NAMES,
  isReason,
  type ProbeFinding,
  type Reason,
  type SourceName,
  type SourceStatus,
  type Verdict,
} from '../classifier/types.js';
import type { EpisodeResult, ScanResult } from '../dataset/scan.js';
import type { Shard } from '../dataset/shard.js';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import type { Arrivals } from './cohort.js';
import type { GateSettings } from './settings.js';
import { showValue } from '../shared/text.js';
import { writeFileAtomic } from '../shared/write-file.js';

const REPORT_VERSION = 1;

export type VerdictName = 'kept' | 'flagged';

export interface Counts {
  scanned: number;
  kept: number;
  flagged: number;
}

export interface ReportSourceEvidence {
  status: SourceStatus;
  spread: number | null;
  threshold: number;
  /** One line, e.g. "netflow spread 12.0 KiB < 50.0 KiB". */
  why: string;
}

interface ReportEvidence {
  probe: ProbeFinding;
  workload_events: number;
  workload_failed: boolean;
  labels: number;
  /** null when the episode had no labels (no flatness analysis). */
  sources: Record<SourceName, ReportSourceEvidence> | null;
}

export interface ReportEpisode {
  host: string;
  episode: string;
  /** Line of index.jsonl. */
  line: number;
  size_bytes: number;
  /**
   * Hex sha256 of the tarball's bytes as classified: the episode's identity by content (null when
   * it could not be read; absent from reports written before digests were recorded).
   */
  sha256?: string | null;
  verdict: VerdictName;
  reasons: Reason[];
  /** Python json.dumps of meta.sample.name (as the reference prints it), or null. */
  sample: string | null;
  module: string | null;
  /** One-line detail when the episode could not be read. */
  unreadable: string | null;
  evidence: ReportEvidence | null;
}

type SourceTally = Record<SourceStatus, number>;

/** Which part of the dataset a partial report covers (absent from a whole report). */
export interface ReportShard {
  /** K of K/N, 1-based. */
  index: number;
  /** N of K/N. */
  count: number;
  /** Rows the whole index accounts for (scanned + tarball missing + skipped lines), over all shards. */
  index_rows: number;
}

export interface Report {
  report_version: typeof REPORT_VERSION;
  tool: { name: 'episode-gate'; version: string };
  generated_at: string;
  dataset: {
    index: string;
    episodes_root: string;
    /** Only this host was scanned (null: all). */
    host: string | null;
    /** Only these reasons flag (null: all); unreadable always flags. */
    reasons: Reason[] | null;
    /** sha256 over index.jsonl and every tarball it lists (host/episode/size), in every shard alike. */
    fingerprint: string;
    /**
     * The journal of an interrupted cis490-prune of this index, present only when one was there
     * as the scan ended: the dataset was caught between two states (moved tarballs still listed).
     */
    prune_journal?: string;
  };
  /** Present only in the report of one shard (`scan --shard K/N`): then every list and count below is that shard's. */
  shard?: ReportShard;
  settings: GateSettings;
  settings_hash: string;
  settings_file: string | null;
  settings_overrides: Partial<GateSettings>;
  counts: Counts;
  /** Flagged episodes per reason (an episode with two reasons counts under both). */
  by_reason: Record<string, number>;
  /** How often each telemetry source had signal, was flat or had no data, over analysed episodes. */
  sources: { analysed: number } & Record<SourceName, SourceTally>;
  hosts: Record<string, Counts>;
  /**
   * Index rows whose tarball is not there. `pruning`: an interrupted cis490-prune (dataset.prune_journal)
   * has already archived or deleted it, and drops the row when it is finished: pruned, not lost.
   */
  missing_tarballs: Array<{ line: number; host: string; episode: string; path: string; pruning?: true }>;
  index_problems: Array<{ line: number; kind: string; detail: string }>;
  totals: { compressed_bytes: number; decompressed_bytes: number; elapsed_ms: number };
  episodes: ReportEpisode[];
  /**
   * How the run was judged against its baseline (absent when none was given): the four classes
   * with the full sorted id lists, and the new-episode cohort's tests. Written by a gate, never by
   * a scan alone.
   */
  comparison?: ReportComparison;
  /** The gate's decision on this run (written by check, merge and the Action, never by scan). */
  gate?: ReportGate;
}

export interface ReportGate {
  passed: boolean;
  /** The run's --fail-on (fail-on: input): regression, flagged or never. */
  fail_on: 'regression' | 'flagged' | 'never';
  /** Why it failed, in one line (null when it passed). */
  fail_reason: string | null;
}

/** Flagged among n, and the rate in percent (rounded to 0.01). */
export interface ReportTally {
  n: number;
  flagged: number;
  rate_pct: number;
}

interface ReportCohortTest {
  /** null: every host. */
  host: string | null;
  /** null: flagged for any reason. */
  reason: Reason | null;
  cohort: ReportTally;
  baseline: ReportTally;
  /** The host is new: its cohort is compared with every host's baseline rate. */
  baseline_all_hosts: boolean;
  /** One-sided exact test p-value of the cohort's rate being no higher than the baseline's. */
  p: number;
  /** The p-value this test had to reach under Holm's correction at the confidence. */
  threshold: number | null;
  alarm: boolean;
}

interface ReportCohort {
  /** What the cohort is compared with: arrivals (episodes as first judged) or the baseline's episodes. */
  against: 'arrivals' | 'episodes';
  /** null: the cohort rule is off. */
  confidence: number | null;
  min_size: number;
  margin_pp: number;
  cohort: ReportTally;
  baseline: ReportTally;
  /** Why the cohort was not tested, when it was not. */
  not_judged: string | null;
  tests: ReportCohortTest[];
  /** Each host of the baseline or the cohort: its new episodes against its baseline episodes. */
  hosts: Array<{ host: string; cohort: ReportTally; baseline: ReportTally }>;
}

export interface ReportComparison {
  /** The baseline as named in messages. */
  baseline: string;
  /** A failed run's new-cohort alarms still standing (held.ts); absent when none. */
  held?: HeldAlarm[];
  /** snapshot: the baseline's episodes, unchanged; changing: the four classes judged; counts: the baseline has no episodes map. */
  mode: 'snapshot' | 'changing' | 'counts';
  /** One line: which rules judged the run and why. */
  why: string;
  regressions: number;
  /** null in counts mode (no episodes map to sort against). */
  classes: {
    unchanged: number;
    modified: number;
    new: number;
    gone: number;
    /** The baseline records no digests: modified episodes cannot be told from unchanged ones. */
    by_id_only: boolean;
    /** "host/episode", sorted; every one, not a capped list. */
    modified_ids: string[];
    new_ids: string[];
    gone_ids: string[];
    /** Baseline episodes whose index row is still here but whose tarball is missing (not in gone). */
    missing_tarball_ids?: string[];
  } | null;
  /** The new episodes' cohort (null when nothing is new or in a snapshot). */
  cohort: ReportCohort | null;
  /**
   * Per host, the episodes as first judged, after this run: the baseline's arrivals (or its
   * episodes) plus this run's new episodes. A baseline made from this report carries them.
   * Absent in counts mode and in reports written before it was recorded.
   */
  arrivals?: Arrivals;
}

/** Index rows whose tarball is lost: missing, and not archived or deleted by an unfinished prune. */
export function lostTarballs(report: Pick<Report, 'missing_tarballs'>): Report['missing_tarballs'] {
  return report.missing_tarballs.filter((m) => !m.pruning);
}

export function episodeKey(host: string, episode: string): string {
  return `${host}/${episode}`;
}

/** The verdict without what the report does not keep (per-phase values, member names). */
export function compactVerdict(v: Verdict): Verdict {
  if (!v.evidence?.sources) return v;
  const sources = { ...v.evidence.sources };
  for (const name of SOURCE_NAMES) sources[name] = { ...sources[name], phases: [] };
  return { ...v, evidence: { ...v.evidence, members: {}, phases: [], sources } };
}

function reportEvidence(v: Verdict): ReportEvidence | null {
  const ev = v.evidence;
  if (!ev) return null;
  let sources: Record<SourceName, ReportSourceEvidence> | null = null;
  if (ev.sources) {
    sources = {} as Record<SourceName, ReportSourceEvidence>;
    for (const name of SOURCE_NAMES) {
      const s = ev.sources[name];
      sources[name] = { status: s.status, spread: s.spread, threshold: s.threshold, why: s.why };
    }
  }
  return { probe: ev.probe, workload_events: ev.workloadEvents, workload_failed: ev.workloadFailed, labels: ev.labels, sources };
}

function reportEpisode(r: EpisodeResult, selected: ReadonlySet<Reason> | null): ReportEpisode {
  const v = r.verdict;
  const reasons = selected ? v.reasons.filter((x) => x === 'unreadable' || selected.has(x)) : [...v.reasons];
  return {
    host: r.host,
    episode: r.episode,
    line: r.line,
    size_bytes: r.sizeBytes,
    sha256: r.sha256,
    verdict: reasons.length === 0 ? 'kept' : 'flagged',
    reasons,
    sample: v.sampleJson,
    module: v.moduleJson,
    unreadable: v.unreadable,
    evidence: reportEvidence(v),
  };
}

/** The lines that explain an episode's verdict, most decisive first. */
export function explain(ep: ReportEpisode): string[] {
  if (ep.unreadable) return [`unreadable: ${ep.unreadable}`];
  const out: string[] = [];
  const has = (r: Reason): boolean => ep.reasons.includes(r);
  if (has('no-sample')) out.push('meta.sample is null');
  if (has('no-workload-events')) out.push('no workload_* events');
  if (has('workload-failed')) out.push('a workload_failed event');
  const ev = ep.evidence;
  if (ev?.sources) {
    for (const name of SOURCE_NAMES) out.push(ev.sources[name].why);
  } else if (ev) {
    out.push('no labels: flatness not analysed');
  }
  if (has('workload-silent')) out.push('dormant kill probe saw yes="0"');
  return out;
}

/** counts, by_reason and hosts, counted from the episodes (what a report's totals must say). */
function tallyEpisodes(episodes: ReadonlyArray<Pick<ReportEpisode, 'host' | 'verdict' | 'reasons'>>): {
  counts: Counts;
  byReason: Record<string, number>;
  hosts: Record<string, Counts>;
} {
  const counts: Counts = { scanned: episodes.length, kept: 0, flagged: 0 };
  const byReason = emptyByReason();
  const hosts: Record<string, Counts> = {};
  for (const ep of episodes) {
    const h = (hosts[ep.host] ??= { scanned: 0, kept: 0, flagged: 0 });
    h.scanned++;
    counts[ep.verdict]++;
    h[ep.verdict]++;
    for (const r of ep.reasons) byReason[r] = (byReason[r] ?? 0) + 1;
  }
  return { counts, byReason, hosts };
}

/**
 * The first way a report's totals contradict its own episodes (null: they agree). A report is
 * written whole by a scan or a merge, so a contradiction means it was edited or damaged, and
 * gating its totals would judge numbers no scan produced.
 */
function totalsContradiction(doc: Pick<Report, 'counts' | 'by_reason' | 'hosts' | 'episodes'>): string | null {
  const t = tallyEpisodes(doc.episodes);
  const n = doc.episodes.length;
  const plural = (k: number, one: string): string => `${k} ${one}${k === 1 ? '' : 's'}`;
  for (const k of ['scanned', 'kept', 'flagged'] as const) {
    if (doc.counts[k] !== t.counts[k])
      return `counts.${k} is ${doc.counts[k]}, but its ${plural(n, 'episode')} ${k === 'scanned' ? 'number' : 'hold'} ${t.counts[k]}${k === 'scanned' ? '' : ` ${k}`}`;
  }
  for (const r of new Set([...Object.keys(doc.by_reason), ...Object.keys(t.byReason)])) {
    const said = doc.by_reason[r] ?? 0;
    const has = t.byReason[r] ?? 0;
    if (said !== has) return `by_reason["${r}"] is ${said}, but ${plural(has, 'episode')} carry that reason`;
  }
  for (const h of new Set([...Object.keys(doc.hosts), ...Object.keys(t.hosts)])) {
    const said = doc.hosts[h];
    const has = t.hosts[h];
    if (!has) return `hosts["${h}"] is listed, but no episode is on that host`;
    if (!isObj(said)) return `hosts["${h}"] is missing, but ${plural(has.scanned, 'episode')} are on that host`;
    for (const k of ['scanned', 'kept', 'flagged'] as const) {
      if (said[k] !== has[k]) return `hosts["${h}"].${k} is ${showValue(said[k])}, but its episodes hold ${has[k]}`;
    }
  }
  return null;
}

function emptyByReason(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of ALL_REASONS) out[r] = 0;
  return out;
}

export interface ReportContext {
  indexPath: string;
  episodesRoot: string;
  /** How paths are shown in the report (e.g. relative to the working directory). */
  display: (p: string) => string;
  host: string | null;
  reasons: Reason[] | null;
  settings: GateSettings;
  settingsHash: string;
  settingsFile: string | null;
  settingsOverrides: Partial<GateSettings>;
  version: string;
  now?: Date;
  /** The scan covered this shard only (its filter chose the shard's rows). */
  shard?: Shard | null;
}

/** sha256 over the index file's bytes and each listed tarball's host/episode/size. */
export function datasetFingerprint(
  indexBytes: Uint8Array | null,
  episodes: ReadonlyArray<{ host: string; episode: string; sizeBytes: number }>,
): string {
  const h = createHash('sha256');
  h.update('index:');
  h.update(indexBytes ? createHash('sha256').update(indexBytes).digest('hex') : 'none');
  h.update('\n');
  for (const e of episodes) h.update(`${e.host}/${e.episode}\t${e.sizeBytes}\n`);
  return 'sha256:' + h.digest('hex');
}

/** What a report says of its scan, besides the rows and what is counted from them. */
export type ReportHead = Pick<
  Report,
  'tool' | 'generated_at' | 'dataset' | 'shard' | 'settings' | 'settings_hash' | 'settings_file' | 'settings_overrides'
>;

export interface ReportRows {
  episodes: ReportEpisode[];
  missing_tarballs: Report['missing_tarballs'];
  index_problems: Report['index_problems'];
}

/**
 * A report from its head and rows: counts, by_reason, sources and hosts are counted here, from
 * the episodes, for a scan and for a merge of shard reports alike.
 */
export function assembleReport(head: ReportHead, rows: ReportRows, totals: Report['totals']): Report {
  const { episodes } = rows;
  const { counts, byReason, hosts } = tallyEpisodes(episodes);
  const sources = { analysed: 0 } as Report['sources'];
  for (const name of SOURCE_NAMES) sources[name] = { signal: 0, flat: 0, unknown: 0 };
  for (const ep of episodes) {
    const src = ep.evidence?.sources;
    if (src) {
      sources.analysed++;
      for (const name of SOURCE_NAMES) sources[name][src[name].status]++;
    }
  }
  return {
    report_version: REPORT_VERSION,
    tool: head.tool,
    generated_at: head.generated_at,
    dataset: head.dataset,
    ...(head.shard ? { shard: head.shard } : {}),
    settings: head.settings,
    settings_hash: head.settings_hash,
    settings_file: head.settings_file,
    settings_overrides: head.settings_overrides,
    counts,
    by_reason: byReason,
    sources,
    hosts,
    missing_tarballs: rows.missing_tarballs,
    index_problems: rows.index_problems,
    totals,
    episodes,
  };
}

export function buildReport(scan: ScanResult, indexBytes: Uint8Array | null, ctx: ReportContext): Report {
  const selected = ctx.reasons ? new Set(ctx.reasons) : null;
  const head: ReportHead = {
    tool: { name: 'episode-gate', version: ctx.version },
    generated_at: (ctx.now ?? new Date()).toISOString(),
    dataset: {
      index: ctx.display(ctx.indexPath),
      episodes_root: ctx.display(ctx.episodesRoot),
      host: ctx.host,
      reasons: ctx.reasons,
      // The whole index's, not the shard's: every shard of one dataset has the same.
      fingerprint: datasetFingerprint(indexBytes, scan.index.entries),
      ...(scan.prune ? { prune_journal: ctx.display(scan.prune.journal) } : {}),
    },
    ...(ctx.shard ? { shard: { index: ctx.shard.index, count: ctx.shard.count, index_rows: scan.index.rows } } : {}),
    settings: ctx.settings,
    settings_hash: ctx.settingsHash,
    settings_file: ctx.settingsFile,
    settings_overrides: ctx.settingsOverrides,
  };
  const rows: ReportRows = {
    episodes: scan.episodes.map((r) => reportEpisode(r, selected)),
    missing_tarballs: scan.missing.map((m) => ({
      line: m.line,
      host: m.host,
      episode: m.episode,
      path: ctx.display(m.tarPath),
      ...(scan.prune?.episodes.has(episodeKey(m.host, m.episode)) ? { pruning: true as const } : {}),
    })),
    index_problems: scan.problems.map((p) => ({ line: p.line, kind: p.kind, detail: p.detail })),
  };
  return assembleReport(head, rows, {
    compressed_bytes: scan.totals.compressedBytes,
    decompressed_bytes: scan.totals.decompressedBytes,
    elapsed_ms: Math.round(scan.totals.elapsedMs),
  });
}

/**
 * A report of one shard cannot be gated or made into a baseline: its counts are a part of the
 * dataset's. `use` says what was refused, e.g. "gated".
 */
export function requireWholeReport(report: Report, displayName: string, use: string): void {
  const s = report.shard;
  if (!s) return;
  throw new ConfigError(
    `${displayName} is the report of shard ${s.index}/${s.count} only, and a shard cannot be ${use} alone: merge the reports of all ${s.count} shards with episode-gate merge`,
  );
}

/** Pretty JSON with one line per episode: readable, and a diff of two reports stays short. */
export function formatReport(report: Report): string {
  const { episodes, ...head } = report;
  const headJson = JSON.stringify(head, null, 2);
  const body = episodes.length === 0 ? '[]' : '[\n' + episodes.map((e) => '    ' + JSON.stringify(e)).join(',\n') + '\n  ]';
  return headJson.slice(0, -2) + `,\n  "episodes": ${body}\n}\n`;
}

/** The report with this judgement's comparison section, or without one when there was no baseline. */
/** The report with this comparison and gate decision (none: without them, as a scan writes it). */
export function withComparison(report: Report, comparison: ReportComparison | null, gate: ReportGate | null = null): Report {
  const { comparison: _old, gate: _oldGate, ...rest } = report;
  return { ...rest, ...(comparison ? { comparison } : {}), ...(gate ? { gate } : {}) };
}

export function writeReport(file: string, report: Report): void {
  writeFileAtomic(file, formatReport(report), 'report');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read a report written by `episode-gate scan`; a ConfigError names what is wrong. `baselineFix`:
 * what to do when the file is a baseline, in the caller's terms (default: the command line's).
 */
export function readReport(
  file: string,
  displayName = file,
  baselineFix = 'pass it with --baseline; a report is what episode-gate scan --report writes',
): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `cannot read the report ${displayName}: ${fsErrorWithFix(e, 'check the path (a report is what episode-gate scan --report writes)')}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${displayName}: not valid JSON (${(e as Error).message}); write it again with episode-gate scan --report`);
  }
  const fix = 'write it again with episode-gate scan --report';
  if (!isObj(doc)) throw new ConfigError(`${displayName}: a report must be a JSON object; ${fix}`);
  if (doc.report_version === undefined && doc.manifest_version !== undefined)
    throw new ConfigError(
      `${displayName} is a release manifest (written by --manifest DIR), not a report: pass it to episode-gate verify --manifest; a report is what episode-gate scan --report writes`,
    );
  if (doc.report_version === undefined && 'cases' in doc && 'version' in doc)
    throw new ConfigError(`${displayName} is a baseline, not a report: ${baselineFix}`);
  if (doc.report_version === undefined) throw new ConfigError(`${displayName} has no report_version, so it is not a report; ${fix}`);
  if (doc.report_version !== REPORT_VERSION) {
    throw new ConfigError(
      `${displayName}: report_version ${showValue(doc.report_version)} is not supported (expected ${REPORT_VERSION}); ${fix}`,
    );
  }
  const counts = doc.counts;
  if (!isObj(counts) || !['scanned', 'kept', 'flagged'].every((k) => Number.isSafeInteger(counts[k]))) {
    throw new ConfigError(`${displayName}: counts must hold whole numbers scanned, kept and flagged; ${fix}`);
  }
  if (!isObj(doc.by_reason) || !Object.values(doc.by_reason).every((n) => Number.isSafeInteger(n))) {
    throw new ConfigError(`${displayName}: by_reason must map reasons to whole numbers; ${fix}`);
  }
  if (!Array.isArray(doc.episodes)) throw new ConfigError(`${displayName}: episodes must be a list; ${fix}`);
  doc.episodes.forEach((e: unknown, i: number) => {
    const ok =
      isObj(e) &&
      typeof e.host === 'string' &&
      typeof e.episode === 'string' &&
      (e.verdict === 'kept' || e.verdict === 'flagged') &&
      Array.isArray(e.reasons) &&
      e.reasons.every((r) => typeof r === 'string' && isReason(r));
    if (!ok) throw new ConfigError(`${displayName}: episodes[${i}] needs host, episode, verdict (kept|flagged) and known reasons; ${fix}`);
    const reasons = e.reasons as string[];
    if ((reasons.length === 0) !== (e.verdict === 'kept')) {
      throw new ConfigError(
        `${displayName}: episodes[${i}] (${e.host}/${e.episode}) is ${e.verdict} ${reasons.length === 0 ? 'with no reason' : `with reasons ${reasons.join(', ')}`}, which no scan writes (flagged means at least one reason); the report was edited or damaged: ${fix}`,
      );
    }
  });
  if (doc.episodes.length === 0) {
    throw new ConfigError(
      `${displayName} lists no episode, so there is nothing to gate or keep as a baseline (a scan that finds none fails instead of writing a report); ${fix} on a dataset with episodes`,
    );
  }
  for (const k of ['tool', 'dataset', 'sources', 'hosts', 'settings', 'totals']) {
    if (!isObj(doc[k])) throw new ConfigError(`${displayName}: ${k} must be an object; ${fix}`);
  }
  for (const k of ['missing_tarballs', 'index_problems']) {
    if (!Array.isArray(doc[k])) throw new ConfigError(`${displayName}: ${k} must be a list; ${fix}`);
  }
  if (doc.shard !== undefined) {
    const s = doc.shard;
    const whole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
    if (!isObj(s) || !whole(s.count, 1) || !whole(s.index, 1) || s.index > s.count || !whole(s.index_rows, 0)) {
      throw new ConfigError(`${displayName}: shard must hold whole numbers index (1..count), count and index_rows; ${fix} --shard K/N`);
    }
  }
  const contradiction = totalsContradiction(doc as unknown as Report);
  if (contradiction) {
    throw new ConfigError(`${displayName}: ${contradiction}; the report was edited or damaged, and its totals cannot be trusted: ${fix}`);
  }
  return doc as unknown as Report;
}
