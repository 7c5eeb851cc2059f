/**
 * Phase mapping by t_wall_ns, the one clock every collector shares.
 *
 * Exactly the reference's `phase_at`: a row without t_wall_ns (or with null) is in "(pre)";
 * otherwise labels are scanned in file order and the scan stops at the first label later than
 * the row (so unsorted labels are honoured as the reference honours them); a label without
 * t_wall_ns counts as 0. Comparisons are exact integers (bigint past 2^53): a row 1 ns before a
 * label stays in the earlier phase.
 */
import { int64Value, wallValue, type Columns } from '../py/columns.js';
import { PyError, hashKey, pyLe, pyStr, type PyVal } from '../py/value.js';
import { RowError, asDict } from './rowaccess.js';
import { NotDict, isColumns, type Row, type RowDict, type SourceData, type SourceRows } from './types.js';

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

/** Phases as small ids with Python dict-key identity, in first-seen order; id 0 is "(pre)". */
export class PhaseIds {
  readonly values: PyVal[] = [PRE_PHASE];
  private readonly byKey = new Map<string, number>([[hashKey(PRE_PHASE), 0]]);

  idOf(phase: PyVal): number {
    const key = hashKey(phase);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(phase);
      this.byKey.set(key, id);
    }
    return id;
  }
}

/** The phase id of row i of a member stored as columns. */
type WallPhaseAt = (c: Columns, i: number) => number;

/** The phase mapping for members stored either way, from labels stored either way. */
export interface Phases {
  ids: PhaseIds;
  /** For members stored as rows. */
  rowAt: PhaseAt;
  /** For members stored as columns. */
  wallAt: WallPhaseAt;
}

export function makePhases(labels: SourceData): Phases {
  const ids = new PhaseIds();
  let rowAt: PhaseAt | null = null;
  const rowPhaseAt: PhaseAt = (row) => (rowAt ??= makePhaseAt(labelRows(labels)))(row);
  if (!isColumns(labels)) {
    const at = makePhaseAt(labels);
    return {
      ids,
      rowAt: at,
      wallAt: (c, i) => {
        const tw = wallValue(c, i);
        return tw === null ? 0 : ids.idOf(at({ t_wall_ns: tw }));
      },
    };
  }
  // Labels as columns: int64 t_wall_ns and str phases, compared as halves, in file order.
  const lc = labels.columns;
  const m = lc.n;
  const lh = lc.wallHi;
  const ll = lc.wallLo;
  const phase = lc.num.phase!;
  const lid = new Int32Array(m);
  for (let j = 0; j < m; j++) lid[j] = ids.idOf(lc.names[phase[j]!]!);
  return {
    ids,
    rowAt: rowPhaseAt,
    wallAt: (c, i) => {
      if (c.wallSet[i] === 0) return 0;
      const th = c.wallHi[i]!;
      const tl = c.wallLo[i]!;
      let cur = 0;
      for (let j = 0; j < m; j++) {
        const h = lh[j]!;
        if (h > th || (h === th && ll[j]! > tl)) break;
        cur = lid[j]!;
      }
      return cur;
    },
  };
}

/** Labels as rows (labels stored as columns turned back into the rows they were). */
function labelRows(labels: SourceData): SourceRows {
  if (!isColumns(labels)) return labels;
  const c = labels.columns;
  const phase = c.num.phase!;
  const rows: Row[] = [];
  const lineNos: number[] = [];
  for (let i = 0; i < c.n; i++) {
    rows.push({ t_wall_ns: int64Value(c.wallHi[i]!, c.wallLo[i]!), phase: c.names[phase[i]!]! });
    lineNos.push(c.lineNos[i]!);
  }
  return { member: labels.member, rows, lineNos };
}

/** Groups values by phase id, keeping first-seen order (PhaseBuckets for members stored as columns). */
export class IdBuckets<T> {
  private readonly items: Array<T | undefined> = [];
  private readonly order: number[] = [];
  /** Rows come in time order: the previous row's phase is tried first. */
  private lastId = -1;
  private lastItems: T | undefined = undefined;
  constructor(private readonly init: () => T) {}

  get(id: number): T {
    if (id === this.lastId) return this.lastItems as T;
    let b = this.items[id];
    if (b === undefined) {
      b = this.init();
      this.items[id] = b;
      this.order.push(id);
    }
    this.lastId = id;
    this.lastItems = b;
    return b;
  }

  get size(): number {
    return this.order.length;
  }

  /** The buckets in first-seen order, labelled as PhaseBuckets labels them. */
  entries(ids: PhaseIds): Array<{ label: string; items: T }> {
    return this.order.map((id) => ({ label: pyStr(ids.values[id]!), items: this.items[id] as T }));
  }
}
