import { readFileSync, writeFileSync, renameSync, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { i as isReason, a as SOURCE_NAMES, A as ALL_REASONS, u as unsafeIdReason, D as DEFAULT_CLASSIFIER_SETTINGS, c as createEpisodeRunner, s as scanDataset, b as inShard } from './pool.js';
import { createHash } from 'node:crypto';
import { D as DEFAULT_LIMITS } from './classify-file.js';
import { fileURLToPath } from 'node:url';

/**
 * The gate's one error type for bad input it was given: a baseline, settings file, report or
 * dataset path that is missing or invalid. Its message is one line naming the file (and field)
 * and the fix. Commands turn it into exit code 2, "the tool could not run", which must never
 * be confused with exit 1, "the gate ran and failed".
 */
class ConfigError extends Error {
    constructor(message) {
        // One line, whatever was quoted into it (e.g. a JSON parser's excerpt of the input).
        super(message.replace(/\s*[\r\n]+\s*/g, ' '));
        this.name = 'ConfigError';
    }
}
/** A short description of a file-system error, e.g. "ENOENT (no such file)". */
function describeFsError(e) {
    const err = e;
    const known = {
        ENOENT: 'no such file',
        EACCES: 'permission denied',
        EISDIR: 'is a directory',
        ENOTDIR: 'a parent is not a directory',
        EPERM: 'operation not permitted',
        ENOSPC: 'no space left on the device',
        EROFS: 'read-only file system',
    };
    if (err && typeof err.code === 'string')
        return known[err.code] ? `${err.code} (${known[err.code]})` : err.code;
    return err?.message ?? String(e);
}

/**
 * JSON laid out the way Prettier lays out a .json file (objects one key per line, arrays of
 * plain values on one line when they fit), so committed baselines pass `prettier --check` as
 * written and their diffs show one changed line per changed episode.
 */
const WIDTH = 140;
function isPlain(v) {
    return v === null || typeof v !== 'object';
}
function fmt(v, indent, lead, trailing) {
    if (isPlain(v))
        return JSON.stringify(v);
    const pad = ' '.repeat(indent + 2);
    const end = ' '.repeat(indent);
    if (Array.isArray(v)) {
        if (v.length === 0)
            return '[]';
        if (v.every(isPlain)) {
            const inline = '[' + v.map((x) => JSON.stringify(x)).join(', ') + ']';
            if (lead + inline.length + trailing <= WIDTH)
                return inline;
        }
        return '[\n' + v.map((x, i) => pad + fmt(x, indent + 2, indent + 2, i < v.length - 1 ? 1 : 0)).join(',\n') + '\n' + end + ']';
    }
    const items = Object.entries(v).filter((e) => e[1] !== undefined);
    if (items.length === 0)
        return '{}';
    return ('{\n' +
        items
            .map(([k, x], i) => {
            const key = JSON.stringify(k) + ': ';
            return pad + key + fmt(x, indent + 2, indent + 2 + key.length, i < items.length - 1 ? 1 : 0);
        })
            .join(',\n') +
        '\n' +
        end +
        '}');
}
function formatJson(v) {
    return fmt(v, 0, 0, 0) + '\n';
}

/**
 * The JSON report of one scan: every episode with its verdict, reasons and compact evidence,
 * the totals, what was not scanned, and what the verdicts depended on (tool version,
 * classifier settings and their hash, a fingerprint of the dataset). Versioned; documented by
 * schema/report.schema.json.
 */
const REPORT_VERSION = 1;
function episodeKey(host, episode) {
    return `${host}/${episode}`;
}
/** The verdict without what the report does not keep (per-phase values, member names). */
function compactVerdict(v) {
    if (!v.evidence?.sources)
        return v;
    const sources = { ...v.evidence.sources };
    for (const name of SOURCE_NAMES)
        sources[name] = { ...sources[name], phases: [] };
    return { ...v, evidence: { ...v.evidence, members: {}, phases: [], sources } };
}
function reportEvidence(v) {
    const ev = v.evidence;
    if (!ev)
        return null;
    let sources = null;
    if (ev.sources) {
        sources = {};
        for (const name of SOURCE_NAMES) {
            const s = ev.sources[name];
            sources[name] = { status: s.status, spread: s.spread, threshold: s.threshold, why: s.why };
        }
    }
    return { probe: ev.probe, workload_events: ev.workloadEvents, workload_failed: ev.workloadFailed, labels: ev.labels, sources };
}
function reportEpisode(r, selected) {
    const v = r.verdict;
    const reasons = selected ? v.reasons.filter((x) => x === 'unreadable' || selected.has(x)) : [...v.reasons];
    return {
        host: r.host,
        episode: r.episode,
        line: r.line,
        size_bytes: r.sizeBytes,
        sha256: r.sha256,
        verdict: reasons.length === 0 ? 'kept' : 'flagged',
        reasons,
        sample: v.sampleJson,
        module: v.moduleJson,
        unreadable: v.unreadable,
        evidence: reportEvidence(v),
    };
}
/** The lines that explain an episode's verdict, most decisive first. */
function explain(ep) {
    if (ep.unreadable)
        return [`unreadable: ${ep.unreadable}`];
    const out = [];
    const has = (r) => ep.reasons.includes(r);
    if (has('no-sample'))
        out.push('meta.sample is null');
    if (has('no-workload-events'))
        out.push('no workload_* events');
    if (has('workload-failed'))
        out.push('a workload_failed event');
    const ev = ep.evidence;
    if (ev?.sources) {
        for (const name of SOURCE_NAMES)
            out.push(ev.sources[name].why);
    }
    else if (ev) {
        out.push('no labels: flatness not analysed');
    }
    if (has('workload-silent'))
        out.push('dormant kill probe saw yes="0"');
    return out;
}
function emptyByReason() {
    const out = {};
    for (const r of ALL_REASONS)
        out[r] = 0;
    return out;
}
/** sha256 over the index file's bytes and each listed tarball's host/episode/size. */
function datasetFingerprint(indexBytes, episodes) {
    const h = createHash('sha256');
    h.update('index:');
    h.update(indexBytes ? createHash('sha256').update(indexBytes).digest('hex') : 'none');
    h.update('\n');
    for (const e of episodes)
        h.update(`${e.host}/${e.episode}\t${e.sizeBytes}\n`);
    return 'sha256:' + h.digest('hex');
}
/**
 * A report from its head and rows: counts, by_reason, sources and hosts are counted here, from
 * the episodes, for a scan and for a merge of shard reports alike.
 */
function assembleReport(head, rows, totals) {
    const { episodes } = rows;
    const counts = { scanned: episodes.length, kept: 0, flagged: 0 };
    const byReason = emptyByReason();
    const hosts = {};
    const sources = { analysed: 0 };
    for (const name of SOURCE_NAMES)
        sources[name] = { signal: 0, flat: 0, unknown: 0 };
    for (const ep of episodes) {
        const h = (hosts[ep.host] ??= { scanned: 0, kept: 0, flagged: 0 });
        h.scanned++;
        counts[ep.verdict]++;
        h[ep.verdict]++;
        for (const r of ep.reasons)
            byReason[r] = (byReason[r] ?? 0) + 1;
        const src = ep.evidence?.sources;
        if (src) {
            sources.analysed++;
            for (const name of SOURCE_NAMES)
                sources[name][src[name].status]++;
        }
    }
    return {
        report_version: REPORT_VERSION,
        tool: head.tool,
        generated_at: head.generated_at,
        dataset: head.dataset,
        ...(head.shard ? { shard: head.shard } : {}),
        settings: head.settings,
        settings_hash: head.settings_hash,
        settings_file: head.settings_file,
        settings_overrides: head.settings_overrides,
        counts,
        by_reason: byReason,
        sources,
        hosts,
        missing_tarballs: rows.missing_tarballs,
        index_problems: rows.index_problems,
        totals,
        episodes,
    };
}
function buildReport(scan, indexBytes, ctx) {
    const selected = ctx.reasons ? new Set(ctx.reasons) : null;
    const head = {
        tool: { name: 'episode-gate', version: ctx.version },
        generated_at: (ctx.now ?? new Date()).toISOString(),
        dataset: {
            index: ctx.display(ctx.indexPath),
            episodes_root: ctx.display(ctx.episodesRoot),
            host: ctx.host,
            reasons: ctx.reasons,
            // The whole index's, not the shard's: every shard of one dataset has the same.
            fingerprint: datasetFingerprint(indexBytes, scan.index.entries),
        },
        ...(ctx.shard ? { shard: { index: ctx.shard.index, count: ctx.shard.count, index_rows: scan.index.rows } } : {}),
        settings: ctx.settings,
        settings_hash: ctx.settingsHash,
        settings_file: ctx.settingsFile,
        settings_overrides: ctx.settingsOverrides,
    };
    const rows = {
        episodes: scan.episodes.map((r) => reportEpisode(r, selected)),
        missing_tarballs: scan.missing.map((m) => ({ line: m.line, host: m.host, episode: m.episode, path: ctx.display(m.tarPath) })),
        index_problems: scan.problems.map((p) => ({ line: p.line, kind: p.kind, detail: p.detail })),
    };
    return assembleReport(head, rows, {
        compressed_bytes: scan.totals.compressedBytes,
        decompressed_bytes: scan.totals.decompressedBytes,
        elapsed_ms: Math.round(scan.totals.elapsedMs),
    });
}
/**
 * A report of one shard cannot be gated or made into a baseline: its counts are a part of the
 * dataset's. `use` says what was refused, e.g. "gated".
 */
function requireWholeReport(report, displayName, use) {
    const s = report.shard;
    if (!s)
        return;
    throw new ConfigError(`${displayName} is the report of shard ${s.index}/${s.count} only, and a shard cannot be ${use} alone: merge the reports of all ${s.count} shards with episode-gate merge`);
}
/** Pretty JSON with one line per episode: readable, and a diff of two reports stays short. */
function formatReport(report) {
    const { episodes, ...head } = report;
    const headJson = JSON.stringify(head, null, 2);
    const body = episodes.length === 0 ? '[]' : '[\n' + episodes.map((e) => '    ' + JSON.stringify(e)).join(',\n') + '\n  ]';
    return headJson.slice(0, -2) + `,\n  "episodes": ${body}\n}\n`;
}
/** Write a file whole or not at all (a temporary file renamed over the target). */
function writeFileAtomic(file, text, what) {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
        writeFileSync(tmp, text);
        renameSync(tmp, file);
    }
    catch (e) {
        throw new ConfigError(`cannot write the ${what} to ${file}: ${describeFsError(e)}; check that its folder exists and is writable`);
    }
}
function writeReport(file, report) {
    writeFileAtomic(file, formatReport(report), 'report');
}
function isObj$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Read a report written by `episode-gate scan`; a ConfigError names what is wrong. */
function readReport(file, displayName = file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new ConfigError(`cannot read the report ${displayName}: ${describeFsError(e)}; check the --report path`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`${displayName}: not valid JSON (${e.message}); write it again with episode-gate scan --report`);
    }
    const fix = 'write it again with episode-gate scan --report';
    if (!isObj$1(doc))
        throw new ConfigError(`${displayName}: a report must be a JSON object; ${fix}`);
    if (doc.report_version !== REPORT_VERSION) {
        throw new ConfigError(`${displayName}: report_version ${JSON.stringify(doc.report_version)} is not supported (expected ${REPORT_VERSION}); ${fix}`);
    }
    const counts = doc.counts;
    if (!isObj$1(counts) || !['scanned', 'kept', 'flagged'].every((k) => Number.isSafeInteger(counts[k]))) {
        throw new ConfigError(`${displayName}: counts must hold whole numbers scanned, kept and flagged; ${fix}`);
    }
    if (!isObj$1(doc.by_reason) || !Object.values(doc.by_reason).every((n) => Number.isSafeInteger(n))) {
        throw new ConfigError(`${displayName}: by_reason must map reasons to whole numbers; ${fix}`);
    }
    if (!Array.isArray(doc.episodes))
        throw new ConfigError(`${displayName}: episodes must be a list; ${fix}`);
    doc.episodes.forEach((e, i) => {
        const ok = isObj$1(e) &&
            typeof e.host === 'string' &&
            typeof e.episode === 'string' &&
            (e.verdict === 'kept' || e.verdict === 'flagged') &&
            Array.isArray(e.reasons) &&
            e.reasons.every((r) => typeof r === 'string' && isReason(r));
        if (!ok)
            throw new ConfigError(`${displayName}: episodes[${i}] needs host, episode, verdict (kept|flagged) and known reasons; ${fix}`);
    });
    for (const k of ['tool', 'dataset', 'sources', 'hosts', 'settings', 'totals']) {
        if (!isObj$1(doc[k]))
            throw new ConfigError(`${displayName}: ${k} must be an object; ${fix}`);
    }
    for (const k of ['missing_tarballs', 'index_problems']) {
        if (!Array.isArray(doc[k]))
            throw new ConfigError(`${displayName}: ${k} must be a list; ${fix}`);
    }
    if (doc.shard !== undefined) {
        const s = doc.shard;
        const whole = (v, min) => Number.isSafeInteger(v) && v >= min;
        if (!isObj$1(s) || !whole(s.count, 1) || !whole(s.index, 1) || s.index > s.count || !whole(s.index_rows, 0)) {
            throw new ConfigError(`${displayName}: shard must hold whole numbers index (1..count), count and index_rows; ${fix} --shard K/N`);
        }
    }
    return doc;
}

/**
 * The baseline file: the verdict counts a dataset is expected to produce, tolerances, pinned
 * cases, and (optionally) every episode's expected reasons. Versioned; schema/baseline.schema.json
 * documents it and the validator below enforces the same rules, with one-line errors that name
 * the field and the fix.
 */
const BASELINE_VERSION = 1;
const REASONS_TEXT = ALL_REASONS.join(', ');
class Invalid extends Error {
}
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function objectAt(v, where) {
    if (!isObj(v))
        throw new Invalid(`${where} must be an object`);
    return v;
}
function onlyKeys(o, where, allowed, required = []) {
    for (const k of Object.keys(o)) {
        if (!allowed.includes(k))
            throw new Invalid(`${where} has an unknown field "${k}" (allowed: ${allowed.join(', ')})`);
    }
    for (const k of required)
        if (!(k in o))
            throw new Invalid(`${where} needs the field "${k}"`);
}
function count(v, where) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        throw new Invalid(`${where} must be a whole number >= 0, got ${JSON.stringify(v)}`);
    return v;
}
function tol(v, where, integer) {
    if (v === null)
        return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isSafeInteger(v))) {
        throw new Invalid(`${where} must be ${integer ? 'a whole number' : 'a number'} >= 0 or null (not checked), got ${JSON.stringify(v)}`);
    }
    return v;
}
function str(v, where) {
    if (typeof v !== 'string' || v === '')
        throw new Invalid(`${where} must be a non-empty string`);
    return v;
}
function reasonList(v, where) {
    if (!Array.isArray(v))
        throw new Invalid(`${where} must be a list of reasons`);
    v.forEach((r, i) => {
        if (typeof r !== 'string' || !isReason(r))
            throw new Invalid(`${where}[${i}] ${JSON.stringify(r)} is not a reason (known: ${REASONS_TEXT})`);
    });
    if (new Set(v).size !== v.length)
        throw new Invalid(`${where} lists a reason twice`);
    return v;
}
function safeId(v, where) {
    const s = str(v, where);
    const bad = unsafeIdReason(s);
    if (bad)
        throw new Invalid(`${where} ${JSON.stringify(s)} ${bad}`);
    return s;
}
/** Check a parsed baseline document; throws Invalid naming the first problem. */
function validate(doc) {
    const o = objectAt(doc, 'the baseline');
    onlyKeys(o, 'the baseline', ['$schema', 'version', 'counts', 'by_reason', 'tolerance', 'cases', 'episodes', 'generated_from'], ['version', 'counts', 'by_reason', 'cases']);
    if (o.$schema !== undefined && typeof o.$schema !== 'string')
        throw new Invalid('$schema must be a string');
    if (o.version !== BASELINE_VERSION)
        throw new Invalid(`version ${JSON.stringify(o.version)} is not supported (expected ${BASELINE_VERSION})`);
    const c = objectAt(o.counts, 'counts');
    onlyKeys(c, 'counts', ['scanned', 'kept', 'flagged'], ['scanned', 'kept', 'flagged']);
    const scanned = count(c.scanned, 'counts.scanned');
    const kept = count(c.kept, 'counts.kept');
    const flagged = count(c.flagged, 'counts.flagged');
    if (kept + flagged !== scanned)
        throw new Invalid(`counts.kept (${kept}) + counts.flagged (${flagged}) must equal counts.scanned (${scanned})`);
    const br = objectAt(o.by_reason, 'by_reason');
    for (const [k, v] of Object.entries(br)) {
        if (!isReason(k))
            throw new Invalid(`by_reason has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
        const n = count(v, `by_reason.${k}`);
        if (n > flagged)
            throw new Invalid(`by_reason.${k} (${n}) cannot exceed counts.flagged (${flagged})`);
    }
    if (o.tolerance !== undefined) {
        const t = objectAt(o.tolerance, 'tolerance');
        onlyKeys(t, 'tolerance', ['kept_drop', 'flagged_rise', 'flagged_rate_rise', 'reasons']);
        if (t.kept_drop !== undefined)
            tol(t.kept_drop, 'tolerance.kept_drop', true);
        if (t.flagged_rise !== undefined)
            tol(t.flagged_rise, 'tolerance.flagged_rise', true);
        if (t.flagged_rate_rise !== undefined)
            tol(t.flagged_rate_rise, 'tolerance.flagged_rate_rise', false);
        if (t.reasons !== undefined) {
            const tr = objectAt(t.reasons, 'tolerance.reasons');
            for (const [k, v] of Object.entries(tr)) {
                if (!isReason(k))
                    throw new Invalid(`tolerance.reasons has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
                tol(v, `tolerance.reasons.${k}`, true);
            }
        }
    }
    if (!Array.isArray(o.cases))
        throw new Invalid('cases must be a list (it may be empty)');
    const names = new Set();
    o.cases.forEach((x, i) => {
        const w = `cases[${i}]`;
        const cs = objectAt(x, w);
        onlyKeys(cs, w, ['name', 'host', 'episode', 'expect', 'reasons', 'note'], ['name', 'host', 'episode', 'expect']);
        const name = str(cs.name, `${w}.name`);
        if (names.has(name))
            throw new Invalid(`${w}.name "${name}" is used by another case; names must be unique`);
        names.add(name);
        safeId(cs.host, `${w}.host`);
        safeId(cs.episode, `${w}.episode`);
        if (cs.expect !== 'kept' && cs.expect !== 'flagged')
            throw new Invalid(`${w}.expect must be "kept" or "flagged", got ${JSON.stringify(cs.expect)}`);
        if (cs.reasons !== undefined) {
            const rs = reasonList(cs.reasons, `${w}.reasons`);
            if (cs.expect === 'kept' && rs.length > 0)
                throw new Invalid(`${w} expects kept but lists reasons; a kept episode has none`);
            if (cs.expect === 'flagged' && rs.length === 0)
                throw new Invalid(`${w} expects flagged but lists no reasons; list them or leave reasons out`);
        }
        if (cs.note !== undefined && typeof cs.note !== 'string')
            throw new Invalid(`${w}.note must be a string`);
    });
    if (o.episodes !== undefined) {
        const eps = objectAt(o.episodes, 'episodes');
        for (const [k, v] of Object.entries(eps)) {
            const parts = k.split('/');
            if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1])) {
                throw new Invalid(`episodes key ${JSON.stringify(k)} must be "host/episode"`);
            }
            reasonList(v, `episodes["${k}"]`);
        }
    }
    if (o.generated_from !== undefined) {
        const g = objectAt(o.generated_from, 'generated_from');
        onlyKeys(g, 'generated_from', ['tool_version', 'settings', 'settings_hash', 'dataset_fingerprint', 'host', 'reasons']);
        for (const k of ['tool_version', 'settings_hash', 'dataset_fingerprint']) {
            if (g[k] !== undefined)
                str(g[k], `generated_from.${k}`);
        }
        if (g.settings !== undefined) {
            const s = objectAt(g.settings, 'generated_from.settings');
            for (const [k, v] of Object.entries(s)) {
                if (typeof v !== 'number' || !Number.isFinite(v))
                    throw new Invalid(`generated_from.settings.${k} must be a number`);
            }
        }
        if (g.host !== undefined && g.host !== null)
            safeId(g.host, 'generated_from.host');
        if (g.reasons !== undefined && g.reasons !== null)
            reasonList(g.reasons, 'generated_from.reasons');
    }
    return o;
}
/** Validate a parsed document; a ConfigError names the file, the field and the fix. */
function parseBaseline(doc, displayName) {
    try {
        return validate(doc);
    }
    catch (e) {
        if (e instanceof Invalid) {
            throw new ConfigError(`${displayName}: ${e.message}; fix the file (see schema/baseline.schema.json) or write a new one with "episode-gate baseline --out ${displayName}"`);
        }
        throw e;
    }
}
function loadBaseline(file, displayName = file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        const err = e;
        const fix = err.code === 'ENOENT'
            ? `create it with "episode-gate baseline --out ${displayName}" or fix the --baseline path`
            : 'check the --baseline path';
        throw new ConfigError(`cannot read the baseline ${displayName}: ${describeFsError(e)}; ${fix}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`${displayName}: not valid JSON (${e.message}); fix the file or write a new one with "episode-gate baseline --out ${displayName}"`);
    }
    return parseBaseline(doc, displayName);
}
function sameReasons(a, b) {
    if (a.length !== b.length)
        return false;
    const s = new Set(a);
    return b.every((r) => s.has(r));
}
function verdictText(v, reasons) {
    return v === 'flagged' && reasons && reasons.length > 0 ? `flagged (${reasons.join(', ')})` : v;
}
function checkCase(c, lookup, report) {
    const got = lookup.get(episodeKey(c.host, c.episode));
    const expected = verdictText(c.expect, c.reasons);
    if (!got) {
        const missing = report.missing_tarballs.find((m) => m.host === c.host && m.episode === c.episode);
        const detail = missing
            ? `expected ${expected}, but its tarball is missing (${missing.path}, index line ${missing.line})`
            : `expected ${expected}, but the dataset has no episode ${c.host}/${c.episode}`;
        return { case: c, got: 'missing', gotReasons: [], pass: false, detail };
    }
    const pass = got.verdict === c.expect && (c.reasons === undefined || sameReasons(c.reasons, got.reasons));
    return {
        case: c,
        got: got.verdict,
        gotReasons: got.reasons,
        pass,
        detail: `expected ${expected}, got ${verdictText(got.verdict, got.reasons)}`,
    };
}
function reportLookup(report) {
    const m = new Map();
    for (const e of report.episodes)
        m.set(episodeKey(e.host, e.episode), { verdict: e.verdict, reasons: e.reasons });
    return m;
}
/**
 * A baseline equal to the report's verdicts, keeping the existing baseline's tolerances and
 * pinned cases. Cases that no longer match are reported as stale: the caller must refuse to
 * write unless dropStale says to drop them.
 */
function baselineFromReport(report, existing, opts = {}) {
    requireWholeReport(report, 'the report', 'made into a baseline');
    const lookup = reportLookup(report);
    const stale = [];
    const cases = [];
    for (const c of existing?.cases ?? []) {
        const r = checkCase(c, lookup, report);
        if (!r.pass)
            stale.push(r);
        // Without dropStale the caller refuses to write; the case list stays as it was.
        if (r.pass || !opts.dropStale)
            cases.push(c);
    }
    const added = [];
    for (const p of opts.pins ?? []) {
        const got = lookup.get(episodeKey(p.host, p.episode));
        if (!got)
            throw new ConfigError(`--pin ${p.host}/${p.episode}: the scan has no such episode; check the host and episode ids`);
        if (cases.some((c) => c.host === p.host && c.episode === p.episode))
            continue;
        let name = p.name ?? p.episode;
        if (cases.some((c) => c.name === name))
            name = p.name ? name : `${p.host}/${p.episode}`;
        if (cases.some((c) => c.name === name))
            throw new ConfigError(`--pin ${p.host}/${p.episode}=${name}: a case named "${name}" exists; choose another name`);
        const pc = { name, host: p.host, episode: p.episode, expect: got.verdict };
        if (got.verdict === 'flagged')
            pc.reasons = [...got.reasons];
        cases.push(pc);
        added.push(pc);
    }
    const dropped = opts.dropStale ? stale : [];
    const episodes = {};
    for (const e of report.episodes)
        episodes[episodeKey(e.host, e.episode)] = [...e.reasons];
    const baseline = {
        $schema: existing?.$schema ?? opts.schemaRef,
        version: BASELINE_VERSION,
        counts: { ...report.counts },
        by_reason: { ...report.by_reason },
        tolerance: existing?.tolerance ?? { kept_drop: 0, flagged_rise: 0, flagged_rate_rise: 0, reasons: {} },
        cases,
        episodes,
        generated_from: {
            tool_version: report.tool.version,
            settings: { ...report.settings },
            settings_hash: report.settings_hash,
            dataset_fingerprint: report.dataset.fingerprint,
            host: report.dataset.host,
            reasons: report.dataset.reasons,
        },
    };
    if (baseline.$schema === undefined)
        delete baseline.$schema;
    return { baseline, stale, dropped, added };
}
function formatBaseline(b) {
    return formatJson(b);
}
function writeBaseline(file, b) {
    writeFileAtomic(file, formatBaseline(b), 'baseline');
}

/**
 * Where this package lives on disk, found from the running module (src/gate/*.ts under tsx or
 * vitest, dist/*.js or dist/chunks/*.js when bundled): the nearest folder above it whose
 * package.json is this package's. The bundled fixtures and the tool version come from there.
 */
const PACKAGE_NAME = 'episode-gate';
let cached = null;
function locate() {
    if (cached)
        return cached;
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const pj = path.join(dir, 'package.json');
        if (existsSync(pj)) {
            try {
                const doc = JSON.parse(readFileSync(pj, 'utf8'));
                if (doc.name === PACKAGE_NAME) {
                    cached = { root: dir, version: typeof doc.version === 'string' ? doc.version : '0.0.0' };
                    return cached;
                }
            }
            catch {
                // Not ours (or unreadable): keep looking upwards.
            }
        }
        const up = path.dirname(dir);
        if (up === dir)
            break;
        dir = up;
    }
    cached = { root: null, version: '0.0.0' };
    return cached;
}
function packageRoot() {
    return locate().root;
}
function toolVersion() {
    return locate().version;
}
/** The committed fixture dataset and its baseline; null when the package folder is not found. */
function bundledFixtures() {
    const root = packageRoot();
    if (!root)
        return null;
    const datasetDir = path.join(root, 'fixtures', 'dataset');
    return {
        datasetDir,
        indexPath: path.join(datasetDir, 'index.jsonl'),
        episodesRoot: path.join(datasetDir, 'episodes'),
        baselinePath: path.join(root, 'fixtures', 'baseline.json'),
    };
}

/**
 * Merging the reports of the N shards of one dataset (`episode-gate scan --shard K/N`) into the
 * report one scan of the whole dataset writes. The shards must be of one dataset (fingerprint),
 * one classifier configuration (settings hash, tool version, --host, --reason) and one N, and
 * must together account for every index row exactly once: a missing or repeated shard is an
 * error, never a smaller or bigger dataset. The merged report differs from an unsharded scan's
 * only in generated_at (the merge's time) and totals.elapsed_ms (the slowest shard's).
 */
const label = (s) => `${s.index}/${s.count}`;
const shortHash$1 = (h) => (h.length > 19 ? `${h.slice(0, 19)}…` : h);
const hostText = (h) => (h === null ? 'all hosts' : `--host ${h}`);
const reasonsText = (r) => (r === null ? 'all reasons' : `--reason ${r.join(',')}`);
/** Refuses anything but the complete set of shard reports of one scan configuration; returns them in shard order. */
function checkShardSet(files) {
    if (files.length === 0)
        throw new ConfigError('no shard reports to merge: pass the report files (or folders) of episode-gate scan --shard K/N');
    const parts = files.map((f) => {
        if (!f.report.shard) {
            throw new ConfigError(`${f.name} is not a shard report (it has no "shard"): merge takes the reports of episode-gate scan --shard K/N; gate a whole report with episode-gate check --report ${f.name}`);
        }
        return { ...f, shard: f.report.shard };
    });
    parts.sort((a, b) => a.shard.index - b.shard.index || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ref = parts[0];
    const r = ref.report;
    for (const p of parts.slice(1)) {
        const o = p.report;
        const pair = `${ref.name} and ${p.name}`;
        if (p.shard.count !== ref.shard.count) {
            throw new ConfigError(`${ref.name} is shard ${label(ref.shard)} but ${p.name} is shard ${label(p.shard)}: merge the reports of one matrix, all with the same N`);
        }
        if (o.dataset.fingerprint !== r.dataset.fingerprint) {
            throw new ConfigError(`${pair} are of different datasets (fingerprint ${shortHash$1(r.dataset.fingerprint)} vs ${shortHash$1(o.dataset.fingerprint)}): scan every shard from the same snapshot of the dataset`);
        }
        if (o.settings_hash !== r.settings_hash) {
            throw new ConfigError(`${pair} were scanned with different classifier settings (settings_hash ${shortHash$1(r.settings_hash)} vs ${shortHash$1(o.settings_hash)}): give every shard the same --settings and --set`);
        }
        if (o.tool.version !== r.tool.version) {
            throw new ConfigError(`${ref.name} was written by episode-gate ${r.tool.version} and ${p.name} by episode-gate ${o.tool.version}: scan every shard with the same version`);
        }
        if (o.dataset.host !== r.dataset.host) {
            throw new ConfigError(`${pair} scanned different hosts (${hostText(r.dataset.host)} vs ${hostText(o.dataset.host)}): give every shard the same --host`);
        }
        if (JSON.stringify(o.dataset.reasons) !== JSON.stringify(r.dataset.reasons)) {
            throw new ConfigError(`${pair} count different reasons (${reasonsText(r.dataset.reasons)} vs ${reasonsText(o.dataset.reasons)}): give every shard the same --reason`);
        }
        if (p.shard.index_rows !== ref.shard.index_rows) {
            throw new ConfigError(`${pair} disagree on the index's size (${ref.shard.index_rows} vs ${p.shard.index_rows} rows): scan every shard from the same snapshot of the dataset`);
        }
    }
    const n = ref.shard.count;
    const byIndex = new Map();
    for (const p of parts) {
        const prev = byIndex.get(p.shard.index);
        if (prev)
            throw new ConfigError(`shard ${label(p.shard)} is given twice (${prev.name} and ${p.name}): pass each shard's report once`);
        byIndex.set(p.shard.index, p);
    }
    const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
    if (missing.length > 0) {
        const which = missing.map((k) => `${k}/${n}`).join(', ');
        throw new ConfigError(`${missing.length === 1 ? `shard ${which} is` : `shards ${which} are`} missing (got ${parts.map((p) => label(p.shard)).join(', ')}): pass the reports of all ${n} shards; a missing shard is not a smaller dataset`);
    }
    checkCoverage(parts);
    return parts;
}
/** Every index row in exactly one shard, and all of them: the union is the whole index. */
function checkCoverage(parts) {
    const owner = new Map();
    for (const p of parts) {
        const lists = [
            ['episodes', p.report.episodes],
            ['missing_tarballs', p.report.missing_tarballs],
            ['index_problems', p.report.index_problems],
        ];
        for (const [list, rows] of lists) {
            rows.forEach((row, i) => {
                const line = row.line;
                if (!Number.isSafeInteger(line) || line < 1) {
                    throw new ConfigError(`${p.name}: ${list}[${i}].line must be a line number of the index; write it again with episode-gate scan --shard`);
                }
                const prev = owner.get(line);
                if (prev) {
                    throw new ConfigError(`index line ${String(line)} is in both ${prev.name} (shard ${label(prev.shard)}) and ${p.name} (shard ${label(p.shard)}): these reports are not the shards of one scan; scan every shard again`);
                }
                owner.set(line, p);
            });
        }
    }
    const rows = parts[0].shard.index_rows;
    if (owner.size !== rows) {
        throw new ConfigError(`the ${parts.length} shard reports account for ${owner.size} of the index's ${rows} rows: they are not the shards of one scan; scan every shard again`);
    }
}
/**
 * The whole dataset's report from its shards' reports. Rows go back into index order; counts,
 * by_reason, sources and hosts are counted again from the episodes (as a scan counts them);
 * the dataset paths and settings file are shard 1's; elapsed_ms is the slowest shard's (the
 * matrix runs its shards side by side).
 */
function mergeShardReports(files, now = new Date()) {
    const parts = checkShardSet(files);
    const first = parts[0].report;
    const byLine = (a, b) => a.line - b.line;
    const all = parts.map((p) => p.report);
    return assembleReport({
        tool: first.tool,
        generated_at: now.toISOString(),
        dataset: first.dataset,
        settings: first.settings,
        settings_hash: first.settings_hash,
        settings_file: first.settings_file,
        settings_overrides: first.settings_overrides,
    }, {
        episodes: all.flatMap((r) => r.episodes).sort(byLine),
        missing_tarballs: all.flatMap((r) => r.missing_tarballs).sort(byLine),
        index_problems: all.flatMap((r) => r.index_problems).sort(byLine),
    }, {
        compressed_bytes: all.reduce((s, r) => s + r.totals.compressed_bytes, 0),
        decompressed_bytes: all.reduce((s, r) => s + r.totals.decompressed_bytes, 0),
        elapsed_ms: Math.max(...all.map((r) => r.totals.elapsed_ms)),
    });
}

/**
 * Building GitHub-flavoured markdown from untrusted values under a byte budget.
 *
 * Every value that comes from data (host and episode ids, sample names, member names, error
 * details) goes through `esc`: HTML-significant characters and the table pipe become character
 * references, markdown punctuation is backslash-escaped, "scheme://" and "www." cannot start an
 * autolink, and line breaks, control characters and bidirectional overrides become spaces. So a
 * hostile name can neither inject HTML nor break a table row or a list item, and ordinary
 * values stay readable in a terminal.
 */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };
// Line breaks, other control characters, and bidirectional overrides that could disguise text.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ALNUM = /[\p{L}\p{N}]/u;
/** A value from data, safe anywhere in a markdown line or table cell; long values are cut. */
function esc(value, maxChars = 200) {
    let s = value.replace(INVISIBLE, ' ');
    const chars = Array.from(s);
    if (chars.length > maxChars)
        s = chars.slice(0, maxChars - 1).join('') + '…';
    let out = '';
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        const ent = ENTITIES[c];
        if (ent)
            out += ent;
        else if (c === '_') {
            // An underscore inside a word never starts emphasis; elsewhere it could.
            const intraword = i > 0 && i < s.length - 1 && ALNUM.test(s[i - 1]) && ALNUM.test(s[i + 1]);
            out += intraword ? c : '\\_';
        }
        else if ('\\`*[]~$#'.includes(c))
            out += '\\' + c;
        else
            out += c;
    }
    return out.replace(/:\/\//g, '&#58;//').replace(/(w)(w)(w)\./gi, '$1$2$3&#46;');
}
/** A value inside raw HTML (e.g. a <summary> line): only HTML needs escaping there. */
function escHtml(value, maxChars = 200) {
    let s = value.replace(INVISIBLE, ' ');
    const chars = Array.from(s);
    if (chars.length > maxChars)
        s = chars.slice(0, maxChars - 1).join('') + '…';
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
function byteLength(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** Markdown text that is cut, section by section, to stay under a byte limit. */
class BudgetedMarkdown {
    limit;
    reserve;
    parts = [];
    used = 0;
    /** Rows or sections that did not fit. */
    truncated = false;
    /** `reserve`: bytes kept back for the closing note. */
    constructor(limit, reserve) {
        this.limit = limit;
        this.reserve = reserve;
    }
    room() {
        return this.limit - this.reserve - this.used;
    }
    /** Add text if it fits; false (and marked truncated) when it does not. */
    add(text) {
        const n = byteLength(text);
        if (n > this.room()) {
            this.truncated = true;
            return false;
        }
        this.parts.push(text);
        this.used += n;
        return true;
    }
    /** Add text from the reserve (the closing note); it must still respect the limit. */
    addReserved(text) {
        if (this.used + byteLength(text) <= this.limit) {
            this.parts.push(text);
            this.used += byteLength(text);
        }
    }
    toString() {
        return this.parts.join('');
    }
}
/** Lines between an opening and a closing, as many as the row cap and the budget allow. */
function addBlock(md, open, lines, close, moreLine, opts) {
    if (lines.length === 0)
        return;
    const noteRoom = byteLength(moreLine(lines.length));
    const fixed = byteLength(open) + byteLength(close) + noteRoom;
    if (fixed > md.room()) {
        md.truncated = true;
        md.add(`${opts.more(lines.length)}\n\n`);
        return;
    }
    const budget = Math.max(fixed, Math.floor(md.room() * (opts.share ?? 0.5)));
    md.add(open);
    let used = fixed;
    let shown = 0;
    for (const line of lines) {
        if (shown >= opts.maxRows)
            break;
        const n = byteLength(line);
        if (used + n > budget || n + byteLength(close) + noteRoom > md.room()) {
            md.truncated = true;
            break;
        }
        md.add(line);
        used += n;
        shown++;
    }
    if (shown < lines.length)
        md.add(moreLine(lines.length - shown));
    md.add(close);
}
/** A table whose cells are already escaped; rows are added while the budget allows. */
function addTable(md, header, align, rows, opts) {
    const open = (opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '') + `| ${header.join(' | ')} |\n|${align.join('|')}|\n`;
    const close = opts.fold ? '\n</details>\n\n' : '\n';
    addBlock(md, open, rows.map((r) => `| ${r.join(' | ')} |\n`), close, (n) => `\n${opts.more(n)}\n`, opts);
}
/** A bullet list of already escaped items, cut like a table. */
function addList(md, items, opts) {
    const open = opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '';
    const close = opts.fold ? '\n</details>\n\n' : '\n';
    addBlock(md, open, items.map((it) => `- ${it}\n`), close, (n) => `- ${opts.more(n)}\n`, opts);
}

/**
 * The markdown summary of a gate run (GitHub job summary and terminal): the verdict in one
 * line first, then what a reviewer needs to judge it, most important first. It stays under a
 * byte limit however large the dataset: long lists fold into <details> and are cut with a note
 * pointing at the JSON report. Every value taken from data is escaped (see markdown.ts).
 */
/** Just under GitHub's 1 MiB step-summary limit, leaving room for a caller's own lines. */
const DEFAULT_SUMMARY_LIMIT_BYTES = 1000 * 1024;
/** Below this a useful summary cannot be promised. */
const MIN_SUMMARY_LIMIT_BYTES = 4 * 1024;
const RESERVE = 1024;
function moreNote(hint) {
    const where = hint ? `the JSON report (${esc(hint, 120)})` : 'the JSON report (episode-gate scan --report FILE)';
    return (n) => `_… and ${n} more: see ${where}._`;
}
function signed$1(n, digits = 0) {
    const s = digits ? Math.abs(n).toFixed(digits) : String(Math.abs(n));
    return n > 0 ? `+${s}` : n < 0 ? `−${s}` : digits ? (0).toFixed(digits) : '0';
}
function pct(n) {
    return `${n.toFixed(2)}%`;
}
function verdictCell(reasons) {
    return reasons.length === 0 ? 'kept' : `flagged (${reasons.map((r) => esc(r)).join(', ')})`;
}
function epCell(host, episode) {
    return `${esc(host, 80)}/${esc(episode, 160)}`;
}
function whyCell(lines) {
    return lines.map((l) => esc(l, 300)).join('<br>');
}
function headline(inp) {
    const { report, comparison } = inp;
    const c = report.counts;
    const totals = `${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged`;
    const base = comparison ? esc(comparison.baselineName) : null;
    const nReg = comparison?.regressions.length ?? 0;
    let line;
    if (!inp.passed) {
        line = `### ❌ episode-gate: FAILED — ${esc(inp.failReason ?? 'the gate failed', 400)}`;
    }
    else if (!comparison) {
        line = `### ℹ️ episode-gate: report only — ${totals}; no baseline given, nothing compared`;
    }
    else if (nReg > 0) {
        line = `### ⚠️ episode-gate: passed (fail-on ${inp.failOn}) — ${nReg} regression${nReg === 1 ? '' : 's'} against ${base} not enforced; ${totals}`;
    }
    else {
        line = `### ✅ episode-gate: passed — no regressions against ${base}; ${totals}`;
    }
    return line + '\n\n';
}
function regressionItem(r) {
    return esc(r.message, 600);
}
function countsSection(md, inp) {
    const cur = inp.report.counts;
    const cmp = inp.comparison;
    md.add('#### Counts\n\n');
    if (!cmp) {
        md.add(`| | now |\n|---|---:|\n| scanned | ${cur.scanned} |\n| kept | ${cur.kept} |\n| flagged | ${cur.flagged} |\n\n`);
        return;
    }
    const b = cmp.counts.baseline;
    const t = cmp.tolerance;
    const mark = (bad) => (bad ? ' ❌' : '');
    const reg = new Set(cmp.regressions.map((r) => r.kind));
    const tolText = (v, what, unit = '') => (v === null ? 'not checked' : `${what} ≤ ${v}${unit}`);
    const keptNote = cmp.keptDrop > b.kept - cur.kept ? ` (${cmp.keptDrop} kept → flagged)` : '';
    md.add('| | baseline | now | change | tolerance |\n|---|---:|---:|---:|---|\n' +
        `| scanned | ${b.scanned} | ${cur.scanned} | ${signed$1(cur.scanned - b.scanned)} | |\n` +
        `| kept | ${b.kept} | ${cur.kept} | ${signed$1(cur.kept - b.kept)}${keptNote}${mark(reg.has('kept-drop'))} | ${tolText(t.kept_drop, 'drop')} |\n` +
        `| flagged | ${b.flagged} | ${cur.flagged} | ${signed$1(cur.flagged - b.flagged)}${mark(reg.has('flagged-rise'))} | ${tolText(t.flagged_rise, 'rise')} |\n` +
        `| flagged rate | ${pct(cmp.flaggedRate.baseline)} | ${pct(cmp.flaggedRate.current)} | ${signed$1(cmp.flaggedRate.current - cmp.flaggedRate.baseline, 2)} pp${mark(reg.has('flagged-rate-rise'))} | ${tolText(t.flagged_rate_rise, 'rise', ' pp')} |\n\n`);
}
function reasonsSection(md, inp) {
    const cmp = inp.comparison;
    const more = moreNote(inp.reportHint);
    md.add('#### By reason\n\n');
    if (!cmp) {
        const rows = Object.entries(inp.report.by_reason).map(([r, n]) => [esc(r), String(n)]);
        addTable(md, ['reason', 'now'], ['---', '---:'], rows, { maxRows: 100, more });
        return;
    }
    const rows = cmp.reasons.map((r) => [
        esc(r.reason) + (r.inBaseline ? '' : ' (new: counted from 0)'),
        String(r.baseline),
        String(r.current),
        signed$1(r.current - r.baseline) + (r.regression ? ' ❌' : ''),
        r.tolerance === null ? 'not checked' : `rise ≤ ${r.tolerance}`,
    ]);
    addTable(md, ['reason', 'baseline', 'now', 'change', 'tolerance'], ['---', '---:', '---:', '---:', '---'], rows, { maxRows: 100, more });
}
function casesSection(md, inp) {
    const cmp = inp.comparison;
    if (!cmp || cmp.cases.length === 0)
        return;
    const failed = cmp.cases.filter((c) => !c.pass).length;
    md.add(`#### Pinned cases: ${cmp.cases.length - failed} of ${cmp.cases.length} pass\n\n`);
    // Failing cases first, so a cut list never hides one.
    const ordered = [...cmp.cases].sort((a, b) => Number(a.pass) - Number(b.pass));
    const rows = ordered.map((c) => [
        esc(c.case.name, 120),
        epCell(c.case.host, c.case.episode),
        c.case.expect === 'flagged' && c.case.reasons ? verdictCell(c.case.reasons) : c.case.expect,
        c.got === 'missing' ? 'missing from the dataset' : verdictCell(c.gotReasons),
        c.pass ? '✅ pass' : '❌ fail',
        c.case.note ? esc(c.case.note, 200) : '',
    ]);
    addTable(md, ['case', 'episode', 'expected', 'got', 'result', 'note'], ['---', '---', '---', '---', '---', '---'], rows, {
        fold: cmp.cases.length > 25 ? `${cmp.cases.length} pinned cases` : null,
        maxRows: 500,
        more: moreNote(inp.reportHint),
    });
}
const FLIP_ORDER = { 'kept-to-flagged': 0, 'reasons-changed': 1, 'flagged-to-kept': 2 };
function flipsSection(md, inp) {
    const cmp = inp.comparison;
    if (!cmp)
        return;
    if (!cmp.hasEpisodeMap) {
        md.add('_The baseline has no `episodes` map, so changes are judged by the counts alone; `episode-gate baseline` writes one._\n\n');
        return;
    }
    const flips = [...cmp.flips].sort((a, b) => FLIP_ORDER[a.kind] - FLIP_ORDER[b.kind]);
    const down = flips.filter((f) => f.kind === 'kept-to-flagged').length;
    const up = flips.filter((f) => f.kind === 'flagged-to-kept').length;
    const other = flips.length - down - up;
    md.add(flips.length === 0
        ? '#### Episodes that changed verdict: none\n\n'
        : `#### Episodes that changed verdict: ${flips.length} (${down} kept → flagged, ${up} flagged → kept, ${other} with other reasons)\n\n`);
    const rows = flips.map((f) => [epCell(f.host, f.episode), verdictCell(f.before), verdictCell(f.after), whyCell(f.why)]);
    addTable(md, ['episode', 'before', 'after', 'evidence'], ['---', '---', '---', '---'], rows, {
        fold: flips.length > 10 ? `${flips.length} changed episodes` : null,
        maxRows: 500,
        more: moreNote(inp.reportHint),
    });
    const notes = [];
    if (cmp.added.total > 0)
        notes.push(`${cmp.added.total} episodes are new since the baseline (${cmp.added.flagged} of them flagged).`);
    if (cmp.vanished.length > 0) {
        const kept = cmp.vanished.filter((v) => v.before.length === 0).length;
        notes.push(`${cmp.vanished.length} episodes of the baseline are not in this dataset (${kept} of them were kept).`);
    }
    if (notes.length)
        md.add(notes.join(' ') + '\n\n');
    if (cmp.vanished.length > 0) {
        const items = cmp.vanished.map((v) => `${epCell(v.host, v.episode)}: was ${verdictCell(v.before)}`);
        addList(md, items, { fold: `${cmp.vanished.length} episodes gone since the baseline`, maxRows: 200, more: moreNote(inp.reportHint) });
    }
}
function flaggedSection(md, inp) {
    const flagged = inp.report.episodes.filter((e) => e.verdict === 'flagged');
    if (flagged.length === 0)
        return;
    md.add(`#### Flagged episodes by reason (${flagged.length})\n\n`);
    const groups = new Map();
    for (const e of flagged) {
        const k = e.reasons.join(', ');
        const g = groups.get(k);
        if (g)
            g.push(e);
        else
            groups.set(k, [e]);
    }
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [reasons, eps] of sorted) {
        const rows = eps.map((e) => [epCell(e.host, e.episode), e.sample === null ? '' : esc(e.sample, 80), whyCell(explain(e))]);
        addTable(md, ['episode', 'sample', 'evidence'], ['---', '---', '---'], rows, {
            fold: `${escHtml(reasons)}: ${eps.length} episode${eps.length === 1 ? '' : 's'}`,
            maxRows: 200,
            more: moreNote(inp.reportHint),
        });
    }
}
function sourcesSection(md, inp) {
    const s = inp.report.sources;
    const c = inp.report.counts;
    const unreadable = inp.report.by_reason.unreadable ?? 0;
    const noLabels = c.scanned - s.analysed - unreadable;
    const others = [unreadable ? `${unreadable} unreadable` : '', noLabels > 0 ? `${noLabels} without labels` : ''].filter(Boolean);
    md.add(`#### Telemetry sources\n\nFlatness was analysed for ${s.analysed} of ${c.scanned} episodes${others.length ? ` (not: ${others.join(', ')})` : ''}.\n\n`);
    if (s.analysed === 0)
        return;
    const rows = SOURCE_NAMES.map((n) => {
        const t = s[n];
        const avail = t.signal + t.flat;
        return [n, String(t.signal), String(t.flat), String(t.unknown), `${avail} (${pct((avail * 100) / s.analysed)})`];
    });
    addTable(md, ['source', 'signal', 'flat', 'no data', 'available'], ['---', '---:', '---:', '---:', '---:'], rows, {
        maxRows: 10,
        more: moreNote(inp.reportHint),
    });
}
function hostsSection(md, inp) {
    const hosts = Object.entries(inp.report.hosts).sort((a, b) => b[1].flagged - a[1].flagged || a[0].localeCompare(b[0]));
    if (hosts.length === 0)
        return;
    md.add(`#### Hosts (${hosts.length})\n\n`);
    const rows = hosts.map(([h, c]) => [esc(h, 80), String(c.scanned), String(c.kept), String(c.flagged)]);
    addTable(md, ['host', 'scanned', 'kept', 'flagged'], ['---', '---:', '---:', '---:'], rows, {
        fold: hosts.length > 10 ? `${hosts.length} hosts` : null,
        maxRows: 300,
        more: moreNote(inp.reportHint),
    });
}
function shortHash(h) {
    return esc(h.replace(/^sha256:/, '').slice(0, 12));
}
function provenanceSection(md, inp) {
    const r = inp.report;
    const cmp = inp.comparison;
    const more = moreNote(inp.reportHint);
    const lines = [];
    lines.push(`- dataset: ${esc(r.dataset.index)}${r.dataset.host ? `, host ${esc(r.dataset.host)} only` : ''}`);
    let fp = `- dataset fingerprint: ${shortHash(r.dataset.fingerprint)}`;
    if (cmp?.datasetChanged === true)
        fp += ' — **the data changed** since the baseline';
    if (cmp?.datasetChanged === false)
        fp += ' — same data as the baseline';
    lines.push(fp);
    const overrides = Object.entries(r.settings_overrides ?? {});
    let st = `- classifier settings: ${shortHash(r.settings_hash)}, ${r.settings_file ? `from ${esc(r.settings_file)}` : 'the defaults'}`;
    if (overrides.length)
        st += ` with ${overrides.map(([k, v]) => `${esc(k)}=${esc(String(v))}`).join(', ')}`;
    if (cmp?.settingsChanges && cmp.settingsChanges.length > 0)
        st += ' — **the settings changed** since the baseline';
    if (cmp?.settingsChanges && cmp.settingsChanges.length === 0)
        st += ' — same settings as the baseline';
    lines.push(st);
    if (r.dataset.reasons)
        lines.push(`- only these reasons flag: ${r.dataset.reasons.map((x) => esc(x)).join(', ')} (unreadable always does)`);
    lines.push(`- episode-gate ${esc(r.tool.version)}, scanned in ${(r.totals.elapsed_ms / 1000).toFixed(1)} s`);
    if (inp.reportHint)
        lines.push(`- full report: ${esc(inp.reportHint)}`);
    md.add('#### Data and settings\n\n' + lines.join('\n') + '\n\n');
    if (cmp?.settingsChanges && cmp.settingsChanges.length > 0) {
        const rows = cmp.settingsChanges.map((c) => [
            esc(c.key),
            c.before === null ? '' : String(c.before),
            c.after === null ? '' : String(c.after),
        ]);
        addTable(md, ['setting', 'baseline', 'now'], ['---', '---:', '---:'], rows, { maxRows: 50, more });
    }
    if (r.missing_tarballs.length > 0) {
        const items = r.missing_tarballs.map((m) => `index line ${m.line}: ${epCell(m.host, m.episode)} (${esc(m.path, 300)})`);
        addList(md, items, { fold: `${r.missing_tarballs.length} index rows not scanned: tarball missing`, maxRows: 100, more });
    }
    if (r.index_problems.length > 0) {
        const items = r.index_problems.map((p) => `index line ${p.line}: ${esc(p.detail, 300)}`);
        addList(md, items, { fold: `${r.index_problems.length} index lines skipped`, maxRows: 100, more });
    }
}
function renderSummary(inp, limitBytes = DEFAULT_SUMMARY_LIMIT_BYTES) {
    const limit = Math.max(limitBytes, MIN_SUMMARY_LIMIT_BYTES);
    const md = new BudgetedMarkdown(limit, RESERVE);
    md.add(headline(inp));
    const cmp = inp.comparison;
    const more = moreNote(inp.reportHint);
    if (!cmp) {
        md.add('No baseline was given, so nothing was compared. To gate on this dataset, write one with `episode-gate baseline --out FILE` and pass it with `--baseline FILE`.\n\n');
    }
    if (cmp && cmp.regressions.length > 0) {
        md.add(`#### Regressions (${cmp.regressions.length})\n\n`);
        // Episodes that went from kept to flagged are listed, with their evidence, under the
        // changed verdicts; here one line counts them.
        const named = cmp.regressions.filter((r) => r.kind === 'kept-to-flagged').length;
        const items = cmp.regressions.filter((r) => r.kind !== 'kept-to-flagged').map(regressionItem);
        if (named > 0)
            items.push(`${named} episode${named === 1 ? '' : 's'} kept in the baseline ${named === 1 ? 'is' : 'are'} now flagged (listed below under "Episodes that changed verdict")`);
        addList(md, items, { maxRows: 100, more, share: 0.25 });
    }
    countsSection(md, inp);
    reasonsSection(md, inp);
    casesSection(md, inp);
    flipsSection(md, inp);
    if (cmp && cmp.improvements.length > 0) {
        md.add(`#### Improvements (${cmp.improvements.length})\n\nThese pass. If they are intended, update the baseline${inp.updateHint ? `: <code>${esc(inp.updateHint, 400)}</code>` : ' with `episode-gate baseline`'}.\n\n`);
        addList(md, cmp.improvements.map(regressionItem), {
            fold: cmp.improvements.length > 10 ? `${cmp.improvements.length} improvements` : null,
            maxRows: 200,
            more,
            share: 0.3,
        });
    }
    sourcesSection(md, inp);
    hostsSection(md, inp);
    provenanceSection(md, inp);
    flaggedSection(md, inp);
    if (md.truncated) {
        const where = inp.reportHint ? `the JSON report (${esc(inp.reportHint, 120)})` : 'the JSON report (`episode-gate scan --report FILE`)';
        md.addReserved(`\n> [!NOTE]\n> This summary was cut to stay under ${limit} bytes; every episode is in ${where}.\n`);
    }
    return md.toString();
}

/**
 * Classifier settings for a gate run: the thresholds, CLK_TCK and the reader's size limits. The
 * defaults are the reference's; a committed settings file and per-run overrides can change
 * them. The effective settings and their hash go into every report, so a change of settings is
 * visible next to the verdicts it changed.
 */
const SETTINGS_FILE_VERSION = 1;
const DEFAULT_GATE_SETTINGS = Object.freeze({ ...DEFAULT_CLASSIFIER_SETTINGS, ...DEFAULT_LIMITS });
/** Every setting, in the canonical order (the order of the hash and of reports). */
const SETTING_SPECS = [
    { key: 'procSpreadPct', integer: false, min: 0, positive: false, unit: 'percentage points' },
    { key: 'netflowSpreadBytes', integer: false, min: 0, positive: false, unit: 'bytes' },
    { key: 'qmpSpreadBytes', integer: false, min: 0, positive: false, unit: 'bytes' },
    { key: 'guestSpreadLoad', integer: false, min: 0, positive: false, unit: 'load' },
    { key: 'clkTck', integer: true, min: 0, positive: true, unit: 'ticks per second' },
    { key: 'maxMemberBytes', integer: true, min: 0, positive: true, unit: 'bytes' },
    { key: 'maxEpisodeBytes', integer: true, min: 0, positive: true, unit: 'bytes' },
];
const SPEC_BY_KEY = new Map(SETTING_SPECS.map((s) => [s.key, s]));
const KEY_LIST = SETTING_SPECS.map((s) => s.key).join(', ');
function isSettingKey(k) {
    return SPEC_BY_KEY.has(k);
}
/** Why a value is not allowed for a setting, or null when it is. */
function badValue(key, v) {
    const spec = SPEC_BY_KEY.get(key);
    if (typeof v !== 'number' || !Number.isFinite(v))
        return `must be a number (${spec.unit})`;
    if (spec.integer && !Number.isSafeInteger(v))
        return `must be a whole number (${spec.unit})`;
    if (spec.positive ? v <= spec.min : v < spec.min)
        return `must be ${spec.positive ? '>' : '>='} ${spec.min} (${spec.unit})`;
    return null;
}
/** A settings document (already JSON-parsed) -> the settings it sets. */
function parseSettingsDoc(doc, file) {
    const fix = `fix ${file} (see schema/settings.schema.json)`;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new ConfigError(`${file}: a settings file must be a JSON object; ${fix}`);
    }
    const out = {};
    for (const [k, v] of Object.entries(doc)) {
        if (k === '$schema')
            continue;
        if (k === 'version') {
            if (v !== SETTINGS_FILE_VERSION)
                throw new ConfigError(`${file}: version ${JSON.stringify(v)} is not supported (expected ${SETTINGS_FILE_VERSION}); ${fix}`);
            continue;
        }
        if (!isSettingKey(k))
            throw new ConfigError(`${file}: unknown setting "${k}" (known: ${KEY_LIST}); ${fix}`);
        const bad = badValue(k, v);
        if (bad)
            throw new ConfigError(`${file}: ${k} ${bad}, got ${JSON.stringify(v)}; ${fix}`);
        out[k] = v;
    }
    return out;
}
function loadSettingsFile(file, displayName = file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new ConfigError(`cannot read the settings file ${displayName}: ${describeFsError(e)}; check the --settings path`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`${displayName}: not valid JSON (${e.message}); fix the settings file`);
    }
    return parseSettingsDoc(doc, displayName);
}
/** `key=value` from the command line -> one override. */
function parseOverride(text) {
    const eq = text.indexOf('=');
    const key = eq === -1 ? text : text.slice(0, eq);
    if (eq === -1 || !isSettingKey(key)) {
        throw new ConfigError(`--set ${text}: expected key=value with a key among ${KEY_LIST}`);
    }
    const raw = text.slice(eq + 1).trim();
    const v = raw === '' ? NaN : Number(raw);
    const bad = badValue(key, v);
    if (bad)
        throw new ConfigError(`--set ${text}: ${key} ${bad}`);
    return { [key]: v };
}
function validateOverrides(o, where) {
    const out = {};
    for (const [k, v] of Object.entries(o)) {
        if (v === undefined)
            continue;
        if (!isSettingKey(k))
            throw new ConfigError(`${where}: unknown setting "${k}" (known: ${KEY_LIST})`);
        const bad = badValue(k, v);
        if (bad)
            throw new ConfigError(`${where}: ${k} ${bad}, got ${JSON.stringify(v)}`);
        out[k] = v;
    }
    return out;
}
/** Defaults, then the file, then per-run overrides. */
function resolveSettings(file, overrides = {}, displayName) {
    const fromFile = file ? loadSettingsFile(file, displayName ?? file) : {};
    const checked = validateOverrides(overrides, 'settings override');
    const settings = canonicalSettings({ ...DEFAULT_GATE_SETTINGS, ...fromFile, ...checked });
    return { settings, hash: settingsHash(settings), file: file ? (displayName ?? file) : null, overrides: checked };
}
/** The settings with their keys in canonical order. */
function canonicalSettings(s) {
    const out = {};
    for (const spec of SETTING_SPECS)
        out[spec.key] = s[spec.key];
    return out;
}
/** sha256 over the canonical JSON of the settings: equal settings, equal hash. */
function settingsHash(s) {
    return ('sha256:' +
        createHash('sha256')
            .update(JSON.stringify(canonicalSettings(s)))
            .digest('hex'));
}
function diffSettings(before, after) {
    const keys = [...new Set([...SETTING_SPECS.map((s) => s.key), ...Object.keys(before), ...Object.keys(after)])];
    const out = [];
    for (const key of keys) {
        const b = before[key] ?? null;
        const a = after[key] ?? null;
        if (b !== a)
            out.push({ key, before: b, after: a });
    }
    return out;
}

/**
 * A report against a baseline: which rules are broken (regressions), what got better
 * (improvements), and everything the summary shows next to them.
 *
 * Rules (each tolerance defaults to 0; null switches that rule off):
 *  - kept falls by more than tolerance.kept_drop. With an `episodes` map, the fall counted is
 *    at least the number of episodes that were kept and are now flagged, so swaps that cancel
 *    out in the totals still fail.
 *  - flagged rises by more than tolerance.flagged_rise.
 *  - the flagged rate rises by more than tolerance.flagged_rate_rise percentage points.
 *  - a reason's count rises by more than tolerance.reasons[reason]; a reason the baseline does
 *    not list counts from zero.
 *  - a pinned case's verdict (and reasons, when given) differs, or its episode is missing.
 */
const EPS = 1e-9;
function flaggedRate(c) {
    return c.scanned === 0 ? 0 : (c.flagged * 100) / c.scanned;
}
function plural$1(n, one, many = one + 's') {
    return `${n} ${n === 1 ? one : many}`;
}
function signed(n, digits = 0) {
    const s = digits > 0 ? Math.abs(n).toFixed(digits) : String(Math.abs(n));
    return n > 0 ? `+${s}` : n < 0 ? `-${s}` : digits > 0 ? (0).toFixed(digits) : '0';
}
function tolText(t) {
    return t === null ? 'not checked' : `tolerance ${t}`;
}
/** The part of the baseline that covers the hosts this report scanned. */
function scope(b, report, name) {
    const bHost = b.generated_from?.host ?? null;
    const rHost = report.dataset.host;
    if (bHost === rHost)
        return { counts: b.counts, by_reason: b.by_reason, cases: b.cases, episodes: b.episodes ?? null };
    if (rHost !== null && bHost === null && b.episodes) {
        const prefix = `${rHost}/`;
        const episodes = {};
        const counts = { scanned: 0, kept: 0, flagged: 0 };
        const byReason = {};
        for (const [k, rs] of Object.entries(b.episodes)) {
            if (!k.startsWith(prefix))
                continue;
            episodes[k] = rs;
            counts.scanned++;
            counts[rs.length === 0 ? 'kept' : 'flagged']++;
            for (const r of rs)
                byReason[r] = (byReason[r] ?? 0) + 1;
        }
        return { counts, by_reason: byReason, cases: b.cases.filter((c) => c.host === rHost), episodes };
    }
    const what = (h) => (h === null ? 'all hosts' : `host ${h}`);
    throw new ConfigError(`${name}: the baseline covers ${what(bHost)} but this run scanned ${what(rHost)}; scan the same hosts, or make a baseline for them with "episode-gate baseline"`);
}
function tolerance(b) {
    const t = b.tolerance ?? {};
    const reasons = {};
    for (const [k, v] of Object.entries(t.reasons ?? {}))
        reasons[k] = v ?? null;
    return {
        kept_drop: t.kept_drop === undefined ? 0 : t.kept_drop,
        flagged_rise: t.flagged_rise === undefined ? 0 : t.flagged_rise,
        flagged_rate_rise: t.flagged_rate_rise === undefined ? 0 : t.flagged_rate_rise,
        reasons,
    };
}
function verdictOf(reasons) {
    return reasons.length === 0 ? 'kept' : `flagged (${reasons.join(', ')})`;
}
function sameList(a, b) {
    return a.length === b.length && a.every((r) => b.includes(r));
}
function compare(report, baseline, baselineName) {
    const s = scope(baseline, report, baselineName);
    const tol = tolerance(baseline);
    const cur = report.counts;
    const base = s.counts;
    const regressions = [];
    const improvements = [];
    // Pinned cases: the most specific promises come first.
    const lookup = reportLookup(report);
    const cases = s.cases.map((c) => checkCase(c, lookup, report));
    for (const r of cases) {
        if (r.pass)
            continue;
        regressions.push({
            kind: r.got === 'missing' ? 'pinned-missing' : 'pinned-case',
            message: `pinned case "${r.case.name}" (${r.case.host}/${r.case.episode}): ${r.detail}`,
            host: r.case.host,
            episode: r.case.episode,
        });
    }
    // Per-episode changes against the episodes map.
    const flips = [];
    const vanished = [];
    const added = { total: 0, flagged: 0 };
    if (s.episodes) {
        const seen = new Set();
        for (const ep of report.episodes) {
            const key = episodeKey(ep.host, ep.episode);
            if (seen.has(key))
                continue;
            seen.add(key);
            const before = Object.hasOwn(s.episodes, key) ? s.episodes[key] : undefined;
            if (before === undefined) {
                added.total++;
                if (ep.verdict === 'flagged')
                    added.flagged++;
                continue;
            }
            const flip = flipOf(ep, before);
            if (flip)
                flips.push(flip);
        }
        for (const [key, before] of Object.entries(s.episodes)) {
            if (seen.has(key))
                continue;
            const [host, episode] = key.split('/');
            vanished.push({ host, episode, before });
        }
    }
    const keptToFlagged = flips.filter((f) => f.kind === 'kept-to-flagged');
    // Named episodes come after the count rules, so the first lines say how much changed.
    const perEpisode = [];
    // kept
    const totalDrop = base.kept - cur.kept;
    const keptDrop = Math.max(totalDrop, keptToFlagged.length);
    if (tol.kept_drop !== null && keptDrop > tol.kept_drop) {
        const message = totalDrop >= keptToFlagged.length
            ? `kept ${base.kept} → ${cur.kept} (${signed(-totalDrop)}, ${tolText(tol.kept_drop)})`
            : `kept ${base.kept} → ${cur.kept}, but ${plural$1(keptToFlagged.length, 'episode')} kept in the baseline ${keptToFlagged.length === 1 ? 'is' : 'are'} now flagged (${tolText(tol.kept_drop)})`;
        regressions.push({ kind: 'kept-drop', message });
        for (const f of keptToFlagged) {
            perEpisode.push({
                kind: 'kept-to-flagged',
                message: `${f.host}/${f.episode}: kept → ${verdictOf(f.after)}${f.why.length ? `: ${f.why.join('; ')}` : ''}`,
                host: f.host,
                episode: f.episode,
            });
        }
    }
    else if (cur.kept > base.kept) {
        improvements.push({ kind: 'kept-rise', message: `kept ${base.kept} → ${cur.kept} (${signed(cur.kept - base.kept)})` });
    }
    // flagged
    const rise = cur.flagged - base.flagged;
    if (tol.flagged_rise !== null && rise > tol.flagged_rise) {
        regressions.push({
            kind: 'flagged-rise',
            message: `flagged ${base.flagged} → ${cur.flagged} (${signed(rise)}, ${tolText(tol.flagged_rise)})`,
        });
    }
    const rate = { baseline: flaggedRate(base), current: flaggedRate(cur) };
    const rateRise = rate.current - rate.baseline;
    if (tol.flagged_rate_rise !== null && rateRise > tol.flagged_rate_rise + EPS) {
        regressions.push({
            kind: 'flagged-rate-rise',
            message: `flagged rate ${rate.baseline.toFixed(2)}% → ${rate.current.toFixed(2)}% (${signed(rateRise, 2)} pp, ${tolText(tol.flagged_rate_rise)} pp)`,
        });
    }
    if (rise < 0)
        improvements.push({ kind: 'flagged-fall', message: `flagged ${base.flagged} → ${cur.flagged} (${signed(rise)})` });
    // reasons: the known ones in their order, then any other the baseline or report names.
    const names = [...new Set([...ALL_REASONS, ...Object.keys(s.by_reason), ...Object.keys(report.by_reason)])];
    const reasons = names.map((reason) => {
        const inBaseline = Object.hasOwn(s.by_reason, reason);
        const b = inBaseline ? s.by_reason[reason] : 0;
        const c = report.by_reason[reason] ?? 0;
        const t = Object.hasOwn(tol.reasons, reason) ? tol.reasons[reason] : 0;
        const regression = t !== null && c - b > t;
        if (regression) {
            regressions.push({
                kind: 'reason-rise',
                message: `${reason} ${b} → ${c} (${signed(c - b)}, ${tolText(t)})${inBaseline ? '' : '; the baseline does not list it, so it counts from 0'}`,
            });
        }
        else if (c < b) {
            improvements.push({ kind: 'reason-fall', message: `${reason} ${b} → ${c} (${signed(c - b)})` });
        }
        return { reason, baseline: b, current: c, inBaseline, tolerance: t, regression };
    });
    regressions.push(...perEpisode);
    for (const f of flips) {
        if (f.kind !== 'flagged-to-kept')
            continue;
        improvements.push({
            kind: 'flagged-to-kept',
            message: `${f.host}/${f.episode}: ${verdictOf(f.before)} → kept${f.why.length ? `: ${f.why.join('; ')}` : ''}`,
            host: f.host,
            episode: f.episode,
        });
    }
    const origin = baseline.generated_from;
    return {
        baselineName,
        counts: { baseline: base, current: cur },
        flaggedRate: rate,
        keptDrop,
        tolerance: tol,
        reasons,
        cases,
        hasEpisodeMap: s.episodes !== null,
        flips,
        vanished,
        added,
        regressions,
        improvements,
        settingsChanges: origin?.settings ? diffSettings(origin.settings, report.settings) : null,
        datasetChanged: origin?.dataset_fingerprint ? origin.dataset_fingerprint !== report.dataset.fingerprint : null,
    };
}
function flipOf(ep, before) {
    const wasKept = before.length === 0;
    const isKept = ep.verdict === 'kept';
    let kind;
    if (wasKept && !isKept)
        kind = 'kept-to-flagged';
    else if (!wasKept && isKept)
        kind = 'flagged-to-kept';
    else if (!sameList(before, ep.reasons))
        kind = 'reasons-changed';
    else
        return null;
    return { host: ep.host, episode: ep.episode, kind, before, after: ep.reasons, why: explain(ep) };
}

/**
 * One gate run: settings → baseline → scan → report → comparison → decision → summary.
 * Nothing here knows about GitHub; the Action and the CLI both call runGate.
 */
const FAIL_ON_CHOICES = ['regression', 'flagged', 'never'];
/** A path as users should read it: relative to cwd when inside it. */
function displayPath(p, cwd = process.cwd()) {
    const abs = path.resolve(cwd, p);
    const rel = path.relative(cwd, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
function checkDataset(indexPath, episodesRoot, show) {
    let st;
    try {
        st = statSync(episodesRoot);
    }
    catch (e) {
        throw new ConfigError(`no episodes folder at ${show(episodesRoot)}: ${describeFsError(e)}; pass --dataset DIR (a folder holding index.jsonl and episodes/) or --episodes-root DIR`);
    }
    if (!st.isDirectory())
        throw new ConfigError(`${show(episodesRoot)} is not a folder; --episodes-root must name the folder of <host>/<episode>.tar.zst`);
    try {
        return readFileSync(indexPath);
    }
    catch (e) {
        throw new ConfigError(`cannot read the index ${show(indexPath)}: ${describeFsError(e)}; pass --dataset DIR or --index FILE`);
    }
}
/** Scan a dataset into a report. Bad paths or settings throw ConfigError. */
async function scanToReport(opts) {
    const cwd = opts.cwd ?? process.cwd();
    const show = (p) => displayPath(p, cwd);
    const resolved = resolveSettings(opts.settingsPath ? path.resolve(cwd, opts.settingsPath) : undefined, opts.settingsOverrides ?? {}, opts.settingsPath ? show(opts.settingsPath) : undefined);
    const indexPath = path.resolve(cwd, opts.indexPath);
    const episodesRoot = path.resolve(cwd, opts.episodesRoot);
    const indexBytes = checkDataset(indexPath, episodesRoot, show);
    const { settings } = resolved;
    const limits = { maxMemberBytes: settings.maxMemberBytes, maxEpisodeBytes: settings.maxEpisodeBytes };
    // The worker pool when running from the bundle; in-process when run from src/ (tests).
    const inner = opts.runner ?? createEpisodeRunner({ jobs: opts.jobs ?? availableParallelism(), job: { settings, limits } });
    // Only what the report keeps is held per episode while the scan runs.
    const compacting = {
        run: async (p) => {
            const r = await inner.run(p);
            return { ...r, verdict: compactVerdict(r.verdict) };
        },
        close: () => inner.close(),
    };
    let scan;
    try {
        scan = await scanDataset({
            indexPath,
            episodesRoot,
            ...(opts.host ? { host: opts.host } : {}),
            ...(opts.jobs ? { jobs: opts.jobs } : {}),
            settings,
            limits,
            ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
            ...(opts.shard ? { filter: inShard(opts.shard) } : {}),
        }, compacting);
    }
    catch (e) {
        const err = e;
        if (typeof err?.code === 'string')
            throw new ConfigError(`cannot scan ${show(indexPath)}: ${describeFsError(e)}`);
        throw e;
    }
    finally {
        if (!opts.runner)
            await inner.close();
    }
    return buildReport(scan, indexBytes, {
        indexPath,
        episodesRoot,
        display: show,
        host: opts.host ?? null,
        reasons: opts.reasons && opts.reasons.length > 0 ? [...opts.reasons] : null,
        settings,
        settingsHash: resolved.hash,
        settingsFile: resolved.file,
        settingsOverrides: resolved.overrides,
        version: toolVersion(),
        shard: opts.shard ?? null,
    });
}
function plural(n, one) {
    return `${n} ${one}${n === 1 ? '' : 's'}`;
}
/** Judge a report against a baseline (or none) and render the summary. A shard's report is refused. */
function evaluateGate(report, baseline, opts) {
    requireWholeReport(report, opts.reportHint ?? 'the report', 'gated');
    const name = opts.baselineName ?? 'the baseline';
    const comparison = baseline ? compare(report, baseline, name) : null;
    const regressions = comparison?.regressions ?? [];
    const improvements = comparison?.improvements ?? [];
    let failReason = null;
    if (opts.failOn !== 'never' && regressions.length > 0) {
        const shown = regressions.slice(0, 3).map((r) => r.message);
        const rest = regressions.length - shown.length;
        failReason = `${plural(regressions.length, 'regression')} against ${name}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
    }
    else if (opts.failOn === 'flagged' && report.counts.flagged > 0) {
        const top = Object.entries(report.by_reason)
            .filter(([, n]) => n > 0)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ');
        failReason = `${plural(report.counts.flagged, 'episode')} flagged (${top}) and --fail-on is flagged`;
    }
    const passed = failReason === null;
    const markdown = renderSummary({
        report,
        comparison,
        passed,
        failOn: opts.failOn,
        failReason,
        reportHint: opts.reportHint ?? null,
        updateHint: opts.updateHint ?? null,
    }, opts.summaryLimitBytes ?? DEFAULT_SUMMARY_LIMIT_BYTES);
    return { report, regressions, improvements, passed, failReason, markdown, comparison };
}
/**
 * Gate a report, however it is made (a scan, a saved report, merged shard reports): the baseline
 * is read first, so a bad one fails before a long scan, and the report is written (reportPath)
 * before it is judged. A report of one shard is refused.
 */
async function gateReport(produce, opts) {
    const cwd = opts.cwd ?? process.cwd();
    const show = (p) => displayPath(p, cwd);
    const baseline = opts.baselinePath ? loadBaseline(path.resolve(cwd, opts.baselinePath), show(opts.baselinePath)) : null;
    const report = await produce();
    requireWholeReport(report, 'the report', 'gated');
    if (opts.reportPath)
        writeReport(path.resolve(cwd, opts.reportPath), report);
    return evaluateGate(report, baseline, {
        failOn: opts.failOn,
        ...(opts.baselinePath ? { baselineName: show(opts.baselinePath) } : {}),
        ...(opts.summaryLimitBytes ? { summaryLimitBytes: opts.summaryLimitBytes } : {}),
        reportHint: opts.reportHint ?? (opts.reportPath ? show(opts.reportPath) : null),
        updateHint: opts.updateHint ?? (opts.baselinePath ? `episode-gate baseline --out ${show(opts.baselinePath)}` : null),
    });
}
async function runGate(opts) {
    return gateReport(() => scanToReport(opts), opts);
}

export { ConfigError as C, FAIL_ON_CHOICES as F, MIN_SUMMARY_LIMIT_BYTES as M, requireWholeReport as a, bundledFixtures as b, runGate as c, displayPath as d, baselineFromReport as e, formatReport as f, gateReport as g, writeBaseline as h, describeFsError as i, parseOverride as j, loadBaseline as l, mergeShardReports as m, packageRoot as p, readReport as r, scanToReport as s, writeReport as w };
