/**
 * The gate's one error type for bad input it was given: a baseline, settings file, report or
 * dataset path that is missing or invalid. Its message is one line naming the file (and field)
 * and the fix. Commands turn it into exit code 2, "the tool could not run", which must never
 * be confused with exit 1, "the gate ran and failed".
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
