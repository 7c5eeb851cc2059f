/**
 * A small argparse-alike: long options with values (`--x v`, `--x=v`), flags, repeatable
 * options, choices, unambiguous prefixes (argparse's allow_abbrev), mutually exclusive pairs,
 * and argparse's error form (usage line, then `prog: error: ...`, exit 2).
 */

export interface OptionSpec {
  name: string; // without the leading --
  kind: 'flag' | 'value' | 'multi';
  choices?: readonly string[];
  help: string;
  metavar?: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParsedArgs = Record<string, string | string[] | boolean | undefined>;

export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  exclusive: ReadonlyArray<readonly string[]> = [],
): ParsedArgs & { help?: boolean; _: string[] } {
  const out: ParsedArgs & { _: string[] } = { _: [] };
  const seen: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      out._.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const given = arg.slice(2, eq === -1 ? undefined : eq);
    const exact = specs.find((s) => s.name === given);
    const candidates = exact ? [exact] : specs.filter((s) => s.name.startsWith(given));
    if (candidates.length === 0) throw new UsageError(`unrecognized arguments: ${arg}`);
    if (candidates.length > 1) {
      throw new UsageError(`ambiguous option: --${given} could match ${candidates.map((c) => '--' + c.name).join(', ')}`);
    }
    const spec = candidates[0]!;
    seen.push(spec.name);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`argument --${spec.name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
      out[spec.name] = true;
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const nextArg = argv[i + 1];
      if (nextArg === undefined || (nextArg.startsWith('--') && nextArg.length > 2))
        throw new UsageError(`argument --${spec.name}: expected one argument`);
      value = nextArg;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(
        `argument --${spec.name}: invalid choice: '${value}' (choose from ${spec.choices.map((c) => `'${c}'`).join(', ')})`,
      );
    }
    if (spec.kind === 'multi') out[spec.name] = [...((out[spec.name] as string[] | undefined) ?? []), value];
    else out[spec.name] = value;
  }
  for (const group of exclusive) {
    const used = group.filter((g) => seen.includes(g));
    if (used.length > 1) throw new UsageError(`argument --${used[1]}: not allowed with argument --${used[0]}`);
  }
  return out;
}

/** `positional` names the positional arguments, e.g. "REPORT [REPORT ...]". */
export function usageLine(prog: string, specs: readonly OptionSpec[], positional?: string): string {
  const parts = specs.map((s) =>
    s.kind === 'flag' ? `[--${s.name}]` : `[--${s.name} ${s.metavar ?? s.name.toUpperCase().replace(/-/g, '_')}]`,
  );
  return `usage: ${prog} [-h] ${parts.join(' ')}${positional ? ` ${positional}` : ''}`;
}

export function helpText(prog: string, description: string, specs: readonly OptionSpec[], positional?: string): string {
  const rows = specs.map((s) => {
    const left = s.kind === 'flag' ? `--${s.name}` : `--${s.name} ${s.metavar ?? s.name.toUpperCase().replace(/-/g, '_')}`;
    return `  ${left.padEnd(28)} ${s.help}`;
  });
  return `${usageLine(prog, specs, positional)}\n\n${description}\n\noptions:\n  -h, --help                   show this help message and exit\n${rows.join('\n')}\n`;
}

/** A positive integer option, or a usage error naming it. */
export function intOption(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`argument --${name}: expected a whole number >= ${min}, got '${value}'`);
  return Number(value);
}
