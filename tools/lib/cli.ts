/**
 * The tools' command line, before they do anything: `--help` (or `-h`) prints the usage (the
 * script's opening comment) and exits 0, and an option the tool does not take is refused with
 * exit 2, so a mistyped or unsupported option never starts a long run that writes files.
 * Every option of these tools takes one value (`--episodes 400`, `--out=DIR`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The opening doc comment of the script at `url`, without its comment markers. */
export function usageOf(url: string): string {
  const head = readFileSync(fileURLToPath(url), 'utf8').split('*/')[0]!;
  return head.replace(/^\/\*\*?\n?|^ \* ?/gm, '').trimEnd() + '\n';
}

/** `url`: the calling script's import.meta.url; `known`: its options, without the leading --. */
export function toolArgs(url: string, known: readonly string[], argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usageOf(url));
    process.exit(0);
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const name = a.slice(2).split('=')[0]!;
    if (!known.includes(name)) {
      process.stderr.write(`unknown option ${a}; the options are ${known.map((k) => `--${k}`).join(', ') || 'none'} (see --help)\n`);
      process.exit(2);
    }
    if (!a.includes('=')) i++; // its value
  }
}
