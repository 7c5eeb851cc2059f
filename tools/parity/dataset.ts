/**
 * A realistic dataset for the parity check: the benchmark's episodes (tools/lib/realistic.ts),
 * written as the fleet's tar writer writes them, padded to records of 10,240 bytes, and every
 * eighth one grown to exactly k x 64 KiB, 128 KiB or 1 MiB in turn: the sizes that fill a
 * decoder's output buffer to its last byte. Deterministic: the same --episodes give the same files.
 *
 *   npx tsx tools/parity/dataset.ts --episodes 150 --out DIR
 *   npx tsx tools/parity/check.ts --dataset DIR
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { HOSTS, captureMember, specFor, zstdAsync } from '../lib/realistic.js';
import { episodeMembers } from '../lib/synth.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['episodes', 'out']);
import { buildTar, buildTarOfSize } from '../lib/tarball.js';

const RECORD = 10_240;
const EXACT_UNITS = [64 * 1024, 128 * 1024, 1024 * 1024];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Episode i's tar: record-padded, or for every eighth episode exactly a multiple of a buffer size. */
export function tarOf(i: number): Uint8Array {
  const spec = specFor(i);
  const members = [...episodeMembers(spec), captureMember(spec.episodeId, spec.seed)];
  const plain = buildTar(members).length;
  const unit = i % 8 === 7 ? EXACT_UNITS[Math.floor(i / 8) % EXACT_UNITS.length]! : RECORD;
  return buildTarOfSize(members, Math.ceil(plain / unit) * unit);
}

async function main(): Promise<void> {
  const count = Number(option('episodes') ?? '150');
  const out = option('out');
  if (!out || !Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: npx tsx tools/parity/dataset.ts --episodes N --out DIR\n');
    process.exitCode = 2;
    return;
  }
  rmSync(out, { recursive: true, force: true });
  const index: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const host = HOSTS[i % HOSTS.length]!;
      const id = specFor(i).episodeId;
      const file = path.join(out, 'episodes', host, `${id}.tar.zst`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, await zstdAsync(tarOf(i)));
      index[i] = JSON.stringify({ host_id: host, episode_id: id });
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() + 1 }, lane));
  writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n');
  process.stdout.write(`parity dataset: ${count} episodes in ${out}\n`);
}

void main();
