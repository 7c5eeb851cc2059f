/**
 * One .tar.zst -> the parsed rows of the seven members the classifier reads, or the one-line
 * reason it cannot be read (every failure the reference would crash on, plus size limits).
 */
import { createHash } from 'node:crypto';
import type { EpisodeRows, Row, SourceData } from '../classifier/types.js';
import type { ColumnField } from '../py/columns.js';
import { columnsJsonl, rowsJsonl } from '../py/jsonl-columns.js';
import { FileRefusedError, readRegularFile } from '../shared/regular-file.js';
import { JsonError, parseJsonDoc, type Fields, type Projection } from '../py/json.js';
import { LimitError, TarReadError, TarReader, type SelectedMember } from './tar.js';
import { gunzipLazily, isGzip } from './tar-gzip.js';
import { newDecoderContext, type DecoderContext } from './decoder-context.js';
import { ZstdError, decompress, newZstdScratch, trimZstdScratch, type ZstdImpl, type ZstdScratch } from './zstd.js';

export interface ReaderLimits {
  /** Largest decompressed size of one member the classifier reads. */
  maxMemberBytes: number;
  /** Largest decompressed size of a whole episode tarball (all members). */
  maxEpisodeBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  maxMemberBytes: 256 * 1024 * 1024,
  maxEpisodeBytes: 1024 * 1024 * 1024,
});

/** The member suffixes, in the order the reference reads them. */
export const MEMBER_SUFFIXES = [
  'meta.json',
  'events.jsonl',
  'telemetry-proc.jsonl',
  'labels.jsonl',
  'netflow.jsonl',
  'telemetry-qmp.jsonl',
  'telemetry-guest.jsonl',
] as const;

type JsonlSource = Exclude<keyof EpisodeRows, 'meta'>;

/** Only what the classifier reads is materialised: of a probe, `yes`; of blockstats, the byte counters. */
const PROBE: Projection = { keys: new Map([['yes', true]]) };
const BLOCKSTATS: Projection = {
  each: {
    keys: new Map<string, Projection>([
      ['wr_bytes', true],
      ['rd_bytes', true],
    ]),
  },
};

const wall = (absent: 'zero' | 'none' = 'none'): ColumnField => ({ name: 't_wall_ns', kind: 'wall', absent });

/**
 * `fields`: what the row parser keeps; `columns`: the same fields as the column scanner stores
 * them (the members the classifier reads row by row, events, have none).
 */
const SOURCES: ReadonlyArray<{ key: JsonlSource; suffix: string; fields: Fields; columns?: readonly ColumnField[] }> = [
  {
    key: 'events',
    suffix: 'events.jsonl',
    fields: new Map<string, Projection>([
      ['event', true],
      ['phase', true],
      ['pre_kill_probe', PROBE],
    ]),
  },
  {
    key: 'proc',
    suffix: 'telemetry-proc.jsonl',
    fields: new Set(['t_mono_ns', 't_wall_ns', 'cpu_user_jiffies', 'cpu_sys_jiffies']),
    columns: [
      wall(),
      { name: 't_mono_ns', kind: 'int', absent: 'required' },
      { name: 'cpu_user_jiffies', kind: 'int', absent: 'required' },
      { name: 'cpu_sys_jiffies', kind: 'int', absent: 'required' },
    ],
  },
  {
    key: 'labels',
    suffix: 'labels.jsonl',
    fields: new Set(['phase', 't_wall_ns']),
    // lab.get("t_wall_ns", 0): absent is 0 (and null is left to the row parser)
    columns: [wall('zero'), { name: 'phase', kind: 'str', absent: 'required' }],
  },
  {
    key: 'netflow',
    suffix: 'netflow.jsonl',
    fields: new Set(['t_wall_ns', 'bytes_in', 'bytes_out']),
    columns: [wall(), { name: 'bytes_in', kind: 'int', absent: 'zero' }, { name: 'bytes_out', kind: 'int', absent: 'zero' }],
  },
  {
    key: 'qmp',
    suffix: 'telemetry-qmp.jsonl',
    fields: new Map<string, Projection>([
      ['t_wall_ns', true],
      ['blockstats', BLOCKSTATS],
    ]),
    columns: [wall(), { name: 'blockstats', kind: 'blockstats', absent: 'zero' }],
  },
  {
    key: 'guest',
    suffix: 'telemetry-guest.jsonl',
    fields: new Set(['t_wall_ns', 'load_1m_5m_15m']),
    columns: [wall(), { name: 'load_1m_5m_15m', kind: 'first-float', absent: 'none' }],
  },
];
/** The column layout of each member stored as columns. */
export const SOURCE_COLUMNS: Readonly<Partial<Record<JsonlSource, readonly ColumnField[]>>> = Object.fromEntries(
  SOURCES.filter((s) => s.columns).map((s) => [s.key, s.columns!]),
);
const META_FIELDS: ReadonlySet<string> = new Set(['sample', 'exploit']);

export interface EpisodeStats {
  compressedBytes: number;
  decompressedBytes: number;
  /** Bytes of JSON text parsed (the seven members). */
  jsonBytes: number;
}

/**
 * `sha256` is the hex digest of the tarball's bytes as read for classification (null when the
 * file could not be read, or for bytes not read from a file): the episode's identity by content.
 */
export type ReadOutcome =
  | { ok: true; rows: EpisodeRows; stats: EpisodeStats; sha256: string | null }
  | {
      ok: false;
      detail: string;
      stats: EpisodeStats;
      sha256: string | null;
      /**
       * True when the episode's content was never judged: the file could not be read, or passed the
       * reader's own size limits (the reference has none). Prune leaves such episodes alone.
       */
      unjudged?: true;
    };

export interface ReadOptions {
  limits?: ReaderLimits;
  /** Which zstd, when no `decoder` is given (default: native where node:zlib has it). */
  zstd?: ZstdImpl;
  /** The thread's decoder state, reused from one episode to the next (default: a fresh one). */
  decoder?: DecoderContext;
  /** false: parse every member into row objects, never into columns (for measuring both). */
  columns?: boolean;
  /** false: no sha256 of the tarball (the outcome's sha256 is null). Default true. */
  digest?: boolean;
}

const strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** Read and parse one episode tarball from disk. Never throws for bad content. */
export async function readEpisode(path: string, opts: ReadOptions = {}): Promise<ReadOutcome> {
  const stats: EpisodeStats = { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 };
  const decoder = opts.decoder ?? newDecoderContext(opts.zstd);
  let input = decoder.input ?? Buffer.allocUnsafe(INPUT_FIRST_BYTES);
  decoder.input = null;
  try {
    let file: Uint8Array;
    try {
      // Sync: episodes are a few hundred KB, and fs/promises' readFile costs more than the read.
      ({ file, buf: input } = readWhole(path, input, compressedLimit(opts.limits ?? DEFAULT_LIMITS)));
    } catch (e) {
      return { ok: false, detail: cannotRead(e), stats, sha256: null, unjudged: true };
    }
    // Hashed from the bytes already in memory for classification: no second read.
    const sha256 = opts.digest === false ? null : createHash('sha256').update(file).digest('hex');
    return { ...(await readEpisodeBytes(file, { ...opts, decoder }, stats)), sha256 };
  } finally {
    if (input.length <= INPUT_KEEP_MAX_BYTES) decoder.input = input;
  }
}

/**
 * The context's spare buffer for a tarball's compressed bytes is lent to one episode at a time like
 * the decompression scratch below: reading into reused memory is cheaper than readFileSync's
 * fresh buffer (docs/performance.md).
 */
const INPUT_FIRST_BYTES = 1024 * 1024;
const INPUT_KEEP_MAX_BYTES = 8 * 1024 * 1024;

/**
 * A tarball larger than this is refused unread: compressed data is at most a little larger than
 * what it decompresses to, so such a file cannot stay within maxEpisodeBytes (1% + 64 KiB covers
 * zstd's and gzip's framing of incompressible data).
 */
function compressedLimit(limits: ReaderLimits): number {
  return limits.maxEpisodeBytes + Math.ceil(limits.maxEpisodeBytes / 100) + 64 * 1024;
}

/**
 * Read a tarball into `buf` (a new buffer when the file is larger): a regular file only, at most
 * `maxBytes`, and never past the size it states (see readRegularFile).
 */
export function readWhole(path: string, buf: Buffer, maxBytes = Infinity): { file: Uint8Array; buf: Buffer } {
  return readRegularFile(path, maxBytes, buf);
}

/** The one-line detail of a tarball that cannot be read (the episode's ids name the file). */
function cannotRead(e: unknown): string {
  if (e instanceof FileRefusedError) return `${e.problem === 'too-large' ? 'size limit' : 'refused'}: the tarball ${e.why}`;
  const err = e as NodeJS.ErrnoException;
  const what = err.code === 'EACCES' || err.code === 'EPERM' ? `${err.code} (permission denied)` : (err.code ?? err.message);
  return `cannot read the tarball: ${what}`;
}

/**
 * An episode borrows the context's spare decompression scratch while its members are views of
 * the decompressed bytes, and gives it back once they are parsed into rows (which hold no views);
 * episodes read at the same time on one thread each get their own.
 */
export async function readEpisodeBytes(file: Uint8Array, opts: ReadOptions = {}, stats?: EpisodeStats): Promise<ReadOutcome> {
  const decoder = opts.decoder ?? newDecoderContext(opts.zstd);
  const scratch = decoder.scratch ?? newZstdScratch();
  decoder.scratch = null;
  try {
    return await decodeAndParse(file, opts, stats ?? { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 }, scratch, decoder);
  } finally {
    trimZstdScratch(scratch);
    decoder.scratch = scratch;
  }
}

/**
 * What one episode may hold in memory at once, estimated: the bytes of the member being read
 * plus the rows parsed so far. A parsed row costs about 100 bytes of heap whatever its fields
 * (measured: 97-103 bytes for /proc, labels and netflow rows), so each counts as ROW_BYTES, or
 * as its member's text when that is more. The budget is maxEpisodeBytes.
 */
const ROW_BYTES = 128;

/** A member parsed as soon as it was complete: its rows, or the one-line reason it cannot be read. */
type Parsed = { ok: true; value: SourceData | EpisodeRows['meta'] } | { ok: false; detail: string };

async function decodeAndParse(
  file: Uint8Array,
  opts: ReadOptions,
  st: EpisodeStats,
  scratch: ZstdScratch,
  decoder: DecoderContext,
): Promise<ReadOutcome> {
  st.compressedBytes = file.length;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const budget = limits.maxEpisodeBytes;
  let held = 0;
  const parsed = new Map<string, Parsed>();
  const bySuffix = new Map(SOURCES.map((src) => [src.suffix, src]));
  const newTar = (): TarReader =>
    new TarReader({
      suffixes: MEMBER_SUFFIXES,
      maxMemberBytes: limits.maxMemberBytes,
      reserve: (suffix, bytes) => {
        if (held + bytes > budget) throw new LimitError(overBudget(suffix, held + bytes, budget));
      },
      onMember: (m) => {
        // Parsed now and its bytes let go, so the members of an episode are never all held whole.
        const src = bySuffix.get(m.suffix);
        const p = src ? parseSource(src, m, st, opts.columns !== false) : parseMeta(m, st);
        parsed.set(m.suffix, p);
        if (p.ok) held += Math.max(m.data.length, ROW_BYTES * (src ? rowCount(p.value as SourceData) : 1));
        if (held > budget) throw new LimitError(overBudget(m.suffix, held, budget));
      },
    });
  let tar = newTar();
  // Bytes that begin as gzip are kept whole: tarfile.open reads them as a .tar.gz when they are no tar.
  let gzipped: Uint8Array[] | null = null;
  let head = new Uint8Array(0);
  try {
    await decompress(
      file,
      (chunk) => {
        if (st.decompressedBytes === 0) {
          if (isGzip(chunk)) gzipped = [];
          head = chunk.subarray(0, 6).slice();
        }
        st.decompressedBytes += chunk.length;
        if (st.decompressedBytes > limits.maxEpisodeBytes) {
          throw new LimitError(`decompressed episode exceeds the ${limits.maxEpisodeBytes}-byte limit`);
        }
        (gzipped as Uint8Array[] | null)?.push(chunk.slice());
        tar.push(chunk);
        // Past the budget nothing more is read: the rest would only be decompressed and dropped.
        const failed = tar.failure();
        if (failed instanceof LimitError) throw failed;
      },
      decoder,
      limits.maxEpisodeBytes,
      scratch,
    );
  } catch (e) {
    if (e instanceof ZstdError) return { ok: false, detail: `zstd: ${e.message}`, stats: st, sha256: null };
    if (e instanceof LimitError) return { ok: false, detail: `size limit: ${e.message}`, stats: st, sha256: null, unjudged: true };
    throw e;
  }
  tar.end();
  const notTar = tar.failure();
  if (gzipped !== null && notTar instanceof TarReadError && notTar.atStart) {
    // tarfile.open's next try, gzip, on the same bytes; its errors surface only where reading reaches them.
    held = 0;
    parsed.clear();
    tar = newTar();
    try {
      const gz = await gunzipLazily(Buffer.concat(gzipped), limits.maxEpisodeBytes);
      tar.push(gz.data);
      tar.end();
      if (gz.error !== null && tar.wantedPastEnd()) {
        return { ok: false, detail: `gzip: ${gz.error}`, stats: st, sha256: null };
      }
    } catch (e) {
      if (e instanceof LimitError) return { ok: false, detail: `size limit: ${e.message}`, stats: st, sha256: null, unjudged: true };
      throw e;
    }
  }
  try {
    tar.result();
  } catch (e) {
    if (e instanceof TarReadError) {
      const other = e.atStart ? otherCompression(head) : null;
      return { ok: false, detail: `tar: ${e.message}${other ? `: ${other}` : ''}`, stats: st, sha256: null };
    }
    if (e instanceof LimitError) return { ok: false, detail: `size limit: ${e.message}`, stats: st, sha256: null, unjudged: true };
    throw e;
  }
  // The reference reads the members in its own order: the first bad one in that order decides.
  for (const suffix of MEMBER_SUFFIXES) {
    const p = parsed.get(suffix);
    if (p && !p.ok) return { ok: false, detail: p.detail, stats: st, sha256: null };
  }
  const meta = parsed.get('meta.json');
  const rows: Partial<Record<JsonlSource, SourceData>> = {};
  for (const src of SOURCES) {
    const p = parsed.get(src.suffix);
    rows[src.key] = p?.ok ? (p.value as SourceData) : { member: null, rows: [] as Row[], lineNos: [] };
  }
  return {
    ok: true,
    rows: { meta: meta?.ok ? (meta.value as EpisodeRows['meta']) : null, ...(rows as EpisodeSources) },
    stats: st,
    sha256: null,
  };
}

/**
 * A bzip2 or xz stream inside the zstd frame: the reference's tarfile.open would read the tar in
 * it, episode-gate does not (docs/classifier.md lists it among the deliberate differences).
 */
function otherCompression(head: Uint8Array): string | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts(0x42, 0x5a, 0x68)) return 'a bzip2-compressed tar inside the zstd frame, which episode-gate does not read';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'an xz-compressed tar inside the zstd frame, which episode-gate does not read';
  return null;
}

function overBudget(suffix: string, needed: number, budget: number): string {
  return `${suffix}: the episode would hold ${needed} bytes (member bytes and parsed rows), over its ${budget}-byte memory budget (maxEpisodeBytes)`;
}

function parseMeta(m: SelectedMember, stats: EpisodeStats): Parsed {
  let text: string;
  try {
    text = strict.decode(m.data);
  } catch {
    return { ok: false, detail: `${m.name}: invalid UTF-8 (UnicodeDecodeError)` };
  }
  stats.jsonBytes += m.data.length;
  try {
    return { ok: true, value: { member: m.name, row: parseJsonDoc(text, META_FIELDS) } };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, detail: `${m.name}: ${e.message} (line ${e.line} column ${e.column})` };
    throw e;
  }
}

type EpisodeSources = Omit<EpisodeRows, 'meta'>;

function rowCount(v: SourceData): number {
  return 'columns' in v ? v.columns.n : v.rows.length;
}

function parseSource(src: (typeof SOURCES)[number], mem: SelectedMember, stats: EpisodeStats, columns = true): Parsed {
  stats.jsonBytes += mem.data.length;
  if (columns && src.columns) {
    const c = columnsJsonl(mem.data, src.columns);
    if (c) return { ok: true, value: { member: mem.name, columns: c } };
  }
  try {
    const { rows, lineNos } = rowsJsonl(mem.data, src.fields);
    return { ok: true, value: { member: mem.name, rows, lineNos } };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, detail: `${mem.name} line ${e.line}: ${e.message} (column ${e.column})` };
    throw e;
  }
}

/** Parse the selected members in the reference's read order; the first bad one decides. */
export function parseMembers(members: Map<string, SelectedMember>, stats: EpisodeStats): ReadOutcome {
  let meta: EpisodeRows['meta'] = null;
  const m = members.get('meta.json');
  if (m) {
    const p = parseMeta(m, stats);
    if (!p.ok) return { ok: false, detail: p.detail, stats, sha256: null };
    meta = p.value as EpisodeRows['meta'];
  }
  const parsed: Partial<Record<JsonlSource, SourceData>> = {};
  for (const src of SOURCES) {
    const mem = members.get(src.suffix);
    if (!mem) {
      parsed[src.key] = { member: null, rows: [] as Row[], lineNos: [] };
      continue;
    }
    const p = parseSource(src, mem, stats);
    if (!p.ok) return { ok: false, detail: p.detail, stats, sha256: null };
    parsed[src.key] = p.value as SourceData;
  }
  return { ok: true, rows: { meta, ...(parsed as EpisodeSources) }, stats, sha256: null };
}
