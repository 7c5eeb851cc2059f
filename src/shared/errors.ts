/**
 * The base of every user-facing error: bad input the tool was given (a baseline, settings file,
 * report, dataset path, option, Action input, artifact or snapshot). Its message is one line
 * naming the thing and the fix. The command line turns it into exit code 2, "the tool could not
 * run" (src/cli/io.ts, couldNotRun), the Action into one failed-step line (src/main.ts); neither
 * may be confused with exit 1, "the gate ran and failed". Anything else thrown is a defect of ours.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    // One line, whatever was quoted into it (e.g. a JSON parser's excerpt of the input).
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'ConfigError';
  }
}

/** A short description of a file-system error, e.g. "ENOENT (no such file)". */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  if (err && typeof err.code === 'string') return known[err.code] ? `${err.code} (${known[err.code]})` : err.code;
  return err?.message ?? String(e);
}

/** EACCES or EPERM: the path is right, the user running the tool may not use it. */
export function isPermissionError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/**
 * A file-system error and what to do about it, e.g. "ENOENT (no such file); check the --settings
 * path". `fix` is the caller's fix for a wrong or missing path; a permission error gets a fix about
 * permissions instead, since the path named is the right one. `access` is what the tool needed.
 */
export function fsErrorWithFix(e: unknown, fix: string, access: 'read' | 'write' = 'read'): string {
  return `${describeFsError(e)}; ${isPermissionError(e) ? permissionFix(access) : fix}`;
}

function permissionFix(access: 'read' | 'write'): string {
  const uid = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
  const what = access === 'read' ? 'read access to it' : 'write access to its folder';
  return `give the user this runs as${uid} ${what} (and search access to the folders above), or run as a user who has it`;
}
