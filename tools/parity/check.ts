/**
 * Parity check against the Python reference, episode by episode.
 *
 *   npx tsx tools/parity/check.ts --dataset DIR [--reference PATH] [--zstd native|wasm]
 *
 * Runs the reference (through reference_verdicts.py, which imports it unchanged) and our
 * classifier on the same dataset and compares, for every episode the reference scans:
 * reasons (same order), sample, module, size_bytes. Where the reference crashes or reports
 * "unreadable: ...", ours must say `unreadable`. Exit 0 when all agree, 1 otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLASSIFIER_SETTINGS } from '../../src/classifier/types.js';
import { scanDataset } from '../../src/dataset/scan.js';
import { DEFAULT_LIMITS } from '../../src/episode/read.js';
import { nativeZstdAvailable, type ZstdImpl } from '../../src/episode/zstd.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['dataset', 'reference', 'zstd']);

interface RefRow {
  host: string;
  episode: string;
  size_bytes?: number;
  reasons?: string[];
  sample?: string | null;
  module?: string | null;
  crash?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt?: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : process.argv[i + 1];
};

async function main(): Promise<number> {
  const dataset = arg('dataset');
  if (!dataset) throw new Error('--dataset DIR is required');
  const reference = arg('reference', path.join(here, '../../../shared/reference/cis490_prune.py'))!;
  if (!existsSync(reference)) throw new Error(`no reference at ${reference}: pass --reference PATH to cis490_prune.py`);
  const zstd = arg('zstd') as ZstdImpl | undefined;
  if (zstd === 'native' && !nativeZstdAvailable())
    throw new Error(
      `--zstd native: this Node (${process.version}) has no native zstd; run on Node 24 (bash scripts/node24.sh ...) or pass --zstd wasm`,
    );
  const episodesRoot = path.join(dataset, 'episodes');
  const indexPath = path.join(dataset, 'index.jsonl');
  const t0 = performance.now();
  const refOut = execFileSync('python3', [path.join(here, 'reference_verdicts.py'), reference, episodesRoot, indexPath], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const tRef = performance.now() - t0;
  const ref: RefRow[] = refOut
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RefRow);
  const t1 = performance.now();
  const ours = await scanDataset({
    indexPath,
    episodesRoot,
    settings: { ...DEFAULT_CLASSIFIER_SETTINGS },
    limits: { ...DEFAULT_LIMITS },
    jobs: 2,
    ...(zstd ? { zstd } : {}),
  });
  const tOurs = performance.now() - t1;
  const byKey = new Map<string, (typeof ours.episodes)[number][]>();
  for (const e of ours.episodes) byKey.set(`${e.host}/${e.episode}`, [...(byKey.get(`${e.host}/${e.episode}`) ?? []), e]);
  let same = 0;
  let unreadableAgreed = 0;
  const diffs: string[] = [];
  for (const r of ref) {
    const key = `${r.host}/${r.episode}`;
    const o = byKey.get(key)?.shift();
    if (!o) {
      diffs.push(`${key}: scanned by the reference, not by us`);
      continue;
    }
    const refUnreadable = r.crash !== undefined || (r.reasons ?? []).some((x) => x.startsWith('unreadable:'));
    if (refUnreadable) {
      if (o.verdict.reasons.join() === 'unreadable') unreadableAgreed++;
      else diffs.push(`${key}: reference cannot read it (${r.crash ?? r.reasons?.join()}), we said ${JSON.stringify(o.verdict.reasons)}`);
      continue;
    }
    const problems: string[] = [];
    if (JSON.stringify(r.reasons) !== JSON.stringify(o.verdict.reasons))
      problems.push(`reasons ${JSON.stringify(r.reasons)} vs ${JSON.stringify(o.verdict.reasons)} (${o.verdict.unreadable ?? ''})`);
    if ((r.sample ?? null) !== o.verdict.sampleJson) problems.push(`sample ${r.sample} vs ${o.verdict.sampleJson}`);
    if ((r.module ?? null) !== o.verdict.moduleJson) problems.push(`module ${r.module} vs ${o.verdict.moduleJson}`);
    if (r.size_bytes !== o.sizeBytes) problems.push(`size_bytes ${r.size_bytes} vs ${o.sizeBytes}`);
    if (problems.length) diffs.push(`${key}: ${problems.join('; ')}`);
    else same++;
  }
  const extra = [...byKey.values()].flat();
  for (const e of extra) diffs.push(`${e.host}/${e.episode}: scanned by us, not by the reference`);
  process.stdout.write(
    `parity: ${ref.length} episodes; ${same} identical verdicts, ${unreadableAgreed} unreadable to both, ${diffs.length} differences` +
      ` (reference ${(tRef / 1000).toFixed(1)} s, ours ${(tOurs / 1000).toFixed(1)} s)\n`,
  );
  for (const d of diffs.slice(0, 50)) process.stdout.write(`  DIFF ${d}\n`);
  return diffs.length === 0 ? 0 : 1;
}

main().then(
  (c) => (process.exitCode = c),
  (e: Error) => {
    process.stderr.write(`parity: ${e.message}\n`);
    process.exitCode = 2;
  },
);
