/**
 * The JSONL reader the episode reader uses: `parseJsonl` (Python's json.loads per
 * str.splitlines line) computed straight from the member's bytes, without decoding the member
 * to a string, allocating key strings or building substrings for numbers.
 *
 * Telemetry is ASCII, and for ASCII text the rules are few: so this scanner takes only the
 * common shapes (ASCII, objects per line, no escapes in materialised strings, sane nesting) and
 * abandons the attempt at the first thing it does not take: any byte >= 0x80, any error, any
 * rarity. The member is then parsed again by `parseJsonl` on the decoded text, which has the
 * exact rules and error messages. So the result is always exactly `parseJsonl`'s; this file
 * only decides how fast it is reached.
 */
import { PyFloat, type PyDict, type PyVal } from './value.js';
import type { Row, RowDict } from './row.js';
import { parseJsonl, type Fields, type JsonlRows, type Projection } from './json.js';

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * `parseJsonl(utf8-with-replacement(data), fields)`, fast for ASCII members. `scanner`: a
 * scanner over `data` of a subclass, when the caller's hot code runs on that class (see
 * rowsJsonl in jsonl-columns.ts).
 */
export function parseJsonlBytes(data: Uint8Array, fields: Fields, scanner: ByteScanner = new ByteScanner(data)): JsonlRows {
  return scanner.jsonl(compileFields(fields)) ?? parseJsonl(lenient.decode(data), fields);
}

/** The fast path alone: the rows, or null where it leaves the member to the exact parser. */
export function fastJsonl(data: Uint8Array, fields: Fields): JsonlRows | null {
  return new ByteScanner(data).jsonl(compileFields(fields));
}

// ---------------------------------------------------------------------------------------------
// compiled projections: key bytes to compare against without making strings

export interface KeySpec {
  name: string;
  bytes: Uint8Array;
  proj: Compiled;
}
/** kind 0: materialise whole; 1: object with only `keys`; 2: object, every value by `each`. */
interface Compiled {
  kind: 0 | 1 | 2;
  keys: KeySpec[];
  each: Compiled | null;
}

const WHOLE: Compiled = { kind: 0, keys: [], each: null };
const compiledCache = new WeakMap<Fields, KeySpec[]>();

function keySpecs(entries: Iterable<[string, Projection]>): KeySpec[] {
  return [...entries].map(([name, p]) => ({ name, bytes: Buffer.from(name, 'utf8'), proj: compileProjection(p) }));
}

function compileProjection(p: Projection): Compiled {
  if (p === true) return WHOLE;
  if ('each' in p) return { kind: 2, keys: [], each: compileProjection(p.each) };
  return { kind: 1, keys: keySpecs(p.keys), each: null };
}

function compileFields(fields: Fields): KeySpec[] {
  let c = compiledCache.get(fields);
  if (!c) {
    c =
      fields instanceof Map ? keySpecs(fields) : keySpecs([...(fields as ReadonlySet<string>)].map((k): [string, Projection] => [k, true]));
    compiledCache.set(fields, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------

/** Thrown (never as an Error: no stack to capture) to abandon the fast path. */
export const GIVE_UP = Symbol('give up');
const MAX_FAST_DEPTH = 200;
const MAX_KEY_MEMO = 64;
const MAX_MEMO_DEPTH = 8;
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII line boundaries of str.splitlines (\r is handled apart, for \r\n). */
export function isAsciiBreak(c: number): boolean {
  return c === 10 || c === 11 || c === 12 || c === 13 || c === 28 || c === 29 || c === 30;
}

/** Bytes to compare against quickly: as little-endian 32-bit words, then the last 0-3 bytes. */
export interface Probe {
  words: Int32Array;
  tail: Uint8Array;
  length: number;
}

export function probeOf(bytes: Uint8Array): Probe {
  const whole = bytes.length >> 2;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const words = new Int32Array(whole);
  for (let i = 0; i < whole; i++) words[i] = dv.getInt32(i * 4, true);
  return { words, tail: bytes.slice(whole * 4), length: bytes.length };
}

/**
 * Interned short strings (device names, phases, events), by a hash of their bytes: shared by the
 * scanners of this thread, which run one at a time; a hit is compared in full before it is used.
 */
const INTERNED: Array<string | undefined> = new Array(512);

interface NestedKeyMemo {
  bytes: Probe;
  proj: Compiled;
  keep: boolean;
  key: string | null;
  child: Compiled | null;
}

export class ByteScanner {
  protected p = 0;
  protected readonly n: number;
  /** A Buffer over the bytes, for latin1 strings: made when first needed (most members need none). */
  private bufView: Buffer | null = null;
  protected readonly dv: DataView;
  /** Interned short strings (device names, phases, events): most repeat on every row. */
  protected readonly interned = INTERNED;
  /** Per key position in a row: the bytes from the key's quote to its value last time, and what the key was. */
  protected readonly keyMemo: Array<{ bytes: Probe; spec: KeySpec | null } | undefined> = [];
  /** The same inside objects, by depth and position, with what decided how the key was read. */
  protected readonly nestedMemo: Array<NestedKeyMemo | undefined> = [];

  protected readonly b: Uint8Array;

  constructor(data: Uint8Array) {
    // Always a plain Uint8Array: a Buffer (another map) here would make every byte load polymorphic.
    const b = data.constructor === Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
    this.b = b;
    this.n = b.length;
    this.dv = new DataView(b.buffer, b.byteOffset, b.length);
  }

  jsonl(wanted: KeySpec[]): JsonlRows | null {
    try {
      return this.lines(wanted);
    } catch (e) {
      if (e === GIVE_UP) return null;
      throw e;
    }
  }

  protected lines(wanted: KeySpec[]): JsonlRows {
    const b = this.b;
    const n = this.n;
    const rows: Row[] = [];
    const lineNos: number[] = [];
    let line = 1;
    let p = 0;
    while (p < n) {
      // Blank (to str.strip) lines are skipped: ASCII spaces are \t, space and \x1f here.
      let q = p;
      let c = b[q]!;
      while (c === 32 || c === 9 || c === 31) {
        if (++q >= n) break;
        c = b[q]!;
      }
      if (q >= n) break;
      if (isAsciiBreak(c)) {
        p = q;
      } else {
        this.p = p;
        this.ws();
        rows.push(this.row(wanted));
        lineNos.push(line);
        this.ws();
        p = this.p;
        if (p >= n) break;
      }
      const e = b[p]!;
      if (e === 13) p += p + 1 < n && b[p + 1] === 10 ? 2 : 1;
      else if (isAsciiBreak(e)) p += 1;
      else throw GIVE_UP;
      line++;
    }
    return { rows, lineNos };
  }

  protected ws(): void {
    const b = this.b;
    const n = this.n;
    let p = this.p;
    while (p < n) {
      const c = b[p]!;
      if (c !== 32 && c !== 9) break;
      p++;
    }
    this.p = p;
  }

  protected peek(): number {
    return this.p < this.n ? this.b[this.p]! : -1;
  }

  protected expect(c: number): void {
    if (this.p >= this.n || this.b[this.p] !== c) throw GIVE_UP;
    this.p++;
  }

  /** One top-level object; other top-level values are rare and left to the exact parser. */
  protected row(wanted: KeySpec[]): Row {
    this.expect(123);
    const row: RowDict = {};
    this.ws();
    if (this.peek() === 125) {
      this.p++;
      return row;
    }
    for (let k = 0; ; k++) {
      // Rows of a member repeat their keys in the same order: the bytes from a key's opening
      // quote to its value, as the previous row had them at this position, are tried first.
      // Bytes equal to ones already read are valid the same way, so a match skips the work.
      const memo = this.keyMemo[k];
      let spec: KeySpec | null;
      if (memo !== undefined && this.matches(memo.bytes)) {
        spec = memo.spec;
        this.ws();
      } else {
        const at = this.p;
        spec = this.keyIn(wanted);
        this.ws();
        this.expect(58);
        this.ws();
        if (k < MAX_KEY_MEMO) this.keyMemo[k] = { bytes: probeOf(this.b.subarray(at, this.p)), spec };
      }
      if (spec) row[spec.name] = this.value(spec.proj, 1);
      else this.skip(1);
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 125) return row;
      if (d !== 44) throw GIVE_UP;
      this.ws();
    }
  }

  /** Moves past the probe's bytes if they come next. */
  protected matches(probe: Probe): boolean {
    const p = this.p;
    const len = probe.length;
    if (p + len > this.n) return false;
    const dv = this.dv;
    const words = probe.words;
    let q = p;
    for (let i = 0; i < words.length; i++, q += 4) if (dv.getInt32(q, true) !== words[i]) return false;
    const b = this.b;
    const tail = probe.tail;
    for (let j = 0; j < tail.length; j++) if (b[q + j] !== tail[j]) return false;
    this.p = p + len;
    return true;
  }

  /** Reads a key; returns the wanted spec it names, or null. */
  protected keyIn(specs: KeySpec[]): KeySpec | null {
    const b = this.b;
    const n = this.n;
    if (this.p >= n || b[this.p] !== 34) throw GIVE_UP;
    const start = this.p + 1;
    let end = start;
    for (;;) {
      if (end >= n) throw GIVE_UP;
      const c = b[end]!;
      if (c === 34) break;
      if (c < 0x20 || c >= 0x80 || c === 92) throw GIVE_UP; // an escaped key may spell a wanted one
      end++;
    }
    this.p = end + 1;
    const len = end - start;
    for (let i = 0; i < specs.length; i++) {
      const s = specs[i]!;
      const kb = s.bytes;
      if (kb.length !== len) continue;
      let j = 0;
      while (j < len && b[start + j] === kb[j]) j++;
      if (j === len) return s;
    }
    return null;
  }

  /** Validates a string at p (opening quote) and moves past it; escapes are validated. */
  protected skipString(): void {
    const b = this.b;
    const n = this.n;
    if (this.p >= n || b[this.p] !== 34) throw GIVE_UP;
    let p = this.p + 1;
    for (;;) {
      if (p >= n) throw GIVE_UP;
      const c = b[p]!;
      if (c === 34) break;
      if (c === 92) {
        const e = p + 1 < n ? b[p + 1]! : -1;
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) p += 2;
        else if (e === 117) {
          for (let k = p + 2; k < p + 6; k++) {
            const h = k < n ? b[k]! : -1;
            if (!(isDigit(h) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) throw GIVE_UP;
          }
          p += 6;
        } else throw GIVE_UP;
        continue;
      }
      if (c < 0x20 || c >= 0x80) throw GIVE_UP;
      p++;
    }
    this.p = p + 1;
  }

  protected string(): string {
    const b = this.b;
    const n = this.n;
    const start = this.p + 1;
    let p = start;
    for (;;) {
      if (p >= n) throw GIVE_UP;
      const c = b[p]!;
      if (c === 34) break;
      if (c < 0x20 || c >= 0x80 || c === 92) throw GIVE_UP; // escapes: the exact parser decodes them
      p++;
    }
    this.p = p + 1;
    return this.ascii(start, p);
  }

  protected latin1(start: number, end: number): string {
    this.bufView ??= Buffer.from(this.b.buffer, this.b.byteOffset, this.b.length);
    return this.bufView.toString('latin1', start, end);
  }

  protected ascii(start: number, end: number): string {
    const len = end - start;
    if (len === 0) return '';
    if (len > 32) return this.latin1(start, end);
    const b = this.b;
    const slot = (len * 131 + b[start]! * 31 + b[end - 1]! * 7 + b[start + (len >> 1)]!) & 511;
    const hit = this.interned[slot];
    if (hit !== undefined && hit.length === len) {
      let j = 0;
      while (j < len && hit.charCodeAt(j) === b[start + j]) j++;
      if (j === len) return hit;
    }
    const s = this.latin1(start, end);
    this.interned[slot] = s;
    return s;
  }

  protected skip(depth: number): void {
    const c = this.peek();
    if (c === 34) return this.skipString();
    if (c === 123 || c === 91) {
      this.container(WHOLE, depth + 1, false);
      return;
    }
    this.scalar(false);
  }

  protected value(proj: Compiled, depth: number): PyVal {
    const c = this.peek();
    if (c === 34) return this.string();
    if (c === 123 || c === 91) return this.container(proj, depth + 1, true) as PyVal;
    return this.scalar(true) as PyVal;
  }

  /** An object or array; materialised (with `proj`) or only validated. */
  protected container(proj: Compiled, depth: number, keep: boolean): PyVal | undefined {
    if (depth > MAX_FAST_DEPTH) throw GIVE_UP;
    if (this.b[this.p] === 91) {
      this.p++;
      const list: PyVal[] | undefined = keep ? [] : undefined;
      this.ws();
      if (this.peek() === 93) {
        this.p++;
        return list;
      }
      for (;;) {
        if (list) list.push(this.value(WHOLE, depth));
        else this.skip(depth);
        this.ws();
        const d = this.peek();
        this.p++;
        if (d === 93) return list;
        if (d !== 44) throw GIVE_UP;
        this.ws();
      }
    }
    this.p++;
    const map: PyDict | undefined = keep ? new Map() : undefined;
    this.ws();
    if (this.peek() === 125) {
      this.p++;
      return map;
    }
    for (let k = 0; ; k++) {
      let key: string | null = null;
      let child: Compiled | null = null;
      // As in row(): the key bytes this depth and position had last time, read the same way.
      const slot = depth < MAX_MEMO_DEPTH && k < MAX_KEY_MEMO ? depth * MAX_KEY_MEMO + k : -1;
      const memo = slot >= 0 ? this.nestedMemo[slot] : undefined;
      if (memo !== undefined && memo.proj === proj && memo.keep === keep && this.matches(memo.bytes)) {
        key = memo.key;
        child = memo.child;
        this.ws();
      } else {
        const at = this.p;
        if (!map) this.skipString();
        else if (proj.kind === 1) {
          const spec = this.keyIn(proj.keys);
          if (spec) {
            key = spec.name;
            child = spec.proj;
          }
        } else {
          if (this.peek() !== 34) throw GIVE_UP;
          key = this.string();
          child = proj.kind === 2 ? proj.each! : WHOLE;
        }
        this.ws();
        this.expect(58);
        this.ws();
        if (slot >= 0) this.nestedMemo[slot] = { bytes: probeOf(this.b.subarray(at, this.p)), proj, keep, key, child };
      }
      if (map && key !== null) map.set(key, this.value(child!, depth));
      else this.skip(depth);
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 125) return map;
      if (d !== 44) throw GIVE_UP;
      this.ws();
    }
  }

  /** Numbers and the literals true, false, null, NaN, Infinity, -Infinity. */
  protected scalar(keep: boolean): PyVal | undefined {
    const b = this.b;
    const n = this.n;
    const c = this.peek();
    if (c === 45 || isDigit(c)) {
      if (keep) return this.number();
      this.skipNumber();
      return undefined;
    }
    let lit: PyVal;
    let word: string;
    switch (c) {
      case 110:
        lit = null;
        word = 'null';
        break;
      case 116:
        lit = true;
        word = 'true';
        break;
      case 102:
        lit = false;
        word = 'false';
        break;
      case 78:
        lit = NaN;
        word = 'NaN';
        break;
      case 73:
        lit = Infinity;
        word = 'Infinity';
        break;
      default:
        throw GIVE_UP;
    }
    const p = this.p;
    if (p + word.length > n) throw GIVE_UP;
    for (let i = 1; i < word.length; i++) if (b[p + i] !== word.charCodeAt(i)) throw GIVE_UP;
    this.p = p + word.length;
    return lit;
  }

  /** Moves past a number that is not kept: number()'s grammar and limits, without valuing it. */
  protected skipNumber(): void {
    const b = this.b;
    const n = this.n;
    let p = this.p;
    if (b[p] === 45) p++;
    let c = p < n ? b[p]! : -1;
    const intStart = p;
    if (c === 48) {
      p++;
    } else if (c >= 49 && c <= 57) {
      do {
        p++;
        c = p < n ? b[p]! : -1;
      } while (c >= 48 && c <= 57);
    } else throw GIVE_UP;
    if (p - intStart > 300) throw GIVE_UP;
    if (p + 1 < n && b[p] === 46 && isDigit(b[p + 1]!)) {
      p += 2;
      while (p < n && isDigit(b[p]!)) p++;
    }
    if (p < n && (b[p] === 101 || b[p] === 69)) {
      let q = p + 1;
      if (q < n && (b[q] === 43 || b[q] === 45)) q++;
      const d0 = q;
      while (q < n && isDigit(b[q]!)) q++;
      if (q > d0) p = q;
    }
    this.p = p;
  }

  /**
   * Python's number grammar `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, valued in the same pass
   * that scans it. Integers are exact: up to 15 digits as a double; longer ones (the 19-digit
   * `t_wall_ns` on every row) from the first 15 digits and the rest, combined in 32-bit halves
   * and read back as one bigint (no BigInt arithmetic; a number again when <= 2^53 - 1). Floats
   * take the exact fast path (<= 15 significant digits, |exponent| <= 22: one correctly rounded
   * operation on exact operands) or else the engine's correctly rounded parse of the text.
   */
  protected number(): PyVal {
    const b = this.b;
    const n = this.n;
    const start = this.p;
    let p = start;
    const neg = b[p] === 45;
    if (neg) p++;
    /** The first 15 significant digits' value, the value of the integer digits after them, and counts. */
    let head = 0;
    let tail = 0;
    let intDigits = 0;
    let c = p < n ? b[p]! : -1;
    if (c === 48) {
      p++;
      intDigits = 1;
      c = p < n ? b[p]! : -1;
    } else if (c >= 49 && c <= 57) {
      do {
        if (intDigits < 15) head = head * 10 + (c - 48);
        else if (intDigits < 24) tail = tail * 10 + (c - 48);
        intDigits++;
        p++;
        c = p < n ? b[p]! : -1;
      } while (c >= 48 && c <= 57);
    } else throw GIVE_UP; // includes -Infinity: rare, left to the exact parser
    let isFloat = false;
    let fracDigits = 0;
    if (c === 46 && p + 1 < n && isDigit(b[p + 1]!)) {
      isFloat = true;
      p++;
      c = b[p]!;
      do {
        if (intDigits + fracDigits < 15) head = head * 10 + (c - 48);
        fracDigits++;
        p++;
        c = p < n ? b[p]! : -1;
      } while (c >= 48 && c <= 57);
    }
    let exp10 = 0;
    if (c === 101 || c === 69) {
      let q = p + 1;
      let eneg = false;
      if (q < n && (b[q] === 43 || b[q] === 45)) {
        eneg = b[q] === 45;
        q++;
      }
      const d0 = q;
      while (q < n && isDigit(b[q]!)) {
        if (exp10 < 100000) exp10 = exp10 * 10 + (b[q]! - 48);
        q++;
      }
      if (q > d0) {
        isFloat = true;
        if (eneg) exp10 = -exp10;
        p = q;
      } else exp10 = 0;
    }
    this.p = p;
    if (intDigits > 300) throw GIVE_UP; // huge integers (and the 4300-digit limit): exact parser
    if (!isFloat) {
      if (intDigits <= 15) return neg ? 0 - head : head;
      if (intDigits > 24) throw GIVE_UP;
      return bigIntegerValue(head, tail, intDigits - 15, neg);
    }
    exp10 -= fracDigits;
    let v: number;
    if (intDigits + fracDigits <= 15 && exp10 >= -22 && exp10 <= 22) {
      v = exp10 < 0 ? head / POW10[-exp10]! : head * POW10[exp10]!;
      if (neg) v = -v;
    } else {
      v = Number(this.latin1(start, p));
    }
    return Number.isInteger(v) ? new PyFloat(v) : v;
  }
}

const TWO32 = 4294967296;
const INV_2_8 = 1 / 256;
const INV_2_24 = 1 / 16777216;
/** 2^-32: multiplying by it is exact, as dividing by 2^32 is. */
export const INV_2_32 = 1 / 4294967296;
const TWO53 = 9007199254740992;
const u64 = new DataView(new ArrayBuffer(8));

/** The 32-bit halves (high, low) of the last value `uint64Halves` put together. */
export const HALVES = new Float64Array(2);

/**
 * head * 10^k + tail for head < 10^15, k <= 4 (tail has k digits): a value below 10^19 < 2^64,
 * put together exactly from 32-bit halves in doubles that never exceed 2^53, into HALVES.
 */
export function uint64Halves(head: number, tail: number, k: number): void {
  const mult = POW10[k]!; // < 2^14
  // head = hh * 2^24 + hl; value = (hh * mult) * 2^24 + (hl * mult + tail), each part exact.
  // Divisions by powers of two as multiplications by their exact inverses: the same doubles, cheaper.
  const hh = Math.floor(head * INV_2_24);
  const hl = head - hh * 16777216;
  const lowPart = hl * mult + tail; // < 2^38 + 10^4
  const highPart = hh * mult; // < 2^40
  const highTop = Math.floor(highPart * INV_2_8); // highPart = highTop * 2^8 + rest
  const t = (highPart - highTop * 256) * 16777216 + lowPart; // < 2^40: the value mod 2^32 plus carries
  const carry = Math.floor(t * INV_2_32);
  HALVES[1] = t - carry * TWO32;
  HALVES[0] = highTop + carry; // < 2^32: the value is below 10^19 < 2^64
}

/**
 * head * 10^k + tail, exactly, for head < 10^15 and k <= 9 (tail has k digits): a number when
 * it is at most 2^53 - 1, else a bigint. Up to 19 digits from 32-bit halves (uint64Halves);
 * longer ones use BigInt.
 */
function bigIntegerValue(head: number, tail: number, k: number, neg: boolean): number | bigint {
  if (k > 4) {
    const big = BigInt(head) * BIG_POW10[k]! + BigInt(tail);
    return neg ? -big : big;
  }
  uint64Halves(head, tail, k);
  const hi = HALVES[0]!;
  const lo = HALVES[1]!;
  if (hi < 2097152) {
    const v = hi * TWO32 + lo; // < 2^53: exact
    if (v < TWO53) return neg ? 0 - v : v;
  }
  u64.setUint32(0, lo, true);
  u64.setUint32(4, hi, true);
  const big = u64.getBigUint64(0, true);
  return neg ? -big : big;
}

const BIG_POW10 = Array.from({ length: 10 }, (_, i) => 10n ** BigInt(i));
