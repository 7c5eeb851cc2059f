/**
 * A one-line progress indicator for long scans: episodes done / total, rate and ETA, redrawn in
 * place on a terminal. Silent on anything that is not a terminal (and callers skip it for
 * machine-readable output), silent for scans that finish within the first second.
 */

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

export interface Progress {
  /** scanDataset's onProgress. */
  update(done: number, total: number): void;
  /** Clear the line (call once the scan is over, before printing results). */
  finish(): void;
}

const QUIET: Progress = { update: () => {}, finish: () => {} };

export function createProgress(
  sink: ProgressSink,
  opts: { label?: string; now?: () => number; delayMs?: number; everyMs?: number } = {},
): Progress {
  if (!sink.isTTY) return QUIET;
  const now = opts.now ?? (() => performance.now());
  const label = opts.label ?? 'scanning';
  const delayMs = opts.delayMs ?? 1000;
  const everyMs = opts.everyMs ?? 200;
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < delayMs || (t - last < everyMs && done < total)) return;
      last = t;
      shown = true;
      sink.write(`\r\x1b[K${progressLine(label, done, total, (t - started) / 1000)}`);
    },
    finish() {
      if (shown) sink.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** "scanning 120/1000 episodes (12%), 85.3 episodes/s, ETA 10 s" */
export function progressLine(label: string, done: number, total: number, elapsedS: number): string {
  const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const eta = rate > 0 ? (total - done) / rate : NaN;
  return `${label} ${done}/${total} episodes (${pct}%), ${rate.toFixed(1)} episodes/s, ETA ${formatDuration(eta)}`;
}

function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
