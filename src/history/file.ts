/** Reading and writing a history file on disk (atomic replace: a reader never sees half a file). */
import { readFileSync } from 'node:fs';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/write-file.js';
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
  writeFileAtomic(abs, formatHistory(rows), 'history');
  return rows;
}
