/**
 * One episode's verdict, exactly as the reference's `classify_episode` computes it.
 *
 * Reasons, in the reference's order:
 *   no-sample           meta.sample is null (or meta.json absent)
 *   no-workload-events  no events.jsonl row whose event starts with "workload_"
 *   workload-failed     a workload_failed event
 *   flat-cpu            labels exist, at least one telemetry source has data, and none of the
 *                       available sources (proc, netflow, qmp, guest) distinguishes phases
 *   workload-silent     the dormant workload_killed probe saw yes == "0" AND flat-cpu holds
 *
 * Pure: rows in, verdict out. A Python error the reference would raise becomes an
 * `unreadable` verdict naming the member and line.
 */
import { PyError, isDict, pyJsonDumps, pyStr, typeName, type PyVal } from '../py/value.js';
import { makePhases } from './phases.js';
import { RowError, asDict } from './rowaccess.js';
import { guestSignal } from './sources/guest.js';
import { netflowSignal } from './sources/netflow.js';
import { procSignal } from './sources/proc.js';
import { qmpSignal } from './sources/qmp.js';
import {
  NotDict,
  isColumns,
  type ClassifierSettings,
  type EpisodeRows,
  type Evidence,
  type ProbeFinding,
  type Reason,
  type SourceData,
  type SourceEvidence,
  type SourceName,
  type Verdict,
} from './types.js';
import { oneLine } from '../shared/text.js';

export function unreadableVerdict(detail: string): Verdict {
  return { reasons: ['unreadable'], sampleJson: null, moduleJson: null, unreadable: oneLine(detail, 300), evidence: null };
}

export function classify(ep: EpisodeRows, settings: ClassifierSettings): Verdict {
  try {
    return classifyOrThrow(ep, settings);
  } catch (e) {
    if (e instanceof RowError) return unreadableVerdict(e.message);
    if (e instanceof PyError) return unreadableVerdict(e.message);
    throw e;
  }
}

/** `x.get(key)` where x must be a dict (sample / exploit objects). */
function attrGet(v: PyVal, key: string, where: string): PyVal {
  if (!isDict(v)) throw new RowError('meta.json', null, `${where}: AttributeError: '${typeName(v)}' object has no attribute 'get'`);
  const x = v.get(key);
  return x === undefined ? null : x;
}

function classifyOrThrow(ep: EpisodeRows, settings: ClassifierSettings): Verdict {
  const reasons: Reason[] = [];
  let sampleJson: string | null = null;
  let moduleJson: string | null = null;

  // meta: a missing meta.json reads as {}; anything but an object has no .get.
  const metaRow = ep.meta?.row ?? {};
  if (metaRow instanceof NotDict) {
    throw new RowError(ep.meta?.member ?? 'meta.json', null, `AttributeError: '${metaRow.pyType}' object has no attribute 'get'`);
  }
  const sample = metaRow.sample ?? null;
  if (sample === null) reasons.push('no-sample');
  else sampleJson = jsonOrNull(attrGet(sample, 'name', 'sample'));
  const exploit = metaRow.exploit ?? null;
  if (exploit !== null) moduleJson = jsonOrNull(attrGet(exploit, 'module_name', 'exploit'));

  // events: every row must be an object (the reference calls .get on each).
  const events = ep.events;
  let workloadEvents = 0;
  let workloadFailed = false;
  for (let i = 0; i < events.rows.length; i++) {
    const row = events.rows[i]!;
    if (row instanceof NotDict) {
      throw new RowError(
        events.member ?? 'events.jsonl',
        events.lineNos[i] ?? null,
        `AttributeError: '${row.pyType}' object has no attribute 'get'`,
      );
    }
    const ev = row.event;
    // str(e.get("event", "")).startswith("workload_"): only a str can start that way.
    if (typeof ev === 'string' && ev.startsWith('workload_')) workloadEvents++;
    if (ev === 'workload_failed') workloadFailed = true;
  }
  if (workloadEvents === 0) reasons.push('no-workload-events');
  if (workloadFailed) reasons.push('workload-failed');

  // The dormant kill probe: only yes == "0" (the string) says silent; the first such event wins.
  let probe: ProbeFinding = 'no-probe';
  for (const row of events.rows) {
    const e = asDict(row);
    if (e.event !== 'workload_killed' || e.phase !== 'dormant') continue;
    const p = e.pre_kill_probe;
    if (p !== undefined && isDict(p)) {
      if (p.get('yes') === '0') {
        probe = 'silent';
        break;
      }
      probe = 'not-silent';
    } else if (probe === 'no-probe') {
      probe = 'not-silent';
    }
  }

  const labelCount = isColumns(ep.labels) ? ep.labels.columns.n : ep.labels.rows.length;
  const evidence: Evidence = {
    members: {
      'meta.json': ep.meta?.member ?? null,
      'events.jsonl': ep.events.member,
      'labels.jsonl': ep.labels.member,
      'telemetry-proc.jsonl': ep.proc.member,
      'netflow.jsonl': ep.netflow.member,
      'telemetry-qmp.jsonl': ep.qmp.member,
      'telemetry-guest.jsonl': ep.guest.member,
    },
    workloadEvents,
    workloadFailed,
    probe,
    labels: labelCount,
    phases: labelPhases(ep.labels),
    sources: null,
  };

  // No labels: no phase boundaries, so no flatness analysis at all.
  if (labelCount === 0) {
    return { reasons, sampleJson, moduleJson, unreadable: null, evidence };
  }

  const phases = makePhases(ep.labels);
  const sources: Record<SourceName, SourceEvidence> = {
    proc: procSignal(ep.proc, phases, settings),
    netflow: netflowSignal(ep.netflow, phases, settings),
    qmp: qmpSignal(ep.qmp, phases, settings),
    guest: guestSignal(ep.guest, phases, settings),
  };
  evidence.sources = sources;

  // Flat only if every available source is flat; a missing source is unknown, not flat.
  const available = Object.values(sources).filter((s) => s.status !== 'unknown');
  const flat = available.length > 0 && available.every((s) => s.status === 'flat');
  if (flat) reasons.push('flat-cpu');
  if (probe === 'silent' && flat) reasons.push('workload-silent');

  return { reasons, sampleJson, moduleJson, unreadable: null, evidence };
}

/** Label phases in file order (str() of each phase value). */
function labelPhases(labels: SourceData): string[] {
  if (isColumns(labels)) {
    const c = labels.columns;
    return Array.from(c.num.phase!, (id) => c.names[id]!);
  }
  return labels.rows.map((r) => (r instanceof NotDict ? `<${r.pyType}>` : r.phase === undefined ? '<none>' : pyStr(r.phase)));
}

function jsonOrNull(v: PyVal): string | null {
  return v === null ? null : pyJsonDumps(v);
}
