/**
 * The tar header fields as Python 3.11's `tarfile` decodes them (tarfile.nts, tarfile.nti, the
 * checksum test, the PAX record walk): shared by the episode reader, whose verdicts depend on
 * these exact leniencies, and by the snapshot unpacker, which adds its own refusals on top.
 * Names and values are byte strings (latin1).
 */
import { asciiDecimal } from '../py/value.js';

export const BLOCK = 512;

export type HeaderErrorKind = 'empty' | 'truncated' | 'eof' | 'invalid' | 'subsequent';
/** Thrown and caught inside the readers only (every archive ends with one): no Error, so no stack to capture. */
export class HeaderError {
  constructor(
    readonly kind: HeaderErrorKind,
    readonly message: string,
  ) {}
}

export function blockRound(count: number): number {
  // Python: blocks, remainder = divmod(count, BLOCKSIZE); blocks += bool(remainder)
  const blocks = Math.floor(count / BLOCK);
  return (count - blocks * BLOCK > 0 ? blocks + 1 : blocks) * BLOCK;
}

/** tarfile.nts: up to the first NUL, as a byte string. */
export function nts(buf: Uint8Array, start: number, end: number): string {
  let e = start;
  while (e < end && buf[e] !== 0) e++;
  return latin1(buf, start, e);
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode(...buf.subarray(i, Math.min(end, i + 4096)));
  }
  return s;
}

const OCTAL_TEXT = /^(?:0[oO]_?)?[0-7](?:_?[0-7])*$/;
const DECIMAL_TEXT = /^[0-9](?:_?[0-9])*$/;

/** Python `int(s, base)` for the text tarfile hands it (whitespace, sign, 0o, `_`, Unicode digits in a PAX value). */
export function pyIntText(text: string, base: 8 | 10): number | null {
  // int() strips only C's whitespace (Unicode spaces become ' ' first): not \x1c-\x1f, which str.strip() would.
  let t = asciiDecimal(text).replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (!(base === 8 ? OCTAL_TEXT : DECIMAL_TEXT).test(t)) return null;
  const digits = t.replace(/^0[oO]/, '').replace(/_/g, '');
  const n = parseInt(digits, base);
  return neg ? -n : n;
}

/** tarfile.nti */
export function nti(buf: Uint8Array, start: number, end: number): number {
  const first = buf[start] as number;
  if (first === 0o200 || first === 0o377) {
    // Exact, as Python's ints are: in doubles, 256**11 - 512 rounds to 256**11 and a size of -512 read as 0.
    let n = 0n;
    for (let i = start + 1; i < end; i++) n = n * 256n + BigInt(buf[i] as number);
    if (first === 0o377) n = -(256n ** BigInt(end - start - 1) - n);
    return Number(n);
  }
  let e = start;
  // The common field, octal digits up to the NUL (or none, which is 0), valued without strings;
  // anything else (blanks, signs, 0o, underscores, bad bytes) as Python's int() reads it, below.
  let n = 0;
  let plain = true;
  for (; e < end; e++) {
    const c = buf[e] as number;
    if (c === 0) break;
    if (c >= 48 && c <= 55) n = n * 8 + (c - 48);
    else plain = false;
  }
  if (plain && e - start <= 17) return n; // <= 17 octal digits: below 2^51, exact
  for (let i = start; i < e; i++) {
    if ((buf[i] as number) > 0x7f) throw new HeaderError('invalid', 'invalid header');
  }
  const s = latin1(buf, start, e).replace(/^[\t\n\v\f\r\x1c-\x1f ]+|[\t\n\v\f\r\x1c-\x1f ]+$/g, '');
  const v = pyIntText(s || '0', 8);
  if (v === null) throw new HeaderError('invalid', 'invalid header');
  return v;
}

export function checksumMatches(buf: Uint8Array, chksum: number): boolean {
  let unsigned = 256;
  let signed = 256;
  for (let i = 0; i < BLOCK; i++) {
    if (i >= 148 && i < 156) continue;
    const b = buf[i] as number;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return chksum === unsigned || chksum === signed;
}

/** Where the reference's _proc_pax raises what nothing catches: the episode is unreadable to it. */
export class PaxCrash extends Error {}

/**
 * _proc_pax's first step: a `hdrcharset` record found anywhere in the block (a regex search, not
 * the record walk) is decoded as strict UTF-8, which raises on bytes that are not.
 */
export function paxHdrcharset(buf: Uint8Array): string | null {
  const m = /\d+ hdrcharset=([^\n]+)\n/.exec(latin1(buf, 0, buf.length));
  if (!m) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(m[1]!, 'latin1'));
  } catch {
    throw new PaxCrash("UnicodeDecodeError: 'utf-8' codec can't decode the hdrcharset value");
  }
}

/** One PAX record set, as tarfile's regex walk reads it (byte strings). */
export function parsePax(buf: Uint8Array, into: Map<string, string>): void {
  const text = latin1(buf, 0, buf.length);
  const re = /(\d+) ([^=]+)=/y;
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const digits = m[1] as string;
    const length = Number(digits);
    if (length === 0) throw new HeaderError('invalid', 'invalid header');
    // buf[end(2) + 1 : start(1) + length - 1]: a slice bound past sys.maxsize raises, an uncaught crash.
    if (digits.length > 15 && BigInt(pos) + BigInt(digits) - 1n > 2n ** 63n - 1n) {
      throw new PaxCrash('OverflowError: Python int too large to convert to C ssize_t');
    }
    const keyword = m[2] as string;
    const valueStart = pos + (m[1] as string).length + 1 + keyword.length + 1;
    const valueEnd = pos + length - 1;
    into.set(keyword, valueEnd > valueStart ? text.slice(valueStart, valueEnd) : '');
    pos += length;
  }
}
