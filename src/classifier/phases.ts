/**
 * Phase mapping by t_wall_ns, the one clock every collector shares.
 *
 * Exactly the reference's `phase_at`: a row without t_wall_ns (or with null) is in "(pre)";
 * otherwise labels are scanned in file order and the scan stops at the first label later than
 * the row (so unsorted labels are honoured as the reference honours them); a label without
 * t_wall_ns counts as 0. Comparisons are exact integers (bigint past 2^53): a row 1 ns before a
 * label stays in the earlier phase.
 */
import { PyError, hashKey, pyLe, pyStr, type PyVal } from '../py/value.js';
import { RowError, asDict } from './rowaccess.js';
import { NotDict, type RowDict, type SourceRows } from './types.js';

const PRE_PHASE = '(pre)';

export type PhaseAt = (row: RowDict) => PyVal;

export function makePhaseAt(labels: SourceRows): PhaseAt {
  const rows = labels.rows;
  return (row: RowDict): PyVal => {
    const tw = row.t_wall_ns;
    if (tw === undefined || tw === null) return PRE_PHASE;
    let cur: PyVal = PRE_PHASE;
    for (let i = 0; i < rows.length; i++) {
      const lab = rows[i] as RowDict | NotDict;
      // The common case (dict label, int timestamps, a phase) without the general machinery.
      if (!(lab instanceof NotDict)) {
        const t = lab.t_wall_ns;
        const phase = lab.phase;
        if (phase !== undefined && typeof t === typeof tw && (typeof t === 'bigint' || (typeof t === 'number' && Number.isInteger(t)))) {
          if ((t as number | bigint) > (tw as number | bigint)) break;
          cur = phase;
          continue;
        }
      }
      try {
        const d = asDict(lab);
        const t = d.t_wall_ns === undefined ? 0 : d.t_wall_ns;
        if (!pyLe(t, tw)) break;
        const phase = d.phase;
        if (phase === undefined) throw new PyError("KeyError: 'phase'");
        cur = phase;
      } catch (e) {
        if (e instanceof PyError) throw new RowError(labels.member ?? 'labels.jsonl', labels.lineNos[i] ?? null, e.message);
        throw e;
      }
    }
    return cur;
  };
}

/** Groups values by phase with Python dict-key identity, keeping first-seen order. */
export class PhaseBuckets<T> {
  readonly byKey = new Map<string, { label: string; items: T }>();
  /** Rows come in time order, so the phase is usually the previous row's: skip the hashing. */
  private lastPhase: PyVal | undefined = undefined;
  private lastItems: T | undefined = undefined;
  constructor(private readonly init: () => T) {}

  get(phase: PyVal): T {
    // Identical primitives are the same dict key (NaN never equals itself, so it never hits).
    if (phase === this.lastPhase && (typeof phase === 'string' || typeof phase === 'number')) return this.lastItems as T;
    const items = this.lookup(phase);
    this.lastPhase = phase;
    this.lastItems = items;
    return items;
  }

  private lookup(phase: PyVal): T {
    const key = hashKey(phase);
    let b = this.byKey.get(key);
    if (!b) {
      b = { label: pyStr(phase), items: this.init() };
      this.byKey.set(key, b);
    }
    return b.items;
  }

  has(phase: PyVal): boolean {
    return this.byKey.has(hashKey(phase));
  }

  get size(): number {
    return this.byKey.size;
  }
}
