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
  /** Formats a value with the given digits after the point (its usual digits when left out). */
  fmt: (n: number, digits?: number) => string,
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
    why: `${name} spread ${comparison(spread, signal ? '>=' : '<', threshold, fmt)}${single}`,
  };
}

/**
 * "a < b" with enough digits that the printed numbers show the inequality: 51199 bytes against
 * 50 KiB prints "49.999 KiB < 50.000 KiB", not "50.0 KiB < 50.0 KiB".
 */
export function comparison(value: number, op: '<' | '>=', threshold: number, fmt: (n: number, digits?: number) => string): string {
  let a = fmt(value);
  let b = fmt(threshold);
  if (op === '<' && value < threshold) {
    for (let digits = 1; a === b && digits <= 12; digits++) {
      a = fmt(value, digits);
      b = fmt(threshold, digits);
    }
  }
  return `${a} ${op} ${b}`;
}
