/**
 * The column path holds t_wall_ns and the other fields exactly, or declines the member so that
 * the row parser (json.loads' own values) takes it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallValue, type Columns } from '../../src/py/columns.js';
import { columnsJsonl } from '../../src/py/jsonl-columns.js';
import { parseJsonl } from '../../src/py/json.js';
import { SOURCE_COLUMNS } from '../../src/episode/read.js';
import type { PyVal } from '../../src/py/value.js';

const enc = new TextEncoder();
const NETFLOW = SOURCE_COLUMNS.netflow!;
const LABELS = SOURCE_COLUMNS.labels!;
const QMP = SOURCE_COLUMNS.qmp!;
const GUEST = SOURCE_COLUMNS.guest!;
const PROC = SOURCE_COLUMNS.proc!;

const cols = (text: string, fields = NETFLOW): Columns | null => columnsJsonl(enc.encode(text), fields);
/** What json.loads makes of a row's field. */
const exact = (text: string, key: string): PyVal | undefined => {
  const row = parseJsonl(text, new Set([key])).rows[0] as Record<string, PyVal | undefined>;
  return row[key];
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const SAFE = 2n ** 53n - 1n;

/** Integers at the edges the halves are built from: 2^31, 2^32, 2^53, 2^63, 2^64, 10^15..10^19. */
function boundaryInts(): bigint[] {
  const out: bigint[] = [0n, 1n, 1_800_000_000_000_000_000n, 1_799_999_999_999_999_999n, 1_802_059_200_000_500_000n];
  const edges = [2n ** 31n, 2n ** 32n, 2n ** 53n, 2n ** 63n, 2n ** 64n, 3n * 2n ** 32n, (2n ** 31n - 1n) * 2n ** 32n];
  for (let d = 1n; d <= 20n; d++) edges.push(10n ** d);
  for (const e of edges) for (const d of [-1n, 0n, 1n]) out.push(e + d);
  // values whose low half is 0, 1 or 2^32 - 1, with a large high half
  for (const hi of [1n, 419_430_399n, 2n ** 31n - 1n]) for (const lo of [0n, 1n, 2n ** 32n - 1n]) out.push(hi * 2n ** 32n + lo);
  return [...out, ...out.map((v) => -v)];
}

describe('t_wall_ns on the column path', () => {
  it('holds every int64 exactly at the 2^32-halves, 2^53 and 2^63 boundaries, and declines the rest', () => {
    for (const v of boundaryInts()) {
      const text = `{"t_wall_ns": ${v}, "bytes_in": 1}\n`;
      const c = cols(text);
      if (v < INT64_MIN || v > INT64_MAX) {
        expect(c, String(v)).toBeNull();
        continue;
      }
      expect(c, String(v)).not.toBeNull();
      const got = wallValue(c!, 0);
      expect(got, String(v)).toEqual(exact(text, 't_wall_ns'));
      expect(typeof got === 'bigint' ? got : BigInt(got!)).toBe(v);
    }
  });

  it('holds any int64 exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (v) => {
        const text = `{"t_wall_ns": ${v}}\n`;
        const c = cols(text);
        expect(c).not.toBeNull();
        expect(wallValue(c!, 0)).toEqual(exact(text, 't_wall_ns'));
      }),
      { numRuns: 3000 },
    );
  });

  it('orders the halves as the integers order', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), fc.bigInt({ min: -(2n ** 33n), max: 2n ** 33n }), (a, d) => {
        const b = a + d;
        fc.pre(b >= INT64_MIN && b <= INT64_MAX);
        const c = cols(`{"t_wall_ns": ${a}}\n{"t_wall_ns": ${b}}\n`)!;
        const gt = c.wallHi[0]! > c.wallHi[1]! || (c.wallHi[0] === c.wallHi[1] && c.wallLo[0]! > c.wallLo[1]!);
        expect(gt).toBe(a > b);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads -0 as 0, null and absent as no time, and 0 for an absent label time', () => {
    const c = cols('{"t_wall_ns": -0}\n{"t_wall_ns": null}\n{"bytes_in": 3}\n')!;
    expect([wallValue(c, 0), wallValue(c, 1), wallValue(c, 2)]).toEqual([0, null, null]);
    const l = cols('{"phase": "clean"}\n', LABELS)!;
    expect(wallValue(l, 0)).toBe(0);
  });

  it('leaves floats, exponents, leading zeros, signs, literals and other types to the row parser', () => {
    const odd = [
      '1e18',
      '1E3',
      '1.0',
      '1800000000000000000.0',
      '-0.0',
      '01',
      '-01',
      '00',
      '+1',
      '- 1',
      '-',
      'NaN',
      'Infinity',
      '-Infinity',
    ];
    odd.push('true', 'false', '"1"', '[1]', '{}', '1_000', '18446744073709551616', '123456789012345678901234567890');
    for (const v of odd) expect(cols(`{"t_wall_ns": ${v}}\n`), v).toBeNull();
    expect(cols('{"t_wall_ns": null, "phase": "x"}\n', LABELS)).toBeNull(); // None <= tw raises
  });
});

describe('the other fields on the column path', () => {
  it('holds safe integers and declines the first unsafe one', () => {
    for (const v of [SAFE, -SAFE, 0n, 4_294_967_296n]) {
      const c = cols(`{"bytes_in": ${v}, "bytes_out": 1}\n`)!;
      expect(c.num.bytes_in![0], String(v)).toBe(Number(v));
    }
    for (const v of [SAFE + 1n, -SAFE - 1n, 2n ** 63n, 2n ** 64n]) expect(cols(`{"bytes_in": ${v}}\n`), String(v)).toBeNull();
    for (const v of ['1.0', '1e3', 'true', 'null', '"5"', 'NaN']) expect(cols(`{"bytes_out": ${v}}\n`), v).toBeNull();
  });

  it('declines a row that is not an object, a repeated key it reads, and a missing required field', () => {
    expect(cols('[1, 2]\n')).toBeNull();
    expect(cols('{"bytes_in": 1, "bytes_in": 2}\n')).toBeNull();
    expect(cols('{"other": 1, "other": 2}\n')).not.toBeNull(); // keys it does not read may repeat
    expect(cols('{"t_wall_ns": 1, "cpu_user_jiffies": 1, "cpu_sys_jiffies": 1}\n', PROC)).toBeNull(); // r["t_mono_ns"]
    expect(cols('{"t_wall_ns": 1}\n', LABELS)).toBeNull(); // lab["phase"]
    expect(cols('{"t_wall_ns": 1, "phase": 5}\n', LABELS)).toBeNull();
    expect(cols('{"t_wall_ns": 1, "phase": "a\\u0062"}\n', LABELS)).toBeNull();
  });

  it('sums blockstats over devices, and declines duplicates, non-dict devices and unsafe sums', () => {
    const c = cols(
      '{"blockstats": {"a": {"wr_bytes": 5, "rd_bytes": 7, "x": [1]}, "b": {"rd_bytes": 1}}}\n{"blockstats": null}\n{"blockstats": {}}\n{}\n',
      QMP,
    )!;
    expect(Array.from(c.num.blockstats!)).toEqual([13, 0, 0, 0]);
    for (const bad of [
      '{"a": {"wr_bytes": 1}, "a": {"wr_bytes": 2}}',
      '{"a": {"wr_bytes": 1, "wr_bytes": 2}}',
      '{"a": 5}',
      '{"a": {"wr_bytes": null}}',
      '[1]',
      '0',
      `{"a": {"wr_bytes": ${SAFE}, "rd_bytes": 1}}`,
      `{"a": {"wr_bytes": ${SAFE}}, "b": {"rd_bytes": 1}}`,
    ])
      expect(cols(`{"blockstats": ${bad}}\n`, QMP), bad).toBeNull();
  });

  it('takes a load list’s first item as float, marks other values as skipped, and declines what float() would judge', () => {
    const c = cols(
      '{"load_1m_5m_15m": [0.25, "x", {}]}\n{"load_1m_5m_15m": [2]}\n{"load_1m_5m_15m": []}\n{"load_1m_5m_15m": "1"}\n{}\n',
      GUEST,
    )!;
    expect(Array.from(c.num.load_1m_5m_15m!)).toEqual([0.25, 2, NaN, NaN, NaN]);
    for (const bad of ['["0.5"]', '[true]', '[null]', '[NaN]', '[1e400]', '[[1]]', `[${2n ** 64n}]`])
      expect(cols(`{"load_1m_5m_15m": ${bad}}\n`, GUEST), bad).toBeNull();
  });

  it('counts lines as str.splitlines does, blank lines included', () => {
    const c = cols('\n{"bytes_in": 1}\r\n  \n{"bytes_in": 2}\x0b{"bytes_in": 3}')!;
    expect(Array.from(c.lineNos)).toEqual([2, 4, 5]);
    expect(parseJsonl('\n{"bytes_in": 1}\r\n  \n{"bytes_in": 2}\x0b{"bytes_in": 3}', new Set(['bytes_in'])).lineNos).toEqual([2, 4, 5]);
  });
});
