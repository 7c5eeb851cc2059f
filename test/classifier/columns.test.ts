/**
 * Members stored as columns give the very verdict and evidence that rows parsed by the exact
 * json.loads parser give: phase mapping at label times (ties, 1 ns either side, unsorted and
 * repeated labels, the 2^32 halves), the arithmetic of every source, and any mix of members
 * stored as columns and as rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import { DEFAULT_CLASSIFIER_SETTINGS, isColumns, type EpisodeRows, type SourceData } from '../../src/classifier/types.js';
import { SOURCE_COLUMNS, readEpisodeBytes } from '../../src/episode/read.js';
import { columnsJsonl } from '../../src/py/jsonl-columns.js';
import { FIXTURES, GOOD_EVENTS, GOOD_META, rowsOf, type Members } from '../support/helpers.js';

type Source = 'proc' | 'labels' | 'netflow' | 'qmp' | 'guest';
const SOURCES: Source[] = ['proc', 'labels', 'netflow', 'qmp', 'guest'];
const SUFFIX: Record<Source, string> = {
  proc: 'telemetry-proc.jsonl',
  labels: 'labels.jsonl',
  netflow: 'netflow.jsonl',
  qmp: 'telemetry-qmp.jsonl',
  guest: 'telemetry-guest.jsonl',
};

/** The members as the reader stores them: columns where the column path takes them, else rows. */
function asRead(m: Members, used: Record<Source, number>): EpisodeRows {
  const rows = rowsOf(m);
  const out: EpisodeRows = { ...rows };
  for (const k of SOURCES) {
    const text = m[k];
    if (text === undefined) continue;
    const c = columnsJsonl(Buffer.from(text), SOURCE_COLUMNS[k]!);
    if (c) {
      used[k]++;
      out[k] = { member: SUFFIX[k], columns: c } satisfies SourceData;
    }
  }
  return out;
}

const T = 1_800_000_000_000_000_000n;
const TIMES = [T - 1n, T, T + 1n, T + 2n, T + 2n ** 32n - 1n, T + 2n ** 32n, T + 2n ** 32n + 1n, T + 3n * 2n ** 32n, 5n, 0n, -1n];
const time = fc.constantFrom(...TIMES.map(String));
/** A row's t_wall_ns: mostly a time near the labels', sometimes none, rarely a value only the rows can hold. */
const rowTime = fc.oneof(
  { weight: 12, arbitrary: time.map((t) => `"t_wall_ns": ${t}, `) },
  { weight: 1, arbitrary: fc.constantFrom('', '"t_wall_ns": null, ') },
  { weight: 1, arbitrary: fc.constantFrom('"t_wall_ns": 1.8e18, ', '"t_wall_ns": true, ', `"t_wall_ns": ${2n ** 64n}, `) },
);
const phase = fc.constantFrom('"clean"', '"infecting"', '"dormant"', '"(pre)"', '"x"');
const label = fc.oneof(
  { weight: 15, arbitrary: fc.tuple(time, phase).map(([t, p]) => `{"t_wall_ns": ${t}, "phase": ${p}}`) },
  { weight: 1, arbitrary: phase.map((p) => `{"phase": ${p}}`) },
  { weight: 1, arbitrary: fc.constantFrom('{"t_wall_ns": 1e3, "phase": "clean"}', '{"t_wall_ns": 7, "phase": 7}') },
);
const safeInt = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 53 - 1, 2 ** 53 - 2, -(2 ** 53 - 1), 2 ** 52) },
);
const mono = fc.integer({ min: 0, max: 6 }).map((s) => s * 1_000_000_000);
const proc = fc
  .tuple(rowTime, mono, safeInt, safeInt)
  .map(([t, m, u, s]) => `{${t}"t_mono_ns": ${m}, "cpu_user_jiffies": ${u}, "cpu_sys_jiffies": ${s}}`);
const netflow = fc.tuple(rowTime, safeInt, safeInt).map(([t, a, b]) => `{${t}"bytes_in": ${a}, "bytes_out": ${b}, "proto": "tcp"}`);
const device = fc.tuple(safeInt, safeInt).map(([w, r]) => `{"wr_bytes": ${w * 1000}, "rd_bytes": ${r}, "wr_operations": 3}`);
const blockstats = fc.oneof(
  fc.tuple(device, device).map(([a, b]) => `{"vda": ${a}, "cd0": ${b}}`),
  device.map((a) => `{"vda": ${a}}`),
  fc.constantFrom('null', '{}'),
);
const qmp = fc.tuple(rowTime, blockstats).map(([t, b]) => `{${t}"blockstats": ${b}}`);
const load = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }).map((x) => `[${(x / 100).toFixed(2)}, 0.1, 0.2]`) },
  { weight: 1, arbitrary: fc.constantFrom('[]', 'null', '"x"', '[3]', '[-0.0]') },
);
const guest = fc.tuple(rowTime, load).map(([t, l]) => `{${t}"load_1m_5m_15m": ${l}}`);
const member = (row: fc.Arbitrary<string>) => fc.option(fc.array(row, { maxLength: 12 }).map((rows) => rows.map((r) => r + '\n').join('')));

const episode: fc.Arbitrary<Members> = fc
  .record({
    labels: fc.option(fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.map((r) => r + '\n').join(''))),
    proc: member(proc),
    netflow: member(netflow),
    qmp: member(qmp),
    guest: member(guest),
  })
  .map((r) => {
    const m: Members = { meta: GOOD_META, events: GOOD_EVENTS };
    for (const k of SOURCES) if (r[k] !== null) m[k] = r[k];
    return m;
  });

describe('members stored as columns', () => {
  it('give the exact parser’s verdict and evidence, in any mix with members stored as rows', () => {
    const used: Record<Source, number> = { proc: 0, labels: 0, netflow: 0, qmp: 0, guest: 0 };
    let runs = 0;
    fc.assert(
      fc.property(episode, fc.constantFrom(100, 0, 3), (m, clkTck) => {
        runs++;
        const settings = { ...DEFAULT_CLASSIFIER_SETTINGS, clkTck };
        expect(classify(asRead(m, used), settings)).toEqual(classify(rowsOf(m), settings));
      }),
      { numRuns: 1500 },
    );
    // The column path took most members (the rest hold what only rows can).
    for (const k of SOURCES) expect(used[k], k).toBeGreaterThan(runs / 4);
  });

  it('are what the reader makes of ordinary members, with the verdicts of the rows', async () => {
    const dir = path.join(FIXTURES, 'episodes');
    let columnsSeen = 0;
    for (const host of readdirSync(dir)) {
      for (const f of readdirSync(path.join(dir, host))) {
        const bytes = readFileSync(path.join(dir, host, f));
        const a = await readEpisodeBytes(bytes);
        const b = await readEpisodeBytes(bytes, { columns: false });
        expect(a.ok, f).toBe(b.ok);
        if (!a.ok || !b.ok) continue;
        for (const k of SOURCES) {
          if (isColumns(a.rows[k])) columnsSeen++;
          expect(isColumns(b.rows[k])).toBe(false);
        }
        expect(classify(a.rows, DEFAULT_CLASSIFIER_SETTINGS), f).toEqual(classify(b.rows, DEFAULT_CLASSIFIER_SETTINGS));
      }
    }
    expect(columnsSeen).toBeGreaterThan(10);
  });
});
