/**
 * The JSONL fast path into columns (columns.ts): the byte scanner of jsonl-bytes.ts, writing the
 * fields the classifier reads into typed arrays instead of building an object per row and a
 * BigInt per t_wall_ns. It takes only what it can hold exactly and returns null at the first
 * thing it cannot (a row that is not an object, a duplicate key it reads, a float or a huge int
 * where an int is read, NaN, escapes in a string it keeps, anything the row scanner gives up on):
 * the caller then parses the member into rows (parseJsonlBytes), which are json.loads' own.
 */
import type { ColumnField, Columns } from './columns.js';
import type { Fields, JsonlRows } from './json.js';
import { PyFloat } from './value.js';
import {
  templateReader,
  WASM_BLOCKSTATS,
  WASM_FIRST_FLOAT,
  WASM_INT,
  WASM_SKIP,
  WASM_WALL,
  WASM_WALL_OR_NULL,
  type TemplateReader,
  type WasmTemplate,
} from './jsonl-wasm.js';
import {
  ByteScanner,
  GIVE_UP,
  HALVES,
  INV_2_32,
  isAsciiBreak,
  parseJsonlBytes,
  probeOf,
  uint64Halves,
  type KeySpec,
  type Probe,
} from './jsonl-bytes.js';

/**
 * The member's columns, or null where it leaves the member to the row parser. `templates: false`
 * reads every row by the general path (tests compare the two).
 */
export function columnsJsonl(
  data: Uint8Array,
  fields: readonly ColumnField[],
  opts?: { templates?: boolean; wasm?: boolean },
): Columns | null {
  const templates = opts?.templates !== false;
  return new ColumnScanner(data, fields, templates, templates && opts?.wasm !== false ? templateReader() : null).columns();
}

const NO_COLUMNS: readonly ColumnField[] = [];

/**
 * parseJsonlBytes (a member's rows), scanned by this file's class: the reader's members then all
 * run the scanner's shared methods on one receiver class. A second class there made V8 deoptimise
 * them as each class arrived and keep them polymorphic (docs/performance.md).
 */
export function rowsJsonl(data: Uint8Array, fields: Fields): JsonlRows {
  return parseJsonlBytes(data, fields, new ColumnScanner(data, NO_COLUMNS, false, null));
}

const MAX_KEY_MEMO = 64;
const MAX_SAFE = 9007199254740991;
const TWO31 = 2147483648;
const TWO32 = 4294967296;
const specCache = new WeakMap<readonly ColumnField[], KeySpec[]>();
const STATS_SPECS = specsOf(['wr_bytes', 'rd_bytes']);

function specsOf(names: readonly string[]): KeySpec[] {
  return names.map((name) => ({ name, bytes: Buffer.from(name, 'utf8'), proj: { kind: 0, keys: [], each: null } }));
}

function fieldSpecs(fields: readonly ColumnField[]): KeySpec[] {
  let s = specCache.get(fields);
  if (!s) {
    if (fields.length > 30) throw new Error('at most 30 column fields');
    s = specsOf(fields.map((f) => f.name));
    specCache.set(fields, s);
  }
  return s;
}

/**
 * The shape of a member's rows, learnt from the last row the general path (colRow) read: the
 * bytes between its values, exactly as they were, and where each value went. A row whose bytes
 * between values are the same is read value by value (rowByTemplate), with the very functions the
 * general path calls on those values: the general path, given the same bytes, would have made
 * the same moves, so only the work of finding that out again is saved.
 */
interface RowTemplate {
  /** lits[j]: the bytes from the end of value j - 1 (the row's `{` for j = 0) to the start of value j. */
  readonly lits: Probe[];
  /** slots[j]: the field value j is stored in, or -1 for a value only validated. */
  readonly slots: Int32Array;
  /** The bytes from the end of the last value to the row's closing brace, inclusive. */
  readonly end: Probe;
  /** The fields the row has, a bit per slot. */
  readonly seen: number;
  /** The template as the WebAssembly reader takes it; null where it has a value that reader leaves (a string, a float). */
  wasm?: WasmTemplate | null;
}

/** The same for a QMP blockstats object: the bytes between its counters, across its devices. */
interface BlockstatsTemplate {
  readonly lits: Probe[];
  /** kinds[j]: 0 for wr_bytes, 1 for rd_bytes, -1 for a counter only validated. */
  readonly kinds: Int32Array;
  /** devs[j]: which device (0, 1, ...) value j is in. */
  readonly devs: Int32Array;
  readonly end: Probe;
  /** The template as the WebAssembly reader takes it. */
  readonly wasm: WasmTemplate;
}

/** Rows (and blockstats) with more values than this are not learnt as a template (general path only). */
const MAX_TEMPLATE_VALUES = 64;

/**
 * Scratch for learning templates, shared by this thread's scanners (they run one at a time, and a
 * template copies what it keeps): allocating them per member cost more than some members' rows.
 */
const VALUE_AT = new Int32Array(2 * MAX_TEMPLATE_VALUES);
const SLOT_AT = new Int32Array(MAX_TEMPLATE_VALUES);
const BS_VALUE_AT = new Int32Array(2 * MAX_TEMPLATE_VALUES);
const BS_KIND_AT = new Int32Array(MAX_TEMPLATE_VALUES);
const BS_DEV_AT = new Int32Array(MAX_TEMPLATE_VALUES);

/** Remembered key bytes at a key position, and which field (or device name) they were. */
interface SlotMemo {
  bytes: Probe;
  slot: number;
  key: string;
}

class ColumnScanner extends ByteScanner {
  private readonly specs: KeySpec[];
  private cap: number;
  private rows = 0;
  private lineNos: Int32Array;
  private wallHi: Int32Array;
  private wallLo: Uint32Array;
  private wallSet: Uint8Array;
  private readonly cols: Float64Array[];
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  /** Key memos: a row's keys (0..63), blockstats device names (64..127), a device's counters (128..191). */
  private readonly slotMemo: Array<SlotMemo | undefined> = [];
  private readonly devices: string[] = [];
  /** The rows' shape, once the general path has read a row (see RowTemplate). */
  private template: RowTemplate | null = null;
  /** Where the general path's current row had each value start and end (for learning the template). */
  private readonly valueAt = VALUE_AT;
  private readonly slotAt = SLOT_AT;
  /** The same for blockstats: its template, and where the general path found its counters. */
  private bsTemplate: BlockstatsTemplate | null = null;
  private readonly bsValueAt = BS_VALUE_AT;
  private readonly bsKindAt = BS_KIND_AT;
  private readonly bsDevAt = BS_DEV_AT;
  private bsValues = 0;
  /** The last integer token (intDigits): its sign, and the values of its first 15 digits and of the rest. */
  private tokNeg = false;
  private tokHead = 0;
  private tokTail = 0;

  /** Rows read by the template, and of those by the WebAssembly reader. */
  private templateRows = 0;
  private wasmRowCount = 0;

  constructor(
    data: Uint8Array,
    private readonly fields: readonly ColumnField[],
    /** Learn and use row templates. */
    private readonly templates: boolean,
    /** Read rows by the template in WebAssembly where it can (null: in JavaScript only). */
    private readonly wasm: TemplateReader | null,
  ) {
    super(data);
    this.specs = fieldSpecs(fields);
    this.cap = (data.length >> 7) + 16; // rows are rarely under 128 bytes; the arrays grow if they are
    this.lineNos = new Int32Array(this.cap);
    this.wallHi = new Int32Array(this.cap);
    this.wallLo = new Uint32Array(this.cap);
    this.wallSet = new Uint8Array(this.cap);
    this.cols = fields.map(() => new Float64Array(this.cap));
  }

  columns(): Columns | null {
    try {
      this.colLines();
    } catch (e) {
      if (e === GIVE_UP) return null;
      throw e;
    } finally {
      this.wasm?.release();
    }
    const n = this.rows;
    const num: Record<string, Float64Array> = {};
    this.fields.forEach((f, i) => {
      if (f.kind !== 'wall') num[f.name] = this.cols[i]!.subarray(0, n);
    });
    return {
      n,
      lineNos: this.lineNos.subarray(0, n),
      wallHi: this.wallHi.subarray(0, n),
      wallLo: this.wallLo.subarray(0, n),
      wallSet: this.wallSet.subarray(0, n),
      fields: this.fields,
      num,
      names: this.names,
      templateRows: this.templateRows,
      wasmRows: this.wasmRowCount,
    };
  }

  /** ByteScanner.lines(), one column row per line instead of a row object. */
  private colLines(): void {
    const b = this.b;
    const n = this.n;
    let line = 1;
    let p = 0;
    while (p < n) {
      if (this.template !== null && this.wasm !== null && b[p] === 123) {
        p = this.wasmRows(p, line);
        line = this.wasmLine;
        if (p >= n) break;
      }
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
        if (this.rows === this.cap) this.grow();
        this.lineNos[this.rows] = line;
        this.colRow(this.rows);
        this.rows++;
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
  }

  /** The line wasmRows stopped at. */
  private wasmLine = 0;

  /**
   * Rows from p (a row's `{`, at `line`) read by the WebAssembly reader with this scanner's
   * templates, until the first row it leaves to this scanner: returns where that row starts (or
   * the end of the member), its line in wasmLine. Rows it reads are stored as rowByTemplate would.
   */
  private wasmRows(p: number, line: number): number {
    this.wasmLine = line;
    const t = this.template!;
    if (t.wasm === undefined) t.wasm = this.wasmTemplate(t);
    const w = this.wasm!;
    if (t.wasm === null || !w.loadData(this.b) || !w.loadRow(t, t.wasm)) return p;
    const bs = this.bsTemplate;
    w.loadBlockstats(bs, bs === null ? null : bs.wasm);
    const n = this.n;
    for (;;) {
      if (this.rows === this.cap) this.grow();
      const room = this.cap - this.rows;
      const k = w.scan(p, n, line, room < w.outRows ? room : w.outRows);
      if (k > 0) this.storeWasmRows(w, t, k);
      p = w.stopP();
      line = w.stopL();
      if (w.status() !== 1) break;
    }
    this.wasmLine = line;
    return p;
  }

  /** The row template for the WebAssembly reader, or null where a value is one it leaves to this scanner. */
  private wasmTemplate(t: RowTemplate): WasmTemplate | null {
    const kinds = new Int32Array(t.slots.length);
    for (let j = 0; j < t.slots.length; j++) {
      const slot = t.slots[j]!;
      if (slot < 0) {
        kinds[j] = WASM_SKIP;
        continue;
      }
      const f = this.fields[slot]!;
      if (f.kind === 'wall') kinds[j] = f.absent === 'none' ? WASM_WALL_OR_NULL : WASM_WALL;
      else if (f.kind === 'int') kinds[j] = WASM_INT;
      else if (f.kind === 'blockstats') kinds[j] = WASM_BLOCKSTATS;
      else if (f.kind === 'first-float') kinds[j] = WASM_FIRST_FLOAT;
      else return null;
    }
    return { lits: t.lits, kinds, slots: t.slots, end: t.end };
  }

  /** The k rows the WebAssembly reader wrote, as rows this.rows.. (absent fields as absentFields stores them). */
  private storeWasmRows(w: TemplateReader, t: RowTemplate, k: number): void {
    const i = this.rows;
    this.lineNos.set(w.lines(k), i);
    const fields = this.fields;
    for (let slot = 0; slot < fields.length; slot++) {
      const f = fields[slot]!;
      const present = (t.seen & (1 << slot)) !== 0;
      if (f.kind === 'wall') {
        if (present) {
          this.wallHi.set(w.wallHi(k), i);
          this.wallLo.set(w.wallLo(k), i);
          this.wallSet.set(w.wallSet(k), i);
        } else {
          this.wallHi.fill(0, i, i + k);
          this.wallLo.fill(0, i, i + k);
          this.wallSet.fill(f.absent === 'zero' ? 1 : 0, i, i + k);
        }
      } else if (present) this.cols[slot]!.set(w.values(slot, k), i);
      else this.cols[slot]!.fill(f.absent === 'zero' ? 0 : NaN, i, i + k);
    }
    this.rows = i + k;
    this.templateRows += k;
    this.wasmRowCount += k;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const lineNos = new Int32Array(cap);
    lineNos.set(this.lineNos);
    this.lineNos = lineNos;
    const hi = new Int32Array(cap);
    hi.set(this.wallHi);
    this.wallHi = hi;
    const lo = new Uint32Array(cap);
    lo.set(this.wallLo);
    this.wallLo = lo;
    const set = new Uint8Array(cap);
    set.set(this.wallSet);
    this.wallSet = set;
    for (let i = 0; i < this.cols.length; i++) {
      const c = new Float64Array(cap);
      c.set(this.cols[i]!);
      this.cols[i] = c;
    }
    this.cap = cap;
  }

  /** One row: by the template where its bytes between values match, else by the general path. */
  private colRow(i: number): void {
    const t = this.template;
    if (t !== null) {
      const start = this.p;
      if (this.rowByTemplate(i, t)) {
        this.templateRows++;
        return;
      }
      this.p = start; // read again from its start: values stored so far are overwritten alike
    }
    this.generalRow(i);
  }

  /** The row by the template: false (p anywhere in the row) at the first byte that differs. */
  private rowByTemplate(i: number, t: RowTemplate): boolean {
    const lits = t.lits;
    const slots = t.slots;
    const b = this.b;
    for (let j = 0; j < lits.length; j++) {
      if (!this.matches(lits[j]!)) return false;
      // More blanks before the value than the template had: the general path skips them.
      const c = this.p < this.n ? b[this.p]! : -1;
      if (c === 32 || c === 9) return false;
      const slot = slots[j]!;
      if (slot >= 0) this.field(this.fields[slot]!, slot, i);
      else this.skip(1);
    }
    if (!this.matches(t.end)) return false;
    this.absentFields(i, t.seen);
    return true;
  }

  /** One row: an object, each field read at most once (a repeated key would make the last win). */
  private generalRow(i: number): void {
    const rowStart = this.p;
    this.expect(123);
    let seen = 0;
    this.ws();
    if (this.peek() === 125) {
      this.p++;
      this.absentFields(i, seen);
      return;
    }
    const valueAt = this.valueAt;
    let values = 0;
    for (let k = 0; ; k++) {
      const memo = k < MAX_KEY_MEMO ? this.slotMemo[k] : undefined;
      let slot: number;
      if (memo !== undefined && this.matches(memo.bytes)) {
        slot = memo.slot;
        this.ws();
      } else {
        const at = this.p;
        const spec = this.keyIn(this.specs);
        slot = spec ? this.specs.indexOf(spec) : -1;
        this.ws();
        this.expect(58);
        this.ws();
        if (k < MAX_KEY_MEMO) this.slotMemo[k] = { bytes: probeOf(this.b.subarray(at, this.p)), slot, key: '' };
      }
      const valueStart = this.p;
      if (slot >= 0) {
        const bit = 1 << slot;
        if ((seen & bit) !== 0) throw GIVE_UP;
        seen |= bit;
        this.field(this.fields[slot]!, slot, i);
      } else this.skip(1);
      if (k < MAX_TEMPLATE_VALUES) {
        valueAt[2 * k] = valueStart;
        valueAt[2 * k + 1] = this.p;
        this.slotAt[k] = slot;
        values = k + 1;
      } else values = -1;
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 125) break;
      if (d !== 44) throw GIVE_UP;
      this.ws();
    }
    this.absentFields(i, seen);
    if (values > 0 && this.templates) this.learn(rowStart, values, seen);
  }

  /** The template of the row the general path has just read (from rowStart to p). */
  private learn(rowStart: number, values: number, seen: number): void {
    const { lits, end } = literals(this.b, rowStart, this.p, this.valueAt, values);
    this.template = { lits, slots: this.slotAt.slice(0, values), end, seen };
  }

  private absentFields(i: number, seen: number): void {
    const fields = this.fields;
    for (let slot = 0; slot < fields.length; slot++) {
      if ((seen & (1 << slot)) !== 0) continue;
      const f = fields[slot]!;
      if (f.absent === 'required') throw GIVE_UP;
      if (f.kind === 'wall') {
        this.wallHi[i] = 0;
        this.wallLo[i] = 0;
        this.wallSet[i] = f.absent === 'zero' ? 1 : 0;
      } else this.cols[slot]![i] = f.absent === 'zero' ? 0 : NaN;
    }
  }

  private field(f: ColumnField, slot: number, i: number): void {
    switch (f.kind) {
      case 'wall':
        if (this.peek() === 110 && f.absent === 'none') {
          this.nullLiteral();
          this.wallSet[i] = 0;
          return;
        }
        this.wallInt(i);
        return;
      case 'int':
        this.cols[slot]![i] = this.safeInt();
        return;
      case 'str': {
        if (this.peek() !== 34) throw GIVE_UP;
        const s = this.string();
        let id = this.nameIds.get(s);
        if (id === undefined) {
          id = this.names.length;
          this.names.push(s);
          this.nameIds.set(s, id);
        }
        this.cols[slot]![i] = id;
        return;
      }
      case 'blockstats':
        this.cols[slot]![i] = this.blockstats();
        return;
      case 'first-float':
        this.cols[slot]![i] = this.firstFloat();
        return;
    }
  }

  private nullLiteral(): void {
    const b = this.b;
    const p = this.p;
    if (p + 4 > this.n || b[p] !== 110 || b[p + 1] !== 117 || b[p + 2] !== 108 || b[p + 3] !== 108) throw GIVE_UP;
    this.p = p + 4;
  }

  /** An int token's value where it is a safe integer; anything else leaves the member to the row parser. */
  private safeInt(): number {
    const digits = this.intDigits();
    const head = this.tokHead;
    if (digits <= 15) return this.tokNeg ? 0 - head : head;
    uint64Halves(head, this.tokTail, digits - 15);
    const mhi = HALVES[0]!;
    if (mhi >= 2097152) throw GIVE_UP; // >= 2^53
    const v = mhi * TWO32 + HALVES[1]!;
    return this.tokNeg ? 0 - v : v;
  }

  /** t_wall_ns of row i: an int token in [-2^63, 2^63), as its two's-complement halves. */
  private wallInt(i: number): void {
    const digits = this.intDigits();
    const head = this.tokHead;
    if (digits <= 15) {
      const v = this.tokNeg ? 0 - head : head;
      const hi = Math.floor(v * INV_2_32);
      this.wallHi[i] = hi;
      this.wallLo[i] = v - hi * TWO32;
      this.wallSet[i] = 1;
      return;
    }
    uint64Halves(head, this.tokTail, digits - 15);
    const mhi = HALVES[0]!;
    const mlo = HALVES[1]!;
    // The magnitude's halves, then the value's two's-complement halves where it fits 64 bits.
    let hi: number;
    let lo: number;
    if (!this.tokNeg) {
      if (mhi >= TWO31) throw GIVE_UP;
      hi = mhi;
      lo = mlo;
    } else if (mlo === 0) {
      if (mhi > TWO31) throw GIVE_UP;
      hi = -mhi;
      lo = 0;
    } else {
      if (mhi >= TWO31) throw GIVE_UP;
      hi = -mhi - 1;
      lo = TWO32 - mlo;
    }
    this.wallHi[i] = hi;
    this.wallLo[i] = lo;
    this.wallSet[i] = 1;
  }

  /**
   * Scans an integer token `-?(0|[1-9]\d*)` of at most 19 digits, not followed by a fraction or
   * exponent (floats and longer integers are left to the row parser), and returns its digit count;
   * tokNeg, tokHead (the value of its first 15 digits) and tokTail (of the digits after them) hold
   * the rest. Two plain digit loops: this runs for about 10,000 tokens an episode.
   */
  private intDigits(): number {
    const b = this.b;
    const n = this.n;
    let p = this.p;
    const neg = p < n && b[p] === 45;
    if (neg) p++;
    const start = p;
    let head = 0;
    const lim = p + 15 < n ? p + 15 : n;
    while (p < lim) {
      const d = b[p]! - 48;
      if (d < 0 || d > 9) break;
      head = head * 10 + d;
      p++;
    }
    let digits = p - start;
    let tail = 0;
    if (digits === 15) {
      const lim2 = p + 5 < n ? p + 5 : n; // a 20th digit is read, and refused below
      while (p < lim2) {
        const d = b[p]! - 48;
        if (d < 0 || d > 9) break;
        tail = tail * 10 + d;
        p++;
      }
      digits = p - start;
      if (digits > 19) throw GIVE_UP;
    }
    if (digits === 0 || (digits > 1 && b[start] === 48)) throw GIVE_UP; // no digits; a leading zero
    if (p < n) {
      const c = b[p]!;
      if (c === 46 || c === 101 || c === 69) throw GIVE_UP; // a float
    }
    this.p = p;
    this.tokNeg = neg;
    this.tokHead = head;
    this.tokTail = tail;
    return digits;
  }

  /** `r.get("blockstats") or {}`, summed: wr_bytes + rd_bytes over the devices (null and {} give 0). */
  private blockstats(): number {
    const c = this.peek();
    if (c === 110) {
      this.nullLiteral();
      return 0;
    }
    if (c !== 123) throw GIVE_UP; // other falsy values, and truthy non-dicts (an AttributeError)
    const t = this.bsTemplate;
    if (t !== null) {
      const start = this.p;
      const v = this.blockstatsByTemplate(t);
      if (v === v) return v;
      this.p = start;
    }
    return this.generalBlockstats();
  }

  /** Blockstats by the template (as rowByTemplate): NaN at the first byte that differs. */
  private blockstatsByTemplate(t: BlockstatsTemplate): number {
    const lits = t.lits;
    const kinds = t.kinds;
    const devs = t.devs;
    const b = this.b;
    let total = 0;
    let wr = 0;
    let rd = 0;
    let dev = -1;
    for (let j = 0; j < lits.length; j++) {
      if (!this.matches(lits[j]!)) return NaN;
      const c = this.p < this.n ? b[this.p]! : -1;
      if (c === 32 || c === 9) return NaN;
      const d = devs[j]!;
      if (d !== dev) {
        // The literal just matched closed device `dev`: the general path adds it up there.
        if (dev >= 0) total = addDevice(total, wr + rd);
        wr = 0;
        rd = 0;
        dev = d;
      }
      const k = kinds[j]!;
      if (k === 0) wr = this.safeInt();
      else if (k === 1) rd = this.safeInt();
      else this.skip(3);
    }
    if (!this.matches(t.end)) return NaN;
    return addDevice(total, wr + rd);
  }

  private generalBlockstats(): number {
    const start = this.p;
    this.p++;
    this.ws();
    if (this.peek() === 125) {
      this.p++;
      return 0;
    }
    this.bsValues = 0;
    const devices = this.devices;
    devices.length = 0;
    let total = 0;
    for (let k = 0; ; k++) {
      const slot = k < MAX_KEY_MEMO ? MAX_KEY_MEMO + k : -1;
      const memo = slot >= 0 ? this.slotMemo[slot] : undefined;
      let key: string;
      if (memo !== undefined && this.matches(memo.bytes)) {
        key = memo.key;
        this.ws();
      } else {
        const at = this.p;
        if (this.peek() !== 34) throw GIVE_UP;
        key = this.string();
        this.ws();
        this.expect(58);
        this.ws();
        if (slot >= 0) this.slotMemo[slot] = { bytes: probeOf(this.b.subarray(at, this.p)), slot: -1, key };
      }
      for (let j = 0; j < devices.length; j++) if (devices[j] === key) throw GIVE_UP; // the last would win
      devices.push(key);
      if (this.peek() !== 123) throw GIVE_UP; // a device that is not a dict is skipped by the reference: rare
      total = addDevice(total, this.deviceBytes(k));
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 125) break;
      if (d !== 44) throw GIVE_UP;
      this.ws();
    }
    const values = this.bsValues;
    if (values > 0 && this.templates) {
      const { lits, end } = literals(this.b, start, this.p, this.bsValueAt, values);
      const kinds = this.bsKindAt.slice(0, values);
      const devs = this.bsDevAt.slice(0, values);
      this.bsTemplate = { lits, kinds, devs, end, wasm: { lits, kinds, slots: devs, end } };
    }
    return total;
  }

  /**
   * int(stats.get("wr_bytes", 0)) + int(stats.get("rd_bytes", 0)) of one device's dict (device
   * `dev` of the blockstats object), where each counter was noted for learning the template.
   */
  private deviceBytes(dev: number): number {
    this.p++;
    this.ws();
    if (this.peek() === 125) {
      this.p++;
      return 0;
    }
    let wr = 0;
    let rd = 0;
    let seen = 0;
    for (let k = 0; ; k++) {
      const mslot = k < MAX_KEY_MEMO ? 2 * MAX_KEY_MEMO + k : -1;
      const memo = mslot >= 0 ? this.slotMemo[mslot] : undefined;
      let slot: number;
      if (memo !== undefined && this.matches(memo.bytes)) {
        slot = memo.slot;
        this.ws();
      } else {
        const at = this.p;
        const spec = this.keyIn(STATS_SPECS);
        slot = spec ? STATS_SPECS.indexOf(spec) : -1;
        this.ws();
        this.expect(58);
        this.ws();
        if (mslot >= 0) this.slotMemo[mslot] = { bytes: probeOf(this.b.subarray(at, this.p)), slot, key: '' };
      }
      const valueStart = this.p;
      if (slot >= 0) {
        if ((seen & (1 << slot)) !== 0) throw GIVE_UP;
        seen |= 1 << slot;
        if (slot === 0) wr = this.safeInt();
        else rd = this.safeInt();
      } else this.skip(3);
      const v = this.bsValues;
      if (v >= 0 && v < MAX_TEMPLATE_VALUES) {
        this.bsValueAt[2 * v] = valueStart;
        this.bsValueAt[2 * v + 1] = this.p;
        this.bsKindAt[v] = slot;
        this.bsDevAt[v] = dev;
        this.bsValues = v + 1;
      } else this.bsValues = -1;
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 125) break;
      if (d !== 44) throw GIVE_UP;
      this.ws();
    }
    return wr + rd; // checked by addDevice
  }

  /** float(v[0]) when v is a non-empty list of which the first item is a finite number; NaN when v is not a non-empty list. */
  private firstFloat(): number {
    if (this.peek() !== 91) {
      this.skip(1); // not a list: the row is skipped
      return NaN;
    }
    this.p++;
    this.ws();
    if (this.peek() === 93) {
      this.p++;
      return NaN;
    }
    const c = this.peek();
    if (!(c === 45 || (c >= 48 && c <= 57))) throw GIVE_UP; // float() of a str, bool, None, ...
    const v = this.number();
    const f = typeof v === 'number' ? v : v instanceof PyFloat ? v.v : NaN;
    if (!Number.isFinite(f)) throw GIVE_UP; // huge ints, 1e400
    for (;;) {
      this.ws();
      const d = this.peek();
      this.p++;
      if (d === 93) return f;
      if (d !== 44) throw GIVE_UP;
      this.ws();
      this.skip(2);
    }
  }
}

/** total + one device's wr_bytes + rd_bytes, where both stay safe integers (else the row parser decides). */
function addDevice(total: number, sum: number): number {
  if (!(sum <= MAX_SAFE && sum >= -MAX_SAFE)) throw GIVE_UP;
  const t = total + sum;
  if (!(t <= MAX_SAFE && t >= -MAX_SAFE)) throw GIVE_UP;
  return t;
}

/**
 * A template's bytes between values, from `start` to `stop`, where value j ran from
 * valueAt[2j] to valueAt[2j + 1]: the bytes before each value, and those after the last.
 */
function literals(b: Uint8Array, start: number, stop: number, valueAt: Int32Array, values: number): { lits: Probe[]; end: Probe } {
  const lits: Probe[] = [];
  let from = start;
  for (let j = 0; j < values; j++) {
    lits.push(probeOf(b.subarray(from, valueAt[2 * j]!)));
    from = valueAt[2 * j + 1]!;
  }
  return { lits, end: probeOf(b.subarray(from, stop)) };
}
