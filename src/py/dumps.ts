/**
 * Writing JSON laid out as Python's `json.dumps(obj, indent=2)` writes it (ensure_ascii on),
 * so the operator's --json output matches the reference byte for byte where fields coincide.
 */
import { pyJsonString } from './value.js';

/** Text that is already JSON (e.g. a sample name as the reference would dump it). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type OutValue = null | boolean | number | string | RawJson | OutValue[] | { [k: string]: OutValue | undefined };

export function dumpPyJson(v: OutValue, indent = 2, level = 0): string {
  if (v === null) return 'null';
  if (v instanceof RawJson) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : JSON.stringify(v);
  if (typeof v === 'string') return pyJsonString(v);
  const pad = '\n' + ' '.repeat(indent * (level + 1));
  const end = '\n' + ' '.repeat(indent * level);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + pad + v.map((x) => dumpPyJson(x, indent, level + 1)).join(',' + pad) + end + ']';
  }
  const items = Object.entries(v).filter(([, x]) => x !== undefined);
  if (items.length === 0) return '{}';
  return (
    '{' + pad + items.map(([k, x]) => `${pyJsonString(k)}: ${dumpPyJson(x as OutValue, indent, level + 1)}`).join(',' + pad) + end + '}'
  );
}
