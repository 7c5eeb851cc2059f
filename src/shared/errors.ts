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
