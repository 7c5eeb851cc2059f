import { describe, expect, it } from 'vitest';
import { GOOD_EVENTS, GOOD_META, T0, jsonl, labels4, verdictOf } from '../support/helpers.js';

const STEP = 100_000_000_000n; // 100 s between labels
const at = (phase: number, offsetS: number): bigint => T0 + BigInt(phase) * STEP + BigInt(offsetS) * 1_000_000_000n;

/** Netflow rows: [phase index, second offset, bytes]. */
const netflow = (...rows: Array<[number, number, number]>): string =>
  jsonl(...rows.map(([p, s, b]) => `{"t_wall_ns": ${at(p, s)}, "bytes_in": ${b}, "bytes_out": 0}`));

/** /proc rows giving a constant CPU% per phase (1 s apart, CLK_TCK 100). */
function proc(pctByPhase: number[]): string {
  const rows: string[] = [];
  let jiff = 0;
  let mono = 1_000_000_000_000;
  for (let p = 0; p < pctByPhase.length; p++) {
    for (let s = 1; s <= 5; s++) {
      jiff += pctByPhase[p]!;
      mono += 1_000_000_000;
      rows.push(`{"t_mono_ns": ${mono}, "t_wall_ns": ${at(p, s)}, "cpu_user_jiffies": ${jiff}, "cpu_sys_jiffies": 0}`);
    }
  }
  return jsonl(...rows);
}
const FLAT_PROC = proc([50, 50, 50, 50]);

function base(extra: Record<string, string> = {}) {
  return { meta: GOOD_META, events: GOOD_EVENTS, labels: labels4(), proc: FLAT_PROC, ...extra };
}

describe('reasons and their order', () => {
  it('keeps an episode with a sample, workload events and signal', () => {
    expect(verdictOf(base({ proc: proc([5, 5, 95, 5]) })).reasons).toEqual([]);
  });
  it('flags no-sample when meta.sample is null or meta.json is absent', () => {
    expect(verdictOf(base({ meta: '{"sample": null}', proc: proc([5, 5, 95, 5]) })).reasons).toEqual(['no-sample']);
    const { meta: _m, ...noMeta } = base({ proc: proc([5, 5, 95, 5]) });
    expect(verdictOf(noMeta).reasons).toEqual(['no-sample']);
  });
  it('orders no-sample, no-workload-events, workload-failed, flat-cpu, workload-silent', () => {
    const v = verdictOf({
      meta: '{"sample": null}',
      events: jsonl('{"event": "workload_failed"}', '{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": "0"}}'),
      labels: labels4(),
      proc: FLAT_PROC,
    });
    expect(v.reasons).toEqual(['no-sample', 'workload-failed', 'flat-cpu', 'workload-silent']);
    const w = verdictOf({ meta: '{"sample": null}', events: '', labels: labels4(), proc: FLAT_PROC });
    expect(w.reasons).toEqual(['no-sample', 'no-workload-events', 'flat-cpu']);
  });
  it('reads sample.name and exploit.module_name, whatever their JSON type', () => {
    const v = verdictOf(base({ meta: '{"sample": {"name": "lokibot"}, "exploit": {"module_name": 12}}' }));
    expect(v.sampleJson).toBe('"lokibot"');
    expect(v.moduleJson).toBe('12');
    const w = verdictOf(base({ meta: '{"sample": {}, "exploit": null}' }));
    expect(w.sampleJson).toBeNull();
    expect(w.moduleJson).toBeNull();
  });
});

describe('workload events', () => {
  it('counts only str events starting with "workload_"', () => {
    const none = verdictOf(base({ events: jsonl('{"event": ["workload_started"]}', '{"event": "Workload_started"}', '{"phase": "x"}') }));
    expect(none.reasons).toContain('no-workload-events');
    expect(verdictOf(base({ events: jsonl('{"event": "workload_"}') })).reasons).not.toContain('no-workload-events');
  });
  it('flags workload-failed on any workload_failed event', () => {
    expect(
      verdictOf(base({ events: jsonl('{"event": "workload_started"}', '{"event": "workload_failed"}'), proc: proc([5, 5, 90, 5]) }))
        .reasons,
    ).toEqual(['workload-failed']);
  });
});

describe('workload-silent needs the probe string "0" and flat-cpu', () => {
  const probe = (yes: string, phase = 'dormant') =>
    jsonl('{"event": "workload_started"}', `{"event": "workload_killed", "phase": "${phase}", "pre_kill_probe": {"yes": ${yes}}}`);
  it('is confirmed when every source is flat', () => {
    expect(verdictOf(base({ events: probe('"0"') })).reasons).toEqual(['flat-cpu', 'workload-silent']);
  });
  it('ignores yes=0 as a number, other phases, and probes that are not objects', () => {
    expect(verdictOf(base({ events: probe('0') })).reasons).toEqual(['flat-cpu']);
    expect(verdictOf(base({ events: probe('"0"', 'infected_running') })).reasons).toEqual(['flat-cpu']);
    expect(
      verdictOf(base({ events: jsonl('{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": "yes=0"}') })).reasons,
    ).toEqual(['flat-cpu']);
  });
  it('is discarded when any source shows signal (rescued-by-netflow)', () => {
    const v = verdictOf(base({ events: probe('"0"'), netflow: netflow([0, 1, 100], [2, 1, 200_000], [3, 1, 100]) }));
    expect(v.reasons).toEqual([]);
    expect(v.evidence?.sources?.netflow.status).toBe('signal');
    expect(v.evidence?.sources?.proc.status).toBe('flat');
  });
});

describe('flatness: any available source with signal rescues; missing sources are unknown', () => {
  it('skips the analysis entirely without labels', () => {
    const v = verdictOf({ meta: GOOD_META, events: GOOD_EVENTS, proc: FLAT_PROC, labels: '\n  \n' });
    expect(v.reasons).toEqual([]);
    expect(v.evidence?.sources).toBeNull();
  });
  it('does not flag when no source has data at all', () => {
    expect(verdictOf({ meta: GOOD_META, events: GOOD_EVENTS, labels: labels4() }).reasons).toEqual([]);
  });
  it('flags flat-cpu when the only available source is flat', () => {
    const v = verdictOf(base());
    expect(v.reasons).toEqual(['flat-cpu']);
    expect(v.evidence?.sources?.netflow.status).toBe('unknown');
  });
  it('rescues by qmp per-phase deltas, not cumulative values', () => {
    const qmp = (rate: number[]) => {
      const rows: string[] = [];
      let wr = 9_000_000_000_000;
      for (let p = 0; p < 4; p++)
        for (let s = 0; s < 3; s++) {
          wr += rate[p]!;
          rows.push(`{"t_wall_ns": ${at(p, s)}, "blockstats": {"vda": {"wr_bytes": ${wr}, "rd_bytes": 7}, "cd": "n/a"}}`);
        }
      return jsonl(...rows);
    };
    expect(verdictOf(base({ qmp: qmp([0, 0, 0, 0]) })).reasons).toEqual(['flat-cpu']);
    const v = verdictOf(base({ qmp: qmp([0, 0, 200_000, 0]) }));
    expect(v.reasons).toEqual([]);
    expect(v.evidence?.sources?.qmp.status).toBe('signal');
  });
  it('rescues by guest load_1m medians', () => {
    const guest = (loads: number[]) =>
      jsonl(...loads.flatMap((l, p) => [0, 1, 2].map((s) => `{"t_wall_ns": ${at(p, s)}, "load_1m_5m_15m": [${l}, 0, 0]}`)));
    expect(verdictOf(base({ guest: guest([0.5, 0.5, 0.55, 0.5]) })).reasons).toEqual(['flat-cpu']);
    expect(verdictOf(base({ guest: guest([0.5, 0.5, 0.7, 0.5]) })).reasons).toEqual([]);
  });
  it('compares in floating point as Python does: 0.6 - 0.5 falls short of 0.10', () => {
    const guest = (loads: number[]) =>
      jsonl(...loads.flatMap((l, p) => [0, 1, 2].map((s) => `{"t_wall_ns": ${at(p, s)}, "load_1m_5m_15m": [${l}, 0, 0]}`)));
    expect(verdictOf(base({ guest: guest([0.5, 0.5, 0.6, 0.5]) })).evidence?.sources?.guest.status).toBe('flat');
  });
});

describe('thresholds are inclusive (>=) and exact', () => {
  it('netflow: a spread of exactly 51,200 bytes is signal, 51,199 is flat', () => {
    expect(verdictOf(base({ netflow: netflow([0, 1, 0], [2, 1, 51_200]) })).evidence?.sources?.netflow.status).toBe('signal');
    expect(verdictOf(base({ netflow: netflow([0, 1, 0], [2, 1, 51_199]) })).evidence?.sources?.netflow.status).toBe('flat');
  });
  it('proc: a median spread of exactly 5.0 points is signal', () => {
    expect(verdictOf(base({ proc: proc([50, 50, 55, 50]) })).evidence?.sources?.proc.status).toBe('signal');
    expect(verdictOf(base({ proc: proc([50, 50, 54, 50]) })).evidence?.sources?.proc.status).toBe('flat');
  });
  it('honours configured thresholds and CLK_TCK', () => {
    expect(verdictOf(base({ proc: proc([50, 50, 54, 50]) }), { procSpreadPct: 4 }).evidence?.sources?.proc.status).toBe('signal');
    // With CLK_TCK 1000 the same jiffies are a tenth of the CPU%: 5 points become 0.5.
    expect(verdictOf(base({ proc: proc([50, 50, 55, 50]) }), { clkTck: 1000 }).evidence?.sources?.proc.status).toBe('flat');
  });
});

describe('single-phase corners', () => {
  const oneLabel = jsonl(`{"t_wall_ns": ${T0}, "phase": "clean"}`);
  it('proc and netflow in one phase are flat; qmp and guest in one phase are unknown', () => {
    const v = verdictOf({
      meta: GOOD_META,
      events: GOOD_EVENTS,
      labels: oneLabel,
      proc: FLAT_PROC,
      netflow: netflow([2, 1, 10_000_000]),
      qmp: jsonl(
        `{"t_wall_ns": ${at(1, 0)}, "blockstats": {"vda": {"wr_bytes": 1}}}`,
        `{"t_wall_ns": ${at(2, 0)}, "blockstats": {"vda": {"wr_bytes": 99999999}}}`,
      ),
      guest: jsonl(`{"t_wall_ns": ${at(1, 0)}, "load_1m_5m_15m": [0.1]}`, `{"t_wall_ns": ${at(3, 0)}, "load_1m_5m_15m": [9.0]}`),
    });
    expect(v.evidence?.sources?.proc.status).toBe('flat');
    expect(v.evidence?.sources?.netflow.status).toBe('flat');
    expect(v.evidence?.sources?.qmp.status).toBe('unknown');
    expect(v.evidence?.sources?.guest.status).toBe('unknown');
    expect(v.reasons).toEqual(['flat-cpu']);
  });
});

describe('phase mapping by exact t_wall_ns', () => {
  const L = T0 + 2n * STEP; // infected_running starts here; a multiple of 256, so L-1 and L are one double
  it('puts a row 1 ns before a label in the earlier phase (doubles cannot tell them apart)', () => {
    expect(Number(L - 1n)).toBe(Number(L));
    const rows = (t: bigint) =>
      jsonl(
        `{"t_wall_ns": ${at(0, 5)}, "bytes_in": 60000}`,
        `{"t_wall_ns": ${t}, "bytes_in": 60000}`,
        `{"t_wall_ns": ${at(2, 5)}, "bytes_in": 60000}`,
        `{"t_wall_ns": ${at(3, 5)}, "bytes_in": 60000}`,
      );
    const before = verdictOf(base({ netflow: rows(L - 1n) })).evidence!.sources!.netflow;
    expect(before.phases.map((p) => p.phase)).toEqual(['clean', 'infecting', 'infected_running', 'dormant']);
    expect(before.status).toBe('flat');
    const exactly = verdictOf(base({ netflow: rows(L) })).evidence!.sources!.netflow;
    expect(exactly.phases.map((p) => [p.phase, p.value])).toEqual([
      ['clean', 60000],
      ['infected_running', 120000],
      ['dormant', 60000],
    ]);
    expect(exactly.status).toBe('signal');
  });
  it('maps rows without t_wall_ns (or null) and rows before the first label to "(pre)"', () => {
    const ev = verdictOf(
      base({
        netflow: jsonl(
          '{"bytes_in": 1}',
          '{"t_wall_ns": null, "bytes_in": 2}',
          `{"t_wall_ns": ${T0 - 1n}, "bytes_in": 3}`,
          `{"t_wall_ns": ${T0}, "bytes_in": 4}`,
        ),
      }),
    ).evidence!.sources!.netflow;
    expect(ev.phases.map((p) => [p.phase, p.value])).toEqual([
      ['(pre)', 6],
      ['clean', 4],
    ]);
  });
  it('stops at the first later label, so unsorted labels map as the reference maps them', () => {
    const unsorted = jsonl(
      `{"t_wall_ns": ${T0}, "phase": "a"}`,
      `{"t_wall_ns": ${T0 + 2n * STEP}, "phase": "c"}`,
      `{"t_wall_ns": ${T0 + STEP}, "phase": "b"}`,
    );
    const ev = verdictOf(base({ labels: unsorted, netflow: netflow([1, 5, 1], [2, 5, 2], [3, 5, 4]) })).evidence!.sources!.netflow;
    expect(ev.phases.map((p) => [p.phase, p.value])).toEqual([
      ['a', 1],
      ['b', 6],
    ]);
  });
  it('treats a label without t_wall_ns as time 0 and keys phases with Python dict identity', () => {
    const labels = jsonl(
      '{"phase": 1}',
      `{"t_wall_ns": ${T0 + STEP}, "phase": 1.0}`,
      `{"t_wall_ns": ${T0 + 2n * STEP}, "phase": true}`,
      `{"t_wall_ns": ${T0 + 3n * STEP}, "phase": "1"}`,
    );
    const ev = verdictOf(base({ labels, netflow: netflow([0, 5, 1], [1, 5, 2], [2, 5, 4], [3, 5, 8]) })).evidence!.sources!.netflow;
    // 1, 1.0 and True are one dict key in Python; "1" is another.
    expect(ev.phases.map((p) => p.value)).toEqual([7, 8]);
  });
  it('compares exactly across int, float and bigint t_wall_ns', () => {
    const labels = jsonl('{"t_wall_ns": 1.8e18, "phase": "x"}', `{"t_wall_ns": ${1_800_000_000_000_000_001n}, "phase": "y"}`);
    const ev = verdictOf(
      base({
        labels,
        netflow: jsonl('{"t_wall_ns": 1800000000000000000, "bytes_in": 1}', '{"t_wall_ns": 1800000000000000001, "bytes_in": 2}'),
      }),
    ).evidence!.sources!.netflow;
    expect(ev.phases.map((p) => [p.phase, p.value])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });
});

describe('Python coercions', () => {
  it('int() truncates floats, parses strings with underscores and counts bools', () => {
    const ev = verdictOf(
      base({
        netflow: jsonl(
          `{"t_wall_ns": ${at(0, 1)}, "bytes_in": 1.9, "bytes_out": true}`,
          `{"t_wall_ns": ${at(1, 1)}, "bytes_in": " 1_000 ", "bytes_out": -2.7}`,
          `{"t_wall_ns": ${at(2, 1)}, "bytes_in": 123456789012345678901234567890}`,
        ),
      }),
    ).evidence!.sources!.netflow;
    expect(ev.phases.map((p) => p.value)).toEqual([2, 998, Number(123456789012345678901234567890n)]);
  });
  it('float() accepts numeric strings and "nan"/"inf" for guest load', () => {
    const v = verdictOf(
      base({
        guest: jsonl(`{"t_wall_ns": ${at(0, 1)}, "load_1m_5m_15m": ["0.5"]}`, `{"t_wall_ns": ${at(1, 1)}, "load_1m_5m_15m": ["1_0.5"]}`),
      }),
    );
    expect(v.evidence!.sources!.guest.phases.map((p) => p.value)).toEqual([0.5, 10.5]);
  });
  it('skips guest rows whose load is not a non-empty list and qmp stats that are not objects', () => {
    const v = verdictOf(
      base({
        guest: jsonl(`{"t_wall_ns": ${at(0, 1)}, "load_1m_5m_15m": []}`, `{"t_wall_ns": ${at(0, 2)}, "load_1m_5m_15m": "0.5"}`),
        qmp: jsonl(
          `{"t_wall_ns": ${at(0, 1)}, "blockstats": null}`,
          `{"t_wall_ns": ${at(1, 1)}, "blockstats": {"a": 5, "b": {"rd_bytes": 10}}}`,
        ),
      }),
    );
    expect(v.evidence!.sources!.guest.status).toBe('unknown');
    expect(v.evidence!.sources!.qmp.phases.map((p) => p.value)).toEqual([0, 0]);
  });
  it('computes CPU% only for consecutive samples with dt > 0', () => {
    const rows = jsonl(
      `{"t_mono_ns": 10, "t_wall_ns": ${at(0, 1)}, "cpu_user_jiffies": 0, "cpu_sys_jiffies": 0}`,
      `{"t_mono_ns": 10, "t_wall_ns": ${at(0, 2)}, "cpu_user_jiffies": null, "cpu_sys_jiffies": "x"}`,
      `{"t_mono_ns": 5, "t_wall_ns": ${at(0, 3)}, "cpu_user_jiffies": 0, "cpu_sys_jiffies": 0}`,
    );
    const v = verdictOf(base({ proc: rows }));
    expect(v.unreadable).toBeNull();
    expect(v.evidence!.sources!.proc.status).toBe('unknown');
  });
});

describe('unreadable where the reference raises', () => {
  it.each([
    [
      'null jiffies in a used row',
      {
        proc: jsonl(
          '{"t_mono_ns": 0, "cpu_user_jiffies": 0, "cpu_sys_jiffies": 0}',
          '{"t_mono_ns": 1000000000, "cpu_user_jiffies": null, "cpu_sys_jiffies": 0}',
        ),
      },
      /line 2: TypeError/,
    ],
    ['a missing t_mono_ns', { proc: jsonl('{"t_mono_ns": 0}', '{"cpu_user_jiffies": 1}') }, /line 2: KeyError: 't_mono_ns'/],
    [
      'a label without phase that a row reaches',
      { labels: jsonl(`{"t_wall_ns": ${T0}}`), netflow: netflow([1, 1, 5]) },
      /labels.jsonl line 1: KeyError: 'phase'/,
    ],
    [
      'a null label time',
      { labels: jsonl('{"t_wall_ns": null, "phase": "a"}'), netflow: netflow([1, 1, 5]) },
      /TypeError: '<=' not supported/,
    ],
    [
      'a str row time against int labels',
      { netflow: jsonl('{"t_wall_ns": "1", "bytes_in": 1}') },
      /TypeError: '<=' not supported between instances of 'int' and 'str'/,
    ],
    ['an events row that is not an object', { events: jsonl('["workload_started"]') }, /events.jsonl line 1: AttributeError: 'list'/],
    ['a sample that is not an object', { meta: '{"sample": "emotet"}' }, /AttributeError: 'str' object has no attribute 'get'/],
    ['meta that is not an object', { meta: '[1]' }, /AttributeError: 'list'/],
    [
      'an unhashable phase',
      { labels: jsonl(`{"t_wall_ns": ${T0}, "phase": ["a"]}`), netflow: netflow([1, 1, 5]) },
      /unhashable type: 'list'/,
    ],
    ['int() of a non-numeric string', { netflow: jsonl(`{"t_wall_ns": ${at(1, 1)}, "bytes_in": "12kB"}`) }, /invalid literal for int\(\)/],
    ['int() of NaN', { netflow: jsonl(`{"t_wall_ns": ${at(1, 1)}, "bytes_in": NaN}`) }, /cannot convert float NaN/],
    ['blockstats that is a non-empty list', { qmp: jsonl('{"blockstats": [1]}') }, /'list' object has no attribute 'items'/],
    [
      // stats.get("wr_bytes", 0) is None where the key is there with null: int(None) raises.
      'a null wr_bytes in blockstats',
      { qmp: jsonl(`{"t_wall_ns": ${at(1, 1)}, "blockstats": {"vda": {"wr_bytes": null, "rd_bytes": 1}}}`) },
      /telemetry-qmp.jsonl line 1: TypeError: int\(\) argument must be a string, a bytes-like object or a real number, not 'NoneType'/,
    ],
    [
      'a null rd_bytes in blockstats',
      { qmp: jsonl(`{"t_wall_ns": ${at(1, 1)}, "blockstats": {"vda": {"wr_bytes": 1}, "cd": {"rd_bytes": null}}}`) },
      /TypeError: int\(\) argument must be .* not 'NoneType'/,
    ],
  ])('%s', (_name, members, detail) => {
    const v = verdictOf(base(members as Record<string, string>));
    expect(v.reasons).toEqual(['unreadable']);
    expect(v.unreadable).toMatch(detail);
    expect(v.unreadable).not.toMatch(/\n/);
  });
  it('does not raise for rows the reference never touches', () => {
    // A label after the first later-than-row label is never read; a lone proc row is never indexed.
    const labels = jsonl(`{"t_wall_ns": ${T0}, "phase": "a"}`, `{"t_wall_ns": ${T0 + 10n * STEP}, "phase": "b"}`, '"not an object"');
    const v = verdictOf(base({ labels, proc: jsonl('[1, 2]'), netflow: netflow([1, 1, 5]) }));
    expect(v.unreadable).toBeNull();
  });
});
