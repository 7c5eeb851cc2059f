/**
 * A JSONL member's rows stored as columns: one typed array per field the classifier reads,
 * filled by the byte scanner (jsonl-columns.ts) when every row is an ordinary object whose fields
 * it can hold exactly. Anything else is parsed into rows instead (row.ts), so a column holds only
 * values whose Python meaning is plain:
 *
 *   t_wall_ns   a Python int in [-2^63, 2^63), exactly, as two's-complement 32-bit halves
 *               (wallHi signed, wallLo unsigned); wallSet[i] is 0 where the row has none
 *   numbers     safe integers (|v| <= 2^53 - 1) or finite floats, as the field's kind says
 *   strings     ids into `names`, one per distinct string
 */
import type { PyInt } from './value.js';

/** What a field's column holds, and what an absent field means. */
type ColumnKind =
  /** t_wall_ns: an int or null (no time); absent is no time too, or 0 with `absentZero`. */
  | 'wall'
  /** an int (safe integer) */
  | 'int'
  /** a str without escapes, as an id into `names` */
  | 'str'
  /** QMP blockstats: the row's sum of wr_bytes + rd_bytes over its devices (safe integer) */
  | 'blockstats'
  /** a list's first item as float, NaN where the value is not a non-empty list */
  | 'first-float';

export interface ColumnField {
  readonly name: string;
  readonly kind: ColumnKind;
  /** An absent field: a row without it is left to the row parser ('required'), or reads as 0. */
  readonly absent: 'required' | 'zero' | 'none';
}

export interface Columns {
  /** Rows in the member. */
  readonly n: number;
  /** 1-based line number (as `str.splitlines` counts) of each row. */
  readonly lineNos: Int32Array;
  readonly wallHi: Int32Array;
  readonly wallLo: Uint32Array;
  readonly wallSet: Uint8Array;
  /** The fields stored, as the reader asked for them. */
  readonly fields: readonly ColumnField[];
  /** The other fields, by name: numbers, or string ids into `names`. */
  readonly num: Readonly<Record<string, Float64Array>>;
  readonly names: readonly string[];
  /** Rows read by the scanner's learnt row template (the rest by its general path): how, not what. */
  readonly templateRows: number;
  /** Of those, rows read by the WebAssembly template reader (src/py/jsonl-wasm.ts). */
  readonly wasmRows: number;
}

const TWO32 = 4294967296;

/** t_wall_ns of row i as a Python int (number when safe, else bigint); null when the row has none. */
export function wallValue(c: Columns, i: number): PyInt | null {
  if (c.wallSet[i] === 0) return null;
  return int64Value(c.wallHi[i]!, c.wallLo[i]!);
}

/** hi * 2^32 + lo as a Python int: a number when it is a safe integer, else a bigint. */
export function int64Value(hi: number, lo: number): PyInt {
  if (hi >= -2097152 && hi < 2097152) {
    const v = hi * TWO32 + lo; // |v| <= 2^53: exact
    if (Number.isSafeInteger(v)) return v;
  }
  return (BigInt(hi) << 32n) + BigInt(lo);
}
