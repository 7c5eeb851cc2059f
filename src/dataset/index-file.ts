/**
 * Walking index.jsonl as the reference does: blank lines, lines that are not JSON and rows
 * without host_id/episode_id are skipped, rows whose tarball is missing are not scanned. Unlike
 * the reference, nothing is skipped silently: every skipped line is reported, and ids that are
 * not a single safe path component are refused instead of being joined into a path.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isDict, truthy, type PyVal } from '../py/value.js';
import { NotDict } from '../classifier/types.js';
import { JsonError, isBlankPyLine, parseJsonDoc, splitPyLines } from '../py/json.js';
import { readRegularFile } from '../shared/regular-file.js';
import { episodeShardKey } from './shard.js';

/**
 * What an interrupted cis490-prune leaves beside the index it was changing (prune/journal.ts):
 * until a re-run finishes it, tarballs it moved are missing while their rows are still listed.
 */
export const PRUNE_JOURNAL_SUFFIX = '.prune-journal';

/** The index a prune acts on: a symlinked index is followed to the file it names (as prune does). */
export function pruneTargetIndex(indexPath: string): string {
  const index = path.resolve(indexPath);
  try {
    if (lstatSync(index).isSymbolicLink()) return realpathSync(index);
  } catch {
    // Missing, or a dangling link: the name itself.
  }
  return index;
}

/** An unfinished prune of an index, as its journal records it. */
export interface UnfinishedPrune {
  /** The journal's path. */
  journal: string;
  /** "host/episode" of each episode it is archiving or deleting (empty when the journal cannot be read). */
  episodes: ReadonlySet<string>;
}

/**
 * The unfinished prune of this index, or null when there is none. Read leniently: this only
 * explains what the scan sees (cis490-prune itself checks a journal strictly before it acts).
 */
export function unfinishedPrune(indexPath: string): UnfinishedPrune | null {
  const journal = pruneTargetIndex(indexPath) + PRUNE_JOURNAL_SUFFIX;
  try {
    lstatSync(journal);
  } catch {
    return null;
  }
  const episodes = new Set<string>();
  try {
    const j = JSON.parse(readFileSync(journal, 'utf8')) as { format?: unknown; items?: unknown };
    if (j?.format === 'cis490-prune-journal' && Array.isArray(j.items)) {
      for (const it of j.items as Array<{ host?: unknown; episode?: unknown }>) {
        if (typeof it?.host === 'string' && typeof it.episode === 'string') episodes.add(`${it.host}/${it.episode}`);
      }
    }
  } catch {
    // Unreadable here (permissions, not JSON): it is still named; cis490-prune says what is wrong with it.
  }
  return { journal, episodes };
}

export interface IndexEntry {
  /** 1-based line of index.jsonl. */
  line: number;
  host: string;
  episode: string;
  tarPath: string;
  sizeBytes: number;
  /** Decides the row's shard (see shard.ts): "host/episode". */
  shardKey: string;
  /**
   * Set when the tarball is there but must not be read: the one-line reason, which becomes the
   * episode's `unreadable` detail (a permission error, a link out of the episodes root).
   */
  refused?: string;
}

export interface WalkOptions {
  /** Only rows of this host_id. */
  host?: string;
  /** Read tarballs whose real path (links resolved) lies outside the episodes root. */
  followOutsideLinks?: boolean;
}

type IndexProblemKind = 'not-json' | 'not-an-object' | 'missing-id' | 'unsafe-id';

export interface IndexProblem {
  line: number;
  kind: IndexProblemKind;
  detail: string;
  /** Decides the line's shard (see shard.ts): "host/episode" when both ids are strings, else the line's text. */
  shardKey: string;
}

export interface MissingTarball {
  line: number;
  host: string;
  episode: string;
  tarPath: string;
  shardKey: string;
}

export interface IndexWalk {
  entries: IndexEntry[];
  missing: MissingTarball[];
  problems: IndexProblem[];
  /** False when index.jsonl does not exist (the reference then scans nothing). */
  indexFound: boolean;
}

const ID_FIELDS: ReadonlySet<string> = new Set(['host_id', 'episode_id']);

/** A host_id / episode_id that can safely be one path component. */
export function unsafeIdReason(id: string): string | null {
  if (id === '.' || id === '..') return `is the relative path "${id}"`;
  if (/[/\\]/.test(id)) return 'contains a path separator';

  if (/[\x00-\x1f\x7f]/.test(id)) return 'contains a control character';
  return null;
}

function describeId(v: PyVal | undefined): string {
  return v === undefined ? 'missing' : (JSON.stringify(typeof v === 'bigint' ? v.toString() : v instanceof Map ? '{...}' : v) ?? String(v));
}

export async function walkIndex(indexPath: string, episodesRoot: string, opts: WalkOptions = {}): Promise<IndexWalk> {
  let text: string;
  try {
    // A BOM is kept, as Python's read_text() keeps it: the first row then is not JSON. A FIFO or
    // device is refused (FileRefusedError), never waited on.
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(indexPath).file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], missing: [], problems: [], indexFound: false };
    throw e;
  }
  return walkIndexText(text, episodesRoot, opts);
}

/**
 * Errors of stat() that Python's Path.exists() takes for "does not exist" (the reference skips
 * such rows as missing); any other error (EACCES above all) makes it raise.
 */
const MISSING_CODES: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'EBADF']);

function describeCode(code: string | undefined): string {
  if (code === 'EACCES' || code === 'EPERM') return `${code} (permission denied)`;
  return code ?? 'unknown error';
}

/** What a JSON value is called in JSON's words, from the name of its Python type. */
const JSON_KIND: Readonly<Record<string, string>> = {
  NoneType: 'null',
  list: 'array',
  str: 'string',
  bool: 'boolean',
  int: 'number',
  float: 'number',
};

export function walkIndexText(text: string, episodesRoot: string, opts: WalkOptions = {}): IndexWalk {
  const { host } = opts;
  const walk: IndexWalk = { entries: [], missing: [], problems: [], indexFound: true };
  let realRoot: string | null = null;
  /** Each host directory's real path, resolved once: a tarball that is no link lies in it. */
  const realHostDirs = new Map<string, string | null>();
  const realHostDir = (dir: string): string | null => {
    let real = realHostDirs.get(dir);
    if (real === undefined) {
      try {
        real = realpathSync.native(dir);
      } catch {
        real = null; // resolved per tarball instead, which reports why
      }
      realHostDirs.set(dir, real);
    }
    return real;
  };
  /** Why a tarball that exists must not be read (its real path), or null. `isLink`: the tarball itself is a symbolic link. */
  const outsideRoot = (tarPath: string, shown: string, isLink: boolean): string | null => {
    if (opts.followOutsideLinks) return null;
    let real: string;
    try {
      realRoot ??= realpathSync.native(episodesRoot);
      const dir = isLink ? null : realHostDir(path.dirname(tarPath));
      real = dir === null ? realpathSync.native(tarPath) : path.join(dir, path.basename(tarPath));
    } catch (e) {
      return `cannot resolve ${shown}: ${describeCode((e as NodeJS.ErrnoException).code)}`;
    }
    const inside = realRoot === path.parse(realRoot).root || real.startsWith(realRoot + path.sep);
    return inside ? null : `refused: ${shown} resolves to ${real}, outside the episodes root; pass --follow-outside-links to read it`;
  };
  for (const { line, lineNo } of splitPyLines(text)) {
    if (isBlankPyLine(line)) continue;
    let row;
    try {
      row = parseJsonDoc(line, ID_FIELDS);
    } catch (e) {
      if (e instanceof JsonError) {
        walk.problems.push({
          line: lineNo,
          kind: 'not-json',
          detail: `not JSON (${e.message}${e.message.endsWith(' at') ? '' : ' at'} column ${e.column})`,
          shardKey: line,
        });
        continue;
      }
      throw e;
    }
    if (row instanceof NotDict) {
      walk.problems.push({
        line: lineNo,
        kind: 'not-an-object',
        detail: `a JSON ${JSON_KIND[row.pyType] ?? row.pyType}, not an object`,
        shardKey: line,
      });
      continue;
    }
    const h = row.host_id;
    const ep = row.episode_id;
    if (h === undefined || ep === undefined || !truthy(h) || !truthy(ep)) {
      walk.problems.push({
        line: lineNo,
        kind: 'missing-id',
        detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: both must be non-empty`,
        shardKey: line,
      });
      continue;
    }
    if (typeof h !== 'string' || typeof ep !== 'string' || isDict(h) || isDict(ep)) {
      walk.problems.push({
        line: lineNo,
        kind: 'unsafe-id',
        detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: ids must be strings`,
        shardKey: line,
      });
      continue;
    }
    const bad = unsafeIdReason(h) ?? unsafeIdReason(ep);
    if (bad) {
      walk.problems.push({
        line: lineNo,
        kind: 'unsafe-id',
        detail: `host_id ${JSON.stringify(h)}, episode_id ${JSON.stringify(ep)}: ${bad}; refused`,
        shardKey: episodeShardKey(h, ep),
      });
      continue;
    }
    if (host !== undefined && h !== host) continue;
    const tarPath = path.join(episodesRoot, h, `${ep}.tar.zst`);
    const shardKey = episodeShardKey(h, ep);
    const shown = `${h}/${ep}.tar.zst`;
    let sizeBytes: number;
    let isLink = true;
    let fileIsLink = false;
    try {
      // One lstat answers for a tarball that is no link (most): the same size as stat's. A link,
      // or any error, gets stat's own answer, so missing and refused rows are told apart exactly.
      let l: Stats | undefined;
      try {
        l = lstatSync(tarPath, { throwIfNoEntry: false });
      } catch {
        l = undefined;
      }
      isLink = l === undefined || l.isSymbolicLink();
      fileIsLink = l !== undefined && l.isSymbolicLink();
      sizeBytes = isLink ? statSync(tarPath).size : l!.size;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== undefined && MISSING_CODES.has(code)) {
        walk.missing.push({ line: lineNo, host: h, episode: ep, tarPath, shardKey });
      } else {
        // The reference crashes here (Path.exists() raises): this episode is unreadable, not missing.
        const refused = `cannot stat ${shown} in the episodes root: ${describeCode(code)}`;
        walk.entries.push({ line: lineNo, host: h, episode: ep, tarPath, sizeBytes: 0, shardKey, refused });
      }
      continue;
    }
    // The reference's `zstd -d` refuses a file that is itself a symbolic link ("is a symbolic link,
    // ignoring"), so such a tarball is unreadable to it; a host folder that is a link is entered.
    const refused =
      outsideRoot(tarPath, shown, isLink) ??
      (fileIsLink && !opts.followOutsideLinks
        ? `refused: ${shown} is a symbolic link, which the reference's zstd command does not read ("is a symbolic link, ignoring"); pass --follow-outside-links to read it`
        : null);
    walk.entries.push({ line: lineNo, host: h, episode: ep, tarPath, sizeBytes, shardKey, ...(refused ? { refused } : {}) });
  }
  return walk;
}
