/** Python's `row.get(k, default)` and `row[k]` on a parsed row, raising where Python raises. */
import { PyError, type PyVal } from '../py/value.js';
import { NotDict, type Row, type RowDict, type SourceColumns, type SourceRows } from './types.js';

/** A Python exception located in a member's row: becomes the episode's `unreadable` detail. */
export class RowError extends Error {
  constructor(
    readonly member: string,
    readonly line: number | null,
    readonly what: string,
  ) {
    super(`${member}${line === null ? '' : ` line ${line}`}: ${what}`);
    this.name = 'RowError';
  }
}

/** `row.get(...)`: a non-object row has no `.get`. */
export function asDict(row: Row): RowDict {
  if (row instanceof NotDict) throw new PyError(`AttributeError: '${row.pyType}' object has no attribute 'get'`);
  return row;
}

/** `row[key]`: KeyError when absent; a non-object row is not subscriptable by str. */
export function getItem(row: Row, key: string): PyVal {
  if (row instanceof NotDict) {
    const what =
      row.pyType === 'list'
        ? 'list indices must be integers or slices, not str'
        : row.pyType === 'str'
          ? "string indices must be integers, not 'str'"
          : `'${row.pyType}' object is not subscriptable`;
    throw new PyError(`TypeError: ${what}`);
  }
  const v = row[key];
  if (v === undefined) throw new PyError(`KeyError: '${key}'`);
  return v;
}

/** Run `fn` for one row; a Python error inside is re-thrown with the member and line. */
export function locate(src: SourceRows, index: number, e: unknown): never {
  if (e instanceof PyError) throw new RowError(src.member ?? '(member)', src.lineNos[index] ?? null, e.message);
  throw e;
}

/** `locate` for a member stored as columns. */
export function locateColumn(src: SourceColumns, index: number, e: unknown): never {
  if (e instanceof PyError) throw new RowError(src.member ?? '(member)', src.columns.lineNos[index] ?? null, e.message);
  throw e;
}
