/**
 * The WebAssembly row-template reader (wasm/jsonl-template.ts), one instance per thread: the
 * column scanner hands it the member's bytes and the templates it learnt, and it reads rows by
 * them until the first row it leaves to the scanner. See docs/performance.md, "Row templates".
 */
import type { Probe } from './jsonl-bytes.js';
import { JSONL_TEMPLATE_WASM } from './jsonl-template-wasm.js';

/** Value kinds, as wasm/jsonl-template.ts numbers them. */
export const WASM_SKIP = 0;
export const WASM_WALL = 1;
export const WASM_WALL_OR_NULL = 2;
export const WASM_INT = 3;
export const WASM_BLOCKSTATS = 4;
export const WASM_FIRST_FLOAT = 5;

/** Members larger than this are read in JavaScript (the module's memory stays as large as the largest member). */
const MAX_MEMBER = 16 * 1024 * 1024;
const LITS_PER_TEMPLATE = 16384;
const MAX_VALUES = 64;
const PAGE = 65536;

/** What this file needs of WebAssembly's types (the project compiles without the DOM library). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly OUT_ROWS: { readonly value: number };
  readonly MAX_SLOTS: { readonly value: number };
  heapBase(): number;
  rowTemplate(): number;
  bsTemplate(): number;
  literals(): number;
  outLine(): number;
  outHi(): number;
  outLo(): number;
  outSet(): number;
  outVal(): number;
  data(): number;
  scan(start: number, len: number, line: number, maxRows: number): number;
  stopP(): number;
  stopL(): number;
  status(): number;
}

/** A template as the module reads it: the bytes before each value, each value's kind and slot (or device), and the end. */
export interface WasmTemplate {
  readonly lits: readonly Probe[];
  readonly kinds: Int32Array;
  readonly slots: Int32Array;
  readonly end: Probe;
}

export class TemplateReader {
  readonly outRows: number;
  readonly maxSlots: number;
  private readonly x: Exports;
  private buf: ArrayBuffer | null = null;
  private u8!: Uint8Array;
  private i32!: Int32Array;
  private u32!: Uint32Array;
  private f64!: Float64Array;
  /** What is loaded: the member's bytes, and the templates (by identity). */
  private data: Uint8Array | null = null;
  private row: object | null = null;
  private bs: object | null = null;

  constructor(x: Exports) {
    this.x = x;
    this.outRows = x.OUT_ROWS.value;
    this.maxSlots = x.MAX_SLOTS.value;
    const have = x.memory.buffer.byteLength;
    if (have < x.data()) x.memory.grow(Math.ceil((x.data() - have) / PAGE));
  }

  private views(): void {
    const buf = this.x.memory.buffer;
    if (buf === this.buf) return;
    this.buf = buf;
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf);
    this.u32 = new Uint32Array(buf);
    this.f64 = new Float64Array(buf);
  }

  /** Copies the member in (once per member); false where it is too large to. */
  loadData(data: Uint8Array): boolean {
    if (this.data === data) return true;
    if (data.length > MAX_MEMBER) return false;
    // Eight bytes more: the module reads the member eight bytes at a time, up to its last byte.
    const need = this.x.data() + data.length + 8;
    const mem = this.x.memory;
    const have = mem.buffer.byteLength;
    if (need > have) {
      try {
        mem.grow(Math.ceil((need - have) / PAGE));
      } catch {
        return false; // no memory for it: the scanner reads it
      }
    }
    this.views();
    this.u8.set(data, this.x.data());
    this.data = data;
    return true;
  }

  /** Forgets the member (the scanner is done with it: its bytes may be reused for another). */
  release(): void {
    this.data = null;
  }

  /** Loads the row template (key is its identity); false where it does not fit. */
  loadRow(key: object, t: WasmTemplate): boolean {
    if (this.row === key) return true;
    this.row = null;
    if (!this.write(this.x.rowTemplate(), this.x.literals(), t)) return false;
    this.row = key;
    return true;
  }

  /** Loads the blockstats template, or none (null, or one that does not fit: the module then leaves those rows). */
  loadBlockstats(key: object | null, t: WasmTemplate | null): void {
    if (this.bs === key) return;
    this.bs = key;
    if (t !== null && this.write(this.x.bsTemplate(), this.x.literals() + LITS_PER_TEMPLATE, t)) return;
    this.views();
    this.i32[this.x.bsTemplate() >> 2] = 0;
  }

  private write(at: number, litsAt: number, t: WasmTemplate): boolean {
    const values = t.lits.length;
    if (values > MAX_VALUES) return false;
    let bytes = t.end.length;
    for (const l of t.lits) bytes += l.length;
    if (bytes > LITS_PER_TEMPLATE) return false;
    this.views();
    const i32 = this.i32;
    let lit = litsAt;
    const put = (probe: Probe): number => {
      const start = lit;
      for (let w = 0; w < probe.words.length; w++, lit += 4) {
        const v = probe.words[w]!;
        this.u8[lit] = v & 255;
        this.u8[lit + 1] = (v >> 8) & 255;
        this.u8[lit + 2] = (v >> 16) & 255;
        this.u8[lit + 3] = (v >>> 24) & 255;
      }
      for (let j = 0; j < probe.tail.length; j++) this.u8[lit++] = probe.tail[j]!;
      return start;
    };
    const w = at >> 2;
    i32[w] = values;
    for (let j = 0; j < values; j++) {
      const l = t.lits[j]!;
      const e = w + 3 + j * 4;
      i32[e] = put(l);
      i32[e + 1] = l.length;
      i32[e + 2] = t.kinds[j]!;
      i32[e + 3] = t.slots[j]!;
    }
    i32[w + 1] = put(t.end);
    i32[w + 2] = t.end.length;
    return true;
  }

  /** Rows from `start` (see scan in wasm/jsonl-template.ts): how many were written to the output. */
  scan(start: number, len: number, line: number, maxRows: number): number {
    return this.x.scan(start, len, line, maxRows);
  }
  stopP(): number {
    return this.x.stopP();
  }
  stopL(): number {
    return this.x.stopL();
  }
  /** 0: a row left to the scanner at stopP(); 1: the output is full; 2: the end of the member. */
  status(): number {
    return this.x.status();
  }

  /** The first k output rows: line numbers, t_wall_ns halves and presence, and slot `slot`'s values. */
  lines(k: number): Int32Array {
    this.views();
    const at = this.x.outLine() >> 2;
    return this.i32.subarray(at, at + k);
  }
  wallHi(k: number): Int32Array {
    this.views();
    const at = this.x.outHi() >> 2;
    return this.i32.subarray(at, at + k);
  }
  wallLo(k: number): Uint32Array {
    this.views();
    const at = this.x.outLo() >> 2;
    return this.u32.subarray(at, at + k);
  }
  wallSet(k: number): Uint8Array {
    this.views();
    const at = this.x.outSet();
    return this.u8.subarray(at, at + k);
  }
  values(slot: number, k: number): Float64Array {
    this.views();
    const at = (this.x.outVal() >> 3) + slot * this.outRows;
    return this.f64.subarray(at, at + k);
  }
}

let reader: TemplateReader | null | undefined;

/**
 * This thread's reader, or null where WebAssembly templates are off (EPISODE_GATE_WASM_TEMPLATES=off,
 * for measuring) or the module cannot be instantiated: the scanner then reads every row itself.
 */
export function templateReader(): TemplateReader | null {
  if (reader !== undefined) return reader;
  reader = null;
  if (process.env.EPISODE_GATE_WASM_TEMPLATES === 'off') return null;
  try {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const mod = new wasm.Module(Buffer.from(JSONL_TEMPLATE_WASM, 'base64'));
    const x = new wasm.Instance(mod, {}).exports as Exports;
    if (x.heapBase() > x.rowTemplate()) return null; // the layout starts past the module's static data
    reader = new TemplateReader(x);
  } catch {
    reader = null;
  }
  return reader;
}
