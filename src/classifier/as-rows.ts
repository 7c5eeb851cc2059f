/**
 * A member stored as columns turned back into rows holding what the columns hold: for pictures
 * (series.ts) and tests, never for verdicts. QMP blockstats become one device, "(total)", whose
 * wr_bytes is the row's total.
 */
import { int64Value } from '../py/columns.js';
import { PyFloat, type PyVal } from '../py/value.js';
import { isColumns, type RowDict, type SourceData, type SourceRows } from './types.js';

export function asRows(src: SourceData): SourceRows {
  if (!isColumns(src)) return src;
  const c = src.columns;
  const rows: RowDict[] = [];
  for (let i = 0; i < c.n; i++) {
    const row: RowDict = {};
    for (const f of c.fields) {
      if (f.kind === 'wall') {
        if (c.wallSet[i] !== 0) row[f.name] = int64Value(c.wallHi[i]!, c.wallLo[i]!);
        continue;
      }
      const v = c.num[f.name]![i]!;
      let value: PyVal | undefined;
      if (f.kind === 'str') value = c.names[v]!;
      else if (f.kind === 'blockstats') value = new Map([['(total)', new Map([['wr_bytes', v]])]]);
      else if (f.kind === 'first-float') value = Number.isNaN(v) ? undefined : [Number.isInteger(v) ? new PyFloat(v) : v];
      else value = v;
      if (value !== undefined) row[f.name] = value;
    }
    rows.push(row);
  }
  return { member: src.member, rows, lineNos: Array.from(c.lineNos) };
}
