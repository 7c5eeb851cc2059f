/**
 * Python value semantics for the JSON values the reference reads.
 *
 * The reference is a Python program: its verdicts depend on Python's int/float rules, its
 * comparisons between mixed types, what `int()`/`float()` accept, and which operations raise.
 * Values parsed from JSON keep just enough type information to reproduce that exactly:
 *
 *   null        None               boolean   bool
 *   number      int when Number.isInteger(v), else float (incl. NaN / +-Infinity)
 *   bigint      int outside the safe integer range (t_wall_ns ~1.8e18 lives here, exactly)
 *   PyFloat     a float whose value is integral (5.0, 1e3, -0.0): kept apart from int
 *   string      str               PyVal[]  list            PyDict (Map)  dict
 *
 * Anything Python would raise on becomes a thrown `PyError`; the caller turns it into the
 * episode's `unreadable` verdict.
 */

export class PyFloat {
  constructor(readonly v: number) {}
}

export type PyDict = Map<string, PyVal>;
export type PyVal = null | boolean | number | bigint | PyFloat | string | PyVal[] | PyDict;
/** A Python int: a safe-integer number or a bigint. */
export type PyInt = number | bigint;

/** What Python would raise: TypeError, ValueError, KeyError, OverflowError, ... */
export class PyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PyError';
  }
}

export function typeName(v: PyVal | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'NoneType';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
  }
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

export function isDict(v: PyVal | undefined): v is PyDict {
  return v instanceof Map;
}

/** Python truthiness (`x or {}`). */
export function truthy(v: PyVal): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0; // NaN is truthy in Python too
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyFloat) return v.v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return v.size > 0;
}

/** Normalise a bigint that fits back to a number, so both representations never coexist. */
export function normInt(v: bigint): PyInt {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(BigInt(a) + BigInt(b));
}

export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(BigInt(a) - BigInt(b));
}

/** Python `float(int)`: correctly rounded; OverflowError past the double range. */
function intToFloat(v: PyInt): number {
  if (typeof v === 'number') return v;
  const f = Number(v); // round-to-nearest-even, like Python
  if (!Number.isFinite(f)) throw new PyError('OverflowError: int too large to convert to float');
  return f;
}

/** Python int / int: the exact quotient, correctly rounded to a double. */
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (b === 0 || b === 0n) throw new PyError('ZeroDivisionError: division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b; // both exact in a double
  return bigTrueDiv(BigInt(a), BigInt(b));
}

function bigTrueDiv(a: bigint, b: bigint): number {
  const neg = a < 0n !== b < 0n;
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a === 0n) return neg ? -0 : 0;
  // Scale so the integer quotient carries 64+ significant bits, then round half-even once.
  const shift = 66 - (a.toString(2).length - b.toString(2).length);
  const num = shift >= 0 ? a << BigInt(shift) : a;
  const den = shift >= 0 ? b : b << BigInt(-shift);
  let q = num / den;
  const sticky = num % den !== 0n;
  const bits = q.toString(2).length;
  const drop = bits - 53;
  let mant: bigint;
  if (drop > 0) {
    const rem = q & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    mant = q >> BigInt(drop);
    if (rem > half || (rem === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
    q = mant;
  } else {
    mant = q;
  }
  const exp = (drop > 0 ? drop : 0) - shift;
  const r = Number(mant) * 2 ** exp;
  if (!Number.isFinite(r)) throw new PyError('OverflowError: integer division result too large for a float');
  return neg ? -r : r;
}

function isIntLike(v: PyVal): v is boolean | PyInt {
  return typeof v === 'boolean' || typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

function asInt(v: boolean | PyInt): PyInt {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function isNumeric(v: PyVal | undefined): v is boolean | number | bigint | PyFloat {
  return typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
}

/** The float value of a numeric operand, as Python coerces in mixed arithmetic. */
function numAsFloat(v: boolean | number | bigint | PyFloat): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  return v.v;
}

function isResult(v: PyVal | PyNumResult | undefined): v is PyNumResult {
  return typeof v === 'object' && v !== null && !(v instanceof PyFloat) && !(v instanceof Map) && !Array.isArray(v) && 'int' in v;
}

function opError(op: string, a: PyVal | undefined, b: PyVal | undefined): PyError {
  return new PyError(`TypeError: unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** A numeric result: a PyInt when both operands were ints, else a float (number). */
export type PyNumResult = { int: true; v: PyInt } | { int: false; v: number };

/** Python `a + b` / `a - b` on numbers (bool counts as int). Other types raise. */
export function numAddSub(a0: PyVal | PyNumResult | undefined, b0: PyVal | PyNumResult | undefined, sub: boolean): PyNumResult {
  const a = isResult(a0) ? resultToPy(a0) : a0;
  const b = isResult(b0) ? resultToPy(b0) : b0;
  if (isIntLike(a as PyVal) && isIntLike(b as PyVal)) {
    const x = asInt(a as boolean | PyInt);
    const y = asInt(b as boolean | PyInt);
    return { int: true, v: sub ? intSub(x, y) : intAdd(x, y) };
  }
  if (!isNumeric(a) || !isNumeric(b)) throw opError(sub ? '-' : '+', a, b);
  const x = numAsFloat(a);
  const y = numAsFloat(b);
  return { int: false, v: sub ? x - y : x + y };
}

/** A numeric operand as a PyNumResult (a JS integer counts as a Python int). */
export function makeNumResult(v: number): PyNumResult {
  return Number.isSafeInteger(v) ? { int: true, v } : { int: false, v };
}

/** Back from a result to a value, keeping int/float apart for the next operation. */
function resultToPy(r: PyNumResult): PyVal {
  if (r.int) return r.v;
  return Number.isInteger(r.v) ? new PyFloat(r.v) : r.v;
}

/** Python true division `a / b` where a is a numeric result and b an int or float. */
export function trueDiv(a: PyNumResult, b: PyNumResult): number {
  if (a.int && b.int) return intTrueDiv(a.v, b.v);
  const x = a.int ? intToFloat(a.v) : a.v;
  const y = b.int ? intToFloat(b.v) : b.v;
  if (y === 0) throw new PyError('ZeroDivisionError: float division by zero');
  return x / y;
}

// ---------------------------------------------------------------------------
// int() and float() coercions
// ---------------------------------------------------------------------------

/**
 * What int() and float() strip from a string asciiDecimal() has made: C's whitespace (Unicode
 * spaces are ' ' by then). Not \x1c-\x1f: str.isspace() counts them, int('5\x1c') refuses them.
 */
const NUMBER_SPACE = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

function numberStrip(s: string): string {
  return s.replace(NUMBER_SPACE, '');
}

const INT_RE = /^[+-]?[0-9](?:_?[0-9])*$/;
const FLOAT_RE = /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const FLOAT_SPECIAL_RE = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * The code point of each Unicode digit zero (category Nd, decimal value 0) as the reference's
 * Python 3.11 knows them (Unicode 14.0.0); each is followed by its digits one to nine. Fixed here,
 * not read from the runtime's \p{Nd}: a newer Node knows digits Python 3.11 refuses.
 */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
  0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
  0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
  0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** Python's str.isspace, one code point. */
const PY_SPACE_CHAR = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/**
 * What int() and float() parse (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): each
 * Unicode digit becomes its ASCII digit ("٣" is 3), each Unicode space a space, and any other
 * non-ASCII character "?" (which no number holds).
 */
export function asciiDecimal(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    if (PY_SPACE_CHAR.test(ch)) {
      out += ' ';
      continue;
    }
    let lo = 0;
    let hi = DIGIT_ZEROS.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (DIGIT_ZEROS[mid]! <= cp) lo = mid;
      else hi = mid - 1;
    }
    const d = cp - DIGIT_ZEROS[lo]!;
    out += d >= 0 && d <= 9 ? String(d) : '?';
  }
  return out;
}

/** Python `int(str)` in base 10. */
function intFromString(s: string): PyInt {
  const t = numberStrip(asciiDecimal(s));
  if (!INT_RE.test(t)) throw new PyError(`ValueError: invalid literal for int() with base 10: ${pyRepr(s)}`);
  const digits = t.replace(/_/g, '');
  if (digits.replace(/^[+-]/, '').length > 4300) {
    throw new PyError('ValueError: exceeds the limit (4300 digits) for integer string conversion');
  }
  return digits.length <= 16 ? parseInt(digits, 10) || 0 : normInt(BigInt(digits));
}

/** Python `float(str)`. */
function floatFromString(s: string): number {
  const t = numberStrip(asciiDecimal(s));
  if (FLOAT_SPECIAL_RE.test(t)) {
    const neg = t.startsWith('-');
    return /nan/i.test(t) ? NaN : neg ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) throw new PyError(`ValueError: could not convert string to float: ${pyRepr(s)}`);
  return Number(t.replace(/_/g, ''));
}

/** Python `int(x)` for a JSON value. */
export function pyInt(v: PyVal | undefined): PyInt {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v : floatToInt(v);
  if (v instanceof PyFloat) return floatToInt(v.v);
  if (typeof v === 'string') return intFromString(v);
  throw new PyError(`TypeError: int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

function floatToInt(f: number): PyInt {
  if (Number.isNaN(f)) throw new PyError('ValueError: cannot convert float NaN to integer');
  if (!Number.isFinite(f)) throw new PyError('OverflowError: cannot convert float infinity to integer');
  const t = Math.trunc(f);
  return Number.isSafeInteger(t) ? t + 0 : BigInt(t);
}

/** Python `float(x)` for a JSON value. */
export function pyFloat(v: PyVal | undefined): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'string') return floatFromString(v);
  throw new PyError(`TypeError: float() argument must be a string or a real number, not '${typeName(v)}'`);
}

// ---------------------------------------------------------------------------
// comparison, equality, hashing
// ---------------------------------------------------------------------------

function numValue(v: boolean | number | bigint | PyFloat): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  return v;
}

/** Code-point order, as Python compares str (JS compares UTF-16 units). */
function strCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const cx = a.codePointAt(i) as number;
      const cy = b.codePointAt(i) as number;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Python `a == b` for JSON values (never raises). */
function pyEq(a: PyVal, b: PyVal): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    // JS == between number and bigint compares mathematically, like Python.
    return numValue(a) == numValue(b);
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i] as PyVal, b[i] as PyVal)) return false;
    return true;
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !pyEq(v, b.get(k) as PyVal)) return false;
    }
    return true;
  }
  return false;
}

/** Python `a <= b`; raises TypeError where Python does (None, dicts, mixed types). */
export function pyLe(a: PyVal, b: PyVal): boolean {
  if (isNumeric(a) && isNumeric(b)) return numValue(a) <= numValue(b); // exact across number/bigint
  if (typeof a === 'string' && typeof b === 'string') return strCompare(a, b) <= 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i] as PyVal, b[i] as PyVal)) return pyLe(a[i] as PyVal, b[i] as PyVal);
    }
    return a.length <= b.length;
  }
  throw new PyError(`TypeError: '<=' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * A string key with Python's dict-key identity: 1, 1.0 and True are one key; "1" another.
 * Lists and dicts are unhashable, as in Python.
 */
export function hashKey(v: PyVal): string {
  if (typeof v === 'string') return 's' + v;
  if (v === null) return 'n';
  if (isNumeric(v)) {
    const x = numValue(v);
    if (typeof x === 'bigint') return 'i' + x.toString();
    if (Number.isInteger(x)) return 'i' + (x === 0 ? '0' : BigInt(x).toString());
    return Number.isNaN(x) ? 'fnan' : 'f' + String(x);
  }
  throw new PyError(`TypeError: unhashable type: '${typeName(v)}'`);
}

// ---------------------------------------------------------------------------
// text forms
// ---------------------------------------------------------------------------

/** Python `repr(float)`: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16. */
export function floatRepr(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = f.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  let s: string;
  if (exp >= 0) {
    s =
      digits.length <= exp + 1
        ? digits + '0'.repeat(exp + 1 - digits.length) + '.0'
        : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    s = '0.' + '0'.repeat(-exp - 1) + digits;
  }
  return (neg ? '-' : '') + s;
}

/** Python `repr()` of a JSON value (for messages and evidence). */
function pyRepr(v: PyVal | undefined): string {
  if (v === undefined) return '<missing>';
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(v)) return `[${v.map((x) => pyRepr(x)).join(', ')}]`;
  return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** Python `str()` of a value: strings as they are, everything else as repr. */
export function pyStr(v: PyVal): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python `json.dumps(v)` (ensure_ascii, compact separators as Python's default ", " / ": "). */
export function pyJsonDumps(v: PyVal, indent?: number, level = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return floatRepr(v);
  }
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (typeof v === 'string') return pyJsonString(v);
  const nl = indent === undefined ? '' : '\n' + ' '.repeat(indent * (level + 1));
  const end = indent === undefined ? '' : '\n' + ' '.repeat(indent * level);
  const sep = indent === undefined ? ', ' : ',';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => pyJsonDumps(x, indent, level + 1)).join(sep + nl)}${end}]`;
  }
  if (v.size === 0) return '{}';
  const items = [...v].map(([k, x]) => `${pyJsonString(k)}: ${pyJsonDumps(x, indent, level + 1)}`);
  return `{${nl}${items.join(sep + nl)}${end}}`;
}

export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out + '"';
}
