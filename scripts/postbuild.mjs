// Bundled entry points that start with a shebang are commands: make them executable.
import { chmodSync, readdirSync, readFileSync } from 'node:fs';

for (const f of readdirSync('dist')) {
  if (f.endsWith('.js') && readFileSync(`dist/${f}`, 'utf8').startsWith('#!')) chmodSync(`dist/${f}`, 0o755);
}
