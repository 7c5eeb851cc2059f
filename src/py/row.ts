/** One parsed JSONL row, as Python's json.loads gives it, holding only the keys a reader asked for. */
import type { PyVal } from './value.js';

/** A top-level JSONL row that is not a JSON object (the reference's `.get` on it raises). */
export class NotDict {
  constructor(readonly pyType: string) {}
}
/** A top-level JSON object holding only the keys the classifier reads (absent = undefined). */
export type RowDict = Record<string, PyVal | undefined>;
export type Row = RowDict | NotDict;
