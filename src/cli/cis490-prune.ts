/**
 * `cis490-prune`: the reference's operator command, with its flags, output and exit codes
 * (0 nothing flagged, 1 something flagged, 2 usage error or no episodes dir).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_CLASSIFIER_SETTINGS, REFERENCE_REASONS, type Reason } from '../classifier/types.js';
import { createEpisodeRunner } from '../dataset/pool.js';
import { createProgress } from '../dataset/progress.js';
import { scanDataset } from '../dataset/scan.js';
import { DEFAULT_LIMITS } from '../episode/read.js';
import { renderPruneJson, renderPruneText, selectReasons } from '../render/prune.js';
import { UsageError, helpText, intOption, parseArgs, usageLine, type OptionSpec } from './args.js';
import type { CliIO } from './io.js';

const PROG = 'cis490-prune';

const SPECS: readonly OptionSpec[] = [
  {
    name: 'episodes-root',
    kind: 'value',
    help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (default /var/lib/cis490/episodes)',
  },
  { name: 'index', kind: 'value', help: 'index.jsonl (default /var/lib/cis490/index.jsonl)' },
  { name: 'archive-root', kind: 'value', help: 'where --archive moves flagged tarballs (default /var/lib/cis490/episodes-archive)' },
  {
    name: 'reason',
    kind: 'multi',
    choices: [...REFERENCE_REASONS, 'unreadable'],
    help: 'Only flag episodes matching this reason. Repeat to OR multiple. Default: all reasons. (unreadable is always flagged)',
  },
  { name: 'host', kind: 'value', help: 'Only consider episodes from this host_id' },
  { name: 'delete', kind: 'flag', help: 'Remove flagged tarballs + drop their index rows' },
  { name: 'archive', kind: 'flag', help: 'Move flagged tarballs to --archive-root + drop index rows' },
  { name: 'json', kind: 'flag', help: 'Machine-readable output instead of summary' },
  { name: 'jobs', kind: 'value', metavar: 'N', help: 'episodes classified in parallel (default: available cores)' },
];

export async function pruneMain(argv: string[], io: CliIO): Promise<number> {
  let args;
  let jobs: number | undefined;
  try {
    args = parseArgs(argv, SPECS, [['delete', 'archive']]);
    if (args._.length > 0) throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
    jobs = intOption('jobs', args.jobs as string | undefined);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${usageLine(PROG, SPECS)}\n${PROG}: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.out(helpText(PROG, 'Classify episodes like the receiver-side cis490-prune; dry-run by default.', SPECS));
    return 0;
  }
  const episodesRoot = path.resolve(io.cwd, (args['episodes-root'] as string | undefined) ?? '/var/lib/cis490/episodes');
  const indexPath = path.resolve(io.cwd, (args.index as string | undefined) ?? '/var/lib/cis490/index.jsonl');
  if (!existsSync(episodesRoot)) {
    io.err(`no episodes dir at ${(args['episodes-root'] as string | undefined) ?? '/var/lib/cis490/episodes'}\n`);
    return 2;
  }
  if (args.archive || args.delete) {
    io.err(`${PROG}: --archive and --delete are not available in this version yet; nothing was changed.\n`);
    return 2;
  }
  const host = (args.host as string | undefined) || undefined;
  const settings = { ...DEFAULT_CLASSIFIER_SETTINGS };
  const limits = { ...DEFAULT_LIMITS };
  const jobCount = jobs ?? availableParallelism();
  const runner = createEpisodeRunner({ jobs: jobCount, job: { settings, limits } });
  const progress = createProgress({ write: io.err, isTTY: io.errIsTTY && !args.json });
  let scan;
  try {
    scan = await scanDataset(
      { indexPath, episodesRoot, ...(host ? { host } : {}), jobs: jobCount, settings, limits, onProgress: progress.update },
      runner,
    );
  } finally {
    progress.finish();
    await runner.close();
  }
  const selected = args.reason ? new Set(args.reason as Reason[]) : null;
  const view = selectReasons(scan.episodes, selected);
  if (args.json) {
    io.out(renderPruneJson(view, scan));
  } else {
    io.out(renderPruneText(view, true));
    reportSkipped(io, scan);
  }
  return view.flagged.length === 0 ? 0 : 1;
}

/** What the reference would have passed over silently goes to stderr, one line each. */
function reportSkipped(io: CliIO, scan: Awaited<ReturnType<typeof scanDataset>>): void {
  if (!scan.indexFound) io.err(`${PROG}: note: no index at the --index path; nothing was scanned\n`);
  for (const r of scan.episodes) {
    if (r.verdict.unreadable) io.err(`${PROG}: unreadable ${r.host}/${r.episode}: ${r.verdict.unreadable}\n`);
  }
  for (const m of scan.missing)
    io.err(`${PROG}: not scanned (tarball missing) index line ${m.line}: ${m.host}/${m.episode} -> ${m.tarPath}\n`);
  for (const p of scan.problems) io.err(`${PROG}: skipped index line ${p.line}: ${p.detail}\n`);
}
