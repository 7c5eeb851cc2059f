#!/usr/bin/env node
import fs__default, { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { C as ConfigError, u as unsafeIdReason, p as pruneTargetIndex, P as PRUNE_JOURNAL_SUFFIX, s as splitPyLines, i as isBlankPyLine, a as parseJsonDoc, J as JsonError, N as NotDict, t as truthy, b as plural, c as pyJsonString, A as ALL_REASONS, d as capJobs, D as DEFAULT_LIMITS, e as DEFAULT_CLASSIFIER_SETTINGS, F as FileRefusedError, f as isPermissionError, g as fsErrorWithFix, R as REFERENCE_REASONS, r as readRegularFile, w as walkIndexText, h as closest, j as createEpisodeRunner, k as scanDataset } from './chunks/pool.js';
import { createHash, randomUUID } from 'node:crypto';
import { a as atLineStart, i as inLine, p as parseArgs, U as UsageError, b as intOption, u as usageLine, h as helpText, o as options, r as runMain } from './chunks/io.js';
import 'node:url';
import 'node:worker_threads';
import 'node:zlib';
import './chunks/v8-tuning.js';
import 'node:v8';

/**
 * A one-line progress indicator for long scans: episodes done / total, rate and ETA, redrawn in
 * place on a terminal. Silent on anything that is not a terminal (and callers skip it for
 * machine-readable output), silent for scans that finish within the first second.
 */
const QUIET = { update: () => { }, finish: () => { } };
function createProgress(sink, opts = {}) {
    if (!sink.isTTY)
        return QUIET;
    const now = opts.now ?? (() => performance.now());
    const label = opts.label ?? 'scanning';
    const delayMs = opts.delayMs ?? 1000;
    const everyMs = opts.everyMs ?? 200;
    const started = now();
    let last = -Infinity;
    let shown = false;
    return {
        update(done, total) {
            const t = now();
            if (t - started < delayMs || (t - last < everyMs && done < total))
                return;
            last = t;
            shown = true;
            sink.write(`\r\x1b[K${progressLine(label, done, total, (t - started) / 1000)}`);
        },
        finish() {
            if (shown)
                sink.write('\r\x1b[K');
            shown = false;
        },
    };
}
/** "scanning 120/1000 episodes (12%), 85.3 episodes/s, ETA 10 s" */
function progressLine(label, done, total, elapsedS) {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    const rate = elapsedS > 0 ? done / elapsedS : 0;
    const eta = rate > 0 ? (total - done) / rate : NaN;
    return `${label} ${done}/${total} episodes (${pct}%), ${rate.toFixed(1)} episodes/s, ETA ${formatDuration(eta)}`;
}
function formatDuration(s) {
    if (!Number.isFinite(s))
        return '?';
    if (s < 60)
        return `${Math.ceil(s)} s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m} min ${Math.round(s - m * 60)} s`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * Small synchronous file-system helpers for the prune steps: everything that must survive a
 * crash is fsynced (the file, then the directory entry that names it) before the next step.
 * Synchronous on purpose: each step finishes before the next begins, which is what the crash
 * reasoning in apply.ts relies on.
 */
/** A failure the operator must act on: one line naming the thing and the fix. */
class PruneError extends ConfigError {
    constructor(message) {
        super(message);
        this.name = 'PruneError';
    }
}
function errno(e) {
    return e?.code;
}
function lstatOrNull(p) {
    return fs__default.lstatSync(p, { bigint: true, throwIfNoEntry: false }) ?? null;
}
function sameInode(a, b) {
    return a.dev === b.dev && a.ino === b.ino;
}
/** fsync a directory so that the entries created, renamed or removed in it are durable. */
function fsyncDir(dir) {
    const fd = fs__default.openSync(dir, 'r');
    try {
        fs__default.fsyncSync(fd);
    }
    finally {
        fs__default.closeSync(fd);
    }
}
/** `mkdir -p`, fsyncing each parent whose entries changed. */
function mkdirDurable(dir) {
    if (lstatOrNull(dir)?.isDirectory())
        return;
    const parent = path.dirname(dir);
    if (parent !== dir)
        mkdirDurable(parent);
    try {
        fs__default.mkdirSync(dir);
    }
    catch (e) {
        if (errno(e) !== 'EEXIST')
            throw e;
    }
    fsyncDir(parent);
}
/** Unlink a file that may not exist; true when something was removed. */
function unlinkIfPresent(p) {
    try {
        fs__default.unlinkSync(p);
        return true;
    }
    catch (e) {
        if (errno(e) === 'ENOENT')
            return false;
        throw e;
    }
}
/** Every byte of an open file from `from` to its current end. */
function readFrom(fd, from) {
    const chunks = [];
    let pos = from;
    for (;;) {
        const buf = Buffer.allocUnsafe(1 << 20);
        const n = fs__default.readSync(fd, buf, 0, buf.length, pos);
        if (n === 0)
            break;
        chunks.push(buf.subarray(0, n));
        pos += n;
    }
    return Buffer.concat(chunks);
}
/** Write all of `data` at the fd's position (O_APPEND files: at the end). */
function writeAll(fd, data) {
    let off = 0;
    while (off < data.length)
        off += fs__default.writeSync(fd, data, off, data.length - off);
}
/** Byte-for-byte equality of two files. */
function sameContent(a, b) {
    const fa = fs__default.openSync(a, 'r');
    try {
        const fb = fs__default.openSync(b, 'r');
        try {
            if (fs__default.fstatSync(fa).size !== fs__default.fstatSync(fb).size)
                return false;
            const ba = Buffer.allocUnsafe(1 << 20);
            const bb = Buffer.allocUnsafe(1 << 20);
            for (let pos = 0;;) {
                const na = fs__default.readSync(fa, ba, 0, ba.length, pos);
                const nb = fs__default.readSync(fb, bb, 0, bb.length, pos);
                if (na !== nb)
                    return false;
                if (na === 0)
                    return true;
                if (!ba.subarray(0, na).equals(bb.subarray(0, nb)))
                    return false;
                pos += na;
            }
        }
        finally {
            fs__default.closeSync(fb);
        }
    }
    finally {
        fs__default.closeSync(fa);
    }
}
function sha256(data) {
    return createHash('sha256').update(data).digest('hex');
}
/**
 * Give a file we create the owner and mode of the file it replaces. Root can always do this;
 * another user only when it already owns the original, which fchown then accepts as a no-op.
 */
function copyOwnerAndMode(fd, like, what) {
    try {
        fs__default.fchownSync(fd, like.uid, like.gid);
    }
    catch (e) {
        const st = fs__default.fstatSync(fd);
        if (st.uid !== like.uid || st.gid !== like.gid) {
            throw new PruneError(`cannot give ${what} the owner ${like.uid}:${like.gid} of the file it replaces (${errno(e) ?? String(e)}); run cis490-prune as root`);
        }
    }
    fs__default.fchmodSync(fd, like.mode & 0o7777);
}
/** Write a whole file durably and atomically: temp name in the same directory, fsync, rename, fsync dir. */
function writeFileAtomic(file, data, like) {
    const dir = path.dirname(file);
    const tmp = path.join(dir, `.${path.basename(file)}.prune-tmp`);
    unlinkIfPresent(tmp);
    const fd = fs__default.openSync(tmp, fs__default.constants.O_WRONLY | fs__default.constants.O_CREAT | fs__default.constants.O_EXCL, 0o600);
    try {
        writeAll(fd, data);
        if (like)
            copyOwnerAndMode(fd, like, file);
        fs__default.fsyncSync(fd);
    }
    finally {
        fs__default.closeSync(fd);
    }
    fs__default.renameSync(tmp, file);
    fsyncDir(dir);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function step(hooks, name) {
    hooks?.step?.(name);
}

/**
 * What an --archive / --delete run will do, decided before anything is touched: one item per
 * flagged (host_id, episode_id), with the tarball's path and, for --archive, its place in the
 * archive. Ids that are not one safe path component are refused here again (walkIndex already
 * refuses them; the prune code does not trust its caller with paths), and so is a tarball path
 * that is not exactly <episodes-root>/<host_id>/<episode_id>.tar.zst.
 */
/** (host_id, episode_id) as one string that cannot be confused across the two fields. */
function episodeKey(host, episode) {
    return JSON.stringify([host, episode]);
}
/** Why an id must not become a path component, or null when it may. */
function idProblem(id) {
    if (typeof id !== 'string')
        return 'is not a string';
    if (id.length === 0)
        return 'is empty';
    return unsafeIdReason(id);
}
function tarballPath(root, host, episode) {
    return path.join(root, host, `${episode}.tar.zst`);
}
/** An item's paths, built from the roots and its ids; a reason instead when an id is unsafe. */
function checkedItem(action, roots, host, episode) {
    for (const [field, id] of [
        ['host_id', host],
        ['episode_id', episode],
    ]) {
        const bad = idProblem(id);
        if (bad)
            return `${field} ${JSON.stringify(id)} ${bad}: not a single safe path component, so its tarball and row are left alone`;
    }
    return {
        host,
        episode,
        src: tarballPath(path.resolve(roots.episodesRoot), host, episode),
        dest: action === 'archive' ? tarballPath(path.resolve(roots.archiveRoot), host, episode) : null,
    };
}
function archiveHolds(src, dest) {
    const d = lstatOrNull(dest);
    if (!d)
        return 'none';
    const s = lstatOrNull(src);
    if (!s || !d.isFile() || !s.isFile())
        return 'different';
    if (sameInode(s, d))
        return d.nlink >= 2n && !sameEntry(src, dest) ? 'linked' : 'self';
    return sameContent(src, dest) ? 'copy' : 'different';
}
/** Do two paths name the same directory entry once their folders' links are resolved? */
function sameEntry(a, b) {
    return path.basename(a) === path.basename(b) && realPathOf(path.dirname(a)) === realPathOf(path.dirname(b));
}
/** The real path of `p`: its deepest existing ancestor with links resolved, the rest appended. */
function realPathOf(p) {
    const abs = path.resolve(p);
    const rest = [];
    for (let at = abs;; at = path.dirname(at)) {
        try {
            return path.join(fs__default.realpathSync(at), ...rest.reverse());
        }
        catch {
            if (path.dirname(at) === at)
                return abs;
            rest.push(path.basename(at));
        }
    }
}
/** `inner` is `outer` or lies below it (both real paths). */
function isWithin(inner, outer) {
    return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}
/**
 * An archive root that is, contains or lies inside the episodes root (links resolved) would make
 * a tarball its own "copy": throw before anything is touched.
 */
function checkArchiveRoot(roots) {
    const episodes = realPathOf(roots.episodesRoot);
    const archive = realPathOf(roots.archiveRoot);
    const relation = archive === episodes
        ? 'is the episodes root'
        : isWithin(archive, episodes)
            ? 'lies inside'
            : isWithin(episodes, archive)
                ? 'contains'
                : null;
    if (relation === null)
        return;
    const shown = (given, real) => (path.resolve(given) === real ? given : `${given} (really ${real})`);
    const what = relation === 'is the episodes root'
        ? `--archive-root ${shown(roots.archiveRoot, archive)} is the episodes root, --episodes-root ${shown(roots.episodesRoot, episodes)}`
        : `--archive-root ${shown(roots.archiveRoot, archive)} ${relation} --episodes-root ${shown(roots.episodesRoot, episodes)}`;
    throw new PruneError(`${what}: archiving there would remove tarballs without keeping a copy; nothing was touched: choose an --archive-root outside the episodes root`);
}
/**
 * Why an item's files must not be touched: a host folder that is a link leading out of the
 * episodes root (a tarball outside it), or an archive place that leads into the episodes root
 * or out of the archive root. Null when both stay where they belong.
 */
function escapeReason(item, roots) {
    const episodes = realPathOf(roots.episodesRoot);
    const src = realPathOf(item.src);
    if (!isWithin(src, episodes) || src === episodes) {
        return `${item.src} resolves to ${src}, outside --episodes-root ${episodes}; left alone`;
    }
    if (item.dest === null)
        return null;
    const archive = realPathOf(roots.archiveRoot);
    const dest = realPathOf(item.dest);
    if (isWithin(dest, episodes) || !isWithin(dest, archive) || dest === archive) {
        return `its archive place ${item.dest} resolves to ${dest}, ${isWithin(dest, episodes) ? 'inside --episodes-root' : 'outside --archive-root'}; left alone`;
    }
    return null;
}
/** Why an episode flagged without being judged is left where it is, and what to do. */
function unjudgedReason(action, detail) {
    return `${detail}; its content was never judged, so it was not ${action}d: fix that and re-run, or remove it by hand`;
}
function collisionReason(dest) {
    return `the archive already holds a different ${dest}; nothing was overwritten: move that file aside and re-run`;
}
function planPrune(action, flagged, roots) {
    const plan = { action, items: [], refused: [] };
    const seen = new Set();
    for (const f of flagged) {
        const key = episodeKey(f.host, f.episode);
        // The index may list one episode twice; it has one tarball, so it is acted on once.
        if (seen.has(key))
            continue;
        seen.add(key);
        const item = checkedItem(action, roots, f.host, f.episode);
        if (typeof item === 'string') {
            plan.refused.push({ host: f.host, episode: f.episode, reason: item });
            continue;
        }
        if (path.resolve(f.tarPath) !== item.src) {
            plan.refused.push({
                host: f.host,
                episode: f.episode,
                reason: `tarball path ${f.tarPath} is not ${item.src}; left alone`,
            });
            continue;
        }
        const s = lstatOrNull(item.src);
        if (s && !s.isFile()) {
            plan.refused.push({ host: f.host, episode: f.episode, reason: `${item.src} is not a regular file (a symlink?); left alone` });
            continue;
        }
        const escape = escapeReason(item, roots);
        if (escape) {
            plan.refused.push({ host: f.host, episode: f.episode, reason: escape });
            continue;
        }
        if (f.unjudged !== undefined) {
            plan.refused.push({ host: f.host, episode: f.episode, reason: unjudgedReason(action, f.unjudged) });
            continue;
        }
        if (item.dest && archiveHolds(item.src, item.dest) === 'different') {
            plan.refused.push({ host: f.host, episode: f.episode, reason: collisionReason(item.dest) });
            continue;
        }
        plan.items.push(item);
    }
    return plan;
}

/**
 * The files a prune run keeps next to index.jsonl, and the journal that makes a run resumable.
 *
 *   index.jsonl.prune-lock     one prune at a time per index (see lock.ts)
 *   index.jsonl.prune-lock.takeover  held for the instant of taking over a dead owner's lock
 *   index.jsonl.prune-journal  the run's intent: action, roots, the flagged (host, episode)
 *                              keys, what of the index the scan had seen, and once the index swap
 *                              has begun, where it stands. Written atomically (temp + fsync +
 *                              rename + fsync dir) before the step it announces.
 *   index.jsonl.prune-new      the rewritten index, until it is renamed over index.jsonl
 *   index.jsonl.prune-old      a second name for the old index inode during the swap, so that
 *                              rows written to it after the rename survive even a crash
 *
 * The journal holds ids, not paths: paths are rebuilt from the roots with the same safe-id
 * checks, so a journal cannot direct root at a file outside <root>/<host>/<episode>.tar.zst. It
 * must also be owned by the user running prune, and name the roots this run was given.
 */
/** The side files of an index; a symlinked index is followed to the file the receiver writes. */
function prunePaths(indexPath) {
    const index = pruneTargetIndex(indexPath);
    return {
        index,
        dir: path.dirname(index),
        lock: `${index}.prune-lock`,
        takeover: `${index}.prune-lock.takeover`,
        journal: `${index}${PRUNE_JOURNAL_SUFFIX}`,
        newIndex: `${index}.prune-new`,
        oldIndex: `${index}.prune-old`,
    };
}
function writeJournal(paths, j) {
    writeFileAtomic(paths.journal, Buffer.from(JSON.stringify(j, null, 1) + '\n'));
}
function removeJournal(paths) {
    unlinkIfPresent(paths.journal);
}
/** The items of a journal with their paths rebuilt from its roots. */
function journalItems(j) {
    return j.items.map((r) => {
        const item = checkedItem(j.action, j, r.host, r.episode);
        if (typeof item === 'string')
            throw new PruneError(`journal ${j.index}.prune-journal: ${item}`);
        return item;
    });
}
/** The pending journal, or null. Throws PruneError when it is not one this run may finish. */
function readJournal(paths, roots) {
    const st = lstatOrNull(paths.journal);
    if (!st)
        return null;
    const fix = `inspect it and finish or undo that run by hand, then remove ${paths.journal}`;
    if (!st.isFile())
        throw new PruneError(`${paths.journal} is not a regular file; ${fix}`);
    const euid = process.geteuid?.();
    if (euid !== undefined && Number(st.uid) !== euid) {
        throw new PruneError(`${paths.journal} is owned by uid ${st.uid}, not by this user (uid ${euid}); ${fix}`);
    }
    let j;
    try {
        j = JSON.parse(fs__default.readFileSync(paths.journal, 'utf8'));
    }
    catch (e) {
        throw new PruneError(`cannot read ${paths.journal} (${e.message}); ${fix}`);
    }
    const shapeOk = j &&
        j.format === 'cis490-prune-journal' &&
        j.version === 1 &&
        (j.action === 'archive' || j.action === 'delete') &&
        typeof j.episodesRoot === 'string' &&
        typeof j.archiveRoot === 'string' &&
        Number.isSafeInteger(j.seen?.bytes) &&
        typeof j.seen?.sha256 === 'string' &&
        Array.isArray(j.items);
    if (!shapeOk)
        throw new PruneError(`${paths.journal} is not a cis490-prune journal this version understands; ${fix}`);
    if (path.resolve(j.episodesRoot) !== path.resolve(roots.episodesRoot) ||
        (j.action === 'archive' && path.resolve(j.archiveRoot) !== path.resolve(roots.archiveRoot))) {
        throw new PruneError(`${paths.journal} records an interrupted --${j.action} with --episodes-root ${j.episodesRoot} --archive-root ${j.archiveRoot}; re-run with those roots to finish it`);
    }
    journalItems(j); // validates every id
    return j;
}

/**
 * Which processes hold a given file open for writing, read from Linux's /proc: for every
 * /proc/<pid>/fd/<n> that is the file (same device and inode), /proc/<pid>/fdinfo/<n> gives the
 * open flags; O_WRONLY or O_RDWR means a writer. Processes we may not inspect (another user's,
 * when not root) make the answer uncertain rather than wrong.
 */
function writersOf(file, procRoot = '/proc') {
    let pids;
    try {
        pids = fs__default.readdirSync(procRoot).filter((n) => /^\d+$/.test(n));
    }
    catch {
        return { pids: [], uncertain: true };
    }
    const found = [];
    let uncertain = false;
    for (const pid of pids) {
        let fds;
        try {
            fds = fs__default.readdirSync(`${procRoot}/${pid}/fd`);
        }
        catch (e) {
            // The process ended meanwhile (ENOENT) or is not ours to inspect (EACCES).
            if (e.code !== 'ENOENT')
                uncertain = true;
            continue;
        }
        for (const fd of fds) {
            let st;
            try {
                st = fs__default.statSync(`${procRoot}/${pid}/fd/${fd}`, { bigint: true, throwIfNoEntry: false });
            }
            catch {
                continue; // closed meanwhile, or a descriptor stat cannot follow
            }
            if (!st || st.dev !== file.dev || st.ino !== file.ino)
                continue;
            if (openedForWriting(`${procRoot}/${pid}/fdinfo/${fd}`)) {
                found.push(Number(pid));
                break;
            }
        }
    }
    return { pids: found, uncertain };
}
function openedForWriting(fdinfo) {
    let text;
    try {
        text = fs__default.readFileSync(fdinfo, 'utf8');
    }
    catch {
        return false; // closed meanwhile
    }
    const m = /^flags:\s*([0-7]+)/m.exec(text);
    if (!m)
        return true; // cannot tell: assume the worst
    return (parseInt(m[1], 8) & 0o3) !== 0;
}

/**
 * Dropping the acted-on episodes' rows from index.jsonl while the receiver keeps appending to
 * it. The receiver opens index.jsonl by name in append mode for every row and knows nothing of
 * prune, so the protocol must be safe against any interleaving of its opens and writes:
 *
 * 1. Open the old index (fd O) and read it. Only complete lines within the prefix the scan had
 *    seen (journal.seen) can be dropped, and only when every row on the line belongs to an
 *    acted-on (host_id, episode_id); all other bytes are copied as they are, in order. A final
 *    line without its newline is copied later (step 5): a receiver may still be writing it.
 * 2. Write the kept lines to index.jsonl.prune-new with the old file's owner and mode, fsync.
 * 3. Link index.jsonl.prune-old to the old inode (fsync the dir), so that it stays reachable by
 *    name: if prune dies from here on, rows appended to it are still on disk for the re-run.
 * 4. Read what O gained meanwhile and append its complete lines to prune-new (fsync); record in
 *    the journal how many bytes of O the new file holds (B), then rename prune-new over
 *    index.jsonl and fsync the dir. A receiver open() that happens after the rename gets the new
 *    file; one that happened before it still has the old inode and writes there.
 * 5. Wait until no process holds the old inode open for writing (Linux /proc, see writers.ts),
 *    plus a settle time for an open() that had resolved the old name but had not yet installed
 *    its descriptor, then append O's bytes past B to the new index with one O_APPEND write,
 *    fsync. Repeat until O stops growing. Those rows land after rows the receiver appended to
 *    the new file meanwhile: order among rows written during the swap is not preserved, the rows
 *    themselves are.
 * 6. Unlink index.jsonl.prune-old (the journal is removed after it: see apply.ts).
 *
 * A crash before the rename leaves the old index in place (the re-run discards prune-new and
 * starts over); after it, the journal says how much of prune-old is already in the new index,
 * and the re-run copies the rest, skipping rows a killed copy had already appended.
 */
const NL = 0x0a;
const ID_FIELDS = new Set(['host_id', 'episode_id']);
/**
 * The (host_id, episode_id) keys of the rows on one physical line (split the way the scan
 * splits index.jsonl), or null when some piece of it is not such a row: that line is never
 * dropped.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // as walkIndex decodes the index
function lineKeys(line) {
    const text = decoder.decode(line);
    const keys = [];
    for (const { line: piece } of splitPyLines(text)) {
        if (isBlankPyLine(piece))
            continue;
        let row;
        try {
            row = parseJsonDoc(piece, ID_FIELDS);
        }
        catch (e) {
            if (e instanceof JsonError)
                return null;
            throw e;
        }
        if (row instanceof NotDict)
            return null;
        const h = row.host_id;
        const ep = row.episode_id;
        if (typeof h !== 'string' || typeof ep !== 'string' || !truthy(h) || !truthy(ep))
            return null;
        keys.push(episodeKey(h, ep));
    }
    return keys.length > 0 ? keys : null;
}
/** [start, end) of each line, the newline included; the last may lack one. */
function lineSpans(buf, from = 0, to = buf.length) {
    const spans = [];
    let start = from;
    while (start < to) {
        const nl = buf.indexOf(NL, start);
        const end = nl === -1 || nl >= to ? to : nl + 1;
        spans.push([start, end]);
        start = end;
    }
    return spans;
}
/** Bytes of `buf` up to and including its last newline. */
function completeLines(buf) {
    return buf.subarray(0, buf.lastIndexOf(NL) + 1);
}
/** Steps 1-4: returns once index.jsonl is the new file. */
function swapIndex(input) {
    const { paths, journal, hooks } = input;
    clearStaleSwapFiles(paths);
    const oldFd = fs__default.openSync(paths.index, 'r');
    try {
        const st = fs__default.fstatSync(oldFd, { bigint: true });
        const buf = readFrom(oldFd, 0);
        let limit = journal.seen.bytes;
        if (buf.length < limit || sha256(buf.subarray(0, limit)) !== journal.seen.sha256) {
            // Not an append-only change: something rewrote the index after the scan. The tarballs are
            // gone already, so rows naming them point nowhere; drop them wherever they are now.
            input.log(`${paths.index} was rewritten by something else since the scan; dropping the acted-on rows wherever they are now`);
            limit = buf.length;
        }
        let copied = buf.lastIndexOf(NL) + 1;
        // A last line without newline that the scan saw whole, and that nothing followed since.
        if (copied < buf.length && buf.length <= limit)
            copied = buf.length;
        const kept = [];
        const dropped = new Map();
        let rowsDropped = 0;
        for (const [s, e] of lineSpans(buf, 0, copied)) {
            const line = buf.subarray(s, e);
            const keys = e <= limit ? lineKeys(line) : null;
            if (keys && keys.every((k) => input.dropKeys.has(k))) {
                rowsDropped += keys.length;
                for (const k of new Set(keys))
                    dropped.set(k, [...(dropped.get(k) ?? []), line]);
            }
            else {
                kept.push(line);
            }
        }
        // Step 2.
        unlinkIfPresent(paths.newIndex);
        const like = { uid: Number(st.uid), gid: Number(st.gid), mode: Number(st.mode) };
        const newFd = fs__default.openSync(paths.newIndex, fs__default.constants.O_WRONLY | fs__default.constants.O_CREAT | fs__default.constants.O_EXCL, 0o600);
        let prefixBytes = 0;
        try {
            for (const k of kept)
                writeAll(newFd, k);
            prefixBytes = kept.reduce((n, k) => n + k.length, 0);
            copyOwnerAndMode(newFd, like, paths.index);
            fs__default.fsyncSync(newFd);
            step(hooks, 'new index written');
            if (input.archiveRoot !== null)
                saveDroppedRows(input.archiveRoot, dropped, like, input.log);
            step(hooks, 'dropped rows saved');
            // Step 3.
            fs__default.linkSync(paths.index, paths.oldIndex);
            const linked = lstatOrNull(paths.oldIndex);
            if (!linked || !sameInode(linked, st)) {
                unlinkIfPresent(paths.oldIndex);
                unlinkIfPresent(paths.newIndex);
                throw new PruneError(`${paths.index} was replaced while prune was rewriting it; nothing was lost: re-run cis490-prune --${journal.action}`);
            }
            fsyncDir(paths.dir);
            step(hooks, 'old index linked');
            // Step 4: catch up with rows appended since step 1 (fewer rows to copy after the rename).
            const more = completeLines(readFrom(oldFd, copied));
            if (more.length > 0) {
                writeAll(newFd, more);
                prefixBytes += more.length;
                copied += more.length;
                fs__default.fsyncSync(newFd);
            }
        }
        finally {
            fs__default.closeSync(newFd);
        }
        const newSt = fs__default.lstatSync(paths.newIndex, { bigint: true });
        const swap = {
            prefixBytes,
            newIno: newSt.ino.toString(),
            oldIno: st.ino.toString(),
            oldCopiedUpTo: copied,
            acted: input.acted,
            refused: input.refused,
            rowsDropped,
        };
        writeJournal(paths, { ...journal, swap });
        step(hooks, 'journal: swap');
        fs__default.renameSync(paths.newIndex, paths.index);
        step(hooks, 'index renamed');
        fsyncDir(paths.dir);
        step(hooks, 'index dir synced');
        return { swap, oldFd };
    }
    catch (e) {
        fs__default.closeSync(oldFd);
        throw e;
    }
}
/** Leftovers of a swap that never reached its rename. */
function clearStaleSwapFiles(paths) {
    unlinkIfPresent(paths.newIndex);
    const old = lstatOrNull(paths.oldIndex);
    if (!old)
        return;
    const idx = lstatOrNull(paths.index);
    if (!idx || !sameInode(old, idx)) {
        throw new PruneError(`${paths.oldIndex} is not the current index and may hold rows that are not in ${paths.index}: append the missing ones to it, then remove ${paths.oldIndex}`);
    }
    unlinkIfPresent(paths.oldIndex);
}
/** Whether the rename of a recorded swap happened (judged from the inodes on disk). */
function swapWasRenamed(paths) {
    const old = lstatOrNull(paths.oldIndex);
    if (!old)
        return true; // step 6 had already run
    const idx = lstatOrNull(paths.index);
    return !(idx && sameInode(idx, old));
}
/**
 * Save dropped rows beside their archived tarball as <episode_id>.index.jsonl, so a restore can
 * append them back. Rows already there (from an interrupted earlier attempt) are not repeated.
 */
function saveDroppedRows(archiveRoot, dropped, like, log) {
    for (const [key, lines] of dropped) {
        const [host, episode] = JSON.parse(key);
        const file = path.join(archiveRoot, host, `${episode}.index.jsonl`);
        try {
            const have = lstatOrNull(file) ? fs__default.readFileSync(file) : Buffer.alloc(0);
            const present = new Set(lineSpans(have).map(([s, e]) => have.subarray(s, e).toString('latin1')));
            const add = lines
                .map((l) => (l[l.length - 1] === NL ? l : Buffer.concat([l, Buffer.from('\n')])))
                .filter((l) => !present.has(l.toString('latin1')));
            if (add.length === 0)
                continue;
            const head = have.length > 0 && have[have.length - 1] !== NL ? Buffer.concat([have, Buffer.from('\n')]) : have;
            writeFileAtomic(file, Buffer.concat([head, ...add]), like);
        }
        catch (e) {
            if (e instanceof PruneError)
                throw e;
            log(`could not save the index rows of ${host}/${episode} to ${file} (${errno(e) ?? e.message}); they are dropped from the index all the same`);
        }
    }
}
const DEFAULT_STRAGGLER_TIMING = { timeoutMs: 30_000, settleMs: 50, pollMs: 10, quietMs: 2_000 };
/**
 * Step 5 (and, on a re-run, its resumption): copy into the new index whatever the old inode
 * gained past swap.oldCopiedUpTo. `dedupe` (re-runs only) skips rows that the new index already
 * holds past its prefix, which a killed earlier copy may have appended.
 */
async function copyStragglers(paths, journal, oldFd, opts) {
    let fd = oldFd;
    if (fd === null) {
        try {
            fd = fs__default.openSync(paths.oldIndex, 'r');
        }
        catch (e) {
            if (errno(e) === 'ENOENT')
                return { done: true, writers: [] };
            throw e;
        }
    }
    const swap = journal.swap;
    try {
        const st = fs__default.fstatSync(fd, { bigint: true });
        const id = { dev: st.dev, ino: st.ino };
        const { timing } = opts;
        const deadline = Date.now() + timing.timeoutMs;
        let dedupe = opts.dedupe;
        for (;;) {
            const waited = await waitForNoWriters(fd, id, deadline, timing);
            const gained = readFrom(fd, swap.oldCopiedUpTo);
            const chunk = waited.quiet ? gained : completeLines(gained);
            if (chunk.length > 0) {
                appendToIndex(paths, dedupe ? missingLines(chunk, currentRows(paths, swap)) : chunk, st);
                step(opts.hooks, 'stragglers copied');
                swap.oldCopiedUpTo += chunk.length;
                dedupe = false;
            }
            if (!waited.quiet) {
                writeJournal(paths, journal);
                return { done: false, writers: waited.writers };
            }
            // Settled and copied: anything that still arrives means a writer we could not see.
            await sleep(timing.settleMs);
            if (fs__default.fstatSync(fd).size <= swap.oldCopiedUpTo)
                return { done: true, writers: [] };
        }
    }
    finally {
        fs__default.closeSync(fd);
    }
}
async function waitForNoWriters(fd, id, deadline, timing) {
    let lastSize = fs__default.fstatSync(fd).size;
    let quietSince = Date.now();
    for (;;) {
        const scan = writersOf(id);
        const size = fs__default.fstatSync(fd).size;
        if (size !== lastSize) {
            lastSize = size;
            quietSince = Date.now();
        }
        if (scan.pids.length === 0) {
            if (!scan.uncertain) {
                await sleep(timing.settleMs);
                const again = writersOf(id);
                if (again.pids.length === 0 && fs__default.fstatSync(fd).size === size)
                    return { quiet: true, writers: [] };
            }
            else if (Date.now() - quietSince >= timing.quietMs) {
                return { quiet: true, writers: [] };
            }
        }
        if (Date.now() >= deadline)
            return { quiet: false, writers: scan.pids };
        await sleep(timing.pollMs);
    }
}
/** The rows of the current index that a killed copy may have appended (past the prefix when it is our file). */
function currentRows(paths, swap) {
    const fd = fs__default.openSync(paths.index, 'r');
    try {
        const ours = fs__default.fstatSync(fd, { bigint: true }).ino.toString() === swap.newIno;
        return readFrom(fd, ours ? swap.prefixBytes : 0);
    }
    finally {
        fs__default.closeSync(fd);
    }
}
/** The lines of `chunk` that `have` does not already hold (as a multiset), in order. */
function missingLines(chunk, have) {
    const count = new Map();
    for (const [s, e] of lineSpans(have)) {
        const k = have.subarray(s, e).toString('latin1');
        count.set(k, (count.get(k) ?? 0) + 1);
    }
    const out = [];
    for (const [s, e] of lineSpans(chunk)) {
        const line = chunk.subarray(s, e);
        const k = line.toString('latin1');
        const n = count.get(k) ?? 0;
        if (n > 0)
            count.set(k, n - 1);
        else
            out.push(line);
    }
    return Buffer.concat(out);
}
function appendToIndex(paths, data, like) {
    if (data.length === 0)
        return;
    const fd = fs__default.openSync(paths.index, 'a');
    try {
        // Should the index have vanished meanwhile, the file we create must still be the service's.
        if (fs__default.fstatSync(fd).size === 0)
            copyOwnerAndMode(fd, { uid: Number(like.uid), gid: Number(like.gid), mode: Number(like.mode) }, paths.index);
        writeAll(fd, data);
        fs__default.fsyncSync(fd);
    }
    finally {
        fs__default.closeSync(fd);
    }
}
/** Step 6. */
function unlinkOldIndex(paths, hooks) {
    unlinkIfPresent(paths.oldIndex);
    fsyncDir(paths.dir);
    step(hooks, 'old index unlinked');
}

/**
 * The per-index prune lock. It keeps two prune runs apart; it is not what protects the
 * receiver's appends (the receiver knows nothing of it): index-rewrite.ts does that.
 *
 * Taking it: link() a file holding "<pid>\n<random token>\n" to index.jsonl.prune-lock; link()
 * creates the lock complete with its content, or fails if it exists. A lock whose pid names no
 * running process is stale and is taken over, but only by the holder of a second, short-lived
 * lock (index.jsonl.prune-lock.takeover, taken the same way): under it, the stale lock is read
 * again and removed only if it is still the very file (inode and content) judged stale. Without
 * that, two prunes that both saw the stale lock could each remove it, the second removing the
 * fresh lock the first had just taken, and both would rewrite the index at once. After taking
 * the lock, its content is read back to check that it is ours.
 *
 * A prune killed in the instant it holds the takeover lock leaves it behind; the next prune then
 * stops with a one-line fix rather than guess whether a takeover is under way.
 */
/** Locks this process holds, so that taking one twice is an error rather than a takeover. */
const heldHere = new Set();
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return errno(e) === 'EPERM';
    }
}
/** The lock file as it is now, or null when there is none. */
function readLockFile(file) {
    let fd;
    try {
        fd = fs__default.openSync(file, fs__default.constants.O_RDONLY | fs__default.constants.O_NOFOLLOW | fs__default.constants.O_NONBLOCK);
    }
    catch (e) {
        if (errno(e) === 'ENOENT')
            return null;
        throw e;
    }
    try {
        const st = fs__default.fstatSync(fd, { bigint: true });
        if (!st.isFile() || st.size > 4096n)
            throw new PruneError(`${file} is not a cis490-prune lock file; remove it if no cis490-prune is running`);
        const content = fs__default.readFileSync(fd, 'utf8');
        return { ino: st.ino, content, pid: parseInt(content, 10) };
    }
    finally {
        fs__default.closeSync(fd);
    }
}
/** Exclusive creation of `target` as a second name of `mine`; false when it exists. */
function linkExclusive(mine, target) {
    try {
        fs__default.linkSync(mine, target);
        return true;
    }
    catch (e) {
        if (errno(e) === 'EEXIST')
            return false;
        throw e;
    }
}
const pause = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms) {
    Atomics.wait(pause, 0, 0, ms);
}
/** A lock naming this process's pid is not held here (heldHere): an earlier process had that pid. */
function isLive(f) {
    return Number.isSafeInteger(f.pid) && f.pid > 0 && f.pid !== process.pid && pidAlive(f.pid);
}
function acquirePruneLock(paths, hooks) {
    if (heldHere.has(paths.lock))
        throw new PruneError(`${paths.lock} is already held by this process`);
    const token = `${process.pid}\n${randomUUID()}\n`;
    const mine = `${paths.lock}.${process.pid}`;
    unlinkIfPresent(mine);
    fs__default.writeFileSync(mine, token, { mode: 0o600, flag: 'wx' });
    try {
        // Each pass either takes the lock, stops, or sees it change hands; waiting on another
        // process's takeover is bounded (about 3 s in all).
        for (let attempt = 0; attempt < 300; attempt++) {
            if (linkExclusive(mine, paths.lock)) {
                if (readLockFile(paths.lock)?.content !== token) {
                    throw new PruneError(`${paths.lock} changed hands while it was being taken; re-run cis490-prune`);
                }
                heldHere.add(paths.lock);
                return { path: paths.lock, release: () => release(paths, token) };
            }
            const held = readLockFile(paths.lock);
            if (held === null)
                continue;
            if (isLive(held)) {
                throw new PruneError(`another cis490-prune (pid ${held.pid}) is working on ${paths.index}; wait for it to finish, or remove ${paths.lock} if no such process is running`);
            }
            step(hooks, 'lock: holder gone');
            if (!linkExclusive(mine, paths.takeover)) {
                const other = readLockFile(paths.takeover);
                if (other !== null && !isLive(other)) {
                    throw new PruneError(`${paths.takeover} was left by a cis490-prune that died while taking over a stale lock; remove it (and ${paths.lock}) if no cis490-prune is running`);
                }
                sleepSync(10); // another prune is taking the stale lock over: look again after it
                continue;
            }
            try {
                step(hooks, 'lock: takeover held');
                const again = readLockFile(paths.lock);
                // Only the takeover holder removes a lock, and a dead owner cannot: unchanged since this read.
                if (again !== null && again.ino === held.ino && again.content === held.content)
                    unlinkIfPresent(paths.lock);
            }
            finally {
                if (readLockFile(paths.takeover)?.content === token)
                    unlinkIfPresent(paths.takeover);
            }
        }
        throw new PruneError(`could not take the prune lock ${paths.lock}; remove it if no cis490-prune is running`);
    }
    finally {
        unlinkIfPresent(mine);
    }
}
function release(paths, token) {
    if (!heldHere.delete(paths.lock))
        return;
    // Never remove a lock that is not ours (one taken over by someone who judged us dead).
    if (readLockFile(paths.lock)?.content === token)
        unlinkIfPresent(paths.lock);
}

/**
 * Moving one flagged tarball into the archive, or deleting it. Every function here is
 * idempotent: run again after a crash at any point, it finishes the job or reports the same
 * refusal, and at no point is the tarball's only copy removed.
 *
 * Archive, same file system: link(src, dest), fsync the archive dir, unlink(src), fsync the
 * episodes dir. link() never replaces an existing dest (EEXIST), so there is no overwrite
 * window, and between the two steps both names hold the same inode.
 * Archive, across file systems (link fails with EXDEV): copy into a hidden partial file beside
 * dest (O_EXCL, O_NOFOLLOW on the source), give it the source's owner, mode and times, fsync,
 * publish it with link(partial, dest) (again never replacing), fsync the dir, then unlink src.
 * A dest that already exists is accepted only if it is another name of the same inode (a
 * previous run's link) or a different file byte-for-byte equal to the source; never when it is
 * the source itself reached through links. Otherwise the episode is refused and both files stay.
 */
function applyItem(item, roots, hooks) {
    // Checked again here, not only in the plan: a journal replay acts on paths decided earlier.
    const escape = escapeReason(item, roots);
    if (escape)
        return { kind: 'refused', reason: escape };
    return item.dest === null ? deleteTarball(item, hooks) : archiveTarball(item, item.dest, hooks);
}
function deleteTarball(item, hooks) {
    const s = lstatOrNull(item.src);
    if (!s)
        return { kind: 'done', note: 'already gone' };
    if (!s.isFile())
        return { kind: 'refused', reason: `${item.src} is not a regular file (a symlink?); left alone` };
    unlinkIfPresent(item.src);
    step(hooks, `unlinked ${item.host}/${item.episode}`);
    fsyncDir(path.dirname(item.src));
    return { kind: 'done' };
}
function archiveTarball(item, dest, hooks) {
    const where = `${item.host}/${item.episode}`;
    for (let attempt = 0;; attempt++) {
        const s = lstatOrNull(item.src);
        if (!s) {
            if (lstatOrNull(dest))
                return { kind: 'done', note: 'already in the archive' };
            return { kind: 'vanished', reason: `${item.src} is gone and ${dest} does not exist; its index row is kept` };
        }
        if (!s.isFile())
            return { kind: 'refused', reason: `${item.src} is not a regular file (a symlink?); left alone` };
        mkdirDurable(path.dirname(dest));
        const held = archiveHolds(item.src, dest);
        if (held === 'different')
            return { kind: 'refused', reason: collisionReason(dest) };
        if (held === 'self' || sameEntry(item.src, dest)) {
            return { kind: 'refused', reason: `${dest} is ${item.src} itself (reached through a link), not a copy of it; left alone` };
        }
        if (held === 'none') {
            const published = publish(item.src, dest, s, hooks, where);
            if (published === 'changed') {
                return { kind: 'refused', reason: `${item.src} was replaced while it was being archived; left alone` };
            }
            // Someone else created dest between our check and our link: look again.
            if (published === 'exists' && attempt < 2)
                continue;
            if (published === 'exists')
                return { kind: 'refused', reason: collisionReason(dest) };
            step(hooks, `published ${where}`);
            fsyncDir(path.dirname(dest));
        }
        // Only the very file that is now in the archive may be removed from the episodes dir.
        const now = lstatOrNull(item.src);
        const d = lstatOrNull(dest);
        if (now && d && !sameInode(now, s)) {
            return { kind: 'refused', reason: `${item.src} was replaced while it was being archived; both files are kept` };
        }
        unlinkIfPresent(item.src);
        step(hooks, `unlinked ${where}`);
        fsyncDir(path.dirname(item.src));
        if (held === 'copy')
            return { kind: 'done', note: 'an identical copy (a different file) was already in the archive' };
        if (held === 'linked')
            return { kind: 'done', note: 'already linked into the archive by an interrupted run' };
        return { kind: 'done' };
    }
}
/** Make dest name the content of src without ever replacing an existing dest. */
function publish(src, dest, s, hooks, where) {
    try {
        fs__default.linkSync(src, dest);
        return 'published';
    }
    catch (e) {
        if (errno(e) === 'EEXIST')
            return 'exists';
        if (errno(e) !== 'EXDEV')
            throw e;
    }
    const partial = path.join(path.dirname(dest), `.${path.basename(dest)}.prune-partial`);
    unlinkIfPresent(partial);
    const input = fs__default.openSync(src, fs__default.constants.O_RDONLY | fs__default.constants.O_NOFOLLOW);
    try {
        const st = fs__default.fstatSync(input, { bigint: true });
        if (!sameInode(st, s))
            return 'changed';
        const out = fs__default.openSync(partial, fs__default.constants.O_WRONLY | fs__default.constants.O_CREAT | fs__default.constants.O_EXCL, 0o600);
        try {
            const buf = Buffer.allocUnsafe(1 << 20);
            for (let pos = 0;;) {
                const n = fs__default.readSync(input, buf, 0, buf.length, pos);
                if (n === 0)
                    break;
                writeAll(out, buf.subarray(0, n));
                pos += n;
            }
            fs__default.fchownSync(out, Number(st.uid), Number(st.gid));
            fs__default.fchmodSync(out, Number(st.mode) & 0o7777);
            fs__default.futimesSync(out, Number(st.atimeNs) / 1e9, Number(st.mtimeNs) / 1e9);
            fs__default.fsyncSync(out);
        }
        finally {
            fs__default.closeSync(out);
        }
    }
    finally {
        fs__default.closeSync(input);
    }
    step(hooks, `copied ${where}`);
    try {
        fs__default.linkSync(partial, dest);
    }
    catch (e) {
        unlinkIfPresent(partial);
        if (errno(e) === 'EEXIST')
            return 'exists';
        throw e;
    }
    unlinkIfPresent(partial);
    return 'published';
}

/**
 * `cis490-prune --archive / --delete`: act on the flagged episodes without ever losing data.
 *
 * Order of a run, each step durable before the next:
 *   1. Lock (one prune per index). Finish any journal an interrupted run left behind.
 *   2. Plan: refuse unsafe ids, odd paths and archive collisions; tell the operator what
 *      will happen.
 *   3. Journal the intent (action, roots, keys, the index prefix the scan saw).
 *   4. Archive or delete each tarball (move.ts). Rows still name them: a crash here loses
 *      no row of a kept episode, and the journal lets the re-run finish.
 *   5. Swap in the rewritten index without the acted-on rows and copy rows the receiver
 *      appended meanwhile (index-rewrite.ts). Rows go only after their tarballs went.
 *   6. Remove index.jsonl.prune-old, then the journal, then the lock.
 * A re-run after a crash anywhere repeats the idempotent steps from the journal and ends in
 * the state a clean run would have reached.
 */
function context(opts) {
    return {
        paths: prunePaths(opts.indexPath),
        hooks: opts.hooks,
        log: opts.log ?? (() => { }),
        timing: { ...DEFAULT_STRAGGLER_TIMING, ...opts.timing },
    };
}
async function withLock(ctx, given, fn) {
    const own = given ? null : acquirePruneLock(ctx.paths, ctx.hooks);
    try {
        return await fn();
    }
    finally {
        own?.release();
    }
}
function acquireLockFor(indexPath, hooks) {
    return acquirePruneLock(prunePaths(indexPath), hooks);
}
/** A one-line note when an interrupted run awaits its finish (for dry runs, which touch nothing). */
function pendingPruneNote(indexPath) {
    const paths = prunePaths(indexPath);
    if (!fs__default.existsSync(paths.journal))
        return null;
    return `an interrupted prune run is recorded in ${paths.journal}; re-run with --archive or --delete to finish it (a dry run changes nothing)`;
}
/** Finish the run an earlier, interrupted prune recorded in its journal; null when there is none. */
async function resumePendingPrune(opts) {
    const ctx = context(opts);
    return withLock(ctx, opts.lock, () => resume(ctx, opts));
}
async function resume(ctx, roots) {
    const journal = readJournal(ctx.paths, roots);
    if (!journal)
        return null;
    if (journal.action === 'archive')
        checkArchiveRoot(journal);
    ctx.log(`finishing an interrupted --${journal.action} of ${plural(journal.items.length, 'episode')} recorded in ${ctx.paths.journal}`);
    return runJournal(ctx, journal);
}
async function applyPrune(opts) {
    const ctx = context(opts);
    const { paths, log } = ctx;
    if (opts.action === 'archive')
        checkArchiveRoot(opts);
    return withLock(ctx, opts.lock, async () => {
        const resumed = await resume(ctx, opts);
        const nothing = { action: opts.action, acted: [], refused: [], rowsDropped: 0, pending: false };
        if (resumed?.pending) {
            log(`not starting a new --${opts.action} until the interrupted run is finished`);
            return { resumed, report: { ...nothing, pending: true } };
        }
        const plan = planPrune(opts.action, opts.flagged, opts);
        for (const r of plan.refused)
            log(`refused ${r.host}/${r.episode}: ${r.reason}`);
        if (plan.items.length === 0)
            return { resumed, report: { ...nothing, refused: plan.refused } };
        log(opts.action === 'archive'
            ? `archiving ${plural(plan.items.length, 'episode')} into ${path.resolve(opts.archiveRoot)}/<host>/, then dropping their rows from ${paths.index}:`
            : `deleting ${plural(plan.items.length, 'episode')} from ${path.resolve(opts.episodesRoot)}/<host>/, then dropping their rows from ${paths.index}:`);
        for (const it of plan.items)
            log(`  ${it.host}/${it.episode}`);
        // A stray index.jsonl.prune-old could hold rows: stop before anything moves, not after.
        clearStaleSwapFiles(paths);
        const journal = {
            format: 'cis490-prune-journal',
            version: 1,
            action: opts.action,
            index: paths.index,
            episodesRoot: path.resolve(opts.episodesRoot),
            archiveRoot: path.resolve(opts.archiveRoot),
            seen: seenPrefix(paths, opts.indexBytesSeen),
            items: plan.items.map(({ host, episode }) => ({ host, episode })),
        };
        writeJournal(paths, journal);
        step(ctx.hooks, 'journal written');
        const report = await runJournal(ctx, journal);
        return { resumed, report: { ...report, refused: [...plan.refused, ...report.refused] } };
    });
}
/** What the scan read of the index: its length and a digest, to recognise it at rewrite time. */
function seenPrefix(paths, bytesSeen) {
    let buf;
    try {
        buf = fs__default.readFileSync(paths.index);
    }
    catch (e) {
        if (errno(e) === 'ENOENT')
            throw new PruneError(`${paths.index} disappeared after the scan; nothing was changed`);
        throw e;
    }
    const bytes = bytesSeen ?? buf.length;
    if (buf.length < bytes) {
        throw new PruneError(`${paths.index} is shorter than when it was scanned (${buf.length} < ${bytes} bytes): something rewrote it; nothing was changed, re-run cis490-prune`);
    }
    return { bytes, sha256: sha256(buf.subarray(0, bytes)) };
}
async function runJournal(ctx, journal) {
    const { paths, hooks, log } = ctx;
    let swap = journal.swap;
    let oldFd = null;
    // Rows a killed copy may already have appended are skipped only when resuming a swap.
    const resumingSwap = swap !== undefined && swapWasRenamed(paths);
    if (!resumingSwap) {
        // Steps 4-5 from the start (the rename, if begun, never happened: start the swap over).
        const acted = [];
        const refused = [];
        for (const item of journalItems(journal)) {
            const outcome = applyItem(item, journal, hooks);
            const who = `${item.host}/${item.episode}`;
            if (outcome.kind === 'done') {
                acted.push({ host: item.host, episode: item.episode });
                if (outcome.note)
                    log(`${who}: ${outcome.note}`);
            }
            else {
                refused.push({ host: item.host, episode: item.episode, reason: outcome.reason });
                log(`${outcome.kind === 'refused' ? 'refused' : 'kept row of'} ${who}: ${outcome.reason}`);
            }
        }
        if (acted.length === 0) {
            clearStaleSwapFiles(paths);
            finish(ctx);
            return { action: journal.action, acted, refused, rowsDropped: 0, pending: false };
        }
        const r = swapIndex({
            paths,
            journal,
            dropKeys: new Set(acted.map((a) => episodeKey(a.host, a.episode))),
            archiveRoot: journal.action === 'archive' ? journal.archiveRoot : null,
            acted,
            refused,
            hooks,
            log,
        });
        swap = r.swap;
        oldFd = r.oldFd;
    }
    const swapped = { ...journal, swap: swap };
    const caught = await copyStragglers(paths, swapped, oldFd, { dedupe: resumingSwap, timing: ctx.timing, hooks });
    const report = {
        action: journal.action,
        acted: swapped.swap.acted,
        refused: swapped.swap.refused,
        rowsDropped: swapped.swap.rowsDropped,
        pending: !caught.done,
    };
    if (!caught.done) {
        log(`pid ${caught.writers.join(', ') || '?'} still holds the old index open for writing; rows it writes go to ${paths.oldIndex}: re-run cis490-prune --${journal.action} once it has closed it, to copy them into ${paths.index}`);
        return report;
    }
    unlinkOldIndex(paths, hooks);
    finish(ctx);
    return report;
}
function finish(ctx) {
    removeJournal(ctx.paths);
    fsyncDir(ctx.paths.dir);
    step(ctx.hooks, 'journal removed');
}

/**
 * Writing JSON laid out as Python's `json.dumps(obj, indent=2)` writes it (ensure_ascii on),
 * so the operator's --json output matches the reference byte for byte where fields coincide.
 */
/** Text that is already JSON (e.g. a sample name as the reference would dump it). */
class RawJson {
    text;
    constructor(text) {
        this.text = text;
    }
}
function dumpPyJson(v, indent = 2, level = 0) {
    if (v === null)
        return 'null';
    if (v instanceof RawJson)
        return v.text;
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'number')
        return Number.isInteger(v) ? String(v) : JSON.stringify(v);
    if (typeof v === 'string')
        return pyJsonString(v);
    const pad = '\n' + ' '.repeat(indent * (level + 1));
    const end = '\n' + ' '.repeat(indent * level);
    if (Array.isArray(v)) {
        if (v.length === 0)
            return '[]';
        return '[' + pad + v.map((x) => dumpPyJson(x, indent, level + 1)).join(',' + pad) + end + ']';
    }
    const items = Object.entries(v).filter(([, x]) => x !== undefined);
    if (items.length === 0)
        return '{}';
    return ('{' + pad + items.map(([k, x]) => `${pyJsonString(k)}: ${dumpPyJson(x, indent, level + 1)}`).join(',' + pad) + end + '}');
}

/**
 * The `cis490-prune` outputs: the reference's text summary and its --json document. Fields the
 * reference prints come first and look exactly as it prints them; the project's additions
 * (unreadable details, why each episode was flagged, rows not scanned) follow.
 */
/** Apply --reason: keep only selected reasons; `unreadable` is never filtered out. */
function selectReasons(results, selected) {
    const scanned = results.map((r) => {
        if (!selected)
            return r;
        const reasons = r.verdict.reasons.filter((x) => x === 'unreadable' || selected.has(x));
        return { ...r, verdict: { ...r.verdict, reasons } };
    });
    return {
        scanned,
        flagged: scanned.filter((r) => r.verdict.reasons.length > 0),
        kept: scanned.filter((r) => r.verdict.reasons.length === 0),
    };
}
/** Python's str.format width: counts code points, pads with spaces. */
function padEnd(s, n) {
    const len = [...s].length;
    return len >= n ? s : s + ' '.repeat(n - len);
}
function padStart(s, n) {
    const len = [...s].length;
    return len >= n ? s : ' '.repeat(n - len) + s;
}
function renderPruneText(view, dryRun) {
    const lines = [];
    lines.push(`scanned: ${view.scanned.length}  flagged: ${view.flagged.length}  kept: ${view.kept.length}`);
    if (view.flagged.length > 0) {
        lines.push('');
        lines.push(`${padEnd('host', 14)} ${padEnd('episode', 28)} ${padStart('size', 9)}  reasons`);
        for (const q of view.flagged) {
            // The reference's columns; an id that could make the line a workflow command is quoted.
            lines.push(`${padEnd(atLineStart(q.host), 14)} ${padEnd(inLine(q.episode), 28)} ${padStart(String(q.sizeBytes), 9)}  ${q.verdict.reasons.join(',')}`);
        }
    }
    if (dryRun) {
        lines.push('');
        lines.push('dry-run only. Re-run with --archive (safer) or --delete.');
    }
    return lines.join('\n') + '\n';
}
/** One line per source that decided (or could not decide) flatness. */
function whyLines(r) {
    const v = r.verdict;
    if (v.unreadable)
        return [v.unreadable];
    const out = [];
    const ev = v.evidence;
    if (!ev)
        return out;
    if (v.reasons.includes('no-sample'))
        out.push('meta.sample is null');
    if (v.reasons.includes('no-workload-events'))
        out.push('no workload_* events');
    if (v.reasons.includes('workload-failed'))
        out.push('a workload_failed event');
    if (ev.sources) {
        for (const s of Object.values(ev.sources))
            out.push(s.why);
    }
    else {
        out.push('no labels: flatness not analysed');
    }
    if (v.reasons.includes('workload-silent'))
        out.push('dormant kill probe saw yes="0"');
    return out;
}
function renderPruneJson(view, scan) {
    const byReason = {};
    for (const reason of ALL_REASONS)
        byReason[reason] = view.flagged.filter((q) => q.verdict.reasons.includes(reason)).length;
    const doc = {
        scanned: view.scanned.length,
        flagged: view.flagged.length,
        kept: view.kept.length,
        by_reason: byReason,
        flagged_episodes: view.flagged.map((q) => ({
            host: q.host,
            episode: q.episode,
            size_bytes: q.sizeBytes,
            reasons: q.verdict.reasons,
            sample: q.verdict.sampleJson === null ? null : new RawJson(q.verdict.sampleJson),
            module: q.verdict.moduleJson === null ? null : new RawJson(q.verdict.moduleJson),
            unreadable: q.verdict.unreadable ?? undefined,
            why: whyLines(q),
        })),
        missing_tarballs: scan.missing.map((m) => ({ line: m.line, host: m.host, episode: m.episode, path: m.tarPath })),
        index_problems: scan.problems.map((p) => ({ line: p.line, kind: p.kind, detail: p.detail })),
    };
    return dumpPyJson(doc) + '\n';
}

/**
 * `cis490-prune`: the reference's operator command, with its flags, output and exit codes
 * (0 nothing flagged, 1 something flagged, 2 usage error or no episodes dir).
 */
const PROG = 'cis490-prune';
const SPECS = options({
    'episodes-root': {
        kind: 'value',
        help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (default /var/lib/cis490/episodes)',
    },
    index: { kind: 'value', help: 'index.jsonl (default /var/lib/cis490/index.jsonl)' },
    'archive-root': { kind: 'value', help: 'where --archive moves flagged tarballs (default /var/lib/cis490/episodes-archive)' },
    reason: {
        kind: 'multi',
        choices: [...REFERENCE_REASONS, 'unreadable'],
        help: 'Only flag episodes matching this reason. Repeat to OR multiple. Default: all reasons. (unreadable is always flagged)',
    },
    host: { kind: 'value', help: 'Only consider episodes from this host_id' },
    delete: { kind: 'flag', help: 'Remove flagged tarballs + drop their index rows' },
    archive: { kind: 'flag', help: 'Move flagged tarballs to --archive-root + drop index rows' },
    json: { kind: 'flag', help: 'Machine-readable output instead of summary' },
    jobs: { kind: 'value', metavar: 'N', help: 'episodes classified in parallel, at most (default: available cores)' },
    'follow-outside-links': {
        kind: 'flag',
        help: 'read tarballs that are links, or that links lead outside --episodes-root (default: flagged unreadable, not read)',
    },
});
async function pruneMain(argv, io) {
    let args;
    let jobs;
    try {
        args = parseArgs(argv, SPECS, { exclusive: [['delete', 'archive']], repeated: 'last-wins' });
        if (args._.length > 0)
            throw new UsageError(`unrecognized arguments: ${args._.join(' ')}`);
        jobs = intOption('jobs', args.jobs);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`${usageLine(PROG, SPECS)}\n${PROG}: error: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (args.help) {
        io.out(helpText(PROG, 'Classify episodes like the receiver-side cis490-prune; dry-run by default.', SPECS));
        return 0;
    }
    if (jobs !== undefined) {
        const capped = capJobs(jobs);
        if (capped.note)
            io.err(`${PROG}: note: --${capped.note}\n`);
        jobs = capped.jobs;
    }
    const episodesRoot = path.resolve(io.cwd, args['episodes-root'] ?? '/var/lib/cis490/episodes');
    const indexPath = path.resolve(io.cwd, args.index ?? '/var/lib/cis490/index.jsonl');
    if (!existsSync(episodesRoot)) {
        io.err(`no episodes dir at ${args['episodes-root'] ?? '/var/lib/cis490/episodes'}\n`);
        return 2;
    }
    const action = args.archive ? 'archive' : args.delete ? 'delete' : null;
    const host = args.host || undefined;
    const unmatched = host === undefined ? null : unmatchedHost(indexPath, episodesRoot, host);
    if (unmatched) {
        // A filter that matches nothing would print "flagged: 0" and exit 0: a misspelt host is not a clean one.
        io.err(`${PROG}: error: ${inLine(unmatched)}\n`);
        return 2;
    }
    const scanOpts = {
        indexPath,
        episodesRoot,
        ...(host ? { host } : {}),
        ...(args['follow-outside-links'] ? { followOutsideLinks: true } : {}),
        jobs: jobs ?? availableParallelism(),
        settings: { ...DEFAULT_CLASSIFIER_SETTINGS },
        limits: { ...DEFAULT_LIMITS },
        // Nothing this CLI prints or prunes by uses a tarball's sha256: no hashing (about 0.3 ms an episode).
        digest: false,
    };
    const selected = args.reason.length > 0 ? new Set(args.reason) : null;
    if (!action) {
        const note = pendingPruneNote(indexPath);
        if (note)
            io.err(`${PROG}: note: ${inLine(note)}\n`);
        try {
            const view = await scanAndReport(io, scanOpts, selected, args.json, true);
            if (view.flagged.length > 0 && !args.json) {
                // Where --archive would put them, before anyone runs it (stdout stays the reference's).
                const archiveRoot = path.resolve(io.cwd, args['archive-root'] ?? '/var/lib/cis490/episodes-archive');
                io.err(`${PROG}: note: --archive would move the ${view.flagged.length} flagged tarballs to ${archiveRoot}/<host>/${args['archive-root'] ? '' : ' (the default; choose with --archive-root DIR)'}\n`);
            }
            return view.flagged.length === 0 ? 0 : 1;
        }
        catch (e) {
            const fix = 'pass --index FILE naming the index file';
            if (e instanceof FileRefusedError)
                io.err(`${PROG}: error: cannot read the index ${e.path}: ${e.why}; ${fix}\n`);
            else if (isPermissionError(e))
                io.err(`${PROG}: error: cannot read the index ${args.index ?? indexPath}: ${fsErrorWithFix(e, fix)}\n`);
            else
                throw e;
            return 2;
        }
    }
    const archiveRoot = path.resolve(io.cwd, args['archive-root'] ?? '/var/lib/cis490/episodes-archive');
    return actOnFlagged(io, action, { indexPath, episodesRoot, archiveRoot }, scanOpts, selected, args.json);
}
async function scanAndReport(io, scanOpts, selected, json, dryRun) {
    const runner = createEpisodeRunner({
        jobs: scanOpts.jobs ?? availableParallelism(),
        job: { settings: scanOpts.settings, limits: scanOpts.limits, digest: scanOpts.digest !== false },
    });
    const progress = createProgress({ write: io.err, isTTY: io.errIsTTY && !json });
    let scan;
    try {
        scan = await scanDataset({ ...scanOpts, onProgress: progress.update }, runner);
    }
    finally {
        progress.finish();
        await runner.close();
    }
    const view = selectReasons(scan.episodes, selected);
    if (json) {
        io.out(renderPruneJson(view, scan));
    }
    else {
        io.out(renderPruneText(view, dryRun));
        reportSkipped(io, scan);
    }
    return view;
}
/**
 * --archive / --delete: under the prune lock, finish any interrupted run, scan, print the
 * summary, say what will happen, then do it (src/prune). stdout keeps the reference's text;
 * the plan, refusals and notes go to stderr.
 */
async function actOnFlagged(io, action, roots, scanOpts, selected, json) {
    const log = (line) => io.err(`${PROG}: ${inLine(line)}\n`);
    if (action === 'archive') {
        try {
            checkArchiveRoot(roots);
        }
        catch (e) {
            if (!(e instanceof PruneError))
                throw e;
            io.err(`${PROG}: error: ${inLine(e.message)}\n`);
            return 2;
        }
    }
    if (!existsSync(path.dirname(roots.indexPath))) {
        // No index, so nothing is listed and nothing can be flagged (the reference's behaviour).
        const view = await scanAndReport(io, scanOpts, selected, json, false);
        io.out(`\n${action}d 0 episodes\n`);
        return view.flagged.length === 0 ? 0 : 1;
    }
    let lock;
    try {
        lock = acquireLockFor(roots.indexPath);
        const resumed = await resumePendingPrune({ ...roots, lock, log });
        // Rows past this size were appended after the scan began: never judged, never dropped.
        const indexBytesSeen = statSync(roots.indexPath, { throwIfNoEntry: false })?.size ?? 0;
        const view = await scanAndReport(io, scanOpts, selected, json, false);
        const { report } = await applyPrune({
            ...roots,
            action,
            flagged: view.flagged.map((q) => ({
                host: q.host,
                episode: q.episode,
                tarPath: q.tarPath,
                ...(q.unjudged ? { unjudged: q.verdict.unreadable ?? 'unreadable' } : {}),
            })),
            indexBytesSeen,
            lock,
            log,
        });
        io.out(`\n${doneLine(action, report.acted.length, resumed)}\n`);
        return view.flagged.length === 0 ? 0 : 1;
    }
    catch (e) {
        if (e instanceof PruneError)
            io.err(`${PROG}: error: ${inLine(e.message)}\n`);
        else {
            // A file-system error (disk full, permission): the journal makes the next run finish.
            io.err(`${PROG}: error: ${inLine(e.message)}; nothing is lost: fix that and re-run, the next run finishes this one first\n`);
        }
        return 2;
    }
    finally {
        lock?.release();
    }
}
/**
 * The reference's last line, `archived N episodes`; when this run first finished an interrupted
 * one, N counts those episodes too (same action) or the line says what was finished, so stdout
 * never reads "0" after a run that moved tarballs.
 */
function doneLine(action, acted, resumed) {
    const before = resumed?.acted.length ?? 0;
    if (before === 0)
        return `${action}d ${acted} episodes`;
    if (resumed.action === action)
        return `${action}d ${acted + before} episodes (${before} of them finishing the interrupted run)`;
    return `${action}d ${acted} episodes (and ${resumed.action}d ${before} finishing the interrupted --${resumed.action})`;
}
/**
 * Why --host matches nothing in an index that lists episodes (the hosts it lists instead), or
 * null when it matches a row, or the index is missing, unreadable or lists no episode (the scan
 * reports those).
 */
function unmatchedHost(indexPath, episodesRoot, host) {
    let text;
    try {
        text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(indexPath).file);
    }
    catch {
        return null;
    }
    const walk = walkIndexText(text, episodesRoot);
    const hosts = [...new Set([...walk.entries, ...walk.missing].map((e) => e.host))].sort();
    if (hosts.length === 0 || hosts.includes(host))
        return null;
    const shown = hosts.length > 8 ? `${hosts.slice(0, 8).join(', ')}, … (${hosts.length} in all)` : hosts.join(', ');
    const near = closest(host, hosts);
    return `--host ${JSON.stringify(host)} matches no row of ${indexPath}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''} (its hosts: ${shown}); check the spelling`;
}
/** What the reference would have passed over silently goes to stderr, one line each. */
function reportSkipped(io, scan) {
    if (!scan.indexFound)
        io.err(`${PROG}: note: no index at the --index path; nothing was scanned\n`);
    for (const r of scan.episodes) {
        if (r.verdict.unreadable)
            io.err(`${PROG}: ${inLine(`unreadable ${r.host}/${r.episode}: ${r.verdict.unreadable}`)}\n`);
    }
    for (const m of scan.missing)
        io.err(`${PROG}: ${inLine(`not scanned (tarball missing) index line ${m.line}: ${m.host}/${m.episode} -> ${m.tarPath}`)}\n`);
    for (const p of scan.problems)
        io.err(`${PROG}: ${inLine(`skipped index line ${p.line}: ${p.detail}`)}\n`);
}

runMain(pruneMain, 'cis490-prune');
