/**
 * What an --archive / --delete run will do, decided before anything is touched: one item per
 * flagged (host_id, episode_id), with the tarball's path and, for --archive, its place in the
 * archive. Ids that are not one safe path component are refused here again (walkIndex already
 * refuses them; the prune code does not trust its caller with paths), and so is a tarball path
 * that is not exactly <episodes-root>/<host_id>/<episode_id>.tar.zst.
 */
import path from 'node:path';
import { unsafeIdReason } from '../dataset/index-file.js';
import { lstatOrNull, sameContent, sameInode } from './durable.js';

export type PruneAction = 'archive' | 'delete';

/** A flagged episode as the scan reported it. */
export interface FlaggedEpisode {
  host: string;
  episode: string;
  tarPath: string;
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
export function idProblem(id: unknown): string | null {
  if (typeof id !== 'string') return 'is not a string';
  if (id.length === 0) return 'is empty';
  return unsafeIdReason(id);
}

export function tarballPath(root: string, host: string, episode: string): string {
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

/** The archive already holds `dest`: is it this very tarball (a re-run), or something else? */
export function archiveHolds(src: string, dest: string): 'same' | 'different' | 'none' {
  const d = lstatOrNull(dest);
  if (!d) return 'none';
  const s = lstatOrNull(src);
  if (!s || !d.isFile() || !s.isFile()) return 'different';
  return sameInode(s, d) || sameContent(src, dest) ? 'same' : 'different';
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
    if (item.dest && archiveHolds(item.src, item.dest) === 'different') {
      plan.refused.push({ host: f.host, episode: f.episode, reason: collisionReason(item.dest) });
      continue;
    }
    plan.items.push(item);
  }
  return plan;
}
