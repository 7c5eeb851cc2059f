import { b as plural, g as fsErrorWithFix, C as ConfigError, m as showValue, Q as isReason, S as SOURCE_NAMES, A as ALL_REASONS, u as unsafeIdReason, D as DEFAULT_LIMITS, e as DEFAULT_CLASSIFIER_SETTINGS, h as closest, j as createEpisodeRunner, k as scanDataset, U as inShard, r as readRegularFile, F as FileRefusedError, w as walkIndexText, V as isColumns, W as int64Value, X as PyFloat, Y as makePhaseAt, N as NotDict, _ as pyStr, $ as fastPct, x as newDecoderContext, a0 as readEpisode, a1 as classify, a2 as unreadableVerdict, a3 as fmtBytes } from './pool.js';
import path from 'node:path';
import { statSync, writeFileSync, renameSync, rmSync, lstatSync, readlinkSync, readFileSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * JSON laid out the way Prettier lays out a .json file (objects one key per line, arrays of
 * plain values on one line when they fit), so committed baselines pass `prettier --check` as
 * written and their diffs show one changed line per changed episode.
 */
const WIDTH = 140;
function isPlain(v) {
    return v === null || typeof v !== 'object';
}
function isFlat(v) {
    return isPlain(v) || (Array.isArray(v) && v.every(isPlain));
}
/** `{ "a": 1, "b": [2] }` as Prettier prints an object written on one line, or null when it cannot be. */
function inlineObject(v, lead, trailing) {
    if (isPlain(v) || Array.isArray(v))
        return null;
    const items = Object.entries(v).filter((e) => e[1] !== undefined);
    if (items.length === 0 || !items.every(([, x]) => isFlat(x)))
        return null;
    const text = '{ ' + items.map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x, 0, 0, 0)}`).join(', ') + ' }';
    return lead + text.length + trailing <= WIDTH ? text : null;
}
function fmt(v, indent, lead, trailing, inlineChildren = false) {
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
            const lead = indent + 2 + key.length;
            const trail = i < items.length - 1 ? 1 : 0;
            const inline = inlineChildren ? inlineObject(x, lead, trail) : null;
            return pad + key + (inline ?? fmt(x, indent + 2, lead, trail, indent === 0 && inlineKeys.has(k)));
        })
            .join(',\n') +
        '\n' +
        end +
        '}');
}
let inlineKeys = new Set();
/** `inlineObjectsOf`: top-level keys whose member objects are written one per line when they fit. */
function formatJson(v, inlineObjectsOf = []) {
    inlineKeys = new Set(inlineObjectsOf);
    try {
        return fmt(v, 0, 0, 0) + '\n';
    }
    finally {
        inlineKeys = new Set();
    }
}

/** The episodes of a baseline map as arrivals (each as the baseline judged it). */
function arrivalsOf(episodes) {
    const out = {};
    for (const [key, e] of episodes)
        addArrival(out, key.slice(0, key.indexOf('/')), e.reasons);
    return out;
}
/** Count one episode, judged with these reasons, as arrived on host. */
function addArrival(a, host, reasons) {
    const h = Object.hasOwn(a, host) ? a[host] : (a[host] = { scanned: 0, flagged: 0, by_reason: {} });
    h.scanned++;
    if (reasons.length > 0)
        h.flagged++;
    for (const r of reasons)
        h.by_reason[r] = (h.by_reason[r] ?? 0) + 1;
}
/** A deep copy, hosts in code-unit order (the file stays stable from night to night). */
function copyArrivals(a) {
    const out = {};
    for (const host of Object.keys(a).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
        const h = a[host];
        const byReason = {};
        for (const r of Object.keys(h.by_reason).sort())
            byReason[r] = h.by_reason[r];
        out[host] = { scanned: h.scanned, flagged: h.flagged, by_reason: byReason };
    }
    return out;
}
const COHORT_DEFAULTS = { confidence: 0.99, minSize: 20, marginPp: 0 };
let logFactTable = new Float64Array([0, 0]);
function logFact(n) {
    if (n >= logFactTable.length) {
        const size = Math.max(n + 1, logFactTable.length * 2);
        const t = new Float64Array(size);
        t.set(logFactTable);
        for (let i = logFactTable.length; i < size; i++)
            t[i] = t[i - 1] + Math.log(i);
        logFactTable = t;
    }
    return logFactTable[n];
}
function logChoose(n, k) {
    return logFact(n) - logFact(k) - logFact(n - k);
}
/**
 * P(X >= x) for X the flagged episodes among the cohort's n when the baseline's and the
 * cohort's flagged episodes are spread at random over both (one-sided Fisher exact test).
 */
function upperTailP(baseline, cohort) {
    const total = baseline.n + cohort.n;
    const flagged = baseline.flagged + cohort.flagged;
    const hi = Math.min(flagged, cohort.n);
    if (cohort.flagged <= Math.max(0, cohort.n - (total - flagged)))
        return 1;
    const logDen = logChoose(total, cohort.n);
    const terms = [];
    for (let k = cohort.flagged; k <= hi; k++)
        terms.push(logChoose(flagged, k) + logChoose(total - flagged, cohort.n - k) - logDen);
    const max = Math.max(...terms);
    let sum = 0;
    for (const t of terms)
        sum += Math.exp(t - max);
    return Math.min(1, Math.exp(max) * sum);
}
function rate$1(t) {
    return t.n === 0 ? 0 : (t.flagged * 100) / t.n;
}
function counts$1(reasonsOf, reason) {
    let n = 0;
    let flagged = 0;
    for (const rs of reasonsOf) {
        n++;
        if (reason === null ? rs.length > 0 : rs.includes(reason))
            flagged++;
    }
    return { n, flagged };
}
/**
 * Judge the new episodes against the rate at which episodes arrived (`arrivals`, when the
 * baseline carries them), else against the baseline's episodes (all of them, gone ones included).
 */
function judgeCohort(added, baseline, settings, arrivals = null) {
    const baseByHost = new Map(Object.entries(arrivals ?? arrivalsOf(baseline)));
    const baseAll = { scanned: 0, flagged: 0, by_reason: {} };
    for (const h of baseByHost.values()) {
        baseAll.scanned += h.scanned;
        baseAll.flagged += h.flagged;
        for (const [r, n] of Object.entries(h.by_reason))
            baseAll.by_reason[r] = (baseAll.by_reason[r] ?? 0) + n;
    }
    const baseTally = (h, reason) => ({
        n: h.scanned,
        flagged: reason === null ? h.flagged : (h.by_reason[reason] ?? 0),
    });
    const none = { scanned: 0, flagged: 0, by_reason: {} };
    const newByHost = new Map();
    for (const ep of added) {
        const list = newByHost.get(ep.host);
        if (list)
            list.push(ep);
        else
            newByHost.set(ep.host, [ep]);
    }
    const reasonSet = new Set();
    for (const r of Object.keys(baseAll.by_reason))
        if ((baseAll.by_reason[r] ?? 0) > 0)
            reasonSet.add(r);
    for (const ep of added)
        for (const r of ep.reasons)
            reasonSet.add(r);
    const reasons = [...reasonSet].sort();
    const hosts = [...new Set([...baseByHost.keys(), ...newByHost.keys()])].sort().map((host) => ({
        host,
        baseline: baseTally(baseByHost.get(host) ?? none, null),
        cohort: counts$1((newByHost.get(host) ?? []).map((e) => e.reasons), null),
    }));
    const overall = counts$1(added.map((e) => e.reasons), null);
    const result = {
        settings,
        against: arrivals ? 'arrivals' : 'episodes',
        size: added.length,
        flagged: overall.flagged,
        baseline: baseTally(baseAll, null),
        tests: [],
        alarms: [],
        hosts,
        notJudged: null,
    };
    if (settings.confidence === null) {
        result.notJudged = 'the cohort rule is off (tolerance.cohort_confidence is null)';
        return result;
    }
    // The whole cohort is judged at any size: the test is exact, so a small night is held to stronger
    // evidence, not let through (19 new episodes all flagged against a 39% baseline is p ~ 1e-8). A
    // host's own groups need minSize new episodes, which keeps the family (and Holm's divisor) to
    // hosts with enough to say; a smaller host is still named by where an all-hosts alarm comes from.
    if (added.length === 0)
        return result;
    const groups = [{ host: null, reason: null }, ...reasons.map((reason) => ({ host: null, reason }))];
    for (const h of hosts) {
        if (h.cohort.n < settings.minSize)
            continue;
        groups.push({ host: h.host, reason: null }, ...reasons.map((reason) => ({ host: h.host, reason })));
    }
    const tests = groups.map((g) => {
        const eps = g.host === null ? added : newByHost.get(g.host);
        const hostBase = g.host === null ? undefined : baseByHost.get(g.host);
        const base = hostBase ?? baseAll;
        const hit = (rs) => (g.reason === null ? rs.length > 0 : rs.includes(g.reason));
        const cohort = counts$1(eps.map((e) => e.reasons), g.reason);
        const baselineTally = baseTally(base, g.reason);
        return {
            host: g.host,
            reason: g.reason,
            baseline: baselineTally,
            baselineAllHosts: g.host !== null && hostBase === undefined,
            cohort,
            p: upperTailP(baselineTally, cohort),
            threshold: null,
            alarm: false,
            episodes: eps.filter((e) => hit(e.reasons)).map((e) => `${e.host}/${e.episode}`),
        };
    });
    // Holm: the i-th smallest p-value (0-based) is held to alpha / (m - i), stopping at the first that passes.
    const alpha = 1 - settings.confidence;
    const order = tests.map((_, i) => i).sort((a, b) => tests[a].p - tests[b].p);
    let stopped = false;
    order.forEach((idx, i) => {
        const t = tests[idx];
        t.threshold = alpha / (tests.length - i);
        if (stopped || t.p > t.threshold) {
            stopped = true;
            return;
        }
        t.alarm = rate$1(t.cohort) - rate$1(t.baseline) > settings.marginPp;
    });
    result.tests = tests;
    const rank = (t) => (t.host !== null ? 0 : 2) + (t.reason !== null ? 0 : 1);
    result.alarms = tests.filter((t) => t.alarm).sort((a, b) => rank(a) - rank(b) || a.p - b.p);
    return result;
}
function pText(p) {
    return p < 1e-4 ? p.toExponential(1) : p.toPrecision(2);
}
function pct$4(t) {
    return `${t.flagged}/${t.n} (${rate$1(t).toFixed(1)}%)`;
}
/**
 * " (from lab-c 15)": where an all-hosts alarm's episodes come from, most first, so a host
 * with too few new episodes for a test of its own is still named.
 */
function fromHosts(episodes, max = 3) {
    const byHost = new Map();
    for (const id of episodes) {
        const host = id.slice(0, id.indexOf('/'));
        byHost.set(host, (byHost.get(host) ?? 0) + 1);
    }
    if (byHost.size === 0)
        return '';
    const list = [...byHost].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = list.slice(0, max).map(([h, n]) => `${h} ${n}`);
    if (list.length > max)
        shown.push(`${plural(list.length - max, 'more host')}`);
    return ` (from ${shown.join(', ')})`;
}
/** One line naming the host, the reason, both rates, the test and the episodes (with maxEpisodes 0: the rates alone). */
function alarmMessage(t, maxEpisodes = 10, against = 'episodes') {
    const where = t.host === null ? `new episodes, all hosts${fromHosts(t.episodes)}` : `new episodes on host ${t.host}`;
    const what = t.reason === null ? 'flagged (any reason)' : t.reason;
    const arrived = against === 'arrivals' ? ' arrivals' : '';
    const base = t.baselineAllHosts ? `baseline's${arrived} (all hosts; the host is new)` : `baseline's${arrived}`;
    if (maxEpisodes === 0)
        return `${where}: ${what} ${pct$4(t.cohort)} vs the ${base} ${pct$4(t.baseline)}`;
    const shown = t.episodes.slice(0, maxEpisodes).join(', ');
    const more = t.episodes.length > maxEpisodes ? `, … ${t.episodes.length - maxEpisodes} more` : '';
    return `${where}: ${what} ${pct$4(t.cohort)} vs the ${base} ${pct$4(t.baseline)} (one-sided exact test p = ${pText(t.p)} < ${pText(t.threshold ?? 0)}): ${shown}${more}`;
}

/**
 * Writing an output file whole or not at all, without replacing what the path names: a symlink
 * is written through to its target (the link stays), and a FIFO, device or socket (/dev/stdout,
 * a named pipe) is written into, since renaming over it would destroy it.
 */
/** Links followed before a path is taken to loop (Linux's own bound). */
const MAX_LINKS = 40;
/**
 * The path a write to `file` lands on: symlinks followed, also a dangling one (as the shell's `>`
 * creates its target). null when the links loop.
 */
function writeTarget(file) {
    let p = path.resolve(file);
    for (let i = 0; i < MAX_LINKS; i++) {
        const st = lstatSync(p, { throwIfNoEntry: false });
        if (!st?.isSymbolicLink())
            return p;
        p = path.resolve(path.dirname(p), readlinkSync(p));
    }
    return null;
}
/** Write `text` to `file` (what: "report", "baseline"… as messages name it). */
function writeFileAtomic(file, text, what) {
    const fail = (why) => {
        throw new ConfigError(`cannot write the ${what} to ${file}: ${why}`);
    };
    let target;
    try {
        target = writeTarget(file);
    }
    catch (e) {
        return fail(fsErrorWithFix(e, 'check the path', 'write'));
    }
    if (target === null)
        return fail(`its symbolic links loop (more than ${MAX_LINKS}); point the link at a file, or give another path`);
    const st = statSync(target, { throwIfNoEntry: false });
    if (st?.isDirectory())
        return fail(`${target === path.resolve(file) ? 'it' : target} is a directory; give a file path`);
    try {
        if (st && !st.isFile()) {
            // A pipe or device: written into, as the user asked; it has no whole-or-nothing.
            writeFileSync(target, text);
            return;
        }
        const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
        try {
            writeFileSync(tmp, text);
            renameSync(tmp, target);
        }
        catch (e) {
            rmSync(tmp, { force: true });
            throw e;
        }
    }
    catch (e) {
        fail(fsErrorWithFix(e, 'check that its folder exists and is writable', 'write'));
    }
}

const REPORT_VERSION = 1;
/** Index rows whose tarball is lost: missing, and not archived or deleted by an unfinished prune. */
function lostTarballs(report) {
    return report.missing_tarballs.filter((m) => !m.pruning);
}
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
/** counts, by_reason and hosts, counted from the episodes (what a report's totals must say). */
function tallyEpisodes(episodes) {
    const counts = { scanned: episodes.length, kept: 0, flagged: 0 };
    const byReason = emptyByReason();
    const hosts = {};
    for (const ep of episodes) {
        const h = (hosts[ep.host] ??= { scanned: 0, kept: 0, flagged: 0 });
        h.scanned++;
        counts[ep.verdict]++;
        h[ep.verdict]++;
        for (const r of ep.reasons)
            byReason[r] = (byReason[r] ?? 0) + 1;
    }
    return { counts, byReason, hosts };
}
/**
 * The first way a report's totals contradict its own episodes (null: they agree). A report is
 * written whole by a scan or a merge, so a contradiction means it was edited or damaged, and
 * gating its totals would judge numbers no scan produced.
 */
function totalsContradiction(doc) {
    const t = tallyEpisodes(doc.episodes);
    const n = doc.episodes.length;
    const plural = (k, one) => `${k} ${one}${k === 1 ? '' : 's'}`;
    for (const k of ['scanned', 'kept', 'flagged']) {
        if (doc.counts[k] !== t.counts[k])
            return `counts.${k} is ${doc.counts[k]}, but its ${plural(n, 'episode')} ${k === 'scanned' ? 'number' : 'hold'} ${t.counts[k]}${k === 'scanned' ? '' : ` ${k}`}`;
    }
    for (const r of new Set([...Object.keys(doc.by_reason), ...Object.keys(t.byReason)])) {
        const said = doc.by_reason[r] ?? 0;
        const has = t.byReason[r] ?? 0;
        if (said !== has)
            return `by_reason["${r}"] is ${said}, but ${plural(has, 'episode')} carry that reason`;
    }
    for (const h of new Set([...Object.keys(doc.hosts), ...Object.keys(t.hosts)])) {
        const said = doc.hosts[h];
        const has = t.hosts[h];
        if (!has)
            return `hosts["${h}"] is listed, but no episode is on that host`;
        if (!isObj$2(said))
            return `hosts["${h}"] is missing, but ${plural(has.scanned, 'episode')} are on that host`;
        for (const k of ['scanned', 'kept', 'flagged']) {
            if (said[k] !== has[k])
                return `hosts["${h}"].${k} is ${showValue(said[k])}, but its episodes hold ${has[k]}`;
        }
    }
    return null;
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
    const { counts, byReason, hosts } = tallyEpisodes(episodes);
    const sources = { analysed: 0 };
    for (const name of SOURCE_NAMES)
        sources[name] = { signal: 0, flat: 0, unknown: 0 };
    for (const ep of episodes) {
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
            ...(scan.prune ? { prune_journal: ctx.display(scan.prune.journal) } : {}),
        },
        ...(ctx.shard ? { shard: { index: ctx.shard.index, count: ctx.shard.count, index_rows: scan.index.rows } } : {}),
        settings: ctx.settings,
        settings_hash: ctx.settingsHash,
        settings_file: ctx.settingsFile,
        settings_overrides: ctx.settingsOverrides,
    };
    const rows = {
        episodes: scan.episodes.map((r) => reportEpisode(r, selected)),
        missing_tarballs: scan.missing.map((m) => ({
            line: m.line,
            host: m.host,
            episode: m.episode,
            path: ctx.display(m.tarPath),
            ...(scan.prune?.episodes.has(episodeKey(m.host, m.episode)) ? { pruning: true } : {}),
        })),
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
/** The report with this judgement's comparison section, or without one when there was no baseline. */
/** The report with this comparison and gate decision (none: without them, as a scan writes it). */
function withComparison(report, comparison, gate = null) {
    const { comparison: _old, gate: _oldGate, ...rest } = report;
    return { ...rest, ...(comparison ? { comparison } : {}), ...(gate ? { gate } : {}) };
}
function writeReport(file, report) {
    writeFileAtomic(file, formatReport(report), 'report');
}
function isObj$2(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Read a report written by `episode-gate scan`; a ConfigError names what is wrong. `baselineFix`:
 * what to do when the file is a baseline, in the caller's terms (default: the command line's).
 */
function readReport(file, displayName = file, baselineFix = 'pass it with --baseline; a report is what episode-gate scan --report writes') {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new ConfigError(`cannot read the report ${displayName}: ${fsErrorWithFix(e, 'check the path (a report is what episode-gate scan --report writes)')}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`${displayName}: not valid JSON (${e.message}); write it again with episode-gate scan --report`);
    }
    const fix = 'write it again with episode-gate scan --report';
    if (!isObj$2(doc))
        throw new ConfigError(`${displayName}: a report must be a JSON object; ${fix}`);
    if (doc.report_version === undefined && doc.manifest_version !== undefined)
        throw new ConfigError(`${displayName} is a release manifest (written by --manifest DIR), not a report: pass it to episode-gate verify --manifest; a report is what episode-gate scan --report writes`);
    if (doc.report_version === undefined && 'cases' in doc && 'version' in doc)
        throw new ConfigError(`${displayName} is a baseline, not a report: ${baselineFix}`);
    if (doc.report_version === undefined)
        throw new ConfigError(`${displayName} has no report_version, so it is not a report; ${fix}`);
    if (doc.report_version !== REPORT_VERSION) {
        throw new ConfigError(`${displayName}: report_version ${showValue(doc.report_version)} is not supported (expected ${REPORT_VERSION}); ${fix}`);
    }
    const counts = doc.counts;
    if (!isObj$2(counts) || !['scanned', 'kept', 'flagged'].every((k) => Number.isSafeInteger(counts[k]))) {
        throw new ConfigError(`${displayName}: counts must hold whole numbers scanned, kept and flagged; ${fix}`);
    }
    if (!isObj$2(doc.by_reason) || !Object.values(doc.by_reason).every((n) => Number.isSafeInteger(n))) {
        throw new ConfigError(`${displayName}: by_reason must map reasons to whole numbers; ${fix}`);
    }
    if (!Array.isArray(doc.episodes))
        throw new ConfigError(`${displayName}: episodes must be a list; ${fix}`);
    doc.episodes.forEach((e, i) => {
        const ok = isObj$2(e) &&
            typeof e.host === 'string' &&
            typeof e.episode === 'string' &&
            (e.verdict === 'kept' || e.verdict === 'flagged') &&
            Array.isArray(e.reasons) &&
            e.reasons.every((r) => typeof r === 'string' && isReason(r));
        if (!ok)
            throw new ConfigError(`${displayName}: episodes[${i}] needs host, episode, verdict (kept|flagged) and known reasons; ${fix}`);
        const reasons = e.reasons;
        if ((reasons.length === 0) !== (e.verdict === 'kept')) {
            throw new ConfigError(`${displayName}: episodes[${i}] (${e.host}/${e.episode}) is ${e.verdict} ${reasons.length === 0 ? 'with no reason' : `with reasons ${reasons.join(', ')}`}, which no scan writes (flagged means at least one reason); the report was edited or damaged: ${fix}`);
        }
    });
    if (doc.episodes.length === 0) {
        throw new ConfigError(`${displayName} lists no episode, so there is nothing to gate or keep as a baseline (a scan that finds none fails instead of writing a report); ${fix} on a dataset with episodes`);
    }
    for (const k of ['tool', 'dataset', 'sources', 'hosts', 'settings', 'totals']) {
        if (!isObj$2(doc[k]))
            throw new ConfigError(`${displayName}: ${k} must be an object; ${fix}`);
    }
    for (const k of ['missing_tarballs', 'index_problems']) {
        if (!Array.isArray(doc[k]))
            throw new ConfigError(`${displayName}: ${k} must be a list; ${fix}`);
    }
    if (doc.shard !== undefined) {
        const s = doc.shard;
        const whole = (v, min) => Number.isSafeInteger(v) && v >= min;
        if (!isObj$2(s) || !whole(s.count, 1) || !whole(s.index, 1) || s.index > s.count || !whole(s.index_rows, 0)) {
            throw new ConfigError(`${displayName}: shard must hold whole numbers index (1..count), count and index_rows; ${fix} --shard K/N`);
        }
    }
    const contradiction = totalsContradiction(doc);
    if (contradiction) {
        throw new ConfigError(`${displayName}: ${contradiction}; the report was edited or damaged, and its totals cannot be trusted: ${fix}`);
    }
    return doc;
}

/**
 * The baseline file: the verdict counts a dataset is expected to produce, tolerances, pinned
 * cases, and (optionally) every episode's expected reasons. Versioned; schema/baseline.schema.json
 * documents it and the validator below enforces the same rules, with one-line errors that name
 * the field and the fix.
 */
/** The version `baseline` writes: 2 records each episode's sha256. Version 1 files still load. */
const BASELINE_VERSION = 2;
/**
 * The `$schema` of a written baseline: the schema's `$id`, the same wherever the file is written
 * or the tool installed (a relative path to the install folder breaks once the file is committed).
 */
const BASELINE_SCHEMA_ID = 'urn:episode-gate:schema:baseline:1';
/** The documented `--tolerance KEY=VALUE` keys (and `reasons.REASON`). */
const TOLERANCE_KEYS = [
    'kept_drop',
    'flagged_rise',
    'flagged_rate_rise',
    'gone_kept',
    'gone_flagged',
    'modified_kept',
    'missing_new',
    'cohort_confidence',
    'cohort_min_size',
    'cohort_margin_pp',
];
const REASONS_TEXT = ALL_REASONS.join(', ');
class Invalid extends Error {
}
function isObj$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function objectAt(v, where) {
    if (!isObj$1(v))
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
function count$2(v, where) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        throw new Invalid(`${where} must be a whole number >= 0, got ${showValue(v)}`);
    return v;
}
function tol(v, where, integer) {
    if (v === null)
        return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isSafeInteger(v))) {
        throw new Invalid(`${where} must be ${integer ? 'a whole number' : 'a number'} >= 0 or null (not checked), got ${showValue(v)}`);
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
            throw new Invalid(`${where}[${i}] ${showValue(r)} is not a reason (known: ${REASONS_TEXT})`);
    });
    if (new Set(v).size !== v.length)
        throw new Invalid(`${where} lists a reason twice`);
    return v;
}
function safeId(v, where) {
    const s = str(v, where);
    const bad = unsafeIdReason(s);
    if (bad)
        throw new Invalid(`${where} ${showValue(s)} ${bad}`);
    return s;
}
/** The levels of tolerance (or of tolerance.warn). */
function levels(t, where) {
    if (t.kept_drop !== undefined)
        tol(t.kept_drop, `${where}.kept_drop`, true);
    if (t.flagged_rise !== undefined)
        tol(t.flagged_rise, `${where}.flagged_rise`, true);
    if (t.flagged_rate_rise !== undefined)
        tol(t.flagged_rate_rise, `${where}.flagged_rate_rise`, false);
    if (t.reasons !== undefined) {
        const tr = objectAt(t.reasons, `${where}.reasons`);
        for (const [k, v] of Object.entries(tr)) {
            if (!isReason(k))
                throw new Invalid(`${where}.reasons has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
            tol(v, `${where}.reasons.${k}`, true);
        }
    }
}
/** Check a parsed baseline document; throws Invalid naming the first problem. */
function validate(doc) {
    const o = objectAt(doc, 'the baseline');
    onlyKeys(o, 'the baseline', ['$schema', 'version', 'counts', 'by_reason', 'tolerance', 'cases', 'episodes', 'generated_from', 'missing_tarballs', 'arrivals'], ['version', 'counts', 'by_reason', 'cases']);
    if (o.$schema !== undefined && typeof o.$schema !== 'string')
        throw new Invalid('$schema must be a string');
    if (o.version !== 1 && o.version !== BASELINE_VERSION)
        throw new Invalid(`version ${showValue(o.version)} is not supported (expected 1 or ${BASELINE_VERSION})`);
    const c = objectAt(o.counts, 'counts');
    onlyKeys(c, 'counts', ['scanned', 'kept', 'flagged'], ['scanned', 'kept', 'flagged']);
    const scanned = count$2(c.scanned, 'counts.scanned');
    const kept = count$2(c.kept, 'counts.kept');
    const flagged = count$2(c.flagged, 'counts.flagged');
    if (kept + flagged !== scanned)
        throw new Invalid(`counts.kept (${kept}) + counts.flagged (${flagged}) must equal counts.scanned (${scanned})`);
    const br = objectAt(o.by_reason, 'by_reason');
    for (const [k, v] of Object.entries(br)) {
        if (!isReason(k))
            throw new Invalid(`by_reason has an unknown reason "${k}" (known: ${REASONS_TEXT})`);
        const n = count$2(v, `by_reason.${k}`);
        if (n > flagged)
            throw new Invalid(`by_reason.${k} (${n}) cannot exceed counts.flagged (${flagged})`);
    }
    if (o.tolerance !== undefined) {
        const t = objectAt(o.tolerance, 'tolerance');
        onlyKeys(t, 'tolerance', [...TOLERANCE_KEYS, 'reasons', 'warn']);
        levels(t, 'tolerance');
        for (const k of ['gone_kept', 'gone_flagged', 'modified_kept', 'missing_new']) {
            if (t[k] !== undefined)
                tol(t[k], `tolerance.${k}`, true);
        }
        const conf = t.cohort_confidence;
        if (conf !== undefined && conf !== null && (typeof conf !== 'number' || !(conf > 0 && conf < 1)))
            throw new Invalid(`tolerance.cohort_confidence must be a number between 0 and 1 (e.g. 0.99) or null (not checked), got ${showValue(conf)}`);
        if (t.cohort_min_size !== undefined && count$2(t.cohort_min_size, 'tolerance.cohort_min_size') < 1)
            throw new Invalid('tolerance.cohort_min_size must be at least 1');
        if (t.cohort_margin_pp !== undefined &&
            (typeof t.cohort_margin_pp !== 'number' || !(t.cohort_margin_pp >= 0 && t.cohort_margin_pp <= 100)))
            throw new Invalid(`tolerance.cohort_margin_pp must be a number of percentage points from 0 to 100, got ${showValue(t.cohort_margin_pp)}`);
        if (t.warn !== undefined) {
            const w = objectAt(t.warn, 'tolerance.warn');
            onlyKeys(w, 'tolerance.warn', ['kept_drop', 'flagged_rise', 'flagged_rate_rise', 'reasons']);
            levels(w, 'tolerance.warn');
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
            throw new Invalid(`${w}.expect must be "kept" or "flagged", got ${showValue(cs.expect)}`);
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
            if (o.version === 1) {
                reasonList(v, `episodes["${k}"]`);
                continue;
            }
            const ep = objectAt(v, `episodes["${k}"]`);
            onlyKeys(ep, `episodes["${k}"]`, ['reasons', 'sha256'], ['reasons']);
            reasonList(ep.reasons, `episodes["${k}"].reasons`);
            if (ep.sha256 !== undefined && (typeof ep.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(ep.sha256)))
                throw new Invalid(`episodes["${k}"].sha256 must be 64 lowercase hex digits`);
        }
    }
    if (o.missing_tarballs !== undefined) {
        if (!Array.isArray(o.missing_tarballs))
            throw new Invalid('missing_tarballs must be a list of "host/episode" strings');
        o.missing_tarballs.forEach((k, i) => {
            if (typeof k !== 'string' || !/^[^/]+\/[^/]+$/.test(k))
                throw new Invalid(`missing_tarballs[${i}] must be a "host/episode" string, got ${showValue(k)}`);
        });
    }
    if (o.arrivals !== undefined) {
        const a = objectAt(o.arrivals, 'arrivals');
        for (const [host, v] of Object.entries(a)) {
            const w = `arrivals["${host}"]`;
            if (unsafeIdReason(host))
                throw new Invalid(`arrivals key ${JSON.stringify(host)} must be a host id`);
            const h = objectAt(v, w);
            onlyKeys(h, w, ['scanned', 'flagged', 'by_reason'], ['scanned', 'flagged', 'by_reason']);
            const n = count$2(h.scanned, `${w}.scanned`);
            const f = count$2(h.flagged, `${w}.flagged`);
            if (f > n)
                throw new Invalid(`${w}.flagged (${f}) cannot exceed ${w}.scanned (${n})`);
            for (const [r, c] of Object.entries(objectAt(h.by_reason, `${w}.by_reason`))) {
                if (!isReason(r))
                    throw new Invalid(`${w}.by_reason has an unknown reason "${r}" (known: ${REASONS_TEXT})`);
                if (count$2(c, `${w}.by_reason.${r}`) > f)
                    throw new Invalid(`${w}.by_reason.${r} cannot exceed ${w}.flagged (${f})`);
            }
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
/**
 * Validate a parsed document; a ConfigError names the file, the field and the fix. `create`: the
 * command that writes this baseline from the run's own inputs, named in the fix; without it the
 * fix names the command in general terms. `reportFix`: what to do when the file is a report, in
 * the caller's terms (default: the commands that use a report).
 */
function parseBaseline(doc, displayName, create, reportFix) {
    if (isObj$1(doc) && doc.manifest_version !== undefined) {
        throw new ConfigError(`${displayName} is a release manifest (written by --manifest DIR), not a baseline: check an export against it with "episode-gate verify --manifest ${displayName} --dataset DIR"; pass --baseline the file "episode-gate baseline --out" writes`);
    }
    if (isObj$1(doc) && Array.isArray(doc.episodes) && isObj$1(doc.tool) && isObj$1(doc.dataset)) {
        throw new ConfigError(reportFix
            ? `${displayName} is a report, not a baseline: ${reportFix}`
            : `${displayName} is a report (written by episode-gate scan or --report-out), not a baseline: make a baseline from it with "episode-gate baseline --report ${displayName} --out BASELINE.json", or judge it with "episode-gate check --report ${displayName} --baseline BASELINE.json"`);
    }
    try {
        return validate(doc);
    }
    catch (e) {
        if (e instanceof Invalid) {
            throw new ConfigError(`${displayName}: ${e.message}; fix the file (see schema/baseline.schema.json) or write a new one with ${createHint(displayName, create)}`);
        }
        throw e;
    }
}
function createHint(displayName, create) {
    return create
        ? `"${create}"`
        : `"episode-gate baseline --dataset DIR --out ${displayName}" (with the run's --settings, --host and --reason)`;
}
function loadBaseline(file, displayName = file, create, reportFix) {
    return loadBaselineFile(file, displayName, create, reportFix).baseline;
}
/** The baseline and the hex sha256 of the file's bytes as read (what a manifest names it by); see parseBaseline. */
function loadBaselineFile(file, displayName = file, create, reportFix) {
    let bytes;
    try {
        bytes = readFileSync(file);
    }
    catch (e) {
        const err = e;
        const fix = err.code === 'ENOENT' ? `create it with ${createHint(displayName, create)} or fix the baseline path` : 'check the baseline path';
        throw new ConfigError(`cannot read the baseline ${displayName}: ${fsErrorWithFix(e, fix)}`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new ConfigError(`${displayName}: not valid JSON (${e.message}); fix the file or write a new one with ${createHint(displayName, create)}`);
    }
    return { baseline: parseBaseline(doc, displayName, create, reportFix), sha256 };
}
function sameReasons(a, b) {
    if (a.length !== b.length)
        return false;
    const s = new Set(a);
    return b.every((r) => s.has(r));
}
function verdictText$1(v, reasons) {
    return v === 'flagged' && reasons && reasons.length > 0 ? `flagged (${reasons.join(', ')})` : v;
}
function checkCase(c, lookup, report) {
    const got = lookup.get(episodeKey(c.host, c.episode));
    const expected = verdictText$1(c.expect, c.reasons);
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
        detail: `expected ${expected}, got ${verdictText$1(got.verdict, got.reasons)}`,
    };
}
function reportLookup(report) {
    const m = new Map();
    for (const e of report.episodes)
        m.set(episodeKey(e.host, e.episode), { verdict: e.verdict, reasons: e.reasons });
    return m;
}
/** A baseline's episodes map as the comparison reads it (null: the baseline has none). */
function baselineEpisodeMap(b) {
    if (!b.episodes)
        return null;
    const m = new Map();
    for (const [k, v] of Object.entries(b.episodes)) {
        m.set(k, Array.isArray(v) ? { reasons: v, sha256: null } : { reasons: v.reasons, sha256: v.sha256 ?? null });
    }
    return m;
}
const TOLERANCE_HELP = `${TOLERANCE_KEYS.join(', ')} or reasons.REASON`;
/** Set one tolerance from `KEY=VALUE` (VALUE a number, or null for "not checked"); a ConfigError names the fix. */
function applyTolerance(t, assignment) {
    const eq = assignment.indexOf('=');
    const key = eq === -1 ? assignment : assignment.slice(0, eq);
    const text = eq === -1 ? '' : assignment.slice(eq + 1).trim();
    const fail = (why) => {
        throw new ConfigError(`--tolerance ${assignment}: ${why}`);
    };
    if (eq === -1 || text === '')
        fail(`expected KEY=VALUE with KEY one of ${TOLERANCE_HELP}`);
    const value = text === 'null' ? null : Number(text);
    if (value !== null && !Number.isFinite(value))
        fail('VALUE must be a number, or null to switch the rule off');
    const probe = {};
    if (key.startsWith('reasons.')) {
        const reason = key.slice('reasons.'.length);
        if (!isReason(reason))
            fail(`unknown reason "${reason}" (known: ${REASONS_TEXT})`);
        probe.reasons = { [reason]: value };
    }
    else if (TOLERANCE_KEYS.includes(key)) {
        probe[key] = value;
    }
    else {
        fail(`unknown key "${key}" (known: ${TOLERANCE_HELP})`);
    }
    try {
        validate({ version: BASELINE_VERSION, counts: { scanned: 0, kept: 0, flagged: 0 }, by_reason: {}, cases: [], tolerance: probe });
    }
    catch (e) {
        if (e instanceof Invalid)
            fail(e.message);
        throw e;
    }
    if (probe.reasons)
        t.reasons = { ...(t.reasons ?? {}), ...probe.reasons };
    else
        t[key] = value;
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
    for (const e of report.episodes) {
        const key = episodeKey(e.host, e.episode);
        if (Object.hasOwn(episodes, key))
            continue; // an episode listed twice: its first row, as the comparison reads it
        episodes[key] = e.sha256 ? { reasons: [...e.reasons], sha256: e.sha256 } : { reasons: [...e.reasons] };
    }
    const tolerance = { ...(existing?.tolerance ?? { kept_drop: 0, flagged_rise: 0, flagged_rate_rise: 0, reasons: {} }) };
    for (const a of opts.tolerances ?? [])
        applyTolerance(tolerance, a);
    const baseline = {
        $schema: existing?.$schema ?? opts.schemaRef ?? BASELINE_SCHEMA_ID,
        version: BASELINE_VERSION,
        counts: { ...report.counts },
        by_reason: { ...report.by_reason },
        tolerance,
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
        missing_tarballs: [...new Set(lostTarballs(report).map((m) => episodeKey(m.host, m.episode)))].sort(),
        arrivals: arrivalsFor(report, existing),
    };
    if (baseline.$schema === undefined)
        delete baseline.$schema;
    return { baseline, stale, dropped, added };
}
/**
 * The arrivals a baseline made from this report carries: the report's own (a check records the
 * baseline's plus its new episodes), else the existing baseline's (or its episodes, as judged
 * then) plus the report's episodes it does not list, else the report's episodes as judged now.
 * Episodes gone since (pruned) keep counting: the rate is the rate at which episodes arrived.
 */
function arrivalsFor(report, existing) {
    if (report.comparison?.arrivals)
        return copyArrivals(report.comparison.arrivals);
    const before = existing ? baselineEpisodeMap(existing) : null;
    const arrivals = before ? copyArrivals(existing.arrivals ?? arrivalsOf(before)) : {};
    const seen = new Set();
    for (const e of report.episodes) {
        const key = episodeKey(e.host, e.episode);
        if (seen.has(key) || before?.has(key))
            continue;
        seen.add(key);
        addArrival(arrivals, e.host, e.reasons);
    }
    return copyArrivals(arrivals);
}
function formatBaseline(b) {
    return formatJson(b, ['episodes']);
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
const OPTION = {
    cli: { settings: '--settings and --set', host: '--host', reason: '--reason' },
    action: { settings: 'settings input', host: 'host input', reason: 'reasons input' },
};
/** Refuses anything but the complete set of shard reports of one scan configuration; returns them in shard order. */
function checkShardSet(files, surface) {
    const opt = OPTION[surface];
    const hostText = (h) => (h === null ? 'all hosts' : surface === 'cli' ? `--host ${h}` : `host: ${h}`);
    const reasonsText = (r) => r === null ? 'all reasons' : surface === 'cli' ? `--reason ${r.join(',')}` : `reasons: ${r.join(',')}`;
    if (files.length === 0)
        throw new ConfigError(surface === 'cli'
            ? 'no shard reports to merge: pass the report files (or folders) of episode-gate scan --shard K/N'
            : 'no shard reports to merge: the shard jobs (shard: K/N) upload them; make this job need them');
    const parts = files.map((f) => {
        if (!f.report.shard) {
            throw new ConfigError(surface === 'cli'
                ? `${f.name} is not a shard report (it has no "shard"): merge takes the reports of episode-gate scan --shard K/N; gate a whole report with episode-gate check --report ${f.name}`
                : `${f.name} is not a shard report (it has no "shard"): merge takes the artifacts the shard jobs (shard: K/N) upload; name other artifacts so that the merge pattern does not match them`);
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
            throw new ConfigError(`${pair} were scanned with different classifier settings (settings_hash ${shortHash$1(r.settings_hash)} vs ${shortHash$1(o.settings_hash)}): give every shard the same ${opt.settings}`);
        }
        if (o.tool.version !== r.tool.version) {
            throw new ConfigError(`${ref.name} was written by episode-gate ${r.tool.version} and ${p.name} by episode-gate ${o.tool.version}: scan every shard with the same version`);
        }
        if (o.dataset.host !== r.dataset.host) {
            throw new ConfigError(`${pair} scanned different hosts (${hostText(r.dataset.host)} vs ${hostText(o.dataset.host)}): give every shard the same ${opt.host}`);
        }
        if (JSON.stringify(o.dataset.reasons) !== JSON.stringify(r.dataset.reasons)) {
            throw new ConfigError(`${pair} count different reasons (${reasonsText(r.dataset.reasons)} vs ${reasonsText(o.dataset.reasons)}): give every shard the same ${opt.reason}`);
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
function mergeShardReports(files, now = new Date(), surface = 'cli') {
    const parts = checkShardSet(files, surface);
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

/** Sort the report's episodes (first row of an id listed twice) against the baseline's map. */
function classifyChanges(report, baseline) {
    const seen = new Set();
    const matched = new Set();
    const modified = [];
    const added = [];
    let unchanged = 0;
    let byIdOnly = false;
    for (const ep of report.episodes) {
        const key = episodeKey(ep.host, ep.episode);
        if (seen.has(key))
            continue;
        seen.add(key);
        const before = baseline.get(key);
        if (!before) {
            added.push(ep);
            continue;
        }
        matched.add(key);
        const now = ep.sha256 ?? null;
        if (before.sha256 === null || now === null) {
            // Unreadable now (no digest) but readable before is still a change of bytes only if both are known.
            byIdOnly ||= before.sha256 === null;
            unchanged++;
        }
        else if (before.sha256 === now) {
            unchanged++;
        }
        else {
            modified.push({
                host: ep.host,
                episode: ep.episode,
                before: before.reasons,
                after: ep.reasons,
                sha256Before: before.sha256,
                sha256After: now,
            });
        }
    }
    // An episode an unfinished prune has already archived or deleted is gone (pruned), not missing.
    const rowsWithoutTarball = new Set(lostTarballs(report).map((m) => episodeKey(m.host, m.episode)));
    const gone = [];
    const missing = [];
    for (const [key, before] of baseline) {
        if (seen.has(key))
            continue;
        const slash = key.indexOf('/');
        (rowsWithoutTarball.has(key) ? missing : gone).push({
            host: key.slice(0, slash),
            episode: key.slice(slash + 1),
            before: before.reasons,
        });
    }
    return { unchanged, modified, added, gone, missing, matched, byIdOnly };
}
/** True when the dataset holds exactly the baseline's episodes with the same bytes (as far as known). */
function isSnapshot(c) {
    return c.modified.length === 0 && c.added.length === 0 && c.gone.length === 0 && c.missing.length === 0;
}

const NAMES_SHOWN = 10;
function names(list) {
    const shown = list
        .slice(0, NAMES_SHOWN)
        .map((e) => `${e.host}/${e.episode}`)
        .join(', ');
    return list.length > NAMES_SHOWN ? `${shown}, … ${list.length - NAMES_SHOWN} more` : shown;
}
/** "lab-a 3, lab-b 1": how many of the episodes each host has, most first. */
function hostCounts(list) {
    const by = new Map();
    for (const e of list)
        by.set(e.host, (by.get(e.host) ?? 0) + 1);
    const sorted = [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = sorted.slice(0, 5).map(([h, n]) => `${h} ${n}`);
    return sorted.length > 5 ? `${shown.join(', ')}, ${plural(sorted.length - 5, 'more host')}` : shown.join(', ');
}
/** A regression about a list of episodes: the message names them, the brief names their hosts. */
function listed(kind, statement, detail, list) {
    return { kind, message: `${statement} (${detail}): ${names(list)}`, brief: `${statement} (${hostCounts(list)})` };
}
function tolText$1(t) {
    return t === null ? 'not checked' : `tolerance ${t}`;
}
/** Counts and per-reason counts of the episodes in both, on each side. */
function matchedCounts(report, baseline, matched) {
    const tally = () => ({
        counts: { scanned: 0, kept: 0, flagged: 0 },
        byReason: {},
    });
    const add = (t, reasons) => {
        t.counts.scanned++;
        t.counts[reasons.length === 0 ? 'kept' : 'flagged']++;
        for (const r of reasons)
            t.byReason[r] = (t.byReason[r] ?? 0) + 1;
    };
    const base = tally();
    const cur = tally();
    const seen = new Set();
    for (const ep of report.episodes) {
        const key = episodeKey(ep.host, ep.episode);
        if (!matched.has(key) || seen.has(key))
            continue;
        seen.add(key);
        add(cur, ep.reasons);
        add(base, baseline.get(key).reasons);
    }
    return { baseline: base.counts, current: cur.counts, baselineByReason: base.byReason, currentByReason: cur.byReason };
}
function limit(v, fallback) {
    return v === undefined ? fallback : v;
}
/** Which rate the cohort is compared with, for the mode line. */
function cohortBase(c) {
    const n = c.baseline.n;
    return c.against === 'arrivals'
        ? `the rate at which episodes arrived (${plural(n, 'episode')} as first judged, pruned ones included)`
        : `the baseline's ${plural(n, 'episode')}`;
}
/** Judge the four classes; `changing` false means a snapshot (no rule of this file applies). */
function judgeChanges(classes, baseline, tol, changing, arrivals = null) {
    const idNote = classes.byIdOnly
        ? '; the baseline records no tarball digests (version 1), so a modified episode cannot be told from an unchanged one: judged by id'
        : '';
    if (!changing) {
        return {
            mode: 'snapshot',
            why: `snapshot: the dataset holds the baseline's ${plural(classes.unchanged, 'episode')}, unchanged, so every count is judged against the baseline${idNote}`,
            classes,
            cohort: null,
            regressions: [],
            reported: [],
            checked: [],
        };
    }
    const regressions = [];
    const reported = [];
    const checked = [];
    /** One class of episodes: a regression past its tolerance (null: none), else reported. */
    const judge = (kind, eps, what, why, tolerance) => {
        if (tolerance !== null && !checked.includes(kind))
            checked.push(kind);
        if (eps.length === 0)
            return;
        const r = listed(kind, what, why, eps);
        (tolerance !== null && eps.length > tolerance ? regressions : reported).push(r);
    };
    const isKept = (e) => e.before.length === 0;
    const is = (n, one, many) => (n === 1 ? one : many);
    const goneKept = classes.gone.filter(isKept);
    const goneFlagged = classes.gone.filter((g) => !isKept(g));
    const tGoneKept = limit(tol.gone_kept, 0);
    const tGoneFlagged = limit(tol.gone_flagged, null);
    judge('gone-kept', goneKept, `${plural(goneKept.length, 'episode')} kept in the baseline ${is(goneKept.length, 'is', 'are')} gone from the dataset`, `${tolText$1(tGoneKept)}, tolerance.gone_kept`, tGoneKept);
    judge('gone-flagged', goneFlagged, `${plural(goneFlagged.length, 'episode')} flagged in the baseline ${is(goneFlagged.length, 'is', 'are')} gone`, `archived or pruned; ${tolText$1(tGoneFlagged)}, tolerance.gone_flagged`, tGoneFlagged);
    // Index rows still here without their tarball: lost, not pruned; judged by the same tolerances.
    const lost = (n) => is(n, 'has its index row but its tarball is', 'have their index rows but their tarballs are');
    const missKept = classes.missing.filter(isKept);
    const missFlagged = classes.missing.filter((g) => !isKept(g));
    judge('missing-kept', missKept, `${plural(missKept.length, 'episode')} kept in the baseline ${lost(missKept.length)} missing`, `lost, not pruned: a prune drops the row too; ${tolText$1(tGoneKept)}, tolerance.gone_kept`, tGoneKept);
    judge('missing-flagged', missFlagged, `${plural(missFlagged.length, 'episode')} flagged in the baseline ${lost(missFlagged.length)} missing`, `lost, not pruned: a prune drops the row too; ${tolText$1(tGoneFlagged)}, tolerance.gone_flagged`, tGoneFlagged);
    const modKept = classes.modified.filter(isKept);
    const modFlagged = classes.modified.filter((m) => !isKept(m));
    const tModKept = limit(tol.modified_kept, 0);
    judge('modified-kept', modKept, `${plural(modKept.length, 'episode')} kept in the baseline ${is(modKept.length, 'has', 'have')} other bytes now`, `same id, tarball rewritten; ${tolText$1(tModKept)}, tolerance.modified_kept`, tModKept);
    if (modFlagged.length > 0) {
        reported.push({
            kind: 'modified-flagged',
            message: `${plural(modFlagged.length, 'episode')} flagged in the baseline ${modFlagged.length === 1 ? 'has' : 'have'} other bytes now: ${names(modFlagged)}`,
        });
    }
    let cohort = null;
    if (classes.added.length > 0) {
        cohort = judgeCohort(classes.added, baseline, {
            confidence: limit(tol.cohort_confidence, COHORT_DEFAULTS.confidence),
            minSize: tol.cohort_min_size ?? COHORT_DEFAULTS.minSize,
            marginPp: tol.cohort_margin_pp ?? COHORT_DEFAULTS.marginPp,
        }, arrivals);
        for (const a of cohort.alarms) {
            regressions.push({
                kind: 'cohort-rate',
                message: alarmMessage(a, 10, cohort.against),
                brief: alarmMessage(a, 0, cohort.against),
                ...(a.host !== null ? { host: a.host } : {}),
            });
        }
    }
    const parts = [
        classes.added.length > 0
            ? `${classes.added.length} new, judged as a cohort against ${cohortBase(cohort)}${cohort?.notJudged ? ` (not tested: ${cohort.notJudged})` : ''}`
            : '0 new',
        `${classes.gone.length} gone`,
        ...(classes.missing.length > 0 ? [`${plural(classes.missing.length, 'tarball')} missing (index rows still here)`] : []),
        `${classes.modified.length} modified`,
        `${classes.unchanged} unchanged (their verdicts judged as a snapshot)`,
    ];
    return {
        mode: 'changing',
        why: `changed dataset: ${parts.join(', ')}${idNote}`,
        classes,
        cohort,
        regressions,
        reported,
        // The cohort rule judged the new episodes only when it ran its tests.
        checked: cohort && cohort.tests.length > 0 ? [...checked, 'cohort-rate'] : checked,
    };
}

const flaggedAs = (reasons, reason) => reason === null ? reasons.length > 0 : reasons.includes(reason);
/**
 * What a failed run's report holds: its new-cohort alarms, each with the new episodes it counted
 * (the report's new ids on the alarm's host, flagged for its reason), and the alarms it held itself.
 */
function heldAlarmsOf(report, run) {
    const c = report.comparison;
    if (!c)
        return [];
    const verdicts = new Map(report.episodes.map((e) => [`${e.host}/${e.episode}`, e.reasons]));
    const newIds = c.classes?.new_ids ?? [];
    const raised = (c.cohort?.tests ?? [])
        .filter((t) => t.alarm)
        .map((t) => ({
        run,
        host: t.host,
        reason: t.reason,
        episodes: newIds.filter((id) => (t.host === null || id.startsWith(`${t.host}/`)) && flaggedAs(verdicts.get(id) ?? [], t.reason)),
    }))
        .filter((a) => a.episodes.length > 0);
    return [...(c.held ?? []), ...raised];
}
/**
 * Each held alarm whose episodes are still here, new and flagged as it counted them: a
 * regression, and the alarm with those episodes alone (what this run's report holds in turn).
 */
function judgeHeld(held, report, newIds) {
    const verdicts = new Map(report.episodes.map((e) => [`${e.host}/${e.episode}`, e.reasons]));
    const regressions = [];
    const still = [];
    for (const a of held) {
        const left = a.episodes.filter((id) => newIds.has(id) && flaggedAs(verdicts.get(id) ?? [], a.reason));
        if (left.length === 0)
            continue;
        still.push({ ...a, episodes: left });
        const where = a.host === null ? 'new episodes, all hosts' : `new episodes on host ${a.host}`;
        const what = `${a.reason ?? 'flagged (any reason)'}: ${plural(left.length, 'episode')} that ${a.run} rejected ${left.length === 1 ? 'is' : 'are'} still new and flagged, not accepted since`;
        const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? `, … ${left.length - 10} more` : '');
        regressions.push({
            kind: 'cohort-held',
            message: `${where}: ${what}: ${shown}`,
            brief: `${where}: ${what}`,
            ...(a.host !== null ? { host: a.host } : {}),
        });
    }
    return { regressions, still };
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
const SETTING_KEYS = SETTING_SPECS.map((s) => s.key);
const KEY_LIST = SETTING_KEYS.join(', ');
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
/** What a document given as settings is instead, by the fields only that kind has (null: none of them). */
function otherKind(doc) {
    if (doc.manifest_version !== undefined)
        return 'a release manifest';
    if (doc.report_version !== undefined || (Array.isArray(doc.episodes) && 'tool' in doc && 'dataset' in doc))
        return 'a report';
    if ('cases' in doc || 'counts' in doc || 'tolerance' in doc)
        return 'a baseline';
    return null;
}
/** A settings document (already JSON-parsed) -> the settings it sets. */
function parseSettingsDoc(doc, file) {
    const fix = `fix ${file} (see schema/settings.schema.json)`;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new ConfigError(`${file}: a settings file must be a JSON object; ${fix}`);
    }
    const other = otherKind(doc);
    if (other)
        throw new ConfigError(`${file} is ${other}, not a settings file: give it as the ${other === 'a baseline' ? 'baseline' : other === 'a report' ? 'report' : 'manifest'} it is; a settings file holds the classifier's thresholds (schema/settings.schema.json)`);
    const out = {};
    for (const [k, v] of Object.entries(doc)) {
        if (k === '$schema')
            continue;
        if (k === 'version') {
            if (v !== SETTINGS_FILE_VERSION)
                throw new ConfigError(`${file}: version ${showValue(v)} is not supported (expected ${SETTINGS_FILE_VERSION}); ${fix}`);
            continue;
        }
        if (!isSettingKey(k))
            throw new ConfigError(`${file}: unknown setting "${k}" (known: ${KEY_LIST}); ${fix}`);
        const bad = badValue(k, v);
        if (bad)
            throw new ConfigError(`${file}: ${k} ${bad}, got ${showValue(v)}; ${fix}`);
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
        throw new ConfigError(`cannot read the settings file ${displayName}: ${fsErrorWithFix(e, 'check the --settings path')}`);
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
    if (eq === -1)
        throw new ConfigError(`--set ${text}: expected key=value, e.g. --set netflowSpreadBytes=81920 (keys: ${KEY_LIST})`);
    if (!isSettingKey(key)) {
        const near = SETTING_KEYS.find((k) => k.toLowerCase() === key.toLowerCase()) ?? closest(key, SETTING_KEYS);
        throw new ConfigError(`--set ${text}: unknown setting "${key}"${near ? ` (did you mean ${near}?)` : ''}; known: ${KEY_LIST}`);
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
            throw new ConfigError(`${where}: ${k} ${bad}, got ${showValue(v)}`);
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
 *
 * Those rules judge a snapshot: the baseline's episodes, unchanged. When the dataset changed
 * (episodes new, gone or modified against the episodes map), the count rules judge only the
 * episodes in both, and changes.ts / cohort.ts add the rules for the rest (see changing.ts).
 *
 * A baseline's tolerance.warn holds lower levels of the same rules: a change past a warn level
 * but within the fail level is a warning (shown, never failing).
 */
const EPS = 1e-9;
function flaggedRate(c) {
    return c.scanned === 0 ? 0 : (c.flagged * 100) / c.scanned;
}
function signed$1(n, digits = 0) {
    const s = digits > 0 ? Math.abs(n).toFixed(digits) : String(Math.abs(n));
    return n > 0 ? `+${s}` : n < 0 ? `-${s}` : digits > 0 ? (0).toFixed(digits) : '0';
}
function tolText(t) {
    return t === null ? 'not checked' : `tolerance ${t}`;
}
/** The part of the baseline that covers the hosts this report scanned. */
function scope(b, report, name) {
    const s = hostScope(b, report, name);
    const bReasons = b.generated_from?.reasons ?? null;
    const rReasons = report.dataset.reasons;
    const key = (r) => (r ? [...r].sort().join(',') : '*');
    if (key(bReasons) === key(rReasons))
        return s;
    if (bReasons !== null || !s.episodes) {
        throw new ConfigError(`${name}: the baseline counts ${bReasons ? `the reasons ${bReasons.join(', ')}` : 'every reason'} but this run counts ${rReasons ? rReasons.join(', ') : 'every reason'}; run with the same --reason, or make a baseline with it with "episode-gate baseline"`);
    }
    // A run that counts some reasons, against a baseline of all: the baseline's episodes as that run
    // would have judged them (only the selected reasons flag; unreadable always does).
    const selected = new Set(rReasons);
    const project = (rs) => rs.filter((r) => r === 'unreadable' || selected.has(r));
    const episodes = new Map();
    const counts = { scanned: 0, kept: 0, flagged: 0 };
    const byReason = {};
    for (const [k, e] of s.episodes) {
        const rs = project(e.reasons);
        episodes.set(k, { ...e, reasons: rs });
        counts.scanned++;
        counts[rs.length === 0 ? 'kept' : 'flagged']++;
        for (const r of rs)
            byReason[r] = (byReason[r] ?? 0) + 1;
    }
    const cases = s.cases.map((c) => {
        if (!c.reasons)
            return c;
        const rs = project(c.reasons);
        return rs.length === 0
            ? { name: c.name, host: c.host, episode: c.episode, expect: 'kept', ...(c.note ? { note: c.note } : {}) }
            : { ...c, reasons: rs };
    });
    // Arrivals count flagged episodes by all reasons; they cannot be projected onto fewer.
    return { counts, by_reason: byReason, cases, episodes, arrivals: null };
}
function hostScope(b, report, name) {
    const bHost = b.generated_from?.host ?? null;
    const rHost = report.dataset.host;
    const all = baselineEpisodeMap(b);
    if (bHost === rHost)
        return { counts: b.counts, by_reason: b.by_reason, cases: b.cases, episodes: all, arrivals: b.arrivals ?? null };
    if (rHost !== null && bHost === null && all) {
        const prefix = `${rHost}/`;
        const episodes = new Map();
        const counts = { scanned: 0, kept: 0, flagged: 0 };
        const byReason = {};
        for (const [k, e] of all) {
            if (!k.startsWith(prefix))
                continue;
            episodes.set(k, e);
            const rs = e.reasons;
            counts.scanned++;
            counts[rs.length === 0 ? 'kept' : 'flagged']++;
            for (const r of rs)
                byReason[r] = (byReason[r] ?? 0) + 1;
        }
        const arrivals = b.arrivals ? copyArrivals(Object.hasOwn(b.arrivals, rHost) ? { [rHost]: b.arrivals[rHost] } : {}) : null;
        return { counts, by_reason: byReason, cases: b.cases.filter((c) => c.host === rHost), episodes, arrivals };
    }
    const what = (h) => (h === null ? 'all hosts' : `host ${h}`);
    throw new ConfigError(`${name}: the baseline covers ${what(bHost)} but this run scanned ${what(rHost)}; scan the same hosts, or make a baseline for them with "episode-gate baseline"`);
}
function tolerance(b) {
    const t = b.tolerance ?? {};
    const reasons = {};
    for (const [k, v] of Object.entries(t.reasons ?? {}))
        reasons[k] = v ?? null;
    const w = t.warn ?? {};
    const warnReasons = {};
    for (const [k, v] of Object.entries(w.reasons ?? {}))
        warnReasons[k] = v ?? null;
    return {
        kept_drop: t.kept_drop === undefined ? 0 : t.kept_drop,
        flagged_rise: t.flagged_rise === undefined ? 0 : t.flagged_rise,
        flagged_rate_rise: t.flagged_rate_rise === undefined ? 0 : t.flagged_rate_rise,
        reasons,
        warn: {
            kept_drop: w.kept_drop ?? null,
            flagged_rise: w.flagged_rise ?? null,
            flagged_rate_rise: w.flagged_rate_rise ?? null,
            reasons: warnReasons,
        },
    };
}
function verdictOf(reasons) {
    return reasons.length === 0 ? 'kept' : `flagged (${reasons.join(', ')})`;
}
function sameList(a, b) {
    return a.length === b.length && a.every((r) => b.includes(r));
}
/**
 * Index rows that list an episode whose tarball is missing, and that the baseline did not list
 * missing: a host whose episodes never arrived. A baseline episode whose tarball went missing is
 * gone (changing.ts), not counted here. Applies only where the baseline records its missing rows.
 */
function newlyMissing(report, baseline, episodes) {
    if (!baseline.missing_tarballs)
        return null;
    const before = new Set(baseline.missing_tarballs);
    const seen = new Set();
    // Rows an unfinished prune has already emptied are pruned episodes, not tarballs that never came.
    const rows = lostTarballs(report).filter((m) => {
        const key = episodeKey(m.host, m.episode);
        if (before.has(key) || episodes?.has(key) || seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    if (rows.length === 0)
        return null;
    const t = baseline.tolerance?.missing_new === undefined ? 0 : baseline.tolerance.missing_new;
    const byHost = new Map();
    for (const r of rows)
        byHost.set(r.host, (byHost.get(r.host) ?? 0) + 1);
    const hosts = [...byHost].map(([h, n]) => `${h} ${n}`).join(', ');
    const shown = rows.slice(0, 10).map((r) => `${r.host}/${r.episode}`);
    const more = rows.length > shown.length ? `, … ${rows.length - shown.length} more` : '';
    const statement = `${plural(rows.length, 'index row')} new since the baseline ${rows.length === 1 ? 'lists an episode whose' : 'list episodes whose'} tarball is missing`;
    const message = `${statement} (${hosts}; ${t === null ? 'not checked' : `tolerance ${t}`}, tolerance.missing_new): ${shown.join(', ')}${more}`;
    return { item: { kind: 'missing-new', message, brief: `${statement} (${hosts})` }, fails: t !== null && rows.length > t };
}
/** `held`: a failed run's rejected new-cohort alarms, judged until accepted (held.ts). */
function compare(report, baseline, baselineName, held = []) {
    const s = scope(baseline, report, baselineName);
    const tol = tolerance(baseline);
    const classes = s.episodes ? classifyChanges(report, s.episodes) : null;
    const changing = classes !== null && !isSnapshot(classes);
    // A changed dataset: the count rules judge the episodes in both, so new and gone ones do not move them.
    const matched = changing ? matchedCounts(report, s.episodes, classes.matched) : null;
    const cur = matched?.current ?? report.counts;
    const base = matched?.baseline ?? s.counts;
    const curByReason = matched?.currentByReason ?? report.by_reason;
    const baseByReason = matched?.baselineByReason ?? s.by_reason;
    const regressions = [];
    const improvements = [];
    const warnings = [];
    /** A change within the fail level but past the warn level becomes a warning. */
    const warnIf = (change, level, kind, message) => {
        if (level !== null && change > level + EPS)
            warnings.push({ kind, message: `${message} (warn level ${level})` });
    };
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
            const before = s.episodes.get(key)?.reasons;
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
        for (const [key, e] of s.episodes) {
            if (seen.has(key))
                continue;
            const [host, episode] = key.split('/');
            vanished.push({ host, episode, before: e.reasons });
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
            ? `kept ${base.kept} → ${cur.kept} (${signed$1(-totalDrop)}, ${tolText(tol.kept_drop)})`
            : `kept ${base.kept} → ${cur.kept}, but ${plural(keptToFlagged.length, 'episode')} kept in the baseline ${keptToFlagged.length === 1 ? 'is' : 'are'} now flagged (${tolText(tol.kept_drop)})`;
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
    else {
        warnIf(keptDrop, tol.warn.kept_drop, 'kept-drop', `kept ${base.kept} → ${cur.kept} (${signed$1(-totalDrop)})`);
    }
    if (cur.kept > base.kept && !(tol.kept_drop !== null && keptDrop > tol.kept_drop)) {
        improvements.push({ kind: 'kept-rise', message: `kept ${base.kept} → ${cur.kept} (${signed$1(cur.kept - base.kept)})` });
    }
    // flagged
    const rise = cur.flagged - base.flagged;
    if (tol.flagged_rise !== null && rise > tol.flagged_rise) {
        regressions.push({
            kind: 'flagged-rise',
            message: `flagged ${base.flagged} → ${cur.flagged} (${signed$1(rise)}, ${tolText(tol.flagged_rise)})`,
        });
    }
    else {
        warnIf(rise, tol.warn.flagged_rise, 'flagged-rise', `flagged ${base.flagged} → ${cur.flagged} (${signed$1(rise)})`);
    }
    const rate = { baseline: flaggedRate(base), current: flaggedRate(cur) };
    const rateRise = rate.current - rate.baseline;
    if (tol.flagged_rate_rise !== null && rateRise > tol.flagged_rate_rise + EPS) {
        regressions.push({
            kind: 'flagged-rate-rise',
            message: `flagged rate ${rate.baseline.toFixed(2)}% → ${rate.current.toFixed(2)}% (${signed$1(rateRise, 2)} pp, ${tolText(tol.flagged_rate_rise)} pp)`,
        });
    }
    else {
        warnIf(rateRise, tol.warn.flagged_rate_rise, 'flagged-rate-rise', `flagged rate ${rate.baseline.toFixed(2)}% → ${rate.current.toFixed(2)}% (${signed$1(rateRise, 2)} pp)`);
    }
    if (rise < 0)
        improvements.push({ kind: 'flagged-fall', message: `flagged ${base.flagged} → ${cur.flagged} (${signed$1(rise)})` });
    // reasons: the known ones in their order, then any other the baseline or report names.
    const names = [...new Set([...ALL_REASONS, ...Object.keys(baseByReason), ...Object.keys(curByReason)])];
    const reasons = names.map((reason) => {
        // Listed by the baseline file (a count of 0 included), or counted from its episodes: the
        // counts of a changed dataset or of one host leave out reasons no episode has.
        const inBaseline = Object.hasOwn(baseline.by_reason, reason) || Object.hasOwn(baseByReason, reason);
        const b = baseByReason[reason] ?? 0;
        const c = curByReason[reason] ?? 0;
        const t = Object.hasOwn(tol.reasons, reason) ? tol.reasons[reason] : 0;
        const regression = t !== null && c - b > t;
        if (regression) {
            regressions.push({
                kind: 'reason-rise',
                message: `${reason} ${b} → ${c} (${signed$1(c - b)}, ${tolText(t)})${inBaseline ? '' : '; the baseline does not list it, so it counts from 0'}`,
            });
        }
        else {
            const w = Object.hasOwn(tol.warn.reasons, reason) ? tol.warn.reasons[reason] : null;
            warnIf(c - b, w, 'reason-rise', `${reason} ${b} → ${c} (${signed$1(c - b)})`);
        }
        if (!regression && c < b) {
            improvements.push({ kind: 'reason-fall', message: `${reason} ${b} → ${c} (${signed$1(c - b)})` });
        }
        return { reason, baseline: b, current: c, inBaseline, tolerance: t, regression };
    });
    regressions.push(...perEpisode);
    const judged = classes ? judgeChanges(classes, s.episodes, baseline.tolerance ?? {}, changing, s.arrivals) : null;
    if (judged)
        regressions.push(...judged.regressions);
    let stillHeld = [];
    if (classes && held.length > 0) {
        const h = judgeHeld(held, report, new Set(classes.added.map((e) => `${e.host}/${e.episode}`)));
        regressions.push(...h.regressions);
        stillHeld = h.still;
    }
    const missing = newlyMissing(report, baseline, s.episodes);
    if (missing)
        (missing.fails ? regressions : warnings).push(missing.item);
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
        held: stillHeld,
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
        warnings,
        improvements,
        toolVersionChange: origin?.tool_version && origin.tool_version !== report.tool.version
            ? { before: origin.tool_version, after: report.tool.version }
            : null,
        settingsChanges: origin?.settings ? diffSettings(origin.settings, report.settings) : null,
        // A run over one host of a whole-dataset baseline fingerprints that host's part only: whether
        // its data changed is then what the episodes map says (new, gone or modified episodes).
        datasetChanged: (origin?.host ?? null) !== report.dataset.host
            ? classes
                ? changing
                : null
            : origin?.dataset_fingerprint
                ? origin.dataset_fingerprint !== report.dataset.fingerprint
                : null,
        ...modeOf(judged),
        changes: judged,
        arrivals: classes ? arrivalsAfter(s, classes.added) : null,
    };
}
/** The arrivals after this run: the baseline's (or its episodes, as judged then), and the new episodes as judged now. */
function arrivalsAfter(s, added) {
    const a = copyArrivals(s.arrivals ?? arrivalsOf(s.episodes));
    for (const ep of added)
        addArrival(a, ep.host, ep.reasons);
    return copyArrivals(a);
}
function modeOf(j) {
    if (!j) {
        return {
            mode: 'counts',
            modeWhy: 'the baseline has no episodes map, so new, gone and modified episodes cannot be told apart; the totals are judged',
        };
    }
    return { mode: j.mode, modeWhy: j.why };
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

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function tally(t) {
    return { n: t.n, flagged: t.flagged, rate_pct: t.n === 0 ? 0 : Math.round((t.flagged * 10_000) / t.n) / 100 };
}
const ids = (list) => list.map((e) => `${e.host}/${e.episode}`).sort(byCodeUnit);
function reportComparison(c) {
    const j = c.changes;
    const cohort = j?.cohort ?? null;
    return {
        baseline: c.baselineName,
        mode: c.mode,
        why: c.modeWhy,
        regressions: c.regressions.length,
        classes: j
            ? {
                unchanged: j.classes.unchanged,
                modified: j.classes.modified.length,
                new: j.classes.added.length,
                gone: j.classes.gone.length,
                by_id_only: j.classes.byIdOnly,
                modified_ids: ids(j.classes.modified),
                new_ids: ids(j.classes.added),
                gone_ids: ids(j.classes.gone),
                missing_tarball_ids: ids(j.classes.missing),
            }
            : null,
        cohort: cohort
            ? {
                against: cohort.against,
                confidence: cohort.settings.confidence,
                min_size: cohort.settings.minSize,
                margin_pp: cohort.settings.marginPp,
                cohort: tally({ n: cohort.size, flagged: cohort.flagged }),
                baseline: tally(cohort.baseline),
                not_judged: cohort.notJudged,
                tests: cohort.tests.map((t) => ({
                    host: t.host,
                    reason: t.reason,
                    cohort: tally(t.cohort),
                    baseline: tally(t.baseline),
                    baseline_all_hosts: t.baselineAllHosts,
                    p: t.p,
                    threshold: t.threshold,
                    alarm: t.alarm,
                })),
                hosts: cohort.hosts.map((h) => ({ host: h.host, cohort: tally(h.cohort), baseline: tally(h.baseline) })),
            }
            : null,
        ...(c.arrivals ? { arrivals: c.arrivals } : {}),
        ...(c.held.length > 0 ? { held: c.held } : {}),
    };
}

const DEFAULT_DRIFT_WINDOW = 7;
function pooled(rows, host, basis) {
    const t = { scanned: 0, flagged: 0 };
    for (const r of rows) {
        const [scanned, flagged] = basis === 'arrivals'
            ? host === null
                ? [r.changes.new, r.changes.new_flagged]
                : (r.changes.new_hosts[host] ?? [0, 0])
            : host === null
                ? [r.scanned, r.flagged]
                : (r.hosts[host] ?? [0, 0]);
        t.scanned += scanned;
        t.flagged += flagged;
    }
    return t;
}
const recordsArrivals = (r) => r.changes?.new_flagged !== undefined && r.changes.new_hosts !== undefined;
const rate = (t) => (t.scanned === 0 ? 0 : (t.flagged * 100) / t.scanned);
const pct$3 = (x) => `${x.toFixed(1)}%`;
/**
 * The alerts of the rule on the newest 2K rows of `rows` (oldest first): none until there are 2K
 * rows. A host must have been scanned in both windows to be judged.
 */
function driftAlerts(rows, rule) {
    const k = rule.window;
    if (rows.length < 2 * k)
        return [];
    const older = rows.slice(rows.length - 2 * k, rows.length - k);
    const newer = rows.slice(rows.length - k);
    const basis = [...older, ...newer].every(recordsArrivals) ? 'arrivals' : 'dataset';
    const hosts = [...new Set(newer.flatMap((r) => Object.keys(basis === 'arrivals' ? r.changes.new_hosts : r.hosts)))].sort();
    const alerts = [];
    for (const host of [null, ...hosts]) {
        const a = pooled(older, host, basis);
        const b = pooled(newer, host, basis);
        if (a.scanned === 0 || b.scanned === 0)
            continue;
        const before = rate(a);
        const after = rate(b);
        if (after - before > rule.tolerancePp + 1e-9) {
            const who = host === null ? 'all hosts' : `host ${host}`;
            const what = basis === 'arrivals' ? `new episodes flagged ${pct$3(after)}` : `flagged ${pct$3(after)}`;
            alerts.push({
                host,
                before,
                after,
                basis,
                message: `drift on ${who}: ${what} over the last ${k} runs, up ${(after - before).toFixed(1)} pp from ${pct$3(before)} over the ${k} before (tolerance ${rule.tolerancePp} pp)`,
            });
        }
    }
    return alerts;
}

const HISTORY_VERSION = 1;
/** About a year of nightly runs. */
const DEFAULT_MAX_ROWS = 400;
/** The commit and run of this process, from GitHub Actions' environment (null elsewhere). */
function runMetaFromEnv(env) {
    const id = env.GITHUB_RUN_ID;
    const attempt = env.GITHUB_RUN_ATTEMPT;
    return {
        commit: env.GITHUB_SHA || null,
        run: id ? (attempt && attempt !== '1' ? `${id}-${attempt}` : id) : null,
    };
}
/**
 * The run's row. Its gate decision is the report's (written by check, merge and the Action), or
 * `passed` when the caller is the gate that just decided.
 */
function rowFromReport(report, meta, comparison = null, passed) {
    const by_reason = {};
    for (const [r, n] of Object.entries(report.by_reason))
        if (n > 0)
            by_reason[r] = n;
    const hosts = {};
    for (const h of Object.keys(report.hosts).sort())
        hosts[h] = [report.hosts[h].scanned, report.hosts[h].flagged];
    const row = {
        v: HISTORY_VERSION,
        time: report.generated_at,
        commit: meta.commit,
        run: meta.run,
        fingerprint: report.dataset.fingerprint,
        settings_hash: report.settings_hash,
        tool_version: report.tool.version,
        scanned: report.counts.scanned,
        kept: report.counts.kept,
        flagged: report.counts.flagged,
        by_reason,
        hosts,
    };
    if (comparison?.hasEpisodeMap) {
        // The classes tell a lost tarball (row still listed) from a pruned episode, and see rewritten ones.
        const classes = comparison.changes?.classes;
        row.changes = {
            new: comparison.added.total,
            gone: classes ? classes.gone.length : comparison.vanished.length,
            ...(classes ? { missing: classes.missing.length, modified: classes.modified.length } : {}),
            flips: comparison.flips.filter((f) => f.kind !== 'reasons-changed').length,
            reasons_changed: comparison.flips.filter((f) => f.kind === 'reasons-changed').length,
        };
        if (classes) {
            // The night's arrivals, as judged on arrival: a nightly prune removes them from the totals.
            const byHost = new Map();
            for (const e of classes.added) {
                const t = byHost.get(e.host) ?? [0, 0];
                t[0]++;
                if (e.reasons.length > 0)
                    t[1]++;
                byHost.set(e.host, t);
            }
            row.changes.new_flagged = [...byHost.values()].reduce((n, t) => n + t[1], 0);
            row.changes.new_hosts = Object.fromEntries([...byHost].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        }
    }
    const decided = report.gate?.passed;
    if (decided !== undefined)
        row.gate = decided ? 'passed' : 'failed';
    return row;
}
const isCount = (x) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrOrNull = (x) => x === null || typeof x === 'string';
/** Why `x` is not a history row, or null when it is one. */
function rowProblem(x) {
    if (!isObj(x))
        return 'a row must be a JSON object';
    if (x.v !== HISTORY_VERSION)
        return `${x.v === undefined ? 'a row has no "v" (the history version)' : `history version ${showValue(x.v)} is not supported`} (this tool reads version ${HISTORY_VERSION})`;
    if (typeof x.time !== 'string' || Number.isNaN(Date.parse(x.time)))
        return '"time" must be an ISO 8601 date';
    if (!isStrOrNull(x.commit) || !isStrOrNull(x.run))
        return '"commit" and "run" must be strings or null';
    for (const k of ['fingerprint', 'settings_hash', 'tool_version'])
        if (typeof x[k] !== 'string')
            return `"${k}" must be a string`;
    for (const k of ['scanned', 'kept', 'flagged'])
        if (!isCount(x[k]))
            return `"${k}" must be a whole number >= 0`;
    if (!isObj(x.by_reason) || !Object.values(x.by_reason).every(isCount))
        return '"by_reason" must map reasons to counts';
    if (!isObj(x.hosts) || !Object.values(x.hosts).every((h) => Array.isArray(h) && h.length === 2 && h.every(isCount)))
        return '"hosts" must map hosts to [scanned, flagged]';
    if (x.changes !== undefined) {
        const c = x.changes;
        if (!isObj(c) || !['new', 'gone', 'flips', 'reasons_changed'].every((k) => isCount(c[k])))
            return '"changes" must hold the counts new, gone, flips and reasons_changed';
        if (!['missing', 'modified', 'new_flagged'].every((k) => c[k] === undefined || isCount(c[k])))
            return '"changes": missing, modified and new_flagged, when present, must be counts';
        if (c.new_hosts !== undefined &&
            !(isObj(c.new_hosts) && Object.values(c.new_hosts).every((h) => Array.isArray(h) && h.length === 2 && h.every(isCount))))
            return '"changes": new_hosts, when present, must map hosts to [new, flagged]';
    }
    if (x.gate !== undefined && x.gate !== 'passed' && x.gate !== 'failed')
        return '"gate" must be "passed" or "failed"';
    return null;
}
/** Parse a history file's text; `name` names it in errors. Blank lines are allowed. */
function parseHistory(text, name) {
    const rows = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '')
            continue;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            throw new ConfigError(`${name} line ${i + 1} is not JSON: a history file holds one JSON row per line (episode-gate history append writes it); fix or delete that line`);
        }
        const problem = rowProblem(value);
        if (problem)
            throw new ConfigError(`${name} line ${i + 1}: ${problem}; fix or delete that line`);
        rows.push(value);
    }
    return rows;
}
function formatRow(row) {
    return `${JSON.stringify(row)}\n`;
}
function formatHistory(rows) {
    return rows.map(formatRow).join('');
}
/**
 * Two rows are the same run when they share a run id, or are of the same report (its time and
 * dataset fingerprint): a report recorded once and drawn again by a later check (check --report)
 * is one run, whatever run ids the two carry. A re-run attempt ("123-2", GitHub's run id and
 * attempt) is the same run as its first attempt ("123"): the later attempt's row replaces the
 * earlier, so a night re-run counts once in the trend and the drift rule.
 */
function rowKeys(r) {
    const report = `at:${r.time}:${r.fingerprint}`;
    if (r.run === null)
        return [report];
    const attempt = /^(\d+)-\d+$/.exec(r.run);
    return [`run:${attempt ? attempt[1] : r.run}`, report];
}
/**
 * `base` with `added` appended (a run already present is replaced), ordered by time (stable), and
 * only the newest `maxRows` kept.
 */
function mergeRows(base, added, maxRows = DEFAULT_MAX_ROWS) {
    const rows = new Map();
    const byKey = new Map();
    let next = 0;
    for (const r of [...base, ...added]) {
        for (const k of rowKeys(r)) {
            const earlier = byKey.get(k);
            if (earlier !== undefined)
                rows.delete(earlier);
        }
        const id = next++;
        rows.set(id, r);
        for (const k of rowKeys(r))
            byKey.set(k, id);
    }
    const all = [...rows.values()]
        .map((r, i) => ({ r, i, t: Date.parse(r.time) }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .map((x) => x.r);
    return all.slice(Math.max(0, all.length - maxRows));
}

/**
 * One gate run: settings → baseline → scan → report → comparison → decision → summary.
 * Nothing here knows about GitHub; the Action and the CLI both call runGate.
 */
const FAIL_ON_CHOICES = ['regression', 'flagged', 'never'];
const ACTION_INPUT = { 'fail-on': 'fail-on', baseline: 'baseline', reason: 'reasons', manifest: 'manifest' };
/** The fix when the Action's `baseline` input names a report: the inputs that take one. */
const ACTION_REPORT_AS_BASELINE = 'pass it as the baseline-report input (a rolling baseline: an earlier run\'s report), or make a committed baseline from it with "episode-gate baseline --report FILE --out ci/episode-baseline.json" for the baseline input';
/** The fix when the Action's `baseline-report` input names a baseline. */
const ACTION_BASELINE_AS_REPORT = 'pass it as the baseline input; baseline-report takes the JSON report an earlier run wrote (its report or upload-report)';
/** An option with its value as the surface spells it: `--fail-on flagged` (CLI) or `fail-on: flagged` (Action input). */
function optionText(surface, option, value) {
    if (surface === 'action')
        return `${ACTION_INPUT[option]}:${value === undefined ? '' : ` ${value}`}`;
    return `--${option}${value === undefined ? '' : ` ${value}`}`;
}
/**
 * The index rows a scan could not use, in words (null when there are none): rows whose tarball is
 * missing, and lines skipped (not JSON, no ids, unsafe ids). Under fail-on flagged they fail the
 * gate; in every mode the summary's headline names them.
 */
function unusedRowsText(report) {
    const missing = lostTarballs(report).length;
    const skipped = report.index_problems.length;
    const parts = [
        missing > 0 ? `${plural(missing, 'index row')} ${missing === 1 ? 'lists a tarball that is' : 'list tarballs that are'} missing` : '',
        skipped > 0 ? `${plural(skipped, 'index line')} skipped (not JSON, no ids or unsafe ids)` : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' and ') : null;
}
/** The reasons a --reason filter lets flag, and whether any scanned episode has one (unreadable aside). */
function reasonFilterOf(report) {
    const reasons = report.dataset.reasons;
    if (!reasons || reasons.length === 0)
        return null;
    const counted = reasons.some((r) => r !== 'unreadable') ? reasons.filter((r) => r !== 'unreadable') : reasons;
    const anyFlagged = counted.some((r) => (report.by_reason[r] ?? 0) > 0);
    return { reasons: [...reasons], anyFlagged };
}
/** The default place a baseline is suggested when none is given. */
const SUGGESTED_BASELINE = 'ci/episode-baseline.json';
/**
 * Nothing was scanned: never a pass. The message names the filter that left nothing and the
 * hosts the index has (with the nearest to a mistyped host first).
 */
class NothingScannedError extends ConfigError {
    hosts;
    suggestion;
    constructor(message, hosts, suggestion) {
        super(message);
        this.hosts = hosts;
        this.suggestion = suggestion;
        this.name = 'NothingScannedError';
    }
}
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
        const root = path.dirname(episodesRoot);
        // --dataset DIR where DIR itself is not there: name DIR, not DIR/episodes.
        if (path.basename(episodesRoot) === 'episodes' && !existsSync(root))
            throw new ConfigError(`no dataset folder at ${show(root)}: ${fsErrorWithFix(e, 'pass --dataset DIR (a folder holding index.jsonl and episodes/)')}`);
        throw new ConfigError(`no episodes folder at ${show(episodesRoot)}: ${fsErrorWithFix(e, 'pass --dataset DIR (a folder holding index.jsonl and episodes/) or --episodes-root DIR')}`);
    }
    if (!st.isDirectory())
        throw new ConfigError(`${show(episodesRoot)} is not a folder; --episodes-root must name the folder of <host>/<episode>.tar.zst`);
    try {
        return readRegularFile(indexPath).file;
    }
    catch (e) {
        const fix = 'pass --dataset DIR or --index FILE';
        const why = e instanceof FileRefusedError ? `${e.why}; ${fix}` : fsErrorWithFix(e, fix);
        throw new ConfigError(`cannot read the index ${show(indexPath)}: ${why}`);
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
        run: async (p, sizeBytes) => {
            const r = await inner.run(p, sizeBytes);
            return { ...r, verdict: compactVerdict(r.verdict) };
        },
        close: () => inner.close(),
        ...(inner.capacity !== undefined ? { capacity: inner.capacity } : {}),
        ...(inner.plan ? { plan: (episodes, bytes) => inner.plan(episodes, bytes) } : {}),
    };
    let scan;
    try {
        scan = await scanDataset({
            indexPath,
            episodesRoot,
            ...(opts.host ? { host: opts.host } : {}),
            ...(opts.followOutsideLinks ? { followOutsideLinks: true } : {}),
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
            throw new ConfigError(`cannot scan ${show(indexPath)}: ${fsErrorWithFix(e, 'check the --dataset (or --index and --episodes-root) paths')}`);
        throw e;
    }
    finally {
        if (!opts.runner)
            await inner.close();
    }
    if (scan.episodes.length === 0)
        throw nothingScanned(indexBytes, episodesRoot, show(indexPath), opts.host, opts.shard);
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
function nothingScanned(indexBytes, episodesRoot, index, host, shard) {
    const walk = walkIndexText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(indexBytes), episodesRoot);
    const withTarball = [...new Set(walk.entries.map((e) => e.host))].sort();
    const listed = [...new Set([...walk.entries, ...walk.missing].map((e) => e.host))].sort();
    const hostList = (hs) => hs.length > 8 ? `${hs.slice(0, 8).join(', ')}, … (${hs.length} in all)` : hs.join(', ');
    if (host !== undefined && withTarball.length > 0 && !withTarball.includes(host)) {
        const suggestion = closest(host, withTarball);
        return new NothingScannedError(`no episode was scanned: the host filter "${host}" matches none of the hosts in ${index}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; hosts with episodes: ${hostList(withTarball)}`, withTarball, suggestion);
    }
    const what = shard ? `shard ${shard.index}/${shard.count} of ${index}` : host !== undefined ? `host "${host}" in ${index}` : index;
    const why = walk.entries.length > 0
        ? `it holds no index row with a tarball${shard ? ' (the other shards hold them; use fewer shards)' : ''}`
        : listed.length > 0
            ? `none of its ${walk.missing.length} index rows has its tarball under ${episodesRoot} (hosts listed: ${hostList(listed)}); check that the dataset folder holds episodes/<host>/<episode>.tar.zst`
            : walk.problems.length > 0
                ? `none of its ${walk.problems.length} lines is a usable index row`
                : indexBytes.length === 0
                    ? 'the index is empty'
                    : 'it holds no episode rows (only blank lines)';
    const fix = walk.entries.length > 0 || listed.length > 0
        ? ''
        : '; add one JSON row per episode ({"host_id": …, "episode_id": …}), or pass --dataset DIR naming a dataset that has them';
    return new NothingScannedError(`no episode was scanned: ${what}: ${why}${fix}`, listed, null);
}
/**
 * The `episode-gate baseline` command that makes this run the baseline, or null where it would do
 * harm: a run over part of what the baseline covers (one host, some reasons) would narrow the
 * baseline to that part. Where pinned cases no longer match, the command drops them (the baseline
 * command refuses otherwise), and the summary's label says so.
 */
function acceptCommandOf(cmd, report, baseline, name, regressions) {
    if (!cmd)
        return null;
    if (!baseline)
        return cmd(SUGGESTED_BASELINE);
    const from = baseline.generated_from;
    const reasonsOf = (r) => (r ? [...r].sort().join(',') : '*');
    if (from && ((from.host ?? null) !== report.dataset.host || reasonsOf(from.reasons) !== reasonsOf(report.dataset.reasons)))
        return null;
    const stale = regressions.some((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
    return cmd(name) + (stale ? ' --drop-stale-cases' : '');
}
/**
 * Which regressions a one-line failure names first: broken promises (pinned cases), then what
 * the data did (a host's new cohort, episodes rewritten, lost or gone, the whole cohort), then
 * the totals, then single verdicts (each with its evidence, listed in full elsewhere).
 */
function regressionRank(r) {
    if (r.kind === 'pinned-case' || r.kind === 'pinned-missing')
        return 0;
    // A host's alarm names where to look; the all-hosts one mostly repeats it.
    if (r.kind === 'cohort-rate' || r.kind === 'cohort-held')
        return r.host !== undefined ? 1 : 3;
    if (/^(modified|missing|gone)-/.test(r.kind))
        return 2;
    // One episode's flip carries its evidence, long: the totals it moves say it shorter.
    if (r.kind === 'kept-to-flagged' || r.kind === 'flagged-to-kept')
        return 5;
    return 4;
}
/** The regressions counted by what they are: pinned cases, episodes that flipped, count rules, changes of the dataset. */
function regressionKinds(regressions) {
    const group = (kind) => {
        if (kind === 'pinned-case' || kind === 'pinned-missing')
            return ['pinned case', 'pinned cases'];
        if (kind === 'kept-to-flagged')
            return ['episode kept → flagged', 'episodes kept → flagged'];
        if (kind === 'flagged-to-kept')
            return ['episode flagged → kept', 'episodes flagged → kept'];
        if (['kept-drop', 'kept-rise', 'flagged-rise', 'flagged-fall', 'flagged-rate-rise', 'reason-rise', 'reason-fall'].includes(kind))
            // A count rule: kept-drop counts kept → flagged flips too, so the total itself may have risen.
            return ['count over tolerance', 'counts over tolerance'];
        if (kind === 'cohort-rate')
            return ['new-cohort test', 'new-cohort tests'];
        if (kind === 'cohort-held')
            return ['rejected cohort not accepted', 'rejected cohorts not accepted'];
        return ['change of the dataset', 'changes of the dataset'];
    };
    const counts = new Map();
    for (const r of regressions) {
        const [one, many] = group(r.kind);
        const c = counts.get(one) ?? { n: 0, one, many };
        c.n++;
        counts.set(one, c);
    }
    return [...counts.values()].map((c) => `${c.n} ${c.n === 1 ? c.one : c.many}`).join(', ');
}
/**
 * Whether the gate decided anything: not a report-only run (no baseline, --fail-on other than
 * flagged, passed), whose "passed" judged nothing and is recorded nowhere as a decision.
 */
function decided(passed, comparison, failOn) {
    return !passed || comparison !== null || failOn === 'flagged';
}
/** Judge a report against a baseline (or none) and render the summary. A shard's report is refused. */
function evaluateGate(report, baseline, opts) {
    requireWholeReport(report, opts.reportHint ?? 'the report', 'gated');
    const name = opts.baselineName ?? 'the baseline';
    const comparison = baseline ? compare(report, baseline, name, opts.held ?? []) : null;
    const regressions = comparison?.regressions ?? [];
    const improvements = comparison?.improvements ?? [];
    const surface = opts.surface ?? 'cli';
    const failOnFlagged = optionText(surface, 'fail-on', 'flagged');
    const failParts = [];
    let flaggedReason = null;
    if (opts.failOn !== 'never' && regressions.length > 0) {
        // One line: each regression's brief form (its hosts, not its list of episodes), the most
        // telling first, and one cohort alarm per host (the rest are counted).
        const shown = [];
        const alarmed = new Set();
        for (const r of [...regressions].sort((a, b) => regressionRank(a) - regressionRank(b))) {
            if (shown.length === 3)
                break;
            if (r.kind === 'cohort-rate') {
                if (alarmed.has(r.host))
                    continue;
                alarmed.add(r.host);
            }
            shown.push(r.brief ?? r.message);
        }
        const rest = regressions.length - shown.length;
        // Past three, what they are in all, so "42 regressions" is not read as 42 episodes.
        const kinds = rest > 0 ? ` (${regressionKinds(regressions)})` : '';
        failParts.push(`${plural(regressions.length, 'regression')} against ${name}${kinds}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`);
    }
    if (opts.failOn === 'flagged') {
        // Release gating: what is flagged, and index rows whose episode the scan could not judge,
        // besides any regression: accepting the regressions would not release these.
        const parts = failParts;
        const before = parts.length;
        if (report.counts.flagged > 0) {
            const top = Object.entries(report.by_reason)
                .filter(([, n]) => n > 0)
                .map(([r, n]) => `${r} ${n}`)
                .join(', ');
            parts.push(`${plural(report.counts.flagged, 'episode')} flagged (${top}) with ${failOnFlagged}`);
        }
        const unused = unusedRowsText(report);
        if (unused)
            parts.push(`${unused}: ${failOnFlagged} cannot judge their episodes; restore the tarballs, or drop those lines from the index`);
        const pruning = report.missing_tarballs.length - lostTarballs(report).length;
        if (pruning > 0)
            parts.push(`${plural(pruning, 'index row')} ${pruning === 1 ? 'lists an episode' : 'list episodes'} an interrupted cis490-prune has already archived or deleted: finish that prune (re-run it with the same options) before releasing`);
        if (parts.length > before)
            flaggedReason = parts.slice(before).join('; ');
    }
    let failReason = failParts.length > 0 ? failParts.join('; ') : null;
    if (failReason === null && opts.release && report.counts.kept === 0) {
        failReason = `the release would hold no episode: 0 of ${report.counts.scanned} scanned are kept, so ${optionText(surface, 'manifest')} would list nothing`;
    }
    const row = opts.history ? rowFromReport(report, opts.history.meta, comparison) : null;
    const history = opts.history && row ? mergeRows(opts.history.rows, [row]) : null;
    const drift = history && opts.history?.drift ? driftAlerts(history, opts.history.drift.rule) : [];
    // fail-on never is report only: drift warns then too, whatever drift-action says.
    const driftFails = Boolean(opts.history?.drift?.fail) && opts.failOn !== 'never';
    if (failReason === null && drift.length > 0 && driftFails)
        failReason = drift.map((a) => a.message).join('; ');
    const passed = failReason === null;
    // This run's row in the trend drawn with the summary, with the decision the rows above did not know.
    if (row && decided(passed, comparison, opts.failOn))
        row.gate = passed ? 'passed' : 'failed';
    return {
        report,
        regressions,
        warnings: comparison?.warnings ?? [],
        improvements,
        passed,
        failOn: opts.failOn,
        surface,
        failReason,
        flaggedReason,
        comparison,
        baselineName: baseline ? name : null,
        reportHint: opts.reportHint ?? null,
        acceptCommand: baseline && opts.rollingAccept
            ? opts.rollingAccept
            : acceptCommandOf(opts.baselineCommand ?? null, report, baseline, name, regressions),
        acceptRolling: Boolean(baseline && opts.rollingAccept),
        baselineFile: null,
        drift,
        trend: history ? { rows: history, drift, driftFails } : null,
    };
}
/**
 * Gate a report, however it is made (a scan, a saved report, merged shard reports): the baseline
 * is read first, so a bad one fails before a long scan, and the report is written (reportPath)
 * with the comparison's classes and cohort, or without them when it cannot be judged. A report
 * of one shard is refused.
 */
async function gateReport(produce, opts) {
    const cwd = opts.cwd ?? process.cwd();
    const show = (p) => displayPath(p, cwd);
    const baselineName = opts.baselinePath ? (opts.baselineName ?? show(opts.baselinePath)) : null;
    const loaded = opts.baselinePath
        ? loadBaselineFile(path.resolve(cwd, opts.baselinePath), baselineName, opts.baselineCommand ? opts.baselineCommand(show(opts.baselinePath)) : undefined, opts.surface === 'action' ? ACTION_REPORT_AS_BASELINE : undefined)
        : null;
    const scanned = withComparison(await produce(), null);
    requireWholeReport(scanned, 'the report', 'gated');
    const reportFile = opts.reportPath ? path.resolve(cwd, opts.reportPath) : null;
    let outcome;
    try {
        outcome = evaluateGate(scanned, loaded?.baseline ?? null, {
            failOn: opts.failOn,
            ...(baselineName ? { baselineName } : {}),
            reportHint: opts.reportHint ?? (opts.reportPath ? show(opts.reportPath) : null),
            baselineCommand: opts.baselineCommand ?? null,
            ...(opts.rollingAccept ? { rollingAccept: opts.rollingAccept } : {}),
            ...(opts.history ? { history: opts.history } : {}),
            ...(opts.surface ? { surface: opts.surface } : {}),
            ...(opts.release ? { release: true } : {}),
            ...(opts.held ? { held: opts.held } : {}),
        });
    }
    catch (e) {
        // The scan is kept even when it cannot be judged.
        if (reportFile)
            writeReport(reportFile, scanned);
        throw e;
    }
    const report = withComparison(scanned, outcome.comparison ? reportComparison(outcome.comparison) : null, decided(outcome.passed, outcome.comparison, outcome.failOn)
        ? { passed: outcome.passed, fail_on: outcome.failOn, fail_reason: outcome.failReason }
        : null);
    if (reportFile)
        writeReport(reportFile, report);
    return {
        ...outcome,
        report,
        baselineFile: loaded && opts.baselinePath ? { name: show(opts.baselinePath), sha256: loaded.sha256 } : null,
    };
}
async function runGate(opts) {
    return gateReport(() => scanToReport(opts), opts);
}

/**
 * A member stored as columns turned back into rows holding what the columns hold: for pictures
 * (series.ts) and tests, never for verdicts. QMP blockstats become one device, "(total)", whose
 * wr_bytes is the row's total.
 */
function asRows(src) {
    if (!isColumns(src))
        return src;
    const c = src.columns;
    const rows = [];
    for (let i = 0; i < c.n; i++) {
        const row = {};
        for (const f of c.fields) {
            if (f.kind === 'wall') {
                if (c.wallSet[i] !== 0)
                    row[f.name] = int64Value(c.wallHi[i], c.wallLo[i]);
                continue;
            }
            const v = c.num[f.name][i];
            let value;
            if (f.kind === 'str')
                value = c.names[v];
            else if (f.kind === 'blockstats')
                value = new Map([['(total)', new Map([['wr_bytes', v]])]]);
            else if (f.kind === 'first-float')
                value = Number.isNaN(v) ? undefined : [Number.isInteger(v) ? new PyFloat(v) : v];
            else
                value = v;
            if (value !== undefined)
                row[f.name] = value;
        }
        rows.push(row);
    }
    return { member: src.member, rows, lineNos: Array.from(c.lineNos) };
}

/**
 * The raw telemetry of one episode as plottable series, one per source, for pictures only
 * (sparklines in the HTML report and `episode-gate explain`): never used for a verdict.
 *
 * Each point is what the source's rule looks at, in row (time) order, with its phase:
 *   proc     CPU% between consecutive samples (dt > 0)
 *   netflow  bytes_in + bytes_out of one flow record
 *   qmp      growth of wr_bytes + rd_bytes since the previous sample
 *   guest    load_1m
 * Rows the classifier would reject are skipped here (the verdict already says unreadable), and
 * long series are downsampled to at most `width` points, keeping each bucket's largest value so
 * that a short burst stays visible.
 */
const DEFAULT_SERIES_WIDTH = 96;
function num$1(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint')
        return Number(v);
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (v instanceof PyFloat)
        return Number.isFinite(v.v) ? v.v : null;
    return null;
}
/** CPU% between two /proc samples, as the proc rule computes it (null when dt <= 0). */
function cpuPct(r, prev, clkTck) {
    const fast = fastPct(r, prev, clkTck);
    if (fast !== undefined)
        return fast;
    const [m1, m0, u1, s1, u0, s0] = [
        r.t_mono_ns,
        prev.t_mono_ns,
        r.cpu_user_jiffies,
        r.cpu_sys_jiffies,
        prev.cpu_user_jiffies,
        prev.cpu_sys_jiffies,
    ].map(num$1);
    if (m1 == null || m0 == null || u1 == null || s1 == null || u0 == null || s0 == null || clkTck === 0)
        return null;
    const dt = (m1 - m0) / 1e9;
    return dt > 0 ? (100 * ((u1 + s1 - (u0 + s0)) / clkTck)) / dt : null;
}
function phaseOf(phaseAt, row) {
    try {
        return pyStr(phaseAt(row));
    }
    catch {
        return null;
    }
}
function points(src, phaseAt, value) {
    const out = [];
    let prev = null;
    for (const r of src.rows) {
        if (r instanceof NotDict) {
            prev = null;
            continue;
        }
        const v = value(r, prev);
        prev = r;
        if (v === null || !Number.isFinite(v))
            continue;
        const phase = phaseOf(phaseAt, r);
        if (phase !== null)
            out.push({ phase, value: v });
    }
    return out;
}
function blockTotal(row) {
    const raw = row.blockstats;
    if (!(raw instanceof Map))
        return null;
    let total = 0;
    for (const stats of raw.values()) {
        if (!(stats instanceof Map))
            continue;
        total += (num$1(stats.get('wr_bytes')) ?? 0) + (num$1(stats.get('rd_bytes')) ?? 0);
    }
    return total;
}
/** At most `width` points: each bucket of consecutive points becomes its largest one. */
function downsample(series, width) {
    if (series.length <= width)
        return [...series];
    const out = [];
    for (let i = 0; i < width; i++) {
        const lo = Math.floor((i * series.length) / width);
        const hi = Math.floor(((i + 1) * series.length) / width);
        let best = series[lo];
        for (let j = lo + 1; j < hi; j++)
            if (series[j].value > best.value)
                best = series[j];
        out.push(best);
    }
    return out;
}
/** Every source's series, downsampled; empty series when the episode has no labels. */
function episodeSeries(ep, clkTck, width = DEFAULT_SERIES_WIDTH) {
    const empty = Object.fromEntries(SOURCE_NAMES.map((n) => [n, []]));
    const labels = asRows(ep.labels);
    if (labels.rows.length === 0)
        return empty;
    const phaseAt = makePhaseAt(labels);
    let lastQmp = null;
    const raw = {
        proc: points(asRows(ep.proc), phaseAt, (r, prev) => (prev ? cpuPct(r, prev, clkTck) : null)),
        netflow: points(asRows(ep.netflow), phaseAt, (r) => (num$1(r.bytes_in) ?? 0) + (num$1(r.bytes_out) ?? 0)),
        qmp: points(asRows(ep.qmp), phaseAt, (r) => {
            const total = blockTotal(r);
            const delta = total !== null && lastQmp !== null ? total - lastQmp : null;
            if (total !== null)
                lastQmp = total;
            return delta;
        }),
        guest: points(asRows(ep.guest), phaseAt, (r) => (Array.isArray(r.load_1m_5m_15m) ? num$1(r.load_1m_5m_15m[0]) : null)),
    };
    for (const name of SOURCE_NAMES)
        empty[name] = downsample(raw[name], width);
    return empty;
}

/**
 * One episode in full: its verdict with the per-phase values of every source and a downsampled
 * series of the raw telemetry, for `episode-gate explain` and the HTML report's drill-down.
 *
 * The scan keeps none of this (its report stays compact and its memory flat): the few episodes
 * shown in detail (capped) are read again after the comparison, from the tarball the report
 * names, and a tarball whose sha256 differs from the report's is not shown as that episode.
 */
/** Read and classify one tarball, keeping everything (one episode: its size is bounded by the reader's limits). */
async function readEpisodeDetail(tarPath, host, episode, settings, decoder = newDecoderContext()) {
    const read = await readEpisode(tarPath, {
        limits: { maxMemberBytes: settings.maxMemberBytes, maxEpisodeBytes: settings.maxEpisodeBytes },
        decoder,
    });
    const verdict = read.ok ? classify(read.rows, settings) : unreadableVerdict(read.detail);
    const series = read.ok && !verdict.unreadable ? episodeSeries(read.rows, settings.clkTck) : null;
    const ev = verdict.evidence;
    let sources = null;
    if (ev?.sources && series) {
        sources = {};
        for (const name of SOURCE_NAMES) {
            const s = ev.sources[name];
            sources[name] = { status: s.status, phases: s.phases, spread: s.spread, threshold: s.threshold, why: s.why, series: series[name] };
        }
    }
    return {
        host,
        episode,
        verdict: verdict.reasons.length === 0 ? 'kept' : 'flagged',
        reasons: verdict.reasons,
        sample: verdict.sampleJson,
        module: verdict.moduleJson,
        unreadable: verdict.unreadable,
        sha256: read.sha256,
        probe: ev?.probe ?? null,
        workloadEvents: ev?.workloadEvents ?? null,
        labels: ev?.phases ?? [],
        sources,
    };
}
function tarballPath(episodesRoot, host, episode) {
    return path.join(episodesRoot, host, `${episode}.tar.zst`);
}
/**
 * The details of the named episodes of a report, read again from the dataset the report names
 * (its paths are relative to `cwd`). Episodes the report does not hold are left out.
 */
async function loadEpisodeDetails(report, keys, cwd) {
    const out = new Map();
    const root = path.resolve(cwd, report.dataset.episodes_root);
    const byKey = new Map(report.episodes.map((e) => [episodeKey(e.host, e.episode), e]));
    const rootThere = existsSync(root);
    const decoder = newDecoderContext(); // one for the episodes read here, as a scan thread keeps one
    for (const { host, episode } of keys) {
        const key = episodeKey(host, episode);
        const ep = byKey.get(key);
        if (!ep || out.has(key))
            continue;
        if (!rootThere) {
            out.set(key, { ok: false, why: `per-phase values not shown: the dataset (${report.dataset.episodes_root}) is not here` });
            continue;
        }
        const file = tarballPath(root, host, episode);
        if (!existsSync(file)) {
            out.set(key, { ok: false, why: `per-phase values not shown: ${path.relative(cwd, file)} is gone` });
            continue;
        }
        const detail = await readEpisodeDetail(file, host, episode, report.settings, decoder);
        if (ep.sha256 && detail.sha256 && ep.sha256 !== detail.sha256) {
            out.set(key, { ok: false, why: 'per-phase values not shown: the tarball changed since the scan (sha256 differs)' });
            continue;
        }
        out.set(key, { ok: true, detail });
    }
    return out;
}

const AGGREGATE = new Set(['kept-drop', 'flagged-rise', 'flagged-rate-rise', 'reason-rise', 'kept-to-flagged']);
/** Baseline episodes whose index row is still here but whose tarball is missing (a changed dataset only). */
function missingOf(cmp) {
    return cmp.changes?.mode === 'changing' ? cmp.changes.classes.missing : [];
}
function byVerdict(list) {
    const flagged = list.filter((v) => v.before.length > 0).length;
    return { kept: list.length - flagged, flagged };
}
function causeOf(cmp) {
    return {
        settings: cmp.settingsChanges ?? [],
        settingsKnown: cmp.settingsChanges !== null,
        dataChanged: cmp.datasetChanged,
        added: cmp.added.total,
        // A changed dataset tells gone episodes (rows gone too) from lost tarballs (rows still here).
        gone: cmp.vanished.length - missingOf(cmp).length,
        missing: missingOf(cmp).length,
        modified: cmp.changes ? cmp.changes.classes.modified.length : null,
        toolVersion: cmp.toolVersionChange,
        codeChanged: cmp.flips.length > 0 &&
            cmp.settingsChanges !== null &&
            cmp.settingsChanges.length === 0 &&
            cmp.datasetChanged === false &&
            cmp.toolVersionChange === null,
    };
}
function count$1(map, key, field) {
    const c = map.get(key) ?? { key, keptToFlagged: 0, flaggedToKept: 0 };
    c[field]++;
    map.set(key, c);
}
function sorted(map) {
    return [...map.values()].sort((a, b) => b.keptToFlagged + b.flaggedToKept - (a.keptToFlagged + a.flaggedToKept) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
/** Counts of a tally, most first, then by name. */
function mostFirst(m) {
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
function effectOf(cmp) {
    const byHost = new Map();
    const byReason = new Map();
    const gained = new Map();
    const lost = new Map();
    const missingKeys = new Set(missingOf(cmp).map((m) => episodeKey(m.host, m.episode)));
    let down = 0;
    let up = 0;
    let other = 0;
    for (const f of cmp.flips) {
        if (f.kind === 'reasons-changed') {
            for (const r of f.after)
                if (!f.before.includes(r))
                    gained.set(r, (gained.get(r) ?? 0) + 1);
            for (const r of f.before)
                if (!f.after.includes(r))
                    lost.set(r, (lost.get(r) ?? 0) + 1);
        }
        if (f.kind === 'kept-to-flagged') {
            down++;
            count$1(byHost, f.host, 'keptToFlagged');
            for (const r of f.after)
                count$1(byReason, r, 'keptToFlagged');
        }
        else if (f.kind === 'flagged-to-kept') {
            up++;
            count$1(byHost, f.host, 'flaggedToKept');
            for (const r of f.before)
                count$1(byReason, r, 'flaggedToKept');
        }
        else
            other++;
    }
    const b = cmp.counts.baseline;
    const c = cmp.counts.current;
    return {
        keptToFlagged: down,
        flaggedToKept: up,
        reasonsChanged: other,
        reasonsGained: mostFirst(gained),
        reasonsLost: mostFirst(lost),
        gone: byVerdict(cmp.vanished.filter((v) => !missingKeys.has(episodeKey(v.host, v.episode)))),
        missing: byVerdict(cmp.vanished.filter((v) => missingKeys.has(episodeKey(v.host, v.episode)))),
        byHost: sorted(byHost),
        byReason: sorted(byReason),
        kept: { before: b.kept, after: c.kept },
        flagged: { before: b.flagged, after: c.flagged },
        // A changed dataset compares the episodes both hold; the new ones are judged as a cohort.
        scope: cmp.mode === 'changing' ? "among the baseline's episodes" : null,
        added: addedOf(cmp),
    };
}
function addedOf(cmp) {
    const added = cmp.changes?.classes.added ?? [];
    if (added.length === 0)
        return null;
    const byReason = new Map();
    let flagged = 0;
    for (const e of added) {
        if (e.reasons.length > 0)
            flagged++;
        for (const r of e.reasons)
            byReason.set(r, (byReason.get(r) ?? 0) + 1);
    }
    return {
        total: added.length,
        kept: added.length - flagged,
        flagged,
        byReason: [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    };
}
/** "netflowSpreadBytes 51200 → 81920", and the data and tool version when they changed. */
function causeText(cause) {
    const parts = [];
    const v = (n) => (n === null ? 'unset' : String(n));
    if (cause.settings.length > 0)
        parts.push(`settings changed: ${cause.settings.map((s) => `${s.key} ${v(s.before)} → ${v(s.after)}`).join(', ')}`);
    const modified = cause.modified ?? 0;
    if (cause.dataChanged === true || cause.added > 0 || cause.gone > 0 || cause.missing > 0 || modified > 0) {
        const detail = [
            cause.added > 0 ? `${cause.added} new` : '',
            cause.gone > 0 ? `${cause.gone} gone` : '',
            modified > 0 ? `${modified} modified` : '',
        ].filter(Boolean);
        const episodes = cause.added + cause.gone + modified === 1 ? 'episode' : 'episodes';
        const said = [
            detail.length > 0 ? `${detail.join(', ')} ${episodes}` : '',
            cause.missing > 0 ? `${cause.missing} ${cause.missing === 1 ? 'tarball' : 'tarballs'} missing` : '',
        ].filter(Boolean);
        // Every episode as in the baseline, yet another fingerprint: index lines (skipped ones, order) changed.
        const indexOnly = said.length === 0 && cause.modified !== null ? ' (index.jsonl lines only; every episode as in the baseline)' : '';
        parts.push(`data changed${said.length ? ` (${said.join(', ')})` : indexOnly}`);
    }
    if (cause.toolVersion)
        parts.push(`episode-gate ${cause.toolVersion.before} → ${cause.toolVersion.after}`);
    if (parts.length > 0)
        return parts.join('; ');
    if (cause.codeChanged)
        return 'classifier code changed (same settings, data and tool version as the baseline)';
    const unknown = [!cause.settingsKnown ? 'settings' : '', cause.dataChanged === null ? 'data fingerprint' : ''].filter(Boolean);
    return unknown.length > 0
        ? `no recorded change (the baseline does not record its ${unknown.join(' or ')})`
        : 'same settings, data and tool version as the baseline';
}
function byText(counts, field, max = 4) {
    const list = counts.filter((c) => c[field] > 0).sort((a, b) => b[field] - a[field] || (a.key < b.key ? -1 : 1));
    const shown = list.slice(0, max).map((c) => `${c.key} ${c[field]}`);
    if (list.length > max)
        shown.push(`${list.length - max} more`);
    return shown.join(', ');
}
/** "5 kept → flagged (hosts lab-a 3, lab-b 2; reasons flat-cpu 5), 0 flagged → kept". */
function effectText(e) {
    const side = (n, label, field) => n === 0 ? `0 ${label}` : `${n} ${label} (hosts ${byText(e.byHost, field)}; reasons ${byText(e.byReason, field)})`;
    const parts = [side(e.keptToFlagged, 'kept → flagged', 'keptToFlagged'), side(e.flaggedToKept, 'flagged → kept', 'flaggedToKept')];
    if (e.reasonsChanged > 0)
        parts.push(reasonsChangedText(e));
    for (const [label, t] of [
        ['gone', e.gone],
        ['tarballs missing', e.missing],
    ]) {
        const total = t.kept + t.flagged;
        if (total === 0)
            continue;
        const which = [t.kept > 0 ? `${t.kept} kept` : '', t.flagged > 0 ? `${t.flagged} flagged` : ''].filter(Boolean);
        const named = label === 'gone' ? label : total === 1 ? 'tarball missing' : label;
        parts.push(`${total} ${named} (${which.length === 1 ? which[0].replace(/^\d+ /, '') : which.join(', ')})`);
    }
    const a = e.added;
    const reasons = a && a.byReason.length > 0
        ? ` (${a.byReason
            .slice(0, 4)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ')}${a.byReason.length > 4 ? ', …' : ''})`
        : '';
    const added = a ? `; ${a.total} new: ${a.kept} kept, ${a.flagged} flagged${reasons}` : '';
    return `${parts.join(', ')}; ${e.scope ? `${e.scope}: ` : ''}kept ${e.kept.before} → ${e.kept.after}, flagged ${e.flagged.before} → ${e.flagged.after}${added}`;
}
/** "23 flagged episodes gained flat-cpu", "2 flagged episodes gained no-sample 1, flat-cpu 1 and lost workload-failed". */
function reasonsChangedText(e) {
    const n = e.reasonsChanged;
    const list = (counts) => counts.length === 1 && counts[0][1] === n
        ? counts[0][0]
        : counts
            .slice(0, 4)
            .map(([r, k]) => `${r} ${k}`)
            .join(', ') + (counts.length > 4 ? ', …' : '');
    const what = [
        e.reasonsGained.length > 0 ? `gained ${list(e.reasonsGained)}` : '',
        e.reasonsLost.length > 0 ? `lost ${list(e.reasonsLost)}` : '',
    ].filter(Boolean);
    return `${plural(n, 'flagged episode')} ${what.join(' and ')}`;
}
function statusOf(o) {
    if (!o.passed)
        return 'failed';
    if (o.regressions.length > 0)
        return 'not-enforced';
    if (o.warnings.length > 0)
        return 'warned';
    if (o.comparison || o.failOn === 'flagged')
        return 'passed';
    return 'report-only';
}
/** Whether the baseline records a change of settings, data or tool version, or verdicts changed without one (the code). */
function causeChanged(cause) {
    return (cause.settings.length > 0 ||
        cause.dataChanged === true ||
        cause.added > 0 ||
        cause.gone > 0 ||
        cause.missing > 0 ||
        (cause.modified ?? 0) > 0 ||
        cause.toolVersion !== null ||
        cause.codeChanged);
}
/** What changed since the baseline, in words, when the baseline records a change; else null. */
function changeText(cause) {
    return cause && causeChanged(cause) ? causeText(cause) : null;
}
/**
 * The first screen's notes (see SummaryLead.notes): the reason filter, the index rows the scan
 * could not use (unless the fail reason already names them), and a prune left unfinished.
 */
function leadNotes(o) {
    const notes = [];
    const filter = reasonFilterOf(o.report);
    if (filter) {
        const spelled = o.surface === 'action'
            ? optionText('action', 'reason', filter.reasons.join(', '))
            : filter.reasons.map((r) => optionText('cli', 'reason', r)).join(' ');
        const one = filter.reasons.length === 1;
        notes.push(`reason filter ${spelled}: episodes flagged only for other reasons count as kept` +
            (filter.anyFlagged ? '' : `; no scanned episode has ${one ? 'that reason' : 'any of these reasons'}`));
    }
    const unused = unusedRowsText(o.report);
    if (unused && !(o.failReason ?? '').includes(unused))
        notes.push(unused);
    // What releases it: no baseline does (none is offered), only an export without the flagged episodes.
    if (o.flaggedReason && o.report.counts.flagged > 0) {
        const n = o.report.counts.flagged;
        const them = n === 1 ? 'the flagged episode' : `the ${n} flagged episodes`;
        notes.push(o.regressions.length > 0
            ? `a new baseline would accept the regressions but not release ${them}: build the export without ${n === 1 ? 'it' : 'them'} and gate it again`
            : `to release, build the export without ${them}${
            // cis490-prune classifies at the default settings: named only where the gate did too.
            o.report.settings_hash === settingsHash(DEFAULT_GATE_SETTINGS)
                ? ` (cis490-prune --archive on the export's own copy moves ${n === 1 ? 'it' : 'them'} out)`
                : ''} and gate it again`);
    }
    const journal = o.report.dataset.prune_journal;
    if (journal) {
        const pruning = o.report.missing_tarballs.filter((m) => m.pruning).length;
        const moved = pruning > 0
            ? `${plural(pruning, 'episode')} it has already archived or deleted ${pruning === 1 ? 'is' : 'are'} still listed in the index (counted as pruned, not missing)`
            : 'no episode it has archived or deleted is still listed in the index';
        notes.push(`an interrupted cis490-prune is recorded in ${journal}: ${moved}; re-run that cis490-prune (same options) to finish it`);
    }
    return notes;
}
/** The broken pinned cases in one clause ('pinned case "x" (lab-a/x): expected kept, got flagged (flat-cpu)'), or null. */
function pinnedText(regressions) {
    const pinned = regressions.filter((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
    if (pinned.length === 0)
        return null;
    if (pinned.length <= 2)
        return pinned.map((r) => r.message).join('; ');
    const ids = pinned.map((r) => `${r.host}/${r.episode}`);
    return `${pinned.length} pinned cases broken: ${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}
function headlineOf(o, status, cause, folded) {
    const c = o.report.counts;
    const totals = `${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged`;
    const changed = changeText(cause);
    const base = o.baselineName ?? 'the baseline';
    const failOn = optionText(o.surface, 'fail-on', o.failOn);
    switch (status) {
        case 'failed':
            // What changed leads, as on a pass; the regressions follow unless the change explains them all.
            // Folded, the regressions the change explains are left to the effect line; a broken pinned
            // case is a promise, not a total, so it is named here too.
            if (folded && changed) {
                const pinned = pinnedText(o.regressions);
                return `FAILED — ${changed}${pinned ? `; ${pinned}` : ''}${o.flaggedReason ? `; ${o.flaggedReason}` : ''}`;
            }
            return `FAILED — ${changed ? `${changed}; ` : ''}${o.failReason ?? 'the gate failed'}`;
        case 'not-enforced':
            return `passed (${failOn}) — ${plural(o.regressions.length, 'regression')} against ${base} not enforced; ${changed ?? totals}`;
        case 'warned':
            return `passed with ${plural(o.warnings.length, 'warning')} — no regressions against ${base}; ${changed ?? totals}`;
        case 'passed':
            if (!o.comparison)
                return `passed — ${c.flagged} flagged (${failOn}); ${totals}`;
            return o.comparison.flips.length === 0 && o.improvements.length === 0 && !changed
                ? `passed — no regressions against ${base}; ${totals}`
                : `passed — no regressions against ${base}; ${changed ?? totals}`;
        case 'report-only':
            return `report only — ${totals}; no baseline given, nothing compared`;
    }
}
/**
 * The first screen's notes after a headline or status line, set apart from what came before (a
 * regression list ends in "; ", so a note joined the same way read as one more regression).
 */
function notesText(notes) {
    return notes.length === 0 ? '' : `. ${notes.length === 1 ? 'Note' : 'Notes'}: ${notes.join('; ')}`;
}
/**
 * The one line a failed run ends with (the CLI's status line, the Action's error): what changed
 * since the baseline, the fail reason, and the notes, as the headline says them.
 */
function failureText(m) {
    const changed = changeText(m.cause);
    return `${changed ? `${changed}; ` : ''}${m.failReason ?? 'the gate failed'}${notesText(m.lead.notes)}`;
}
/** Regressions the dataset's own changes raise (new cohort, episodes gone or rewritten, tarballs missing), not a verdict's. */
const DATA_KINDS = new Set([
    'cohort-rate',
    'gone-kept',
    'gone-flagged',
    'missing-kept',
    'missing-flagged',
    'modified-kept',
    'modified-flagged',
    'missing-new',
]);
/**
 * What accepting this run as the baseline would accept, said for what it failed on: a night that
 * failed on its data (a broken cohort, episodes pruned or rewritten) is accepted as data, after a
 * look at it, not as an intended change of the classifier.
 */
function acceptLabel(regressions) {
    const kinds = new Set(regressions.map((r) => r.kind));
    const only = (...ks) => kinds.size > 0 && [...kinds].every((k) => ks.includes(k));
    if (kinds.has('pinned-case') || kinds.has('pinned-missing'))
        return 'If this change is intended, accept it (the pinned cases that no longer match are dropped; pin them again with --pin)';
    if (only('cohort-rate'))
        return 'If the new episodes are as they should be, accept them';
    if (only('gone-kept', 'gone-flagged'))
        return 'If these episodes were removed on purpose, accept it';
    if (only('missing-kept', 'missing-flagged'))
        return 'If these tarballs will not come back, accept their loss';
    if (only('modified-kept', 'modified-flagged'))
        return 'If these tarballs were rewritten on purpose, accept them';
    if (only('missing-new'))
        return 'If these tarballs will not arrive, accept the index rows without them';
    if (only(...DATA_KINDS))
        return 'If these changes to the data are intended, accept them';
    return 'If this change is intended, accept it';
}
/** Said with a rolling baseline's accept hint: the baseline file is rebuilt each run, so rewriting it accepts nothing. */
const ROLLING_ACCEPT = "(the rolling baseline is rebuilt each run: make this run's report the next one's baseline report)";
/** "3/40 (7.5%)": flagged of n, and the rate. */
function tallyText(t) {
    return `${t.flagged}/${t.n} (${t.n === 0 ? '–' : `${((t.flagged * 100) / t.n).toFixed(1)}%`})`;
}
/** "kept", or "flagged (flat-cpu, no-sample)". */
function verdictText(reasons) {
    return reasons.length === 0 ? 'kept' : `flagged (${reasons.join(', ')})`;
}
function changesOf(cmp) {
    const j = cmp.changes;
    if (!j || j.mode !== 'changing')
        return null;
    const c = j.classes;
    const co = j.cohort;
    let cohort = null;
    if (co) {
        const s = co.settings;
        const tested = co.notJudged
            ? `Not tested: ${co.notJudged}.`
            : `${co.tests.length} groups tested (all hosts and each host with at least ${s.minSize} new episodes, overall and per reason), one-sided exact test at ${((s.confidence ?? 0) * 100).toFixed(1)}% confidence for the whole family (Holm)${s.marginPp > 0 ? `, margin ${s.marginPp} pp` : ''}: ${co.alarms.length === 0 ? 'none is higher than chance explains' : `${co.alarms.length} higher than chance explains`}.`;
        cohort = {
            size: co.size,
            flagged: co.flagged,
            baseline: co.baseline,
            against: co.against,
            tested,
            notJudged: co.notJudged !== null,
            alarms: co.alarms,
            hosts: co.hosts.map((h) => ({
                host: h.host,
                cohort: h.cohort,
                baseline: h.baseline,
                newHost: h.baseline.n === 0,
                test: co.alarms.some((a) => a.host === h.host) ? 'alarm' : co.tests.some((t) => t.host === h.host) ? 'within' : 'untested',
            })),
        };
    }
    return {
        why: cmp.modeWhy.replace(/^(changed dataset|snapshot): /, ''),
        added: c.added.length,
        gone: c.gone.length,
        missing: c.missing.length,
        modified: c.modified.length,
        unchanged: c.unchanged,
        reported: j.reported.map((r) => r.message),
        goneList: c.gone.map((g) => ({ host: g.host, episode: g.episode, reasons: g.before })),
        missingList: c.missing.map((g) => ({ host: g.host, episode: g.episode, reasons: g.before })),
        modifiedList: c.modified,
        addedList: c.added.map((e) => ({ host: e.host, episode: e.episode, reasons: e.reasons })),
        flips: cmp.flips,
        cohort,
    };
}
/** The model of one gate run. */
function summaryModel(o) {
    const cmp = o.comparison;
    const cause = cmp ? causeOf(cmp) : null;
    const effect = cmp && cmp.hasEpisodeMap ? effectOf(cmp) : null;
    // Same episodes on both sides: every change of a total is one of the flips.
    const folded = Boolean(cmp && cmp.hasEpisodeMap && cmp.added.total === 0 && cmp.vanished.length === 0 && cmp.flips.length > 0);
    const explained = folded ? o.regressions.filter((r) => AGGREGATE.has(r.kind)) : [];
    const unexplained = o.regressions.filter((r) => !explained.includes(r));
    const status = statusOf(o);
    let effectLine = null;
    if (cmp && effect) {
        effectLine = effectText(effect);
        if (explained.length > 0) {
            const totals = explained.filter((r) => r.kind !== 'kept-to-flagged').length;
            const named = explained.length - totals;
            effectLine += `; explains ${plural(totals, 'count')} over tolerance${named ? ` and ${plural(named, 'episode')} kept → flagged` : ''}`;
        }
        const broken = o.regressions.filter((r) => r.kind === 'pinned-case' || r.kind === 'pinned-missing');
        if (broken.length > 0)
            effectLine += `; breaks ${broken.length === 1 ? 'pinned case' : `${broken.length} pinned cases`} ${broken
                .slice(0, 3)
                .map((r) => `${r.host}/${r.episode}`)
                .join(', ')}${broken.length > 3 ? ', …' : ''}`;
    }
    else if (cmp) {
        const b = cmp.counts.baseline;
        const c = cmp.counts.current;
        effectLine = `kept ${b.kept} → ${c.kept}, flagged ${b.flagged} → ${c.flagged} (the baseline has no episodes map, so flips are not named)`;
    }
    const changed = cmp ? cmp.flips.length > 0 || cmp.regressions.length > 0 || cmp.improvements.length > 0 || o.warnings.length > 0 : false;
    let command = null;
    let commandLabel = null;
    // fail-on flagged failed on the flagged episodes themselves: a new baseline would accept the
    // regressions and still not release them, so none is offered; the note says what does.
    if (o.acceptCommand && !o.flaggedReason) {
        if (!cmp) {
            // --fail-on flagged gates without a baseline (no flagged episode may be released): telling
            // its user to write one first would send them the wrong way, most of all on a failure.
            if (o.failOn !== 'flagged')
                command = o.acceptCommand;
            if (command)
                commandLabel = `To gate on this dataset, write a baseline and pass it with ${o.surface === 'action' ? 'the baseline input' : '--baseline'}`;
        }
        else if (changed || (cause && causeChanged(cause))) {
            command = o.acceptCommand;
            commandLabel = o.acceptRolling ? `${acceptLabel(o.regressions)} ${ROLLING_ACCEPT}` : acceptLabel(o.regressions);
        }
    }
    const notes = leadNotes(o);
    const headline = headlineOf(o, status, cause, folded) + notesText(notes);
    return {
        lead: { status, headline, notes, effect: effectLine, command, commandLabel },
        changes: cmp ? changesOf(cmp) : null,
        cause,
        effect,
        folded,
        explained,
        unexplained,
        warnings: o.warnings,
        improvements: o.improvements,
        failOn: o.failOn,
        failReason: o.failReason,
        baselineName: o.baselineName,
        reportHint: o.reportHint,
        acceptCommand: o.acceptCommand,
        trend: o.trend,
        report: o.report,
        comparison: cmp,
    };
}
/**
 * The regressions list every renderer shows: those the cause explains folded into one item, the
 * other totals and pinned cases one item each, and the other episodes kept → flagged counted in
 * one item (each is listed, with its evidence, among the episodes that changed verdict).
 */
function regressionItems(m, f) {
    const items = [];
    if (m.explained.length > 0 && m.cause) {
        const totals = m.explained.filter((r) => r.kind !== 'kept-to-flagged');
        items.push(`${m.explained.length} explained by one cause (${f.cause(causeText(m.cause))}), all from the episodes listed under "${f.flipsSection}"` +
            (totals.length ? `: ${totals.map((r) => f.regression(r)).join('; ')}` : ''));
    }
    const named = m.unexplained.filter((r) => r.kind === 'kept-to-flagged').length;
    items.push(...m.unexplained
        .filter((r) => r.kind !== 'kept-to-flagged')
        .sort((a, b) => regressionRank(a) - regressionRank(b))
        .map((r) => f.regression(r)));
    if (named > 0)
        items.push(`${named} episode${named === 1 ? '' : 's'} kept in the baseline ${named === 1 ? 'is' : 'are'} now flagged (listed below under "${f.flipsSection}")`);
    return items;
}
/** Whether anything differs from the baseline (used by comment: on-change). */
function hasChange(m) {
    const cmp = m.comparison;
    if (!cmp)
        return m.lead.status === 'failed';
    return (cmp.flips.length > 0 ||
        cmp.regressions.length > 0 ||
        cmp.improvements.length > 0 ||
        m.warnings.length > 0 ||
        cmp.added.total > 0 ||
        cmp.vanished.length > 0 ||
        (cmp.settingsChanges?.length ?? 0) > 0);
}

function h(value) {
    return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
/** Short numbers for SVG coordinates. */
function n(v) {
    return String(Math.round(v * 10) / 10);
}
const KNOWN_PHASES = {
    '(pre)': '#9aa0a6',
    clean: '#2e9d5b',
    infecting: '#e3a21a',
    infected_running: '#d64545',
    dormant: '#3b7dd8',
};
const PALETTE = ['#8e5ad6', '#14a3a3', '#c2417f', '#7a8b2c', '#b8692d', '#5065c9'];
/** A colour per phase name: the usual phases keep theirs, others take the palette in order. */
function phaseColours(names) {
    const out = new Map();
    let next = 0;
    for (const name of names) {
        if (out.has(name))
            continue;
        out.set(name, KNOWN_PHASES[name] ?? PALETTE[next++ % PALETTE.length]);
    }
    return out;
}
/** Horizontal bars, one row per item: a label, the bar, the number. */
function barChart(bars, opts) {
    const rowH = 22;
    const labelW = 170;
    const barW = 300;
    const width = labelW + barW + 70;
    const height = bars.length * rowH + 6;
    const max = Math.max(1, ...bars.map((b) => b.value + (b.value2 ?? 0)));
    const rows = bars.map((b, i) => {
        const y = i * rowH + 4;
        const w1 = (b.value / max) * barW;
        const w2 = ((b.value2 ?? 0) / max) * barW;
        const label = b.label.length > 26 ? b.label.slice(0, 25) + '…' : b.label;
        const total = b.value + (b.value2 ?? 0);
        return (`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="lbl">${h(label)}</text>` +
            `<rect class="bar" data-label="${h(b.label)}" data-count="${b.value}" x="${labelW}" y="${y}" width="${n(w1)}" height="${rowH - 6}" fill="${opts.colour}"><title>${h(b.label)}: ${b.value}</title></rect>` +
            (b.value2 !== undefined
                ? `<rect class="bar2" data-count="${b.value2}" x="${n(labelW + w1)}" y="${y}" width="${n(w2)}" height="${rowH - 6}" fill="${opts.colour2 ?? '#d64545'}"><title>${h(b.label)}: ${b.value2}</title></rect>`
                : '') +
            `<text x="${n(labelW + w1 + w2 + 5)}" y="${y + 14}" class="num">${total}</text>`);
    });
    return `<svg class="chart ${opts.cls}" role="img" aria-label="${h(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows.join('')}</svg>`;
}
/**
 * The spreads on a log scale (bins of equal ratio), spreads of 0 in a bin of their own on the
 * left, the threshold as a vertical line (and the baseline's threshold, dashed, when it moved).
 */
function spreadHistogram(spreads, threshold, oldThreshold, fmt, tickFmt = fmt) {
    const W = 520;
    const H = 150;
    const left = 46;
    const plotW = W - left - 10;
    const plotH = H - 40;
    const BINS = 30;
    const positive = spreads.filter((s) => s > 0);
    const zero = spreads.length - positive.length;
    const marks = [threshold, ...(oldThreshold !== null ? [oldThreshold] : [])].filter((t) => t > 0);
    const all = [...positive, ...marks];
    let lo = all.length ? Math.floor(Math.log10(Math.min(...all))) : 0;
    let hi = all.length ? Math.ceil(Math.log10(Math.max(...all)) + 1e-9) : 1;
    if (hi <= lo)
        hi = lo + 1;
    if (hi - lo > 12)
        lo = hi - 12;
    const counts = new Array(BINS).fill(0);
    for (const s of positive) {
        const f = (Math.log10(s) - lo) / (hi - lo);
        counts[Math.min(BINS - 1, Math.max(0, Math.floor(f * BINS)))]++;
    }
    const near = spreads.filter((s) => threshold > 0 && s >= threshold / 2 && s <= threshold * 2).length;
    const max = Math.max(1, zero, ...counts);
    const zeroW = 18;
    const binW = (plotW - zeroW - 6) / BINS;
    const x0 = left + zeroW + 6;
    const xOf = (v) => x0 + ((Math.log10(v) - lo) / (hi - lo)) * (plotW - zeroW - 6);
    const parts = [];
    const bar = (x, w, c, label) => {
        const bh = (c / max) * plotH;
        return `<rect class="bin" data-count="${c}" x="${n(x)}" y="${n(10 + plotH - bh)}" width="${n(Math.max(0, w - 1))}" height="${n(bh)}"><title>${h(label)}: ${c}</title></rect>`;
    };
    parts.push(bar(left, zeroW, zero, 'spread 0'));
    for (let i = 0; i < BINS; i++) {
        const a = 10 ** (lo + ((hi - lo) * i) / BINS);
        const b = 10 ** (lo + ((hi - lo) * (i + 1)) / BINS);
        parts.push(bar(x0 + i * binW, binW, counts[i], `${fmt(a)} – ${fmt(b)}`));
    }
    parts.push(`<line class="axis" x1="${left}" x2="${W - 10}" y1="${10 + plotH}" y2="${10 + plotH}"/>`);
    parts.push(`<text class="tick" x="${left + zeroW / 2}" y="${plotH + 24}" text-anchor="middle">0</text>`);
    let lastX = left + zeroW;
    const step = Math.max(1, Math.ceil((hi - lo) / 6));
    for (let d = lo; d <= hi; d += step) {
        const x = xOf(10 ** d);
        if (x - lastX < 44)
            continue;
        lastX = x;
        parts.push(`<text class="tick" x="${n(x)}" y="${plotH + 24}" text-anchor="${x > W - 40 ? 'end' : 'middle'}">${h(tickFmt(10 ** d))}</text>`);
    }
    parts.push(`<text class="tick" x="4" y="18">${max}</text><text class="tick" x="4" y="${10 + plotH}">0</text>`);
    if (oldThreshold !== null && oldThreshold > 0) {
        const x = n(xOf(oldThreshold));
        parts.push(`<line class="threshold-old" x1="${x}" x2="${x}" y1="4" y2="${10 + plotH}"><title>baseline threshold ${h(fmt(oldThreshold))}</title></line>`);
    }
    if (threshold > 0) {
        const x = n(xOf(threshold));
        parts.push(`<line class="threshold" x1="${x}" x2="${x}" y1="4" y2="${10 + plotH}"><title>threshold ${h(fmt(threshold))}</title></line>` +
            `<text class="tick thr" x="${x}" y="${H - 2}" text-anchor="${labelAnchor(xOf(threshold), W)}">threshold ${h(fmt(threshold))}</text>`);
    }
    return {
        svg: `<svg class="chart hist" role="img" aria-label="spread histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`,
        near,
    };
}
/**
 * One bar per phase, and the threshold band: from the lowest phase value up by the threshold. A
 * source is signal when a bar rises above the band (max - min >= threshold).
 */
function phaseBars(phases, threshold, colours, fmt, thresholdFmt = fmt) {
    const W = 300;
    const H = 130;
    const top = 14;
    const plotH = H - top - 30;
    const left = 8;
    if (phases.length === 0)
        return '<p class="muted">no per-phase values</p>';
    const values = phases.map((p) => p.value);
    const min = Math.min(...values);
    const bandTop = min + threshold;
    const scaleMax = Math.max(...values, bandTop, 1e-12) * 1.08;
    const scaleMin = Math.min(0, min);
    const y = (v) => top + plotH - ((v - scaleMin) / (scaleMax - scaleMin)) * plotH;
    const slot = (W - left * 2) / phases.length;
    const bw = Math.min(54, slot * 0.7);
    const parts = [];
    parts.push(`<rect class="band" x="${left}" y="${n(y(bandTop))}" width="${W - left * 2}" height="${n(Math.max(1, y(min) - y(bandTop)))}"><title>threshold band: ${h(fmt(min))} + ${h(thresholdFmt(threshold))}</title></rect>`);
    phases.forEach((p, i) => {
        const cx = left + slot * i + slot / 2;
        const y0 = y(Math.max(scaleMin, 0));
        const y1 = y(p.value);
        const name = p.phase.length > 16 ? p.phase.slice(0, 15) + '…' : p.phase;
        parts.push(`<rect class="phase-bar" data-phase="${h(p.phase)}" data-value="${p.value}" x="${n(cx - bw / 2)}" y="${n(Math.min(y0, y1))}" width="${n(bw)}" height="${n(Math.max(1, Math.abs(y0 - y1)))}" fill="${colours.get(p.phase) ?? '#888'}"><title>${h(p.phase)}: ${h(fmt(p.value))} (${p.samples} samples)</title></rect>` +
            `<text class="tick" x="${n(cx)}" y="${n(Math.min(y0, y1) - 3)}" text-anchor="middle">${h(fmt(p.value))}</text>` +
            `<text class="tick" x="${n(cx)}" y="${H - 14}" text-anchor="middle">${h(name)}</text>`);
    });
    parts.push(`<line class="threshold" x1="${left}" x2="${W - left}" y1="${n(y(bandTop))}" y2="${n(y(bandTop))}"/>`);
    parts.push(`<text class="tick thr" x="${W - left}" y="${H - 2}" text-anchor="end">band: lowest + ${h(thresholdFmt(threshold))}</text>`);
    return `<svg class="chart phases" role="img" aria-label="per-phase values" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}
/** The raw series as a line, each run of one phase in its colour. */
function sparkline$1(series, colours) {
    const W = 300;
    const H = 46;
    if (series.length === 0)
        return '<p class="muted">no samples</p>';
    const max = Math.max(...series.map((p) => p.value), 1e-12);
    const min = Math.min(0, ...series.map((p) => p.value));
    const x = (i) => (series.length === 1 ? W / 2 : 2 + (i * (W - 4)) / (series.length - 1));
    const y = (v) => 3 + (H - 6) * (1 - (v - min) / (max - min));
    const runs = [];
    let start = 0;
    for (let i = 1; i <= series.length; i++) {
        if (i < series.length && series[i].phase === series[start].phase)
            continue;
        const end = Math.min(i, series.length - 1);
        const pts = [];
        for (let j = start; j <= end; j++)
            pts.push(`${n(x(j))},${n(y(series[j].value))}`);
        if (pts.length === 1)
            pts.push(`${n(x(start) + 1)},${n(y(series[start].value))}`);
        const phase = series[start].phase;
        runs.push(`<polyline class="spark-run" data-phase="${h(phase)}" points="${pts.join(' ')}" stroke="${colours.get(phase) ?? '#888'}"/>`);
        start = i;
    }
    return `<svg class="chart spark" role="img" aria-label="raw series by phase" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${runs.join('')}</svg>`;
}
/**
 * Where a label under a mark at `x` is anchored so it stays inside a chart `w` wide: ending at the
 * mark near the right edge, starting at it near the left, centred on it elsewhere.
 */
function labelAnchor(x, w) {
    if (x > w - 70)
        return 'end';
    if (x < 70)
        return 'start';
    return 'middle';
}
/** The flagged share of each history point, as a line with a dot per point (a failed run's in red). */
function trendChart(points) {
    const W = 560;
    const H = 150;
    const left = 40;
    const plotW = W - left - 16;
    const plotH = H - 40;
    const rates = points.map((p) => (p.scanned ? (p.flagged * 100) / p.scanned : 0));
    const max = Math.max(1, ...rates) * 1.1;
    const x = (i) => left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
    const y = (r) => 10 + plotH * (1 - r / max);
    const line = rates.map((r, i) => `${n(x(i))},${n(y(r))}`).join(' ');
    const dots = points.map((p, i) => `<circle class="trend-point${p.gate === 'failed' ? ' failed' : ''}" cx="${n(x(i))}" cy="${n(y(rates[i]))}" r="${p.gate === 'failed' ? 5 : 3.5}"><title>${h(p.label)}: ${p.flagged} of ${p.scanned} flagged (${rates[i].toFixed(1)}%)${p.gate ? `; gate ${p.gate}` : ''}</title></circle>`);
    const ticks = [0, 1, points.length - 1]
        .filter((i, k, a) => i < points.length && a.indexOf(i) === k)
        // The last label ends at its point (centred, it would run past the chart's right edge).
        .map((i) => {
        const anchor = points.length > 1 && i === points.length - 1 ? 'end' : 'middle';
        return `<text class="tick" x="${n(x(i))}" y="${H - 12}" text-anchor="${anchor}">${h(points[i].label)}</text>`;
    });
    return `<svg class="chart trend" role="img" aria-label="flagged share over time" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><line class="axis" x1="${left}" x2="${W - 16}" y1="${10 + plotH}" y2="${10 + plotH}"/><text class="tick" x="4" y="18">${max.toFixed(0)}%</text><text class="tick" x="4" y="${10 + plotH}">0%</text><polyline class="trend-line" points="${line}"/>${dots.join('')}${ticks.join('')}</svg>`;
}

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no fetch) under a
 * Content-Security-Policy that allows nothing but its own stylesheet, by hash. Its size is
 * bounded whatever the dataset's: details for at most DETAIL_CAP episodes, one line each for at
 * most LIST_CAP more, at most HOST_CHART_CAP hosts in the chart and HOST_TABLE_CAP in the table.
 */
const HOST_CHART_CAP = 40;
const HOST_TABLE_CAP = 500;
/** The title of the section that lists the flipped and flagged episodes (the regressions list points to it). */
const FLIPS_SECTION = 'Flipped and flagged episodes';
const SOURCE_FORMAT = {
    proc: {
        title: 'proc CPU%',
        fmt: (v) => `${v.toFixed(1)}%`,
        spread: (v) => `${v.toFixed(1)} pp`,
        tick: (v) => `${Number(v.toPrecision(2))} pp`,
    },
    netflow: { title: 'netflow bytes', fmt: (v) => (Math.abs(v) < 1024 ? `${Math.round(v)} B` : fmtBytes(v)) },
    qmp: { title: 'qmp block I/O', fmt: (v) => (Math.abs(v) < 1024 ? `${Math.round(v)} B` : fmtBytes(v)) },
    guest: { title: 'guest load_1m', fmt: (v) => v.toFixed(2), tick: (v) => String(Number(v.toPrecision(2))) },
};
const STYLE = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--info:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1160px;margin:0 auto;padding:20px 24px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:16px 0 6px}
.muted{color:var(--muted)}
.verdict{border-radius:8px;padding:14px 18px;margin:12px 0 16px;border:1px solid var(--line);border-left-width:6px}
.verdict.passed{border-left-color:var(--ok)}.verdict.failed{border-left-color:var(--bad);background:#fff5f5}
.verdict.warn{border-left-color:var(--warn);background:#fffbeb}.verdict.report-only{border-left-color:var(--info)}
.verdict .head{font-size:17px;font-weight:600}.verdict .cause,.verdict .effect,.verdict .accept{margin-top:6px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px;background:var(--panel)}
.card .v{font-size:24px;font-weight:600}.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .d{font-size:12px;color:var(--muted)}
.bad{color:var(--bad)}.ok{color:var(--ok)}
#changes h2{margin-top:16px}#changes .mode{margin:0 0 10px}
.changes-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;align-items:start}
#changes .card{min-width:90px;padding:6px 12px}#changes .card .v{font-size:20px}
#changes details.ep{margin:0 0 8px}#changes details.ep>summary{font-weight:600}
#changes .cohort h3{margin-top:12px}#changes table.alarms{margin-top:10px}
tr.alarm td{background:#fff5f5}
.row{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.row>*{flex:0 1 auto}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
ul.msgs{margin:6px 0;padding-left:20px}
.chart text{font-size:11px;fill:var(--fg)}
.chart .tick{font-size:10px;fill:var(--muted)}.chart .thr{fill:var(--bad)}
.chart .bin{fill:#6e9fd8}
.chart .axis{stroke:var(--line)}
.chart .threshold{stroke:var(--bad);stroke-width:2}
.chart .threshold-old{stroke:var(--warn);stroke-width:2;stroke-dasharray:4 3}
.chart .band{fill:#cf222e;fill-opacity:.08;stroke:none}
.chart .spark-run{fill:none;stroke-width:1.6;stroke-linejoin:round}
.chart .trend-line{fill:none;stroke:var(--info);stroke-width:2}.chart .trend-point{fill:var(--info)}.chart .trend-point.failed{fill:var(--bad)}
.sources{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:16px}
.panel{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
details.ep{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:var(--bg)}
details.ep>summary{cursor:pointer;padding:8px 12px;list-style-position:inside}
details.ep[open]>summary{border-bottom:1px solid var(--line);background:var(--panel)}
details.ep .body{padding:10px 14px}
.tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;border:1px solid var(--line);margin-left:4px}
.tag.flagged{color:var(--bad);border-color:#f3b3b3}.tag.kept{color:var(--ok);border-color:#a8dcb5}
.tag.flip{color:var(--warn);border-color:#e9cf84}
.srcs{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px;margin-top:8px}
.src svg{width:100%;height:auto;display:block;margin-top:4px}
.src{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.src .st{font-weight:600}.st.signal{color:var(--ok)}.st.flat{color:var(--bad)}.st.unknown{color:var(--muted)}
.legend{font-size:12px;color:var(--muted);margin:4px 0}
.legend svg{vertical-align:middle;margin:0 3px 0 8px}
footer{margin-top:40px;color:var(--muted);font-size:12px}
`;
function styleHash() {
    return 'sha256-' + createHash('sha256').update(STYLE).digest('base64');
}
function delta(cur, base) {
    if (base === null)
        return '';
    const d = cur - base;
    return `<div class="d">baseline ${base} (${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)})</div>`;
}
function header(inp) {
    const hd = inp.header;
    return (`<h1>episode-gate report</h1><div class="muted">${h(inp.tool)} · ${h(inp.generatedAt)} · dataset <code>${h(inp.dataset)}</code>${hd.baseline ? ` · baseline <code>${h(hd.baseline)}</code>` : ''}</div>` +
        `<section class="verdict ${hd.status}" id="verdict"><div class="head">${h(hd.headline)}</div>${hd.effect ? `<div class="effect">${h(hd.effect)}</div>` : ''}${hd.command ? `<div class="accept">${h(hd.command.label)}: <code>${h(hd.command.text)}</code></div>` : ''}${hd.cause ? `<div class="cause">${h(hd.cause)}</div>` : ''}</section>`);
}
function counts(inp) {
    const { current: c, baseline: b, matched: m, added: a } = inp.counts;
    // On a changed dataset, what the rules judge (the episodes in both) and the new ones, under the whole.
    const scope = (k) => m && a
        ? `<div class="d">in both ${k === 'scanned' ? m.current.scanned : `${m.baseline[k]} → ${m.current[k]}`} · new ${a[k]}</div>`
        : '';
    const card = (k, v, base) => `<div class="card" data-key="${k}"><div class="k">${k}</div><div class="v">${v}</div>${delta(v, base)}${scope(k)}</div>`;
    const list = (title, items, total = items.length) => items.length
        ? `<h3>${h(title)} (${total})</h3><ul class="msgs">${items
            .slice(0, 100)
            .map((m) => `<li>${h(m)}</li>`)
            .join('')}${items.length > 100 ? `<li class="muted">… and ${items.length - 100} more</li>` : ''}</ul>`
        : '';
    return (`<section id="counts"><h2>Counts</h2><div class="cards">${card('scanned', c.scanned, b?.scanned ?? null)}${card('kept', c.kept, b?.kept ?? null)}${card('flagged', c.flagged, b?.flagged ?? null)}</div>` +
        (inp.countsScope ? `<p class="muted scope">${h(inp.countsScope)}</p>` : '') +
        list('Regressions', inp.regressions.items, inp.regressions.total) +
        list('Improvements', inp.improvements) +
        `</section>`);
}
/** Lists longer than this are folded (closed) in the changes section. */
const OPEN_MAX = 5;
/** Rows shown per list in the changes section; the JSON report's comparison has every id. */
const CHANGE_LIST_CAP = 500;
function tallyCell(t) {
    return `<td class="n">${h(tallyText(t))}</td>`;
}
/** A list of the changes section: a table in a <details>, open when short. */
function changeList(key, title, head, rows, hint) {
    if (rows.length === 0)
        return '';
    const shown = rows.slice(0, CHANGE_LIST_CAP);
    const cut = rows.length - shown.length;
    return (`<details class="ep" data-list="${key}"${rows.length <= OPEN_MAX ? ' open' : ''}><summary>${h(title)}</summary><div class="body">` +
        `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${shown.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>` +
        (cut > 0 ? `<p class="muted">… and ${cut} more: see ${hint}.</p>` : '') +
        `</div></details>`);
}
const idCell = (host, episode) => `<td class="id">${h(host)}/${h(episode)}</td>`;
const verdictCell$1 = (reasons) => `<td><span class="tag ${reasons.length === 0 ? 'kept' : 'flagged'}">${h(verdictText(reasons))}</span></td>`;
const FLIP_TEXT = {
    'kept-to-flagged': 'kept → flagged',
    'flagged-to-kept': 'flagged → kept',
    'reasons-changed': 'other reasons',
};
/** What changed in the dataset since the baseline: the summary model's, as the markdown summary shows it. */
function changes(inp) {
    const c = inp.changes;
    if (!c)
        return '';
    const hint = inp.reportHint
        ? `the JSON report (${h(inp.reportHint)}), comparison.classes`
        : 'the JSON report (check --report-out FILE), comparison.classes';
    const card = (k, v) => `<div class="card" data-key="${k}"><div class="k">${k}</div><div class="v">${v}</div></div>`;
    let cohort = '';
    const co = c.cohort;
    if (co) {
        const TEST = { alarm: 'higher than chance explains', within: 'within chance', untested: 'not tested' };
        const rows = co.hosts
            .map((x) => `<tr data-host="${h(x.host)}" class="${x.test}"><td class="id">${h(x.host)}</td>${x.cohort.n === 0 ? '<td class="n"></td>' : tallyCell(x.cohort)}${x.newHost ? '<td class="n">new host</td>' : tallyCell(x.baseline)}<td>${x.test === 'alarm' ? `<span class="tag flagged">${TEST.alarm}</span>` : h(TEST[x.test])}</td></tr>`)
            .join('');
        const alarms = co.alarms.length
            ? `<table class="alarms"><thead><tr><th>host</th><th>reason</th><th class="n">baseline</th><th class="n">new</th><th class="n">p</th></tr></thead><tbody>${co.alarms
                .slice(0, 50)
                .map((t) => `<tr><td class="id">${t.host === null ? 'all' : h(t.host)}</td><td>${t.reason === null ? 'any' : h(t.reason)}</td><td class="n">${h(tallyText(t.baseline))}${t.baselineAllHosts ? ' (all hosts)' : ''}</td>${tallyCell(t.cohort)}<td class="n">${t.p < 1e-4 ? t.p.toExponential(1) : t.p.toPrecision(2)}</td></tr>`)
                .join('')}</tbody></table>`
            : '';
        cohort =
            `<div class="cohort"><h3>New cohort: ${h(tallyText({ n: co.size, flagged: co.flagged }))} flagged vs the baseline's ${co.against === 'arrivals' ? 'arrivals (episodes as first judged, pruned ones included) ' : ''}${h(tallyText(co.baseline))}</h3>` +
                `<p class="${co.alarms.length ? 'bad' : 'muted'}">${h(co.tested)}</p>` +
                `<table class="cohort-hosts"><thead><tr><th>host</th><th class="n">new: flagged</th><th class="n">baseline: flagged</th><th>test</th></tr></thead><tbody>${rows}</tbody></table>${alarms}</div>`;
    }
    const lists = changeList('gone', `${c.gone} gone`, ['episode', 'in the baseline'], c.goneList.map((g) => [idCell(g.host, g.episode), verdictCell$1(g.reasons)]), hint) +
        changeList('missing', `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing (index row here: lost, not pruned)`, ['episode', 'in the baseline'], c.missingList.map((g) => [idCell(g.host, g.episode), verdictCell$1(g.reasons)]), hint) +
        changeList('modified', `${c.modified} modified (same id, other bytes)`, ['episode', 'before', 'now', 'sha256'], c.modifiedList.map((m) => [
            idCell(m.host, m.episode),
            verdictCell$1(m.before),
            verdictCell$1(m.after),
            `<td><code>${h(m.sha256Before.slice(0, 12))} → ${h(m.sha256After?.slice(0, 12) ?? 'unread')}</code></td>`,
        ]), hint) +
        changeList('flipped', `${c.flips.length} in both with another verdict`, ['episode', 'flip', 'before', 'now'], c.flips.map((f) => [
            idCell(f.host, f.episode),
            `<td><span class="tag flip">${FLIP_TEXT[f.kind]}</span></td>`,
            verdictCell$1(f.before),
            verdictCell$1(f.after),
        ]), `"${FLIPS_SECTION}" below`) +
        changeList('new', `${c.added} new`, ['episode', 'verdict'], c.addedList.map((e) => [idCell(e.host, e.episode), verdictCell$1(e.reasons)]), hint);
    // Two columns: the counts and the cohort on the left, the lists beside them, so both lead the page.
    return (`<section id="changes"><h2>Since the baseline: ${c.added} new, ${c.gone} gone, ${c.missing > 0 ? `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing, ` : ''}${c.modified} modified, ${c.unchanged} unchanged</h2>` +
        `<p class="muted mode">Mode: changed dataset — ${h(c.why)}.</p>` +
        `<div class="changes-grid"><div><div class="cards">${card('new', c.added)}${card('gone', c.gone)}${c.missing > 0 ? card('tarballs missing', c.missing) : ''}${card('modified', c.modified)}${card('unchanged', c.unchanged)}</div>${cohort}</div>` +
        `<div>${lists}${c.reported.length ? `<ul class="msgs">${c.reported.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : ''}</div></div>` +
        `</section>`);
}
function byReason(inp) {
    const withBase = inp.byReason.some((r) => r.baseline !== null);
    const chart = barChart(inp.byReason.map((r) => ({ label: r.reason, value: r.current })), { cls: 'by-reason', title: 'flagged episodes by reason', colour: '#d64545' });
    const scoped = inp.byReason.some((r) => r.matched !== null);
    const rows = inp.byReason
        .map((r) => `<tr><td>${h(r.reason)}</td><td class="n">${r.current}</td>${withBase ? `<td class="n">${r.baseline ?? ''}</td>` : ''}` +
        (scoped
            ? `<td class="n">${r.matched ? `${r.matched.baseline} → ${r.matched.current}` : ''}</td><td class="n">${r.added ?? ''}</td>`
            : '') +
        `</tr>`)
        .join('');
    const head = `<th>reason</th><th class="n">episodes</th>${withBase ? '<th class="n">baseline</th>' : ''}${scoped ? '<th class="n">in both: baseline → now</th><th class="n">new</th>' : ''}`;
    const note = scoped
        ? ' Episodes and baseline are the whole scan and the whole baseline (its gone episodes included); the rules judge the episodes in both, and the new ones as a cohort.'
        : '';
    return `<section id="by-reason"><h2>Flagged by reason</h2><div class="row">${chart}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div><p class="muted">An episode with two reasons counts under both.${note}</p></section>`;
}
function hosts(inp) {
    const shown = [...inp.hosts].sort((a, b) => b.scanned - a.scanned || (a.host < b.host ? -1 : 1));
    const chart = barChart(shown.slice(0, HOST_CHART_CAP).map((x) => ({ label: x.host, value: x.kept, value2: x.flagged })), { cls: 'hosts', title: 'kept and flagged per host', colour: '#2e9d5b', colour2: '#d64545' });
    const rows = shown
        .slice(0, HOST_TABLE_CAP)
        .map((x) => `<tr><td class="id">${h(x.host)}</td><td class="n">${x.scanned}</td><td class="n">${x.kept}</td><td class="n">${x.flagged}</td></tr>`)
        .join('');
    const more = (cap, what) => shown.length > cap
        ? `<p class="muted">The ${what} shows the ${cap} largest of ${shown.length} hosts; the JSON report has them all.</p>`
        : '';
    return `<section id="hosts"><h2>Per host</h2><div class="legend"><svg width="10" height="10"><rect width="10" height="10" fill="#2e9d5b"/></svg>kept<svg width="10" height="10"><rect width="10" height="10" fill="#d64545"/></svg>flagged</div><div class="row">${chart}<table><thead><tr><th>host</th><th class="n">scanned</th><th class="n">kept</th><th class="n">flagged</th></tr></thead><tbody>${rows}</tbody></table></div>${more(HOST_CHART_CAP, 'chart')}${more(HOST_TABLE_CAP, 'table')}</section>`;
}
function sources(inp) {
    const panels = inp.sources.map((s) => {
        const { title, fmt: valueFmt, spread, tick } = SOURCE_FORMAT[s.source];
        const fmt = spread ?? valueFmt;
        const hist = spreadHistogram(s.spreads, s.threshold, s.oldThreshold, fmt, tick);
        const moved = s.oldThreshold !== null ? ` (baseline: ${h(fmt(s.oldThreshold))}, dashed)` : '';
        return `<div class="panel" data-source="${s.source}"><h3>${h(title)}: spread per episode</h3>${hist.svg}<div class="muted">threshold ${h(fmt(s.threshold))}${moved} · signal ${s.signal} · flat ${s.flat} · no data ${s.unknown} · <b>${plural(hist.near, 'episode')}</b> within ×2 of the threshold</div></div>`;
    });
    const changes = inp.settingsChanges.length
        ? `<h3>Settings changed since the baseline</h3><table><thead><tr><th>setting</th><th class="n">baseline</th><th class="n">now</th></tr></thead><tbody>${inp.settingsChanges.map((c) => `<tr><td><code>${h(c.key)}</code></td><td class="n">${c.before ?? '—'}</td><td class="n">${c.after ?? '—'}</td></tr>`).join('')}</tbody></table>`
        : '';
    return `<section id="sources"><h2>Telemetry sources</h2><p class="muted">A source is <i>signal</i> when its per-phase values spread by at least the threshold; an episode is flat-cpu when every source with data is flat. Spreads on a log scale; spreads of 0 at the left.</p><div class="sources">${panels.join('')}</div>${changes}</section>`;
}
function tags(e) {
    const flip = e.flip
        ? `<span class="tag flip">${h(e.flip === 'reasons-changed' ? 'reasons changed' : `${verdictText(e.before ?? [])} → ${e.verdict}`)}</span>`
        : '';
    return `<span class="tag ${e.verdict}">${h(verdictText(e.reasons))}</span>${flip}`;
}
function sourcePanel(s, colours) {
    const { title, fmt, spread } = SOURCE_FORMAT[s.source];
    return (`<div class="src" data-source="${s.source}"><div><span class="st ${s.status}">${h(title)}: ${s.status}</span></div><div class="muted">${h(s.why)}</div>` +
        phaseBars(s.phases, s.threshold, colours, fmt, spread ?? fmt) +
        sparkline$1(s.series, colours) +
        `</div>`);
}
function episode(e) {
    const names = [...(e.sources ?? []).flatMap((s) => [...s.phases.map((p) => p.phase), ...s.series.map((p) => p.phase)])];
    const colours = phaseColours(names);
    const legend = [...colours]
        .map(([name, c]) => `<svg width="10" height="10"><rect width="10" height="10" fill="${c}"/></svg>${h(name)}`)
        .join('');
    const body = `<div class="muted">sample ${e.sample === null ? '<i>none</i>' : `<code>${h(e.sample)}</code>`}</div>` +
        `<ul class="msgs">${e.why.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` +
        (e.note ? `<p class="muted">${h(e.note)}</p>` : '') +
        (e.sources
            ? `<div class="legend">phases:${legend}</div><div class="srcs">${e.sources.map((s) => sourcePanel(s, colours)).join('')}</div>`
            : '');
    return `<details class="ep" data-episode="${h(`${e.host}/${e.episode}`)}"><summary><span class="id">${h(e.host)}/${h(e.episode)}</span> ${tags(e)}</summary><div class="body">${body}</div></details>`;
}
function episodes(inp) {
    const total = inp.detailed.length + inp.beyondDetailed;
    if (total === 0)
        return `<section id="episodes"><h2>${FLIPS_SECTION}</h2><p class="muted">None.</p></section>`;
    const listed = inp.listed.length
        ? `<h3>${plural(inp.beyondDetailed, 'more episode')}</h3><table class="listed"><thead><tr><th>episode</th><th>verdict</th><th>sample</th></tr></thead><tbody>${inp.listed.map((e) => `<tr><td class="id">${h(e.host)}/${h(e.episode)}</td><td>${tags(e)}</td><td><code>${h(e.sample ?? '')}</code></td></tr>`).join('')}</tbody></table>`
        : '';
    const cut = inp.beyondDetailed - inp.listed.length;
    const where = inp.reportHint ? `the JSON report (${h(inp.reportHint)})` : 'the JSON report (episode-gate scan --report FILE)';
    return (`<section id="episodes"><h2>${FLIPS_SECTION} (${total})</h2><p class="muted">Flipped episodes first. Open one to see, per source, a bar per phase against the threshold band (a bar above the band makes the source signal) and the raw series coloured by phase. <code>episode-gate explain HOST/EPISODE</code> shows the same in a terminal.</p>` +
        inp.detailed.map(episode).join('') +
        listed +
        (cut > 0 ? `<p class="muted">… and ${cut} more: see ${where}.</p>` : '') +
        `</section>`);
}
function trend(inp) {
    if (inp.trend.length === 0)
        return '';
    const anyGate = inp.trend.some((p) => p.gate);
    const gateCell = (g) => anyGate ? `<td${g ? ` class="${g === 'failed' ? 'bad' : 'ok'}"` : ''}>${g ?? ''}</td>` : '';
    const rows = inp.trend
        .map((p) => `<tr><td>${h(p.label)}</td>${gateCell(p.gate)}<td class="n">${p.scanned}</td><td class="n">${p.flagged}</td></tr>`)
        .slice(-50)
        .join('');
    return `<section id="trend"><h2>Trend</h2><div class="row">${trendChart(inp.trend)}<table><thead><tr><th>run</th>${anyGate ? '<th>gate</th>' : ''}<th class="n">scanned</th><th class="n">flagged</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
function renderHtmlReport(inp) {
    const csp = `default-src 'none'; style-src '${styleHash()}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return (`<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>episode-gate: ${h(inp.header.headline)}</title><style>${STYLE}</style></head><body><main>` +
        header(inp) +
        changes(inp) +
        counts(inp) +
        byReason(inp) +
        hosts(inp) +
        sources(inp) +
        episodes(inp) +
        trend(inp) +
        `<footer>Written by ${h(inp.tool)}. Self-contained: no script, no network; open it from disk.</footer>` +
        `</main></body></html>\n`);
}

/**
 * The HTML report's input from what a gate run has: its report, the comparison with a baseline
 * (or none) and the decision, plus the details read again for the episodes shown in full.
 */
/** Episodes shown with their drill-down. */
const DETAIL_CAP = 200;
/** Episodes listed one line each beyond those (the JSON report has them all). */
const LIST_CAP = 5000;
const SETTING_OF = {
    proc: 'procSpreadPct',
    netflow: 'netflowSpreadBytes',
    qmp: 'qmpSpreadBytes',
    guest: 'guestSpreadLoad',
};
/** Flipped episodes first (report order), then the other flagged ones: the order of the report's episode section. */
function ordered(run) {
    const flips = new Map((run.comparison?.flips ?? []).map((f) => [episodeKey(f.host, f.episode), f]));
    const first = [];
    const rest = [];
    const seen = new Set();
    for (const ep of run.report.episodes) {
        const key = episodeKey(ep.host, ep.episode);
        if (seen.has(key))
            continue;
        seen.add(key);
        const flip = flips.get(key) ?? null;
        if (flip)
            first.push({ ep, flip });
        else if (ep.verdict === 'flagged')
            rest.push({ ep, flip: null });
    }
    return [...first, ...rest];
}
/** The episodes the report shows in detail (whose details to read), at most `cap`. */
function episodesToDetail(run, cap = DETAIL_CAP) {
    return ordered(run)
        .slice(0, cap)
        .map(({ ep }) => ({ host: ep.host, episode: ep.episode }));
}
function line({ ep, flip }) {
    return {
        host: ep.host,
        episode: ep.episode,
        verdict: ep.verdict,
        reasons: [...ep.reasons],
        flip: flip?.kind ?? null,
        before: flip ? [...flip.before] : null,
        sample: ep.sample,
    };
}
const STATUS = {
    failed: 'failed',
    'not-enforced': 'warn',
    warned: 'warn',
    passed: 'passed',
    'report-only': 'report-only',
};
/** The verdict header: the summary model's three lines, as the job summary leads with them. */
function headerOf(run, model) {
    if (!model) {
        const c = run.report.counts;
        return {
            status: 'report-only',
            headline: `Report only: ${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged; no baseline given, nothing compared`,
            cause: null,
            effect: null,
            command: null,
            baseline: null,
        };
    }
    const lead = model.lead;
    // The fail reason under the headline, unless the headline already is it (it leads with a change
    // only where the regressions are that change's flips).
    const failReason = lead.status === 'failed' ? model.failReason : null;
    return {
        status: STATUS[lead.status],
        headline: lead.headline,
        cause: failReason !== null && !lead.headline.includes(failReason) ? failReason : null,
        effect: lead.effect,
        command: lead.command ? { label: lead.commandLabel ?? 'Accept', text: lead.command } : null,
        baseline: model.baselineName,
    };
}
function tallyCounts(reasons) {
    const c = { scanned: 0, kept: 0, flagged: 0 };
    for (const r of reasons) {
        c.scanned++;
        c[r.length === 0 ? 'kept' : 'flagged']++;
    }
    return c;
}
/**
 * The whole scan against the whole baseline. On a changed dataset the comparison's totals are
 * of the episodes in both; the baseline's whole is those plus the gone ones, and the scan's
 * those plus the new ones.
 */
function countsOf(run, model) {
    const cmp = run.comparison;
    const ch = model?.changes;
    if (!cmp || !ch)
        return { current: run.report.counts, baseline: cmp?.counts.baseline ?? null, matched: null, added: null };
    // The baseline's whole: those in both, the gone ones and those whose tarball is missing.
    const gone = tallyCounts([...ch.goneList, ...ch.missingList].map((g) => g.reasons));
    const b = cmp.counts.baseline;
    return {
        current: run.report.counts,
        baseline: { scanned: b.scanned + gone.scanned, kept: b.kept + gone.kept, flagged: b.flagged + gone.flagged },
        matched: { baseline: b, current: cmp.counts.current },
        added: tallyCounts(ch.addedList.map((e) => e.reasons)),
    };
}
/** Per reason, the same scopes as the counts. */
function reasonsOf(run, model) {
    const { report, comparison: cmp } = run;
    if (!cmp)
        return Object.entries(report.by_reason).map(([reason, current]) => ({ reason, current, baseline: null, added: null, matched: null }));
    const ch = model?.changes;
    const countOf = (list, reason) => list.reduce((n, e) => n + (e.reasons.includes(reason) ? 1 : 0), 0);
    return cmp.reasons.map((r) => ch
        ? {
            reason: r.reason,
            current: report.by_reason[r.reason] ?? r.current + countOf(ch.addedList, r.reason),
            baseline: r.baseline + countOf(ch.goneList, r.reason) + countOf(ch.missingList, r.reason),
            added: countOf(ch.addedList, r.reason),
            matched: { baseline: r.baseline, current: r.current },
        }
        : { reason: r.reason, current: report.by_reason[r.reason] ?? r.current, baseline: r.baseline, added: null, matched: null });
}
function htmlReportInput(run, details, opts = {}) {
    const { report, comparison: cmp } = run;
    const model = 'failOn' in run ? summaryModel(run) : null;
    const cap = opts.detailCap ?? DETAIL_CAP;
    const picks = ordered(run);
    const detailed = picks.slice(0, cap).map((p) => {
        const found = details.get(episodeKey(p.ep.host, p.ep.episode));
        const d = found?.ok ? found.detail : null;
        return {
            ...line(p),
            why: explain(p.ep),
            sources: d?.sources ? SOURCE_NAMES.map((source) => ({ source, ...d.sources[source] })) : null,
            note: found && !found.ok
                ? found.why
                : d && !d.sources
                    ? d.unreadable
                        ? null
                        : 'no labels: no per-phase values'
                    : found
                        ? null
                        : 'per-phase values not read',
        };
    });
    const beyond = picks.slice(cap);
    const spreads = Object.fromEntries(SOURCE_NAMES.map((n) => [n, []]));
    for (const ep of report.episodes) {
        const src = ep.evidence?.sources;
        if (!src)
            continue;
        for (const n of SOURCE_NAMES) {
            const s = src[n].spread;
            if (s !== null && src[n].status !== 'unknown')
                spreads[n].push(s);
        }
    }
    const changes = cmp?.settingsChanges ?? [];
    return {
        tool: `${report.tool.name} ${report.tool.version}`,
        generatedAt: report.generated_at,
        dataset: report.dataset.index,
        header: headerOf(run, model),
        counts: countsOf(run, model),
        changes: model?.changes ?? null,
        // The job summary's list, from the same model: the totals the cause explains are one item.
        regressions: {
            total: cmp?.regressions.length ?? 0,
            items: model ? regressionItems(model, { cause: (t) => t, regression: (r) => r.message, flipsSection: FLIPS_SECTION }) : [],
        },
        improvements: (cmp?.improvements ?? []).map((r) => r.message),
        byReason: reasonsOf(run, model),
        countsScope: model?.changes
            ? `The dataset changed since the baseline: each count is the whole scan against the baseline's ${plural(model.changes.gone + model.changes.missing + cmp.counts.baseline.scanned, 'episode')}${model.changes.gone > 0 ? ` (the ${model.changes.gone} gone included)` : ''}${model.changes.missing > 0 ? ` (the ${model.changes.missing} whose tarball is missing included)` : ''}; the rules judge the ${cmp.counts.baseline.scanned} in both ("in both": baseline → now), and the ${model.changes.added} new as a cohort.`
            : null,
        hosts: Object.entries(report.hosts).map(([host, c]) => ({ host, ...c })),
        sources: SOURCE_NAMES.map((source) => {
            const change = changes.find((c) => c.key === SETTING_OF[source]);
            return {
                source,
                threshold: report.settings[SETTING_OF[source]],
                oldThreshold: change?.before ?? null,
                spreads: spreads[source],
                ...report.sources[source],
            };
        }),
        settingsChanges: changes,
        detailed,
        listed: beyond.slice(0, opts.listCap ?? LIST_CAP).map(line),
        beyondDetailed: beyond.length,
        trend: opts.trend ?? [],
        reportHint: opts.reportHint ?? null,
    };
}

/** The HTML report of a gate run, written to a file: details read again, input built, page rendered. */
/** The page's text; the details of the episodes shown in full are read from the dataset when it is there. */
async function buildHtmlReport(run, opts) {
    const details = await loadEpisodeDetails(run.report, episodesToDetail(run), opts.cwd);
    // With a history (check --history), the page draws the same trend the summary does.
    const rows = 'trend' in run && run.trend ? run.trend.rows : [];
    const trend = rows.map((r) => ({
        label: r.time.slice(0, 10),
        scanned: r.scanned,
        flagged: r.flagged,
        ...(r.gate ? { gate: r.gate } : {}),
    }));
    return renderHtmlReport(htmlReportInput(run, details, { reportHint: opts.reportHint ?? null, trend }));
}
async function writeHtmlReport(file, run, opts) {
    writeFileAtomic(path.resolve(opts.cwd, file), await buildHtmlReport(run, opts), 'HTML report');
}

/**
 * Building GitHub-flavoured markdown from untrusted values under a byte budget.
 *
 * Every value that comes from data (host and episode ids, sample names, member names, error
 * details) goes through `esc`: HTML-significant characters and the table pipe become character
 * references, markdown punctuation is backslash-escaped, "scheme://" and "www." cannot start an
 * autolink, "@" cannot start a mention, and line breaks, control characters and bidirectional
 * overrides become spaces. So a hostile name can neither inject HTML, notify anyone, nor break a
 * table row or a list item, and ordinary values stay readable in a terminal.
 */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };
// Line breaks, other control characters, and bidirectional marks and overrides that could disguise text.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** "@name" would notify a GitHub user or team: a zero-width joiner after the @ keeps it text. */
const MENTION = /@/g;
const NO_MENTION = '@\u200d';
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
    return out
        .replace(/:\/\//g, '&#58;//')
        .replace(/(w)(w)(w)\./gi, '$1$2$3&#46;')
        .replace(MENTION, NO_MENTION);
}
/** A value inside raw HTML (e.g. a <summary> line): only HTML needs escaping there. */
function escHtml(value, maxChars = 200) {
    let s = value.replace(INVISIBLE, ' ');
    const chars = Array.from(s);
    if (chars.length > maxChars)
        s = chars.slice(0, maxChars - 1).join('') + '…';
    return s
        .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
        .replace(MENTION, NO_MENTION);
}
/**
 * A value for a plain-text channel (a log line, an annotation): one line, without control
 * characters or bidirectional overrides, so it can neither start a line of its own (a workflow
 * command) nor disguise what it says.
 */
function plain(value) {
    return value.replace(INVISIBLE, ' ').replace(/ {2,}/g, ' ').trim();
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

function ep(host, episode) {
    return `${esc(host, 80)}/${esc(episode, 160)}`;
}
function verdict(reasons) {
    return reasons.length === 0 ? 'kept' : `flagged (${reasons.map((r) => esc(r)).join(', ')})`;
}
/** One line: which rules judged the run, and why. */
function modeLine(md, cmp) {
    const label = cmp.mode === 'changing' ? 'changed dataset' : cmp.mode === 'snapshot' ? 'snapshot' : 'totals only';
    md.add(`**Mode: ${label}** — ${esc(cmp.modeWhy.replace(/^(changed dataset|snapshot): /, ''), 600)}.\n\n`);
}
/** The four classes with capped lists, then the cohort's tests (only when the dataset changed). */
function changesSection(md, c, more) {
    if (!c)
        return;
    md.add(`#### Since the baseline: ${c.added} new, ${c.gone} gone, ${c.missing > 0 ? `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing, ` : ''}${c.modified} modified, ${c.unchanged} unchanged\n\n`);
    if (c.reported.length > 0)
        addList(md, c.reported.map((r) => esc(r, 600)), { maxRows: 20, more });
    if (c.goneList.length > 0) {
        const items = c.goneList.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.reasons)}`);
        addList(md, items, { fold: `${c.gone} gone`, maxRows: 200, more });
    }
    if (c.missingList.length > 0) {
        const items = c.missingList.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.reasons)}; index row here, tarball missing`);
        addList(md, items, { fold: `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing`, maxRows: 200, more });
    }
    if (c.modifiedList.length > 0) {
        const rows = c.modifiedList.map((m) => [
            ep(m.host, m.episode),
            verdict(m.before),
            verdict(m.after),
            `${m.sha256Before.slice(0, 12)} → ${m.sha256After?.slice(0, 12) ?? 'unread'}`,
        ]);
        addTable(md, ['episode', 'before', 'now', 'sha256'], ['---', '---', '---', '---'], rows, {
            fold: `${c.modified} modified`,
            maxRows: 200,
            more,
        });
    }
    if (c.addedList.length > 0) {
        const rows = c.addedList.map((e) => [ep(e.host, e.episode), verdict(e.reasons)]);
        addTable(md, ['episode', 'verdict'], ['---', '---'], rows, { fold: `${c.added} new`, maxRows: 200, more });
    }
    if (c.cohort)
        cohortSection(md, c.cohort, more);
}
function cohortSection(md, co, more) {
    const tested = co.notJudged || co.alarms.length === 0 ? co.tested : `${co.tested.slice(0, -1)} ❌.`;
    md.add(`#### New cohort: ${tallyText({ n: co.size, flagged: co.flagged })} flagged vs the baseline's ${co.against === 'arrivals' ? 'arrivals (episodes as first judged, pruned ones included) ' : ''}${tallyText(co.baseline)}\n\n${esc(tested, 600)}\n\n`);
    if (co.alarms.length > 0) {
        const rows = co.alarms.map((t) => [
            t.host === null ? 'all' : esc(t.host, 80),
            t.reason === null ? 'any' : esc(t.reason),
            tallyText(t.baseline) + (t.baselineAllHosts ? ' (all hosts)' : ''),
            tallyText(t.cohort),
            t.p < 1e-4 ? t.p.toExponential(1) : t.p.toPrecision(2),
        ]);
        addTable(md, ['host', 'reason', 'baseline', 'new', 'p'], ['---', '---', '---:', '---:', '---:'], rows, { maxRows: 50, more });
    }
}
/** The host table's extra cells: the host's new-cohort rate against its baseline rate (null: no cohort). */
function hostCohortCells(cmp, host) {
    const co = cmp?.changes?.cohort;
    if (!co)
        return null;
    const h = co.hosts.find((x) => x.host === host);
    if (!h)
        return ['', ''];
    const alarm = co.alarms.some((a) => a.host === host);
    return [h.cohort.n === 0 ? '' : tallyText(h.cohort) + (alarm ? ' ❌' : ''), h.baseline.n === 0 ? 'new host' : tallyText(h.baseline)];
}

const DEFAULT_TREND_RUNS = 30;
const pct$2 = (n, of) => (of === 0 ? 0 : (n * 100) / of);
function trendOf(rows, lastRuns = DEFAULT_TREND_RUNS, topReasons = 3) {
    const shown = rows.slice(Math.max(0, rows.length - lastRuns));
    const totals = new Map();
    for (const r of shown)
        for (const [reason, n] of Object.entries(r.by_reason))
            totals.set(reason, (totals.get(reason) ?? 0) + n);
    const top = [...totals.entries()]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, topReasons)
        .map(([reason]) => reason);
    const hosts = [...new Set(shown.flatMap((r) => Object.keys(r.hosts)))].sort();
    const points = shown.map((r) => {
        const reasonRates = {};
        for (const reason of top)
            reasonRates[reason] = pct$2(r.by_reason[reason] ?? 0, r.scanned);
        const hostRates = {};
        for (const h of hosts) {
            const c = r.hosts[h];
            hostRates[h] = c ? pct$2(c[1], c[0]) : null;
        }
        return {
            time: r.time,
            commit: r.commit,
            scanned: r.scanned,
            flagged: r.flagged,
            rate: pct$2(r.flagged, r.scanned),
            reasonRates,
            hostRates,
            gate: r.gate ?? null,
            changes: r.changes ? { ...r.changes } : null,
            newRate: r.changes?.new_flagged !== undefined && r.changes.new > 0 ? pct$2(r.changes.new_flagged, r.changes.new) : null,
        };
    });
    return {
        points,
        anyGate: points.some((p) => p.gate !== null),
        anyChanges: points.some((p) => p.changes !== null),
        topReasons: top,
        hosts,
    };
}

/** Per-host charts are drawn only up to this many hosts (beyond it the table has them). */
const MAX_HOST_CHARTS = 4;
/** Text safe inside a mermaid quoted title. */
const title = (s) => s.replace(/[^\w .,:()%/+-]/g, '?').slice(0, 120);
const num = (x) => String(Math.round(x * 100) / 100);
function chart(heading, values) {
    const top = Math.max(1, Math.ceil(Math.max(...values, 0) * 1.1));
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title(heading)}"`,
        `  x-axis "run" [${values.map((_, i) => i + 1).join(', ')}]`,
        `  y-axis "% of scanned" 0 --> ${top}`,
        `  line [${values.map(num).join(', ')}]`,
        '```',
        '',
        '',
    ].join('\n');
}
/** The gate's decision as a table cell; blank where the run did not record it. */
const gateCell = (g) => (g === 'passed' ? '✅ passed' : g === 'failed' ? '❌ failed' : '');
const count = (n) => (n === undefined ? '' : String(n));
/** The changes against each run's baseline, as the tables show them: missing is a lost tarball (its row still listed), gone a pruned episode. */
const CHANGE_COLUMNS = ['new', 'gone', 'missing', 'modified', 'flips'];
function table(t, unstoredLast) {
    const head = [
        '#',
        'time',
        'commit',
        ...(t.anyGate ? ['gate'] : []),
        'scanned',
        'flagged',
        'flagged %',
        ...(t.anyChanges ? [...CHANGE_COLUMNS, 'new flagged %'] : []),
        ...t.topReasons.map((r) => `${r} %`),
    ];
    const lines = [`| ${head.map((h) => esc(h)).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
    t.points.forEach((p, i) => {
        const cells = [
            unstoredLast && i === t.points.length - 1 ? `${i + 1} (this run, not stored)` : String(i + 1),
            esc(p.time.slice(0, 16).replace('T', ' ')),
            p.commit ? `\`${esc(p.commit.slice(0, 7)).replace(/`/g, '')}\`` : '',
            ...(t.anyGate ? [gateCell(p.gate)] : []),
            String(p.scanned),
            String(p.flagged),
            num(p.rate),
            ...(t.anyChanges ? [...CHANGE_COLUMNS.map((k) => count(p.changes?.[k])), p.newRate === null ? '' : num(p.newRate)] : []),
            ...t.topReasons.map((r) => num(p.reasonRates[r] ?? 0)),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    });
    return lines.join('\n') + '\n';
}
/** The trend section of a summary: charts, then the numbers folded beneath. Empty when there are no rows. */
function trendMarkdown(rows, opts = {}) {
    const t = trendOf(rows, opts.lastRuns ?? DEFAULT_TREND_RUNS);
    if (t.points.length === 0)
        return '';
    const n = t.points.length;
    const parts = [`#### Trend over the last ${n} run${n === 1 ? '' : 's'}\n\n`];
    const drift = opts.drift ?? [];
    if (drift.length > 0) {
        const kind = opts.driftFails ? 'CAUTION' : 'WARNING';
        const verb = opts.driftFails ? 'fails the gate' : 'warns';
        parts.push(`> [!${kind}]\n> The drift rule ${verb}:\n${drift.map((a) => `> - ${esc(a.message, 400)}`).join('\n')}\n\n`);
    }
    if (opts.unstoredLast) {
        parts.push(`_Run ${n}, the last point, is this run; it is not stored in the history: ${esc(opts.unstoredLast, 400)}._\n\n`);
    }
    parts.push(chart(`Flagged episodes (% of scanned), last ${n} runs`, t.points.map((p) => p.rate)));
    for (const r of t.topReasons)
        parts.push(chart(`Flagged for ${r} (% of scanned)`, t.points.map((p) => p.reasonRates[r] ?? 0)));
    if (t.hosts.length > 1 && t.hosts.length <= MAX_HOST_CHARTS) {
        for (const h of t.hosts)
            parts.push(chart(`Host ${h}: flagged (% of its scanned)`, t.points.map((p) => p.hostRates[h] ?? 0)));
    }
    parts.push(`<details><summary>The numbers behind the charts (${escHtml(String(n))} runs, oldest first)</summary>\n\n${table(t, Boolean(opts.unstoredLast))}\n</details>\n\n`);
    return parts.join('');
}
const BARS = '▁▂▃▄▅▆▇█';
/**
 * One character per value, scaled from the smallest value to the largest, so a rise from 49% to
 * 52% shows (the line's text gives the range); a flat series is all ▁, a run without the value a blank.
 */
function sparkline(values) {
    const known = values.filter((v) => v !== null);
    const lo = Math.min(...known);
    const hi = Math.max(...known);
    return values
        .map((v) => v === null ? ' ' : BARS[hi === lo ? 0 : Math.min(BARS.length - 1, Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1)))])
        .join('');
}
const pct$1 = (x) => `${x.toFixed(1)}%`;
/** The trend for a terminal: sparklines of the rate, the top reasons and each host, then one line per run. */
function trendText(rows, opts = {}) {
    const t = trendOf(rows, opts.lastRuns ?? DEFAULT_TREND_RUNS);
    if (t.points.length === 0)
        return 'no runs recorded yet (episode-gate history append adds one)\n';
    const n = t.points.length;
    const first = t.points[0].time.slice(0, 10);
    const last = t.points[n - 1].time.slice(0, 10);
    const out = [`${rows.length} run${rows.length === 1 ? '' : 's'} recorded; the last ${n}, ${first} to ${last}:`, ''];
    const labels = ['flagged', ...t.topReasons.map((r) => `  ${r}`), ...t.hosts.map((h) => `  host ${h}`)];
    const width = Math.min(40, Math.max(...labels.map((l) => l.length)));
    const line = (label, values) => {
        const known = values.filter((v) => v !== null);
        const now = values[values.length - 1];
        const range = known.length === 0 ? '-' : `${pct$1(Math.min(...known))}–${pct$1(Math.max(...known))}`;
        return `${label.padEnd(width)}  ${sparkline(values)}  now ${now === null || now === undefined ? '-' : pct$1(now)}, range ${range}`;
    };
    out.push(line('flagged', t.points.map((p) => p.rate)));
    for (const r of t.topReasons)
        out.push(line(`  ${r}`, t.points.map((p) => p.reasonRates[r] ?? 0)));
    for (const h of t.hosts)
        out.push(line(`  host ${h}`, t.points.map((p) => p.hostRates[h] ?? null)));
    const failed = t.points.filter((p) => p.gate === 'failed').length;
    if (t.anyGate) {
        const known = t.points.filter((p) => p.gate !== null).length;
        out.push(`${'gate'.padEnd(width)}  failed ${failed} of the ${known} run${known === 1 ? '' : 's'} that recorded it`);
    }
    out.push('', 'time              commit   ' +
        (t.anyGate ? 'gate    ' : '') +
        'scanned  flagged  rate' +
        (t.anyChanges ? CHANGE_COLUMNS.map((k) => ` ${k.padStart(8)}`).join('') + '  new fl%' : ''));
    for (const p of t.points) {
        const gate = t.anyGate ? (p.gate ?? '-').padEnd(6) + '  ' : '';
        const changes = t.anyChanges
            ? CHANGE_COLUMNS.map((k) => ` ${(p.changes?.[k] === undefined ? '-' : String(p.changes[k])).padStart(8)}`).join('') +
                ` ${(p.newRate === null ? '-' : pct$1(p.newRate)).padStart(8)}`
            : '';
        out.push(`${p.time.slice(0, 16).replace('T', ' ')}  ${(p.commit ?? '-').slice(0, 7).padEnd(7)}  ${gate}${String(p.scanned).padStart(7)}  ${String(p.flagged).padStart(7)}  ${pct$1(p.rate).padStart(6)}${changes}`);
    }
    return out.join('\n') + '\n';
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
function signed(n, digits = 0) {
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
const MARK = {
    failed: '❌',
    'not-enforced': '⚠️',
    warned: '⚠️',
    passed: '✅',
    'report-only': 'ℹ️',
};
/**
 * The first three lines: the verdict with what changed, its effect, and the command that
 * accepts it. Lines 2 and 3 are list items so each stays its own line when rendered.
 */
function lead(m) {
    const l = m.lead;
    const lines = [`### ${MARK[l.status]} episode-gate: ${esc(l.headline, 600)}`];
    if (l.effect)
        lines.push(`- **Effect:** ${esc(l.effect, 600)}`);
    if (l.command)
        lines.push(`- **${esc(l.commandLabel ?? 'Command', 200)}:** <code>${escHtml(l.command, 1000)}</code>`);
    return lines.join('\n') + '\n\n';
}
function regressionItem(r) {
    return esc(r.message, 600);
}
function countsSection(md, inp) {
    const cmp = inp.comparison;
    // With a baseline, the counts the rules judged: on a changed dataset those of the episodes in both.
    const cur = cmp ? cmp.counts.current : inp.report.counts;
    md.add(cmp?.mode === 'changing' ? `#### Counts of the ${cmp.counts.current.scanned} episodes in both\n\n` : '#### Counts\n\n');
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
        `| scanned | ${b.scanned} | ${cur.scanned} | ${signed(cur.scanned - b.scanned)} | |\n` +
        `| kept | ${b.kept} | ${cur.kept} | ${signed(cur.kept - b.kept)}${keptNote}${mark(reg.has('kept-drop'))} | ${tolText(t.kept_drop, 'drop')} |\n` +
        `| flagged | ${b.flagged} | ${cur.flagged} | ${signed(cur.flagged - b.flagged)}${mark(reg.has('flagged-rise'))} | ${tolText(t.flagged_rise, 'rise')} |\n` +
        `| flagged rate | ${pct(cmp.flaggedRate.baseline)} | ${pct(cmp.flaggedRate.current)} | ${signed(cmp.flaggedRate.current - cmp.flaggedRate.baseline, 2)} pp${mark(reg.has('flagged-rate-rise'))} | ${tolText(t.flagged_rate_rise, 'rise', ' pp')} |\n\n`);
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
        signed(r.current - r.baseline) + (r.regression ? ' ❌' : ''),
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
    if (cmp.mode === 'changing')
        return; // the classes have their own section
    if (cmp.added.total > 0)
        notes.push(`${plural(cmp.added.total, 'episode')} ${cmp.added.total === 1 ? 'is' : 'are'} new since the baseline (${cmp.added.flagged} of them flagged).`);
    if (cmp.vanished.length > 0) {
        const kept = cmp.vanished.filter((v) => v.before.length === 0).length;
        notes.push(`${plural(cmp.vanished.length, 'episode')} of the baseline ${cmp.vanished.length === 1 ? 'is' : 'are'} not in this dataset (${kept} of them ${kept === 1 ? 'was' : 'were'} kept).`);
    }
    if (notes.length)
        md.add(notes.join(' ') + '\n\n');
    if (cmp.vanished.length > 0) {
        const items = cmp.vanished.map((v) => `${epCell(v.host, v.episode)}: was ${verdictCell(v.before)}`);
        addList(md, items, {
            fold: `${plural(cmp.vanished.length, 'episode')} gone since the baseline`,
            maxRows: 200,
            more: moreNote(inp.reportHint),
        });
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
    const cohort = hostCohortCells(inp.comparison, '') !== null;
    const rows = hosts.map(([h, c]) => [
        esc(h, 80),
        String(c.scanned),
        String(c.kept),
        String(c.flagged),
        ...(hostCohortCells(inp.comparison, h) ?? []),
    ]);
    const head = cohort ? ['new flagged', 'baseline flagged'] : [];
    addTable(md, ['host', 'scanned', 'kept', 'flagged', ...head], ['---', '---:', '---:', '---:', ...head.map(() => '---:')], rows, {
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
    if (r.missing_tarballs.length > 0) {
        const items = r.missing_tarballs.map((m) => `index line ${m.line}: ${epCell(m.host, m.episode)} (${esc(m.path, 300)})${m.pruning ? ': already archived or deleted by the interrupted cis490-prune' : ''}`);
        addList(md, items, { fold: `${r.missing_tarballs.length} index rows not scanned: tarball missing`, maxRows: 100, more });
    }
    if (r.index_problems.length > 0) {
        const items = r.index_problems.map((p) => `index line ${p.line}: ${esc(p.detail, 300)}`);
        addList(md, items, { fold: `${r.index_problems.length} index lines skipped`, maxRows: 100, more });
    }
}
/** Regressions: those the cause explains folded into one item, the rest listed. */
function regressionsSection(md, inp) {
    const cmp = inp.comparison;
    if (!cmp || cmp.regressions.length === 0)
        return;
    const more = moreNote(inp.reportHint);
    md.add(`#### Regressions (${cmp.regressions.length})\n\n`);
    const items = regressionItems(inp, {
        cause: (t) => esc(t, 400),
        regression: regressionItem,
        flipsSection: 'Episodes that changed verdict',
    });
    addList(md, items, { maxRows: 100, more, share: 0.25 });
}
function warningsSection(md, inp) {
    if (inp.warnings.length === 0)
        return;
    md.add(`#### Warnings (${inp.warnings.length})\n\nPast the baseline's warn level, within its tolerance: these do not fail the gate.\n\n`);
    addList(md, inp.warnings.map(regressionItem), { maxRows: 50, more: moreNote(inp.reportHint), share: 0.2 });
}
/** The markdown of a summary model, capped at limitBytes. */
function improvementsSection(md, inp) {
    const cmp = inp.comparison;
    if (!cmp || cmp.improvements.length === 0)
        return;
    md.add(`#### Improvements (${cmp.improvements.length})\n\nThese pass. If they are intended, update the baseline${inp.acceptCommand ? `: <code>${escHtml(inp.acceptCommand, 1000)}</code>` : ' with `episode-gate baseline`'}.\n\n`);
    addList(md, cmp.improvements.map(regressionItem), {
        fold: cmp.improvements.length > 10 ? `${cmp.improvements.length} improvements` : null,
        maxRows: 200,
        more: moreNote(inp.reportHint),
        share: 0.3,
    });
}
/** What changed since the baseline: the settings table, the data and the tool version. */
function causeSection(md, inp) {
    const cause = inp.cause;
    if (!cause)
        return;
    if (!causeChanged(cause))
        return;
    md.add(`#### What changed: ${esc(causeText(cause), 600)}\n\n`);
    if (cause.settings.length > 0) {
        const rows = cause.settings.map((c) => [
            esc(c.key),
            c.before === null ? '' : String(c.before),
            c.after === null ? '' : String(c.after),
        ]);
        addTable(md, ['setting', 'baseline', 'now'], ['---', '---:', '---:'], rows, { maxRows: 50, more: moreNote(inp.reportHint) });
    }
}
/** Which rules judged the run (snapshot, changed dataset, totals only) and why, in one line. */
function modeSection(md, inp) {
    if (inp.comparison)
        modeLine(md, inp.comparison);
}
/** Unchanged, modified, new and gone episodes, and the new cohort, when the dataset changed. */
function sinceBaselineSection(md, inp) {
    changesSection(md, inp.changes, moreNote(inp.reportHint));
}
/** The sections under the lead, most telling first; each is independent of the others. */
const SECTIONS = [
    modeSection,
    regressionsSection,
    warningsSection,
    sinceBaselineSection,
    causeSection,
    casesSection,
    flipsSection,
    countsSection,
    reasonsSection,
    improvementsSection,
    sourcesSection,
    hostsSection,
    provenanceSection,
    flaggedSection,
];
/** The markdown of a summary model, capped at limitBytes. */
function renderSummary(m, limitBytes = DEFAULT_SUMMARY_LIMIT_BYTES) {
    const limit = Math.max(limitBytes, MIN_SUMMARY_LIMIT_BYTES);
    const md = new BudgetedMarkdown(limit, RESERVE);
    md.add(lead(m));
    for (const section of SECTIONS)
        section(md, m);
    if (m.trend)
        md.add(trendMarkdown(m.trend.rows, m.trend));
    if (md.truncated) {
        const where = m.reportHint ? `the JSON report (${esc(m.reportHint, 120)})` : 'the JSON report (`episode-gate scan --report FILE`)';
        md.addReserved(`\n> [!NOTE]\n> This summary was cut to stay under ${limit} bytes; every episode is in ${where}.\n`);
    }
    return md.toString();
}

/**
 * The release manifest of a gate run: the kept episodes (host, episode, path, sha256, size, index
 * line), what the verdicts depended on (dataset fingerprint, settings and their hash, tool
 * version, the baseline's digest) and the gate's verdict and counts, with the flagged episodes in
 * a list of their own. From it come the SHA256SUMS file and the in-toto Statement of the test
 * result. Everything is taken from the report: the digests are the scan's, never hashed again.
 *
 * A failed gate releases nothing: its manifest lists the kept episodes under `withheld`, with an
 * empty `episodes` list, so nothing reading it for an export can take it for a pass.
 */
const MANIFEST_VERSION = 1;
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const TEST_RESULT_PREDICATE_TYPE = 'https://in-toto.io/attestation/test-result/v0.1';
/** Byte order of the UTF-8 text, as `LC_ALL=C sort` orders it. */
function byPath(a, b) {
    return Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8'));
}
/**
 * Test names (the predicate's passedTests / warnedTests / failedTests): each pinned case
 * (`case:NAME`), each regression rule the baseline checks (`rule:kept-drop`, `rule:flagged-rise`,
 * `rule:flagged-rate-rise`, `rule:reason-rise:REASON`; on a changed dataset `rule:gone-kept`,
 * `rule:modified-kept`, `rule:cohort-rate`… as judged), and `rule:no-flagged` under --fail-on
 * flagged. A broken rule is failed, or warned when --fail-on never lets it pass.
 */
function gateTests(d, report) {
    const passed = [];
    const broken = [];
    const c = d.comparison;
    if (c) {
        for (const r of c.cases)
            (r.pass ? passed : broken).push(`case:${r.case.name}`);
        const kinds = new Set(c.regressions.map((r) => r.kind));
        const rules = [
            ['kept-drop', c.tolerance.kept_drop],
            ['flagged-rise', c.tolerance.flagged_rise],
            ['flagged-rate-rise', c.tolerance.flagged_rate_rise],
        ];
        for (const [rule, tol] of rules)
            if (tol !== null)
                (kinds.has(rule) ? broken : passed).push(`rule:${rule}`);
        for (const row of c.reasons)
            if (row.tolerance !== null)
                (row.regression ? broken : passed).push(`rule:reason-rise:${row.reason}`);
        // A changed dataset's rules: episodes gone, lost or rewritten, and the new cohort.
        const changing = c.changes?.checked ?? [];
        for (const rule of changing)
            (kinds.has(rule) ? broken : passed).push(`rule:${rule}`);
        // Any other regression is a broken rule too: a failed gate never lists no failed test.
        const named = new Set([...rules.map(([r]) => r), ...changing, 'reason-rise', 'kept-to-flagged', 'pinned-case', 'pinned-missing']);
        for (const kind of kinds)
            if (!named.has(kind))
                broken.push(`rule:${kind}`);
    }
    if (d.failOn === 'flagged') {
        (report.counts.flagged > 0 ? broken : passed).push('rule:no-flagged');
        // An index row whose episode was not judged (tarball missing, line skipped) cannot be released.
        (report.missing_tarballs.length > 0 || report.index_problems.length > 0 ? broken : passed).push('rule:every-row-judged');
    }
    // Failed on something no rule above names (a release of nothing, drift): the gate itself.
    if (!d.passed && broken.length === 0)
        broken.push('rule:gate');
    const warned = d.passed ? broken : [];
    return { passed, warned, failed: d.passed ? [] : broken };
}
function relPath(episodesDir, e) {
    return `${episodesDir}/${e.host}/${e.episode}.tar.zst`;
}
/** The manifest of a whole report and the gate's decision on it. */
function buildManifest(report, d, now = new Date()) {
    if (report.shard) {
        throw new ConfigError(`a manifest lists a whole dataset, not shard ${report.shard.index}/${report.shard.count}: write it with episode-gate merge --manifest DIR`);
    }
    const episodesDir = path.basename(report.dataset.episodes_root.replace(/[\\/]+$/, '')) || 'episodes';
    const kept = new Map();
    const flagged = [];
    for (const ep of report.episodes) {
        const p = relPath(episodesDir, ep);
        if (ep.verdict === 'flagged') {
            flagged.push(flaggedEntry(ep, p));
            continue;
        }
        if (typeof ep.sha256 !== 'string') {
            throw new ConfigError(`the report has no sha256 for the kept episode ${ep.host}/${ep.episode} (it was written before digests were recorded): scan the dataset again to write a manifest`);
        }
        const entry = { host: ep.host, episode: ep.episode, path: p, sha256: ep.sha256, size: ep.size_bytes, line: ep.line };
        const prev = kept.get(p);
        if (prev && prev.sha256 !== entry.sha256) {
            throw new ConfigError(`${p} is listed on index lines ${prev.line} and ${entry.line} and its two reads gave different sha256: the tarball changed during the scan; scan a snapshot that does not change`);
        }
        if (!prev)
            kept.set(p, entry);
    }
    const keptList = [...kept.values()].sort(byPath);
    const tests = gateTests(d, report);
    const result = !d.passed ? 'FAILED' : tests.warned.length > 0 ? 'WARNED' : 'PASSED';
    return {
        manifest_version: MANIFEST_VERSION,
        tool: report.tool,
        generated_at: now.toISOString(),
        gate: {
            command: d.command,
            result,
            passed: d.passed,
            fail_on: d.failOn,
            fail_reason: d.failReason,
            baseline: d.baselineFile,
            regressions: d.regressions,
            counts: {
                scanned: report.counts.scanned,
                kept: report.counts.kept,
                flagged: report.counts.flagged,
                missing_tarballs: report.missing_tarballs.length,
                index_problems: report.index_problems.length,
            },
            by_reason: report.by_reason,
            tests,
        },
        dataset: {
            fingerprint: report.dataset.fingerprint,
            index: report.dataset.index,
            episodes_root: report.dataset.episodes_root,
            episodes_dir: episodesDir,
            host: report.dataset.host,
            reasons: report.dataset.reasons,
        },
        settings: report.settings,
        settings_hash: report.settings_hash,
        episodes: d.passed ? keptList : [],
        withheld: d.passed ? [] : keptList,
        flagged: flagged.sort(byPath),
    };
}
function flaggedEntry(ep, p) {
    return {
        host: ep.host,
        episode: ep.episode,
        path: p,
        sha256: typeof ep.sha256 === 'string' ? ep.sha256 : null,
        size: ep.size_bytes,
        line: ep.line,
        reasons: ep.reasons,
        unreadable: ep.unreadable,
    };
}
/** `sha256sum -c` format (two spaces: text mode), one line per released tarball, sorted by path. */
function sha256sums(m) {
    return m.episodes.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}
const hexOf = (h) => h.replace(/^sha256:/, '');
/**
 * The in-toto test-result predicate: the result, the configuration the verdicts depended on (the
 * settings by their hash, the baseline by its digest, the dataset by its fingerprint, the tool)
 * and the pinned cases and rules by name.
 */
function testResultPredicate(m, url) {
    const configuration = [
        { name: 'settings', digest: { sha256: hexOf(m.settings_hash) }, annotations: { settings: m.settings } },
    ];
    if (m.gate.baseline)
        configuration.push({ name: m.gate.baseline.name, digest: { sha256: m.gate.baseline.sha256 } });
    configuration.push({
        name: 'dataset',
        digest: { sha256: hexOf(m.dataset.fingerprint) },
        annotations: { index: m.dataset.index, host: m.dataset.host, reasons: m.dataset.reasons },
    });
    configuration.push({
        name: 'episode-gate',
        uri: `pkg:npm/episode-gate@${m.tool.version}`,
        annotations: { command: m.gate.command, failOn: m.gate.fail_on },
    });
    return {
        result: m.gate.result,
        configuration,
        ...(url ? { url } : {}),
        passedTests: m.gate.tests.passed,
        warnedTests: m.gate.tests.warned,
        failedTests: m.gate.tests.failed,
    };
}
/**
 * The in-toto Statement v1 over the tested tarballs (released ones, or withheld ones when the gate
 * failed), named by path as in SHA256SUMS: the statement `actions/attest` makes from
 * `subject-checksums: SHA256SUMS` with this predicate.
 */
function statement(m, url) {
    const subjects = m.gate.passed ? m.episodes : m.withheld;
    return {
        _type: STATEMENT_TYPE,
        subject: subjects.map((e) => ({ name: e.path, digest: { sha256: e.sha256 } })),
        predicateType: TEST_RESULT_PREDICATE_TYPE,
        predicate: testResultPredicate(m, url),
    };
}
/** The run's URL on GitHub, when running there. */
function runUrl(env) {
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return null;
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/**
 * Writing a manifest folder: manifest.json, the in-toto statement and its predicate alone (what
 * `actions/attest` takes as `predicate-path`), and SHA256SUMS, only when the gate passed.
 * Each file is written whole or not at all. SHA256SUMS goes last, and a failed gate removes any
 * earlier one first: a folder holding SHA256SUMS always belongs to a passed gate.
 */
const MANIFEST_FILE = 'manifest.json';
const SUMS_FILE = 'SHA256SUMS';
const STATEMENT_FILE = 'statement.intoto.json';
const PREDICATE_FILE = 'predicate.json';
/** Pretty JSON with one line per listed episode, as the report is written. */
function formatManifest(m) {
    const lists = ['episodes', 'withheld', 'flagged'];
    const head = { ...m };
    for (const k of lists)
        delete head[k];
    const body = (rows) => rows.length === 0 ? '[]' : '[\n' + rows.map((r) => '    ' + JSON.stringify(r)).join(',\n') + '\n  ]';
    const text = JSON.stringify(head, null, 2).slice(0, -2);
    return text + lists.map((k) => `,\n  "${k}": ${body(m[k])}`).join('') + '\n}\n';
}
function writeManifestDir(dir, m, url) {
    try {
        mkdirSync(dir, { recursive: true });
    }
    catch (e) {
        throw new ConfigError(`cannot make the manifest folder ${dir}: ${fsErrorWithFix(e, 'give a writable --manifest folder', 'write')}`);
    }
    const files = {
        dir,
        manifest: path.join(dir, MANIFEST_FILE),
        sums: m.gate.passed ? path.join(dir, SUMS_FILE) : null,
        statement: path.join(dir, STATEMENT_FILE),
        predicate: path.join(dir, PREDICATE_FILE),
    };
    if (!m.gate.passed) {
        try {
            unlinkSync(path.join(dir, SUMS_FILE));
        }
        catch (e) {
            if (e.code !== 'ENOENT') {
                throw new ConfigError(`the gate failed but the earlier ${path.join(dir, SUMS_FILE)} cannot be removed: ${fsErrorWithFix(e, 'remove it by hand, it does not describe this run', 'write')}`);
            }
        }
    }
    const st = statement(m, url);
    writeFileAtomic(files.statement, JSON.stringify(st, null, 2) + '\n', 'in-toto statement');
    writeFileAtomic(files.predicate, JSON.stringify(st.predicate, null, 2) + '\n', 'attestation predicate');
    writeFileAtomic(files.manifest, formatManifest(m), 'manifest');
    if (files.sums)
        writeFileAtomic(files.sums, sha256sums(m), 'SHA256SUMS');
    return files;
}

export { regressionRank as $, parseOverride as A, applyTolerance as B, scanToReport as C, DEFAULT_MAX_ROWS as D, baselineFromReport as E, FAIL_ON_CHOICES as F, writeBaseline as G, MIN_SUMMARY_LIMIT_BYTES as H, gateReport as I, mergeShardReports as J, writeHtmlReport as K, unusedRowsText as L, MANIFEST_FILE as M, writeReport as N, formatReport as O, summaryModel as P, renderSummary as Q, changeText as R, SOURCE_FORMAT as S, TOLERANCE_KEYS as T, notesText as U, failureText as V, hasChange as W, esc as X, heldAlarmsOf as Y, ACTION_BASELINE_AS_REPORT as Z, ACTION_REPORT_AS_BASELINE as _, displayPath as a, plain as a0, runGate as a1, escHtml as a2, readEpisodeDetail as b, DEFAULT_DRIFT_WINDOW as c, downsample as d, DEFAULT_TREND_RUNS as e, formatHistory as f, readReport as g, requireWholeReport as h, runMetaFromEnv as i, compare as j, rowFromReport as k, loadBaseline as l, mergeRows as m, trendText as n, driftAlerts as o, parseHistory as p, MANIFEST_VERSION as q, resolveSettings as r, SUMS_FILE as s, tarballPath as t, buildManifest as u, writeManifestDir as v, writeFileAtomic as w, runUrl as x, toolVersion as y, bundledFixtures as z };
