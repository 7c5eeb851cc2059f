/**
 * Synthetic episodes that look like the lab's: ~1 Hz /proc and QMP samples with cumulative
 * counters, netflow records stamped on another monotonic clock, in-guest load, phase labels and
 * workload events, all on real-looking t_wall_ns values (~1.8e18, beyond 2^53).
 * Deterministic: the same spec and seed give the same bytes.
 */
import type { TarEntry } from './tarball.js';

export const PHASES = ['clean', 'infecting', 'infected_running', 'dormant'] as const;
export type Phase = (typeof PHASES)[number];
type PerPhase<T> = Record<Phase, T>;

export interface EpisodeSpec {
  episodeId: string;
  seed: number;
  /** Seconds per phase. */
  durations?: PerPhase<number>;
  /** Host /proc CPU% of the qemu process per phase (noise is added). */
  cpuPct?: PerPhase<number>;
  /** Netflow bytes per second per phase (0 = rows with tiny traffic). */
  netBytesPerSec?: PerPhase<number>;
  /** QMP blockstats bytes written per second per phase. */
  qmpBytesPerSec?: PerPhase<number>;
  /** Starting value of the cumulative QMP counters. */
  qmpBase?: number;
  /** Guest load_1m per phase. */
  guestLoad?: PerPhase<number>;
  sources?: { proc?: boolean; netflow?: boolean; qmp?: boolean; guest?: boolean; labels?: boolean };
  sample?: string | null;
  module?: string | null;
  /** Events: 'normal' (started + killed), 'none' (no workload events), 'failed'. */
  events?: 'normal' | 'none' | 'failed';
  /** The dormant workload_killed probe's yes count. */
  probeYes?: string;
  /** Extra members (e.g. a capture to be skipped). */
  extra?: TarEntry[];
  /** Start of the episode in t_wall_ns. */
  t0?: bigint;
}

export const FLAT_CPU: PerPhase<number> = { clean: 92, infecting: 93, infected_running: 92.5, dormant: 92 };
export const ZERO: PerPhase<number> = { clean: 0, infecting: 0, infected_running: 0, dormant: 0 };
export const FLAT_LOAD: PerPhase<number> = { clean: 0.5, infecting: 0.52, infected_running: 0.51, dormant: 0.5 };
const DEFAULT_DURATIONS: PerPhase<number> = { clean: 120, infecting: 60, infected_running: 600, dormant: 300 };

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEC = 1_000_000_000n;
const jsonl = (rows: string[]): string => rows.map((r) => r + '\n').join('');

/** The label boundaries (t_wall_ns) of an episode spec. */
export function labelTimes(spec: EpisodeSpec): PerPhase<bigint> {
  const d = spec.durations ?? DEFAULT_DURATIONS;
  const t0 = spec.t0 ?? 1_800_000_000_000_000_000n;
  const out = {} as PerPhase<bigint>;
  let t = t0;
  for (const p of PHASES) {
    out[p] = t;
    t += BigInt(d[p]) * SEC;
  }
  return out;
}

export function episodeMembers(spec: EpisodeSpec): TarEntry[] {
  const r = rng(spec.seed);
  const d = spec.durations ?? DEFAULT_DURATIONS;
  const src = { proc: true, netflow: true, qmp: true, guest: true, labels: true, ...(spec.sources ?? {}) };
  const starts = labelTimes(spec);
  const id = spec.episodeId;
  const total = PHASES.reduce((n, p) => n + d[p], 0);
  const phaseOf = (s: number): Phase => {
    let acc = 0;
    for (const p of PHASES) {
      acc += d[p];
      if (s < acc) return p;
    }
    return 'dormant';
  };
  const t0 = starts.clean;
  const mono0 = 5_000_000_000_000n + BigInt(spec.seed % 1000) * SEC; // orchestrator-relative
  const guestMono0 = 40n * SEC; // the guest's boot clock: a different base entirely
  const members: TarEntry[] = [];

  members.push({
    name: `${id}/meta.json`,
    data: JSON.stringify({
      episode_id: id,
      sample: spec.sample === null ? null : { name: spec.sample ?? 'emotet-2024-03', sha256: 'ab'.repeat(32) },
      exploit: spec.module === null ? null : { module_name: spec.module ?? 'exploit/multi/handler' },
      vm: { memory_mb: 2048, vcpus: 2 },
    }),
  });

  const events: string[] = [];
  const ev = spec.events ?? 'normal';
  events.push(JSON.stringify({ t_wall_ns: 'T', event: 'phase_entered', phase: 'clean' }).replace('"T"', String(starts.clean)));
  if (ev !== 'none') {
    events.push(
      `{"t_wall_ns": ${starts.infected_running + SEC}, "event": "workload_started", "phase": "infected_running", "profile": "cpu-burn"}`,
    );
    if (ev === 'failed') {
      events.push(
        `{"t_wall_ns": ${starts.infected_running + 30n * SEC}, "event": "workload_failed", "phase": "infected_running", "error": "SerialClient timeout"}`,
      );
    }
    events.push(
      `{"t_wall_ns": ${starts.dormant + SEC}, "event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": ${JSON.stringify(spec.probeYes ?? '1')}, "ps": "ok"}}`,
    );
  }
  members.push({ name: `${id}/events.jsonl`, data: jsonl(events) });

  if (src.labels) {
    members.push({
      name: `${id}/labels.jsonl`,
      data: jsonl(PHASES.map((p) => `{"t_mono_ns": ${mono0 + (starts[p] - t0)}, "t_wall_ns": ${starts[p]}, "phase": "${p}"}`)),
    });
  }

  if (src.proc) {
    const cpu = spec.cpuPct ?? FLAT_CPU;
    const rows: string[] = [];
    let jiff = 1_000_000;
    for (let s = 0; s < total; s++) {
      const pct = Math.max(0, cpu[phaseOf(s)] + (r() - 0.5) * 2);
      jiff += Math.round(pct); // CLK_TCK 100: pct% of one second is pct jiffies
      const user = Math.floor(jiff * 0.8);
      rows.push(
        `{"t_mono_ns": ${mono0 + BigInt(s) * SEC + BigInt(Math.floor(r() * 1e6))}, "t_wall_ns": ${t0 + BigInt(s) * SEC + 500_000n}, "pid": 4242, "cpu_user_jiffies": ${user}, "cpu_sys_jiffies": ${jiff - user}, "rss_kb": ${2_000_000 + Math.floor(r() * 1000)}, "threads": 7}`,
      );
    }
    members.push({ name: `${id}/telemetry-proc.jsonl`, data: jsonl(rows) });
  }

  if (src.netflow) {
    const rate = spec.netBytesPerSec ?? ZERO;
    const rows: string[] = [];
    for (let s = 0; s < total; s += 2) {
      const b = rate[phaseOf(s)] * 2;
      const bin = Math.floor(b * 0.3 + r() * 40);
      const bout = Math.floor(b * 0.7 + r() * 40);
      rows.push(
        `{"t_mono_ns": ${guestMono0 + BigInt(s) * SEC}, "t_wall_ns": ${t0 + BigInt(s) * SEC + 250_000n}, "src": "10.0.2.15", "dst": "203.0.113.${s % 250}", "proto": "tcp", "bytes_in": ${bin}, "bytes_out": ${bout}, "packets": ${1 + (s % 7)}}`,
      );
    }
    members.push({ name: `${id}/netflow.jsonl`, data: jsonl(rows) });
  }

  if (src.qmp) {
    const rate = spec.qmpBytesPerSec ?? ZERO;
    const rows: string[] = [];
    let wr = spec.qmpBase ?? 3_000_000_000;
    let rd = (spec.qmpBase ?? 3_000_000_000) * 2;
    for (let s = 0; s < total; s++) {
      wr += Math.floor(rate[phaseOf(s)]);
      rd += Math.floor(rate[phaseOf(s)] / 8);
      rows.push(
        `{"t_mono_ns": ${mono0 + BigInt(s) * SEC}, "t_wall_ns": ${t0 + BigInt(s) * SEC + 750_000n}, "blockstats": {"drive-virtio-disk0": {"wr_bytes": ${wr}, "rd_bytes": ${rd}, "wr_operations": ${Math.floor(wr / 4096)}, "rd_operations": ${Math.floor(rd / 4096)}, "flush_operations": ${s}}, "ide1-cd0": {"wr_bytes": 0, "rd_bytes": 2048}}}`,
      );
    }
    members.push({ name: `${id}/telemetry-qmp.jsonl`, data: jsonl(rows) });
  }

  if (src.guest) {
    const load = spec.guestLoad ?? FLAT_LOAD;
    const rows: string[] = [];
    for (let s = 0; s < total; s += 5) {
      const l1 = load[phaseOf(s)] + (r() - 0.5) * 0.02;
      rows.push(
        `{"t_wall_ns": ${t0 + BigInt(s) * SEC + 100_000n}, "load_1m_5m_15m": [${l1.toFixed(2)}, ${(l1 * 0.8).toFixed(2)}, ${(l1 * 0.5).toFixed(2)}], "mem_free_kb": ${500_000 + Math.floor(r() * 10_000)}}`,
      );
    }
    members.push({ name: `${id}/telemetry-guest.jsonl`, data: jsonl(rows) });
  }

  return [...members, ...(spec.extra ?? [])];
}
