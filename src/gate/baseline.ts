/**
 * The baseline file: the verdict counts a dataset is expected to produce, tolerances, pinned
 * cases, and (optionally) every episode's expected reasons. Versioned; schema/baseline.schema.json
 * documents it and the validator below enforces the same rules, with one-line errors that name
 * the field and the fix.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ALL_REASONS, isReason, type Reason } from '../classifier/types.js';
import { unsafeIdReason } from '../dataset/index-file.js';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { formatJson } from '../shared/json-format.js';
import { addArrival, arrivalsOf, copyArrivals, type Arrivals } from './cohort.js';
import { writeFileAtomic } from '../shared/write-file.js';
import { episodeKey, lostTarballs, requireWholeReport, type Counts, type Report, type VerdictName } from './report.js';
import { showValue } from '../shared/text.js';

/** The version `baseline` writes: 2 records each episode's sha256. Version 1 files still load. */
const BASELINE_VERSION = 2;
type BaselineVersion = 1 | typeof BASELINE_VERSION;
/**
 * The `$schema` of a written baseline: the schema's `$id`, the same wherever the file is written
 * or the tool installed (a relative path to the install folder breaks once the file is committed).
 */
export const BASELINE_SCHEMA_ID = 'urn:episode-gate:schema:baseline:1';

/** How much worse than the baseline still passes; absent = the default, null = not checked. */
export interface Tolerance {
  kept_drop?: number | null;
  flagged_rise?: number | null;
  /** Percentage points of scanned. */
  flagged_rate_rise?: number | null;
  reasons?: Record<string, number | null>;
  /** Episodes kept in the baseline that the dataset no longer has (default 0). */
  gone_kept?: number | null;
  /** Episodes flagged in the baseline that the dataset no longer has (default null: reported only). */
  gone_flagged?: number | null;
  /** Episodes kept in the baseline whose tarball bytes changed (default 0). */
  modified_kept?: number | null;
  /** Index rows new since the baseline whose tarball is missing (default 0). */
  missing_new?: number | null;
  /** Confidence of the new-cohort test, in (0, 1) (default 0.99); null switches it off. */
  cohort_confidence?: number | null;
  /** Smallest group of new episodes the cohort test judges (default 20). */
  cohort_min_size?: number;
  /** Percentage points a new cohort's rate may exceed the baseline's by before it can fail (default 0). */
  cohort_margin_pp?: number;
  /** Lower levels of the same rules that warn (summary, annotation) without failing. */
  warn?: WarnLevels;
}

/** The documented `--tolerance KEY=VALUE` keys (and `reasons.REASON`). */
export const TOLERANCE_KEYS = [
  'kept_drop',
  'flagged_rise',
  'flagged_rate_rise',
  'gone_kept',
  'gone_flagged',
  'modified_kept',
  'missing_new',
  'cohort_confidence',
  'cohort_min_size',
  'cohort_margin_pp',
] as const;

/** One baseline episode as version 2 writes it. */
export interface BaselineEpisode {
  /** Empty: kept. */
  reasons: Reason[];
  /** Hex sha256 of the tarball's bytes (absent when it could not be read). */
  sha256?: string;
}

/** Warn levels: a change above one (and within the fail level) is a warning; absent or null = no warning. */
interface WarnLevels {
  kept_drop?: number | null;
  flagged_rise?: number | null;
  flagged_rate_rise?: number | null;
  reasons?: Record<string, number | null>;
}

export interface PinnedCase {
  name: string;
  host: string;
  episode: string;
  expect: VerdictName;
  /** When given, the reasons must match too (as a set). */
  reasons?: Reason[];
  note?: string;
}

interface BaselineOrigin {
  tool_version: string;
  settings: Record<string, number>;
  settings_hash: string;
  dataset_fingerprint: string;
  host: string | null;
  reasons: Reason[] | null;
}

export interface Baseline {
  $schema?: string;
  version: BaselineVersion;
  counts: Counts;
  by_reason: Record<string, number>;
  tolerance?: Tolerance;
  cases: PinnedCase[];
  /** "host/episode" -> the episode (version 2) or its reasons alone (version 1); no reasons = kept. */
  episodes?: Record<string, BaselineEpisode | Reason[]>;
  /** What the baseline was made from, so a check can say whether data or settings changed. */
  generated_from?: BaselineOrigin;
  /**
   * "host/episode" of the index rows whose tarball was missing when the baseline was made: a row
   * missing its tarball that is not here is new (tolerance.missing_new). Absent in baselines made
   * before it was recorded: that rule is then not applied.
   */
  missing_tarballs?: string[];
  /**
   * Per host, the episodes as first judged, when new (in total, flagged, per reason), pruned ones
   * included: the rate new episodes are judged against. Carried from report to baseline night
   * after night; absent in older baselines, whose episodes then stand in.
   */
  arrivals?: Arrivals;
}

const REASONS_TEXT = ALL_REASONS.join(', ');

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(v: unknown, where: string): Obj {
  if (!isObj(v)) throw new Invalid(`${where} must be an object`);
  return v;
}

function onlyKeys(o: Obj, where: string, allowed: readonly string[], required: readonly string[] = []): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new Invalid(`${where} has an unknown field "${k}" (allowed: ${allowed.join(', ')})`);
  }
  for (const k of required) if (!(k in o)) throw new Invalid(`${where} needs the field "${k}"`);
}

function count(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw new Invalid(`${where} must be a whole number >= 0, got ${showValue(v)}`);
  return v;
}

function tol(v: unknown, where: string, integer: boolean): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isSafeInteger(v))) {
    throw new Invalid(`${where} must be ${integer ? 'a whole number' : 'a number'} >= 0 or null (not checked), got ${showValue(v)}`);
  }
  return v;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') throw new Invalid(`${where} must be a non-empty string`);
  return v;
}

function reasonList(v: unknown, where: string): Reason[] {
  if (!Array.isArray(v)) throw new Invalid(`${where} must be a list of reasons`);
  v.forEach((r, i) => {
    if (typeof r !== 'string' || !isReason(r)) throw new Invalid(`${where}[${i}] ${showValue(r)} is not a reason (known: ${REASONS_TEXT})`);
  });
  if (new Set(v).size !== v.length) throw new Invalid(`${where} lists a reason twice`);
  return v as Reason[];
}

function safeId(v: unknown, where: string): string {
  const s = str(v, where);
  const bad = unsafeIdReason(s);
  if (bad) throw new Invalid(`${where} ${showValue(s)} ${bad}`);
  return s;
}

/** The levels of tolerance (or of tolerance.warn). */
function levels(t: Obj, where: string): void {
  if (t.kept_drop !== undefined) tol(t.kept_drop, `${where}.kept_drop`, true);
  if (t.flagged_rise !== undefined) tol(t.flagged_rise, `${where}.flagged_rise`, true);
  if (t.flagged_rate_rise !== undefined) tol(t.flagged_rate_rise, `${where}.flagged_rate_rise`, false);
  if (t.reasons !== undefined) {
    const tr = objectAt(t.reasons, `${where}.reasons`);
    for (const [k, v] of Object.entries(tr)) {
      if (!isReason(k)) throw new Invalid(`${where}.reasons has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
      tol(v, `${where}.reasons.${k}`, true);
    }
  }
}

/** Check a parsed baseline document; throws Invalid naming the first problem. */
function validate(doc: unknown): Baseline {
  const o = objectAt(doc, 'the baseline');
  onlyKeys(
    o,
    'the baseline',
    ['$schema', 'version', 'counts', 'by_reason', 'tolerance', 'cases', 'episodes', 'generated_from', 'missing_tarballs', 'arrivals'],
    ['version', 'counts', 'by_reason', 'cases'],
  );
  if (o.$schema !== undefined && typeof o.$schema !== 'string') throw new Invalid('$schema must be a string');
  if (o.version !== 1 && o.version !== BASELINE_VERSION)
    throw new Invalid(`version ${showValue(o.version)} is not supported (expected 1 or ${BASELINE_VERSION})`);

  const c = objectAt(o.counts, 'counts');
  onlyKeys(c, 'counts', ['scanned', 'kept', 'flagged'], ['scanned', 'kept', 'flagged']);
  const scanned = count(c.scanned, 'counts.scanned');
  const kept = count(c.kept, 'counts.kept');
  const flagged = count(c.flagged, 'counts.flagged');
  if (kept + flagged !== scanned)
    throw new Invalid(`counts.kept (${kept}) + counts.flagged (${flagged}) must equal counts.scanned (${scanned})`);

  const br = objectAt(o.by_reason, 'by_reason');
  for (const [k, v] of Object.entries(br)) {
    if (!isReason(k)) throw new Invalid(`by_reason has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
    const n = count(v, `by_reason.${k}`);
    if (n > flagged) throw new Invalid(`by_reason.${k} (${n}) cannot exceed counts.flagged (${flagged})`);
  }

  if (o.tolerance !== undefined) {
    const t = objectAt(o.tolerance, 'tolerance');
    onlyKeys(t, 'tolerance', [...TOLERANCE_KEYS, 'reasons', 'warn']);
    levels(t, 'tolerance');
    for (const k of ['gone_kept', 'gone_flagged', 'modified_kept', 'missing_new']) {
      if (t[k] !== undefined) tol(t[k], `tolerance.${k}`, true);
    }
    const conf = t.cohort_confidence;
    if (conf !== undefined && conf !== null && (typeof conf !== 'number' || !(conf > 0 && conf < 1)))
      throw new Invalid(
        `tolerance.cohort_confidence must be a number between 0 and 1 (e.g. 0.99) or null (not checked), got ${showValue(conf)}`,
      );
    if (t.cohort_min_size !== undefined && (count(t.cohort_min_size, 'tolerance.cohort_min_size') as number) < 1)
      throw new Invalid('tolerance.cohort_min_size must be at least 1');
    if (
      t.cohort_margin_pp !== undefined &&
      (typeof t.cohort_margin_pp !== 'number' || !(t.cohort_margin_pp >= 0 && t.cohort_margin_pp <= 100))
    )
      throw new Invalid(
        `tolerance.cohort_margin_pp must be a number of percentage points from 0 to 100, got ${showValue(t.cohort_margin_pp)}`,
      );
    if (t.warn !== undefined) {
      const w = objectAt(t.warn, 'tolerance.warn');
      onlyKeys(w, 'tolerance.warn', ['kept_drop', 'flagged_rise', 'flagged_rate_rise', 'reasons']);
      levels(w, 'tolerance.warn');
    }
  }

  if (!Array.isArray(o.cases)) throw new Invalid('cases must be a list (it may be empty)');
  const names = new Set<string>();
  o.cases.forEach((x, i) => {
    const w = `cases[${i}]`;
    const cs = objectAt(x, w);
    onlyKeys(cs, w, ['name', 'host', 'episode', 'expect', 'reasons', 'note'], ['name', 'host', 'episode', 'expect']);
    const name = str(cs.name, `${w}.name`);
    if (names.has(name)) throw new Invalid(`${w}.name "${name}" is used by another case; names must be unique`);
    names.add(name);
    safeId(cs.host, `${w}.host`);
    safeId(cs.episode, `${w}.episode`);
    if (cs.expect !== 'kept' && cs.expect !== 'flagged')
      throw new Invalid(`${w}.expect must be "kept" or "flagged", got ${showValue(cs.expect)}`);
    if (cs.reasons !== undefined) {
      const rs = reasonList(cs.reasons, `${w}.reasons`);
      if (cs.expect === 'kept' && rs.length > 0) throw new Invalid(`${w} expects kept but lists reasons; a kept episode has none`);
      if (cs.expect === 'flagged' && rs.length === 0)
        throw new Invalid(`${w} expects flagged but lists no reasons; list them or leave reasons out`);
    }
    if (cs.note !== undefined && typeof cs.note !== 'string') throw new Invalid(`${w}.note must be a string`);
  });

  if (o.episodes !== undefined) {
    const eps = objectAt(o.episodes, 'episodes');
    for (const [k, v] of Object.entries(eps)) {
      const parts = k.split('/');
      if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1])) {
        throw new Invalid(`episodes key ${JSON.stringify(k)} must be "host/episode"`);
      }
      if (o.version === 1) {
        reasonList(v, `episodes["${k}"]`);
        continue;
      }
      const ep = objectAt(v, `episodes["${k}"]`);
      onlyKeys(ep, `episodes["${k}"]`, ['reasons', 'sha256'], ['reasons']);
      reasonList(ep.reasons, `episodes["${k}"].reasons`);
      if (ep.sha256 !== undefined && (typeof ep.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(ep.sha256)))
        throw new Invalid(`episodes["${k}"].sha256 must be 64 lowercase hex digits`);
    }
  }

  if (o.missing_tarballs !== undefined) {
    if (!Array.isArray(o.missing_tarballs)) throw new Invalid('missing_tarballs must be a list of "host/episode" strings');
    o.missing_tarballs.forEach((k, i) => {
      if (typeof k !== 'string' || !/^[^/]+\/[^/]+$/.test(k))
        throw new Invalid(`missing_tarballs[${i}] must be a "host/episode" string, got ${showValue(k)}`);
    });
  }
  if (o.arrivals !== undefined) {
    const a = objectAt(o.arrivals, 'arrivals');
    for (const [host, v] of Object.entries(a)) {
      const w = `arrivals["${host}"]`;
      if (unsafeIdReason(host)) throw new Invalid(`arrivals key ${JSON.stringify(host)} must be a host id`);
      const h = objectAt(v, w);
      onlyKeys(h, w, ['scanned', 'flagged', 'by_reason'], ['scanned', 'flagged', 'by_reason']);
      const n = count(h.scanned, `${w}.scanned`);
      const f = count(h.flagged, `${w}.flagged`);
      if (f > n) throw new Invalid(`${w}.flagged (${f}) cannot exceed ${w}.scanned (${n})`);
      for (const [r, c] of Object.entries(objectAt(h.by_reason, `${w}.by_reason`))) {
        if (!isReason(r)) throw new Invalid(`${w}.by_reason has an unknown reason "${r}" (known: ${REASONS_TEXT})`);
        if (count(c, `${w}.by_reason.${r}`) > f) throw new Invalid(`${w}.by_reason.${r} cannot exceed ${w}.flagged (${f})`);
      }
    }
  }
  if (o.generated_from !== undefined) {
    const g = objectAt(o.generated_from, 'generated_from');
    onlyKeys(g, 'generated_from', ['tool_version', 'settings', 'settings_hash', 'dataset_fingerprint', 'host', 'reasons']);
    for (const k of ['tool_version', 'settings_hash', 'dataset_fingerprint']) {
      if (g[k] !== undefined) str(g[k], `generated_from.${k}`);
    }
    if (g.settings !== undefined) {
      const s = objectAt(g.settings, 'generated_from.settings');
      for (const [k, v] of Object.entries(s)) {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`generated_from.settings.${k} must be a number`);
      }
    }
    if (g.host !== undefined && g.host !== null) safeId(g.host, 'generated_from.host');
    if (g.reasons !== undefined && g.reasons !== null) reasonList(g.reasons, 'generated_from.reasons');
  }
  return o as unknown as Baseline;
}

/**
 * Validate a parsed document; a ConfigError names the file, the field and the fix. `create`: the
 * command that writes this baseline from the run's own inputs, named in the fix; without it the
 * fix names the command in general terms. `reportFix`: what to do when the file is a report, in
 * the caller's terms (default: the commands that use a report).
 */
export function parseBaseline(doc: unknown, displayName: string, create?: string, reportFix?: string): Baseline {
  if (isObj(doc) && doc.manifest_version !== undefined) {
    throw new ConfigError(
      `${displayName} is a release manifest (written by --manifest DIR), not a baseline: check an export against it with "episode-gate verify --manifest ${displayName} --dataset DIR"; pass --baseline the file "episode-gate baseline --out" writes`,
    );
  }
  if (isObj(doc) && Array.isArray(doc.episodes) && isObj(doc.tool) && isObj(doc.dataset)) {
    throw new ConfigError(
      reportFix
        ? `${displayName} is a report, not a baseline: ${reportFix}`
        : `${displayName} is a report (written by episode-gate scan or --report-out), not a baseline: make a baseline from it with "episode-gate baseline --report ${displayName} --out BASELINE.json", or judge it with "episode-gate check --report ${displayName} --baseline BASELINE.json"`,
    );
  }
  try {
    return validate(doc);
  } catch (e) {
    if (e instanceof Invalid) {
      throw new ConfigError(
        `${displayName}: ${e.message}; fix the file (see schema/baseline.schema.json) or write a new one with ${createHint(displayName, create)}`,
      );
    }
    throw e;
  }
}

function createHint(displayName: string, create?: string): string {
  return create
    ? `"${create}"`
    : `"episode-gate baseline --dataset DIR --out ${displayName}" (with the run's --settings, --host and --reason)`;
}

export function loadBaseline(file: string, displayName = file, create?: string, reportFix?: string): Baseline {
  return loadBaselineFile(file, displayName, create, reportFix).baseline;
}

/** The baseline and the hex sha256 of the file's bytes as read (what a manifest names it by); see parseBaseline. */
export function loadBaselineFile(
  file: string,
  displayName = file,
  create?: string,
  reportFix?: string,
): { baseline: Baseline; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const fix =
      err.code === 'ENOENT' ? `create it with ${createHint(displayName, create)} or fix the baseline path` : 'check the baseline path';
    throw new ConfigError(`cannot read the baseline ${displayName}: ${fsErrorWithFix(e, fix)}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ConfigError(
      `${displayName}: not valid JSON (${(e as Error).message}); fix the file or write a new one with ${createHint(displayName, create)}`,
    );
  }
  return { baseline: parseBaseline(doc, displayName, create, reportFix), sha256 };
}

/** A pinned case against a report: what the episode got, and whether that matches. */
export interface CaseResult {
  case: PinnedCase;
  /** The episode's verdict, or "missing" when the dataset has no such episode. */
  got: VerdictName | 'missing';
  gotReasons: Reason[];
  pass: boolean;
  /** One line, e.g. 'expected flagged (flat-cpu), got kept'. */
  detail: string;
}

function sameReasons(a: readonly Reason[], b: readonly Reason[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((r) => s.has(r));
}

function verdictText(v: VerdictName, reasons: readonly Reason[] | undefined): string {
  return v === 'flagged' && reasons && reasons.length > 0 ? `flagged (${reasons.join(', ')})` : v;
}

export function checkCase(
  c: PinnedCase,
  lookup: ReadonlyMap<string, { verdict: VerdictName; reasons: Reason[] }>,
  report: Report,
): CaseResult {
  const got = lookup.get(episodeKey(c.host, c.episode));
  const expected = verdictText(c.expect, c.reasons);
  if (!got) {
    const missing = report.missing_tarballs.find((m) => m.host === c.host && m.episode === c.episode);
    const detail = missing
      ? `expected ${expected}, but its tarball is missing (${missing.path}, index line ${missing.line})`
      : `expected ${expected}, but the dataset has no episode ${c.host}/${c.episode}`;
    return { case: c, got: 'missing', gotReasons: [], pass: false, detail };
  }
  const pass = got.verdict === c.expect && (c.reasons === undefined || sameReasons(c.reasons, got.reasons));
  return {
    case: c,
    got: got.verdict,
    gotReasons: got.reasons,
    pass,
    detail: `expected ${expected}, got ${verdictText(got.verdict, got.reasons)}`,
  };
}

export function reportLookup(report: Report): Map<string, { verdict: VerdictName; reasons: Reason[] }> {
  const m = new Map<string, { verdict: VerdictName; reasons: Reason[] }>();
  for (const e of report.episodes) m.set(episodeKey(e.host, e.episode), { verdict: e.verdict, reasons: e.reasons });
  return m;
}

export interface PinRequest {
  host: string;
  episode: string;
  name?: string;
}

export interface BaselineUpdate {
  baseline: Baseline;
  /** Pinned cases that no longer match the scan (refused unless dropStale). */
  stale: CaseResult[];
  /** Stale cases that were dropped (dropStale). */
  dropped: CaseResult[];
  added: PinnedCase[];
}

export interface BaselineBuildOptions {
  /** Drop pinned cases that no longer match instead of refusing. */
  dropStale?: boolean;
  pins?: PinRequest[];
  /** $schema to write when the existing baseline has none. */
  schemaRef?: string;
  /** `KEY=VALUE` tolerance settings applied over the existing ones. */
  tolerances?: string[];
}

/** A baseline's episodes map as the comparison reads it (null: the baseline has none). */
export function baselineEpisodeMap(b: Baseline): Map<string, { reasons: Reason[]; sha256: string | null }> | null {
  if (!b.episodes) return null;
  const m = new Map<string, { reasons: Reason[]; sha256: string | null }>();
  for (const [k, v] of Object.entries(b.episodes)) {
    m.set(k, Array.isArray(v) ? { reasons: v, sha256: null } : { reasons: v.reasons, sha256: v.sha256 ?? null });
  }
  return m;
}

const TOLERANCE_HELP = `${TOLERANCE_KEYS.join(', ')} or reasons.REASON`;

/** Set one tolerance from `KEY=VALUE` (VALUE a number, or null for "not checked"); a ConfigError names the fix. */
export function applyTolerance(t: Tolerance, assignment: string): void {
  const eq = assignment.indexOf('=');
  const key = eq === -1 ? assignment : assignment.slice(0, eq);
  const text = eq === -1 ? '' : assignment.slice(eq + 1).trim();
  const fail = (why: string): never => {
    throw new ConfigError(`--tolerance ${assignment}: ${why}`);
  };
  if (eq === -1 || text === '') fail(`expected KEY=VALUE with KEY one of ${TOLERANCE_HELP}`);
  const value = text === 'null' ? null : Number(text);
  if (value !== null && !Number.isFinite(value)) fail('VALUE must be a number, or null to switch the rule off');
  const probe: Obj = {};
  if (key.startsWith('reasons.')) {
    const reason = key.slice('reasons.'.length);
    if (!isReason(reason)) fail(`unknown reason "${reason}" (known: ${REASONS_TEXT})`);
    probe.reasons = { [reason]: value };
  } else if ((TOLERANCE_KEYS as readonly string[]).includes(key)) {
    probe[key] = value;
  } else {
    fail(`unknown key "${key}" (known: ${TOLERANCE_HELP})`);
  }
  try {
    validate({ version: BASELINE_VERSION, counts: { scanned: 0, kept: 0, flagged: 0 }, by_reason: {}, cases: [], tolerance: probe });
  } catch (e) {
    if (e instanceof Invalid) fail(e.message);
    throw e;
  }
  if (probe.reasons) t.reasons = { ...(t.reasons ?? {}), ...(probe.reasons as Record<string, number | null>) };
  else (t as Obj)[key] = value;
}

/**
 * A baseline equal to the report's verdicts, keeping the existing baseline's tolerances and
 * pinned cases. Cases that no longer match are reported as stale: the caller must refuse to
 * write unless dropStale says to drop them.
 */
export function baselineFromReport(report: Report, existing: Baseline | null, opts: BaselineBuildOptions = {}): BaselineUpdate {
  requireWholeReport(report, 'the report', 'made into a baseline');
  const lookup = reportLookup(report);
  const stale: CaseResult[] = [];
  const cases: PinnedCase[] = [];
  for (const c of existing?.cases ?? []) {
    const r = checkCase(c, lookup, report);
    if (!r.pass) stale.push(r);
    // Without dropStale the caller refuses to write; the case list stays as it was.
    if (r.pass || !opts.dropStale) cases.push(c);
  }
  const added: PinnedCase[] = [];
  for (const p of opts.pins ?? []) {
    const got = lookup.get(episodeKey(p.host, p.episode));
    if (!got) throw new ConfigError(`--pin ${p.host}/${p.episode}: the scan has no such episode; check the host and episode ids`);
    if (cases.some((c) => c.host === p.host && c.episode === p.episode)) continue;
    let name = p.name ?? p.episode;
    if (cases.some((c) => c.name === name)) name = p.name ? name : `${p.host}/${p.episode}`;
    if (cases.some((c) => c.name === name))
      throw new ConfigError(`--pin ${p.host}/${p.episode}=${name}: a case named "${name}" exists; choose another name`);
    const pc: PinnedCase = { name, host: p.host, episode: p.episode, expect: got.verdict };
    if (got.verdict === 'flagged') pc.reasons = [...got.reasons];
    cases.push(pc);
    added.push(pc);
  }
  const dropped = opts.dropStale ? stale : [];
  const episodes: Record<string, BaselineEpisode> = {};
  for (const e of report.episodes) {
    const key = episodeKey(e.host, e.episode);
    if (Object.hasOwn(episodes, key)) continue; // an episode listed twice: its first row, as the comparison reads it
    episodes[key] = e.sha256 ? { reasons: [...e.reasons], sha256: e.sha256 } : { reasons: [...e.reasons] };
  }
  const tolerance = { ...(existing?.tolerance ?? { kept_drop: 0, flagged_rise: 0, flagged_rate_rise: 0, reasons: {} }) };
  for (const a of opts.tolerances ?? []) applyTolerance(tolerance, a);
  const baseline: Baseline = {
    $schema: existing?.$schema ?? opts.schemaRef ?? BASELINE_SCHEMA_ID,
    version: BASELINE_VERSION,
    counts: { ...report.counts },
    by_reason: { ...report.by_reason },
    tolerance,
    cases,
    episodes,
    generated_from: {
      tool_version: report.tool.version,
      settings: { ...report.settings },
      settings_hash: report.settings_hash,
      dataset_fingerprint: report.dataset.fingerprint,
      host: report.dataset.host,
      reasons: report.dataset.reasons,
    },
    missing_tarballs: [...new Set(lostTarballs(report).map((m) => episodeKey(m.host, m.episode)))].sort(),
    arrivals: arrivalsFor(report, existing),
  };
  if (baseline.$schema === undefined) delete baseline.$schema;
  return { baseline, stale, dropped, added };
}

/**
 * The arrivals a baseline made from this report carries: the report's own (a check records the
 * baseline's plus its new episodes), else the existing baseline's (or its episodes, as judged
 * then) plus the report's episodes it does not list, else the report's episodes as judged now.
 * Episodes gone since (pruned) keep counting: the rate is the rate at which episodes arrived.
 */
function arrivalsFor(report: Report, existing: Baseline | null): Arrivals {
  if (report.comparison?.arrivals) return copyArrivals(report.comparison.arrivals);
  const before = existing ? baselineEpisodeMap(existing) : null;
  const arrivals = before ? copyArrivals(existing!.arrivals ?? arrivalsOf(before)) : {};
  const seen = new Set<string>();
  for (const e of report.episodes) {
    const key = episodeKey(e.host, e.episode);
    if (seen.has(key) || before?.has(key)) continue;
    seen.add(key);
    addArrival(arrivals, e.host, e.reasons);
  }
  return copyArrivals(arrivals);
}

export function formatBaseline(b: Baseline): string {
  return formatJson(b, ['episodes']);
}

export function writeBaseline(file: string, b: Baseline): void {
  writeFileAtomic(file, formatBaseline(b), 'baseline');
}
