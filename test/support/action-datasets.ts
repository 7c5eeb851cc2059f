/** Datasets and baselines for the Action tests, derived from the committed fixtures. */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DATASET, REPO_ROOT } from './run-action.js';

export interface PruneJson {
  scanned: number;
  kept: number;
  flagged: number;
  by_reason: Record<string, number>;
  flagged_episodes: Array<{ host: string; episode: string; reasons: string[] }>;
}

/** The fixtures as cis490-prune --json sees them: an independent account of the verdicts. */
export function pruneVerdicts(root = FIXTURE_DATASET): PruneJson {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'dist', 'cis490-prune.js'),
        '--json',
        '--episodes-root',
        path.join(root, 'episodes'),
        '--index',
        path.join(root, 'index.jsonl'),
      ],
      { encoding: 'utf8' },
    );
  } catch (e) {
    // Exit 1 means "something flagged"; the JSON is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  return JSON.parse(out) as PruneJson;
}

/** Copies the fixture dataset to `dir`; `keep` filters index rows by host/episode (dropping rows that are not JSON). */
export function copyDataset(dir: string, keep?: (host: string, episode: string) => boolean): string {
  cpSync(FIXTURE_DATASET, dir, { recursive: true });
  if (keep) {
    const index = path.join(dir, 'index.jsonl');
    const lines = readFileSync(index, 'utf8')
      .split('\n')
      .filter((l) => {
        let row: { host_id?: unknown; episode_id?: unknown };
        try {
          row = JSON.parse(l) as typeof row;
        } catch {
          return false; // blank or deliberately broken index lines of the fixtures
        }
        return typeof row?.host_id === 'string' && typeof row.episode_id === 'string' && keep(row.host_id, row.episode_id);
      });
    writeFileSync(index, lines.join('\n') + '\n');
  }
  return dir;
}

export interface Counts {
  scanned: number;
  kept: number;
  flagged: number;
}

export function writeBaseline(file: string, counts: Counts, byReason: Record<string, number>): string {
  writeFileSync(file, JSON.stringify({ version: 1, counts, by_reason: byReason, cases: [] }, null, 2) + '\n');
  return file;
}
