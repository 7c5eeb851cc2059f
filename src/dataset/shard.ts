/**
 * Deterministic shards of a dataset for a CI matrix. Every index row has a shard key, and the row
 * belongs to shard 1 + (first 48 bits of sha256(key) mod N):
 * - a row with string ids (scanned, tarball missing, or refused as unsafe) is keyed "host/episode";
 * - a line without usable ids (not JSON, not an object, ids missing, empty or not strings) is
 *   keyed by its own text.
 * The assignment depends on the row's content alone, never on its line number or on the rest of
 * the index, so a row stays in its shard as the index grows, and shards stay balanced.
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../shared/errors.js';

export interface Shard {
  /** 1-based, as a matrix lists them: 1/4, 2/4, 3/4, 4/4. */
  index: number;
  count: number;
}

const MAX_SHARDS = 1024;

export class ShardSpecError extends ConfigError {}

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new ShardSpecError(`shard "${spec}" is not of the form K/N (e.g. 2/4)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new ShardSpecError(`shard "${spec}": K must be 1..N and N 1..${MAX_SHARDS}`);
  }
  return { index, count };
}

/** The shard key of a row with string ids. */
export function episodeShardKey(host: string, episode: string): string {
  return `${host}/${episode}`;
}

export function shardOfKey(key: string, count: number): number {
  const h = createHash('sha256').update(key).digest();
  return 1 + (h.readUIntBE(0, 6) % count);
}

export function shardOf(host: string, episode: string, count: number): number {
  return shardOfKey(episodeShardKey(host, episode), count);
}

/** Whether an index row (scanned entry, missing tarball or skipped line) belongs to `shard`. */
export function inShard(shard: Shard): (row: { shardKey: string }) => boolean {
  return (row) => shardOfKey(row.shardKey, shard.count) === shard.index;
}

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;
