// Tests that run the bundled commands need dist/ to match src/: rebuild when a source is newer.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  let built = 0;
  try {
    built = statSync(path.join(root, 'dist', 'cis490-prune.js')).mtimeMs;
  } catch {
    built = 0;
  }
  if (newest(path.join(root, 'src')) > built) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
}
