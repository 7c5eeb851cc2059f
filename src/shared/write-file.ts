/**
 * Writing an output file whole or not at all, without replacing what the path names: a symlink
 * is written through to its target (the link stays), and a FIFO, device or socket (/dev/stdout,
 * a named pipe) is written into, since renaming over it would destroy it.
 */
import { lstatSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, fsErrorWithFix } from './errors.js';

/** Links followed before a path is taken to loop (Linux's own bound). */
const MAX_LINKS = 40;

/**
 * The path a write to `file` lands on: symlinks followed, also a dangling one (as the shell's `>`
 * creates its target). null when the links loop.
 */
function writeTarget(file: string): string | null {
  let p = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), readlinkSync(p));
  }
  return null;
}

/** Write `text` to `file` (what: "report", "baseline"… as messages name it). */
export function writeFileAtomic(file: string, text: string, what: string): void {
  const fail = (why: string): never => {
    throw new ConfigError(`cannot write the ${what} to ${file}: ${why}`);
  };
  let target: string | null;
  try {
    target = writeTarget(file);
  } catch (e) {
    return fail(fsErrorWithFix(e, 'check the path', 'write'));
  }
  if (target === null) return fail(`its symbolic links loop (more than ${MAX_LINKS}); point the link at a file, or give another path`);
  const st = statSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) return fail(`${target === path.resolve(file) ? 'it' : target} is a directory; give a file path`);
  try {
    if (st && !st.isFile()) {
      // A pipe or device: written into, as the user asked; it has no whole-or-nothing.
      writeFileSync(target, text);
      return;
    }
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  } catch (e) {
    fail(fsErrorWithFix(e, 'check that its folder exists and is writable', 'write'));
  }
}
