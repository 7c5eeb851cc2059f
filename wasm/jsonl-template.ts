/**
 * AssemblyScript, compiled to WebAssembly by `npm run wasm` into src/py/jsonl-template-wasm.ts.
 * Hand-written rather than a library: it replays, row after row, a template that the column
 * scanner (src/py/jsonl-columns.ts) learnt, with the same moves as its rowByTemplate, and stops at
 * the first byte it is not sure of; the JavaScript scanner then reads that row itself. WebAssembly
 * runs at full speed from the first row, where the same loop in JavaScript waits for V8 to optimise
 * it on every thread. Whatever it reads, the JavaScript scanner would read the same way: it accepts
 * a subset of what that accepts, and stops (status 0) on anything else.
 *
 * Memory, from base() on (JavaScript writes the templates and the member, and reads the output):
 *   row template: i32 values, i32 endOff, i32 endLen, then per value: litOff, litLen, kind, slot
 *   (litOff, endOff: addresses of the bytes)
 *   blockstats template: i32 values (0: none), endOff, endLen, then per value: litOff, litLen, kind, dev
 *   literal bytes; output columns (OUT_ROWS rows); the member's bytes at DATA.
 */

// Value kinds (src/py/jsonl-wasm.ts writes the same numbers).
const SKIP: i32 = 0;
const WALL: i32 = 1;
const WALL_OR_NULL: i32 = 2;
const INT: i32 = 3;
const BLOCKSTATS: i32 = 4;
const FIRST_FLOAT: i32 = 5;
// Blockstats counter kinds.
const WR: i32 = 0;
const RD: i32 = 1;

const ROW_TPL: usize = 0;
const BS_TPL: usize = 16384;
const LITS: usize = 32768;
export const OUT_ROWS: i32 = 2048;
export const MAX_SLOTS: i32 = 30;
const OUT_LINE: usize = 65536;
const OUT_HI: usize = OUT_LINE + <usize>OUT_ROWS * 4;
const OUT_LO: usize = OUT_HI + <usize>OUT_ROWS * 4;
const OUT_SET: usize = OUT_LO + <usize>OUT_ROWS * 4;
const OUT_VAL: usize = OUT_SET + <usize>OUT_ROWS;
const DATA: usize = (OUT_VAL + <usize>OUT_ROWS * <usize>MAX_SLOTS * 8 + 65535) & ~65535;

const MAX_SAFE: u64 = 9007199254740991;
const TWO63: u64 = 9223372036854775808;

/** Where the layout starts: past the module's own static data (src/py/jsonl-wasm.ts checks heapBase() is below). */
const BASE: usize = 65536;

export function heapBase(): usize {
  return __heap_base;
}
export function rowTemplate(): usize {
  return BASE + ROW_TPL;
}
export function bsTemplate(): usize {
  return BASE + BS_TPL;
}
export function literals(): usize {
  return BASE + LITS;
}
export function outLine(): usize {
  return BASE + OUT_LINE;
}
export function outHi(): usize {
  return BASE + OUT_HI;
}
export function outLo(): usize {
  return BASE + OUT_LO;
}
export function outSet(): usize {
  return BASE + OUT_SET;
}
export function outVal(): usize {
  return BASE + OUT_VAL;
}
export function data(): usize {
  return BASE + DATA;
}

let n: i32 = 0;
let p: i32 = 0;
let stopAt: i32 = 0;
let stopLine: i32 = 0;
let stopStatus: i32 = 0;
let tokNeg: bool = false;
let tokMag: u64 = 0;

/** Where the last scan stopped, at which line, and why: 0 a row it leaves, 1 output full, 2 end of the member. */
export function stopP(): i32 {
  return stopAt;
}
export function stopL(): i32 {
  return stopLine;
}
export function status(): i32 {
  return stopStatus;
}

function at(q: i32): i32 {
  return <i32>load<u8>(BASE + DATA + <usize>q);
}

function isDigit(c: i32): bool {
  return <u32>(c - 48) <= 9;
}

function isBreak(c: i32): bool {
  return c == 10 || c == 11 || c == 12 || c == 13 || c == 28 || c == 29 || c == 30;
}

// Eight bytes at a time (SWAR): the member is followed by at least 8 bytes of memory
// (src/py/jsonl-wasm.ts), and word8 reads the bytes past its end as 0x80, which no test below takes.
const HIGHS: u64 = 0x8080808080808080;
const ZEROS: u64 = 0x3030303030303030;
const POW10: usize = memory.data<u64>([1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000]);

/** The 8 bytes from q, little-endian (the byte at q lowest); those past the member's end read as 0x80. */
function word8(q: i32): u64 {
  let x = load<u64>(BASE + DATA + <usize>q);
  const left = n - q;
  if (left < 8) {
    const drop: u64 = <u64>(64 - 8 * left);
    const keep: u64 = left <= 0 ? 0 : 0xffffffffffffffff >> drop;
    x = (x & keep) | (HIGHS & ~keep);
  }
  return x;
}

/**
 * How many of x's bytes, from the lowest, are ASCII digits (0-8). A byte of a >= 0x8a carries into
 * the next one up, but it is a non-digit itself, so the lowest flagged byte is always the first non-digit.
 */
function digitRun(x: u64): i32 {
  const a = x ^ ZEROS;
  const nd = ((a + 0x7676767676767676) | a) & HIGHS;
  return nd == 0 ? 8 : <i32>(ctz(nd) >> 3);
}

/** The value of x's k lowest bytes (1-8 ASCII digits, the lowest byte the most significant digit). */
function digitsValue(x: u64, k: i32): u64 {
  // Shifted up so that the k digits are the high bytes: the bytes below read as leading zeros.
  const up: u64 = <u64>(64 - 8 * k);
  let v = (x & 0x0f0f0f0f0f0f0f0f) << up;
  v = ((v * 2561) >> 8) & 0x00ff00ff00ff00ff;
  v = ((v * 6553601) >> 16) & 0x0000ffff0000ffff;
  return (v * 42949672960001) >> 32;
}

/** The index of the first byte from q that is not an ASCII digit (n at most). */
function skipDigits(q: i32): i32 {
  let k = 0;
  do {
    k = digitRun(word8(q));
    q += k;
  } while (k == 8);
  return q;
}

/** Moves past the literal if its bytes come next. */
function matchLit(off: i32, len: i32): bool {
  if (p + len > n) return false;
  const a: usize = BASE + DATA + <usize>p;
  const b: usize = <usize>off; // an address
  const l: usize = <usize>len;
  if (l >= 8) {
    // Eight bytes at a time, the last eight overlapping the ones before where len is no multiple of 8.
    let k: usize = 0;
    while (k + 8 < l) {
      if (load<u64>(a + k) != load<u64>(b + k)) return false;
      k += 8;
    }
    if (load<u64>(a + l - 8) != load<u64>(b + l - 8)) return false;
  } else if (l > 0) {
    // Fewer than 8: one load each, the bytes past the literal masked off (the literals and the
    // member are both followed by memory).
    const bits: u64 = (<u64>l) << 3;
    const mask: u64 = ((<u64>1) << bits) - 1;
    if (((load<u64>(a) ^ load<u64>(b)) & mask) != 0) return false;
  }
  p += len;
  return true;
}

/** Moves past `word` (ASCII, up to 8 bytes, little-endian in w) if it comes next. */
function word(w: u64, len: i32): bool {
  if (p + len > n) return false;
  for (let i = 0; i < len; i++) {
    if (<u64>at(p + i) != ((w >> (<u64>i * 8)) & 0xff)) return false;
  }
  p += len;
  return true;
}

const NULL_W: u64 = 0x6c6c756e; // null
const TRUE_W: u64 = 0x65757274; // true
const FALSE_W: u64 = 0x65736c6166; // false
const NAN_W: u64 = 0x4e614e; // NaN
const INF_W: u64 = 0x7974696e69666e49; // Infinity

/**
 * The column scanner's intDigits: `-?(0|[1-9]\d*)` of at most 19 digits, not followed by a
 * fraction or exponent; the magnitude in tokMag. False (p unmoved) where that would give up.
 */
function intToken(): bool {
  let q = p;
  let neg = false;
  if (q < n && at(q) == 45) {
    neg = true;
    q++;
  }
  const start = q;
  let v: u64 = 0;
  for (;;) {
    const x = word8(q);
    const k = digitRun(x);
    if (k > 0) {
      if (q - start + k > 19) return false; // a 20th digit
      v = v * load<u64>(POW10 + ((<usize>k) << 3)) + digitsValue(x, k);
      q += k;
    }
    if (k < 8) break;
  }
  const digits = q - start;
  if (digits == 0 || (digits > 1 && at(start) == 48)) return false;
  if (q < n) {
    const c = at(q);
    if (c == 46 || c == 101 || c == 69) return false;
  }
  p = q;
  tokNeg = neg;
  tokMag = v;
  return true;
}

/** The scanner's skipNumber: the grammar, nothing valued. */
function skipNumber(): bool {
  let q = p;
  if (at(q) == 45) q++;
  let c = q < n ? at(q) : -1;
  const intStart = q;
  if (c == 48) {
    q++;
  } else if (c >= 49 && c <= 57) {
    q = skipDigits(q + 1);
  } else return false;
  if (q - intStart > 300) return false;
  if (q + 1 < n && at(q) == 46 && isDigit(at(q + 1))) {
    q = skipDigits(q + 2);
  }
  if (q < n && (at(q) == 101 || at(q) == 69)) {
    let r = q + 1;
    if (r < n && (at(r) == 43 || at(r) == 45)) r++;
    const d0 = r;
    while (r < n && isDigit(at(r))) r++;
    if (r > d0) q = r;
  }
  p = q;
  return true;
}

/** A value only validated: a number, a string without escapes, or a literal; anything else is left to the scanner. */
function skipSimple(): bool {
  if (p >= n) return false;
  const c = at(p);
  if (c == 34) {
    // The first byte that is a quote, a backslash, a control character or not ASCII (past the
    // end: 0x80). A borrow only runs up from a byte that is flagged itself.
    let q = p + 1;
    let stop: u64 = 0;
    while (stop == 0) {
      const x = word8(q);
      const quote = x ^ 0x2222222222222222;
      const slash = x ^ 0x5c5c5c5c5c5c5c5c;
      stop =
        (((quote - 0x0101010101010101) & ~quote) | ((slash - 0x0101010101010101) & ~slash) | ((x - 0x2020202020202020) & ~x) | x) & HIGHS;
      if (stop == 0) q += 8;
    }
    q += <i32>(ctz(stop) >> 3);
    if (q >= n || at(q) != 34) return false;
    p = q + 1;
    return true;
  }
  if (c == 45 || isDigit(c)) return skipNumber();
  if (c == 110) return word(NULL_W, 4);
  if (c == 116) return word(TRUE_W, 4);
  if (c == 102) return word(FALSE_W, 5);
  if (c == 78) return word(NAN_W, 3);
  if (c == 73) return word(INF_W, 8);
  return false;
}

/** An int token that is a safe integer, as a double; NaN where the scanner would not take it. */
function safeInt(): f64 {
  if (!intToken()) return NaN;
  if (tokMag > MAX_SAFE) return NaN;
  const v = <f64>tokMag;
  return tokNeg ? 0.0 - v : v;
}

/** Exact powers of ten 10^0..10^22, as doubles. */
const POW10F: usize = memory.data<f64>([
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]);

let numOk: bool = false;

/**
 * The scanner's number() at p (a '-' or a digit), where it values the token in its first steps: an
 * int of at most 15 digits, or a float of at most 15 digits whose power of ten is within 10^+-22,
 * computed with the same one division or multiplication (correctly rounded, as float() is). numOk
 * false (p unmoved) for anything else.
 */
function fastNumber(): f64 {
  numOk = false;
  let q = p;
  const neg = at(q) == 45;
  if (neg) q++;
  let head: f64 = 0;
  let intDigits = 0;
  let c = q < n ? at(q) : -1;
  if (c == 48) {
    q++;
    intDigits = 1;
    c = q < n ? at(q) : -1;
  } else if (c >= 49 && c <= 57) {
    do {
      if (intDigits < 15) head = head * 10 + <f64>(c - 48);
      intDigits++;
      q++;
      c = q < n ? at(q) : -1;
    } while (c >= 48 && c <= 57);
  } else return 0;
  let isFloat = false;
  let fracDigits = 0;
  if (c == 46 && q + 1 < n && isDigit(at(q + 1))) {
    isFloat = true;
    q++;
    c = at(q);
    do {
      if (intDigits + fracDigits < 15) head = head * 10 + <f64>(c - 48);
      fracDigits++;
      q++;
      c = q < n ? at(q) : -1;
    } while (c >= 48 && c <= 57);
  }
  let exp10 = 0;
  if (c == 101 || c == 69) {
    let r = q + 1;
    let eneg = false;
    if (r < n && (at(r) == 43 || at(r) == 45)) {
      eneg = at(r) == 45;
      r++;
    }
    const d0 = r;
    while (r < n && isDigit(at(r))) {
      if (exp10 < 100000) exp10 = exp10 * 10 + (at(r) - 48);
      r++;
    }
    if (r > d0) {
      isFloat = true;
      if (eneg) exp10 = -exp10;
      q = r;
    } else exp10 = 0;
  }
  if (!isFloat) {
    if (intDigits > 15) return 0;
    p = q;
    numOk = true;
    return neg ? 0.0 - head : head;
  }
  exp10 -= fracDigits;
  if (intDigits + fracDigits > 15 || exp10 < -22 || exp10 > 22) return 0;
  let v = exp10 < 0 ? head / load<f64>(POW10F + ((<usize>-exp10) << 3)) : head * load<f64>(POW10F + ((<usize>exp10) << 3));
  if (neg) v = -v;
  p = q;
  numOk = true;
  return v;
}

function blanks(): void {
  while (p < n) {
    const c = at(p);
    if (c != 32 && c != 9) return;
    p++;
  }
}

let ffOk: bool = false;

/**
 * The scanner's firstFloat: float(v[0]) where v is a non-empty list whose first item is a number it
 * values (fastNumber), NaN where v is not a list (a number, a string without escapes or a literal)
 * or is empty. The other items are numbers, strings without escapes or literals. ffOk false anywhere else.
 */
function firstFloat(): f64 {
  ffOk = false;
  if (p >= n) return 0;
  if (at(p) != 91) {
    if (!skipSimple()) return 0;
    ffOk = true;
    return NaN;
  }
  p++;
  blanks();
  if (p >= n) return 0;
  let c = at(p);
  if (c == 93) {
    p++;
    ffOk = true;
    return NaN;
  }
  if (!(c == 45 || isDigit(c))) return 0;
  const f = fastNumber();
  if (!numOk) return 0;
  let more = true;
  while (more) {
    blanks();
    if (p >= n) return 0;
    c = at(p);
    p++;
    if (c == 93) more = false;
    else if (c != 44) return 0;
    else {
      blanks();
      if (!skipSimple()) return 0;
    }
  }
  ffOk = true;
  return f;
}

let bsOk: bool = true;

/** The scanner's blockstatsByTemplate; bsOk false at the first byte that differs. */
function blockstatsByTemplate(): i64 {
  const t: usize = BASE + BS_TPL;
  const values = load<i32>(t);
  let total: i64 = 0;
  let wr: i64 = 0;
  let rd: i64 = 0;
  let dev: i32 = -1;
  for (let j = 0; j < values; j++) {
    const e: usize = t + 12 + <usize>j * 16;
    if (!matchLit(load<i32>(e), load<i32>(e, 4))) {
      bsOk = false;
      return 0;
    }
    if (p < n) {
      const c = at(p);
      if (c == 32 || c == 9) {
        bsOk = false;
        return 0;
      }
    }
    const d = load<i32>(e, 12);
    if (d != dev) {
      if (dev >= 0) {
        const sum = wr + rd;
        total += sum;
        if (!safe(sum) || !safe(total)) {
          bsOk = false;
          return 0;
        }
      }
      wr = 0;
      rd = 0;
      dev = d;
    }
    const k = load<i32>(e, 8);
    if (k == WR || k == RD) {
      const v = safeInt();
      if (v != v) {
        bsOk = false;
        return 0;
      }
      if (k == WR) wr = <i64>v;
      else rd = <i64>v;
    } else if (!skipSimple()) {
      bsOk = false;
      return 0;
    }
  }
  if (!matchLit(load<i32>(t, 4), load<i32>(t, 8))) {
    bsOk = false;
    return 0;
  }
  const sum = wr + rd;
  total += sum;
  if (!safe(sum) || !safe(total)) {
    bsOk = false;
    return 0;
  }
  return total;
}

function safe(v: i64): bool {
  return v <= <i64>MAX_SAFE && v >= -(<i64>MAX_SAFE);
}

/** Row i by the row template: false (p anywhere in the row) at the first byte that differs. */
function row(i: i32): bool {
  const t: usize = BASE + ROW_TPL;
  const values = load<i32>(t);
  for (let j = 0; j < values; j++) {
    const e: usize = t + 12 + <usize>j * 16;
    if (!matchLit(load<i32>(e), load<i32>(e, 4))) return false;
    if (p < n) {
      const c = at(p);
      if (c == 32 || c == 9) return false;
    }
    const kind = load<i32>(e, 8);
    const slot = load<i32>(e, 12);
    if (kind == SKIP) {
      if (!skipSimple()) return false;
    } else if (kind == WALL || kind == WALL_OR_NULL) {
      if (kind == WALL_OR_NULL && p < n && at(p) == 110) {
        if (!word(NULL_W, 4)) return false;
        store<i32>(BASE + OUT_HI + <usize>i * 4, 0);
        store<i32>(BASE + OUT_LO + <usize>i * 4, 0);
        store<u8>(BASE + OUT_SET + <usize>i, 0);
        continue;
      }
      if (!intToken()) return false;
      const mag = tokMag;
      let v: u64;
      if (!tokNeg) {
        if (mag >= TWO63) return false;
        v = mag;
      } else {
        if (mag > TWO63) return false;
        v = 0 - mag;
      }
      store<i32>(BASE + OUT_HI + <usize>i * 4, <i32>((<i64>v) >> 32));
      store<u32>(BASE + OUT_LO + <usize>i * 4, <u32>v);
      store<u8>(BASE + OUT_SET + <usize>i, 1);
    } else if (kind == INT) {
      const v = safeInt();
      if (v != v) return false;
      store<f64>(BASE + OUT_VAL + (<usize>slot * <usize>OUT_ROWS + <usize>i) * 8, v);
    } else if (kind == BLOCKSTATS) {
      let v: f64 = 0;
      const c = p < n ? at(p) : -1;
      if (c == 110) {
        if (!word(NULL_W, 4)) return false;
      } else if (c == 123) {
        if (load<i32>(BASE + BS_TPL) == 0) return false;
        bsOk = true;
        const total = blockstatsByTemplate();
        if (!bsOk) return false;
        v = <f64>total;
      } else return false;
      store<f64>(BASE + OUT_VAL + (<usize>slot * <usize>OUT_ROWS + <usize>i) * 8, v);
    } else if (kind == FIRST_FLOAT) {
      const v = firstFloat();
      if (!ffOk) return false;
      store<f64>(BASE + OUT_VAL + (<usize>slot * <usize>OUT_ROWS + <usize>i) * 8, v);
    } else return false;
  }
  return matchLit(load<i32>(t, 4), load<i32>(t, 8));
}

/**
 * Rows by the template from p = start (the first byte of a row), of a member of len bytes at
 * data(), line being its line number: at most maxRows of them, written to the output columns
 * from row 0. Returns how many; stopP(), stopL() and status() say where it stopped and why.
 */
export function scan(start: i32, len: i32, line: i32, maxRows: i32): i32 {
  n = len;
  p = start;
  let rows = 0;
  for (;;) {
    if (rows >= maxRows) return stop(rows, p, line, 1);
    const rowStart = p;
    if (!row(rows)) return stop(rows, rowStart, line, 0);
    while (p < n) {
      const c = at(p);
      if (c != 32 && c != 9) break;
      p++;
    }
    store<i32>(BASE + OUT_LINE + <usize>rows * 4, line);
    if (p >= n) return stop(rows + 1, p, line, 2);
    const e = at(p);
    if (e == 13) p += p + 1 < n && at(p + 1) == 10 ? 2 : 1;
    else if (isBreak(e)) p += 1;
    else return stop(rows, rowStart, line, 0); // the scanner reads the row again, and gives up
    rows++;
    line++;
    if (p >= n) return stop(rows, p, line, 2);
    if (at(p) != 123) return stop(rows, p, line, 0); // a blank line, or blanks before the row
  }
  return 0; // not reached
}

function stop(rows: i32, where: i32, line: i32, why: i32): i32 {
  stopAt = where;
  stopLine = line;
  stopStatus = why;
  return rows;
}
