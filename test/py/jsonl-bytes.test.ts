import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PyFloat, type PyVal } from '../../src/py/value.js';
import { NotDict, type Row } from '../../src/classifier/types.js';
import { fastJsonl, parseJsonlBytes } from '../../src/py/jsonl-bytes.js';
import { JsonError, parseJsonl, type Fields, type Projection } from '../../src/py/json.js';

const enc = new TextEncoder();
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** A canonical text of parsed rows that keeps every distinction Python makes (int/float, -0.0, key order). */
function canon(v: PyVal | Row | undefined): string {
  if (v === undefined) return 'U';
  if (v === null) return 'N';
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (typeof v === 'number') return Object.is(v, -0) ? 'd-0' : `d${v}`;
  if (typeof v === 'bigint') return `n${v}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof PyFloat) return Object.is(v.v, -0) ? 'f-0' : `f${v.v}`;
  if (v instanceof NotDict) return `<${v.pyType}>`;
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v instanceof Map) return `M{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`).join(',')}}`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`)
    .join(',')}}`;
}

type Outcome = string;
function outcome(f: () => { rows: Row[]; lineNos: number[] }): Outcome {
  try {
    const r = f();
    return `rows ${r.rows.map(canon).join('|')} lines ${r.lineNos.join(',')}`;
  } catch (e) {
    if (e instanceof JsonError) return `error ${e.line}:${e.column} ${e.message}`;
    throw e;
  }
}

const PROC: Fields = new Set(['t_mono_ns', 't_wall_ns', 'cpu_user_jiffies', 'cpu_sys_jiffies']);
const QMP: Fields = new Map<string, Projection>([
  ['t_wall_ns', true],
  [
    'blockstats',
    {
      each: {
        keys: new Map<string, Projection>([
          ['wr_bytes', true],
          ['rd_bytes', true],
        ]),
      },
    },
  ],
]);
const EVENTS: Fields = new Map<string, Projection>([
  ['event', true],
  ['phase', true],
  ['pre_kill_probe', { keys: new Map([['yes', true]]) }],
]);

function same(text: string | Uint8Array, fields: Fields): void {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  expect(outcome(() => parseJsonlBytes(bytes, fields))).toBe(outcome(() => parseJsonl(lenient.decode(bytes), fields)));
}

describe('the fast JSONL path takes ordinary telemetry', () => {
  it('parses ASCII rows itself, exact int64 t_wall_ns included', () => {
    const text =
      '{"t_mono_ns": 5000000000000, "t_wall_ns": 1800000000000000001, "pid": 1, "cpu_user_jiffies": 800, "cpu_sys_jiffies": 200}\n' +
      '{"t_mono_ns": 5001000000000, "t_wall_ns": 1800000000000000002, "cpu_user_jiffies": 801, "cpu_sys_jiffies": 200, "x": [1, {"y": null}]}\n';
    const fast = fastJsonl(enc.encode(text), PROC);
    expect(fast).not.toBeNull();
    expect(fast!.rows[0]).toEqual({
      t_mono_ns: 5000000000000,
      t_wall_ns: 1800000000000000001n,
      cpu_user_jiffies: 800,
      cpu_sys_jiffies: 200,
    });
    expect(fast!.rows[1]).toMatchObject({ t_wall_ns: 1800000000000000002n });
    same(text, PROC);
  });

  it('values integers exactly at every length and 2^53 / 2^63 / 2^64 boundary', () => {
    const texts: string[] = [];
    for (let digits = 1; digits <= 26; digits++) {
      texts.push('9'.repeat(digits), '1' + '0'.repeat(digits - 1), '1' + '0'.repeat(Math.max(0, digits - 2)) + (digits > 1 ? '7' : ''));
    }
    for (const b of [2n ** 53n, 2n ** 63n, 2n ** 64n, 10n ** 19n]) for (const d of [-1n, 0n, 1n]) texts.push(String(b + d));
    texts.push('1802059200000500000', '4503599627370496', '9007199254740991', '9007199254740992', '16777216000000000');
    for (const t of [...texts, ...texts.map((x) => '-' + x)]) {
      const fast = fastJsonl(enc.encode(`{"t_wall_ns": ${t}}\n`), PROC);
      const expected = BigInt(t);
      const safe = expected >= -(2n ** 53n - 1n) && expected <= 2n ** 53n - 1n;
      if (t.replace('-', '').length > 24) {
        expect(fast, t).toBeNull(); // left to the exact parser
        continue;
      }
      expect(fast!.rows[0], t).toEqual({ t_wall_ns: safe ? Number(expected) : expected });
    }
  });

  it('takes the numbers telemetry writes: fractions of 0, exponents, negatives', () => {
    const GUEST: Fields = new Set(['t_wall_ns', 'load_1m_5m_15m']);
    const text = '{"t_wall_ns": 1800000000000100000, "load_1m_5m_15m": [0.49, 0.0, 1.5e-3, -0.25, 0, -0, 12.50], "mem_free_kb": 502470}\n';
    const fast = fastJsonl(enc.encode(text), GUEST);
    expect(fast).not.toBeNull();
    expect(canon(fast!.rows[0])).toBe('{"t_wall_ns":n1800000000000100000,"load_1m_5m_15m":[d0.49,f0,d0.0015,d-0.25,d0,d0,d12.5]}');
    same(text, GUEST);
  });

  it('rows whose keys, spacing and nesting change from one row to the next', () => {
    const text = [
      '{"t_wall_ns": 1, "pid": 2, "blockstats": {"d0": {"wr_bytes": 1, "x": 2}}}',
      '{"t_wall_ns":  3, "pid": 4, "blockstats": {"d0": {"x": 1, "wr_bytes": 2}}}',
      '{"pid": 5, "t_wall_ns": 6, "blockstats": {"d1": {"wr_bytes": 3, "rd_bytes": 4}, "d0": {"wr_bytes": 5}}}',
      '{"t_wall_ns":7,"pid":8,"blockstats":{"d0":{"wr_bytes":6}}}',
      '{"t_wall_ns": 9, "t_wall_ns": 10, "blockstats": {"wr_bytes": {"wr_bytes": 7}}, "x": {"t_wall_ns": {"blockstats": 1}}}',
      '{"t_wall_ns": 11, "pid": 12, "blockstats": {"d0": {"wr_bytes": 8, "x": 9}}}',
    ].join('\n');
    const fast = fastJsonl(enc.encode(text), QMP);
    expect(fast).not.toBeNull();
    expect(fast!.rows.map(canon)).toEqual([
      '{"t_wall_ns":d1,"blockstats":M{"d0":M{"wr_bytes":d1}}}',
      '{"t_wall_ns":d3,"blockstats":M{"d0":M{"wr_bytes":d2}}}',
      '{"t_wall_ns":d6,"blockstats":M{"d1":M{"wr_bytes":d3,"rd_bytes":d4},"d0":M{"wr_bytes":d5}}}',
      '{"t_wall_ns":d7,"blockstats":M{"d0":M{"wr_bytes":d6}}}',
      '{"t_wall_ns":d10,"blockstats":M{"wr_bytes":M{"wr_bytes":d7}}}',
      '{"t_wall_ns":d11,"blockstats":M{"d0":M{"wr_bytes":d8}}}',
    ]);
    same(text, QMP);
    same(text, PROC);
  });

  it('materialises only the projected parts of blockstats and probes', () => {
    const qmp =
      '{"t_wall_ns": 1, "blockstats": {"d0": {"wr_bytes": 5, "rd_bytes": 6, "wr_operations": 7}, "cd": 3, "d0": {"wr_bytes": 9}}}\n';
    const fast = fastJsonl(enc.encode(qmp), QMP)!;
    expect(canon(fast.rows[0])).toBe('{"t_wall_ns":d1,"blockstats":M{"d0":M{"wr_bytes":d9},"cd":d3}}');
    same(qmp, QMP);
    same('{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": "0", "ps": "ok"}}\n', EVENTS);
  });

  it('hands anything unusual to the exact parser', () => {
    for (const t of [
      '{"a": "\u00e9"}\n',
      '{"t_wall\\u005fns": 1}\n',
      '[1]\n',
      '{"a": -Infinity}\n',
      '{"a": 1}\u2028{"b": 2}\n',
      '{"a": 1} x\n',
    ]) {
      expect(fastJsonl(enc.encode(t), PROC)).toBeNull();
      same(t, PROC);
    }
  });
});

describe('the fast JSONL path agrees with the exact parser', () => {
  const key = fc.constantFrom(
    't_wall_ns',
    't_mono_ns',
    'cpu_user_jiffies',
    'blockstats',
    'wr_bytes',
    'rd_bytes',
    'yes',
    'event',
    'phase',
    'x',
    'pre_kill_probe',
  );
  const numberText = fc.oneof(
    fc.integer().map(String),
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)),
    fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 999999 }), fc.integer({ min: -30, max: 30 }), fc.boolean())
      .map(([i, f, e, withE]) => `${i}.${f}${withE ? `e${e}` : ''}`),
    fc.constantFrom(
      '0',
      '-0',
      '-0.0',
      '1E5',
      '1e400',
      '0.1',
      '5e-324',
      '123456789012345678',
      '9007199254740993',
      '-9007199254740992',
      '1e22',
      '1e23',
    ),
  );
  const leaf = fc.oneof(
    numberText,
    fc.constantFrom('true', 'false', 'null', 'NaN', 'Infinity', '-Infinity', '"a\\"b"', '"\\u00e9"', '"dormant"', '"0"'),
    fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
  );
  const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('v'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(key, tie('v')), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`),
    ),
  })).v;
  const row = fc.array(fc.tuple(key, value), { maxLength: 5 }).map((kv) => `{${kv.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`);
  const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\v', '\x1c', ' \t\n', '\x1f\n');
  const doc = fc
    .array(fc.tuple(fc.oneof(row, fc.constantFrom('', '  ', '\t')), lineBreak), { maxLength: 6 })
    .map((ls) => ls.map(([r, b]) => r + b).join(''));

  it('on valid-looking documents', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(PROC, QMP, EVENTS), (t, fields) => same(t, fields)),
      { numRuns: 600 },
    );
  });

  it('on damaged documents (a byte changed, dropped or inserted)', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'drop', 'insert'), (t, at, byte, how) => {
        const b = Array.from(enc.encode(t));
        if (b.length === 0) return;
        const i = at % b.length;
        if (how === 'set') b[i] = byte;
        else if (how === 'drop') b.splice(i, 1);
        else b.splice(i, 0, byte);
        same(Uint8Array.from(b), PROC);
        same(Uint8Array.from(b), QMP);
      }),
      { numRuns: 600 },
    );
  });
});
