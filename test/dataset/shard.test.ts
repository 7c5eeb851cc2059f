import { describe, expect, it } from 'vitest';
import { walkIndexText } from '../../src/dataset/index-file.js';
import { episodeShardKey, inShard, parseShard, shardOf, shardOfKey } from '../../src/dataset/shard.js';

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
        const owners = Array.from({ length: n }, (_, k) =>
          inShard({ index: k + 1, count: n })({ shardKey: episodeShardKey(e.host, e.episode) }),
        ).filter(Boolean);
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

describe('the shard key of every kind of index row', () => {
  const text = [
    '{"host_id": "lab-a", "episode_id": "ep-1"}',
    'not json',
    '[1, 2]',
    '{"host_id": "lab-a"}',
    '{"host_id": 3, "episode_id": "ep-3"}',
    '{"host_id": "..", "episode_id": "ep-4"}',
    '{"host_id": "lab-b", "episode_id": "ep-gone"}',
  ].join('\n');
  const walk = walkIndexText(text, '/nonexistent/episodes');

  it('is host/episode for rows with string ids (missing and refused ones too), else the line itself', () => {
    expect(walk.missing.map((m) => [m.line, m.shardKey])).toEqual([
      [1, 'lab-a/ep-1'],
      [7, 'lab-b/ep-gone'],
    ]);
    expect(walk.problems.map((p) => [p.line, p.kind, p.shardKey])).toEqual([
      [2, 'not-json', 'not json'],
      [3, 'not-an-object', '[1, 2]'],
      [4, 'missing-id', '{"host_id": "lab-a"}'],
      [5, 'unsafe-id', '{"host_id": 3, "episode_id": "ep-3"}'],
      [6, 'unsafe-id', '../ep-4'],
    ]);
  });

  it('does not depend on the line number: the same row lands in the same shard wherever it is', () => {
    const moved = walkIndexText(['', 'x', text.split('\n').reverse().join('\n')].join('\n'), '/nonexistent/episodes');
    const shardByKey = (w: typeof walk, n: number): Map<string, number> =>
      new Map([...w.missing, ...w.problems].map((r) => [r.shardKey, shardOfKey(r.shardKey, n)]));
    for (const n of [2, 3, 7]) {
      const a = shardByKey(walk, n);
      const b = shardByKey(moved, n);
      for (const [key, shard] of a) expect(b.get(key), key).toBe(shard);
    }
    expect(shardOf('lab-a', 'ep-1', 5)).toBe(shardOfKey('lab-a/ep-1', 5));
  });
});
