/**
 * Steady per-episode CPU of read + classify, in this process on one thread, with the JSONL
 * members parsed into columns or into row objects: the same episodes, alternating passes, so a
 * noisy machine moves both alike. Prints the median of the passes, the paired ratio, the share
 * of time in GC and the peak RSS. The tarballs are read into memory first (no disk in the timing).
 *
 *   npx tsx tools/parity/steady.ts --dataset DIR [--passes 7] [--mode both|rows|columns]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { classify } from '../../src/classifier/classify.js';
import { DEFAULT_CLASSIFIER_SETTINGS } from '../../src/classifier/types.js';
import { newDecoderContext } from '../../src/episode/decoder-context.js';
import { readEpisodeBytes, type ReadOptions } from '../../src/episode/read.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['dataset', 'passes', 'mode']);

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : (process.argv[i + 1] ?? dflt);
};
const dataset = arg('dataset', '');
const passes = Number(arg('passes', '7'));
const mode = arg('mode', 'both');
type Mode = 'rows' | 'columns';
const modes: Mode[] = mode === 'both' ? ['rows', 'columns'] : [mode as Mode];

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

const index = readFileSync(path.join(dataset, 'index.jsonl'), 'utf8').split('\n').filter(Boolean);
const files = index.map((l) => {
  const { host_id, episode_id } = JSON.parse(l) as { host_id: string; episode_id: string };
  return readFileSync(path.join(dataset, 'episodes', host_id, `${episode_id}.tar.zst`));
});
const decoder = newDecoderContext();

/** One pass over every episode: CPU ms per episode and GC ms per episode. */
async function pass(m: Mode): Promise<{ cpu: number; gc: number; verdicts: string }> {
  const opts = { decoder, columns: m === 'columns' } as ReadOptions;
  const out: string[] = [];
  const gc0 = gcMs;
  const u = process.cpuUsage();
  for (const f of files) {
    const r = await readEpisodeBytes(f, opts);
    out.push(r.ok ? classify(r.rows, DEFAULT_CLASSIFIER_SETTINGS).reasons.join() : 'unreadable');
  }
  const d = process.cpuUsage(u);
  await new Promise((res) => setImmediate(res)); // let the gc observer report
  return { cpu: (d.user + d.system) / 1000 / files.length, gc: (gcMs - gc0) / files.length, verdicts: out.join('|') };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  for (const m of modes) await pass(m); // warm-up
  const cpu: Record<Mode, number[]> = { rows: [], columns: [] };
  const gc: Record<Mode, number[]> = { rows: [], columns: [] };
  const verdicts = new Set<string>();
  for (let i = 0; i < passes; i++) {
    for (const m of i % 2 ? [...modes].reverse() : modes) {
      const r = await pass(m);
      cpu[m].push(r.cpu);
      gc[m].push(r.gc);
      verdicts.add(r.verdicts);
    }
  }
  const say = (s: string): boolean => process.stdout.write(s + '\n');
  say(`${files.length} episodes, ${passes} passes each, node ${process.version}`);
  for (const m of modes) {
    say(
      `  ${m.padEnd(7)} steady CPU ${median(cpu[m]).toFixed(3)} ms/episode (passes ${cpu[m].map((x) => x.toFixed(2)).join(' ')}),` +
        ` GC ${median(gc[m]).toFixed(3)} ms (${((100 * median(gc[m])) / median(cpu[m])).toFixed(1)}%)`,
    );
  }
  if (modes.length === 2) {
    const ratios = cpu.rows.map((r, i) => cpu.columns[i]! / r);
    say(`  columns / rows, paired: median ${median(ratios).toFixed(3)} (${ratios.map((x) => x.toFixed(2)).join(' ')})`);
  }
  say(`  verdicts: ${verdicts.size === 1 ? 'the same in every pass and mode' : 'DIFFER between passes or modes'}`);
  say(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (verdicts.size !== 1) process.exitCode = 1;
}

void main();
