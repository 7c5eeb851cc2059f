/**
 * Where this package lives on disk, found from the running module (src/gate/*.ts under tsx or
 * vitest, dist/*.js or dist/chunks/*.js when bundled): the nearest folder above it whose
 * package.json is this package's. The bundled fixtures and the tool version come from there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'episode-gate';

let cached: { root: string | null; version: string } | null = null;

function locate(): { root: string | null; version: string } {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        const doc = JSON.parse(readFileSync(pj, 'utf8')) as { name?: unknown; version?: unknown };
        if (doc.name === PACKAGE_NAME) {
          cached = { root: dir, version: typeof doc.version === 'string' ? doc.version : '0.0.0' };
          return cached;
        }
      } catch {
        // Not ours (or unreadable): keep looking upwards.
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  cached = { root: null, version: '0.0.0' };
  return cached;
}

function packageRoot(): string | null {
  return locate().root;
}

export function toolVersion(): string {
  return locate().version;
}

export interface BundledFixtures {
  datasetDir: string;
  indexPath: string;
  episodesRoot: string;
  baselinePath: string;
}

/** The committed fixture dataset and its baseline; null when the package folder is not found. */
export function bundledFixtures(): BundledFixtures | null {
  const root = packageRoot();
  if (!root) return null;
  const datasetDir = path.join(root, 'fixtures', 'dataset');
  return {
    datasetDir,
    indexPath: path.join(datasetDir, 'index.jsonl'),
    episodesRoot: path.join(datasetDir, 'episodes'),
    baselinePath: path.join(root, 'fixtures', 'baseline.json'),
  };
}
