import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyError, PyFloat, floatRepr, hashKey, intTrueDiv, numAddSub, pyFloat, pyInt, pyJsonDumps, pyLe } from '../../src/py/value.js';

describe('Python numbers', () => {
  it('writes floats as Python repr does', () => {
    const cases: Array<[number, string]> = [
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123456789.123, '123456789.123'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [1.5e300, '1.5e+300'],
      [-2.5e-7, '-2.5e-07'],
      [100, '100.0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [5e-324, '5e-324'],
    ];
    for (const [v, s] of cases) expect(floatRepr(v)).toBe(s);
  });
  it('divides big integers with correct rounding, as int / int does', () => {
    expect(intTrueDiv(10n ** 30n + 7n, 3)).toBe(3.333333333333333e29);
    expect(intTrueDiv(2n ** 80n + 1n, 2 ** 27 + 3)).toBe(9007199053414404.0);
    expect(intTrueDiv(-(10n ** 25n), 7)).toBe(-1.4285714285714285e24);
    expect(intTrueDiv(10n ** 400n, 10n ** 399n)).toBe(10);
    expect(() => intTrueDiv(5, 0)).toThrow(PyError);
  });
  it('adds ints exactly and mixes int/float as Python does', () => {
    expect(numAddSub(9007199254740991, 2, false)).toEqual({ int: true, v: 9007199254740993n });
    expect(numAddSub(true, 1, false)).toEqual({ int: true, v: 2 });
    expect(numAddSub(1800000000000000001n, new PyFloat(5), true)).toEqual({ int: false, v: 1.8e18 - 5 });
    expect(() => numAddSub('1', 1, false)).toThrow(/unsupported operand/);
    expect(() => numAddSub(null, 1, false)).toThrow(/'NoneType' and 'int'/);
  });
  it('coerces with int() and float() rules', () => {
    expect(pyInt(' 1_000 ')).toBe(1000);
    expect(pyInt(-2.9)).toBe(-2);
    expect(pyInt(new PyFloat(1e20))).toBe(100000000000000000000n);
    expect(pyInt('99999999999999999999')).toBe(99999999999999999999n);
    for (const bad of ['1.5', '1__0', '_1', '', 'ten', null, [1]]) expect(() => pyInt(bad as never), String(bad)).toThrow(PyError);
    expect(pyFloat('1_0.5')).toBe(10.5);
    expect(pyFloat('  -InFinity ')).toBe(-Infinity);
    expect(pyFloat('.5e1')).toBe(5);
    expect(pyFloat(true)).toBe(1);
    for (const bad of ['1e', 'abc', '1._5', null, {}]) expect(() => pyFloat(bad as never), String(bad)).toThrow(PyError);
  });
});

describe('int() and float() of text with Unicode digits and spaces, against python3 itself', () => {
  // Every code point the runtime or python3 calls a digit, and every space str.isspace() knows (the
  // ASCII \x1c-\x1f among them, which int() refuses), in a number.
  const points: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (/[\p{Nd}\p{White_Space}]/u.test(ch)) points.push(cp);
  }
  const PY = `
import sys, unicodedata
pts = [c for c in range(0, sys.maxunicode + 1) if (c >= 0x80 and unicodedata.decimal(chr(c), None) is not None) or chr(c).isspace()]
pts = sorted(set(pts) | set(int(x) for x in sys.stdin.read().split()))
for c in pts:
    ch = chr(c)
    out = []
    for text in ('1' + ch, ch + '2_0', ch + '.5', ' ' + ch + ' '):
        for f in (int, float):
            try:
                out.append(repr(f(text)))
            except ValueError:
                out.append('E')
    print(c, ' '.join(out))
`;
  it('parse each the way the reference does (a digit of Unicode 14 is its value; a space is blank; anything else is refused)', () => {
    const lines = execFileSync('python3', ['-c', PY], { input: points.join(' '), encoding: 'utf8', maxBuffer: 1 << 26 })
      .trimEnd()
      .split('\n');
    expect(lines.length).toBeGreaterThan(600);
    const show = (f: () => number | bigint): string | number => {
      try {
        const v = f();
        return typeof v === 'bigint' ? String(v) : v;
      } catch (e) {
        if (e instanceof PyError) return 'E';
        throw e;
      }
    };
    const wrong: string[] = [];
    for (const line of lines) {
      const [cp, ...want] = line.split(' ');
      const ch = String.fromCodePoint(Number(cp));
      const got: string[] = [];
      for (const text of ['1' + ch, ch + '2_0', ch + '.5', ' ' + ch + ' ']) {
        got.push(String(show(() => pyInt(text))));
        const f = show(() => pyFloat(text));
        got.push(typeof f === 'number' ? (Number.isInteger(f) ? f.toFixed(1) : String(f)) : f);
      }
      if (got.join(' ') !== want.join(' ')) wrong.push(`U+${Number(cp).toString(16)}: ${got.join(' ')} != ${want.join(' ')}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('Python comparisons and dict keys', () => {
  it('compares numbers exactly across int, float and bigint; strings by code point; lists item by item', () => {
    expect(pyLe(1800000000000000000n, 1.8e18)).toBe(true);
    expect(pyLe(1800000000000000001n, 1.8e18)).toBe(false);
    expect(pyLe(true, 1)).toBe(true);
    expect(pyLe('\uffff', '\u{10000}')).toBe(true);
    expect(pyLe([1, 'a'], [1, 'b'])).toBe(true);
    expect(pyLe([1], [1, 0])).toBe(true);
    expect(pyLe(NaN, 1)).toBe(false);
  });
  it('raises TypeError where Python cannot order', () => {
    for (const [a, b] of [
      [null, 1],
      [1, '1'],
      [new Map(), new Map()],
      [[1], [null]],
    ] as const) {
      expect(() => pyLe(a as never, b as never)).toThrow(/not supported/);
    }
  });
  it('treats 1, 1.0 and True as one dict key, "1" as another; lists are unhashable', () => {
    expect(hashKey(1)).toBe(hashKey(new PyFloat(1)));
    expect(hashKey(true)).toBe(hashKey(1));
    expect(hashKey(2n ** 60n)).toBe(hashKey(new PyFloat(2 ** 60)));
    expect(hashKey('1')).not.toBe(hashKey(1));
    expect(() => hashKey([1])).toThrow(/unhashable/);
  });
  it('dumps JSON as json.dumps does (ensure_ascii, NaN, Python float repr)', () => {
    expect(pyJsonDumps('é\u2028"')).toBe('"\\u00e9\\u2028\\""');
    expect(pyJsonDumps([new PyFloat(1), NaN, -Infinity, 10n ** 20n])).toBe('[1.0, NaN, -Infinity, 100000000000000000000]');
    expect(pyJsonDumps(new Map<string, never>([['a', [] as never]]))).toBe('{"a": []}');
  });
});
