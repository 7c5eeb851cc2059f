/**
 * Datasets for the shard tests: a synthetic one bigger than the fixtures (several hosts, every
 * verdict, unreadable tarballs, missing tarballs, an episode listed twice, and every kind of
 * skipped index line), and helpers to copy the fixtures and grow an index.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeTarZst } from '../../tools/lib/tarball.js';
import { FLAT_LOAD, ZERO, episodeMembers, rng, type EpisodeSpec } from '../../tools/lib/synth.js';

import { REPO, FIXTURES as FIXTURE_DATASET } from './helpers.js';

export { REPO, FIXTURE_DATASET };

const DURATIONS = { clean: 20, infecting: 10, infected_running: 40, dormant: 20 };
const SIGNAL = { clean: 3, infecting: 9, infected_running: 96, dormant: 4 };

/** Writes `episodes` synthetic episodes (and some junk) under root; returns root. Deterministic for a seed. */
export function writeSyntheticDataset(root: string, episodes = 120, seed = 7): string {
  const r = rng(seed);
  const lines: string[] = [];
  const junk = [
    'not json at all',
    '[1, 2, 3]',
    '"a string"',
    '{"host_id": "node-1"}',
    '{"host_id": "", "episode_id": "e"}',
    '{"host_id": 7, "episode_id": "run-7"}',
    '{"host_id": "..", "episode_id": "x"}',
    '{"host_id": "node-2", "episode_id": "a/b"}',
  ];
  for (let i = 0; i < episodes; i++) {
    const host = `node-${i % 5}`;
    const id = `run-${String(i).padStart(4, '0')}`;
    const pick = r();
    const spec: EpisodeSpec = { episodeId: id, seed: seed * 1000 + i, durations: DURATIONS };
    if (pick < 0.3) spec.cpuPct = SIGNAL;
    else if (pick < 0.4) spec.netBytesPerSec = { ...ZERO, infected_running: 4000 };
    else if (pick < 0.45) spec.guestLoad = { ...FLAT_LOAD, infected_running: 1.6 };
    else if (pick < 0.5) spec.sample = null;
    else if (pick < 0.55) spec.events = 'failed';
    else if (pick < 0.6) spec.events = 'none';
    else if (pick < 0.65) spec.probeYes = '0';
    const file = path.join(root, 'episodes', host, `${id}.tar.zst`);
    if (r() < 0.04) {
      // Listed, but its tarball is missing.
    } else {
      writeTarZst(file, episodeMembers(spec), 1);
      if (r() < 0.05) writeFileSync(file, readFileSync(file).subarray(0, 300)); // truncated: unreadable
    }
    lines.push(JSON.stringify({ host_id: host, episode_id: id, size_bytes: 1000 + i }));
    if (i % 15 === 7) lines.push(junk[((i / 15) % junk.length) | 0]!);
    if (i % 40 === 20) lines.push('   ');
  }
  lines.push(JSON.stringify({ host_id: 'node-0', episode_id: 'run-0000', note: 'listed twice' }));
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'index.jsonl'), lines.join('\n') + '\n');
  return root;
}

/** A copy of the committed fixture dataset. */
export function copyFixtures(dir: string): string {
  cpSync(FIXTURE_DATASET, dir, { recursive: true });
  return dir;
}

/** Appends rows to index.jsonl: new episodes (copies of an existing tarball), a missing one, junk lines. */
export function growIndex(root: string, tag: string, opts: { neverUploaded?: boolean } = {}): void {
  const src = path.join(root, 'episodes', 'lab-a', 'ep-rescued-by-netflow.tar.zst');
  const rows: string[] = [];
  for (let i = 0; i < 6; i++) {
    const host = `lab-${tag}`;
    const ep = `ep-new-${i}`;
    mkdirSync(path.join(root, 'episodes', host), { recursive: true });
    cpSync(src, path.join(root, 'episodes', host, `${ep}.tar.zst`));
    rows.push(JSON.stringify({ host_id: host, episode_id: ep }));
  }
  // A row whose tarball never arrived (a regression against a baseline: tolerance.missing_new).
  if (opts.neverUploaded !== false) rows.push(JSON.stringify({ host_id: `lab-${tag}`, episode_id: 'ep-never-uploaded' }));
  rows.push(`junk added with ${tag}`);
  rows.push('{"episode_id": "no-host"}');
  appendFileSync(path.join(root, 'index.jsonl'), rows.join('\n') + '\n');
}
