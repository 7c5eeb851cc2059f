#!/usr/bin/env node
import { existsSync, statSync, readFileSync, realpathSync, readdirSync, createReadStream, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { S as SOURCE_NAMES, u as unsafeIdReason, A as ALL_REASONS, f as formatShard, p as parseShard, a as ShardSpecError } from './chunks/pool.js';
import { S as SOURCE_FORMAT, d as downsample, r as resolveSettings, a as displayPath, t as tarballPath, C as ConfigError, b as readEpisodeDetail, M as MANIFEST_FILE, c as describeFsError, e as MANIFEST_VERSION, f as SUMS_FILE, g as buildManifest, w as writeManifestDir, h as runUrl, F as FAIL_ON_CHOICES, i as writeHtmlReport, j as writeReport, k as formatReport, l as MIN_SUMMARY_LIMIT_BYTES, m as gateReport, n as mergeShardReports, o as readReport, p as bundledFixtures, q as requireWholeReport, s as runGate, u as parseOverride, v as loadBaseline, x as packageRoot, y as baselineFromReport, z as writeBaseline, A as scanToReport } from './chunks/write.js';
import { U as UsageError, p as parseArgs, b as intOption, u as usageLine, h as helpText, i as inLine, r as runMain } from './chunks/io.js';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import 'node:url';
import 'node:worker_threads';
import './chunks/classify-file.js';
import 'node:zlib';
import 'node:fs/promises';

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
        if (s.spread !== null)
            out.push(`    spread ${sfmt(s.spread)} ${s.spread >= s.threshold ? '>=' : '<'} threshold ${sfmt(s.threshold)}`);
        else
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
const EXPLAIN_SPECS = [
    {
        name: 'dataset',
        kind: 'value',
        metavar: 'DIR',
        help: 'dataset root holding index.jsonl and episodes/ (default: the bundled fixtures)',
    },
    {
        name: 'episodes-root',
        kind: 'value',
        metavar: 'DIR',
        help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
    },
    { name: 'settings', kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
    { name: 'set', kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting, e.g. --set netflowSpreadBytes=40960' },
    { name: 'json', kind: 'flag', help: 'print the verdict, per-phase values and series as JSON' },
];
async function explainCmd(args, io, dataset, overrides) {
    const ids = args._ ?? [];
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
        throw new ConfigError(`cannot read the manifest ${name}: ${describeFsError(e)}; pass --manifest FILE (the manifest.json of a gate run, or its folder)`);
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
    if (doc.manifest_version !== MANIFEST_VERSION) {
        throw new ConfigError(`${name}: manifest_version ${JSON.stringify(doc.manifest_version)} is not supported (expected ${MANIFEST_VERSION}); ${FIX}`);
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
        if (!isObj(e) || typeof e.path !== 'string' || typeof e.sha256 !== 'string' || !Number.isSafeInteger(e.size)) {
            throw new ConfigError(`${where} needs path, sha256 and size; ${FIX}`);
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
            throw new ConfigError(`cannot list ${path.join(dir)}: ${describeFsError(e)}; give --dataset a folder you can read`);
        }
        for (const ent of entries) {
            const p = path.join(dir, ent.name);
            const r = rel ? `${rel}/${ent.name}` : ent.name;
            let isDir = ent.isDirectory();
            if (ent.isSymbolicLink())
                isDir = statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
            if (isDir)
                walk(p, r);
            else if (ent.name.endsWith('.tar.zst'))
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
/** SHA256SUMS beside manifest.json, when there, must list exactly the manifest's released tarballs. */
function checkSums(manifestFile, m) {
    const sumsFile = path.join(path.dirname(manifestFile), SUMS_FILE);
    let text;
    try {
        text = readFileSync(sumsFile, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        return [{ kind: 'SUMS', path: SUMS_FILE, detail: `cannot be read: ${describeFsError(e)}` }];
    }
    const listed = new Map(m.episodes.map((e) => [e.path, e.sha256]));
    const problems = [];
    const inSums = new Set();
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        const m2 = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
        if (!m2) {
            problems.push({ kind: 'SUMS', path: SUMS_FILE, detail: `a line is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 100))}` });
            continue;
        }
        const [, digest, p] = m2;
        inSums.add(p);
        const want = listed.get(p);
        if (want === undefined)
            problems.push({ kind: 'SUMS', path: p, detail: `in ${SUMS_FILE} but not in ${MANIFEST_FILE}` });
        else if (want !== digest)
            problems.push({ kind: 'SUMS', path: p, detail: `${SUMS_FILE} and ${MANIFEST_FILE} give different sha256` });
    }
    for (const p of listed.keys())
        if (!inSums.has(p))
            problems.push({ kind: 'SUMS', path: p, detail: `in ${MANIFEST_FILE} but not in ${SUMS_FILE}` });
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
    const problems = checkSums(loaded.file, m);
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
const MANIFEST_OPTION = {
    name: 'manifest',
    kind: 'value',
    metavar: 'DIR',
    help: 'write the kept episodes with their sha256 to DIR: SHA256SUMS (only when the gate passed), manifest.json, statement.intoto.json, predicate.json',
};
const VERIFY_SPECS = [
    { name: 'manifest', kind: 'value', metavar: 'FILE', help: 'manifest.json written by --manifest DIR (or that folder)' },
    {
        name: 'dataset',
        kind: 'value',
        metavar: 'DIR',
        help: "the folder the manifest's paths are relative to: an export, or the dataset root",
    },
    {
        name: 'allow-extra',
        kind: 'flag',
        help: 'do not count tarballs the manifest does not list (e.g. the flagged ones, verifying the dataset itself)',
    },
];
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
    const r = await verifyDataset(loaded, root, { allowExtra: Boolean(args['allow-extra']) });
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
const DATASET_SPECS = [
    {
        name: 'dataset',
        kind: 'value',
        metavar: 'DIR',
        help: 'dataset root holding index.jsonl and episodes/ (default: the bundled fixtures)',
    },
    {
        name: 'episodes-root',
        kind: 'value',
        metavar: 'DIR',
        help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
    },
    { name: 'index', kind: 'value', metavar: 'FILE', help: 'index.jsonl (instead of --dataset)' },
    { name: 'host', kind: 'value', help: 'only scan episodes from this host_id' },
    { name: 'reason', kind: 'multi', choices: ALL_REASONS, help: 'only these reasons flag (repeat to OR); unreadable always flags' },
    { name: 'settings', kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
    { name: 'set', kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting for this run, e.g. --set netflowSpreadBytes=40960' },
    { name: 'jobs', kind: 'value', metavar: 'N', help: 'episodes classified in parallel (default: available cores)' },
];
const HTML_SPEC = {
    name: 'html',
    kind: 'value',
    metavar: 'FILE',
    help: 'also write the self-contained HTML report (charts, per-phase drill-down) to FILE',
};
const SCAN_SPECS = [
    ...DATASET_SPECS,
    { name: 'report', kind: 'value', metavar: 'FILE', help: 'write the JSON report here (default: standard output)' },
    {
        name: 'shard',
        kind: 'value',
        metavar: 'K/N',
        help: 'scan only shard K of N (a fixed share of the index rows) into a partial report; episode-gate merge joins the N reports',
    },
    HTML_SPEC,
    MANIFEST_OPTION,
];
/** Judging a report: what check and merge share. */
const GATE_SPECS = [
    {
        name: 'baseline',
        kind: 'value',
        metavar: 'FILE',
        help: 'baseline to compare with (default with no dataset options: fixtures/baseline.json)',
    },
    {
        name: 'fail-on',
        kind: 'value',
        choices: FAIL_ON_CHOICES,
        help: 'regression (default): fail on regressions; flagged: also on any flagged episode; never: report only',
    },
    { name: 'summary', kind: 'value', metavar: 'FILE', help: 'also write the markdown summary to FILE' },
    { name: 'report-out', kind: 'value', metavar: 'FILE', help: 'write the JSON report of this scan to FILE' },
    { name: 'summary-limit', kind: 'value', metavar: 'BYTES', help: 'cap the summary at BYTES (default just under 1 MiB)' },
    HTML_SPEC,
    MANIFEST_OPTION,
];
const CHECK_SPECS = [
    ...DATASET_SPECS,
    { name: 'report', kind: 'value', metavar: 'FILE', help: 'judge this report (from episode-gate scan) instead of scanning' },
    ...GATE_SPECS,
];
const MERGE_SPECS = GATE_SPECS.map((s) => s.name === 'baseline'
    ? { ...s, help: 'baseline to compare with (default: none, report only)' }
    : s.name === 'report-out'
        ? { ...s, help: "write the merged JSON report (the whole dataset's) to FILE" }
        : s);
const BASELINE_SPECS = [
    ...DATASET_SPECS,
    { name: 'report', kind: 'value', metavar: 'FILE', help: 'make the baseline from this report instead of scanning' },
    { name: 'out', kind: 'value', metavar: 'FILE', help: 'baseline file to write (required); its pinned cases and tolerances are kept' },
    { name: 'baseline', kind: 'value', metavar: 'FILE', help: 'take pinned cases and tolerances from FILE (default: --out, when it exists)' },
    { name: 'pin', kind: 'multi', metavar: 'HOST/EPISODE[=NAME]', help: 'pin this episode at its current verdict (repeatable)' },
    { name: 'drop-stale-cases', kind: 'flag', help: 'drop pinned cases that no longer match (listed) instead of refusing' },
];
const DATASET_EXCLUSIVE = [
    ['dataset', 'episodes-root'],
    ['dataset', 'index'],
];
/** With --report FILE as the input, nothing is scanned: the scan options make no sense. */
const REPORT_INPUT_EXCLUSIVE = [
    ...DATASET_EXCLUSIVE,
    ...['dataset', 'episodes-root', 'index', 'host', 'reason', 'settings', 'set', 'jobs'].map((o) => ['report', o]),
];
const COMMANDS = '{scan,check,merge,baseline,explain,verify}';
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

With no dataset options, scan and check use the bundled fixture dataset, and check compares it
with the committed fixture baseline. Run '${PROG} COMMAND --help' for a command's options.
`;
const SUBS = {
    scan: {
        specs: SCAN_SPECS,
        exclusive: DATASET_EXCLUSIVE,
        description: 'Classify every episode of a dataset and write the JSON report. With --shard K/N, only the index rows of shard K (chosen by a hash of host_id/episode_id, so a row keeps its shard as the index grows) go into a partial report.',
    },
    check: {
        specs: CHECK_SPECS,
        exclusive: REPORT_INPUT_EXCLUSIVE,
        description: 'Compare a scan with a baseline and print the markdown summary. Exit 0 passed, 1 the gate failed, 2 the tool could not run.',
    },
    merge: {
        specs: MERGE_SPECS,
        exclusive: [],
        positional: 'REPORT [REPORT ...]',
        description: 'Merge the reports of all N shards of one dataset (files, or folders searched for *.json), then compare the whole with a baseline as check --report does. The shards must share the dataset fingerprint, settings, tool version, --host and --reason, and cover every index row exactly once. Exit 0 passed, 1 the gate failed, 2 the tool could not run (a missing, repeated or mismatched shard included).',
    },
    baseline: {
        specs: BASELINE_SPECS,
        exclusive: REPORT_INPUT_EXCLUSIVE,
        description: 'Write a baseline equal to a scan, keeping the existing pinned cases and tolerances. Exit 1 when a pinned case no longer matches.',
    },
    explain: {
        specs: EXPLAIN_SPECS,
        exclusive: DATASET_EXCLUSIVE,
        positional: 'HOST/EPISODE',
        description: 'Classify one episode and show why: the verdict, then per telemetry source the per-phase values, the spread against the threshold, the decision and a sparkline of the raw series (phase numbers under it). --json prints the same as JSON. Exit 0 whatever the verdict, 2 when the episode cannot be found.',
    },
    verify: { specs: VERIFY_SPECS, exclusive: [], description: VERIFY_DESCRIPTION },
};
function datasetChoice(args, io) {
    const dataset = args.dataset;
    const root = args['episodes-root'];
    const index = args.index;
    if (dataset)
        return {
            indexPath: path.resolve(io.cwd, dataset, 'index.jsonl'),
            episodesRoot: path.resolve(io.cwd, dataset, 'episodes'),
            bundled: false,
        };
    if (root || index) {
        const r = root ? path.resolve(io.cwd, root) : path.join(path.dirname(path.resolve(io.cwd, index)), 'episodes');
        const i = index ? path.resolve(io.cwd, index) : path.join(path.dirname(path.resolve(io.cwd, root)), 'index.jsonl');
        return { indexPath: i, episodesRoot: r, bundled: false };
    }
    const fx = bundledFixtures();
    if (!fx)
        throw new ConfigError('the bundled fixtures were not found next to this program; pass --dataset DIR');
    return { indexPath: fx.indexPath, episodesRoot: fx.episodesRoot, bundled: true };
}
function overrides(args) {
    let out = {};
    for (const s of args.set ?? [])
        out = { ...out, ...parseOverride(s) };
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
function shardArg(args) {
    const spec = args.shard;
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
async function scanFromArgs(args, io, jobs) {
    const ds = datasetChoice(args, io);
    const onProgress = progress(io);
    const shard = shardArg(args);
    return scanToReport({
        indexPath: ds.indexPath,
        episodesRoot: ds.episodesRoot,
        ...(args.settings ? { settingsPath: args.settings } : {}),
        settingsOverrides: overrides(args),
        ...(args.reason ? { reasons: args.reason } : {}),
        ...(args.host ? { host: args.host } : {}),
        jobs: jobs ?? availableParallelism(),
        ...(onProgress ? { onProgress } : {}),
        ...(shard ? { shard } : {}),
        cwd: io.cwd,
    });
}
function totalsLine(r) {
    const what = r.shard ? `shard ${formatShard(r.shard)}: ` : '';
    return `${what}${r.counts.scanned} episodes: ${r.counts.kept} kept, ${r.counts.flagged} flagged`;
}
async function scanCmd(args, io, jobs) {
    if (args.manifest && args.shard) {
        throw new UsageError('--manifest lists a whole dataset, not one shard: pass --manifest DIR to episode-gate merge instead');
    }
    const report = await scanFromArgs(args, io, jobs);
    if (args.manifest)
        writeManifest(args.manifest, report, { command: 'scan', failOn: 'never', passed: true, failReason: null, comparison: null, regressions: 0, baselineFile: null }, io);
    const out = args.report;
    const html = args.html;
    if (html) {
        await writeHtmlReport(html, { report, comparison: null, passed: true, failReason: null }, { cwd: io.cwd, reportHint: out ? displayPath(out, io.cwd) : null });
    }
    if (out) {
        writeReport(path.resolve(io.cwd, out), report);
        io.err(`${PROG}: scanned ${totalsLine(report)}; report written to ${displayPath(out, io.cwd)}\n`);
    }
    else {
        io.out(formatReport(report));
        io.err(`${PROG}: scanned ${totalsLine(report)}\n`);
    }
    return 0;
}
function usesDatasetOptions(args) {
    return Boolean(args.dataset || args['episodes-root'] || args.index || args.report);
}
async function checkCmd(args, io, jobs) {
    const failOn = (args['fail-on'] ?? 'regression');
    const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
    let baselinePath = args.baseline;
    if (!baselinePath && !usesDatasetOptions(args)) {
        const fx = bundledFixtures();
        if (fx)
            baselinePath = displayPath(fx.baselinePath, io.cwd);
    }
    const reportIn = args.report;
    const reportOut = args['report-out'];
    let outcome;
    if (reportIn) {
        const show = (p) => displayPath(p, io.cwd);
        outcome = await gateReport(() => {
            const report = readReport(path.resolve(io.cwd, reportIn), show(reportIn));
            requireWholeReport(report, show(reportIn), 'gated');
            return report;
        }, {
            failOn,
            ...(baselinePath ? { baselinePath, updateHint: `${PROG} baseline --report ${show(reportIn)} --out ${show(baselinePath)}` } : {}),
            ...(reportOut ? { reportPath: reportOut } : {}),
            ...(limit ? { summaryLimitBytes: limit } : {}),
            reportHint: show(reportIn),
            cwd: io.cwd,
        });
    }
    else {
        const ds = datasetChoice(args, io);
        const onProgress = progress(io);
        outcome = await runGate({
            indexPath: ds.indexPath,
            episodesRoot: ds.episodesRoot,
            ...(baselinePath ? { baselinePath } : {}),
            ...(args.settings ? { settingsPath: args.settings } : {}),
            settingsOverrides: overrides(args),
            ...(args.reason ? { reasons: args.reason } : {}),
            ...(args.host ? { host: args.host } : {}),
            jobs: jobs ?? availableParallelism(),
            failOn,
            ...(reportOut ? { reportPath: reportOut } : {}),
            ...(limit ? { summaryLimitBytes: limit } : {}),
            ...(onProgress ? { onProgress } : {}),
            ...(baselinePath ? { updateHint: updateCommand(args, baselinePath, io) } : {}),
            cwd: io.cwd,
        });
    }
    return await finishGate(outcome, args, io, baselinePath, failOn, 'check');
}
/** Print the summary (and write it to --summary), say passed or failed on stderr, and give the exit code. */
async function finishGate(outcome, args, io, baselinePath, failOn, command) {
    const html = args.html;
    if (html) {
        const reportOut = (args['report-out'] ?? args.report);
        await writeHtmlReport(html, outcome, { cwd: io.cwd, reportHint: reportOut ? displayPath(reportOut, io.cwd) : null });
    }
    if (args.manifest) {
        const { report, passed, failReason, comparison, regressions, baselineFile } = outcome;
        writeManifest(args.manifest, report, { command, failOn, passed, failReason, comparison, regressions: regressions.length, baselineFile }, io);
    }
    io.out(outcome.markdown);
    const summaryFile = args.summary;
    if (summaryFile) {
        try {
            writeFileSync(path.resolve(io.cwd, summaryFile), outcome.markdown);
        }
        catch (e) {
            throw new ConfigError(`cannot write the summary to ${summaryFile}: ${describeFsError(e)}; check that its folder exists and is writable`);
        }
    }
    if (outcome.passed) {
        const n = outcome.regressions.length;
        const what = !baselinePath
            ? 'report only (no baseline given)'
            : n > 0
                ? `${n} regression${n === 1 ? '' : 's'} not enforced (--fail-on ${failOn})`
                : `no regressions against ${displayPath(baselinePath, io.cwd)}`;
        io.err(`${PROG}: PASSED: ${inLine(what)}; ${totalsLine(outcome.report)}\n`);
        return 0;
    }
    io.err(`${PROG}: GATE FAILED (exit 1): ${inLine(String(outcome.failReason))}\n`);
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
            throw new ConfigError(`cannot read the folder ${displayPath(input, io.cwd)}: ${describeFsError(e)}`);
        }
        if (found.length === 0) {
            throw new ConfigError(`${displayPath(input, io.cwd)} holds no *.json report: pass the reports written by episode-gate scan --shard K/N --report FILE`);
        }
        out.push(...found);
    }
    return out;
}
async function mergeCmd(args, io) {
    const inputs = args._ ?? [];
    if (inputs.length === 0)
        throw new UsageError('the following arguments are required: REPORT');
    const failOn = (args['fail-on'] ?? 'regression');
    const limit = intOption('summary-limit', args['summary-limit'], MIN_SUMMARY_LIMIT_BYTES);
    const baselinePath = args.baseline;
    const reportOut = args['report-out'];
    const show = (p) => displayPath(p, io.cwd);
    const q = (v) => (/^[\w./:=@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
    const updateHint = !baselinePath
        ? undefined
        : reportOut
            ? `${PROG} baseline --report ${q(show(reportOut))} --out ${q(show(baselinePath))}`
            : `${PROG} merge ${inputs.map(q).join(' ')} --report-out merged.json && ${PROG} baseline --report merged.json --out ${q(show(baselinePath))}`;
    const outcome = await gateReport(() => mergeShardReports(reportFiles(inputs, io).map((f) => ({ report: readReport(f, show(f)), name: show(f) }))), {
        failOn,
        ...(baselinePath ? { baselinePath } : {}),
        ...(updateHint ? { updateHint } : {}),
        ...(reportOut ? { reportPath: reportOut } : {}),
        ...(limit ? { summaryLimitBytes: limit } : {}),
        cwd: io.cwd,
    });
    return await finishGate(outcome, args, io, baselinePath, failOn, 'merge');
}
/** The `baseline` command that rewrites the baseline from the same scan. */
function updateCommand(args, baselinePath, io) {
    const q = (v) => (/^[\w./:=@-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
    const parts = [PROG, 'baseline'];
    for (const name of ['dataset', 'episodes-root', 'index', 'host', 'settings']) {
        const v = args[name];
        if (v)
            parts.push(`--${name}`, q(v));
    }
    for (const name of ['reason', 'set'])
        for (const v of args[name] ?? [])
            parts.push(`--${name}`, q(v));
    parts.push('--out', q(displayPath(baselinePath, io.cwd)));
    return parts.join(' ');
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
async function baselineCmd(args, io, jobs) {
    const out = args.out;
    if (!out)
        throw new UsageError('the following arguments are required: --out');
    const pins = (args.pin ?? []).map(parsePin);
    const show = (p) => displayPath(p, io.cwd);
    const outAbs = path.resolve(io.cwd, out);
    const fromPath = args.baseline ?? (existsSync(outAbs) ? out : undefined);
    const existing = fromPath ? loadBaseline(path.resolve(io.cwd, fromPath), show(fromPath)) : null;
    const reportIn = args.report;
    const report = reportIn ? readReport(path.resolve(io.cwd, reportIn), show(reportIn)) : await scanFromArgs(args, io, jobs);
    if (reportIn)
        requireWholeReport(report, show(reportIn), 'made into a baseline');
    const root = packageRoot();
    const schemaRef = root
        ? path
            .relative(path.dirname(outAbs), path.join(root, 'schema', 'baseline.schema.json'))
            .split(path.sep)
            .join('/')
        : undefined;
    const update = baselineFromReport(report, existing, {
        dropStale: Boolean(args['drop-stale-cases']),
        pins,
        ...(schemaRef ? { schemaRef } : {}),
    });
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
    io.err(`${PROG}: wrote ${show(out)}: ${totalsLine(report)}; ${update.baseline.cases.length} pinned cases\n`);
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
async function gateMain(argv, io) {
    const sub = argv[0];
    if (sub === undefined || sub === '-h' || sub === '--help') {
        if (sub === undefined) {
            io.err(`usage: ${PROG} ${COMMANDS} [options]\n${PROG}: error: a command is required (scan, check, merge, baseline, explain or verify)\n`);
            return 2;
        }
        io.out(MAIN_HELP);
        return 0;
    }
    if (!(sub in SUBS)) {
        io.err(`usage: ${PROG} ${COMMANDS} [options]\n${PROG}: error: invalid command '${sub}' (choose from 'scan', 'check', 'merge', 'baseline', 'explain', 'verify')\n`);
        return 2;
    }
    const { specs, exclusive, description, positional } = SUBS[sub];
    const prog = `${PROG} ${sub}`;
    if (sub === 'check' || sub === 'baseline') {
        const refused = shardRefusal(sub, argv.slice(1));
        if (refused) {
            io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${refused}\n`);
            return 2;
        }
    }
    let args;
    let jobs;
    try {
        args = parseArgs(argv.slice(1), specs, exclusive);
        if (args._.length > 0 && !positional)
            throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
        jobs = intOption('jobs', args.jobs);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`${usageLine(prog, specs, positional)}\n${prog}: error: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (args.help) {
        io.out(helpText(prog, description, specs, positional));
        return 0;
    }
    try {
        if (sub === 'scan')
            return await scanCmd(args, io, jobs);
        if (sub === 'merge')
            return await mergeCmd(args, io);
        if (sub === 'check')
            return await checkCmd(args, io, jobs);
        if (sub === 'explain')
            return await explainCmd(args, io, datasetChoice(args, io), overrides(args));
        if (sub === 'verify')
            return await verifyCmd(args, io);
        return await baselineCmd(args, io, jobs);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`${usageLine(prog, specs, positional)}\n${prog}: error: ${e.message}\n`);
            return 2;
        }
        const err = e;
        const what = e instanceof ConfigError ? err.message : `internal error: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
        io.err(`${PROG}: ERROR (exit 2; the tool could not run, this is not a gate verdict): ${inLine(what)}\n`);
        if (!(e instanceof ConfigError) && io.env.EPISODE_GATE_DEBUG)
            io.err(`${err?.stack ?? ''}\n`);
        return 2;
    }
}

runMain(gateMain);
