/**
 * A dataset for the parity check whose per-phase medians see NaN and -0.0: guest loads of NaN and
 * "nan" (from 1% to 30% of the rows, and one crafted phase), -0.0 beside 0.0, and /proc rows with
 * Infinity jiffies (inf - inf gives a NaN CPU%). Where a NaN is among the values, which values
 * statistics.median finds in the middle depends on the exact comparisons of CPython's sort; the
 * other sources are flat, so the guest (or /proc) spread decides the verdict.
 *
 *   npx tsx tools/parity/medians-dataset.ts --episodes 120 --out DIR
 *   npx tsx tools/parity/check.ts --dataset DIR
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FLAT_CPU, ZERO, episodeMembers, rng, labelTimes, type EpisodeSpec } from '../lib/synth.js';
import { buildTar, zstdCompress } from '../lib/tarball.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['episodes', 'out']);

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const out = option('out');
const n = Number(option('episodes') ?? '120');
if (!out || !Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: npx tsx tools/parity/medians-dataset.ts --episodes N --out DIR\n');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'episodes', 'lab-n'), { recursive: true });
const index: string[] = [];
const SEC = 1_000_000_000n;
for (let i = 0; i < n; i++) {
  const r = rng(7000 + i);
  const id = `ep-nan-${String(i).padStart(3, '0')}`;
  const spec: EpisodeSpec = { episodeId: id, seed: 100 + i, cpuPct: FLAT_CPU, netBytesPerSec: ZERO, qmpBytesPerSec: ZERO };
  const members = episodeMembers(spec);
  const starts = labelTimes(spec);
  const t0 = starts.clean;
  const d = { clean: 120, infecting: 60, infected_running: 600, dormant: 300 };
  const phases = ['clean', 'infecting', 'infected_running', 'dormant'] as const;
  const mode = i % 4;
  const nanText = () => (r() < 0.5 ? 'NaN' : '"nan"');
  const guestRows: string[] = [];
  let s = 0;
  for (const p of phases) {
    const base = r() * 0.6;
    for (let k = 0; k < d[p]; k += 5, s += 5) {
      let v: string;
      const x = r();
      if (mode === 0 && p === 'clean') v = k === 5 ? nanText() : k === 0 ? '0.5' : '0.1';
      else if (x < (mode === 1 ? 0.3 : mode === 2 ? 0.05 : 0.01)) v = nanText();
      else if (x < 0.1) v = r() < 0.5 ? '-0.0' : '0.0';
      else v = (base + (r() - 0.5) * 0.3).toFixed(3);
      guestRows.push(`{"t_wall_ns": ${t0 + BigInt(s) * SEC + 100_000n}, "load_1m_5m_15m": [${v}, 0.1, 0.1]}`);
    }
  }
  const m = members.map((e) => {
    if (e.name.endsWith('telemetry-guest.jsonl')) return { ...e, data: guestRows.map((x) => x + '\n').join('') };
    if (mode === 3 && e.name.endsWith('telemetry-proc.jsonl')) {
      // Infinity jiffies in pairs of rows: inf - inf is a NaN CPU% for the second of each pair.
      const lines = String(e.data).split('\n');
      for (let j = 0; j < 6; j++) {
        const at = 1 + Math.floor(r() * (lines.length - 4));
        for (const k of [at, at + 1]) lines[k] = lines[k]!.replace(/"cpu_user_jiffies": \d+/, '"cpu_user_jiffies": Infinity');
      }
      return { ...e, data: lines.join('\n') };
    }
    return e;
  });
  writeFileSync(path.join(out, 'episodes', 'lab-n', `${id}.tar.zst`), zstdCompress(buildTar(m)));
  index.push(JSON.stringify({ host_id: 'lab-n', episode_id: id }));
}
writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n');
process.stdout.write(`wrote ${n} episodes to ${out}\n`);
