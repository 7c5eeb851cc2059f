/**
 * Datasets that change between runs, made with the synth tools: a lab of four hosts whose
 * nights are mostly kept (about 12 % flagged, for the reasons the lab sees), grown by a normal
 * or a broken cohort, pruned, or with a tarball rewritten in place at the same size.
 * Deterministic for a seed; small episodes (90 s of telemetry) keep generation quick.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTar, writeTarZst, zstdCompress } from '../../tools/lib/tarball.js';
import { FLAT_LOAD, ZERO, episodeMembers, rng, type EpisodeSpec } from '../../tools/lib/synth.js';

const HOSTS = ['lab-0', 'lab-1', 'lab-2', 'lab-3'];
const DURATIONS = { clean: 20, infecting: 10, infected_running: 40, dormant: 20 };
const SIGNAL = { clean: 3, infecting: 9, infected_running: 96, dormant: 4 };

/** A normal night's episode: mostly signal, now and then flat or broken for one reason. */
function normalSpec(id: string, seed: number, pick: number): EpisodeSpec {
  const spec: EpisodeSpec = { episodeId: id, seed, durations: DURATIONS, cpuPct: SIGNAL };
  if (pick < 0.8) return spec;
  if (pick < 0.85) return { ...spec, cpuPct: undefined, netBytesPerSec: { ...ZERO, infected_running: 4000 } };
  if (pick < 0.88) return { ...spec, cpuPct: undefined, guestLoad: { ...FLAT_LOAD, infected_running: 1.6 } };
  if (pick < 0.93) return { ...spec, cpuPct: undefined }; // flat everywhere
  if (pick < 0.95) return { ...spec, sample: null };
  if (pick < 0.97) return { ...spec, events: 'failed' };
  return { ...spec, events: 'none' };
}

/** A broken collector: every source flat. */
function flatSpec(id: string, seed: number): EpisodeSpec {
  return { episodeId: id, seed, durations: DURATIONS };
}

export interface NightOptions {
  /** Episodes per host. */
  perHost: number;
  seed: number;
  /** Episode ids are `${prefix}-NNNN`. */
  prefix: string;
  /** This host's new episodes all come from a broken collector. */
  brokenHost?: string;
}

/** The episodes of one night, host by host, as addNight writes them. */
export function nightSpecs(o: NightOptions): Array<{ host: string; spec: EpisodeSpec }> {
  const r = rng(o.seed);
  const out: Array<{ host: string; spec: EpisodeSpec }> = [];
  for (let i = 0; i < o.perHost; i++) {
    for (const [h, host] of HOSTS.entries()) {
      const id = `${o.prefix}-${String(i * HOSTS.length + h).padStart(4, '0')}`;
      const seed = o.seed * 10_000 + i * HOSTS.length + h;
      const pick = r();
      out.push({ host, spec: host === o.brokenHost ? flatSpec(id, seed) : normalSpec(id, seed, pick) });
    }
  }
  return out;
}

/** Adds one night of episodes (tarballs and index rows) to the dataset at root; returns "host/episode" keys. */
export function addNight(root: string, o: NightOptions): string[] {
  const rows: string[] = [];
  const keys: string[] = [];
  for (const { host, spec } of nightSpecs(o)) {
    writeTarZst(path.join(root, 'episodes', host, `${spec.episodeId}.tar.zst`), episodeMembers(spec), 1);
    rows.push(JSON.stringify({ host_id: host, episode_id: spec.episodeId }));
    keys.push(`${host}/${spec.episodeId}`);
  }
  mkdirSync(root, { recursive: true });
  appendFileSync(path.join(root, 'index.jsonl'), rows.join('\n') + '\n');
  return keys;
}

export const BASE_NIGHT: NightOptions = { perHost: 60, seed: 11, prefix: 'run' };

/** The base dataset (60 episodes per host), cached under cacheDir/base; returns a fresh copy at out. */
export function baseCopy(cacheDir: string, out: string): string {
  const base = path.join(cacheDir, 'base');
  if (!statSync(path.join(base, 'index.jsonl'), { throwIfNoEntry: false })) {
    rmSync(base, { recursive: true, force: true });
    addNight(base, BASE_NIGHT);
  }
  rmSync(out, { recursive: true, force: true });
  cpSync(base, out, { recursive: true });
  return out;
}

/** Removes an episode's tarball and its index row. */
export function removeEpisode(root: string, host: string, episode: string): void {
  rmSync(path.join(root, 'episodes', host, `${episode}.tar.zst`));
  const index = path.join(root, 'index.jsonl');
  const lines = readFileSync(index, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.includes(`"episode_id":"${episode}"`));
  writeFileSync(index, lines.join('\n') + '\n');
}

/**
 * Rewrites an episode's tarball with other telemetry values of the same length, trying
 * variants until the compressed file has exactly the old size (so a size-based fingerprint
 * cannot see it). Returns the variant used.
 */
export function rewriteSameSize(root: string, host: string, spec: EpisodeSpec): number {
  const file = path.join(root, 'episodes', host, `${spec.episodeId}.tar.zst`);
  const size = statSync(file).size;
  const members = episodeMembers(spec);
  const proc = members.findIndex((m) => m.name.endsWith('telemetry-proc.jsonl'));
  const text = String(members[proc]!.data);
  for (let v = 1; v < 5000; v++) {
    // Same length, other bytes: the thread count of the rows picked by v's bits goes from 7 to 8.
    let row = 0;
    const changed = text.replace(/"threads": 7/g, (m) => ((v >> (row++ % 12)) & 1 ? '"threads": 8' : m));
    const data = zstdCompress(buildTar(members.map((m, i) => (i === proc ? { ...m, data: changed } : m))), 1);
    if (data.length === size) {
      writeFileSync(file, data);
      return v;
    }
  }
  throw new Error(`no same-size rewrite found for ${host}/${spec.episodeId}`);
}
