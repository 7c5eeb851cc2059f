import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../src/dataset/shard.js';

describe('dataset shards', () => {
  it('parses K/N and refuses anything else with the form to use', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/K\/N|1\.\.N/);
  });
  it('puts every episode in exactly one shard, stably, and balances them', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => ({ host: `lab-${i % 7}`, episode: `ep-${i}` }));
    for (const n of [1, 2, 3, 8]) {
      const counts = new Array<number>(n).fill(0);
      for (const e of ids) {
        const owners = Array.from({ length: n }, (_, k) => inShard({ index: k + 1, count: n })(e)).filter(Boolean);
        expect(owners).toHaveLength(1);
        counts[shardOf(e.host, e.episode, n) - 1]!++;
      }
      for (const c of counts) expect(Math.abs(c - ids.length / n)).toBeLessThan((ids.length / n) * 0.1);
    }
    // Identity alone decides: the same episode lands in the same shard however the index grows.
    expect(shardOf('lab-a', 'ep-1', 4)).toBe(shardOf('lab-a', 'ep-1', 4));
    expect(shardOf('lab-a', 'ep-1', 4)).not.toBe(0);
  });
});
