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

/** Moves past the literal if its bytes come next. */
function matchLit(off: i32, len: i32): bool {
  if (p + len > n) return false;
  const a: usize = BASE + DATA + <usize>p;
  const b: usize = <usize>off; // an address
  let k: usize = 0;
  const l: usize = <usize>len;
  while (k + 8 <= l) {
    if (load<u64>(a + k) != load<u64>(b + k)) return false;
    k += 8;
  }
  while (k < l) {
    if (load<u8>(a + k) != load<u8>(b + k)) return false;
    k++;
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
  while (q < n) {
    const d = at(q) - 48;
    if (<u32>d > 9) break;
    if (q - start == 19) return false; // a 20th digit
    v = v * 10 + <u64>d;
    q++;
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
    do {
      q++;
      c = q < n ? at(q) : -1;
    } while (c >= 48 && c <= 57);
  } else return false;
  if (q - intStart > 300) return false;
  if (q + 1 < n && at(q) == 46 && isDigit(at(q + 1))) {
    q += 2;
    while (q < n && isDigit(at(q))) q++;
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
    let q = p + 1;
    for (;;) {
      if (q >= n) return false;
      const d = at(q);
      if (d == 34) break;
      if (d < 0x20 || d >= 0x80 || d == 92) return false;
      q++;
    }
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
