/**
 * `npm run bench`: whole-process throughput and peak RSS of our scan against the Python
 * reference, side by side in one run, on a realistic synthetic dataset.
 *
 *   npm run bench -- [--episodes 300] [--runs 3] [--jobs N] [--scale 100,1000] [--no-scale]
 *                    [--reference PATH] [--no-reference] [--cache DIR] [--zstd wasm]
 *
 * The dataset (~20-minute episodes: ~1,200 /proc and QMP rows, netflow and guest rows, events,
 * labels, and a 256 KiB capture member the reader must skip) is generated once into the cache
 * directory with tools/lib/synth.ts and reused. Every measurement runs the bundled CLI
 * (dist/cis490-prune.js, built by `npm run bench`) as a separate process under /usr/bin/time and
 * quotes the median of --runs runs. The reference (python3 + the zstd command) runs on the same
 * data in the same run, and its --json output must equal ours. Timing targets live here, not in
 * the tests: the summary says which ones this run met.
 */
import { spawn } from 'node:child_process';
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
import { decompress, defaultZstdImpl, newZstdScratch, trimZstdScratch, type ZstdImpl } from '../src/episode/zstd.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const DATASET_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// options

interface Options {
  episodes: number;
  runs: number;
  jobs: number;
  scale: number[] | null;
  reference: string | null;
  cache: string;
  zstd: ZstdImpl | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    episodes: 300,
    runs: 3,
    jobs: availableParallelism(),
    scale: [100, 1000],
    reference: path.resolve(repo, '../shared/reference/cis490_prune.py'),
    cache: path.join(repo, '.cache/bench'),
    zstd: null,
  };
  const num = (name: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} needs a whole number >= 1`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    switch (a) {
      case '--episodes':
        o.episodes = num('episodes', v);
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
      case '--scale':
        if (!v || !/^\d+(,\d+)+$/.test(v)) throw new Error('--scale needs a list like 100,1000');
        o.scale = v.split(',').map(Number);
        i++;
        break;
      case '--no-scale':
        o.scale = null;
        break;
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
        process.stdout.write(
          readFileSync(fileURLToPath(import.meta.url), 'utf8')
            .split('*/')[0]!
            .replace(/^\/\*\*?|^ \* ?/gm, '') + '\n',
        );
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
}

/** Generate (or reuse) `count` episodes and one index file per requested size. */
async function prepareDataset(cache: string, count: number, sizes: number[]): Promise<Dataset> {
  const root = path.join(cache, `v${DATASET_VERSION}`);
  const episodesRoot = path.join(root, 'episodes');
  const manifestPath = path.join(root, 'manifest.json');
  let manifest: { jsonl: number[] } = { jsonl: [] };
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
        writeFileSync(file, await zstdAsync(buildTar(members)));
        manifest.jsonl[i] = jsonl;
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
}

async function breakdown(ds: Dataset, n: number, impl: ZstdImpl): Promise<Breakdown> {
  const files = readFileSync(ds.index(n), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { host_id: string; episode_id: string })
    .map((r) => path.join(ds.episodesRoot, r.host_id, `${r.episode_id}.tar.zst`));
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
  return { stages, total: stages.reduce((a, [, v]) => a + v, 0), coldFirst10 };
}

// ---------------------------------------------------------------------------------------------
// measuring one process

interface Measurement {
  wallS: number;
  /** user + sys CPU time of the process and its children (null without /usr/bin/time). */
  cpuS: number | null;
  rssMb: number | null;
  stdout: string;
}

const TIME = '/usr/bin/time';

function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, okCodes: number[]): Promise<Measurement> {
  const useTime = existsSync(TIME);
  const timeFile = path.join(tmpdir(), `episode-gate-bench-${process.pid}-${Math.random().toString(36).slice(2)}.time`);
  const argv = useTime ? ['-f', '%M %U %S', '-o', timeFile, cmd, ...args] : args;
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
      if (useTime && existsSync(timeFile)) {
        // The last line (time prefixes a note when the exit status is not 0).
        const [kb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        rssMb = Number.isFinite(kb) ? kb! / 1024 : null;
        cpuS = Number.isFinite(user) && Number.isFinite(sys) ? user! + sys! : null;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallS, cpuS, rssMb, stdout: Buffer.concat(out).toString() });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Summary {
  wallS: number;
  cpuS: number | null;
  /** The largest peak RSS of the runs. */
  rssMb: number | null;
  /** The median of the runs' peak RSS (which run peaks highest is up to when the V8 heaps collect). */
  rssMedianMb: number | null;
  stdout: string;
  runs: number[];
}

async function repeat(runs: number, f: () => Promise<Measurement>): Promise<Summary> {
  const ms: Measurement[] = [];
  for (let i = 0; i < runs; i++) ms.push(await f());
  const rss = ms.map((m) => m.rssMb).filter((x): x is number => x !== null);
  const cpu = ms.map((m) => m.cpuS).filter((x): x is number => x !== null);
  return {
    wallS: median(ms.map((m) => m.wallS)),
    cpuS: cpu.length ? median(cpu) : null,
    rssMb: rss.length ? Math.max(...rss) : null,
    rssMedianMb: rss.length ? median(rss) : null,
    stdout: ms[0]!.stdout,
    runs: ms.map((m) => m.wallS),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const cli = path.join(repo, 'dist/cis490-prune.js');
  if (!existsSync(cli)) throw new Error('dist/cis490-prune.js is missing: run `npm run build` first (npm run bench does)');
  const sizes = [...new Set([o.episodes, ...(o.scale ?? [])])].sort((a, b) => a - b);
  const ds = await prepareDataset(o.cache, Math.max(...sizes), sizes);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (o.zstd) env.EPISODE_GATE_ZSTD = o.zstd;
  else delete env.EPISODE_GATE_ZSTD;
  const ours = (n: number, jobs: number): Promise<Summary> =>
    repeat(o.runs, () =>
      measure(
        process.execPath,
        [cli, '--episodes-root', ds.episodesRoot, '--index', ds.index(n), '--json', '--jobs', String(jobs)],
        env,
        [0, 1],
      ),
    );

  const nativeZstd = o.zstd !== 'wasm' && 'createZstdDecompress' in (await import('node:zlib')).default;
  const lines: string[] = [];
  const say = (s: string): void => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  const n = o.episodes;
  const mb = ds.jsonlBytes(n) / 1e6;
  say(
    `episode-gate benchmark: node ${process.version}, zstd ${nativeZstd ? 'native (node:zlib)' : 'libzstd in WebAssembly'}, ${availableParallelism()} cores`,
  );
  say(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  say(`dataset: ${n} episodes, ${mb.toFixed(1)} MB of JSONL (${((mb * 1e6) / n / 1e3).toFixed(0)} KB each), medians of ${o.runs} runs`);
  say('(wall time, throughput and the ratios are for this machine as loaded now; CPU ms/ep is user+sys per episode)');
  say('');
  const row = (label: string, s: Summary, eps: number, jsonMb: number): string =>
    `${label.padEnd(26)} ${s.wallS.toFixed(2).padStart(7)} s ${(eps / s.wallS).toFixed(1).padStart(7)} ep/s ${(jsonMb / s.wallS).toFixed(1).padStart(6)} MB/s` +
    `  peak RSS ${s.rssMb === null ? '  n/a' : s.rssMb.toFixed(0).padStart(4) + ' MB'}` +
    `  CPU ${s.cpuS === null ? 'n/a' : ((1000 * s.cpuS) / eps).toFixed(1).padStart(5) + ' ms/ep'}`;

  const main = await ours(n, o.jobs);
  say(row(`ours, --jobs ${o.jobs}`, main, n, mb));
  const one = o.jobs === 1 ? main : await ours(n, 1);
  if (o.jobs !== 1) say(row('ours, --jobs 1', one, n, mb));

  let ref: Summary | null = null;
  let refNote = '';
  if (o.reference) {
    const missing = ['python3', 'zstd'].filter((c) => !onPath(c));
    if (missing.length) refNote = `reference skipped: ${missing.join(' and ')} not found`;
    else if (!existsSync(o.reference)) refNote = `reference skipped: ${o.reference} not found`;
    else {
      ref = await repeat(o.runs, () =>
        measure('python3', [o.reference!, '--episodes-root', ds.episodesRoot, '--index', ds.index(n), '--json'], process.env, [0, 1]),
      );
      say(row('reference (python3)', ref, n, mb));
      const same = sameVerdicts(ref.stdout, main.stdout) && sameVerdicts(ref.stdout, one.stdout);
      say(`verdicts: ${same ? 'identical to the reference' : 'DIFFERENT from the reference'}`);
      if (!same) process.exitCode = 1;
    }
  } else refNote = 'reference skipped (--no-reference)';
  if (refNote) say(refNote);

  say('');
  say('scaling with jobs:');
  for (let j = 1; j <= Math.max(o.jobs, 1); j++) {
    const s = j === o.jobs ? main : j === 1 ? one : await ours(n, j);
    say(row(`  --jobs ${j}`, s, n, mb));
  }
  const scaled: Array<{ n: number; s: Summary }> = [];
  if (o.scale) {
    say('scaling with episodes (--jobs ' + o.jobs + '):');
    for (const k of o.scale) {
      const s = k === n ? main : await ours(k, o.jobs);
      scaled.push({ n: k, s });
      say(row(`  ${k} episodes`, s, k, ds.jsonlBytes(k) / 1e6));
    }
  }

  const b = await breakdown(ds, n, o.zstd ?? defaultZstdImpl());
  say('');
  say('where the time goes (CPU per episode, in-process, one thread, after a warm-up pass):');
  say('  ' + b.stages.map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ') + `; total ${b.total.toFixed(2)} ms`);
  say(`  a fresh thread's first 10 episodes: ${b.coldFirst10.toFixed(1)} ms each (V8 has not optimised the code yet)`);
  if (ref?.cpuS) {
    const refMs = (1000 * ref.cpuS) / n;
    const cores = availableParallelism();
    say(
      `  the reference: ${refMs.toFixed(1)} ms; at ${b.total.toFixed(2)} ms on ${cores} core(s) the ceiling is ` +
        `${((refMs / b.total) * cores).toFixed(1)}x with every core busy (${(refMs / b.total).toFixed(1)}x on one)`,
    );
  }

  say('');
  say('targets:');
  const nativeTargets = nativeZstd;
  if (ref) {
    const rRef = n / ref.wallS;
    const x = (s: Summary): number => n / s.wallS / rRef;
    if (nativeTargets) {
      say(check(`default jobs >= 20x the reference`, x(main) >= 20, `${x(main).toFixed(1)}x`));
      say(check(`one job >= 10x the reference`, x(one) >= 10, `${x(one).toFixed(1)}x`));
    } else {
      say(check(`default jobs >= 8x the reference (WebAssembly zstd)`, x(main) >= 8, `${x(main).toFixed(1)}x`));
      say(`  (one job: ${x(one).toFixed(1)}x the reference)`);
    }
  } else say('  ratio to the reference: not measured');
  if (scaled.length >= 2) {
    const small = scaled[0]!;
    const big = scaled[scaled.length - 1]!;
    if (big.s.rssMb !== null && small.s.rssMb !== null) {
      say(check(`peak RSS for ${big.n} episodes < 200 MB`, big.s.rssMb < 200, `${big.s.rssMb.toFixed(0)} MB`));
      const growth = big.s.rssMb / small.s.rssMb - 1;
      const byMedians = big.s.rssMedianMb !== null && small.s.rssMedianMb !== null ? big.s.rssMedianMb / small.s.rssMedianMb - 1 : null;
      const pct = (g: number): string => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`;
      say(
        check(
          `peak RSS ${big.n} vs ${small.n} episodes within 10%`,
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
  return `  ${ok ? 'met ' : 'MISS'}  ${what}: ${got}`;
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
