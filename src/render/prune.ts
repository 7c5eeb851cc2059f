/**
 * The `cis490-prune` outputs: the reference's text summary and its --json document. Fields the
 * reference prints come first and look exactly as it prints them; the project's additions
 * (unreadable details, why each episode was flagged, rows not scanned) follow.
 */
import { ALL_REASONS, type Reason } from '../classifier/types.js';
import type { EpisodeResult, ScanResult } from '../dataset/scan.js';
import { RawJson, dumpPyJson, type OutValue } from '../py/dumps.js';
import { atLineStart, inLine } from './plain-text.js';

export interface PruneView {
  scanned: EpisodeResult[];
  flagged: EpisodeResult[];
  kept: EpisodeResult[];
}

/** Apply --reason: keep only selected reasons; `unreadable` is never filtered out. */
export function selectReasons(results: EpisodeResult[], selected: ReadonlySet<Reason> | null): PruneView {
  const scanned = results.map((r) => {
    if (!selected) return r;
    const reasons = r.verdict.reasons.filter((x) => x === 'unreadable' || selected.has(x));
    return { ...r, verdict: { ...r.verdict, reasons } };
  });
  return {
    scanned,
    flagged: scanned.filter((r) => r.verdict.reasons.length > 0),
    kept: scanned.filter((r) => r.verdict.reasons.length === 0),
  };
}

/** Python's str.format width: counts code points, pads with spaces. */
function padEnd(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}
function padStart(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : ' '.repeat(n - len) + s;
}

export function renderPruneText(view: PruneView, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(`scanned: ${view.scanned.length}  flagged: ${view.flagged.length}  kept: ${view.kept.length}`);
  if (view.flagged.length > 0) {
    lines.push('');
    lines.push(`${padEnd('host', 14)} ${padEnd('episode', 28)} ${padStart('size', 9)}  reasons`);
    for (const q of view.flagged) {
      // The reference's columns; an id that could make the line a workflow command is quoted.
      lines.push(
        `${padEnd(atLineStart(q.host), 14)} ${padEnd(inLine(q.episode), 28)} ${padStart(String(q.sizeBytes), 9)}  ${q.verdict.reasons.join(',')}`,
      );
    }
  }
  if (dryRun) {
    lines.push('');
    lines.push('dry-run only. Re-run with --archive (safer) or --delete.');
  }
  return lines.join('\n') + '\n';
}

/** One line per source that decided (or could not decide) flatness. */
function whyLines(r: EpisodeResult): string[] {
  const v = r.verdict;
  if (v.unreadable) return [v.unreadable];
  const out: string[] = [];
  const ev = v.evidence;
  if (!ev) return out;
  if (v.reasons.includes('no-sample')) out.push('meta.sample is null');
  if (v.reasons.includes('no-workload-events')) out.push('no workload_* events');
  if (v.reasons.includes('workload-failed')) out.push('a workload_failed event');
  if (ev.sources) {
    for (const s of Object.values(ev.sources)) out.push(s.why);
  } else {
    out.push('no labels: flatness not analysed');
  }
  if (v.reasons.includes('workload-silent')) out.push('dormant kill probe saw yes="0"');
  return out;
}

export function renderPruneJson(view: PruneView, scan: ScanResult): string {
  const byReason: Record<string, OutValue> = {};
  for (const reason of ALL_REASONS) byReason[reason] = view.flagged.filter((q) => q.verdict.reasons.includes(reason)).length;
  const doc: OutValue = {
    scanned: view.scanned.length,
    flagged: view.flagged.length,
    kept: view.kept.length,
    by_reason: byReason,
    flagged_episodes: view.flagged.map((q) => ({
      host: q.host,
      episode: q.episode,
      size_bytes: q.sizeBytes,
      reasons: q.verdict.reasons,
      sample: q.verdict.sampleJson === null ? null : new RawJson(q.verdict.sampleJson),
      module: q.verdict.moduleJson === null ? null : new RawJson(q.verdict.moduleJson),
      unreadable: q.verdict.unreadable ?? undefined,
      why: whyLines(q),
    })),
    missing_tarballs: scan.missing.map((m) => ({ line: m.line, host: m.host, episode: m.episode, path: m.tarPath })),
    index_problems: scan.problems.map((p) => ({ line: p.line, kind: p.kind, detail: p.detail })),
  };
  return dumpPyJson(doc) + '\n';
}
