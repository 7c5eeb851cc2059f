/**
 * vitest globalSetup: the Action tests run the real bundle (node dist/index.js), so build it
 * first, unless dist/index.js is already newer than every input of the build.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(p: string): number {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

export default function setup(): void {
  const built = statSync(path.join(root, 'dist', 'index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const inputs = ['src', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json'];
  if (built > Math.max(...inputs.map((p) => newestMtime(path.join(root, p))))) return;
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`npm run build failed:\n${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
  }
}
