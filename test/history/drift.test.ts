import { describe, expect, it } from 'vitest';
import { driftAlerts } from '../../src/history/drift.js';
import type { HistoryRow } from '../../src/history/format.js';

/**
 * One night of a dataset pruned every night: 200 episodes scanned, none flagged (the prune took
 * them), and 10 new on each of two hosts, of which lab-b's `bad` arrive flagged.
 */
function night(i: number, bad: number, recordsArrivals = true): HistoryRow {
  return {
    v: 1,
    time: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
    commit: null,
    run: String(i),
    fingerprint: `sha256:${i}`,
    settings_hash: 'sha256:s',
    tool_version: '1.0.0',
    scanned: 200,
    kept: 200,
    flagged: 0,
    by_reason: {},
    hosts: { 'lab-a': [100, 0], 'lab-b': [100, 0] },
    changes: {
      new: 20,
      gone: bad,
      flips: 0,
      reasons_changed: 0,
      ...(recordsArrivals
        ? { new_flagged: 1 + bad, new_hosts: { 'lab-a': [10, 1] as [number, number], 'lab-b': [10, bad] as [number, number] } }
        : {}),
    },
  };
}

const rule = { window: 7, tolerancePp: 5 };

describe('the drift rule on a dataset pruned every night', () => {
  it('judges the episodes as they arrived, and names the host whose arrivals went bad', () => {
    const rows = [...Array.from({ length: 7 }, (_, i) => night(i, 0)), ...Array.from({ length: 7 }, (_, i) => night(7 + i, 6))];
    const alerts = driftAlerts(rows, rule);
    expect(alerts.map((a) => [a.host, a.basis, a.before, a.after])).toEqual([
      [null, 'arrivals', 5, 35],
      ['lab-b', 'arrivals', 0, 60],
    ]);
    expect(alerts[1]!.message).toBe(
      'drift on host lab-b: new episodes flagged 60.0% over the last 7 runs, up 60.0 pp from 0.0% over the 7 before (tolerance 5 pp)',
    );
  });

  it('falls back to the whole dataset where a row does not record its arrivals, and so sees nothing here', () => {
    const rows = [
      night(0, 0, false),
      ...Array.from({ length: 6 }, (_, i) => night(1 + i, 0)),
      ...Array.from({ length: 7 }, (_, i) => night(7 + i, 6)),
    ];
    expect(driftAlerts(rows, rule)).toEqual([]);
  });
});
