/** Evidence lines print enough digits to show the inequality they state. */
import { describe, expect, it } from 'vitest';
import { comparison } from '../../../src/classifier/sources/common.js';
import { fmtBytes } from '../../../src/classifier/stats.js';
import { GOOD_EVENTS, GOOD_META, T0, jsonl, labels4, verdictOf } from '../../support/helpers.js';

const at = (phase: number, s: number): bigint => T0 + BigInt(phase) * 100_000_000_000n + BigInt(s) * 1_000_000_000n;
const netflow = (...rows: Array<[number, number]>): string =>
  jsonl(...rows.map(([p, b]) => `{"t_wall_ns": ${at(p, 1)}, "bytes_in": ${b}, "bytes_out": 0}`));

describe('evidence at the boundary', () => {
  it('a netflow spread one byte under 50 KiB prints digits that differ', () => {
    const v = verdictOf({ meta: GOOD_META, events: GOOD_EVENTS, labels: labels4(), netflow: netflow([0, 0], [2, 51_199]) });
    expect(v.evidence?.sources?.netflow.why).toBe('netflow spread 49.999 KiB < 50.000 KiB');
  });

  it('a guest-load spread just under 0.10 is not "0.10 < 0.10"', () => {
    expect(comparison(0.0999, '<', 0.1, (n, d = 2) => n.toFixed(d))).toBe('0.0999 < 0.1000');
  });

  it('usual values keep their usual digits', () => {
    expect(comparison(12 * 1024, '<', 50 * 1024, fmtBytes)).toBe('12.0 KiB < 50.0 KiB');
    expect(comparison(50 * 1024, '>=', 50 * 1024, fmtBytes)).toBe('50.0 KiB >= 50.0 KiB');
  });
});
