import { s as splitPyLines, i as isBlankPyLine, p as parseJsonDoc, J as JsonError, N as NotDict, t as truthy, g as isDict, c as classifyTarball } from './classify-file.js';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Walking index.jsonl as the reference does: blank lines, lines that are not JSON and rows
 * without host_id/episode_id are skipped, rows whose tarball is missing are not scanned. Unlike
 * the reference, nothing is skipped silently: every skipped line is reported, and ids that are
 * not a single safe path component are refused instead of being joined into a path.
 */
const ID_FIELDS = new Set(['host_id', 'episode_id']);
/** A host_id / episode_id that can safely be one path component. */
function unsafeIdReason(id) {
    if (id === '.' || id === '..')
        return `"${id}" is a relative path`;
    if (/[/\\]/.test(id))
        return 'contains a path separator';
    if (/[\x00-\x1f\x7f]/.test(id))
        return 'contains a control character';
    return null;
}
function describeId(v) {
    return v === undefined ? 'missing' : (JSON.stringify(typeof v === 'bigint' ? v.toString() : v instanceof Map ? '{...}' : v) ?? String(v));
}
async function walkIndex(indexPath, episodesRoot, host) {
    let text;
    try {
        // A BOM is kept, as Python's read_text() keeps it: the first row then is not JSON.
        text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(indexPath));
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { entries: [], missing: [], problems: [], indexFound: false };
        throw e;
    }
    return walkIndexText(text, episodesRoot, host);
}
function walkIndexText(text, episodesRoot, host) {
    const walk = { entries: [], missing: [], problems: [], indexFound: true };
    for (const { line, lineNo } of splitPyLines(text)) {
        if (isBlankPyLine(line))
            continue;
        let row;
        try {
            row = parseJsonDoc(line, ID_FIELDS);
        }
        catch (e) {
            if (e instanceof JsonError) {
                walk.problems.push({ line: lineNo, kind: 'not-json', detail: `not JSON (${e.message} at column ${e.column})` });
                continue;
            }
            throw e;
        }
        if (row instanceof NotDict) {
            walk.problems.push({ line: lineNo, kind: 'not-an-object', detail: `a JSON ${row.pyType}, not an object` });
            continue;
        }
        const h = row.host_id;
        const ep = row.episode_id;
        if (h === undefined || ep === undefined || !truthy(h) || !truthy(ep)) {
            walk.problems.push({
                line: lineNo,
                kind: 'missing-id',
                detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: both must be non-empty`,
            });
            continue;
        }
        if (typeof h !== 'string' || typeof ep !== 'string' || isDict(h) || isDict(ep)) {
            walk.problems.push({
                line: lineNo,
                kind: 'unsafe-id',
                detail: `host_id ${describeId(h)}, episode_id ${describeId(ep)}: ids must be strings`,
            });
            continue;
        }
        const bad = unsafeIdReason(h) ?? unsafeIdReason(ep);
        if (bad) {
            walk.problems.push({
                line: lineNo,
                kind: 'unsafe-id',
                detail: `host_id ${JSON.stringify(h)}, episode_id ${JSON.stringify(ep)}: ${bad}; refused`,
            });
            continue;
        }
        if (host !== undefined && h !== host)
            continue;
        const tarPath = path.join(episodesRoot, h, `${ep}.tar.zst`);
        let sizeBytes;
        try {
            sizeBytes = statSync(tarPath).size;
        }
        catch {
            walk.missing.push({ line: lineNo, host: h, episode: ep, tarPath });
            continue;
        }
        walk.entries.push({ line: lineNo, host: h, episode: ep, tarPath, sizeBytes });
    }
    return walk;
}

function inProcessRunner(opts) {
    return { run: (p) => classifyTarball(p, opts), close: async () => { } };
}
async function scanDataset(opts, runner) {
    const started = performance.now();
    const walk = await walkIndex(opts.indexPath, opts.episodesRoot, opts.host);
    const entries = opts.filter ? walk.entries.filter(opts.filter) : walk.entries;
    const jobOpts = { settings: opts.settings, limits: opts.limits, ...(opts.zstd ? { zstd: opts.zstd } : {}) };
    const r = runner ?? inProcessRunner(jobOpts);
    const results = new Array(entries.length);
    const totals = { episodes: entries.length, elapsedMs: 0, compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };
    let next = 0;
    let done = 0;
    const width = Math.max(1, Math.min(r.capacity ?? opts.jobs ?? 4, entries.length || 1));
    const lane = async () => {
        for (;;) {
            const i = next++;
            if (i >= entries.length)
                return;
            const e = entries[i];
            const { verdict, stats } = await r.run(e.tarPath);
            results[i] = { line: e.line, host: e.host, episode: e.episode, tarPath: e.tarPath, sizeBytes: e.sizeBytes, verdict };
            totals.compressedBytes += stats.compressedBytes;
            totals.decompressedBytes += stats.decompressedBytes;
            totals.jsonBytes += stats.jsonBytes;
            opts.onProgress?.(++done, entries.length);
        }
    };
    try {
        await Promise.all(Array.from({ length: width }, lane));
    }
    finally {
        if (!runner)
            await r.close();
    }
    totals.elapsedMs = performance.now() - started;
    return { episodes: results, missing: walk.missing, problems: walk.problems, indexFound: walk.indexFound, totals };
}

export { inProcessRunner as i, scanDataset as s, unsafeIdReason as u };
