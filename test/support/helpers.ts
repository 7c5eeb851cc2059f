import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import {
  DEFAULT_CLASSIFIER_SETTINGS,
  type ClassifierSettings,
  type EpisodeRows,
  type SourceRows,
  type Verdict,
} from '../../src/classifier/types.js';
import { parseJsonDoc, parseJsonl } from '../../src/py/json.js';
import { nativeZstdAvailable, type ZstdImpl } from '../../src/episode/zstd.js';
import type { TarEntry } from '../../tools/lib/tarball.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'fixtures', 'dataset');

/** The zstd paths this Node can run: WebAssembly libzstd always, native where node:zlib has zstd. */
export const ZSTD_IMPLS: ZstdImpl[] = nativeZstdAvailable() ? ['native', 'wasm'] : ['wasm'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A script under tools/ run as a process through tsx, from the repository root. */
export function runTool(file: string, args: string[], timeoutMs = 60_000): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, file), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function tempDir(prefix = 'episode-gate-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** JSONL text from rows written as raw JSON strings (so big ints stay exact). */
export const jsonl = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

export interface Members {
  meta?: string;
  events?: string;
  labels?: string;
  proc?: string;
  netflow?: string;
  qmp?: string;
  guest?: string;
}

const SUFFIX: Record<keyof Members, string> = {
  meta: 'meta.json',
  events: 'events.jsonl',
  labels: 'labels.jsonl',
  proc: 'telemetry-proc.jsonl',
  netflow: 'netflow.jsonl',
  qmp: 'telemetry-qmp.jsonl',
  guest: 'telemetry-guest.jsonl',
};

/** Parse member texts straight into classifier input (no tarball). */
export function rowsOf(m: Members): EpisodeRows {
  const src = (k: Exclude<keyof Members, 'meta'>, wanted: string[]): SourceRows => {
    const text = m[k];
    if (text === undefined) return { member: null, rows: [], lineNos: [] };
    const { rows, lineNos } = parseJsonl(text, new Set(wanted));
    return { member: SUFFIX[k], rows, lineNos };
  };
  return {
    meta: m.meta === undefined ? null : { member: 'meta.json', row: parseJsonDoc(m.meta, new Set(['sample', 'exploit'])) },
    events: src('events', ['event', 'phase', 'pre_kill_probe']),
    proc: src('proc', ['t_mono_ns', 't_wall_ns', 'cpu_user_jiffies', 'cpu_sys_jiffies']),
    labels: src('labels', ['phase', 't_wall_ns']),
    netflow: src('netflow', ['t_wall_ns', 'bytes_in', 'bytes_out']),
    qmp: src('qmp', ['t_wall_ns', 'blockstats']),
    guest: src('guest', ['t_wall_ns', 'load_1m_5m_15m']),
  };
}

export function verdictOf(m: Members, settings: Partial<ClassifierSettings> = {}): Verdict {
  return classify(rowsOf(m), { ...DEFAULT_CLASSIFIER_SETTINGS, ...settings });
}

/** Members as tar entries under an episode folder. */
export function entriesOf(m: Members, dir = 'ep-test'): TarEntry[] {
  return (Object.keys(SUFFIX) as Array<keyof Members>)
    .filter((k) => m[k] !== undefined)
    .map((k) => ({ name: `${dir}/${SUFFIX[k]}`, data: m[k] as string }));
}

/** A usual labels member: four phases starting at T (t_wall_ns) spaced `step` ns apart. */
export const T0 = 1_800_000_000_000_000_000n;
export function labels4(t0 = T0, step = 100_000_000_000n): string {
  return jsonl(
    ...['clean', 'infecting', 'infected_running', 'dormant'].map((p, i) => `{"t_wall_ns": ${t0 + BigInt(i) * step}, "phase": "${p}"}`),
  );
}

export const GOOD_META = '{"sample": {"name": "emotet"}, "exploit": {"module_name": "exploit/x"}}';
export const GOOD_EVENTS = jsonl(
  '{"event": "workload_started", "phase": "infected_running"}',
  '{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": "3"}}',
);
