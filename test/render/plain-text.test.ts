import { describe, expect, it } from 'vitest';
import { atLineStart, inLine } from '../../src/render/plain-text.js';

/** The Actions runner's two command forms: "::" after leading whitespace, "##[" anywhere. */
const isCommand = (line: string): boolean => line.replace(/^[\s\u0085\u001c-\u001f]+/u, '').startsWith('::') || line.includes('##[');

describe('data in plain-text lines', () => {
  it('leaves ordinary values as they are', () => {
    for (const v of ['lab-a', 'ep-1', 'a::b', 'x:y', '#[1]', 'ünïcode']) {
      expect(inLine(v)).toBe(v);
      expect(atLineStart(v)).toBe(v);
    }
  });

  it('never lets a value break a line or start one as a workflow command', () => {
    const hostile = [
      '::warning::X',
      ' \t::error::Y',
      '\u00a0::notice::Z',
      '\u2003::group::G',
      '\u0085::x::',
      'a\n::warning::W',
      'a\r::e::',
      'a\u2028::e::',
      'p##[error]q',
    ];
    for (const v of hostile) {
      for (const line of `${atLineStart(v)} tail`.split(/\r\n|\r|\n|\u2028|\u2029|\u0085|\v|\f/)) expect(isCommand(line)).toBe(false);
      for (const line of `prog: ${inLine(v)}`.split(/\r\n|\r|\n|\u2028|\u2029|\u0085|\v|\f/)) expect(isCommand(line)).toBe(false);
    }
    expect(atLineStart('::warning::X')).toBe('"::warning::X"');
    expect(inLine('a\nb')).toBe('a\\nb');
  });
});
