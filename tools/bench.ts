/**
 * `npm run bench`: whole-process speed, CPU, page faults and peak RSS of our scan against the
 * Python reference, side by side in one run, on realistic synthetic episodes, and the issue's
 * targets as MET / MISS lines.
 *
 *   npm run bench -- [--episodes 150,600] [--runs 3] [--jobs N] [--steady 1000] [--no-steady]
 *                    [--scale 100,1000] [--no-scale] [--baseline-dist DIR] [--reference PATH]
 *                    [--no-reference] [--cache DIR] [--zstd wasm]
 *
 * The dataset (episodes shaped like the lab's: ~510 KB of JSONL and ~780 KB of tar each, a
 * 256 KiB capture member the reader must skip; tools/lib/realistic.ts) is generated once into the
 * cache directory and reused. Every measurement runs a bundled CLI (dist/cis490-prune.js, built by
 * `npm run bench`) as a separate process under /usr/bin/time. Runs are taken in rounds: each round
 * runs the reference, ours and (with --baseline-dist, another build's dist/, e.g. an older commit's)
 * the baseline back to back on the same data, so each ratio is paired within a round, and the
 * bench quotes medians over the rounds. The reference's --json output must equal ours.
 *
 * Fixed cost and steady cost per episode come from a line through two sizes. The pool is sized
 * to the scan (the main thread alone for a small one, a worker more past that), so a line through
 * 150 and 600 episodes also counts a worker's start-up and warm-up, paid once, as cost per
 * episode; the steady line runs through the largest --episodes size and --steady (default 1000,
 * ours only), sizes the pool runs alike, and the bench names each size's pool. The floor is what
 * the same bytes cost at the least on this machine: reading, the zstd command, the tar walk and
 * simdjson validating the JSON Lines (tools/lib/json-floor.ts; g++ needed). Timing targets live
 * here, not in the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTS, captureMember, specFor, zstdAsync } from './lib/realistic.js';
import { episodeMembers } from './lib/synth.js';
import { buildTar } from './lib/tarball.js';
import { classify } from '../src/classifier/classify.js';
import { DEFAULT_CLASSIFIER_SETTINGS } from '../src/classifier/types.js';
import { newDecoderContext } from '../src/episode/decoder-context.js';
import { MEMBER_SUFFIXES, parseMembers, readWhole } from '../src/episode/read.js';
import { TarReader } from '../src/episode/tar.js';
import { tuneV8 } from '../src/shared/v8-tuning.js';
import { decompress, defaultZstdImpl, newZstdScratch, trimZstdScratch, type ZstdImpl } from '../src/episode/zstd.js';
import { usageOf } from './lib/cli.js';
import { measureJsonFloor } from './lib/json-floor.js';
import { plannedWorkers } from '../src/dataset/pool.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
/** Bumped whenever the generated episodes change, so a stale cache is never measured. */
const DATASET_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// options

interface Options {
  /** The dataset sizes measured against the reference (two or more: fixed and steady cost are fitted). */
  sizes: number[];
  runs: number;
  jobs: number;
  /** A larger size run by ours alone: the steady line runs from the largest of `sizes` to it. */
  steady: number | null;
  scale: number[] | null;
  reference: string | null;
  baselineDist: string | null;
  cache: string;
  zstd: ZstdImpl | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [150, 600],
    runs: 3,
    jobs: availableParallelism(),
    steady: 1000,
    scale: [100, 1000],
    reference: path.resolve(repo, '../shared/reference/cis490_prune.py'),
    baselineDist: null,
    cache: path.join(repo, '.cache/bench'),
    zstd: null,
  };
  const num = (name: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} needs a whole number >= 1`);
    return Number(v);
  };
  const list = (name: string, v: string | undefined): number[] => {
    if (!v || !/^\d+(,\d+)*$/.test(v) || v.split(',').some((x) => Number(x) < 1)) throw new Error(`--${name} needs a list like 150,600`);
    return [...new Set(v.split(',').map(Number))].sort((a, b) => a - b);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    switch (a) {
      case '--episodes':
        o.sizes = list('episodes', v);
        i++;
        break;
      case '--runs':
        o.runs = num('runs', v);
        i++;
        break;
      case '--jobs':
        o.jobs = num('jobs', v);
        i++;
        break;
      case '--steady':
        o.steady = num('steady', v);
        i++;
        break;
      case '--no-steady':
        o.steady = null;
        break;
      case '--scale':
        o.scale = list('scale', v);
        if (o.scale.length < 2) throw new Error('--scale needs two sizes or more, like 100,1000');
        i++;
        break;
      case '--no-scale':
        o.scale = null;
        break;
      case '--baseline-dist': {
        if (!v) throw new Error('--baseline-dist needs a directory (another build of dist/)');
        const dir = path.resolve(v);
        if (!existsSync(path.join(dir, 'cis490-prune.js')))
          throw new Error(`--baseline-dist: no cis490-prune.js in ${dir}; pass a built dist/ directory`);
        o.baselineDist = dir;
        i++;
        break;
      }
      case '--reference':
        if (!v) throw new Error('--reference needs a path');
        o.reference = path.resolve(v);
        i++;
        break;
      case '--no-reference':
        o.reference = null;
        break;
      case '--cache':
        if (!v) throw new Error('--cache needs a directory');
        o.cache = path.resolve(v);
        i++;
        break;
      case '--zstd':
        if (v !== 'wasm' && v !== 'native') throw new Error('--zstd is native or wasm');
        o.zstd = v;
        i++;
        break;
      case '--help':
      case '-h':
        process.stdout.write(usageOf(import.meta.url));
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// the dataset

interface Dataset {
  root: string;
  episodesRoot: string;
  /** index.jsonl path for the first n episodes. */
  index(n: number): string;
  jsonlBytes(n: number): number;
  tarBytes(n: number): number;
  /** The first n tarballs. */
  files(n: number): string[];
}

/** Generate (or reuse) `count` episodes and one index file per requested size. */
async function prepareDataset(cache: string, count: number, sizes: number[]): Promise<Dataset> {
  const root = path.join(cache, `v${DATASET_VERSION}`);
  const episodesRoot = path.join(root, 'episodes');
  const manifestPath = path.join(root, 'manifest.json');
  let manifest: { jsonl: number[]; tar: number[] } = { jsonl: [], tar: [] };
  if (existsSync(manifestPath)) manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  const have = manifest.jsonl.length;
  if (have < count) {
    if (!onPath('zstd')) throw new Error('generating the dataset needs the zstd command (Debian: apt-get install -y zstd)');
    process.stderr.write(`bench: generating episodes ${have + 1}..${count} into ${root} (once; reused later)\n`);
    const started = performance.now();
    let next = have;
    const lane = async (): Promise<void> => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const spec = specFor(i);
        const members = [...episodeMembers(spec), captureMember(spec.episodeId, spec.seed)];
        let jsonl = 0;
        for (const m of members) {
          if (/(meta\.json|\.jsonl)$/.test(m.name)) jsonl += typeof m.data === 'string' ? Buffer.byteLength(m.data) : (m.data?.length ?? 0);
        }
        const host = HOSTS[i % HOSTS.length]!;
        const file = path.join(episodesRoot, host, `${spec.episodeId}.tar.zst`);
        mkdirSync(path.dirname(file), { recursive: true });
        const tar = buildTar(members);
        writeFileSync(file, await zstdAsync(tar));
        manifest.jsonl[i] = jsonl;
        manifest.tar[i] = tar.length;
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() + 1 }, lane));
    writeFileSync(manifestPath, JSON.stringify(manifest));
    process.stderr.write(`bench: generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  for (const n of sizes) {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const spec = specFor(i);
      const host = HOSTS[i % HOSTS.length]!;
      lines.push(JSON.stringify({ host_id: host, episode_id: spec.episodeId, received_at: '2025-01-01T00:00:00Z', size_bytes: 0 }));
    }
    writeFileSync(path.join(root, `index-${n}.jsonl`), lines.join('\n') + '\n');
  }
  // index.jsonl lists them all, so `tools/parity/check.ts --dataset <root>` checks every one.
  const all = Math.max(...sizes);
  writeFileSync(path.join(root, 'index.jsonl'), readFileSync(path.join(root, `index-${all}.jsonl`)));
  return {
    root,
    episodesRoot,
    index: (n) => path.join(root, `index-${n}.jsonl`),
    jsonlBytes: (n) => manifest.jsonl.slice(0, n).reduce((a, b) => a + b, 0),
    tarBytes: (n) => manifest.tar.slice(0, n).reduce((a, b) => a + b, 0),
    files: (n) => Array.from({ length: n }, (_, i) => path.join(episodesRoot, HOSTS[i % HOSTS.length]!, `${specFor(i).episodeId}.tar.zst`)),
  };
}

// ---------------------------------------------------------------------------------------------
// where the time goes: the scan's stages, in this process, one thread

interface Breakdown {
  /** CPU ms per episode of each stage, after a warm-up pass. */
  stages: Array<[string, number]>;
  total: number;
  /** CPU ms per episode of the first 10 episodes a fresh thread classifies, before V8 has optimised the code. */
  coldFirst10: number;
  /** CPU ms per episode of the `zstd -dcq` command on the same tarballs (median of 3), or null without it. */
  zstdCommand: number | null;
}

async function breakdown(ds: Dataset, n: number, impl: ZstdImpl): Promise<Breakdown> {
  const files = ds.files(n);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = { read: 0, zstd: 0, tar: 0, parse: 0, classify: 0 };
  let coldFirst10 = 0;
  // Pass 0 runs the code cold (nothing in this process has classified an episode yet) and
  // warms it; pass 1 is measured.
  // The reader's reused buffers, as readEpisode() keeps them per thread.
  let input: Buffer = Buffer.allocUnsafe(1 << 20);
  const scratch = newZstdScratch();
  const decoder = newDecoderContext(impl);
  for (let pass = 0; pass < 2; pass++) {
    for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] = 0;
    const passStart = cpu();
    for (let i = 0; i < files.length; i++) {
      const c0 = cpu();
      const read = readWhole(files[i]!, input);
      input = read.buf;
      const c1 = cpu();
      const chunks: Uint8Array[] = [];
      trimZstdScratch(scratch);
      await decompress(read.file, (c) => void chunks.push(c), decoder, Infinity, scratch);
      const c2 = cpu();
      const tar = new TarReader({ suffixes: MEMBER_SUFFIXES, maxMemberBytes: 1 << 28 });
      for (const c of chunks) tar.push(c);
      tar.end();
      const members = tar.result();
      const c3 = cpu();
      const rows = parseMembers(members, { compressedBytes: 0, decompressedBytes: 0, jsonBytes: 0 });
      const c4 = cpu();
      if (rows.ok) classify(rows.rows, DEFAULT_CLASSIFIER_SETTINGS);
      const c5 = cpu();
      t.read += c1 - c0;
      t.zstd += c2 - c1;
      t.tar += c3 - c2;
      t.parse += c4 - c3;
      t.classify += c5 - c4;
      if (pass === 0 && i === 9) coldFirst10 = (c5 - passStart) / 10;
    }
  }
  const per = (x: number): number => x / files.length;
  const stages: Array<[string, number]> = [
    ['read the file', per(t.read)],
    ['zstd', per(t.zstd)],
    ['tar', per(t.tar)],
    ['parse JSON', per(t.parse)],
    ['classify', per(t.classify)],
  ];
  return { stages, total: stages.reduce((a, [, v]) => a + v, 0), coldFirst10, zstdCommand: zstdCommandMs(files) };
}

/**
 * What this machine's libzstd costs on these tarballs, as the reference itself decodes them: the
 * `zstd -dcq` command's user + sys CPU per episode, median of 3 runs over all the files. It bounds
 * the floor of any reader here (the issue's 0.61 ms floor was measured where zstd took 0.25 ms).
 */
function zstdCommandMs(files: string[]): number | null {
  if (!existsSync(TIME) || !onPath('zstd')) return null;
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const p = spawnSync(TIME, ['-f', '%U %S', 'zstd', '-dcq', '--', ...files], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(p.stderr ?? '');
    if (p.status !== 0 || !m) return null;
    runs.push(((Number(m[1]) + Number(m[2])) * 1000) / files.length);
  }
  return median(runs);
}

// ---------------------------------------------------------------------------------------------
// measuring one process

interface Measurement {
  wallS: number;
  /** user + sys CPU time of the process and its children (null without /usr/bin/time). */
  cpuS: number | null;
  rssMb: number | null;
  /** Minor page faults (null without /usr/bin/time). */
  faults: number | null;
  stdout: string;
}

const TIME = '/usr/bin/time';

function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, okCodes: number[]): Promise<Measurement> {
  const useTime = existsSync(TIME);
  const timeFile = path.join(tmpdir(), `episode-gate-bench-${process.pid}-${Math.random().toString(36).slice(2)}.time`);
  const argv = useTime ? ['-f', '%M %U %S %R', '-o', timeFile, cmd, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const p = spawn(useTime ? TIME : cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    p.on('error', reject);
    p.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      if (!okCodes.includes(code ?? -1)) {
        reject(
          new Error(`${path.basename(cmd)} exited with ${code}: ${Buffer.concat(err).toString().trim().split('\n').slice(-3).join(' | ')}`),
        );
        return;
      }
      let rssMb: number | null = null;
      let cpuS: number | null = null;
      let faults: number | null = null;
      if (useTime && existsSync(timeFile)) {
        // The last line (time prefixes a note when the exit status is not 0).
        const [kb, user, sys, minor] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        rssMb = Number.isFinite(kb) ? kb! / 1024 : null;
        cpuS = Number.isFinite(user) && Number.isFinite(sys) ? user! + sys! : null;
        faults = Number.isFinite(minor) ? minor! : null;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallS, cpuS, rssMb, faults, stdout: Buffer.concat(out).toString() });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Several runs of one command on one dataset size. */
class Runs {
  readonly ms: Measurement[] = [];
  constructor(
    readonly label: string,
    readonly n: number,
  ) {}
  private med(f: (m: Measurement) => number | null): number | null {
    const xs = this.ms.map(f).filter((x): x is number => x !== null);
    return xs.length ? median(xs) : null;
  }
  get wallS(): number {
    return this.med((m) => m.wallS)!;
  }
  get cpuS(): number | null {
    return this.med((m) => m.cpuS);
  }
  get faults(): number | null {
    return this.med((m) => m.faults);
  }
  /** The largest peak RSS of the runs. */
  get rssMb(): number | null {
    const xs = this.ms.map((m) => m.rssMb).filter((x): x is number => x !== null);
    return xs.length ? Math.max(...xs) : null;
  }
  /** The median of the runs' peak RSS (which run peaks highest is up to when the V8 heaps collect). */
  get rssMedianMb(): number | null {
    return this.med((m) => m.rssMb);
  }
  get stdout(): string {
    return this.ms[0]!.stdout;
  }
}

/** The median over rounds of a's wall time over b's (runs taken in the same round are paired). */
function pairedRatio(a: Runs, b: Runs): number {
  const k = Math.min(a.ms.length, b.ms.length);
  return median(Array.from({ length: k }, (_, i) => a.ms[i]!.wallS / b.ms[i]!.wallS));
}

/** Fixed and per-episode cost from the line through the smallest and largest size. */
interface Fit {
  fixed: number;
  perEpisode: number;
}
function fit(small: Runs, big: Runs, f: (r: Runs) => number | null): Fit | null {
  const a = f(small);
  const b = f(big);
  if (a === null || b === null || big.n === small.n) return null;
  const perEpisode = (b - a) / (big.n - small.n);
  return { fixed: a - perEpisode * small.n, perEpisode };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  tuneV8(); // as the bundled programs do, for the in-process breakdown below
  const o = parseOptions(process.argv.slice(2));
  const cli = path.join(repo, 'dist/cis490-prune.js');
  if (!existsSync(cli)) throw new Error('dist/cis490-prune.js is missing: run `npm run build` first (npm run bench does)');
  if (o.steady !== null && o.steady <= o.sizes[o.sizes.length - 1]!)
    throw new Error(`--steady ${o.steady} must be more episodes than the largest --episodes size`);
  const allSizes = [...new Set([1, ...o.sizes, ...(o.steady !== null ? [o.steady] : []), ...(o.scale ?? [])])].sort((a, b) => a - b);
  const ds = await prepareDataset(o.cache, Math.max(...allSizes), allSizes);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (o.zstd) env.EPISODE_GATE_ZSTD = o.zstd;
  else delete env.EPISODE_GATE_ZSTD;
  const run = (dist: string, n: number, jobs: number, runEnv = env): Promise<Measurement> =>
    measure(
      process.execPath,
      [path.join(dist, 'cis490-prune.js'), '--episodes-root', ds.episodesRoot, '--index', ds.index(n), '--json', '--jobs', String(jobs)],
      runEnv,
      [0, 1],
    );
  let refNote = '';
  let reference = o.reference;
  if (reference) {
    const missing = ['python3', 'zstd'].filter((c) => !onPath(c));
    if (missing.length) refNote = `reference skipped: ${missing.join(' and ')} not found`;
    else if (!existsSync(reference)) refNote = `reference skipped: ${reference} not found`;
    if (refNote) reference = null;
  } else refNote = 'reference skipped (--no-reference)';

  const nativeZstd = o.zstd !== 'wasm' && 'createZstdDecompress' in (await import('node:zlib')).default;
  const say = (s: string): void => void process.stdout.write(s + '\n');
  const dist = path.join(repo, 'dist');
  const before = o.baselineDist;
  say(
    `episode-gate benchmark: node ${process.version}, zstd ${nativeZstd ? 'native (node:zlib)' : 'libzstd in WebAssembly'}, ${availableParallelism()} cores`,
  );
  say(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const n0 = o.sizes[0]!;
  say(
    `dataset: ${o.sizes.join(' and ')} episodes of ${(ds.jsonlBytes(n0) / n0 / 1e3).toFixed(0)} KB of JSONL and ` +
      `${(ds.tarBytes(n0) / n0 / 1e3).toFixed(0)} KB of tar each; ${o.runs} rounds, each running every command once in turn; medians`,
  );
  if (before) say(`before: ${before} (--baseline-dist); after: ${dist}`);
  if (refNote) say(refNote);
  say('(wall time and ratios are for this machine as loaded now; CPU is user+sys of the whole process)');

  // Rounds: every command once per round, so a ratio compares runs taken moments apart.
  const table = new Map<number, { ref: Runs | null; ours: Runs; one: Runs; before: Runs | null; beforeOne: Runs | null }>();
  for (const n of o.sizes) {
    table.set(n, {
      ref: reference ? new Runs('reference (python3)', n) : null,
      ours: new Runs(`after, --jobs ${o.jobs}`, n),
      one: new Runs('after, --jobs 1', n),
      before: before ? new Runs(`before, --jobs ${o.jobs}`, n) : null,
      beforeOne: before ? new Runs('before, --jobs 1', n) : null,
    });
  }
  const steady = o.steady !== null ? new Runs(`after, --jobs ${o.jobs}`, o.steady) : null;
  const startup = new Runs(`after, 1 episode`, 1);
  const startupBefore = before ? new Runs(`before, 1 episode`, 1) : null;
  for (let r = 0; r < o.runs; r++) {
    process.stderr.write(`bench: round ${r + 1}/${o.runs}\n`);
    for (const [n, t] of table) {
      if (t.ref)
        t.ref.ms.push(
          await measure('python3', [reference!, '--episodes-root', ds.episodesRoot, '--index', ds.index(n), '--json'], process.env, [0, 1]),
        );
      t.ours.ms.push(await run(dist, n, o.jobs));
      if (before) t.before!.ms.push(await run(before, n, o.jobs));
      t.one.ms.push(await run(dist, n, 1));
      if (before) t.beforeOne!.ms.push(await run(before, n, 1));
    }
    if (steady) steady.ms.push(await run(dist, steady.n, o.jobs));
    startup.ms.push(await run(dist, 1, o.jobs));
    if (startupBefore) startupBefore.ms.push(await run(before!, 1, o.jobs));
  }

  const row = (s: Runs, extra = ''): string => {
    const cpu = s.cpuS === null ? '   n/a' : ((1000 * s.cpuS) / s.n).toFixed(2).padStart(6);
    const faults = s.faults === null ? '   n/a' : (s.faults / s.n).toFixed(0).padStart(6);
    const rss = s.rssMb === null ? ' n/a' : s.rssMb.toFixed(0).padStart(4);
    return `  ${s.label.padEnd(22)} ${s.wallS.toFixed(3).padStart(7)} s ${(s.n / s.wallS).toFixed(0).padStart(6)} ep/s  CPU ${cpu} ms/ep  ${faults} faults/ep  peak ${rss} MB${extra}`;
  };
  let identical = true;
  for (const [n, t] of table) {
    say('');
    say(`${n} episodes:`);
    if (t.ref) say(row(t.ref));
    for (const [s, base] of [
      [t.ours, t.before],
      [t.one, t.beforeOne],
    ] as const) {
      const vsRef = t.ref ? `  ${pairedRatio(t.ref, s).toFixed(1)}x the reference` : '';
      say(row(s, vsRef));
      if (base)
        say(
          row(
            base,
            `${t.ref ? `  ${pairedRatio(t.ref, base).toFixed(1)}x the reference` : ''}  -> after/before: ${pairedRatio(base, s).toFixed(2)}x as fast`,
          ),
        );
    }
    if (t.ref) {
      const same = [t.ours, t.one].every((s) => sameVerdicts(t.ref!.stdout, s.stdout));
      say(`  verdicts: ${same ? 'identical to the reference' : 'DIFFERENT from the reference'}`);
      identical &&= same;
    }
    if (t.before && t.before.stdout !== t.ours.stdout) say('  note: before and after print different --json documents');
  }
  if (!identical) process.exitCode = 1;

  const small = table.get(o.sizes[0]!)!;
  const big = table.get(o.sizes[o.sizes.length - 1]!)!;
  const zstdImpl = o.zstd ?? defaultZstdImpl();
  const workersFor = (n: number): number =>
    plannedWorkers(
      o.jobs,
      ds.files(n).reduce((a, f) => a + statSync(f).size, 0),
      zstdImpl,
      true,
    );
  const poolName = (w: number): string => (w === 0 ? 'the main thread alone' : `the main thread and ${w} worker${w === 1 ? '' : 's'}`);
  say('');
  say(`fixed and steady cost (--jobs ${o.jobs}; a line through two sizes):`);
  const pools = [...new Set([small.ours.n, big.ours.n, ...(steady ? [steady.n] : [])])].map((n) => [n, workersFor(n)] as const);
  say(`  the pool each size runs: ${pools.map(([n, w]) => `${n} episodes on ${poolName(w)}`).join('; ')}`);
  const samePool = steady !== null && workersFor(big.ours.n) === workersFor(steady.n);
  const costs = (label: string, a: Runs, b: Runs, one: Runs | null, cpuNote = ''): { wall: Fit; cpu: Fit | null } | null => {
    const wall = fit(a, b, (r) => r.wallS);
    const cpu = fit(a, b, (r) => r.cpuS);
    const faults = fit(a, b, (r) => r.faults);
    if (!wall) return null;
    say(
      `  ${label.padEnd(7)} ${`${a.n} -> ${b.n}:`.padEnd(13)} fixed ${wall.fixed.toFixed(3)} s wall, then ${(1000 * wall.perEpisode).toFixed(2)} ms wall per episode; ` +
        (cpu ? `CPU ${(1000 * cpu.perEpisode).toFixed(2)} ms per episode${cpuNote}; ` : '') +
        (faults ? `${faults.perEpisode.toFixed(0)} page faults per episode (${faults.fixed.toFixed(0)} fixed)` : '') +
        (one ? `; 1 episode: ${one.wallS.toFixed(3)} s` : ''),
    );
    return { wall, cpu };
  };
  const growing = workersFor(small.ours.n) !== workersFor(big.ours.n) ? " (counts the added worker's start-up and warm-up)" : '';
  const across = costs('after', small.ours, big.ours, startup, growing);
  const within = steady ? costs('after', big.ours, steady, null, samePool ? ' (steady: the same pool at both sizes)' : '') : null;
  if (steady && !samePool)
    say(`  note: ${big.ours.n} and ${steady.n} episodes run different pools; the steady line is not the same pool's`);
  const steadyLine = within ?? across;
  const afterCpu = steadyLine?.cpu ?? null;
  if (before) costs('before', small.before!, big.before!, startupBefore);
  if (small.ref && big.ref) costs('ref', small.ref, big.ref, null);

  const scaled: Runs[] = [];
  if (o.scale) {
    say('');
    // Every size on all `jobs` workers: the pool would start one worker for a small scan (it is
    // sized to the scan), and this checks that memory does not grow with the episodes scanned.
    say(`peak RSS with episodes (--jobs ${o.jobs}, every run on ${o.jobs} workers: EPISODE_GATE_POOL_SIZING=off):`);
    const allWorkers = { ...env, EPISODE_GATE_POOL_SIZING: 'off' };
    for (const k of o.scale) {
      const s = new Runs(`${k} episodes`, k);
      for (let r = 0; r < o.runs; r++) s.ms.push(await run(dist, k, o.jobs, allWorkers));
      scaled.push(s);
      say(row(s, `  (median peak ${s.rssMedianMb?.toFixed(0) ?? 'n/a'} MB)`));
    }
  }

  const b = await breakdown(ds, big.ours.n, o.zstd ?? defaultZstdImpl());
  say('');
  say('where the time goes (CPU per episode, in-process, one thread, after a warm-up pass):');
  say('  ' + b.stages.map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ') + `; total ${b.total.toFixed(2)} ms`);
  say(`  a fresh thread's first 10 episodes: ${b.coldFirst10.toFixed(1)} ms each (V8 has not optimised the code yet)`);
  const stage = (name: string): number => b.stages.find(([k]) => k === name)?.[1] ?? 0;
  const json = await measureJsonFloor(o.cache, ds.files(small.ours.n));
  const bare = b.zstdCommand === null ? null : stage('read the file') + b.zstdCommand + stage('tar');
  const floor = bare === null ? null : bare + (json.ok ? json.msPerEpisode : 0);
  if (bare !== null && floor !== null) {
    say(
      `  the zstd command on the same tarballs: ${b.zstdCommand!.toFixed(2)} ms CPU per episode (this reader's zstd: ${stage('zstd').toFixed(2)} ms)`,
    );
    say(
      json.ok
        ? `  simdjson (${json.implementation}) validating the same JSON Lines: ${json.msPerEpisode.toFixed(2)} ms per episode (this reader's JSON: ${stage('parse JSON').toFixed(2)} ms)`
        : `  JSON validation not measured: ${json.why}`,
    );
    say(
      `  this machine's floor, read + the zstd command + tar${json.ok ? ' + simdjson' : ' (no JSON validation)'}: ${floor.toFixed(2)} ms per episode` +
        (afterCpu ? `; steady CPU is ${((afterCpu.perEpisode * 1000) / floor).toFixed(1)}x it` : ''),
    );
    // What the floor itself allows: the start-up of a 1-episode run, then every episode at the floor, all cores busy.
    const cores = Math.min(o.jobs, availableParallelism());
    for (const t of [small, big]) {
      if (!t.ref) continue;
      const best = startup.wallS + (t.ours.n * floor) / 1000 / cores;
      say(
        `  at the floor, ${t.ours.n} episodes would take ${best.toFixed(3)} s (1-episode run + ${t.ours.n} x floor / ${cores} cores): ` +
          `${(t.ref.wallS / best).toFixed(1)}x the reference as measured here (${((1000 * t.ref.wallS) / t.ref.n).toFixed(1)} ms per episode)`,
      );
    }
  }

  say('');
  say(`targets (${nativeZstd ? 'Node 24, native zstd' : 'WebAssembly zstd'}, ${availableParallelism()} cores):`);
  const x = (t: { ref: Runs | null; ours: Runs }): number | null => (t.ref ? pairedRatio(t.ref, t.ours) : null);
  const xs = x(small);
  const xb = x(big);
  if (nativeZstd) {
    if (xs !== null) say(check(`>= 8x the reference at ${small.ours.n} episodes`, xs >= 8, `${xs.toFixed(1)}x`));
    if (xb !== null) say(check(`>= 20x the reference at ${big.ours.n} episodes`, xb >= 20, `${xb.toFixed(1)}x`));
  } else if (xb !== null) say(check(`>= 6x the reference at ${big.ours.n} episodes`, xb >= 6, `${xb.toFixed(1)}x`));
  if (xs === null) say('  ratio to the reference: not measured');
  // The CPU and start-up targets are Node 24's (native zstd); with WebAssembly zstd they are shown, not judged.
  const judge = (what: string, ok: boolean, got: string): string =>
    nativeZstd ? check(what, ok, got) : `  info  ${what} (a Node 24 target): ${got}`;
  if (afterCpu)
    say(judge('steady CPU <= 1.5 ms per episode', afterCpu.perEpisode * 1000 <= 1.5, `${(afterCpu.perEpisode * 1000).toFixed(2)} ms`));
  if (afterCpu && floor !== null) {
    const x = (afterCpu.perEpisode * 1000) / floor;
    say(judge(`steady CPU within 2.5x of this machine's floor (${floor.toFixed(2)} ms, measured above)`, x <= 2.5, `${x.toFixed(1)}x`));
  }
  // Both lines' start-up, the larger counted: the steady line's includes the worker's.
  const fixed = Math.max(...[across, within].filter((l) => l !== null).map((l) => l.wall.fixed));
  if (Number.isFinite(fixed)) say(judge('fixed cost <= 0.3 s', fixed <= 0.3, `${fixed.toFixed(3)} s (the larger of the lines above)`));
  if (scaled.length >= 2) {
    const lo = scaled[0]!;
    const hi = scaled[scaled.length - 1]!;
    if (hi.rssMb !== null && lo.rssMb !== null) {
      say(check(`peak RSS for ${hi.n} episodes < 200 MB`, hi.rssMb < 200, `${hi.rssMb.toFixed(0)} MB`));
      const growth = hi.rssMb / lo.rssMb - 1;
      const byMedians = hi.rssMedianMb !== null && lo.rssMedianMb !== null ? hi.rssMedianMb / lo.rssMedianMb - 1 : null;
      const pct = (g: number): string => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`;
      say(
        check(
          `peak RSS ${hi.n} vs ${lo.n} episodes within 10%`,
          growth <= 0.1,
          `${pct(growth)} by the worst runs` + (byMedians === null ? '' : `, ${pct(byMedians)} by the medians`),
        ),
      );
    }
  }
  say(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

function check(what: string, ok: boolean, got: string): string {
  return `  ${ok ? 'MET ' : 'MISS'}  ${what}: ${got}`;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((d) => d && existsSync(path.join(d, cmd)) && statSync(path.join(d, cmd)).isFile());
}

/** The reference's --json document against ours: the same counts and flagged episodes. */
function sameVerdicts(refOut: string, ourOut: string): boolean {
  type Doc = {
    scanned: number;
    flagged: number;
    kept: number;
    by_reason: Record<string, number>;
    flagged_episodes: Array<Record<string, unknown>>;
  };
  const a = JSON.parse(refOut) as Doc;
  const b = JSON.parse(ourOut) as Doc;
  // Ours adds an `unreadable` count (the reference cannot report it); compare the reference's keys.
  const pick = (d: Doc): string =>
    JSON.stringify([
      d.scanned,
      d.flagged,
      d.kept,
      Object.keys(a.by_reason).map((k) => d.by_reason[k]),
      d.flagged_episodes.map((e) => [e.host, e.episode, e.size_bytes, e.reasons, e.sample, e.module]),
    ]);
  return pick(a) === pick(b) && !b.by_reason.unreadable;
}

main().catch((e: Error) => {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exitCode = 2;
});
