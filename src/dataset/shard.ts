/**
 * Deterministic shards of a dataset for a CI matrix: an episode belongs to shard
 * 1 + (first 48 bits of sha256("host/episode") mod N). The assignment depends on the episode's
 * identity alone, so it stays put as the index grows and shards stay balanced.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as a matrix lists them: 1/4, 2/4, 3/4, 4/4. */
  index: number;
  count: number;
}

export class ShardSpecError extends Error {}

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new ShardSpecError(`shard "${spec}" is not of the form K/N (e.g. 2/4)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1024 || index < 1 || index > count) {
    throw new ShardSpecError(`shard "${spec}": K must be 1..N and N 1..1024`);
  }
  return { index, count };
}

export function shardOf(host: string, episode: string, count: number): number {
  const h = createHash('sha256').update(`${host}/${episode}`).digest();
  return 1 + (h.readUIntBE(0, 6) % count);
}

export function inShard(shard: Shard): (e: { host: string; episode: string }) => boolean {
  return (e) => shardOf(e.host, e.episode, shard.count) === shard.index;
}

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;
