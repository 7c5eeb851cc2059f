/**
 * Checking a folder (an export, or the dataset itself) against a manifest: every released tarball
 * present with its sha256, and no tarball the manifest does not list (unless extras are allowed).
 * This is a second read by design (it checks the bytes that will be shipped), streamed and a few
 * files at a time; a file whose size differs is reported without being hashed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { unsafeIdReason, walkIndexText } from '../dataset/index-file.js';
import { FileRefusedError, readRegularFile } from '../shared/regular-file.js';
import { ConfigError, describeFsError, fsErrorWithFix } from '../shared/errors.js';
import { showValue } from '../shared/text.js';
import { MANIFEST_VERSION, type Manifest, type ManifestEpisode } from './build.js';
import { MANIFEST_FILE, SUMS_FILE } from './write.js';

type ProblemKind = 'MISSING' | 'CHANGED' | 'EXTRA' | 'UNREADABLE' | 'SUMS' | 'INDEX' | 'NOT-RELEASED';

interface VerifyProblem {
  kind: ProblemKind;
  path: string;
  detail: string;
}

export interface VerifyResult {
  /** Released tarballs checked. */
  listed: number;
  /** Bytes hashed. */
  bytes: number;
  problems: VerifyProblem[];
}

export interface LoadedManifest {
  manifest: Manifest;
  /** The manifest.json read. */
  file: string;
}

const FIX = 'write it again with episode-gate check --manifest DIR (or merge --manifest DIR)';
const HEX64 = /^[0-9a-f]{64}$/;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A relative '/'-separated path of safe components: never absolute, never climbing out. */
function unsafePathReason(p: string): string | null {
  if (p === '' || p.startsWith('/')) return 'is not a relative path';
  for (const part of p.split('/')) {
    if (part === '') return 'has an empty component';
    if (part === '..') return 'climbs out of the folder with ".."';
    const bad = unsafeIdReason(part);
    if (bad) return `has a component that ${bad}`;
  }
  return null;
}

/** Reads manifest.json (FILE, or DIR/manifest.json); what verify relies on is checked, with one-line errors. */
export function readManifest(given: string, show: (p: string) => string = (p) => p): LoadedManifest {
  let file = given;
  if (statSync(given, { throwIfNoEntry: false })?.isDirectory()) file = path.join(given, MANIFEST_FILE);
  const name = show(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `cannot read the manifest ${name}: ${fsErrorWithFix(e, 'pass --manifest FILE (the manifest.json of a gate run, or its folder)')}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${name}: not valid JSON (${(e as Error).message}); ${FIX}`);
  }
  if (!isObj(doc)) throw new ConfigError(`${name}: a manifest must be a JSON object; ${FIX}`);
  if (doc.manifest_version === undefined) {
    // The other files episode-gate writes, named for what they are.
    const pass = 'pass --manifest the manifest.json that check --manifest DIR writes (or that folder)';
    if ('report_version' in doc) throw new ConfigError(`${name} is a scan report, not a release manifest; ${pass}`);
    if ('cases' in doc && 'counts' in doc) throw new ConfigError(`${name} is a baseline, not a release manifest; ${pass}`);
    throw new ConfigError(`${name} has no manifest_version, so it is not a release manifest; ${pass}`);
  }
  if (doc.manifest_version !== MANIFEST_VERSION) {
    throw new ConfigError(
      `${name}: manifest_version ${showValue(doc.manifest_version)} is not supported (expected ${MANIFEST_VERSION}); ${FIX}`,
    );
  }
  const gate = doc.gate;
  if (!isObj(gate) || typeof gate.passed !== 'boolean' || !['PASSED', 'WARNED', 'FAILED'].includes(gate.result as string)) {
    throw new ConfigError(`${name}: gate must hold passed (true or false) and result (PASSED, WARNED or FAILED); ${FIX}`);
  }
  if ((gate.result === 'FAILED') === gate.passed) {
    throw new ConfigError(`${name}: gate.result ${String(gate.result)} contradicts gate.passed ${String(gate.passed)}; ${FIX}`);
  }
  for (const list of ['episodes', 'withheld', 'flagged']) {
    if (!Array.isArray(doc[list])) throw new ConfigError(`${name}: ${list} must be a list; ${FIX}`);
  }
  const seen = new Set<string>();
  (doc.episodes as unknown[]).forEach((e, i) => {
    const where = `${name}: episodes[${i}]`;
    if (
      !isObj(e) ||
      typeof e.host !== 'string' ||
      typeof e.episode !== 'string' ||
      typeof e.path !== 'string' ||
      typeof e.sha256 !== 'string' ||
      !Number.isSafeInteger(e.size)
    ) {
      throw new ConfigError(`${where} needs host, episode, path, sha256 and size; ${FIX}`);
    }
    const bad = unsafePathReason(e.path);
    if (bad) throw new ConfigError(`${where}.path ${JSON.stringify(e.path)} ${bad}; ${FIX}`);
    if (!HEX64.test(e.sha256)) throw new ConfigError(`${where}.sha256 is not 64 lowercase hex digits; ${FIX}`);
    if (seen.has(e.path)) throw new ConfigError(`${where}.path ${e.path} is listed twice; ${FIX}`);
    seen.add(e.path);
  });
  if (!gate.passed && (doc.episodes as unknown[]).length > 0) {
    throw new ConfigError(`${name}: a failed gate's manifest lists released episodes; ${FIX}`);
  }
  return { manifest: doc as unknown as Manifest, file };
}

/** Every *.tar.zst under root (following linked folders once), as '/'-separated paths relative to it. */
function tarballsUnder(root: string): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    const real = realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new ConfigError(`cannot list ${path.join(dir)}: ${fsErrorWithFix(e, 'give --dataset the export folder')}`);
    }
    for (const ent of entries) {
      const p = path.join(dir, ent.name);
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      if (ent.isSymbolicLink()) isDir = statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
      if (isDir) walk(p, r);
      // In any case: a consumer that globs *.TAR.ZST, or a case-folding file system, reads it too.
      else if (ent.name.toLowerCase().endsWith('.tar.zst')) out.push(r);
    }
  };
  walk(root, '');
  return out;
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), h);
  return h.digest('hex');
}

function short(hex: string): string {
  return hex.slice(0, 16) + '…';
}

async function checkOne(root: string, e: ManifestEpisode): Promise<{ problem: VerifyProblem | null; bytes: number }> {
  const file = path.join(root, ...e.path.split('/'));
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return { problem: { kind: 'MISSING', path: e.path, detail: 'listed in the manifest, absent here' }, bytes: 0 };
  if (!st.isFile()) return { problem: { kind: 'CHANGED', path: e.path, detail: 'not a regular file' }, bytes: 0 };
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
  let got: string;
  try {
    got = await sha256File(file);
  } catch (err) {
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
function checkSums(dir: string, m: Manifest, where = ''): VerifyProblem[] {
  const sumsFile = path.join(dir, SUMS_FILE);
  const name = where ? `${where}'s ${SUMS_FILE}` : SUMS_FILE;
  let text: string;
  try {
    text = readFileSync(sumsFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return [{ kind: 'SUMS', path: SUMS_FILE, detail: `${where ? `${name}: ` : ''}cannot be read: ${describeFsError(e)}` }];
  }
  const listed = new Map(m.episodes.map((e) => [e.path, e.sha256]));
  const problems: VerifyProblem[] = [];
  const inSums = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m2 = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m2) {
      problems.push({
        kind: 'SUMS',
        path: SUMS_FILE,
        detail: `${where ? `${name}: ` : ''}a line is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 100))}`,
      });
      continue;
    }
    const [, digest, p] = m2 as unknown as [string, string, string];
    if (inSums.has(p)) {
      problems.push({ kind: 'SUMS', path: p, detail: `listed again in ${name}: each released tarball has one line` });
      continue;
    }
    inSums.add(p);
    const want = listed.get(p);
    if (want === undefined) problems.push({ kind: 'SUMS', path: p, detail: `in ${name} but not in ${MANIFEST_FILE}` });
    else if (want !== digest) problems.push({ kind: 'SUMS', path: p, detail: `${name} and ${MANIFEST_FILE} give different sha256` });
  }
  for (const p of listed.keys())
    if (!inSums.has(p)) problems.push({ kind: 'SUMS', path: p, detail: `in ${MANIFEST_FILE} but not in ${name}` });
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
function checkIndex(root: string, m: Manifest, allowExtra: boolean): VerifyProblem[] {
  const file = path.join(root, INDEX_FILE);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRegularFile(file).file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    const why = e instanceof FileRefusedError ? e.why : describeFsError(e);
    return [{ kind: 'INDEX', path: INDEX_FILE, detail: `cannot be read: ${why}` }];
  }
  // Only the ids matter here: links are not resolved, and a missing tarball is verify's MISSING.
  const walk = walkIndexText(text, path.join(root, m.dataset.episodes_dir), { followOutsideLinks: true });
  const rows = [...walk.entries, ...walk.missing].sort((a, b) => a.line - b.line);
  const released = new Set(m.episodes.map((e) => `${e.host}/${e.episode}`));
  const named = new Map<string, number>();
  const problems: VerifyProblem[] = [];
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
    if (!named.has(id)) problems.push({ kind: 'INDEX', path: INDEX_FILE, detail: `no row names ${id}, an episode the manifest releases` });
  }
  return problems;
}

export interface VerifyOptions {
  allowExtra: boolean;
  /** Files hashed at once (default 8). */
  concurrency?: number;
}

export async function verifyDataset(loaded: LoadedManifest, root: string, opts: VerifyOptions): Promise<VerifyResult> {
  const { manifest: m } = loaded;
  const st = statSync(root, { throwIfNoEntry: false });
  if (!st?.isDirectory()) {
    throw new ConfigError(
      `${root} is not a folder: give --dataset the export folder (or the dataset root) the manifest's paths are relative to`,
    );
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
  const problems: VerifyProblem[] = [
    ...checkSums(manifestDir, m),
    // The export's own copy, when it has one and is not the manifest's folder.
    ...(path.resolve(root) !== manifestDir && !opts.allowExtra ? checkSums(root, m, 'the export') : []),
    ...checkIndex(root, m, opts.allowExtra),
  ];
  const listed = new Set(m.episodes.map((e) => e.path));
  if (!opts.allowExtra) {
    for (const p of tarballsUnder(root)) {
      if (!listed.has(p)) problems.push({ kind: 'EXTRA', path: p, detail: 'a tarball the manifest does not list' });
    }
  }
  let bytes = 0;
  let next = 0;
  const found: Array<VerifyProblem | null> = new Array<VerifyProblem | null>(m.episodes.length).fill(null);
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= m.episodes.length) return;
      const r = await checkOne(root, m.episodes[i]!);
      found[i] = r.problem;
      bytes += r.bytes;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  problems.push(...found.filter((p): p is VerifyProblem => p !== null));
  problems.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)) || a.kind.localeCompare(b.kind));
  return { listed: m.episodes.length, bytes, problems };
}
