/**
 * A small real dataset (.tar.zst episodes) whose verdicts turn on netflowSpreadBytes: four
 * episodes carry about 61.5 KiB more traffic in one phase, so they are kept at the default
 * 51200 and flagged at 81920. Host lab-c holds only an episode kept by its CPU signal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeTarZst } from '../../tools/lib/tarball.js';
import { ZERO, episodeMembers, type EpisodeSpec } from '../../tools/lib/synth.js';

const durations = { clean: 40, infecting: 20, infected_running: 90, dormant: 40 };
// 700 B/s for 90 s: a spread of about 63,000 bytes, between 51,200 and 81,920.
const borderline = { ...ZERO, infected_running: 700 };
const cpuSignal = { clean: 3, infecting: 9, infected_running: 96, dormant: 4 };

const THRESHOLD_EPISODES: ReadonlyArray<{ host: string; spec: EpisodeSpec }> = [
  { host: 'lab-a', spec: { episodeId: 'ep-01', seed: 11, durations, netBytesPerSec: borderline } },
  { host: 'lab-a', spec: { episodeId: 'ep-02', seed: 12, durations, netBytesPerSec: borderline } },
  { host: 'lab-a', spec: { episodeId: 'ep-03', seed: 13, durations, netBytesPerSec: borderline } },
  { host: 'lab-a', spec: { episodeId: 'ep-04', seed: 14, durations } },
  { host: 'lab-b', spec: { episodeId: 'ep-05', seed: 15, durations, netBytesPerSec: borderline } },
  { host: 'lab-c', spec: { episodeId: 'ep-06', seed: 16, durations, cpuPct: cpuSignal } },
];

/** Writes the dataset (index.jsonl + episodes/) under root and returns root. */
export function writeThresholdDataset(root: string): string {
  mkdirSync(root, { recursive: true });
  const index: string[] = [];
  for (const { host, spec } of THRESHOLD_EPISODES) {
    writeTarZst(path.join(root, 'episodes', host, `${spec.episodeId}.tar.zst`), episodeMembers(spec));
    index.push(JSON.stringify({ host_id: host, episode_id: spec.episodeId }));
  }
  writeFileSync(path.join(root, 'index.jsonl'), index.join('\n') + '\n');
  return root;
}
