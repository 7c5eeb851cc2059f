/**
 * The HTML report's size and build time: made-up gate runs of 10,000 and 100,000 episodes
 * (tools/lib/synth-report.ts) rendered, and the per-episode cost of reading a detail again
 * from realistic synthetic tarballs (the report reads at most 200). Usage: npm run bench:html
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readEpisodeDetail } from '../src/gate/episode-detail.js';
import { DEFAULT_GATE_SETTINGS } from '../src/gate/settings.js';
import { DETAIL_CAP, htmlReportInput } from '../src/render/html/adapter.js';
import { renderHtmlReport } from '../src/render/html/render.js';
import { episodeMembers } from './lib/synth.js';
import { syntheticGateRun } from './lib/synth-report.js';
import { writeTarZst } from './lib/tarball.js';
import { toolArgs } from './lib/cli.js';

toolArgs(import.meta.url, []);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const episodes of [10_000, 100_000]) {
  const { run, details } = syntheticGateRun({ episodes, hosts: 60 });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const html = renderHtmlReport(htmlReportInput(run, details));
    times.push(performance.now() - t0);
    bytes = Buffer.byteLength(html);
  }
  console.log(
    `${episodes} episodes (${run.report.counts.flagged} flagged, ${run.comparison!.flips.length} flipped): ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MiB, built in ${median(times).toFixed(0)} ms (median of 5; input + render, details given)`,
  );
}

const dir = path.resolve('.cache', 'html-bench');
mkdirSync(dir, { recursive: true });
const files: string[] = [];
for (let i = 0; i < 20; i++) {
  const f = path.join(dir, `ep-${i}.tar.zst`);
  writeTarZst(f, episodeMembers({ episodeId: `ep-${i}`, seed: i + 1 }));
  files.push(f);
}
const per: number[] = [];
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (const f of files) await readEpisodeDetail(f, 'lab', path.basename(f), DEFAULT_GATE_SETTINGS);
  per.push((performance.now() - t0) / files.length);
}
const ms = median(per);
console.log(
  `reading one episode's detail again (~1,200 rows per source): ${ms.toFixed(1)} ms (median of 3 rounds of 20); ` +
    `${DETAIL_CAP} details: ~${((ms * DETAIL_CAP) / 1000).toFixed(2)} s`,
);
rmSync(dir, { recursive: true, force: true });
