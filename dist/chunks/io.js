import { h as closest, C as ConfigError, l as shellQuote } from './pool.js';
import path from 'node:path';
import { t as tuneV8 } from './v8-tuning.js';

/**
 * Data inside the CLIs' plain-text lines. The Actions runner reads a line of a step's output as
 * a workflow command when, after leading whitespace (so indenting does not help), it starts with
 * "::", and anywhere it holds the legacy "##[" marker. Data must therefore never bring a line
 * break, nor begin a line with "::", nor carry "##[" through.
 */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]/g;
function escapeBreak(c) {
    if (c === '\r')
        return '\\r';
    if (c === '\n')
        return '\\n';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** Data placed inside one line: line breaks shown as escapes, the legacy command marker broken. */
function inLine(data) {
    return data.replace(LINE_BREAKS, escapeBreak).replaceAll('##[', '#\\u0023[');
}
/** Whitespace as the runner trims it before looking for "::" (.NET Char.IsWhiteSpace). */
const LEADING_SPACE = /^[\s\p{Z}\u0085\u001c-\u001f]*/u;
/**
 * A data value that begins a line: printed as it is when the line cannot be read as a workflow
 * command, otherwise as a JSON string (a line then starts with a quote).
 */
function atLineStart(data) {
    const safe = inLine(data);
    if (safe === data && !data.replace(LEADING_SPACE, '').startsWith('::'))
        return data;
    return JSON.stringify(data).replaceAll('##[', '#\\u0023[').replace(LINE_BREAKS, escapeBreak);
}

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
/** A table, checked and with its literal types kept (choices stay unions). */
function options(table) {
    return table;
}
class UsageError extends ConfigError {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
function parseArgs(argv, table, opts = {}) {
    const names = Object.keys(table);
    const out = {};
    for (const name of names) {
        const kind = table[name].kind;
        out[name] = kind === 'flag' ? false : kind === 'multi' ? [] : undefined;
    }
    const positional = [];
    let help = false;
    const seen = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
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
        const name = candidates[0];
        const spec = table[name];
        seen.push(name);
        if (spec.kind === 'flag') {
            if (eq !== -1)
                throw new UsageError(`argument --${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
            out[name] = true;
            continue;
        }
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
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
            throw new UsageError(`argument --${name}: given twice ('${prev}', then '${value}'); pass it once`);
        }
        out[name] = spec.kind === 'multi' ? [...(Array.isArray(prev) ? prev : []), value] : value;
    }
    for (const group of opts.exclusive ?? []) {
        const used = group.filter((g) => seen.includes(g));
        if (used.length > 1)
            throw new UsageError(`argument --${used[1]}: not allowed with argument --${used[0]}`);
    }
    // The one place the table's type meets the values parsed by it.
    return { ...out, _: positional, help };
}
function left(name, spec) {
    return spec.kind === 'flag' ? `--${name}` : `--${name} ${spec.metavar ?? name.toUpperCase().replace(/-/g, '_')}`;
}
/** `positional` names the positional arguments, e.g. "REPORT [REPORT ...]". */
function usageLine(prog, table, positional) {
    const parts = Object.entries(table).map(([name, spec]) => `[${left(name, spec)}]`);
    return `usage: ${prog} [-h] ${parts.join(' ')}${positional ? ` ${positional}` : ''}`;
}
function helpText(prog, description, table, positional) {
    const rows = Object.entries(table).map(([name, spec]) => `  ${left(name, spec).padEnd(28)} ${spec.help}`);
    return `${usageLine(prog, table, positional)}\n\n${description}\n\noptions:\n  -h, --help                   show this help message and exit\n${rows.join('\n')}\n`;
}
/** A positive integer option, or a usage error naming it. */
function intOption(name, value, min = 1) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min)
        throw new UsageError(`argument --${name}: expected a whole number >= ${min}, got '${value}'`);
    return Number(value);
}

/**
 * The start of a command line that runs this tool again the way it was run: through npx, by the
 * bin's name on PATH, or as node and the script's path (relative to cwd when inside it).
 */
function invocation(name, script, env, cwd) {
    if (!script)
        return name;
    // Through a bin link: npx's (npm exec), or one on PATH. A script path, though started under npx, is run by node.
    if (path.basename(script) === name)
        return env.npm_command === 'exec' ? `npx ${name}` : name;
    const rel = path.relative(cwd, script);
    const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : script;
    return `node ${shellQuote(shown)}`;
}
/**
 * A reader that stops reading (`episode-gate check | head -1`) must not turn a verdict into
 * another exit code: Node's default for EPIPE is an uncaught error, exit 1, which here means
 * "the gate failed". Writes to a closed pipe are dropped and the command's own code stands.
 */
function quietOnClosedPipe(stream) {
    let closed = false;
    stream.on('error', (e) => {
        if (e.code === 'EPIPE')
            closed = true;
        else
            process.exitCode = 2; // nothing can be said about it: stderr may be the stream that failed
    });
    return () => closed;
}
function processIO(name) {
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
function couldNotRun(e, io) {
    const err = e;
    const what = e instanceof ConfigError ? err.message : `internal error: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
    io.err(`episode-gate: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${inLine(what)}\n`);
    if (!(e instanceof ConfigError) && io.env.EPISODE_GATE_DEBUG)
        io.err(`${err?.stack ?? ''}\n`);
    return 2;
}
/** Run a command's main and exit with its code once output has drained. */
function runMain(main, name) {
    tuneV8();
    main(process.argv.slice(2), processIO(name)).then((code) => {
        process.exitCode = code;
    }, (e) => {
        // Last resort: one line, never a stack trace (EPISODE_GATE_DEBUG=1 shows it).
        const err = e;
        process.stderr.write(`error: ${err?.message ?? String(e)}\n`);
        if (process.env.EPISODE_GATE_DEBUG)
            process.stderr.write(`${err?.stack ?? ''}\n`);
        process.exitCode = 2;
    });
}

export { UsageError as U, atLineStart as a, intOption as b, couldNotRun as c, helpText as h, inLine as i, options as o, parseArgs as p, runMain as r, usageLine as u };
