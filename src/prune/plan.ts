/**
 * What an --archive / --delete run will do, decided before anything is touched: one item per
 * flagged (host_id, episode_id), with the tarball's path and, for --archive, its place in the
 * archive. Ids that are not one safe path component are refused here again (walkIndex already
 * refuses them; the prune code does not trust its caller with paths), and so is a tarball path
 * that is not exactly <episodes-root>/<host_id>/<episode_id>.tar.zst.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unsafeIdReason } from '../dataset/index-file.js';
import { PruneError, lstatOrNull, sameContent, sameInode } from './durable.js';

export type PruneAction = 'archive' | 'delete';

/** A flagged episode as the scan reported it. */
export interface FlaggedEpisode {
  host: string;
  episode: string;
  tarPath: string;
  /**
   * Set when it was flagged unreadable without its content being judged (the file could not be
   * read, a size limit of the reader's, a failure on our side): the unreadable detail. Such an
   * episode is never archived or deleted: a permission error is not a reason to lose it.
   */
  unjudged?: string;
}

export interface PlanItem {
  host: string;
  episode: string;
  /** <episodes-root>/<host>/<episode>.tar.zst */
  src: string;
  /** <archive-root>/<host>/<episode>.tar.zst for --archive, null for --delete. */
  dest: string | null;
}

export interface Refusal {
  host: string;
  episode: string;
  reason: string;
}

export interface PrunePlan {
  action: PruneAction;
  items: PlanItem[];
  refused: Refusal[];
}

export interface PruneRoots {
  episodesRoot: string;
  archiveRoot: string;
}

/** (host_id, episode_id) as one string that cannot be confused across the two fields. */
export function episodeKey(host: string, episode: string): string {
  return JSON.stringify([host, episode]);
}

/** Why an id must not become a path component, or null when it may. */
function idProblem(id: unknown): string | null {
  if (typeof id !== 'string') return 'is not a string';
  if (id.length === 0) return 'is empty';
  return unsafeIdReason(id);
}

function tarballPath(root: string, host: string, episode: string): string {
  return path.join(root, host, `${episode}.tar.zst`);
}

/** An item's paths, built from the roots and its ids; a reason instead when an id is unsafe. */
export function checkedItem(action: PruneAction, roots: PruneRoots, host: string, episode: string): PlanItem | string {
  for (const [field, id] of [
    ['host_id', host],
    ['episode_id', episode],
  ] as const) {
    const bad = idProblem(id);
    if (bad) return `${field} ${JSON.stringify(id)} ${bad}: not a single safe path component, so its tarball and row are left alone`;
  }
  return {
    host,
    episode,
    src: tarballPath(path.resolve(roots.episodesRoot), host, episode),
    dest: action === 'archive' ? tarballPath(path.resolve(roots.archiveRoot), host, episode) : null,
  };
}

/**
 * What the archive already holds at `dest`:
 *   'none'       nothing;
 *   'linked'     a second name of the very tarball (an interrupted run's link): removing the
 *                source name leaves the file in the archive;
 *   'copy'       a different file with the same bytes;
 *   'self'       the source itself, reached through links: it is no copy at all;
 *   'different'  something else.
 * Device and inode are compared first, then content.
 */
export type ArchiveHolding = 'none' | 'linked' | 'copy' | 'self' | 'different';

export function archiveHolds(src: string, dest: string): ArchiveHolding {
  const d = lstatOrNull(dest);
  if (!d) return 'none';
  const s = lstatOrNull(src);
  if (!s || !d.isFile() || !s.isFile()) return 'different';
  if (sameInode(s, d)) return d.nlink >= 2n && !sameEntry(src, dest) ? 'linked' : 'self';
  return sameContent(src, dest) ? 'copy' : 'different';
}

/** Do two paths name the same directory entry once their folders' links are resolved? */
export function sameEntry(a: string, b: string): boolean {
  return path.basename(a) === path.basename(b) && realPathOf(path.dirname(a)) === realPathOf(path.dirname(b));
}

/** The real path of `p`: its deepest existing ancestor with links resolved, the rest appended. */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let at = abs; ; at = path.dirname(at)) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return abs;
      rest.push(path.basename(at));
    }
  }
}

/** `inner` is `outer` or lies below it (both real paths). */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/**
 * An archive root that is, contains or lies inside the episodes root (links resolved) would make
 * a tarball its own "copy": throw before anything is touched.
 */
export function checkArchiveRoot(roots: PruneRoots): void {
  const episodes = realPathOf(roots.episodesRoot);
  const archive = realPathOf(roots.archiveRoot);
  const relation =
    archive === episodes
      ? 'is the episodes root'
      : isWithin(archive, episodes)
        ? 'lies inside'
        : isWithin(episodes, archive)
          ? 'contains'
          : null;
  if (relation === null) return;
  const shown = (given: string, real: string): string => (path.resolve(given) === real ? given : `${given} (really ${real})`);
  const what =
    relation === 'is the episodes root'
      ? `--archive-root ${shown(roots.archiveRoot, archive)} is the episodes root, --episodes-root ${shown(roots.episodesRoot, episodes)}`
      : `--archive-root ${shown(roots.archiveRoot, archive)} ${relation} --episodes-root ${shown(roots.episodesRoot, episodes)}`;
  throw new PruneError(
    `${what}: archiving there would remove tarballs without keeping a copy; nothing was touched: choose an --archive-root outside the episodes root`,
  );
}

/**
 * Why an item's files must not be touched: a host folder that is a link leading out of the
 * episodes root (a tarball outside it), or an archive place that leads into the episodes root
 * or out of the archive root. Null when both stay where they belong.
 */
export function escapeReason(item: PlanItem, roots: PruneRoots): string | null {
  const episodes = realPathOf(roots.episodesRoot);
  const src = realPathOf(item.src);
  if (!isWithin(src, episodes) || src === episodes) {
    return `${item.src} resolves to ${src}, outside --episodes-root ${episodes}; left alone`;
  }
  if (item.dest === null) return null;
  const archive = realPathOf(roots.archiveRoot);
  const dest = realPathOf(item.dest);
  if (isWithin(dest, episodes) || !isWithin(dest, archive) || dest === archive) {
    return `its archive place ${item.dest} resolves to ${dest}, ${isWithin(dest, episodes) ? 'inside --episodes-root' : 'outside --archive-root'}; left alone`;
  }
  return null;
}

/** Why an episode flagged without being judged is left where it is, and what to do. */
function unjudgedReason(action: PruneAction, detail: string): string {
  return `${detail}; its content was never judged, so it was not ${action}d: fix that and re-run, or remove it by hand`;
}

export function collisionReason(dest: string): string {
  return `the archive already holds a different ${dest}; nothing was overwritten: move that file aside and re-run`;
}

export function planPrune(action: PruneAction, flagged: readonly FlaggedEpisode[], roots: PruneRoots): PrunePlan {
  const plan: PrunePlan = { action, items: [], refused: [] };
  const seen = new Set<string>();
  for (const f of flagged) {
    const key = episodeKey(f.host, f.episode);
    // The index may list one episode twice; it has one tarball, so it is acted on once.
    if (seen.has(key)) continue;
    seen.add(key);
    const item = checkedItem(action, roots, f.host, f.episode);
    if (typeof item === 'string') {
      plan.refused.push({ host: f.host, episode: f.episode, reason: item });
      continue;
    }
    if (path.resolve(f.tarPath) !== item.src) {
      plan.refused.push({
        host: f.host,
        episode: f.episode,
        reason: `tarball path ${f.tarPath} is not ${item.src}; left alone`,
      });
      continue;
    }
    const s = lstatOrNull(item.src);
    if (s && !s.isFile()) {
      plan.refused.push({ host: f.host, episode: f.episode, reason: `${item.src} is not a regular file (a symlink?); left alone` });
      continue;
    }
    const escape = escapeReason(item, roots);
    if (escape) {
      plan.refused.push({ host: f.host, episode: f.episode, reason: escape });
      continue;
    }
    if (f.unjudged !== undefined) {
      plan.refused.push({ host: f.host, episode: f.episode, reason: unjudgedReason(action, f.unjudged) });
      continue;
    }
    if (item.dest && archiveHolds(item.src, item.dest) === 'different') {
      plan.refused.push({ host: f.host, episode: f.episode, reason: collisionReason(item.dest) });
      continue;
    }
    plan.items.push(item);
  }
  return plan;
}
