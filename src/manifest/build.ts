/**
 * The release manifest of a gate run: the kept episodes (host, episode, path, sha256, size, index
 * line), what the verdicts depended on (dataset fingerprint, settings and their hash, tool
 * version, the baseline's digest) and the gate's verdict and counts, with the flagged episodes in
 * a list of their own. From it come the SHA256SUMS file and the in-toto Statement of the test
 * result. Everything is taken from the report: the digests are the scan's, never hashed again.
 *
 * A failed gate releases nothing: its manifest lists the kept episodes under `withheld`, with an
 * empty `episodes` list, so nothing reading it for an export can take it for a pass.
 */
import path from 'node:path';
import type { Reason } from '../classifier/types.js';
import type { Comparison } from '../gate/compare.js';
import { ConfigError } from '../shared/errors.js';
import type { Report, ReportEpisode } from '../gate/report.js';
import type { FailOn } from '../gate/run.js';
import type { GateSettings } from '../gate/settings.js';

export const MANIFEST_VERSION = 1;
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const TEST_RESULT_PREDICATE_TYPE = 'https://in-toto.io/attestation/test-result/v0.1';

type GateResult = 'PASSED' | 'WARNED' | 'FAILED';

export interface ManifestEpisode {
  host: string;
  episode: string;
  /** Relative to the dataset root (the folder holding the episodes folder), '/'-separated. */
  path: string;
  /** Hex sha256 of the tarball's bytes, from the scan's read. */
  sha256: string;
  size: number;
  /** Line of index.jsonl. */
  line: number;
}

interface ManifestFlagged {
  host: string;
  episode: string;
  path: string;
  /** null when the tarball could not be read. */
  sha256: string | null;
  size: number;
  line: number;
  reasons: Reason[];
  /** One line when the episode could not be read. */
  unreadable: string | null;
}

export interface Manifest {
  manifest_version: typeof MANIFEST_VERSION;
  tool: { name: 'episode-gate'; version: string };
  generated_at: string;
  gate: {
    /** The command (or Action run) that wrote it: scan has no baseline and never fails. */
    command: 'scan' | 'check' | 'merge';
    result: GateResult;
    /** True when the gate passed under fail_on: only then does `episodes` list anything. */
    passed: boolean;
    fail_on: FailOn;
    fail_reason: string | null;
    /** The baseline compared with: its path as given and the hex sha256 of its bytes (null: none). */
    baseline: { name: string; sha256: string } | null;
    regressions: number;
    counts: { scanned: number; kept: number; flagged: number; missing_tarballs: number; index_problems: number };
    by_reason: Record<string, number>;
    /** Pinned cases and rules, as in the statement's predicate. */
    tests: { passed: string[]; warned: string[]; failed: string[] };
  };
  dataset: {
    fingerprint: string;
    index: string;
    episodes_root: string;
    /** The first component of every path: the episodes folder's name. */
    episodes_dir: string;
    host: string | null;
    reasons: Reason[] | null;
  };
  settings: GateSettings;
  settings_hash: string;
  /** The released episodes, sorted by path (empty when the gate failed). */
  episodes: ManifestEpisode[];
  /** When the gate failed: the episodes it kept, which are not released. */
  withheld: ManifestEpisode[];
  flagged: ManifestFlagged[];
}

/** What the gate decided, as the manifest needs it. */
export interface GateDecision {
  command: Manifest['gate']['command'];
  failOn: FailOn;
  passed: boolean;
  failReason: string | null;
  comparison: Comparison | null;
  regressions: number;
  baselineFile: { name: string; sha256: string } | null;
}

/** Byte order of the UTF-8 text, as `LC_ALL=C sort` orders it. */
function byPath(a: { path: string }, b: { path: string }): number {
  return Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8'));
}

/**
 * Test names (the predicate's passedTests / warnedTests / failedTests): each pinned case
 * (`case:NAME`), each regression rule the baseline checks (`rule:kept-drop`, `rule:flagged-rise`,
 * `rule:flagged-rate-rise`, `rule:reason-rise:REASON`; on a changed dataset `rule:gone-kept`,
 * `rule:modified-kept`, `rule:cohort-rate`… as judged), and `rule:no-flagged` under --fail-on
 * flagged. A broken rule is failed, or warned when --fail-on never lets it pass.
 */
function gateTests(d: GateDecision, report: Report): Manifest['gate']['tests'] {
  const passed: string[] = [];
  const broken: string[] = [];
  const c = d.comparison;
  if (c) {
    for (const r of c.cases) (r.pass ? passed : broken).push(`case:${r.case.name}`);
    const kinds = new Set(c.regressions.map((r) => r.kind));
    const rules: Array<[string, number | null]> = [
      ['kept-drop', c.tolerance.kept_drop],
      ['flagged-rise', c.tolerance.flagged_rise],
      ['flagged-rate-rise', c.tolerance.flagged_rate_rise],
    ];
    for (const [rule, tol] of rules) if (tol !== null) (kinds.has(rule) ? broken : passed).push(`rule:${rule}`);
    for (const row of c.reasons) if (row.tolerance !== null) (row.regression ? broken : passed).push(`rule:reason-rise:${row.reason}`);
    // A changed dataset's rules: episodes gone, lost or rewritten, and the new cohort.
    const changing = c.changes?.checked ?? [];
    for (const rule of changing) (kinds.has(rule) ? broken : passed).push(`rule:${rule}`);
    // Any other regression is a broken rule too: a failed gate never lists no failed test.
    const named = new Set([...rules.map(([r]) => r), ...changing, 'reason-rise', 'kept-to-flagged', 'pinned-case', 'pinned-missing']);
    for (const kind of kinds) if (!named.has(kind)) broken.push(`rule:${kind}`);
  }
  if (d.failOn === 'flagged') {
    (report.counts.flagged > 0 ? broken : passed).push('rule:no-flagged');
    // An index row whose episode was not judged (tarball missing, line skipped) cannot be released.
    (report.missing_tarballs.length > 0 || report.index_problems.length > 0 ? broken : passed).push('rule:every-row-judged');
  }
  // Failed on something no rule above names (a release of nothing, drift): the gate itself.
  if (!d.passed && broken.length === 0) broken.push('rule:gate');
  const warned = d.passed ? broken : [];
  return { passed, warned, failed: d.passed ? [] : broken };
}

function relPath(episodesDir: string, e: { host: string; episode: string }): string {
  return `${episodesDir}/${e.host}/${e.episode}.tar.zst`;
}

/** The manifest of a whole report and the gate's decision on it. */
export function buildManifest(report: Report, d: GateDecision, now: Date = new Date()): Manifest {
  if (report.shard) {
    throw new ConfigError(
      `a manifest lists a whole dataset, not shard ${report.shard.index}/${report.shard.count}: write it with episode-gate merge --manifest DIR`,
    );
  }
  const episodesDir = path.basename(report.dataset.episodes_root.replace(/[\\/]+$/, '')) || 'episodes';
  const kept = new Map<string, ManifestEpisode>();
  const flagged: ManifestFlagged[] = [];
  for (const ep of report.episodes) {
    const p = relPath(episodesDir, ep);
    if (ep.verdict === 'flagged') {
      flagged.push(flaggedEntry(ep, p));
      continue;
    }
    if (typeof ep.sha256 !== 'string') {
      throw new ConfigError(
        `the report has no sha256 for the kept episode ${ep.host}/${ep.episode} (it was written before digests were recorded): scan the dataset again to write a manifest`,
      );
    }
    const entry: ManifestEpisode = { host: ep.host, episode: ep.episode, path: p, sha256: ep.sha256, size: ep.size_bytes, line: ep.line };
    const prev = kept.get(p);
    if (prev && prev.sha256 !== entry.sha256) {
      throw new ConfigError(
        `${p} is listed on index lines ${prev.line} and ${entry.line} and its two reads gave different sha256: the tarball changed during the scan; scan a snapshot that does not change`,
      );
    }
    if (!prev) kept.set(p, entry);
  }
  const keptList = [...kept.values()].sort(byPath);
  const tests = gateTests(d, report);
  const result: GateResult = !d.passed ? 'FAILED' : tests.warned.length > 0 ? 'WARNED' : 'PASSED';
  return {
    manifest_version: MANIFEST_VERSION,
    tool: report.tool,
    generated_at: now.toISOString(),
    gate: {
      command: d.command,
      result,
      passed: d.passed,
      fail_on: d.failOn,
      fail_reason: d.failReason,
      baseline: d.baselineFile,
      regressions: d.regressions,
      counts: {
        scanned: report.counts.scanned,
        kept: report.counts.kept,
        flagged: report.counts.flagged,
        missing_tarballs: report.missing_tarballs.length,
        index_problems: report.index_problems.length,
      },
      by_reason: report.by_reason,
      tests,
    },
    dataset: {
      fingerprint: report.dataset.fingerprint,
      index: report.dataset.index,
      episodes_root: report.dataset.episodes_root,
      episodes_dir: episodesDir,
      host: report.dataset.host,
      reasons: report.dataset.reasons,
    },
    settings: report.settings,
    settings_hash: report.settings_hash,
    episodes: d.passed ? keptList : [],
    withheld: d.passed ? [] : keptList,
    flagged: flagged.sort(byPath),
  };
}

function flaggedEntry(ep: ReportEpisode, p: string): ManifestFlagged {
  return {
    host: ep.host,
    episode: ep.episode,
    path: p,
    sha256: typeof ep.sha256 === 'string' ? ep.sha256 : null,
    size: ep.size_bytes,
    line: ep.line,
    reasons: ep.reasons,
    unreadable: ep.unreadable,
  };
}

/** `sha256sum -c` format (two spaces: text mode), one line per released tarball, sorted by path. */
export function sha256sums(m: Manifest): string {
  return m.episodes.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  annotations?: Record<string, unknown>;
}

interface TestResultPredicate {
  result: GateResult;
  configuration: ResourceDescriptor[];
  url?: string;
  passedTests: string[];
  warnedTests: string[];
  failedTests: string[];
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Array<{ name: string; digest: { sha256: string } }>;
  predicateType: typeof TEST_RESULT_PREDICATE_TYPE;
  predicate: TestResultPredicate;
}

const hexOf = (h: string): string => h.replace(/^sha256:/, '');

/**
 * The in-toto test-result predicate: the result, the configuration the verdicts depended on (the
 * settings by their hash, the baseline by its digest, the dataset by its fingerprint, the tool)
 * and the pinned cases and rules by name.
 */
function testResultPredicate(m: Manifest, url: string | null): TestResultPredicate {
  const configuration: ResourceDescriptor[] = [
    { name: 'settings', digest: { sha256: hexOf(m.settings_hash) }, annotations: { settings: m.settings } },
  ];
  if (m.gate.baseline) configuration.push({ name: m.gate.baseline.name, digest: { sha256: m.gate.baseline.sha256 } });
  configuration.push({
    name: 'dataset',
    digest: { sha256: hexOf(m.dataset.fingerprint) },
    annotations: { index: m.dataset.index, host: m.dataset.host, reasons: m.dataset.reasons },
  });
  configuration.push({
    name: 'episode-gate',
    uri: `pkg:npm/episode-gate@${m.tool.version}`,
    annotations: { command: m.gate.command, failOn: m.gate.fail_on },
  });
  return {
    result: m.gate.result,
    configuration,
    ...(url ? { url } : {}),
    passedTests: m.gate.tests.passed,
    warnedTests: m.gate.tests.warned,
    failedTests: m.gate.tests.failed,
  };
}

/**
 * The in-toto Statement v1 over the tested tarballs (released ones, or withheld ones when the gate
 * failed), named by path as in SHA256SUMS: the statement `actions/attest` makes from
 * `subject-checksums: SHA256SUMS` with this predicate.
 */
export function statement(m: Manifest, url: string | null): Statement {
  const subjects = m.gate.passed ? m.episodes : m.withheld;
  return {
    _type: STATEMENT_TYPE,
    subject: subjects.map((e) => ({ name: e.path, digest: { sha256: e.sha256 } })),
    predicateType: TEST_RESULT_PREDICATE_TYPE,
    predicate: testResultPredicate(m, url),
  };
}

/** The run's URL on GitHub, when running there. */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return null;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
