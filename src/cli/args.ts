/**
 * Typed command-line options from one spec table per command. Hand-written rather than Node's
 * util.parseArgs because the reference is argparse: unambiguous prefixes (allow_abbrev),
 * `--x=v`, choices, mutually exclusive options and argparse's error form (usage line, then
 * `prog: error: ...`, exit 2) decide what `cis490-prune` accepts and prints.
 *
 * The table is the single source of the parsed type (a flag is a boolean, a value a string or
 * one of its choices, a repeatable option a list), of the usage line and help, of `--version`
 * and of the "did you mean" hint for a mistyped option.
 */
import { ConfigError } from '../shared/errors.js';
import { closest } from '../shared/text.js';

type OptionKind = 'flag' | 'value' | 'multi';

interface OptionSpec {
  kind: OptionKind;
  choices?: readonly string[];
  help: string;
  metavar?: string;
}

/** Option name (without the leading --) -> its spec, in the order help lists them. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A table, checked and with its literal types kept (choices stay unions). */
export function options<const T extends OptionTable>(table: T): T {
  return table;
}

type Choice<S> = S extends { choices: readonly (infer C)[] } ? C : string;
type ValueOf<S> = S extends { kind: 'flag' } ? boolean : S extends { kind: 'multi' } ? Choice<S>[] : Choice<S> | undefined;

/** What parsing a table gives: each option's value, the positional arguments and -h/--help. */
export type Parsed<T extends OptionTable> = { readonly [K in keyof T]: ValueOf<T[K]> } & {
  readonly _: readonly string[];
  readonly help: boolean;
};

export class UsageError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParseOptions<T extends OptionTable> {
  /** Pairs (or groups) of options that cannot be given together. */
  exclusive?: ReadonlyArray<ReadonlyArray<keyof T & string>>;
  /** Add "(did you mean --x?)" to an unrecognized option close to a known one. */
  suggest?: boolean;
  /**
   * A single-value option given twice: argparse keeps the last value ('last-wins', what
   * cis490-prune keeps); episode-gate refuses it ('error'), since a second --dataset silently
   * replacing the first gates the wrong data. Repeatable options are 'multi' in the table.
   */
  repeated?: 'error' | 'last-wins';
}

export { closest };

export function parseArgs<T extends OptionTable>(argv: readonly string[], table: T, opts: ParseOptions<T> = {}): Parsed<T> {
  const names = Object.keys(table);
  const out: Record<string, string | string[] | boolean | undefined> = {};
  for (const name of names) {
    const kind = table[name]!.kind;
    out[name] = kind === 'flag' ? false : kind === 'multi' ? [] : undefined;
  }
  const positional: string[] = [];
  let help = false;
  const seen: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const given = arg.slice(2, eq === -1 ? undefined : eq);
    const candidates = names.includes(given) ? [given] : names.filter((n) => n.startsWith(given));
    if (candidates.length === 0) {
      const near = opts.suggest ? closest(given, names) : null;
      throw new UsageError(`unrecognized arguments: ${arg}${near ? ` (did you mean --${near}?)` : ''}`);
    }
    if (candidates.length > 1) {
      throw new UsageError(`ambiguous option: --${given} could match ${candidates.map((c) => '--' + c).join(', ')}`);
    }
    const name = candidates[0]!;
    const spec = table[name]!;
    seen.push(name);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`argument --${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
      out[name] = true;
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const nextArg = argv[i + 1];
      if (nextArg === undefined || (nextArg.startsWith('--') && nextArg.length > 2))
        throw new UsageError(`argument --${name}: expected one argument`);
      value = nextArg;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`argument --${name}: invalid choice: '${value}' (choose from ${spec.choices.map((c) => `'${c}'`).join(', ')})`);
    }
    const prev = out[name];
    if (spec.kind === 'value' && prev !== undefined && (opts.repeated ?? 'error') === 'error') {
      throw new UsageError(`argument --${name}: given twice ('${prev as string}', then '${value}'); pass it once`);
    }
    out[name] = spec.kind === 'multi' ? [...(Array.isArray(prev) ? prev : []), value] : value;
  }
  for (const group of opts.exclusive ?? []) {
    const used = group.filter((g) => seen.includes(g));
    if (used.length > 1) throw new UsageError(`argument --${used[1]}: not allowed with argument --${used[0]}`);
  }
  // The one place the table's type meets the values parsed by it.
  return { ...out, _: positional, help } as unknown as Parsed<T>;
}

function left(name: string, spec: OptionSpec): string {
  return spec.kind === 'flag' ? `--${name}` : `--${name} ${spec.metavar ?? name.toUpperCase().replace(/-/g, '_')}`;
}

/** `positional` names the positional arguments, e.g. "REPORT [REPORT ...]". */
export function usageLine(prog: string, table: OptionTable, positional?: string): string {
  const parts = Object.entries(table).map(([name, spec]) => `[${left(name, spec)}]`);
  return `usage: ${prog} [-h] ${parts.join(' ')}${positional ? ` ${positional}` : ''}`;
}

export function helpText(prog: string, description: string, table: OptionTable, positional?: string): string {
  const rows = Object.entries(table).map(([name, spec]) => `  ${left(name, spec).padEnd(28)} ${spec.help}`);
  return `${usageLine(prog, table, positional)}\n\n${description}\n\noptions:\n  -h, --help                   show this help message and exit\n${rows.join('\n')}\n`;
}

/** A positive integer option, or a usage error naming it. */
export function intOption(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`argument --${name}: expected a whole number >= ${min}, got '${value}'`);
  return Number(value);
}
