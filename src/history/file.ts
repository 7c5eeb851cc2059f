/** Reading and writing a history file on disk (atomic replace: a reader never sees half a file). */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { DEFAULT_MAX_ROWS, formatHistory, mergeRows, parseHistory, type HistoryRow } from './format.js';

/** The rows of a history file; a file that does not exist yet is an empty history. */
export function readHistoryFile(abs: string, name: string): HistoryRow[] {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`cannot read the history ${name}: ${fsErrorWithFix(e, 'check the history path')}`);
  }
  return parseHistory(text, name);
}

/** Add `row` to the history file (created when missing), keeping the newest `maxRows`; returns the rows written. */
export function appendHistoryFile(abs: string, name: string, row: HistoryRow, maxRows = DEFAULT_MAX_ROWS): HistoryRow[] {
  const rows = mergeRows(readHistoryFile(abs, name), [row], maxRows);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, formatHistory(rows));
    renameSync(tmp, abs);
  } catch (e) {
    throw new ConfigError(
      `cannot write the history ${name}: ${fsErrorWithFix(e, 'check that its folder exists and is writable', 'write')}`,
    );
  }
  return rows;
}
