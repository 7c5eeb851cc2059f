/**
 * The column scanner's row templates (jsonl-columns.ts) change how a member is read, never what:
 * on members whose rows keep or change their shape from one row to the next (blanks, key order,
 * keys added or dropped, values of other types, blockstats devices added, emptied, repeated),
 * the columns read with templates equal the columns of the general path, which the other tests
 * hold to json.loads. Both decline the same members. Templates are read two ways, by the
 * WebAssembly reader (src/py/jsonl-wasm.ts, the default) and by the scanner's own JavaScript: the
 * three agree.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnField, Columns } from '../../src/py/columns.js';
import { columnsJsonl } from '../../src/py/jsonl-columns.js';
import { SOURCE_COLUMNS } from '../../src/episode/read.js';
import { rng } from '../../tools/lib/synth.js';

const enc = new TextEncoder();

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** An integer token, mostly ordinary, sometimes at a boundary the columns decline or hold apart. */
function intText(r: Rand): string {
  const x = r();
  if (x < 0.55) return String(Math.floor(r() * 10 ** Math.floor(1 + r() * 12)));
  if (x < 0.75) return `18020592${String(Math.floor(r() * 1e11)).padStart(11, '0')}`; // 19 digits
  if (x < 0.97) {
    return pick(r, [
      '0',
      '-0',
      '-7',
      '9007199254740991',
      '9007199254740992',
      '-9007199254740991',
      '9223372036854775807',
      '9223372036854775808',
      '-9223372036854775808',
      '18446744073709551616',
      '4503599627370496',
    ]);
  }
  return pick(r, ['1.5', '2e3', '"7"', 'null', 'true', '01', '[]', '{}', '-', 'NaN']);
}

interface Shape {
  colon: string;
  comma: string;
  order: number[];
  /** An extra key the classifier does not read, and where. */
  extra: number;
  /** A key left out (index into the keys), or -1. */
  drop: number;
}

function newShape(r: Rand, keys: number): Shape {
  const order = [...Array(keys).keys()];
  if (r() < 0.3) order.reverse();
  if (r() < 0.2) order.push(order.shift()!);
  return {
    colon: r() < 0.75 ? ': ' : pick(r, [':', ' : ', ':\t', ':  ']),
    comma: r() < 0.75 ? ', ' : pick(r, [',', ' ,  ', ',\t']),
    order,
    extra: r() < 0.2 ? Math.floor(r() * (keys + 1)) : -1,
    drop: r() < 0.1 ? Math.floor(r() * keys) : -1,
  };
}

/** Values of a key the classifier does not read: validated only, each the way json.loads would. */
const NOTES = [
  '"x"',
  '[1, {"a": 2}]',
  '3.25',
  'null',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e5',
  '1E+2',
  '-0.0e-0',
  '1.',
  '-',
  '01',
  '"a\\"b"',
  '"\\u00e9"',
  '"\\x"',
  '"\u007f"',
  '"\u0001"',
  '"é"',
  '""',
];

function objectText(r: Rand, shape: Shape, entries: Array<[string, () => string]>): string {
  const parts: string[] = [];
  shape.order.forEach((k, at) => {
    if (at === shape.extra) parts.push(`"note"${shape.colon}${pick(r, NOTES)}`);
    if (k === shape.drop || k >= entries.length) return;
    const [key, value] = entries[k]!;
    parts.push(`"${key}"${shape.colon}${value()}`);
  });
  if (shape.extra === shape.order.length) parts.push(`"note"${shape.colon}0`);
  return `{${parts.join(shape.comma)}}`;
}

const DEVICES = ['drive-virtio-disk0', 'ide1-cd0', 'scsi0-hd1'];
const COUNTERS = ['wr_bytes', 'rd_bytes', 'wr_operations', 'rd_operations', 'flush_operations'];

function blockstatsText(r: Rand, shape: Shape, devices: number): string {
  const x = r();
  if (x < 0.03) return 'null';
  if (x < 0.06) return '{}';
  if (x < 0.08) return '[]';
  const devs = DEVICES.slice(0, devices).map((name, i) => {
    if (r() < 0.03) return `"${name}"${shape.colon}5`; // not a dict
    if (r() < 0.04) return `"${name}"${shape.colon}{}`;
    const counters = COUNTERS.slice(0, i === 0 ? 5 : 2).map(
      (c) => `"${c}"${shape.colon}${r() < 0.05 ? intText(r) : String(Math.floor(r() * 1e12))}`,
    );
    if (shape.order[0] !== 0) counters.reverse();
    return `"${name}"${shape.colon}{${counters.join(shape.comma)}}`;
  });
  if (r() < 0.02) devs.push(devs[0]!); // a repeated device
  return `{${devs.join(shape.comma)}}`;
}

const MEMBERS: Array<{ name: string; fields: readonly ColumnField[]; keys: number; row: (r: Rand, s: Shape, devices: number) => string }> =
  [
    {
      name: 'proc',
      fields: SOURCE_COLUMNS.proc!,
      keys: 7,
      row: (r, s) =>
        objectText(r, s, [
          ['t_mono_ns', () => intText(r)],
          ['t_wall_ns', () => intText(r)],
          ['pid', () => '4242'],
          ['cpu_user_jiffies', () => intText(r)],
          ['cpu_sys_jiffies', () => intText(r)],
          ['rss_kb', () => intText(r)],
          ['threads', () => '7'],
        ]),
    },
    {
      name: 'qmp',
      fields: SOURCE_COLUMNS.qmp!,
      keys: 3,
      row: (r, s, devices) =>
        objectText(r, s, [
          ['t_mono_ns', () => intText(r)],
          ['t_wall_ns', () => intText(r)],
          ['blockstats', () => blockstatsText(r, s, devices)],
        ]),
    },
    {
      name: 'netflow',
      fields: SOURCE_COLUMNS.netflow!,
      keys: 5,
      row: (r, s) =>
        objectText(r, s, [
          ['t_wall_ns', () => intText(r)],
          ['src', () => '"10.0.2.15"'],
          ['bytes_in', () => intText(r)],
          ['bytes_out', () => intText(r)],
          ['packets', () => intText(r)],
        ]),
    },
    {
      name: 'guest',
      fields: SOURCE_COLUMNS.guest!,
      keys: 3,
      row: (r, s) =>
        objectText(r, s, [
          ['t_wall_ns', () => intText(r)],
          [
            'load_1m_5m_15m',
            () => (r() < 0.6 ? pick(r, LOADS) : pick(r, ['[0.50, 0.40, 0.25]', '[1, 2]', '[]', '"high"', '[0.5]', '[1e400]', 'null'])),
          ],
          ['mem_free_kb', () => intText(r)],
        ]),
    },
    {
      name: 'labels',
      fields: SOURCE_COLUMNS.labels!,
      keys: 2,
      row: (r, s) =>
        objectText(r, s, [
          ['t_wall_ns', () => intText(r)],
          ['phase', () => pick(r, ['"clean"', '"infecting"', '"dormant"', '"a\\u0062"', '7'])],
        ]),
    },
  ];

/**
 * Guest loads the WebAssembly reader values itself or leaves to the scanner: -0 and -0.0, exponents,
 * 15 and 16 digits, powers of ten at and past 10^22, blanks inside the list, other items of every
 * kind, nested items, an exponent without digits, a list that is not one.
 */
const LOADS = [
  '[-0.0, 1]',
  '[-0]',
  '[0, 0.0]',
  '[1.5e3, 2]',
  '[1E5]',
  '[-12.5e-2, 0]',
  '[0.1e-30]',
  '[1e22]',
  '[1e23]',
  '[123456789012345e7]',
  '[12345.678901234, 1]',
  '[123456789012345]',
  '[1234567890123456]',
  '[0.123456789012345678]',
  '[ 0.25 ]',
  '[\t0.25\t,\t1]',
  '[0.5,"x", null, true, false, NaN]',
  '[0.5, [1]]',
  '[0.5, {"a": 1}]',
  '[0.5e]',
  '[0.5 0.4]',
  '[-]',
  '[-Infinity]',
  '["0.5"]',
  '[0.5, "a\\"]',
  '{}',
  '7.5',
  '"x"',
  '[01]',
  '[1.]',
  '[.5]',
];

/** A member of 1-12 rows; each row keeps the last row's shape (new values) or takes a new one. */
function member(r: Rand, m: (typeof MEMBERS)[number]): string {
  const rows: string[] = [];
  let shape = newShape(r, m.keys);
  let devices = 1 + Math.floor(r() * 2);
  const n = 1 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) {
    if (i > 0 && r() < 0.3) {
      shape = newShape(r, m.keys);
      if (r() < 0.5) devices = 1 + Math.floor(r() * 3);
    }
    rows.push(m.row(r, shape, devices));
    if (r() < 0.05) rows.push(pick(r, ['', '  ', '\t']));
  }
  return rows.join(r() < 0.9 ? '\n' : '\r\n') + (r() < 0.8 ? '\n' : '');
}

/** Columns without the count of how they were read. */
function what(c: Columns | null): unknown {
  if (c === null) return null;
  const { templateRows: _how, wasmRows: _wasm, ...rest } = c;
  return rest;
}

describe('row templates on the column path', () => {
  for (const m of MEMBERS) {
    it(`read ${m.name} members exactly as the general path does, declining the same ones`, () => {
      const r = rng(0x5eed + m.name.length * 7919);
      let templated = 0;
      let byWasm = 0;
      let rows = 0;
      let declined = 0;
      for (let k = 0; k < 1500; k++) {
        const text = member(r, m);
        const bytes = enc.encode(text);
        const withTemplates = columnsJsonl(bytes, m.fields);
        const inJs = columnsJsonl(bytes, m.fields, { wasm: false });
        const general = columnsJsonl(bytes, m.fields, { templates: false });
        expect(what(withTemplates), text).toEqual(what(general));
        expect(what(inJs), text).toEqual(what(general));
        if (withTemplates) {
          templated += withTemplates.templateRows;
          byWasm += withTemplates.wasmRows;
          rows += withTemplates.n;
          expect(withTemplates.wasmRows).toBeLessThanOrEqual(withTemplates.templateRows);
          expect(inJs!.wasmRows).toBe(0);
          expect(general!.templateRows).toBe(0);
        } else declined++;
      }
      // The members mix shapes: many rows go by a template, many do not, and some members are declined.
      expect(templated / rows).toBeGreaterThan(0.15);
      expect(templated / rows).toBeLessThan(0.95);
      expect(declined).toBeGreaterThan(0);
      // The WebAssembly reader takes the templates of ints, t_wall_ns, blockstats and loads, not those
      // with a phase read (only rows without one: the field dropped).
      if (m.name === 'labels') expect(byWasm / templated).toBeLessThan(0.3);
      else expect(byWasm / templated).toBeGreaterThan(0.5);
    });
  }

  it('read a row whose value has more blanks before it than the template by the general path', () => {
    // Row 2's bytes up to its value start as row 1's did, then a blank more.
    const text = '{"t_wall_ns": 1, "bytes_in": 2}\n{"t_wall_ns":  3, "bytes_in": 4}\n{"t_wall_ns":  5, "bytes_in": 6}\n';
    const c = columnsJsonl(enc.encode(text), SOURCE_COLUMNS.netflow!)!;
    expect([...c.num.bytes_in!]).toEqual([2, 4, 6]);
    expect([...c.wallLo]).toEqual([1, 3, 5]);
    expect(c.templateRows).toBe(1); // the third row, by the template learnt from the second
  });

  it('sum blockstats by the template across devices, and decline a later row whose sum is unsafe', () => {
    const row = (a: number, b: number): string =>
      `{"t_wall_ns": 1, "blockstats": {"d0": {"wr_bytes": ${a}, "rd_bytes": 1, "wr_operations": 3}, "d1": {"wr_bytes": ${b}, "rd_bytes": 2}}}`;
    const ok = columnsJsonl(enc.encode([row(10, 20), row(30, 40), row(50, 60)].join('\n')), SOURCE_COLUMNS.qmp!)!;
    expect([...ok.num.blockstats!]).toEqual([33, 73, 113]);
    expect(ok.templateRows).toBe(2);
    // The first device's sum is past 2^53 - 1 though the whole sum is back under it: declined.
    const unsafe = [row(10, 20), row(9007199254740991, -10)].join('\n');
    expect(columnsJsonl(enc.encode(unsafe), SOURCE_COLUMNS.qmp!)).toBeNull();
    expect(columnsJsonl(enc.encode(unsafe), SOURCE_COLUMNS.qmp!, { templates: false })).toBeNull();
  });

  it('read long members by the WebAssembly reader across its output batches and memory growth, exactly', () => {
    const r = rng(0xba7c4);
    const int = (): number => Math.floor(r() * 1e12);
    const wall = (i: number): string => String(1802059200000000000n + BigInt(i) * 1000000001n);
    const members: Array<[readonly ColumnField[], number, (i: number, colon: string) => string]> = [
      [
        SOURCE_COLUMNS.netflow!,
        9000,
        (i, c) => `{"t_wall_ns"${c}${wall(i)}, "src"${c}"10.0.2.15", "bytes_in"${c}${int()}, "bytes_out"${c}${int()}, "packets"${c}${i}}`,
      ],
      [
        SOURCE_COLUMNS.qmp!,
        12000,
        (i, c) =>
          `{"t_mono_ns"${c}${i}, "t_wall_ns"${c}${wall(i)}, "blockstats"${c}{"d0"${c}{"wr_bytes"${c}${int()}, "rd_bytes"${c}${int()}, ` +
          `"flush_operations"${c}${i}}, "d1"${c}{"wr_bytes"${c}0, "rd_bytes"${c}${int()}}}}`,
      ],
    ];
    for (const [fields, rowsN, row] of members) {
      const lines: string[] = [];
      for (let i = 0; i < rowsN; i++) {
        // A shape change now and then, and a blank line: the reader stops, the scanner reads on.
        lines.push(row(i, i % 3001 === 3000 ? ':' : ': '));
        if (i % 4999 === 4998) lines.push('');
      }
      const bytes = enc.encode(lines.join('\n') + '\n');
      const c = columnsJsonl(bytes, fields);
      const general = columnsJsonl(bytes, fields, { templates: false });
      expect(c).not.toBeNull();
      expect(what(c)).toEqual(what(general));
      expect(c!.n).toBe(rowsN);
      expect(c!.wasmRows).toBeGreaterThan(rowsN - 10);
    }
  });

  it('read lab-shaped members with random bytes changed exactly as the general path does, declining the same ones', () => {
    // Byte-level changes inside rows the templates would otherwise read: where a reader that
    // mirrors another is likeliest to part from it (a digit more, a sign, a quote, a break...).
    const r = rng(0xb17e5);
    const BYTES = [...'0123456789-+.eE \t"\\{}[],:nNI\n\r'].map((c) => c.charCodeAt(0)).concat([0x1f, 0x0b, 0x7f, 0x00, 0xc3]);
    const wall = (i: number): string => String(1802059200000000000n + BigInt(i) * 1000000001n);
    const members: Array<[readonly ColumnField[], (i: number) => string]> = [
      [
        SOURCE_COLUMNS.proc!,
        (i) =>
          `{"t_mono_ns": ${5286000025790 + i * 1000}, "t_wall_ns": ${wall(i)}, "pid": 4242, "cpu_user_jiffies": ${800002 + i * 3}, ` +
          `"cpu_sys_jiffies": ${200001 + i}, "rss_kb": 2000717, "threads": 7}`,
      ],
      [
        SOURCE_COLUMNS.netflow!,
        (i) =>
          `{"t_mono_ns": ${i}, "t_wall_ns": ${wall(i)}, "src": "10.0.2.15", "proto": "tcp", "bytes_in": ${i * 7}, "bytes_out": ${i * 3}, "packets": 1}`,
      ],
      [
        SOURCE_COLUMNS.qmp!,
        (i) =>
          `{"t_mono_ns": ${i}, "t_wall_ns": ${wall(i)}, "blockstats": {"drive-virtio-disk0": {"wr_bytes": ${3000000000 + i}, "rd_bytes": 6000000000, ` +
          `"wr_operations": 732421, "flush_operations": ${i}}, "ide1-cd0": {"wr_bytes": 0, "rd_bytes": 2048}}}`,
      ],
    ];
    let changedRows = 0;
    let declined = 0;
    for (const [fields, row] of members) {
      const clean = enc.encode(Array.from({ length: 40 }, (_, i) => row(i)).join('\n') + '\n');
      for (let k = 0; k < 1500; k++) {
        const bytes = clean.slice();
        const changes = 1 + Math.floor(r() * 3);
        for (let c = 0; c < changes; c++) bytes[Math.floor(r() * bytes.length)] = pick(r, BYTES);
        const text = new TextDecoder().decode(bytes);
        const withWasm = columnsJsonl(bytes, fields);
        const general = columnsJsonl(bytes, fields, { templates: false });
        expect(what(withWasm), text).toEqual(what(general));
        expect(what(columnsJsonl(bytes, fields, { wasm: false })), text).toEqual(what(general));
        if (withWasm === null) declined++;
        else changedRows += withWasm.n - withWasm.wasmRows;
      }
    }
    // Some members are declined, and the reader leaves some rows of the others to the scanner.
    expect(declined).toBeGreaterThan(100);
    expect(changedRows).toBeGreaterThan(100);
  });
});
