import { inLine } from '../render/plain-text.js';
import { ConfigError } from '../shared/errors.js';
import { tuneV8 } from '../shared/v8-tuning.js';

/** What a command writes to; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only there). */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * A reader that stops reading (`episode-gate check | head -1`) must not turn a verdict into
 * another exit code: Node's default for EPIPE is an uncaught error, exit 1, which here means
 * "the gate failed". Writes to a closed pipe are dropped and the command's own code stands.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): () => boolean {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else process.exitCode = 2; // nothing can be said about it: stderr may be the stream that failed
  });
  return () => closed;
}

function processIO(): CliIO {
  const outClosed = quietOnClosedPipe(process.stdout);
  const errClosed = quietOnClosedPipe(process.stderr);
  return {
    out: (t) => void (outClosed() || process.stdout.write(t)),
    err: (t) => void (errClosed() || process.stderr.write(t)),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * The one place an error becomes episode-gate's exit-2 line: a user-facing error (ConfigError and
 * its kinds) says what to fix; anything else is named an internal error, with its stack only
 * under EPISODE_GATE_DEBUG. Returns the exit code, 2.
 */
export function couldNotRun(e: unknown, io: CliIO): 2 {
  const err = e as Error;
  const what = e instanceof ConfigError ? err.message : `internal error: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
  io.err(`episode-gate: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${inLine(what)}\n`);
  if (!(e instanceof ConfigError) && io.env.EPISODE_GATE_DEBUG) io.err(`${err?.stack ?? ''}\n`);
  return 2;
}

/** Run a command's main and exit with its code once output has drained. */
export function runMain(main: (argv: string[], io: CliIO) => Promise<number>): void {
  tuneV8();
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Last resort: one line, never a stack trace (EPISODE_GATE_DEBUG=1 shows it).
      const err = e as Error;
      process.stderr.write(`error: ${err?.message ?? String(e)}\n`);
      if (process.env.EPISODE_GATE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
      process.exitCode = 2;
    },
  );
}
