/**
 * The realistic episodes of the benchmark and of the parity check in CI, shaped like the lab's:
 * ~16-minute episodes (~940 /proc and QMP rows, netflow and guest rows, events, labels: about
 * 510 KB of JSONL and 780 KB of tar) with the workload profiles seen on the fleet, so verdicts
 * vary like a real dataset's, and a 256 KiB capture member the reader must skip. Deterministic:
 * episode i is the same bytes every time.
 */
import { spawn } from 'node:child_process';
import { FLAT_CPU, FLAT_LOAD, ZERO, rng, type EpisodeSpec } from './synth.js';

export const HOSTS = ['lab-a', 'lab-b', 'lab-c', 'lab-d'];
const DURATIONS = { clean: 94, infecting: 47, infected_running: 471, dormant: 330 }; // 942 s: 510 KB of JSONL
const CAPTURE_BYTES = 256 * 1024;

/** Episode i's spec: the workload profiles seen on the fleet, in turn. */
export function specFor(i: number): EpisodeSpec {
  const id = `ep-bench-${String(i).padStart(5, '0')}`;
  const base: EpisodeSpec = {
    episodeId: id,
    seed: 1000 + i,
    durations: DURATIONS,
    t0: 1_800_000_000_000_000_000n + BigInt(i) * 7_200n * 1_000_000_000n,
  };
  switch (i % 8) {
    case 0: // cpu-burn: /proc shows it
      return { ...base, cpuPct: { clean: 3, infecting: 8, infected_running: 97, dormant: 4 } };
    case 1: // scan-and-dial on a crowded host: rescued by netflow
      return { ...base, netBytesPerSec: { ...ZERO, infected_running: 2_000 } };
    case 2: // io-walk: rescued by QMP deltas
      return { ...base, qmpBytesPerSec: { ...ZERO, infected_running: 150_000 } };
    case 3: // low-and-slow: rescued by guest load
      return { ...base, guestLoad: { ...FLAT_LOAD, infected_running: 1.4 } };
    case 4: // flat everywhere, probe silent: flat-cpu + workload-silent
      return { ...base, cpuPct: FLAT_CPU, probeYes: '0' };
    case 5: // pre-sample-propagation episode
      return { ...base, sample: null };
    case 6: // workload failed mid-phase
      return { ...base, events: 'failed', cpuPct: { clean: 3, infecting: 8, infected_running: 97, dormant: 4 } };
    default: // guest agent dead: no guest rows
      return { ...base, sources: { guest: false }, netBytesPerSec: { ...ZERO, infecting: 900 } };
  }
}

export function captureMember(id: string, seed: number): { name: string; data: Uint8Array } {
  // Packet-like bytes: mostly random payload, so it compresses about as badly as a real capture.
  const r = rng(seed);
  const data = new Uint8Array(CAPTURE_BYTES);
  for (let i = 0; i < data.length; i += 4) {
    const x = (r() * 4294967296) >>> 0;
    data[i] = x & 0xff;
    data[i + 1] = (x >>> 8) & 0xff;
    data[i + 2] = i % 64 < 16 ? 0 : (x >>> 16) & 0xff;
    data[i + 3] = i % 64 < 16 ? 0 : x >>> 24;
  }
  return { name: `${id}/capture/bridge0.pcap`, data };
}

export function zstdAsync(input: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const p = spawn('zstd', ['-q', '-3', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`zstd exited with ${code}`))));
    p.stdin.end(input);
  });
}
