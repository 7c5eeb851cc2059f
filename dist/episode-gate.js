#!/usr/bin/env node
import { existsSync, readFileSync, statSync, realpathSync, readdirSync, createReadStream, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { S as SOURCE_NAMES, u as unsafeIdReason, C as ConfigError, g as fsErrorWithFix, l as shellQuote, m as showValue, n as describeFsError, r as readRegularFile, F as FileRefusedError, w as walkIndexText, A as ALL_REASONS, h as closest, b as plural, o as formatShard, q as parseShard, v as ShardSpecError, d as capJobs } from './chunks/pool.js';
import { S as SOURCE_FORMAT, d as downsample, r as resolveSettings, a as displayPath, t as tarballPath, b as readEpisodeDetail, D as DEFAULT_MAX_ROWS, m as mergeRows, w as writeFileAtomic, f as formatHistory, p as parseHistory, c as DEFAULT_DRIFT_WINDOW, e as DEFAULT_TREND_RUNS, g as readReport, h as requireWholeReport, i as runMetaFromEnv, j as compare, l as loadBaseline, k as rowFromReport, n as trendText, o as driftAlerts, M as MANIFEST_FILE, q as MANIFEST_VERSION, s as SUMS_FILE, u as buildManifest, v as writeManifestDir, x as runUrl, F as FAIL_ON_CHOICES, T as TOLERANCE_KEYS, y as toolVersion, z as bundledFixtures, A as parseOverride, B as applyTolerance, C as scanToReport, E as baselineFromReport, G as writeBaseline, H as MIN_SUMMARY_LIMIT_BYTES, I as gateReport, J as mergeShardReports, K as writeHtmlReport, L as unusedRowsText, N as writeReport, O as formatReport, P as summaryModel, Q as renderSummary, R as changeText, U as notesText, V as failureText } from './chunks/write.js';
import { U as UsageError, o as options, p as parseArgs, h as helpText, c as couldNotRun, b as intOption, i as inLine, r as runMain } from './chunks/io.js';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import 'node:url';
import 'node:worker_threads';
import 'node:zlib';
import './chunks/v8-tuning.js';
import 'node:v8';

/**
 * `episode-gate explain` in a terminal: the verdict, then per source the per-phase values, the
 * spread against the threshold, the decision, and a sparkline of the raw series (Unicode blocks)
 * with a line of phase numbers under it.
 */
const BLOCKS = '▁▂▃▄▅▆▇█';
const SPARK_WIDTH = 64;
/** Control characters of data (sample names, phases) would move the cursor: show them escaped. */
function safe(s) {
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** One block per point, scaled from 0 (or the lowest value, when negative) to the largest. */
function blockSparkline(series) {
    if (series.length === 0)
        return '';
    const values = series.map((p) => p.value);
    const max = Math.max(...values);
    const min = Math.min(0, ...values);
    if (max === min)
        return BLOCKS[0].repeat(series.length);
    return values.map((v) => BLOCKS[Math.min(7, Math.floor(((v - min) / (max - min)) * 8))]).join('');
}
function verdictLine(d) {
    return d.reasons.length === 0 ? 'kept' : `flagged (${d.reasons.join(', ')})`;
}
function explainText(d) {
    const out = [];
    out.push(`${safe(d.host)}/${safe(d.episode)}: ${verdictLine(d)}`);
    if (d.unreadable) {
        out.push(`  unreadable: ${safe(d.unreadable)}`);
        return out.join('\n') + '\n';
    }
    out.push(`  sample ${d.sample === null ? 'none' : safe(d.sample)}; module ${d.module === null ? 'none' : safe(d.module)}`);
    out.push(`  workload events ${d.workloadEvents ?? 0}; dormant kill probe: ${d.probe ?? 'no-probe'}; labels: ${d.labels.map(safe).join(' → ') || 'none'}`);
    if (!d.sources) {
        out.push('  no labels: flatness not analysed');
        return out.join('\n') + '\n';
    }
    const phaseNames = [];
    for (const name of SOURCE_NAMES)
        for (const p of d.sources[name].series)
            if (!phaseNames.includes(p.phase))
                phaseNames.push(p.phase);
    const mark = (phase) => {
        const i = phaseNames.indexOf(phase);
        return i < 9 ? String(i + 1) : '+';
    };
    for (const name of SOURCE_NAMES) {
        const s = d.sources[name];
        const { title, fmt, spread } = SOURCE_FORMAT[name];
        const sfmt = spread ?? fmt;
        out.push('');
        out.push(`  ${title}: ${s.status.toUpperCase()}: ${safe(s.why)}`);
        // A decided source's line above already states its spread against the threshold.
        if (s.spread === null)
            out.push(`    threshold ${sfmt(s.threshold)}`);
        if (s.phases.length > 0) {
            const w = Math.max(5, ...s.phases.map((p) => safe(p.phase).length));
            for (const p of s.phases)
                out.push(`    ${safe(p.phase).padEnd(w)}  ${fmt(p.value).padStart(11)}  ${String(p.samples).padStart(6)} samples`);
        }
        const pts = downsample(s.series, SPARK_WIDTH);
        if (pts.length > 0) {
            const peak = Math.max(...pts.map((p) => p.value));
            out.push(`    ${blockSparkline(pts)}  peak ${fmt(peak)}`);
            out.push(`    ${pts.map((p) => mark(p.phase)).join('')}`);
        }
    }
    if (phaseNames.length > 0) {
        out.push('');
        out.push(`  phases: ${phaseNames.map((p, i) => `${i < 9 ? i + 1 : '+'} ${safe(p)}`).join('  ')}`);
    }
    return out.join('\n') + '\n';
}
function explainJson(d) {
    return JSON.stringify(d, null, 2) + '\n';
}

/** `episode-gate explain HOST/EPISODE`: one episode's verdict and why, in a terminal or as JSON. */
const EXPLAIN = options({
    version: { kind: 'flag', help: "show episode-gate's version and exit" },
    dataset: {
        kind: 'value',
        metavar: 'DIR',
        help: 'dataset root holding index.jsonl and episodes/ (default: the bundled fixtures)',
    },
    'episodes-root': {
        kind: 'value',
        metavar: 'DIR',
        help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
    },
    settings: { kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
    set: { kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting, e.g. --set netflowSpreadBytes=40960' },
    json: { kind: 'flag', help: 'print the verdict, per-phase values and series as JSON' },
});
async function explainCmd(args, io, dataset, overrides) {
    const ids = args._;
    if (ids.length !== 1)
        throw new UsageError('expected exactly one HOST/EPISODE, e.g. lab-a/ep-rescued-by-netflow');
    const parts = ids[0].split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1])) {
        throw new UsageError(`expected HOST/EPISODE (host_id and episode_id of index.jsonl), got '${ids[0]}'`);
    }
    const [host, episode] = parts;
    const settingsPath = args.settings;
    const { settings } = resolveSettings(settingsPath ? path.resolve(io.cwd, settingsPath) : undefined, overrides, settingsPath ? displayPath(settingsPath, io.cwd) : undefined);
    const file = tarballPath(dataset.episodesRoot, host, episode);
    if (!existsSync(file)) {
        throw new ConfigError(`no tarball for ${host}/${episode} at ${displayPath(file, io.cwd)}; check HOST/EPISODE, and pass --dataset DIR for a dataset other than the bundled fixtures`);
    }
    const detail = await readEpisodeDetail(file, host, episode, settings);
    io.out(args.json ? explainJson(detail) : explainText(detail));
    return 0;
}

/** Reading and writing a history file on disk (atomic replace: a reader never sees half a file). */
/** The rows of a history file; a file that does not exist yet is an empty history. */
function readHistoryFile(abs, name) {
    let text;
    try {
        text = readFileSync(abs, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw new ConfigError(`cannot read the history ${name}: ${fsErrorWithFix(e, 'check the history path')}`);
    }
    return parseHistory(text, name);
}
/** Add `row` to the history file (created when missing), keeping the newest `maxRows`; returns the rows written. */
function appendHistoryFile(abs, name, row, maxRows = DEFAULT_MAX_ROWS) {
    const rows = mergeRows(readHistoryFile(abs, name), [row], maxRows);
    writeFileAtomic(abs, formatHistory(rows), 'history');
    return rows;
}

/**
 * `episode-gate history append|show`: record a run's report in a history file, and show the
 * trend (rate per run, top reasons, sparklines) with the optional drift rule.
 * Exit codes: 0 done (drift only warned), 1 the drift rule failed, 2 the tool could not run.
 */
const PROG$2 = 'episode-gate history';
/** The drift rule's options, shared with check --history. */
const DRIFT = options({
    'drift-tolerance': {
        kind: 'value',
        metavar: 'PP',
        help: 'drift rule: the flagged rate over the last K runs may rise at most PP percentage points above the K runs before (overall and per host); off by default',
    },
    'drift-window': { kind: 'value', metavar: 'K', help: `runs in each window of the drift rule (default ${DEFAULT_DRIFT_WINDOW})` },
    'drift-action': { kind: 'value', choices: ['warn', 'fail'], help: 'what drift does: warn (default) or fail (exit 1)' },
});
const COMMON$1 = options({
    history: { kind: 'value', metavar: 'FILE', help: 'the history file (JSON Lines, see schema/history.schema.json)' },
});
const APPEND = options({
    ...COMMON$1,
    report: {
        kind: 'value',
        metavar: 'FILE',
        help: 'the JSON report of the run to record (from scan, check --report-out or merge --report-out)',
    },
    baseline: {
        kind: 'value',
        metavar: 'FILE',
        help: "also record the new, gone and flipped episodes against this baseline's episode map",
    },
    commit: { kind: 'value', metavar: 'SHA', help: 'the commit of the run (default: $GITHUB_SHA)' },
    'run-id': { kind: 'value', metavar: 'ID', help: 'the run id; a row with the same id is replaced (default: $GITHUB_RUN_ID)' },
    'max-rows': { kind: 'value', metavar: 'N', help: `keep only the newest N rows (default ${DEFAULT_MAX_ROWS})` },
    ...DRIFT,
});
const SHOW = options({
    ...COMMON$1,
    runs: { kind: 'value', metavar: 'N', help: `show the last N runs (default ${DEFAULT_TREND_RUNS})` },
    ...DRIFT,
});
const SUBS = {
    append: {
        specs: APPEND,
        description: 'Add one row for a report to the history file (created when missing), keeping the newest rows, then apply the drift rule if asked.',
    },
    show: { specs: SHOW, description: 'Print the trend of the history file, and apply the drift rule if asked.' },
};
/** The drift rule the options ask for, or null when --drift-tolerance is not given. */
function driftRuleFromArgs(args) {
    const tol = args['drift-tolerance'];
    const window = intOption('drift-window', args['drift-window']);
    if (tol === undefined) {
        if (window !== undefined || args['drift-action'] !== undefined)
            throw new UsageError('--drift-window and --drift-action need --drift-tolerance PP (the rise, in percentage points, that counts as drift)');
        return null;
    }
    if (!/^\d+(\.\d+)?$/.test(tol))
        throw new UsageError(`argument --drift-tolerance: expected percentage points such as 5 or 2.5, got '${tol}'`);
    return { rule: { window: window ?? DEFAULT_DRIFT_WINDOW, tolerancePp: Number(tol) }, fail: args['drift-action'] === 'fail' };
}
/** Say each alert on stderr; true when the rule fails the run. */
function reportDrift(alerts, fail, io, prog) {
    for (const a of alerts)
        io.err(`${prog}: ${fail ? 'DRIFT (fails the run)' : 'warning'}: ${a.message}\n`);
    return fail && alerts.length > 0;
}
function requireHistory(args) {
    const h = args.history;
    if (!h)
        throw new UsageError('the following arguments are required: --history');
    return h;
}
async function run(args, io) {
    const show = (p) => displayPath(p, io.cwd);
    const history = requireHistory(args);
    const drift = driftRuleFromArgs(args);
    let rows;
    if (args.sub === 'append') {
        const reportIn = args.report;
        if (!reportIn)
            throw new UsageError('the following arguments are required: --report');
        const maxRows = intOption('max-rows', args['max-rows']) ?? DEFAULT_MAX_ROWS;
        const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
        requireWholeReport(report, show(reportIn), 'recorded');
        const env = runMetaFromEnv(io.env);
        const meta = {
            commit: args.commit ?? env.commit,
            run: args['run-id'] ?? env.run,
        };
        const baselineIn = args.baseline;
        const comparison = baselineIn
            ? compare(report, loadBaseline(path.resolve(io.cwd, baselineIn), show(baselineIn)), show(baselineIn))
            : null;
        rows = appendHistoryFile(path.resolve(io.cwd, history), show(history), rowFromReport(report, meta, comparison), maxRows);
        io.err(`${PROG$2}: recorded ${report.counts.scanned} episodes (${report.counts.flagged} flagged) in ${show(history)}; ${rows.length} run${rows.length === 1 ? '' : 's'} kept\n`);
    }
    else {
        const runs = intOption('runs', args.runs) ?? DEFAULT_TREND_RUNS;
        const file = path.resolve(io.cwd, history);
        // Showing a file that is not there is a mistyped path far more often than a history to come.
        if (!existsSync(file))
            throw new ConfigError(`no history file at ${show(history)}; check the path, or start one with ${PROG$2} append --history ${shellQuote(show(history))} --report REPORT`);
        rows = readHistoryFile(file, show(history));
        io.out(trendText(rows, { lastRuns: runs }));
    }
    if (!drift)
        return 0;
    const alerts = driftAlerts(rows, drift.rule);
    if (alerts.length === 0) {
        io.err(rows.length < 2 * drift.rule.window
            ? `${PROG$2}: drift rule not applied yet: it needs ${2 * drift.rule.window} runs, the history has ${rows.length}\n`
            : `${PROG$2}: no drift over the last ${drift.rule.window} runs (tolerance ${drift.rule.tolerancePp} pp)\n`);
        return 0;
    }
    return reportDrift(alerts, drift.fail, io, PROG$2) ? 1 : 0;
}
async function historyMain(argv, io) {
    const sub = argv[0];
    const usage = `usage: ${PROG$2} {append,show} [options]`;
    if (sub === '-h' || sub === '--help') {
        io.out(`${usage}\n\nThe audit history: one row per run, and the trend.\n\ncommands:\n  append     ${SUBS.append.description}\n  show       ${SUBS.show.description}\n`);
        return 0;
    }
    if (sub !== 'append' && sub !== 'show') {
        io.err(`${PROG$2}: error: ${sub === undefined ? 'a command is required (append or show)' : `invalid command '${sub}' (choose from 'append', 'show')`}; ${PROG$2} --help lists them\n`);
        return 2;
    }
    const { specs, description } = SUBS[sub];
    const prog = `${PROG$2} ${sub}`;
    try {
        const parsed = sub === 'append'
            ? { sub, ...parseArgs(argv.slice(1), APPEND, { suggest: true }) }
            : { sub, ...parseArgs(argv.slice(1), SHOW, { suggest: true }) };
        if (parsed.help) {
            io.out(helpText(prog, description, specs));
            return 0;
        }
        if (parsed._.length > 0)
            throw new UsageError(`unrecognized arguments: ${parsed._.join(' ')}`);
        return await run(parsed, io);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`${prog}: error: ${e.message}; ${prog} --help lists the options\n`);
            return 2;
        }
        return couldNotRun(e, io);
    }
}

/**
 * Checking a folder (an export, or the dataset itself) against a manifest: every released tarball
 * present with its sha256, and no tarball the manifest does not list (unless extras are allowed).
 * This is a second read by design (it checks the bytes that will be shipped), streamed and a few
 * files at a time; a file whose size differs is reported without being hashed.
 */
const FIX = 'write it again with episode-gate check --manifest DIR (or merge --manifest DIR)';
const HEX64 = /^[0-9a-f]{64}$/;
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A relative '/'-separated path of safe components: never absolute, never climbing out. */
function unsafePathReason(p) {
    if (p === '' || p.startsWith('/'))
        return 'is not a relative path';
    for (const part of p.split('/')) {
        if (part === '')
            return 'has an empty component';
        if (part === '..')
            return 'climbs out of the folder with ".."';
        const bad = unsafeIdReason(part);
        if (bad)
            return `has a component that ${bad}`;
    }
    return null;
}
/** Reads manifest.json (FILE, or DIR/manifest.json); what verify relies on is checked, with one-line errors. */
function readManifest(given, show = (p) => p) {
    let file = given;
    if (statSync(given, { throwIfNoEntry: false })?.isDirectory())
        file = path.join(given, MANIFEST_FILE);
    const name = show(file);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new ConfigError(`cannot read the manifest ${name}: ${fsErrorWithFix(e, 'pass --manifest FILE (the manifest.json of a gate run, or its folder)')}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`${name}: not valid JSON (${e.message}); ${FIX}`);
    }
    if (!isObj(doc))
        throw new ConfigError(`${name}: a manifest must be a JSON object; ${FIX}`);
    if (doc.manifest_version === undefined) {
        // The other files episode-gate writes, named for what they are.
        const pass = 'pass --manifest the manifest.json that check --manifest DIR writes (or that folder)';
        if ('report_version' in doc)
            throw new ConfigError(`${name} is a scan report, not a release manifest; ${pass}`);
        if ('cases' in doc && 'counts' in doc)
            throw new ConfigError(`${name} is a baseline, not a release manifest; ${pass}`);
        throw new ConfigError(`${name} has no manifest_version, so it is not a release manifest; ${pass}`);
    }
    if (doc.manifest_version !== MANIFEST_VERSION) {
        throw new ConfigError(`${name}: manifest_version ${showValue(doc.manifest_version)} is not supported (expected ${MANIFEST_VERSION}); ${FIX}`);
    }
    const gate = doc.gate;
    if (!isObj(gate) || typeof gate.passed !== 'boolean' || !['PASSED', 'WARNED', 'FAILED'].includes(gate.result)) {
        throw new ConfigError(`${name}: gate must hold passed (true or false) and result (PASSED, WARNED or FAILED); ${FIX}`);
    }
    if ((gate.result === 'FAILED') === gate.passed) {
        throw new ConfigError(`${name}: gate.result ${String(gate.result)} contradicts gate.passed ${String(gate.passed)}; ${FIX}`);
    }
    for (const list of ['episodes', 'withheld', 'flagged']) {
        if (!Array.isArray(doc[list]))
            throw new ConfigError(`${name}: ${list} must be a list; ${FIX}`);
    }
    const seen = new Set();
    doc.episodes.forEach((e, i) => {
        const where = `${name}: episodes[${i}]`;
        if (!isObj(e) ||
            typeof e.host !== 'string' ||
            typeof e.episode !== 'string' ||
            typeof e.path !== 'string' ||
            typeof e.sha256 !== 'string' ||
            !Number.isSafeInteger(e.size)) {
            throw new ConfigError(`${where} needs host, episode, path, sha256 and size; ${FIX}`);
        }
        const bad = unsafePathReason(e.path);
        if (bad)
            throw new ConfigError(`${where}.path ${JSON.stringify(e.path)} ${bad}; ${FIX}`);
        if (!HEX64.test(e.sha256))
            throw new ConfigError(`${where}.sha256 is not 64 lowercase hex digits; ${FIX}`);
        if (seen.has(e.path))
            throw new ConfigError(`${where}.path ${e.path} is listed twice; ${FIX}`);
        seen.add(e.path);
    });
    if (!gate.passed && doc.episodes.length > 0) {
        throw new ConfigError(`${name}: a failed gate's manifest lists released episodes; ${FIX}`);
    }
    return { manifest: doc, file };
}
/** Every *.tar.zst under root (following linked folders once), as '/'-separated paths relative to it. */
function tarballsUnder(root) {
    const out = [];
    const visited = new Set();
    const walk = (dir, rel) => {
        const real = realpathSync(dir);
        if (visited.has(real))
            return;
        visited.add(real);
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            throw new ConfigError(`cannot list ${path.join(dir)}: ${fsErrorWithFix(e, 'give --dataset the export folder')}`);
        }
        for (const ent of entries) {
            const p = path.join(dir, ent.name);
            const r = rel ? `${rel}/${ent.name}` : ent.name;
            let isDir = ent.isDirectory();
            if (ent.isSymbolicLink())
                isDir = statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
            if (isDir)
                walk(p, r);
            // In any case: a consumer that globs *.TAR.ZST, or a case-folding file system, reads it too.
            else if (ent.name.toLowerCase().endsWith('.tar.zst'))
                out.push(r);
        }
    };
    walk(root, '');
    return out;
}
async function sha256File(file) {
    const h = createHash('sha256');
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), h);
    return h.digest('hex');
}
function short(hex) {
    return hex.slice(0, 16) + '…';
}
async function checkOne(root, e) {
    const file = path.join(root, ...e.path.split('/'));
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st)
        return { problem: { kind: 'MISSING', path: e.path, detail: 'listed in the manifest, absent here' }, bytes: 0 };
    if (!st.isFile())
        return { problem: { kind: 'CHANGED', path: e.path, detail: 'not a regular file' }, bytes: 0 };
    if (st.size !== e.size) {
        return {
            problem: {
                kind: 'CHANGED',
                path: e.path,
                detail: `${st.size} bytes, the manifest lists ${e.size} bytes (sha256 ${short(e.sha256)})`,
            },
            bytes: 0,
        };
    }
    let got;
    try {
        got = await sha256File(file);
    }
    catch (err) {
        return { problem: { kind: 'UNREADABLE', path: e.path, detail: `cannot be read: ${describeFsError(err)}` }, bytes: 0 };
    }
    if (got !== e.sha256) {
        return {
            problem: {
                kind: 'CHANGED',
                path: e.path,
                detail: `sha256 ${short(got)}, the manifest lists ${short(e.sha256)} (same size, ${e.size} bytes)`,
            },
            bytes: st.size,
        };
    }
    return { problem: null, bytes: st.size };
}
/**
 * A SHA256SUMS file in `dir`, when there, must list exactly the manifest's released tarballs:
 * the one beside manifest.json, and the export's own copy (what its consumers run sha256sum -c
 * on; `where` names it in the problems).
 */
function checkSums(dir, m, where = '') {
    const sumsFile = path.join(dir, SUMS_FILE);
    const name = where ? `${where}'s ${SUMS_FILE}` : SUMS_FILE;
    let text;
    try {
        text = readFileSync(sumsFile, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        return [{ kind: 'SUMS', path: SUMS_FILE, detail: `${where ? `${name}: ` : ''}cannot be read: ${describeFsError(e)}` }];
    }
    const listed = new Map(m.episodes.map((e) => [e.path, e.sha256]));
    const problems = [];
    const inSums = new Set();
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        const m2 = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
        if (!m2) {
            problems.push({
                kind: 'SUMS',
                path: SUMS_FILE,
                detail: `${where ? `${name}: ` : ''}a line is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 100))}`,
            });
            continue;
        }
        const [, digest, p] = m2;
        if (inSums.has(p)) {
            problems.push({ kind: 'SUMS', path: p, detail: `listed again in ${name}: each released tarball has one line` });
            continue;
        }
        inSums.add(p);
        const want = listed.get(p);
        if (want === undefined)
            problems.push({ kind: 'SUMS', path: p, detail: `in ${name} but not in ${MANIFEST_FILE}` });
        else if (want !== digest)
            problems.push({ kind: 'SUMS', path: p, detail: `${name} and ${MANIFEST_FILE} give different sha256` });
    }
    for (const p of listed.keys())
        if (!inSums.has(p))
            problems.push({ kind: 'SUMS', path: p, detail: `in ${MANIFEST_FILE} but not in ${name}` });
    return problems;
}
const INDEX_FILE = 'index.jsonl';
/**
 * The export's index.jsonl, when there, must name exactly the released episodes: a row the
 * manifest does not list would be read by whoever trains on the export as if it had passed the
 * gate, and a released episode without its row would be left out. Rows are read as the scan reads
 * them; a line that is no episode row is a problem too. `allowExtra`: rows of other episodes, and
 * lines that are no row, are allowed (the dataset itself, where the flagged episodes still are).
 */
function checkIndex(root, m, allowExtra) {
    const file = path.join(root, INDEX_FILE);
    let text;
    try {
        text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(file).file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        const why = e instanceof FileRefusedError ? e.why : describeFsError(e);
        return [{ kind: 'INDEX', path: INDEX_FILE, detail: `cannot be read: ${why}` }];
    }
    // Only the ids matter here: links are not resolved, and a missing tarball is verify's MISSING.
    const walk = walkIndexText(text, path.join(root, m.dataset.episodes_dir), { followOutsideLinks: true });
    const rows = [...walk.entries, ...walk.missing].sort((a, b) => a.line - b.line);
    const released = new Set(m.episodes.map((e) => `${e.host}/${e.episode}`));
    const named = new Map();
    const problems = [];
    // Lines the scan skipped are no episode of the export; the dataset's own index may hold them.
    if (!allowExtra)
        for (const p of walk.problems)
            problems.push({ kind: 'INDEX', path: INDEX_FILE, detail: `line ${p.line} is not an episode row: ${p.detail}` });
    for (const r of rows) {
        const id = `${r.host}/${r.episode}`;
        const first = named.get(id);
        if (first !== undefined) {
            // The export's index read twice means the episode trained on twice.
            if (!allowExtra)
                problems.push({
                    kind: 'INDEX',
                    path: INDEX_FILE,
                    detail: `line ${r.line} names ${id} again (first on line ${first}): each released episode has one row`,
                });
            continue;
        }
        named.set(id, r.line);
        if (!allowExtra && !released.has(id)) {
            problems.push({ kind: 'INDEX', path: INDEX_FILE, detail: `line ${r.line} names ${id}, an episode the manifest does not release` });
        }
    }
    for (const e of m.episodes) {
        const id = `${e.host}/${e.episode}`;
        if (!named.has(id))
            problems.push({ kind: 'INDEX', path: INDEX_FILE, detail: `no row names ${id}, an episode the manifest releases` });
    }
    return problems;
}
async function verifyDataset(loaded, root, opts) {
    const { manifest: m } = loaded;
    const st = statSync(root, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
        throw new ConfigError(`${root} is not a folder: give --dataset the export folder (or the dataset root) the manifest's paths are relative to`);
    }
    if (!m.gate.passed) {
        const n = m.withheld.length;
        return {
            listed: 0,
            bytes: 0,
            problems: [
                {
                    kind: 'NOT-RELEASED',
                    path: path.basename(loaded.file),
                    detail: `records a FAILED gate (${m.gate.fail_reason ?? 'no reason given'}): it releases nothing (${n} kept episode${n === 1 ? '' : 's'} withheld)`,
                },
            ],
        };
    }
    if (m.episodes.length === 0) {
        return {
            listed: 0,
            bytes: 0,
            problems: [
                {
                    kind: 'NOT-RELEASED',
                    path: path.basename(loaded.file),
                    detail: 'lists no episodes: a release of nothing is not verified (gate a dataset whose classifier keeps episodes)',
                },
            ],
        };
    }
    const manifestDir = path.dirname(path.resolve(loaded.file));
    const problems = [
        ...checkSums(manifestDir, m),
        // The export's own copy, when it has one and is not the manifest's folder.
        ...(path.resolve(root) !== manifestDir && !opts.allowExtra ? checkSums(root, m, 'the export') : []),
        ...checkIndex(root, m, opts.allowExtra),
    ];
    const listed = new Set(m.episodes.map((e) => e.path));
    if (!opts.allowExtra) {
        for (const p of tarballsUnder(root)) {
            if (!listed.has(p))
                problems.push({ kind: 'EXTRA', path: p, detail: 'a tarball the manifest does not list' });
        }
    }
    let bytes = 0;
    let next = 0;
    const found = new Array(m.episodes.length).fill(null);
    const worker = async () => {
        for (;;) {
            const i = next++;
            if (i >= m.episodes.length)
                return;
            const r = await checkOne(root, m.episodes[i]);
            found[i] = r.problem;
            bytes += r.bytes;
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
    problems.push(...found.filter((p) => p !== null));
    problems.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)) || a.kind.localeCompare(b.kind));
    return { listed: m.episodes.length, bytes, problems };
}

/**
 * The command line's release manifest: `--manifest DIR` on scan, check and merge, and the
 * `verify` command that checks a folder against a manifest.
 */
const PROG$1 = 'episode-gate';
const MANIFEST_OPTION = options({
    manifest: {
        kind: 'value',
        metavar: 'DIR',
        help: 'write the kept episodes with their sha256 to DIR: SHA256SUMS (only when the gate passed), manifest.json, statement.intoto.json, predicate.json',
    },
});
const VERIFY = options({
    version: { kind: 'flag', help: "show episode-gate's version and exit" },
    manifest: { kind: 'value', metavar: 'FILE', help: 'manifest.json written by --manifest DIR (or that folder)' },
    dataset: {
        kind: 'value',
        metavar: 'DIR',
        help: "the folder the manifest's paths are relative to: an export, or the dataset root",
    },
    'allow-extra': {
        kind: 'flag',
        help: 'do not count tarballs the manifest does not list (e.g. the flagged ones, verifying the dataset itself)',
    },
});
const VERIFY_DESCRIPTION = 'Check that DIR holds every tarball the manifest releases, each with its sha256, and no other *.tar.zst (unless --allow-extra). One line per problem on standard output. Exit 0 verified, 1 a tarball is missing, changed or extra (or the manifest records a failed gate), 2 the tool could not run.';
function writeManifest(dir, report, d, io) {
    const manifest = buildManifest(report, d);
    const files = writeManifestDir(path.resolve(io.cwd, dir), manifest, runUrl(io.env));
    const show = (p) => displayPath(p, io.cwd);
    const n = manifest.episodes.length;
    io.err(files.sums
        ? `${PROG$1}: manifest written to ${show(files.dir)}: ${show(files.sums)} lists ${n} kept episode${n === 1 ? '' : 's'}\n`
        : `${PROG$1}: manifest written to ${show(files.dir)} with verdict FAILED: no SHA256SUMS, nothing is released\n`);
}
async function verifyCmd(args, io) {
    const manifestArg = args.manifest;
    const datasetArg = args.dataset;
    if (!manifestArg)
        throw new UsageError('the following arguments are required: --manifest');
    if (!datasetArg)
        throw new UsageError('the following arguments are required: --dataset');
    const show = (p) => displayPath(p, io.cwd);
    const loaded = readManifest(path.resolve(io.cwd, manifestArg), show);
    const root = path.resolve(io.cwd, datasetArg);
    const started = performance.now();
    const r = await verifyDataset(loaded, root, { allowExtra: args['allow-extra'] });
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    for (const p of r.problems)
        io.out(`${p.kind} ${p.path}: ${p.detail}\n`);
    if (r.problems.length > 0) {
        const n = r.problems.length;
        io.err(`${PROG$1}: VERIFY FAILED (exit 1): ${n} problem${n === 1 ? '' : 's'} in ${show(root)} against ${show(loaded.file)}\n`);
        return 1;
    }
    const extra = args['allow-extra'] ? ' (other tarballs allowed)' : ', and no other tarball';
    io.err(`${PROG$1}: VERIFIED: ${show(root)} holds the ${r.listed} tarballs of ${show(loaded.file)} with their sha256${extra}; ${(r.bytes / 1e6).toFixed(1)} MB hashed in ${secs} s\n`);
    return 0;
}

/**
 * `episode-gate`: scan a dataset (or one shard of it) into a JSON report, check it against a
 * baseline, merge shard reports and check the whole, or write a baseline. Exit codes: 0 passed
 * (or done), 1 the gate failed (or `baseline` refused to drop a pinned case), 2 the tool could
 * not run (usage, configuration or I/O error).
 */
const PROG = 'episode-gate';
const COMMON = options({
    version: { kind: 'flag', help: "show episode-gate's version and exit" },
});
const DATASET = options({
    ...COMMON,
    dataset: {
        kind: 'value',
        metavar: 'DIR',
        help: 'dataset root holding index.jsonl and episodes/ (the bundled fixtures only when no dataset, baseline, report or output is named)',
    },
    'episodes-root': {
        kind: 'value',
        metavar: 'DIR',
        help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
    },
    index: { kind: 'value', metavar: 'FILE', help: 'index.jsonl (instead of --dataset)' },
    host: { kind: 'value', help: 'only scan episodes from this host_id' },
    reason: { kind: 'multi', choices: ALL_REASONS, help: 'only these reasons flag (repeat to OR); unreadable always flags' },
    settings: { kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
    set: { kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting for this run, e.g. --set netflowSpreadBytes=40960' },
    jobs: { kind: 'value', metavar: 'N', help: 'episodes classified in parallel, at most (default: available cores)' },
    'follow-outside-links': {
        kind: 'flag',
        help: 'read tarballs that are links, or that links lead outside the episodes root (default: flagged unreadable, not read)',
    },
});
/** The outputs a judged (or scanned) report can also be written as. */
const OUTPUTS = options({
    html: {
        kind: 'value',
        metavar: 'FILE',
        help: 'also write the self-contained HTML report (charts, per-phase drill-down) to FILE',
    },
    ...MANIFEST_OPTION,
});
const SCAN = options({
    ...DATASET,
    report: { kind: 'value', metavar: 'FILE', help: 'write the JSON report here (default: standard output)' },
    shard: {
        kind: 'value',
        metavar: 'K/N',
        help: 'scan only shard K of N (a fixed share of the index rows) into a partial report; episode-gate merge joins the N reports',
    },
    ...OUTPUTS,
});
/** Judging a report: what check and merge share. */
const GATE = options({
    baseline: {
        kind: 'value',
        metavar: 'FILE',
        help: 'baseline to compare with (default with no dataset options: fixtures/baseline.json)',
    },
    'fail-on': {
        kind: 'value',
        choices: FAIL_ON_CHOICES,
        help: 'regression (default): fail on regressions; flagged: also on any flagged episode; never: report only',
    },
    summary: { kind: 'value', metavar: 'FILE', help: 'also write the markdown summary to FILE' },
    'report-out': { kind: 'value', metavar: 'FILE', help: 'write the JSON report of this scan to FILE' },
    'summary-limit': { kind: 'value', metavar: 'BYTES', help: 'cap the summary at BYTES (default just under 1 MiB)' },
    ...OUTPUTS,
});
const CHECK = options({
    ...DATASET,
    report: { kind: 'value', metavar: 'FILE', help: 'judge this report (from episode-gate scan) instead of scanning' },
    ...GATE,
    history: {
        kind: 'value',
        metavar: 'FILE',
        help: 'draw the trend of this history file, with this run as its newest point, in the summary (the file is not written)',
    },
    ...DRIFT,
});
const MERGE = options({
    ...COMMON,
    ...GATE,
    baseline: { ...GATE.baseline, help: 'baseline to compare with (default: none, report only)' },
    'report-out': { ...GATE['report-out'], help: "write the merged JSON report (the whole dataset's) to FILE" },
});
const BASELINE = options({
    ...DATASET,
    report: { kind: 'value', metavar: 'FILE', help: 'make the baseline from this report instead of scanning' },
    out: { kind: 'value', metavar: 'FILE', help: 'baseline file to write (required); its pinned cases and tolerances are kept' },
    baseline: { kind: 'value', metavar: 'FILE', help: 'take pinned cases and tolerances from FILE (default: --out, when it exists)' },
    pin: { kind: 'multi', metavar: 'HOST/EPISODE[=NAME]', help: 'pin this episode at its current verdict (repeatable)' },
    'drop-stale-cases': { kind: 'flag', help: 'drop pinned cases that no longer match (listed) instead of refusing' },
    tolerance: {
        kind: 'multi',
        metavar: 'KEY=VALUE',
        help: `set a tolerance, kept across updates (repeatable; VALUE a number or null = not checked); KEY: ${TOLERANCE_KEYS.join(', ')}, reasons.REASON, warn.KEY`,
    },
});
const DATASET_EXCLUSIVE = [
    ['dataset', 'episodes-root'],
    ['dataset', 'index'],
];
/** With --report FILE as the input, nothing is scanned: the scan options make no sense. */
const REPORT_INPUT_EXCLUSIVE = [
    ...DATASET_EXCLUSIVE,
    ...['dataset', 'episodes-root', 'index', 'host', 'reason', 'settings', 'set', 'jobs', 'follow-outside-links'].map((o) => ['report', o]),
];
const COMMANDS = '{scan,check,merge,baseline,explain,verify,history}';
const MAIN_HELP = `usage: ${PROG} ${COMMANDS} [options]

Classify a dataset of episodes and gate CI on regressions against a committed baseline.

commands:
  scan       classify a dataset (or one shard of it, --shard K/N) and write the JSON report
  check      scan (or read a report), compare with a baseline, print the markdown summary;
             exit 0 passed, 1 the gate failed, 2 the tool could not run
  merge      merge the reports of all N shards (scan --shard K/N), then check the whole as check does
  baseline   write or update a baseline from a scan, keeping pinned cases and tolerances
  explain    one episode's verdict: per source the per-phase values, spread, threshold, a sparkline
  verify     check a folder against a manifest (--manifest DIR of check/merge): every listed
             tarball there with its sha256, no other; exit 0 verified, 1 a mismatch, 2 could not run
  history    record a report in the audit history (append) or show the trend (show)

With no dataset options, scan and check use the bundled fixture dataset, and check compares it
with the committed fixture baseline. Run '${PROG} COMMAND --help' for a command's options.
`;
const DESCRIPTIONS = {
    scan: 'Classify every episode of a dataset and write the JSON report. With --shard K/N, only the index rows of shard K (chosen by a hash of host_id/episode_id, so a row keeps its shard as the index grows) go into a partial report.',
    check: 'Compare a scan with a baseline and print the markdown summary. Exit 0 passed, 1 the gate failed, 2 the tool could not run.\n\n' +
        "Modes: the baseline's episodes unchanged (same ids and bytes) = snapshot, every count judged as before.\n" +
        "Episodes new, gone or modified = changed dataset: the episodes in both are judged as a snapshot, kept ones gone or modified fail, and the new ones are judged as a cohort (flagged rate overall, per reason and per host against the baseline's, one-sided exact test).",
    merge: 'Merge the reports of all N shards of one dataset (files, or folders searched for *.json), then compare the whole with a baseline as check --report does. The shards must share the dataset fingerprint, settings, tool version, --host and --reason, and cover every index row exactly once. Exit 0 passed, 1 the gate failed, 2 the tool could not run (a missing, repeated or mismatched shard included).',
    baseline: 'Write a baseline equal to a scan, keeping the existing pinned cases and tolerances. Exit 1 when a pinned case no longer matches.',
    explain: 'Classify one episode and show why: the verdict, then per telemetry source the per-phase values, the spread against the threshold, the decision and a sparkline of the raw series (phase numbers under it). --json prints the same as JSON. Exit 0 whatever the verdict, 2 when the episode cannot be found.',
    verify: VERIFY_DESCRIPTION,
};
const SUB_NAMES = Object.keys(DESCRIPTIONS);
const isSub = (s) => SUB_NAMES.includes(s);
/** The options that name what a run reads or writes; the bundled fixtures are used only when none is given. */
function namedInputs(args) {
    return ['baseline', 'report', 'report-out', 'summary', 'out'].filter((k) => args[k] !== undefined).map((k) => `--${k}`);
}
function datasetChoice(args, io, named) {
    const { dataset, index } = args;
    const root = args['episodes-root'];
    if (dataset) {
        const abs = path.resolve(io.cwd, dataset);
        if (!existsSync(path.join(abs, 'index.jsonl')) && existsSync(path.join(abs, '..', 'index.jsonl'))) {
            throw new ConfigError(`--dataset ${dataset} is the episodes folder itself, not the dataset root: pass --dataset ${shellQuote(displayPath(path.dirname(abs), io.cwd))} (the folder holding index.jsonl and episodes/)`);
        }
        return { indexPath: path.join(abs, 'index.jsonl'), episodesRoot: path.join(abs, 'episodes'), bundled: false };
    }
    if (root || index) {
        const r = root ? path.resolve(io.cwd, root) : path.join(path.dirname(path.resolve(io.cwd, index)), 'episodes');
        const i = index ? path.resolve(io.cwd, index) : path.join(path.dirname(path.resolve(io.cwd, root)), 'index.jsonl');
        return { indexPath: i, episodesRoot: r, bundled: false };
    }
    if (named.length > 0) {
        throw new ConfigError(`no dataset named, but ${named.join(' and ')} ${named.length === 1 ? 'is' : 'are'}: pass --dataset DIR (the folder holding index.jsonl and episodes/) or --report FILE; the bundled fixtures are used only when no dataset, baseline, report or output is named`);
    }
    const fx = bundledFixtures();
    if (!fx)
        throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
    return { indexPath: fx.indexPath, episodesRoot: fx.episodesRoot, bundled: true };
}
function overrides(set) {
    const out = {};
    const given = new Map();
    for (const s of set) {
        const one = parseOverride(s);
        for (const [k, v] of Object.entries(one)) {
            const earlier = given.get(k);
            // Two values for one key: which one was meant cannot be known, so neither is used.
            if (earlier !== undefined && out[k] !== v)
                throw new UsageError(`--set ${earlier} and --set ${s} give ${k} two values: give it once`);
            given.set(k, s);
            out[k] = v;
        }
    }
    return out;
}
function progress(io) {
    if (!io.errIsTTY)
        return undefined;
    return (done, total) => {
        io.err(`\r${PROG}: classified ${done}/${total}`);
        if (done === total)
            io.err('\n');
    };
}
function shardArg(spec) {
    if (spec === undefined)
        return undefined;
    try {
        return parseShard(spec);
    }
    catch (e) {
        if (e instanceof ShardSpecError)
            throw new UsageError(`argument --shard: ${e.message}`);
        throw e;
    }
}
/** --jobs (default: the cores), capped at a sane multiple of the cores with a one-line note. */
function jobsOption(text, io) {
    const jobs = intOption('jobs', text);
    if (jobs === undefined)
        return availableParallelism();
    const capped = capJobs(jobs);
    if (capped.note)
        io.err(`${PROG}: note: --${capped.note}\n`);
    return capped.jobs;
}
/** What a scan takes from the dataset options, built once for scan, check and baseline. */
function scanOptions(args, io, named, shard) {
    const ds = datasetChoice(args, io, named);
    const onProgress = progress(io);
    return {
        indexPath: ds.indexPath,
        episodesRoot: ds.episodesRoot,
        ...(args.settings ? { settingsPath: args.settings } : {}),
        settingsOverrides: overrides(args.set),
        ...(args.reason.length > 0 ? { reasons: [...args.reason] } : {}),
        ...(args.host ? { host: args.host } : {}),
        ...(args['follow-outside-links'] ? { followOutsideLinks: true } : {}),
        jobs: jobsOption(args.jobs, io),
        ...(onProgress ? { onProgress } : {}),
        ...(shard ? { shard } : {}),
        cwd: io.cwd,
    };
}
/**
 * The `episode-gate baseline` command that writes this run's inputs as a baseline to `out`:
 * the dataset (or the report) and every option that decides verdicts, ready to paste.
 */
function baselineCommandOf(args, io) {
    return (out) => {
        const parts = [io.invokedAs ?? PROG, 'baseline'];
        // The report this run writes holds every verdict and the settings: the baseline is made from
        // exactly what was judged, with no second scan (and no drift if the data moves meanwhile).
        const written = args['report-out'];
        if (written)
            return [...parts, '--report', shellQuote(displayPath(written, io.cwd)), '--out', shellQuote(out)].join(' ');
        if (args.report)
            parts.push('--report', shellQuote(displayPath(args.report, io.cwd)));
        else if (!args.dataset && !args['episodes-root'] && !args.index) {
            const fx = bundledFixtures();
            if (fx)
                parts.push('--dataset', shellQuote(displayPath(path.dirname(fx.indexPath), io.cwd)));
        }
        for (const name of ['dataset', 'episodes-root', 'index', 'host', 'settings']) {
            const v = args[name];
            if (v)
                parts.push(`--${name}`, shellQuote(v));
        }
        for (const v of args.reason)
            parts.push('--reason', shellQuote(v));
        for (const v of args.set)
            parts.push('--set', shellQuote(v));
        if (args['follow-outside-links'])
            parts.push('--follow-outside-links');
        parts.push('--out', shellQuote(out));
        return parts.join(' ');
    };
}
/** How a report is gated, from the gate options: built once for check and merge. */
function gateOptions(args, io, baselineCommand, fallbackBaseline) {
    const baselinePath = args.baseline ?? fallbackBaseline;
    const reportOut = args['report-out'];
    return {
        failOn: args['fail-on'] ?? 'regression',
        ...(baselinePath ? { baselinePath } : {}),
        ...(reportOut ? { reportPath: reportOut } : {}),
        baselineCommand,
        cwd: io.cwd,
        surface: 'cli',
        ...(args.manifest ? { release: true } : {}),
    };
}
function totalsLine(r) {
    const what = r.shard ? `shard ${formatShard(r.shard)}: ` : '';
    return `${what}${plural(r.counts.scanned, 'episode')}: ${r.counts.kept} kept, ${r.counts.flagged} flagged`;
}
async function scanCmd(args, io) {
    const out = args.report;
    if (args.manifest && args.shard) {
        throw new UsageError('--manifest lists a whole dataset, not one shard: pass --manifest DIR to episode-gate merge instead');
    }
    const named = [...(out ? ['--report'] : []), ...(args.html ? ['--html'] : []), ...(args.manifest ? ['--manifest'] : [])];
    const report = await scanToReport(scanOptions(args, io, named, shardArg(args.shard)));
    if (args.manifest) {
        writeManifest(args.manifest, report, { command: 'scan', failOn: 'never', passed: true, failReason: null, comparison: null, regressions: 0, baselineFile: null }, io);
    }
    if (args.html) {
        await writeHtmlReport(args.html, { report, comparison: null, passed: true, failReason: null }, { cwd: io.cwd, reportHint: out ? displayPath(out, io.cwd) : null });
    }
    // Index rows the scan could not use are said here too, not only in the report.
    const unused = unusedRowsText(report);
    const note = unused ? `. Note: ${unused}` : '';
    if (out) {
        writeReport(path.resolve(io.cwd, out), report);
        io.err(`${PROG}: scanned ${totalsLine(report)}; report written to ${displayPath(out, io.cwd)}${note}\n`);
    }
    else {
        io.out(formatReport(report));
        io.err(`${PROG}: scanned ${totalsLine(report)}${note}\n`);
    }
    return 0;
}
/**
 * The folders of the files a check writes, checked before it scans: a mistyped --html path fails
 * at once, not after a scan of many minutes (the files themselves are written at the end).
 */
function checkOutputPaths(args, io) {
    for (const k of ['report-out', 'summary', 'html', 'history']) {
        const given = args[k];
        if (!given)
            continue;
        const abs = path.resolve(io.cwd, given);
        const dir = path.dirname(abs);
        const fix = 'create the folder, or choose another path';
        let isDir;
        try {
            isDir = statSync(dir).isDirectory();
        }
        catch (e) {
            throw new ConfigError(`--${k} ${given}: its folder ${displayPath(dir, io.cwd)} cannot be used: ${fsErrorWithFix(e, fix, 'write')}`);
        }
        if (!isDir)
            throw new ConfigError(`--${k} ${given}: ${displayPath(dir, io.cwd)} is not a folder; choose another path`);
        if (existsSync(abs) && statSync(abs).isDirectory())
            throw new ConfigError(`--${k} ${given} is a folder; name a file in it`);
    }
}
async function checkCmd(args, io) {
    checkOutputPaths(args, io);
    const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
    const reportIn = args.report;
    const named = namedInputs(args);
    const usesDataset = Boolean(args.dataset || args['episodes-root'] || args.index || reportIn);
    // With nothing named at all, check is the bundled fixtures against their committed baseline.
    const fx = !usesDataset && named.length === 0 ? bundledFixtures() : null;
    const opts = gateOptions(args, io, baselineCommandOf(args, io), fx ? displayPath(fx.baselinePath, io.cwd) : undefined);
    const show = (p) => displayPath(p, io.cwd);
    const produce = reportIn
        ? () => {
            const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
            requireWholeReport(report, show(reportIn), 'gated');
            return report;
        }
        : () => scanToReport(scanOptions(args, io, named));
    const history = historyArgs(args, io);
    const outcome = await gateReport(produce, {
        ...opts,
        ...(reportIn ? { reportHint: show(reportIn) } : {}),
        ...(history ? { history } : {}),
    });
    if (outcome.passed)
        for (const a of outcome.drift)
            io.err(`${PROG}: warning: ${inLine(a.message)}\n`);
    return await finishGate(outcome, args, io, limit, 'check');
}
/** check --history FILE: the history's rows, this run's commit and run id, and the drift rule if asked. */
function historyArgs(args, io) {
    const drift = driftRuleFromArgs(args);
    const file = args.history;
    if (!file) {
        if (drift)
            throw new UsageError('--drift-tolerance needs --history FILE (the runs the rule compares)');
        return null;
    }
    const rows = readHistoryFile(path.resolve(io.cwd, file), displayPath(file, io.cwd));
    return { rows, meta: runMetaFromEnv(io.env), drift };
}
/** Print the summary (and write it to --summary), say passed or failed on stderr, and give the exit code. */
async function finishGate(outcome, args, io, limit, command) {
    if (args.html) {
        const reportOut = args['report-out'] ?? (command === 'check' ? args.report : undefined);
        await writeHtmlReport(args.html, outcome, { cwd: io.cwd, reportHint: reportOut ? displayPath(reportOut, io.cwd) : null });
    }
    if (args.manifest) {
        const { report, passed, failReason, comparison, regressions, baselineFile, failOn } = outcome;
        writeManifest(args.manifest, report, { command, failOn, passed, failReason, comparison, regressions: regressions.length, baselineFile }, io);
    }
    const model = summaryModel(outcome);
    const markdown = renderSummary(model, limit);
    io.out(markdown);
    const summaryFile = args.summary;
    if (summaryFile) {
        try {
            writeFileSync(path.resolve(io.cwd, summaryFile), markdown);
        }
        catch (e) {
            throw new ConfigError(`cannot write the summary to ${summaryFile}: ${fsErrorWithFix(e, 'check that its folder exists and is writable', 'write')}`);
        }
    }
    // The status line leads with what changed since the baseline, as the summary's headline does.
    const changed = changeText(model.cause);
    const cause = changed ? `${changed}; ` : '';
    // The reason filter and unusable index rows are named here too, whatever the verdict.
    const notes = notesText(model.lead.notes);
    if (outcome.passed && !outcome.baselineName && outcome.failOn !== 'flagged') {
        // Nothing was gated: no word of passing, and the way to gate.
        io.err(`${PROG}: REPORT ONLY, nothing gated (no baseline given; pass --baseline FILE to gate): ${totalsLine(outcome.report)}${inLine(notes)}\n`);
        return 0;
    }
    if (outcome.passed) {
        const n = outcome.regressions.length;
        const w = outcome.warnings.length;
        const what = !outcome.baselineName
            ? '0 flagged (--fail-on flagged)'
            : n > 0
                ? `${n} regression${n === 1 ? '' : 's'} not enforced (--fail-on ${outcome.failOn})`
                : `no regressions against ${outcome.baselineName}${w > 0 ? ` (${w} warning${w === 1 ? '' : 's'})` : ''}`;
        io.err(`${PROG}: PASSED: ${inLine(cause + what)}; ${totalsLine(outcome.report)}${inLine(notes)}\n`);
        return 0;
    }
    io.err(`${PROG}: GATE FAILED (exit 1): ${inLine(failureText(model))}\n`);
    // The summary's third line, where it has one: a failure that accepting cannot change (fail-on
    // flagged on the same data, drift from the history) or would do harm (a run over part of the
    // baseline) offers none.
    const accept = model.lead;
    if (accept.command && accept.commandLabel)
        io.err(`${PROG}: ${accept.commandLabel.charAt(0).toLowerCase()}${accept.commandLabel.slice(1)}: ${accept.command}\n`);
    return 1;
}
/** The report files named by merge's arguments: files as given, folders searched (recursively) for *.json. */
function reportFiles(inputs, io) {
    const out = [];
    const walk = (dir) => readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory())
            return walk(p);
        return e.isFile() && e.name.endsWith('.json') ? [p] : [];
    });
    for (const input of inputs) {
        const abs = path.resolve(io.cwd, input);
        if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
            out.push(abs); // a file, or a path readReport names as missing
            continue;
        }
        let found;
        try {
            found = walk(abs);
        }
        catch (e) {
            throw new ConfigError(`cannot read the folder ${displayPath(input, io.cwd)}: ${fsErrorWithFix(e, 'pass the shard reports or the folder holding them')}`);
        }
        if (found.length === 0) {
            throw new ConfigError(`${displayPath(input, io.cwd)} holds no *.json report: pass the reports written by episode-gate scan --shard K/N --report FILE`);
        }
        out.push(...found);
    }
    return out;
}
async function mergeCmd(args, io) {
    const inputs = args._;
    if (inputs.length === 0)
        throw new UsageError('the following arguments are required: REPORT');
    checkOutputPaths(args, io);
    const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
    const show = (p) => displayPath(p, io.cwd);
    const reportOut = args['report-out'];
    const prog = io.invokedAs ?? PROG;
    const baselineCommand = (out) => reportOut
        ? `${prog} baseline --report ${shellQuote(show(reportOut))} --out ${shellQuote(out)}`
        : `${prog} merge ${inputs.map(shellQuote).join(' ')} --report-out merged.json && ${prog} baseline --report merged.json --out ${shellQuote(out)}`;
    const outcome = await gateReport(() => mergeShardReports(reportFiles(inputs, io).map((f) => ({ report: readReport(f, show(f)), name: show(f) }))), gateOptions(args, io, baselineCommand));
    return await finishGate(outcome, args, io, limit, 'merge');
}
function parsePin(text) {
    const eq = text.indexOf('=');
    const id = eq === -1 ? text : text.slice(0, eq);
    const name = eq === -1 ? undefined : text.slice(eq + 1);
    const parts = id.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1]) || name === '') {
        throw new UsageError(`argument --pin: expected HOST/EPISODE or HOST/EPISODE=NAME, got '${text}'`);
    }
    return { host: parts[0], episode: parts[1], ...(name ? { name } : {}) };
}
async function baselineCmd(args, io) {
    const out = args.out;
    if (!out)
        throw new UsageError('the following arguments are required: --out');
    const pins = args.pin.map(parsePin);
    for (const t of args.tolerance)
        applyTolerance({}, t); // refuse a bad one before scanning
    const show = (p) => displayPath(p, io.cwd);
    const outAbs = path.resolve(io.cwd, out);
    const fromPath = args.baseline ?? (existsSync(outAbs) ? out : undefined);
    const existing = fromPath ? loadBaseline(path.resolve(io.cwd, fromPath), show(fromPath)) : null;
    const reportIn = args.report;
    const report = reportIn
        ? readReport(path.resolve(io.cwd, reportIn), show(reportIn))
        : await scanToReport(scanOptions(args, io, namedInputs(args)));
    if (reportIn)
        requireWholeReport(report, show(reportIn), 'made into a baseline');
    const update = baselineFromReport(report, existing, { dropStale: args['drop-stale-cases'], pins, tolerances: args.tolerance });
    if (update.stale.length > 0 && !args['drop-stale-cases']) {
        io.err(`${PROG}: refusing to write ${show(out)}: ${update.stale.length} pinned case${update.stale.length === 1 ? ' no longer matches' : 's no longer match'} the scan:\n`);
        for (const s of update.stale)
            io.err(`  - ${inLine(`"${s.case.name}" (${s.case.host}/${s.case.episode}): ${s.detail}`)}\n`);
        io.err(`${PROG}: fix each case in ${show(fromPath)} (expect/reasons), or pass --drop-stale-cases to drop them; nothing was written.\n`);
        return 1;
    }
    writeBaseline(outAbs, update.baseline);
    for (const d of update.dropped)
        io.err(`${PROG}: ${inLine(`dropped pinned case "${d.case.name}" (${d.case.host}/${d.case.episode}): ${d.detail}`)}\n`);
    for (const a of update.added)
        io.err(`${PROG}: ${inLine(`pinned "${a.name}" (${a.host}/${a.episode}) as ${a.expect}${a.reasons ? ` (${a.reasons.join(', ')})` : ''}`)}\n`);
    io.err(`${PROG}: wrote ${show(out)}: ${totalsLine(report)}; ${plural(update.baseline.cases.length, 'pinned case')}\n`);
    return 0;
}
/** check and baseline judge the whole dataset: --shard there gets the way to do it, not "unrecognized". */
function shardRefusal(sub, argv) {
    if (!argv.some((a) => a === '--shard' || a.startsWith('--shard=')))
        return null;
    const how = sub === 'check'
        ? "a shard cannot be gated alone: write each shard's report with episode-gate scan --shard K/N --report FILE, then gate them together with episode-gate merge FILE..."
        : 'a baseline is made from the whole dataset, not one shard: merge the shard reports with episode-gate merge FILE... --report-out merged.json, then run episode-gate baseline --report merged.json';
    return `${sub} --shard: ${how}`;
}
/** The episodes folder explain reads: --dataset's, --episodes-root, or the bundled fixtures'. */
function explainDataset(args, io) {
    if (args.dataset)
        return { episodesRoot: path.join(path.resolve(io.cwd, args.dataset), 'episodes') };
    if (args['episodes-root'])
        return { episodesRoot: path.resolve(io.cwd, args['episodes-root']) };
    const fx = bundledFixtures();
    if (!fx)
        throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
    return { episodesRoot: fx.episodesRoot };
}
function versionLine() {
    return `${PROG} ${toolVersion()}\n`;
}
async function gateMain(argv, io) {
    const sub = argv[0];
    if (sub === undefined) {
        io.err(`${PROG}: error: a command is required (scan, check, merge, baseline, explain, verify or history); ${PROG} --help lists them\n`);
        return 2;
    }
    if (sub === '-h' || sub === '--help') {
        io.out(MAIN_HELP);
        return 0;
    }
    if (sub === 'history')
        return historyMain(argv.slice(1), io);
    if (sub === '--version') {
        io.out(versionLine());
        return 0;
    }
    if (!isSub(sub)) {
        const near = closest(sub.replace(/^-+/, ''), SUB_NAMES);
        io.err(`${PROG}: error: invalid command '${sub}' (choose from 'scan', 'check', 'merge', 'baseline', 'explain', 'verify', 'history')${near ? `; did you mean '${near}'?` : ''}; ${PROG} --help lists them\n`);
        return 2;
    }
    if (sub === 'check' || sub === 'baseline') {
        const refused = shardRefusal(sub, argv.slice(1));
        if (refused) {
            io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${refused}\n`);
            return 2;
        }
    }
    switch (sub) {
        case 'scan':
            return command(sub, argv, io, SCAN, { exclusive: DATASET_EXCLUSIVE }, undefined, (a) => scanCmd(a, io));
        case 'check':
            return command(sub, argv, io, CHECK, { exclusive: REPORT_INPUT_EXCLUSIVE }, undefined, (a) => checkCmd(a, io));
        case 'merge':
            return command(sub, argv, io, MERGE, {}, 'REPORT [REPORT ...]', (a) => mergeCmd(a, io));
        case 'baseline':
            return command(sub, argv, io, BASELINE, { exclusive: REPORT_INPUT_EXCLUSIVE }, undefined, (a) => baselineCmd(a, io));
        case 'explain':
            return command(sub, argv, io, EXPLAIN, { exclusive: [['dataset', 'episodes-root']] }, 'HOST/EPISODE', (a) => explainCmd(a, io, explainDataset(a, io), overrides(a.set)));
        case 'verify':
            return command(sub, argv, io, VERIFY, {}, undefined, (a) => verifyCmd(a, io));
    }
}
/** Parse one command's options from its table, answer -h and --version, run it, and turn errors into exit 2. */
async function command(sub, argv, io, table, parse, positional, run) {
    const prog = `${PROG} ${sub}`;
    const usage = (message) => {
        // One line, as every other error: the usage line argparse would print first is what --help shows.
        io.err(`${prog}: error: ${message}; ${prog} --help lists the options\n`);
        return 2;
    };
    let args;
    try {
        args = parseArgs(argv.slice(1), table, { ...parse, suggest: true });
        if (args._.length > 0 && !positional)
            throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
    }
    catch (e) {
        if (e instanceof UsageError)
            return usage(e.message);
        throw e;
    }
    if (args.help) {
        io.out(helpText(prog, DESCRIPTIONS[sub], table, positional));
        return 0;
    }
    if (args.version) {
        io.out(versionLine());
        return 0;
    }
    try {
        return await run(args);
    }
    catch (e) {
        if (e instanceof UsageError)
            return usage(e.message);
        return couldNotRun(e, io);
    }
}

runMain(gateMain, 'episode-gate');
