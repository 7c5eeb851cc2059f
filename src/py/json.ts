/**
 * A JSON reader with the exact acceptance rules of Python's `json.loads` (the C scanner), used
 * on the text of one tar member:
 *
 * - JSONL mode reproduces `[json.loads(l) for l in text.splitlines() if l.strip()]`: every
 *   Unicode line boundary Python's `str.splitlines` knows ends a line (\n, \r, \r\n, \v, \f,
 *   \x1c-\x1e, \x85, \u2028, \u2029), blank lines are those `str.strip()` empties.
 * - NaN, Infinity and -Infinity are accepted, raw control characters in strings are not,
 *   duplicate keys keep the last value, integers are exact at any size (bigint past 2^53).
 * - Only the top-level keys the classifier asks for are materialised (and, inside those, only the
 *   parts a `Projection` names); everything else is validated and skipped, which is most of the
 *   work saved on ~1 MB members.
 *
 * Any input Python would reject throws `JsonError` with the line and column.
 */
import { PyFloat, normInt, type PyDict, type PyVal } from './value.js';
import { NotDict, type Row, type RowDict } from './row.js';

/**
 * Which parts of a wanted value to materialise: `true` everything; `{ keys }` for an object only
 * those keys (each projected in turn); `{ each }` for an object every key, each value projected.
 * A value that is not an object is always materialised whole (the classifier may need its type).
 */
export type Projection = true | { readonly keys: ReadonlyMap<string, Projection> } | { readonly each: Projection };
/** The top-level keys to keep: a set (each value whole) or keys with their projections. */
export type Fields = ReadonlySet<string> | ReadonlyMap<string, Projection>;

export interface JsonlRows {
  rows: Row[];
  /** 1-based line number (as `str.splitlines` counts) of each row. */
  lineNos: number[];
}

export class JsonError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonError';
  }
}

/**
 * The deepest nesting json.loads reads in the reference before RecursionError: Python's limit
 * (1000) less the frames the CLI has on the stack when it calls json.loads (the module, main,
 * classify_episode, the reader, and for JSON Lines its list comprehension), measured with the
 * reference's own command: meta.json reads 992 levels and fails at 993, a JSON Lines row 991 and 992.
 */
const MAX_DEPTH_DOC = 992;
const MAX_DEPTH_JSONL = 991;

const CH_TAB = 9;
const CH_LF = 10;
const CH_VT = 11;
const CH_FF = 12;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_QUOTE = 34;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_0 = 48;
const CH_9 = 57;
const CH_COLON = 58;
const CH_LBRACKET = 91;
const CH_BACKSLASH = 92;
const CH_RBRACKET = 93;
const CH_LBRACE = 123;
const CH_RBRACE = 125;

/** Line boundaries of Python's str.splitlines other than \r (which may pair with \n). */
function isLineBreak(c: number): boolean {
  return (
    c === CH_LF ||
    c === CH_VT ||
    c === CH_FF ||
    c === 0x1c ||
    c === 0x1d ||
    c === 0x1e ||
    c === 0x85 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === CH_CR
  );
}

/** str.isspace() characters that are not line boundaries. */
function isPySpaceInLine(c: number): boolean {
  return (
    c === CH_TAB ||
    c === CH_SPACE ||
    c === 0x1f ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

class Parser {
  pos = 0;
  line = 1;
  lineStart = 0;
  constructor(
    readonly s: string,
    /** JSONL: lines end at any Python line boundary; otherwise \n and \r are whitespace. */
    readonly lineMode: boolean,
  ) {
    this.maxDepth = lineMode ? MAX_DEPTH_JSONL : MAX_DEPTH_DOC;
  }
  private readonly maxDepth: number;

  fail(msg: string, at = this.pos): never {
    throw new JsonError(this.line, at - this.lineStart + 1, msg);
  }

  skipWs(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === CH_SPACE || c === CH_TAB || (!this.lineMode && (c === CH_LF || c === CH_CR))) p++;
      else break;
    }
    this.pos = p;
  }

  /** Parse one value at pos. With materialize=false the value is only validated. */
  value(materialize: boolean, depth: number, proj: Projection = true): PyVal | undefined {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === CH_QUOTE) return this.string(materialize);
    if (c === CH_LBRACE) return this.object(materialize, depth + 1, proj);
    if (c === CH_LBRACKET) return this.array(materialize, depth + 1);
    if ((c >= CH_0 && c <= CH_9) || c === CH_MINUS) {
      if (c === CH_MINUS && s.startsWith('-Infinity', this.pos)) {
        this.pos += 9;
        return -Infinity;
      }
      return this.number(materialize);
    }
    if (c === 110 && s.startsWith('null', this.pos)) {
      this.pos += 4;
      return null;
    }
    if (c === 116 && s.startsWith('true', this.pos)) {
      this.pos += 4;
      return true;
    }
    if (c === 102 && s.startsWith('false', this.pos)) {
      this.pos += 5;
      return false;
    }
    if (c === 78 && s.startsWith('NaN', this.pos)) {
      this.pos += 3;
      return NaN;
    }
    if (c === 73 && s.startsWith('Infinity', this.pos)) {
      this.pos += 8;
      return Infinity;
    }
    return this.fail('Expecting value');
  }

  string(materialize: boolean): string | undefined {
    const s = this.s;
    const start = ++this.pos;
    let p = start;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === CH_QUOTE) {
        this.pos = p + 1;
        return materialize ? s.slice(start, p) : undefined;
      }
      if (c === CH_BACKSLASH) break;
      if (c < 0x20 || Number.isNaN(c) || (this.lineMode && (c === 0x85 || c === 0x2028 || c === 0x2029))) {
        return this.badStringChar(c, p, start);
      }
      p++;
    }
    let out = s.slice(start, p);
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === CH_QUOTE) {
        this.pos = p + 1;
        return materialize ? out : undefined;
      }
      if (c === CH_BACKSLASH) {
        const e = s.charCodeAt(p + 1);
        switch (e) {
          case CH_QUOTE:
            out += '"';
            break;
          case CH_BACKSLASH:
            out += '\\';
            break;
          case 47:
            out += '/';
            break;
          case 98:
            out += '\b';
            break;
          case 102:
            out += '\f';
            break;
          case 110:
            out += '\n';
            break;
          case 114:
            out += '\r';
            break;
          case 116:
            out += '\t';
            break;
          case 117: {
            const hex = s.slice(p + 2, p + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape', p + 1);
            out += String.fromCharCode(parseInt(hex, 16));
            p += 4;
            break;
          }
          default:
            if (Number.isNaN(e)) this.fail('Unterminated string starting at', start - 1);
            this.fail('Invalid \\escape', p);
        }
        p += 2;
        continue;
      }
      if (c < 0x20 || Number.isNaN(c) || (this.lineMode && (c === 0x85 || c === 0x2028 || c === 0x2029))) {
        return this.badStringChar(c, p, start);
      }
      out += s[p];
      p++;
    }
  }

  badStringChar(c: number, p: number, start: number): never {
    if (Number.isNaN(c) || (this.lineMode && isLineBreak(c))) this.fail('Unterminated string starting at', start - 1);
    return this.fail('Invalid control character at', p);
  }

  number(materialize: boolean): number | bigint | PyFloat | undefined {
    const s = this.s;
    const start = this.pos;
    let p = start;
    if (s.charCodeAt(p) === CH_MINUS) p++;
    const first = s.charCodeAt(p);
    if (first === CH_0) {
      p++;
    } else if (first >= 49 && first <= CH_9) {
      while (s.charCodeAt(p) >= CH_0 && s.charCodeAt(p) <= CH_9) p++;
    } else {
      return this.fail('Expecting value', start);
    }
    const intEnd = p;
    let isFloat = false;
    if (s.charCodeAt(p) === CH_DOT && s.charCodeAt(p + 1) >= CH_0 && s.charCodeAt(p + 1) <= CH_9) {
      isFloat = true;
      p += 2;
      while (s.charCodeAt(p) >= CH_0 && s.charCodeAt(p) <= CH_9) p++;
    }
    const e = s.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = s.charCodeAt(q);
      if (sign === 43 || sign === CH_MINUS) q++;
      const d0 = q;
      while (s.charCodeAt(q) >= CH_0 && s.charCodeAt(q) <= CH_9) q++;
      if (q > d0) {
        isFloat = true;
        p = q;
      }
    }
    this.pos = p;
    if (!isFloat && intEnd - start > 4300 + (s.charCodeAt(start) === CH_MINUS ? 1 : 0)) {
      this.fail('Exceeds the limit (4300 digits) for integer string conversion', start);
    }
    if (!materialize) return undefined;
    const text = s.slice(start, p);
    if (isFloat) {
      const v = Number(text);
      return Number.isInteger(v) ? new PyFloat(v) : v;
    }
    return p - start <= 15 ? Number(text) + 0 : normInt(BigInt(text));
  }

  object(materialize: boolean, depth: number, proj: Projection = true): PyDict | undefined {
    if (depth > this.maxDepth) this.fail('RecursionError: maximum recursion depth exceeded');
    const s = this.s;
    this.pos++;
    const map: PyDict | undefined = materialize ? new Map() : undefined;
    this.skipWs();
    if (s.charCodeAt(this.pos) === CH_RBRACE) {
      this.pos++;
      return map;
    }
    for (;;) {
      if (s.charCodeAt(this.pos) !== CH_QUOTE) this.fail('Expecting property name enclosed in double quotes');
      const key = this.string(materialize);
      this.skipWs();
      if (s.charCodeAt(this.pos) !== CH_COLON) this.fail("Expecting ':' delimiter");
      this.pos++;
      this.skipWs();
      const child = proj === true ? true : 'each' in proj ? proj.each : proj.keys.get(key as string);
      const v = this.value(materialize && child !== undefined, depth, child);
      if (map && child !== undefined) map.set(key as string, v as PyVal);
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      if (c === CH_RBRACE) {
        this.pos++;
        return map;
      }
      if (c !== CH_COMMA) this.fail("Expecting ',' delimiter");
      this.pos++;
      this.skipWs();
    }
  }

  array(materialize: boolean, depth: number): PyVal[] | undefined {
    if (depth > this.maxDepth) this.fail('RecursionError: maximum recursion depth exceeded');
    const s = this.s;
    this.pos++;
    const list: PyVal[] | undefined = materialize ? [] : undefined;
    this.skipWs();
    if (s.charCodeAt(this.pos) === CH_RBRACKET) {
      this.pos++;
      return list;
    }
    for (;;) {
      const v = this.value(materialize, depth);
      if (list) list.push(v as PyVal);
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      if (c === CH_RBRACKET) {
        this.pos++;
        return list;
      }
      if (c !== CH_COMMA) this.fail("Expecting ',' delimiter");
      this.pos++;
      this.skipWs();
    }
  }

  /** A top-level value: an object keeps only `wanted` keys; anything else becomes NotDict. */
  row(wanted: Fields): Row {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c !== CH_LBRACE) {
      const v = this.value(true, 0);
      return new NotDict(topTypeName(v));
    }
    this.pos++;
    const row: RowDict = {};
    this.skipWs();
    if (s.charCodeAt(this.pos) === CH_RBRACE) {
      this.pos++;
      return row;
    }
    for (;;) {
      if (s.charCodeAt(this.pos) !== CH_QUOTE) this.fail('Expecting property name enclosed in double quotes');
      const key = this.string(true) as string;
      this.skipWs();
      if (s.charCodeAt(this.pos) !== CH_COLON) this.fail("Expecting ':' delimiter");
      this.pos++;
      this.skipWs();
      const proj = projectionOf(wanted, key);
      if (proj !== undefined) row[key] = this.value(true, 1, proj) as PyVal;
      else this.value(false, 1);
      this.skipWs();
      const d = s.charCodeAt(this.pos);
      if (d === CH_RBRACE) {
        this.pos++;
        return row;
      }
      if (d !== CH_COMMA) this.fail("Expecting ',' delimiter");
      this.pos++;
      this.skipWs();
    }
  }
}

function projectionOf(wanted: Fields, key: string): Projection | undefined {
  if (wanted instanceof Map) return wanted.get(key);
  return wanted.has(key) ? true : undefined;
}

function topTypeName(v: PyVal | undefined): string {
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return 'int';
  return 'float';
}

/** `[json.loads(l) for l in text.splitlines() if l.strip()]`, keeping only `wanted` keys. */
export function parseJsonl(text: string, wanted: Fields): JsonlRows {
  const p = new Parser(text, true);
  const rows: Row[] = [];
  const lineNos: number[] = [];
  const n = text.length;
  while (p.pos < n) {
    // At the start of a line: blank (to Python's str.strip) lines are skipped.
    let q = p.pos;
    while (q < n && isPySpaceInLine(text.charCodeAt(q))) q++;
    const c = text.charCodeAt(q);
    if (q >= n || isLineBreak(c)) {
      p.pos = q;
    } else {
      // json.loads skips only JSON whitespace before the value.
      p.skipWs();
      rows.push(p.row(wanted));
      lineNos.push(p.line);
      p.skipWs();
    }
    if (p.pos >= n) break;
    const e = text.charCodeAt(p.pos);
    if (e === CH_CR) p.pos += text.charCodeAt(p.pos + 1) === CH_LF ? 2 : 1;
    else if (isLineBreak(e)) p.pos += 1;
    else p.fail('Extra data');
    p.line++;
    p.lineStart = p.pos;
  }
  return { rows, lineNos };
}

/** `json.loads(text)` of a whole document, keeping only `wanted` top-level keys. */
export function parseJsonDoc(text: string, wanted: Fields): Row {
  const p = new Parser(text, false);
  if (text.charCodeAt(0) === 0xfeff) p.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)');
  p.skipWs();
  const row = p.row(wanted);
  p.skipWs();
  if (p.pos < text.length) p.fail('Extra data');
  return row;
}

/** Python `text.splitlines()`, with 1-based line numbers. */
export function splitPyLines(text: string): Array<{ line: string; lineNo: number }> {
  const out: Array<{ line: string; lineNo: number }> = [];
  let start = 0;
  let lineNo = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isLineBreak(c)) continue;
    out.push({ line: text.slice(start, i), lineNo });
    if (c === CH_CR && text.charCodeAt(i + 1) === CH_LF) i++;
    start = i + 1;
    lineNo++;
  }
  if (start < n) out.push({ line: text.slice(start), lineNo });
  return out;
}

/** Python `not line.strip()`. */
export function isBlankPyLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isPySpaceInLine(c) && !isLineBreak(c)) return false;
  }
  return true;
}
