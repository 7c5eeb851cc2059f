import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../src/py/value.js';
import { NotDict, type RowDict } from '../../src/classifier/types.js';
import { JsonError, parseJsonDoc, parseJsonl, splitPyLines } from '../../src/py/json.js';

const ALL = new Set(['a', 'b', 't', 'x']);
const rows = (text: string) => parseJsonl(text, ALL).rows as RowDict[];

describe('lines as Python str.splitlines() makes them', () => {
  it('splits on \\n, \\r\\n, lone \\r, \\v, \\f, \\x1c-\\x1e, \\x85, \\u2028 and \\u2029', () => {
    const text = [
      '{"a": 1}',
      '{"a": 2}',
      '{"a": 3}',
      '{"a": 4}',
      '{"a": 5}',
      '{"a": 6}',
      '{"a": 7}',
      '{"a": 8}',
      '{"a": 9}',
      '{"a": 10}',
      '{"a": 11}',
    ];
    const seps = ['\n', '\r\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028'];
    const joined = text.map((t, i) => t + (seps[i] ?? '\u2029')).join('');
    const parsed = parseJsonl(joined, ALL);
    expect(parsed.rows.map((r) => (r as RowDict).a)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(parsed.lineNos).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(splitPyLines('a\r\nb\rc\n').map((l) => l.line)).toEqual(['a', 'b', 'c']);
  });
  it('skips lines that str.strip() empties, including \\xa0 and \\u3000, and counts them', () => {
    const parsed = parseJsonl('\n \t\n\xa0\u3000\x1f\n{"a": 1}\n', ALL);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.lineNos).toEqual([4]);
  });
  it('rejects a row broken by a line boundary inside a string', () => {
    expect(() => parseJsonl('{"a": "x\u2028y"}\n', ALL)).toThrow(/Unterminated string/);
    expect(() => parseJsonl('{"a": "x\x0by"}\n', ALL)).toThrow(JsonError);
  });
  it('rejects non-JSON whitespace around a value (json.loads allows only space, tab, CR, LF)', () => {
    expect(() => parseJsonl('{"a": 1}\xa0\n', ALL)).toThrow(/Extra data/);
    expect(() => parseJsonl('\xa0{"a": 1}\n', ALL)).toThrow(/Expecting value/);
    expect(rows(' \t{"a": 1} \t\n')).toHaveLength(1);
  });
  it('rejects a BOM that Python keeps on the first line', () => {
    expect(() => parseJsonl('\ufeff{"a": 1}\n', ALL)).toThrow(JsonError);
    expect(() => parseJsonDoc('\ufeff{}', ALL)).toThrow(/BOM/);
  });
  it('names the line of the first bad row', () => {
    try {
      parseJsonl('{"a": 1}\n\n{"a": 2,}\n', ALL);
      expect.unreachable();
    } catch (e) {
      expect((e as JsonError).line).toBe(3);
    }
  });
});

describe('values as json.loads makes them', () => {
  it('keeps integers exact beyond 2^53 (t_wall_ns)', () => {
    const [r] = rows('{"t": 1800000000000000001}');
    expect(r!.t).toBe(1800000000000000001n);
    const [s] = rows('{"t": 9007199254740993, "a": 9007199254740991}');
    expect(s!.t).toBe(9007199254740993n);
    expect(s!.a).toBe(9007199254740991);
  });
  it('keeps integral floats apart from ints', () => {
    const [r] = rows('{"a": 1.0, "b": 1e3, "t": -0.0, "x": 1.5}');
    expect(r!.a).toEqual(new PyFloat(1));
    expect(r!.b).toEqual(new PyFloat(1000));
    expect(Object.is((r!.t as PyFloat).v, -0)).toBe(true);
    expect(r!.x).toBe(1.5);
  });
  it('accepts NaN, Infinity and -Infinity; rejects other bare words', () => {
    const [r] = rows('{"a": NaN, "b": Infinity, "t": -Infinity}');
    expect(Number.isNaN(r!.a)).toBe(true);
    expect(r!.b).toBe(Infinity);
    expect(r!.t).toBe(-Infinity);
    expect(() => rows('{"a": nan}')).toThrow(JsonError);
    expect(() => rows('{"a": undefined}')).toThrow(JsonError);
  });
  it('rejects what Python rejects: leading zeros, trailing commas, single quotes, raw control characters, bad escapes', () => {
    for (const bad of [
      '{"a": 01}',
      '{"a": 1,}',
      "{'a': 1}",
      '{"a": "x\ty"}',
      '{"a": "\\x"}',
      '{"a": 1.}',
      '{"a": -}',
      '[1,]',
      '{"a" 1}',
      '{"a": "\\u12"}',
    ]) {
      expect(() => rows(bad), bad).toThrow(JsonError);
    }
  });
  it('decodes escapes and lets the last duplicate key win', () => {
    const [r] = rows('{"a": "\\u00e9\\n\\ud83d\\ude00", "a": "last", "b": "\\"\\\\\\/"}');
    expect(r!.a).toBe('last');
    expect(r!.b).toBe('"\\/');
    const [s] = rows('{"\\u0061": 5}');
    expect(s!.a).toBe(5);
  });
  it('materialises only the keys asked for, validating the rest', () => {
    const [r] = parseJsonl('{"a": 1, "zz": {"deep": [1, 2, {"x": NaN}]}}\n', new Set(['a'])).rows as RowDict[];
    expect(Object.keys(r!)).toEqual(['a']);
    expect(() => parseJsonl('{"a": 1, "zz": {"deep": [1, 2,]}}\n', new Set(['a']))).toThrow(JsonError);
  });
  it('marks rows that are not objects', () => {
    const parsed = parseJsonl('[1]\n"s"\n5\nnull\n', ALL);
    expect(parsed.rows.map((r) => (r as NotDict).pyType)).toEqual(['list', 'str', 'int', 'NoneType']);
  });
  it('rejects nesting deeper than Python can recurse', () => {
    expect(() => rows('{"a": ' + '['.repeat(2000) + ']'.repeat(2000) + '}')).toThrow(/RecursionError/);
    expect(rows('{"a": ' + '['.repeat(100) + ']'.repeat(100) + '}')).toHaveLength(1);
  });
  it('accepts a whole document with newlines (meta.json)', () => {
    const doc = parseJsonDoc('\n{\r\n  "a": {"name": "x"}\n}\n', ALL) as RowDict;
    expect(doc.a).toBeInstanceOf(Map);
    expect(() => parseJsonDoc('', ALL)).toThrow(JsonError);
    expect(() => parseJsonDoc('{} {}', ALL)).toThrow(/Extra data/);
  });
});
