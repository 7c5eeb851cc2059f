import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOTATIONS_PER_STEP, annotateRegressions, fitSummary } from '../../src/action/outputs.js';
import { commentBody, commentMarker, MAX_COMMENT_CHARS } from '../../src/action/comment.js';
import { parseAnnotations } from '../support/run-action.js';

let written = '';
beforeEach(() => {
  written = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const regressions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'case-flip', message: `episode ${i} flipped kept -> flagged` }));

describe('regression annotations stay within 10 per step', () => {
  it('up to the budget, one annotation each', () => {
    annotateRegressions(regressions(9), true, 1);
    const a = parseAnnotations(written);
    expect(a).toHaveLength(9);
    expect(a.every((x) => x.level === 'error')).toBe(true);
    expect(a[8]!.message).toBe('episode 8 flipped kept -> flagged');
  });

  it('past it, the rest are counted in one more annotation, leaving room for setFailed', () => {
    annotateRegressions(regressions(25), true, 1);
    const a = parseAnnotations(written);
    expect(a).toHaveLength(ANNOTATIONS_PER_STEP - 1);
    expect(a[7]!.message).toBe('episode 7 flipped kept -> flagged');
    expect(a[8]!.message).toMatch(/^17 more regressions not annotated here: .*all 25/);
  });

  it('past it, the most telling are annotated: a gone episode before the totals it moves', () => {
    const totals = Array.from({ length: 12 }, (_, i) => ({ kind: 'kept-drop', message: `total ${i}` }));
    annotateRegressions([...totals, { kind: 'gone-kept', message: '1 episode kept in the baseline is gone' }], true, 1);
    const a = parseAnnotations(written);
    expect(a[0]!.message).toBe('1 episode kept in the baseline is gone');
    expect(a[1]!.message).toBe('total 0');
    expect(a.at(-1)!.message).toMatch(/^5 more regressions not annotated here/);
  });

  it('as warnings when the step passes (fail-on: never), with the full budget', () => {
    annotateRegressions(regressions(12), false, 1);
    const a = parseAnnotations(written);
    expect(a).toHaveLength(ANNOTATIONS_PER_STEP);
    expect(a.every((x) => x.level === 'warning')).toBe(true);
    expect(a[9]!.message).toMatch(/^3 more regression/);
  });

  it('a message with newlines stays one annotation line', () => {
    annotateRegressions([{ kind: 'k', message: 'line one\nline two' }], true, 1);
    expect(parseAnnotations(written)).toEqual([expect.objectContaining({ message: 'line one line two' })]);
  });
});

describe('size limits', () => {
  it('the job summary is cut under 1 MiB at a line boundary, with a note', () => {
    const line = '| lab-ü | episode | flat-cpu |\n';
    const md = line.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(line)));
    const out = fitSummary(md);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(1024 * 1024);
    expect(out).toMatch(/JSON report has everything/);
    expect(
      out
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .every((l) => l === line.trimEnd()),
    ).toBe(true);
    expect(fitSummary('small\n')).toBe('small\n');
  });

  it('the PR comment fits GitHub’s 65,536 characters and keeps its marker', () => {
    const marker = commentMarker(['audit', 'gate', 'path:data']);
    const body = commentBody('x\n'.repeat(MAX_COMMENT_CHARS), 'https://github.com/o/r/actions/runs/1', marker);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(marker)).toBe(true);
    expect(marker).toMatch(/^<!-- episode-gate:sticky-summary key=[0-9a-f]{16} -->$/);
    expect(commentMarker(['audit', 'gate', 'path:data2'])).not.toBe(marker);
    expect(body).toContain('https://github.com/o/r/actions/runs/1');
  });
});
