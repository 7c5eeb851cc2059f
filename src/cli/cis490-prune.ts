/**
 * `cis490-prune`: the reference's operator command, with its flags, output and exit codes
 * (0 nothing flagged, 1 something flagged, 2 usage error or no episodes dir).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_CLASSIFIER_SETTINGS, REFERENCE_REASONS, type Reason } from '../classifier/types.js';
import { capJobs, createEpisodeRunner } from '../dataset/pool.js';
import { createProgress } from '../dataset/progress.js';
import { walkIndexText } from '../dataset/index-file.js';
import { scanDataset, type ScanOptions } from '../dataset/scan.js';
import { DEFAULT_LIMITS } from '../episode/read.js';
import {
  acquireLockFor,
  applyPrune,
  checkArchiveRoot,
  pendingPruneNote,
  PruneError,
  resumePendingPrune,
  type PruneAction,
  type PruneLock,
  type PruneReport,
} from '../prune/index.js';
import { inLine } from '../render/plain-text.js';
import { closest } from '../shared/text.js';
import { FileRefusedError, readRegularFile } from '../shared/regular-file.js';
import { fsErrorWithFix, isPermissionError } from '../shared/errors.js';
import { renderPruneJson, renderPruneText, selectReasons, type PruneView } from '../render/prune.js';
import { UsageError, helpText, intOption, options, parseArgs, usageLine } from './args.js';
import type { CliIO } from './io.js';

const PROG = 'cis490-prune';

const SPECS = options({
  'episodes-root': {
    kind: 'value',
    help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (default /var/lib/cis490/episodes)',
  },
  index: { kind: 'value', help: 'index.jsonl (default /var/lib/cis490/index.jsonl)' },
  'archive-root': { kind: 'value', help: 'where --archive moves flagged tarballs (default /var/lib/cis490/episodes-archive)' },
  reason: {
    kind: 'multi',
    choices: [...REFERENCE_REASONS, 'unreadable'],
    help: 'Only flag episodes matching this reason. Repeat to OR multiple. Default: all reasons. (unreadable is always flagged)',
  },
  host: { kind: 'value', help: 'Only consider episodes from this host_id' },
  delete: { kind: 'flag', help: 'Remove flagged tarballs + drop their index rows' },
  archive: { kind: 'flag', help: 'Move flagged tarballs to --archive-root + drop index rows' },
  json: { kind: 'flag', help: 'Machine-readable output instead of summary' },
  jobs: { kind: 'value', metavar: 'N', help: 'episodes classified in parallel, at most (default: available cores)' },
  'follow-outside-links': {
    kind: 'flag',
    help: 'read tarballs that are links, or that links lead outside --episodes-root (default: flagged unreadable, not read)',
  },
});

export async function pruneMain(argv: string[], io: CliIO): Promise<number> {
  let args;
  let jobs: number | undefined;
  try {
    args = parseArgs(argv, SPECS, { exclusive: [['delete', 'archive']], repeated: 'last-wins' });
    if (args._.length > 0) throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
    jobs = intOption('jobs', args.jobs);
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
  if (jobs !== undefined) {
    const capped = capJobs(jobs);
    if (capped.note) io.err(`${PROG}: note: --${capped.note}\n`);
    jobs = capped.jobs;
  }
  const episodesRoot = path.resolve(io.cwd, args['episodes-root'] ?? '/var/lib/cis490/episodes');
  const indexPath = path.resolve(io.cwd, args.index ?? '/var/lib/cis490/index.jsonl');
  if (!existsSync(episodesRoot)) {
    io.err(`no episodes dir at ${args['episodes-root'] ?? '/var/lib/cis490/episodes'}\n`);
    return 2;
  }
  const action: PruneAction | null = args.archive ? 'archive' : args.delete ? 'delete' : null;
  const host = args.host || undefined;
  const unmatched = host === undefined ? null : unmatchedHost(indexPath, episodesRoot, host);
  if (unmatched) {
    // A filter that matches nothing would print "flagged: 0" and exit 0: a misspelt host is not a clean one.
    io.err(`${PROG}: error: ${inLine(unmatched)}\n`);
    return 2;
  }
  const scanOpts: ScanOptions = {
    indexPath,
    episodesRoot,
    ...(host ? { host } : {}),
    ...(args['follow-outside-links'] ? { followOutsideLinks: true } : {}),
    jobs: jobs ?? availableParallelism(),
    settings: { ...DEFAULT_CLASSIFIER_SETTINGS },
    limits: { ...DEFAULT_LIMITS },
    // Nothing this CLI prints or prunes by uses a tarball's sha256: no hashing (about 0.3 ms an episode).
    digest: false,
  };
  const selected = args.reason.length > 0 ? new Set(args.reason) : null;
  if (!action) {
    const note = pendingPruneNote(indexPath);
    if (note) io.err(`${PROG}: note: ${inLine(note)}\n`);
    try {
      const view = await scanAndReport(io, scanOpts, selected, args.json, true);
      if (view.flagged.length > 0 && !args.json) {
        // Where --archive would put them, before anyone runs it (stdout stays the reference's).
        const archiveRoot = path.resolve(io.cwd, args['archive-root'] ?? '/var/lib/cis490/episodes-archive');
        io.err(
          `${PROG}: note: --archive would move the ${view.flagged.length} flagged tarballs to ${archiveRoot}/<host>/${args['archive-root'] ? '' : ' (the default; choose with --archive-root DIR)'}\n`,
        );
      }
      return view.flagged.length === 0 ? 0 : 1;
    } catch (e) {
      const fix = 'pass --index FILE naming the index file';
      if (e instanceof FileRefusedError) io.err(`${PROG}: error: cannot read the index ${e.path}: ${e.why}; ${fix}\n`);
      else if (isPermissionError(e))
        io.err(`${PROG}: error: cannot read the index ${args.index ?? indexPath}: ${fsErrorWithFix(e, fix)}\n`);
      else throw e;
      return 2;
    }
  }
  const archiveRoot = path.resolve(io.cwd, args['archive-root'] ?? '/var/lib/cis490/episodes-archive');
  return actOnFlagged(io, action, { indexPath, episodesRoot, archiveRoot }, scanOpts, selected, args.json);
}

async function scanAndReport(
  io: CliIO,
  scanOpts: ScanOptions,
  selected: ReadonlySet<Reason> | null,
  json: boolean,
  dryRun: boolean,
): Promise<PruneView> {
  const runner = createEpisodeRunner({
    jobs: scanOpts.jobs ?? availableParallelism(),
    job: { settings: scanOpts.settings, limits: scanOpts.limits, digest: scanOpts.digest !== false },
  });
  const progress = createProgress({ write: io.err, isTTY: io.errIsTTY && !json });
  let scan;
  try {
    scan = await scanDataset({ ...scanOpts, onProgress: progress.update }, runner);
  } finally {
    progress.finish();
    await runner.close();
  }
  const view = selectReasons(scan.episodes, selected);
  if (json) {
    io.out(renderPruneJson(view, scan));
  } else {
    io.out(renderPruneText(view, dryRun));
    reportSkipped(io, scan);
  }
  return view;
}

/**
 * --archive / --delete: under the prune lock, finish any interrupted run, scan, print the
 * summary, say what will happen, then do it (src/prune). stdout keeps the reference's text;
 * the plan, refusals and notes go to stderr.
 */
async function actOnFlagged(
  io: CliIO,
  action: PruneAction,
  roots: { indexPath: string; episodesRoot: string; archiveRoot: string },
  scanOpts: ScanOptions,
  selected: ReadonlySet<Reason> | null,
  json: boolean,
): Promise<number> {
  const log = (line: string): void => io.err(`${PROG}: ${inLine(line)}\n`);
  if (action === 'archive') {
    try {
      checkArchiveRoot(roots);
    } catch (e) {
      if (!(e instanceof PruneError)) throw e;
      io.err(`${PROG}: error: ${inLine(e.message)}\n`);
      return 2;
    }
  }
  if (!existsSync(path.dirname(roots.indexPath))) {
    // No index, so nothing is listed and nothing can be flagged (the reference's behaviour).
    const view = await scanAndReport(io, scanOpts, selected, json, false);
    io.out(`\n${action}d 0 episodes\n`);
    return view.flagged.length === 0 ? 0 : 1;
  }
  let lock: PruneLock | undefined;
  try {
    lock = acquireLockFor(roots.indexPath);
    const resumed = await resumePendingPrune({ ...roots, lock, log });
    // Rows past this size were appended after the scan began: never judged, never dropped.
    const indexBytesSeen = statSync(roots.indexPath, { throwIfNoEntry: false })?.size ?? 0;
    const view = await scanAndReport(io, scanOpts, selected, json, false);
    const { report } = await applyPrune({
      ...roots,
      action,
      flagged: view.flagged.map((q) => ({
        host: q.host,
        episode: q.episode,
        tarPath: q.tarPath,
        ...(q.unjudged ? { unjudged: q.verdict.unreadable ?? 'unreadable' } : {}),
      })),
      indexBytesSeen,
      lock,
      log,
    });
    io.out(`\n${doneLine(action, report.acted.length, resumed)}\n`);
    return view.flagged.length === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof PruneError) io.err(`${PROG}: error: ${inLine(e.message)}\n`);
    else {
      // A file-system error (disk full, permission): the journal makes the next run finish.
      io.err(
        `${PROG}: error: ${inLine((e as Error).message)}; nothing is lost: fix that and re-run, the next run finishes this one first\n`,
      );
    }
    return 2;
  } finally {
    lock?.release();
  }
}

/**
 * The reference's last line, `archived N episodes`; when this run first finished an interrupted
 * one, N counts those episodes too (same action) or the line says what was finished, so stdout
 * never reads "0" after a run that moved tarballs.
 */
function doneLine(action: PruneAction, acted: number, resumed: PruneReport | null): string {
  const before = resumed?.acted.length ?? 0;
  if (before === 0) return `${action}d ${acted} episodes`;
  if (resumed!.action === action) return `${action}d ${acted + before} episodes (${before} of them finishing the interrupted run)`;
  return `${action}d ${acted} episodes (and ${resumed!.action}d ${before} finishing the interrupted --${resumed!.action})`;
}

/**
 * Why --host matches nothing in an index that lists episodes (the hosts it lists instead), or
 * null when it matches a row, or the index is missing, unreadable or lists no episode (the scan
 * reports those).
 */
function unmatchedHost(indexPath: string, episodesRoot: string, host: string): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(indexPath).file);
  } catch {
    return null;
  }
  const walk = walkIndexText(text, episodesRoot);
  const hosts = [...new Set([...walk.entries, ...walk.missing].map((e) => e.host))].sort();
  if (hosts.length === 0 || hosts.includes(host)) return null;
  const shown = hosts.length > 8 ? `${hosts.slice(0, 8).join(', ')}, … (${hosts.length} in all)` : hosts.join(', ');
  const near = closest(host, hosts);
  return `--host ${JSON.stringify(host)} matches no row of ${indexPath}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''} (its hosts: ${shown}); check the spelling`;
}

/** What the reference would have passed over silently goes to stderr, one line each. */
function reportSkipped(io: CliIO, scan: Awaited<ReturnType<typeof scanDataset>>): void {
  if (!scan.indexFound) io.err(`${PROG}: note: no index at the --index path; nothing was scanned\n`);
  for (const r of scan.episodes) {
    if (r.verdict.unreadable) io.err(`${PROG}: ${inLine(`unreadable ${r.host}/${r.episode}: ${r.verdict.unreadable}`)}\n`);
  }
  for (const m of scan.missing)
    io.err(`${PROG}: ${inLine(`not scanned (tarball missing) index line ${m.line}: ${m.host}/${m.episode} -> ${m.tarPath}`)}\n`);
  for (const p of scan.problems) io.err(`${PROG}: ${inLine(`skipped index line ${p.line}: ${p.detail}`)}\n`);
}
