/** What a command writes to; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only there). */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Run a command's main and exit with its code once output has drained. */
export function runMain(main: (argv: string[], io: CliIO) => Promise<number>): void {
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
