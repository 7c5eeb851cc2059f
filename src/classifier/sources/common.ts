import type { PhaseValue, SourceEvidence, SourceStatus } from '../types.js';

export function unknown(rows: number, threshold: number, why: string, used = 0, phases: PhaseValue[] = []): SourceEvidence {
  return { status: 'unknown', rows, used, phases, spread: null, threshold, why };
}

export function decided(
  name: string,
  rows: number,
  used: number,
  phases: PhaseValue[],
  spread: number,
  signal: boolean,
  threshold: number,
  fmt: (n: number) => string,
): SourceEvidence {
  const status: SourceStatus = signal ? 'signal' : 'flat';
  const single = phases.length === 1 ? ' (one phase only)' : '';
  return {
    status,
    rows,
    used,
    phases,
    spread,
    threshold,
    why: `${name} spread ${fmt(spread)} ${signal ? '>=' : '<'} ${fmt(threshold)}${single}`,
  };
}
