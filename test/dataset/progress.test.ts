import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/dataset/progress.js';

function fakeSink(isTTY: boolean): { write: (t: string) => void; isTTY: boolean; out: string[] } {
  const out: string[] = [];
  return { write: (t) => out.push(t), isTTY, out };
}

describe('scan progress on stderr', () => {
  it('says done/total, rate and ETA', () => {
    expect(progressLine('scanning', 120, 1000, 2)).toBe('scanning 120/1000 episodes (12%), 60.0 episodes/s, ETA 15 s');
    expect(progressLine('scanning', 0, 10, 1)).toBe('scanning 0/10 episodes (0%), 0.0 episodes/s, ETA ?');
    expect(progressLine('scanning', 100, 10_000, 1)).toMatch(/ETA 1 min 39 s$/);
  });

  it('redraws one line on a terminal once the scan is long, and clears it at the end', () => {
    let t = 0;
    const sink = fakeSink(true);
    const p = createProgress(sink, { now: () => t });
    p.update(1, 10);
    expect(sink.out).toEqual([]); // within the first second: nothing
    t = 1500;
    p.update(5, 10);
    t = 1550;
    p.update(6, 10); // throttled
    t = 2000;
    p.update(10, 10);
    expect(sink.out).toHaveLength(2);
    expect(sink.out[0]).toBe('\r\x1b[Kscanning 5/10 episodes (50%), 3.3 episodes/s, ETA 2 s');
    p.finish();
    expect(sink.out[2]).toBe('\r\x1b[K');
  });

  it('is silent when stderr is not a terminal', () => {
    let t = 0;
    const sink = fakeSink(false);
    const p = createProgress(sink, { now: () => t });
    t = 5000;
    p.update(5, 10);
    p.finish();
    expect(sink.out).toEqual([]);
  });
});
