/**
 * Merging the reports of the N shards of one dataset (`episode-gate scan --shard K/N`) into the
 * report one scan of the whole dataset writes. The shards must be of one dataset (fingerprint),
 * one classifier configuration (settings hash, tool version, --host, --reason) and one N, and
 * must together account for every index row exactly once: a missing or repeated shard is an
 * error, never a smaller or bigger dataset. The merged report differs from an unsharded scan's
 * only in generated_at (the merge's time) and totals.elapsed_ms (the slowest shard's).
 */
import { ConfigError } from '../shared/errors.js';
import { assembleReport, type Report, type ReportShard } from './report.js';

export interface ShardReportFile {
  report: Report;
  /** How the file is named in messages. */
  name: string;
}

type Part = ShardReportFile & { shard: ReportShard };

const label = (s: ReportShard): string => `${s.index}/${s.count}`;
const shortHash = (h: string): string => (h.length > 19 ? `${h.slice(0, 19)}…` : h);

/** Which surface merges: its messages name its own options (the command line's, or the Action's inputs). */
export type MergeSurface = 'cli' | 'action';
const OPTION: Record<MergeSurface, { settings: string; host: string; reason: string }> = {
  cli: { settings: '--settings and --set', host: '--host', reason: '--reason' },
  action: { settings: 'settings input', host: 'host input', reason: 'reasons input' },
};

/** Refuses anything but the complete set of shard reports of one scan configuration; returns them in shard order. */
function checkShardSet(files: readonly ShardReportFile[], surface: MergeSurface): Part[] {
  const opt = OPTION[surface];
  const hostText = (h: string | null): string => (h === null ? 'all hosts' : surface === 'cli' ? `--host ${h}` : `host: ${h}`);
  const reasonsText = (r: readonly string[] | null): string =>
    r === null ? 'all reasons' : surface === 'cli' ? `--reason ${r.join(',')}` : `reasons: ${r.join(',')}`;
  if (files.length === 0)
    throw new ConfigError(
      surface === 'cli'
        ? 'no shard reports to merge: pass the report files (or folders) of episode-gate scan --shard K/N'
        : 'no shard reports to merge: the shard jobs (shard: K/N) upload them; make this job need them',
    );
  const parts: Part[] = files.map((f) => {
    if (!f.report.shard) {
      throw new ConfigError(
        surface === 'cli'
          ? `${f.name} is not a shard report (it has no "shard"): merge takes the reports of episode-gate scan --shard K/N; gate a whole report with episode-gate check --report ${f.name}`
          : `${f.name} is not a shard report (it has no "shard"): merge takes the artifacts the shard jobs (shard: K/N) upload; name other artifacts so that the merge pattern does not match them`,
      );
    }
    return { ...f, shard: f.report.shard };
  });
  parts.sort((a, b) => a.shard.index - b.shard.index || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ref = parts[0]!;
  const r = ref.report;
  for (const p of parts.slice(1)) {
    const o = p.report;
    const pair = `${ref.name} and ${p.name}`;
    if (p.shard.count !== ref.shard.count) {
      throw new ConfigError(
        `${ref.name} is shard ${label(ref.shard)} but ${p.name} is shard ${label(p.shard)}: merge the reports of one matrix, all with the same N`,
      );
    }
    if (o.dataset.fingerprint !== r.dataset.fingerprint) {
      throw new ConfigError(
        `${pair} are of different datasets (fingerprint ${shortHash(r.dataset.fingerprint)} vs ${shortHash(o.dataset.fingerprint)}): scan every shard from the same snapshot of the dataset`,
      );
    }
    if (o.settings_hash !== r.settings_hash) {
      throw new ConfigError(
        `${pair} were scanned with different classifier settings (settings_hash ${shortHash(r.settings_hash)} vs ${shortHash(o.settings_hash)}): give every shard the same ${opt.settings}`,
      );
    }
    if (o.tool.version !== r.tool.version) {
      throw new ConfigError(
        `${ref.name} was written by episode-gate ${r.tool.version} and ${p.name} by episode-gate ${o.tool.version}: scan every shard with the same version`,
      );
    }
    if (o.dataset.host !== r.dataset.host) {
      throw new ConfigError(
        `${pair} scanned different hosts (${hostText(r.dataset.host)} vs ${hostText(o.dataset.host)}): give every shard the same ${opt.host}`,
      );
    }
    if (JSON.stringify(o.dataset.reasons) !== JSON.stringify(r.dataset.reasons)) {
      throw new ConfigError(
        `${pair} count different reasons (${reasonsText(r.dataset.reasons)} vs ${reasonsText(o.dataset.reasons)}): give every shard the same ${opt.reason}`,
      );
    }
    if (p.shard.index_rows !== ref.shard.index_rows) {
      throw new ConfigError(
        `${pair} disagree on the index's size (${ref.shard.index_rows} vs ${p.shard.index_rows} rows): scan every shard from the same snapshot of the dataset`,
      );
    }
  }
  const n = ref.shard.count;
  const byIndex = new Map<number, Part>();
  for (const p of parts) {
    const prev = byIndex.get(p.shard.index);
    if (prev) throw new ConfigError(`shard ${label(p.shard)} is given twice (${prev.name} and ${p.name}): pass each shard's report once`);
    byIndex.set(p.shard.index, p);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0) {
    const which = missing.map((k) => `${k}/${n}`).join(', ');
    throw new ConfigError(
      `${missing.length === 1 ? `shard ${which} is` : `shards ${which} are`} missing (got ${parts.map((p) => label(p.shard)).join(', ')}): pass the reports of all ${n} shards; a missing shard is not a smaller dataset`,
    );
  }
  checkCoverage(parts);
  return parts;
}

/** Every index row in exactly one shard, and all of them: the union is the whole index. */
function checkCoverage(parts: readonly Part[]): void {
  const owner = new Map<number, Part>();
  for (const p of parts) {
    const lists: Array<[string, ReadonlyArray<{ line: unknown }>]> = [
      ['episodes', p.report.episodes],
      ['missing_tarballs', p.report.missing_tarballs],
      ['index_problems', p.report.index_problems],
    ];
    for (const [list, rows] of lists) {
      rows.forEach((row, i) => {
        const line = row.line;
        if (!Number.isSafeInteger(line) || (line as number) < 1) {
          throw new ConfigError(
            `${p.name}: ${list}[${i}].line must be a line number of the index; write it again with episode-gate scan --shard`,
          );
        }
        const prev = owner.get(line as number);
        if (prev) {
          throw new ConfigError(
            `index line ${String(line)} is in both ${prev.name} (shard ${label(prev.shard)}) and ${p.name} (shard ${label(p.shard)}): these reports are not the shards of one scan; scan every shard again`,
          );
        }
        owner.set(line as number, p);
      });
    }
  }
  const rows = parts[0]!.shard.index_rows;
  if (owner.size !== rows) {
    throw new ConfigError(
      `the ${parts.length} shard reports account for ${owner.size} of the index's ${rows} rows: they are not the shards of one scan; scan every shard again`,
    );
  }
}

/**
 * The whole dataset's report from its shards' reports. Rows go back into index order; counts,
 * by_reason, sources and hosts are counted again from the episodes (as a scan counts them);
 * the dataset paths and settings file are shard 1's; elapsed_ms is the slowest shard's (the
 * matrix runs its shards side by side).
 */
export function mergeShardReports(files: readonly ShardReportFile[], now: Date = new Date(), surface: MergeSurface = 'cli'): Report {
  const parts = checkShardSet(files, surface);
  const first = parts[0]!.report;
  const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
  const all = parts.map((p) => p.report);
  return assembleReport(
    {
      tool: first.tool,
      generated_at: now.toISOString(),
      dataset: first.dataset,
      settings: first.settings,
      settings_hash: first.settings_hash,
      settings_file: first.settings_file,
      settings_overrides: first.settings_overrides,
    },
    {
      episodes: all.flatMap((r) => r.episodes).sort(byLine),
      missing_tarballs: all.flatMap((r) => r.missing_tarballs).sort(byLine),
      index_problems: all.flatMap((r) => r.index_problems).sort(byLine),
    },
    {
      compressed_bytes: all.reduce((s, r) => s + r.totals.compressed_bytes, 0),
      decompressed_bytes: all.reduce((s, r) => s + r.totals.decompressed_bytes, 0),
      elapsed_ms: Math.max(...all.map((r) => r.totals.elapsed_ms)),
    },
  );
}
