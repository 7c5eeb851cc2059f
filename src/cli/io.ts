import path from 'node:path';
import { inLine } from '../render/plain-text.js';
import { ConfigError } from '../shared/errors.js';
import { shellQuote } from '../shared/text.js';
import { tuneV8 } from '../shared/v8-tuning.js';

/** What a command writes to; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only there). */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * How this command was started, as the commands it prints must start to run the same way
   * ("npx episode-gate", "node dist/episode-gate.js"); absent: the bin's name.
   */
  invokedAs?: string;
}

/**
 * The start of a command line that runs this tool again the way it was run: through npx, by the
 * bin's name on PATH, or as node and the script's path (relative to cwd when inside it).
 */
function invocation(name: string, script: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (!script) return name;
  // Through a bin link: npx's (npm exec), or one on PATH. A script path, though started under npx, is run by node.
  if (path.basename(script) === name) return env.npm_command === 'exec' ? `npx ${name}` : name;
  const rel = path.relative(cwd, script);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : script;
  return `node ${shellQuote(shown)}`;
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

function processIO(name: string): CliIO {
  const outClosed = quietOnClosedPipe(process.stdout);
  const errClosed = quietOnClosedPipe(process.stderr);
  return {
    out: (t) => void (outClosed() || process.stdout.write(t)),
    err: (t) => void (errClosed() || process.stderr.write(t)),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    invokedAs: invocation(name, process.argv[1], process.env, process.cwd()),
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
export function runMain(main: (argv: string[], io: CliIO) => Promise<number>, name: string): void {
  tuneV8();
  main(process.argv.slice(2), processIO(name)).then(
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
