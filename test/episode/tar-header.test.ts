/**
 * tarfile.nti on numeric header fields: the octal-digits fast path gives what Python's
 * `int(nts(s).strip() or "0", 8)` gives, and every other field goes the exact way.
 */
import { describe, expect, it } from 'vitest';
import { HeaderError, nti, pyIntText } from '../../src/episode/tar-header.js';

/** The general reading alone: nts, strip, int(s, 8), InvalidHeaderError on what int() refuses. */
function general(field: Uint8Array): number | 'invalid' {
  let e = 0;
  while (e < field.length && field[e] !== 0) e++;
  if (field.subarray(0, e).some((c) => c > 0x7f)) return 'invalid';
  const text = String.fromCharCode(...field.subarray(0, e)).replace(/^[\t\n\v\f\r\x1c-\x1f ]+|[\t\n\v\f\r\x1c-\x1f ]+$/g, '');
  return pyIntText(text || '0', 8) ?? 'invalid';
}

function ours(field: Uint8Array): number | 'invalid' {
  try {
    return nti(field, 0, field.length);
  } catch (e) {
    if (e instanceof HeaderError) return 'invalid';
    throw e;
  }
}

describe('numeric tar header fields', () => {
  it('read octal digits up to the NUL as Python does, and leave blanks, signs, 0o and _ to int()', () => {
    const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const cases: Array<[string, number | 'invalid']> = [
      ['0000644\0', 0o644],
      ['00000001750\0', 0o1750],
      ['\0\0\0\0\0\0\0\0', 0],
      ['', 0],
      ['0012345\0 ', 0o12345],
      ['7777777777777777', 0o7777777777777777],
      [' 644 \0', 0o644],
      ['+17\0', 0o17],
      ['-17\0', -0o17],
      ['0o17\0', 0o17],
      ['1_7\0', 0o17],
      ['18\0', 'invalid'],
      ['9\0', 'invalid'],
      ['64 4\0', 'invalid'],
      ['\xfe', 'invalid'],
      ['12\x80\0', 'invalid'],
      ['\x1c17\x1f\0', 0o17], // str.strip() takes \x1c-\x1f off a header field before int()
    ];
    for (const [text, want] of cases) {
      expect(ours(enc(text)), JSON.stringify(text)).toBe(want);
      expect(general(enc(text)), JSON.stringify(text)).toBe(want);
    }
  });

  it('read base-256 fields exactly, as Python ints (in doubles, 256**11 - 512 rounds to 256**11: a size of 0)', () => {
    const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(ours(enc('\xff' + '\xff'.repeat(9) + '\xfe\x00'))).toBe(-512);
    expect(ours(enc('\xff' + '\xff'.repeat(10) + '\xfc'))).toBe(-4);
    expect(ours(enc('\xff' + '\xff'.repeat(5) + '\xba\x9f'))).toBe(-17761);
    expect(ours(enc('\x80' + '\x00'.repeat(8) + '\x01\x00\x00'))).toBe(65536);
  });

  it('value a PAX number as int() does: C blanks stripped, \\x1c-\\x1f refused', () => {
    expect(pyIntText(' 512\n', 10)).toBe(512);
    expect(pyIntText('512\x1c', 10)).toBeNull();
    expect(pyIntText('\x1f512', 10)).toBeNull();
  });

  it('agree with the general reading on random fields', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const alphabet = [48, 49, 50, 51, 52, 53, 54, 55, 55, 48, 56, 57, 32, 0, 43, 45, 95, 111, 9, 200];
    for (let k = 0; k < 20000; k++) {
      const len = 1 + Math.floor(next() * 12);
      const field = Uint8Array.from({ length: len }, () => alphabet[Math.floor(next() * alphabet.length)]!);
      if (field[0] === 0o200 || field[0] === 0o377) continue; // base-256 fields: another path
      expect(ours(field), String(Array.from(field))).toBe(general(field));
    }
  });
});
